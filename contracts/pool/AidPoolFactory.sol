// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {Clones} from "@openzeppelin/contracts/proxy/Clones.sol";
import {Rules, Category, ContributionModel} from "./PoolTypes.sol";
import {RulesCodec} from "./RulesCodec.sol";
import {RulesValidation} from "./RulesValidation.sol";
import {AidPool} from "./AidPool.sol";
import {AidPoints} from "../points/AidPoints.sol";
import {IPlanRegistry} from "../interfaces/IPlanRegistry.sol";
import {IAidPoolFactoryErrors} from "../interfaces/IAidPoolFactoryErrors.sol";
import {IAidPoolFactoryEvents} from "../interfaces/IAidPoolFactoryEvents.sol";
import {Paging} from "../utils/Paging.sol";

/// @title AidPoolFactory
/// @notice Creates mutual-aid plans as EIP-1167 clones of one AidPool implementation, with the
///         plan's rules packed into the clone's immutable arguments, and keeps the registry: all
///         plans, plans per category, and which addresses are plans (for AidPoints minting).
///         It has no owner and no function that touches a plan's funds.
contract AidPoolFactory is IPlanRegistry, IAidPoolFactoryEvents, IAidPoolFactoryErrors {
    /// @notice The AidPool implementation every plan delegates to (its initializer is locked).
    address public immutable implementation;
    /// @notice The non-transferable points contract, deployed by this factory.
    AidPoints public immutable points;

    address[] private _plans;
    mapping(Category => address[]) private _byCategory;
    /// @notice Who created each plan (zero for addresses that are not plans).
    mapping(address => address) public creatorOf;

    /// @param implementation_ a deployed AidPool (whose constructor locks its initializer)
    constructor(address implementation_) {
        if (implementation_ == address(0)) revert ZeroAddress();
        if (implementation_.code.length == 0) revert NotAContract(implementation_);
        implementation = implementation_;
        points = new AidPoints(IPlanRegistry(address(this)));
    }

    /// @notice Creates a plan with `rules`, fixed for its lifetime. Invalid rules revert with a
    ///         named error (see IAidPoolFactoryErrors).
    /// @param rules the plan's rules
    /// @return plan the new plan's address
    function createPlan(Rules calldata rules) external returns (address plan) {
        RulesValidation.check(rules);
        plan = Clones.cloneWithImmutableArgs(
            implementation, RulesCodec.encode(rules, SafeCast.toUint40(block.timestamp), address(points))
        );
        creatorOf[plan] = msg.sender;
        uint256 planId = _plans.length;
        _plans.push(plan);
        _byCategory[rules.category].push(plan);
        emit PlanCreated(plan, rules.category, msg.sender, rules.model, rules.asset, rules.rulesHash, planId);
        AidPool(plan).initialize();
    }

    /// @inheritdoc IPlanRegistry
    function isPlan(address account) external view returns (bool) {
        return creatorOf[account] != address(0);
    }

    /// @notice Number of plans created.
    function planCount() external view returns (uint256) {
        return _plans.length;
    }

    /// @notice Plan by id (creation order, from 0).
    function planAt(uint256 planId) external view returns (address) {
        return _plans[planId];
    }

    /// @notice Up to `limit` plans from `offset`, in creation order.
    /// @param offset first plan id
    /// @param limit most plans to return
    function plans(uint256 offset, uint256 limit) external view returns (address[] memory page) {
        return Paging.page(_plans, offset, limit);
    }

    /// @notice Number of plans in `category`.
    function planCountByCategory(Category category) external view returns (uint256) {
        return _byCategory[category].length;
    }

    /// @notice Up to `limit` plans of `category` from `offset`, in creation order.
    /// @param category the category
    /// @param offset first index within the category
    /// @param limit most plans to return
    function plansByCategory(Category category, uint256 offset, uint256 limit)
        external
        view
        returns (address[] memory page)
    {
        return Paging.page(_byCategory[category], offset, limit);
    }
}
