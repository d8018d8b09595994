const { expect } = require("chai");
const { ethers } = require("hardhat");
const { loadFixture, time } = require("@nomicfoundation/hardhat-network-helpers");
const { anyValue } = require("@nomicfoundation/hardhat-chai-matchers/withArgs");
const { usd, DAY, PERIOD, EVIDENCE, deployProtocol, createPlan, fund, expectSolvent } = require("../fixtures");

const ZERO = ethers.ZeroAddress;

async function prepaid() {
  const f = await deployProtocol();
  const { plan, rules } = await createPlan(f);
  await fund(f.token, [...f.members, f.stranger, f.as1], plan.target);
  return { ...f, plan, rules };
}

async function joinedPrepaid() {
  const f = await prepaid();
  for (const m of f.members.slice(0, 3)) await f.plan.connect(m).join(usd(300), ZERO);
  return f;
}

describe("AidPool membership", function () {
  describe("join", function () {
    it("credits the deposit, charges the first contribution (fee to the receiver) and starts the waiting period", async function () {
      const { plan, token, members } = await loadFixture(prepaid);
      const [a] = members;
      const tx = plan.connect(a).join(usd(300), ZERO);
      await expect(tx).to.emit(plan, "MemberJoined").withArgs(a.address, ZERO, anyValue, anyValue);
      await expect(tx).to.emit(plan, "Deposited").withArgs(a.address, usd(300), usd(300));
      await expect(tx).to.emit(plan, "ContributionCharged").withArgs(a.address, 1, usd(100), usd(5), anyValue);
      const joinedAt = await time.latest();
      const m = await plan.memberOf(a.address);
      expect(m.active).to.equal(true);
      expect(m.balance).to.equal(usd(200));
      expect(m.joinedAt).to.equal(joinedAt);
      expect(m.paidThrough).to.equal(joinedAt + PERIOD);
      expect(m.points).to.equal(1); // the first contribution; joining points vest after the waiting period
      expect(await plan.reserve()).to.equal(usd(95));
      expect(await plan.feesOwed()).to.equal(usd(5));
      expect(await plan.activeMembers()).to.equal(1);
      expect(await token.balanceOf(plan.target)).to.equal(usd(300));
      await expectSolvent(expect, token, plan);
    });

    it("AlreadyMember, DepositBelowMinimum, SelfReferral, ReferrerNotMember", async function () {
      const { plan, members, stranger } = await loadFixture(joinedPrepaid);
      const [a] = members;
      await expect(plan.connect(a).join(usd(300), ZERO)).to.be.revertedWithCustomError(plan, "AlreadyMember").withArgs(a.address);
      await expect(plan.connect(stranger).join(usd(99), ZERO)).to.be.revertedWithCustomError(plan, "DepositBelowMinimum").withArgs(usd(99), usd(100));
      await expect(plan.connect(stranger).join(usd(100), stranger.address)).to.be.revertedWithCustomError(plan, "SelfReferral");
      await expect(plan.connect(stranger).join(usd(100), members[5].address)).to.be.revertedWithCustomError(plan, "ReferrerNotMember").withArgs(members[5].address);
    });

    it("a referral rewards the referrer once the referee passes the waiting period", async function () {
      const { plan, members, stranger } = await loadFixture(joinedPrepaid);
      const [a] = members;
      await expect(plan.connect(stranger).join(usd(300), a.address)).to.emit(plan, "MemberJoined").withArgs(stranger.address, a.address, anyValue, anyValue);
      expect(Number((await plan.memberOf(stranger.address)).flags) & 1).to.equal(1); // referral pending
      const before = (await plan.memberOf(a.address)).points;
      await plan.settle(stranger.address); // still waiting: no reward
      expect((await plan.memberOf(a.address)).points).to.equal(before);
      await time.increase(PERIOD);
      await expect(plan.settle(stranger.address)).to.emit(plan, "PointsAccrued").withArgs(a.address, 20, 3);
      expect((await plan.memberOf(a.address)).points).to.equal(before + 20n);
      expect(Number((await plan.memberOf(stranger.address)).flags) & 1).to.equal(0);
      await expect(plan.settle(stranger.address)).to.not.emit(plan, "PointsAccrued");
    });

    it("a member who lapsed rejoins with a new waiting period and without the old referral", async function () {
      const { plan, members, stranger } = await loadFixture(joinedPrepaid);
      const [a] = members;
      await plan.connect(stranger).join(usd(100), a.address); // one period only
      await time.increase(PERIOD + 7 * DAY);
      // lapses inside join, then rejoins
      const tx = plan.connect(stranger).join(usd(100), ZERO);
      await expect(tx).to.emit(plan, "MemberLapsed");
      await expect(tx).to.emit(plan, "MemberJoined");
      const m = await plan.memberOf(stranger.address);
      expect(m.joinedAt).to.equal(await time.latest());
      expect(Number(m.flags) & 1).to.equal(0);
      await expect(plan.connect(stranger).submitClaim(usd(1), EVIDENCE, await time.latest()))
        .to.be.revertedWithCustomError(plan, "WaitingPeriod");
    });
  });

  describe("deposit and settle", function () {
    it("charges due contributions lazily, keeps a grace period, then lapses", async function () {
      const { plan, token, members } = await loadFixture(joinedPrepaid);
      const [a] = members;
      await expect(plan.connect(a).deposit(0)).to.be.revertedWithCustomError(plan, "ZeroAmount");
      await expect(plan.connect(members[5]).deposit(1)).to.be.revertedWithCustomError(plan, "NotMember").withArgs(members[5].address);
      await time.increase(2 * PERIOD);
      // two periods have started since paidThrough: 200 charged
      await expect(plan.settle(a.address)).to.emit(plan, "ContributionCharged").withArgs(a.address, 2, usd(200), usd(10), anyValue);
      expect((await plan.memberOf(a.address)).balance).to.equal(0);
      await time.increase(PERIOD);
      // unpaid, inside the grace period: still a member, not covered
      await expect(plan.settle(a.address)).to.not.emit(plan, "MemberLapsed");
      await time.increase(3 * DAY);
      await expect(plan.connect(a).submitClaim(usd(1), EVIDENCE, await time.latest())).to.be.revertedWithCustomError(plan, "NotCovered");
      // a deposit inside the grace period pays what is due
      await expect(plan.connect(a).deposit(usd(100))).to.emit(plan, "ContributionCharged").withArgs(a.address, 1, usd(100), usd(5), anyValue);
      await time.increase(PERIOD + 7 * DAY);
      await expect(plan.settle(a.address)).to.emit(plan, "MemberLapsed");
      expect((await plan.memberOf(a.address)).active).to.equal(false);
      expect(await plan.activeMembers()).to.equal(2);
      await expect(plan.settle(a.address)).to.be.revertedWithCustomError(plan, "NotMember");
      await expectSolvent(expect, token, plan);
    });
  });

  it("contribution points only for periods paid on time; a deposit past the grace period cannot revive a lapsed member", async function () {
    const { plan, members } = await loadFixture(joinedPrepaid);
    const [a, b] = members;
    await plan.connect(a).withdraw(usd(200)); // a's balance covers nothing after the first period
    const pa = (await plan.memberOf(a.address)).points;
    const pb = (await plan.memberOf(b.address)).points;
    await time.increase(PERIOD + DAY);
    // b's balance pays on time: +1; a clears arrears with a deposit: charged, no point
    // (both also get their 10 joining points: the waiting period is over)
    await plan.connect(b).deposit(usd(1));
    await expect(plan.connect(a).deposit(usd(100))).to.emit(plan, "ContributionCharged").withArgs(a.address, 1, usd(100), usd(5), anyValue);
    expect((await plan.memberOf(b.address)).points).to.equal(pb + 1n + 10n);
    expect((await plan.memberOf(a.address)).points).to.equal(pa + 10n);
    // a is short again; after the grace period a deposit is refused: join again
    await time.increase(PERIOD + 8 * DAY);
    await expect(plan.connect(a).deposit(usd(100))).to.be.revertedWithCustomError(plan, "NotMember");
    await expect(plan.connect(a).join(usd(100), ZERO)).to.emit(plan, "MemberLapsed");
  });

  describe("withdraw and leave", function () {
    it("withdraws the free balance, for members and former members, even while paused", async function () {
      const { plan, token, members, guardian } = await loadFixture(joinedPrepaid);
      const [a, b] = members;
      await expect(plan.connect(a).withdraw(0)).to.be.revertedWithCustomError(plan, "ZeroAmount");
      await expect(plan.connect(a).withdraw(usd(201))).to.be.revertedWithCustomError(plan, "InsufficientBalance").withArgs(usd(201), usd(200));
      await plan.connect(guardian).pause();
      const before = await token.balanceOf(a.address);
      await expect(plan.connect(a).withdraw(usd(150))).to.emit(plan, "Withdrawn").withArgs(a.address, usd(150), usd(50));
      expect(await token.balanceOf(a.address)).to.equal(before + usd(150));
      await expect(plan.connect(b).leave()).to.emit(plan, "MemberLeft").withArgs(b.address, usd(200));
      await expect(plan.connect(b).withdraw(1)).to.be.revertedWithCustomError(plan, "InsufficientBalance").withArgs(1, 0);
      await expectSolvent(expect, token, plan);
    });

    it("leave settles, refunds everything and ends the membership; NotMember and ClaimStillOpen", async function () {
      const { plan, token, members, stranger } = await loadFixture(joinedPrepaid);
      const [a, b] = members;
      await expect(plan.connect(stranger).leave()).to.be.revertedWithCustomError(plan, "NotMember");
      await time.increase(PERIOD + 1);
      await plan.connect(a).submitClaim(usd(10), EVIDENCE, await time.latest());
      await expect(plan.connect(a).leave()).to.be.revertedWithCustomError(plan, "ClaimStillOpen").withArgs(1);
      const before = await token.balanceOf(b.address);
      // one more contribution is due first: 200 - 100 = 100 back
      await expect(plan.connect(b).leave()).to.emit(plan, "MemberLeft").withArgs(b.address, usd(100));
      expect(await token.balanceOf(b.address)).to.equal(before + usd(100));
      expect((await plan.memberOf(b.address)).active).to.equal(false);
      expect(await plan.activeMembers()).to.equal(2);
      await expectSolvent(expect, token, plan);
    });

    it("a lapsed member leaving gets the rest of the balance", async function () {
      const { plan, members } = await loadFixture(joinedPrepaid);
      const [a] = members;
      await plan.connect(a).withdraw(usd(150)); // 50 left, less than one contribution
      await time.increase(PERIOD + 7 * DAY);
      const tx = plan.connect(a).leave();
      await expect(tx).to.emit(plan, "MemberLapsed");
      await expect(tx).to.emit(plan, "MemberLeft").withArgs(a.address, usd(50));
    });
  });

  describe("plan administration", function () {
    it("pause blocks new joins and claims only; NotGuardian and PauseUnchanged", async function () {
      const { plan, members, guardian, stranger } = await loadFixture(joinedPrepaid);
      const [a] = members;
      await expect(plan.connect(stranger).pause()).to.be.revertedWithCustomError(plan, "NotGuardian").withArgs(stranger.address);
      await expect(plan.connect(guardian).unpause()).to.be.revertedWithCustomError(plan, "PauseUnchanged").withArgs(false);
      await expect(plan.connect(guardian).pause()).to.emit(plan, "PlanPaused").withArgs(guardian.address);
      expect(await plan.paused()).to.equal(true);
      await expect(plan.connect(guardian).pause()).to.be.revertedWithCustomError(plan, "PauseUnchanged").withArgs(true);
      await expect(plan.connect(stranger).join(usd(100), ZERO)).to.be.revertedWithCustomError(plan, "PlanIsPaused");
      await time.increase(PERIOD + 1);
      await expect(plan.connect(a).submitClaim(usd(1), EVIDENCE, await time.latest())).to.be.revertedWithCustomError(plan, "PlanIsPaused");
      await expect(plan.connect(a).deposit(usd(1))).to.emit(plan, "Deposited");
      await expect(plan.connect(guardian).unpause()).to.emit(plan, "PlanUnpaused").withArgs(guardian.address);
      await expect(plan.connect(a).submitClaim(usd(1), EVIDENCE, await time.latest())).to.emit(plan, "ClaimSubmitted");
    });

    it("a plan without a guardian can never be paused", async function () {
      const f = await deployProtocol();
      const { plan } = await createPlan(f, { guardian: ZERO });
      await expect(plan.connect(f.guardian).pause()).to.be.revertedWithCustomError(plan, "NotGuardian");
    });

    it("the fee can only be lowered, only by its receiver; fees go to the receiver", async function () {
      const { plan, token, feeReceiver, stranger } = await loadFixture(joinedPrepaid);
      await expect(plan.connect(stranger).lowerFee(100)).to.be.revertedWithCustomError(plan, "NotFeeReceiver").withArgs(stranger.address);
      await expect(plan.connect(feeReceiver).lowerFee(500)).to.be.revertedWithCustomError(plan, "FeeNotLowered").withArgs(500, 500);
      await expect(plan.connect(feeReceiver).lowerFee(600)).to.be.revertedWithCustomError(plan, "FeeNotLowered").withArgs(600, 500);
      await expect(plan.connect(feeReceiver).lowerFee(100)).to.emit(plan, "FeeLowered").withArgs(500, 100);
      expect(await plan.feeBps()).to.equal(100);
      expect((await plan.rules()).feeBps).to.equal(500); // the rules keep the cap
      const before = await token.balanceOf(feeReceiver.address);
      await expect(plan.connect(stranger).withdrawFees()).to.be.revertedWithCustomError(plan, "NotFeeReceiver").withArgs(stranger.address);
      await expect(plan.connect(feeReceiver).withdrawFees()).to.emit(plan, "FeesWithdrawn").withArgs(feeReceiver.address, usd(15));
      expect(await token.balanceOf(feeReceiver.address)).to.equal(before + usd(15));
      await expect(plan.connect(feeReceiver).withdrawFees()).to.be.revertedWithCustomError(plan, "NothingToWithdraw").withArgs(feeReceiver.address);
      await expectSolvent(expect, token, plan);
    });

    it("ratings: 1-5 stars once per member after a full period; average and count on chain", async function () {
      const { plan, members, stranger } = await loadFixture(joinedPrepaid);
      const [a, b, c] = members;
      const review = ethers.id("great plan");
      await expect(plan.connect(stranger).rate(5, review)).to.be.revertedWithCustomError(plan, "NotMember");
      await expect(plan.connect(a).rate(5, review)).to.be.revertedWithCustomError(plan, "RatingTooEarly");
      await time.increase(PERIOD);
      await expect(plan.connect(a).rate(0, review)).to.be.revertedWithCustomError(plan, "InvalidStars").withArgs(0);
      await expect(plan.connect(a).rate(6, review)).to.be.revertedWithCustomError(plan, "InvalidStars").withArgs(6);
      await expect(plan.connect(a).rate(5, review)).to.emit(plan, "PlanRated").withArgs(a.address, 5, review);
      await expect(plan.connect(a).rate(4, review)).to.be.revertedWithCustomError(plan, "AlreadyRated").withArgs(a.address);
      await plan.connect(b).rate(4, ethers.ZeroHash);
      await plan.connect(c).rate(4, ethers.ZeroHash);
      expect(await plan.averageRating()).to.deep.equal([433n, 3n]);
      expect(await plan.ratingSum()).to.equal(13);
      expect(await plan.ratingCount()).to.equal(3);
    });

    it("averageRating is zero without ratings; accounting() balances", async function () {
      const { plan, token } = await loadFixture(joinedPrepaid);
      expect(await plan.averageRating()).to.deep.equal([0n, 0n]);
      const [held, balances, reserve, fees, bonds, exitPool] = await plan.accounting();
      expect(held).to.equal(await token.balanceOf(plan.target));
      expect(held).to.equal(balances + reserve + fees + bonds + exitPool);
    });
  });
});
