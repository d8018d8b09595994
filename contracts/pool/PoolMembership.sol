// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {Rules, Member, MemberFlags, ContributionModel} from "./PoolTypes.sol";
import {CoverBook} from "./CoverBook.sol";
import {PoolStorage} from "./PoolStorage.sol";

/// @title PoolMembership
/// @notice Membership of a plan: join, deposit, withdraw, leave, settle, the cover book's
///         advance, ratings and points. Every function here costs bounded gas whatever the idle
///         time: settlement is O(1) and never rolls the cover book.
abstract contract PoolMembership is PoolStorage {
    using SafeERC20 for IERC20;
    using SafeCast for uint256;
    using CoverBook for CoverBook.Book;

    /// @notice Joins the plan (or rejoins after lapsing or leaving, with a new waiting period) with
    ///         a first deposit covering at least one period. The plan must be approved for `amount`.
    ///         Joining points vest once the waiting period is over, once per member per plan.
    /// @param amount first deposit, token base units: >= contribution (PREPAID) or share cap (COST_SHARING)
    /// @param referrer an active member who referred the caller, or address(0)
    function join(uint256 amount, address referrer) external nonReentrant {
        (Rules memory r, uint40 createdAt,) = _load();
        if (_totals.closed) revert PlanIsClosed();
        if (_totals.paused) revert PlanIsPaused();
        Member storage m = _members[msg.sender];
        if (m.active) {
            _settle(msg.sender, m, r, createdAt);
            if (m.active) revert AlreadyMember(msg.sender);
        }
        if (referrer == msg.sender) revert SelfReferral();
        if (referrer != address(0) && !_members[referrer].active) revert ReferrerNotMember(referrer);
        uint256 minimum = r.model == ContributionModel.PREPAID ? r.contribution : r.shareCapPerPeriod;
        if (amount < minimum) revert DepositBelowMinimum(amount, minimum); // minimum > 0 by the rules

        uint40 nowTs = block.timestamp.toUint40();
        m.joinedAt = block.timestamp.toUint32();
        m.active = true;
        uint8 flags = m.flags & ~(MemberFlags.REFERRAL_PENDING | MemberFlags.JOIN_POINTS_PENDING);
        if (flags & MemberFlags.JOIN_POINTS_GRANTED == 0) flags |= MemberFlags.JOIN_POINTS_PENDING;
        if (referrer != address(0)) {
            flags |= MemberFlags.REFERRAL_PENDING;
            m.referrer = referrer;
        }
        m.flags = flags;
        ++_book.activeMembers;
        _register(m);
        emit MemberJoined(msg.sender, referrer, nowTs, nowTs + r.waitingPeriod);
        _creditBalance(msg.sender, m, amount);
        m.paidThrough = nowTs; // PREPAID: charged from now; COST_SHARING: _recover sets the end of cover
        if (r.model == ContributionModel.PREPAID) {
            _settlePrepaid(msg.sender, m, r, true);
        } else {
            m.shareSnapshot = _cover.shareIndex;
            _recover(msg.sender, m, r, createdAt, true);
        }
        IERC20(r.asset).safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @notice Deposits `amount` into the caller's free balance and settles what is due.
    /// @param amount token base units; the plan must be approved for it
    function deposit(uint256 amount) external nonReentrant {
        if (amount == 0) revert ZeroAmount();
        (Rules memory r, uint40 createdAt,) = _load();
        Member storage m = _members[msg.sender];
        if (!m.active) revert NotMember(msg.sender);
        // first what the old balance pays (on time), then the deposit; a member whose cover
        // has ended must join again
        _settle(msg.sender, m, r, createdAt);
        if (!m.active) revert NotMember(msg.sender);
        _creditBalance(msg.sender, m, amount);
        if (r.model == ContributionModel.PREPAID) {
            // arrears cleared by this deposit: late, no cover for the gap; what reaches the reserve pays owed claims
            if (_settlePrepaid(msg.sender, m, r, false)) _payOwedHead(r, createdAt);
        } else {
            _recover(msg.sender, m, r, createdAt, false);
        }
        IERC20(r.asset).safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @notice Withdraws from the caller's free balance. Always possible (even while paused or
    ///         closed), for members and former members. In COST_SHARING plans cover shrinks with
    ///         the balance.
    /// @param amount token base units
    function withdraw(uint256 amount) external nonReentrant {
        if (amount == 0) revert ZeroAmount();
        (Rules memory r, uint40 createdAt,) = _load();
        Member storage m = _members[msg.sender];
        _settle(msg.sender, m, r, createdAt);
        uint256 balance = m.balance;
        if (amount > balance) revert InsufficientBalance(amount, balance);
        _debit(m, amount);
        emit Withdrawn(msg.sender, amount, m.balance);
        // once exits are open nothing is charged any more, so cover no longer follows the balance
        if (m.active && r.model == ContributionModel.COST_SHARING && !_exitsOpen()) {
            _recover(msg.sender, m, r, createdAt, false);
        }
        IERC20(r.asset).safeTransfer(msg.sender, amount);
    }

    /// @notice Leaves the plan: settles what is owed and returns the whole free balance. PREPAID
    ///         contributions already charged for the current period are not refunded. In a closed
    ///         plan whose exits are open, a covered member also gets an equal share of the reserve.
    function leave() external nonReentrant {
        (Rules memory r, uint40 createdAt,) = _load();
        Member storage m = _members[msg.sender];
        if (!m.active) revert NotMember(msg.sender);
        uint256 open = _openClaim(m);
        if (open != 0) revert ClaimStillOpen(open);
        _settle(msg.sender, m, r, createdAt);
        uint256 reserveShare;
        if (m.active) {
            if (_exitsOpen()) reserveShare = _takeExitShare();
            --_book.activeMembers;
            if (r.model == ContributionModel.COST_SHARING) _cover.unfile(_periodAt(m.paidThrough, r, createdAt));
            _drop(m);
        }
        uint256 refund = m.balance;
        if (refund != 0) _debit(m, refund);
        emit MemberLeft(msg.sender, refund);
        if (reserveShare != 0) emit ExitShared(msg.sender, reserveShare);
        if (refund + reserveShare != 0) IERC20(r.asset).safeTransfer(msg.sender, refund + reserveShare);
    }

    /// @dev Takes one equal share of the exit pool (the last member takes what is left).
    function _takeExitShare() internal returns (uint256 share) {
        WindDown storage w = _windDown;
        share = w.exitPool / w.exitShares;
        w.exitPool -= uint96(share); // share <= exitPool (a uint96)
        // _drop, called next, takes the member's share out of exitShares
    }
}
