// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IMemberCommitments} from "./IMemberCommitments.sol";
import {IGroth16Verifier} from "./IGroth16Verifier.sol";

/// @title AnonymousReviews
/// @notice Anonymous plan ratings: one per registered member per plan, without saying which member. The rater
///         proves with Groth16 (circuits/membership.circom) that its commitment is in the plan's tree
///         (MemberCommitments) under a recent root, and reveals only a nullifier Poseidon(secret, plan, PURPOSE_RATING),
///         the same for every proof that member could make for this plan: a second rating reuses it and fails.
///         The proof also binds the stars and the review hash (signalHash), so nobody can take a proof seen in
///         the mempool and submit it with another rating. Anyone may submit (a relayer, another address of the
///         member): the sender is not the rater. No owner, no funds.
contract AnonymousReviews {
    /// @notice The nullifier's purpose for plan ratings (the circuit's `purpose` input).
    uint256 public constant PURPOSE_RATING = 1;
    /// @notice Rating bounds, as AidPool's public ratings.
    uint8 public constant MIN_STARS = 1;
    uint8 public constant MAX_STARS = 5;

    /// @notice The plans' commitment trees.
    IMemberCommitments public immutable commitments;
    /// @notice The Groth16 verifier of the membership circuit (from the committed proving key).
    IGroth16Verifier public immutable verifier;

    struct Totals {
        uint64 starSum;
        uint64 count;
    }

    /// @notice Nullifiers already used: each stands for one member's rating of one plan.
    mapping(uint256 nullifier => bool) public nullifierSpent;
    mapping(address plan => Totals) private _totals;

    /// @notice An anonymous member of `plan` rated it `stars` with the review text hashed to `reviewHash` (the
    ///         sha2-256 of the text: its document-store id; indexed so that the store can check a text was announced);
    ///         `nullifier` is that member's one-time tag for this plan.
    event AnonymouslyRated(address indexed plan, uint256 nullifier, uint8 stars, bytes32 indexed reviewHash);

    /// @notice Stars must be 1 to 5.
    error InvalidStars(uint8 stars);
    /// @notice The proof's root is not one of the plan tree's recent roots (stale or never a root).
    error UnknownRoot(address plan, uint256 root);
    /// @notice This member already rated this plan.
    error NullifierAlreadySpent(uint256 nullifier);
    /// @notice The proof does not verify for these public inputs.
    error InvalidProof();

    constructor(IMemberCommitments commitments_, IGroth16Verifier verifier_) {
        commitments = commitments_;
        verifier = verifier_;
    }

    /// @notice Rates `plan` anonymously, once per registered member.
    /// @param plan the plan rated (the proof's scope)
    /// @param stars 1 to 5
    /// @param reviewHash hash of the review text kept off chain (zero for none)
    /// @param root a recent root of the plan's commitment tree, the one the proof was made against
    /// @param nullifier Poseidon(secret, plan, PURPOSE_RATING), the proof's public output
    /// @param proof Groth16 proof as snarkjs's Solidity call data orders it: a[2], b[2][2], c[2] flattened
    function rate(address plan, uint8 stars, bytes32 reviewHash, uint256 root, uint256 nullifier, uint256[8] calldata proof)
        external
    {
        if (stars < MIN_STARS || stars > MAX_STARS) revert InvalidStars(stars);
        if (!commitments.isKnownRoot(plan, root)) revert UnknownRoot(plan, root);
        if (nullifierSpent[nullifier]) revert NullifierAlreadySpent(nullifier);
        uint256[5] memory pub = [nullifier, root, uint256(uint160(plan)), PURPOSE_RATING, signalHash(stars, reviewHash)];
        bool valid = verifier.verifyProof(
            [proof[0], proof[1]], [[proof[2], proof[3]], [proof[4], proof[5]]], [proof[6], proof[7]], pub
        );
        if (!valid) revert InvalidProof();
        nullifierSpent[nullifier] = true;
        Totals storage t = _totals[plan];
        t.starSum += stars;
        ++t.count;
        emit AnonymouslyRated(plan, nullifier, stars, reviewHash);
    }

    /// @notice The message a rating proof is bound to: keccak256(stars, reviewHash) shifted right by 8 bits so that
    ///         it is an element of the BN254 scalar field (the circuit's signalHash input).
    function signalHash(uint8 stars, bytes32 reviewHash) public pure returns (uint256) {
        return uint256(keccak256(abi.encodePacked(stars, reviewHash))) >> 8;
    }

    /// @notice Anonymous ratings of `plan`: their average times 100 (0 when none) and their number.
    function averageRating(address plan) external view returns (uint256 averageTimes100, uint256 count) {
        Totals storage t = _totals[plan];
        count = t.count;
        averageTimes100 = count == 0 ? 0 : uint256(t.starSum) * 100 / count;
    }
}
