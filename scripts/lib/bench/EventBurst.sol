// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IAidPoolEvents} from "contracts/interfaces/IAidPoolEvents.sol";
import {PointsReason} from "contracts/pool/PoolTypes.sol";

/// @title EventBurst
/// @notice Test and benchmark helper (never deployed outside a local node): emits AidPool events,
///         with exactly the protocol's signatures, in bulk, so the indexer can be loaded with
///         tens of thousands of events in a few transactions.
contract EventBurst is IAidPoolEvents {
    uint256 public nextClaimId = 1;

    /// @notice Emits MemberJoined for members firstMember .. firstMember + count - 1.
    function join(uint160 firstMember, uint256 count) external {
        for (uint256 i = 0; i < count; ++i) {
            emit MemberJoined(address(firstMember + uint160(i)), address(0), uint64(block.timestamp), uint64(block.timestamp));
        }
    }

    /// @notice Emits `rounds` × (Deposited, ContributionCharged, PointsAccrued) spread over `members` members.
    function burst(uint160 firstMember, uint256 members, uint256 rounds, uint256 salt) external {
        for (uint256 i = 0; i < rounds; ++i) {
            address m = address(firstMember + uint160((salt + i) % members));
            emit Deposited(m, 1_000_000, 1_000_000 * (i + 2));
            emit ContributionCharged(m, 1, 1_000_000, 10_000, block.timestamp + 30 days);
            emit PointsAccrued(m, 1, PointsReason.CONTRIBUTION);
        }
    }

    /// @notice Emits `count` claims, each submitted and paid (ClaimSubmitted, ClaimPaid).
    function payouts(uint160 firstMember, uint256 members, uint256 count) external {
        for (uint256 i = 0; i < count; ++i) {
            uint256 id = nextClaimId++;
            address m = address(firstMember + uint160(id % members));
            emit ClaimSubmitted(id, m, 5_000_000, keccak256(abi.encode(id)), uint64(block.timestamp), 0, uint64(block.timestamp));
            emit ClaimPaid(id, m, 5_000_000, 5_000_000, 0, 0, 0);
        }
    }
}
