// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title IAidPoolFactoryErrors
/// @notice Why a plan's rules were refused at creation.
interface IAidPoolFactoryErrors {
    /// @notice A required address (asset, fee receiver with a fee, assessor, implementation) is zero.
    error ZeroAddress();
    /// @notice The implementation has no code.
    error NotAContract(address account);
    /// @notice The period is zero.
    error ZeroPeriod();
    /// @notice A PREPAID plan needs a contribution.
    error ZeroContribution();
    /// @notice A COST_SHARING plan needs a share cap per period.
    error ZeroShareCap();
    /// @notice The service fee is above the cap.
    error FeeTooHigh(uint16 feeBps, uint16 maxBps);
    /// @notice The maximum payout per claim is zero or above the yearly maximum.
    error InvalidMaxPayout(uint256 perClaim, uint256 perYear);
    /// @notice The period or a window is longer than 366 days.
    error DurationTooLong(uint256 duration, uint256 max);
    /// @notice The assessment, notice or jury window is zero.
    error ZeroWindow();
    /// @notice There must be 1 to MAX_ASSESSORS assessors.
    error InvalidAssessorCount(uint256 count);
    /// @notice The quorum must be between 1 and the number of assessors.
    error InvalidQuorum(uint8 quorum, uint256 assessors);
    /// @notice An assessor appears twice.
    error DuplicateAssessor(address assessor);
    /// @notice The period is shorter than the minimum (1 day).
    error PeriodTooShort(uint256 period, uint256 min);
    /// @notice A window (assessment, notice, jury, filing) is outside its bounds.
    error WindowOutOfBounds(uint256 window, uint256 min, uint256 max);
    /// @notice A wind-down floor needs the number of periods below it before closing.
    error ZeroFloorPeriods();
    // (listings revert with Paging.InvalidRange(offset, length))
    /// @notice A jury panel has at most Jury.MAX_PANEL seats.
    error PanelTooLarge(uint256 size, uint256 max);
}
