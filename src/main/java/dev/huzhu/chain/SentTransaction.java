package dev.huzhu.chain;

import java.math.BigInteger;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/** A mined, successful transaction. */
public record SentTransaction(String hash, BigInteger blockNumber, BigInteger gasUsed, BigInteger effectiveGasPrice,
        String contractAddress, TransactionReceipt receipt) {}
