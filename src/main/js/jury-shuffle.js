// The registry positions a jury draw visits (docs/claims.md "Drawing the panel"), replayed in the
// browser: drawJury is told each visited position's holder, read from the plan's MemberJoined logs.
import { AbiCoder, keccak256 } from "ethers";

const coder = AbiCoder.defaultAbiCoder();
const TRIES_PER_SEAT = 4;

export function visitOrder(hash, claimId, round, population, size) {
  const seed = keccak256(coder.encode(["bytes32", "uint256", "uint8"], [hash, claimId, round]));
  const n = Number(population);
  const tries = Math.min(size * TRIES_PER_SEAT, n);
  const moved = new Map();
  const out = [];
  for (let t = 0; t < tries; t++) {
    const r = BigInt(keccak256(coder.encode(["bytes32", "uint256"], [seed, t])));
    const j = t + Number(r % BigInt(n - t));
    const atJ = moved.has(j) ? moved.get(j) : j;
    const atT = moved.has(t) ? moved.get(t) : t;
    if (j !== t) moved.set(j, atT);
    out.push(atJ);
  }
  return out;
}

/** drawJury's second argument: the holders of the positions the current round visits. */
export async function juryHolders(plan, provider, claimId) {
  const jury = await plan.juryOf(claimId);
  const block = await provider.getBlock(Number(jury.drawBlock));
  if (!block) return [];
  const size = Number((await plan.rules()).panelSize) || 5;
  const seen = new Set();
  const holders = [];
  for (const log of await plan.queryFilter(plan.filters.MemberJoined(), 0)) {
    const who = log.args.member;
    if (!seen.has(who)) (seen.add(who), holders.push(who));
  }
  return visitOrder(block.hash, claimId, jury.round, jury.population, size).map((p) => holders[p]);
}
