package dev.huzhu.protocol;

/** Why points accrued (Solidity `enum PointsReason`, contracts/pool/PoolTypes.sol). */
public enum PointsReason implements SolidityEnum {
    JOINING, CONTRIBUTION, JURY_VOTE, REFERRAL
}
