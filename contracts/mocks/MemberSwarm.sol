// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

interface IJoinable {
    function join(uint256 amount, address referrer) external;
}

/// @title MemberSwarm
/// @notice Test helper for the gas benchmark: creates many real plan members (one small contract
///         each) in a few transactions, so a plan can have thousands of members quickly.
contract MemberSwarm {
    /// @notice Emitted after a batch of members joined.
    event Spawned(address indexed plan, uint256 count);

    /// @notice Creates `count` members of `plan`, each joining with `amount` of `token` held by
    ///         this contract.
    function spawn(IERC20 token, address plan, uint256 amount, uint256 count) external {
        for (uint256 i = 0; i < count; ++i) {
            new SwarmMember(token, plan, amount);
        }
        emit Spawned(plan, count);
    }

    /// @notice Called by a member under construction: sends it its deposit.
    function fund(IERC20 token, uint256 amount) external {
        token.transfer(msg.sender, amount);
    }
}

/// @notice One member created by MemberSwarm: takes its deposit and joins in its constructor.
contract SwarmMember {
    constructor(IERC20 token, address plan, uint256 amount) {
        MemberSwarm(msg.sender).fund(token, amount);
        token.approve(plan, amount);
        IJoinable(plan).join(amount, address(0));
    }
}
