package dev.huzhu.chain;

import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.tx.exceptions.ContractCallException;

/**
 * A contract's views read without a generated wrapper, for code that runs in a long-lived process (the indexer). Every
 * web3j wrapper's constructor builds an ENS resolver with an {@code OkHttpClient} of its own, and the first one in a
 * JVM loads the trust store and TLS machinery: ~0.3 s of CPU that the indexer paid in the middle of a catch-up, the
 * first time it read a plan's rules (docs/indexer.md, "A plan's rules without a wrapper"). The call and its decoding
 * are the wrappers' own ({@link FunctionEncoder}, {@link FunctionReturnDecoder}, generated structs as output types), and
 * so are the failures: an answer that is an error or empty is a {@link ContractCallException} (the contract does not
 * answer this view: a revert, as the wrappers take any error), a node that cannot be reached an {@link IOException},
 * an HTTP error status web3j's {@code ClientConnectionException}.
 */
public final class ViewCall {
    private final Web3j web3j;
    private final String contract;

    public ViewCall(Web3j web3j, String contract) {
        this.web3j = web3j;
        this.contract = contract;
    }

    /**
     * The decoded outputs of view {@code name} called with {@code args}, at the latest block.
     *
     * @throws ContractCallException the node answered with an error (a revert, most likely) or with nothing
     * @throws IOException the node could not be reached
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public List<Type> call(String name, List<Type> args, List<TypeReference<?>> outputs) throws IOException {
        Function f = new Function(name, args, outputs);
        EthCall r = web3j.ethCall(Transaction.createEthCallTransaction(null, contract, FunctionEncoder.encode(f)),
                DefaultBlockParameterName.LATEST).send();
        if (r.hasError()) {
            throw new ContractCallException(contract + " answered " + name + "() with an error: " + r.getError().getMessage());
        }
        List<Type> values = r.getValue() == null ? List.of() : FunctionReturnDecoder.decode(r.getValue(), (List) f.getOutputParameters());
        if (values.size() != outputs.size()) {
            throw new ContractCallException("Empty value (0x) returned from " + contract + " for " + name + "()");
        }
        return values;
    }

    /** The one output of view {@code name}, of type {@code output} (a generated struct, say). */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public <T extends Type> T one(String name, TypeReference<T> output, Type... args) throws IOException {
        return (T) call(name, List.of(args), List.of(output)).get(0);
    }

    /** The one unsigned-integer output of view {@code name} (any uintN: an ABI word either way). */
    @SuppressWarnings("rawtypes")
    public BigInteger uint(String name, Type... args) throws IOException {
        return one(name, new TypeReference<Uint256>() {}, args).getValue();
    }
}
