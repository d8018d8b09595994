// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

// Brings poseidon-solidity's PoseidonT3 library into the build so that it has an artifact to deploy
// (artifacts/poseidon-solidity/PoseidonT3.sol/PoseidonT3.json). MemberCommitments calls the deployed library
// through IPoseidonT3.
import {PoseidonT3} from "poseidon-solidity/PoseidonT3.sol";
