// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @title CostSharing
/// @notice How one claim is split over the covered members of a COST_SHARING plan (相互宝 style).
///
/// Published rule: the claim amount plus the service fee is divided equally over the `members`
/// covered when it is paid, rounded up to the next base unit (the rounding dust goes to the
/// reserve). No member may be charged more than the plan's share cap within one period: when the
/// equal share would exceed what is left of the cap (`room`), the share is cut to `room` and the
/// claim is paid pro rata — claimant and fee receiver both get `collected / (amount + fee)` of
/// what they would have got (a haircut of the claim, never a hidden subsidy).
library CostSharing {
    uint256 private constant BPS = 10_000;

    /// @notice The outcome of one split.
    struct Split {
        uint256 share; // charged to each covered member
        uint256 collected; // share * members
        uint256 payout; // to the claimant
        uint256 fee; // to the fee receiver
        uint256 dust; // to the reserve (rounding)
    }

    /// @notice Splits `amount` (> 0, plus `feeBps`) over `members`, each paying at most `room`.
    function split(uint256 amount, uint256 members, uint256 feeBps, uint256 room)
        internal
        pure
        returns (Split memory s)
    {
        if (members == 0 || room == 0) return s;
        uint256 fee = (amount * feeBps) / BPS;
        uint256 gross = amount + fee;
        uint256 share = Math.ceilDiv(gross, members);
        if (share <= room) {
            s.share = share;
            s.collected = share * members;
            s.payout = amount;
            s.fee = fee;
            s.dust = s.collected - gross;
        } else {
            s.share = room;
            s.collected = room * members;
            s.payout = (s.collected * BPS) / (BPS + feeBps);
            s.fee = s.collected - s.payout;
        }
    }
}
