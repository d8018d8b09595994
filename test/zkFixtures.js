// Zero-knowledge membership fixtures: the protocol, a plan with members past their first period, and the ZK
// contracts (PoseidonT3, MemberCommitments, the committed Groth16 verifier, AnonymousReviews).
const { ethers } = require("hardhat");
const { time } = require("@nomicfoundation/hardhat-network-helpers");
const { usd, PERIOD, deployProtocol, createPlan, fund } = require("./fixtures");

async function deployZk(factory) {
  const poseidon = await ethers.deployContract("PoseidonT3");
  const commitments = await ethers.deployContract("MemberCommitments", [await factory.getAddress(), await poseidon.getAddress()]);
  const verifier = await ethers.deployContract("Groth16Verifier");
  const reviews = await ethers.deployContract("AnonymousReviews", [await commitments.getAddress(), await verifier.getAddress()]);
  return { poseidon, commitments, verifier, reviews };
}

/** Six members joined a prepaid plan one period ago; nobody registered yet. */
async function zkPlan() {
  const f = await deployProtocol();
  const { plan } = await createPlan(f);
  await fund(f.token, [...f.members, f.stranger], plan.target);
  for (const m of f.members.slice(0, 6)) await plan.connect(m).join(usd(300), ethers.ZeroAddress);
  await time.increase(PERIOD);
  return { ...f, plan, ...(await deployZk(f.factory)) };
}

/** `count` fresh accounts that join `plan` (ETH and tokens from the operator). */
async function extraMembers(f, plan, count) {
  const out = [];
  for (let i = 0; i < count; i++) {
    const w = ethers.Wallet.createRandom().connect(ethers.provider);
    await f.operator.sendTransaction({ to: w.address, value: ethers.parseEther("1") });
    await f.token.mint(w.address, usd(1000));
    await f.token.connect(w).approve(plan.target, ethers.MaxUint256);
    await plan.connect(w).join(usd(300), ethers.ZeroAddress);
    out.push(w);
  }
  return out;
}

module.exports = { deployZk, zkPlan, extraMembers };
