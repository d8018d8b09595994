// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Category, ContributionModel} from "../pool/PoolTypes.sol";

/// @title IAidPoolFactoryEvents
/// @notice Every event of the AidPoolFactory (see docs/events.md).
interface IAidPoolFactoryEvents {
    /// @notice A plan was created.
    event PlanCreated(
        address indexed plan,
        Category indexed category,
        address indexed creator,
        ContributionModel model,
        address asset,
        bytes32 rulesHash,
        uint256 planId
    );
}
