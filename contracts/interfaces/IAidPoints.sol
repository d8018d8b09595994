// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IPlanRegistry} from "./IPlanRegistry.sol";

/// @title IAidPoints
/// @notice Minting entry point of the non-transferable AidPoints, for registered plans.
interface IAidPoints {
    /// @notice Mints `amount` of the calling plan's points to `to`; only registered plans may call.
    function mint(address to, uint256 amount) external;

    /// @notice The registry of plans allowed to mint (the factory).
    function registry() external view returns (IPlanRegistry);
}
