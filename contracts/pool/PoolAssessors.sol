// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {Rules, ClaimRecord, ClaimStatus} from "./PoolTypes.sol";
import {PoolStorage} from "./PoolStorage.sol";

/// @title PoolAssessors
/// @notice The assessors' decision on a submitted claim (the step between PoolClaims' submit and
///         the public notice). Runs in AidPoolExtension, keeping the plan's code under 24 KB.
abstract contract PoolAssessors is PoolStorage {
    using SafeCast for uint256;

    /// @notice An assessor approves or rejects a submitted claim within the assessment window.
    ///         Approvals reaching the quorum approve it; once the quorum is out of reach it is rejected.
    /// @param claimId the claim
    /// @param approve true to approve, false to reject
    function vote(uint256 claimId, bool approve) external {
        (Rules memory r,,) = _loadWithAssessors();
        uint256 index = _assessorIndex(r.assessors, msg.sender);
        ClaimRecord storage c = _claimIn(claimId, ClaimStatus.SUBMITTED);
        if (block.timestamp >= c.deadline) revert WindowClosed(claimId, c.deadline);
        if (c.claimant == msg.sender) revert PartyCannotVote(claimId, msg.sender);
        uint32 bit = uint32(1 << index);
        if (c.assessorVotes & bit != 0) revert AlreadyVoted(claimId, msg.sender);
        c.assessorVotes |= bit;
        emit AssessorVoted(claimId, msg.sender, approve);
        if (approve) {
            if (++c.approvals >= r.quorum) {
                _transition(c, ClaimStatus.APPROVED);
                c.deadline = (block.timestamp + r.noticeWindow).toUint32();
                emit ClaimApproved(claimId, c.amount, c.deadline);
            }
        } else if (++c.rejections > r.assessors.length - r.quorum) {
            _transition(c, ClaimStatus.REJECTED);
            c.deadline = (block.timestamp + r.noticeWindow).toUint32();
            emit ClaimRejected(claimId, c.deadline);
        }
    }

    /// @dev The assessor's position in the rules (their bit in the vote mask).
    function _assessorIndex(address[] memory assessors, address who) private pure returns (uint256) {
        uint256 n = assessors.length;
        for (uint256 i = 0; i < n; ++i) {
            if (assessors[i] == who) return i;
        }
        revert NotAssessor(who);
    }
}
