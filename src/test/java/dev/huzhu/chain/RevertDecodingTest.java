package dev.huzhu.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.huzhu.protocol.ErrorDecoder;
import dev.huzhu.protocol.ProtocolAbi;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;

class RevertDecodingTest {
    static final String ABI = """
            {"contractName": "X", "abi": [
              {"type": "error", "name": "WaitingPeriod", "inputs": [
                 {"name": "incurredAt", "type": "uint256", "internalType": "uint256"},
                 {"name": "eligibleAt", "type": "uint256", "internalType": "uint256"}]},
              {"type": "error", "name": "WrongClaimStatus", "inputs": [
                 {"name": "claimId", "type": "uint256", "internalType": "uint256"},
                 {"name": "status", "type": "uint8", "internalType": "enum ClaimStatus"}]},
              {"type": "error", "name": "ERC20InsufficientAllowance", "inputs": [
                 {"name": "spender", "type": "address", "internalType": "address"},
                 {"name": "allowance", "type": "uint256", "internalType": "uint256"},
                 {"name": "needed", "type": "uint256", "internalType": "uint256"}]},
              {"type": "error", "name": "SomethingNewWentWrong", "inputs": [
                 {"name": "amount", "type": "uint256", "internalType": "uint256"}]},
              {"type": "function", "name": "f", "inputs": []}
            ]}""";

    @TempDir Path artifacts;

    ErrorDecoder errors() throws Exception {
        Files.createDirectories(artifacts.resolve("pool/X.sol"));
        Files.writeString(artifacts.resolve("pool/X.sol/X.json"), ABI);
        Files.writeString(artifacts.resolve("pool/X.sol/X.dbg.json"), "{\"not\": \"an artifact\"}");
        return ErrorDecoder.of(ProtocolAbi.read(artifacts));
    }

    static String data(String signature, Type<?>... args) {
        return ErrorDecoder.selector(signature) + FunctionEncoder.encodeConstructor(List.of(args));
    }

    @Test
    void wordsTheErrorsWithFormattedArguments() throws Exception {
        ErrorDecoder errors = errors();
        RevertMessages words = new RevertMessages(6, "mUSD");
        long eligible = 1798970400L; // 2027-01-03 10:00 UTC
        String waiting = data("WaitingPeriod(uint256,uint256)", new Uint256(eligible - 5), new Uint256(eligible));
        assertEquals("cannot claim yet: waiting period ends 2027-01-03 10:00 UTC", words.describe(errors.decode(waiting).orElseThrow()));

        String wrong = data("WrongClaimStatus(uint256,uint8)", new Uint256(3), new Uint8(5));
        assertEquals("claim #3 is paid; this action is not possible in that state", words.describe(errors.decode(wrong).orElseThrow()));

        String allowance = data("ERC20InsufficientAllowance(address,uint256,uint256)",
                new Address("0x70997970c51812dc3a010c7d01b50e0d17dc79c8"), new Uint256(BigInteger.valueOf(12_500_000)), new Uint256(BigInteger.valueOf(300_000_000)));
        assertEquals("token allowance too low: 0x70997970C51812dc3A010C7d01b50e0d17dc79C8 may spend 12.5 mUSD, needs 300 mUSD",
                words.describe(errors.decode(allowance).orElseThrow()));

        String unknownTemplate = data("SomethingNewWentWrong(uint256)", new Uint256(1_000_000));
        assertEquals("something new went wrong (amount 1 mUSD)", words.describe(errors.decode(unknownTemplate).orElseThrow()));
    }

    @Test
    void unknownSelectorsAndBuiltInsAreHandled() throws Exception {
        ErrorDecoder errors = errors();
        assertTrue(errors.decode("0xdeadbeef").isEmpty());
        String reason = ErrorDecoder.selector("Error(string)") + FunctionEncoder.encodeConstructor(List.of(new org.web3j.abi.datatypes.Utf8String("no way")));
        assertEquals("no way", new RevertMessages(6, "mUSD").describe(errors.decode(reason).orElseThrow()));
    }

    @Test
    void anErrorInterfaceWinsOverALibraryErrorWithTheSameSelector() throws Exception {
        // OpenZeppelin's Errors.InsufficientBalance(balance, needed) and Huzhu's InsufficientBalance(requested, available)
        Files.createDirectories(artifacts.resolve("a/Lib.sol"));
        Files.writeString(artifacts.resolve("a/Lib.sol/Lib.json"), """
                {"contractName": "Lib", "abi": [{"type": "function", "name": "f", "inputs": []},
                  {"type": "error", "name": "InsufficientBalance", "inputs": [
                   {"name": "balance", "type": "uint256", "internalType": "uint256"}, {"name": "needed", "type": "uint256", "internalType": "uint256"}]}]}""");
        Files.createDirectories(artifacts.resolve("z/IErrors.sol"));
        Files.writeString(artifacts.resolve("z/IErrors.sol/IErrors.json"), """
                {"contractName": "IErrors", "abi": [{"type": "error", "name": "InsufficientBalance", "inputs": [
                   {"name": "requested", "type": "uint256", "internalType": "uint256"}, {"name": "available", "type": "uint256", "internalType": "uint256"}]}]}""");
        String data = data("InsufficientBalance(uint256,uint256)", new Uint256(5_000_000), new Uint256(100_000));
        assertEquals("not enough free balance in the plan: requested 5 mUSD, available 0.1 mUSD",
                new RevertMessages(6, "mUSD").describe(ErrorDecoder.of(ProtocolAbi.read(artifacts)).decode(data).orElseThrow()));
    }
}
