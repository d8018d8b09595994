// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Jury} from "../pool/jury/Jury.sol";

/// @title JuryHarness
/// @notice Test helper: the Jury library over a plain registry, with eligibility set by the test.
contract JuryHarness {
    using Jury for Jury.Book;

    /// @notice A panel of `seats` jurors was drawn (the test reads them with panel()).
    event Drawn(uint256 indexed claimId, uint256 seats);

    Jury.Book private _book;
    mapping(uint256 => address) private _registry; // 1-based, like the plan's
    uint256 private _count;
    mapping(address => bool) private _ineligible;

    /// @notice Appends `count` registry entries 0x...(start+1) .. 0x...(start+count).
    function addMembers(uint256 start, uint256 count) external {
        uint256 n = _count;
        for (uint256 i = 1; i <= count; ++i) {
            _registry[n + i] = address(uint160(start + i));
        }
        _count = n + count;
    }

    /// @notice Appends `who` to the registry.
    function add(address who) external {
        _registry[++_count] = who;
    }

    /// @notice Swap-and-pop removal of the entry at 0-based `index`.
    function removeAt(uint256 index) external {
        _registry[index + 1] = _registry[_count];
        delete _registry[_count--];
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

    /// @notice Draws the panel.
    function draw(uint256 claimId, uint256 size) external {
        address[] memory jurors = _book.draw(claimId, _registry, _count, size, _eligible, claimId);
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
        returns (uint256 round, uint256 drawBlock, bool drawn, address[] memory jurors, uint256 votesFor, uint256 votesAgainst, bool decided, bool expired)
    {
        Jury.Panel storage p = _book.panels[claimId];
        jurors = new address[](p.size);
        for (uint256 k = 0; k < p.size; ++k) {
            jurors[k] = p.seated[uint256(p.base) + k];
        }
        return (p.round, p.drawBlock, p.drawn, jurors, p.votesFor, p.votesAgainst, Jury.decided(p, Jury.quorumOf(Jury.DEFAULT_PANEL)), Jury.expired(p));
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

    function _eligible(address who, uint256) private view returns (bool) {
        return !_ineligible[who];
    }
}
