package dev.huzhu.protocol;

/** Why a claim went to the jury (Solidity `enum DisputeKind`, contracts/pool/PoolTypes.sol). */
public enum DisputeKind implements SolidityEnum {
    NONE, ESCALATED, CHALLENGED, APPEALED
}
