// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title IAidPoints
/// @notice Minting entry point of the non-transferable AidPoints, for registered plans.
interface IAidPoints {
    /// @notice Mints `amount` points to `to`; only registered plans may call.
    function mint(address to, uint256 amount) external;
}
