// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {Rules, Member} from "./PoolTypes.sol";
import {PoolPayments} from "./PoolPayments.sol";
import {TrancheEscrow} from "./education/TrancheEscrow.sol";

/// @title AidPoolHousekeeping
/// @notice The plan's housekeeping: lowering the fee, the guardian's pause, ratings, and moving
///         the tranche escrow's credit (EDUCATION). Reached from a plan
///         through AidPoolExtension's fallback, by delegatecall: the code runs on the plan's own
///         storage with the plan's rules. Called directly, it has no rules and no money.
contract AidPoolHousekeeping is PoolPayments {
    /// @notice Rating bounds.
    uint8 public constant MIN_STARS = 1;
    uint8 public constant MAX_STARS = 5;

    /// @notice The escrow that every plan of this code credits EDUCATION payouts to; it releases
    ///         them by term to the institution a claim names (see TrancheEscrow).
    address public immutable trancheEscrow;

    /// @notice Deploys the tranche escrow (it holds no tokens: only a credit inside each plan).
    constructor() {
        trancheEscrow = address(new TrancheEscrow());
    }

    /// @notice The tranche escrow moves `amount` of its credit in this plan: to `to`'s free balance
    ///         (a released tranche, pulled by `to` with withdraw), or back to the reserve when `to`
    ///         is zero (tranches a student will not use). Only the escrow; never more than its credit.
    /// @param to the institution, or zero for the reserve
    /// @param amount token base units
    function moveEscrowCredit(address to, uint256 amount) external nonReentrant {
        if (msg.sender != trancheEscrow) revert NotTrancheEscrow(msg.sender);
        Member storage e = _members[msg.sender];
        if (amount > e.balance) revert InsufficientBalance(amount, e.balance);
        _debit(e, amount);
        if (to == address(0)) {
            _totals.reserve += SafeCast.toUint96(amount);
            emit EscrowReturned(amount);
        } else {
            _creditPayout(to, amount);
            emit EscrowReleased(to, amount);
        }
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

    /// @dev Pauses or unpauses; only the guardian, and only when it changes something.
    function _setPaused(bool value) private {
        (Rules memory r,,) = _load();
        if (msg.sender != r.guardian) revert NotGuardian(msg.sender); // a zero guardian matches nobody
        if (_totals.paused == value) revert PauseUnchanged(value);
        _totals.paused = value;
        if (value) emit PlanPaused(msg.sender);
        else emit PlanUnpaused(msg.sender);
    }

    /// @dev The tranche escrow EDUCATION payouts are credited to.
    function _trancheEscrow() internal view override returns (address) {
        return trancheEscrow;
    }
}
