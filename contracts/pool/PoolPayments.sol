// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {Rules, Claim, DisputeKind, ContributionModel} from "./PoolTypes.sol";
import {CostSharing} from "./CostSharing.sol";
import {CoverBook} from "./CoverBook.sol";
import {PoolStorage} from "./PoolStorage.sol";

/// @title PoolPayments
/// @notice The money side of a claim: bonds credited to the winning side, approved claims granted
///         (within the yearly cap) and paid into the claimant's pull credit from the reserve and,
///         in COST_SHARING plans, the covered members' shares; what cannot be paid now stays owed
///         and is paid first in first out as money arrives. Never transfers tokens.
abstract contract PoolPayments is PoolStorage {
    using SafeCast for uint256;
    using CoverBook for CoverBook.Book;

    /// @notice A claim year, for the per-member yearly payout cap.
    uint256 public constant CLAIM_YEAR = 365 days;
    /// @notice Owed claims a finalize pays (first in, first out) after it queues a new one.
    uint256 public constant OWED_PER_FINALIZE = 2;

    /// @dev Takes the claim's bonds out of bondsHeld and credits the winners: the claimant when
    ///      approved; the challenger when a challenge succeeds; the reserve otherwise.
    function _releaseBonds(uint256 claimId, Claim storage c, Rules memory r, bool approved) internal {
        DisputeKind kind = c.dispute;
        uint256 amount = r.claimBond;
        if (kind == DisputeKind.CHALLENGED || kind == DisputeKind.APPEALED) amount += r.challengeBond;
        if (amount == 0) return;
        _book.bondsHeld -= amount.toUint96();
        address to;
        if (approved) to = c.claimant;
        else if (kind == DisputeKind.CHALLENGED) to = c.challenger;
        if (to == address(0)) {
            _totals.reserve += amount.toUint96();
            emit BondsForfeited(claimId, amount);
        } else {
            _creditPayout(to, amount);
            emit BondsReleased(claimId, to, amount);
        }
    }

    /// @dev Grants an approved claim: what the yearly cap leaves of the requested amount becomes
    ///      owed to the claimant, then is paid as far as the money goes. Earlier owed claims come
    ///      first; whatever is left stays owed, in the queue, with a ClaimOwed event.
    function _grant(uint256 claimId, Claim storage c, Rules memory r, uint40 createdAt) internal {
        uint256 paidInYear = c.paidInYear;
        if (block.timestamp >= uint256(c.yearStart) + CLAIM_YEAR) {
            c.yearStart = uint32(block.timestamp);
            paidInYear = 0;
        }
        uint256 granted = Math.min(c.amount, uint256(r.maxPayoutPerMemberPerYear) - paidInYear);
        c.paidInYear = (paidInYear + granted).toUint96();
        c.owed = granted.toUint80();
        Ledger storage l = _ledger;
        bool queueEmpty = l.owedHead == l.owedTail;
        if (queueEmpty) {
            _payDown(claimId, c, r, createdAt, false);
            if (granted == 0) emit ClaimPaid(claimId, c.claimant, 0, 0, 0, 0, 0); // capped to nothing by the yearly maximum
        }
        uint256 rest = c.owed;
        if (rest == 0) return;
        _owedQueue[l.owedTail] = claimId;
        ++l.owedTail;
        l.totalOwed += rest.toUint96();
        emit ClaimOwed(claimId, c.claimant, rest);
        if (!queueEmpty) _payQueue(r, createdAt, OWED_PER_FINALIZE);
    }

    /// @dev Pays the owed queue from its head, first in first out, at most `maxClaims` claims.
    function _payQueue(Rules memory r, uint40 createdAt, uint256 maxClaims) internal returns (uint256 settled) {
        Ledger storage l = _ledger;
        uint256 head = l.owedHead;
        uint256 tail = l.owedTail;
        while (head < tail && settled < maxClaims) {
            uint256 claimId = _owedQueue[head];
            Claim storage c = _claims[claimId];
            _payDown(claimId, c, r, createdAt, true);
            if (c.owed != 0) break;
            delete _owedQueue[head];
            ++head;
            ++settled;
        }
        if (head != l.owedHead) l.owedHead = uint32(head);
    }

    /// @dev Pays what it can of a claim's owed amount into the claimant's credit: from the reserve
    ///      first; then, in COST_SHARING plans, from the covered members' shares within this
    ///      period's share cap (pro rata when a share would exceed it; the rest stays owed). The
    ///      shares need the cover book at the current period: a payout rolls it over at most
    ///      MAX_ROLL_PER_PAYOUT periods, and a book further behind leaves the rest owed.
    function _payDown(uint256 claimId, Claim storage c, Rules memory r, uint40 createdAt, bool queued) private {
        uint256 owed = c.owed;
        if (owed == 0) return;
        uint256 fromReserve = Math.min(owed, _totals.reserve);
        _totals.reserve -= uint96(fromReserve);
        uint256 paid = fromReserve;
        uint256 fee;
        uint256 share;
        uint256 dust;
        if (
            r.model == ContributionModel.COST_SHARING && owed > paid && !_windDown.exitsOpen
                && _advance(r, createdAt, MAX_ROLL_PER_PAYOUT)
        ) {
            CostSharing.Split memory split = CostSharing.split(
                owed - paid, _book.activeMembers, _totals.feeBps, r.shareCapPerPeriod - _cover.periodShared
            );
            share = split.share;
            fee = split.fee;
            paid += split.payout;
            _cover.charge(share);
            _totals.totalBalances -= split.collected.toUint96();
            dust = split.dust;
            _totals.reserve += dust.toUint96();
            _book.feesOwed += fee.toUint96();
        }
        if (paid == 0 && share == 0) return;
        c.owed = uint80(owed - paid);
        c.paid += uint80(paid);
        if (queued) _ledger.totalOwed -= uint96(paid);
        address claimant = c.claimant;
        _creditPayout(claimant, paid);
        emit ClaimPaid(claimId, claimant, paid, fromReserve, fee, share, dust);
    }
}
