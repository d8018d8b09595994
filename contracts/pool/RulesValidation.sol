// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Rules, ContributionModel} from "./PoolTypes.sol";
import {Jury} from "./jury/Jury.sol";
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
    /// @notice Largest maximum payout per claim (a claim's paid and owed amounts are 80-bit):
    ///         about 1.2 million tokens at 18 decimals.
    uint256 internal constant MAX_PAYOUT_PER_CLAIM = type(uint80).max;
    /// @notice Shortest period: with O(1) member actions this is no longer needed for gas, but
    ///         a 1-day floor keeps a plan's clock meaningful (and 10 idle years = 3,650 periods).
    uint256 internal constant MIN_PERIOD = 1 days;
    /// @notice Shortest assessment / notice / jury window.
    uint256 internal constant MIN_WINDOW = 1 hours;
    /// @notice Shortest filing window (time to claim a loss after it happened).
    uint256 internal constant MIN_FILING_WINDOW = 1 days;

    /// @notice Reverts unless `r` is a valid rule set.
    function check(Rules calldata r) internal pure {
        if (r.asset == address(0)) revert IAidPoolFactoryErrors.ZeroAddress();
        if (r.period == 0) revert IAidPoolFactoryErrors.ZeroPeriod();
        if (r.period < MIN_PERIOD) revert IAidPoolFactoryErrors.PeriodTooShort(r.period, MIN_PERIOD);
        if (r.period > MAX_DURATION) revert IAidPoolFactoryErrors.DurationTooLong(r.period, MAX_DURATION);
        if (r.waitingPeriod > MAX_DURATION) revert IAidPoolFactoryErrors.DurationTooLong(r.waitingPeriod, MAX_DURATION);
        if (r.gracePeriod > MAX_DURATION) revert IAidPoolFactoryErrors.DurationTooLong(r.gracePeriod, MAX_DURATION);
        if (r.filingWindow < MIN_FILING_WINDOW || r.filingWindow > MAX_DURATION) {
            revert IAidPoolFactoryErrors.WindowOutOfBounds(r.filingWindow, MIN_FILING_WINDOW, MAX_DURATION);
        }
        if (r.model == ContributionModel.PREPAID) {
            if (r.contribution == 0) revert IAidPoolFactoryErrors.ZeroContribution();
        } else if (r.shareCapPerPeriod == 0) {
            revert IAidPoolFactoryErrors.ZeroShareCap();
        }
        if (r.feeBps > MAX_FEE_BPS) revert IAidPoolFactoryErrors.FeeTooHigh(r.feeBps, MAX_FEE_BPS);
        if (r.feeBps != 0 && r.feeReceiver == address(0)) revert IAidPoolFactoryErrors.ZeroAddress();
        if (
            r.maxPayoutPerClaim == 0 || r.maxPayoutPerClaim > r.maxPayoutPerMemberPerYear
                || r.maxPayoutPerClaim > MAX_PAYOUT_PER_CLAIM
        ) {
            revert IAidPoolFactoryErrors.InvalidMaxPayout(r.maxPayoutPerClaim, r.maxPayoutPerMemberPerYear);
        }
        if (r.assessmentWindow == 0 || r.noticeWindow == 0 || r.juryWindow == 0) {
            revert IAidPoolFactoryErrors.ZeroWindow();
        }
        uint256 shortest = r.assessmentWindow < r.noticeWindow ? r.assessmentWindow : r.noticeWindow;
        if (r.juryWindow < shortest) shortest = r.juryWindow;
        if (shortest < MIN_WINDOW) revert IAidPoolFactoryErrors.WindowOutOfBounds(shortest, MIN_WINDOW, MAX_DURATION);
        uint256 longest = r.assessmentWindow > r.noticeWindow ? r.assessmentWindow : r.noticeWindow;
        if (r.juryWindow > longest) longest = r.juryWindow;
        if (longest > MAX_DURATION) revert IAidPoolFactoryErrors.DurationTooLong(longest, MAX_DURATION);
        if (r.panelSize > Jury.MAX_PANEL) revert IAidPoolFactoryErrors.PanelTooLarge(r.panelSize, Jury.MAX_PANEL);
        uint256 n = r.assessors.length;
        if (n == 0 || n > MAX_ASSESSORS) revert IAidPoolFactoryErrors.InvalidAssessorCount(n);
        if (r.quorum == 0 || r.quorum > n) revert IAidPoolFactoryErrors.InvalidQuorum(r.quorum, n);
        if (r.minMembers != 0 && r.floorPeriods == 0) revert IAidPoolFactoryErrors.ZeroFloorPeriods();
        for (uint256 i = 0; i < n; ++i) {
            address a = r.assessors[i];
            if (a == address(0)) revert IAidPoolFactoryErrors.ZeroAddress();
            for (uint256 j = 0; j < i; ++j) {
                if (r.assessors[j] == a) revert IAidPoolFactoryErrors.DuplicateAssessor(a);
            }
        }
    }
}
