// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IAidPoints} from "../interfaces/IAidPoints.sol";
import {IPlanRegistry} from "../interfaces/IPlanRegistry.sol";

/// @title AidPoints
/// @notice Non-transferable engagement points (积分). Only plans registered in the factory mint
///         them, for tasks: joining, on-time contributions, revealed jury votes, referrals.
///         ERC-20 shaped for wallets and explorers, but every transfer or approval reverts.
contract AidPoints is IAidPoints {
    /// @notice Token metadata.
    string public constant name = "Huzhu Aid Points";
    string public constant symbol = "AIDP";
    uint8 public constant decimals = 0;

    /// @notice The registry of plans allowed to mint (the factory).
    IPlanRegistry public immutable registry;
    /// @notice Points in existence.
    uint256 public totalSupply;
    /// @notice Points per account.
    mapping(address => uint256) public balanceOf;

    /// @notice ERC-20 Transfer, emitted from the zero address on mint.
    event Transfer(address indexed from, address indexed to, uint256 value);
    /// @notice A registered plan minted points.
    event PointsMinted(address indexed plan, address indexed to, uint256 amount);

    /// @notice The caller is not a registered plan.
    error NotRegisteredPlan(address caller);
    /// @notice Points cannot be transferred or approved.
    error PointsNonTransferable();
    /// @notice The registry address is zero.
    error ZeroRegistry();

    /// @param registry_ the factory whose plans may mint
    constructor(IPlanRegistry registry_) {
        if (address(registry_) == address(0)) revert ZeroRegistry();
        registry = registry_;
    }

    /// @inheritdoc IAidPoints
    function mint(address to, uint256 amount) external {
        if (!registry.isPlan(msg.sender)) revert NotRegisteredPlan(msg.sender);
        totalSupply += amount;
        balanceOf[to] += amount;
        emit PointsMinted(msg.sender, to, amount);
        emit Transfer(address(0), to, amount);
    }

    /// @notice Always reverts: points are not transferable.
    function transfer(address, uint256) external pure returns (bool) {
        revert PointsNonTransferable();
    }

    /// @notice Always reverts: points are not transferable.
    function transferFrom(address, address, uint256) external pure returns (bool) {
        revert PointsNonTransferable();
    }

    /// @notice Always reverts: points are not transferable.
    function approve(address, uint256) external pure returns (bool) {
        revert PointsNonTransferable();
    }

    /// @notice Always zero.
    function allowance(address, address) external pure returns (uint256) {
        return 0;
    }
}
