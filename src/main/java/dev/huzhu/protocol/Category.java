package dev.huzhu.protocol;

/** What a plan covers (Solidity `enum Category`, contracts/pool/PoolTypes.sol). */
public enum Category implements SolidityEnum {
    MEDICAL, EDUCATION, DISASTER, SHARED_PURCHASE, OTHER
}
