// Shared pieces of the scenario property tests: run sizes (small by default, larger with
// SCENARIO_RUNS / SCENARIO_STEPS / SCENARIO_SEED), and a sender that turns a custom-error revert
// into `null` (a legitimate refusal of a random action) while anything else fails the test.
const { network } = require("hardhat");

const RUNS = Number(process.env.SCENARIO_RUNS || 25);
const STEPS = Number(process.env.SCENARIO_STEPS || 30);
const SEED = Number(process.env.SCENARIO_SEED || 20261202);

const reasons = {};

/** Sends `fn()`; returns its receipt, or null when the contract refused with a custom error. */
async function attempt(label, fn, ifaces) {
  try {
    const tx = await fn();
    const receipt = await tx.wait();
    reasons[`${label}:ok`] = (reasons[`${label}:ok`] || 0) + 1;
    return receipt;
  } catch (e) {
    let name = /reverted with custom error '([A-Za-z]+)/.exec(e.message)?.[1];
    if (!name && e.data) {
      for (const iface of ifaces) {
        try {
          name = iface.parseError(e.data)?.name;
        } catch { /* not this one */ }
        if (name) break;
      }
    }
    if (!name) throw new Error(`${label} failed unexpectedly: ${e.message}`);
    reasons[`${label}:${name}`] = (reasons[`${label}:${name}`] || 0) + 1;
    return null;
  }
}

async function snapshot() {
  return network.provider.send("evm_snapshot", []);
}

async function revert(id) {
  await network.provider.send("evm_revert", [id]);
}

function isqrt(n) {
  if (n < 2n) return n;
  let x = n;
  let y = (x + 1n) / 2n;
  while (y < x) {
    x = y;
    y = (x + n / x) / 2n;
  }
  return x;
}

function events(contract, receipt, name) {
  const out = [];
  for (const l of receipt.logs) {
    if (l.address.toLowerCase() !== contract.target.toLowerCase()) continue;
    const e = contract.interface.parseLog(l);
    if (e && e.name === name) out.push(e);
  }
  return out;
}

module.exports = { RUNS, STEPS, SEED, reasons, attempt, snapshot, revert, isqrt, events };
