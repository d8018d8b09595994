// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Rules, Member, ContributionModel} from "./PoolTypes.sol";
import {IAidPoints} from "../interfaces/IAidPoints.sol";
import {PoolJury} from "./jury/PoolJury.sol";
import {PoolWindDown} from "./PoolWindDown.sol";
import {PoolAssessors} from "./PoolAssessors.sol";

/// @title AidPoolExtension
/// @notice The plan functions that run rarely (disputes and jury votes, wind-down, keeper work,
///         ratings, points, fee and pause), kept out of AidPool so that
///         the plan's code stays under the 24 KB limit (EIP-170). AidPool's constructor deploys it
///         and AidPool forwards these selectors to it by delegatecall: the code runs on the plan's
///         own storage, with the plan's rules (read from the clone, address(this)). Called
///         directly, it has no rules and no money.
contract AidPoolExtension is PoolWindDown, PoolJury, PoolAssessors {
    /// @notice Rating bounds.
    uint8 public constant MIN_STARS = 1;
    uint8 public constant MAX_STARS = 5;

    /// @notice Pays owed claims first in first out (anyone may call): from the reserve, and in
    ///         COST_SHARING plans from the current period's share room. Stops at the first claim
    ///         that cannot be paid in full.
    /// @param maxClaims most owed claims to look at
    /// @return settled the number of owed claims paid in full
    function payOwed(uint256 maxClaims) external nonReentrant returns (uint256 settled) {
        (Rules memory r, uint40 createdAt,) = _load();
        return _payQueue(r, createdAt, maxClaims);
    }
    /// @notice COST_SHARING: rolls the cover book over at most `maxPeriods` periods towards the
    ///         current one (anyone may call; keepers do). Member actions never need this; a payout
    ///         needs the book within MAX_ROLL_PER_PAYOUT periods of now.
    /// @param maxPeriods most periods to roll over in this call
    /// @return caughtUp whether the book has reached the current period
    function advance(uint256 maxPeriods) external returns (bool caughtUp) {
        (Rules memory r, uint40 createdAt,) = _load();
        if (r.model != ContributionModel.COST_SHARING) return true;
        return _advance(r, createdAt, maxPeriods);
    }

    /// @notice Called once by the factory right after cloning; sets the starting fee. (The
    ///         implementation is marked initialized by AidPool's constructor.)
    function initialize() external {
        if (_totals.initialized) revert AlreadyInitialized();
        (Rules memory r,,) = _load();
        _totals.initialized = true;
        _totals.feeBps = r.feeBps;
    }

    /// @notice Settles what `member` owes up to now (anyone may call): PREPAID contributions or
    ///         COST_SHARING shares; marks the member lapsed when their cover has ended.
    /// @param member the member to settle
    function settle(address member) external {
        (Rules memory r, uint40 createdAt,) = _load();
        Member storage m = _members[member];
        if (!m.active) revert NotMember(member);
        _settle(member, m, r, createdAt);
    }

    /// @notice Lowers the service fee; it can never be raised. Only the fee receiver.
    /// @param newBps the new fee in basis points, below the current one
    function lowerFee(uint16 newBps) external {
        (Rules memory r,,) = _load();
        if (msg.sender != r.feeReceiver) revert NotFeeReceiver(msg.sender);
        uint16 current = _totals.feeBps;
        if (newBps >= current) revert FeeNotLowered(newBps, current);
        _totals.feeBps = newBps;
        emit FeeLowered(current, newBps);
    }

    /// @notice The guardian pauses new joins and new claims. Nothing else stops: deposits,
    ///         withdrawals, votes, disputes and payouts go on.
    function pause() external {
        _setPaused(true);
    }

    /// @notice The guardian lifts the pause.
    function unpause() external {
        _setPaused(false);
    }

    /// @notice Rates the plan once, 1-5 stars, after at least one full period of membership.
    /// @param stars 1 to 5
    /// @param reviewHash hash of the review text kept off chain (zero for none)
    function rate(uint8 stars, bytes32 reviewHash) external {
        (Rules memory r,,) = _load();
        Member storage m = _members[msg.sender];
        if (!m.active) revert NotMember(msg.sender);
        if (stars < MIN_STARS || stars > MAX_STARS) revert InvalidStars(stars);
        uint256 opensAt = uint256(m.joinedAt) + r.period;
        if (block.timestamp < opensAt) revert RatingTooEarly(opensAt);
        if (m.rating != 0) revert AlreadyRated(msg.sender);
        m.rating = stars;
        ratingSum += stars;
        ++ratingCount;
        emit PlanRated(msg.sender, stars, reviewHash);
    }

    /// @notice Mints the caller's accrued points as this plan's AidPoints (points are kept per
    ///         plan: AidPoints never adds up points of different plans).
    function claimPoints() external nonReentrant {
        (Rules memory r, uint40 createdAt, address points) = _load();
        Member storage m = _members[msg.sender];
        _settle(msg.sender, m, r, createdAt); // vests what is due
        uint256 amount = m.points;
        if (amount == 0) revert NoPointsAccrued(msg.sender);
        m.points = 0;
        emit PointsClaimed(msg.sender, amount);
        IAidPoints(points).mint(msg.sender, amount);
    }

    /// @dev Pauses or unpauses; only the guardian, and only when it changes something.
    function _setPaused(bool value) private {
        (Rules memory r,,) = _load();
        if (msg.sender != r.guardian) revert NotGuardian(msg.sender); // a zero guardian matches nobody
        if (_totals.paused == value) revert PauseUnchanged(value);
        _totals.paused = value;
        if (value) emit PlanPaused(msg.sender);
        else emit PlanUnpaused(msg.sender);
    }
}
