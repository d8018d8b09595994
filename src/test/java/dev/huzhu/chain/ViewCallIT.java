package dev.huzhu.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.huzhu.contracts.AidPool;
import dev.huzhu.devnet.HardhatNode;
import dev.huzhu.devnet.HardhatNodeExtension;
import dev.huzhu.indexer.DemoChain;
import dev.huzhu.protocol.EventArgs;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.Web3j;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.exceptions.ContractCallException;

/**
 * {@link ViewCall} answers what the generated wrappers answer, on the demo's plan, and fails where they fail: a
 * contract without the view and an address without code are a {@link ContractCallException}, a node that cannot be
 * reached an {@link IOException}.
 */
@ExtendWith(HardhatNodeExtension.class)
class ViewCallIT {

    @Test
    void readsWhatTheWrapperReads(HardhatNode node) throws Exception {
        String plan = DemoChain.on(node).outcome().poolAddress();
        try (ChainConnection chain = ChainConnection.open(node.rpcUrl())) {
            AidPool wrapper = AidPool.load(plan, chain.web3j(), new ReadonlyTransactionManager(chain.web3j(), plan), chain.gasProvider());
            ViewCall view = new ViewCall(chain.web3j(), plan);

            AidPool.Rules rules = view.one("rules", new TypeReference<AidPool.Rules>() {});
            @SuppressWarnings("unchecked")
            Map<String, Object> mine = (Map<String, Object>) EventArgs.normalize(rules);
            assertFalse(mine.isEmpty(), "the rules struct has fields");
            assertEquals(EventArgs.normalize(wrapper.rules().send()), mine, "every field of the rules, as the wrapper decodes them");

            var info = wrapper.planInfo().send();
            List<Type> both = view.call("planInfo", List.of(), List.of(new TypeReference<Uint256>() {}, new TypeReference<Address>() {}));
            assertEquals(info.component1(), both.get(0).getValue(), "planInfo's first output");
            assertEquals(info.component2().toLowerCase(), both.get(1).getValue().toString().toLowerCase(), "planInfo's second output");
            assertEquals(info.component1(), view.uint("planInfo"), "the first word alone");
            assertEquals(wrapper.activeMembers().send(), view.uint("activeMembers"));
        }
    }

    @Test
    void aContractWithoutTheViewOrWithoutCodeIsAContractCallException(HardhatNode node) throws Exception {
        String factory = DemoChain.on(node).outcome().factoryAddress();
        try (ChainConnection chain = ChainConnection.open(node.rpcUrl())) {
            ContractCallException reverted = assertThrows(ContractCallException.class,
                    () -> new ViewCall(chain.web3j(), factory).one("rules", new TypeReference<AidPool.Rules>() {}));
            assertTrue(reverted.getMessage().contains("rules()"), reverted.getMessage());
            assertThrows(ContractCallException.class,
                    () -> new ViewCall(chain.web3j(), "0x000000000000000000000000000000000000dEaD").uint("activeMembers"),
                    "no code: the node answers 0x");
        }
    }

    @Test
    void anUnreachableNodeIsAnIOException() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there now
        }
        Web3j web3j = Web3j.build(RpcHttp.service("http://127.0.0.1:" + port));
        try {
            assertThrows(IOException.class, () -> new ViewCall(web3j, "0x000000000000000000000000000000000000dEaD").uint("activeMembers"));
        } finally {
            web3j.shutdown();
        }
    }
}
