// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {Rules, ClaimRecord, ClaimStatus, ContributionModel, Category} from "./PoolTypes.sol";
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

    /// @dev Takes an undisputed claim's bond out of bondsHeld: back to the claimant (credited)
    ///      when approved, to the reserve when rejected. (A dispute's bonds are settled by the jury.)
    function _releaseBonds(uint256 claimId, ClaimRecord storage c, Rules memory r, bool approved) internal {
        uint256 amount = r.claimBond;
        if (amount == 0) return;
        _book.bondsHeld -= amount.toUint96();
        if (approved) {
            address to = c.claimant;
            _creditPayout(to, amount);
            emit BondsReleased(claimId, to, amount);
        } else {
            _totals.reserve += amount.toUint96();
            emit BondsForfeited(claimId, amount);
        }
    }

    /// @dev Grants an approved claim: what the yearly cap leaves of the requested amount becomes
    ///      owed to the claimant, then is paid as far as the money goes. Earlier owed claims come
    ///      first; whatever is left stays owed, in the queue, with a ClaimOwed event. A grant paid
    ///      its requested amount at once writes nothing but the claim's slot 1 (status, year
    ///      totals); otherwise the claim's payment slot records paid and owed.
    function _grant(uint256 claimId, ClaimRecord storage c, Rules memory r, uint40 createdAt) internal {
        uint256 paidInYear = c.paidInYear;
        if (block.timestamp >= uint256(c.yearStart) + CLAIM_YEAR) {
            c.yearStart = block.timestamp.toUint32();
            paidInYear = 0;
        }
        uint256 amount = c.amount;
        uint256 granted = Math.min(amount, uint256(r.maxPayoutPerMemberPerYear) - paidInYear);
        c.paidInYear = (paidInYear + granted).toUint96();
        address claimant = c.claimant;
        bool queueEmpty = !_book.owedWaiting;
        uint256 paid;
        if (queueEmpty) {
            paid = _payDown(claimId, claimant, granted, r, createdAt);
            if (granted == 0) emit ClaimPaid(claimId, claimant, 0, 0, 0, 0, 0); // capped to nothing by the yearly maximum
        }
        uint256 rest = granted - paid;
        if (paid == amount) return; // paid in full: the common path
        c.paid = paid.toUint80();
        c.owed = rest.toUint80();
        c.recorded = true;
        if (rest == 0) return;
        Ledger storage l = _ledger;
        _owedQueue[l.owedTail] = claimId;
        ++l.owedTail;
        _book.owedWaiting = true;
        l.totalOwed += rest.toUint96();
        emit ClaimOwed(claimId, claimant, rest);
        if (!queueEmpty) _payQueue(r, createdAt, OWED_PER_FINALIZE);
    }

    /// @inheritdoc PoolStorage
    function _payOwedHead(Rules memory r, uint40 createdAt) internal override {
        if (_book.owedWaiting) _payQueue(r, createdAt, 1);
    }

    /// @dev Pays the owed queue from its head, first in first out, at most `maxClaims` claims.
    function _payQueue(Rules memory r, uint40 createdAt, uint256 maxClaims) internal returns (uint256 settled) {
        Ledger storage l = _ledger;
        uint256 head = l.owedHead;
        uint256 tail = l.owedTail;
        uint256 paidTotal;
        while (head < tail && settled < maxClaims) {
            uint256 claimId = _owedQueue[head];
            ClaimRecord storage c = _claims[claimId];
            uint256 owed = c.owed;
            uint256 paid = _payDown(claimId, c.claimant, owed, r, createdAt);
            if (paid != 0) {
                c.paid += paid.toUint80();
                c.owed = (owed - paid).toUint80();
                paidTotal += paid;
            }
            if (paid != owed) break;
            delete _owedQueue[head];
            ++head;
            ++settled;
        }
        if (paidTotal != 0) l.totalOwed -= paidTotal.toUint96();
        if (head != l.owedHead) {
            l.owedHead = head.toUint32();
            if (head == tail) _book.owedWaiting = false;
        }
    }

    /// @dev Pays what it can of `owed` into the claimant's credit and returns it: from the reserve
    ///      first; then, in COST_SHARING plans, from the covered members' shares within this
    ///      period's share cap (pro rata when a share would exceed it; the rest stays owed). The
    ///      shares need the cover book at the current period: a payout rolls it over at most
    ///      MAX_ROLL_PER_PAYOUT periods, and a book further behind leaves the rest owed. The caller
    ///      records the payment on the claim.
    function _payDown(uint256 claimId, address claimant, uint256 owed, Rules memory r, uint40 createdAt)
        private
        returns (uint256 paid)
    {
        if (owed == 0) return 0;
        uint256 fromReserve = Math.min(owed, _totals.reserve);
        _totals.reserve -= fromReserve.toUint96();
        paid = fromReserve;
        uint256 fee;
        uint256 share;
        uint256 dust;
        if (
            r.model == ContributionModel.COST_SHARING && owed > paid && !_exitsOpen()
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
        if (paid == 0 && share == 0) return 0;
        // EDUCATION: the payout goes to the tranche escrow, which releases it to the institution
        _creditPayout(r.category == Category.EDUCATION ? _trancheEscrow() : claimant, paid);
        emit ClaimPaid(claimId, claimant, paid, fromReserve, fee, share, dust);
    }

    /// @dev The TrancheEscrow that EDUCATION payouts are credited to (the same address in the plan
    ///      and in its extension: the extension deploys it, the plan reads it at construction).
    function _trancheEscrow() internal view virtual returns (address);

    /// @dev What a claim has been paid and still owes (see ClaimRecord's payment slot).
    function _paymentOf(ClaimRecord storage c) internal view returns (uint256 paid, uint256 owed) {
        if (c.recorded) return (c.paid, c.owed);
        if (c.status == ClaimStatus.PAID) return (c.amount, 0);
        return (0, 0);
    }
}
