// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title IAidPoolEvents
/// @notice Every state change of an AidPool, for indexers and watchers (see docs/events.md).
interface IAidPoolEvents {
    /// @notice A member joined; claims are allowed from `eligibleAt`.
    event MemberJoined(address indexed member, uint64 joinedAt, uint64 eligibleAt);
    /// @notice A member deposited into their free balance.
    event Deposited(address indexed member, uint256 amount, uint256 balance);
    /// @notice A member withdrew from their free balance.
    event Withdrawn(address indexed member, uint256 amount, uint256 balance);
    /// @notice Contributions for `periods` periods moved from the member's balance to the reserve.
    event ContributionCharged(address indexed member, uint256 periods, uint256 amount, uint256 paidThrough);
    /// @notice A member could not cover a due contribution and lapsed.
    event MemberLapsed(address indexed member, uint256 paidThrough);
    /// @notice A member submitted a claim.
    event ClaimSubmitted(uint256 indexed claimId, address indexed claimant, uint256 amount, bytes32 evidenceHash);
    /// @notice An assessor voted on a claim.
    event ClaimVoted(uint256 indexed claimId, address indexed assessor, bool approve);
    /// @notice The assessors' quorum approved a claim.
    event ClaimApproved(uint256 indexed claimId, uint256 amount);
    /// @notice The assessors' quorum rejected a claim.
    event ClaimRejected(uint256 indexed claimId);
    /// @notice A claim was paid out of the reserve.
    event ClaimPaid(uint256 indexed claimId, address indexed claimant, uint256 amount);
}
