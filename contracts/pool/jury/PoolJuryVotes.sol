// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Rules, Member, ClaimStatus} from "../PoolTypes.sol";
import {PoolPayments} from "../PoolPayments.sol";
import {Jury} from "./Jury.sol";
import {IJuryEvents} from "./IJuryEvents.sol";
import {IJuryErrors} from "./IJuryErrors.sol";

/// @title PoolJuryVotes
/// @notice What the jurors' commit (PoolJury, in the extension) and reveal (PoolJuryReveal, in
///         the plan itself: no extension hop on the hot path) share: the drawn panel's windows, a
///         juror who rejoined since the draw, the commitment's hash. The rest of the jury is PoolJury.
abstract contract PoolJuryVotes is PoolPayments, IJuryEvents, IJuryErrors {
    using Jury for Jury.Book;

    /// @dev The current round's panel of `claimId`, which must be drawn. Commit and reveal read
    ///      their windows from it and not from the claim: a claim that is not disputed has no drawn
    ///      panel, or one whose windows have passed (finalize comes only after the reveal phase;
    ///      a redraw clears `drawn`). The claim's status is read only to say why it reverts.
    function _drawnPanel(uint256 claimId) internal view returns (Jury.Panel storage p) {
        p = Jury.book().panels[claimId];
        if (!p.drawn) {
            _claimIn(claimId, ClaimStatus.DISPUTED);
            revert JuryNotDrawn(claimId);
        }
    }

    /// @dev Checks that the (settled, covered) caller has not rejoined since being drawn: a member
    ///      who left and rejoined is young again. A drawn juror joined at or before the cut-off,
    ///      which is before this round started (its commit end minus the jury window); a rejoin
    ///      after the draw has a later join time than the round's start. So comparing with the
    ///      round's start, read from the panel's slot already loaded, refuses exactly the jurors
    ///      the cut-off refuses (commit and reveal also check the seat).
    function _checkJuror(uint256 claimId, uint256 commitEnd, Rules memory r, Member storage m) internal view {
        if (m.joinedAt > commitEnd - r.juryWindow) {
            revert JurorTooYoung(claimId, msg.sender, m.joinedAt, Jury.book().panels[claimId].cutoff);
        }
    }

    /// @dev The hash a juror's vote is committed with: keccak256(plan, claimId, juror, approve, salt).
    function _commitHash(uint256 claimId, address juror, bool approve, bytes32 salt) internal view returns (bytes32) {
        return keccak256(abi.encode(address(this), claimId, juror, approve, salt));
    }
}
