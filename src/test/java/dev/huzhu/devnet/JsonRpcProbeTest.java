package dev.huzhu.devnet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The probe reads eth_chainId's answer as JSON, not by pattern. */
class JsonRpcProbeTest {
    @Test
    void readsTheResultOfAnAnswer() {
        assertEquals(OptionalLong.of(31337), JsonRpcProbe.parseChainId("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x7a69\"}"));
        assertEquals(OptionalLong.of(11155111), JsonRpcProbe.parseChainId("{ \"id\" : 1 , \"result\" : \"0xaa36a7\" , \"jsonrpc\":\"2.0\"}"));
    }

    @Test
    void anythingElseIsNoNode() {
        assertEquals(OptionalLong.empty(), JsonRpcProbe.parseChainId("{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32601,\"message\":\"no\"}}"));
        assertEquals(OptionalLong.empty(), JsonRpcProbe.parseChainId("<html>not a node</html>"));
        assertEquals(OptionalLong.empty(), JsonRpcProbe.parseChainId("{\"note\":\"\\\"result\\\": \\\"0x1\\\"\"}"));
    }
}
