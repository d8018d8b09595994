// EvidenceAccess (contracts/privacy): who may read a claim's encrypted evidence. Attacks first, then
// the grants of a dispute and revocation. The contract never sees evidence: a wrap is 124 opaque bytes.
const { expect } = require("chai");
const { ethers } = require("hardhat");
const { loadFixture, time } = require("@nomicfoundation/hardhat-network-helpers");
const { usd, PERIOD, deployProtocol, createPlan, fund } = require("../fixtures");
const { drawJury } = require("../juryDraw");

const ZERO = ethers.ZeroAddress;
const wrap = (n) => ethers.hexlify(new Uint8Array(124).fill(n));
const DOC1 = ethers.sha256(ethers.toUtf8Bytes("ciphertext 1"));
const DOC2 = ethers.sha256(ethers.toUtf8Bytes("ciphertext 2"));

async function publicKeyOf(signer) {
  const sig = await signer.signMessage("key");
  return "0x" + ethers.SigningKey.recoverPublicKey(ethers.hashMessage("key"), sig).slice(4);
}

async function setup() {
  const f = await deployProtocol();
  const { plan } = await createPlan(f);
  await fund(f.token, f.members, plan.target);
  for (const m of f.members) await plan.connect(m).join(usd(600), ZERO);
  await time.increase(PERIOD + 1);
  for (const m of f.members) await plan.settle(m.address);
  const claimant = f.members[0];
  await plan.connect(claimant).submitClaim(usd(100), DOC1, await time.latest());
  const id = await plan.claimCount();
  const access = await ethers.deployContract("EvidenceAccess", [await f.factory.getAddress()]);
  return { ...f, plan, access, claimant, id };
}

/** The claim approved by two assessors, challenged by a member, its jury drawn: returns the jurors (signers). */
async function disputed(f) {
  await f.plan.connect(f.as1).vote(f.id, true);
  await f.plan.connect(f.as2).vote(f.id, true);
  await f.plan.connect(f.members[1]).challenge(f.id);
  await drawJury(f.plan, f.id);
  const jurors = (await f.plan.juryOf(f.id)).jurors;
  return jurors.map((a) => f.signers.find((s) => s.address === a));
}

describe("EvidenceAccess", function () {
  describe("attacks", function () {
    it("nobody but the claimant adds documents or grants before a jury exists", async function () {
      const f = await loadFixture(setup);
      await expect(f.access.connect(f.stranger).addDocument(f.plan.target, f.id, DOC1, [f.stranger.address], [wrap(1)]))
        .to.be.revertedWithCustomError(f.access, "NotClaimant").withArgs(f.plan.target, f.id, f.stranger.address);
      await expect(f.access.connect(f.stranger).grant(f.plan.target, f.id, f.stranger.address, [], []))
        .to.be.revertedWithCustomError(f.access, "NotAllowedToGrant");
      // an assessor who holds the key may not hand it to anyone but a drawn juror
      await f.access.connect(f.claimant).addDocument(f.plan.target, f.id, DOC1, [f.claimant.address, f.as1.address], [wrap(1), wrap(2)]);
      await expect(f.access.connect(f.as1).grant(f.plan.target, f.id, f.stranger.address, [DOC1], [wrap(3)]))
        .to.be.revertedWithCustomError(f.access, "NotADrawnJuror").withArgs(f.plan.target, f.id, f.stranger.address);
      await expect(f.access.connect(f.stranger).revoke(f.plan.target, f.id, f.as1.address))
        .to.be.revertedWithCustomError(f.access, "NotClaimant");
    });

    it("a fake plan that names the attacker as claimant is refused", async function () {
      const f = await loadFixture(setup);
      // a second factory's plan (the attacker's own deployment) is not a plan of this registry
      const g = await deployProtocol();
      const { plan: fake } = await createPlan(g);
      await expect(f.access.connect(f.stranger).addDocument(fake.target, 1, DOC1, [], []))
        .to.be.revertedWithCustomError(f.access, "NotAPlan").withArgs(fake.target);
    });

    it("nobody publishes a public key that is not their own", async function () {
      const f = await loadFixture(setup);
      const key = await publicKeyOf(f.as1);
      await expect(f.access.connect(f.stranger).publishKey(key)).to.be.revertedWithCustomError(f.access, "BadPublicKey");
      await expect(f.access.connect(f.as1).publishKey(key)).to.emit(f.access, "KeyPublished").withArgs(f.as1.address, key);
      expect(await f.access.publicKeyOf(f.as1.address)).to.equal(key);
    });

    it("wraps of the wrong size, mismatched lists and over-long batches are refused", async function () {
      const f = await loadFixture(setup);
      await expect(f.access.connect(f.claimant).addDocument(f.plan.target, f.id, DOC1, [f.as1.address], ["0x1234"]))
        .to.be.revertedWithCustomError(f.access, "BadWrap").withArgs(2);
      await expect(f.access.connect(f.claimant).addDocument(f.plan.target, f.id, DOC1, [f.as1.address], []))
        .to.be.revertedWithCustomError(f.access, "LengthMismatch");
      const many = Array.from({ length: 33 }, () => f.as1.address);
      await expect(f.access.connect(f.claimant).addDocument(f.plan.target, f.id, DOC1, many, many.map(() => wrap(1))))
        .to.be.revertedWithCustomError(f.access, "BatchTooLarge").withArgs(33, 32);
    });
  });

  describe("grants", function () {
    it("the claimant adds a document for the assessors: events name readers, never content", async function () {
      const f = await loadFixture(setup);
      const tx = f.access.connect(f.claimant).addDocument(f.plan.target, f.id, DOC1, [f.claimant.address, f.as1.address], [wrap(1), wrap(2)]);
      await expect(tx).to.emit(f.access, "DocumentAdded").withArgs(f.plan.target, f.id, DOC1)
        .and.to.emit(f.access, "AccessGranted").withArgs(f.plan.target, f.id, f.as1.address, f.claimant.address)
        .and.to.emit(f.access, "KeyWrapped").withArgs(f.plan.target, f.id, f.as1.address, DOC1, wrap(2));
      expect(await f.access.isReader(f.plan.target, f.id, f.as1.address)).to.equal(true);
      expect(await f.access.isReader(f.plan.target, f.id, f.as2.address)).to.equal(false);
      expect(await f.access.documentsOf(f.plan.target, f.id)).to.deep.equal([DOC1]);
      await expect(f.access.connect(f.claimant).addDocument(f.plan.target, f.id, DOC1, [], []))
        .to.be.revertedWithCustomError(f.access, "DocumentExists");
    });

    it("a drawn juror is granted by an assessor who holds the key, even if the claimant refuses", async function () {
      const f = await loadFixture(setup);
      await f.access.connect(f.claimant).addDocument(f.plan.target, f.id, DOC1, [f.claimant.address, f.as1.address], [wrap(1), wrap(2)]);
      const jurors = await disputed(f);
      expect(jurors.length).to.be.greaterThan(0);
      // as2 holds no wrap: not a reader, may not grant
      await expect(f.access.connect(f.as2).grant(f.plan.target, f.id, jurors[0].address, [DOC1], [wrap(4)]))
        .to.be.revertedWithCustomError(f.access, "NotAllowedToGrant");
      for (const j of jurors) {
        await expect(f.access.connect(f.as1).grant(f.plan.target, f.id, j.address, [DOC1], [wrap(5)]))
          .to.emit(f.access, "AccessGranted").withArgs(f.plan.target, f.id, j.address, f.as1.address);
      }
      await expect(f.access.connect(f.as1).grant(f.plan.target, f.id, jurors[0].address, [DOC2], [wrap(5)]))
        .to.be.revertedWithCustomError(f.access, "UnknownDocument").withArgs(DOC2);
    });

    it("the claimant's keeper (a reader) may wrap for drawn jurors; without authorisation it may not", async function () {
      const f = await loadFixture(setup);
      const keeper = f.stranger;
      await f.access.connect(f.claimant).addDocument(f.plan.target, f.id, DOC1, [f.claimant.address, keeper.address], [wrap(1), wrap(2)]);
      const jurors = await disputed(f);
      await expect(f.access.connect(keeper).grant(f.plan.target, f.id, jurors[0].address, [DOC1], [wrap(6)]))
        .to.be.revertedWithCustomError(f.access, "NotAllowedToGrant");
      await expect(f.access.connect(f.claimant).authoriseKeeper(keeper.address))
        .to.emit(f.access, "KeeperAuthorised").withArgs(f.claimant.address, keeper.address);
      await expect(f.access.connect(keeper).grant(f.plan.target, f.id, jurors[0].address, [DOC1], [wrap(6)]))
        .to.emit(f.access, "KeyWrapped").withArgs(f.plan.target, f.id, jurors[0].address, DOC1, wrap(6));
    });

    it("revocation: the revoked reader is no longer a reader and gets no wrap of a later document", async function () {
      const f = await loadFixture(setup);
      await f.access.connect(f.claimant).addDocument(f.plan.target, f.id, DOC1, [f.claimant.address, f.as3.address], [wrap(1), wrap(2)]);
      await expect(f.access.connect(f.claimant).revoke(f.plan.target, f.id, f.as3.address))
        .to.emit(f.access, "AccessRevoked").withArgs(f.plan.target, f.id, f.as3.address);
      expect(await f.access.isReader(f.plan.target, f.id, f.as3.address)).to.equal(false);
      await expect(f.access.connect(f.claimant).revoke(f.plan.target, f.id, f.as3.address))
        .to.be.revertedWithCustomError(f.access, "NotAReader");
      const rc = await (await f.access.connect(f.claimant).addDocument(f.plan.target, f.id, DOC2, [f.claimant.address], [wrap(7)])).wait();
      const wrappedFor = rc.logs.map((l) => f.access.interface.parseLog(l)).filter((e) => e.name === "KeyWrapped").map((e) => e.args.reader);
      expect(wrappedFor).to.deep.equal([f.claimant.address]);
    });
  });
});
