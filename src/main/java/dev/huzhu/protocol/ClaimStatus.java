package dev.huzhu.protocol;

/** The states of a claim (docs/claims.md); PAID and DENIED are final (Solidity `enum ClaimStatus`, contracts/pool/PoolTypes.sol). */
public enum ClaimStatus implements SolidityEnum {
    NONE, SUBMITTED, APPROVED, REJECTED, DISPUTED, PAID, DENIED
}
