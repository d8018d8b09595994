// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title IMemberCommitments
/// @notice Per plan, an incremental Merkle tree (Poseidon, depth 16) of commitments Poseidon(secret), one per member
///         address, and a short history of its roots.
interface IMemberCommitments {
    /// @notice `member` registered `commitment` as leaf `leafIndex` of `plan`'s tree, whose root became `root`.
    event CommitmentRegistered(address indexed plan, address indexed member, uint256 commitment, uint256 leafIndex, uint256 root);

    /// @notice `plan` is not a plan of the factory this registry serves.
    error UnknownPlan(address plan);
    /// @notice Only an active member of the plan may register.
    error NotPlanMember(address plan, address account);
    /// @notice Registration opens after one full period of membership (the plan's rule for ratings).
    error RegistrationTooEarly(uint256 opensAt);
    /// @notice One commitment per member address and plan.
    error AlreadyRegistered(address plan, address member);
    /// @notice A commitment must be a non-zero element of the BN254 scalar field.
    error InvalidCommitment(uint256 commitment);
    /// @notice The plan's tree holds 2^16 leaves.
    error TreeFull(address plan);

    /// @notice Whether `root` is the current root of `plan`'s tree or one of the recent ones kept in its history.
    function isKnownRoot(address plan, uint256 root) external view returns (bool);
}
