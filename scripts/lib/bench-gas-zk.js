// Gas of zero-knowledge membership (issue 12): registering a commitment in a plan's Poseidon tree (16 hashes,
// one per level) and an anonymous rating (Groth16 verification: one pairing check of 4 pairs). Called by
// scripts/lib/bench-gas.js with its `row(op, gas, budget, note)` recorder, after the rows whose block hashes
// matter (a proof is randomised: its transaction changes the block hashes that follow it).
const { ethers, network } = require("hardhat");
const { usd, PERIOD, deployProtocol, createPlan, fund } = require("../../test/fixtures");
const { deployZk } = require("../../test/zkFixtures");
const zk = require("./zk");

async function gasOf(txPromise) {
  const tx = await txPromise;
  return Number((await tx.wait()).gasUsed);
}

module.exports = async function zkBench(row) {
  const f = await deployProtocol();
  const { plan } = await createPlan(f);
  const [a, b, c] = f.members;
  await fund(f.token, [a, b, c], plan.target);
  for (const m of [a, b, c]) await plan.connect(m).join(usd(300), ethers.ZeroAddress);
  await network.provider.send("evm_increaseTime", [PERIOD]);
  await network.provider.send("evm_mine", []);
  const { commitments, reviews } = await deployZk(f.factory);
  const secrets = [1n, 2n, 3n].map((i) => BigInt(ethers.id(`bench secret ${i}`)) % zk.FIELD);
  const leaves = secrets.map(zk.commitmentOf);
  row("zk: register a commitment, first of a plan", await gasOf(commitments.connect(a).register(plan.target, leaves[0])), null,
    "16 new subtree slots (the plan's first leaf)");
  row("zk: register a commitment", await gasOf(commitments.connect(b).register(plan.target, leaves[1])), 700_000,
    "16 Poseidon calls (~30k each, fixed depth) + the subtree slots of the levels where the leaf is a left child");
  await commitments.connect(c).register(plan.target, leaves[2]);
  const review = ethers.id("bench review");
  const p = await zk.proveRating({ secret: secrets[1], leaves, index: 1, plan: plan.target, stars: 4, reviewHash: review });
  row("zk: anonymous rate (Groth16 verify)", await gasOf(reviews.connect(f.stranger).rate(plan.target, 4, review, p.root, p.nullifier, p.proof)),
    350_000, "pairing check + nullifier slot; any sender; varies by tens of gas per run (a proof is randomised: its calldata bytes)");
  await zk.shutdown();
};
