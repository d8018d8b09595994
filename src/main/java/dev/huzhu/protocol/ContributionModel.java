package dev.huzhu.protocol;

/** How members fund claims: prepaid reserve or post-paid cost sharing (Solidity `enum ContributionModel`, contracts/pool/PoolTypes.sol). */
public enum ContributionModel implements SolidityEnum {
    PREPAID, COST_SHARING
}
