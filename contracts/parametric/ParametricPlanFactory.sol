// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Clones} from "@openzeppelin/contracts/proxy/Clones.sol";
import {IParametricEvents, IParametricErrors} from "./IParametric.sol";
import {Paging} from "../utils/Paging.sol";

/// @notice The terms of a parametric disaster plan, fixed for its lifetime.
struct ParametricTerms {
    /// ERC-20 of contributions and payouts
    address token;
    /// signs the disaster attestations (EIP-712)
    address oracle;
    /// price of one period of cover
    uint128 contribution;
    /// preset payout per covered member per attested event (at most 2^96 - 1: a member's credit is a uint96)
    uint128 payout;
    /// one period of cover, seconds (1 day to 366 days)
    uint32 period;
    /// from a member's first purchase until cover starts, seconds (at most 366 days)
    uint32 waitingPeriod;
    /// claim window after an attestation is posted, seconds (1 hour to 366 days)
    uint32 claimWindow;
    /// least severity that opens a claim window
    uint16 minSeverity;
    /// most periods bought at once (1 to 120)
    uint16 maxPeriods;
}

/// @title ParametricPlanFactory
/// @notice Creates parametric disaster plans as EIP-1167 clones of one ParametricPlan, with the
///         terms in the clone's immutable arguments, and keeps the registry. No owner, no access to funds.
contract ParametricPlanFactory is IParametricEvents, IParametricErrors {
    /// @notice Bounds of the terms.
    uint256 public constant MIN_PERIOD = 1 days;
    uint256 public constant MAX_SPAN = 366 days;
    uint256 public constant MIN_WINDOW = 1 hours;
    uint256 public constant MAX_PERIODS = 120;

    /// @notice The ParametricPlan implementation every plan delegates to.
    address public immutable implementation;
    address[] private _plans;
    /// @notice Who created each plan (zero for addresses that are not plans of this factory).
    mapping(address => address) public creatorOf;

    /// @param implementation_ a deployed ParametricPlan
    constructor(address implementation_) {
        if (implementation_ == address(0)) revert ZeroAddress();
        if (implementation_.code.length == 0) revert NotAContract(implementation_);
        implementation = implementation_;
    }

    /// @notice Creates a plan; terms out of bounds revert InvalidTerms, a token without code NotAContract.
    /// @param t the plan's terms, fixed for its lifetime
    /// @return plan the new plan's address
    function createPlan(ParametricTerms calldata t) external returns (address plan) {
        if (t.token == address(0) || t.oracle == address(0)) revert ZeroAddress();
        if (t.token.code.length == 0) revert NotAContract(t.token);
        if (
            t.contribution == 0 || t.payout == 0 || t.payout > type(uint96).max || t.period < MIN_PERIOD || t.period > MAX_SPAN || t.waitingPeriod > MAX_SPAN
                || t.claimWindow < MIN_WINDOW || t.claimWindow > MAX_SPAN || t.maxPeriods == 0 || t.maxPeriods > MAX_PERIODS
        ) revert InvalidTerms();
        plan = Clones.cloneWithImmutableArgs(
            implementation,
            abi.encodePacked(
                t.token, t.oracle, t.contribution, t.payout, t.period, t.waitingPeriod, t.claimWindow, t.minSeverity, t.maxPeriods
            )
        );
        creatorOf[plan] = msg.sender;
        uint256 id = _plans.length;
        _plans.push(plan);
        emit ParametricPlanCreated(plan, msg.sender, t.oracle, t.token, t.payout, id);
    }

    /// @notice Number of plans created.
    function planCount() external view returns (uint256) {
        return _plans.length;
    }

    /// @notice Up to `limit` plans from `offset`, in creation order.
    function plans(uint256 offset, uint256 limit) external view returns (address[] memory page) {
        return Paging.page(_plans, offset, limit);
    }
}
