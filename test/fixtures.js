// Shared deployment helpers for the Hardhat tests: MockUSD, the AidPool implementation, the
// factory (which deploys AidPoints), and plans created through the factory.
const { ethers } = require("hardhat");

const usd = (n) => ethers.parseUnits(String(n), 6);
const DAY = 24 * 3600;
const PERIOD = 30 * DAY;
const Category = { MEDICAL: 0, EDUCATION: 1, DISASTER: 2, SHARED_PURCHASE: 3, OTHER: 4 };
const Model = { PREPAID: 0, COST_SHARING: 1 };
const Status = { NONE: 0, SUBMITTED: 1, APPROVED: 2, REJECTED: 3, DISPUTED: 4, PAID: 5, DENIED: 6 };
const CloseReason = { MEMBERS_VOTE: 0, BELOW_FLOOR: 1, CREATOR: 2 };
const Dispute = { NONE: 0, ESCALATED: 1, CHALLENGED: 2, APPEALED: 3 };
const Reason = { JOINING: 0, CONTRIBUTION: 1, JURY_VOTE: 2, REFERRAL: 3 };
const EVIDENCE = ethers.id("hospital invoice #1");
const RULES_DOC = ethers.id("rules v1");

/** Rules with sensible defaults; `over` replaces fields. */
function makeRules(token, assessors, over = {}) {
  return {
    asset: token,
    category: Category.MEDICAL,
    model: Model.PREPAID,
    contribution: usd(100),
    period: PERIOD,
    gracePeriod: 7 * DAY,
    feeBps: 500,
    feeReceiver: over.feeReceiver ?? assessors[0],
    maxPayoutPerClaim: usd(1000),
    maxPayoutPerMemberPerYear: usd(1500),
    shareCapPerPeriod: usd(50),
    waitingPeriod: PERIOD,
    assessmentWindow: 7 * DAY,
    noticeWindow: 7 * DAY,
    juryWindow: 3 * DAY,
    claimBond: usd(10),
    challengeBond: usd(20),
    rulesHash: RULES_DOC,
    guardian: over.guardian ?? assessors[0],
    quorum: 2,
    filingWindow: 90 * DAY,
    minMembers: 0,
    floorPeriods: 0,
    panelSize: 0,
    jurorDeposit: 0,
    assessors,
    ...over,
  };
}

/** Deploys token, implementation, factory and points; returns them with named signers. */
async function deployProtocol() {
  const signers = await ethers.getSigners();
  const [operator, guardian, feeReceiver, as1, as2, as3, stranger] = signers;
  const members = signers.slice(7, 19);
  const token = await ethers.deployContract("MockUSD", [operator.address]);
  const extension = await ethers.deployContract("AidPoolExtension");
  const implementation = await ethers.deployContract("AidPool", [await extension.getAddress()]);
  const factory = await ethers.deployContract("AidPoolFactory", [await implementation.getAddress()]);
  const points = await ethers.getContractAt("AidPoints", await factory.points());
  return { signers, operator, guardian, feeReceiver, as1, as2, as3, stranger, members, token, extension, implementation, factory, points };
}

/** Creates a plan through the factory and returns it as an AidPool contract. */
async function createPlan(f, over = {}) {
  const rules = makeRules(await f.token.getAddress(), [f.as1.address, f.as2.address, f.as3.address], {
    feeReceiver: f.feeReceiver.address,
    guardian: f.guardian.address,
    ...over,
  });
  const tx = await f.factory.createPlan(rules);
  const receipt = await tx.wait();
  const ev = receipt.logs.map((l) => { try { return f.factory.interface.parseLog(l); } catch { return null; } })
    .find((e) => e && e.name === "PlanCreated");
  const plan = await ethers.getContractAt("AidPool", ev.args.plan);
  return { plan, rules, receipt };
}

/** Mints `amount` to each account and approves `spender`. */
async function fund(token, accounts, spender, amount = usd(10000)) {
  for (const a of accounts) {
    await token.mint(a.address, amount);
    await token.connect(a).approve(spender, ethers.MaxUint256);
  }
}

/** token balance of the plan == totalBalances + reserve + feesOwed + bondsHeld + exitPool */
async function expectSolvent(expect, token, plan) {
  const held = await token.balanceOf(await plan.getAddress());
  const [, balances, reserve, fees, bonds, exitPool] = await plan.accounting();
  expect(held).to.equal(balances + reserve + fees + bonds + exitPool);
}

function commitment(plan, claimId, juror, approve, salt) {
  return plan.commitmentOf(claimId, juror, approve, salt);
}

module.exports = {
  usd, DAY, PERIOD, Category, Model, Status, CloseReason, Dispute, Reason, EVIDENCE, RULES_DOC,
  makeRules, deployProtocol, createPlan, fund, expectSolvent, commitment,
};
