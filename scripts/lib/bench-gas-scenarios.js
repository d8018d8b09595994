// Gas of the scenario contracts (relief campaigns, quadratic matching, group purchases) against
// their budgets. Called by scripts/lib/bench-gas.js with its `row(op, gas, budget, note)` recorder;
// kept in its own module so the protocol bench and this one can change independently.
// Budgets: a donation should cost about what a plan deposit costs (60k); a first donation pays
// once for the donor's storage slot (+17.1k over a repeat donation).
const { ethers } = require("hardhat");
const {
  DAY, usd, EVIDENCE, setNext, deployScenarios, createCampaign, createRound, createPurchase, fundAll,
} = require("../../test/scenarioFixtures");

async function gasOf(txPromise) {
  const tx = await txPromise;
  return Number((await tx.wait()).gasUsed);
}

async function relief(row) {
  const f = await deployScenarios();
  const [a, b, c, d] = f.donors;
  const { campaign, receipt } = await createCampaign(f);
  row("relief: create campaign (clone, 3 verifiers, 3 milestones)", Number(receipt.gasUsed), 300_000);
  await fundAll(f.usdToken, [a, b, c, d], campaign.target, usd(10_000));
  await campaign.connect(d).donate(usd(1)); // the campaign's first token balance (one-off +17.1k)
  row("relief: donate, first donation of a donor", await gasOf(campaign.connect(a).donate(usd(100))), 80_000,
    "+17.1k: the donor's storage slot, once per donor and campaign");
  row("relief: donate, repeat donor", await gasOf(campaign.connect(a).donate(usd(100))), 62_000,
    "about a plan deposit: the token's transferFrom + two storage slots (books, donor)");
  await campaign.connect(b).donate(usd(500));
  await campaign.connect(c).donate(usd(299));
  row("relief: approve milestone (below quorum)", await gasOf(campaign.connect(f.v1).approveMilestone(0, EVIDENCE)), 60_000);
  row("relief: approve milestone reaching quorum (credit to beneficiary)",
    await gasOf(campaign.connect(f.v2).approveMilestone(0, EVIDENCE)), 90_000);
  row("relief: beneficiary withdraw", await gasOf(campaign.connect(f.beneficiary).withdraw()), 60_000);
  row("relief: vote cancel (below quorum)", await gasOf(campaign.connect(f.v1).voteCancel()), 60_000);
  row("relief: vote cancel reaching quorum", await gasOf(campaign.connect(f.v2).voteCancel()), 60_000);
  row("relief: refund (pro rata of what is left)", await gasOf(campaign.connect(a).refund()), 80_000);
  row("relief: refund, last donor (exact remainder)", await gasOf(
    (async () => { await campaign.connect(b).refund(); await campaign.connect(c).refund(); return campaign.connect(d).refund(); })(),
  ), 70_000);

  // donor points: pulled once per donor after the campaign COMPLETED (donations mint nothing)
  const { campaign: done } = await createCampaign(f);
  await fundAll(f.usdToken, [a, b], done.target, usd(10_000));
  await done.connect(a).donate(usd(600));
  await done.connect(b).donate(usd(400));
  for (let i = 0; i < 3; i++) for (const v of [f.v1, f.v2]) await done.connect(v).approveMilestone(i, EVIDENCE);
  row("relief: claim donor points, first of the campaign (AidPoints mint)", await gasOf(done.connect(a).claimPoints()), 120_000,
    "once per donor and campaign, after COMPLETED: the claimed flag, the campaign's total and the donor's points in AidPoints (new slots)");
  row("relief: claim donor points", await gasOf(done.connect(b).claimPoints()), 100_000,
    "the campaign's points total already exists: two new slots (flag, donor's points)");
}

async function matching(row) {
  const f = await deployScenarios();
  const [a, b, c] = f.donors;
  const { round, startsAt, endsAt, receipt } = await createRound(f);
  row("matching: create round (clone)", Number(receipt.gasUsed), 200_000);
  const { campaign: x } = await createCampaign(f, { round: round.target });
  const { campaign: y } = await createCampaign(f, { round: round.target });
  await fundAll(f.usdToken, [a, b, c, f.sponsor], round.target, usd(10_000));
  for (const s of [a, b, c]) {
    await f.usdToken.connect(s).approve(x.target, ethers.MaxUint256);
    await f.usdToken.connect(s).approve(y.target, ethers.MaxUint256);
  }
  row("matching: fund the pool", await gasOf(round.connect(f.sponsor).fund(usd(1000))), 100_000,
    "first funding: the round's first token balance and pool slot");
  row("matching: admit a campaign", await gasOf(round.connect(f.sponsor).admit(x.target)), 110_000,
    "+44k: the campaign joins the round's list (its length slot and its entry), summed once after the round");
  await round.connect(f.sponsor).admit(y.target);
  await setNext(startsAt);
  await x.connect(c).donate(usd(1)); // the campaigns' first token balances
  await y.connect(c).donate(usd(1));
  row("matching: donate in the window, first donation of a donor", await gasOf(x.connect(a).donate(usd(5))), 85_000,
    "quadratic: √ of the donor's running total before and after, the campaign's Σ√c (same slot as raised); no call to the round");
  row("matching: donate in the window, repeat donor", await gasOf(x.connect(a).donate(usd(5))), 66_000,
    "+~2.9k over a plain donation: two √ (OpenZeppelin Math.sqrt) and the window's two ends read from the clone's arguments");
  await y.connect(b).donate(usd(20));
  await setNext(endsAt);
  row("matching: pay the first match (sums 2 campaigns' squares, into escrow)", await gasOf(round.payMatch(x.target)), 180_000,
    "the first payMatch after the round adds up Σ(Σ√c)² once and stores it (+22k): +~7.8k per admitted campaign");
  row("matching: pay a later match (into escrow)", await gasOf(round.payMatch(y.target)), 150_000);

  // the bound: a round with MAX_CAMPAIGNS (64) admitted campaigns, the first match sums all their squares
  const big = await createRound(f);
  const many = [];
  for (let i = 0; i < 64; i++) {
    const { campaign } = await createCampaign(f, { round: big.round.target, deadline: big.startsAt + 20 * DAY });
    await big.round.connect(f.sponsor).admit(campaign.target);
    many.push(campaign);
  }
  await f.usdToken.connect(f.sponsor).approve(big.round.target, ethers.MaxUint256);
  await big.round.connect(f.sponsor).fund(usd(1000));
  await setNext(big.startsAt);
  await f.usdToken.connect(a).approve(many[0].target, ethers.MaxUint256);
  await many[0].connect(a).donate(usd(5));
  await setNext(big.endsAt);
  row("matching: pay the first match, 64 campaigns (MAX_CAMPAIGNS: the sum's bound)", await gasOf(big.round.payMatch(many[0].target)), 700_000,
    "O(MAX_CAMPAIGNS) once per round: one cold sumSqrt() call per campaign");
}

async function group(row) {
  const f = await deployScenarios();
  const [a, b, c, d] = f.donors;
  const { purchase, receipt } = await createPurchase(f);
  row("group: create purchase (clone)", Number(receipt.gasUsed), 250_000);
  await fundAll(f.usdToken, [a, b, c, d], purchase.target, usd(10_000));
  await purchase.connect(d).pledge(1);
  row("group: pledge shares", await gasOf(purchase.connect(a).pledge(5)), 80_000);
  await purchase.connect(b).pledge(4);
  row("group: pledge completing the price (seller credited)", await gasOf(purchase.connect(c).pledge(2)), 100_000);
  row("group: seller withdraws the price", await gasOf(purchase.connect(f.seller).withdraw()), 60_000);
  row("group: offer shares", await gasOf(purchase.connect(a).offerShares(d.address, 1, usd(110))), 60_000);
  row("group: buy shares (atomic: shares, payment credited)", await gasOf(purchase.connect(d).buyShares(a.address, 1, usd(110))), 110_000,
    "includes the seller's first credit slot");
  row("group: book a usage slot", await gasOf(purchase.connect(a).book(3)), 80_000);
  row("group: cancel a booking", await gasOf(purchase.connect(a).cancelBooking(3)), 40_000);

  const { purchase: failed } = await createPurchase(f);
  await fundAll(f.usdToken, [a], failed.target, usd(10_000));
  await failed.connect(a).pledge(3);
  await setNext(Number((await failed.terms()).deadline));
  row("group: refund a pledge (deadline missed)", await gasOf(failed.connect(a).refund()), 60_000);
}

/** Parametric disaster plans: cover bought by the period, an oracle's EIP-712 attestation, O(1) claims. */
async function parametric(row) {
  const [operator, oracle, a, b] = await ethers.getSigners();
  const token = await ethers.deployContract("MockUSD", [operator.address]);
  const factory = await ethers.deployContract("ParametricPlanFactory", [(await ethers.deployContract("ParametricPlan")).target]);
  const terms = { token: token.target, oracle: oracle.address, contribution: usd(10), payout: usd(100), period: 30 * 86400,
    waitingPeriod: 7 * 86400, claimWindow: 14 * 86400, minSeverity: 3, maxPeriods: 12 };
  const created = await (await factory.createPlan(terms)).wait();
  row("parametric: create plan (clone)", Number(created.gasUsed), 200_000);
  const plan = await ethers.getContractAt("ParametricPlan", created.logs.map((l) => factory.interface.parseLog(l)).find((e) => e).args.plan);
  for (const m of [a, b]) {
    await token.mint(m.address, usd(10_000));
    await token.connect(m).approve(plan.target, ethers.MaxUint256);
  }
  await plan.connect(b).buyCover(4401, 12); // the plan's first token balance and reserve slot (one-off)
  row("parametric: buy cover, first purchase (region, 12 periods)", await gasOf(plan.connect(a).buyCover(4401, 12)), 80_000,
    "+17.1k: the member's slot, once per member");
  row("parametric: renew cover", await gasOf(plan.connect(a).buyCover(4401, 1)), 65_000, "the token's transferFrom, the member's and the reserve's slots");
  await ethers.provider.send("evm_increaseTime", [8 * 86400]);
  await ethers.provider.send("evm_mine", []);
  const now = (await ethers.provider.getBlock("latest")).timestamp;
  const att = { eventId: 1n, region: 4401, severity: 5, eventTime: BigInt(now - 60), nonce: 1n, deadline: BigInt(now + 86400) };
  const domain = { name: "Huzhu Parametric Plan", version: "1", chainId: (await ethers.provider.getNetwork()).chainId, verifyingContract: plan.target };
  const types = { Attestation: [{ name: "eventId", type: "uint256" }, { name: "region", type: "uint32" }, { name: "severity", type: "uint16" },
    { name: "eventTime", type: "uint64" }, { name: "nonce", type: "uint256" }, { name: "deadline", type: "uint64" }] };
  row("parametric: post an oracle attestation (EIP-712, opens the window)", await gasOf(plan.attest(att, await oracle.signTypedData(domain, types, att))), 100_000);
  row("parametric: claim, first of 256 members (O(1), credited)", await gasOf(plan.connect(b).claim(1, 4401)), 65_000,
    "the event's claimed bitmap slot is new (22.1k) for the first claimant of each 256 members");
  row("parametric: claim the preset payout (O(1), credited)", await gasOf(plan.connect(a).claim(1, 4401)), 60_000,
    "a bit in the event's claimed bitmap; no assessment, no loop over members");
  row("parametric: withdraw payouts", await gasOf(plan.connect(a).withdraw()), 60_000);
}

async function education(row) {
  const P = require("../../test/fixtures");
  const { time } = require("@nomicfoundation/hardhat-network-helpers");
  const f = await P.deployProtocol();
  const { plan } = await P.createPlan(f, { category: P.Category.EDUCATION });
  const escrow = await ethers.getContractAt("TrancheEscrow",
    await (await ethers.getContractAt("AidPoolHousekeeping", plan.target)).trancheEscrow());
  const TERM = 120 * P.DAY;
  row("education: set the plan's terms (creator, once)", await gasOf(escrow.connect(f.operator).setTerms(plan.target, 3, TERM)), 80_000);
  const [student, other] = f.members;
  const school = f.signers[19];
  await P.fund(f.token, [student, other], plan.target);
  for (const m of [student, other]) await plan.connect(m).join(P.usd(600), ethers.ZeroAddress);
  await time.increase(P.PERIOD + 1);
  for (const m of [student, other]) await plan.settle(m.address);
  await plan.connect(student).submitClaim(P.usd(300), P.EVIDENCE, await time.latest());
  row("education: name the institution (claimant, before the vote)",
    await gasOf(escrow.connect(student).nameInstitution(plan.target, 1, school.address)), 90_000,
    "the schedule's slot (22.1k) and the plan's claim and rules read");
  await plan.connect(f.as1).vote(1, true);
  await plan.connect(f.as2).vote(1, true);
  await time.increase(7 * P.DAY);
  row("education: finalize + payout (credited to the tranche escrow)", await gasOf(plan.finalize(1)), 100_000,
    "as a medical payout, credited to the escrow's balance in the plan");
  const proof = (k) => ethers.id(`enrolment ${k}`);
  row("education: approve enrolment (below quorum)", await gasOf(escrow.connect(f.as1).approveEnrolment(plan.target, 1, proof(0))), 90_000,
    "reads the plan's rules (assessors) and claim");
  row("education: approve enrolment reaching quorum (tranche released)",
    await gasOf(escrow.connect(f.as2).approveEnrolment(plan.target, 1, proof(0))), 150_000,
    "first release: the schedule's amounts slot; the institution credited in the plan");
  await time.increase(TERM);
  await escrow.connect(f.as1).approveEnrolment(plan.target, 1, proof(1));
  row("education: release a later term's tranche", await gasOf(escrow.connect(f.as2).approveEnrolment(plan.target, 1, proof(1))), 120_000);
  row("education: institution withdraws its tranches", await gasOf(plan.connect(school).withdraw(P.usd(200))), 75_000,
    "a plan withdraw; here the school's first token balance (+17.1k)");
  row("education: student stops (rest back to the reserve)", await gasOf(escrow.connect(student).stop(plan.target, 1)), 100_000);
}

/** Runs every scenario measurement, recording rows with `row(op, gas, budget, note)`. */
module.exports = async function benchScenarios(row) {
  await relief(row);
  await matching(row);
  await group(row);
  await parametric(row);
  await education(row);
};

