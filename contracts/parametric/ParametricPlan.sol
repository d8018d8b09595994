// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {CloneArgs} from "../relief/CloneArgs.sol";
import {IParametricEvents, IParametricErrors} from "./IParametric.sol";

/// @title ParametricPlan
/// @notice A parametric disaster plan (灾难救助, DISASTER): members buy cover for a region by the
///         period; the plan's oracle signs EIP-712 attestations of disasters (event id, region,
///         severity, time, nonce, deadline; bound to the chain and to this plan, so one cannot be
///         replayed elsewhere). Anyone posts an attestation; it opens a claim window in which every
///         member registered in that region, covered at the event's time, claims the preset payout
///         once: no assessment and no loop over members (O(1) per claim). Payouts are credited and
///         withdrawn by the member (pull). The reserve pays first come, first served: a claim the
///         reserve cannot pay in full reverts (ReserveShort) rather than being cut in silence.
///         EIP-1167 clone with immutable terms (ParametricPlanFactory); no owner, no admin path to money.
contract ParametricPlan is ReentrancyGuard, EIP712, IParametricEvents, IParametricErrors {
    using SafeERC20 for IERC20;
    using SafeCast for uint256;

    /// @notice EIP-712 type of an oracle's attestation.
    bytes32 public constant ATTESTATION_TYPEHASH = keccak256(
        "Attestation(uint256 eventId,uint32 region,uint16 severity,uint64 eventTime,uint256 nonce,uint64 deadline)"
    );

    /// @notice One disaster as the oracle attested it.
    struct Attestation {
        uint256 eventId;
        uint32 region;
        uint16 severity;
        uint64 eventTime;
        uint256 nonce;
        uint64 deadline;
    }

    /// @notice A member: one slot.
    struct Member {
        uint32 region; // fixed at the first purchase of cover
        uint40 coveredFrom; // first purchase + waiting period
        uint40 coveredUntil;
        uint32 index; // 1-based, in order of first purchase: the member's bit in each event's claimed bitmaps
        uint96 credit; // payouts claimed, not yet withdrawn
    }

    /// @notice An attested (event, region): when it happened and until when it can be claimed.
    struct Disaster {
        uint64 eventTime;
        uint64 windowEnd;
        uint16 severity;
    }

    /// @notice Money for payouts (contributions and gifts, less payouts credited).
    uint112 public reserve;
    /// @notice Payouts credited to members and not yet withdrawn (one slot with the reserve).
    uint112 public credited;
    /// @notice Members so far (each gets the next index at their first purchase).
    uint32 public memberCount;
    mapping(address => Member) private _members;
    mapping(bytes32 => Disaster) private _disasters; // key(eventId, region)
    mapping(uint256 => bool) public nonceUsed;
    /// @dev key(eventId, region, index / 256) => bit (index % 256) set once that member claimed: a claim
    ///      writes a fresh slot only for the first claimant of each 256 members (22.1k), else 5k
    mapping(bytes32 => uint256) private _claimed;

    // immutable arguments: token 20, oracle 20, contribution 16, payout 16, period 4, waiting 4, window 4, minSeverity 2, maxPeriods 2
    uint256 private constant TOKEN = 0;
    uint256 private constant ORACLE = 20;
    uint256 private constant CONTRIBUTION = 40;
    uint256 private constant PAYOUT = 56;
    uint256 private constant PERIOD = 72;
    uint256 private constant WAITING = 76;
    uint256 private constant WINDOW = 80;
    uint256 private constant MIN_SEVERITY = 84;
    uint256 private constant MAX_PERIODS = 86;

    /// @dev The implementation's own address: it holds no plan (its code is not a clone's arguments).
    address private immutable _implementation = address(this);

    constructor() EIP712("Huzhu Parametric Plan", "1") {}

    modifier onlyClone() {
        if (address(this) == _implementation) revert NotAClone();
        _;
    }

    // =================================================================== members

    /// @notice Buys `periods` periods of cover (the first purchase names the member's region, for
    ///         good, and starts the waiting period); later purchases extend the cover. The plan must
    ///         be approved for contribution × periods.
    /// @param region the member's region code (nonzero; ignored after the first purchase unless equal)
    /// @param periods how many periods to buy (at most the terms' maxPeriods at once)
    function buyCover(uint32 region, uint256 periods) external nonReentrant onlyClone {
        if (region == 0) revert RegionIsZero();
        if (periods == 0 || periods > maxPeriods()) revert InvalidTerms();
        Member storage m = _members[msg.sender];
        if (m.region == 0) {
            m.region = region;
            m.coveredFrom = (block.timestamp + waitingPeriod()).toUint40();
            m.index = ++memberCount;
        } else if (m.region != region) {
            revert WrongRegion(m.region, region);
        }
        uint256 start = m.coveredUntil > block.timestamp ? m.coveredUntil : block.timestamp;
        uint40 until = (start + periods * period()).toUint40();
        m.coveredUntil = until;
        uint256 paid = periods * contribution();
        reserve += paid.toUint112();
        emit CoverBought(msg.sender, region, periods, paid, m.coveredFrom, until);
        IERC20(token()).safeTransferFrom(msg.sender, address(this), paid);
    }

    /// @notice Adds `amount` to the reserve without cover (anyone: donors, sponsors).
    /// @param amount token base units; the plan must be approved for it
    function fund(uint256 amount) external nonReentrant onlyClone {
        if (amount == 0) revert ZeroAmount();
        reserve += amount.toUint112();
        emit ReserveFunded(msg.sender, amount);
        IERC20(token()).safeTransferFrom(msg.sender, address(this), amount);
    }

    // =================================================================== disasters

    /// @notice Posts the oracle's signed attestation of a disaster (anyone may): opens the claim
    ///         window for (eventId, region). Refused unless signed by the oracle for this chain and
    ///         plan, before its deadline, with an unused nonce, severe enough and in the past.
    /// @param a the attestation
    /// @param signature the oracle's EIP-712 signature of it
    function attest(Attestation calldata a, bytes calldata signature) external onlyClone {
        address signer = ECDSA.recover(_hashTypedDataV4(structHash(a)), signature);
        if (signer != oracle()) revert NotTheOracle(signer);
        if (block.timestamp > a.deadline) revert AttestationExpired(a.deadline);
        if (nonceUsed[a.nonce]) revert NonceUsed(a.nonce);
        if (a.region == 0) revert RegionIsZero();
        if (a.severity < minSeverity()) revert SeverityTooLow(a.severity, minSeverity());
        if (a.eventTime > block.timestamp) revert EventInFuture(a.eventTime);
        bytes32 key = _key(a.eventId, a.region);
        if (_disasters[key].windowEnd != 0) revert AlreadyAttested(a.eventId, a.region);
        nonceUsed[a.nonce] = true;
        uint64 windowEnd = (block.timestamp + claimWindow()).toUint64();
        _disasters[key] = Disaster(a.eventTime, windowEnd, a.severity);
        emit DisasterAttested(a.eventId, a.region, a.severity, a.eventTime, windowEnd, msg.sender);
    }

    /// @notice Claims the preset payout for an attested disaster in the caller's region, once, in
    ///         its window, if the caller was covered at the event's time. O(1); credited (withdraw).
    /// @param eventId the attested event
    /// @param region the caller's region (must be the one they registered)
    function claim(uint256 eventId, uint32 region) external {
        Member storage m = _members[msg.sender];
        if (m.region != region) revert WrongRegion(m.region, region);
        bytes32 key = _key(eventId, region);
        Disaster memory d = _disasters[key];
        if (d.windowEnd == 0) revert UnknownEvent(eventId, region);
        if (block.timestamp > d.windowEnd) revert ClaimWindowClosed(eventId, d.windowEnd);
        if (d.eventTime < m.coveredFrom || d.eventTime >= m.coveredUntil) revert NotCoveredAt(msg.sender, d.eventTime);
        (bytes32 bucket, uint256 bit) = _bucket(eventId, region, m.index);
        uint256 bits = _claimed[bucket];
        if (bits & bit != 0) revert AlreadyClaimed(eventId, msg.sender);
        uint256 amount = payout();
        uint256 held = reserve;
        if (held < amount) revert ReserveShort(held, amount);
        _claimed[bucket] = bits | bit;
        (reserve, credited) = (uint112(held - amount), credited + uint112(amount)); // amount <= held < 2^112
        m.credit += amount.toUint96();
        emit ParametricClaimPaid(eventId, region, msg.sender, amount);
    }

    /// @notice Withdraws the caller's credited payouts.
    function withdraw() external nonReentrant {
        Member storage m = _members[msg.sender];
        uint256 amount = m.credit;
        if (amount == 0) revert NothingToWithdraw(msg.sender);
        m.credit = 0;
        credited -= uint112(amount);
        emit PayoutWithdrawn(msg.sender, amount);
        IERC20(token()).safeTransfer(msg.sender, amount);
    }

    // =================================================================== views

    /// @notice The EIP-712 struct hash of an attestation (what the oracle signs, under domainSeparator()).
    function structHash(Attestation calldata a) public pure returns (bytes32) {
        return keccak256(abi.encode(ATTESTATION_TYPEHASH, a.eventId, a.region, a.severity, a.eventTime, a.nonce, a.deadline));
    }

    /// @notice The EIP-712 domain separator (name "Huzhu Parametric Plan", version 1, this chain, this plan).
    function domainSeparator() external view returns (bytes32) {
        return _domainSeparatorV4();
    }

    /// @notice A member's region, cover and credited payouts.
    function memberOf(address member) external view returns (Member memory) {
        return _members[member];
    }

    /// @notice An attested disaster (zero windowEnd: not attested).
    function disasterOf(uint256 eventId, uint32 region) external view returns (Disaster memory) {
        return _disasters[_key(eventId, region)];
    }

    /// @notice Whether `member` claimed (eventId, region).
    function hasClaimed(uint256 eventId, uint32 region, address member) external view returns (bool) {
        uint256 index = _members[member].index;
        if (index == 0) return false;
        (bytes32 bucket, uint256 bit) = _bucket(eventId, region, index);
        return _claimed[bucket] & bit != 0;
    }

    /// @notice The plan's token.
    function token() public view returns (address) {
        return CloneArgs.addressAt(TOKEN);
    }

    /// @notice The oracle whose signatures open claim windows.
    function oracle() public view returns (address) {
        return CloneArgs.addressAt(ORACLE);
    }

    /// @notice Price of one period of cover.
    function contribution() public view returns (uint256) {
        return CloneArgs.uintAt(CONTRIBUTION, 128);
    }

    /// @notice The preset payout per member per attested event.
    function payout() public view returns (uint256) {
        return CloneArgs.uintAt(PAYOUT, 128);
    }

    /// @notice Length of one period of cover, seconds.
    function period() public view returns (uint256) {
        return CloneArgs.uintAt(PERIOD, 32);
    }

    /// @notice From a member's first purchase until their cover starts, seconds.
    function waitingPeriod() public view returns (uint256) {
        return CloneArgs.uintAt(WAITING, 32);
    }

    /// @notice How long an attested event can be claimed, seconds.
    function claimWindow() public view returns (uint256) {
        return CloneArgs.uintAt(WINDOW, 32);
    }

    /// @notice The least severity that opens a claim window.
    function minSeverity() public view returns (uint16) {
        return uint16(CloneArgs.uintAt(MIN_SEVERITY, 16));
    }

    /// @notice Most periods bought at once.
    function maxPeriods() public view returns (uint256) {
        return CloneArgs.uintAt(MAX_PERIODS, 16);
    }

    /// @dev The claimed-bitmap slot and bit of member `index` for (eventId, region).
    function _bucket(uint256 eventId, uint32 region, uint256 index) private pure returns (bytes32 bucket, uint256 bit) {
        return (keccak256(abi.encode(eventId, region, index >> 8)), 1 << (index & 0xff));
    }

    function _key(uint256 eventId, uint32 region) private pure returns (bytes32) {
        return keccak256(abi.encode(eventId, region));
    }
}
