// Property (issue 9): "a closed plan returns every unit to members, minus what rules send elsewhere".
// Random plans (both models) live through random joins, deposits, withdrawals, leaves, claims
// (approved or rejected by the assessors, some challenged) and idle time; then the members vote to close, every open
// claim is finalized, the exits are prepared, every member leaves and every account withdraws what
// it was credited. The plan must then hold exactly what it owes third parties — the fee receiver's
// fees — and nothing once those are withdrawn: no unit is stranded. Along the way the money moved
// as the rules say: what members put in and took out, plus the fees, balances to the unit.
// Runs: PROPERTY_RUNS (default 120) x 1/6, fixed seed (PROPERTY_SEED).
const { expect } = require("chai");
const { ethers, network } = require("hardhat");
const fc = require("fast-check");
const { usd, DAY, Model, EVIDENCE, deployProtocol, createPlan, fund } = require("../fixtures");
const { exitArgs } = require("../juryDraw");

const RUNS = Math.max(4, Math.ceil(Number(process.env.PROPERTY_RUNS || 120) / 6));
const SEED = Number(process.env.PROPERTY_SEED || 20261126) + 9;
const STEPS = 30;
const PERIOD = 10 * DAY;
const WINDOW = 2 * DAY;

const increase = async (seconds) => {
  await network.provider.send("evm_increaseTime", [seconds]);
  await network.provider.send("evm_mine", []);
};
const now = async () => (await ethers.provider.getBlock("latest")).timestamp;
/** Sends; a revert is a refused action (the rules said no), anything else is a failure. */
async function attempt(promise) {
  try {
    await (await promise).wait();
    return true;
  } catch (e) {
    if (/reverted|revert/i.test(String(e.message))) return false;
    throw e;
  }
}

const action = fc.oneof(
  fc.record({ t: fc.constant("join"), who: fc.nat(9), amount: fc.integer({ min: 50, max: 900 }) }),
  fc.record({ t: fc.constant("deposit"), who: fc.nat(9), amount: fc.integer({ min: 1, max: 400 }) }),
  fc.record({ t: fc.constant("withdraw"), who: fc.nat(9), percent: fc.integer({ min: 1, max: 100 }) }),
  fc.record({ t: fc.constant("leave"), who: fc.nat(9) }),
  fc.record({ t: fc.constant("claim"), who: fc.nat(9), amount: fc.integer({ min: 1, max: 1500 }), approve: fc.boolean() }),
  fc.record({ t: fc.constant("challenge"), who: fc.nat(9) }),
  fc.record({ t: fc.constant("finalize") }),
  fc.record({ t: fc.constant("idle"), days: fc.integer({ min: 1, max: 25 }) }),
);

describe("AidPool wind-down: a closed plan returns every unit @property", function () {
  this.timeout(0);
  let f;
  let snapshot;
  const stats = { runs: 0, closed: 0, claimsPaid: 0, owedLeft: 0, exits: 0 };

  before(async function () {
    f = await deployProtocol();
    snapshot = await network.provider.send("evm_snapshot");
  });

  async function run(model, steps) {
    await network.provider.send("evm_revert", [snapshot]);
    snapshot = await network.provider.send("evm_snapshot");
    stats.runs++;
    const over = {
      period: PERIOD, waitingPeriod: 2 * DAY, gracePeriod: 3 * DAY, assessmentWindow: WINDOW, noticeWindow: WINDOW,
      juryWindow: WINDOW, filingWindow: 60 * DAY, maxPayoutPerClaim: usd(1000), maxPayoutPerMemberPerYear: usd(1500),
      ...(model === Model.COST_SHARING ? { model, contribution: 0, shareCapPerPeriod: usd(50) } : { contribution: usd(40) }),
    };
    const { plan } = await createPlan(f, over);
    const actors = f.members.slice(0, 10);
    await fund(f.token, actors, plan.target, usd(100_000));
    const held = () => f.token.balanceOf(plan.target);
    const tokensOf = async () => Promise.all(actors.map((a) => f.token.balanceOf(a.address)));
    const start = await tokensOf();
    const feeStart = await f.token.balanceOf(f.feeReceiver.address);
    const open = []; // [claimId, approve]

    for (const s of steps) {
      const who = actors[s.who ?? 0];
      if (s.t === "join") await attempt(plan.connect(who).join(usd(s.amount), ethers.ZeroAddress));
      else if (s.t === "deposit") await attempt(plan.connect(who).deposit(usd(s.amount)));
      else if (s.t === "withdraw") {
        const w = await plan.withdrawable(who.address);
        if (w > 0n) await attempt(plan.connect(who).withdraw((w * BigInt(s.percent)) / 100n || 1n));
      } else if (s.t === "leave") await attempt(plan.connect(who).leave());
      else if (s.t === "claim") {
        if (await attempt(plan.connect(who).submitClaim(usd(s.amount), EVIDENCE, await now()))) {
          const id = await plan.claimCount();
          await plan.connect(f.as1).vote(id, s.approve);
          await plan.connect(f.as2).vote(id, s.approve);
          open.push(id);
        }
      } else if (s.t === "challenge") {
        // the latest claim, if approved and in its notice: a dispute nobody draws falls back to the assessors
        if (open.length > 0) await attempt(plan.connect(who).challenge(open[open.length - 1]));
      } else if (s.t === "finalize") {
        await increase(WINDOW);
        for (const id of [...open]) if (await attempt(plan.finalize(id))) open.splice(open.indexOf(id), 1);
      } else await increase(s.days * DAY);
    }

    // close: the covered members vote (the cost-sharing book brought to the current period first)
    await plan.advance(10_000);
    for (const a of actors) {
      if ((await plan.windDown())[0]) break;
      await attempt(plan.connect(a).voteToClose());
    }
    if (!(await plan.windDown())[0]) return; // nobody covered to vote: nothing to wind down
    stats.closed++;
    await increase(3 * WINDOW + 1); // past every notice and every undrawn dispute's reveal phase
    for (const id of open.splice(0)) await plan.finalize(id);
    while (!(await plan.prepareExits.staticCall(...(await exitArgs(plan, 100))))) await plan.prepareExits(...(await exitArgs(plan, 100)));
    await plan.prepareExits(...(await exitArgs(plan, 100)));
    const [, , , exitsOpen] = await plan.windDown();
    expect(exitsOpen, "exits open").to.equal(true);

    // every member leaves; every account takes what it was credited
    for (const a of actors) {
      if ((await plan.memberOf(a.address)).active) {
        await plan.connect(a).leave();
        stats.exits++;
      }
    }
    for (const a of actors) {
      const w = await plan.withdrawable(a.address);
      if (w > 0n) await plan.connect(a).withdraw(w);
    }
    const count = await plan.claimCount();
    for (let id = 1n; id <= count; id++) {
      const [paid, owed] = await plan.claimPayment(id);
      if (paid > 0n) stats.claimsPaid++;
      if (owed > 0n) stats.owedLeft++; // approved, never funded: owed, but no token of it is in the plan
    }

    // what is left is exactly what the plan owes third parties: the fee receiver's fees
    const [balance, balances, reserve, fees, bonds, exitPool] = await plan.accounting();
    expect(balances, "members' balances all withdrawn").to.equal(0n);
    expect(reserve, "the reserve was shared out").to.equal(0n);
    expect(exitPool, "every exit share taken").to.equal(0n);
    expect(bonds, "no bond held once every claim is final").to.equal(0n);
    expect(balance, "the plan holds exactly the fees").to.equal(fees);
    if (fees > 0n) await plan.connect(f.feeReceiver).withdrawFees();
    expect(await held(), "nothing stranded").to.equal(0n);

    // and the money balances to the unit: members' net outflow = the fees
    const end = await tokensOf();
    const membersPaidIn = start.reduce((acc, s0, i) => acc + (s0 - end[i]), 0n);
    const feesOut = (await f.token.balanceOf(f.feeReceiver.address)) - feeStart;
    expect(membersPaidIn, "members' net payment = fees").to.equal(feesOut);
  }

  for (const [name, model] of [["prepaid", Model.PREPAID], ["cost sharing", Model.COST_SHARING]]) {
    it(`${name}: after closing and every exit the plan holds only what third parties are owed (${RUNS} runs of ${STEPS} actions, seed ${SEED + model})`, async function () {
      await fc.assert(
        fc.asyncProperty(fc.array(action, { minLength: STEPS, maxLength: STEPS }), (steps) => run(model, steps)),
        { numRuns: RUNS, seed: SEED + model, endOnFailure: true },
      );
      console.log(`      ${JSON.stringify(stats)}`);
      expect(stats.closed).to.be.greaterThan(0);
    });
  }
});
