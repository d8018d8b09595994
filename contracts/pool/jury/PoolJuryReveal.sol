// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Rules, Member, PointsReason} from "../PoolTypes.sol";
import {Jury} from "./Jury.sol";
import {PoolJuryVotes} from "./PoolJuryVotes.sol";

/// @title PoolJuryReveal
/// @notice The jurors' reveal, run by the plan itself (AidPool) rather than the extension: it is
///         on every juror's path, and the extension's delegatecall would cost it 2,600 gas.
abstract contract PoolJuryReveal is PoolJuryVotes {
    using Jury for Jury.Book;

    /// @notice A juror reveals their vote during the reveal phase. The juror is settled first and
    ///         must still be a covered member old enough: a juror who left, lapsed or rejoined
    ///         cannot reveal, and their deposit is forfeited.
    /// @param claimId the disputed claim
    /// @param approve the committed vote
    /// @param salt the committed salt
    function revealVote(uint256 claimId, bool approve, bytes32 salt) external {
        (Rules memory r, uint40 createdAt,) = _load();
        uint256 commitEnd = _drawnPanel(claimId).commitEnd;
        if (block.timestamp < commitEnd) revert WindowNotOpen(claimId, commitEnd);
        uint256 revealEnd = commitEnd + r.juryWindow;
        if (block.timestamp >= revealEnd) revert WindowClosed(claimId, revealEnd);
        Member storage m = _settleCovered(msg.sender, r, createdAt);
        _checkJuror(claimId, commitEnd, r, m);
        Jury.book().reveal(claimId, msg.sender, approve, _commitHash(claimId, msg.sender, approve, salt));
        _addPoints(m, POINTS_JURY_VOTE);
        emit JuryVoteRevealed(claimId, msg.sender, approve);
        emit PointsAccrued(msg.sender, POINTS_JURY_VOTE, PointsReason.JURY_VOTE);
    }
}
