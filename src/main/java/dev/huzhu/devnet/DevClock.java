package dev.huzhu.devnet;

import java.io.IOException;
import java.util.List;
import org.web3j.protocol.Web3jService;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;

/** Moves a Hardhat node's clock forward (evm_increaseTime + evm_mine). Local chains only. */
public final class DevClock {
    private final Web3jService service;

    public DevClock(Web3jService service) {
        this.service = service;
    }

    /** Advances the chain's time by {@code seconds} and mines a block at the new time. */
    public void advance(long seconds) throws IOException {
        call("evm_increaseTime", List.of(seconds));
        call("evm_mine", List.of());
    }

    private void call(String method, List<?> params) throws IOException {
        Response<?> r = new Request<>(method, params, service, Response.class).send();
        if (r.hasError()) {
            throw new IOException(method + " failed: " + r.getError().getMessage());
        }
    }
}
