package dev.huzhu.indexer;

/** One decoded log: its exact position on chain, the contract that emitted it, name and arguments. */
public record DecodedEvent(long blockNumber, String blockHash, String txHash, int logIndex, long blockTime,
                           String contract, String name, EventArgs args) {}
