// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {Rules, Member, ClaimRecord, ClaimStatus, DisputeKind, PointsReason} from "./PoolTypes.sol";
import {PoolPayments} from "./PoolPayments.sol";
import {ClaimTransitions} from "./ClaimTransitions.sol";

/// @title PoolDisputes
/// @notice How a claim reaches the jury and how the jury votes: escalation of an undecided claim,
///         a member's challenge of an approval, the claimant's appeal of a rejection, and the
///         jurors' commit-reveal votes. Everyone who takes part as a member (challenger, juror) is
///         settled first and must be covered. Runs in AidPoolExtension (the claim lifecycle's
///         other steps are in PoolClaims); finalize reads the verdict through _disputeVerdict.
abstract contract PoolDisputes is PoolPayments {
    using SafeERC20 for IERC20;
    using SafeCast for uint256;
    using ClaimTransitions for ClaimStatus;

    /// @notice Sends a claim the assessors did not decide in time to the jury (anyone may call).
    /// @param claimId the claim
    function escalate(uint256 claimId) external {
        (Rules memory r,,) = _load();
        ClaimRecord storage c = _claimIn(claimId, ClaimStatus.SUBMITTED);
        if (block.timestamp < c.deadline) revert WindowNotOpen(claimId, c.deadline);
        _openDispute(claimId, c, r, DisputeKind.ESCALATED, 0);
    }

    /// @notice Challenges an approved claim during its notice window, posting the challenge bond.
    ///         Any covered member except the claimant may challenge; the caller is settled first,
    ///         so a member who lapsed without anyone noticing is refused.
    /// @param claimId the claim
    function challenge(uint256 claimId) external nonReentrant {
        (Rules memory r, uint40 createdAt,) = _load();
        ClaimRecord storage c = _claimIn(claimId, ClaimStatus.APPROVED);
        if (block.timestamp >= c.deadline) revert WindowClosed(claimId, c.deadline);
        if (c.claimant == msg.sender) revert PartyCannotChallenge(claimId, msg.sender);
        _settleCovered(msg.sender, r, createdAt);
        _openDispute(claimId, c, r, DisputeKind.CHALLENGED, r.challengeBond);
        if (r.challengeBond != 0) IERC20(r.asset).safeTransferFrom(msg.sender, address(this), r.challengeBond);
    }

    /// @notice The claimant appeals a rejection to the jury during the notice window, posting the
    ///         appeal bond (= challenge bond). Only once: REJECTED is reachable only from SUBMITTED,
    ///         and a jury's verdict is final.
    /// @param claimId the claim
    function appeal(uint256 claimId) external nonReentrant {
        (Rules memory r,,) = _load();
        ClaimRecord storage c = _claimIn(claimId, ClaimStatus.REJECTED);
        if (c.claimant != msg.sender) revert NotClaimant(claimId, msg.sender);
        if (block.timestamp >= c.deadline) revert WindowClosed(claimId, c.deadline);
        _openDispute(claimId, c, r, DisputeKind.APPEALED, r.challengeBond);
        if (r.challengeBond != 0) IERC20(r.asset).safeTransferFrom(msg.sender, address(this), r.challengeBond);
    }



    /// @dev Moves a claim to DISPUTED (checked against the transition table) with its dispute kind
    ///      and commit end, in one storage write: ClaimRecord's slot 1 holds status (bits 0-7),
    ///      dispute (8-15), approvals, rejections, assessorVotes, submittedAt, then deadline
    ///      (bits 96-127), yearStart and paidInYear (Solidity packs from the low-order bits up).
    function _toDispute(ClaimRecord storage c, DisputeKind kind, uint256 commitEnd) private {
        ClaimStatus from = c.status;
        if (!from.allowed(ClaimStatus.DISPUTED)) revert ForbiddenTransition(from, ClaimStatus.DISPUTED);
        uint256 fields = uint256(ClaimStatus.DISPUTED) | uint256(kind) << 8 | uint256(commitEnd.toUint32()) << 96;
        assembly ("memory-safe") {
            let slot := add(c.slot, 1)
            let cleared := and(sload(slot), not(or(0xffff, shl(96, 0xffffffff))))
            sstore(slot, or(cleared, fields))
        }
    }

    /// @dev Opens a dispute: the claim goes to the jury. The jury module overrides this to draw
    ///      its panel; `bond` is what the opener posted (held until finalize).
    function _openDispute(uint256 claimId, ClaimRecord storage c, Rules memory r, DisputeKind kind, uint256 bond)
        internal
        virtual
    {
        uint256 commitEnd = block.timestamp + r.juryWindow;
        _toDispute(c, kind, commitEnd);
        _book.bondsHeld += bond.toUint96();
        emit ClaimDisputed(claimId, kind, msg.sender, bond, uint64(commitEnd), uint64(commitEnd + r.juryWindow)); // commitEnd fits 32 bits (checked)
    }

}
