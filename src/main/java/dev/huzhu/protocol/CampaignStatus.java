package dev.huzhu.protocol;

/** Where a relief campaign stands (Solidity `enum CampaignStatus`, contracts/relief/ReliefTypes.sol). */
public enum CampaignStatus implements SolidityEnum {
    FUNDRAISING, FUNDED, COMPLETED, FAILED, CANCELLED
}
