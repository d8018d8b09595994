#!/usr/bin/env node
// Zero-knowledge membership (circuits/membership.circom) in JS: the hashes the circuit and the contracts use, the
// Merkle path of a leaf, and Groth16 proofs with snarkjs. Used by the Hardhat tests, scripts/bench-gas and, as a
// command, by the Java CLI (`huzhu rate --anonymous`):
//   node scripts/lib/zk.js prove < request.json > proof.json
// request: {"secret": "<decimal>", "leaves": ["<decimal>", ...], "index": n, "plan": "0x…", "purpose": "1",
//           "stars": 1-5, "reviewHash": "0x…32 bytes"}
// answer:  {"root", "nullifier", "signalHash", "proof": [8 decimals, the verifier's order], "millis"}
// Bad input: one line on stderr, exit 2.
"use strict";
const fs = require("fs");
const path = require("path");
const { execFileSync } = require("child_process");
const { poseidon1, poseidon2, poseidon3 } = require("poseidon-lite");
const { keccak256, solidityPacked } = require("ethers");

const ROOT = path.resolve(__dirname, "..", "..");
const DEPTH = 16;
const FIELD = 21888242871839275222246405745257275088548364400416034343698204186575808495617n;
const PURPOSE_RATING = 1n;
const WASM = path.join(ROOT, "build", "zk", "membership_js", "membership.wasm");
const ZKEY = path.join(ROOT, "circuits", "setup", "membership_final.zkey");
const VKEY = path.join(ROOT, "circuits", "setup", "membership_vkey.json");

const ZEROS = [0n];
for (let i = 0; i < DEPTH; i++) ZEROS.push(poseidon2([ZEROS[i], ZEROS[i]]));

function commitmentOf(secret) {
  return poseidon1([BigInt(secret)]);
}

function nullifierOf(secret, plan, purpose = PURPOSE_RATING) {
  return poseidon3([BigInt(secret), BigInt(plan), BigInt(purpose)]);
}

/** keccak256(abi.encodePacked(uint8 stars, bytes32 reviewHash)) >> 8, as AnonymousReviews.signalHash. */
function signalHash(stars, reviewHash) {
  return BigInt(keccak256(solidityPacked(["uint8", "bytes32"], [stars, reviewHash]))) >> 8n;
}

/** The root of the depth-16 tree holding `leaves` (in insertion order) and the path of leaf `index`. */
function merklePath(leaves, index) {
  let level = leaves.map(BigInt);
  if (index < 0 || index >= level.length) throw new Error(`leaf ${index} is not in a tree of ${level.length} leaves`);
  const pathElements = [];
  const pathIndices = [];
  let i = index;
  for (let d = 0; d < DEPTH; d++) {
    const sibling = i ^ 1;
    pathElements.push(sibling < level.length ? level[sibling] : ZEROS[d]);
    pathIndices.push(i & 1);
    const next = [];
    for (let k = 0; k < level.length; k += 2) {
      next.push(poseidon2([level[k], k + 1 < level.length ? level[k + 1] : ZEROS[d]]));
    }
    level = next;
    i >>= 1;
  }
  return { root: level[0], pathElements, pathIndices };
}

/** Builds the witness wasm from the circuit when it is missing (scripts/zk-build, ~3 s). */
function ensureBuilt() {
  if (!fs.existsSync(WASM)) execFileSync(path.join(ROOT, "scripts", "zk-build"), { stdio: ["ignore", "ignore", "inherit"] });
}

/** A rating proof: member `secret` (leaf `index` of `leaves`) rates `plan` with `stars` and `reviewHash`. */
async function proveRating({ secret, leaves, index, plan, stars, reviewHash, purpose = PURPOSE_RATING }) {
  ensureBuilt();
  const snarkjs = require("snarkjs");
  const { root, pathElements, pathIndices } = merklePath(leaves, index);
  const signal = signalHash(stars, reviewHash);
  const input = {
    secret: BigInt(secret).toString(),
    pathElements: pathElements.map(String),
    pathIndices: pathIndices.map(String),
    root: root.toString(),
    scope: BigInt(plan).toString(),
    purpose: BigInt(purpose).toString(),
    signalHash: signal.toString(),
  };
  const started = Date.now();
  const { proof, publicSignals } = await snarkjs.groth16.fullProve(input, WASM, ZKEY);
  const millis = Date.now() - started;
  return {
    root: root.toString(),
    nullifier: publicSignals[0],
    signalHash: signal.toString(),
    publicSignals,
    proof: flatten(proof),
    millis,
  };
}

/** snarkjs's proof as the Solidity verifier takes it: a, b (coordinates swapped), c, flattened. */
function flatten(p) {
  return [p.pi_a[0], p.pi_a[1], p.pi_b[0][1], p.pi_b[0][0], p.pi_b[1][1], p.pi_b[1][0], p.pi_c[0], p.pi_c[1]].map(String);
}

/** Ends snarkjs's worker threads (they keep Node alive otherwise). */
async function shutdown() {
  if (globalThis.curve_bn128) await globalThis.curve_bn128.terminate();
}

module.exports = { DEPTH, FIELD, PURPOSE_RATING, WASM, ZKEY, VKEY, ZEROS, commitmentOf, nullifierOf, signalHash, merklePath, proveRating, ensureBuilt, shutdown };

function fail(message) {
  process.stderr.write(`zk: ${message}\n`);
  process.exit(2);
}

if (require.main === module) {
  const command = process.argv[2];
  const input = fs.readFileSync(0, "utf8");
  let req;
  try {
    req = JSON.parse(input);
  } catch (e) {
    fail(`the request is not JSON: ${e.message}`);
  }
  if (command === "commitment") {
    process.stdout.write(JSON.stringify({ commitment: commitmentOf(req.secret).toString() }) + "\n");
    process.exit(0);
  }
  if (command !== "prove") fail(`unknown command '${command}' (prove, commitment)`);
  for (const k of ["secret", "leaves", "index", "plan", "stars", "reviewHash"]) {
    if (req[k] === undefined) fail(`the request has no '${k}'`);
  }
  proveRating(req)
    .then((out) => {
      process.stdout.write(JSON.stringify(out) + "\n");
      process.exit(0);
    })
    .catch((e) => fail(e.message.split("\n")[0]));
}
