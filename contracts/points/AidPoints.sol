// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IAidPoints} from "../interfaces/IAidPoints.sol";
import {IPlanRegistry} from "../interfaces/IPlanRegistry.sol";

/// @title AidPoints
/// @notice Non-transferable engagement points (积分), kept per plan. Only plans registered in the
///         factory mint them, for tasks: joining (after the waiting period, once per plan), on-time
///         contributions, revealed jury votes, referrals. Anyone can create a plan, so a plan's
///         points are that plan's currency only: there is no global balance that adds points of
///         different plans, and a self-made plan cannot inflate anyone's standing in another.
contract AidPoints is IAidPoints {
    /// @notice Token-like metadata for explorers.
    string public constant name = "Huzhu Aid Points";
    string public constant symbol = "AIDP";
    uint8 public constant decimals = 0;

    /// @notice The registry of plans allowed to mint (the factory).
    IPlanRegistry public immutable registry;
    /// @notice Points minted by each plan.
    mapping(address plan => uint256) public totalOf;
    /// @notice Points per plan and account.
    mapping(address plan => mapping(address account => uint256)) public pointsOf;

    /// @param registry_ the factory whose plans may mint
    constructor(IPlanRegistry registry_) {
        if (address(registry_) == address(0)) revert ZeroRegistry();
        registry = registry_;
    }

    /// @inheritdoc IAidPoints
    function mint(address to, uint256 amount) external {
        if (!registry.isPlan(msg.sender)) revert NotRegisteredPlan(msg.sender);
        totalOf[msg.sender] += amount;
        pointsOf[msg.sender][to] += amount;
        emit PointsMinted(msg.sender, to, amount);
    }
}
