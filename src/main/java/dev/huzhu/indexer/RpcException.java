package dev.huzhu.indexer;

/** A JSON-RPC call failed; {@link #rangeTooLarge()} tells the caller to ask for fewer blocks. */
public final class RpcException extends RuntimeException {
    private final boolean rangeTooLarge;

    public RpcException(String message, boolean rangeTooLarge, Throwable cause) {
        super(message, cause);
        this.rangeTooLarge = rangeTooLarge;
    }

    public boolean rangeTooLarge() {
        return rangeTooLarge;
    }

    /** Recognises the "too many results / range too large" answers of common nodes and providers. */
    public static boolean looksLikeRangeError(String message) {
        String m = message == null ? "" : message.toLowerCase(java.util.Locale.ROOT);
        return m.contains("too many") || m.contains("range") || m.contains("limit exceeded")
                || m.contains("response size") || m.contains("query returned more than") || m.contains("-32005");
    }
}
