// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

/// @title CoverBook
/// @notice The books of a COST_SHARING plan, O(1) in the number of members.
///
/// `shareIndex` is the cumulative share charged to a member covered throughout the plan's life;
/// a member owes `index - snapshot`. A member's balance buys cover for whole periods (each period
/// can cost at most the share cap), and the member is filed under the period their cover ends
/// (`expiringAt`). The first transaction of a new period rolls the book over: it takes the members
/// whose cover ended out of the covered count and records the index at that period's start
/// (`indexAtPeriod`), which is what those members owe up to. The roll-over loops over the periods
/// elapsed since the last one, never over members, and at most `maxPeriods` per call: member
/// actions never roll the book (settlement is exact without it, because the index only moves at
/// a payout, and a payout needs the book rolled over to the current period first).
library CoverBook {
    using SafeCast for uint256;
    /// @notice The book's storage.
    struct Book {
        uint112 shareIndex; // cumulative share charged to each member covered throughout
        uint96 periodShared; // part of shareIndex charged in period `lastPeriod`
        uint32 lastPeriod; // last period rolled over to
        mapping(uint256 => uint256) expiringAt; // members whose cover ends at the start of a period
        mapping(uint256 => uint256) indexAtPeriod; // shareIndex at the start of a period in which covers ended
    }

    /// @notice Rolls over from `lastPeriod` towards `period` (> lastPeriod), at most `maxPeriods`
    ///         periods, and returns the period reached and the number of members still covered
    ///         out of `covered`.
    function rollOver(Book storage b, uint256 period, uint256 covered, uint256 maxPeriods)
        internal
        returns (uint256 reached, uint256 stillCovered)
    {
        uint256 index = b.shareIndex;
        uint256 from = uint256(b.lastPeriod) + 1;
        if (period - from >= maxPeriods) period = from + maxPeriods - 1;
        for (uint256 p = from; p <= period; ++p) {
            uint256 ending = b.expiringAt[p];
            if (ending != 0) {
                covered -= ending;
                b.indexAtPeriod[p] = index;
            }
        }
        b.lastPeriod = period.toUint32();
        b.periodShared = 0;
        return (period, covered);
    }

    /// @notice The index a member whose cover ends at `endPeriod` owes up to: the current index
    ///         while covered, the index recorded when the cover ended otherwise. A cover that
    ///         ended after the last roll-over has seen no charge since (payouts roll over first),
    ///         so the current index is exact for it too, however far behind the book is.
    function indexFor(Book storage b, uint256 endPeriod) internal view returns (uint256) {
        return endPeriod <= b.lastPeriod ? b.indexAtPeriod[endPeriod] : b.shareIndex;
    }

    /// @notice Charges `share` to every covered member.
    function charge(Book storage b, uint256 share) internal {
        b.shareIndex += share.toUint112();
        b.periodShared += share.toUint96();
    }

    /// @notice Files one member's cover as ending at the start of `endPeriod`.
    function file(Book storage b, uint256 endPeriod) internal {
        ++b.expiringAt[endPeriod];
    }

    /// @notice Takes one member's cover out of `endPeriod`.
    function unfile(Book storage b, uint256 endPeriod) internal {
        --b.expiringAt[endPeriod];
    }
}
