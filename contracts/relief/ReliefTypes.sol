// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @notice Where a relief campaign stands; derived from its books and the clock, never stored.
/// @dev FUNDRAISING: before the deadline, goal not reached. FUNDED: goal reached, milestones being
///      released (donations still accepted until the deadline). COMPLETED: every milestone paid.
///      FAILED: deadline passed below the goal (refunds). CANCELLED: verifiers' quorum cancelled it
///      (refunds of what is left).
enum CampaignStatus {
    FUNDRAISING,
    FUNDED,
    COMPLETED,
    FAILED,
    CANCELLED
}

/// @notice One milestone of a campaign: the amount it releases and the hash of its description.
struct Milestone {
    uint128 amount;
    bytes32 descriptionHash;
}

/// @notice What a campaign is created with (see ReliefCampaignFactory.createCampaign).
struct CampaignParams {
    /// ERC-20 held in escrow (any decimals up to 18)
    address token;
    /// receives released milestones (by credit, pulled with withdraw)
    address beneficiary;
    /// a MatchingRound of the same factory and token, or address(0)
    address round;
    /// donations needed by the deadline; equals the sum of the milestone amounts
    uint128 goal;
    /// end of fundraising (Unix seconds)
    uint40 deadline;
    /// approvals (or cancel votes) needed, 1..verifiers.length
    uint8 quorum;
    /// hash of the campaign's description document
    bytes32 descriptionHash;
    /// addresses that approve milestone evidence or cancel
    address[] verifiers;
    /// paid in order; the last one also releases any excess over the goal and the match
    Milestone[] milestones;
}
