// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @notice Where a group purchase stands; derived from its books and the clock.
/// @dev PLEDGING: before the deadline, not fully pledged. FUNDED: every share pledged before the
///      deadline, the seller is credited the price, the co-owners share the item. EXPIRED: the
///      deadline passed before full funding; every pledge is refundable.
enum PurchaseStatus {
    PLEDGING,
    FUNDED,
    EXPIRED
}

/// @title IGroupPurchaseEvents
/// @notice Every event of GroupPurchaseFactory and GroupPurchase. Amounts are token base units.
interface IGroupPurchaseEvents {
    /// @notice A purchase clone was created; its terms are readable with `terms()`.
    event PurchaseCreated(
        address indexed purchase,
        address indexed seller,
        address indexed creator,
        address token,
        uint256 price,
        uint256 sharePrice,
        uint64 deadline,
        bytes32 itemHash,
        uint256 purchaseId
    );
    /// @notice `participant` pledged `shares` (paying `amount`); `pledged` shares of the total so far.
    event SharesPledged(address indexed participant, uint256 shares, uint256 amount, uint256 pledged);
    /// @notice Every share was pledged: the seller was credited exactly `price`.
    event PurchaseFunded(address indexed seller, uint256 price, uint64 fundedAt);
    /// @notice The purchase expired unfunded and `participant` pulled its pledge back.
    event PledgeRefunded(address indexed participant, uint256 shares, uint256 amount);
    /// @notice `account` pulled its credit (the seller's price or share-sale proceeds).
    event CreditWithdrawn(address indexed account, uint256 amount);
    /// @notice `seller` offered `shares` to `buyer` for `price` (0 shares withdraws the offer).
    event SharesOffered(address indexed seller, address indexed buyer, uint256 shares, uint256 price);
    /// @notice `buyer` bought `shares` from `seller` for `price`, credited to the seller.
    event SharesSold(address indexed seller, address indexed buyer, uint256 shares, uint256 price);
    /// @notice `owner` booked usage slot `slot` (of season `season`).
    event SlotBooked(address indexed owner, uint256 indexed slot, uint256 season);
    /// @notice `owner` cancelled its booking of `slot`.
    event BookingCancelled(address indexed owner, uint256 indexed slot, uint256 season);
}

/// @title IGroupPurchaseErrors
/// @notice Every revert of GroupPurchaseFactory and GroupPurchase.
interface IGroupPurchaseErrors {
    /// @notice A required address (token, seller, implementation, buyer) is zero.
    error ZeroAddress();
    /// @notice The address has no code.
    error NotAContract(address account);
    /// @notice Price and share price must be non-zero and the price a multiple of the share price
    ///         giving at most MAX_SHARES shares.
    error InvalidPricing(uint256 price, uint256 sharePrice);
    /// @notice The deadline is not in the future or further than MAX_DURATION.
    error InvalidDeadline(uint256 deadline, uint256 nowTs);
    /// @notice Slot length must be 1 hour..30 days and a season 1..MAX_SLOTS_PER_SEASON slots.
    error InvalidSchedule(uint256 slotLength, uint256 slotsPerSeason);
    /// @notice The implementation itself cannot be used; only its clones.
    error NotAClone();
    /// @notice Zero shares or zero amount.
    error ZeroAmount();
    /// @notice The purchase is `current`; the action needs `expectedStates` (bit `1 << status`
    ///         set for each status it accepts, as OpenZeppelin's GovernorUnexpectedProposalState).
    error UnexpectedPurchaseStatus(PurchaseStatus current, bytes32 expectedStates);
    /// @notice More shares than remain unpledged.
    error NotEnoughSharesLeft(uint256 requested, uint256 left);
    /// @notice The account owns fewer shares than needed.
    error NotEnoughShares(address account, uint256 requested, uint256 owned);
    /// @notice Nothing to refund or withdraw.
    error NothingToPull(address account);
    /// @notice A co-owner cannot sell to itself.
    error SelfTrade();
    /// @notice The offer differs from what the buyer expects (or does not exist).
    error OfferMismatch(uint256 shares, uint256 price);
    /// @notice The slot has started, or lies beyond the booking horizon (current and next season).
    error SlotOutOfWindow(uint256 slot, uint256 currentSlot);
    /// @notice The slot is already booked.
    error SlotTaken(uint256 slot, address by);
    /// @notice The co-owner used its quota of slots in that season.
    error QuotaExceeded(address owner, uint256 season, uint256 quota);
    /// @notice The caller does not hold this booking.
    error NotYourBooking(uint256 slot);
}
