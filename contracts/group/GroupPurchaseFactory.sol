// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Clones} from "@openzeppelin/contracts/proxy/Clones.sol";
import {IGroupPurchaseEvents, IGroupPurchaseErrors} from "./IGroupPurchase.sol";
import {Paging} from "../utils/Paging.sol";

/// @notice What a group purchase is created with (see GroupPurchaseFactory.createPurchase).
struct PurchaseParams {
    /// ERC-20 the shares are paid in
    address token;
    /// credited exactly `price` when every share is pledged
    address seller;
    /// total price, a multiple of sharePrice
    uint128 price;
    /// price of one share
    uint128 sharePrice;
    /// pledging ends (Unix seconds)
    uint40 deadline;
    /// length of one usage slot, seconds
    uint32 slotLength;
    /// slots per season (booking quotas are per season)
    uint16 slotsPerSeason;
    /// hash of the item's description document
    bytes32 itemHash;
}

/// @title GroupPurchaseFactory
/// @notice Creates group purchases as EIP-1167 clones of one GroupPurchase implementation, with the
///         terms in the clone's immutable arguments, and keeps the registry. No owner, no access to funds.
contract GroupPurchaseFactory is IGroupPurchaseEvents, IGroupPurchaseErrors {
    /// @notice Most shares per purchase.
    uint256 public constant MAX_SHARES = 10_000;
    /// @notice Longest pledging period.
    uint256 public constant MAX_DURATION = 366 days;
    /// @notice Shortest and longest usage slot.
    uint256 public constant MIN_SLOT = 1 hours;
    uint256 public constant MAX_SLOT = 30 days;
    /// @notice Most slots per season.
    uint256 public constant MAX_SLOTS_PER_SEASON = 1_000;

    /// @notice The GroupPurchase implementation every purchase delegates to.
    address public immutable implementation;
    address[] private _purchases;
    /// @notice Who created each purchase (zero for addresses that are not purchases).
    mapping(address => address) public creatorOf;

    /// @param implementation_ a deployed GroupPurchase
    constructor(address implementation_) {
        if (implementation_ == address(0)) revert ZeroAddress();
        if (implementation_.code.length == 0) revert NotAContract(implementation_);
        implementation = implementation_;
    }

    /// @notice Creates a purchase; invalid terms revert with a named error (IGroupPurchaseErrors).
    /// @param p the purchase's terms, fixed for its lifetime
    /// @return purchase the new purchase's address
    function createPurchase(PurchaseParams calldata p) external returns (address purchase) {
        if (p.token == address(0) || p.seller == address(0)) revert ZeroAddress();
        if (p.token.code.length == 0) revert NotAContract(p.token);
        if (p.sharePrice == 0 || p.price == 0 || p.price % p.sharePrice != 0 || p.price / p.sharePrice > MAX_SHARES) {
            revert InvalidPricing(p.price, p.sharePrice);
        }
        if (p.deadline <= block.timestamp || p.deadline > block.timestamp + MAX_DURATION) {
            revert InvalidDeadline(p.deadline, block.timestamp);
        }
        if (p.slotLength < MIN_SLOT || p.slotLength > MAX_SLOT || p.slotsPerSeason == 0
            || p.slotsPerSeason > MAX_SLOTS_PER_SEASON) {
            revert InvalidSchedule(p.slotLength, p.slotsPerSeason);
        }
        purchase = Clones.cloneWithImmutableArgs(
            implementation,
            abi.encodePacked(p.token, p.seller, p.price, p.sharePrice, p.deadline, p.slotLength, p.slotsPerSeason, p.itemHash)
        );
        creatorOf[purchase] = msg.sender;
        uint256 id = _purchases.length;
        _purchases.push(purchase);
        emit PurchaseCreated(purchase, p.seller, msg.sender, p.token, p.price, p.sharePrice, p.deadline, p.itemHash, id);
    }

    /// @notice Whether `account` is a purchase created by this factory.
    function isPurchase(address account) external view returns (bool) {
        return creatorOf[account] != address(0);
    }

    /// @notice Number of purchases created.
    function purchaseCount() external view returns (uint256) {
        return _purchases.length;
    }

    /// @notice Up to `limit` purchases from `offset`, in creation order.
    function purchases(uint256 offset, uint256 limit) external view returns (address[] memory page) {
        return Paging.page(_purchases, offset, limit);
    }
}
