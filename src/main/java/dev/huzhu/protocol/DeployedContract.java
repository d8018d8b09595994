package dev.huzhu.protocol;

/** One contract of a deployment: where it is and the transaction and block that created it. */
public record DeployedContract(String address, String txHash, long block) {}
