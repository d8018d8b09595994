// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title IPlanRegistry
/// @notice Whether an address is a plan created by the factory.
interface IPlanRegistry {
    /// @notice True for every plan the factory created.
    function isPlan(address account) external view returns (bool);
}
