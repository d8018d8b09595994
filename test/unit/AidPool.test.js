const { expect } = require("chai");
const { ethers } = require("hardhat");
const { loadFixture, time } = require("@nomicfoundation/hardhat-network-helpers");

const usd = (n) => ethers.parseUnits(String(n), 6);
const DAY = 24 * 3600;
const PERIOD = 30 * DAY;
const EVIDENCE = ethers.id("invoice #1");

async function deployPool() {
  const [operator, a, b, c, as1, as2, as3, stranger] = await ethers.getSigners();
  const token = await ethers.deployContract("MockUSD", [operator.address]);
  const rules = {
    contribution: usd(100), period: PERIOD, waitingPeriod: PERIOD, maxPayoutPerClaim: usd(1000),
    quorum: 2, assessors: [as1.address, as2.address, as3.address],
  };
  const pool = await ethers.deployContract("AidPool", [await token.getAddress(), rules]);
  for (const m of [a, b, c]) {
    await token.mint(m.address, usd(1000));
    await token.connect(m).approve(await pool.getAddress(), usd(1000));
  }
  return { token, pool, rules, operator, a, b, c, as1, as2, as3, stranger };
}

async function joined() {
  const f = await deployPool();
  for (const m of [f.a, f.b, f.c]) await f.pool.connect(m).join(usd(300));
  return f;
}

describe("AidPool (v1)", function () {
  it("pays an approved claim from the reserve (happy path)", async function () {
    const { token, pool, a, as1, as2, stranger } = await loadFixture(joined);
    expect(await pool.reserve()).to.equal(usd(300));
    await time.increase(PERIOD + 1);
    await expect(pool.connect(a).submitClaim(usd(250), EVIDENCE))
      .to.emit(pool, "ClaimSubmitted").withArgs(1, a.address, usd(250), EVIDENCE);
    await expect(pool.connect(as1).vote(1, true)).to.emit(pool, "ClaimVoted").withArgs(1, as1.address, true);
    await expect(pool.connect(as2).vote(1, true)).to.emit(pool, "ClaimApproved").withArgs(1, usd(250));
    const before = await token.balanceOf(a.address);
    await expect(pool.connect(stranger).finalize(1)).to.emit(pool, "ClaimPaid").withArgs(1, a.address, usd(250));
    expect(await token.balanceOf(a.address)).to.equal(before + usd(250));
    expect((await pool.claimOf(1)).status).to.equal(4);
    // solvency: token balance = reserve + free balances
    expect(await token.balanceOf(await pool.getAddress())).to.equal((await pool.reserve()) + (await pool.totalBalances()));
  });

  it("charges contributions lazily per period and lapses a member who cannot pay", async function () {
    const { pool, a } = await loadFixture(joined);
    expect((await pool.memberOf(a.address)).balance).to.equal(usd(200));
    await time.increase(PERIOD * 2);
    await expect(pool.settle(a.address)).to.emit(pool, "ContributionCharged").withArgs(a.address, 2, usd(200), anyUint());
    await time.increase(PERIOD);
    await expect(pool.settle(a.address)).to.emit(pool, "MemberLapsed");
    expect(await pool.activeMembers()).to.equal(2);
    await expect(pool.settle(a.address)).to.be.revertedWithCustomError(pool, "NotMember");
  });

  it("lets members and ex-members withdraw their free balance", async function () {
    const { token, pool, a } = await loadFixture(joined);
    await expect(pool.connect(a).withdraw(usd(200))).to.emit(pool, "Withdrawn").withArgs(a.address, usd(200), 0);
    expect(await token.balanceOf(a.address)).to.equal(usd(900));
    await expect(pool.connect(a).withdraw(1)).to.be.revertedWithCustomError(pool, "InsufficientBalance").withArgs(1, 0);
    await expect(pool.connect(a).withdraw(0)).to.be.revertedWithCustomError(pool, "ZeroAmount");
  });

  it("rejects a claim when the quorum cannot be reached any more", async function () {
    const { pool, a, as1, as2 } = await loadFixture(joined);
    await time.increase(PERIOD + 1);
    await pool.connect(a).submitClaim(usd(10), EVIDENCE);
    await pool.connect(as1).vote(1, false);
    await expect(pool.connect(as2).vote(1, false)).to.emit(pool, "ClaimRejected").withArgs(1);
    await expect(pool.finalize(1)).to.be.revertedWithCustomError(pool, "WrongClaimStatus").withArgs(1, 3);
    // the rejected claim no longer blocks a new one
    await expect(pool.connect(a).submitClaim(usd(10), EVIDENCE)).to.emit(pool, "ClaimSubmitted");
  });

  describe("custom errors", function () {
    it("InvalidRules and ZeroAddress at deployment", async function () {
      const { token, rules, as1 } = await loadFixture(deployPool);
      const F = await ethers.getContractFactory("AidPool");
      const t = await token.getAddress();
      await expect(F.deploy(ethers.ZeroAddress, rules)).to.be.revertedWithCustomError(F, "ZeroAddress");
      await expect(F.deploy(t, { ...rules, period: 0 })).to.be.revertedWithCustomError(F, "InvalidRules").withArgs("period is zero");
      await expect(F.deploy(t, { ...rules, maxPayoutPerClaim: 0 })).to.be.revertedWithCustomError(F, "InvalidRules").withArgs("max payout is zero");
      await expect(F.deploy(t, { ...rules, assessors: [] })).to.be.revertedWithCustomError(F, "InvalidRules").withArgs("assessor count");
      await expect(F.deploy(t, { ...rules, quorum: 4 })).to.be.revertedWithCustomError(F, "InvalidRules").withArgs("quorum");
      await expect(F.deploy(t, { ...rules, assessors: [as1.address, as1.address] })).to.be.revertedWithCustomError(F, "InvalidRules").withArgs("duplicate assessor");
      await expect(F.deploy(t, { ...rules, assessors: [ethers.ZeroAddress, as1.address] })).to.be.revertedWithCustomError(F, "ZeroAddress");
    });

    it("membership errors", async function () {
      const { pool, a, stranger } = await loadFixture(joined);
      await expect(pool.connect(a).join(usd(300))).to.be.revertedWithCustomError(pool, "AlreadyMember").withArgs(a.address);
      await expect(pool.connect(stranger).join(usd(50))).to.be.revertedWithCustomError(pool, "InsufficientBalance").withArgs(usd(100), usd(50));
      await expect(pool.connect(stranger).deposit(usd(1))).to.be.revertedWithCustomError(pool, "NotMember").withArgs(stranger.address);
      await expect(pool.connect(a).deposit(0)).to.be.revertedWithCustomError(pool, "ZeroAmount");
    });

    it("claim errors", async function () {
      const { pool, a, as1, as2, stranger } = await loadFixture(joined);
      await expect(pool.connect(a).submitClaim(usd(10), EVIDENCE)).to.be.revertedWithCustomError(pool, "WaitingPeriod");
      await time.increase(PERIOD + 1);
      await expect(pool.connect(stranger).submitClaim(usd(10), EVIDENCE)).to.be.revertedWithCustomError(pool, "NotMember");
      await expect(pool.connect(a).submitClaim(0, EVIDENCE)).to.be.revertedWithCustomError(pool, "ZeroAmount");
      await expect(pool.connect(a).submitClaim(usd(1001), EVIDENCE)).to.be.revertedWithCustomError(pool, "ClaimAboveMax").withArgs(usd(1001), usd(1000));
      await pool.connect(a).submitClaim(usd(900), EVIDENCE);
      await expect(pool.connect(a).submitClaim(usd(10), EVIDENCE)).to.be.revertedWithCustomError(pool, "ClaimAlreadyOpen").withArgs(1);
      await expect(pool.connect(stranger).vote(1, true)).to.be.revertedWithCustomError(pool, "NotAssessor").withArgs(stranger.address);
      await expect(pool.connect(as1).vote(9, true)).to.be.revertedWithCustomError(pool, "UnknownClaim").withArgs(9);
      await pool.connect(as1).vote(1, true);
      await expect(pool.connect(as1).vote(1, true)).to.be.revertedWithCustomError(pool, "AlreadyVoted").withArgs(1, as1.address);
      await expect(pool.finalize(1)).to.be.revertedWithCustomError(pool, "WrongClaimStatus").withArgs(1, 1);
      await pool.connect(as2).vote(1, true);
      await expect(pool.finalize(1)).to.be.revertedWithCustomError(pool, "InsufficientReserve");
    });

    it("an assessor who is also a member cannot vote on their own claim", async function () {
      const { token, pool, as1 } = await loadFixture(joined);
      await token.mint(as1.address, usd(300));
      await token.connect(as1).approve(await pool.getAddress(), usd(300));
      await pool.connect(as1).join(usd(300));
      await time.increase(PERIOD + 1);
      await pool.connect(as1).submitClaim(usd(10), EVIDENCE);
      await expect(pool.connect(as1).vote(1, true)).to.be.revertedWithCustomError(pool, "ClaimantCannotVote").withArgs(1);
    });

    it("MockUSD faucet is capped and mint is role-gated", async function () {
      const { token, stranger } = await loadFixture(deployPool);
      await expect(token.connect(stranger).faucet(usd(10))).to.emit(token, "FaucetDripped").withArgs(stranger.address, usd(10));
      await expect(token.connect(stranger).faucet(usd(10001))).to.be.revertedWithCustomError(token, "FaucetLimitExceeded");
      await expect(token.connect(stranger).mint(stranger.address, 1)).to.be.revertedWithCustomError(token, "AccessControlUnauthorizedAccount");
      expect(await token.decimals()).to.equal(6);
    });
  });
});

function anyUint() {
  return require("@nomicfoundation/hardhat-chai-matchers/withArgs").anyUint;
}
