// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {CampaignStatus} from "./ReliefTypes.sol";

/// @title IReliefErrors
/// @notice Every revert of the disaster-relief contracts.
interface IReliefErrors {
    // ------------------------------------------------------------------ factory
    /// @notice A required address (token, beneficiary, verifier, implementation) is zero.
    error ZeroAddress();
    /// @notice The address has no code.
    error NotAContract(address account);
    /// @notice The token reports more than 18 decimals.
    error UnsupportedDecimals(uint8 decimals);
    /// @notice The goal is zero.
    error ZeroGoal();
    /// @notice The deadline is not in the future or further than MAX_DURATION.
    error InvalidDeadline(uint256 deadline, uint256 nowTs);
    /// @notice There must be 1 to MAX_VERIFIERS verifiers.
    error InvalidVerifierCount(uint256 count);
    /// @notice The quorum must be between 1 and the number of verifiers.
    error InvalidQuorum(uint8 quorum, uint256 verifiers);
    /// @notice A verifier appears twice.
    error DuplicateVerifier(address verifier);
    /// @notice There must be 1 to MAX_MILESTONES milestones.
    error InvalidMilestoneCount(uint256 count);
    /// @notice A milestone amount is zero.
    error ZeroMilestone(uint256 index);
    /// @notice The milestone amounts must add up to the goal.
    error MilestonesNotGoal(uint256 sum, uint256 goal);
    /// @notice The round is not a round of this factory.
    error UnknownRound(address round);
    /// @notice The campaign's token differs from its round's.
    error TokenMismatch(address token, address roundToken);
    /// @notice The round's window is empty, already started, or too long.
    error InvalidRoundWindow(uint256 startsAt, uint256 endsAt);

    // ------------------------------------------------------------------ campaign
    /// @notice The implementation itself cannot be used; only its clones.
    error NotAClone();
    /// @notice Amount must be greater than zero.
    error ZeroAmount();
    /// @notice The campaign is `current`; the action needs one of `expectedStates` (bit
    ///         `1 << status` set for each status it accepts, as OpenZeppelin's
    ///         GovernorUnexpectedProposalState).
    error UnexpectedCampaignStatus(CampaignStatus current, bytes32 expectedStates);
    /// @notice Donations are accepted only before the deadline.
    error FundraisingClosed(uint256 deadline);
    /// @notice The caller is not one of the campaign's verifiers.
    error NotVerifier(address account);
    /// @notice Only the next unpaid milestone can be approved.
    error NotNextMilestone(uint256 index, uint256 next);
    /// @notice This verifier already approved this milestone with this evidence (or already voted to cancel).
    error AlreadyVoted(address verifier);
    /// @notice The caller has nothing to refund.
    error NothingToRefund(address account);
    /// @notice The caller is not the beneficiary.
    error NotBeneficiary(address account);
    /// @notice The beneficiary has no released credit to withdraw.
    error NothingToWithdraw();
    /// @notice Only the campaign's round may call this.
    error NotRound(address account);

    // ------------------------------------------------------------------ round
    /// @notice The caller is not the round's sponsor.
    error NotSponsor(address account);
    /// @notice Campaigns are admitted only before the round starts.
    error RoundStarted(uint256 startsAt);
    /// @notice The round has not ended yet.
    error RoundNotEnded(uint256 endsAt);
    /// @notice Funding is accepted only until the round ends.
    error RoundEnded(uint256 endsAt);
    /// @notice The campaign was not created by the factory for this round.
    error NotRoundCampaign(address campaign);
    /// @notice The campaign is already admitted.
    error AlreadyAdmitted(address campaign);
    /// @notice The campaign is not admitted to this round.
    error NotAdmitted(address campaign);
    /// @notice The campaign's match was already paid.
    error MatchAlreadyPaid(address campaign);
    /// @notice Matches can be paid only within CLAIM_WINDOW after the round ends.
    error ClaimWindowClosed(uint256 closedAt);
    /// @notice The sponsor can reclaim only after the claim window.
    error ClaimWindowOpen(uint256 closesAt);
    /// @notice The donor already pulled its points from this campaign.
    error PointsAlreadyClaimed(address donor);
    /// @notice A round admits at most this many campaigns.
    error TooManyCampaigns(uint256 max);
    /// @notice The account donated less than one whole token here: no points.
    error NoPointsEarned(address account);
}
