// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IPlanRegistry} from "../interfaces/IPlanRegistry.sol";
import {Rules, Claim} from "../pool/PoolTypes.sol";

/// @notice The views of a plan that decide who may read a claim's evidence.
interface IEvidencePlan {
    function claimOf(uint256 claimId) external view returns (Claim memory);
    function rules() external view returns (Rules memory);
    function juryOf(uint256 claimId)
        external
        view
        returns (uint256, uint256, uint256, bool drawn, address[] memory jurors, uint256, uint256, uint256);
}

/// @title EvidenceAccess
/// @notice Who may read a claim's encrypted evidence, as public events that reveal nothing of it.
///         The evidence lives off chain, AES-256-GCM encrypted, in the document store; each reader
///         gets the document's key sealed to their account key (ECIES, 124 bytes), published here in
///         a KeyWrapped event. The claimant adds documents and grants or revokes readers; once a jury
///         is drawn, an assessor who holds the key (or the claimant's authorised keeper) may wrap it
///         for the drawn jurors, so a claimant who refuses cannot stall a dispute. A revoked reader
///         gets no wrap of any document added after the revocation (a new document has a new key).
///         No money, no owner, no admin: every function acts for its caller only.
contract EvidenceAccess {
    /// @notice Size of one key wrap: ephemeral public key 64 ‖ nonce 12 ‖ sealed key 32 ‖ tag 16.
    uint256 public constant WRAP_BYTES = 124;
    /// @notice Most documents per claim (bounds every loop over them).
    uint256 public constant MAX_DOCUMENTS = 16;
    /// @notice Most readers or wraps in one call.
    uint256 public constant MAX_BATCH = 32;

    /// @notice The factory whose plans this registry serves.
    IPlanRegistry public immutable registry;

    mapping(address account => bytes publicKey) private _publicKeys;
    mapping(address claimant => address keeper) private _keepers;
    mapping(bytes32 claimKey => mapping(address account => bool)) private _readers;
    mapping(bytes32 claimKey => bytes32[] documents) private _documents;
    mapping(bytes32 claimKey => mapping(bytes32 document => bool)) private _hasDocument;

    /// @notice `account` published its secp256k1 public key (64 bytes, x ‖ y) for key wraps.
    event KeyPublished(address indexed account, bytes publicKey);
    /// @notice `claimant` let `keeper` wrap its evidence keys for drawn jurors (zero: nobody).
    event KeeperAuthorised(address indexed claimant, address indexed keeper);
    /// @notice The claimant added an encrypted document (its sha2-256 digest: the store's id) to a claim.
    event DocumentAdded(address indexed plan, uint256 indexed claimId, bytes32 document);
    /// @notice `reader` may read the claim's evidence; `by` granted it (the claimant, an assessor or the keeper).
    event AccessGranted(address indexed plan, uint256 indexed claimId, address indexed reader, address by);
    /// @notice The claimant revoked `reader`: no document added from now on is wrapped for them.
    event AccessRevoked(address indexed plan, uint256 indexed claimId, address indexed reader);
    /// @notice A document's key sealed to `reader`'s public key (only they can open it).
    event KeyWrapped(address indexed plan, uint256 indexed claimId, address indexed reader, bytes32 document, bytes wrap);

    error NotAPlan(address plan);
    error NotClaimant(address plan, uint256 claimId, address account);
    error NotAllowedToGrant(address plan, uint256 claimId, address account);
    error NotADrawnJuror(address plan, uint256 claimId, address reader);
    error NotAReader(address plan, uint256 claimId, address reader);
    error UnknownDocument(bytes32 document);
    error DocumentExists(bytes32 document);
    error TooManyDocuments(uint256 max);
    error BatchTooLarge(uint256 length, uint256 max);
    error LengthMismatch(uint256 readers, uint256 wraps);
    error BadPublicKey(address account);
    error BadWrap(uint256 length);

    /// @param planRegistry the factory (isPlan) whose plans' claims this contract serves
    constructor(IPlanRegistry planRegistry) {
        registry = planRegistry;
    }

    /// @notice Publishes the caller's public key; it must be the key of the calling address.
    /// @param publicKey uncompressed secp256k1 public key without the 0x04 prefix (64 bytes)
    function publishKey(bytes calldata publicKey) external {
        if (publicKey.length != 64 || address(uint160(uint256(keccak256(publicKey)))) != msg.sender) {
            revert BadPublicKey(msg.sender);
        }
        _publicKeys[msg.sender] = publicKey;
        emit KeyPublished(msg.sender, publicKey);
    }

    /// @notice Lets `keeper` wrap the caller's evidence keys for drawn jurors (zero revokes).
    /// @param keeper the keeper's address; it must also be granted a claim's evidence to wrap it
    function authoriseKeeper(address keeper) external {
        _keepers[msg.sender] = keeper;
        emit KeeperAuthorised(msg.sender, keeper);
    }

    /// @notice Adds an encrypted document to the caller's claim, wrapped for `readers` (each becomes a reader).
    /// @param plan the plan (a plan of the registry)
    /// @param claimId the caller's claim
    /// @param document sha2-256 digest of the ciphertext (the store's id)
    /// @param readers who gets a wrap (the claimant should include themself)
    /// @param wraps one 124-byte key wrap per reader, in order
    function addDocument(address plan, uint256 claimId, bytes32 document, address[] calldata readers, bytes[] calldata wraps)
        external
    {
        bytes32 key = _requireClaimant(plan, claimId);
        if (_hasDocument[key][document]) revert DocumentExists(document);
        if (_documents[key].length >= MAX_DOCUMENTS) revert TooManyDocuments(MAX_DOCUMENTS);
        _checkBatch(readers.length, wraps.length);
        _hasDocument[key][document] = true;
        _documents[key].push(document);
        emit DocumentAdded(plan, claimId, document);
        for (uint256 i = 0; i < readers.length; ++i) {
            _admit(key, plan, claimId, readers[i]);
            _wrap(plan, claimId, readers[i], document, wraps[i]);
        }
    }

    /// @notice Grants `reader` the claim's documents by their wraps. The claimant may grant anyone; once
    ///         a jury is drawn, an assessor or the claimant's keeper who is a reader may grant a drawn juror.
    /// @param plan the plan
    /// @param claimId the claim
    /// @param reader who is granted
    /// @param documents which documents the wraps are for (each added before)
    /// @param wraps one 124-byte key wrap per document, for `reader`
    function grant(address plan, uint256 claimId, address reader, bytes32[] calldata documents, bytes[] calldata wraps)
        external
    {
        bytes32 key = _claimKey(plan, claimId);
        address claimant = _planOf(plan).claimOf(claimId).claimant;
        if (msg.sender != claimant) {
            bool delegate = _readers[key][msg.sender] && (_keepers[claimant] == msg.sender || _isAssessor(plan, msg.sender));
            if (!delegate || claimant == address(0)) revert NotAllowedToGrant(plan, claimId, msg.sender);
            if (!_isDrawnJuror(plan, claimId, reader)) revert NotADrawnJuror(plan, claimId, reader);
        }
        _checkBatch(documents.length, wraps.length);
        _admit(key, plan, claimId, reader);
        for (uint256 i = 0; i < documents.length; ++i) {
            if (!_hasDocument[key][documents[i]]) revert UnknownDocument(documents[i]);
            _wrap(plan, claimId, reader, documents[i], wraps[i]);
        }
    }

    /// @notice The claimant revokes `reader`: documents added afterwards get no wrap for them.
    /// @param plan the plan
    /// @param claimId the caller's claim
    /// @param reader a current reader
    function revoke(address plan, uint256 claimId, address reader) external {
        bytes32 key = _requireClaimant(plan, claimId);
        if (!_readers[key][reader]) revert NotAReader(plan, claimId, reader);
        _readers[key][reader] = false;
        emit AccessRevoked(plan, claimId, reader);
    }

    /// @notice The published public key of `account` (empty if none).
    function publicKeyOf(address account) external view returns (bytes memory) {
        return _publicKeys[account];
    }

    /// @notice The keeper `claimant` authorised (zero if none).
    function keeperOf(address claimant) external view returns (address) {
        return _keepers[claimant];
    }

    /// @notice Whether `account` is a current reader of the claim's evidence.
    function isReader(address plan, uint256 claimId, address account) external view returns (bool) {
        return _readers[_claimKey(plan, claimId)][account];
    }

    /// @notice The claim's documents (sha2-256 digests), oldest first; at most MAX_DOCUMENTS.
    function documentsOf(address plan, uint256 claimId) external view returns (bytes32[] memory) {
        return _documents[_claimKey(plan, claimId)];
    }

    function _requireClaimant(address plan, uint256 claimId) private view returns (bytes32) {
        address claimant = _planOf(plan).claimOf(claimId).claimant;
        if (claimant == address(0) || claimant != msg.sender) revert NotClaimant(plan, claimId, msg.sender);
        return _claimKey(plan, claimId);
    }

    function _admit(bytes32 key, address plan, uint256 claimId, address reader) private {
        if (!_readers[key][reader]) {
            _readers[key][reader] = true;
            emit AccessGranted(plan, claimId, reader, msg.sender);
        }
    }

    function _wrap(address plan, uint256 claimId, address reader, bytes32 document, bytes calldata wrap) private {
        if (wrap.length != WRAP_BYTES) revert BadWrap(wrap.length);
        emit KeyWrapped(plan, claimId, reader, document, wrap);
    }

    function _checkBatch(uint256 a, uint256 b) private pure {
        if (a != b) revert LengthMismatch(a, b);
        if (a > MAX_BATCH) revert BatchTooLarge(a, MAX_BATCH);
    }

    function _planOf(address plan) private view returns (IEvidencePlan) {
        if (!registry.isPlan(plan)) revert NotAPlan(plan);
        return IEvidencePlan(plan);
    }

    function _isAssessor(address plan, address account) private view returns (bool) {
        address[] memory a = IEvidencePlan(plan).rules().assessors;
        for (uint256 i = 0; i < a.length; ++i) {
            if (a[i] == account) return true;
        }
        return false;
    }

    function _isDrawnJuror(address plan, uint256 claimId, address account) private view returns (bool) {
        (,,, bool drawn, address[] memory jurors,,,) = IEvidencePlan(plan).juryOf(claimId);
        if (!drawn) return false;
        for (uint256 i = 0; i < jurors.length; ++i) {
            if (jurors[i] == account) return true;
        }
        return false;
    }

    function _claimKey(address plan, uint256 claimId) private pure returns (bytes32) {
        return keccak256(abi.encode(plan, claimId));
    }
}
