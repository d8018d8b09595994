// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {Rules, Member, ClaimRecord, CloseReason, ContributionModel} from "./PoolTypes.sol";
import {PoolPayments} from "./PoolPayments.sol";
import {IAidPoints} from "../interfaces/IAidPoints.sol";
import {IPlanRegistry} from "../interfaces/IPlanRegistry.sol";

/// @title PoolWindDown
/// @notice How a plan ends, by its rules: more than half of the covered members vote to close
///         within one period; or covered members stay below the rules' floor for `floorPeriods`
///         periods (anyone may close it then); or its creator closes it before anyone has joined.
///         A closed plan takes no joins and no claims and charges nothing more; open claims
///         finish; then (prepareExits, anyone, in chunks) every claim is checked final, owed
///         claims are paid from the reserve, and members are counted; from then on each member
///         who leaves gets their balance plus an equal share of what is left of the reserve.
abstract contract PoolWindDown is PoolPayments {
    using SafeCast for uint256;
    /// @notice A covered member votes to close the plan. Votes count within one round (the
    ///         current period); the plan closes when they exceed half the covered members.
    function voteToClose() external {
        if (_totals.closed) revert PlanIsClosed();
        (Rules memory r, uint40 createdAt,) = _load();
        Member storage m = _settleCovered(msg.sender, r, createdAt);
        uint256 round = _currentPeriod(r, createdAt) + 1;
        if (m.closeVoteRound == round) revert AlreadyVotedToClose(msg.sender, round);
        m.closeVoteRound = round.toUint32();
        WindDown storage w = _windDown;
        if (w.voteRound != round) (w.voteRound, w.votes) = (round.toUint32(), 0);
        uint256 votes = ++w.votes;
        emit CloseVoted(msg.sender, round, votes);
        if (votes * 2 > _book.activeMembers) _close(r, createdAt, CloseReason.MEMBERS_VOTE);
    }

    /// @notice Watches the floor (anyone may call, keepers do): records when covered members are
    ///         first seen below the rules' floor, forgets it when they are seen at or above it, and
    ///         closes the plan once they have been below it for `floorPeriods` periods. In
    ///         COST_SHARING plans the cover book must be at the current period (see advance).
    /// @return closed whether the plan is closed now
    function closeBelowFloor() external returns (bool closed) {
        if (_totals.closed) revert PlanIsClosed();
        (Rules memory r, uint40 createdAt,) = _load();
        if (r.minMembers == 0) revert FloorNotReached(_book.activeMembers, 0, 0);
        uint256 period = _currentPeriod(r, createdAt);
        if (r.model == ContributionModel.COST_SHARING && _cover.lastPeriod != period) {
            revert BookBehind(_cover.lastPeriod, period);
        }
        uint256 active = _book.activeMembers;
        WindDown storage w = _windDown;
        if (active >= r.minMembers) {
            if (w.belowSince != 0) w.belowSince = 0;
            return false;
        }
        if (w.belowSince == 0) {
            w.belowSince = (period + 1).toUint32();
            emit BelowFloorNoted(period, active);
            return false;
        }
        if (period + 1 - w.belowSince < r.floorPeriods) return false;
        _close(r, createdAt, CloseReason.BELOW_FLOOR);
        return true;
    }

    /// @notice The creator closes a plan nobody has joined (no member, balance, reserve or claim).
    function closeByCreator() external {
        if (_totals.closed) revert PlanIsClosed();
        (Rules memory r, uint40 createdAt, address points) = _load();
        address creator = IPlanRegistry(IAidPoints(points).registry()).creatorOf(address(this));
        if (msg.sender != creator) revert NotCreator(msg.sender);
        if (
            _book.activeMembers != 0 || _totals.registryCount != 0 || _book.claimCount != 0
                || _totals.totalBalances != 0 || _totals.reserve != 0
        ) revert PlanHasMembers(_book.activeMembers);
        _close(r, createdAt, CloseReason.CREATOR);
    }

    /// @notice Prepares the exits of a closed plan, in chunks (anyone may call until it returns
    ///         true): checks that every claim is final (reverts ClaimStillOpen otherwise: finalize
    ///         it first), pays owed claims from the reserve, and counts the members (settling each,
    ///         so lapsed ones do not take a share). Then opens the exits: the reserve becomes the
    ///         exit pool, shared equally by the members counted. The count walks the registry's
    ///         positions downwards from the top (windDown's countCursor): the caller names each
    ///         position's holder, which the holder's own position proves (ExitHintMismatch).
    /// @param maxSteps most claims and members to look at in this call
    /// @param atPositions holders of the positions countCursor, countCursor - 1, ... (this
    ///        call counts at most that many members; unused before the count starts)
    /// @return open whether the exits are open
    function prepareExits(uint256 maxSteps, address[] calldata atPositions) external nonReentrant returns (bool open) {
        if (!_totals.closed) revert PlanNotClosed();
        WindDown storage w = _windDown;
        if (w.exitsOpen) return true;
        (Rules memory r, uint40 createdAt,) = _load();
        uint256 steps;
        uint256 cursor = w.claimCursor;
        uint256 count = _book.claimCount;
        while (cursor < count && steps < maxSteps) {
            ++cursor;
            ++steps;
            if (!_isFinal(_claims[cursor].status)) revert ClaimStillOpen(cursor);
        }
        w.claimCursor = cursor.toUint32();
        if (cursor < count) return false;
        Ledger storage l = _ledger;
        if (l.owedHead != l.owedTail && _totals.reserve != 0) {
            steps += _payQueue(r, createdAt, maxSteps > steps ? maxSteps - steps : 0);
            if (l.owedHead != l.owedTail && _totals.reserve != 0) return false;
        }
        if (!w.counting) (w.counting, w.countCursor) = (true, _totals.registryCount);
        uint256 position = w.countCursor;
        uint256 counted = w.exitShares; // _settle below drops only the member at `position`, not yet counted
        for (uint256 k = 0; position != 0 && steps < maxSteps && k < atPositions.length; ++k) {
            address who = atPositions[k];
            Member storage m = _members[who];
            if (m.registryIndex != position) revert ExitHintMismatch(position, who);
            if (m.active) {
                _settle(who, m, r, createdAt);
                if (m.active) ++counted;
            }
            --position;
            ++steps;
        }
        (w.countCursor, w.exitShares) = (position.toUint32(), counted.toUint32());
        if (position != 0) return false;
        uint256 members = counted;
        uint256 pool = _totals.reserve;
        if (members != 0) {
            _totals.reserve = 0;
            w.exitPool = pool.toUint96();
        }
        w.exitsOpen = true;
        emit ExitsOpened(members, members == 0 ? 0 : pool);
        return true;
    }

    /// @dev Closes the plan and stops its clock at the current period.
    function _close(Rules memory r, uint40 createdAt, CloseReason reason) private {
        uint256 period = _currentPeriod(r, createdAt);
        _totals.closed = true;
        WindDown storage w = _windDown;
        w.closedAt = block.timestamp.toUint40();
        w.closePeriod = period.toUint32();
        w.reason = reason;
        emit PlanClosed(reason, block.timestamp);
    }
}
