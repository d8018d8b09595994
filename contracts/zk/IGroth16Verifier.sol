// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title IGroth16Verifier
/// @notice The verifier snarkjs exports for circuits/membership.circom (contracts/zk/Groth16Verifier.sol).
///         Public signals: [nullifier, root, scope, purpose, signalHash].
interface IGroth16Verifier {
    /// @notice True when the proof (a, b, c) is valid for the public signals under the committed verification key.
    function verifyProof(uint256[2] calldata a, uint256[2][2] calldata b, uint256[2] calldata c, uint256[5] calldata pubSignals)
        external
        view
        returns (bool);
}
