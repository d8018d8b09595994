const { expect } = require("chai");
const { ethers } = require("hardhat");
const { loadFixture, time } = require("@nomicfoundation/hardhat-network-helpers");
const { anyValue } = require("@nomicfoundation/hardhat-chai-matchers/withArgs");
const { drawJury } = require("../juryDraw");
const {
  usd, DAY, PERIOD, Model, Status, Dispute, EVIDENCE, deployProtocol, createPlan, fund, expectSolvent,
} = require("../fixtures");

const SALT = ethers.id("salt");

async function prepaidPlan() {
  const f = await deployProtocol();
  const { plan, rules } = await createPlan(f);
  await fund(f.token, [...f.members, f.stranger], await plan.getAddress());
  for (const m of f.members.slice(0, 5)) await plan.connect(m).join(usd(300), ethers.ZeroAddress);
  return { ...f, plan, rules };
}

async function costSharingPlan() {
  const f = await deployProtocol();
  const { plan, rules } = await createPlan(f, { model: Model.COST_SHARING, contribution: 0, shareCapPerPeriod: usd(50) });
  await fund(f.token, f.members, await plan.getAddress());
  for (const m of f.members.slice(0, 10)) await plan.connect(m).join(usd(100), ethers.ZeroAddress);
  return { ...f, plan, rules };
}

const approvedPrepaid = () => approvedClaim(prepaidPlan);
const approvedCostSharing = () => approvedClaim(costSharingPlan, usd(200));

async function approvedClaim(fixture, amount = usd(250)) {
  const f = await fixture();
  await time.increase(PERIOD + 1);
  const claimant = f.members[0];
  await f.plan.connect(claimant).submitClaim(amount, EVIDENCE, await time.latest());
  await f.plan.connect(f.as1).vote(1, true);
  await f.plan.connect(f.as2).vote(1, true);
  return { ...f, claimant };
}

describe("AidPool lifecycle", function () {
  it("prepaid: join, deposit, claim, assessors approve, notice passes, anyone finalizes and it pays", async function () {
    const { token, plan, members, as1, as2, stranger } = await loadFixture(prepaidPlan);
    const [a] = members;
    // 5 first contributions of 100, 5% fee each
    expect(await plan.reserve()).to.equal(usd(475));
    expect(await plan.feesOwed()).to.equal(usd(25));
    await expect(plan.connect(a).deposit(usd(50))).to.emit(plan, "Deposited").withArgs(a.address, usd(50), usd(250));
    await time.increase(PERIOD + 1);
    const incurred = (await time.latest()) - 5;
    await expect(plan.connect(a).submitClaim(usd(250), EVIDENCE, incurred))
      .to.emit(plan, "ClaimSubmitted").withArgs(1, a.address, usd(250), EVIDENCE, incurred, usd(10), anyValue);
    await expect(plan.connect(as1).vote(1, true)).to.emit(plan, "AssessorVoted").withArgs(1, as1.address, true);
    await expect(plan.connect(as2).vote(1, true)).to.emit(plan, "ClaimApproved");
    await expect(plan.connect(stranger).finalize(1)).to.be.revertedWithCustomError(plan, "WindowNotOpen");
    await time.increase(7 * DAY);
    const before = await token.balanceOf(a.address);
    const credit0 = (await plan.memberOf(a.address)).balance;
    const reserve = await plan.reserve();
    await expect(plan.connect(stranger).finalize(1))
      .to.emit(plan, "ClaimPaid").withArgs(1, a.address, usd(250), usd(250), 0, 0, 0)
      .and.to.emit(plan, "BondsReleased").withArgs(1, a.address, usd(10));
    expect((await plan.memberOf(a.address)).balance - credit0).to.equal(usd(260)); // pull payment: credited to the free balance
    await plan.connect(a).withdraw(usd(260));
    expect(await token.balanceOf(a.address)).to.equal(before + usd(260));
    expect(await plan.reserve()).to.equal(reserve - usd(250));
    expect((await plan.claimOf(1)).status).to.equal(Status.PAID);
    expect(await plan.openClaimOf(a.address)).to.equal(0);
    await expectSolvent(expect, token, plan);
  });

  it("cost sharing: a paid claim plus the fee is split equally over the covered members", async function () {
    const { token, plan, members, stranger } = await loadFixture(approvedCostSharing);
    await time.increase(7 * DAY);
    const a = members[0];
    const before = await token.balanceOf(a.address);
    const credit0 = (await plan.memberOf(a.address)).balance;
    // 200 + 5% fee = 210 over 10 members = 21 each
    await expect(plan.connect(stranger).finalize(1)).to.emit(plan, "ClaimPaid").withArgs(1, a.address, usd(200), 0, usd(10), usd(21), 0);
    expect((await plan.memberOf(a.address)).balance - credit0).to.equal(usd(210)); // pull payment: credited to the free balance
    await plan.connect(a).withdraw(usd(210));
    expect(await token.balanceOf(a.address)).to.equal(before + usd(210));
    expect(await plan.feesOwed()).to.equal(usd(10));
    await expectSolvent(expect, token, plan);
    const b = members[1];
    await expect(plan.settle(b.address)).to.emit(plan, "SharesSettled").withArgs(b.address, usd(21), usd(79), anyValue);
    await expectSolvent(expect, token, plan);
  });

  it("dispute: a member challenges an approval and the drawn jury overturns it; the challenger's bond comes back, the majority shares the claim bond", async function () {
    const { token, plan, members } = await loadFixture(approvedPrepaid);
    const [claimant, challenger, j1, j2, j3] = members;
    await expect(plan.connect(challenger).challenge(1))
      .to.emit(plan, "ClaimDisputed").withArgs(1, Dispute.CHALLENGED, challenger.address, usd(20), anyValue, anyValue);
    await drawJury(plan, 1); // the three members old enough who are not parties
    expect([...(await plan.juryOf(1)).jurors].sort()).to.deep.equal([j1.address, j2.address, j3.address].sort());
    await expect(plan.connect(claimant).commitVote(1, ethers.id("x"))).to.be.revertedWithCustomError(plan, "NotDrawn");
    for (const [j, v] of [[j1, false], [j2, false], [j3, true]]) {
      await plan.connect(j).commitVote(1, await plan.commitmentOf(1, j.address, v, SALT));
    }
    await time.increase(3 * DAY);
    for (const [j, v] of [[j1, false], [j2, false], [j3, true]]) {
      await expect(plan.connect(j).revealVote(1, v, SALT)).to.emit(plan, "JuryVoteRevealed").withArgs(1, j.address, v);
    }
    await time.increase(3 * DAY);
    const before = await token.balanceOf(challenger.address);
    const credit0 = (await plan.memberOf(challenger.address)).balance;
    await expect(plan.finalize(1))
      .to.emit(plan, "DisputeResolved").withArgs(1, false, 1, 2)
      .and.to.emit(plan, "ClaimDenied").withArgs(1)
      .and.to.emit(plan, "BondsReleased").withArgs(1, challenger.address, usd(20));
    // the majority collect the claim bond (10 over 2), the minority juror has nothing (no deposit)
    await expect(plan.connect(j1).collectJuryReward(1)).to.emit(plan, "JurorRewarded").withArgs(1, j1.address, 0, usd(5));
    await expect(plan.connect(j2).collectJuryReward(1)).to.emit(plan, "JurorRewarded").withArgs(1, j2.address, 0, usd(5));
    await expect(plan.connect(j3).collectJuryReward(1)).to.emit(plan, "JurorRewarded").withArgs(1, j3.address, 0, 0);
    expect(await plan.bondsHeld()).to.equal(0n);
    expect((await plan.memberOf(challenger.address)).balance - credit0).to.equal(usd(20)); // pull payment: credited to the free balance
    await plan.connect(challenger).withdraw(usd(20));
    expect(await token.balanceOf(challenger.address)).to.equal(before + usd(20));
    expect((await plan.claimOf(1)).status).to.equal(Status.DENIED);
    await expectSolvent(expect, token, plan);
  });

  it("appeal: a rejected claim goes to the jury once and the jury approves it", async function () {
    const { token, plan, members, as1, as2 } = await loadFixture(prepaidPlan);
    const [claimant, j1, j2, j3] = members;
    await time.increase(PERIOD + 1);
    await plan.connect(claimant).submitClaim(usd(100), EVIDENCE, (await time.latest()) - 1);
    await plan.connect(as1).vote(1, false);
    await expect(plan.connect(as2).vote(1, false)).to.emit(plan, "ClaimRejected");
    await expect(plan.connect(claimant).appeal(1)).to.emit(plan, "ClaimDisputed").withArgs(1, Dispute.APPEALED, claimant.address, usd(20), anyValue, anyValue);
    await drawJury(plan, 1);
    for (const j of [j1, j2, j3]) await plan.connect(j).commitVote(1, await plan.commitmentOf(1, j.address, true, SALT));
    await time.increase(3 * DAY);
    for (const j of [j1, j2, j3]) await plan.connect(j).revealVote(1, true, SALT); // a quorum: 3 of 5 seats
    await time.increase(3 * DAY);
    const before = await token.balanceOf(claimant.address);
    const credit0 = (await plan.memberOf(claimant.address)).balance;
    await expect(plan.finalize(1)).to.emit(plan, "ClaimPaid").withArgs(1, claimant.address, usd(100), usd(100), 0, 0, 0);
    expect((await plan.memberOf(claimant.address)).balance - credit0).to.equal(usd(130)); // pull payment: credited to the free balance
    await plan.connect(claimant).withdraw(usd(130));
    expect(await token.balanceOf(claimant.address)).to.equal(before + usd(130));
    await expectSolvent(expect, token, plan);
  });

  it("timeout: undecided claims go to the jury; with no panel drawn the claim is denied and its bond comes back (JuryFellBack)", async function () {
    const { token, plan, members, stranger } = await loadFixture(prepaidPlan);
    await time.increase(PERIOD + 1);
    await plan.connect(members[0]).submitClaim(usd(100), EVIDENCE, (await time.latest()) - 1);
    await expect(plan.escalate(1)).to.be.revertedWithCustomError(plan, "WindowNotOpen");
    await time.increase(7 * DAY);
    await expect(plan.connect(stranger).escalate(1)).to.emit(plan, "ClaimDisputed");
    await time.increase(6 * DAY);
    const reserve = await plan.reserve();
    await expect(plan.finalize(1)).to.emit(plan, "JuryFellBack").withArgs(1, 1, false)
      .and.to.emit(plan, "BondsReleased").withArgs(1, members[0].address, usd(10));
    expect(await plan.reserve()).to.equal(reserve);
    expect((await plan.claimOf(1)).status).to.equal(Status.DENIED);
    await expectSolvent(expect, token, plan);
  });

  it("MockUSD faucet is capped and mint is role-gated", async function () {
    const { token, stranger } = await loadFixture(deployProtocol);
    await expect(token.connect(stranger).faucet(usd(10))).to.emit(token, "FaucetDripped").withArgs(stranger.address, usd(10));
    await expect(token.connect(stranger).faucet(usd(10001))).to.be.revertedWithCustomError(token, "FaucetLimitExceeded");
    await expect(token.connect(stranger).mint(stranger.address, 1)).to.be.revertedWithCustomError(token, "AccessControlUnauthorizedAccount");
    expect(await token.decimals()).to.equal(6);
  });
});
