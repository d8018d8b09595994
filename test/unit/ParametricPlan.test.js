// ParametricPlan + ParametricPlanFactory (issue 13, parametric disaster plans): every function and
// error. A plan in mUSD: 10 a 30-day period, 1,000 paid per member per attested event in their
// region, 7-day waiting period, 14-day claim window, severity 3 and up.
const { expect } = require("chai");
const { ethers, network } = require("hardhat");
const { time } = require("@nomicfoundation/hardhat-network-helpers");

const DAY = 86400;
const usd = (x) => ethers.parseUnits(String(x), 6);
const REGION = 4401; // a region code
const OTHER = 4402;

async function deploy() {
  const [operator, oracle, a, b, c, stranger, impostor] = await ethers.getSigners();
  const token = await ethers.deployContract("MockUSD", [operator.address]);
  const impl = await ethers.deployContract("ParametricPlan");
  const factory = await ethers.deployContract("ParametricPlanFactory", [impl.target]);
  const terms = {
    token: token.target, oracle: oracle.address, contribution: usd(10), payout: usd(1000), period: 30 * DAY,
    waitingPeriod: 7 * DAY, claimWindow: 14 * DAY, minSeverity: 3, maxPeriods: 12,
  };
  const plan = await create(factory, terms);
  for (const m of [a, b, c, stranger]) {
    await token.mint(m.address, usd(100_000));
    await token.connect(m).approve(plan.target, ethers.MaxUint256);
  }
  return { operator, oracle, a, b, c, stranger, impostor, token, impl, factory, terms, plan };
}

async function create(factory, terms) {
  const rc = await (await factory.createPlan(terms)).wait();
  const ev = rc.logs.map((l) => factory.interface.parseLog(l)).find((e) => e && e.name === "ParametricPlanCreated");
  return ethers.getContractAt("ParametricPlan", ev.args.plan);
}

/** The oracle's EIP-712 signature of `a` for `plan` (chain id overridable, to show it is bound). */
async function sign(signer, plan, a, chainId) {
  const domain = { name: "Huzhu Parametric Plan", version: "1", chainId: chainId ?? (await ethers.provider.getNetwork()).chainId, verifyingContract: plan.target };
  const types = { Attestation: [
    { name: "eventId", type: "uint256" }, { name: "region", type: "uint32" }, { name: "severity", type: "uint16" },
    { name: "eventTime", type: "uint64" }, { name: "nonce", type: "uint256" }, { name: "deadline", type: "uint64" },
  ] };
  return signer.signTypedData(domain, types, a);
}

async function attestation(over = {}) {
  const now = await time.latest();
  return { eventId: 1n, region: REGION, severity: 5, eventTime: BigInt(now - 3600), nonce: 1n, deadline: BigInt(now + DAY), ...over };
}

describe("ParametricPlan", function () {
  let f;
  beforeEach(async function () { f = await deploy(); });

  describe("factory", function () {
    it("creates a clone with its terms, its registry and an event", async function () {
      expect(await f.factory.planCount()).to.equal(1n);
      expect(await f.factory.plans(0, 10)).to.deep.equal([f.plan.target]);
      expect(await f.factory.creatorOf(f.plan.target)).to.equal(f.operator.address);
      expect([await f.plan.token(), await f.plan.oracle(), await f.plan.contribution(), await f.plan.payout()])
        .to.deep.equal([f.token.target, f.oracle.address, usd(10), usd(1000)]);
      expect([await f.plan.period(), await f.plan.waitingPeriod(), await f.plan.claimWindow(), await f.plan.minSeverity(), await f.plan.maxPeriods()])
        .to.deep.equal([30n * 86400n, 7n * 86400n, 14n * 86400n, 3n, 12n]);
      await expect(f.factory.createPlan(f.terms)).to.emit(f.factory, "ParametricPlanCreated");
      await expect(f.factory.plans(3, 1)).to.be.revertedWithCustomError(f.factory, "InvalidRange");
    });

    for (const [what, over, error] of [
      ["zero token", { token: ethers.ZeroAddress }, "ZeroAddress"], ["zero oracle", { oracle: ethers.ZeroAddress }, "ZeroAddress"],
      ["zero contribution", { contribution: 0 }, "InvalidTerms"], ["zero payout", { payout: 0 }, "InvalidTerms"],
      ["a payout a member's credit cannot hold (2^96)", { payout: 2n ** 96n }, "InvalidTerms"],
      ["a period under a day", { period: DAY - 1 }, "InvalidTerms"], ["a period over 366 days", { period: 367 * DAY }, "InvalidTerms"],
      ["a waiting period over 366 days", { waitingPeriod: 367 * DAY }, "InvalidTerms"], ["a window under an hour", { claimWindow: 3599 }, "InvalidTerms"],
      ["no periods", { maxPeriods: 0 }, "InvalidTerms"], ["over 120 periods at once", { maxPeriods: 121 }, "InvalidTerms"],
    ]) {
      it(`refuses ${what} (${error})`, async function () {
        await expect(f.factory.createPlan({ ...f.terms, ...over })).to.be.revertedWithCustomError(f.factory, error);
      });
    }

    it("refuses a token without code and an implementation without code", async function () {
      await expect(f.factory.createPlan({ ...f.terms, token: f.stranger.address })).to.be.revertedWithCustomError(f.factory, "NotAContract");
      await expect(ethers.deployContract("ParametricPlanFactory", [f.stranger.address])).to.be.revertedWithCustomError(f.factory, "NotAContract");
    });
  });

  describe("cover", function () {
    it("the first purchase names the region and starts the waiting period; later ones extend the cover", async function () {
      const tx = await f.plan.connect(f.a).buyCover(REGION, 2);
      const t0 = BigInt(await time.latest());
      await expect(tx).to.emit(f.plan, "CoverBought").withArgs(f.a.address, REGION, 2, usd(20), t0 + 7n * 86400n, t0 + 60n * 86400n);
      await expect(tx).to.changeTokenBalances(f.token, [f.a, f.plan], [-usd(20), usd(20)]);
      expect(await f.plan.reserve()).to.equal(usd(20));
      await f.plan.connect(f.a).buyCover(REGION, 1); // extends from the end of the cover, not from now
      const m = await f.plan.memberOf(f.a.address);
      expect([m.region, m.coveredFrom, m.coveredUntil]).to.deep.equal([BigInt(REGION), t0 + 7n * 86400n, t0 + 90n * 86400n]);
      await expect(f.plan.connect(f.a).buyCover(OTHER, 1)).to.be.revertedWithCustomError(f.plan, "WrongRegion").withArgs(REGION, OTHER);
      await expect(f.plan.connect(f.b).buyCover(0, 1)).to.be.revertedWithCustomError(f.plan, "RegionIsZero");
      await expect(f.plan.connect(f.b).buyCover(REGION, 0)).to.be.revertedWithCustomError(f.plan, "InvalidTerms");
      await expect(f.plan.connect(f.b).buyCover(REGION, 13)).to.be.revertedWithCustomError(f.plan, "InvalidTerms");
    });

    it("a lapsed member's renewal covers from now, and anyone may fund the reserve", async function () {
      await f.plan.connect(f.a).buyCover(REGION, 1);
      await time.increase(100 * DAY);
      await f.plan.connect(f.a).buyCover(REGION, 1);
      const now = BigInt(await time.latest());
      expect((await f.plan.memberOf(f.a.address)).coveredUntil).to.equal(now + 30n * 86400n);
      await expect(f.plan.connect(f.stranger).fund(usd(500))).to.emit(f.plan, "ReserveFunded").withArgs(f.stranger.address, usd(500));
      expect(await f.plan.reserve()).to.equal(usd(520));
      await expect(f.plan.fund(0)).to.be.revertedWithCustomError(f.plan, "ZeroAmount");
    });
  });

  describe("attestations", function () {
    it("the oracle's signature opens the claim window; anyone may post it", async function () {
      const a = await attestation();
      const tx = await f.plan.connect(f.stranger).attest(a, await sign(f.oracle, f.plan, a));
      const end = BigInt(await time.latest()) + 14n * 86400n;
      await expect(tx).to.emit(f.plan, "DisasterAttested").withArgs(1, REGION, 5, a.eventTime, end, f.stranger.address);
      const d = await f.plan.disasterOf(1, REGION);
      expect([d.eventTime, d.windowEnd, d.severity]).to.deep.equal([a.eventTime, end, 5n]);
      expect(await f.plan.nonceUsed(1)).to.equal(true);
    });

    it("bound to the oracle, this plan and this chain: other signers, plans and chains are refused", async function () {
      const a = await attestation();
      await expect(f.plan.attest(a, await sign(f.impostor, f.plan, a))).to.be.revertedWithCustomError(f.plan, "NotTheOracle").withArgs(f.impostor.address);
      const twin = await create(f.factory, f.terms); // same oracle, another plan
      await expect(f.plan.attest(a, await sign(f.oracle, twin, a))).to.be.revertedWithCustomError(f.plan, "NotTheOracle");
      const chainId = (await ethers.provider.getNetwork()).chainId;
      await expect(f.plan.attest(a, await sign(f.oracle, f.plan, a, chainId + 1n))).to.be.revertedWithCustomError(f.plan, "NotTheOracle");
      // what the contract hashes is what the oracle signs (ethers' TypedDataEncoder, independently)
      const domain = { name: "Huzhu Parametric Plan", version: "1", chainId, verifyingContract: f.plan.target };
      expect(await f.plan.domainSeparator()).to.equal(ethers.TypedDataEncoder.hashDomain(domain));
    });

    it("no replay, no late, weak, future or repeated attestation", async function () {
      const a = await attestation();
      const sig = await sign(f.oracle, f.plan, a);
      await f.plan.attest(a, sig);
      await expect(f.plan.attest(a, sig)).to.be.revertedWithCustomError(f.plan, "NonceUsed").withArgs(1);
      const again = await attestation({ nonce: 2n }); // the same event and region, a new nonce
      await expect(f.plan.attest(again, await sign(f.oracle, f.plan, again))).to.be.revertedWithCustomError(f.plan, "AlreadyAttested").withArgs(1, REGION);
      const weak = await attestation({ eventId: 2n, nonce: 3n, severity: 2 });
      await expect(f.plan.attest(weak, await sign(f.oracle, f.plan, weak))).to.be.revertedWithCustomError(f.plan, "SeverityTooLow").withArgs(2, 3);
      const future = await attestation({ eventId: 2n, nonce: 4n, eventTime: BigInt((await time.latest()) + 3600) });
      await expect(f.plan.attest(future, await sign(f.oracle, f.plan, future))).to.be.revertedWithCustomError(f.plan, "EventInFuture");
      const late = await attestation({ eventId: 2n, nonce: 5n });
      const lateSig = await sign(f.oracle, f.plan, late);
      await time.increase(2 * DAY);
      await expect(f.plan.attest(late, lateSig)).to.be.revertedWithCustomError(f.plan, "AttestationExpired").withArgs(late.deadline);
      const zero = await attestation({ eventId: 3n, nonce: 6n, region: 0 });
      await expect(f.plan.attest(zero, await sign(f.oracle, f.plan, zero))).to.be.revertedWithCustomError(f.plan, "RegionIsZero");
    });
  });

  describe("claims", function () {
    async function covered() {
      for (const m of [f.a, f.b]) await f.plan.connect(m).buyCover(REGION, 12);
      await f.plan.connect(f.c).buyCover(OTHER, 12);
      await f.plan.connect(f.stranger).fund(usd(5000));
      await time.increase(8 * DAY); // past the waiting period
      const a = await attestation();
      await f.plan.attest(a, await sign(f.oracle, f.plan, a));
      return a;
    }

    it("each covered member of the region claims the preset payout once, credited; withdraw pays it", async function () {
      await covered();
      const reserve = await f.plan.reserve(); // 3 x 120 + 5,000 = 5,360 by hand
      expect(reserve).to.equal(usd(5360));
      await expect(f.plan.connect(f.a).claim(1, REGION)).to.emit(f.plan, "ParametricClaimPaid").withArgs(1, REGION, f.a.address, usd(1000));
      await expect(f.plan.connect(f.a).claim(1, REGION)).to.be.revertedWithCustomError(f.plan, "AlreadyClaimed").withArgs(1, f.a.address);
      await f.plan.connect(f.b).claim(1, REGION);
      expect([await f.plan.reserve(), await f.plan.credited()]).to.deep.equal([usd(3360), usd(2000)]);
      expect(await f.plan.hasClaimed(1, REGION, f.a.address)).to.equal(true);
      // the member of another region has no claim on this event
      await expect(f.plan.connect(f.c).claim(1, REGION)).to.be.revertedWithCustomError(f.plan, "WrongRegion").withArgs(OTHER, REGION);
      await expect(f.plan.connect(f.c).claim(1, OTHER)).to.be.revertedWithCustomError(f.plan, "UnknownEvent").withArgs(1, OTHER);
      await expect(f.plan.connect(f.stranger).claim(1, REGION)).to.be.revertedWithCustomError(f.plan, "WrongRegion").withArgs(0, REGION);
      await expect(f.plan.connect(f.a).withdraw()).to.changeTokenBalances(f.token, [f.a, f.plan], [usd(1000), -usd(1000)]);
      await expect(f.plan.connect(f.a).withdraw()).to.be.revertedWithCustomError(f.plan, "NothingToWithdraw");
      expect(await f.token.balanceOf(f.plan.target)).to.equal((await f.plan.reserve()) + (await f.plan.credited()));
    });

    it("never after the window, never for a loss before cover began or after it ended", async function () {
      await covered();
      await time.increase(14 * DAY + 1);
      await expect(f.plan.connect(f.a).claim(1, REGION)).to.be.revertedWithCustomError(f.plan, "ClaimWindowClosed");
      // a member still in the waiting period at the event's time
      const late = (await ethers.getSigners())[8];
      await f.token.mint(late.address, usd(100));
      await f.token.connect(late).approve(f.plan.target, usd(100));
      await f.plan.connect(late).buyCover(REGION, 1);
      const a2 = await attestation({ eventId: 2n, nonce: 2n });
      await f.plan.attest(a2, await sign(f.oracle, f.plan, a2));
      await expect(f.plan.connect(late).claim(2, REGION)).to.be.revertedWithCustomError(f.plan, "NotCoveredAt").withArgs(late.address, a2.eventTime);
      // cover ended before the event: a lapsed member is refused
      await time.increase(40 * DAY);
      const a3 = await attestation({ eventId: 3n, nonce: 3n });
      await f.plan.attest(a3, await sign(f.oracle, f.plan, a3));
      await expect(f.plan.connect(late).claim(3, REGION)).to.be.revertedWithCustomError(f.plan, "NotCoveredAt");
      await f.plan.connect(f.a).claim(3, REGION); // covered for 12 periods: paid
    });

    it("a reserve that cannot pay in full refuses the claim (ReserveShort), it never cuts it", async function () {
      await f.plan.connect(f.a).buyCover(REGION, 1);
      await time.increase(8 * DAY);
      const a = await attestation();
      await f.plan.attest(a, await sign(f.oracle, f.plan, a));
      await expect(f.plan.connect(f.a).claim(1, REGION)).to.be.revertedWithCustomError(f.plan, "ReserveShort").withArgs(usd(10), usd(1000));
      await f.plan.connect(f.stranger).fund(usd(990));
      await f.plan.connect(f.a).claim(1, REGION); // once the reserve holds it, in the window
      expect(await f.plan.reserve()).to.equal(0n);
    });

    it("the implementation itself is no plan: nothing to buy, no oracle", async function () {
      await expect(f.impl.connect(f.a).buyCover(REGION, 1)).to.be.revertedWithCustomError(f.impl, "NotAClone");
      await expect(f.impl.connect(f.a).fund(1)).to.be.revertedWithCustomError(f.impl, "NotAClone");
      const a = await attestation();
      await expect(f.impl.attest(a, await sign(f.oracle, f.impl, a))).to.be.revertedWithCustomError(f.impl, "NotAClone");
    });
  });
});
