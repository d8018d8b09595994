// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title IPoseidonT3
/// @notice The deployed PoseidonT3 library of the poseidon-solidity package (Poseidon over BN254 with two inputs,
///         the same parameters as circomlib's Poseidon(2)), called with a plain CALL: its `hash` is pure, so no
///         library linking is needed and every contract shares one deployed copy.
interface IPoseidonT3 {
    /// @notice Poseidon(inputs[0], inputs[1]).
    function hash(uint256[2] calldata inputs) external pure returns (uint256);
}
