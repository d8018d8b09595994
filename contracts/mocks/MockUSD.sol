// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";

/// @title MockUSD
/// @notice A 6-decimal stand-in for a USD stablecoin on local and test networks.
/// @dev Minting needs MINTER_ROLE. The open faucet works only on local chain ids, so a
///      deployment to a public network cannot be drained into existence by anyone.
contract MockUSD is ERC20, AccessControl {
    /// @notice Role allowed to mint without limit.
    bytes32 public constant MINTER_ROLE = keccak256("MINTER_ROLE");
    /// @notice Largest amount one faucet call hands out: 10,000 mUSD.
    uint256 public constant FAUCET_LIMIT = 10_000e6;
    /// @notice Hardhat's and Ganache's local chain ids, where the faucet is open.
    uint256 public constant HARDHAT_CHAIN_ID = 31337;
    uint256 public constant GANACHE_CHAIN_ID = 1337;

    /// @notice The faucet was called on a network that is not local.
    error FaucetNotLocal(uint256 chainId);
    /// @notice The faucet was asked for more than FAUCET_LIMIT.
    error FaucetLimitExceeded(uint256 requested, uint256 limit);

    /// @notice Emitted when the faucet hands out tokens.
    event FaucetDripped(address indexed to, uint256 amount);

    /// @param admin receives DEFAULT_ADMIN_ROLE and MINTER_ROLE
    constructor(address admin) ERC20("Mock USD", "mUSD") {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(MINTER_ROLE, admin);
    }

    /// @notice Six decimals, like USDC and USDT.
    function decimals() public pure override returns (uint8) {
        return 6;
    }

    /// @notice Mints `amount` to `to`.
    /// @param to receiver
    /// @param amount amount in base units (1e6 = 1 mUSD)
    function mint(address to, uint256 amount) external onlyRole(MINTER_ROLE) {
        _mint(to, amount);
    }

    /// @notice Hands out up to FAUCET_LIMIT to the caller; local chains only.
    /// @param amount amount in base units
    function faucet(uint256 amount) external {
        if (block.chainid != HARDHAT_CHAIN_ID && block.chainid != GANACHE_CHAIN_ID) {
            revert FaucetNotLocal(block.chainid);
        }
        if (amount > FAUCET_LIMIT) revert FaucetLimitExceeded(amount, FAUCET_LIMIT);
        _mint(msg.sender, amount);
        emit FaucetDripped(msg.sender, amount);
    }
}
