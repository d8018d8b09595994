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

/// @notice How a plan was closed (wind-down).
enum CloseReason {
    MEMBERS_VOTE, // more than half of the covered members voted to close within one period
    BELOW_FLOOR, // covered members stayed below the rules' floor for `floorPeriods` periods
    CREATOR // the creator closed it before anyone joined
}

/// @notice A plan's rules, fixed at creation and stored in the clone's code (immutable args).
/// Amounts are token base units (any decimals: amounts and caps are uint96, enough for 18-decimal
/// tokens); durations are seconds.
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
    uint32 filingWindow; // a loss must be claimed within this time after it happened
    uint16 minMembers; // wind-down floor of covered members (0 = never closes for lack of members)
    uint16 floorPeriods; // periods below the floor after which anyone may close the plan
    uint8 panelSize; // jury: jurors drawn per dispute (0 = the jury module's default)
    uint96 jurorDeposit; // jury: deposit a drawn juror posts, forfeited when not revealed
    address[] assessors;
}

/// @notice One member's account. Slot 0 is all a typical transaction touches.
struct Member {
    // slot 0
    uint96 balance; // free balance (after settled charges), always withdrawable
    uint32 joinedAt;
    uint40 paidThrough; // covered until this timestamp (both models)
    bool active;
    uint8 flags; // MemberFlags: referral pending, joining points pending, joining points granted
    uint24 lastClaim; // id of the member's latest claim, 0 if none; open unless PAID or DENIED
    uint24 points; // accrued points not yet minted as AidPoints
    uint24 registryIndex; // 1-based position in the member registry, 0 = not registered
    // slot 1
    address referrer; // cleared once the referral reward is granted
    uint32 closeVoteRound; // period + 1 of the member's last vote to close the plan
    // slot 2
    uint112 shareSnapshot; // COST_SHARING: share index at the last settlement
    uint8 rating; // 1-5 stars given to the plan, 0 = none
    uint40 gapFrom; // PREPAID: start of the latest uncovered gap (arrears paid late)
    uint40 gapTo; // PREPAID: end of that gap; a loss inside [gapFrom, gapTo) is not covered
}

/// @notice Bits of Member.flags.
library MemberFlags {
    uint8 internal constant REFERRAL_PENDING = 1; // referrer rewarded once the waiting period is over
    uint8 internal constant JOIN_POINTS_PENDING = 2; // joining points vest once the waiting period is over
    uint8 internal constant JOIN_POINTS_GRANTED = 4; // joining points were granted in this plan (never again)
    uint8 internal constant HAS_GAP = 8; // PREPAID: gapFrom/gapTo hold an uncovered gap
}

/// @notice One claim as the views return it (claimOf); see ClaimRecord for how it is stored.
struct Claim {
    address claimant;
    uint96 amount; // requested
    ClaimStatus status;
    DisputeKind dispute;
    uint8 approvals;
    uint8 rejections;
    uint32 assessorVotes; // bit i set = assessor i voted
    uint32 submittedAt;
    uint32 deadline; // SUBMITTED: assessment end; APPROVED/REJECTED: notice end; DISPUTED: commit end
    uint16 juryFor; // the current jury round's revealed votes
    uint16 juryAgainst;
    uint32 yearStart; // start of the claimant's current claim year
    uint96 paidInYear; // granted to the claimant in that claim year (paid or owed), this claim included
    uint80 paid; // credited to the claimant so far
    uint80 owed; // approved but not yet paid: paid first-in-first-out as money arrives
    address challenger; // the member who challenged it, if anyone did
}

/// @notice One claim as stored (the evidence hash lives only in the ClaimSubmitted event). Two
///         slots on the common path: submit creates them, every later step rewrites slot 1. The
///         claimant's claim-year totals travel with their latest claim, so a payout writes no
///         member storage beyond the credit. The challenger and the jury's votes live in the
///         dispute's panel (Jury.Panel), written when a dispute opens.
struct ClaimRecord {
    // slot 0
    address claimant;
    uint96 amount; // requested (<= RulesValidation.MAX_PAYOUT_PER_CLAIM, 80 bits)
    // slot 1
    ClaimStatus status;
    DisputeKind dispute;
    uint8 approvals;
    uint8 rejections;
    uint32 assessorVotes; // bit i set = assessor i voted
    uint32 submittedAt;
    uint32 deadline; // SUBMITTED: assessment end; APPROVED/REJECTED: notice end; DISPUTED: commit end
    uint32 yearStart; // start of the claimant's current claim year
    uint96 paidInYear; // granted to the claimant in that claim year (paid or owed), this claim included
    // slot 2: written only when a grant is not paid its requested amount at once (a rest owed, or
    // a cut by the yearly maximum); a PAID claim without it was paid `amount` in full
    uint80 paid; // credited to the claimant so far
    uint80 owed; // approved but not yet paid: paid first-in-first-out as money arrives
    bool recorded; // paid and owed above hold the payment
}
