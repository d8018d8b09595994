// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {Rules, Member, Claim, ClaimRecord, ClaimStatus, ContributionModel, CloseReason} from "./PoolTypes.sol";
import {ClaimTransitions} from "./ClaimTransitions.sol";
import {CoverBook} from "./CoverBook.sol";
import {RulesValidation} from "./RulesValidation.sol";
import {PoolMembership} from "./PoolMembership.sol";
import {PoolClaims} from "./PoolClaims.sol";
import {Jury} from "./jury/Jury.sol";
import {PoolJury} from "./jury/PoolJury.sol";
import {PoolJuryReveal} from "./jury/PoolJuryReveal.sol";
import {AidPoolExtension} from "./AidPoolExtension.sol";
import {AidPoolHousekeeping} from "./AidPoolHousekeeping.sol";

/// @title AidPool
/// @notice One mutual-aid plan (互助计划), deployed by AidPoolFactory as an EIP-1167 clone whose
///         immutable arguments hold the plan's rules. Members deposit into a free balance that is
///         always withdrawable. PREPAID plans charge a contribution per period, lazily, into the
///         reserve; COST_SHARING plans split each payout (plus the fee) equally over the covered
///         members through a cumulative per-member index, O(1) in the number of members.
///         The modules: PoolMembership (joining to leaving), PoolClaims (the claim lifecycle and
///         its payments: pull credits, owed claims paid first in first out), PoolJuryReveal (the
///         jurors' reveal); in the extension PoolAssessors (the assessors' vote), PoolDisputes and
///         PoolJury (disputes, the drawn jury), PoolWindDown (closing by the rules and sharing out
///         the reserve); PoolStorage holds the state.
///         The rarely used functions (wind-down, keeper work) run in AidPoolExtension by
///         delegatecall, so the plan's code stays under the 24 KB limit (EIP-170).
///         Nobody can move pool funds except through these rules.
/// @dev Solvency invariant, after every transaction:
///      asset.balanceOf(this) == totalBalances + reserve + feesOwed + bondsHeld + exitPool.
///      Payouts, returned bonds and juror rewards are credited to the recipient's free balance
///      (pull: they withdraw it); finalize never transfers tokens.
contract AidPool is PoolMembership, PoolClaims, PoolJuryReveal {
    using ClaimTransitions for ClaimStatus;
    using CoverBook for CoverBook.Book;

    /// @notice Highest service fee a plan may have: 10% (checked at creation).
    uint16 public constant MAX_FEE_BPS = RulesValidation.MAX_FEE_BPS;
    /// @notice Largest assessor set (votes are tracked in a 32-bit mask; checked at creation).
    uint256 public constant MAX_ASSESSORS = RulesValidation.MAX_ASSESSORS;
    /// @notice Rating bounds.
    uint8 public constant MIN_STARS = 1;
    uint8 public constant MAX_STARS = 5;

    /// @notice The code of the rarely used functions, run by delegatecall on the plan's storage.
    address public immutable extension;
    /// @dev EDUCATION payouts are credited here (AidPoolExtension.trancheEscrow()).
    address private immutable _escrow;

    /// @notice Locks the implementation: only clones, initialized by the factory, are plans.
    /// @param extension_ a deployed AidPoolExtension (the rarely used functions)
    constructor(address extension_) {
        if (extension_.code.length == 0) revert ExtensionNotAContract(extension_);
        _totals.initialized = true;
        extension = extension_;
        _escrow = AidPoolHousekeeping(AidPoolExtension(extension_).housekeeping()).trancheEscrow();
    }

    /// @notice Any other function runs in AidPoolExtension (and AidPoolHousekeeping behind it:
    ///         moveEscrowCredit, trancheEscrow); unknown selectors revert there.
    fallback() external {
        _delegate(0);
        assembly {
            returndatacopy(0, 0, returndatasize())
            return(0, returndatasize())
        }
    }

    /// @notice Called once by the factory right after cloning; sets the starting fee. Runs in
    ///         AidPoolExtension.
    function initialize() external {
        _delegate(0);
    }

    /// @notice Settles what `member` owes up to now (anyone may call): PREPAID contributions or
    ///         COST_SHARING shares; marks the member lapsed when their cover has ended. Runs in
    ///         AidPoolExtension.
    /// @param member the member to settle
    function settle(address member) external {
        member;
        _delegate(0);
    }

    // =================================================================== plan

    // =================================================================== run by the extension

    /// @notice An assessor approves or rejects a submitted claim within the assessment window.
    ///         Approvals reaching the quorum approve it; once the quorum is out of reach it is
    ///         rejected. Runs in AidPoolExtension (PoolAssessors).
    /// @param claimId the claim
    /// @param approve true to approve, false to reject
    function vote(uint256 claimId, bool approve) external {
        approve;
        _delegate(claimId);
    }

    /// @notice Sends a claim the assessors did not decide in time to the jury (anyone may call).
    ///         Runs in AidPoolExtension (PoolDisputes).
    /// @param claimId the claim
    function escalate(uint256 claimId) external {
        _delegate(claimId);
    }

    /// @notice Challenges an approved claim during its notice window, posting the challenge bond;
    ///         the caller is settled first and must be covered. Runs in AidPoolExtension (PoolDisputes).
    /// @param claimId the claim
    function challenge(uint256 claimId) external {
        _delegate(claimId);
    }

    /// @notice The claimant appeals a rejection to the jury during the notice window, posting the
    ///         appeal bond. Runs in AidPoolExtension (PoolDisputes).
    /// @param claimId the claim
    function appeal(uint256 claimId) external {
        _delegate(claimId);
    }

    /// @notice Draws the current round's panel of a disputed claim (anyone may call, from the
    ///         block after the dispute opened or was redrawn, for 256 blocks). Gas is O(panel).
    ///         Runs in AidPoolExtension (PoolJury).
    /// @param claimId the disputed claim
    /// @param atPositions the holder of each registry position the draw visits, in visit order
    ///        (replayed off chain from juryOf; see docs/claims.md "Drawing the panel")
    function drawJury(uint256 claimId, address[] calldata atPositions) external {
        atPositions;
        _delegate(claimId);
    }

    /// @notice A juror commits a hidden vote during the commit phase (settled first, must be
    ///         covered). Runs in AidPoolExtension (PoolDisputes).
    /// @param claimId the disputed claim
    /// @param commitment commitmentOf(claimId, juror, approve, salt)
    function commitVote(uint256 claimId, bytes32 commitment) external {
        commitment;
        _delegate(claimId);
    }

    /// @notice A juror who revealed collects, once the round is over, their deposit back and their
    ///         share of the losing bond when they voted with the verdict, credited to their free
    ///         balance. Runs in AidPoolExtension (PoolJury).
    /// @param claimId the disputed claim
    function collectJuryReward(uint256 claimId) external {
        _delegate(claimId);
    }

    /// @notice The fee receiver withdraws the collected fees (pull: only the receiver can). Runs
    ///         in AidPoolExtension.
    function withdrawFees() external {
        _delegate(0);
    }

    /// @notice Lowers the service fee; it can never be raised. Only the fee receiver.
    ///         Runs in AidPoolHousekeeping (behind the extension).
    /// @param newBps the new fee in basis points, below the current one
    function lowerFee(uint16 newBps) external {
        _delegate(newBps);
    }

    /// @notice The guardian pauses new joins and new claims. Nothing else stops: deposits,
    ///         withdrawals, votes, disputes and payouts go on. Runs in AidPoolHousekeeping.
    function pause() external {
        _delegate(0);
    }

    /// @notice The guardian lifts the pause. Runs in AidPoolHousekeeping.
    function unpause() external {
        _delegate(0);
    }

    /// @notice Rates the plan once, 1-5 stars, after at least one full period of membership.
    ///         Runs in AidPoolHousekeeping.
    /// @param stars 1 to 5
    /// @param reviewHash hash of the review text kept off chain (zero for none)
    function rate(uint8 stars, bytes32 reviewHash) external {
        reviewHash;
        _delegate(stars);
    }

    /// @notice Mints the caller's accrued points as this plan's AidPoints. Runs in AidPoolExtension.
    function claimPoints() external {
        _delegate(0);
    }

    /// @notice Pays owed claims first in first out (anyone may call): from the reserve, and in
    ///         COST_SHARING plans from the current period's share room. Stops at the first claim
    ///         that cannot be paid in full. Runs in AidPoolExtension.
    /// @param maxClaims most owed claims to look at
    /// @return settled the number of owed claims paid in full
    function payOwed(uint256 maxClaims) external returns (uint256 settled) {
        settled = _delegate(maxClaims);
    }

    /// @notice COST_SHARING: rolls the cover book over at most `maxPeriods` periods towards the
    ///         current one (anyone may call; keepers do). Member actions never need this; a payout
    ///         needs the book within MAX_ROLL_PER_PAYOUT periods of now. Runs in AidPoolExtension.
    /// @param maxPeriods most periods to roll over in this call
    /// @return caughtUp whether the book has reached the current period
    function advance(uint256 maxPeriods) external returns (bool caughtUp) {
        caughtUp = _delegate(maxPeriods) != 0;
    }

    /// @notice A covered member votes to close the plan; it closes when the votes of one round
    ///         (period) exceed half the covered members. Runs in AidPoolExtension (PoolWindDown).
    function voteToClose() external {
        _delegate(0);
    }

    /// @notice Watches the floor of covered members and closes the plan once they have been below
    ///         it for `floorPeriods` periods (anyone may call). Runs in AidPoolExtension (PoolWindDown).
    /// @return closed whether the plan is closed now
    function closeBelowFloor() external returns (bool closed) {
        closed = _delegate(0) != 0;
    }

    /// @notice The creator closes a plan nobody has joined. Runs in AidPoolExtension (PoolWindDown).
    function closeByCreator() external {
        _delegate(0);
    }

    /// @notice Prepares the exits of a closed plan in chunks (anyone may call until it returns
    ///         true); see PoolWindDown. Runs in AidPoolExtension.
    /// @param maxSteps most claims and members to look at in this call
    /// @param atPositions holders of the registry positions windDown's countCursor, countCursor - 1, ...
    /// @return open whether the exits are open
    function prepareExits(uint256 maxSteps, address[] calldata atPositions) external returns (bool open) {
        atPositions;
        open = _delegate(maxSteps) != 0;
    }

    // =================================================================== views

    /// @notice The plan's immutable rules, in one call.
    function rules() external view returns (Rules memory r) {
        (r,,) = _loadWithAssessors();
    }

    /// @notice When the plan was created and the AidPoints contract it mints to.
    function planInfo() external view returns (uint256 createdAt, address points) {
        (, createdAt, points) = _load();
    }

    /// @notice The current service fee in basis points.
    function feeBps() external view returns (uint16) {
        return _totals.feeBps;
    }

    /// @notice Whether new joins and claims are paused.
    function paused() external view returns (bool) {
        return _totals.paused;
    }

    /// @notice Money for claims.
    function reserve() external view returns (uint256) {
        return _totals.reserve;
    }

    /// @notice Sum of members' free balances (COST_SHARING: net of shares not yet settled).
    function totalBalances() external view returns (uint256) {
        return _totals.totalBalances;
    }

    /// @notice Fees collected and not yet withdrawn by the fee receiver.
    function feesOwed() external view returns (uint256) {
        return _book.feesOwed;
    }

    /// @notice Bonds held for open claims.
    function bondsHeld() external view returns (uint256) {
        return _book.bondsHeld;
    }

    /// @notice Active members (COST_SHARING: covered members as of the last roll-over, plus joins
    ///         since; PREPAID: members not yet seen lapsed).
    function activeMembers() external view returns (uint256) {
        return _book.activeMembers;
    }

    /// @notice Number of claims ever submitted; ids start at 1.
    function claimCount() external view returns (uint256) {
        return _book.claimCount;
    }

    /// @notice The plan's current period (stopped at the closing period once closed).
    function currentPeriod() external view returns (uint256) {
        (Rules memory r, uint40 createdAt,) = _load();
        return _currentPeriod(r, createdAt);
    }

    /// @notice COST_SHARING: the cumulative per-member share index, the part charged in the last
    ///         period rolled over to, and that period's number.
    function sharing() external view returns (uint256 shareIndex, uint256 periodShared, uint256 lastPeriod) {
        return (_cover.shareIndex, _cover.periodShared, _cover.lastPeriod);
    }

    /// @notice COST_SHARING: members whose cover ends at the start of `period`.
    function expiringAt(uint256 period) external view returns (uint256) {
        return _cover.expiringAt[period];
    }

    /// @notice COST_SHARING: the share index at the start of `period`, recorded when covers ended then.
    function indexAtPeriod(uint256 period) external view returns (uint256) {
        return _cover.indexAtPeriod[period];
    }

    /// @notice A member's account as stored (charges due since the last settlement not applied).
    function memberOf(address member) external view returns (Member memory) {
        return _members[member];
    }

    /// @notice Registry positions given so far: one per address that ever joined, kept for good
    ///         (memberOf(a).registryIndex is a's 1-based position; the jury draw and the exit
    ///         count visit positions).
    function registrySize() external view returns (uint256) {
        return _totals.registryCount;
    }

    /// @notice What `member` could withdraw now: the free balance after the charges that are due
    ///         (PREPAID contributions, COST_SHARING shares) are settled.
    function withdrawable(address member) external view returns (uint256) {
        Member storage m = _members[member];
        uint256 balance = m.balance;
        if (!m.active) return balance;
        (Rules memory r, uint40 createdAt,) = _load();
        if (r.model == ContributionModel.PREPAID) return balance - _duePeriods(m, r) * r.contribution;
        return balance - (_cover.indexFor(_periodAt(m.paidThrough, r, createdAt)) - m.shareSnapshot);
    }

    /// @notice The member's open claim (not yet PAID or DENIED), 0 if none.
    function openClaimOf(address member) external view returns (uint256) {
        return _openClaim(_members[member]);
    }

    /// @notice The solvency books in one call: the plan's token balance and what it must equal,
    ///         totalBalances + reserve + feesOwed + bondsHeld + exitPool (the reserve being shared
    ///         out by a closed plan).
    function accounting()
        external
        view
        returns (uint256 tokenBalance, uint256 balances, uint256 reserve_, uint256 fees, uint256 bonds, uint256 exitPool)
    {
        (Rules memory r,,) = _load();
        tokenBalance = IERC20(r.asset).balanceOf(address(this));
        (balances, reserve_) = (_totals.totalBalances, _totals.reserve);
        (fees, bonds) = (_book.feesOwed, _book.bondsHeld);
        exitPool = _windDown.exitPool;
    }

    /// @notice A claim by id, with its payment, its challenger and the current jury round's votes.
    function claimOf(uint256 claimId) external view returns (Claim memory v) {
        ClaimRecord storage c = _claims[claimId];
        (v.claimant, v.amount, v.status, v.dispute) = (c.claimant, c.amount, c.status, c.dispute);
        (v.approvals, v.rejections, v.assessorVotes) = (c.approvals, c.rejections, c.assessorVotes);
        (v.submittedAt, v.deadline, v.yearStart, v.paidInYear) = (c.submittedAt, c.deadline, c.yearStart, c.paidInYear);
        (uint256 paid, uint256 owed) = _paymentOf(c);
        (v.paid, v.owed) = (uint80(paid), uint80(owed)); // amounts are at most 80 bits (RulesValidation)
        Jury.Panel storage p = Jury.book().panels[claimId];
        (v.juryFor, v.juryAgainst, v.challenger) = (p.votesFor, p.votesAgainst, p.challenger);
    }

    /// @notice What a claim has been paid (credited to the claimant) and what is still owed.
    function claimPayment(uint256 claimId) external view returns (uint256 paid, uint256 owed) {
        return _paymentOf(_claims[claimId]);
    }

    /// @notice The owed queue: next position to pay, next free position, and the total owed.
    function owedQueue() external view returns (uint256 head, uint256 tail, uint256 totalOwed) {
        Ledger storage l = _ledger;
        return (l.owedHead, l.owedTail, l.totalOwed);
    }

    /// @notice The claim id at `position` of the owed queue (0 once paid).
    function owedAt(uint256 position) external view returns (uint256) {
        return _owedQueue[position];
    }

    /// @notice Wind-down state: whether the plan is closed, when, why; whether exits are open,
    ///         the exit pool and the shares not yet taken; the registry position prepareExits counts
    ///         next (downwards; 0 before the count starts: it starts at registrySize()).
    function windDown()
        external
        view
        returns (
            bool closed,
            uint256 closedAt,
            CloseReason reason,
            bool exitsOpen,
            uint256 exitPool,
            uint256 exitShares,
            uint256 countCursor
        )
    {
        WindDown storage w = _windDown;
        return (_totals.closed, w.closedAt, w.reason, w.exitsOpen, w.exitPool, w.exitShares, w.countCursor);
    }

    /// @notice Votes to close in the current round and when covered members were first seen below the floor.
    function closeVotes() external view returns (uint256 round, uint256 votes, uint256 belowSincePeriod) {
        WindDown storage w = _windDown;
        return (w.voteRound, w.votes, w.belowSince == 0 ? 0 : w.belowSince - 1);
    }

    /// @notice The average rating times 100 (e.g. 450 = 4.5 stars) and the number of ratings.
    function averageRating() external view returns (uint256 averageTimes100, uint256 count) {
        count = ratingCount;
        averageTimes100 = count == 0 ? 0 : (uint256(ratingSum) * 100) / count;
    }

    /// @notice Whether the claim transition table allows `from` -> `to` (see docs/claims.md).
    function transitionAllowed(ClaimStatus from, ClaimStatus to) external pure returns (bool) {
        return from.allowed(to);
    }

    /// @notice The commitment a juror submits: keccak256(plan, claimId, juror, approve, salt) with
    ///         its low byte replaced by the juror's seat + 1 in the current round (0 if not drawn),
    ///         a hint that spares commitVote the search for the seat. Reveal checks the upper 248 bits.
    function commitmentOf(uint256 claimId, address juror, bool approve, bytes32 salt) external view returns (bytes32) {
        return Jury.withSeatHint(
            Jury.book().panels[claimId], juror, keccak256(abi.encode(address(this), claimId, juror, approve, salt))
        );
    }

    /// @notice Whether `juror` has an unrevealed commitment on `claimId` in the current jury round.
    function hasCommitted(uint256 claimId, address juror) external view returns (bool) {
        return Jury.book().commitments[claimId][juror] != bytes32(0);
    }

    /// @notice A dispute's jury: the round (1, or 2 after a redraw), the seed block, the
    ///         eligibility cut-off (members who joined at or before it), whether the round's panel
    ///         is drawn, its jurors, this round's votes and the registry positions the draws visit.
    function juryOf(uint256 claimId)
        external
        view
        returns (
            uint256 round,
            uint256 drawBlock,
            uint256 cutoff,
            bool drawn,
            address[] memory jurors,
            uint256 votesFor,
            uint256 votesAgainst,
            uint256 population
        )
    {
        Jury.Panel storage p = Jury.book().panels[claimId];
        uint256 size = p.size;
        jurors = new address[](size);
        for (uint256 k = 0; k < size; ++k) {
            jurors[k] = p.seated[uint256(p.base) + k];
        }
        return (p.round, p.drawBlock, p.cutoff, p.drawn, jurors, p.votesFor, p.votesAgainst, p.population);
    }

    /// @dev A dispute's round ends in the extension (PoolJury.closeJuryRound, which has no stub
    ///      here: only this call reaches it); it also settles the jurors and the bonds.
    function _disputeVerdict(uint256 claimId, ClaimRecord storage, Rules memory r)
        internal
        override
        returns (bool over, bool approved)
    {
        PoolJury.JuryRules memory jr = PoolJury.JuryRules(r.juryWindow, r.panelSize, r.claimBond, r.challengeBond, r.jurorDeposit);
        (bool ok, bytes memory result) = extension.delegatecall(abi.encodeCall(PoolJury.closeJuryRound, (claimId, jr)));
        if (!ok) {
            assembly ("memory-safe") {
                revert(add(result, 32), mload(result))
            }
        }
        uint256 outcome = abi.decode(result, (uint256));
        return (outcome != 0, outcome == 1);
    }

    /// @dev The tranche escrow EDUCATION payouts are credited to.
    function _trancheEscrow() internal view override returns (address) {
        return _escrow;
    }

    /// @dev Runs the call's own calldata in the extension by delegatecall and returns its first
    ///      return word (reverts bubble up unchanged). `arg` only documents the forwarded argument.

    function _delegate(uint256 arg) private returns (uint256 word) {
        arg;
        address target = extension;
        assembly ("memory-safe") {
            let ptr := mload(0x40)
            calldatacopy(ptr, 0, calldatasize())
            let ok := delegatecall(gas(), target, ptr, calldatasize(), 0, 0)
            returndatacopy(ptr, 0, returndatasize())
            if iszero(ok) { revert(ptr, returndatasize()) }
            if returndatasize() { word := mload(ptr) }
        }
    }
}
