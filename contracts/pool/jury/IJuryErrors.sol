// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title IJuryErrors
/// @notice Every revert of the jury (drawn panel, commit-reveal), see docs/claims.md "Jury".
interface IJuryErrors {
    /// @notice The panel cannot be drawn before the block whose hash seeds it has been mined.
    error DrawTooEarly(uint256 claimId, uint256 drawBlock);
    /// @notice The panel of this round is already drawn.
    error JuryAlreadyDrawn(uint256 claimId);
    /// @notice The panel of this round has not been drawn yet (call drawJury).
    error JuryNotDrawn(uint256 claimId);
    /// @notice The seed block's hash is no longer available (more than 256 blocks ago); finalize
    ///         falls back to the assessors' decision.
    error DrawExpired(uint256 claimId, uint256 drawBlock);
    /// @notice The draw's caller named `given` as the holder of registry position `position`
    ///         (0-based), which it is not (address(0): no holder named for a position the draw
    ///         visits). The order is the draw's shuffle (docs/claims.md "Drawing the panel").
    error JuryHintMismatch(uint256 claimId, uint256 position, address given);
    /// @notice The account is not on this round's panel.
    error NotDrawn(uint256 claimId, address account);
    /// @notice The juror joined (or rejoined) less than the minimum age before the dispute opened.
    error JurorTooYoung(uint256 claimId, address account, uint256 joinedAt, uint256 cutoff);
    /// @notice The juror already committed a vote in this round.
    error JurorAlreadyCommitted(uint256 claimId, address juror);
    /// @notice The juror has no unrevealed commitment in this round.
    error JurorNotCommitted(uint256 claimId, address juror);
    /// @notice The account has no revealed, uncollected seat in a round of this dispute that is over.
    error NothingToCollect(uint256 claimId, address account);
    /// @notice The revealed vote and salt do not match the commitment.
    error JuryCommitmentMismatch(uint256 claimId, address juror);
}
