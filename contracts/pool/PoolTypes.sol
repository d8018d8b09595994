// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @notice What a plan covers (R6). Listed by the factory per category.
enum Category {
    MEDICAL,
    EDUCATION,
    DISASTER,
    SHARED_PURCHASE,
    OTHER
}

/// @notice How members fund claims.
/// PREPAID: a contribution per period is charged lazily from the member's deposit into the reserve.
/// COST_SHARING: post-paid (相互宝 style); each paid claim plus the fee is split equally over the
/// covered members through a cumulative per-member index, capped per member per period.
enum ContributionModel {
    PREPAID,
    COST_SHARING
}

/// @notice Claim states; see ClaimTransitions and docs/claims.md. PAID and DENIED are final.
enum ClaimStatus {
    NONE,
    SUBMITTED,
    APPROVED,
    REJECTED,
    DISPUTED,
    PAID,
    DENIED
}

/// @notice Why a claim went to the jury.
enum DisputeKind {
    NONE,
    ESCALATED, // the assessors did not decide within the assessment window
    CHALLENGED, // a member challenged an approval during the notice window
    APPEALED // the claimant appealed a rejection during the notice window
}

/// @notice Why points accrued.
enum PointsReason {
    JOINING,
    CONTRIBUTION,
    JURY_VOTE,
    REFERRAL
}

/// @notice A plan's rules, fixed at creation and stored in the clone's code (immutable args).
/// Amounts are token base units (6 decimals); durations are seconds.
struct Rules {
    address asset; // ERC-20 stablecoin
    Category category;
    ContributionModel model;
    uint96 contribution; // PREPAID: charged per period
    uint32 period; // contribution / share-cap period
    uint32 gracePeriod; // PREPAID: time after the paid-through date before an unpaid member lapses
    uint16 feeBps; // service fee in basis points, <= 1000; can only be lowered later
    address feeReceiver;
    uint96 maxPayoutPerClaim;
    uint96 maxPayoutPerMemberPerYear;
    uint96 shareCapPerPeriod; // COST_SHARING: most a member can be charged per period
    uint32 waitingPeriod; // from joining until losses are covered
    uint32 assessmentWindow;
    uint32 noticeWindow; // public notice (公示期) after the assessors' decision
    uint32 juryWindow; // length of the commit phase and of the reveal phase
    uint96 claimBond;
    uint96 challengeBond; // also the appeal bond
    bytes32 rulesHash; // hash of the human-readable rules document
    address guardian; // may pause new joins and new claims only; zero = never pausable
    uint8 quorum; // assessor votes needed to approve
    address[] assessors;
}

/// @notice One member's account. Slot 0 is all a typical transaction touches.
struct Member {
    // slot 0
    uint96 balance; // free balance (after settled charges), always withdrawable
    uint40 joinedAt;
    uint40 paidThrough; // covered until this timestamp (both models)
    bool active;
    bool referred; // a referral reward is pending (referrer in slot 1)
    uint32 lastClaim; // id of the member's latest claim, 0 if none; open unless PAID or DENIED
    uint32 points; // accrued points not yet minted as AidPoints
    // slot 1
    address referrer; // cleared once the referral reward is granted
    // slot 2
    uint112 shareSnapshot; // COST_SHARING: share index at the last settlement
    uint8 rating; // 1-5 stars given to the plan, 0 = none
}

/// @notice One claim (the evidence hash lives only in the ClaimSubmitted event). The claimant's
///         claim-year totals travel with their latest claim, so a payout writes no member storage.
struct Claim {
    // slot 0
    address claimant;
    uint96 amount; // requested
    // slot 1
    ClaimStatus status;
    DisputeKind dispute;
    uint8 approvals;
    uint8 rejections;
    uint32 assessorVotes; // bit i set = assessor i voted
    uint32 submittedAt;
    uint32 deadline; // SUBMITTED: assessment end; APPROVED/REJECTED: notice end; DISPUTED: commit end
    uint16 juryFor;
    uint16 juryAgainst;
    uint32 yearStart; // start of the claimant's current claim year
    uint64 paidInYear; // paid to the claimant in that claim year, this claim included once paid
    // slot 2
    address challenger;
}
