// MatchingRound (quadratic matching) with ReliefCampaign: every function and error, and a
// hand-worked split: campaign X has four donors of 1 USD (Σ√c = 4, square 16), campaign Y one donor
// of 1 + 3 USD counted once as 4 (Σ√c = 2, square 4): a 100 USD pool pays X 80 and Y 20.
const { expect } = require("chai");
const { ethers } = require("hardhat");
const {
  DAY, usd, eth18, CampaignStatus, EVIDENCE, now, increase, setNext, deployScenarios, createCampaign, createRound, fundAll,
} = require("../scenarioFixtures");

describe("MatchingRound", function () {
  let f, round, startsAt, endsAt, X, Y;

  beforeEach(async function () {
    f = await deployScenarios();
    ({ round, startsAt, endsAt } = await createRound(f));
    ({ campaign: X } = await createCampaign(f, { round: round.target }));
    ({ campaign: Y } = await createCampaign(f, { round: round.target }));
    await fundAll(f.usdToken, [...f.donors, f.sponsor], X.target, usd(100_000));
    for (const d of [...f.donors, f.sponsor]) {
      await f.usdToken.connect(d).approve(Y.target, ethers.MaxUint256);
      await f.usdToken.connect(d).approve(round.target, ethers.MaxUint256);
    }
  });

  async function admitBoth() {
    await round.connect(f.sponsor).admit(X.target);
    await round.connect(f.sponsor).admit(Y.target);
  }

  async function handWorkedDonations() {
    await setNext(startsAt);
    for (const d of f.donors.slice(0, 4)) await X.connect(d).donate(usd(1));
    await Y.connect(f.donors[4]).donate(usd(1));
    await Y.connect(f.donors[4]).donate(usd(3));
  }

  it("creates rounds with terms and registry, and refuses bad windows and tokens", async function () {
    const t = await round.terms();
    expect(t.token).to.equal(f.usdToken.target);
    expect(t.sponsor).to.equal(f.sponsor.address);
    expect(t.factory).to.equal(f.relief.target);
    expect(t.startsAt).to.equal(BigInt(startsAt));
    expect(t.endsAt).to.equal(BigInt(endsAt));
    expect(await f.relief.roundCount()).to.equal(1n);
    expect(await f.relief.isRound(round.target)).to.equal(true);
    expect(await f.relief.rounds(0, 1)).to.deep.equal([round.target]);
    const n = await now();
    await expect(f.relief.createRound(f.usdToken.target, n, n + DAY)).to.be.revertedWithCustomError(f.relief, "InvalidRoundWindow");
    await expect(f.relief.createRound(f.usdToken.target, n + DAY, n + DAY)).to.be.revertedWithCustomError(f.relief, "InvalidRoundWindow");
    await expect(f.relief.createRound(f.usdToken.target, n + DAY, n + 367 * DAY)).to.be.revertedWithCustomError(f.relief, "InvalidRoundWindow");
    await expect(createCampaign(f, { round: round.target, token: f.token18.target }))
      .to.be.revertedWithCustomError(f.relief, "TokenMismatch").withArgs(f.token18.target, f.usdToken.target);
    await expect(f.roundImpl.fund(1)).to.be.revertedWithCustomError(f.roundImpl, "NotAClone");
  });

  it("fund: anyone adds to the pool until the round ends", async function () {
    await expect(round.connect(f.sponsor).fund(0)).to.be.revertedWithCustomError(round, "ZeroAmount");
    const tx = round.connect(f.sponsor).fund(usd(60));
    await expect(tx).to.emit(round, "RoundFunded").withArgs(f.sponsor.address, usd(60), usd(60));
    await expect(tx).to.changeTokenBalances(f.usdToken, [f.sponsor, round], [-usd(60), usd(60)]);
    await round.connect(f.donors[0]).fund(usd(40));
    expect((await round.poolBooks()).pool).to.equal(usd(100));
    await setNext(endsAt);
    await expect(round.connect(f.sponsor).fund(1)).to.be.revertedWithCustomError(round, "RoundEnded").withArgs(endsAt);
  });

  it("admit: sponsor only, before the start, campaigns of this round only, once", async function () {
    await expect(round.connect(f.stranger).admit(X.target)).to.be.revertedWithCustomError(round, "NotSponsor").withArgs(f.stranger.address);
    const { campaign: plain } = await createCampaign(f);
    await expect(round.connect(f.sponsor).admit(plain.target)).to.be.revertedWithCustomError(round, "NotRoundCampaign").withArgs(plain.target);
    await expect(round.connect(f.sponsor).admit(f.campaignImpl.target)).to.be.revertedWithCustomError(round, "NotRoundCampaign");
    await expect(round.connect(f.sponsor).admit(X.target)).to.emit(round, "CampaignAdmitted").withArgs(X.target);
    expect(await round.admitted(X.target)).to.equal(true);
    await expect(round.connect(f.sponsor).admit(X.target)).to.be.revertedWithCustomError(round, "AlreadyAdmitted");
    await setNext(startsAt);
    await expect(round.connect(f.sponsor).admit(Y.target)).to.be.revertedWithCustomError(round, "RoundStarted").withArgs(startsAt);
  });

  it("the hand-worked split: 80 to X, 20 to Y; one address counts once per campaign", async function () {
    await admitBoth();
    await round.connect(f.sponsor).fund(usd(100));
    await handWorkedDonations();
    expect(await X.sumSqrt()).to.equal(4n * 10n ** 9n); // √(1e6 · 1e12) = 1e9 per 1 USD donor
    expect(await Y.sumSqrt()).to.equal(2n * 10n ** 9n); // √(4 USD) counted once, not √1 + √3
    expect(await round.totalSquares()).to.equal(20n * 10n ** 18n);
    expect(await round.matchOf(X.target)).to.equal(usd(80));
    await expect(round.payMatch(X.target)).to.be.revertedWithCustomError(round, "RoundNotEnded").withArgs(endsAt);
    await setNext(endsAt);
    const tx = round.connect(f.stranger).payMatch(X.target);
    await expect(tx).to.emit(round, "MatchPaid").withArgs(X.target, usd(80), 16n * 10n ** 18n, 20n * 10n ** 18n);
    await expect(tx).to.emit(X, "MatchReceived").withArgs(round.target, usd(80));
    await expect(tx).to.changeTokenBalances(f.usdToken, [round, X], [-usd(80), usd(80)]);
    await expect(round.payMatch(X.target)).to.be.revertedWithCustomError(round, "MatchAlreadyPaid");
    await expect(round.payMatch(Y.target)).to.changeTokenBalance(f.usdToken, Y, usd(20));
    const pb = await round.poolBooks();
    expect(pb.paid).to.equal(usd(100));
    expect((await X.books()).matched).to.equal(usd(80));
  });

  it("donations before the start, after the end, or to a campaign not admitted are not matched", async function () {
    await round.connect(f.sponsor).admit(X.target);
    await X.connect(f.donors[0]).donate(usd(9)); // before the start
    expect(await X.sumSqrt()).to.equal(0n);
    await setNext(startsAt);
    await Y.connect(f.donors[1]).donate(usd(4)); // Y not admitted: counted in Y, ignored by the round
    expect(await Y.sumSqrt()).to.equal(2n * 10n ** 9n);
    expect(await round.totalSquares()).to.equal(0n);
    await X.connect(f.donors[0]).donate(usd(1)); // counted: 1 USD inside the window
    expect((await X.donationOf(f.donors[0].address)).counted).to.equal(usd(1));
    expect(await round.totalSquares()).to.equal(10n ** 18n);
    await setNext(endsAt);
    await X.connect(f.donors[2]).donate(usd(100)); // after the end
    expect(await X.sumSqrt()).to.equal(10n ** 9n);
    await expect(round.payMatch(Y.target)).to.be.revertedWithCustomError(round, "NotAdmitted").withArgs(Y.target);
    expect(await round.totalSquares()).to.equal(10n ** 18n);
    expect(await round.admittedCampaigns()).to.deep.equal([X.target]);
  });

  it("the sum of squares is taken once, at the first match after the round, and never moves after", async function () {
    await round.connect(f.sponsor).admit(X.target);
    await round.connect(f.sponsor).admit(Y.target);
    await setNext(startsAt);
    await X.connect(f.donors[0]).donate(usd(9)); // X: √9 = 3 (scaled 3e9)
    await Y.connect(f.donors[1]).donate(usd(1)); // Y: 1e9
    // a donation never calls the round (no round log, no round storage written)
    const r = await (await Y.connect(f.donors[2]).donate(usd(1))).wait(); // Y: 2e9
    expect(r.logs.filter((l) => l.address === round.target)).to.have.length(0);
    expect(await round.totalSquares()).to.equal(13n * 10n ** 18n); // 9 + 4, hand-worked
    await setNext(endsAt);
    await expect(round.payMatch(X.target)).to.emit(round, "SquaresSummed").withArgs(13n * 10n ** 18n, 2);
    await X.connect(f.donors[3]).donate(usd(100)); // after the end: not counted, nothing moves
    expect(await round.totalSquares()).to.equal(13n * 10n ** 18n);
    await expect(round.payMatch(Y.target)).to.not.emit(round, "SquaresSummed");
  });

  it("admits at most MAX_CAMPAIGNS campaigns (the one sum after the round stays bounded)", async function () {
    expect(await round.MAX_CAMPAIGNS()).to.equal(64n);
    for (let i = 0; i < 64; i++) {
      const { campaign } = await createCampaign(f, { round: round.target, deadline: startsAt + 20 * DAY });
      await round.connect(f.sponsor).admit(campaign.target);
    }
    const { campaign: extra } = await createCampaign(f, { round: round.target, deadline: startsAt + 20 * DAY });
    await expect(round.connect(f.sponsor).admit(extra.target)).to.be.revertedWithCustomError(round, "TooManyCampaigns").withArgs(64);
  });

  it("a round with nothing matched pays zero; the sponsor reclaims after the claim window", async function () {
    await admitBoth();
    await round.connect(f.sponsor).fund(usd(100));
    await setNext(endsAt);
    await expect(round.payMatch(X.target)).to.emit(round, "MatchPaid").withArgs(X.target, 0, 0, 0);
    await expect(round.connect(f.sponsor).reclaim()).to.be.revertedWithCustomError(round, "ClaimWindowOpen");
    await setNext(endsAt + 30 * DAY);
    await expect(round.payMatch(Y.target)).to.be.revertedWithCustomError(round, "ClaimWindowClosed").withArgs(endsAt + 30 * DAY);
    await expect(round.connect(f.stranger).reclaim()).to.be.revertedWithCustomError(round, "NotSponsor");
    const tx = round.connect(f.sponsor).reclaim();
    await expect(tx).to.emit(round, "PoolReclaimed").withArgs(f.sponsor.address, usd(100));
    await expect(tx).to.changeTokenBalance(f.usdToken, f.sponsor, usd(100));
    await expect(round.connect(f.sponsor).reclaim()).to.be.revertedWithCustomError(round, "ZeroAmount");
  });

  it("a failed campaign cannot take its match; one that took it returns it to the round with the refunds", async function () {
    await admitBoth();
    await round.connect(f.sponsor).fund(usd(100));
    await handWorkedDonations();
    await setNext(endsAt);
    await round.payMatch(Y.target); // Y gets 20 while still FUNDRAISING (4 of 1,000 raised)
    await increase(20 * DAY); // X and Y deadlines passed below the goal: FAILED (claim window still open)
    expect(await X.status()).to.equal(CampaignStatus.FAILED);
    await expect(round.payMatch(X.target)).to.be.revertedWithCustomError(X, "UnexpectedCampaignStatus").withArgs(CampaignStatus.FAILED, ethers.toBeHex(7n, 32));
    // Y refunds: the donor gets its 4, the round its 20 (nothing was released)
    await expect(Y.connect(f.donors[4]).refund()).to.changeTokenBalance(f.usdToken, f.donors[4], usd(4));
    await expect(round.recoverMatch(Y.target)).to.changeTokenBalance(f.usdToken, round, usd(20));
    await expect(round.recoverMatch(f.stranger.address)).to.be.revertedWithCustomError(round, "NotAdmitted");
    await increase(30 * DAY);
    await expect(round.connect(f.sponsor).reclaim()).to.changeTokenBalance(f.usdToken, f.sponsor, usd(100));
  });

  it("a match arriving after completion is credited straight to the beneficiary", async function () {
    await admitBoth();
    await round.connect(f.sponsor).fund(usd(100));
    await handWorkedDonations();
    await Y.connect(f.donors[5]).donate(usd(996)); // Y reaches 1,000; Σ√ = √4e18 + √996e18
    for (const i of [0, 1, 2]) {
      await Y.connect(f.v1).approveMilestone(i, EVIDENCE);
      await Y.connect(f.v2).approveMilestone(i, EVIDENCE);
    }
    expect(await Y.status()).to.equal(CampaignStatus.COMPLETED);
    await setNext(endsAt);
    const s = 2n * 10n ** 9n + 31559467676n; // floor(√(996e18)) = 31,559,467,676
    const total = s * s + 16n * 10n ** 18n;
    const expected = (usd(100) * s * s) / total;
    await expect(round.payMatch(Y.target)).to.emit(Y, "MilestoneReleased").withArgs(2, ethers.ZeroHash, expected, usd(1000) + expected);
    await expect(Y.connect(f.beneficiary).withdraw()).to.changeTokenBalance(f.usdToken, f.beneficiary, usd(1000) + expected);
  });

  it("18-decimal token: the same donations give the same split", async function () {
    const { round: r18, startsAt: s18, endsAt: e18 } = await createRound(f, { token: f.token18.target, startIn: 2 * DAY });
    const { campaign: x } = await createCampaign(f, { round: r18.target, token: f.token18.target });
    const { campaign: y } = await createCampaign(f, { round: r18.target, token: f.token18.target });
    await fundAll(f.token18, [...f.donors, f.sponsor], x.target, eth18(1000));
    for (const d of [...f.donors, f.sponsor]) {
      await f.token18.connect(d).approve(y.target, ethers.MaxUint256);
      await f.token18.connect(d).approve(r18.target, ethers.MaxUint256);
    }
    await r18.connect(f.sponsor).admit(x.target);
    await r18.connect(f.sponsor).admit(y.target);
    await r18.connect(f.sponsor).fund(eth18(100));
    await setNext(s18);
    for (const d of f.donors.slice(0, 4)) await x.connect(d).donate(eth18(1));
    await y.connect(f.donors[4]).donate(eth18(4));
    expect(await x.sumSqrt()).to.equal(4n * 10n ** 9n);
    await setNext(e18);
    await expect(r18.payMatch(x.target)).to.changeTokenBalance(f.token18, x, eth18(80));
    await expect(r18.payMatch(y.target)).to.changeTokenBalance(f.token18, y, eth18(20));
  });
});
