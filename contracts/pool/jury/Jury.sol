// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {IJuryErrors} from "./IJuryErrors.sol";

/// @title Jury
/// @notice A dispute's jury: a panel of fixed size drawn from the plan's member registry by a seed
///         neither party can choose, then a commit-reveal vote. O(panel) per call, never O(members).
///
/// Draw. When a dispute opens, `open` fixes (before any randomness is known) the eligibility
/// cut-off (members must have joined at least the minimum age before it), the number of registry
/// positions `population`, and the seed block `drawBlock` = opening block + DRAW_DELAY. Once that block is
/// mined anyone may `draw`: seed = keccak256(blockhash(drawBlock), claimId, round). Registry
/// positions are visited as a partial Fisher-Yates shuffle of [0, population): at try t, position
/// t + keccak256(seed, t) mod (population - t), so no position is visited twice and the order
/// depends on the seed alone. A position is given to an address at its first join and kept for
/// good (a member who leaves or lapses keeps it, inactive; a rejoin takes it back), so the
/// registry only grows and each position has exactly one holder. The plan stores member ->
/// position only (packed into the member's slot: no storage slot per member for the registry);
/// the caller of the draw names each visited position's holder and the member's own position
/// proves it. A visited position whose holder is ineligible (the pool decides: left or lapsed, too
/// young, not covered, a party) or sat in an earlier round is skipped. At most TRIES_PER_SEAT * size positions are visited, so a panel may come out
/// short in a plan with few eligible members (the quorum then fails and the assessors' decision
/// stands). The population is fixed at opening so that joining (appending) after the seed is known
/// cannot change which positions are drawn; positions never move, so leaving cannot either.
///
/// Vote. Each drawn juror commits a hash, then reveals it. Seats are numbered over every round of
/// a dispute (round 2's first seat follows round 1's last); seat states take 2 bits each in
/// `states`. The stored commitment's low byte holds the juror's seat + 1 (commitmentOf fills it in
/// as a hint; commit checks it and falls back to scanning the round's seats), so reveal needs no
/// scan: the commit record proves the seat. Reveal compares the upper 248 bits.
/// A round ends with a verdict when at least the quorum revealed and the votes are not tied.
library Jury {
    /// @notice Panel size when the plan's rules leave it at 0.
    uint256 internal constant DEFAULT_PANEL = 5;
    /// @notice Largest panel (seat states of both rounds are 2 bits each in a 64-bit word; gas stays bounded).
    uint256 internal constant MAX_PANEL = 15;
    /// @notice Blocks between the opening block and the block whose hash seeds the draw (0: the
    ///         opening block itself, whose hash nobody knows when sending the opening transaction).
    uint256 internal constant DRAW_DELAY = 0;
    /// @notice Registry positions visited per seat at most.
    uint256 internal constant TRIES_PER_SEAT = 4;
    /// @notice Rounds per dispute: the first panel and one redraw.
    uint256 internal constant MAX_ROUNDS = 2;
    /// @notice Floor of the minimum juror age (the plan's waiting period when longer).
    uint256 internal constant MIN_JUROR_AGE = 1 days;
    /// @notice blockhash() only answers for the 256 most recent blocks.
    uint256 internal constant BLOCKHASH_WINDOW = 256;

    /// @notice Seat states (2 bits per seat).
    uint256 internal constant DRAWN = 0;
    uint256 internal constant COMMITTED = 1;
    uint256 internal constant REVEALED_FOR = 2;
    uint256 internal constant REVEALED_AGAINST = 3;

    /// @notice One dispute's jury.
    struct Panel {
        // slot 0: fixed when the dispute opens (its only new slot, as v2's challenger slot was)
        address challenger; // the member who challenged the claim (zero for an appeal or escalation)
        uint32 drawBlock; // block whose hash seeds this round's draw
        uint32 cutoff; // eligibility: joined at least the minimum age before this (the first opening)
        uint24 population; // registry positions at the first opening: the positions the draws visit
        uint8 round; // 1-based; 0 = no dispute
        // slot 1: written by the draw, then by the votes
        bool drawn; // this round's panel is drawn
        uint8 base; // first seat of this round (seats of earlier rounds come before)
        uint8 size; // jurors drawn this round
        uint8 votesFor; // this round's revealed votes
        uint8 votesAgainst;
        uint64 states; // 2 bits per seat, seats of every round
        uint32 commitEnd; // this round's commit end (the claim's, copied when the panel is drawn)
        bool closed; // the last round is over (earlier rounds are over once the next one opens)
        uint8 rewardState; // the verdict's vote (REVEALED_FOR / REVEALED_AGAINST), 0 = no verdict
        uint96 rewardShare; // what each juror of the verdict's majority collects besides their deposit
        // every round's jurors, by seat
        mapping(uint256 => address) seated;
    }

    /// @dev The draw's shuffle state, in memory.
    struct Shuffle {
        bytes32 seed;
        uint256 n; // slots: the population
        uint256[] from; // slots that moved ...
        uint256[] to; // ... and the registry position each now holds
        uint256 moved;
        uint256 tries; // slots visited at most
    }

    /// @notice The jury storage of a plan.
    struct Book {
        mapping(uint256 => Panel) panels;
        mapping(uint256 => mapping(address => bytes32)) commitments;
    }

    /// @notice Storage slot of a plan's jury book (ERC-7201 style: keccak256("huzhu.jury.book") - 1),
    ///         so the book sits apart from the plan's other state whichever module declares it.
    bytes32 internal constant BOOK_SLOT = 0xa588bbc08624f4d6945dd0a4f7991aa619a9d76de1cc1a0b4bd9bfb81185ad02;

    /// @notice The plan's jury book.
    function book() internal pure returns (Book storage b) {
        bytes32 slot = BOOK_SLOT;
        assembly ("memory-safe") {
            b.slot := slot
        }
    }

    /// @notice Opens round 1 of `claimId`'s jury: fixes the challenger (zero if none), the
    ///         cut-off, the population and the seed block, in one slot.
    /// @return drawBlock the block whose hash will seed the draw
    function open(Book storage b, uint256 claimId, address challenger, uint256 cutoff, uint256 population)
        internal
        returns (uint256 drawBlock)
    {
        Panel storage p = b.panels[claimId];
        drawBlock = block.number + DRAW_DELAY;
        // the slot in one write (fields from the low-order bits up, as Solidity packs them):
        // challenger | drawBlock << 160 | cutoff << 192 | population << 224 | round 1 << 248
        uint256 word = uint256(uint160(challenger)) | uint256(SafeCast.toUint32(drawBlock)) << 160
            | uint256(SafeCast.toUint32(cutoff)) << 192 | uint256(SafeCast.toUint24(population)) << 224 | 1 << 248;
        assembly ("memory-safe") {
            sstore(p.slot, word)
        }
    }

    /// @notice Starts the next round (a redraw) with a new seed block; same cut-off and population.
    ///         Jurors of earlier rounds are not drawn again.
    /// @return drawBlock the block whose hash will seed the redraw
    function reopen(Book storage b, uint256 claimId) internal returns (uint256 drawBlock) {
        Panel storage p = b.panels[claimId];
        drawBlock = block.number + DRAW_DELAY;
        p.drawBlock = SafeCast.toUint32(drawBlock);
        ++p.round;
        p.drawn = false;
        p.base += p.size;
        p.size = 0;
        p.votesFor = 0;
        p.votesAgainst = 0;
    }

    /// @notice Whether this round's seed block hash can no longer be read (the draw was not made in time).
    function expired(Panel storage p) internal view returns (bool) {
        return !p.drawn && block.number > uint256(p.drawBlock) + BLOCKHASH_WINDOW;
    }

    /// @notice Draws this round's panel of up to `size` jurors (see the library notes). The plan
    ///         keeps no position -> member map: the caller names, for each position the draw visits
    ///         (in visit order: the shuffle below, replayed off chain from
    ///         juryOf's seed block, round and population), the member who holds it, and `positionOf` (the
    ///         member's own 1-based registry position) proves it. A position is held for good by
    ///         the address first given it, so exactly one address fits each: no hint can steer
    ///         the draw, a wrong or missing one reverts.
    /// @param atPositions the holder of each visited position, in visit order (extra ones are ignored)
    /// @param positionOf the pool's 1-based registry position of an address (0 = none)
    /// @param eligible the pool's test of a candidate (age, cover, not a party), given `context`
    /// @param context passed to `eligible` as is (the pool packs the claim id and what it needs)
    /// @return jurors the drawn jurors, in draw order
    function draw(
        Book storage b,
        uint256 claimId,
        address[] calldata atPositions,
        function(address) view returns (uint256) positionOf,
        uint256 size,
        function(address, uint256) view returns (bool) eligible,
        uint256 context
    ) internal returns (address[] memory jurors) {
        Panel storage p = b.panels[claimId];
        Shuffle memory s = _shuffle(p, claimId, size);
        jurors = new address[](size);
        uint256 base = p.base;
        uint256 seats;
        for (uint256 t = 0; t < s.tries && seats < size; ++t) {
            uint256 position = _visit(s, t);
            address candidate = t < atPositions.length ? atPositions[t] : address(0);
            if (positionOf(candidate) != position + 1) revert IJuryErrors.JuryHintMismatch(claimId, position, candidate);
            if (!eligible(candidate, context) || _seatedBefore(p, base, candidate)) continue;
            p.seated[base + seats] = candidate;
            jurors[seats++] = candidate;
        }
        assembly ("memory-safe") {
            mstore(jurors, seats)
        }
        p.drawn = true;
        p.size = uint8(seats);
    }

    /// @notice Records `juror`'s commitment in this round: the upper 248 bits of `commitment` and,
    ///         in its low byte, the juror's seat + 1 (the hint the commitment carries when right,
    ///         else found by scanning the round's seats). The record itself says "committed, not
    ///         revealed"; the seat's state is set to COMMITTED only when `track` (the pool tracks it
    ///         when a deposit must be forfeited for not revealing).
    function commit(Book storage b, uint256 claimId, address juror, bytes32 commitment, bool track) internal {
        Panel storage p = b.panels[claimId];
        uint256 seat = uint8(uint256(commitment));
        if (seat == 0 || !_holds(p, seat - 1, juror)) seat = seatOf(p, claimId, juror) + 1;
        mapping(address => bytes32) storage records = b.commitments[claimId];
        // committed (a record naming this seat) or revealed (its state) already in this round
        if (uint8(uint256(records[juror])) == seat || stateOf(p, seat - 1) != DRAWN) {
            revert IJuryErrors.JurorAlreadyCommitted(claimId, juror);
        }
        if (track) p.states |= uint64(COMMITTED << (2 * (seat - 1)));
        records[juror] = (commitment & ~bytes32(uint256(0xff))) | bytes32(seat);
    }

    /// @notice Counts `juror`'s vote if `expected` (the commitment of the revealed vote and salt)
    ///         matches the stored commitment in its upper 248 bits. The record names the seat.
    function reveal(Book storage b, uint256 claimId, address juror, bool approve, bytes32 expected) internal {
        Panel storage p = b.panels[claimId];
        bytes32 stored = b.commitments[claimId][juror];
        uint256 seat = uint8(uint256(stored));
        // a record of an earlier round (seat before this round's first) does not count
        if (seat <= p.base || seat > uint256(p.base) + p.size) revert IJuryErrors.JurorNotCommitted(claimId, juror);
        --seat;
        if (stateOf(p, seat) >= REVEALED_FOR) revert IJuryErrors.JurorNotCommitted(claimId, juror);
        if ((stored ^ expected) >> 8 != 0) revert IJuryErrors.JuryCommitmentMismatch(claimId, juror);
        delete b.commitments[claimId][juror];
        uint256 state = approve ? REVEALED_FOR : REVEALED_AGAINST;
        p.states = (p.states & ~uint64(3 << (2 * seat))) | uint64(state << (2 * seat)); // DRAWN or COMMITTED -> revealed
        if (approve) ++p.votesFor;
        else ++p.votesAgainst;
    }

    /// @notice Closes the last round: `rewardState` is the verdict's vote (0 when there is none)
    ///         and `share` what each juror who voted it collects besides their deposit.
    function close(Panel storage p, uint256 rewardState, uint256 share) internal {
        p.closed = true;
        if (rewardState != 0) {
            p.rewardState = uint8(rewardState);
            p.rewardShare = SafeCast.toUint96(share);
        }
    }

    /// @notice Collects `juror`'s revealed seat of a closed round (searching every round's seats,
    ///         O(panel)): returns whether the vote was the verdict's, and marks the seat collected
    ///         (its state back to DRAWN). Reverts unless the juror revealed in a round that is over
    ///         and has not collected.
    function collect(Book storage b, uint256 claimId, address juror) internal returns (bool rewarded, uint256 share) {
        Panel storage p = b.panels[claimId];
        uint256 base = p.base;
        uint256 end = p.closed ? base + p.size : base; // the current round's seats once it is over
        for (uint256 seat = 0; seat < end; ++seat) {
            if (p.seated[seat] != juror) continue;
            uint256 state = stateOf(p, seat);
            if (state < REVEALED_FOR) break; // not revealed, or collected
            p.states &= ~uint64(3 << (2 * seat));
            if (seat >= base && state == p.rewardState) return (true, p.rewardShare);
            return (false, 0);
        }
        revert IJuryErrors.NothingToCollect(claimId, juror);
    }

    /// @notice The seat of `juror` in this round's panel (numbered over every round); reverts
    ///         unless drawn in this round.
    function seatOf(Panel storage p, uint256 claimId, address juror) internal view returns (uint256) {
        if (!p.drawn) revert IJuryErrors.JuryNotDrawn(claimId);
        uint256 end = uint256(p.base) + p.size;
        for (uint256 seat = p.base; seat < end; ++seat) {
            if (p.seated[seat] == juror) return seat;
        }
        revert IJuryErrors.NotDrawn(claimId, juror);
    }

    /// @notice The commitment a juror submits for `hash` (the commitment of their vote and salt):
    ///         its upper 248 bits, and the juror's seat + 1 in the low byte when the juror is drawn
    ///         in this round (0 otherwise), which spares commit the search for the seat.
    function withSeatHint(Panel storage p, address juror, bytes32 hash) internal view returns (bytes32) {
        uint256 hint;
        if (p.drawn) {
            uint256 end = uint256(p.base) + p.size;
            for (uint256 seat = p.base; seat < end; ++seat) {
                if (p.seated[seat] == juror) {
                    hint = seat + 1;
                    break;
                }
            }
        }
        return (hash & ~bytes32(uint256(0xff))) | bytes32(hint);
    }

    /// @dev Whether `juror` holds `seat` in this round.
    function _holds(Panel storage p, uint256 seat, address juror) private view returns (bool) {
        return p.drawn && seat >= p.base && seat < uint256(p.base) + p.size && p.seated[seat] == juror;
    }

    /// @notice The state of seat `seat` (DRAWN, COMMITTED, REVEALED_FOR, REVEALED_AGAINST).
    function stateOf(Panel storage p, uint256 seat) internal view returns (uint256) {
        return (uint256(p.states) >> (2 * seat)) & 3;
    }

    /// @notice Whether this round reached a verdict: at least `quorum` reveals and no tie.
    function decided(Panel storage p, uint256 quorum) internal view returns (bool) {
        uint256 votesFor = p.votesFor;
        uint256 votesAgainst = p.votesAgainst;
        return votesFor + votesAgainst >= quorum && votesFor != votesAgainst;
    }

    /// @notice The quorum of a panel of `size` seats: a strict majority of the seats.
    function quorumOf(uint256 size) internal pure returns (uint256) {
        return size / 2 + 1;
    }

    /// @notice The panel size a rule value means (0 = DEFAULT_PANEL).
    function panelSize(uint256 ruleValue) internal pure returns (uint256) {
        return ruleValue == 0 ? DEFAULT_PANEL : ruleValue;
    }

    /// @dev Whether `candidate` sat on an earlier round's panel (seats before `base`).
    function _seatedBefore(Panel storage p, uint256 base, address candidate) private view returns (bool) {
        for (uint256 k = 0; k < base; ++k) {
            if (p.seated[k] == candidate) return true;
        }
        return false;
    }

    /// @dev Checks the round can be drawn now and sets up its shuffle from the seed block's hash.
    function _shuffle(Panel storage p, uint256 claimId, uint256 size) private view returns (Shuffle memory s) {
        if (p.drawn) revert IJuryErrors.JuryAlreadyDrawn(claimId);
        uint256 drawBlock = p.drawBlock;
        if (block.number <= drawBlock) revert IJuryErrors.DrawTooEarly(claimId, drawBlock);
        bytes32 hash = blockhash(drawBlock);
        if (hash == bytes32(0)) revert IJuryErrors.DrawExpired(claimId, drawBlock);
        uint256 n = p.population;
        uint256 tries = size * TRIES_PER_SEAT;
        if (tries > n) tries = n;
        s.seed = keccak256(abi.encode(hash, claimId, p.round));
        s.n = n;
        s.from = new uint256[](tries);
        s.to = new uint256[](tries);
        s.tries = tries;
    }

    /// @dev Try `t` of the partial Fisher-Yates shuffle: swaps slot t with a slot j in [t, n) chosen
    ///      by the seed and returns the registry position now at slot t (what slot j held). Only
    ///      slots that moved are kept (memory map; a later entry overrides an earlier one).
    function _visit(Shuffle memory s, uint256 t) private pure returns (uint256 position) {
        uint256 j = t + uint256(keccak256(abi.encode(s.seed, t))) % (s.n - t);
        position = _at(s, j);
        if (j != t) {
            s.from[s.moved] = j;
            s.to[s.moved] = _at(s, t); // slot t is never visited again
            ++s.moved;
        }
    }

    /// @dev The registry position now at `slot` of the shuffle: the latest move into it, or the
    ///      slot itself if nothing moved there (searched backwards, so later moves win).
    function _at(Shuffle memory s, uint256 slot) private pure returns (uint256) {
        for (uint256 k = s.moved; k > 0; --k) {
            if (s.from[k - 1] == slot) return s.to[k - 1];
        }
        return slot;
    }
}
