package dev.huzhu.zk;

import dev.huzhu.chain.NetworkException;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;

/** One eth_getLogs of one contract's event, from a block to the latest, with topic filters; node failures as NetworkException. */
final class LogQuery {
    private LogQuery() {}

    /** The logs of {@code contract} from {@code fromBlock} whose topics match {@code topics} (null = any). */
    static List<Log> of(Web3j web3j, String contract, long fromBlock, String... topics) {
        EthFilter filter = new EthFilter(DefaultBlockParameter.valueOf(BigInteger.valueOf(fromBlock)), DefaultBlockParameterName.LATEST, contract);
        for (String t : topics) {
            if (t == null) {
                filter.addNullTopic();
            } else {
                filter.addSingleTopic(t);
            }
        }
        EthLog result;
        try {
            result = web3j.ethGetLogs(filter).send();
        } catch (IOException e) {
            throw new NetworkException("the node stopped answering: " + e.getMessage(), e);
        }
        if (result.hasError()) {
            throw new NetworkException("eth_getLogs failed: " + result.getError().getMessage());
        }
        return result.getLogs().stream().map(r -> (Log) r.get()).toList();
    }
}
