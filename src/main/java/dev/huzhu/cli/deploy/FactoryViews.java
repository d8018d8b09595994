package dev.huzhu.cli.deploy;

import dev.huzhu.chain.NetworkException;
import dev.huzhu.cli.ChainContext;
import java.io.IOException;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;

/** The factory's views deploy needs before any wrapper is loaded. */
final class FactoryViews {
    private FactoryViews() {}

    /** The AidPoints contract the factory created. */
    @SuppressWarnings("rawtypes")
    static String points(ChainContext chain, String factory) {
        Function f = new Function("points", List.of(), List.of(new TypeReference<Address>() {}));
        try {
            String result = chain.web3j().ethCall(Transaction.createEthCallTransaction(null, factory, FunctionEncoder.encode(f)),
                    DefaultBlockParameterName.LATEST).send().getValue();
            List<Type> values = FunctionReturnDecoder.decode(result, f.getOutputParameters());
            return dev.huzhu.protocol.Address.checksum(values.get(0).getValue().toString());
        } catch (IOException | RuntimeException e) {
            throw new NetworkException("cannot read the factory's points contract: " + e.getMessage(), e);
        }
    }
}
