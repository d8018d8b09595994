// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title IPlanRegistry
/// @notice Whether an address is a plan created by the factory, and who created it.
interface IPlanRegistry {
    /// @notice True for every plan the factory created.
    function isPlan(address account) external view returns (bool);

    /// @notice The account that created `plan` (zero for addresses that are not plans).
    function creatorOf(address plan) external view returns (address);
}
