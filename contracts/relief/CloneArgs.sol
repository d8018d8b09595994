// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title CloneArgs
/// @notice Reads single fields of the immutable arguments appended to an EIP-1167 clone made with
///         OpenZeppelin's `Clones.cloneWithImmutableArgs`, without copying the whole argument blob
///         (one EXTCODECOPY of 32 bytes on the already-warm own address).
/// @dev The clone's runtime code is the 45-byte (0x2d) proxy followed by the arguments. Reading past
///      the end of the code yields zero bytes. Used by ReliefCampaign, MatchingRound, GroupPurchase.
library CloneArgs {
    /// @notice Offset of the first argument byte in a clone's runtime code.
    uint256 internal constant ARGS_START = 0x2d;

    /// @notice The 32 bytes of the arguments starting at `offset`.
    function word(uint256 offset) internal view returns (bytes32 w) {
        assembly ("memory-safe") {
            extcodecopy(address(), 0x00, add(ARGS_START, offset), 0x20)
            w := mload(0x00)
        }
    }

    /// @notice The address stored in the 20 bytes at `offset`.
    function addressAt(uint256 offset) internal view returns (address) {
        return address(bytes20(word(offset)));
    }

    /// @notice The unsigned integer stored big-endian in the `bits`/8 bytes at `offset`.
    function uintAt(uint256 offset, uint256 bits) internal view returns (uint256) {
        return uint256(word(offset)) >> (256 - bits);
    }
}
