// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {Rules, Claim, ClaimStatus, Category} from "../PoolTypes.sol";
import {IPlanRegistry} from "../../interfaces/IPlanRegistry.sol";
import {IEducationPlan, ITrancheEscrowEvents, ITrancheEscrowErrors} from "./ITrancheEscrow.sol";

/// @notice The registry an AidPoints contract names (the plan factory).
interface IPointsRegistry {
    /// @notice The factory whose plans may mint.
    function registry() external view returns (IPlanRegistry);
}

/// @title TrancheEscrow
/// @notice Education aid (教育互助) paid in tranches to an institution. An EDUCATION plan credits
///         the payout of an approved claim to this escrow's free balance inside the plan, not to
///         the member. The claimant names the institution while the claim is still before its
///         assessors; the plan's creator fixed the number of tranches (one per term) and the term's
///         length. Each term's tranche is released to the institution's free balance in the plan
///         (it pulls it with the plan's withdraw) once the plan's assessors, to its quorum, approve
///         the same proof-of-enrolment hash for that term. If the student stops (or a term lapses
///         unapproved), the unreleased rest goes back to the plan's reserve.
/// @dev Holds no tokens: every amount stays inside the plan, as this escrow's credit there, and is
///      moved by the plan's moveEscrowCredit, which only this escrow may call and which never
///      moves more than its credit. One deployment serves every plan (AidPoolExtension deploys it).
///      A contract posing as a plan can only move credit inside itself, so plans are not checked
///      against the factory; per claim the escrow never moves more than the plan paid that claim.
contract TrancheEscrow is ITrancheEscrowEvents, ITrancheEscrowErrors, ReentrancyGuardTransient {
    using SafeCast for uint256;

    /// @notice Most tranches (terms) a plan may have.
    uint256 public constant MAX_TRANCHES = 12;
    /// @notice Shortest and longest term.
    uint256 public constant MIN_TERM = 1 days;
    uint256 public constant MAX_TERM = 366 days;

    /// @notice A plan's payment terms, fixed once by its creator (unset: 1 tranche, no wait).
    struct Terms {
        uint8 tranches;
        uint32 termLength;
    }

    /// @notice One claim's schedule (one storage slot for the common path, one for the amounts).
    struct Schedule {
        // slot 0
        address institution; // named by the claimant before the assessors vote; never changes
        uint8 tranches;
        uint8 released; // tranches released so far = the current term
        bool stopped;
        uint32 termLength;
        uint40 startedAt; // when term 0's tranche was released (terms count from here)
        // slot 1
        uint96 total; // what the plan granted the claim (paid + owed), fixed at the first release
        uint80 releasedAmount;
        uint80 returnedAmount;
    }

    mapping(address plan => Terms) private _terms;
    mapping(address plan => mapping(uint256 claimId => Schedule)) private _schedules;
    /// @dev keccak(plan, claimId, term, proofHash) => assessor bitmap (bits 0..31) | approvals << 32
    mapping(bytes32 => uint256) private _approvals;

    // =================================================================== the plan's creator

    /// @notice The creator of an EDUCATION plan fixes, once and before its first claim, how approved
    ///         claims are paid: `tranches` tranches, one per term of `termLength` seconds.
    /// @param plan the EDUCATION plan
    /// @param tranches 1..MAX_TRANCHES
    /// @param termLength seconds, MIN_TERM..MAX_TERM
    function setTerms(address plan, uint256 tranches, uint256 termLength) external {
        _education(plan);
        (, address points) = IEducationPlan(plan).planInfo();
        if (IPointsRegistry(points).registry().creatorOf(plan) != msg.sender) revert NotPlanCreator(msg.sender);
        if (_terms[plan].tranches != 0) revert TermsAlreadySet(plan);
        uint256 claims = IEducationPlan(plan).claimCount();
        if (claims != 0) revert ClaimsExist(claims);
        if (tranches == 0 || tranches > MAX_TRANCHES || termLength < MIN_TERM || termLength > MAX_TERM) {
            revert InvalidTerms(tranches, termLength);
        }
        _terms[plan] = Terms(uint8(tranches), uint32(termLength));
        emit TermsSet(plan, tranches, termLength);
    }

    // =================================================================== the claimant

    /// @notice The claimant names the institution its claim is paid to (tuition and materials),
    ///         while the claim is SUBMITTED and before any assessor voted, so the assessors approve
    ///         the claim knowing where the money goes. Named once: it can never be swapped.
    /// @param plan the EDUCATION plan
    /// @param claimId the claimant's submitted claim
    /// @param institution the school's address (not the claimant)
    function nameInstitution(address plan, uint256 claimId, address institution) external {
        _education(plan);
        Claim memory c = IEducationPlan(plan).claimOf(claimId);
        if (c.claimant != msg.sender) revert NotClaimant(claimId, msg.sender);
        if (c.status != ClaimStatus.SUBMITTED || c.assessorVotes != 0) revert NamingClosed(claimId);
        if (institution == address(0) || institution == msg.sender) revert InvalidInstitution(institution);
        Schedule storage s = _schedules[plan][claimId];
        if (s.institution != address(0)) revert InstitutionAlreadyNamed(claimId, s.institution);
        Terms memory t = _terms[plan];
        if (t.tranches == 0) t.tranches = 1; // terms never set: one tranche
        s.institution = institution;
        s.tranches = t.tranches;
        s.termLength = t.termLength;
        emit InstitutionNamed(plan, claimId, institution, t.tranches, t.termLength);
    }

    // =================================================================== the assessors

    /// @notice An assessor of the plan approves the proof of enrolment `proofHash` for the claim's
    ///         current term. When the plan's quorum of assessors approved the same hash, the term's
    ///         tranche is released to the institution's free balance in the plan (pulled by it with
    ///         the plan's withdraw). Term 0 opens when the claim is paid; term k opens k terms after
    ///         term 0's release. A tranche the plan still owes (not yet paid) waits.
    /// @param plan the EDUCATION plan
    /// @param claimId a PAID claim with its institution named
    /// @param proofHash hash of the proof-of-enrolment document (kept off chain)
    function approveEnrolment(address plan, uint256 claimId, bytes32 proofHash) external nonReentrant {
        Schedule storage s = _schedules[plan][claimId];
        if (s.institution == address(0)) revert NoSchedule(claimId);
        if (s.stopped) revert ScheduleIsStopped(claimId);
        uint256 term = s.released;
        if (term == s.tranches) revert AllReleased(claimId);
        if (IEducationPlan(plan).claimOf(claimId).status != ClaimStatus.PAID) revert ClaimNotPaid(claimId);
        if (term != 0) {
            uint256 opensAt = uint256(s.startedAt) + term * s.termLength;
            if (block.timestamp < opensAt) revert TermNotOpen(term, opensAt);
        }
        Rules memory r = IEducationPlan(plan).rules();
        uint256 bit = 1 << _assessorIndex(r.assessors, msg.sender);
        bytes32 key = keccak256(abi.encode(plan, claimId, term, proofHash));
        uint256 record = _approvals[key];
        if (record & bit != 0) revert AlreadyApproved(msg.sender, term);
        uint256 approvals = (record >> 32) + 1;
        _approvals[key] = (record | bit) + (1 << 32);
        emit EnrolmentApproved(plan, claimId, term, msg.sender, proofHash, approvals);
        if (approvals >= r.quorum) _release(plan, claimId, s, term, proofHash);
    }

    /// @dev Releases term `term`'s tranche to the institution (the quorum approved `proofHash`).
    function _release(address plan, uint256 claimId, Schedule storage s, uint256 term, bytes32 proofHash) private {
        (uint256 paid, uint256 owed) = IEducationPlan(plan).claimPayment(claimId);
        uint256 total = s.total;
        if (term == 0) {
            total = paid + owed;
            s.total = total.toUint96();
            s.startedAt = block.timestamp.toUint40();
        }
        uint256 amount = trancheAmount(total, s.tranches, term);
        uint256 releasedAmount = uint256(s.releasedAmount) + amount;
        if (releasedAmount > paid) revert TrancheNotPaid(releasedAmount, paid);
        s.released = uint8(term + 1);
        s.releasedAmount = releasedAmount.toUint80();
        address institution = s.institution;
        emit TrancheReleased(plan, claimId, term, institution, amount, proofHash);
        if (amount != 0) IEducationPlan(plan).moveEscrowCredit(institution, amount);
    }

    // =================================================================== stopping

    /// @notice Stops a PAID claim's schedule: no more tranches; what the plan paid and was not
    ///         released goes back to the plan's reserve. The claimant (the student) stops any time;
    ///         anyone stops once the current term lapsed (a full term after it opened without its
    ///         tranche released), or at once when the claim was paid with no institution named.
    /// @param plan the EDUCATION plan
    /// @param claimId the PAID claim
    function stop(address plan, uint256 claimId) external nonReentrant {
        Claim memory c = IEducationPlan(plan).claimOf(claimId);
        if (c.status != ClaimStatus.PAID) revert ClaimNotPaid(claimId);
        Schedule storage s = _schedules[plan][claimId];
        if (s.stopped) revert ScheduleIsStopped(claimId);
        if (s.institution != address(0)) {
            if (s.released == s.tranches) revert AllReleased(claimId);
            if (msg.sender != c.claimant) {
                uint256 lapsesAt = uint256(s.startedAt) + (uint256(s.released) + 1) * s.termLength;
                if (s.startedAt == 0 || block.timestamp < lapsesAt) revert NotLapsed(s.startedAt == 0 ? 0 : lapsesAt);
            }
        }
        s.stopped = true;
        emit ScheduleStopped(plan, claimId, msg.sender, s.released);
        _returnRest(plan, claimId, s, false);
    }

    /// @notice Returns to the reserve what the plan paid a stopped schedule after it stopped (an
    ///         owed rest paid later). Anyone may call.
    /// @param plan the EDUCATION plan
    /// @param claimId the stopped claim
    function returnUnreleased(address plan, uint256 claimId) external nonReentrant {
        Schedule storage s = _schedules[plan][claimId];
        if (!s.stopped) revert NoSchedule(claimId);
        _returnRest(plan, claimId, s, true);
    }

    // =================================================================== views

    /// @notice A plan's terms: tranches per claim and the term's length (0, 0 when never set: one
    ///         tranche).
    function termsOf(address plan) external view returns (uint256 tranches, uint256 termLength) {
        Terms memory t = _terms[plan];
        return (t.tranches, t.termLength);
    }

    /// @notice A claim's schedule as stored (institution zero: none named).
    function scheduleOf(address plan, uint256 claimId) external view returns (Schedule memory) {
        return _schedules[plan][claimId];
    }

    /// @notice When term `term` of a claim opens (0 for term 0 and before term 0's release).
    function termOpensAt(address plan, uint256 claimId, uint256 term) external view returns (uint256) {
        Schedule storage s = _schedules[plan][claimId];
        if (term == 0 || s.startedAt == 0) return 0;
        return uint256(s.startedAt) + term * s.termLength;
    }

    /// @notice Approvals of `proofHash` for term `term` of a claim, and the assessor bitmap.
    function approvalsOf(address plan, uint256 claimId, uint256 term, bytes32 proofHash)
        external
        view
        returns (uint256 approvals, uint256 assessorBits)
    {
        uint256 record = _approvals[keccak256(abi.encode(plan, claimId, term, proofHash))];
        return (record >> 32, record & type(uint32).max);
    }

    /// @notice Tranche `term` of a `total` paid in `tranches` tranches: equal parts, the rounding
    ///         remainder in the last one (Σ tranches = total exactly).
    function trancheAmount(uint256 total, uint256 tranches, uint256 term) public pure returns (uint256) {
        return total * (term + 1) / tranches - total * term / tranches;
    }

    // =================================================================== internals

    /// @dev Moves back to the reserve what the plan paid the claim and neither released nor returned.
    function _returnRest(address plan, uint256 claimId, Schedule storage s, bool required) private {
        (uint256 paid,) = IEducationPlan(plan).claimPayment(claimId);
        uint256 amount = paid - s.releasedAmount - s.returnedAmount;
        if (amount == 0) {
            if (required) revert NothingToReturn(claimId);
            return;
        }
        s.returnedAmount = (uint256(s.returnedAmount) + amount).toUint80();
        emit UnreleasedReturned(plan, claimId, amount);
        IEducationPlan(plan).moveEscrowCredit(address(0), amount);
    }

    /// @dev Reverts unless `plan` is an EDUCATION plan.
    function _education(address plan) private view {
        if (IEducationPlan(plan).rules().category != Category.EDUCATION) revert NotEducationPlan(plan);
    }

    /// @dev The caller's position among the plan's assessors (reverts when it is not one).
    function _assessorIndex(address[] memory assessors, address who) private pure returns (uint256) {
        for (uint256 i; i < assessors.length; ++i) {
            if (assessors[i] == who) return i;
        }
        revert NotAssessor(who);
    }
}
