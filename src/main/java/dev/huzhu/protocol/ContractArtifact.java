package dev.huzhu.protocol;

import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Type;

/** A compiled contract's creation bytecode, as packaged with the build ({@link ProtocolAbi}). */
public record ContractArtifact(String name, String bytecode) {
    /**
     * The contract called {@code name} ("AidPool", "AidPoolFactory", "MockUSD").
     *
     * @throws IllegalStateException when it is not packaged or has no bytecode (an interface)
     */
    public static ContractArtifact load(String name) {
        ProtocolAbi.Contract c = ProtocolAbi.packaged().contract(name);
        if (c.bytecode().length() <= 2) {
            throw new IllegalStateException(name + " has no creation bytecode (an interface or abstract contract?)");
        }
        return new ContractArtifact(name, c.bytecode());
    }

    /** Creation data: bytecode followed by the ABI-encoded constructor arguments. */
    public String creationData(List<Type> constructorArgs) {
        return bytecode + (constructorArgs.isEmpty() ? "" : FunctionEncoder.encodeConstructor(constructorArgs));
    }
}
