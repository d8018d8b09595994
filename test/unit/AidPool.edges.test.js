const { expect } = require("chai");
const { ethers } = require("hardhat");
const { loadFixture, time } = require("@nomicfoundation/hardhat-network-helpers");
const { usd, DAY, PERIOD, Model, Status, EVIDENCE, deployProtocol, createPlan, fund, expectSolvent } = require("../fixtures");

const ZERO = ethers.ZeroAddress;
const WEEK = 7 * DAY;

async function approve(f, plan, id) {
  await plan.connect(f.as1).vote(id, true);
  await plan.connect(f.as2).vote(id, true);
}

describe("AidPool edges", function () {
  describe("reentrancy", function () {
    async function hostile() {
      const f = await deployProtocol();
      const token = await ethers.deployContract("ReentrantToken");
      const { plan } = await createPlan(f, { asset: token.target });
      const [a, b, c] = f.members;
      for (const m of [a, b, c]) {
        await token.mint(m.address, usd(10000));
        await token.connect(m).approve(plan.target, ethers.MaxUint256);
        await plan.connect(m).join(usd(500), ZERO);
      }
      await time.increase(PERIOD + 1);
      await plan.connect(a).submitClaim(usd(100), EVIDENCE, await time.latest()); // 1: approved
      await approve(f, plan, 1);
      await plan.connect(b).submitClaim(usd(100), EVIDENCE, await time.latest()); // 2: rejected
      await plan.connect(f.as1).vote(2, false);
      await plan.connect(f.as2).vote(2, false);
      const arm = () => token.arm(plan.target, plan.interface.encodeFunctionData("deposit", [1]));
      return { ...f, token, plan, a, b, c, arm };
    }

    const attacks = {
      join: (f) => f.plan.connect(f.members[3]).join(usd(500), ZERO),
      deposit: (f) => f.plan.connect(f.c).deposit(usd(1)),
      withdraw: (f) => f.plan.connect(f.c).withdraw(usd(1)),
      leave: (f) => f.plan.connect(f.c).leave(),
      submitClaim: async (f) => f.plan.connect(f.c).submitClaim(usd(1), EVIDENCE, await time.latest()),
      challenge: (f) => f.plan.connect(f.c).challenge(1),
      appeal: (f) => f.plan.connect(f.b).appeal(2),
      finalizeThenWithdraw: async (f) => {
        if ((await f.plan.claimOf(1)).status !== 5n) { await time.increase(WEEK); await f.plan.finalize(1); }
        return f.plan.connect(f.a).withdraw(usd(110)); // the payout and bond credited to a's balance
      },
      withdrawFees: (f) => f.plan.connect(f.feeReceiver).withdrawFees(),
    };
    for (const [name, attack] of Object.entries(attacks)) {
      it(`${name} cannot be re-entered through the token`, async function () {
        const f = await loadFixture(hostile);
        if (name === "join") {
          await f.token.mint(f.members[3].address, usd(1000));
          await f.token.connect(f.members[3]).approve(f.plan.target, ethers.MaxUint256);
        }
        await f.arm();
        await expect(attack(f)).to.be.revertedWithCustomError(f.plan, "ReentrancyGuardReentrantCall");
        await f.token.arm(ZERO, "0x");
        await expect(attack(f)).to.not.be.reverted;
        if (name === "finalizeThenWithdraw") expect((await f.plan.claimOf(1)).paid).to.equal(usd(100));
        await expectSolvent(expect, f.token, f.plan);
      });
    }
  });

  describe("plans without bonds", function () {
    async function noBonds() {
      const f = await deployProtocol();
      const { plan } = await createPlan(f, { claimBond: 0, challengeBond: 0 });
      await fund(f.token, f.members.slice(0, 5), plan.target);
      for (const m of f.members.slice(0, 5)) await plan.connect(m).join(usd(300), ZERO);
      await time.increase(PERIOD + 1);
      for (const m of f.members.slice(0, 5)) await plan.settle(m.address); // 950 in the reserve
      return { ...f, plan };
    }

    it("claims, challenges, appeals and payouts move no bond; an empty reserve pays nothing now and owes the rest", async function () {
      const f = await loadFixture(noBonds);
      const [a, b, c, d] = f.members;
      await f.plan.connect(a).submitClaim(usd(1000), EVIDENCE, await time.latest());
      await approve(f, f.plan, 1);
      await f.plan.connect(b).challenge(1);
      expect(await f.plan.bondsHeld()).to.equal(0);
      await time.increase(6 * DAY + 1); // no jury votes: the approval stands
      const reserve = await f.plan.reserve();
      await expect(f.plan.finalize(1)).to.emit(f.plan, "ClaimPaid").withArgs(1, a.address, reserve, reserve, 0, 0, 0)
        .and.to.emit(f.plan, "ClaimOwed").withArgs(1, a.address, usd(1000) - reserve)
        .and.not.to.emit(f.plan, "BondsReleased");
      // the reserve is empty now
      await f.plan.connect(c).submitClaim(usd(10), EVIDENCE, await time.latest());
      await approve(f, f.plan, 2);
      await time.increase(WEEK);
      const before = await f.token.balanceOf(c.address);
      await expect(f.plan.finalize(2)).to.emit(f.plan, "ClaimOwed").withArgs(2, c.address, usd(10)).and.not.to.emit(f.plan, "ClaimPaid");
      expect(await f.token.balanceOf(c.address)).to.equal(before);
      expect(await f.plan.owedQueue()).to.deep.equal([0n, 2n, usd(1000) - reserve + usd(10)]);
      // a rejected, appealed and denied claim without bonds
      await f.plan.connect(d).submitClaim(usd(10), EVIDENCE, await time.latest());
      await f.plan.connect(f.as1).vote(3, false);
      await f.plan.connect(f.as2).vote(3, false);
      await f.plan.connect(d).appeal(3);
      await time.increase(6 * DAY + 1);
      await expect(f.plan.finalize(3)).to.emit(f.plan, "ClaimDenied").and.not.to.emit(f.plan, "BondsForfeited");
      expect((await f.plan.claimOf(3)).status).to.equal(Status.DENIED);
      await expectSolvent(expect, f.token, f.plan);
    });
  });

  describe("lapses discovered mid-call", function () {
    it("a prepaid member who lapses while submitting gets NotCovered", async function () {
      const f = await deployProtocol();
      const { plan } = await createPlan(f, { gracePeriod: 0 });
      await fund(f.token, [f.members[0]], plan.target);
      await plan.connect(f.members[0]).join(usd(150), ZERO); // 50 left: no second period
      await time.increase(PERIOD + 1);
      await expect(plan.connect(f.members[0]).submitClaim(usd(1), EVIDENCE, await time.latest()))
        .to.be.revertedWithCustomError(plan, "NotCovered");
    });

    it("a cost-sharing member whose cover ended cannot deposit; leaving with nothing left refunds zero", async function () {
      const f = await deployProtocol();
      const { plan } = await createPlan(f, { model: Model.COST_SHARING, contribution: 0, shareCapPerPeriod: usd(50) });
      await fund(f.token, f.members.slice(0, 2), plan.target);
      const [a, b] = f.members;
      await plan.connect(a).join(usd(50), ZERO);
      await plan.connect(b).join(usd(100), ZERO);
      await time.increase(PERIOD + 1);
      expect((await plan.memberOf(a.address)).active).to.equal(true); // not seen yet
      await expect(plan.connect(a).deposit(usd(10))).to.be.revertedWithCustomError(plan, "NotMember");
      await plan.connect(b).withdraw(usd(100));
      await plan.connect(b).join(usd(50), ZERO);
      await plan.connect(b).withdraw(usd(50)); // lapses at once
      await plan.connect(b).join(usd(50), ZERO);
      // a member with an empty balance can leave: MemberLeft with 0
      const p2 = (await createPlan(f)).plan;
      await fund(f.token, [f.members[5]], p2.target);
      await p2.connect(f.members[5]).join(usd(100), ZERO);
      await expect(p2.connect(f.members[5]).leave()).to.emit(p2, "MemberLeft").withArgs(f.members[5].address, 0);
    });
  });

  it("amounts beyond the 96-bit balance field are refused before any transfer", async function () {
    const f = await deployProtocol();
    const { plan } = await createPlan(f);
    await fund(f.token, [f.members[0]], plan.target);
    await plan.connect(f.members[0]).join(usd(100), ZERO);
    await expect(plan.connect(f.members[0]).deposit(2n ** 96n)).to.be.revertedWithCustomError(plan, "SafeCastOverflowedUintDowncast");
  });

  describe("withdrawable", function () {
    it("equals what a withdrawal can take, in every state", async function () {
      const f = await deployProtocol();
      const pre = (await createPlan(f)).plan;
      const cs = (await createPlan(f, { model: Model.COST_SHARING, contribution: 0, shareCapPerPeriod: usd(50) })).plan;
      const [a, b, c, d] = f.members;
      await fund(f.token, [a, b, c, d], pre.target);
      await fund(f.token, [a, b, c, d], cs.target);
      // never joined
      expect(await pre.withdrawable(a.address)).to.equal(0);
      await pre.connect(a).join(usd(250), ZERO);
      expect(await pre.withdrawable(a.address)).to.equal(usd(150)); // covered: the balance
      await time.increase(PERIOD);
      expect(await pre.withdrawable(a.address)).to.equal(usd(50)); // one contribution due
      await pre.connect(a).withdraw(usd(50));
      await time.increase(PERIOD + 8 * DAY);
      await pre.settle(a.address); // lapsed
      expect(await pre.withdrawable(a.address)).to.equal(0);

      for (const m of [a, b, c]) await cs.connect(m).join(usd(100), ZERO); // 2 periods each
      await time.increase(PERIOD + 1);
      await cs.connect(a).submitClaim(usd(60), EVIDENCE, await time.latest());
      await approve(f, cs, 1);
      await time.increase(WEEK);
      await cs.finalize(1); // 63 over 3 = 21 each
      expect(await cs.withdrawable(b.address)).to.equal(usd(79));
      await time.increase(PERIOD); // b's cover ended, not rolled over yet
      expect(await cs.withdrawable(b.address)).to.equal(usd(79));
      await cs.advance(10); // rolls over
      expect(await cs.withdrawable(b.address)).to.equal(usd(79));
      await expect(cs.connect(b).withdraw(usd(79))).to.emit(cs, "Withdrawn").withArgs(b.address, usd(79), 0);
      await expectSolvent(expect, f.token, cs);
      await expectSolvent(expect, f.token, pre);
    });
  });
});
