// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Jury} from "../pool/jury/Jury.sol";

/// @title JuryHarness
/// @notice Test helper: the Jury library over a plain registry (positions given once, kept for
///         good, as the plan's), with eligibility set by the test.
contract JuryHarness {
    using Jury for Jury.Book;

    /// @notice A panel of `seats` jurors was drawn (the test reads them with panel()).
    event Drawn(uint256 indexed claimId, uint256 seats);

    Jury.Book private _book;
    mapping(address => uint256) private _positions; // 1-based, like the plan's member.registryIndex
    uint256 private _count;
    mapping(address => bool) private _ineligible;

    /// @notice Appends `count` registry entries 0x...(start+1) .. 0x...(start+count).
    function addMembers(uint256 start, uint256 count) external {
        uint256 n = _count;
        for (uint256 i = 1; i <= count; ++i) {
            _positions[address(uint160(start + i))] = n + i;
        }
        _count = n + count;
    }

    /// @notice Appends `who` to the registry.
    function add(address who) external {
        _positions[who] = ++_count;
    }

    /// @notice Marks `who` (in)eligible.
    function setIneligible(address who, bool value) external {
        _ineligible[who] = value;
    }

    /// @notice Opens round 1 with the current registry length.
    function open(uint256 claimId, uint256 cutoff) external returns (uint256) {
        return _book.open(claimId, address(0), cutoff, _count);
    }

    /// @notice Starts the next round.
    function reopen(uint256 claimId) external returns (uint256) {
        return _book.reopen(claimId);
    }

    /// @notice Draws the panel; `atPositions` names each visited position's holder, in visit order.
    function draw(uint256 claimId, uint256 size, address[] calldata atPositions) external {
        address[] memory jurors = _book.draw(claimId, atPositions, _positionOf, size, _eligible, claimId);
        emit Drawn(claimId, jurors.length);
    }

    /// @notice Commits for the caller.
    function commit(uint256 claimId, bytes32 commitment) external {
        _book.commit(claimId, msg.sender, commitment, true);
    }

    /// @notice Reveals for the caller; the expected commitment is keccak256(approve, salt).
    function reveal(uint256 claimId, bool approve, bytes32 salt) external {
        _book.reveal(claimId, msg.sender, approve, keccak256(abi.encode(approve, salt)));
    }

    /// @notice The round's panel, votes and whether it reached a verdict with the default quorum.
    function panel(uint256 claimId)
        external
        view
        returns (
            uint256 round,
            uint256 drawBlock,
            bool drawn,
            address[] memory jurors,
            uint256 votesFor,
            uint256 votesAgainst,
            bool decided,
            bool expired,
            uint256 population
        )
    {
        Jury.Panel storage p = _book.panels[claimId];
        jurors = new address[](p.size);
        for (uint256 k = 0; k < p.size; ++k) {
            jurors[k] = p.seated[uint256(p.base) + k];
        }
        return (
            p.round,
            p.drawBlock,
            p.drawn,
            jurors,
            p.votesFor,
            p.votesAgainst,
            Jury.decided(p, Jury.quorumOf(Jury.DEFAULT_PANEL)),
            Jury.expired(p),
            p.population
        );
    }

    /// @notice A seat's state.
    function stateOf(uint256 claimId, address juror) external view returns (uint256) {
        Jury.Panel storage p = _book.panels[claimId];
        return Jury.stateOf(p, Jury.seatOf(p, claimId, juror));
    }

    /// @notice Registry length.
    function length() external view returns (uint256) {
        return _count;
    }

    function _positionOf(address who) private view returns (uint256) {
        return _positions[who];
    }

    function _eligible(address who, uint256) private view returns (bool) {
        return !_ineligible[who];
    }
}
