// Donor points of relief campaigns (issue 13; DESIGN.md "Points"): attacks first (double claim, claim
// after a refund, points from a fake campaign, minting straight into AidPoints), then the claim itself.
// Expected figures are worked by hand: one point per whole token donated (usd has 6 decimals).
const { expect } = require("chai");
const { ethers } = require("hardhat");
const {
  DAY, usd, eth18, CampaignStatus, EVIDENCE, increase, deployScenarios, createCampaign, fundAll,
} = require("../scenarioFixtures");

describe("ReliefCampaign donor points", function () {
  let f, campaign, points, A, B, C;

  beforeEach(async function () {
    f = await deployScenarios();
    [A, B, C] = f.donors;
    ({ campaign } = await createCampaign(f));
    points = await ethers.getContractAt("AidPoints", await f.relief.points());
    await fundAll(f.usdToken, [A, B, C], campaign.target, usd(10_000));
  });

  async function complete(c = campaign) {
    for (let i = 0; i < 3; i++) {
      await c.connect(f.v1).approveMilestone(i, EVIDENCE);
      await c.connect(f.v2).approveMilestone(i, EVIDENCE);
    }
    expect(await c.status()).to.equal(CampaignStatus.COMPLETED);
  }

  describe("attacks", function () {
    it("double claim: a donor's points are minted once", async function () {
      await campaign.connect(A).donate(usd(1000));
      await complete();
      await campaign.connect(A).claimPoints();
      await expect(campaign.connect(A).claimPoints()).to.be.revertedWithCustomError(campaign, "PointsAlreadyClaimed").withArgs(A.address);
      expect(await points.pointsOf(campaign.target, A.address)).to.equal(1000n);
      expect(await points.totalOf(campaign.target)).to.equal(1000n);
    });

    it("claim after a refund: a missed goal (FAILED) never completes, so refunded gifts earn nothing", async function () {
      await campaign.connect(A).donate(usd(400));
      await increase(30 * DAY);
      await campaign.connect(A).refund();
      await expect(campaign.connect(A).claimPoints()).to.be.revertedWithCustomError(campaign, "UnexpectedCampaignStatus")
        .withArgs(CampaignStatus.FAILED, ethers.toBeHex(1n << 2n, 32));
      expect(await points.totalOf(campaign.target)).to.equal(0n);
    });

    it("claim after a refund: a campaign cancelled once funded (some milestone paid) pays no points, before or after the refund", async function () {
      await campaign.connect(A).donate(usd(1000));
      await campaign.connect(f.v1).approveMilestone(0, EVIDENCE);
      await campaign.connect(f.v2).approveMilestone(0, EVIDENCE);
      await expect(campaign.connect(A).claimPoints()).to.be.revertedWithCustomError(campaign, "UnexpectedCampaignStatus")
        .withArgs(CampaignStatus.FUNDED, ethers.toBeHex(1n << 2n, 32));
      await campaign.connect(f.v1).voteCancel();
      await campaign.connect(f.v3).voteCancel();
      await expect(campaign.connect(A).claimPoints()).to.be.revertedWithCustomError(campaign, "UnexpectedCampaignStatus")
        .withArgs(CampaignStatus.CANCELLED, ethers.toBeHex(1n << 2n, 32));
      await campaign.connect(A).refund();
      await expect(campaign.connect(A).claimPoints()).to.be.revertedWithCustomError(campaign, "UnexpectedCampaignStatus")
        .withArgs(CampaignStatus.CANCELLED, ethers.toBeHex(1n << 2n, 32));
      expect(await points.totalOf(campaign.target)).to.equal(0n);
    });

    it("points from a fake campaign: the real code cloned outside the factory, naming the real AidPoints, cannot mint", async function () {
      const code = await ethers.provider.getCode(campaign.target);
      const args = "0x" + code.slice(2 + 0x2d * 2); // the real campaign's immutable arguments, points address included
      const maker = await ethers.deployContract("CloneMaker");
      const receipt = await (await maker.clone(f.campaignImpl.target, args)).wait();
      const fake = await ethers.getContractAt("ReliefCampaign", maker.interface.parseLog(receipt.logs.at(-1)).args.clone);
      expect(await fake.points()).to.equal(points.target);
      expect(await f.relief.isCampaign(fake.target)).to.equal(false);
      await f.usdToken.connect(A).approve(fake.target, usd(1000));
      await fake.connect(A).donate(usd(1000));
      await complete(fake);
      await expect(fake.connect(A).claimPoints()).to.be.revertedWithCustomError(points, "NotRegisteredPlan").withArgs(fake.target);
      expect(await points.totalOf(fake.target)).to.equal(0n);
    });

    it("nobody mints into the campaigns' AidPoints directly; only the factory's campaigns are its minters", async function () {
      await expect(points.connect(A).mint(A.address, 5)).to.be.revertedWithCustomError(points, "NotRegisteredPlan").withArgs(A.address);
      expect(await points.registry()).to.equal(f.relief.target);
      expect(await f.relief.isPlan(campaign.target)).to.equal(true);
      expect(await f.relief.isPlan(A.address)).to.equal(false);
    });

    it("a donor of less than one whole token has no points; a non-donor neither", async function () {
      await campaign.connect(A).donate(usd(1000));
      await campaign.connect(B).donate(999_999n); // 0.999999 USD
      await complete();
      await expect(campaign.connect(B).claimPoints()).to.be.revertedWithCustomError(campaign, "NoPointsEarned").withArgs(B.address);
      await expect(campaign.connect(C).claimPoints()).to.be.revertedWithCustomError(campaign, "NoPointsEarned").withArgs(C.address);
    });
  });

  describe("claim", function () {
    it("after completion each donor pulls one point per whole token donated, scoped to the campaign", async function () {
      await campaign.connect(A).donate(usd(600));
      await campaign.connect(A).donate(usd(150) + 500_000n); // 750.5 in all -> 750 points
      await campaign.connect(B).donate(usd(300));
      expect(await campaign.pointsOf(A.address)).to.deep.equal([750n, false]);
      await complete();
      const tx = campaign.connect(A).claimPoints();
      await expect(tx).to.emit(campaign, "DonorPointsClaimed").withArgs(A.address, 750n);
      await expect(tx).to.emit(points, "PointsMinted").withArgs(campaign.target, A.address, 750n);
      await campaign.connect(B).claimPoints();
      expect(await campaign.pointsOf(A.address)).to.deep.equal([750n, true]);
      expect(await points.pointsOf(campaign.target, A.address)).to.equal(750n);
      expect(await points.pointsOf(campaign.target, B.address)).to.equal(300n);
      expect(await points.totalOf(campaign.target)).to.equal(1050n);

      // another campaign's points are another scope: nothing is added up across campaigns
      const { campaign: other } = await createCampaign(f);
      await f.usdToken.connect(A).approve(other.target, usd(1000));
      await other.connect(A).donate(usd(1000));
      await complete(other);
      await other.connect(A).claimPoints();
      expect(await points.pointsOf(other.target, A.address)).to.equal(1000n);
      expect(await points.pointsOf(campaign.target, A.address)).to.equal(750n);
      expect(await points.totalOf(other.target)).to.equal(1000n);
    });

    it("an 18-decimal token: one point per whole token too", async function () {
      const { campaign: c18 } = await createCampaign(f, { token: f.token18.target });
      await fundAll(f.token18, [A], c18.target, eth18(2000));
      await c18.connect(A).donate(eth18(1000) + 1n);
      await complete(c18);
      await expect(c18.connect(A).claimPoints()).to.emit(c18, "DonorPointsClaimed").withArgs(A.address, 1000n);
    });

    it("the donation itself mints nothing (its gas does not grow with points)", async function () {
      const receipt = await (await campaign.connect(A).donate(usd(10))).wait();
      expect(receipt.logs.filter((l) => l.address === points.target)).to.have.length(0);
    });
  });
});
