// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title BlocklistToken
/// @notice Test stand-in for a USDC/USDT-style stablecoin with any number of decimals and a
///         blocklist: a blocklisted address can neither send nor receive. Tests only.
contract BlocklistToken is ERC20 {
    uint8 private immutable _decimals;
    /// @notice Blocklisted addresses.
    mapping(address => bool) public blocked;

    /// @notice A transfer touched a blocklisted address.
    error Blocklisted(address account);

    /// @param decimals_ the token's decimals (e.g. 6 like USDC, 18 like DAI)
    constructor(uint8 decimals_) ERC20("Blocklist USD", "bUSD") {
        _decimals = decimals_;
    }

    /// @notice The decimals given at deployment.
    function decimals() public view override returns (uint8) {
        return _decimals;
    }

    /// @notice Mints `amount` to `to` (tests only; no access control).
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    /// @notice Blocklists or clears `account`.
    function setBlocked(address account, bool value) external {
        blocked[account] = value;
    }

    /// @dev Refuses any transfer from or to a blocklisted address.
    function _update(address from, address to, uint256 value) internal override {
        if (blocked[from]) revert Blocklisted(from);
        if (blocked[to]) revert Blocklisted(to);
        super._update(from, to, value);
    }
}
