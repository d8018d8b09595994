package dev.huzhu.protocol;

/** How a plan was closed (Solidity `enum CloseReason`, contracts/pool/PoolTypes.sol; event PlanClosed). */
public enum CloseReason implements SolidityEnum {
    MEMBERS_VOTE, BELOW_FLOOR, CREATOR
}
