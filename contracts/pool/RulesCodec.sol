// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Rules, Category, ContributionModel} from "./PoolTypes.sol";

/// @title RulesCodec
/// @notice Packs a plan's rules into the compact byte string stored as the clone's immutable
///         arguments (239 bytes + 20 per assessor), and unpacks it. Packing keeps plan creation
///         cheap: code costs 200 gas per byte, storage 20,000 gas per slot.
/// @dev Layout (offset: field, bytes): 0 asset 20 | 20 category 1 | 21 model 1 | 22 contribution 12 |
///      34 period 4 | 38 gracePeriod 4 | 42 feeBps 2 | 44 feeReceiver 20 | 64 maxPayoutPerClaim 12 |
///      76 maxPayoutPerMemberPerYear 12 | 88 shareCapPerPeriod 12 | 100 waitingPeriod 4 |
///      104 assessmentWindow 4 | 108 noticeWindow 4 | 112 juryWindow 4 | 116 claimBond 12 |
///      128 challengeBond 12 | 140 rulesHash 32 | 172 guardian 20 | 192 quorum 1 | 193 createdAt 5 |
///      198 points 20 | 218 filingWindow 4 | 222 minMembers 2 | 224 floorPeriods 2 | 226 panelSize 1 |
///      227 jurorDeposit 12 | 239 assessors 20 each.
library RulesCodec {
    /// @notice Length of the fixed part, before the assessors.
    uint256 internal constant FIXED_LENGTH = 239;
    uint256 private constant ADDRESS_BYTES = 20;

    /// @notice Packs `r` with the plan's creation time and the points contract.
    function encode(Rules calldata r, uint40 createdAt, address points) internal pure returns (bytes memory) {
        bytes memory head = abi.encodePacked(
            r.asset,
            uint8(r.category),
            uint8(r.model),
            r.contribution,
            r.period,
            r.gracePeriod,
            r.feeBps,
            r.feeReceiver,
            r.maxPayoutPerClaim,
            r.maxPayoutPerMemberPerYear,
            r.shareCapPerPeriod
        );
        bytes memory tail = abi.encodePacked(
            r.waitingPeriod,
            r.assessmentWindow,
            r.noticeWindow,
            r.juryWindow,
            r.claimBond,
            r.challengeBond,
            r.rulesHash,
            r.guardian,
            r.quorum,
            createdAt,
            points
        );
        bytes memory v3 = abi.encodePacked(r.filingWindow, r.minMembers, r.floorPeriods, r.panelSize, r.jurorDeposit);
        bytes memory out = bytes.concat(head, tail, v3);
        uint256 n = r.assessors.length;
        for (uint256 i = 0; i < n; ++i) {
            out = bytes.concat(out, bytes20(r.assessors[i]));
        }
        return out;
    }

    /// @notice Unpacks what `encode` packed; the assessor list only when `withAssessors`.
    function decode(bytes memory data, bool withAssessors)
        internal
        pure
        returns (Rules memory r, uint40 createdAt, address points)
    {
        r.asset = _address(data, 0);
        r.category = Category(_uint(data, 20, 8));
        r.model = ContributionModel(_uint(data, 21, 8));
        r.contribution = uint96(_uint(data, 22, 96));
        r.period = uint32(_uint(data, 34, 32));
        r.gracePeriod = uint32(_uint(data, 38, 32));
        r.feeBps = uint16(_uint(data, 42, 16));
        r.feeReceiver = _address(data, 44);
        r.maxPayoutPerClaim = uint96(_uint(data, 64, 96));
        r.maxPayoutPerMemberPerYear = uint96(_uint(data, 76, 96));
        r.shareCapPerPeriod = uint96(_uint(data, 88, 96));
        r.waitingPeriod = uint32(_uint(data, 100, 32));
        r.assessmentWindow = uint32(_uint(data, 104, 32));
        r.noticeWindow = uint32(_uint(data, 108, 32));
        r.juryWindow = uint32(_uint(data, 112, 32));
        r.claimBond = uint96(_uint(data, 116, 96));
        r.challengeBond = uint96(_uint(data, 128, 96));
        r.rulesHash = bytes32(_uint(data, 140, 256));
        r.guardian = _address(data, 172);
        r.quorum = uint8(_uint(data, 192, 8));
        createdAt = uint40(_uint(data, 193, 40));
        points = _address(data, 198);
        r.filingWindow = uint32(_uint(data, 218, 32));
        r.minMembers = uint16(_uint(data, 222, 16));
        r.floorPeriods = uint16(_uint(data, 224, 16));
        r.panelSize = uint8(_uint(data, 226, 8));
        r.jurorDeposit = uint96(_uint(data, 227, 96));
        if (!withAssessors) return (r, createdAt, points);
        uint256 n = (data.length - FIXED_LENGTH) / ADDRESS_BYTES;
        r.assessors = new address[](n);
        for (uint256 i = 0; i < n; ++i) {
            r.assessors[i] = _address(data, FIXED_LENGTH + i * ADDRESS_BYTES);
        }
    }

    /// @dev The `bits`-wide big-endian unsigned integer starting at byte `offset`.
    function _uint(bytes memory data, uint256 offset, uint256 bits) private pure returns (uint256 v) {
        assembly ("memory-safe") {
            v := shr(sub(256, bits), mload(add(add(data, 32), offset)))
        }
    }

    /// @dev The 20-byte address starting at byte `offset`.
    function _address(bytes memory data, uint256 offset) private pure returns (address) {
        return address(uint160(_uint(data, offset, 160)));
    }
}
