// The jury's draw (docs/claims.md "Drawing the panel"), written out in JavaScript from the
// documentation, independently of contracts/pool/jury/Jury.sol: tests and the gas benchmark
// compare the contract's panel with it, and name the holders of the positions it visits (the
// plan keeps no position -> member map: drawJury and prepareExits are told each holder).
const { ethers } = require("ethers");

const coder = ethers.AbiCoder.defaultAbiCoder();
const TRIES_PER_SEAT = 4;
const DEFAULT_PANEL = 5;

/** The registry positions (0-based) the draw may visit, in visit order: all its tries. */
function visitOrder({ hash, claimId, round, population, size }) {
  const seed = ethers.keccak256(coder.encode(["bytes32", "uint256", "uint8"], [hash, claimId, round]));
  const tries = Math.min(size * TRIES_PER_SEAT, Number(population));
  const moved = new Map();
  const visited = [];
  for (let t = 0; t < tries; t++) {
    const r = BigInt(ethers.keccak256(coder.encode(["bytes32", "uint256"], [seed, t])));
    const j = t + Number(r % BigInt(Number(population) - t));
    const atJ = moved.has(j) ? moved.get(j) : j;
    const atT = moved.has(t) ? moved.get(t) : t;
    if (j !== t) moved.set(j, atT);
    visited.push(atJ);
  }
  return visited;
}

/**
 * The registry positions the draw visits, in order, and the panel it draws.
 * @param list the registry's holders, 0-based (position p + 1 is list[p]'s memberOf().registryIndex)
 * @param skip (address) => true for a member who may not sit (not eligible, or seated before)
 */
function drawPanel({ hash, claimId, round, population, list, size, skip = () => false }) {
  const order = visitOrder({ hash, claimId, round, population, size });
  const visited = [];
  const jurors = [];
  for (const position of order) {
    if (jurors.length >= size) break;
    visited.push(position);
    const candidate = list[position];
    if (skip(candidate)) continue;
    jurors.push(candidate);
  }
  return { jurors, visited };
}

/**
 * A plan's registry holders by 0-based position: the order of each address's first MemberJoined
 * (a position is given at the first join and kept for good), checked against memberOf.
 */
async function registryHolders(plan) {
  const seen = new Set();
  const list = [];
  for (const log of await plan.queryFilter(plan.filters.MemberJoined())) {
    const who = log.args.member;
    if (!seen.has(who)) (seen.add(who), list.push(who));
  }
  for (let p = 0; p < list.length; p++) {
    const index = (await plan.memberOf(list[p])).registryIndex;
    if (Number(index) !== p + 1) throw new Error(`registry position ${p + 1}: ${list[p]} holds ${index}`);
  }
  return list;
}

/** drawJury's second argument: the holder of each position the current round's draw may visit. */
async function juryHints(plan, claimId) {
  const { round, drawBlock, population } = await plan.juryOf(claimId);
  const block = await plan.runner.provider.getBlock(Number(drawBlock));
  if (!block) return []; // not mined yet: the draw reverts DrawTooEarly whatever it is told
  const panel = Number((await plan.rules()).panelSize) || DEFAULT_PANEL;
  const list = await registryHolders(plan);
  return visitOrder({ hash: block.hash, claimId, round, population, size: panel }).map((p) => list[p]);
}

/**
 * Sends drawJury with the holders of the positions it visits, no more than it needs (the draw stops
 * once the panel is full; each holder named costs calldata): the shortest prefix that passes a
 * static call, as a keeper would find it with eth_estimateGas.
 */
async function drawJury(plan, claimId, overrides = {}) {
  const all = await juryHints(plan, claimId);
  for (let n = Math.min(all.length, DEFAULT_PANEL); n < all.length; n++) {
    // the pending block: the draw is refused in its seed block itself, which may be the latest
    const ok = await plan.drawJury.staticCall(claimId, all.slice(0, n), { ...overrides, blockTag: "pending" }).then(() => true, () => false);
    if (ok) return plan.drawJury(claimId, all.slice(0, n), overrides);
  }
  return plan.drawJury(claimId, all, overrides);
}

/** prepareExits' arguments for a call of `steps`: the holders of the next `steps` positions it counts. */
async function exitArgs(plan, steps) {
  const list = await registryHolders(plan);
  const cursor = Number((await plan.windDown()).countCursor) || list.length;
  const hints = [];
  for (let p = cursor; p > 0 && hints.length < steps; p--) hints.push(list[p - 1]);
  return [steps, hints];
}

module.exports = { drawPanel, visitOrder, registryHolders, juryHints, drawJury, exitArgs, TRIES_PER_SEAT };
