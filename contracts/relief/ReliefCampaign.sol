// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {IReliefEvents} from "./IReliefEvents.sol";
import {IReliefErrors} from "./IReliefErrors.sol";
import {CampaignStatus} from "./ReliefTypes.sol";
import {CloneArgs} from "./CloneArgs.sol";
import {Paging} from "../utils/Paging.sol";
import {IAidPoints} from "../interfaces/IAidPoints.sol";

/// @title ReliefCampaign
/// @notice One disaster-relief fundraiser (灾难救助), an EIP-1167 clone made by ReliefCampaignFactory
///         with its terms in the clone's immutable arguments. Anyone donates into escrow. Once the
///         goal is reached, milestone `k` is credited to the beneficiary when `quorum` of the
///         verifiers approve the same evidence hash for it; the beneficiary pulls with `withdraw`.
///         If the goal is missed by the deadline, or the verifiers' quorum cancels, every donor pulls
///         a refund: its pro-rata part of what is left (see `refundOf`). Nobody can move the escrow
///         any other way.
/// @dev Immutable arguments (offset: field, bytes): 0 token 20 | 20 beneficiary 20 | 40 round 20 |
///      60 goal 16 | 76 deadline 5 | 81 decimals 1 | 82 quorum 1 | 83 verifierCount 1 |
///      84 milestoneCount 1 | 85 descriptionHash 32 | 117 roundStartsAt 5 | 122 roundEndsAt 5 |
///      127 points 20 | 147 verifiers 20 each | then milestones (amount 16, descriptionHash 32) each.
///      Donor points: once the campaign is COMPLETED (terminal: it can no longer be cancelled or
///      refunded), each donor pulls its points once with `claimPoints`: one point per whole token
///      it donated, minted by the factory's AidPoints in this campaign's scope (points of different
///      campaigns or plans are never added up). Donations themselves mint nothing, so their gas
///      does not grow.
///      Refund rule: with `left = raised + matched - released` frozen once refunds open, a donor who
///      gave `d` (the round counts as the donor of its match) gets `d * left / (raised + matched)`,
///      rounded down; the last donor to pull gets exactly what remains, so that after every donor
///      has pulled, refunds + releases = donations + match, to the base unit.
contract ReliefCampaign is IReliefEvents, IReliefErrors, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;
    using SafeCast for uint256;
    /// @dev Status bitmaps (bit 1 << status) of what actions accept, for UnexpectedCampaignStatus.
    uint256 private constant OPEN = (1 << uint8(CampaignStatus.FUNDRAISING)) | (1 << uint8(CampaignStatus.FUNDED));
    uint256 private constant ENDED_UNFUNDED = (1 << uint8(CampaignStatus.FAILED)) | (1 << uint8(CampaignStatus.CANCELLED));
    uint256 private constant CANCELLABLE = OPEN | (1 << uint8(CampaignStatus.FAILED));
    uint256 private constant MATCHABLE = OPEN | (1 << uint8(CampaignStatus.COMPLETED));

    uint256 private constant OFF_TOKEN = 0;
    uint256 private constant OFF_BENEFICIARY = 20;
    uint256 private constant OFF_ROUND = 40;
    uint256 private constant OFF_GOAL = 60;
    uint256 private constant OFF_DEADLINE = 76;
    uint256 private constant OFF_DECIMALS = 81;
    uint256 private constant OFF_QUORUM = 82;
    uint256 private constant OFF_VERIFIER_COUNT = 83;
    uint256 private constant OFF_MILESTONE_COUNT = 84;
    uint256 private constant OFF_DESCRIPTION = 85;
    uint256 private constant OFF_ROUND_STARTS = 117;
    uint256 private constant OFF_ROUND_ENDS = 122;
    uint256 private constant OFF_POINTS = 127;
    /// @notice Length of the fixed part of the immutable arguments.
    uint256 internal constant FIXED_ARGS = 147;
    /// @notice Bytes per verifier and per milestone in the immutable arguments.
    uint256 internal constant VERIFIER_BYTES = 20;
    uint256 internal constant MILESTONE_BYTES = 48;
    /// @notice Contributions are scaled to 18 decimals before the square root (quadratic matching).
    uint8 internal constant SCALE_DECIMALS = 18;

    /// @dev The hot slot, read and written once per donation. raised: all donations; sumSqrt: Σ over
    ///      donors of √(scaled contribution inside the round window); donors: distinct donors (the
    ///      round included once it paid a match). uint96 holds 7.9e28 base units (79 billion tokens
    ///      of 18 decimals); SafeCast reverts beyond.
    struct Totals {
        uint96 raised;
        uint96 sumSqrt;
        uint32 donors;
        uint8 milestonesPaid;
        bool cancelled;
        bool isImplementation;
    }

    /// @dev released: credited to the beneficiary; matched: received from the round;
    ///      refundedDonors: donors who pulled their refund; cancelVotes: bitmap by verifier index.
    struct Payouts {
        uint96 released;
        uint96 matched;
        uint32 refundedDonors;
        uint32 cancelVotes;
    }

    /// @dev refunded: pulled by donors; owed: released but not yet withdrawn by the beneficiary.
    struct Ledger {
        uint128 refunded;
        uint128 owed;
    }

    /// @dev donated: everything the donor gave (refund basis); counted: what it gave inside the
    ///      round's window (quadratic basis).
    struct Donor {
        uint128 donated;
        uint128 counted;
    }

    /// @dev The fixed terms packed in the argument word at OFF_GOAL (one EXTCODECOPY).
    struct Head {
        uint256 goal;
        uint256 deadline;
        uint256 decimals;
        uint256 quorum;
        uint256 verifierCount;
        uint256 milestoneCount;
    }

    Totals private _totals;
    Payouts private _payouts;
    Ledger private _ledger;
    mapping(address => Donor) private _donors;
    /// @dev keccak256(milestone index, evidence hash) => bitmap of approving verifier indexes
    mapping(bytes32 => uint256) private _approvals;
    /// @dev Donors who pulled their points (once per campaign).
    mapping(address => bool) private _pointsClaimed;

    /// @notice Locks the implementation: only clones hold campaigns.
    constructor() {
        _totals.isImplementation = true;
    }

    // =================================================================== donors

    /// @notice Donates `amount` (token base units) into escrow; the campaign must be approved for it.
    ///         Accepted until the deadline unless cancelled or completed. Inside the round's window
    ///         (if any) the donation also counts for quadratic matching, summed per address.
    /// @param amount token base units, > 0
    function donate(uint256 amount) external nonReentrant {
        if (amount == 0) revert ZeroAmount();
        Totals memory t = _totals;
        if (t.isImplementation) revert NotAClone();
        Head memory h = _head();
        CampaignStatus st = _status(t, h);
        if (st != CampaignStatus.FUNDRAISING && st != CampaignStatus.FUNDED) revert UnexpectedCampaignStatus(st, _states(OPEN));
        if (block.timestamp >= h.deadline) revert FundraisingClosed(h.deadline);

        Donor memory d = _donors[msg.sender];
        if (d.donated == 0) ++t.donors;
        d.donated += amount.toUint128();
        t.raised += amount.toUint96();
        // inside the round's window (a campaign without a round has both ends zero: never); the round
        // reads the campaign's Σ√c once after the window, so a donation never calls it
        bool counts = block.timestamp < CloneArgs.uintAt(OFF_ROUND_ENDS, 40) && block.timestamp >= CloneArgs.uintAt(OFF_ROUND_STARTS, 40);
        if (counts) {
            uint256 scale = 10 ** (SCALE_DECIMALS - h.decimals);
            uint256 before = Math.sqrt(uint256(d.counted) * scale);
            d.counted += amount.toUint128();
            t.sumSqrt = (uint256(t.sumSqrt) - before + Math.sqrt(uint256(d.counted) * scale)).toUint96();
        }
        _donors[msg.sender] = d;
        _totals = t;
        emit Donated(msg.sender, amount, d.donated, t.raised, t.sumSqrt);
        IERC20(CloneArgs.addressAt(OFF_TOKEN)).safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @notice Pulls the caller's refund once the campaign FAILED (goal missed by the deadline) or
    ///         was CANCELLED: `donated * left / (raised + matched)`, the last donor gets the remainder.
    /// @return amount what was sent to the caller
    function refund() external nonReentrant returns (uint256 amount) {
        Totals memory t = _totals;
        CampaignStatus st = _status(t, _head());
        if (st != CampaignStatus.FAILED && st != CampaignStatus.CANCELLED) revert UnexpectedCampaignStatus(st, _states(ENDED_UNFUNDED));
        uint256 donated = _donors[msg.sender].donated;
        if (donated == 0) revert NothingToRefund(msg.sender);
        Payouts memory p = _payouts;
        uint128 refunded = _ledger.refunded;
        amount = _refundAmount(donated, t, p, refunded);
        delete _donors[msg.sender];
        _ledger.refunded = refunded + amount.toUint128();
        _payouts.refundedDonors = p.refundedDonors + 1;
        emit Refunded(msg.sender, amount);
        if (amount > 0) IERC20(CloneArgs.addressAt(OFF_TOKEN)).safeTransfer(msg.sender, amount);
    }

    /// @notice Pulls the caller's donor points, once, after the campaign is COMPLETED: one point per
    ///         whole token donated (`donated / 10**decimals`), minted by the factory's AidPoints in
    ///         this campaign's scope. A refunded campaign (FAILED, CANCELLED) never completes, so
    ///         refunded gifts earn nothing; a contract that is not a campaign of the factory cannot
    ///         mint (AidPoints asks the factory).
    /// @return earned the points minted to the caller
    function claimPoints() external nonReentrant returns (uint256 earned) {
        Head memory h = _head();
        CampaignStatus st = _status(_totals, h);
        if (st != CampaignStatus.COMPLETED) revert UnexpectedCampaignStatus(st, _states(1 << uint8(CampaignStatus.COMPLETED)));
        if (_pointsClaimed[msg.sender]) revert PointsAlreadyClaimed(msg.sender);
        earned = uint256(_donors[msg.sender].donated) / 10 ** h.decimals;
        if (earned == 0) revert NoPointsEarned(msg.sender);
        _pointsClaimed[msg.sender] = true;
        emit DonorPointsClaimed(msg.sender, earned);
        IAidPoints(CloneArgs.addressAt(OFF_POINTS)).mint(msg.sender, earned);
    }

    // =================================================================== verifiers

    /// @notice Approves milestone `index` (the next unpaid one) with the hash of its evidence. When
    ///         `quorum` verifiers approved the same hash, the milestone is credited to the beneficiary.
    ///         Needs the goal reached (FUNDED) and the campaign not cancelled.
    /// @param index the milestone, counted from 0; must be the next unpaid one
    /// @param evidenceHash hash of the evidence document (the document itself lives off chain)
    function approveMilestone(uint256 index, bytes32 evidenceHash) external nonReentrant {
        Head memory h = _head();
        uint256 bit = _verifierBit(msg.sender, h.verifierCount);
        Totals memory t = _totals;
        CampaignStatus st = _status(t, h);
        if (st != CampaignStatus.FUNDED) revert UnexpectedCampaignStatus(st, _states(1 << uint8(CampaignStatus.FUNDED)));
        if (index != t.milestonesPaid) revert NotNextMilestone(index, t.milestonesPaid);
        bytes32 key = keccak256(abi.encode(index, evidenceHash));
        uint256 votes = _approvals[key];
        if (votes & bit != 0) revert AlreadyVoted(msg.sender);
        votes |= bit;
        _approvals[key] = votes;
        uint256 approvals = _popcount(votes);
        emit MilestoneApproved(index, msg.sender, evidenceHash, approvals);
        if (approvals >= h.quorum) {
            Payouts memory p = _payouts;
            // the last milestone releases everything left (excess over the goal, the match)
            uint256 amount = index + 1 == h.milestoneCount
                ? uint256(t.raised) + p.matched - p.released
                : CloneArgs.uintAt(_milestoneOffset(index, h.verifierCount), 128);
            _totals.milestonesPaid = t.milestonesPaid + 1;
            uint256 released = _credit(p, amount);
            emit MilestoneReleased(index, evidenceHash, amount, released);
        }
    }

    /// @notice Votes to cancel the campaign; at `quorum` votes it is CANCELLED and donors can pull
    ///         refunds of what is left. Not possible once every milestone is paid.
    function voteCancel() external nonReentrant {
        Head memory h = _head();
        uint256 bit = _verifierBit(msg.sender, h.verifierCount);
        Totals memory t = _totals;
        CampaignStatus st = _status(t, h);
        if (st == CampaignStatus.COMPLETED || st == CampaignStatus.CANCELLED) revert UnexpectedCampaignStatus(st, _states(CANCELLABLE));
        Payouts memory p = _payouts;
        if (p.cancelVotes & bit != 0) revert AlreadyVoted(msg.sender);
        uint32 votes = p.cancelVotes | bit.toUint32();
        _payouts.cancelVotes = votes;
        uint256 count = _popcount(votes);
        emit CancelVoted(msg.sender, count);
        if (count >= h.quorum) {
            _totals.cancelled = true;
            emit CampaignCancelled(uint256(t.raised) + p.matched - p.released);
        }
    }

    // =================================================================== beneficiary

    /// @notice The beneficiary pulls everything released to it so far.
    /// @return amount what was sent
    function withdraw() external nonReentrant returns (uint256 amount) {
        address beneficiary = CloneArgs.addressAt(OFF_BENEFICIARY);
        if (msg.sender != beneficiary) revert NotBeneficiary(msg.sender);
        amount = _ledger.owed;
        if (amount == 0) revert NothingToWithdraw();
        _ledger.owed = 0;
        emit BeneficiaryWithdrew(beneficiary, amount);
        IERC20(CloneArgs.addressAt(OFF_TOKEN)).safeTransfer(beneficiary, amount);
    }

    // =================================================================== round

    /// @notice Called by the campaign's MatchingRound after it transferred `amount` here: the match
    ///         joins the escrow, the round counts as its donor for refunds. After completion it is
    ///         credited straight to the beneficiary.
    /// @param amount token base units already transferred by the round
    function receiveMatch(uint256 amount) external nonReentrant {
        address roundAddr = CloneArgs.addressAt(OFF_ROUND);
        if (msg.sender != roundAddr || roundAddr == address(0)) revert NotRound(msg.sender);
        Head memory h = _head();
        Totals memory t = _totals;
        CampaignStatus st = _status(t, h);
        if (st == CampaignStatus.FAILED || st == CampaignStatus.CANCELLED) revert UnexpectedCampaignStatus(st, _states(MATCHABLE));
        Donor storage d = _donors[roundAddr];
        if (d.donated == 0) ++_totals.donors;
        d.donated += amount.toUint128();
        Payouts memory p = _payouts;
        p.matched += amount.toUint96();
        _payouts.matched = p.matched;
        emit MatchReceived(roundAddr, amount);
        if (st == CampaignStatus.COMPLETED) {
            uint256 released = _credit(p, amount);
            emit MilestoneReleased(h.milestoneCount - 1, bytes32(0), amount, released);
        }
    }

    // =================================================================== views

    /// @notice The campaign's status now.
    function status() external view returns (CampaignStatus) {
        return _status(_totals, _head());
    }

    /// @notice The campaign's terms.
    function terms()
        external
        view
        returns (
            address token,
            address beneficiary,
            address matchingRound,
            uint256 goal,
            uint64 deadline,
            uint8 decimals,
            uint8 quorum,
            bytes32 descriptionHash
        )
    {
        token = CloneArgs.addressAt(OFF_TOKEN);
        beneficiary = CloneArgs.addressAt(OFF_BENEFICIARY);
        matchingRound = CloneArgs.addressAt(OFF_ROUND);
        goal = CloneArgs.uintAt(OFF_GOAL, 128);
        deadline = uint64(CloneArgs.uintAt(OFF_DEADLINE, 40));
        decimals = uint8(CloneArgs.uintAt(OFF_DECIMALS, 8));
        quorum = uint8(CloneArgs.uintAt(OFF_QUORUM, 8));
        descriptionHash = CloneArgs.word(OFF_DESCRIPTION);
    }

    /// @notice The matching round this campaign was created for (address(0) if none).
    function round() external view returns (address) {
        return CloneArgs.addressAt(OFF_ROUND);
    }

    /// @notice Σ over donors of √(scaled contribution inside the round's window); its square is the
    ///         campaign's weight in the round.
    function sumSqrt() external view returns (uint256) {
        return _totals.sumSqrt;
    }

    /// @notice The verifiers.
    function verifiers() external view returns (address[] memory list) {
        uint256 n = CloneArgs.uintAt(OFF_VERIFIER_COUNT, 8);
        list = new address[](n);
        for (uint256 i = 0; i < n; ++i) {
            list[i] = CloneArgs.addressAt(FIXED_ARGS + i * VERIFIER_BYTES);
        }
    }

    /// @notice Number of milestones.
    function milestoneCount() external view returns (uint256) {
        return CloneArgs.uintAt(OFF_MILESTONE_COUNT, 8);
    }

    /// @notice Milestone `index`: its amount and description hash.
    function milestone(uint256 index) external view returns (uint256 amount, bytes32 descriptionHash) {
        uint256 n = CloneArgs.uintAt(OFF_MILESTONE_COUNT, 8);
        if (index >= n) revert Paging.InvalidRange(index, n);
        uint256 off = _milestoneOffset(index, CloneArgs.uintAt(OFF_VERIFIER_COUNT, 8));
        return (CloneArgs.uintAt(off, 128), CloneArgs.word(off + 16));
    }

    /// @notice The books: donations, match, released, refunded, owed to the beneficiary, Σ√c,
    ///         milestones paid, donors and donors refunded.
    function books()
        external
        view
        returns (
            uint256 raised,
            uint256 matched,
            uint256 released,
            uint256 refunded,
            uint256 owed,
            uint256 sumOfSqrt,
            uint256 paidMilestones,
            uint256 donorCount,
            uint256 refundedDonorCount
        )
    {
        Totals memory t = _totals;
        Payouts memory p = _payouts;
        Ledger memory l = _ledger;
        return (t.raised, p.matched, p.released, l.refunded, l.owed, t.sumSqrt, t.milestonesPaid, t.donors, p.refundedDonors);
    }

    /// @notice What `donor` gave in total and inside the round's window (zero after its refund).
    function donationOf(address donor) external view returns (uint256 donated, uint256 counted) {
        Donor memory d = _donors[donor];
        return (d.donated, d.counted);
    }

    /// @notice The refund `donor` would pull now (zero unless FAILED or CANCELLED).
    function refundOf(address donor) external view returns (uint256) {
        Totals memory t = _totals;
        CampaignStatus s = _status(t, _head());
        uint256 donated = _donors[donor].donated;
        if ((s != CampaignStatus.FAILED && s != CampaignStatus.CANCELLED) || donated == 0) return 0;
        return _refundAmount(donated, t, _payouts, _ledger.refunded);
    }

    /// @notice The points `donor` earns here (one per whole token donated; minted by `claimPoints`
    ///         once the campaign is COMPLETED) and whether it claimed them.
    function pointsOf(address donor) external view returns (uint256 earned, bool claimed) {
        return (uint256(_donors[donor].donated) / 10 ** CloneArgs.uintAt(OFF_DECIMALS, 8), _pointsClaimed[donor]);
    }

    /// @notice The AidPoints contract this campaign mints donor points with (the factory's).
    function points() external view returns (address) {
        return CloneArgs.addressAt(OFF_POINTS);
    }

    /// @notice How many verifiers approved milestone `index` with `evidenceHash`.
    function approvalsOf(uint256 index, bytes32 evidenceHash) external view returns (uint256) {
        return _popcount(_approvals[keccak256(abi.encode(index, evidenceHash))]);
    }

    /// @notice How many verifiers voted to cancel.
    function cancelVotes() external view returns (uint256) {
        return _popcount(_payouts.cancelVotes);
    }

    // =================================================================== internals

    /// @dev The campaign's fixed terms, unpacked from one 32-byte word of the clone's arguments.
    function _head() private view returns (Head memory h) {
        uint256 w = uint256(CloneArgs.word(OFF_GOAL)); // goal 16 | deadline 5 | decimals | quorum | verifiers | milestones
        h.goal = w >> 128;
        h.deadline = uint40(w >> 88);
        h.decimals = uint8(w >> 80);
        h.quorum = uint8(w >> 72);
        h.verifierCount = uint8(w >> 64);
        h.milestoneCount = uint8(w >> 56);
    }

    /// @dev The status, derived (never stored): cancelled, else completed once every milestone is
    ///      paid, else funded once the goal is reached, else failed after the deadline.
    function _status(Totals memory t, Head memory h) private view returns (CampaignStatus) {
        if (t.cancelled) return CampaignStatus.CANCELLED;
        if (t.milestonesPaid == h.milestoneCount) return CampaignStatus.COMPLETED; // milestoneCount >= 1
        if (t.raised >= h.goal) return CampaignStatus.FUNDED; // goal >= 1
        if (block.timestamp >= h.deadline) return CampaignStatus.FAILED;
        return CampaignStatus.FUNDRAISING;
    }

    /// @dev A donor's refund: their pro-rata share (donated / (raised + matched)) of what was not
    ///      released, rounded down; the last donor to be refunded takes the exact remainder, so
    ///      the rounding leaves nothing behind.
    function _refundAmount(uint256 donated, Totals memory t, Payouts memory p, uint256 refunded)
        private
        pure
        returns (uint256)
    {
        uint256 base = uint256(t.raised) + p.matched;
        uint256 left = base - p.released;
        if (p.refundedDonors + 1 == t.donors) return left - refunded; // the last one: the exact remainder
        return Math.mulDiv(donated, left, base);
    }

    /// @dev Credits `amount` to the beneficiary; returns the new released total.
    function _credit(Payouts memory p, uint256 amount) private returns (uint256 released) {
        released = uint256(p.released) + amount;
        _payouts.released = released.toUint96();
        _ledger.owed += amount.toUint128();
    }

    /// @dev The verifier's bit in the approval masks (its position in the clone's arguments);
    ///      reverts NotVerifier for anyone else.
    function _verifierBit(address account, uint256 n) private view returns (uint256) {
        for (uint256 i = 0; i < n; ++i) {
            if (CloneArgs.addressAt(FIXED_ARGS + i * VERIFIER_BYTES) == account) return 1 << i;
        }
        revert NotVerifier(account);
    }

    /// @dev Where milestone `index` starts in the clone's arguments (after the verifiers).
    function _milestoneOffset(uint256 index, uint256 verifierCount) private pure returns (uint256) {
        return FIXED_ARGS + verifierCount * VERIFIER_BYTES + index * MILESTONE_BYTES;
    }

    /// @dev The statuses an action accepts, as UnexpectedCampaignStatus reports them.
    function _states(uint256 mask) private pure returns (bytes32) {
        return bytes32(mask);
    }

    /// @dev The number of set bits (votes in a mask), clearing the lowest set bit each turn.
    function _popcount(uint256 x) private pure returns (uint256 c) {
        while (x != 0) {
            x &= x - 1;
            ++c;
        }
    }
}
