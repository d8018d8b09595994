package dev.huzhu.chain;

import java.io.IOException;
import org.web3j.protocol.core.RemoteCall;
import org.web3j.protocol.exceptions.ClientConnectionException;

/** Runs a read-only contract call, mapping transport failures to {@link NetworkException}. */
public final class Calls {
    private Calls() {}

    public static <T> T get(RemoteCall<T> call) {
        try {
            return call.send();
        } catch (IOException | ClientConnectionException e) {
            throw new NetworkException("the node stopped answering: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new NetworkException("a contract call failed: " + e.getMessage(), e);
        }
    }
}
