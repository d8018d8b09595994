// ReliefCampaign + ReliefCampaignFactory: every function and error. Expected figures are worked by
// hand (or with BigInt arithmetic in the test), never read back from the contract under test.
const { expect } = require("chai");
const { ethers } = require("hardhat");
const {
  DAY, usd, eth18, CampaignStatus, DESCRIPTION, EVIDENCE, now, increase, deployScenarios, campaignParams,
  createCampaign, fundAll,
} = require("../scenarioFixtures");

describe("ReliefCampaign", function () {
  let f;
  let campaign;
  let A, B, C;

  beforeEach(async function () {
    f = await deployScenarios();
    [A, B, C] = f.donors;
    ({ campaign } = await createCampaign(f));
    await fundAll(f.usdToken, [A, B, C], campaign.target, usd(10_000));
  });

  async function fundGoal() {
    await campaign.connect(A).donate(usd(600));
    await campaign.connect(B).donate(usd(300));
    await campaign.connect(C).donate(usd(100));
  }

  async function approveBy(index, evidence, ...verifiers) {
    for (const v of verifiers) await campaign.connect(v).approveMilestone(index, evidence);
  }

  describe("factory", function () {
    it("creates a clone with the terms, registry and event", async function () {
      const p = await campaignParams(f);
      await expect(f.relief.createCampaign(p)).to.emit(f.relief, "CampaignCreated");
      expect(await f.relief.campaignCount()).to.equal(2n);
      const [first, second] = await f.relief.campaigns(0, 10);
      expect(first).to.equal(campaign.target);
      expect(await f.relief.isCampaign(second)).to.equal(true);
      expect(await f.relief.isCampaign(f.stranger.address)).to.equal(false);
      expect(await f.relief.creatorOf(second)).to.equal(f.operator.address);
      const c2 = await ethers.getContractAt("ReliefCampaign", second);
      const t = await c2.terms();
      expect(t.token).to.equal(f.usdToken.target);
      expect(t.beneficiary).to.equal(f.beneficiary.address);
      expect(t.matchingRound).to.equal(ethers.ZeroAddress);
      expect(t.goal).to.equal(usd(1000));
      expect(t.deadline).to.equal(BigInt(p.deadline));
      expect(t.decimals).to.equal(6n);
      expect(t.quorum).to.equal(2n);
      expect(t.descriptionHash).to.equal(DESCRIPTION);
      expect(await c2.verifiers()).to.deep.equal([f.v1.address, f.v2.address, f.v3.address]);
      expect(await c2.milestoneCount()).to.equal(3n);
      const m2 = await c2.milestone(2);
      expect(m2.amount).to.equal(usd(400));
      expect(m2.descriptionHash).to.equal(ethers.id("m2 rebuild"));
      await expect(c2.milestone(3)).to.be.revertedWithCustomError(c2, "InvalidRange").withArgs(3, 3);
      expect(await c2.status()).to.equal(CampaignStatus.FUNDRAISING);
      expect(await c2.round()).to.equal(ethers.ZeroAddress);
    });

    it("creates a campaign for well under 300k gas (a clone, not a deployment)", async function () {
      const { receipt } = await createCampaign(f);
      expect(receipt.gasUsed).to.be.lessThan(300_000n);
    });

    it("pages the registry and refuses a range beyond its end", async function () {
      await createCampaign(f);
      expect(await f.relief.campaigns(1, 5)).to.have.length(1);
      expect(await f.relief.campaigns(2, 5)).to.have.length(0);
      await expect(f.relief.campaigns(3, 1)).to.be.revertedWithCustomError(f.relief, "InvalidRange").withArgs(3, 2);
      expect(await f.relief.rounds(0, 5)).to.have.length(0);
    });

    it("refuses bad implementations", async function () {
      const F = await ethers.getContractFactory("ReliefCampaignFactory");
      await expect(F.deploy(ethers.ZeroAddress, f.roundImpl.target)).to.be.revertedWithCustomError(F, "ZeroAddress");
      await expect(F.deploy(f.stranger.address, f.roundImpl.target)).to.be.revertedWithCustomError(F, "NotAContract");
      await expect(F.deploy(f.campaignImpl.target, f.stranger.address)).to.be.revertedWithCustomError(F, "NotAContract");
    });

    const bad = [
      ["zero token", () => ({ token: ethers.ZeroAddress }), "ZeroAddress"],
      ["token without code", (f) => ({ token: f.stranger.address }), "NotAContract"],
      ["zero beneficiary", () => ({ beneficiary: ethers.ZeroAddress }), "ZeroAddress"],
      ["zero goal", () => ({ goal: 0 }), "ZeroGoal"],
      ["deadline now", (f, t) => ({ deadline: t }), "InvalidDeadline"],
      ["deadline beyond 366 days", (f, t) => ({ deadline: t + 367 * DAY }), "InvalidDeadline"],
      ["no verifiers", () => ({ verifiers: [] }), "InvalidVerifierCount"],
      ["33 verifiers", () => ({ verifiers: Array.from({ length: 33 }, (_, i) => ethers.getAddress("0x" + (i + 1).toString(16).padStart(40, "0"))) }), "InvalidVerifierCount"],
      ["quorum 0", () => ({ quorum: 0 }), "InvalidQuorum"],
      ["quorum above verifiers", () => ({ quorum: 4 }), "InvalidQuorum"],
      ["zero verifier", (f) => ({ verifiers: [f.v1.address, ethers.ZeroAddress] }), "ZeroAddress"],
      ["duplicate verifier", (f) => ({ verifiers: [f.v1.address, f.v2.address, f.v1.address] }), "DuplicateVerifier"],
      ["no milestones", () => ({ milestones: [] }), "InvalidMilestoneCount"],
      ["33 milestones", () => ({ goal: usd(33), milestones: Array.from({ length: 33 }, () => ({ amount: usd(1), descriptionHash: ethers.ZeroHash })) }), "InvalidMilestoneCount"],
      ["zero milestone", () => ({ milestones: [{ amount: 0, descriptionHash: ethers.ZeroHash }, { amount: usd(1000), descriptionHash: ethers.ZeroHash }] }), "ZeroMilestone"],
      ["milestones not the goal", () => ({ milestones: [{ amount: usd(999), descriptionHash: ethers.ZeroHash }] }), "MilestonesNotGoal"],
      ["unknown round", (f) => ({ round: f.stranger.address }), "UnknownRound"],
    ];
    for (const [name, over, error] of bad) {
      it(`refuses ${name} (${error})`, async function () {
        const p = await campaignParams(f, over(f, await now()));
        await expect(f.relief.createCampaign(p)).to.be.revertedWithCustomError(f.relief, error);
      });
    }

    it("refuses a token with more than 18 decimals", async function () {
      const t19 = await ethers.deployContract("DecimalsToken", [19]);
      const p = await campaignParams(f, { token: t19.target });
      await expect(f.relief.createCampaign(p)).to.be.revertedWithCustomError(f.relief, "UnsupportedDecimals").withArgs(19);
      const t = await now();
      await expect(f.relief.createRound(t19.target, t + DAY, t + 2 * DAY)).to.be.revertedWithCustomError(f.relief, "UnsupportedDecimals").withArgs(19);
    });
  });

  describe("donate", function () {
    it("takes the tokens into escrow, books the donor and emits Donated", async function () {
      { const tx = campaign.connect(A).donate(usd(250)); await expect(tx)
        .to.emit(campaign, "Donated").withArgs(A.address, usd(250), usd(250), usd(250), 0); await expect(tx).to.changeTokenBalances(f.usdToken, [A, campaign], [-usd(250), usd(250)]); }
      await expect(campaign.connect(A).donate(usd(50)))
        .to.emit(campaign, "Donated").withArgs(A.address, usd(50), usd(300), usd(300), 0);
      await campaign.connect(B).donate(usd(1));
      const d = await campaign.donationOf(A.address);
      expect(d.donated).to.equal(usd(300));
      expect(d.counted).to.equal(0n);
      const b = await campaign.books();
      expect(b.raised).to.equal(usd(301));
      expect(b.donorCount).to.equal(2n);
    });

    it("reaching the goal makes it FUNDED; donations continue until the deadline", async function () {
      await fundGoal();
      expect(await campaign.status()).to.equal(CampaignStatus.FUNDED);
      await campaign.connect(A).donate(usd(5));
      await increase(30 * DAY);
      expect(await campaign.status()).to.equal(CampaignStatus.FUNDED);
      const { deadline } = await campaign.terms();
      await expect(campaign.connect(A).donate(usd(5))).to.be.revertedWithCustomError(campaign, "FundraisingClosed").withArgs(deadline);
    });

    it("refuses zero, and donations after a missed deadline (FAILED)", async function () {
      await expect(campaign.connect(A).donate(0)).to.be.revertedWithCustomError(campaign, "ZeroAmount");
      await campaign.connect(A).donate(usd(10));
      await increase(30 * DAY);
      expect(await campaign.status()).to.equal(CampaignStatus.FAILED);
      await expect(campaign.connect(A).donate(usd(1))).to.be.revertedWithCustomError(campaign, "UnexpectedCampaignStatus").withArgs(CampaignStatus.FAILED, ethers.toBeHex(3n, 32));
    });

    it("the implementation refuses donations (only clones are campaigns)", async function () {
      await expect(f.campaignImpl.connect(A).donate(usd(1))).to.be.revertedWithCustomError(f.campaignImpl, "NotAClone");
    });

    it("works with an 18-decimal token", async function () {
      const { campaign: c18 } = await createCampaign(f, { token: f.token18.target });
      expect((await c18.terms()).decimals).to.equal(18n);
      await fundAll(f.token18, [A], c18.target, eth18(5000));
      await c18.connect(A).donate(eth18(1000));
      expect(await c18.status()).to.equal(CampaignStatus.FUNDED);
      await c18.connect(f.v1).approveMilestone(0, EVIDENCE);
      await c18.connect(f.v2).approveMilestone(0, EVIDENCE);
      await expect(c18.connect(f.beneficiary).withdraw()).to.changeTokenBalance(f.token18, f.beneficiary, eth18(300));
    });
  });

  describe("milestones", function () {
    it("refuses approvals before the goal, from non-verifiers, out of order and twice", async function () {
      await campaign.connect(A).donate(usd(999));
      await expect(campaign.connect(f.v1).approveMilestone(0, EVIDENCE)).to.be.revertedWithCustomError(campaign, "UnexpectedCampaignStatus").withArgs(CampaignStatus.FUNDRAISING, ethers.toBeHex(2n, 32));
      await campaign.connect(A).donate(usd(1));
      await expect(campaign.connect(f.stranger).approveMilestone(0, EVIDENCE)).to.be.revertedWithCustomError(campaign, "NotVerifier").withArgs(f.stranger.address);
      await expect(campaign.connect(f.v1).approveMilestone(1, EVIDENCE)).to.be.revertedWithCustomError(campaign, "NotNextMilestone").withArgs(1, 0);
      await campaign.connect(f.v1).approveMilestone(0, EVIDENCE);
      await expect(campaign.connect(f.v1).approveMilestone(0, EVIDENCE)).to.be.revertedWithCustomError(campaign, "AlreadyVoted").withArgs(f.v1.address);
    });

    it("releases by credit only when the quorum approves the same evidence hash", async function () {
      await fundGoal();
      await expect(campaign.connect(f.v1).approveMilestone(0, EVIDENCE))
        .to.emit(campaign, "MilestoneApproved").withArgs(0, f.v1.address, EVIDENCE, 1);
      // a different evidence hash does not add up with the first one
      await campaign.connect(f.v2).approveMilestone(0, ethers.id("other evidence"));
      expect((await campaign.books()).released).to.equal(0n);
      expect(await campaign.approvalsOf(0, EVIDENCE)).to.equal(1n);
      const tx = campaign.connect(f.v3).approveMilestone(0, EVIDENCE);
      await expect(tx).to.emit(campaign, "MilestoneReleased").withArgs(0, EVIDENCE, usd(300), usd(300));
      await expect(tx).to.changeTokenBalance(f.usdToken, f.beneficiary, 0); // credited, not pushed
      const b = await campaign.books();
      expect(b.released).to.equal(usd(300));
      expect(b.owed).to.equal(usd(300));
      expect(b.paidMilestones).to.equal(1n);
      await expect(campaign.connect(f.v1).approveMilestone(0, EVIDENCE)).to.be.revertedWithCustomError(campaign, "NotNextMilestone").withArgs(0, 1);
    });

    it("the last milestone releases everything left, excess over the goal included; then COMPLETED", async function () {
      await fundGoal();
      await campaign.connect(C).donate(usd(50)); // 1,050 raised
      await approveBy(0, EVIDENCE, f.v1, f.v2);
      await approveBy(1, EVIDENCE, f.v1, f.v2);
      await expect(approveBy(2, EVIDENCE, f.v2, f.v3)).to.not.be.reverted;
      const b = await campaign.books();
      expect(b.released).to.equal(usd(1050));
      expect(await campaign.status()).to.equal(CampaignStatus.COMPLETED);
      const tx = campaign.connect(f.beneficiary).withdraw();
      await expect(tx).to.emit(campaign, "BeneficiaryWithdrew").withArgs(f.beneficiary.address, usd(1050));
      await expect(tx).to.changeTokenBalances(f.usdToken, [f.beneficiary, campaign], [usd(1050), -usd(1050)]);
      await expect(campaign.connect(A).donate(usd(1))).to.be.revertedWithCustomError(campaign, "UnexpectedCampaignStatus").withArgs(CampaignStatus.COMPLETED, ethers.toBeHex(3n, 32));
      await expect(campaign.connect(f.v1).voteCancel()).to.be.revertedWithCustomError(campaign, "UnexpectedCampaignStatus").withArgs(CampaignStatus.COMPLETED, ethers.toBeHex(11n, 32));
      await expect(campaign.connect(f.v1).approveMilestone(3, EVIDENCE)).to.be.revertedWithCustomError(campaign, "UnexpectedCampaignStatus").withArgs(CampaignStatus.COMPLETED, ethers.toBeHex(2n, 32));
    });

    it("milestones can still be released after the deadline once the goal was met", async function () {
      await fundGoal();
      await increase(31 * DAY);
      await approveBy(0, EVIDENCE, f.v1, f.v2);
      expect((await campaign.books()).released).to.equal(usd(300));
    });
  });

  describe("withdraw", function () {
    it("only the beneficiary, only with credit", async function () {
      await expect(campaign.connect(f.stranger).withdraw()).to.be.revertedWithCustomError(campaign, "NotBeneficiary").withArgs(f.stranger.address);
      await expect(campaign.connect(f.beneficiary).withdraw()).to.be.revertedWithCustomError(campaign, "NothingToWithdraw");
      await fundGoal();
      await approveBy(0, EVIDENCE, f.v1, f.v2);
      await expect(campaign.connect(f.beneficiary).withdraw()).to.changeTokenBalance(f.usdToken, f.beneficiary, usd(300));
      await expect(campaign.connect(f.beneficiary).withdraw()).to.be.revertedWithCustomError(campaign, "NothingToWithdraw");
    });
  });

  describe("cancel and refunds", function () {
    it("a missed goal refunds every donor in full", async function () {
      await campaign.connect(A).donate(usd(200));
      await campaign.connect(B).donate(usd(100));
      await expect(campaign.connect(A).refund()).to.be.revertedWithCustomError(campaign, "UnexpectedCampaignStatus").withArgs(CampaignStatus.FUNDRAISING, ethers.toBeHex(24n, 32));
      await increase(30 * DAY);
      expect(await campaign.refundOf(A.address)).to.equal(usd(200));
      const tx = campaign.connect(A).refund();
      await expect(tx).to.emit(campaign, "Refunded").withArgs(A.address, usd(200));
      await expect(tx).to.changeTokenBalance(f.usdToken, A, usd(200));
      await expect(campaign.connect(A).refund()).to.be.revertedWithCustomError(campaign, "NothingToRefund").withArgs(A.address);
      await expect(campaign.connect(C).refund()).to.be.revertedWithCustomError(campaign, "NothingToRefund").withArgs(C.address);
      await expect(campaign.connect(B).refund()).to.changeTokenBalance(f.usdToken, B, usd(100));
      expect(await f.usdToken.balanceOf(campaign.target)).to.equal(0n);
      expect(await campaign.refundOf(A.address)).to.equal(0n);
    });

    it("cancelled after a release: donors share what is left pro rata (hand-worked 420/210/70)", async function () {
      await fundGoal(); // A 600, B 300, C 100
      await approveBy(0, EVIDENCE, f.v1, f.v2); // 300 released, 700 left
      await expect(campaign.connect(f.stranger).voteCancel()).to.be.revertedWithCustomError(campaign, "NotVerifier");
      await expect(campaign.connect(f.v1).voteCancel()).to.emit(campaign, "CancelVoted").withArgs(f.v1.address, 1);
      await expect(campaign.connect(f.v1).voteCancel()).to.be.revertedWithCustomError(campaign, "AlreadyVoted");
      expect(await campaign.status()).to.equal(CampaignStatus.FUNDED);
      await expect(campaign.connect(f.v3).voteCancel()).to.emit(campaign, "CampaignCancelled").withArgs(usd(700));
      expect(await campaign.cancelVotes()).to.equal(2n);
      expect(await campaign.status()).to.equal(CampaignStatus.CANCELLED);
      await expect(campaign.connect(f.v2).voteCancel()).to.be.revertedWithCustomError(campaign, "UnexpectedCampaignStatus").withArgs(CampaignStatus.CANCELLED, ethers.toBeHex(11n, 32));
      await expect(campaign.connect(f.v2).approveMilestone(1, EVIDENCE)).to.be.revertedWithCustomError(campaign, "UnexpectedCampaignStatus");
      await expect(campaign.connect(B).refund()).to.changeTokenBalance(f.usdToken, B, usd(210));
      await expect(campaign.connect(A).refund()).to.changeTokenBalance(f.usdToken, A, usd(420));
      await expect(campaign.connect(C).refund()).to.changeTokenBalance(f.usdToken, C, usd(70));
      // the beneficiary keeps what was released before the cancel
      await expect(campaign.connect(f.beneficiary).withdraw()).to.changeTokenBalance(f.usdToken, f.beneficiary, usd(300));
      expect(await f.usdToken.balanceOf(campaign.target)).to.equal(0n);
    });

    it("rounding: everyone gets floor(d*left/raised) and the last donor the exact remainder", async function () {
      const { campaign: c } = await createCampaign(f, {
        goal: usd(300), milestones: [{ amount: usd(100), descriptionHash: ethers.ZeroHash }, { amount: usd(200), descriptionHash: ethers.ZeroHash }],
      });
      await fundAll(f.usdToken, [A, B, C], c.target, usd(1000));
      const gifts = [usd(100) + 1n, usd(100), usd(100) + 2n];
      await c.connect(A).donate(gifts[0]);
      await c.connect(B).donate(gifts[1]);
      await c.connect(C).donate(gifts[2]);
      await c.connect(f.v1).approveMilestone(0, EVIDENCE);
      await c.connect(f.v2).approveMilestone(0, EVIDENCE);
      await c.connect(f.v1).voteCancel();
      await c.connect(f.v2).voteCancel();
      const raised = gifts[0] + gifts[1] + gifts[2];
      const left = raised - usd(100);
      const a = (gifts[0] * left) / raised;
      const b = (gifts[1] * left) / raised;
      await expect(c.connect(A).refund()).to.changeTokenBalance(f.usdToken, A, a);
      await expect(c.connect(B).refund()).to.changeTokenBalance(f.usdToken, B, b);
      await expect(c.connect(C).refund()).to.changeTokenBalance(f.usdToken, C, left - a - b);
      const books = await c.books();
      expect(books.refunded + books.released).to.equal(raised);
      expect(books.refundedDonorCount).to.equal(3n);
    });

    it("a refund cannot be re-entered through a hostile token", async function () {
      const { campaign: c } = await createCampaign(f, { token: f.token18.target });
      await fundAll(f.token18, [A, B], c.target, eth18(1000));
      await c.connect(A).donate(eth18(10));
      await c.connect(B).donate(eth18(10));
      await increase(30 * DAY);
      await f.token18.arm(c.target, c.interface.encodeFunctionData("refund"));
      await expect(c.connect(A).refund()).to.be.revertedWithCustomError(c, "ReentrancyGuardReentrantCall");
      await f.token18.arm(ethers.ZeroAddress, "0x");
      await expect(c.connect(A).refund()).to.changeTokenBalance(f.token18, A, eth18(10));
    });

    it("receiveMatch is only for the campaign's round", async function () {
      await expect(campaign.connect(f.stranger).receiveMatch(1)).to.be.revertedWithCustomError(campaign, "NotRound").withArgs(f.stranger.address);
    });
  });
});
