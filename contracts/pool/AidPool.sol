// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {IAidPoolEvents} from "../interfaces/IAidPoolEvents.sol";

/// @title AidPool
/// @notice One mutual-aid plan (互助计划). Members deposit into a free balance; contributions
///         (互助金) are charged per period, lazily, from that balance into the shared reserve;
///         a claim approved by the assessors' quorum is paid from the reserve by `finalize`,
///         which anyone may call. The rules are fixed at deployment and nobody can take the
///         reserve except through them.
contract AidPool is IAidPoolEvents, ReentrancyGuard {
    using SafeERC20 for IERC20;

    /// @notice Claim states.
    enum ClaimStatus { None, Submitted, Approved, Rejected, Paid }

    /// @notice The plan's immutable rules.
    struct Rules {
        uint256 contribution;       // charged per period, in token base units
        uint64 period;              // seconds
        uint64 waitingPeriod;       // seconds from joining until claims are allowed
        uint256 maxPayoutPerClaim;  // token base units
        uint8 quorum;               // assessor votes needed to approve or reject
        address[] assessors;
    }

    /// @notice One member's account.
    struct Member {
        uint64 joinedAt;
        uint64 paidThrough;  // contributions are paid up to this timestamp
        bool active;
        uint256 balance;     // free balance, always withdrawable
        uint256 openClaim;   // id of the member's open claim, 0 if none
    }

    /// @notice One claim.
    struct Claim {
        address claimant;
        uint256 amount;
        bytes32 evidenceHash;
        ClaimStatus status;
        uint8 approvals;
        uint8 rejections;
        uint64 submittedAt;
    }

    /// @notice Upper bound on the assessor set.
    uint256 public constant MAX_ASSESSORS = 32;

    error ZeroAddress();
    error InvalidRules(string reason);
    error AlreadyMember(address member);
    error NotMember(address member);
    error ZeroAmount();
    error InsufficientBalance(uint256 requested, uint256 available);
    error WaitingPeriod(uint64 eligibleAt);
    error ClaimAboveMax(uint256 amount, uint256 max);
    error ClaimAlreadyOpen(uint256 claimId);
    error NotAssessor(address account);
    error AlreadyVoted(uint256 claimId, address assessor);
    error UnknownClaim(uint256 claimId);
    error WrongClaimStatus(uint256 claimId, ClaimStatus status);
    error InsufficientReserve(uint256 amount, uint256 reserve);
    error ClaimantCannotVote(uint256 claimId);

    /// @notice The pool's token, a 6-decimal stablecoin.
    IERC20 public immutable asset;
    uint256 public immutable contribution;
    uint64 public immutable period;
    uint64 public immutable waitingPeriod;
    uint256 public immutable maxPayoutPerClaim;
    uint8 public immutable quorum;

    /// @notice Money held for paying claims.
    uint256 public reserve;
    /// @notice Sum of all members' free balances.
    uint256 public totalBalances;
    /// @notice Number of claims ever submitted; ids start at 1.
    uint256 public claimCount;
    /// @notice Number of active members.
    uint256 public activeMembers;

    address[] private _assessors;
    mapping(address => bool) public isAssessor;
    mapping(address => Member) private _members;
    mapping(uint256 => Claim) private _claims;
    mapping(uint256 => mapping(address => bool)) public hasVoted;

    /// @param asset_ the pool token
    /// @param rules the plan's rules, fixed for its lifetime
    constructor(IERC20 asset_, Rules memory rules) {
        if (address(asset_) == address(0)) revert ZeroAddress();
        if (rules.period == 0) revert InvalidRules("period is zero");
        if (rules.maxPayoutPerClaim == 0) revert InvalidRules("max payout is zero");
        uint256 n = rules.assessors.length;
        if (n == 0 || n > MAX_ASSESSORS) revert InvalidRules("assessor count");
        if (rules.quorum == 0 || rules.quorum > n) revert InvalidRules("quorum");
        for (uint256 i = 0; i < n; ++i) {
            address a = rules.assessors[i];
            if (a == address(0)) revert ZeroAddress();
            if (isAssessor[a]) revert InvalidRules("duplicate assessor");
            isAssessor[a] = true;
            _assessors.push(a);
        }
        asset = asset_;
        contribution = rules.contribution;
        period = rules.period;
        waitingPeriod = rules.waitingPeriod;
        maxPayoutPerClaim = rules.maxPayoutPerClaim;
        quorum = rules.quorum;
    }

    // ------------------------------------------------------------------ membership

    /// @notice Joins the plan with a first deposit that covers at least one period's contribution.
    ///         Claims are allowed once the waiting period has passed.
    /// @param amount first deposit in token base units; the pool must be approved for it
    function join(uint256 amount) external nonReentrant {
        Member storage m = _members[msg.sender];
        if (m.active) revert AlreadyMember(msg.sender);
        if (amount < contribution || amount == 0) revert InsufficientBalance(contribution, amount);
        uint64 nowTs = uint64(block.timestamp);
        m.joinedAt = nowTs;
        m.paidThrough = nowTs;
        m.active = true;
        ++activeMembers;
        emit MemberJoined(msg.sender, nowTs, nowTs + waitingPeriod);
        _credit(msg.sender, m, amount);
        _settle(msg.sender, m);
        asset.safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @notice Deposits `amount` into the caller's free balance and settles due contributions.
    /// @param amount token base units; the pool must be approved for it
    function deposit(uint256 amount) external nonReentrant {
        if (amount == 0) revert ZeroAmount();
        Member storage m = _members[msg.sender];
        if (!m.active) revert NotMember(msg.sender);
        _credit(msg.sender, m, amount);
        _settle(msg.sender, m);
        asset.safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @notice Withdraws from the caller's free balance. Always possible, for members and ex-members.
    /// @param amount token base units
    function withdraw(uint256 amount) external nonReentrant {
        if (amount == 0) revert ZeroAmount();
        Member storage m = _members[msg.sender];
        if (m.active) _settle(msg.sender, m);
        if (amount > m.balance) revert InsufficientBalance(amount, m.balance);
        m.balance -= amount;
        totalBalances -= amount;
        emit Withdrawn(msg.sender, amount, m.balance);
        asset.safeTransfer(msg.sender, amount);
    }

    /// @notice Charges the contributions due from `member` up to now (anyone may call).
    /// @param member the member to settle
    function settle(address member) external {
        Member storage m = _members[member];
        if (!m.active) revert NotMember(member);
        _settle(member, m);
    }

    function _credit(address who, Member storage m, uint256 amount) private {
        m.balance += amount;
        totalBalances += amount;
        emit Deposited(who, amount, m.balance);
    }

    /// @dev Contributions are paid in advance: every period that has started must be paid.
    ///      A member who cannot pay for the current period lapses.
    function _settle(address who, Member storage m) private {
        if (m.paidThrough > block.timestamp) return;
        uint256 due = (block.timestamp - m.paidThrough) / period + 1;
        uint256 affordable = contribution == 0 ? due : m.balance / contribution;
        uint256 charged = affordable < due ? affordable : due;
        if (charged > 0) {
            uint256 amount = charged * contribution;
            m.balance -= amount;
            totalBalances -= amount;
            reserve += amount;
            m.paidThrough += uint64(charged * period);
            emit ContributionCharged(who, charged, amount, m.paidThrough);
        }
        if (m.paidThrough <= block.timestamp) {
            m.active = false;
            --activeMembers;
            emit MemberLapsed(who, m.paidThrough);
        }
    }

    // ------------------------------------------------------------------ claims

    /// @notice Submits a claim for `amount`, backed by the hash of off-chain evidence.
    /// @param amount token base units, at most maxPayoutPerClaim
    /// @param evidenceHash hash of the evidence document (never the document itself)
    /// @return claimId the new claim's id
    function submitClaim(uint256 amount, bytes32 evidenceHash) external returns (uint256 claimId) {
        Member storage m = _members[msg.sender];
        if (!m.active) revert NotMember(msg.sender);
        _settle(msg.sender, m);
        if (!m.active) revert NotMember(msg.sender);
        uint64 eligibleAt = m.joinedAt + waitingPeriod;
        if (block.timestamp < eligibleAt) revert WaitingPeriod(eligibleAt);
        if (amount == 0) revert ZeroAmount();
        if (amount > maxPayoutPerClaim) revert ClaimAboveMax(amount, maxPayoutPerClaim);
        if (m.openClaim != 0) revert ClaimAlreadyOpen(m.openClaim);
        claimId = ++claimCount;
        _claims[claimId] = Claim({
            claimant: msg.sender,
            amount: amount,
            evidenceHash: evidenceHash,
            status: ClaimStatus.Submitted,
            approvals: 0,
            rejections: 0,
            submittedAt: uint64(block.timestamp)
        });
        m.openClaim = claimId;
        emit ClaimSubmitted(claimId, msg.sender, amount, evidenceHash);
    }

    /// @notice An assessor approves or rejects a submitted claim; the quorum decides.
    /// @param claimId the claim
    /// @param approve true to approve, false to reject
    function vote(uint256 claimId, bool approve) external {
        if (!isAssessor[msg.sender]) revert NotAssessor(msg.sender);
        Claim storage c = _claimAt(claimId);
        if (c.status != ClaimStatus.Submitted) revert WrongClaimStatus(claimId, c.status);
        if (c.claimant == msg.sender) revert ClaimantCannotVote(claimId);
        if (hasVoted[claimId][msg.sender]) revert AlreadyVoted(claimId, msg.sender);
        hasVoted[claimId][msg.sender] = true;
        emit ClaimVoted(claimId, msg.sender, approve);
        if (approve) {
            if (++c.approvals >= quorum) {
                c.status = ClaimStatus.Approved;
                emit ClaimApproved(claimId, c.amount);
            }
        } else if (++c.rejections > _assessors.length - quorum) {
            c.status = ClaimStatus.Rejected;
            _members[c.claimant].openClaim = 0;
            emit ClaimRejected(claimId);
        }
    }

    /// @notice Pays an approved claim from the reserve. Anyone may call it.
    /// @param claimId the claim
    function finalize(uint256 claimId) external nonReentrant {
        Claim storage c = _claimAt(claimId);
        if (c.status != ClaimStatus.Approved) revert WrongClaimStatus(claimId, c.status);
        uint256 amount = c.amount;
        if (amount > reserve) revert InsufficientReserve(amount, reserve);
        c.status = ClaimStatus.Paid;
        reserve -= amount;
        address claimant = c.claimant;
        _members[claimant].openClaim = 0;
        emit ClaimPaid(claimId, claimant, amount);
        asset.safeTransfer(claimant, amount);
    }

    // ------------------------------------------------------------------ views

    /// @notice A member's account.
    function memberOf(address member) external view returns (Member memory) {
        return _members[member];
    }

    /// @notice A claim by id.
    function claimOf(uint256 claimId) external view returns (Claim memory) {
        return _claims[claimId];
    }

    /// @notice The assessor set.
    function assessors() external view returns (address[] memory) {
        return _assessors;
    }

    function _claimAt(uint256 claimId) private view returns (Claim storage c) {
        c = _claims[claimId];
        if (c.status == ClaimStatus.None) revert UnknownClaim(claimId);
    }
}
