// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Clones} from "@openzeppelin/contracts/proxy/Clones.sol";
import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {IReliefEvents} from "./IReliefEvents.sol";
import {IReliefErrors} from "./IReliefErrors.sol";
import {CampaignParams, Milestone} from "./ReliefTypes.sol";
import {MatchingRound} from "./MatchingRound.sol";
import {Paging} from "../utils/Paging.sol";
import {AidPoints} from "../points/AidPoints.sol";
import {IPlanRegistry} from "../interfaces/IPlanRegistry.sol";

/// @title ReliefCampaignFactory
/// @notice Creates disaster-relief campaigns and quadratic-matching rounds as EIP-1167 clones with
///         their terms in the clones' immutable arguments, and keeps the registry. It has no owner
///         and no function that touches anyone's funds. It deploys its own AidPoints, whose only
///         minters are its campaigns (donor points, kept per campaign; see ReliefCampaign.claimPoints).
contract ReliefCampaignFactory is IReliefEvents, IReliefErrors, IPlanRegistry {
    /// @notice Most verifiers per campaign (their approvals are a 32-bit bitmap).
    uint256 public constant MAX_VERIFIERS = 32;
    /// @notice Most milestones per campaign.
    uint256 public constant MAX_MILESTONES = 32;
    /// @notice Longest fundraising period and longest round.
    uint256 public constant MAX_DURATION = 366 days;
    /// @notice Largest token decimals supported (contributions are scaled to 18 for matching).
    uint8 public constant MAX_DECIMALS = 18;

    /// @notice The ReliefCampaign implementation every campaign delegates to.
    address public immutable campaignImplementation;
    /// @notice The MatchingRound implementation every round delegates to.
    address public immutable roundImplementation;
    /// @notice Donor points: non-transferable, minted only by this factory's campaigns, per campaign.
    AidPoints public immutable points;

    address[] private _campaigns;
    address[] private _rounds;
    /// @notice Who created each campaign (zero for addresses that are not campaigns).
    mapping(address => address) public creatorOf;
    /// @notice Rounds created by this factory.
    mapping(address => bool) public isRound;

    /// @param campaignImplementation_ a deployed ReliefCampaign
    /// @param roundImplementation_ a deployed MatchingRound
    constructor(address campaignImplementation_, address roundImplementation_) {
        if (campaignImplementation_ == address(0) || roundImplementation_ == address(0)) revert ZeroAddress();
        if (campaignImplementation_.code.length == 0) revert NotAContract(campaignImplementation_);
        if (roundImplementation_.code.length == 0) revert NotAContract(roundImplementation_);
        campaignImplementation = campaignImplementation_;
        roundImplementation = roundImplementation_;
        points = new AidPoints(IPlanRegistry(address(this)));
    }

    /// @notice Creates a campaign; invalid parameters revert with a named error (IReliefErrors).
    /// @param p the campaign's terms, fixed for its lifetime
    /// @return campaign the new campaign's address
    function createCampaign(CampaignParams calldata p) external returns (address campaign) {
        uint8 decimals = _checkToken(p.token);
        if (p.beneficiary == address(0)) revert ZeroAddress();
        if (p.goal == 0) revert ZeroGoal();
        if (p.deadline <= block.timestamp || p.deadline > block.timestamp + MAX_DURATION) {
            revert InvalidDeadline(p.deadline, block.timestamp);
        }
        _checkVerifiers(p.verifiers, p.quorum);
        _checkMilestones(p.milestones, p.goal);
        uint40 startsAt;
        uint40 endsAt;
        if (p.round != address(0)) {
            if (!isRound[p.round]) revert UnknownRound(p.round);
            address roundToken;
            (roundToken,,, startsAt, endsAt) = _roundTerms(p.round);
            if (roundToken != p.token) revert TokenMismatch(p.token, roundToken);
        }
        bytes memory args = abi.encodePacked(
            p.token, p.beneficiary, p.round, p.goal, p.deadline, decimals, p.quorum, uint8(p.verifiers.length)
        );
        args = abi.encodePacked(args, uint8(p.milestones.length), p.descriptionHash, startsAt, endsAt, address(points));
        for (uint256 i = 0; i < p.verifiers.length; ++i) {
            args = bytes.concat(args, bytes20(p.verifiers[i]));
        }
        for (uint256 i = 0; i < p.milestones.length; ++i) {
            args = bytes.concat(args, abi.encodePacked(p.milestones[i].amount, p.milestones[i].descriptionHash));
        }
        campaign = Clones.cloneWithImmutableArgs(campaignImplementation, args);
        creatorOf[campaign] = msg.sender;
        uint256 id = _campaigns.length;
        _campaigns.push(campaign);
        emit CampaignCreated(campaign, p.beneficiary, p.round, p.token, p.goal, p.deadline, p.descriptionHash, id);
    }

    /// @notice Creates a matching round sponsored by the caller; fund it with `round.fund`.
    /// @param token the ERC-20 of the pool (campaigns of the round must use it)
    /// @param startsAt donations from this time count (campaigns are admitted before it)
    /// @param endsAt donations until this time count; matches are paid after it
    /// @return round the new round's address
    function createRound(address token, uint40 startsAt, uint40 endsAt) external returns (address round) {
        _checkToken(token);
        if (startsAt <= block.timestamp || endsAt <= startsAt || endsAt > block.timestamp + MAX_DURATION) {
            revert InvalidRoundWindow(startsAt, endsAt);
        }
        round = Clones.cloneWithImmutableArgs(
            roundImplementation, abi.encodePacked(token, msg.sender, address(this), startsAt, endsAt)
        );
        isRound[round] = true;
        uint256 id = _rounds.length;
        _rounds.push(round);
        emit RoundCreated(round, msg.sender, token, startsAt, endsAt, id);
    }

    /// @notice Whether `account` is a campaign created by this factory.
    function isCampaign(address account) external view returns (bool) {
        return creatorOf[account] != address(0);
    }

    /// @notice For this factory's AidPoints: the registered minters are its campaigns (same as isCampaign).
    function isPlan(address account) external view returns (bool) {
        return creatorOf[account] != address(0);
    }

    /// @notice Number of campaigns created.
    function campaignCount() external view returns (uint256) {
        return _campaigns.length;
    }

    /// @notice Number of rounds created.
    function roundCount() external view returns (uint256) {
        return _rounds.length;
    }

    /// @notice Up to `limit` campaigns from `offset`, in creation order.
    function campaigns(uint256 offset, uint256 limit) external view returns (address[] memory) {
        return Paging.page(_campaigns, offset, limit);
    }

    /// @notice Up to `limit` rounds from `offset`, in creation order.
    function rounds(uint256 offset, uint256 limit) external view returns (address[] memory) {
        return Paging.page(_rounds, offset, limit);
    }

    /// @dev A token is a contract with at most MAX_DECIMALS decimals; returns its decimals (kept in
    ///      the campaign's arguments).
    function _checkToken(address token) private view returns (uint8 decimals) {
        if (token == address(0)) revert ZeroAddress();
        if (token.code.length == 0) revert NotAContract(token);
        decimals = IERC20Metadata(token).decimals();
        if (decimals > MAX_DECIMALS) revert UnsupportedDecimals(decimals);
    }

    /// @dev 1..MAX_VERIFIERS distinct non-zero verifiers and a quorum among them (O(n²), n <= MAX_VERIFIERS).
    function _checkVerifiers(address[] calldata verifiers, uint8 quorum) private pure {
        uint256 n = verifiers.length;
        if (n == 0 || n > MAX_VERIFIERS) revert InvalidVerifierCount(n);
        if (quorum == 0 || quorum > n) revert InvalidQuorum(quorum, n);
        for (uint256 i = 0; i < n; ++i) {
            if (verifiers[i] == address(0)) revert ZeroAddress();
            for (uint256 j = 0; j < i; ++j) {
                if (verifiers[j] == verifiers[i]) revert DuplicateVerifier(verifiers[i]);
            }
        }
    }

    /// @dev 1..MAX_MILESTONES non-zero milestones that add up to the goal exactly.
    function _checkMilestones(Milestone[] calldata milestones, uint256 goal) private pure {
        uint256 n = milestones.length;
        if (n == 0 || n > MAX_MILESTONES) revert InvalidMilestoneCount(n);
        uint256 sum;
        for (uint256 i = 0; i < n; ++i) {
            if (milestones[i].amount == 0) revert ZeroMilestone(i);
            sum += milestones[i].amount;
        }
        if (sum != goal) revert MilestonesNotGoal(sum, goal);
    }

    /// @dev A matching round's token and window, narrowed to the campaign's 40-bit timestamps
    ///      (the round stores them in 40 bits, so nothing is cut).
    function _roundTerms(address round)
        private
        view
        returns (address token, address sponsor, address factory, uint40 startsAt, uint40 endsAt)
    {
        uint64 s;
        uint64 e;
        (token, sponsor, factory, s, e) = MatchingRound(round).terms();
        return (token, sponsor, factory, uint40(s), uint40(e));
    }
}
