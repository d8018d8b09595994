// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Rules, ContributionModel} from "./PoolTypes.sol";
import {IAidPoolFactoryErrors} from "../interfaces/IAidPoolFactoryErrors.sol";

/// @title RulesValidation
/// @notice Refuses invalid plan rules with a named error, at creation.
library RulesValidation {
    /// @notice Highest service fee: 10%.
    uint16 internal constant MAX_FEE_BPS = 1_000;
    /// @notice Largest assessor set (assessor votes are a 32-bit mask).
    uint256 internal constant MAX_ASSESSORS = 32;
    /// @notice Longest period and longest assessment / notice / jury window: keeps every deadline
    ///         inside the 32- and 40-bit timestamps the plan stores.
    uint256 internal constant MAX_DURATION = 366 days;

    /// @notice Reverts unless `r` is a valid rule set.
    function check(Rules calldata r) internal pure {
        if (r.asset == address(0)) revert IAidPoolFactoryErrors.ZeroAddress();
        if (r.period == 0) revert IAidPoolFactoryErrors.ZeroPeriod();
        if (r.period > MAX_DURATION) revert IAidPoolFactoryErrors.DurationTooLong(r.period, MAX_DURATION);
        if (r.model == ContributionModel.PREPAID) {
            if (r.contribution == 0) revert IAidPoolFactoryErrors.ZeroContribution();
        } else if (r.shareCapPerPeriod == 0) {
            revert IAidPoolFactoryErrors.ZeroShareCap();
        }
        if (r.feeBps > MAX_FEE_BPS) revert IAidPoolFactoryErrors.FeeTooHigh(r.feeBps, MAX_FEE_BPS);
        if (r.feeBps != 0 && r.feeReceiver == address(0)) revert IAidPoolFactoryErrors.ZeroAddress();
        if (
            r.maxPayoutPerClaim == 0 || r.maxPayoutPerClaim > r.maxPayoutPerMemberPerYear
                || r.maxPayoutPerMemberPerYear > type(uint64).max
        ) {
            revert IAidPoolFactoryErrors.InvalidMaxPayout(r.maxPayoutPerClaim, r.maxPayoutPerMemberPerYear);
        }
        if (r.assessmentWindow == 0 || r.noticeWindow == 0 || r.juryWindow == 0) {
            revert IAidPoolFactoryErrors.ZeroWindow();
        }
        uint256 longest = r.assessmentWindow > r.noticeWindow ? r.assessmentWindow : r.noticeWindow;
        if (r.juryWindow > longest) longest = r.juryWindow;
        if (longest > MAX_DURATION) revert IAidPoolFactoryErrors.DurationTooLong(longest, MAX_DURATION);
        uint256 n = r.assessors.length;
        if (n == 0 || n > MAX_ASSESSORS) revert IAidPoolFactoryErrors.InvalidAssessorCount(n);
        if (r.quorum == 0 || r.quorum > n) revert IAidPoolFactoryErrors.InvalidQuorum(r.quorum, n);
        for (uint256 i = 0; i < n; ++i) {
            address a = r.assessors[i];
            if (a == address(0)) revert IAidPoolFactoryErrors.ZeroAddress();
            for (uint256 j = 0; j < i; ++j) {
                if (r.assessors[j] == a) revert IAidPoolFactoryErrors.DuplicateAssessor(a);
            }
        }
    }
}
