// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {Rules, Member, ClaimRecord, ClaimStatus, DisputeKind, PointsReason, ContributionModel} from "../PoolTypes.sol";
import {PoolDisputes} from "../PoolDisputes.sol";
import {Jury} from "./Jury.sol";
import {PoolJuryVotes} from "./PoolJuryVotes.sol";

/// @title PoolJury
/// @notice The jury of a plan's disputes (see Jury and docs/claims.md "Jury"): a panel of
///         `panelSize` members drawn by the hash of the opening block among members who joined at
///         least the minimum age before the dispute opened; drawn jurors commit with a deposit and
///         reveal; a quorum of reveals without a tie decides, otherwise one redraw, then the
///         assessors' decision stands. Jurors who reveal get their deposit back, those in the
///         majority share the losing side's bond; deposits not revealed go to the reserve. All of
///         it is credited (pull), never transferred. Runs in AidPoolExtension; the plan's finalize
///         reaches `closeJuryRound` through its own delegatecall (the plan has no stub for it).
abstract contract PoolJury is PoolDisputes, PoolJuryVotes {
    using SafeERC20 for IERC20;
    using SafeCast for uint256;
    using Jury for Jury.Book;

    /// @notice JuryFellBack reasons.
    uint8 public constant FELL_BACK_NO_VERDICT = 0;
    uint8 public constant FELL_BACK_NOT_DRAWN = 1;
    /// @notice The rules closeJuryRound needs (the plan passes them: no second decoding).
    struct JuryRules {
        uint32 juryWindow;
        uint8 panelSize;
        uint96 claimBond;
        uint96 challengeBond;
        uint96 jurorDeposit;
    }
    /// @notice closeJuryRound outcomes.
    uint256 internal constant ROUND_REDRAWN = 0;
    uint256 internal constant ROUND_APPROVED = 1;
    uint256 internal constant ROUND_DENIED = 2;

    /// @notice Draws the current round's panel of a disputed claim (anyone may call, from the
    ///         block after the dispute opened or was redrawn, for 256 blocks). Gas is O(panel).
    /// @param claimId the disputed claim
    /// @param atPositions the holder of each registry position the draw visits, in visit order
    ///        (see Jury.draw; a wrong or missing holder reverts JuryHintMismatch)
    function drawJury(uint256 claimId, address[] calldata atPositions) external {
        (Rules memory r,,) = _load();
        ClaimRecord storage c = _claimIn(claimId, ClaimStatus.DISPUTED);
        Jury.Book storage b = Jury.book();
        // the draw's test needs the claim and, PREPAID, the contribution (a balance that pays it covers)
        uint256 minBalance = r.model == ContributionModel.PREPAID ? r.contribution : type(uint96).max;
        uint256 context = claimId | (minBalance << 128);
        address[] memory jurors =
            b.draw(claimId, atPositions, _positionOf, Jury.panelSize(r.panelSize), _drawable, context);
        uint8 round = b.panels[claimId].round;
        uint256 seats = jurors.length;
        for (uint256 k = 0; k < seats; ++k) {
            emit JurorDrawn(claimId, jurors[k], round);
        }
        uint32 commitEnd = c.deadline;
        b.panels[claimId].commitEnd = commitEnd; // commit and reveal read their windows here
        emit JuryDrawn(claimId, round, seats, commitEnd, commitEnd + r.juryWindow);
    }

    /// @notice A drawn juror commits a hidden vote during the commit phase and posts the juror
    ///         deposit (the plan must be approved for it). The juror is settled first and must be
    ///         covered, old enough (a rejoin restarts the age) and drawn.
    /// @param claimId the disputed claim
    /// @param commitment commitmentOf(claimId, juror, approve, salt)
    function commitVote(uint256 claimId, bytes32 commitment) external nonReentrant {
        (Rules memory r, uint40 createdAt,) = _load();
        uint256 commitEnd = _drawnPanel(claimId).commitEnd;
        if (block.timestamp >= commitEnd) revert WindowClosed(claimId, commitEnd);
        if (commitment == bytes32(0)) revert ZeroCommitment();
        _checkJuror(claimId, commitEnd, r, _settleCovered(msg.sender, r, createdAt));
        uint256 deposit = r.jurorDeposit;
        Jury.book().commit(claimId, msg.sender, commitment, deposit != 0);
        emit JuryVoteCommitted(claimId, msg.sender);
        if (deposit != 0) {
            _book.bondsHeld += deposit.toUint96();
            IERC20(r.asset).safeTransferFrom(msg.sender, address(this), deposit);
        }
    }

    // =================================================================== hooks (the plan's own delegatecalls)

    /// @dev Opens the dispute and round 1 of its jury: the eligibility cut-off (now minus the
    ///      minimum age), the registry's positions and the seed block are fixed here, before anyone
    ///      can know the seed.
    function _openDispute(uint256 claimId, ClaimRecord storage c, Rules memory r, DisputeKind kind, uint256 bond)
        internal
        virtual
        override
    {
        super._openDispute(claimId, c, r, kind, bond);
        uint256 cutoff = block.timestamp - _minJurorAge(r);
        address challenger = kind == DisputeKind.CHALLENGED ? msg.sender : address(0);
        uint256 drawBlock = Jury.book().open(claimId, challenger, cutoff, _totals.registryCount);
        emit JuryDrawScheduled(claimId, 1, drawBlock, uint64(cutoff)); // widening: cutoff < now
    }

    /// @notice Ends a dispute's round after its reveal phase: a verdict when the quorum revealed
    ///         without a tie; otherwise a redraw (once, if the round's panel was drawn) or the
    ///         assessors' decision. Settles the round's jurors and, when the dispute is over, its
    ///         bonds. Reached only from the plan's finalize, which passes the rules it already
    ///         decoded (called directly on the extension, it has no claims: UnknownClaim).
    /// @param claimId the disputed claim
    /// @param jr the plan's rules this needs: juryWindow, panelSize, claimBond, challengeBond, jurorDeposit
    /// @return outcome ROUND_REDRAWN (the dispute goes on), ROUND_APPROVED or ROUND_DENIED
    function closeJuryRound(uint256 claimId, JuryRules calldata jr) external returns (uint256 outcome) {
        Rules memory r;
        (r.juryWindow, r.panelSize, r.claimBond, r.challengeBond, r.jurorDeposit) =
            (jr.juryWindow, jr.panelSize, jr.claimBond, jr.challengeBond, jr.jurorDeposit);
        ClaimRecord storage c = _claimIn(claimId, ClaimStatus.DISPUTED);
        uint256 revealEnd = uint256(c.deadline) + r.juryWindow;
        if (block.timestamp < revealEnd) revert WindowNotOpen(claimId, revealEnd);
        Jury.Book storage b = Jury.book();
        Jury.Panel storage p = b.panels[claimId];
        bool verdict = p.drawn && Jury.decided(p, Jury.quorumOf(Jury.panelSize(r.panelSize)));
        bool approved = verdict ? p.votesFor > p.votesAgainst : c.dispute == DisputeKind.CHALLENGED;
        outcome = approved ? ROUND_APPROVED : ROUND_DENIED;
        _settleRound(claimId, c, r, p, verdict, approved);
        if (verdict) {
            emit DisputeResolved(claimId, approved, p.votesFor, p.votesAgainst);
            return outcome;
        }
        if (p.drawn && p.round < Jury.MAX_ROUNDS) {
            uint256 drawBlock = b.reopen(claimId);
            c.deadline = (block.timestamp + r.juryWindow).toUint32();
            emit JuryDrawScheduled(claimId, p.round, drawBlock, p.cutoff);
            return ROUND_REDRAWN;
        }
        emit JuryFellBack(claimId, p.drawn ? FELL_BACK_NO_VERDICT : FELL_BACK_NOT_DRAWN, approved);
        Jury.close(p, 0, 0);
        _fallBackBonds(claimId, c, r, p.challenger);
    }

    /// @notice A juror who revealed collects, once the round is over, their deposit back and, when
    ///         they voted with the verdict's majority, their share of the losing side's bond,
    ///         credited to their free balance (member or not). Once per seat; O(panel).
    /// @param claimId the disputed claim
    function collectJuryReward(uint256 claimId) external nonReentrant {
        (Rules memory r,,) = _load();
        (, uint256 reward) = Jury.book().collect(claimId, msg.sender);
        uint256 deposit = r.jurorDeposit;
        uint256 amount = deposit + reward;
        if (amount != 0) {
            _book.bondsHeld -= amount.toUint96();
            _creditPayout(msg.sender, amount);
        }
        emit JurorRewarded(claimId, msg.sender, deposit, reward);
    }

    // =================================================================== internals

    /// @dev The minimum juror age: the waiting period, at least Jury.MIN_JUROR_AGE.
    function _minJurorAge(Rules memory r) private pure returns (uint256) {
        return r.waitingPeriod > Jury.MIN_JUROR_AGE ? r.waitingPeriod : Jury.MIN_JUROR_AGE;
    }

    /// @dev A member's 1-based registry position (0 = never joined).
    function _positionOf(address who) private view returns (uint256) {
        return _members[who].registryIndex;
    }

    /// @dev The draw's cheap test of a candidate, from stored fields: a member, not a party,
    ///      joined at or before the cut-off, and covered (or, PREPAID, holding at least one
    ///      contribution: a member not settled lately). Commit and reveal then settle and check
    ///      exactly. `context` = claimId | minBalance << 128.
    function _drawable(address who, uint256 context) private view returns (bool) {
        uint256 claimId = uint128(context);
        Member storage m = _members[who];
        Jury.Panel storage p = Jury.book().panels[claimId];
        if (!m.active || m.joinedAt > p.cutoff) return false;
        if (who == _claims[claimId].claimant || who == p.challenger) return false;
        return m.paidThrough > block.timestamp || m.balance >= context >> 128;
    }

    /// @dev Settles a round that is over, O(1) in its jurors but for those who forfeit: on a
    ///      verdict the losing side's bond is shared equally by the jurors of the majority, who
    ///      collect it with their deposit later (collectJuryReward; it stays in bondsHeld until
    ///      then; the rounding dust goes to the reserve); deposits of jurors who committed and did
    ///      not reveal go to the reserve now. Revealing jurors of a round without a verdict collect
    ///      their deposit.
    function _settleRound(uint256 claimId, ClaimRecord storage c, Rules memory r, Jury.Panel storage p, bool verdict, bool approved)
        private
    {
        uint256 toReserve;
        if (verdict) {
            uint256 loserBond = _settleBonds(claimId, c, r, approved, p.challenger);
            uint256 majority = approved ? p.votesFor : p.votesAgainst; // never empty
            uint256 share = loserBond / majority;
            uint256 dust = loserBond - share * majority;
            if (dust != 0) emit BondsForfeited(claimId, dust);
            toReserve = dust;
            Jury.close(p, approved ? Jury.REVEALED_FOR : Jury.REVEALED_AGAINST, share);
        }
        uint256 deposit = r.jurorDeposit;
        if (deposit != 0) toReserve += _forfeitDeposits(claimId, p, deposit);
        if (toReserve != 0) {
            _book.bondsHeld -= toReserve.toUint96();
            _totals.reserve += toReserve.toUint96();
        }
    }

    /// @dev The round's jurors who committed and did not reveal forfeit their deposit (seat state
    ///      COMMITTED, tracked only when there is a deposit); returns the total, for the reserve.
    function _forfeitDeposits(uint256 claimId, Jury.Panel storage p, uint256 deposit) private returns (uint256 forfeited) {
        uint256 states = p.states;
        uint256 end = uint256(p.base) + p.size;
        for (uint256 seat = p.base; seat < end; ++seat) {
            if ((states >> (2 * seat)) & 3 != Jury.COMMITTED) continue;
            forfeited += deposit;
            emit JurorDepositForfeited(claimId, p.seated[seat], deposit);
        }
    }

    /// @dev A verdict's bonds: the winning side gets its own bond back (credited); returns the
    ///      losing side's bond, which goes to the jurors of the majority (taken out of bondsHeld
    ///      by _settleJurors). Approved: the claimant's bonds back, a challenger's bond lost.
    ///      Not approved: a challenger's bond back, the claimant's claim and appeal bonds lost.
    function _settleBonds(uint256 claimId, ClaimRecord storage c, Rules memory r, bool approved, address challenger)
        private
        returns (uint256 loserBond)
    {
        DisputeKind kind = c.dispute;
        uint256 dispute = kind == DisputeKind.ESCALATED ? 0 : r.challengeBond;
        if (approved) {
            uint256 back = r.claimBond + (kind == DisputeKind.APPEALED ? dispute : 0);
            _refund(claimId, c.claimant, back);
            loserBond = kind == DisputeKind.CHALLENGED ? dispute : 0;
        } else {
            if (kind == DisputeKind.CHALLENGED) _refund(claimId, challenger, dispute);
            loserBond = r.claimBond + (kind == DisputeKind.APPEALED ? dispute : 0);
        }
    }

    /// @dev No verdict: the assessors' decision stands and nobody lost to a jury. The claimant's
    ///      claim bond comes back unless the assessors rejected the claim (an appeal that found
    ///      no jury: as if not appealed, the claim bond goes to the reserve); a challenger's or
    ///      appellant's bond comes back.
    function _fallBackBonds(uint256 claimId, ClaimRecord storage c, Rules memory r, address challenger) private {
        DisputeKind kind = c.dispute;
        uint256 dispute = kind == DisputeKind.ESCALATED ? 0 : r.challengeBond;
        if (kind == DisputeKind.APPEALED) {
            _refund(claimId, c.claimant, dispute);
            _book.bondsHeld -= uint256(r.claimBond).toUint96();
            _totals.reserve += uint256(r.claimBond).toUint96();
            if (r.claimBond != 0) emit BondsForfeited(claimId, r.claimBond);
        } else {
            _refund(claimId, c.claimant, r.claimBond);
            if (kind == DisputeKind.CHALLENGED) _refund(claimId, challenger, dispute);
        }
    }

    /// @dev Takes `amount` out of bondsHeld and credits it to `to`.
    function _refund(uint256 claimId, address to, uint256 amount) private {
        if (amount == 0) return;
        _book.bondsHeld -= amount.toUint96();
        _creditPayout(to, amount);
        emit BondsReleased(claimId, to, amount);
    }
}
