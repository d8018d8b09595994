// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title DecimalsToken
/// @notice Test helper: a freely mintable ERC-20 with any number of decimals (tests of the scenario
///         contracts with 6-, 18- and unsupported 19-decimal tokens).
contract DecimalsToken is ERC20 {
    uint8 private immutable _decimals;

    /// @param decimals_ the decimals reported
    constructor(uint8 decimals_) ERC20("Decimals", "DEC") {
        _decimals = decimals_;
    }

    /// @notice The decimals given at deployment.
    function decimals() public view override returns (uint8) {
        return _decimals;
    }

    /// @notice Mints freely (test token).
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }
}
