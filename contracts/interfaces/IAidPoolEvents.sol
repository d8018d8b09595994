// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {PointsReason, DisputeKind, CloseReason} from "../pool/PoolTypes.sol";

/// @title IAidPoolEvents
/// @notice Every state change of an AidPool, for indexers and watchers (see docs/events.md).
///         Names are stable: the indexer depends on them.
interface IAidPoolEvents {
    // ---------------------------------------------------------------- membership
    /// @notice A member joined (or rejoined); losses are covered from `eligibleAt`.
    event MemberJoined(address indexed member, address indexed referrer, uint64 joinedAt, uint64 eligibleAt);
    /// @notice A member deposited into their free balance.
    event Deposited(address indexed member, uint256 amount, uint256 balance);
    /// @notice A member withdrew from their free balance.
    event Withdrawn(address indexed member, uint256 amount, uint256 balance);
    /// @notice PREPAID: contributions for `periods` periods moved from the member's balance:
    ///         `amount` in total, of which `fee` to the fee receiver and the rest to the reserve.
    event ContributionCharged(address indexed member, uint256 periods, uint256 amount, uint256 fee, uint256 paidThrough);
    /// @notice COST_SHARING: the member's share of paid claims since the last settlement was charged.
    event SharesSettled(address indexed member, uint256 amount, uint256 balance, uint256 paidThrough);
    /// @notice A member's cover ended for lack of funds (after the grace period, PREPAID).
    event MemberLapsed(address indexed member, uint256 paidThrough);
    /// @notice A member left the plan and got `refunded` back.
    event MemberLeft(address indexed member, uint256 refunded);
    /// @notice COST_SHARING: a new period started with `coveredMembers` sharing claims.
    event PeriodStarted(uint256 indexed period, uint256 coveredMembers, uint256 shareIndex);

    // ---------------------------------------------------------------- claims
    /// @notice A member submitted a claim and posted `bond`; the assessors decide by `assessmentEndsAt`.
    event ClaimSubmitted(
        uint256 indexed claimId,
        address indexed claimant,
        uint256 amount,
        bytes32 evidenceHash,
        uint64 incurredAt,
        uint256 bond,
        uint64 assessmentEndsAt
    );
    /// @notice An assessor voted on a claim.
    event AssessorVoted(uint256 indexed claimId, address indexed assessor, bool approve);
    /// @notice The assessors approved a claim; it can be challenged until `noticeEndsAt`.
    event ClaimApproved(uint256 indexed claimId, uint256 amount, uint64 noticeEndsAt);
    /// @notice The assessors rejected a claim; the claimant may appeal until `noticeEndsAt`.
    event ClaimRejected(uint256 indexed claimId, uint64 noticeEndsAt);
    /// @notice A claim went to the jury (`kind`: escalated, challenged or appealed).
    ///         `by` is the challenger or the claimant (appeal) or whoever escalated; `bond` is what they posted.
    event ClaimDisputed(
        uint256 indexed claimId,
        DisputeKind kind,
        address indexed by,
        uint256 bond,
        uint64 commitEndsAt,
        uint64 revealEndsAt
    );
    /// @notice A juror committed a hidden vote.
    event JuryVoteCommitted(uint256 indexed claimId, address indexed juror);
    /// @notice A juror revealed their vote.
    event JuryVoteRevealed(uint256 indexed claimId, address indexed juror, bool approve);
    /// @notice The jury's verdict, after the reveal phase.
    event DisputeResolved(uint256 indexed claimId, bool approved, uint256 votesFor, uint256 votesAgainst);
    /// @notice A payment on a claim was credited to the claimant's free balance (one instalment: owed claims are
    ///         paid in several): `amount` to the claimant, of which `fromReserve` came out of the
    ///         reserve (always first) and the rest from the members' shares; `fee` to the fee
    ///         receiver, `sharePerMember` charged to each covered member (COST_SHARING, else 0), and
    ///         `dust` (the shares' rounding up) added to the reserve. The reserve changes by
    ///         `dust - fromReserve`.
    event ClaimPaid(
        uint256 indexed claimId,
        address indexed claimant,
        uint256 amount,
        uint256 fromReserve,
        uint256 fee,
        uint256 sharePerMember,
        uint256 dust
    );
    /// @notice An approved claim could not be paid in full: `owed` stays owed, paid first in first
    ///         out as money arrives (payOwed, finalize).
    event ClaimOwed(uint256 indexed claimId, address indexed claimant, uint256 owed);
    /// @notice A claim was finally denied.
    event ClaimDenied(uint256 indexed claimId);
    /// @notice Bonds of a finished claim were credited to the winning side.
    event BondsReleased(uint256 indexed claimId, address indexed to, uint256 amount);
    /// @notice Bonds of a finished claim went to the reserve (nobody on the winning side posted one).
    event BondsForfeited(uint256 indexed claimId, uint256 amount);

    // ---------------------------------------------------------------- plan
    /// @notice The service fee was lowered.
    event FeeLowered(uint16 oldBps, uint16 newBps);
    /// @notice The fee receiver withdrew the collected fees.
    event FeesWithdrawn(address indexed receiver, uint256 amount);

    // ---------------------------------------------------------------- wind-down
    /// @notice A covered member voted to close the plan; `votes` in this round (period) so far.
    event CloseVoted(address indexed member, uint256 round, uint256 votes);
    /// @notice Covered members were seen below the rules' floor, counting from `sincePeriod`.
    event BelowFloorNoted(uint256 sincePeriod, uint256 activeMembers);
    /// @notice The plan closed: no joins and no new claims; open claims finish, then members exit
    ///         with their balance and an equal share of the reserve.
    event PlanClosed(CloseReason reason, uint256 closedAt);
    /// @notice Every claim is final and every member counted: `members` shares of `pool` are open.
    event ExitsOpened(uint256 members, uint256 pool);
    /// @notice A member left a closed plan with their balance and `reserveShare` of the reserve.
    event ExitShared(address indexed member, uint256 reserveShare);
    /// @notice The guardian paused new joins and new claims.
    event PlanPaused(address indexed guardian);
    /// @notice The guardian lifted the pause.
    event PlanUnpaused(address indexed guardian);
    /// @notice A member rated the plan (1-5 stars); the review text lives off chain under `reviewHash`.
    event PlanRated(address indexed member, uint8 stars, bytes32 reviewHash);
    /// @notice Points accrued to a member in this plan, to be minted with claimPoints.
    event PointsAccrued(address indexed member, uint256 amount, PointsReason reason);
    /// @notice Accrued points were minted as AidPoints.
    event PointsClaimed(address indexed member, uint256 amount);
    /// @notice EDUCATION: the tranche escrow released `amount` of its credit (a term's tranche of
    ///         a paid claim) to `to`'s free balance, which `to` withdraws.
    event EscrowReleased(address indexed to, uint256 amount);
    /// @notice EDUCATION: the tranche escrow returned `amount` of its credit (tranches a student
    ///         will not use) to the reserve.
    event EscrowReturned(uint256 amount);
}
