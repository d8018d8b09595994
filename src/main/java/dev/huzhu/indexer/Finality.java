package dev.huzhu.indexer;

import dev.huzhu.protocol.InvalidInputException;

/** Which head the indexer follows: the newest block, or the newest block the chain calls final. */
public enum Finality {
    LATEST("latest"), FINALIZED("finalized");

    private final String tag;

    Finality(String tag) {
        this.tag = tag;
    }

    /** The JSON-RPC block tag. */
    public String tag() {
        return tag;
    }

    public static Finality parse(String text) {
        for (Finality f : values()) {
            if (f.tag.equalsIgnoreCase(text)) {
                return f;
            }
        }
        throw new InvalidInputException("--finality must be latest or finalized, got: " + text);
    }
}
