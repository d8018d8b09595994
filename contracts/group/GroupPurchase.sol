// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {IGroupPurchaseEvents, IGroupPurchaseErrors, PurchaseStatus} from "./IGroupPurchase.sol";
import {CloneArgs} from "../relief/CloneArgs.sol";

/// @title GroupPurchase
/// @notice Joint purchase of expensive equipment (共享经济), an EIP-1167 clone made by
///         GroupPurchaseFactory. Participants pledge shares at the share price into escrow. When
///         every share is pledged before the deadline the seller is credited exactly the price (and
///         pulls it with `withdraw`); otherwise every pledge is refundable (`refund`). After funding
///         the share ledger records the co-owners: they book usage slots and sell shares to each
///         other atomically at an agreed price.
/// @dev Booking rules (fair rotation): time after funding is cut into slots of `slotLength`, grouped
///      in seasons of `slotsPerSeason` slots. A slot can be booked once (no double booking), only
///      before it starts and at most into the next season. In each season a co-owner may book
///      floor(slotsPerSeason * shares / totalShares) slots; the slot starting next (the "last
///      minute" slot) is open to any co-owner beyond the quota, so leftover slots are not wasted.
///      Bookings made stand when shares are later sold; the quota applies to new bookings.
///      Immutable arguments: 0 token 20 | 20 seller 20 | 40 price 16 | 56 sharePrice 16 |
///      72 deadline 5 | 77 slotLength 4 | 81 slotsPerSeason 2 | 83 itemHash 32.
contract GroupPurchase is IGroupPurchaseEvents, IGroupPurchaseErrors, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;
    using SafeCast for uint256;

    uint256 private constant OFF_TOKEN = 0;
    uint256 private constant OFF_SELLER = 20;
    uint256 private constant OFF_PRICE = 40;
    uint256 private constant OFF_SHARE_PRICE = 56;
    uint256 private constant OFF_DEADLINE = 72;
    uint256 private constant OFF_SLOT_LENGTH = 77;
    uint256 private constant OFF_SLOTS_PER_SEASON = 81;
    uint256 private constant OFF_ITEM = 83;

    /// @dev pledged: shares pledged so far; fundedAt: when the last share was pledged (0 before).
    struct State {
        uint32 pledged;
        uint40 fundedAt;
        bool isImplementation;
    }

    /// @dev An offer from a co-owner to one buyer.
    struct Offer {
        uint32 shares;
        uint128 price;
    }

    State private _state;
    /// @notice Shares owned (pledged, then co-owned) by each account.
    mapping(address => uint256) public sharesOf;
    /// @notice Credits to pull with `withdraw`: the seller's price, share-sale proceeds.
    mapping(address => uint256) public creditOf;
    /// @notice Who booked each slot (zero when free).
    mapping(uint256 => address) public bookedBy;
    /// @notice Bookings per co-owner per season.
    mapping(address => mapping(uint256 => uint256)) public bookingsIn;
    mapping(address => mapping(address => Offer)) private _offers;

    /// @notice Locks the implementation: only clones are purchases.
    constructor() {
        _state.isImplementation = true;
    }

    // =================================================================== pledging

    /// @notice Pledges `shares` at the share price; the purchase must be approved for the amount.
    ///         The pledge that completes the total funds the purchase and credits the seller the price.
    /// @param shares number of shares, > 0, at most what is left
    function pledge(uint256 shares) external nonReentrant {
        State memory s = _state;
        if (s.isImplementation) revert NotAClone();
        PurchaseStatus st = _status(s);
        if (st != PurchaseStatus.PLEDGING) revert UnexpectedPurchaseStatus(st, bytes32(uint256(1) << uint8(PurchaseStatus.PLEDGING)));
        if (shares == 0) revert ZeroAmount();
        uint256 total = totalShares();
        if (shares > total - s.pledged) revert NotEnoughSharesLeft(shares, total - s.pledged);
        uint256 amount = shares * CloneArgs.uintAt(OFF_SHARE_PRICE, 128);
        s.pledged += shares.toUint32();
        sharesOf[msg.sender] += shares;
        emit SharesPledged(msg.sender, shares, amount, s.pledged);
        if (s.pledged == total) {
            s.fundedAt = block.timestamp.toUint40();
            address seller = CloneArgs.addressAt(OFF_SELLER);
            uint256 price = CloneArgs.uintAt(OFF_PRICE, 128);
            creditOf[seller] += price;
            emit PurchaseFunded(seller, price, s.fundedAt);
        }
        _state = s;
        IERC20(CloneArgs.addressAt(OFF_TOKEN)).safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @notice After the deadline passed unfunded, pulls back the caller's whole pledge.
    /// @return amount what was sent
    function refund() external nonReentrant returns (uint256 amount) {
        PurchaseStatus st = _status(_state);
        if (st != PurchaseStatus.EXPIRED) revert UnexpectedPurchaseStatus(st, bytes32(uint256(1) << uint8(PurchaseStatus.EXPIRED)));
        uint256 shares = sharesOf[msg.sender];
        if (shares == 0) revert NothingToPull(msg.sender);
        amount = shares * CloneArgs.uintAt(OFF_SHARE_PRICE, 128);
        sharesOf[msg.sender] = 0;
        emit PledgeRefunded(msg.sender, shares, amount);
        IERC20(CloneArgs.addressAt(OFF_TOKEN)).safeTransfer(msg.sender, amount);
    }

    /// @notice Pulls the caller's credit (the seller's price, proceeds of share sales).
    /// @return amount what was sent
    function withdraw() external nonReentrant returns (uint256 amount) {
        amount = creditOf[msg.sender];
        if (amount == 0) revert NothingToPull(msg.sender);
        creditOf[msg.sender] = 0;
        emit CreditWithdrawn(msg.sender, amount);
        IERC20(CloneArgs.addressAt(OFF_TOKEN)).safeTransfer(msg.sender, amount);
    }

    // =================================================================== share trading

    /// @notice Offers `shares` of the caller's to `buyer` for `price` in total; replaces any earlier
    ///         offer to that buyer; 0 shares withdraws it. Shares move only when the buyer accepts.
    /// @param buyer the only account that can accept
    /// @param shares number of shares offered (0 to withdraw the offer)
    /// @param price total price in token base units (may be 0: a gift)
    function offerShares(address buyer, uint256 shares, uint256 price) external {
        PurchaseStatus st = _status(_state);
        if (st != PurchaseStatus.FUNDED) revert UnexpectedPurchaseStatus(st, bytes32(uint256(1) << uint8(PurchaseStatus.FUNDED)));
        if (buyer == address(0)) revert ZeroAddress();
        if (buyer == msg.sender) revert SelfTrade();
        uint256 owned = sharesOf[msg.sender];
        if (shares > owned) revert NotEnoughShares(msg.sender, shares, owned);
        _offers[msg.sender][buyer] = Offer(shares.toUint32(), price.toUint128());
        emit SharesOffered(msg.sender, buyer, shares, price);
    }

    /// @notice Accepts `seller`'s offer atomically: pays `price` (credited to the seller, who pulls
    ///         it) and receives `shares`. Both must equal the standing offer, so a changed offer
    ///         cannot surprise the buyer.
    /// @param seller the co-owner who made the offer
    /// @param shares the offer's shares
    /// @param price the offer's price
    function buyShares(address seller, uint256 shares, uint256 price) external nonReentrant {
        Offer memory o = _offers[seller][msg.sender];
        if (o.shares == 0 || o.shares != shares || o.price != price) revert OfferMismatch(o.shares, o.price);
        uint256 owned = sharesOf[seller];
        if (shares > owned) revert NotEnoughShares(seller, shares, owned);
        delete _offers[seller][msg.sender];
        sharesOf[seller] = owned - shares;
        sharesOf[msg.sender] += shares;
        creditOf[seller] += price;
        emit SharesSold(seller, msg.sender, shares, price);
        if (price > 0) IERC20(CloneArgs.addressAt(OFF_TOKEN)).safeTransferFrom(msg.sender, address(this), price);
    }

    // =================================================================== usage slots

    /// @notice Books usage slot `slot` (counted from the funding time). See the booking rules above.
    /// @param slot slot index; slot k runs from fundedAt + k*slotLength for slotLength seconds
    function book(uint256 slot) external {
        State memory s = _state;
        PurchaseStatus st = _status(s);
        if (st != PurchaseStatus.FUNDED) revert UnexpectedPurchaseStatus(st, bytes32(uint256(1) << uint8(PurchaseStatus.FUNDED)));
        uint256 shares = sharesOf[msg.sender];
        if (shares == 0) revert NotEnoughShares(msg.sender, 1, 0);
        uint256 perSeason = CloneArgs.uintAt(OFF_SLOTS_PER_SEASON, 16);
        uint256 current = (block.timestamp - s.fundedAt) / CloneArgs.uintAt(OFF_SLOT_LENGTH, 32);
        uint256 season = slot / perSeason;
        if (slot <= current || season > current / perSeason + 1) revert SlotOutOfWindow(slot, current);
        address holder = bookedBy[slot];
        if (holder != address(0)) revert SlotTaken(slot, holder);
        uint256 used = bookingsIn[msg.sender][season];
        if (slot != current + 1) {
            uint256 quota = perSeason * shares / totalShares();
            if (used >= quota) revert QuotaExceeded(msg.sender, season, quota);
        }
        bookedBy[slot] = msg.sender;
        bookingsIn[msg.sender][season] = used + 1;
        emit SlotBooked(msg.sender, slot, season);
    }

    /// @notice Cancels the caller's booking of `slot` before it starts; the slot is free again.
    /// @param slot a slot the caller booked
    function cancelBooking(uint256 slot) external {
        if (bookedBy[slot] != msg.sender) revert NotYourBooking(slot);
        uint256 current = currentSlot();
        if (slot <= current) revert SlotOutOfWindow(slot, current);
        uint256 season = slot / CloneArgs.uintAt(OFF_SLOTS_PER_SEASON, 16);
        delete bookedBy[slot];
        --bookingsIn[msg.sender][season];
        emit BookingCancelled(msg.sender, slot, season);
    }

    // =================================================================== views

    /// @notice The purchase's status now.
    function status() external view returns (PurchaseStatus) {
        return _status(_state);
    }

    /// @notice The purchase's terms.
    function terms()
        external
        view
        returns (
            address token,
            address seller,
            uint256 price,
            uint256 sharePrice,
            uint64 deadline,
            uint32 slotLength,
            uint16 slotsPerSeason,
            bytes32 itemHash
        )
    {
        return (
            CloneArgs.addressAt(OFF_TOKEN),
            CloneArgs.addressAt(OFF_SELLER),
            CloneArgs.uintAt(OFF_PRICE, 128),
            CloneArgs.uintAt(OFF_SHARE_PRICE, 128),
            uint64(CloneArgs.uintAt(OFF_DEADLINE, 40)),
            uint32(CloneArgs.uintAt(OFF_SLOT_LENGTH, 32)),
            uint16(CloneArgs.uintAt(OFF_SLOTS_PER_SEASON, 16)),
            CloneArgs.word(OFF_ITEM)
        );
    }

    /// @notice price / sharePrice.
    function totalShares() public view returns (uint256) {
        return CloneArgs.uintAt(OFF_PRICE, 128) / CloneArgs.uintAt(OFF_SHARE_PRICE, 128);
    }

    /// @notice Shares pledged so far and the funding time (0 before funding).
    function progress() external view returns (uint256 pledged, uint64 fundedAt) {
        State memory s = _state;
        return (s.pledged, s.fundedAt);
    }

    /// @notice The slot running now (0 before funding).
    function currentSlot() public view returns (uint256) {
        uint40 fundedAt = _state.fundedAt;
        if (fundedAt == 0) return 0;
        return (block.timestamp - fundedAt) / CloneArgs.uintAt(OFF_SLOT_LENGTH, 32);
    }

    /// @notice How many slots `owner` may book per season with its shares now.
    function quotaOf(address owner) external view returns (uint256) {
        return CloneArgs.uintAt(OFF_SLOTS_PER_SEASON, 16) * sharesOf[owner] / totalShares();
    }

    /// @notice The standing offer from `seller` to `buyer`.
    function offerOf(address seller, address buyer) external view returns (uint256 shares, uint256 price) {
        Offer memory o = _offers[seller][buyer];
        return (o.shares, o.price);
    }

    /// @dev The status, derived (never stored): funded once the price was pledged in full,
    ///      otherwise expired after the deadline, otherwise pledging.
    function _status(State memory s) private view returns (PurchaseStatus) {
        if (s.fundedAt != 0) return PurchaseStatus.FUNDED;
        if (block.timestamp >= CloneArgs.uintAt(OFF_DEADLINE, 40)) return PurchaseStatus.EXPIRED;
        return PurchaseStatus.PLEDGING;
    }
}
