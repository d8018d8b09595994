// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title IJuryEvents
/// @notice Every state change of a dispute's jury (see docs/claims.md "Jury" and docs/events.md).
interface IJuryEvents {
    /// @notice A dispute's panel will be drawn from the hash of block `drawBlock` among members who
    ///         joined at least the minimum age before `cutoff` (round 1 at opening, round 2 on a redraw).
    event JuryDrawScheduled(uint256 indexed claimId, uint8 round, uint256 drawBlock, uint64 cutoff);
    /// @notice A juror was drawn for a dispute's round (one event per seat, before JuryDrawn).
    event JurorDrawn(uint256 indexed claimId, address indexed juror, uint8 round);
    /// @notice A panel of `seats` jurors was drawn (see JurorDrawn and juryOf); they commit before
    ///         `commitEndsAt` and reveal before `revealEndsAt`.
    event JuryDrawn(uint256 indexed claimId, uint8 round, uint256 seats, uint64 commitEndsAt, uint64 revealEndsAt);
    /// @notice The jury reached no verdict (`reason` 0: too few reveals or a tie after the last round,
    ///         1: the panel was never drawn in time); the assessors' decision stands (`approved`).
    event JuryFellBack(uint256 indexed claimId, uint8 reason, bool approved);
    /// @notice A juror who revealed collected (collectJuryReward, once the round is over) their
    ///         deposit back and `reward` (a share of the losing side's bond when they voted with
    ///         the verdict's majority), credited to their free balance.
    event JurorRewarded(uint256 indexed claimId, address indexed juror, uint256 deposit, uint256 reward);
    /// @notice A juror committed but did not reveal: their deposit went to the reserve.
    event JurorDepositForfeited(uint256 indexed claimId, address indexed juror, uint256 amount);
}
