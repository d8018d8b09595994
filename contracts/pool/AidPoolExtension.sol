// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Rules, Member, ContributionModel} from "./PoolTypes.sol";
import {IAidPoints} from "../interfaces/IAidPoints.sol";
import {PoolPayments} from "./PoolPayments.sol";
import {PoolJury} from "./jury/PoolJury.sol";
import {PoolWindDown} from "./PoolWindDown.sol";
import {PoolAssessors} from "./PoolAssessors.sol";
import {AidPoolHousekeeping} from "./AidPoolHousekeeping.sol";

/// @title AidPoolExtension
/// @notice The plan functions that run rarely (disputes and jury votes, wind-down, keeper work,
///         points, withdrawing fees; and through AidPoolHousekeeping ratings, lowering the fee,
///         pause, the tranche escrow's credit), kept out of AidPool so that
///         the plan's code stays under the 24 KB limit (EIP-170). AidPool's constructor deploys it
///         and AidPool forwards these selectors to it by delegatecall: the code runs on the plan's
///         own storage, with the plan's rules (read from the clone, address(this)). Called
///         directly, it has no rules and no money.
contract AidPoolExtension is PoolWindDown, PoolJury, PoolAssessors {
    using SafeERC20 for IERC20;

    /// @notice The plan's housekeeping code (fees, pause, ratings, points, the tranche escrow's
    ///         credit), run by this contract's fallback, by delegatecall, still on the plan's storage.
    address public immutable housekeeping;
    /// @dev EDUCATION payouts are credited here (AidPoolHousekeeping.trancheEscrow()).
    address private immutable _escrow;

    /// @notice Deploys the housekeeping code (which deploys the tranche escrow).
    constructor() {
        address h = address(new AidPoolHousekeeping());
        housekeeping = h;
        _escrow = AidPoolHousekeeping(h).trancheEscrow();
    }

    /// @notice Any function not here runs in AidPoolHousekeeping (lowerFee, pause, unpause, rate,
    ///         moveEscrowCredit, trancheEscrow); its result is returned.
    fallback() external {
        address target = housekeeping;
        assembly {
            calldatacopy(0, 0, calldatasize())
            let ok := delegatecall(gas(), target, 0, calldatasize(), 0, 0)
            returndatacopy(0, 0, returndatasize())
            if iszero(ok) { revert(0, returndatasize()) }
            return(0, returndatasize())
        }
    }

    /// @dev The tranche escrow EDUCATION payouts are credited to.
    function _trancheEscrow() internal view override returns (address) {
        return _escrow;
    }

    /// @notice The fee receiver withdraws the collected fees (pull: only the receiver can).
    function withdrawFees() external nonReentrant {
        (Rules memory r,,) = _load();
        if (msg.sender != r.feeReceiver) revert NotFeeReceiver(msg.sender);
        uint256 amount = _book.feesOwed;
        if (amount == 0) revert NothingToWithdraw(msg.sender);
        _book.feesOwed = 0;
        emit FeesWithdrawn(msg.sender, amount);
        IERC20(r.asset).safeTransfer(msg.sender, amount);
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

}
