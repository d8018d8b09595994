package dev.huzhu.indexer;

/** The part of a block the indexer needs: where it sits, what it links to, when it was mined. */
public record BlockHeader(long number, String hash, String parentHash, long timestamp) {}
