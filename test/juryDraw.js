// The jury's draw (docs/claims.md "Drawing the panel"), written out in JavaScript from the
// documentation, independently of contracts/pool/jury/Jury.sol: tests and the gas benchmark
// compare the contract's panel with it.
const { ethers } = require("ethers");

const coder = ethers.AbiCoder.defaultAbiCoder();
const TRIES_PER_SEAT = 4;

/**
 * The registry positions the draw visits, in order, and the panel it draws.
 * @param list the registry, 0-based (the plan's memberAt(i + 1))
 * @param skip (address) => true for a member who may not sit (not eligible, or seated before)
 */
function drawPanel({ hash, claimId, round, population, list, size, skip = () => false }) {
  const seed = ethers.keccak256(coder.encode(["bytes32", "uint256", "uint8"], [hash, claimId, round]));
  const tries = Math.min(size * TRIES_PER_SEAT, population);
  const moved = new Map();
  const visited = [];
  const jurors = [];
  for (let t = 0; t < tries && jurors.length < size; t++) {
    const r = BigInt(ethers.keccak256(coder.encode(["bytes32", "uint256"], [seed, t])));
    const j = t + Number(r % BigInt(population - t));
    const atJ = moved.has(j) ? moved.get(j) : j;
    const atT = moved.has(t) ? moved.get(t) : t;
    if (j !== t) moved.set(j, atT);
    visited.push(atJ);
    if (atJ >= list.length) continue;
    const candidate = list[atJ];
    if (skip(candidate)) continue;
    jurors.push(candidate);
  }
  return { jurors, visited };
}

module.exports = { drawPanel, TRIES_PER_SEAT };
