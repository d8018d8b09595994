package dev.huzhu.indexer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JSON-RPC call failed. {@link #rangeTooLarge()} tells the caller to ask for fewer blocks;
 * {@link #permanent()} that asking again cannot help (an HTTP 4xx other than 408/429 — a bad key,
 * a forbidden method, a wrong path —, a redirect, or a JSON-RPC "method not found"/"invalid params"), so it is
 * never retried.
 */
public final class RpcException extends RuntimeException {
    private static final Pattern HTTP_STATUS = Pattern.compile("Invalid response received: (\\d{3})");
    private final boolean rangeTooLarge;
    private final boolean permanent;

    public RpcException(String message, boolean rangeTooLarge, Throwable cause) {
        this(message, rangeTooLarge, false, cause);
    }

    public RpcException(String message, boolean rangeTooLarge, boolean permanent, Throwable cause) {
        super(message, cause);
        this.rangeTooLarge = rangeTooLarge;
        this.permanent = permanent;
    }

    public boolean rangeTooLarge() {
        return rangeTooLarge;
    }

    public boolean permanent() {
        return permanent;
    }

    /** Recognises the "too many results / range too large" answers of common nodes and providers. */
    public static boolean looksLikeRangeError(String message) {
        String m = message == null ? "" : message.toLowerCase(java.util.Locale.ROOT);
        return m.contains("too many") || m.contains("range") || m.contains("limit exceeded")
                || m.contains("response size") || m.contains("query returned more than") || m.contains("-32005");
    }

    /**
     * An HTTP status that asking again cannot change: 4xx except 408 (timeout) and 429 (rate limit), and 3xx (the
     * client of an {@code http://} node follows no redirect to https, {@code chain.RpcHttp}).
     */
    public static boolean permanentHttpStatus(int status) {
        return status >= 300 && status < 500 && status != 408 && status != 429;
    }

    /** The HTTP status in web3j's "Invalid response received: 401; …" message, or -1. */
    public static int httpStatus(String message) {
        Matcher m = HTTP_STATUS.matcher(message == null ? "" : message);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** JSON-RPC errors that no retry fixes: invalid request, method not found, invalid params. */
    public static boolean permanentRpcCode(int code) {
        return code == -32600 || code == -32601 || code == -32602;
    }
}
