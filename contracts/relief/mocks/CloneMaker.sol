// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Clones} from "@openzeppelin/contracts/proxy/Clones.sol";

/// @notice Test helper: makes a clone of any implementation with any immutable arguments, outside
///         the factory (a "fake campaign" running the real code, for the donor-points attack test).
contract CloneMaker {
    /// @notice The clone was made.
    event Cloned(address clone);

    /// @notice Clones `implementation` with `args` appended to the proxy's code.
    function clone(address implementation, bytes calldata args) external returns (address c) {
        c = Clones.cloneWithImmutableArgs(implementation, args);
        emit Cloned(c);
    }
}
