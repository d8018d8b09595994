// Deployment helpers for the scenario contracts (relief campaigns, matching rounds, group purchases).
const { ethers, network } = require("hardhat");

const DAY = 24 * 3600;
const usd = (n) => ethers.parseUnits(String(n), 6);
const eth18 = (n) => ethers.parseUnits(String(n), 18);
const CampaignStatus = { FUNDRAISING: 0, FUNDED: 1, COMPLETED: 2, FAILED: 3, CANCELLED: 4 };
const PurchaseStatus = { PLEDGING: 0, FUNDED: 1, EXPIRED: 2 };
const DESCRIPTION = ethers.id("flood relief, Zhengzhou");
const EVIDENCE = ethers.id("receipts for tents");

async function now() {
  return (await ethers.provider.getBlock("latest")).timestamp;
}

async function increase(seconds) {
  await network.provider.send("evm_increaseTime", [seconds]);
  await network.provider.send("evm_mine", []);
}

async function setNext(ts) {
  await network.provider.send("evm_setNextBlockTimestamp", [ts]);
}

/** Deploys a 6-decimal MockUSD, an 18-decimal test token, and the relief and group factories. */
async function deployScenarios() {
  const signers = await ethers.getSigners();
  const [operator, beneficiary, v1, v2, v3, sponsor, seller, stranger] = signers;
  const donors = signers.slice(8, 18);
  const usdToken = await ethers.deployContract("MockUSD", [operator.address]);
  const token18 = await ethers.deployContract("ReentrantToken"); // plain 18-decimal ERC-20 until armed
  const campaignImpl = await ethers.deployContract("ReliefCampaign");
  const roundImpl = await ethers.deployContract("MatchingRound");
  const relief = await ethers.deployContract("ReliefCampaignFactory", [campaignImpl.target, roundImpl.target]);
  const purchaseImpl = await ethers.deployContract("GroupPurchase");
  const group = await ethers.deployContract("GroupPurchaseFactory", [purchaseImpl.target]);
  return {
    signers, operator, beneficiary, v1, v2, v3, sponsor, seller, stranger, donors,
    usdToken, token18, campaignImpl, roundImpl, relief, purchaseImpl, group,
  };
}

/** Campaign parameters with defaults: goal 1,000 in 3 milestones (300/300/400), quorum 2 of 3. */
async function campaignParams(f, over = {}) {
  const token = over.token ?? f.usdToken.target;
  const unit = token === f.token18.target ? eth18 : usd;
  return {
    token,
    beneficiary: f.beneficiary.address,
    round: ethers.ZeroAddress,
    goal: unit(1000),
    deadline: (await now()) + 30 * DAY,
    quorum: 2,
    descriptionHash: DESCRIPTION,
    verifiers: [f.v1.address, f.v2.address, f.v3.address],
    milestones: [
      { amount: unit(300), descriptionHash: ethers.id("m0 tents") },
      { amount: unit(300), descriptionHash: ethers.id("m1 water") },
      { amount: unit(400), descriptionHash: ethers.id("m2 rebuild") },
    ],
    ...over,
  };
}

function parseEvent(contract, receipt, name) {
  for (const l of receipt.logs) {
    try {
      const e = contract.interface.parseLog(l);
      if (e && e.name === name) return e;
    } catch { /* other contract */ }
  }
  return null;
}

/** Creates a campaign; returns it as a ReliefCampaign with its params and receipt. */
async function createCampaign(f, over = {}) {
  const params = await campaignParams(f, over);
  const receipt = await (await f.relief.createCampaign(params)).wait();
  const ev = parseEvent(f.relief, receipt, "CampaignCreated");
  return { campaign: await ethers.getContractAt("ReliefCampaign", ev.args.campaign), params, receipt };
}

/** Creates a round sponsored by f.sponsor from `startIn` to `startIn + length` seconds from now. */
async function createRound(f, { token, startIn = DAY, length = 10 * DAY } = {}) {
  const t = await now();
  const receipt = await (await f.relief.connect(f.sponsor).createRound(token ?? f.usdToken.target, t + startIn, t + startIn + length)).wait();
  const ev = parseEvent(f.relief, receipt, "RoundCreated");
  return { round: await ethers.getContractAt("MatchingRound", ev.args.round), startsAt: t + startIn, endsAt: t + startIn + length, receipt };
}

/** Purchase parameters: price 1,200 in 12 shares of 100, 1-day slots, 10-slot seasons. */
async function purchaseParams(f, over = {}) {
  return {
    token: f.usdToken.target,
    seller: f.seller.address,
    price: usd(1200),
    sharePrice: usd(100),
    deadline: (await now()) + 14 * DAY,
    slotLength: DAY,
    slotsPerSeason: 10,
    itemHash: ethers.id("tractor, model X"),
    ...over,
  };
}

async function createPurchase(f, over = {}) {
  const params = await purchaseParams(f, over);
  const receipt = await (await f.group.createPurchase(params)).wait();
  const ev = parseEvent(f.group, receipt, "PurchaseCreated");
  return { purchase: await ethers.getContractAt("GroupPurchase", ev.args.purchase), params, receipt };
}

/** Mints `amount` of `token` to each account and approves `spender`. */
async function fundAll(token, accounts, spender, amount) {
  for (const a of accounts) {
    await token.mint(a.address ?? a, amount);
    await token.connect(a).approve(spender, ethers.MaxUint256);
  }
}

module.exports = {
  DAY, usd, eth18, CampaignStatus, PurchaseStatus, DESCRIPTION, EVIDENCE,
  now, increase, setNext, deployScenarios, campaignParams, createCampaign, createRound, purchaseParams, createPurchase,
  fundAll, parseEvent,
};
