const { expect } = require("chai");
const { ethers } = require("hardhat");
const { loadFixture, time } = require("@nomicfoundation/hardhat-network-helpers");
const { anyValue } = require("@nomicfoundation/hardhat-chai-matchers/withArgs");
const { usd, DAY, PERIOD, Model, Status, EVIDENCE, deployProtocol, createPlan, fund, expectSolvent } = require("../fixtures");

const ZERO = ethers.ZeroAddress;
const NOTICE = 7 * DAY;

async function shared10() {
  const f = await deployProtocol();
  const { plan, rules } = await createPlan(f, {
    model: Model.COST_SHARING, contribution: 0, shareCapPerPeriod: usd(50), maxPayoutPerMemberPerYear: usd(5000),
  });
  await fund(f.token, [...f.members, f.stranger], plan.target);
  // 10 members, each covered for 4 periods (200 / 50)
  for (const m of f.members.slice(0, 10)) await plan.connect(m).join(usd(200), ZERO);
  await time.increase(PERIOD + 1);
  return { ...f, plan, rules, ten: f.members.slice(0, 10) };
}

async function claimAndPay(f, who, amount) {
  const id = (await f.plan.claimCount()) + 1n;
  await f.plan.connect(who).submitClaim(amount, EVIDENCE, await time.latest());
  await f.plan.connect(f.as1).vote(id, true);
  await f.plan.connect(f.as2).vote(id, true);
  await time.increase(NOTICE);
  const tx = f.plan.finalize(id);
  const rc = await (await tx).wait();
  const ev = rc.logs.map((l) => { try { return f.plan.interface.parseLog(l); } catch { return null; } }).find((e) => e && e.name === "ClaimPaid");
  return ev.args;
}

describe("AidPool cost sharing", function () {
  it("join requires one share cap and files the member's end of cover", async function () {
    const f = await loadFixture(shared10);
    await expect(f.plan.connect(f.stranger).join(usd(49), ZERO)).to.be.revertedWithCustomError(f.plan, "DepositBelowMinimum").withArgs(usd(49), usd(50));
    const m = await f.plan.memberOf(f.ten[0].address);
    const [createdAt] = await f.plan.planInfo();
    expect(m.paidThrough).to.equal(createdAt + 4n * BigInt(PERIOD));
    expect(await f.plan.expiringAt(4)).to.equal(10);
    expect(await f.plan.activeMembers()).to.equal(10);
  });

  it("files a large balance at most MAX_COVER_PERIODS ahead", async function () {
    const f = await loadFixture(shared10);
    await f.token.mint(f.stranger.address, usd(1_000_000));
    await f.plan.connect(f.stranger).join(usd(1_000_000), ZERO); // 20,000 periods' worth
    const [createdAt] = await f.plan.planInfo();
    const last = await f.plan.currentPeriod();
    expect(await f.plan.MAX_COVER_PERIODS()).to.equal(5200);
    expect((await f.plan.memberOf(f.stranger.address)).paidThrough).to.equal(createdAt + (last + 5200n) * BigInt(PERIOD));
    expect(await f.plan.expiringAt(last + 5200n)).to.equal(1);
  });

  it("rounds the share up and puts the dust in the reserve", async function () {
    const f = await loadFixture(shared10);
    // 100.000001 + 5% fee (floored) = 105.000001 over 10 = 10.5000001 -> 10.500001 each
    const paid = await claimAndPay(f, f.ten[0], usd(100) + 1n);
    expect(paid.amount).to.equal(usd(100) + 1n);
    expect(paid.fee).to.equal(usd(5));
    expect(paid.sharePerMember).to.equal(10500001n);
    expect(await f.plan.reserve()).to.equal(10500001n * 10n - (usd(105) + 1n));
    await expectSolvent(expect, f.token, f.plan);
  });

  it("ClaimPaid carries what the reserve paid and the dust it got back: the reserve is tracked exactly from events", async function () {
    const f = await loadFixture(shared10);
    // claim 1 rejected: its 10 bond goes to the reserve (BondsForfeited)
    await f.plan.connect(f.ten[1]).submitClaim(usd(100), EVIDENCE, await time.latest());
    await f.plan.connect(f.as1).vote(1, false);
    await f.plan.connect(f.as2).vote(1, false);
    await time.increase(NOTICE);
    await expect(f.plan.finalize(1)).to.emit(f.plan, "BondsForfeited").withArgs(1, usd(10));
    expect(await f.plan.reserve()).to.equal(usd(10));
    // claim 2 of 100.000001: 10 from the reserve, then 90.000001 + 4.5 fee over 10 members,
    // rounded up to 9.450001 each: 1 base unit of dust back to the reserve
    await f.plan.connect(f.ten[0]).submitClaim(usd(100) + 1n, EVIDENCE, await time.latest());
    await f.plan.connect(f.as1).vote(2, true);
    await f.plan.connect(f.as2).vote(2, true);
    await time.increase(NOTICE);
    const share = 9450001n;
    const dust = share * 10n - (usd(90) + 1n + usd(4.5));
    expect(dust).to.equal(9n);
    await expect(f.plan.finalize(2))
      .to.emit(f.plan, "ClaimPaid").withArgs(2, f.ten[0].address, usd(100) + 1n, usd(10), usd(4.5), share, dust);
    expect(await f.plan.reserve()).to.equal(usd(10) - usd(10) + dust);
    await expectSolvent(expect, f.token, f.plan);
  });

  it("caps each member's shares per period with a pro-rata haircut; the rest stays owed and is paid FIFO from later periods' room", async function () {
    const f = await loadFixture(shared10);
    // 1000 + 50 fee = 105 each > cap 50: each pays 50, 500 collected, split 10000:500
    const first = (usd(500) * 10000n) / 10500n;
    await expect(f.plan.connect(f.ten[0]).submitClaim(usd(1000), EVIDENCE, await time.latest())).to.emit(f.plan, "ClaimSubmitted");
    await f.plan.connect(f.as1).vote(1, true);
    await f.plan.connect(f.as2).vote(1, true);
    await time.increase(NOTICE);
    await expect(f.plan.finalize(1))
      .to.emit(f.plan, "ClaimPaid").withArgs(1, f.ten[0].address, first, 0, usd(500) - first, usd(50), 0)
      .and.to.emit(f.plan, "ClaimOwed").withArgs(1, f.ten[0].address, usd(1000) - first);
    const [index, periodShared] = await f.plan.sharing();
    expect(index).to.equal(usd(50));
    expect(periodShared).to.equal(usd(50));
    // the cap is used up for this period: the next approved claim waits, owed, behind claim 1
    await f.plan.connect(f.ten[1]).submitClaim(usd(100), EVIDENCE, await time.latest());
    await f.plan.connect(f.as1).vote(2, true);
    await f.plan.connect(f.as2).vote(2, true);
    await time.increase(NOTICE);
    await expect(f.plan.finalize(2)).to.emit(f.plan, "ClaimOwed").withArgs(2, f.ten[1].address, usd(100))
      .and.not.to.emit(f.plan, "ClaimPaid");
    expect(await f.plan.claimPayment(2)).to.deep.equal([0n, usd(100)]);
    // a new period frees the cap: claim 1 comes first (FIFO) and takes the whole room again
    await time.increase(PERIOD);
    await f.plan.connect(f.ten[2]).submitClaim(usd(100), EVIDENCE, await time.latest());
    await f.plan.connect(f.as1).vote(3, true);
    await f.plan.connect(f.as2).vote(3, true);
    await time.increase(NOTICE);
    await expect(f.plan.finalize(3)).to.emit(f.plan, "ClaimPaid").withArgs(1, f.ten[0].address, first, 0, usd(500) - first, usd(50), 0);
    const rest1 = usd(1000) - 2n * first;
    expect(await f.plan.claimPayment(1)).to.deep.equal([2n * first, rest1]);
    // the period after: the rest of claim 1, then claims 2 and 3, all in full
    await time.increase(PERIOD);
    const fee1 = (rest1 * 500n) / 10000n;
    await expect(f.plan.payOwed(10))
      .to.emit(f.plan, "ClaimPaid").withArgs(1, f.ten[0].address, rest1, 0, fee1, (rest1 + fee1 + 9n) / 10n, ((rest1 + fee1 + 9n) / 10n) * 10n - rest1 - fee1)
      .and.to.emit(f.plan, "ClaimPaid").withArgs(2, f.ten[1].address, usd(100), 0, usd(5), usd(10.5), 0)
      .and.to.emit(f.plan, "ClaimPaid").withArgs(3, f.ten[2].address, usd(100), 0, usd(5), usd(10.5), 0);
    for (const id of [1, 2, 3]) expect((await f.plan.claimPayment(id))[1]).to.equal(0);
    expect(await f.plan.owedQueue()).to.deep.equal([3n, 3n, 0n]);
    // payout + returned bond, credited to the claimant's free balance (200, less 3 periods' shares of 50, 26)
    expect(await f.plan.withdrawable(f.ten[0].address)).to.equal(usd(200) - usd(126) + usd(1000) + usd(10));
    await expectSolvent(expect, f.token, f.plan);
  });

  it("settles each member's shares lazily, and lapses members whose balance no longer covers a period", async function () {
    const f = await loadFixture(shared10);
    await claimAndPay(f, f.ten[0], usd(200)); // 21 each
    const b = f.ten[1];
    await expect(f.plan.settle(b.address)).to.emit(f.plan, "SharesSettled").withArgs(b.address, usd(21), usd(179), anyValue);
    expect((await f.plan.memberOf(b.address)).shareSnapshot).to.equal(usd(21));
    // b re-files: 179 covers 3 periods from now; c keeps its original end of cover (period 4)
    await time.increase(3 * PERIOD);
    const c = f.ten[2];
    // period 4 started: the members filed under it are no longer covered; settling needs no
    // roll-over of the book (O(1) whatever the idle time)
    await expect(f.plan.settle(c.address)).to.emit(f.plan, "MemberLapsed").and.not.to.emit(f.plan, "PeriodStarted");
    expect((await f.plan.memberOf(c.address)).active).to.equal(false);
    expect((await f.plan.memberOf(c.address)).balance).to.equal(usd(179));
    await expect(f.plan.advance(100)).to.emit(f.plan, "PeriodStarted").withArgs(4, 0, usd(21)); // b's cover ends with period 3 too
    expect(await f.plan.indexAtPeriod(4)).to.equal(usd(21));
    // claims after their cover ended are not charged to them
    await expectSolvent(expect, f.token, f.plan);
    await expect(f.plan.connect(c).deposit(usd(100))).to.be.revertedWithCustomError(f.plan, "NotMember");
    await expect(f.plan.connect(c).join(usd(100), ZERO)).to.emit(f.plan, "MemberJoined");
  });

  it("a withdrawal below one share cap ends the cover at once; a deposit extends it", async function () {
    const f = await loadFixture(shared10);
    const [a, b] = f.ten;
    await expect(f.plan.connect(a).withdraw(usd(160))).to.emit(f.plan, "MemberLapsed").withArgs(a.address, anyValue);
    expect(await f.plan.activeMembers()).to.equal(9);
    expect(await f.plan.expiringAt(4)).to.equal(9);
    await f.plan.connect(b).deposit(usd(100)); // 300 / 50 = 6 periods from period 1
    expect(await f.plan.expiringAt(4)).to.equal(8);
    expect(await f.plan.expiringAt(7)).to.equal(1);
    await f.plan.connect(b).deposit(1); // same end of cover: nothing moves
    expect(await f.plan.expiringAt(7)).to.equal(1);
    await expect(f.plan.connect(f.ten[2]).leave()).to.emit(f.plan, "MemberLeft").withArgs(f.ten[2].address, usd(200));
    expect(await f.plan.activeMembers()).to.equal(8);
    expect(await f.plan.expiringAt(4)).to.equal(7);
    await expectSolvent(expect, f.token, f.plan);
  });

  it("pays from the reserve first (forfeited bonds), then from shares", async function () {
    const f = await loadFixture(shared10);
    // a rejected, unappealed claim forfeits its 10 bond to the reserve
    await f.plan.connect(f.ten[3]).submitClaim(usd(5), EVIDENCE, await time.latest());
    await f.plan.connect(f.as1).vote(1, false);
    await f.plan.connect(f.as2).vote(1, false);
    await time.increase(NOTICE);
    await f.plan.finalize(1);
    expect(await f.plan.reserve()).to.equal(usd(10));
    const paid = await claimAndPay(f, f.ten[0], usd(110)); // 10 from the reserve, 100 + 5 shared
    expect(paid.amount).to.equal(usd(110));
    expect(paid.sharePerMember).to.equal(usd(10.5));
    expect(await f.plan.reserve()).to.equal(0);
    // a claim the reserve covers alone charges nobody
    await f.plan.connect(f.ten[4]).submitClaim(usd(5), EVIDENCE, await time.latest());
    await f.plan.connect(f.as1).vote(3, false);
    await f.plan.connect(f.as2).vote(3, false);
    await time.increase(NOTICE);
    await f.plan.finalize(3);
    const small = await claimAndPay(f, f.ten[1], usd(10));
    expect(small.sharePerMember).to.equal(0);
    expect(small.amount).to.equal(usd(10));
    await expectSolvent(expect, f.token, f.plan);
  });

  it("a claim with nobody covered to share it pays only what the reserve holds; the rest stays owed", async function () {
    const f = await deployProtocol();
    const { plan } = await createPlan(f, { model: Model.COST_SHARING, contribution: 0, shareCapPerPeriod: usd(50) });
    await fund(f.token, f.members.slice(0, 2), plan.target);
    const [a, b] = f.members;
    await plan.connect(a).join(usd(50), ZERO);
    await plan.connect(b).join(usd(50), ZERO);
    await time.increase(PERIOD + 1);
    // both covers ended with period 1; a rejoins (150 in all: periods 1-3) to claim
    await plan.connect(a).join(usd(100), ZERO);
    await time.increase(PERIOD + 1);
    await plan.connect(a).submitClaim(usd(20), EVIDENCE, await time.latest());
    await plan.connect(f.as1).vote(1, true);
    await plan.connect(f.as2).vote(1, true);
    await time.increase(2 * PERIOD + NOTICE); // a's cover ends before the payout
    expect(await plan.activeMembers()).to.equal(3); // not rolled over since a's and b's first covers ended
    await expect(plan.finalize(1)).to.emit(plan, "ClaimOwed").withArgs(1, a.address, usd(20)).and.not.to.emit(plan, "ClaimPaid");
    expect(await plan.activeMembers()).to.equal(0);
    expect((await plan.claimOf(1)).status).to.equal(Status.PAID);
    expect(await plan.claimPayment(1)).to.deep.equal([0n, usd(20)]);
    await expectSolvent(expect, f.token, plan);
  });
});
