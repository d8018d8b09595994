// Gas of the evidence-access registry (contracts/privacy/EvidenceAccess.sol): publish a key, add an
// encrypted document for the claimant and 3 assessors, grant one reader, revoke one. Called by
// scripts/lib/bench-gas.js with its `row(op, gas, budget, note)` recorder. A key wrap travels in an
// event (124 bytes of log data), never in storage: a grant costs a reader flag plus the log.
const { ethers } = require("hardhat");
const { usd, PERIOD, deployProtocol, createPlan, fund } = require("../../test/fixtures");

async function gasOf(txPromise) {
  const tx = await txPromise;
  return Number((await tx.wait()).gasUsed);
}

module.exports = async function benchPrivacy(row) {
  const f = await deployProtocol();
  const { plan } = await createPlan(f);
  const [claimant, reader] = f.members;
  await fund(f.token, [claimant, reader], plan.target);
  for (const m of [claimant, reader]) await plan.connect(m).join(usd(600), ethers.ZeroAddress);
  await ethers.provider.send("evm_increaseTime", [PERIOD + 1]);
  await plan.settle(claimant.address);
  await plan.connect(claimant).submitClaim(usd(100), ethers.sha256("0x01"), (await ethers.provider.getBlock("latest")).timestamp);
  const id = await plan.claimCount();
  const access = await ethers.deployContract("EvidenceAccess", [await f.factory.getAddress()]);
  const sig = await f.as1.signMessage("k");
  const key = "0x" + ethers.SigningKey.recoverPublicKey(ethers.hashMessage("k"), sig).slice(4);
  row("privacy: publish a public key (64 bytes)", await gasOf(access.connect(f.as1).publishKey(key)), 100_000);
  const wrap = ethers.hexlify(new Uint8Array(124).fill(7));
  const readers = [claimant.address, f.as1.address, f.as2.address, f.as3.address];
  row("privacy: add an encrypted document, wrapped for claimant + 3 assessors", await gasOf(access.connect(claimant)
    .addDocument(plan.target, id, ethers.sha256("0x01"), readers, readers.map(() => wrap))), 280_000,
    "4 reader flags + 4 KeyWrapped logs (124-byte wraps) + the document slot");
  row("privacy: grant one reader one document", await gasOf(access.connect(claimant)
    .grant(plan.target, id, reader.address, [ethers.sha256("0x01")], [wrap])), 100_000,
    "reads the claim (claimOf) and the registry (isPlan) before a reader flag and one KeyWrapped log");
  row("privacy: revoke a reader", await gasOf(access.connect(claimant).revoke(plan.target, id, reader.address)), 60_000);
};
