// Zero-knowledge membership: commitments in a per-plan Poseidon tree, Groth16 rating proofs, nullifiers.
// Attacks first (forged proof, reused nullifier, stale root, non-member and double registration, a proof
// replayed with another rating), then the round trip. Proofs come from the committed proving key
// (circuits/setup) and a circuit compiled by scripts/zk-build; each takes a few seconds.
const { expect } = require("chai");
const { ethers } = require("hardhat");
const { loadFixture, time } = require("@nomicfoundation/hardhat-network-helpers");
const { poseidon2 } = require("poseidon-lite");
const { PERIOD, usd, createPlan } = require("../fixtures");
const { zkPlan, extraMembers } = require("../zkFixtures");
const zk = require("../../scripts/lib/zk");

const REVIEW = ethers.id("the assessors answered within a day");
const secretOf = (i) => BigInt(ethers.id(`member secret ${i}`)) % zk.FIELD;

/** zkPlan with members 0-3 registered (in that order); secrets known to the test. */
async function registered() {
  const f = await zkPlan();
  const secrets = [0, 1, 2, 3].map(secretOf);
  for (let i = 0; i < 4; i++) await f.commitments.connect(f.members[i]).register(f.plan.target, zk.commitmentOf(secrets[i]));
  const leaves = secrets.map(zk.commitmentOf);
  return { ...f, secrets, leaves };
}

/** A valid proof from member 1 (leaf 1): 4 stars and REVIEW, against the current root. */
async function proved() {
  const f = await registered();
  const p = await zk.proveRating({ secret: f.secrets[1], leaves: f.leaves, index: 1, plan: f.plan.target, stars: 4, reviewHash: REVIEW });
  return { ...f, p };
}

describe("zero-knowledge membership", function () {
  this.timeout(180000);
  after(zk.shutdown);

  describe("registration", function () {
    it("refuses a stranger, a member before one full period, a second commitment, a non-plan and out-of-field commitments", async function () {
      const f = await loadFixture(zkPlan);
      const { commitments, plan, members, stranger } = f;
      await expect(commitments.connect(stranger).register(plan.target, 5n))
        .to.be.revertedWithCustomError(commitments, "NotPlanMember").withArgs(plan.target, stranger.address);
      await expect(commitments.connect(members[0]).register(stranger.address, 5n))
        .to.be.revertedWithCustomError(commitments, "UnknownPlan").withArgs(stranger.address);
      await expect(commitments.connect(members[0]).register(plan.target, 0n))
        .to.be.revertedWithCustomError(commitments, "InvalidCommitment").withArgs(0n);
      await expect(commitments.connect(members[0]).register(plan.target, zk.FIELD))
        .to.be.revertedWithCustomError(commitments, "InvalidCommitment").withArgs(zk.FIELD);
      await commitments.connect(members[0]).register(plan.target, 5n);
      await expect(commitments.connect(members[0]).register(plan.target, 6n))
        .to.be.revertedWithCustomError(commitments, "AlreadyRegistered").withArgs(plan.target, members[0].address);
      // a member who joined just now waits one period, as for a public rating
      await plan.connect(stranger).join(usd(300), ethers.ZeroAddress);
      const opensAt = BigInt((await plan.memberOf(stranger.address)).joinedAt) + BigInt(PERIOD);
      await expect(commitments.connect(stranger).register(plan.target, 7n))
        .to.be.revertedWithCustomError(commitments, "RegistrationTooEarly").withArgs(opensAt);
      // a member who left cannot register
      await plan.connect(members[1]).leave();
      await expect(commitments.connect(members[1]).register(plan.target, 8n))
        .to.be.revertedWithCustomError(commitments, "NotPlanMember").withArgs(plan.target, members[1].address);
      expect(await commitments.tree(plan.target)).to.deep.equal([
        poseidonRootOf([5n]), 1n]);
    });

    it("the tree's roots equal an independent Poseidon tree (poseidon-lite) after each registration", async function () {
      const f = await loadFixture(zkPlan);
      const leaves = [];
      for (let i = 0; i < 5; i++) {
        const c = zk.commitmentOf(secretOf(i));
        leaves.push(c);
        await expect(f.commitments.connect(f.members[i]).register(f.plan.target, c))
          .to.emit(f.commitments, "CommitmentRegistered").withArgs(f.plan.target, f.members[i].address, c, i, poseidonRootOf(leaves));
        expect(await f.commitments.commitmentOf(f.plan.target, f.members[i].address)).to.equal(c);
      }
      expect(await f.commitments.tree(f.plan.target)).to.deep.equal([poseidonRootOf(leaves), 5n]);
      // the empty-subtree constants are Poseidon(z, z) as the deployed library computes it
      for (let level = 1; level <= zk.DEPTH; level++) {
        const below = await f.commitments.zero(level - 1);
        expect(await f.commitments.zero(level)).to.equal(await f.poseidon.hash([below, below]));
      }
    });
  });

  describe("attacks", function () {
    it("a forged proof is rejected: a changed proof element, a made-up nullifier, a proof from a secret not in the tree", async function () {
      const { reviews, plan, p, leaves, stranger } = await loadFixture(proved);
      const tampered = [...p.proof];
      tampered[0] = (BigInt(tampered[0]) + 1n).toString();
      await expect(reviews.connect(stranger).rate(plan.target, 4, REVIEW, p.root, p.nullifier, tampered))
        .to.be.revertedWithCustomError(reviews, "InvalidProof");
      await expect(reviews.connect(stranger).rate(plan.target, 4, REVIEW, p.root, 12345n, p.proof))
        .to.be.revertedWithCustomError(reviews, "InvalidProof");
      // an outsider builds a tree with its own commitment appended: its root was never the plan's
      const outsider = secretOf(99);
      const forged = await zk.proveRating({ secret: outsider, leaves: [...leaves, zk.commitmentOf(outsider)], index: 4,
        plan: plan.target, stars: 5, reviewHash: REVIEW });
      await expect(reviews.connect(stranger).rate(plan.target, 5, REVIEW, forged.root, forged.nullifier, forged.proof))
        .to.be.revertedWithCustomError(reviews, "UnknownRoot").withArgs(plan.target, forged.root);
      // ... and with the plan's real root its proof does not verify
      await expect(reviews.connect(stranger).rate(plan.target, 5, REVIEW, p.root, forged.nullifier, forged.proof))
        .to.be.revertedWithCustomError(reviews, "InvalidProof");
      expect(await reviews.averageRating(plan.target)).to.deep.equal([0n, 0n]);
    });

    it("a proof replayed with another rating or review, or on another plan, is rejected", async function () {
      const f = await loadFixture(proved);
      const { reviews, plan, p, stranger } = f;
      await expect(reviews.connect(stranger).rate(plan.target, 1, REVIEW, p.root, p.nullifier, p.proof))
        .to.be.revertedWithCustomError(reviews, "InvalidProof");
      await expect(reviews.connect(stranger).rate(plan.target, 4, ethers.ZeroHash, p.root, p.nullifier, p.proof))
        .to.be.revertedWithCustomError(reviews, "InvalidProof");
      const { plan: other } = await createPlan(f);
      await expect(reviews.connect(stranger).rate(other.target, 4, REVIEW, p.root, p.nullifier, p.proof))
        .to.be.revertedWithCustomError(reviews, "UnknownRoot").withArgs(other.target, p.root);
      await expect(reviews.connect(stranger).rate(plan.target, 0, REVIEW, p.root, p.nullifier, p.proof))
        .to.be.revertedWithCustomError(reviews, "InvalidStars").withArgs(0);
    });

    it("a reused nullifier is rejected: the same member cannot rate twice, even with a fresh proof", async function () {
      const { reviews, plan, p, secrets, leaves, stranger, operator } = await loadFixture(proved);
      await reviews.connect(stranger).rate(plan.target, 4, REVIEW, p.root, p.nullifier, p.proof);
      await expect(reviews.connect(operator).rate(plan.target, 4, REVIEW, p.root, p.nullifier, p.proof))
        .to.be.revertedWithCustomError(reviews, "NullifierAlreadySpent").withArgs(p.nullifier);
      const again = await zk.proveRating({ secret: secrets[1], leaves, index: 1, plan: plan.target, stars: 1, reviewHash: ethers.ZeroHash });
      expect(again.nullifier).to.equal(p.nullifier);
      await expect(reviews.connect(operator).rate(plan.target, 1, ethers.ZeroHash, again.root, again.nullifier, again.proof))
        .to.be.revertedWithCustomError(reviews, "NullifierAlreadySpent").withArgs(p.nullifier);
      expect(await reviews.averageRating(plan.target)).to.deep.equal([400n, 1n]);
    });

    it("a stale root (more than ROOT_HISTORY registrations ago) is rejected; a recent one is accepted", async function () {
      const f = await loadFixture(proved);
      const { reviews, commitments, plan, p, stranger } = f;
      const history = Number(await commitments.ROOT_HISTORY());
      const joiners = await extraMembers(f, plan, history);
      await time.increase(PERIOD);
      for (let i = 0; i < history - 1; i++) await commitments.connect(joiners[i]).register(plan.target, 1000n + BigInt(i));
      expect(await commitments.isKnownRoot(plan.target, p.root)).to.equal(true); // the oldest root still kept
      await reviews.connect(stranger).rate.staticCall(plan.target, 4, REVIEW, p.root, p.nullifier, p.proof);
      await commitments.connect(joiners[history - 1]).register(plan.target, 5000n);
      expect(await commitments.isKnownRoot(plan.target, p.root)).to.equal(false);
      await expect(reviews.connect(stranger).rate(plan.target, 4, REVIEW, p.root, p.nullifier, p.proof))
        .to.be.revertedWithCustomError(reviews, "UnknownRoot").withArgs(plan.target, p.root);
    });
  });

  it("round trip: a registered member rates anonymously through another sender; nothing in the transaction names it", async function () {
    const { reviews, plan, p, members, stranger, secrets } = await loadFixture(proved);
    expect(BigInt(p.nullifier)).to.equal(zk.nullifierOf(secrets[1], plan.target, 1n));
    const tx = await reviews.connect(stranger).rate(plan.target, 4, REVIEW, p.root, p.nullifier, p.proof);
    await expect(tx).to.emit(reviews, "AnonymouslyRated").withArgs(plan.target, p.nullifier, 4, REVIEW);
    expect(await reviews.nullifierSpent(p.nullifier)).to.equal(true);
    expect(await reviews.averageRating(plan.target)).to.deep.equal([400n, 1n]);
    const receipt = await tx.wait();
    const raw = (JSON.stringify(receipt.logs) + (await ethers.provider.getTransaction(tx.hash)).data).toLowerCase();
    for (const m of members.slice(0, 4)) expect(raw).to.not.include(m.address.slice(2).toLowerCase());
    // the public rating of AidPool is untouched
    expect(await plan.averageRating()).to.deep.equal([0n, 0n]);
  });
});

/** The root of a depth-16 tree holding `leaves`, computed level by level with poseidon-lite. */
function poseidonRootOf(leaves) {
  let zero = 0n;
  let level = leaves.map(BigInt);
  for (let d = 0; d < zk.DEPTH; d++) {
    const next = [];
    for (let i = 0; i < Math.max(level.length, 1); i += 2) next.push(poseidon2([level[i] ?? zero, level[i + 1] ?? zero]));
    level = next;
    zero = poseidon2([zero, zero]);
  }
  return level[0];
}
