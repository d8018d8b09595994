// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IPlanRegistry} from "./IPlanRegistry.sol";

/// @title IAidPoints
/// @notice Minting entry point of the non-transferable AidPoints, for registered plans.
interface IAidPoints {
    /// @notice A registered plan minted its points to `to`.
    event PointsMinted(address indexed plan, address indexed to, uint256 amount);

    /// @notice The caller is not a registered plan.
    error NotRegisteredPlan(address caller);
    /// @notice The registry address is zero.
    error ZeroRegistry();

    /// @notice Mints `amount` of the calling plan's points to `to`; only registered plans may call.
    function mint(address to, uint256 amount) external;

    /// @notice The registry of plans allowed to mint (the factory).
    function registry() external view returns (IPlanRegistry);
}
