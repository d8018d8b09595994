// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {Rules, Member, MemberFlags, ClaimRecord, ClaimStatus, DisputeKind, PointsReason} from "./PoolTypes.sol";
import {ClaimTransitions} from "./ClaimTransitions.sol";
import {PoolPayments} from "./PoolPayments.sol";

/// @title PoolClaims
/// @notice The claim lifecycle in one place: submit -> assessors -> public notice ->
///         (challenge | appeal | timeout) -> dispute -> finalize, and the money side of it:
///         approved claims are paid into the claimant's pull credit, and what cannot be paid now
///         stays owed and is paid first-in-first-out as money arrives. Nothing here transfers
///         tokens to anyone but the caller.
abstract contract PoolClaims is PoolPayments {
    using SafeERC20 for IERC20;
    using SafeCast for uint256;
    using ClaimTransitions for ClaimStatus;

    /// @dev The statuses finalize accepts, as a bitmap (bit 1 << status): APPROVED, REJECTED, DISPUTED.
    bytes32 private constant FINALIZABLE = bytes32(
        (uint256(1) << uint8(ClaimStatus.APPROVED)) | (uint256(1) << uint8(ClaimStatus.REJECTED))
            | (uint256(1) << uint8(ClaimStatus.DISPUTED))
    );

    // =================================================================== submission (the assessors' vote: PoolAssessors)

    /// @notice Submits a claim for a loss incurred at `incurredAt`, backed by the hash of off-chain
    ///         evidence, and posts the claim bond (the plan must be approved for it). The loss must
    ///         fall after the waiting period, in a covered time (not in a gap whose arrears were
    ///         paid later), and within the filing window before now.
    /// @param amount token base units, at most the per-claim maximum
    /// @param evidenceHash hash of the evidence document (never the document itself)
    /// @param incurredAt when the loss happened
    /// @return claimId the new claim's id
    function submitClaim(uint256 amount, bytes32 evidenceHash, uint64 incurredAt)
        external
        nonReentrant
        returns (uint256 claimId)
    {
        (Rules memory r, uint40 createdAt,) = _load();
        if (_totals.closed) revert PlanIsClosed();
        if (_totals.paused) revert PlanIsPaused();
        Member storage m = _members[msg.sender];
        if (!m.active) revert NotMember(msg.sender);
        _settle(msg.sender, m, r, createdAt);
        if (!m.active || m.paidThrough <= block.timestamp) revert NotCovered(m.paidThrough);
        _checkLoss(m, r, incurredAt);
        if (amount == 0) revert ZeroAmount();
        if (amount > r.maxPayoutPerClaim) revert ClaimAboveMax(amount, r.maxPayoutPerClaim);
        uint256 previous = m.lastClaim;
        uint32 yearStart;
        uint96 paidInYear;
        if (previous != 0) {
            ClaimRecord storage p = _claims[previous];
            if (!_isFinal(p.status)) revert ClaimAlreadyOpen(previous);
            (yearStart, paidInYear) = (p.yearStart, p.paidInYear);
        }

        claimId = uint256(_book.claimCount) + 1;
        if (claimId > type(uint24).max) revert TooManyClaims();
        _book.claimCount = uint24(claimId);
        uint32 deadline = (block.timestamp + r.assessmentWindow).toUint32();
        ClaimRecord storage c = _claims[claimId];
        c.claimant = msg.sender;
        c.amount = amount.toUint96();
        _transition(c, ClaimStatus.SUBMITTED);
        c.submittedAt = block.timestamp.toUint32();
        c.deadline = deadline;
        c.yearStart = yearStart;
        if (paidInYear != 0) c.paidInYear = paidInYear;
        m.lastClaim = uint24(claimId);
        _book.bondsHeld += r.claimBond;
        emit ClaimSubmitted(claimId, msg.sender, amount, evidenceHash, incurredAt, r.claimBond, deadline);
        if (r.claimBond != 0) IERC20(r.asset).safeTransferFrom(msg.sender, address(this), r.claimBond);
    }

    // =================================================================== finalize and payment

    /// @notice Closes a claim whose last window has passed (anyone may call): an approved claim is
    ///         credited to the claimant after its notice, a rejected one denied, a disputed one
    ///         follows the verdict; bonds are credited to the winning side. What cannot be paid
    ///         now stays owed (ClaimOwed) and is paid first in first out as money arrives, so the
    ///         moment someone finalizes never cuts a payout.
    /// @param claimId the claim
    function finalize(uint256 claimId) external nonReentrant {
        (Rules memory r, uint40 createdAt,) = _load();
        ClaimRecord storage c = _claimAt(claimId);
        ClaimStatus status = c.status;
        bool approved;
        if (status == ClaimStatus.APPROVED || status == ClaimStatus.REJECTED) {
            if (block.timestamp < c.deadline) revert WindowNotOpen(claimId, c.deadline);
            approved = status == ClaimStatus.APPROVED;
        } else if (status == ClaimStatus.DISPUTED) {
            bool over;
            (over, approved) = _disputeVerdict(claimId, c, r);
            if (!over) return; // the jury redrew its panel
        } else {
            revert ClaimNotFinalizable(claimId, status, FINALIZABLE);
        }
        if (status != ClaimStatus.DISPUTED) _releaseBonds(claimId, c, r, approved); // the jury settles a dispute's bonds
        if (approved) {
            _transition(c, ClaimStatus.PAID);
            _grant(claimId, c, r, createdAt);
        } else {
            _transition(c, ClaimStatus.DENIED);
            emit ClaimDenied(claimId);
        }
    }

    // =================================================================== dispute hooks (jury module)

    /// @dev The outcome of a dispute's round once its reveal phase is over: `over` false when the
    ///      dispute goes on (the jury redrew). The jury (PoolJury, via AidPool) implements it and
    ///      settles the dispute's bonds and juror deposits itself.
    function _disputeVerdict(uint256 claimId, ClaimRecord storage c, Rules memory r)
        internal
        virtual
        returns (bool over, bool approved);

    // =================================================================== internals

    /// @dev The loss must be after the waiting period, not in the future, within the filing
    ///      window, and (PREPAID) outside the member's latest uncovered gap.
    function _checkLoss(Member storage m, Rules memory r, uint256 incurredAt) private view {
        uint256 eligibleAt = uint256(m.joinedAt) + r.waitingPeriod;
        if (block.timestamp < eligibleAt || incurredAt < eligibleAt) revert WaitingPeriod(incurredAt, eligibleAt);
        if (incurredAt > block.timestamp) revert LossInFuture(incurredAt);
        uint256 filingEnd = incurredAt + r.filingWindow;
        if (block.timestamp > filingEnd) revert FilingDeadlinePassed(incurredAt, filingEnd);
        if (m.flags & MemberFlags.HAS_GAP != 0 && incurredAt >= m.gapFrom && incurredAt < m.gapTo) {
            revert LossNotCovered(incurredAt);
        }
    }

}
