package dev.huzhu.privacy;

import dev.huzhu.contracts.EvidenceAccess;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;

/**
 * What the chain says about a claim's evidence (the EvidenceAccess contract): published public keys,
 * the claim's documents, its current readers, and the key wraps made for one reader (KeyWrapped logs,
 * read from the contract's deployment block). Reads only; the CLI sends.
 */
public final class EvidenceLedger {
    private final Web3j web3j;
    private final String address;
    private final long fromBlock;
    private final EvidenceAccess contract;

    public EvidenceLedger(Web3j web3j, String address, long fromBlock) {
        this.web3j = web3j;
        this.address = address;
        this.fromBlock = fromBlock;
        this.contract = EvidenceAccess.load(address, web3j, new ReadonlyTransactionManager(web3j, null), new DefaultGasProvider());
    }

    public String address() {
        return address;
    }

    /** The wrapper, for encoding calls (the CLI's TxFlow sends them). */
    public EvidenceAccess contract() {
        return contract;
    }

    /** The account's published public key (64 bytes), or null when it published none. */
    public byte[] publicKey(String account) {
        byte[] k = call(contract.publicKeyOf(account));
        return k == null || k.length != 64 ? null : k;
    }

    public List<byte[]> documents(String plan, BigInteger claimId) {
        List<?> raw = call(contract.documentsOf(plan, claimId));
        List<byte[]> out = new ArrayList<>();
        for (Object o : raw) {
            out.add(o instanceof Type<?> t ? (byte[]) t.getValue() : (byte[]) o);
        }
        return out;
    }

    public boolean isReader(String plan, BigInteger claimId, String account) {
        return call(contract.isReader(plan, claimId, account));
    }

    /** The claim's current readers: everyone ever granted, minus those revoked since. */
    public List<String> readers(String plan, BigInteger claimId) {
        Set<String> granted = new LinkedHashSet<>();
        for (Log l : logs(EvidenceAccess.ACCESSGRANTED_EVENT, plan, claimId, null)) {
            granted.add(dev.huzhu.protocol.Address.checksum("0x" + l.getTopics().get(3).substring(26)));
        }
        return granted.stream().filter(a -> isReader(plan, claimId, a)).toList();
    }

    /** The wraps made for {@code reader}: document digest (hex) -> the newest 124-byte wrap. */
    public Map<String, byte[]> wrapsFor(String plan, BigInteger claimId, String reader) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (Log l : logs(EvidenceAccess.KEYWRAPPED_EVENT, plan, claimId, reader)) {
            List<Type> values = FunctionReturnDecoder.decode(l.getData(), EvidenceAccess.KEYWRAPPED_EVENT.getNonIndexedParameters());
            String doc = org.web3j.utils.Numeric.toHexString((byte[]) values.get(0).getValue());
            out.put(doc, (byte[]) values.get(1).getValue());
        }
        return out;
    }

    private List<Log> logs(org.web3j.abi.datatypes.Event event, String plan, BigInteger claimId, String reader) {
        EthFilter f = new EthFilter(DefaultBlockParameter.valueOf(BigInteger.valueOf(fromBlock)), DefaultBlockParameterName.LATEST, address);
        f.addSingleTopic(EventEncoder.encode(event));
        f.addSingleTopic("0x" + TypeEncoder.encode(new Address(plan)));
        f.addSingleTopic("0x" + TypeEncoder.encode(new Uint256(claimId)));
        if (reader != null) {
            f.addSingleTopic("0x" + TypeEncoder.encode(new Address(reader)));
        }
        try {
            EthLog res = web3j.ethGetLogs(f).send();
            if (res.hasError()) {
                throw new IllegalStateException("the node refused eth_getLogs on EvidenceAccess: " + res.getError().getMessage());
            }
            List<Log> out = new ArrayList<>();
            for (EthLog.LogResult<?> r : res.getLogs()) {
                out.add((Log) r.get());
            }
            return out;
        } catch (IOException e) {
            throw new dev.huzhu.chain.NetworkException("the node stopped answering: " + e.getMessage(), e);
        }
    }

    private static <T> T call(org.web3j.protocol.core.RemoteFunctionCall<T> c) {
        try {
            return c.send();
        } catch (Exception e) {
            throw new dev.huzhu.chain.NetworkException("cannot read EvidenceAccess: " + e.getMessage(), e);
        }
    }
}
