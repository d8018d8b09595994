// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title MockToken
/// @notice Test helper: an ERC-20 with any decimals (e.g. 18 like DAI) whose metadata views can be
///         made to revert at any time, as some real tokens' do, so readers prove they never assume
///         6 decimals and never break a listing on a token without symbol() or decimals().
contract MockToken is ERC20 {
    uint8 private immutable _decimals;
    /// @notice When true, symbol() and decimals() revert.
    bool public metadataReverts;

    /// @notice symbol() or decimals() was called on a token built to refuse them.
    error NoMetadata();

    /// @param name_ token name
    /// @param symbol_ token symbol
    /// @param decimals_ token decimals
    constructor(string memory name_, string memory symbol_, uint8 decimals_) ERC20(name_, symbol_) {
        _decimals = decimals_;
    }

    /// @notice Makes symbol() and decimals() revert (true) or answer (false); anyone (test token).
    /// @param value the new setting
    function setMetadataReverts(bool value) external {
        metadataReverts = value;
    }

    /// @notice The token's decimals; reverts when built with metadataReverts.
    function decimals() public view override returns (uint8) {
        if (metadataReverts) revert NoMetadata();
        return _decimals;
    }

    /// @notice The token's symbol; reverts when built with metadataReverts.
    function symbol() public view override returns (string memory) {
        if (metadataReverts) revert NoMetadata();
        return super.symbol();
    }

    /// @notice Mints freely (test token).
    /// @param to receiver
    /// @param amount base units
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }
}
