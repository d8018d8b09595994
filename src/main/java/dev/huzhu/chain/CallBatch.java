package dev.huzhu.chain;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.web3j.abi.datatypes.Type;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.BatchResponse;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;

/** Several read-only contract calls in one JSON-RPC batch (one round trip instead of one per view). */
public final class CallBatch {
    private final Web3j web3j;
    private final BatchRequest batch;
    private final List<RemoteFunctionCall<?>> calls = new ArrayList<>();

    public CallBatch(Web3j web3j) {
        this.web3j = web3j;
        this.batch = web3j.newBatch();
    }

    /** Adds a wrapper view call on contract {@code to}. */
    public CallBatch add(String to, RemoteFunctionCall<?> call) {
        batch.add(web3j.ethCall(Transaction.createEthCallTransaction(null, to, call.encodeFunctionCall()), DefaultBlockParameterName.LATEST));
        calls.add(call);
        return this;
    }

    /** The decoded outputs of every call, in the order added. */
    public List<List<Type>> send() {
        try {
            BatchResponse response = batch.send();
            List<? extends Response<?>> responses = response.getResponses();
            List<List<Type>> out = new ArrayList<>();
            for (int i = 0; i < calls.size(); i++) {
                EthCall r = (EthCall) responses.get(i);
                if (r.hasError() || r.getValue() == null || r.getValue().length() <= 2) {
                    throw new NetworkException("a contract view failed: " + (r.hasError() ? r.getError().getMessage() : "empty result"));
                }
                out.add(calls.get(i).decodeFunctionResponse(r.getValue()));
            }
            return out;
        } catch (IOException e) {
            throw new NetworkException("the node stopped answering: " + e.getMessage(), e);
        }
    }
}
