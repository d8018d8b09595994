// Protocol v3 (issue 9): one test per attack and gap, each written against the v2 contracts first
// (where it failed) and kept as the proof of its defence. The numbers in the titles are the
// issue's items; docs/claims.md ("Threat model") points here.
const { expect } = require("chai");
const { ethers } = require("hardhat");
const { loadFixture, time } = require("@nomicfoundation/hardhat-network-helpers");
const { anyValue } = require("@nomicfoundation/hardhat-chai-matchers/withArgs");
const { drawJury, exitArgs, registryHolders } = require("../juryDraw");
const {
  usd, DAY, PERIOD, Model, Status, CloseReason, EVIDENCE, deployProtocol, createPlan, fund, expectSolvent,
} = require("../fixtures");

const ZERO = ethers.ZeroAddress;
const WEEK = 7 * DAY;
const SALT = ethers.id("salt");
const MEMBER_ACTION_GAS = 200_000n;

async function approve(f, plan, id) {
  await plan.connect(f.as1).vote(id, true);
  await plan.connect(f.as2).vote(id, true);
}

async function gasOf(txPromise) {
  return (await (await txPromise).wait()).gasUsed;
}

describe("AidPool v3 (issue 9)", function () {
  describe("2. no plan can freeze", function () {
    it("the factory refuses periods under one day (a 60-second period froze a v2 plan in 16 days)", async function () {
      const f = await loadFixture(deployProtocol);
      await expect(createPlan(f, { period: 60 })).to.be.revertedWithCustomError(f.factory, "PeriodTooShort").withArgs(60, DAY);
    });

    it("after 10 idle years of the shortest period (3,650 periods) every member action costs <= 200k gas; advance catches up in chunks", async function () {
      const f = await deployProtocol();
      const { plan } = await createPlan(f, {
        model: Model.COST_SHARING, contribution: 0, shareCapPerPeriod: usd(1), period: DAY, waitingPeriod: DAY,
        gracePeriod: DAY, assessmentWindow: DAY, noticeWindow: DAY, juryWindow: DAY, maxPayoutPerClaim: usd(100), maxPayoutPerMemberPerYear: usd(100),
      });
      const [a, b, c, d, e] = f.members;
      await fund(f.token, [a, b, c, d, e], plan.target, usd(100_000));
      // a different end of cover for every member, so a roll-over has real work in many periods
      await plan.connect(a).join(usd(5200), ZERO); // covered for 5,200 days (> 10 years)
      await plan.connect(b).join(usd(5200), ZERO);
      await plan.connect(c).join(usd(40), ZERO);
      await plan.connect(d).join(usd(900), ZERO);
      await time.increase(3650 * DAY);
      const gas = {};
      gas.settle = await gasOf(plan.settle(c.address)); // a lapse 3,600 periods ago, found now
      gas.deposit = await gasOf(plan.connect(a).deposit(usd(1)));
      gas.withdraw = await gasOf(plan.connect(a).withdraw(usd(2)));
      gas.join = await gasOf(plan.connect(e).join(usd(10), ZERO));
      gas.submitClaim = await gasOf(plan.connect(b).submitClaim(usd(2), EVIDENCE, await time.latest()));
      await approve(f, plan, 1);
      await time.increase(DAY);
      gas.finalize = await gasOf(plan.finalize(1)); // the book is 3,651 periods behind: the payout waits, owed
      gas.leave = await gasOf(plan.connect(d).leave());
      for (const [op, g] of Object.entries(gas)) expect(g, op).to.be.lte(MEMBER_ACTION_GAS);
      expect(await plan.claimPayment(1)).to.deep.equal([0n, usd(2)]);
      // anyone advances the book in bounded chunks, then the owed claim is paid
      let chunks = 0;
      while (!(await plan.advance.staticCall(500))) {
        expect(await gasOf(plan.advance(500))).to.be.lte(2_000_000n);
        chunks++;
      }
      await plan.advance(500);
      expect(chunks).to.be.greaterThan(5);
      await expect(plan.payOwed(5)).to.emit(plan, "ClaimPaid").withArgs(1, b.address, usd(2), anyValue, anyValue, anyValue, anyValue);
      for (const [op, g] of Object.entries(gas)) console.log(`        ${op} after 10 idle years: ${g} gas`);
      await expectSolvent(expect, f.token, plan);
    });
  });

  describe("3. settled before it counts", function () {
    async function lapsedChallenger() {
      const f = await deployProtocol();
      const { plan } = await createPlan(f);
      await fund(f.token, f.members.slice(0, 6), plan.target);
      const [claimant, lapsed, j1, j2, j3] = f.members;
      for (const m of [claimant, j1, j2, j3]) await plan.connect(m).join(usd(1000), ZERO);
      await plan.connect(lapsed).join(usd(100), ZERO); // pays one period, then nothing
      await time.increase(2 * PERIOD);
      expect((await plan.memberOf(lapsed.address)).active).to.equal(true); // nobody settled it
      await plan.connect(claimant).submitClaim(usd(100), EVIDENCE, await time.latest());
      await approve(f, plan, 1);
      return { ...f, plan, claimant, lapsed, jurors: [j1, j2, j3] };
    }

    it("a member who lapsed long ago cannot challenge (v2 read the stale active flag)", async function () {
      const f = await loadFixture(lapsedChallenger);
      await expect(f.plan.connect(f.lapsed).challenge(1)).to.be.revertedWithCustomError(f.plan, "NotCovered");
      expect((await f.plan.claimOf(1)).status).to.equal(Status.APPROVED);
    });

    it("nor commit a jury vote; and a juror who lapses before the reveal cannot reveal", async function () {
      const f = await loadFixture(lapsedChallenger);
      const [j1] = f.jurors;
      await f.plan.connect(j1).challenge(1);
      await drawJury(f.plan, 1);
      const panel = (await f.plan.juryOf(1)).jurors;
      const j2 = f.jurors.find((j) => panel.includes(j.address)); // a drawn juror
      await expect(f.plan.connect(f.lapsed).commitVote(1, ethers.id("x"))).to.be.revertedWithCustomError(f.plan, "NotCovered");
      await f.plan.connect(j2).commitVote(1, await f.plan.commitmentOf(1, j2.address, true, SALT));
      await f.plan.connect(j2).withdraw(await f.plan.withdrawable(j2.address)); // no money for the next period
      await time.increase(3 * DAY);
      const paidThrough = (await f.plan.memberOf(j2.address)).paidThrough;
      if (BigInt(await time.latest()) < paidThrough) await time.increaseTo(paidThrough + 8n * BigInt(DAY) - BigInt(3 * DAY));
      // still inside the reveal window only if the cover ended first; either way no vote counts from a lapsed juror
      const c = await f.plan.claimOf(1);
      if (BigInt(await time.latest()) < c.deadline + BigInt(3 * DAY)) {
        await expect(f.plan.connect(j2).revealVote(1, true, SALT)).to.be.revertedWithCustomError(f.plan, "NotCovered");
      }
    });
  });

  describe("4. points that mean something", function () {
    it("20 join/leave loops mint nothing; joining points vest once per plan after the waiting period", async function () {
      const f = await deployProtocol();
      const { plan } = await createPlan(f, { model: Model.COST_SHARING, contribution: 0, shareCapPerPeriod: usd(50) });
      const [x] = f.members;
      await fund(f.token, [x], plan.target);
      for (let i = 0; i < 20; i++) {
        await plan.connect(x).join(usd(50), ZERO);
        await plan.connect(x).leave(); // full refund in a cost-sharing plan
      }
      expect((await plan.memberOf(x.address)).points).to.equal(0);
      await expect(plan.connect(x).claimPoints()).to.be.revertedWithCustomError(plan, "NoPointsAccrued");
      await plan.connect(x).join(usd(100), ZERO);
      await time.increase(PERIOD);
      await expect(plan.settle(x.address)).to.emit(plan, "PointsAccrued").withArgs(x.address, 10, 0);
      await plan.connect(x).leave();
      await plan.connect(x).join(usd(100), ZERO);
      await time.increase(PERIOD);
      await expect(plan.settle(x.address)).to.not.emit(plan, "PointsAccrued"); // once per member per plan
      expect((await plan.memberOf(x.address)).points).to.equal(10);
    });

    it("a self-made plan with a junk token mints only its own points, never anyone's standing in another plan", async function () {
      const f = await deployProtocol();
      const honest = (await createPlan(f)).plan;
      const junk = await ethers.deployContract("BlocklistToken", [6]);
      const attacker = f.members[0];
      const rogue = (await createPlan(f, { asset: junk.target, contribution: 1n, shareCapPerPeriod: 1n })).plan;
      await junk.mint(attacker.address, 10n ** 30n);
      await junk.connect(attacker).approve(rogue.target, ethers.MaxUint256);
      await rogue.connect(attacker).join(10n ** 20n, ZERO); // 10^20 periods' worth: contribution points saturate
      await time.increase(PERIOD);
      await rogue.connect(attacker).claimPoints();
      expect(await f.points.pointsOf(rogue.target, attacker.address)).to.be.greaterThan(0);
      expect(await f.points.pointsOf(honest.target, attacker.address)).to.equal(0);
      expect(f.points.interface.getFunction("balanceOf")).to.equal(null); // no global sum of plans' points
    });
  });

  describe("5. nothing forfeited in silence", function () {
    async function shortReserve() {
      const f = await deployProtocol();
      const { plan } = await createPlan(f);
      await fund(f.token, f.members.slice(0, 4), plan.target);
      for (const m of f.members.slice(0, 4)) await plan.connect(m).join(usd(1000), ZERO); // 4 x 95 in the reserve
      await time.increase(PERIOD + 1);
      const claimant = f.members[0];
      await plan.connect(claimant).submitClaim(usd(900), EVIDENCE, await time.latest());
      await approve(f, plan, 1);
      await time.increase(WEEK);
      return { ...f, plan, claimant };
    }

    it("a third party finalizing while the reserve is short cuts nothing: the rest is owed and paid FIFO as contributions arrive", async function () {
      const f = await loadFixture(shortReserve);
      const reserve = await f.plan.reserve();
      await expect(f.plan.connect(f.stranger).finalize(1))
        .to.emit(f.plan, "ClaimPaid").withArgs(1, f.claimant.address, reserve, reserve, 0, 0, 0)
        .and.to.emit(f.plan, "ClaimOwed").withArgs(1, f.claimant.address, usd(900) - reserve);
      expect(await f.plan.claimPayment(1)).to.deep.equal([reserve, usd(900) - reserve]);
      // the members' next contributions reach the reserve; payOwed (anyone) pays the claimant first
      for (const m of f.members.slice(0, 4)) await f.plan.settle(m.address);
      await time.increase(PERIOD);
      for (const m of f.members.slice(0, 4)) await f.plan.settle(m.address);
      await f.plan.payOwed(1);
      await time.increase(PERIOD);
      for (const m of f.members.slice(0, 4)) await f.plan.settle(m.address);
      await f.plan.payOwed(1);
      expect(await f.plan.claimPayment(1)).to.deep.equal([usd(900), 0n]);
      expect((await f.plan.claimOf(1)).paid).to.equal(usd(900)); // the whole claim, credited to the claimant's balance
      expect(await f.plan.owedQueue()).to.deep.equal([1n, 1n, 0n]);
      await expectSolvent(expect, f.token, f.plan);
    });

    it("owed is paid as money arrives: a contribution charged by a settlement or a deposit pays the queue's head (at most one claim), without payOwed", async function () {
      const f = await loadFixture(shortReserve);
      await f.plan.finalize(1);
      // the reserve held 4 joining contributions + the claimant's second one: 5 x 95 = 475 paid, 425 owed
      expect(await f.plan.claimPayment(1)).to.deep.equal([usd(475), usd(425)]);
      await time.increase(PERIOD);
      // b owes periods 2 and 3 (2 x 100, 5% fee): 190 reach the reserve and go to the claimant at once
      const b = f.members[1];
      const tx = f.plan.settle(b.address);
      await expect(tx).to.emit(f.plan, "ContributionCharged").withArgs(b.address, 2, usd(200), usd(10), anyValue)
        .and.to.emit(f.plan, "ClaimPaid").withArgs(1, f.claimant.address, usd(190), usd(190), 0, 0, 0);
      expect(await f.plan.claimPayment(1)).to.deep.equal([usd(665), usd(235)]);
      expect(await f.plan.reserve()).to.equal(0n);
      expect((await (await tx).wait()).gasUsed).to.be.lessThan(150_000n); // bounded: one claim
      // c's deposit settles c's two periods first: the head is paid again, from the deposit's transaction
      const c = f.members[2];
      await expect(f.plan.connect(c).deposit(usd(10))).to.emit(f.plan, "ClaimPaid").withArgs(1, f.claimant.address, usd(190), usd(190), 0, 0, 0);
      expect(await f.plan.claimPayment(1)).to.deep.equal([usd(855), usd(45)]);
      await expectSolvent(expect, f.token, f.plan);
    });

    it("a later claim waits behind an owed one (first in, first out)", async function () {
      const f = await loadFixture(shortReserve);
      await f.plan.finalize(1);
      const second = f.members[1];
      // the second claimant's own contribution reaches the reserve when they submit: it goes to claim 1 at once
      await expect(f.plan.connect(second).submitClaim(usd(10), EVIDENCE, await time.latest()))
        .to.emit(f.plan, "ClaimPaid").withArgs(1, f.claimant.address, usd(95), usd(95), 0, 0, 0);
      await approve(f, f.plan, 2);
      await time.increase(WEEK);
      await f.token.mint(f.stranger.address, usd(10)); // nothing new in the reserve
      await expect(f.plan.finalize(2)).to.emit(f.plan, "ClaimOwed").withArgs(2, second.address, usd(10))
        .and.not.to.emit(f.plan, "ClaimPaid");
      expect(await f.plan.claimPayment(2)).to.deep.equal([0n, usd(10)]);
      expect(await f.plan.owedAt(0)).to.equal(1);
      expect(await f.plan.owedAt(1)).to.equal(2);
    });
  });

  describe("6. pull payments with a blocklisting token", function () {
    it("a blocklisted claimant, challenger or fee receiver blocks only their own withdrawal", async function () {
      const f = await deployProtocol();
      const token = await ethers.deployContract("BlocklistToken", [6]);
      const { plan } = await createPlan(f, { asset: token.target });
      const [claimant, challenger, c, d, e] = f.members;
      for (const m of [claimant, challenger, c, d, e]) {
        await token.mint(m.address, usd(10_000));
        await token.connect(m).approve(plan.target, ethers.MaxUint256);
        await plan.connect(m).join(usd(1000), ZERO);
      }
      await time.increase(PERIOD + 1);
      await plan.connect(claimant).submitClaim(usd(100), EVIDENCE, await time.latest());
      await approve(f, plan, 1);
      await plan.connect(challenger).submitClaim(usd(50), EVIDENCE, await time.latest());
      await approve(f, plan, 2);
      await plan.connect(c).challenge(2);
      await token.setBlocked(claimant.address, true);
      await token.setBlocked(c.address, true);
      await token.setBlocked(f.feeReceiver.address, true);
      await time.increase(WEEK);
      // v2 pushed the payout inside finalize: it reverted forever for a blocklisted claimant
      await expect(plan.connect(f.stranger).finalize(1)).to.emit(plan, "ClaimPaid").withArgs(1, claimant.address, usd(100), usd(100), 0, 0, 0);
      await plan.finalize(2); // no jury votes: the approval stands; the challenger's bond is credited to the claimant of 2
      const claimantBalance = (await plan.memberOf(claimant.address)).balance;
      expect(claimantBalance).to.be.gte(usd(110)); // payout + bond credited to the free balance
      await expect(plan.connect(claimant).withdraw(claimantBalance)).to.be.revertedWithCustomError(token, "Blocklisted").withArgs(claimant.address);
      await expect(plan.connect(f.feeReceiver).withdrawFees()).to.be.revertedWithCustomError(token, "Blocklisted");
      // everyone else goes on
      await expect(plan.connect(challenger).withdraw(usd(100))).to.emit(plan, "Withdrawn");
      await expect(plan.connect(d).leave()).to.emit(plan, "MemberLeft");
      await expect(plan.connect(e).withdraw(usd(10))).to.emit(plan, "Withdrawn");
      expect(await plan.openClaimOf(claimant.address)).to.equal(0); // the claim closed: the claimant may leave or claim again
      await token.setBlocked(claimant.address, false);
      await expect(plan.connect(claimant).leave()).to.emit(plan, "MemberLeft").withArgs(claimant.address, claimantBalance);
      await expectSolvent(expect, token, plan);
    });
  });

  describe("8. any decimals", function () {
    for (const decimals of [6, 18]) {
      it(`a ${decimals}-decimal token: caps of 100,000 tokens, a 20,000-token claim paid in full`, async function () {
        const f = await deployProtocol();
        const token = await ethers.deployContract("BlocklistToken", [decimals]);
        const u = (n) => ethers.parseUnits(String(n), decimals);
        const { plan } = await createPlan(f, {
          asset: token.target, contribution: u(5_000), maxPayoutPerClaim: u(50_000), maxPayoutPerMemberPerYear: u(100_000),
          claimBond: u(10), challengeBond: u(20),
        });
        const members = f.members.slice(0, 5);
        for (const m of members) {
          await token.mint(m.address, u(1_000_000));
          await token.connect(m).approve(plan.target, ethers.MaxUint256);
          await plan.connect(m).join(u(20_000), ZERO);
        }
        await time.increase(PERIOD + 1);
        for (const m of members) await plan.settle(m.address); // 10 contributions of 4,750 net
        await plan.connect(members[0]).submitClaim(u(20_000), EVIDENCE, await time.latest());
        await approve(f, plan, 1);
        await time.increase(WEEK);
        await expect(plan.finalize(1)).to.emit(plan, "ClaimPaid").withArgs(1, members[0].address, u(20_000), u(20_000), 0, 0, 0);
        expect((await plan.claimOf(1)).paidInYear).to.equal(u(20_000));
        await expectSolvent(expect, token, plan);
      });
    }
  });

  describe("9. orderly wind-down", function () {
    it("the creator closes a plan nobody joined; not once someone has", async function () {
      const f = await deployProtocol();
      const creator = f.members[9];
      const rules = (await createPlan(f)).rules;
      const tx = await f.factory.connect(creator).createPlan(rules);
      const ev = (await tx.wait()).logs.map((l) => { try { return f.factory.interface.parseLog(l); } catch { return null; } }).find((x) => x && x.name === "PlanCreated");
      const plan = await ethers.getContractAt("AidPool", ev.args.plan);
      const other = (await createPlan(f)).plan; // created by the operator
      await fund(f.token, [f.members[0]], other.target);
      await other.connect(f.members[0]).join(usd(100), ZERO);
      await expect(other.connect(f.operator).closeByCreator()).to.be.revertedWithCustomError(other, "PlanHasMembers");
      await expect(plan.connect(f.stranger).closeByCreator()).to.be.revertedWithCustomError(plan, "NotCreator").withArgs(f.stranger.address);
      await expect(plan.connect(creator).closeByCreator()).to.emit(plan, "PlanClosed").withArgs(CloseReason.CREATOR, anyValue);
      await fund(f.token, [f.members[1]], plan.target);
      await expect(plan.connect(f.members[1]).join(usd(100), ZERO)).to.be.revertedWithCustomError(plan, "PlanIsClosed");
    });

    it("the exit count walks positions with holders the caller names: a wrong one reverts; who left before is not counted; a counted member who leaves before the exits open is taken out", async function () {
      const f = await deployProtocol();
      const { plan } = await createPlan(f);
      const five = f.members.slice(0, 5);
      await fund(f.token, five, plan.target);
      for (const m of five) await plan.connect(m).join(usd(500), ZERO);
      await plan.connect(five[4]).leave(); // position 5 stays theirs, inactive
      for (const m of five.slice(0, 3)) await plan.connect(m).voteToClose(); // 3 of 4 covered
      expect((await plan.windDown()).closed).to.equal(true);
      // the count starts at the top (position 5): naming anyone else there is refused
      await expect(plan.prepareExits(2, [five[3].address, five[4].address])).to.be.revertedWithCustomError(plan, "ExitHintMismatch").withArgs(5, five[3].address);
      await expect(plan.prepareExits(2, [f.stranger.address])).to.be.revertedWithCustomError(plan, "ExitHintMismatch").withArgs(5, f.stranger.address);
      await plan.prepareExits(2, [five[4].address, five[3].address]); // positions 5 (left) and 4 (counted)
      let w = await plan.windDown();
      expect([w.exitsOpen, w.exitShares, w.countCursor]).to.deep.equal([false, 1n, 3n]);
      await plan.connect(five[3]).leave(); // counted, leaves before the exits open: out of the count
      expect((await plan.windDown()).exitShares).to.equal(0n);
      await expect(plan.prepareExits(5, [five[2].address, five[1].address, five[0].address])).to.emit(plan, "ExitsOpened");
      w = await plan.windDown();
      expect([w.exitsOpen, w.exitShares]).to.deep.equal([true, 3n]); // 5 joined - 1 left before - 1 left during the count
      const pool = w.exitPool;
      let shared = 0n;
      for (const m of five.slice(0, 3)) {
        const balance = (await plan.memberOf(m.address)).balance;
        const before = await f.token.balanceOf(m.address);
        await plan.connect(m).leave();
        shared += (await f.token.balanceOf(m.address)) - before - balance;
      }
      expect(shared).to.equal(pool); // the whole pool, to the unit, among the three counted
      expect((await plan.windDown()).exitShares).to.equal(0n);
    });

    it("members vote to close; open claims finish; every member leaves with balance + an equal share of the reserve; nothing stranded", async function () {
      const f = await deployProtocol();
      const { plan } = await createPlan(f);
      const five = f.members.slice(0, 5);
      await fund(f.token, [...five, f.stranger], plan.target);
      for (const m of five) await plan.connect(m).join(usd(500), ZERO);
      await time.increase(PERIOD + 1);
      await plan.connect(five[0]).submitClaim(usd(100), EVIDENCE, await time.latest());
      await approve(f, plan, 1);
      await plan.connect(five[1]).voteToClose();
      await expect(plan.connect(five[1]).voteToClose()).to.be.revertedWithCustomError(plan, "AlreadyVotedToClose");
      await expect(plan.connect(f.stranger).voteToClose()).to.be.revertedWithCustomError(plan, "NotMember");
      await plan.connect(five[2]).voteToClose();
      await expect(plan.connect(five[3]).voteToClose()).to.emit(plan, "PlanClosed").withArgs(CloseReason.MEMBERS_VOTE, anyValue);
      await expect(plan.connect(f.stranger).join(usd(100), ZERO)).to.be.revertedWithCustomError(plan, "PlanIsClosed");
      await expect(plan.connect(five[1]).submitClaim(usd(1), EVIDENCE, await time.latest())).to.be.revertedWithCustomError(plan, "PlanIsClosed");
      await expect(plan.prepareExits(...(await exitArgs(plan, 100)))).to.be.revertedWithCustomError(plan, "ClaimStillOpen").withArgs(1);
      await time.increase(WEEK);
      await plan.finalize(1); // the open claim finishes and is paid
      await time.increase(5 * PERIOD); // a closed plan charges nothing more
      let steps = 0;
      while (!(await plan.prepareExits.staticCall(...(await exitArgs(plan, 2))))) { await plan.prepareExits(...(await exitArgs(plan, 2))); steps++; }
      await expect(plan.prepareExits(...(await exitArgs(plan, 2)))).to.emit(plan, "ExitsOpened");
      expect(steps).to.be.greaterThan(0);
      const [closed, , , exitsOpen, pool, shares] = await plan.windDown();
      expect([closed, exitsOpen, shares]).to.deep.equal([true, true, 5n]);
      let shared = 0n;
      for (const m of five) {
        const balance = (await plan.memberOf(m.address)).balance;
        const before = await f.token.balanceOf(m.address);
        const rc = await (await plan.connect(m).leave()).wait();
        const got = (await f.token.balanceOf(m.address)) - before;
        shared += got - balance;
        expect(got).to.be.gte(balance);
        expect(rc.logs.length).to.be.greaterThan(0);
      }
      expect(shared).to.equal(pool);
      await plan.connect(f.feeReceiver).withdrawFees();
      expect(await f.token.balanceOf(plan.target)).to.equal(0); // every unit went back
      await expectSolvent(expect, f.token, plan);
    });

    it("covered members below the floor for floorPeriods periods: anyone closes the plan", async function () {
      const f = await deployProtocol();
      const { plan } = await createPlan(f, { minMembers: 3, floorPeriods: 2 });
      const four = f.members.slice(0, 4);
      await fund(f.token, four, plan.target);
      for (const m of four) await plan.connect(m).join(usd(500), ZERO);
      expect(await plan.closeBelowFloor.staticCall()).to.equal(false);
      await plan.connect(four[0]).leave();
      await plan.connect(four[1]).leave();
      await expect(plan.closeBelowFloor()).to.emit(plan, "BelowFloorNoted").withArgs(0, 2);
      await time.increase(PERIOD);
      await plan.closeBelowFloor();
      expect((await plan.windDown())[0]).to.equal(false);
      await time.increase(PERIOD);
      await expect(plan.connect(f.stranger).closeBelowFloor()).to.emit(plan, "PlanClosed").withArgs(CloseReason.BELOW_FLOOR, anyValue);
    });
  });

  describe("10. timing rules", function () {
    it("a loss older than the filing window is refused", async function () {
      const f = await deployProtocol();
      const { plan } = await createPlan(f, { filingWindow: 10 * DAY });
      await fund(f.token, [f.members[0]], plan.target);
      await plan.connect(f.members[0]).join(usd(1000), ZERO);
      await time.increase(PERIOD + 20 * DAY);
      const loss = (await time.latest()) - 11 * DAY;
      await expect(plan.connect(f.members[0]).submitClaim(usd(10), EVIDENCE, loss))
        .to.be.revertedWithCustomError(plan, "FilingDeadlinePassed").withArgs(loss, loss + 10 * DAY);
      await expect(plan.connect(f.members[0]).submitClaim(usd(10), EVIDENCE, loss + 2 * DAY)).to.emit(plan, "ClaimSubmitted");
    });

    it("arrears paid after a loss do not cover it (prepaid grace period)", async function () {
      const f = await deployProtocol();
      const { plan } = await createPlan(f);
      const [a] = f.members;
      await fund(f.token, [a], plan.target);
      await plan.connect(a).join(usd(200), ZERO); // two periods
      await time.increase(2 * PERIOD + 2 * DAY); // unpaid, in the grace period
      const loss = await time.latest();
      await time.increase(DAY);
      await plan.connect(a).deposit(usd(500)); // clears the arrears after the loss
      await expect(plan.connect(a).submitClaim(usd(10), EVIDENCE, loss)).to.be.revertedWithCustomError(plan, "LossNotCovered").withArgs(loss);
      await time.increase(DAY);
      await expect(plan.connect(a).submitClaim(usd(10), EVIDENCE, await time.latest())).to.emit(plan, "ClaimSubmitted");
    });
  });

  describe("member registry (for the jury draw)", function () {
    it("a position is given at the first join and kept for good: leaving, lapsing and rejoining never move one", async function () {
      const f = await deployProtocol();
      const { plan } = await createPlan(f);
      const [a, b, c, d] = f.members;
      await fund(f.token, [a, b, c, d], plan.target);
      await plan.connect(a).join(usd(500), ZERO);
      await plan.connect(b).join(usd(100), ZERO); // one period only
      await plan.connect(c).join(usd(500), ZERO);
      await plan.connect(d).join(usd(500), ZERO);
      const positions = async () => Promise.all([a, b, c, d].map(async (m) => Number((await plan.memberOf(m.address)).registryIndex)));
      expect(await positions()).to.deep.equal([1, 2, 3, 4]);
      expect(await plan.registrySize()).to.equal(4);
      await plan.connect(a).leave();
      await time.increase(PERIOD + 8 * DAY);
      await plan.settle(b.address); // lapsed
      expect((await plan.memberOf(b.address)).active).to.equal(false);
      expect(await positions()).to.deep.equal([1, 2, 3, 4]);
      await plan.connect(a).join(usd(500), ZERO); // a rejoin takes its old position back
      expect(await positions()).to.deep.equal([1, 2, 3, 4]);
      expect(await plan.registrySize()).to.equal(4);
      expect(await registryHolders(plan)).to.deep.equal([a.address, b.address, c.address, d.address]);
    });
  });
});
