// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {IReliefEvents} from "./IReliefEvents.sol";
import {IReliefErrors} from "./IReliefErrors.sol";
import {CloneArgs} from "./CloneArgs.sol";

/// @notice What a round needs from its factory and its campaigns.
interface IRoundCampaign {
    function round() external view returns (address);
    function sumSqrt() external view returns (uint256);
    function receiveMatch(uint256 amount) external;
    function refund() external returns (uint256);
}

/// @notice The factory's registry, as the round sees it.
interface ICampaignRegistry {
    function isCampaign(address account) external view returns (bool);
}

/// @title MatchingRound
/// @notice A sponsor's quadratic-matching pool for a round of relief campaigns (an EIP-1167 clone
///         made by ReliefCampaignFactory). Campaigns created for the round and admitted by the
///         sponsor before it starts (at most MAX_CAMPAIGNS) keep their own Σ√c (per donor, all its
///         donations inside the window summed first): a donation never calls the round, so it costs
///         about a plain donation. After the round ends the Σ√c are frozen; the first `payMatch`
///         adds up Σ over admitted campaigns of (Σ√c)² once (O(MAX_CAMPAIGNS), stored), and anyone
///         pays a campaign its match, `pool * (Σ√c)² / Σ(Σ√c)²` rounded down, into the campaign's
///         escrow, within CLAIM_WINDOW. The sum of matches never exceeds the pool. After the window
///         the sponsor pulls back what is left (unpaid matches, refunds of matches from failed
///         campaigns).
/// @dev Immutable arguments: 0 token 20 | 20 sponsor 20 | 40 factory 20 | 60 startsAt 5 | 65 endsAt 5.
contract MatchingRound is IReliefEvents, IReliefErrors, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;
    using SafeCast for uint256;

    uint256 private constant OFF_TOKEN = 0;
    uint256 private constant OFF_SPONSOR = 20;
    uint256 private constant OFF_FACTORY = 40;
    uint256 private constant OFF_STARTS = 60;
    uint256 private constant OFF_ENDS = 65;
    /// @notice How long after the round's end matches can be paid (then the sponsor reclaims).
    uint256 public constant CLAIM_WINDOW = 30 days;
    /// @notice Most campaigns a round admits (bounds the one sum of squares after the round).
    uint256 public constant MAX_CAMPAIGNS = 64;

    /// @dev pool: funded total; paid: matches paid out.
    struct Pool {
        uint128 pool;
        uint128 paid;
    }

    /// @dev 1 + Σ over admitted campaigns of (Σ√c)², set by the first payMatch after the round; 0 before
    ///      (one slot: the sum itself may be 0 when nothing was counted). Σ√c < 2^96, so no overflow.
    uint256 private _finalSquaresPlusOne;
    /// @dev The admitted campaigns, in admission order.
    address[] private _admitted;
    Pool private _pool;
    bool private _isImplementation;
    /// @notice Admitted campaigns.
    mapping(address => bool) public admitted;
    /// @notice Campaigns whose match was paid.
    mapping(address => bool) public matchPaid;

    /// @notice Locks the implementation: only clones are rounds.
    constructor() {
        _isImplementation = true;
    }

    /// @notice Adds `amount` to the matching pool (anyone, until the round ends); the round must be
    ///         approved for it.
    /// @param amount token base units, > 0
    function fund(uint256 amount) external nonReentrant {
        if (_isImplementation) revert NotAClone();
        if (amount == 0) revert ZeroAmount();
        uint256 endsAt = CloneArgs.uintAt(OFF_ENDS, 40);
        if (block.timestamp >= endsAt) revert RoundEnded(endsAt);
        uint128 pool = _pool.pool + amount.toUint128();
        _pool.pool = pool;
        emit RoundFunded(msg.sender, amount, pool);
        IERC20(CloneArgs.addressAt(OFF_TOKEN)).safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @notice The sponsor admits `campaign` (created by the factory for this round) before the round
    ///         starts; only admitted campaigns are matched.
    /// @param campaign a ReliefCampaign naming this round
    function admit(address campaign) external {
        if (msg.sender != CloneArgs.addressAt(OFF_SPONSOR)) revert NotSponsor(msg.sender);
        uint256 startsAt = CloneArgs.uintAt(OFF_STARTS, 40);
        if (block.timestamp >= startsAt) revert RoundStarted(startsAt);
        if (!ICampaignRegistry(CloneArgs.addressAt(OFF_FACTORY)).isCampaign(campaign)
            || IRoundCampaign(campaign).round() != address(this)) {
            revert NotRoundCampaign(campaign);
        }
        if (admitted[campaign]) revert AlreadyAdmitted(campaign);
        if (_admitted.length >= MAX_CAMPAIGNS) revert TooManyCampaigns(MAX_CAMPAIGNS);
        admitted[campaign] = true;
        _admitted.push(campaign);
        emit CampaignAdmitted(campaign);
    }

    /// @notice Σ over admitted campaigns of (Σ√c)², in scaled units (see ReliefCampaign): the stored
    ///         sum once the first match was paid, else worked out now from the campaigns' Σ√c.
    function totalSquares() public view returns (uint256) {
        uint256 stored = _finalSquaresPlusOne;
        return stored != 0 ? stored - 1 : _sumOfSquares();
    }

    /// @notice The admitted campaigns, in admission order.
    function admittedCampaigns() external view returns (address[] memory) {
        return _admitted;
    }

    /// @notice Pays `campaign` its match into its escrow: `pool * square / totalSquares`. Anyone may
    ///         call it, once per campaign, after the round ends and within CLAIM_WINDOW. Reverts (and
    ///         the match stays for the sponsor) if the campaign failed or was cancelled.
    /// @param campaign an admitted campaign
    /// @return amount the match paid
    function payMatch(address campaign) external nonReentrant returns (uint256 amount) {
        uint256 endsAt = CloneArgs.uintAt(OFF_ENDS, 40);
        if (block.timestamp < endsAt) revert RoundNotEnded(endsAt);
        if (block.timestamp >= endsAt + CLAIM_WINDOW) revert ClaimWindowClosed(endsAt + CLAIM_WINDOW);
        if (!admitted[campaign]) revert NotAdmitted(campaign);
        if (matchPaid[campaign]) revert MatchAlreadyPaid(campaign);
        uint256 s = IRoundCampaign(campaign).sumSqrt();
        uint256 square = s * s;
        uint256 stored = _finalSquaresPlusOne;
        uint256 total;
        if (stored != 0) {
            total = stored - 1;
        } else {
            // the Σ√c no longer change after the round's end: add up the squares once, for every match
            total = _sumOfSquares();
            _finalSquaresPlusOne = total + 1;
            emit SquaresSummed(total, _admitted.length);
        }
        amount = total == 0 ? 0 : Math.mulDiv(_pool.pool, square, total);
        matchPaid[campaign] = true;
        _pool.paid += amount.toUint128();
        emit MatchPaid(campaign, amount, square, total);
        if (amount > 0) {
            IERC20(CloneArgs.addressAt(OFF_TOKEN)).safeTransfer(campaign, amount);
            IRoundCampaign(campaign).receiveMatch(amount);
        }
    }

    /// @notice Pulls this round's refund (its match) from a failed or cancelled campaign; anyone may call.
    /// @param campaign a campaign that received a match
    function recoverMatch(address campaign) external nonReentrant returns (uint256) {
        if (!admitted[campaign]) revert NotAdmitted(campaign);
        return IRoundCampaign(campaign).refund();
    }

    /// @notice After CLAIM_WINDOW the sponsor pulls back everything the round still holds.
    /// @return amount what was sent to the sponsor
    function reclaim() external nonReentrant returns (uint256 amount) {
        address sponsor = CloneArgs.addressAt(OFF_SPONSOR);
        if (msg.sender != sponsor) revert NotSponsor(msg.sender);
        uint256 closesAt = CloneArgs.uintAt(OFF_ENDS, 40) + CLAIM_WINDOW;
        if (block.timestamp < closesAt) revert ClaimWindowOpen(closesAt);
        IERC20 token = IERC20(CloneArgs.addressAt(OFF_TOKEN));
        amount = token.balanceOf(address(this));
        if (amount == 0) revert ZeroAmount();
        emit PoolReclaimed(sponsor, amount);
        token.safeTransfer(sponsor, amount);
    }

    /// @notice The round's terms.
    function terms() external view returns (address token, address sponsor, address factory, uint64 startsAt, uint64 endsAt) {
        return (
            CloneArgs.addressAt(OFF_TOKEN),
            CloneArgs.addressAt(OFF_SPONSOR),
            CloneArgs.addressAt(OFF_FACTORY),
            uint64(CloneArgs.uintAt(OFF_STARTS, 40)),
            uint64(CloneArgs.uintAt(OFF_ENDS, 40))
        );
    }

    /// @notice The pool funded and the matches paid so far.
    function poolBooks() external view returns (uint256 pool, uint256 paid) {
        Pool memory p = _pool;
        return (p.pool, p.paid);
    }

    /// @notice The match `campaign` would be paid if the round ended now (zero if not admitted or paid).
    function matchOf(address campaign) external view returns (uint256) {
        uint256 total = totalSquares();
        if (!admitted[campaign] || total == 0 || matchPaid[campaign]) return 0;
        uint256 s = IRoundCampaign(campaign).sumSqrt();
        return Math.mulDiv(_pool.pool, s * s, total);
    }

    /// @dev Σ over admitted campaigns of (Σ√c)² (at most MAX_CAMPAIGNS calls to sumSqrt()).
    function _sumOfSquares() private view returns (uint256 total) {
        uint256 n = _admitted.length;
        for (uint256 i = 0; i < n; ++i) {
            uint256 s = IRoundCampaign(_admitted[i]).sumSqrt();
            total += s * s;
        }
    }
}
