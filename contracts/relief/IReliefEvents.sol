// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title IReliefEvents
/// @notice Every event of the disaster-relief contracts: ReliefCampaignFactory, ReliefCampaign and
///         MatchingRound. Amounts are token base units of the campaign's (or round's) token.
interface IReliefEvents {
    // ------------------------------------------------------------------ factory
    /// @notice A campaign clone was created; its parameters are readable with its views.
    event CampaignCreated(
        address indexed campaign,
        address indexed beneficiary,
        address indexed round,
        address token,
        uint256 goal,
        uint64 deadline,
        bytes32 descriptionHash,
        uint256 campaignId
    );
    /// @notice A matching round clone was created by `sponsor`.
    event RoundCreated(
        address indexed round, address indexed sponsor, address token, uint64 startsAt, uint64 endsAt, uint256 roundId
    );

    // ------------------------------------------------------------------ campaign
    /// @notice `donor` donated `amount`; `donorTotal` is all it gave, `raised` the campaign's total.
    ///         `sumSqrt` is the campaign's matched Σ√c after it (unchanged outside its round's window).
    event Donated(address indexed donor, uint256 amount, uint256 donorTotal, uint256 raised, uint256 sumSqrt);
    /// @notice A verifier approved milestone `index` with evidence `evidenceHash` (`approvals` so far).
    event MilestoneApproved(uint256 indexed index, address indexed verifier, bytes32 indexed evidenceHash, uint256 approvals);
    /// @notice Milestone `index` reached the quorum: `amount` credited to the beneficiary.
    event MilestoneReleased(uint256 indexed index, bytes32 indexed evidenceHash, uint256 amount, uint256 released);
    /// @notice A verifier voted to cancel (`votes` so far).
    event CancelVoted(address indexed verifier, uint256 votes);
    /// @notice The verifiers' quorum cancelled the campaign; `refundable` is what donors share.
    event CampaignCancelled(uint256 refundable);
    /// @notice `donor` pulled its refund.
    event Refunded(address indexed donor, uint256 amount);
    /// @notice The beneficiary pulled `amount` of its released credit.
    event BeneficiaryWithdrew(address indexed beneficiary, uint256 amount);
    /// @notice The round paid its quadratic match into the campaign's escrow.
    event MatchReceived(address indexed round, uint256 amount);
    /// @notice `donor` pulled its `points` (one per whole token donated) after the campaign completed;
    ///         AidPoints emits PointsMinted(campaign, donor, points) in the same transaction.
    event DonorPointsClaimed(address indexed donor, uint256 points);

    // ------------------------------------------------------------------ round
    /// @notice `funder` added `amount` to the matching pool, now `pool`.
    event RoundFunded(address indexed funder, uint256 amount, uint256 pool);
    /// @notice The sponsor admitted `campaign` to the round.
    event CampaignAdmitted(address indexed campaign);
    /// @notice `campaign`'s match was paid into its escrow (`square` = its (Σ√c)², of `totalSquares`).
    event MatchPaid(address indexed campaign, uint256 amount, uint256 square, uint256 totalSquares);
    /// @notice The first match paid after the round added up Σ over its `campaigns` admitted campaigns of
    ///         (Σ√c)² once: `totalSquares`, the denominator of every match.
    event SquaresSummed(uint256 totalSquares, uint256 campaigns);
    /// @notice After the claim window the sponsor took back `amount` (unclaimed matches and refunds).
    event PoolReclaimed(address indexed sponsor, uint256 amount);
}
