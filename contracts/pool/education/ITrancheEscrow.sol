// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Rules, Claim} from "../PoolTypes.sol";

/// @notice What the tranche escrow reads from (and asks of) an EDUCATION plan.
interface IEducationPlan {
    /// @notice The plan's immutable rules (category, assessors, quorum).
    function rules() external view returns (Rules memory);
    /// @notice A claim by id.
    function claimOf(uint256 claimId) external view returns (Claim memory);
    /// @notice What a claim has been paid (credited to the escrow for EDUCATION) and still owes.
    function claimPayment(uint256 claimId) external view returns (uint256 paid, uint256 owed);
    /// @notice Number of claims ever submitted.
    function claimCount() external view returns (uint256);
    /// @notice When the plan was created and its AidPoints contract.
    function planInfo() external view returns (uint256 createdAt, address points);
    /// @notice Moves the escrow's credit in the plan to `to`, or to the reserve when `to` is zero.
    function moveEscrowCredit(address to, uint256 amount) external;
}

/// @notice Events of TrancheEscrow (see docs/events.md).
interface ITrancheEscrowEvents {
    /// @notice The creator of an EDUCATION plan fixed how its approved claims are paid: in
    ///         `tranches` tranches, one per term of `termLength` seconds.
    event TermsSet(address indexed plan, uint256 tranches, uint256 termLength);
    /// @notice A claimant named the institution its claim is paid to, with the plan's schedule.
    event InstitutionNamed(
        address indexed plan, uint256 indexed claimId, address indexed institution, uint256 tranches, uint256 termLength
    );
    /// @notice An assessor approved the proof of enrolment `proofHash` for term `term` of a claim.
    event EnrolmentApproved(
        address indexed plan,
        uint256 indexed claimId,
        uint256 term,
        address indexed assessor,
        bytes32 proofHash,
        uint256 approvals
    );
    /// @notice Term `term`'s tranche was released to the institution's free balance in the plan.
    event TrancheReleased(
        address indexed plan, uint256 indexed claimId, uint256 term, address indexed institution, uint256 amount, bytes32 proofHash
    );
    /// @notice The schedule was stopped (the student stopped, or a term lapsed unapproved, or no
    ///         institution was named): no more tranches; the rest goes back to the reserve.
    event ScheduleStopped(address indexed plan, uint256 indexed claimId, address indexed by, uint256 releasedTerms);
    /// @notice `amount` of a stopped schedule's unreleased money went back to the plan's reserve.
    event UnreleasedReturned(address indexed plan, uint256 indexed claimId, uint256 amount);
}

/// @notice Errors of TrancheEscrow.
interface ITrancheEscrowErrors {
    /// @notice The plan is not an EDUCATION plan.
    error NotEducationPlan(address plan);
    /// @notice Only the plan's creator sets its terms.
    error NotPlanCreator(address account);
    /// @notice The plan's terms were set already (they never change).
    error TermsAlreadySet(address plan);
    /// @notice Terms are set before the plan's first claim.
    error ClaimsExist(uint256 claimCount);
    /// @notice Tranches must be 1..MAX_TRANCHES and a term 1 day..366 days.
    error InvalidTerms(uint256 tranches, uint256 termLength);
    /// @notice Only the claimant names the institution (same error as the plan's).
    error NotClaimant(uint256 claimId, address account);
    /// @notice The institution is named while the claim is SUBMITTED and no assessor has voted.
    error NamingClosed(uint256 claimId);
    /// @notice The institution is named once; it can never be swapped.
    error InstitutionAlreadyNamed(uint256 claimId, address institution);
    /// @notice The institution cannot be zero or the claimant itself.
    error InvalidInstitution(address institution);
    /// @notice The claim has no institution named.
    error NoSchedule(uint256 claimId);
    /// @notice The claim is not PAID (approved and finalized).
    error ClaimNotPaid(uint256 claimId);
    /// @notice The schedule was stopped: nothing more is released.
    error ScheduleIsStopped(uint256 claimId);
    /// @notice Every tranche was released.
    error AllReleased(uint256 claimId);
    /// @notice Only one of the plan's assessors approves proofs of enrolment.
    error NotAssessor(address account);
    /// @notice This assessor already approved this proof for this term.
    error AlreadyApproved(address assessor, uint256 term);
    /// @notice The term opens at `opensAt`.
    error TermNotOpen(uint256 term, uint256 opensAt);
    /// @notice The plan has not paid the claim far enough for this tranche yet (it is owed).
    error TrancheNotPaid(uint256 needed, uint256 paid);
    /// @notice Only the claimant stops before the current term lapsed (at `lapsesAt`).
    error NotLapsed(uint256 lapsesAt);
    /// @notice Nothing unreleased to return.
    error NothingToReturn(uint256 claimId);
}
