package dev.huzhu.indexer;

/** A failure the indexer cannot work around (bad database, unreachable node after retries, deep reorg). */
public class IndexerException extends RuntimeException {
    public IndexerException(String message) {
        super(message);
    }

    public IndexerException(String message, Throwable cause) {
        super(message, cause);
    }
}
