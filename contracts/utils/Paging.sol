// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title Paging
/// @notice Offset/limit pages of an address list, for the factories' listings; the one declaration
///         of InvalidRange (an interface declaring it too would give the contracts two ABI entries).
library Paging {
    /// @notice A list was asked for beyond its end: `offset` (or an index) is past `length`.
    error InvalidRange(uint256 offset, uint256 length);

    /// @notice Up to `limit` entries of `list` from `offset`, in list order; an offset at the end
    ///         gives an empty page, one beyond it reverts.
    function page(address[] storage list, uint256 offset, uint256 limit) internal view returns (address[] memory out) {
        uint256 n = list.length;
        if (offset > n) revert InvalidRange(offset, n);
        uint256 end = limit > n - offset ? n : offset + limit;
        out = new address[](end - offset);
        for (uint256 i = offset; i < end; ++i) {
            out[i - offset] = list[i];
        }
    }
}
