// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ClaimStatus} from "../pool/PoolTypes.sol";

/// @title IAidPoolErrors
/// @notice Every revert of an AidPool.
interface IAidPoolErrors {
    /// @notice The AidPool implementation needs a deployed AidPoolExtension.
    error ExtensionNotAContract(address extension);
    /// @notice initialize was called twice, or on the implementation.
    error AlreadyInitialized();
    /// @notice New joins and claims are paused by the guardian.
    error PlanIsPaused();
    /// @notice The caller is not the guardian.
    error NotGuardian(address account);
    /// @notice pause/unpause would not change anything.
    error PauseUnchanged(bool paused);
    /// @notice The account is already an active member.
    error AlreadyMember(address member);
    /// @notice The account is not an active member.
    error NotMember(address member);
    /// @notice A member cannot refer themselves.
    error SelfReferral();
    /// @notice The referrer is not an active member.
    error ReferrerNotMember(address referrer);
    /// @notice The first deposit must cover at least one period (contribution or share cap).
    error DepositBelowMinimum(uint256 amount, uint256 minimum);
    /// @notice Amount must be greater than zero.
    error ZeroAmount();
    /// @notice Not enough free balance.
    error InsufficientBalance(uint256 requested, uint256 available);
    /// @notice The member's cover has lapsed or contributions are unpaid.
    error NotCovered(uint256 paidThrough);
    /// @notice The loss happened before the waiting period ended (or the waiting period is not over).
    error WaitingPeriod(uint256 incurredAt, uint256 eligibleAt);
    /// @notice The loss date is in the future.
    error LossInFuture(uint256 incurredAt);
    /// @notice The claim asks for more than the per-claim maximum.
    error ClaimAboveMax(uint256 amount, uint256 max);
    /// @notice The member already has an open claim.
    error ClaimAlreadyOpen(uint256 claimId);
    /// @notice The caller is not one of the plan's assessors.
    error NotAssessor(address account);
    /// @notice The assessor already voted on this claim.
    error AlreadyVoted(uint256 claimId, address voter);
    /// @notice No claim with this id.
    error UnknownClaim(uint256 claimId);
    /// @notice The claim is in `current` status; the action needs it in `expected`.
    error UnexpectedClaimStatus(uint256 claimId, ClaimStatus current, ClaimStatus expected);
    /// @notice finalize: the claim is in `current` status, which has no window to close;
    ///         `expectedStates` has bit `1 << s` set for each status s finalize accepts (APPROVED,
    ///         REJECTED, DISPUTED), as OpenZeppelin's GovernorUnexpectedProposalState.
    error ClaimNotFinalizable(uint256 claimId, ClaimStatus current, bytes32 expectedStates);
    /// @notice The transition table forbids this status change.
    error ForbiddenTransition(ClaimStatus from, ClaimStatus to);
    /// @notice An assessor who is the claimant cannot vote on their own claim.
    error PartyCannotVote(uint256 claimId, address account);
    /// @notice The claimant cannot challenge their own claim.
    error PartyCannotChallenge(uint256 claimId, address account);
    /// @notice The window for this action has closed.
    error WindowClosed(uint256 claimId, uint256 closedAt);
    /// @notice The window for this action has not opened yet.
    error WindowNotOpen(uint256 claimId, uint256 opensAt);
    /// @notice Only the claimant can do this.
    error NotClaimant(uint256 claimId, address account);
    /// @notice A commitment must not be zero.
    error ZeroCommitment();
    /// @notice A member must close their open claim before leaving.
    error ClaimStillOpen(uint256 claimId);
    /// @notice Only the fee receiver can do this.
    error NotFeeReceiver(address account);
    /// @notice The fee can only be lowered.
    error FeeNotLowered(uint16 newBps, uint16 currentBps);
    /// @notice Accrued points: there are none to mint.
    error NoPointsAccrued(address member);
    /// @notice Credit or fees: there is nothing to withdraw.
    error NothingToWithdraw(address account);
    /// @notice Stars must be 1 to 5.
    error InvalidStars(uint8 stars);
    /// @notice Ratings open after one full period of membership.
    error RatingTooEarly(uint256 opensAt);
    /// @notice A member rates a plan once.
    error AlreadyRated(address member);
    /// @notice The plan is closed: no joins and no new claims (wind-down).
    error PlanIsClosed();
    /// @notice The plan is open; this wind-down step needs it closed.
    error PlanNotClosed();
    /// @notice The loss fell in a time the member was not covered (e.g. arrears paid after it).
    error LossNotCovered(uint256 incurredAt);
    /// @notice The loss is older than the filing window allows.
    error FilingDeadlinePassed(uint256 incurredAt, uint256 deadline);
    /// @notice The member already voted to close the plan in this round (period).
    error AlreadyVotedToClose(address member, uint256 round);
    /// @notice Only the plan's creator can do this.
    error NotCreator(address account);
    /// @notice The creator can close the plan only before anyone has joined.
    error PlanHasMembers(uint256 members);
    /// @notice The plan has no floor, or covered members are not below it for long enough.
    error FloorNotReached(uint256 activeMembers, uint256 floor, uint256 belowSince);
    /// @notice Reserve shares are paid once every claim is final and the exit count is done.
    error ExitsNotOpen();
    /// @notice The cover book is behind the current period: call advance first.
    error BookBehind(uint256 lastPeriod, uint256 currentPeriod);
    /// @notice More claims than the member record can reference (2^24 - 1).
    error TooManyClaims();
    /// @notice More members than the registry can hold (2^24 - 1).
    error TooManyMembers();
    /// @notice prepareExits was told `given` holds registry position `position` (1-based), which
    ///         it does not (the count walks positions downwards from windDown's countCursor).
    error ExitHintMismatch(uint256 position, address given);
    /// @notice Only the plan's tranche escrow moves the escrow's credit.
    error NotTrancheEscrow(address account);
}
