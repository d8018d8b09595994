package dev.huzhu.devnet;

import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.web3j.protocol.Web3jService;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.utils.Numeric;

/**
 * A local development node's test-only methods (Hardhat's {@code hardhat_*}/{@code evm_*}, which
 * Anvil also answers): set an account's ETH, send as any account without its key, move time. Never
 * used on a public network: the callers check the network is local first.
 */
public final class DevChain {
    private final Web3jService service;

    public DevChain(Web3jService service) {
        this.service = service;
    }

    /** Sets {@code address}'s ETH balance to exactly {@code wei}. */
    public void setBalance(String address, BigInteger wei) throws IOException {
        call("hardhat_setBalance", List.of(address, Numeric.toHexStringWithPrefix(wei)));
    }

    /** Advances the chain's time by {@code seconds} and mines a block at the new time. */
    public void advance(long seconds) throws IOException {
        new DevClock(service).advance(seconds);
    }

    /**
     * Sends {@code data} to {@code to} as {@code from} without its key (the node impersonates it), and
     * returns the transaction hash once mined; a failed call throws with the node's message.
     */
    public String sendAs(String from, String to, String data) throws IOException {
        call("hardhat_impersonateAccount", List.of(from));
        try {
            Object hash = call("eth_sendTransaction", List.of(Map.of("from", from, "to", to, "data", data)));
            return String.valueOf(hash);
        } finally {
            call("hardhat_stopImpersonatingAccount", List.of(from));
        }
    }

    private Object call(String method, List<?> params) throws IOException {
        Response<?> r = new Request<>(method, params, service, Response.class).send();
        if (r.hasError()) {
            String message = r.getError().getMessage();
            if (r.getError().getCode() == -32601 || String.valueOf(message).toLowerCase(java.util.Locale.ROOT).contains("not supported")
                    || String.valueOf(message).toLowerCase(java.util.Locale.ROOT).contains("does not exist")) {
                throw new DevnetException("the node does not answer " + method + ": `huzhu dev` needs a Hardhat or Anvil node (`huzhu node start`)");
            }
            throw new IOException(method + " failed: " + message);
        }
        return r.getResult();
    }
}
