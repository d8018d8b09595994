// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {Clones} from "@openzeppelin/contracts/proxy/Clones.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {IAidPoolEvents} from "../interfaces/IAidPoolEvents.sol";
import {IAidPoolErrors} from "../interfaces/IAidPoolErrors.sol";
import {IAidPoints} from "../interfaces/IAidPoints.sol";
import {Rules, Member, Claim, ClaimStatus, DisputeKind, ContributionModel, PointsReason} from "./PoolTypes.sol";
import {RulesCodec} from "./RulesCodec.sol";
import {RulesValidation} from "./RulesValidation.sol";
import {ClaimTransitions} from "./ClaimTransitions.sol";
import {CostSharing} from "./CostSharing.sol";
import {CoverBook} from "./CoverBook.sol";

/// @title AidPool
/// @notice One mutual-aid plan (互助计划), deployed by AidPoolFactory as an EIP-1167 clone whose
///         immutable arguments hold the plan's rules. Members deposit into a free balance that is
///         always withdrawable. PREPAID plans charge a contribution per period, lazily, into the
///         reserve; COST_SHARING plans split each paid claim (plus the fee) equally over the covered
///         members through a cumulative per-member index, O(1) in the number of members.
///         Claims: assessors -> public notice -> (challenge | appeal | timeout) -> commit-reveal
///         jury -> finalize (anyone) pays. Nobody can move pool funds except through these rules.
/// @dev Solvency invariant, after every transaction:
///      asset.balanceOf(this) == totalBalances + reserve + feesOwed + bondsHeld.
///      In COST_SHARING plans `totalBalances` is the sum of members' balances net of their not yet
///      settled shares (the shares leave `totalBalances` when the claim is paid).
contract AidPool is IAidPoolEvents, IAidPoolErrors, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;
    using SafeCast for uint256;
    using ClaimTransitions for ClaimStatus;
    using CoverBook for CoverBook.Book;

    /// @notice Basis-point denominator.
    uint256 public constant BPS = 10_000;
    /// @notice Highest service fee a plan may have: 10% (checked at creation).
    uint16 public constant MAX_FEE_BPS = RulesValidation.MAX_FEE_BPS;
    /// @notice Largest assessor set (votes are tracked in a 32-bit mask; checked at creation).
    uint256 public constant MAX_ASSESSORS = RulesValidation.MAX_ASSESSORS;
    /// @notice A claim year, for the per-member yearly payout cap.
    uint256 public constant CLAIM_YEAR = 365 days;
    /// @notice Rating bounds.
    uint8 public constant MIN_STARS = 1;
    uint8 public constant MAX_STARS = 5;
    /// @notice COST_SHARING: the farthest a balance files a member's cover ahead, in periods (a
    ///         member covered that far re-files whenever they next act).
    uint256 public constant MAX_COVER_PERIODS = 5_200;
    /// @notice Points per task.
    uint32 public constant POINTS_JOINING = 10;
    uint32 public constant POINTS_CONTRIBUTION = 1;
    uint32 public constant POINTS_JURY_VOTE = 5;
    uint32 public constant POINTS_REFERRAL = 20;

    /// @dev Hot plan-wide state, one slot.
    struct Totals {
        uint112 totalBalances; // sum of members' free balances (net of settled-at-payout shares)
        uint112 reserve; // money for claims (PREPAID contributions, forfeited bonds, rounding dust)
        uint16 feeBps; // current fee, <= rules.feeBps
        bool paused;
        bool initialized;
    }

    /// @dev Second slot of plan-wide state.
    struct Book {
        uint96 feesOwed; // collected, not yet sent to the fee receiver
        uint96 bondsHeld; // claim, challenge and appeal bonds of open claims
        uint32 activeMembers; // COST_SHARING: exactly the covered members; PREPAID: not yet seen lapsed
        uint32 claimCount;
    }

    Totals private _totals;
    Book private _book;
    CoverBook.Book private _cover; // COST_SHARING
    /// @notice Sum of all stars given and number of ratings.
    uint64 public ratingSum;
    uint64 public ratingCount;

    mapping(address => Member) private _members;
    mapping(uint256 => Claim) private _claims;
    mapping(uint256 => mapping(address => bytes32)) private _commitments;

    /// @notice Locks the implementation: only clones, initialized by the factory, are plans.
    constructor() {
        _totals.initialized = true;
    }

    /// @notice Called once by the factory right after cloning; sets the starting fee.
    function initialize() external {
        if (_totals.initialized) revert AlreadyInitialized();
        (Rules memory r,,) = _load();
        _totals.initialized = true;
        _totals.feeBps = r.feeBps;
    }

    // =================================================================== membership

    /// @notice Joins the plan (or rejoins after lapsing or leaving, with a new waiting period) with
    ///         a first deposit covering at least one period. The plan must be approved for `amount`.
    /// @param amount first deposit, token base units: >= contribution (PREPAID) or share cap (COST_SHARING)
    /// @param referrer an active member who referred the caller, or address(0)
    function join(uint256 amount, address referrer) external nonReentrant {
        (Rules memory r, uint40 createdAt,) = _load();
        if (_totals.paused) revert PlanIsPaused();
        Member storage m = _members[msg.sender];
        if (m.active) {
            _settle(msg.sender, m, r, createdAt);
            if (m.active) revert AlreadyMember(msg.sender);
        }
        if (referrer == msg.sender) revert SelfReferral();
        if (referrer != address(0) && !_members[referrer].active) revert ReferrerNotMember(referrer);
        uint256 minimum = r.model == ContributionModel.PREPAID ? r.contribution : r.shareCapPerPeriod;
        if (amount < minimum) revert DepositBelowMinimum(amount, minimum); // minimum > 0 by the rules

        uint40 nowTs = uint40(block.timestamp);
        m.joinedAt = nowTs;
        m.active = true;
        m.points += POINTS_JOINING; // implied by MemberJoined
        if (referrer != address(0)) {
            m.referred = true;
            m.referrer = referrer;
        } else if (m.referred) {
            m.referred = false; // a rejoin forgets an old, unrewarded referral
        }
        ++_book.activeMembers;
        emit MemberJoined(msg.sender, referrer, nowTs, nowTs + r.waitingPeriod);
        _credit(msg.sender, m, amount);
        if (r.model == ContributionModel.PREPAID) {
            m.paidThrough = nowTs;
            _settlePrepaid(msg.sender, m, r, true);
        } else {
            uint256 period = _advance(r, createdAt);
            m.shareSnapshot = _cover.shareIndex;
            m.paidThrough = nowTs; // not covered yet; _recover sets the real end of cover
            _recover(msg.sender, m, r, createdAt, period, true);
        }
        IERC20(r.asset).safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @notice Deposits `amount` into the caller's free balance and settles what is due.
    /// @param amount token base units; the plan must be approved for it
    function deposit(uint256 amount) external nonReentrant {
        if (amount == 0) revert ZeroAmount();
        (Rules memory r, uint40 createdAt,) = _load();
        Member storage m = _members[msg.sender];
        if (!m.active) revert NotMember(msg.sender);
        // first what the old balance pays (on time), then the deposit; a member whose cover
        // has ended must join again
        _settle(msg.sender, m, r, createdAt);
        if (!m.active) revert NotMember(msg.sender);
        _credit(msg.sender, m, amount);
        if (r.model == ContributionModel.PREPAID) {
            _settlePrepaid(msg.sender, m, r, false); // arrears cleared by this deposit: late, no points
        } else {
            _recover(msg.sender, m, r, createdAt, _cover.lastPeriod, false);
        }
        IERC20(r.asset).safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @notice Withdraws from the caller's free balance. Always possible (even while paused), for
    ///         members and former members. In COST_SHARING plans cover shrinks with the balance.
    /// @param amount token base units
    function withdraw(uint256 amount) external nonReentrant {
        if (amount == 0) revert ZeroAmount();
        (Rules memory r, uint40 createdAt,) = _load();
        Member storage m = _members[msg.sender];
        _settle(msg.sender, m, r, createdAt);
        uint256 balance = m.balance;
        if (amount > balance) revert InsufficientBalance(amount, balance);
        _debit(m, amount);
        emit Withdrawn(msg.sender, amount, m.balance);
        if (m.active && r.model == ContributionModel.COST_SHARING) {
            _recover(msg.sender, m, r, createdAt, _cover.lastPeriod, false);
        }
        IERC20(r.asset).safeTransfer(msg.sender, amount);
    }

    /// @notice Leaves the plan: settles what is owed and returns the whole free balance.
    ///         PREPAID contributions already charged for the current period are not refunded.
    function leave() external nonReentrant {
        (Rules memory r, uint40 createdAt,) = _load();
        Member storage m = _members[msg.sender];
        if (!m.active) revert NotMember(msg.sender);
        uint256 open = _openClaim(m);
        if (open != 0) revert ClaimStillOpen(open);
        _settle(msg.sender, m, r, createdAt);
        if (m.active) {
            m.active = false;
            --_book.activeMembers;
            if (r.model == ContributionModel.COST_SHARING) {
                _cover.unfile(_periodAt(m.paidThrough, r, createdAt));
            }
        }
        uint256 refund = m.balance;
        if (refund != 0) _debit(m, refund);
        emit MemberLeft(msg.sender, refund);
        if (refund != 0) IERC20(r.asset).safeTransfer(msg.sender, refund);
    }

    /// @notice Settles what `member` owes up to now (anyone may call): PREPAID contributions or
    ///         COST_SHARING shares; marks the member lapsed when their cover has ended.
    /// @param member the member to settle
    function settle(address member) external {
        (Rules memory r, uint40 createdAt,) = _load();
        Member storage m = _members[member];
        if (!m.active) revert NotMember(member);
        _settle(member, m, r, createdAt);
    }

    // =================================================================== claims

    /// @notice Submits a claim for a loss incurred at `incurredAt`, backed by the hash of off-chain
    ///         evidence, and posts the claim bond (the plan must be approved for it).
    /// @param amount token base units, at most the per-claim maximum
    /// @param evidenceHash hash of the evidence document (never the document itself)
    /// @param incurredAt when the loss happened; must be after the waiting period and not in the future
    /// @return claimId the new claim's id
    function submitClaim(uint256 amount, bytes32 evidenceHash, uint64 incurredAt)
        external
        nonReentrant
        returns (uint256 claimId)
    {
        (Rules memory r, uint40 createdAt,) = _load();
        if (_totals.paused) revert PlanIsPaused();
        Member storage m = _members[msg.sender];
        if (!m.active) revert NotMember(msg.sender);
        _settle(msg.sender, m, r, createdAt);
        if (!m.active || m.paidThrough <= block.timestamp) revert NotCovered(m.paidThrough);
        uint256 eligibleAt = uint256(m.joinedAt) + r.waitingPeriod;
        if (block.timestamp < eligibleAt || incurredAt < eligibleAt) revert WaitingPeriod(incurredAt, eligibleAt);
        if (incurredAt > block.timestamp) revert LossInFuture(incurredAt);
        if (amount == 0) revert ZeroAmount();
        if (amount > r.maxPayoutPerClaim) revert ClaimAboveMax(amount, r.maxPayoutPerClaim);
        uint256 previous = m.lastClaim;
        uint32 yearStart;
        uint64 paidInYear;
        if (previous != 0) {
            Claim storage p = _claims[previous];
            if (!_isFinal(p.status)) revert ClaimAlreadyOpen(previous);
            (yearStart, paidInYear) = (p.yearStart, p.paidInYear);
        }

        claimId = ++_book.claimCount;
        uint32 deadline = uint32(block.timestamp) + r.assessmentWindow;
        Claim storage c = _claims[claimId];
        c.claimant = msg.sender;
        c.amount = uint96(amount);
        _transition(c, ClaimStatus.SUBMITTED);
        c.submittedAt = uint32(block.timestamp);
        c.deadline = deadline;
        c.yearStart = yearStart;
        c.paidInYear = paidInYear;
        m.lastClaim = uint32(claimId);
        _book.bondsHeld += r.claimBond;
        emit ClaimSubmitted(claimId, msg.sender, amount, evidenceHash, incurredAt, r.claimBond, deadline);
        if (r.claimBond != 0) IERC20(r.asset).safeTransferFrom(msg.sender, address(this), r.claimBond);
    }

    /// @notice An assessor approves or rejects a submitted claim within the assessment window.
    ///         Approvals reaching the quorum approve it; once the quorum is out of reach it is rejected.
    /// @param claimId the claim
    /// @param approve true to approve, false to reject
    function vote(uint256 claimId, bool approve) external {
        (Rules memory r,,) = _loadWithAssessors();
        uint256 index = _assessorIndex(r.assessors, msg.sender);
        Claim storage c = _claimAt(claimId);
        if (c.status != ClaimStatus.SUBMITTED) revert WrongClaimStatus(claimId, c.status);
        if (block.timestamp >= c.deadline) revert WindowClosed(claimId, c.deadline);
        if (c.claimant == msg.sender) revert PartyCannotVote(claimId, msg.sender);
        uint32 bit = uint32(1 << index);
        if (c.assessorVotes & bit != 0) revert AlreadyVoted(claimId, msg.sender);
        c.assessorVotes |= bit;
        emit AssessorVoted(claimId, msg.sender, approve);
        if (approve) {
            if (++c.approvals >= r.quorum) {
                _transition(c, ClaimStatus.APPROVED);
                c.deadline = uint32(block.timestamp) + r.noticeWindow;
                emit ClaimApproved(claimId, c.amount, c.deadline);
            }
        } else if (++c.rejections > r.assessors.length - r.quorum) {
            _transition(c, ClaimStatus.REJECTED);
            c.deadline = uint32(block.timestamp) + r.noticeWindow;
            emit ClaimRejected(claimId, c.deadline);
        }
    }

    /// @notice Sends a claim the assessors did not decide in time to the jury (anyone may call).
    /// @param claimId the claim
    function escalate(uint256 claimId) external {
        (Rules memory r,,) = _load();
        Claim storage c = _claimAt(claimId);
        if (c.status != ClaimStatus.SUBMITTED) revert WrongClaimStatus(claimId, c.status);
        if (block.timestamp < c.deadline) revert WindowNotOpen(claimId, c.deadline);
        _openDispute(claimId, c, r, DisputeKind.ESCALATED, 0);
    }

    /// @notice Challenges an approved claim during its notice window, posting the challenge bond.
    ///         Any active member except the claimant may challenge.
    /// @param claimId the claim
    function challenge(uint256 claimId) external nonReentrant {
        (Rules memory r,,) = _load();
        Claim storage c = _claimAt(claimId);
        if (c.status != ClaimStatus.APPROVED) revert WrongClaimStatus(claimId, c.status);
        if (block.timestamp >= c.deadline) revert WindowClosed(claimId, c.deadline);
        if (!_members[msg.sender].active) revert NotMember(msg.sender);
        if (c.claimant == msg.sender) revert PartyCannotVote(claimId, msg.sender);
        c.challenger = msg.sender;
        _openDispute(claimId, c, r, DisputeKind.CHALLENGED, r.challengeBond);
        if (r.challengeBond != 0) IERC20(r.asset).safeTransferFrom(msg.sender, address(this), r.challengeBond);
    }

    /// @notice The claimant appeals a rejection to the jury during the notice window, posting the
    ///         appeal bond (= challenge bond). Only once: REJECTED is reachable only from SUBMITTED,
    ///         and a jury's verdict is final.
    /// @param claimId the claim
    function appeal(uint256 claimId) external nonReentrant {
        (Rules memory r,,) = _load();
        Claim storage c = _claimAt(claimId);
        if (c.claimant != msg.sender) revert NotClaimant(claimId, msg.sender);
        if (c.status != ClaimStatus.REJECTED) revert WrongClaimStatus(claimId, c.status);
        if (block.timestamp >= c.deadline) revert WindowClosed(claimId, c.deadline);
        _openDispute(claimId, c, r, DisputeKind.APPEALED, r.challengeBond);
        if (r.challengeBond != 0) IERC20(r.asset).safeTransferFrom(msg.sender, address(this), r.challengeBond);
    }

    /// @notice A juror commits a hidden vote during the commit phase. Jurors are active members who
    ///         joined before the dispute opened, other than the claimant and the challenger.
    /// @param claimId the disputed claim
    /// @param commitment commitmentOf(claimId, juror, approve, salt)
    function commitVote(uint256 claimId, bytes32 commitment) external {
        (Rules memory r,,) = _load();
        Claim storage c = _claimAt(claimId);
        if (c.status != ClaimStatus.DISPUTED) revert WrongClaimStatus(claimId, c.status);
        if (block.timestamp >= c.deadline) revert WindowClosed(claimId, c.deadline);
        if (c.claimant == msg.sender || c.challenger == msg.sender) revert PartyCannotVote(claimId, msg.sender);
        Member storage m = _members[msg.sender];
        if (!m.active || m.joinedAt >= c.deadline - r.juryWindow) revert NotJuror(claimId, msg.sender);
        if (commitment == bytes32(0)) revert ZeroCommitment();
        if (_commitments[claimId][msg.sender] != bytes32(0)) revert AlreadyCommitted(claimId, msg.sender);
        _commitments[claimId][msg.sender] = commitment;
        emit JuryVoteCommitted(claimId, msg.sender);
    }

    /// @notice A juror reveals their vote during the reveal phase (after the commit phase).
    /// @param claimId the disputed claim
    /// @param approve the committed vote
    /// @param salt the committed salt
    function revealVote(uint256 claimId, bool approve, bytes32 salt) external {
        (Rules memory r,,) = _load();
        Claim storage c = _claimAt(claimId);
        if (c.status != ClaimStatus.DISPUTED) revert WrongClaimStatus(claimId, c.status);
        if (block.timestamp < c.deadline) revert WindowNotOpen(claimId, c.deadline);
        uint256 revealEnd = uint256(c.deadline) + r.juryWindow;
        if (block.timestamp >= revealEnd) revert WindowClosed(claimId, revealEnd);
        bytes32 stored = _commitments[claimId][msg.sender];
        if (stored == bytes32(0)) revert NoCommitment(claimId, msg.sender);
        if (stored != commitmentOf(claimId, msg.sender, approve, salt)) revert CommitmentMismatch(claimId, msg.sender);
        delete _commitments[claimId][msg.sender];
        if (approve) ++c.juryFor;
        else ++c.juryAgainst;
        _members[msg.sender].points += POINTS_JURY_VOTE;
        emit JuryVoteRevealed(claimId, msg.sender, approve);
        emit PointsAccrued(msg.sender, POINTS_JURY_VOTE, PointsReason.JURY_VOTE);
    }

    /// @notice Closes a claim whose last window has passed (anyone may call): pays an approved claim
    ///         after its notice, denies a rejected one, or applies the jury's verdict; bonds go to
    ///         the winning side.
    /// @param claimId the claim
    function finalize(uint256 claimId) external nonReentrant {
        (Rules memory r, uint40 createdAt,) = _load();
        Claim storage c = _claimAt(claimId);
        ClaimStatus status = c.status;
        bool approved;
        if (status == ClaimStatus.APPROVED || status == ClaimStatus.REJECTED) {
            if (block.timestamp < c.deadline) revert WindowNotOpen(claimId, c.deadline);
            approved = status == ClaimStatus.APPROVED;
        } else if (status == ClaimStatus.DISPUTED) {
            uint256 revealEnd = uint256(c.deadline) + r.juryWindow;
            if (block.timestamp < revealEnd) revert WindowNotOpen(claimId, revealEnd);
            // A strict majority decides; a tie keeps the standing decision, which is the
            // assessors' approval for a challenge and "not approved" otherwise.
            approved = c.juryFor > c.juryAgainst || (c.juryFor == c.juryAgainst && c.dispute == DisputeKind.CHALLENGED);
            emit DisputeResolved(claimId, approved, c.juryFor, c.juryAgainst);
        } else {
            revert WrongClaimStatus(claimId, status);
        }
        address claimant = c.claimant;
        (address bondWinner, uint256 bonds) = _releaseBonds(claimId, c, r, approved);
        if (approved) {
            _transition(c, ClaimStatus.PAID);
            uint256 paid = _pay(claimId, c, r, createdAt);
            if (bondWinner == claimant) paid += bonds;
            else if (bonds != 0) IERC20(r.asset).safeTransfer(bondWinner, bonds);
            if (paid != 0) IERC20(r.asset).safeTransfer(claimant, paid);
        } else {
            _transition(c, ClaimStatus.DENIED);
            emit ClaimDenied(claimId);
            if (bondWinner != address(0) && bonds != 0) IERC20(r.asset).safeTransfer(bondWinner, bonds);
        }
    }

    // =================================================================== plan

    /// @notice Lowers the service fee; it can never be raised. Only the fee receiver.
    /// @param newBps the new fee in basis points, below the current one
    function lowerFee(uint16 newBps) external {
        (Rules memory r,,) = _load();
        if (msg.sender != r.feeReceiver) revert NotFeeReceiver(msg.sender);
        uint16 current = _totals.feeBps;
        if (newBps >= current) revert FeeNotLowered(newBps, current);
        _totals.feeBps = newBps;
        emit FeeLowered(current, newBps);
    }

    /// @notice Sends the collected fees to the fee receiver (anyone may call).
    function withdrawFees() external nonReentrant {
        (Rules memory r,,) = _load();
        uint256 amount = _book.feesOwed;
        if (amount == 0) revert NothingToClaim();
        _book.feesOwed = 0;
        emit FeesWithdrawn(r.feeReceiver, amount);
        IERC20(r.asset).safeTransfer(r.feeReceiver, amount);
    }

    /// @notice The guardian pauses new joins and new claims. Nothing else stops: deposits,
    ///         withdrawals, votes, disputes and payouts go on.
    function pause() external {
        _setPaused(true);
    }

    /// @notice The guardian lifts the pause.
    function unpause() external {
        _setPaused(false);
    }

    /// @notice Rates the plan once, 1-5 stars, after at least one full period of membership.
    /// @param stars 1 to 5
    /// @param reviewHash hash of the review text kept off chain (zero for none)
    function rate(uint8 stars, bytes32 reviewHash) external {
        (Rules memory r,,) = _load();
        Member storage m = _members[msg.sender];
        if (!m.active) revert NotMember(msg.sender);
        if (stars < MIN_STARS || stars > MAX_STARS) revert InvalidStars(stars);
        uint256 opensAt = uint256(m.joinedAt) + r.period;
        if (block.timestamp < opensAt) revert RatingTooEarly(opensAt);
        if (m.rating != 0) revert AlreadyRated(msg.sender);
        m.rating = stars;
        ratingSum += stars;
        ++ratingCount;
        emit PlanRated(msg.sender, stars, reviewHash);
    }

    /// @notice Mints the caller's accrued points as AidPoints.
    function claimPoints() external nonReentrant {
        (,, address points) = _load();
        Member storage m = _members[msg.sender];
        uint256 amount = m.points;
        if (amount == 0) revert NothingToClaim();
        m.points = 0;
        emit PointsClaimed(msg.sender, amount);
        IAidPoints(points).mint(msg.sender, amount);
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

    /// @notice Fees collected and not yet sent to the fee receiver.
    function feesOwed() external view returns (uint256) {
        return _book.feesOwed;
    }

    /// @notice Bonds held for open claims.
    function bondsHeld() external view returns (uint256) {
        return _book.bondsHeld;
    }

    /// @notice Active members (COST_SHARING: covered members as of the last period roll-over).
    function activeMembers() external view returns (uint256) {
        return _book.activeMembers;
    }

    /// @notice Number of claims ever submitted; ids start at 1.
    function claimCount() external view returns (uint256) {
        return _book.claimCount;
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
    ///         totalBalances + reserve + feesOwed + bondsHeld.
    function accounting()
        external
        view
        returns (uint256 tokenBalance, uint256 balances, uint256 reserve_, uint256 fees, uint256 bonds)
    {
        (Rules memory r,,) = _load();
        tokenBalance = IERC20(r.asset).balanceOf(address(this));
        (balances, reserve_) = (_totals.totalBalances, _totals.reserve);
        (fees, bonds) = (_book.feesOwed, _book.bondsHeld);
    }

    /// @notice A claim by id.
    function claimOf(uint256 claimId) external view returns (Claim memory) {
        return _claims[claimId];
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

    /// @notice Whether `juror` has an unrevealed commitment on `claimId`.
    function hasCommitted(uint256 claimId, address juror) external view returns (bool) {
        return _commitments[claimId][juror] != bytes32(0);
    }

    /// @notice The commitment a juror submits: keccak256(plan, claimId, juror, approve, salt).
    function commitmentOf(uint256 claimId, address juror, bool approve, bytes32 salt) public view returns (bytes32) {
        return keccak256(abi.encode(address(this), claimId, juror, approve, salt));
    }

    // =================================================================== internals

    /// @dev The rules from the clone's immutable arguments, without the assessor list.
    function _load() private view returns (Rules memory r, uint40 createdAt, address points) {
        return RulesCodec.decode(Clones.fetchCloneArgs(address(this)), false);
    }

    function _loadWithAssessors() private view returns (Rules memory r, uint40 createdAt, address points) {
        return RulesCodec.decode(Clones.fetchCloneArgs(address(this)), true);
    }

    function _isFinal(ClaimStatus status) private pure returns (bool) {
        return status == ClaimStatus.PAID || status == ClaimStatus.DENIED;
    }

    function _openClaim(Member storage m) private view returns (uint256 claimId) {
        claimId = m.lastClaim;
        if (claimId != 0 && _isFinal(_claims[claimId].status)) claimId = 0;
    }

    function _claimAt(uint256 claimId) private view returns (Claim storage c) {
        c = _claims[claimId];
        if (c.status == ClaimStatus.NONE) revert UnknownClaim(claimId);
    }

    function _transition(Claim storage c, ClaimStatus to) private {
        ClaimStatus from = c.status;
        if (!from.allowed(to)) revert ForbiddenTransition(from, to);
        c.status = to;
    }

    function _assessorIndex(address[] memory assessors, address who) private pure returns (uint256) {
        uint256 n = assessors.length;
        for (uint256 i = 0; i < n; ++i) {
            if (assessors[i] == who) return i;
        }
        revert NotAssessor(who);
    }

    function _openDispute(uint256 claimId, Claim storage c, Rules memory r, DisputeKind kind, uint256 bond) private {
        _transition(c, ClaimStatus.DISPUTED);
        c.dispute = kind;
        uint32 commitEnd = uint32(block.timestamp) + r.juryWindow;
        c.deadline = commitEnd;
        _book.bondsHeld += uint96(bond);
        emit ClaimDisputed(claimId, kind, msg.sender, bond, commitEnd, commitEnd + r.juryWindow);
    }

    /// @dev Takes the claim's bonds out of bondsHeld and says who gets them. Winners: the claimant
    ///      when approved; the challenger when a challenge succeeds; the reserve otherwise.
    function _releaseBonds(uint256 claimId, Claim storage c, Rules memory r, bool approved)
        private
        returns (address to, uint256 amount)
    {
        DisputeKind kind = c.dispute;
        amount = r.claimBond;
        if (kind == DisputeKind.CHALLENGED || kind == DisputeKind.APPEALED) amount += r.challengeBond;
        if (amount == 0) return (address(0), 0);
        _book.bondsHeld -= uint96(amount);
        if (approved) to = c.claimant;
        else if (kind == DisputeKind.CHALLENGED) to = c.challenger;
        if (to == address(0)) {
            _totals.reserve += uint112(amount);
            emit BondsForfeited(claimId, amount);
        } else {
            emit BondsReleased(claimId, to, amount);
        }
    }

    /// @dev Books the payout of an approved claim and returns what the claimant receives.
    ///      Caps: the requested amount (<= max per claim), what is left of the claimant's yearly
    ///      maximum, and then the model's funding: PREPAID pays from the reserve (a reserve
    ///      shortfall pays what there is); COST_SHARING pays from the reserve first, then from the
    ///      covered members' shares, with a pro-rata haircut when a share would exceed the cap.
    function _pay(uint256 claimId, Claim storage c, Rules memory r, uint40 createdAt) private returns (uint256 paid) {
        address claimant = c.claimant;
        uint256 paidInYear = c.paidInYear;
        if (block.timestamp >= uint256(c.yearStart) + CLAIM_YEAR) {
            c.yearStart = uint32(block.timestamp);
            paidInYear = 0;
        }
        uint256 amount = Math.min(c.amount, uint256(r.maxPayoutPerMemberPerYear) - paidInYear);
        uint256 fromReserve = Math.min(amount, _totals.reserve);
        _totals.reserve -= uint112(fromReserve);
        paid = fromReserve;
        uint256 fee;
        uint256 share;
        if (r.model == ContributionModel.COST_SHARING && amount > fromReserve) {
            _advance(r, createdAt);
            CostSharing.Split memory split = CostSharing.split(
                amount - fromReserve, _book.activeMembers, _totals.feeBps, r.shareCapPerPeriod - _cover.periodShared
            );
            share = split.share;
            fee = split.fee;
            paid += split.payout;
            _cover.charge(share);
            _totals.totalBalances -= uint112(split.collected);
            _totals.reserve += uint112(split.dust);
            _book.feesOwed += uint96(fee);
        }
        c.paidInYear = uint64(paidInYear + paid);
        emit ClaimPaid(claimId, claimant, paid, fee, share);
    }

    function _setPaused(bool value) private {
        (Rules memory r,,) = _load();
        if (msg.sender != r.guardian) revert NotGuardian(msg.sender); // a zero guardian matches nobody
        if (_totals.paused == value) revert PauseUnchanged(value);
        _totals.paused = value;
        if (value) emit PlanPaused(msg.sender);
        else emit PlanUnpaused(msg.sender);
    }

    function _credit(address who, Member storage m, uint256 amount) private {
        m.balance += amount.toUint96();
        _totals.totalBalances += uint112(amount);
        emit Deposited(who, amount, m.balance);
    }

    function _debit(Member storage m, uint256 amount) private {
        m.balance -= uint96(amount);
        _totals.totalBalances -= uint112(amount);
    }

    /// @dev Charges what is due and grants a due referral reward. Never reverts for a member.
    function _settle(address who, Member storage m, Rules memory r, uint40 createdAt) private {
        if (!m.active) return;
        if (r.model == ContributionModel.PREPAID) _settlePrepaid(who, m, r, true);
        else _settleShares(who, m, r, createdAt);
        if (m.active) _rewardReferral(m, r);
    }

    /// @dev Contributions are paid in advance: every period that has started must be paid, as far
    ///      as the balance goes. An unpaid member lapses once the grace period after their
    ///      paid-through date has passed. A period the balance covered is paid on time (the
    ///      balance only changes through the member's own transactions, each of which settles
    ///      first) and earns a point; periods paid by a deposit clearing arrears (`onTime` false)
    ///      earn none.
    function _settlePrepaid(address who, Member storage m, Rules memory r, bool onTime) private {
        uint256 paidThrough = m.paidThrough;
        if (paidThrough > block.timestamp) return;
        uint256 periods = _duePeriods(m, r);
        if (periods != 0) {
            uint256 amount = periods * r.contribution;
            uint256 fee = (amount * _totals.feeBps) / BPS;
            m.balance -= uint96(amount);
            paidThrough += periods * r.period;
            m.paidThrough = uint40(paidThrough);
            if (onTime) m.points += uint32(Math.min(periods, type(uint16).max)) * POINTS_CONTRIBUTION; // implied by the event
            Totals storage t = _totals;
            t.totalBalances -= uint112(amount);
            t.reserve += uint112(amount - fee);
            _book.feesOwed += uint96(fee);
            emit ContributionCharged(who, periods, amount, fee, paidThrough);
        }
        if (paidThrough <= block.timestamp && block.timestamp >= paidThrough + r.gracePeriod) {
            m.active = false;
            --_book.activeMembers;
            emit MemberLapsed(who, paidThrough);
        }
    }

    /// @dev PREPAID: the periods to charge now: every period that has started since the
    ///      paid-through date, as far as the balance goes.
    function _duePeriods(Member storage m, Rules memory r) private view returns (uint256) {
        uint256 paidThrough = m.paidThrough;
        if (paidThrough > block.timestamp) return 0;
        uint256 due = (block.timestamp - paidThrough) / r.period + 1;
        return Math.min(due, m.balance / r.contribution);
    }

    /// @dev COST_SHARING: applies the share index growth since the member's snapshot. A member whose
    ///      cover ended is charged only up to the index at the start of the period it ended.
    function _settleShares(address who, Member storage m, Rules memory r, uint40 createdAt) private {
        uint256 period = _advance(r, createdAt);
        uint256 endPeriod = _periodAt(m.paidThrough, r, createdAt);
        bool ended = period >= endPeriod;
        uint256 index = _cover.indexFor(endPeriod);
        uint256 owed = index - m.shareSnapshot;
        if (owed != 0) {
            m.balance -= uint96(owed);
            m.shareSnapshot = uint112(index);
            m.points += POINTS_CONTRIBUTION; // implied by the event
            emit SharesSettled(who, owed, m.balance, m.paidThrough);
        }
        if (ended) {
            m.active = false; // already taken out of activeMembers when the period rolled over
            emit MemberLapsed(who, m.paidThrough);
        }
    }

    /// @dev COST_SHARING: sets the end of cover from the balance (each covered period can cost at
    ///      most the share cap, so the balance always covers the shares charged) and files the
    ///      member under the period their cover ends. A balance below one cap ends the cover now.
    function _recover(address who, Member storage m, Rules memory r, uint40 createdAt, uint256 period, bool fresh)
        private
    {
        uint256 newEnd = period + Math.min(m.balance / r.shareCapPerPeriod, MAX_COVER_PERIODS);
        if (!fresh) {
            uint256 oldEnd = _periodAt(m.paidThrough, r, createdAt);
            if (newEnd == oldEnd) return;
            _cover.unfile(oldEnd);
        }
        if (newEnd == period) {
            m.active = false;
            m.paidThrough = uint40(block.timestamp);
            --_book.activeMembers;
            emit MemberLapsed(who, block.timestamp);
            return;
        }
        _cover.file(newEnd);
        m.paidThrough = uint40(uint256(createdAt) + newEnd * r.period);
    }

    /// @dev COST_SHARING: rolls the cover book over to the current period (see CoverBook).
    function _advance(Rules memory r, uint40 createdAt) private returns (uint256 period) {
        period = (block.timestamp - createdAt) / r.period;
        if (period == _cover.lastPeriod) return period;
        uint256 covered = _cover.rollOver(period, _book.activeMembers);
        _book.activeMembers = uint32(covered);
        emit PeriodStarted(period, covered, _cover.shareIndex);
    }

    function _periodAt(uint256 timestamp, Rules memory r, uint40 createdAt) private pure returns (uint256) {
        return (timestamp - createdAt) / r.period; // cover ends are never before the plan's creation
    }

    function _rewardReferral(Member storage m, Rules memory r) private {
        if (!m.referred || block.timestamp < uint256(m.joinedAt) + r.waitingPeriod) return;
        address referrer = m.referrer;
        m.referred = false;
        m.referrer = address(0);
        _members[referrer].points += POINTS_REFERRAL;
        emit PointsAccrued(referrer, POINTS_REFERRAL, PointsReason.REFERRAL);
    }
}
