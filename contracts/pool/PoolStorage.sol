// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {Clones} from "@openzeppelin/contracts/proxy/Clones.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {IAidPoolEvents} from "../interfaces/IAidPoolEvents.sol";
import {IAidPoolErrors} from "../interfaces/IAidPoolErrors.sol";
import {Rules, Member, MemberFlags, ClaimRecord, ClaimStatus, ContributionModel, PointsReason, CloseReason} from "./PoolTypes.sol";
import {RulesCodec} from "./RulesCodec.sol";
import {CoverBook} from "./CoverBook.sol";
import {ClaimTransitions} from "./ClaimTransitions.sol";

/// @title PoolStorage
/// @notice The state of one plan and the internals every module shares: loading the rules,
///         settling a member (PREPAID contributions, COST_SHARING shares), the member registry,
///         pull credits and the cover book's clock. The modules (PoolMembership, PoolClaims,
///         PoolWindDown) build the external functions on top of it; AidPool composes them.
/// @dev Solvency invariant, after every transaction:
///      asset.balanceOf(plan) == totalBalances + reserve + feesOwed + bondsHeld + exitPool.
///      Payments to anyone but the caller (payouts, returned bonds, juror rewards) are credited to
///      the recipient's free balance, which they withdraw themselves (pull): nothing here ever
///      transfers to a third party, so a recipient the token refuses blocks only their own withdrawal.
abstract contract PoolStorage is IAidPoolEvents, IAidPoolErrors, ReentrancyGuardTransient {
    using SafeCast for uint256;
    using CoverBook for CoverBook.Book;
    using ClaimTransitions for ClaimStatus;

    /// @notice Basis-point denominator.
    uint256 public constant BPS = 10_000;
    /// @notice COST_SHARING: the farthest a balance files a member's cover ahead, in periods.
    uint256 public constant MAX_COVER_PERIODS = 5_200;
    /// @notice COST_SHARING: most periods one payout rolls the cover book over; when the book is
    ///         further behind, the payout waits as owed and anyone may call advance().
    uint256 public constant MAX_ROLL_PER_PAYOUT = 4;
    /// @notice Points per task. Joining points vest after the waiting period, once per plan.
    uint24 public constant POINTS_JOINING = 10;
    uint24 public constant POINTS_CONTRIBUTION = 1;
    uint24 public constant POINTS_JURY_VOTE = 5;
    uint24 public constant POINTS_REFERRAL = 20;

    /// @dev Hot plan-wide state, one slot.
    struct Totals {
        uint96 totalBalances; // sum of members' free balances (net of settled-at-payout shares)
        uint96 reserve; // money for claims (PREPAID contributions, forfeited bonds, rounding dust)
        uint24 registryCount; // registry positions given: every address that ever joined (kept for good)
        uint16 feeBps; // current fee, <= rules.feeBps
        bool paused;
        bool initialized;
        bool closed; // wind-down: no joins, no new claims
    }

    /// @dev Second slot of plan-wide state.
    struct Book {
        uint96 feesOwed; // the fee receiver's credit
        uint96 bondsHeld; // claim, challenge and appeal bonds of open claims
        uint24 activeMembers; // COST_SHARING: covered members as of the last roll-over, plus joins (<= registry, 24 bits)
        uint24 claimCount; // < 2^24 (TooManyClaims)
        bool owedWaiting; // the owed queue is not empty (read here, where a contribution's fee is booked)
    }

    /// @dev The owed queue.
    struct Ledger {
        uint96 totalOwed; // approved, not yet paid, in the queue
        uint32 owedHead; // next queue position to pay
        uint32 owedTail; // next free queue position
    }

    /// @dev Wind-down.
    struct WindDown {
        uint40 closedAt;
        uint32 closePeriod; // the period the plan closed in; the plan's clock stops there
        uint32 voteRound; // period + 1 of the current round of votes to close
        uint32 votes; // votes to close in that round
        uint32 belowSince; // period + 1 since which covered members were seen below the floor, 0 = not
        CloseReason reason;
        bool counting; // exits: the member count has started
        bool exitsOpen; // exits: reserve shares are being paid
        // second slot
        uint32 claimCursor; // exits: claims checked final so far
        uint32 countCursor; // exits: registry positions left to count (walked downwards)
        uint32 exitShares; // exits: shares not yet taken
        uint96 exitPool; // exits: the reserve being shared
    }

    Totals internal _totals;
    Book internal _book;
    CoverBook.Book internal _cover; // COST_SHARING
    Ledger internal _ledger;
    WindDown internal _windDown;
    /// @notice Sum of all stars given and number of ratings.
    uint64 public ratingSum;
    uint64 public ratingCount;

    mapping(address => Member) internal _members;
    mapping(uint256 => ClaimRecord) internal _claims;
    mapping(uint256 => mapping(address => bytes32)) internal _commitments;
    mapping(uint256 => uint256) internal _owedQueue; // position => claim id

    // =================================================================== rules

    /// @dev The rules from the clone's immutable arguments, without the assessor list.
    function _load() internal view returns (Rules memory r, uint40 createdAt, address points) {
        return RulesCodec.decode(Clones.fetchCloneArgs(address(this)), false);
    }

    /// @dev The rules with the assessor list.
    function _loadWithAssessors() internal view returns (Rules memory r, uint40 createdAt, address points) {
        return RulesCodec.decode(Clones.fetchCloneArgs(address(this)), true);
    }

    // =================================================================== clock

    /// @dev Whether a closed plan's exits are open. Reads the wind-down slot only once the plan is
    ///      closed (the plan's hot slot is read by every caller anyway).
    function _exitsOpen() internal view returns (bool) {
        return _totals.closed && _windDown.exitsOpen;
    }

    /// @dev The time charges run to: now, or the closing time once the plan is closed (a closed
    ///      plan charges no more contributions and ends no more covers).
    function _chargeTime() internal view returns (uint256) {
        return _totals.closed ? _windDown.closedAt : block.timestamp;
    }

    /// @dev The plan's current period (frozen at the closing period once closed). O(1): the cover
    ///      book may lag behind it (see advance).
    function _currentPeriod(Rules memory r, uint40 createdAt) internal view returns (uint256) {
        if (_totals.closed) return _windDown.closePeriod;
        return (block.timestamp - createdAt) / r.period;
    }

    /// @dev The period a timestamp falls in (cover ends are never before the plan's creation).
    function _periodAt(uint256 timestamp, Rules memory r, uint40 createdAt) internal pure returns (uint256) {
        return (timestamp - createdAt) / r.period;
    }

    /// @dev COST_SHARING: rolls the cover book over towards the current period, at most
    ///      `maxPeriods` periods; returns whether it reached the current period.
    function _advance(Rules memory r, uint40 createdAt, uint256 maxPeriods) internal returns (bool caughtUp) {
        uint256 period = _currentPeriod(r, createdAt);
        if (period == _cover.lastPeriod) return true;
        if (maxPeriods == 0) return false;
        (uint256 reached, uint256 covered) = _cover.rollOver(period, _book.activeMembers, maxPeriods);
        _book.activeMembers = covered.toUint24();
        emit PeriodStarted(reached, covered, _cover.shareIndex);
        return reached == period;
    }

    // =================================================================== balances and credits

    /// @dev Adds `amount` to a member's free balance.
    function _creditBalance(address who, Member storage m, uint256 amount) internal {
        m.balance += amount.toUint96();
        _totals.totalBalances += amount.toUint96();
        emit Deposited(who, amount, m.balance);
    }

    /// @dev Takes `amount` (<= balance, checked by the caller) from a member's free balance.
    function _debit(Member storage m, uint256 amount) internal {
        m.balance -= amount.toUint96();
        _totals.totalBalances -= amount.toUint96();
    }

    /// @notice Credits `amount` to `to`'s free balance (pull payment: payouts, returned bonds,
    ///         juror rewards), which `to` withdraws with withdraw() or leave(), member or not. The
    ///         caller has already taken the amount out of another book (reserve, bonds, shares).
    ///         In COST_SHARING plans the credit does not extend cover until the member's next
    ///         deposit or withdrawal re-files it.
    function _creditPayout(address to, uint256 amount) internal {
        if (amount == 0) return;
        _members[to].balance += amount.toUint96();
        _totals.totalBalances += amount.toUint96();
    }

    // =================================================================== settlement

    /// @dev Charges what is due and grants vested rewards. Never reverts for a member, whatever
    ///      the idle time: PREPAID is arithmetic, COST_SHARING reads the index (no roll-over).
    function _settle(address who, Member storage m, Rules memory r, uint40 createdAt) internal {
        if (!m.active) return;
        if (r.model == ContributionModel.PREPAID) {
            if (_settlePrepaid(who, m, r, true)) _payOwedHead(r, createdAt);
        } else {
            _settleShares(who, m, r, createdAt);
        }
        if (m.active) _vest(who, m, r);
    }

    /// @notice Settles `who` and reverts unless they are covered now. Challenge (and the jury's
    ///         commit and reveal) call this first, so a member who lapsed long ago is refused even
    ///         if nobody has settled them since.
    /// @return m the member's (settled) account
    function _settleCovered(address who, Rules memory r, uint40 createdAt) internal returns (Member storage m) {
        m = _members[who];
        if (!m.active) revert NotMember(who);
        if (r.model == ContributionModel.PREPAID && m.paidThrough > block.timestamp) {
            _vest(who, m, r); // paid ahead: nothing due (what _settle would do, without re-reading)
            return m;
        }
        _settle(who, m, r, createdAt);
        if (!m.active || m.paidThrough <= block.timestamp) revert NotCovered(m.paidThrough);
    }

    /// @dev PREPAID: contributions are paid in advance: every period that has started must be paid,
    ///      as far as the balance goes. An unpaid member lapses once the grace period after their
    ///      paid-through date has passed. Periods the balance covered are paid on time and earn a
    ///      point; periods paid by a deposit clearing arrears (`onTime` false) earn none and are
    ///      recorded as an uncovered gap: a loss in it is not covered.
    function _settlePrepaid(address who, Member storage m, Rules memory r, bool onTime) internal returns (bool charged) {
        uint256 paidThrough = m.paidThrough;
        if (paidThrough > block.timestamp) return false; // nothing due (the charge time is never later than now)
        uint256 time = _chargeTime();
        if (paidThrough > time) return false;
        uint256 periods = _duePeriods(m, r);
        charged = periods != 0;
        if (charged) {
            uint256 amount = periods * r.contribution;
            uint256 fee = (amount * _totals.feeBps) / BPS;
            m.balance -= amount.toUint96();
            if (onTime) _addPoints(m, periods * POINTS_CONTRIBUTION); // implied by the event
            else if (paidThrough < block.timestamp) _recordGap(m, r, paidThrough);
            paidThrough += periods * r.period;
            m.paidThrough = paidThrough.toUint40();
            Totals storage t = _totals;
            t.totalBalances -= amount.toUint96();
            t.reserve += (amount - fee).toUint96();
            _book.feesOwed += fee.toUint96();
            emit ContributionCharged(who, periods, amount, fee, paidThrough);
        }
        if (paidThrough <= time && time >= paidThrough + r.gracePeriod) {
            --_book.activeMembers;
            _drop(m);
            emit MemberLapsed(who, paidThrough);
        }
    }

    /// @dev Pays the owed queue's head from what just reached the reserve (at most one claim,
    ///      O(1)): owed claims are paid as money arrives, not only when someone calls payOwed.
    function _payOwedHead(Rules memory r, uint40 createdAt) internal virtual;

    /// @dev PREPAID: remembers that the member was not covered from `from` until now (arrears paid
    ///      late). A gap still inside the filing window of the previous one is merged with it, so
    ///      no uncovered time that can still be claimed is forgotten.
    function _recordGap(Member storage m, Rules memory r, uint256 from) private {
        uint256 previousEnd = m.gapTo;
        if (previousEnd == 0 || previousEnd + r.filingWindow < block.timestamp) m.gapFrom = from.toUint40();
        m.gapTo = block.timestamp.toUint40();
        m.flags |= MemberFlags.HAS_GAP;
    }

    /// @dev PREPAID: the periods to charge now: every period that has started since the
    ///      paid-through date (up to the closing time of a closed plan), as far as the balance goes.
    function _duePeriods(Member storage m, Rules memory r) internal view returns (uint256) {
        uint256 paidThrough = m.paidThrough;
        uint256 time = _chargeTime();
        if (paidThrough > time) return 0;
        uint256 due = (time - paidThrough) / r.period + 1;
        return Math.min(due, m.balance / r.contribution);
    }

    /// @dev COST_SHARING: applies the share index growth since the member's snapshot. A member whose
    ///      cover ended is charged only up to the index at the start of the period it ended. Needs
    ///      no roll-over (see CoverBook.indexFor); the roll-over takes the member out of the
    ///      covered count when it passes the period their cover ended.
    function _settleShares(address who, Member storage m, Rules memory r, uint40 createdAt) internal {
        uint256 endPeriod = _periodAt(m.paidThrough, r, createdAt);
        uint256 index = _cover.indexFor(endPeriod);
        uint256 owed = index - m.shareSnapshot;
        if (owed != 0) {
            m.balance -= owed.toUint96();
            m.shareSnapshot = index.toUint112();
            _addPoints(m, POINTS_CONTRIBUTION); // implied by the event
            emit SharesSettled(who, owed, m.balance, m.paidThrough);
        }
        if (_currentPeriod(r, createdAt) >= endPeriod) {
            _drop(m); // counted out of activeMembers by the roll-over past endPeriod
            emit MemberLapsed(who, m.paidThrough);
        }
    }

    /// @dev COST_SHARING: sets the end of cover from the balance (each covered period can cost at
    ///      most the share cap, so the balance always covers the shares charged) and files the
    ///      member under the period their cover ends. A balance below one cap ends the cover now.
    function _recover(address who, Member storage m, Rules memory r, uint40 createdAt, bool fresh) internal {
        uint256 period = _currentPeriod(r, createdAt);
        uint256 newEnd = period + Math.min(m.balance / r.shareCapPerPeriod, MAX_COVER_PERIODS);
        if (!fresh) {
            uint256 oldEnd = _periodAt(m.paidThrough, r, createdAt);
            if (newEnd == oldEnd) return;
            _cover.unfile(oldEnd);
        }
        if (newEnd == period) {
            m.paidThrough = block.timestamp.toUint40();
            --_book.activeMembers;
            _drop(m);
            emit MemberLapsed(who, block.timestamp);
            return;
        }
        _cover.file(newEnd);
        m.paidThrough = (uint256(createdAt) + newEnd * r.period).toUint40();
    }

    // =================================================================== registry

    /// @dev Gives a member their registry position at their first join (O(1)); a rejoin keeps
    ///      it. Positions are never reused or moved, so member -> position (in the member's own
    ///      slot) is all the plan stores: the jury draw and the exit count are told each
    ///      position's holder and check it here.
    function _register(Member storage m) internal {
        if (m.registryIndex != 0) return;
        uint256 index = uint256(_totals.registryCount) + 1;
        if (index > type(uint24).max) revert TooManyMembers();
        _totals.registryCount = uint24(index);
        m.registryIndex = uint24(index);
    }

    /// @dev Marks a member inactive (O(1)); their registry position stays theirs. While a closed
    ///      plan counts its members for the exits, or once the exits are open, a member already
    ///      counted takes their share out (the count walks positions downwards from the top).
    function _drop(Member storage m) internal {
        m.active = false;
        if (_totals.closed) {
            WindDown storage w = _windDown;
            if (w.exitsOpen || (w.counting && m.registryIndex > w.countCursor)) --w.exitShares;
        }
    }

    // =================================================================== points

    /// @dev Adds points, saturating at the 24-bit field's maximum.
    function _addPoints(Member storage m, uint256 amount) internal {
        m.points = uint24(Math.min(uint256(m.points) + amount, type(uint24).max));
    }

    /// @dev Grants what vests once the waiting period is over: the member's joining points (once
    ///      per member per plan: a join-leave loop mints nothing) and their referrer's reward.
    function _vest(address who, Member storage m, Rules memory r) internal {
        uint8 flags = m.flags;
        if (flags & (MemberFlags.REFERRAL_PENDING | MemberFlags.JOIN_POINTS_PENDING) == 0) return;
        if (block.timestamp < uint256(m.joinedAt) + r.waitingPeriod) return;
        if (flags & MemberFlags.JOIN_POINTS_PENDING != 0) {
            flags = (flags & ~MemberFlags.JOIN_POINTS_PENDING) | MemberFlags.JOIN_POINTS_GRANTED;
            _addPoints(m, POINTS_JOINING);
            emit PointsAccrued(who, POINTS_JOINING, PointsReason.JOINING);
        }
        if (flags & MemberFlags.REFERRAL_PENDING != 0) {
            flags &= ~MemberFlags.REFERRAL_PENDING;
            address referrer = m.referrer;
            m.referrer = address(0);
            _addPoints(_members[referrer], POINTS_REFERRAL);
            emit PointsAccrued(referrer, POINTS_REFERRAL, PointsReason.REFERRAL);
        }
        m.flags = flags;
    }

    // =================================================================== claims (shared)

    /// @dev Whether a claim status is final (PAID may still have an owed rest being paid).
    function _isFinal(ClaimStatus status) internal pure returns (bool) {
        return status == ClaimStatus.PAID || status == ClaimStatus.DENIED;
    }

    /// @dev The claim, which must exist.
    function _claimAt(uint256 claimId) internal view returns (ClaimRecord storage c) {
        c = _claims[claimId];
        if (c.status == ClaimStatus.NONE) revert UnknownClaim(claimId);
    }

    /// @dev The claim, which must exist and be in `expected` status.
    function _claimIn(uint256 claimId, ClaimStatus expected) internal view returns (ClaimRecord storage c) {
        c = _claims[claimId];
        ClaimStatus status = c.status;
        if (status != expected) {
            if (status == ClaimStatus.NONE) revert UnknownClaim(claimId);
            revert UnexpectedClaimStatus(claimId, status, expected);
        }
    }

    /// @dev Moves a claim along the transition table (see ClaimTransitions).
    function _transition(ClaimRecord storage c, ClaimStatus to) internal {
        ClaimStatus from = c.status;
        if (!from.allowed(to)) revert ForbiddenTransition(from, to);
        c.status = to;
    }


    /// @dev The member's open claim (not yet PAID or DENIED), 0 if none.
    function _openClaim(Member storage m) internal view returns (uint256 claimId) {
        claimId = m.lastClaim;
        if (claimId != 0 && _isFinal(_claims[claimId].status)) claimId = 0;
    }
}
