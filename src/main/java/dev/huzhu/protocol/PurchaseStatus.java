package dev.huzhu.protocol;

/** Where a group purchase stands (Solidity `enum PurchaseStatus`, contracts/group/IGroupPurchase.sol). */
public enum PurchaseStatus implements SolidityEnum {
    PLEDGING, FUNDED, EXPIRED
}
