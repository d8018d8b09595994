const { expect } = require("chai");
const { ethers } = require("hardhat");
const { loadFixture } = require("@nomicfoundation/hardhat-network-helpers");
const { usd, Category, Model, makeRules, deployProtocol, createPlan } = require("../fixtures");

async function protocol() {
  return deployProtocol();
}

function rulesFor(f, over = {}) {
  return makeRules(f.token.target, [f.as1.address, f.as2.address, f.as3.address], {
    feeReceiver: f.feeReceiver.address, guardian: f.guardian.address, ...over,
  });
}

describe("AidPoolFactory", function () {
  it("creates a plan as an EIP-1167 clone with its rules readable in one call", async function () {
    const f = await loadFixture(protocol);
    const rules = rulesFor(f, { category: Category.EDUCATION });
    await expect(f.factory.connect(f.stranger).createPlan(rules))
      .to.emit(f.factory, "PlanCreated")
      .withArgs((a) => ethers.isAddress(a), Category.EDUCATION, f.stranger.address, Model.PREPAID, f.token.target, rules.rulesHash, 0);
    const planAddr = await f.factory.planAt(0);
    const plan = await ethers.getContractAt("AidPool", planAddr);
    // EIP-1167 runtime code delegating to the implementation, followed by the packed rules
    const code = await ethers.provider.getCode(planAddr);
    expect(code.slice(0, 22)).to.equal("0x363d3d373d3d3d363d73");
    expect(code.slice(22, 62)).to.equal(f.implementation.target.slice(2).toLowerCase());
    expect((code.length - 2) / 2).to.equal(45 + 239 + 20 * 3);
    const r = await plan.rules();
    for (const k of Object.keys(rules)) {
      if (k === "assessors") expect([...r.assessors]).to.deep.equal(rules.assessors);
      else expect(r[k]).to.equal(rules[k], k);
    }
    const [createdAt, points] = await plan.planInfo();
    expect(createdAt).to.equal((await ethers.provider.getBlock("latest")).timestamp);
    expect(points).to.equal(await f.factory.points());
    expect(await plan.feeBps()).to.equal(rules.feeBps);
    expect([await plan.MAX_FEE_BPS(), await plan.MAX_ASSESSORS()]).to.deep.equal([1000n, 32n]);
    expect(await f.factory.isPlan(planAddr)).to.equal(true);
    expect(await f.factory.creatorOf(planAddr)).to.equal(f.stranger.address);
    expect(await f.factory.creatorOf(f.stranger.address)).to.equal(ethers.ZeroAddress);
    expect(await f.factory.isPlan(f.implementation.target)).to.equal(false);
  });

  it("locks the initializer on the implementation and on every plan", async function () {
    const f = await loadFixture(protocol);
    const { plan } = await createPlan(f);
    await expect(f.implementation.initialize()).to.be.revertedWithCustomError(f.implementation, "AlreadyInitialized");
    await expect(plan.initialize()).to.be.revertedWithCustomError(plan, "AlreadyInitialized");
  });

  it("lists plans, in creation order and by category, with paging", async function () {
    const f = await loadFixture(protocol);
    const cats = [Category.MEDICAL, Category.DISASTER, Category.MEDICAL, Category.OTHER, Category.SHARED_PURCHASE];
    for (const category of cats) await f.factory.createPlan(rulesFor(f, { category }));
    expect(await f.factory.planCount()).to.equal(5);
    const all = await f.factory.plans(0, 10);
    expect(all.length).to.equal(5);
    expect(await f.factory.plans(1, 2)).to.deep.equal([all[1], all[2]]);
    expect(await f.factory.plans(5, 2)).to.deep.equal([]);
    expect(await f.factory.planCountByCategory(Category.MEDICAL)).to.equal(2);
    expect(await f.factory.plansByCategory(Category.MEDICAL, 0, 10)).to.deep.equal([all[0], all[2]]);
    expect(await f.factory.plansByCategory(Category.MEDICAL, 1, 1)).to.deep.equal([all[2]]);
    expect(await f.factory.plansByCategory(Category.EDUCATION, 0, 10)).to.deep.equal([]);
    await expect(f.factory.plans(6, 1)).to.be.revertedWithCustomError(f.factory, "InvalidRange").withArgs(6, 5);
    await expect(f.factory.plansByCategory(Category.DISASTER, 2, 1)).to.be.revertedWithCustomError(f.factory, "InvalidRange").withArgs(2, 1);
  });

  it("deploys AidPoints bound to itself", async function () {
    const f = await loadFixture(protocol);
    expect(await f.points.registry()).to.equal(f.factory.target);
    expect(await f.factory.implementation()).to.equal(f.implementation.target);
  });

  describe("refuses invalid rules with a named error", function () {
    const cases = [
      ["ZeroAddress", { asset: ethers.ZeroAddress }, []],
      ["ZeroPeriod", { period: 0 }, []],
      ["ZeroContribution", { contribution: 0 }, []],
      ["ZeroShareCap", { model: Model.COST_SHARING, shareCapPerPeriod: 0 }, []],
      ["FeeTooHigh", { feeBps: 1001 }, [1001, 1000]],
      ["ZeroAddress", { feeBps: 1, feeReceiver: ethers.ZeroAddress }, []],
      ["InvalidMaxPayout", { maxPayoutPerClaim: 0 }, [0, usd(1500)]],
      ["InvalidMaxPayout", { maxPayoutPerClaim: usd(2000) }, [usd(2000), usd(1500)]],
      ["PeriodTooShort", { period: 86400 - 1 }, [86400 - 1, 86400]],
      ["PeriodTooShort", { period: 60 }, [60, 86400]],
      ["DurationTooLong", { waitingPeriod: 367 * 86400 }, [367 * 86400, 366 * 86400]],
      ["DurationTooLong", { gracePeriod: 367 * 86400 }, [367 * 86400, 366 * 86400]],
      ["WindowOutOfBounds", { filingWindow: 0 }, [0, 86400, 366 * 86400]],
      ["WindowOutOfBounds", { filingWindow: 367 * 86400 }, [367 * 86400, 86400, 366 * 86400]],
      ["WindowOutOfBounds", { juryWindow: 60 }, [60, 3600, 366 * 86400]],
      ["ZeroFloorPeriods", { minMembers: 5 }, []],
      ["DurationTooLong", { period: 366 * 86400 + 1 }, [366 * 86400 + 1, 366 * 86400]],
      ["DurationTooLong", { assessmentWindow: 2 ** 32 - 1 }, [2 ** 32 - 1, 366 * 86400]],
      ["DurationTooLong", { noticeWindow: 400 * 86400 }, [400 * 86400, 366 * 86400]],
      ["DurationTooLong", { juryWindow: 367 * 86400 }, [367 * 86400, 366 * 86400]],
      ["ZeroWindow", { assessmentWindow: 0 }, []],
      ["ZeroWindow", { noticeWindow: 0 }, []],
      ["ZeroWindow", { juryWindow: 0 }, []],
      ["InvalidAssessorCount", { assessors: [] }, [0]],
      ["InvalidQuorum", { quorum: 0 }, [0, 3]],
      ["InvalidQuorum", { quorum: 4 }, [4, 3]],
    ];
    for (const [error, over, args] of cases) {
      it(`${error} for ${JSON.stringify(over, (k, v) => (typeof v === "bigint" ? v.toString() : v))}`, async function () {
        const f = await loadFixture(protocol);
        const call = f.factory.createPlan(rulesFor(f, over));
        if (args.length) await expect(call).to.be.revertedWithCustomError(f.factory, error).withArgs(...args);
        else await expect(call).to.be.revertedWithCustomError(f.factory, error);
      });
    }

    it("InvalidAssessorCount above 32, DuplicateAssessor, a zero assessor", async function () {
      const f = await loadFixture(protocol);
      const many = Array.from({ length: 33 }, (_, i) => ethers.getAddress("0x" + (i + 1).toString(16).padStart(40, "0")));
      await expect(f.factory.createPlan(rulesFor(f, { assessors: many }))).to.be.revertedWithCustomError(f.factory, "InvalidAssessorCount").withArgs(33);
      await expect(f.factory.createPlan(rulesFor(f, { assessors: [f.as1.address, f.as2.address, f.as1.address] })))
        .to.be.revertedWithCustomError(f.factory, "DuplicateAssessor").withArgs(f.as1.address);
      await expect(f.factory.createPlan(rulesFor(f, { assessors: [f.as1.address, ethers.ZeroAddress] })))
        .to.be.revertedWithCustomError(f.factory, "ZeroAddress");
      // 32 assessors is fine
      await expect(f.factory.createPlan(rulesFor(f, { assessors: many.slice(0, 32), quorum: 32 }))).to.emit(f.factory, "PlanCreated");
    });

    it("a cost-sharing plan needs no contribution, a zero fee needs no receiver", async function () {
      const f = await loadFixture(protocol);
      await expect(f.factory.createPlan(rulesFor(f, { model: Model.COST_SHARING, contribution: 0 }))).to.emit(f.factory, "PlanCreated");
      await expect(f.factory.createPlan(rulesFor(f, { feeBps: 0, feeReceiver: ethers.ZeroAddress }))).to.emit(f.factory, "PlanCreated");
      // 18-decimal caps far above the old 64-bit limit (gap 8)
      const e18 = 10n ** 18n;
      await expect(f.factory.createPlan(rulesFor(f, { maxPayoutPerClaim: 50_000n * e18, maxPayoutPerMemberPerYear: 100_000n * e18 })))
        .to.emit(f.factory, "PlanCreated");
    });
  });

  it("constructor refuses a zero or code-less implementation", async function () {
    const [a] = await ethers.getSigners();
    const F = await ethers.getContractFactory("AidPoolFactory");
    await expect(F.deploy(ethers.ZeroAddress)).to.be.revertedWithCustomError(F, "ZeroAddress");
    await expect(F.deploy(a.address)).to.be.revertedWithCustomError(F, "NotAContract").withArgs(a.address);
  });
});
