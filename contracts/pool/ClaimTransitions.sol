// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ClaimStatus} from "./PoolTypes.sol";

/// @title ClaimTransitions
/// @notice The claim state machine as one table (mirrored in docs/claims.md).
///
/// | from      | to        | by                                                     |
/// |-----------|-----------|--------------------------------------------------------|
/// | NONE      | SUBMITTED | submitClaim (member, after the waiting period, bond)   |
/// | SUBMITTED | APPROVED  | vote: approvals reach the quorum, in the window        |
/// | SUBMITTED | REJECTED  | vote: rejections make the quorum unreachable           |
/// | SUBMITTED | DISPUTED  | escalate: window over without a decision (anyone)      |
/// | APPROVED  | DISPUTED  | challenge: member with a bond, during the notice       |
/// | APPROVED  | PAID      | finalize after the notice (anyone)                     |
/// | REJECTED  | DISPUTED  | appeal: claimant with a bond, during the notice, once  |
/// | REJECTED  | DENIED    | finalize after the notice (anyone)                     |
/// | DISPUTED  | PAID      | finalize after the reveal phase, jury approved         |
/// | DISPUTED  | DENIED    | finalize after the reveal phase, jury did not approve  |
library ClaimTransitions {
    /// @notice Bit (8 * from + to) is set when from -> to is allowed.
    uint256 internal constant ALLOWED =
        (1 << (8 * uint256(ClaimStatus.NONE) + uint256(ClaimStatus.SUBMITTED))) |
        (1 << (8 * uint256(ClaimStatus.SUBMITTED) + uint256(ClaimStatus.APPROVED))) |
        (1 << (8 * uint256(ClaimStatus.SUBMITTED) + uint256(ClaimStatus.REJECTED))) |
        (1 << (8 * uint256(ClaimStatus.SUBMITTED) + uint256(ClaimStatus.DISPUTED))) |
        (1 << (8 * uint256(ClaimStatus.APPROVED) + uint256(ClaimStatus.DISPUTED))) |
        (1 << (8 * uint256(ClaimStatus.APPROVED) + uint256(ClaimStatus.PAID))) |
        (1 << (8 * uint256(ClaimStatus.REJECTED) + uint256(ClaimStatus.DISPUTED))) |
        (1 << (8 * uint256(ClaimStatus.REJECTED) + uint256(ClaimStatus.DENIED))) |
        (1 << (8 * uint256(ClaimStatus.DISPUTED) + uint256(ClaimStatus.PAID))) |
        (1 << (8 * uint256(ClaimStatus.DISPUTED) + uint256(ClaimStatus.DENIED)));

    /// @notice Whether the table allows `from` -> `to`.
    function allowed(ClaimStatus from, ClaimStatus to) internal pure returns (bool) {
        return (ALLOWED >> (8 * uint256(from) + uint256(to))) & 1 == 1;
    }
}
