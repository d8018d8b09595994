// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title IParametricEvents
/// @notice Every state change of a parametric disaster plan and its factory (docs/scenarios.md).
interface IParametricEvents {
    /// @notice A plan was created (id = its index in the factory's registry).
    event ParametricPlanCreated(
        address indexed plan, address indexed creator, address indexed oracle, address token, uint256 payout, uint256 id
    );
    /// @notice `member` joined in `region` (or renewed) and is covered from `coveredFrom` until `coveredUntil`.
    event CoverBought(address indexed member, uint32 indexed region, uint256 periods, uint256 paid, uint40 coveredFrom, uint40 coveredUntil);
    /// @notice The oracle's attestation of a disaster was posted: claims for it are open until `windowEnd`.
    event DisasterAttested(
        uint256 indexed eventId, uint32 indexed region, uint16 severity, uint64 eventTime, uint64 windowEnd, address poster
    );
    /// @notice `member` claimed the preset payout for an attested event; credited to their balance.
    event ParametricClaimPaid(uint256 indexed eventId, uint32 indexed region, address indexed member, uint256 amount);
    /// @notice Someone added money to the reserve without cover (a donation, a sponsor).
    event ReserveFunded(address indexed from, uint256 amount);
    /// @notice `member` withdrew credited payouts.
    event PayoutWithdrawn(address indexed member, uint256 amount);
}

/// @title IParametricErrors
/// @notice Every revert of a parametric disaster plan and its factory.
interface IParametricErrors {
    error ZeroAddress();
    error NotAContract(address account);
    error InvalidTerms();
    /// @notice The implementation holds no plan: only its clones do.
    error NotAClone();
    error ZeroAmount();
    error RegionIsZero();
    error WrongRegion(uint32 registered, uint32 requested);
    /// @notice The attestation was not signed by the plan's oracle.
    error NotTheOracle(address signer);
    error AttestationExpired(uint256 deadline);
    error NonceUsed(uint256 nonce);
    error AlreadyAttested(uint256 eventId, uint32 region);
    error SeverityTooLow(uint16 severity, uint16 minimum);
    error EventInFuture(uint64 eventTime);
    error UnknownEvent(uint256 eventId, uint32 region);
    error ClaimWindowClosed(uint256 eventId, uint64 windowEnd);
    /// @notice The member's cover did not include the event's time (or had not passed the waiting period).
    error NotCoveredAt(address member, uint64 eventTime);
    error AlreadyClaimed(uint256 eventId, address member);
    /// @notice The reserve cannot pay the preset amount (first come, first served; docs/scenarios.md).
    error ReserveShort(uint256 reserve, uint256 payout);
    error NothingToWithdraw(address member);
}
