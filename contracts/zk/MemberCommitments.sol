// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IMemberCommitments} from "./IMemberCommitments.sol";
import {IPoseidonT3} from "./IPoseidonT3.sol";
import {IPlanRegistry} from "../interfaces/IPlanRegistry.sol";
import {Member, Rules} from "../pool/PoolTypes.sol";

/// @notice The AidPool views this registry reads (AidPool itself is not changed).
interface IPlanMemberViews {
    function memberOf(address member) external view returns (Member memory);
    function rules() external view returns (Rules memory);
}

/// @title MemberCommitments
/// @notice The anonymity sets of zero-knowledge membership (circuits/membership.circom): per plan, an incremental
///         binary Merkle tree of depth 16 whose leaves are commitments Poseidon(secret), one per member address.
///         A member proves "my commitment is a leaf under this root" without saying which leaf. Registration is
///         public (the set of registered addresses is known); which of them later proves is not.
///         The last ROOT_HISTORY roots stay valid so that a proof made against a root that a newer registration
///         replaced still verifies; older roots are stale and rejected.
///         No owner, no upgrade, no funds.
contract MemberCommitments is IMemberCommitments {
    /// @notice Levels of every plan's tree: 2^16 = 65,536 leaves.
    uint256 public constant DEPTH = 16;
    /// @notice How many of the most recent roots are accepted (the current one included).
    uint256 public constant ROOT_HISTORY = 30;
    /// @notice The BN254 scalar field: commitments, roots and nullifiers are elements of it.
    uint256 public constant SNARK_SCALAR_FIELD =
        21888242871839275222246405745257275088548364400416034343698204186575808495617;

    /// @notice The factory whose plans have trees here.
    IPlanRegistry public immutable factory;
    /// @notice The deployed PoseidonT3 library (poseidon-solidity).
    IPoseidonT3 public immutable poseidon;

    struct Tree {
        uint256 size; // leaves inserted
        uint256 root; // current root (0 while empty)
        uint256[DEPTH] filled; // per level, the latest left node whose right sibling is still empty
    }

    mapping(address plan => Tree) private _trees;
    /// @dev plan => root => number of leaves when it became the root (1-based; 0 = never a root)
    mapping(address plan => mapping(uint256 root => uint256)) private _rootAt;
    /// @notice The commitment `member` registered in `plan`'s tree (0 = none).
    mapping(address plan => mapping(address member => uint256)) public commitmentOf;

    constructor(IPlanRegistry factory_, IPoseidonT3 poseidon_) {
        factory = factory_;
        poseidon = poseidon_;
    }

    /// @notice Adds the caller's commitment to `plan`'s tree. Only an active member of the plan, after one full
    ///         period of membership (the plan's rule for ratings), once per address.
    /// @param plan a plan created by `factory`
    /// @param commitment Poseidon(secret) of a secret only the member knows; non-zero, below the field modulus
    /// @return leafIndex the commitment's position in the tree (0-based)
    function register(address plan, uint256 commitment) external returns (uint256 leafIndex) {
        if (!factory.isPlan(plan)) revert UnknownPlan(plan);
        IPlanMemberViews views = IPlanMemberViews(plan);
        Member memory m = views.memberOf(msg.sender);
        if (!m.active) revert NotPlanMember(plan, msg.sender);
        uint256 opensAt = uint256(m.joinedAt) + views.rules().period;
        if (block.timestamp < opensAt) revert RegistrationTooEarly(opensAt);
        if (commitmentOf[plan][msg.sender] != 0) revert AlreadyRegistered(plan, msg.sender);
        if (commitment == 0 || commitment >= SNARK_SCALAR_FIELD) revert InvalidCommitment(commitment);

        Tree storage t = _trees[plan];
        leafIndex = t.size;
        if (leafIndex >= 1 << DEPTH) revert TreeFull(plan);
        uint256 node = commitment;
        uint256 index = leafIndex;
        for (uint256 level; level < DEPTH; ++level) {
            if (index & 1 == 0) {
                t.filled[level] = node;
                node = poseidon.hash([node, zero(level)]);
            } else {
                node = poseidon.hash([t.filled[level], node]);
            }
            index >>= 1;
        }
        t.size = leafIndex + 1;
        t.root = node;
        _rootAt[plan][node] = leafIndex + 1;
        commitmentOf[plan][msg.sender] = commitment;
        emit CommitmentRegistered(plan, msg.sender, commitment, leafIndex, node);
    }

    /// @inheritdoc IMemberCommitments
    function isKnownRoot(address plan, uint256 root) external view returns (bool) {
        uint256 at = _rootAt[plan][root];
        return at != 0 && _trees[plan].size - at < ROOT_HISTORY;
    }

    /// @notice The current root of `plan`'s tree and its number of leaves (0, 0 while empty).
    function tree(address plan) external view returns (uint256 root, uint256 size) {
        Tree storage t = _trees[plan];
        return (t.root, t.size);
    }

    /// @notice The root of an empty subtree of height `level` (zero leaves hashed pairwise): zero(0) = 0,
    ///         zero(i + 1) = Poseidon(zero(i), zero(i)). Constants checked against the Poseidon contract by the tests.
    function zero(uint256 level) public pure returns (uint256) {
        if (level == 0) return 0;
        if (level == 1) return 0x2098f5fb9e239eab3ceac3f27b81e481dc3124d55ffed523a839ee8446b64864;
        if (level == 2) return 0x1069673dcdb12263df301a6ff584a7ec261a44cb9dc68df067a4774460b1f1e1;
        if (level == 3) return 0x18f43331537ee2af2e3d758d50f72106467c6eea50371dd528d57eb2b856d238;
        if (level == 4) return 0x07f9d837cb17b0d36320ffe93ba52345f1b728571a568265caac97559dbc952a;
        if (level == 5) return 0x2b94cf5e8746b3f5c9631f4c5df32907a699c58c94b2ad4d7b5cec1639183f55;
        if (level == 6) return 0x2dee93c5a666459646ea7d22cca9e1bcfed71e6951b953611d11dda32ea09d78;
        if (level == 7) return 0x078295e5a22b84e982cf601eb639597b8b0515a88cb5ac7fa8a4aabe3c87349d;
        if (level == 8) return 0x2fa5e5f18f6027a6501bec864564472a616b2e274a41211a444cbe3a99f3cc61;
        if (level == 9) return 0x0e884376d0d8fd21ecb780389e941f66e45e7acce3e228ab3e2156a614fcd747;
        if (level == 10) return 0x1b7201da72494f1e28717ad1a52eb469f95892f957713533de6175e5da190af2;
        if (level == 11) return 0x1f8d8822725e36385200c0b201249819a6e6e1e4650808b5bebc6bface7d7636;
        if (level == 12) return 0x2c5d82f66c914bafb9701589ba8cfcfb6162b0a12acf88a8d0879a0471b5f85a;
        if (level == 13) return 0x14c54148a0940bb820957f5adf3fa1134ef5c4aaa113f4646458f270e0bfbfd0;
        if (level == 14) return 0x190d33b12f986f961e10c0ee44d8b9af11be25588cad89d416118e4bf4ebe80c;
        if (level == 15) return 0x22f98aa9ce704152ac17354914ad73ed1167ae6596af510aa5b3649325e06c92;
        return 0x2a7c7c9b6ce5880b9f6f228d72bf6a575a526f29c66ecceef8b753d38bba7323;
    }
}
