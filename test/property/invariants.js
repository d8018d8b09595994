// Property / invariant tests (fast-check): random sequences of protocol actions by many accounts,
// with the invariants checked after every step. Default run: PROPERTY_RUNS (120) sequences of
// PROPERTY_STEPS (50) actions, fixed seed; set PROPERTY_RUNS / PROPERTY_STEPS / PROPERTY_SEED for
// a larger or different run (e.g. PROPERTY_RUNS=10000 npx hardhat test test/property/...).
//
// Invariants, after every action:
//   1. solvency: the plan's token balance == totalBalances + reserve + feesOwed + bondsHeld + exitPool
//   2. free balances are always withdrawable: a random account can withdraw withdrawable(account)
//   3. no claim is paid twice; every payout <= the claim amount <= max per claim; the claimant's
//      claim-year total <= max per member per year; a cost-sharing share <= the share cap
//   4. money moves as the events say: finalize transfers no token to anyone; the claimant's free
//      balance grows by exactly the ClaimPaid amounts + bonds released to them (pull payments)
//   6. bounded gas: every accepted member action (join, deposit, withdraw, leave, settle, submit,
//      challenge, commit, reveal, claim points) costs <= 200k gas, also right
//      after an idle jump of 1 to 10 years (MEMBER_ACTION_GAS)
//   5. nothing forfeited in silence: every PAID claim has paid + owed == its amount, unless the
//      yearly maximum capped it; the sum of what claims still owe == the owed queue's total; the
//      ClaimPaid events of a claim add up to its paid amount (no double pay)
const { expect } = require("chai");
const { ethers, network } = require("hardhat");
const fc = require("fast-check");
const { usd, DAY, PERIOD, Model, Status, deployProtocol, createPlan } = require("../fixtures");
const { juryHints } = require("../juryDraw");

const TOTAL_RUNS = Number(process.env.PROPERTY_RUNS || 120);
const STEPS = Number(process.env.PROPERTY_STEPS || 50);
const SEED = Number(process.env.PROPERTY_SEED || 20261126);
const ACTORS = 24;
const GAS = "0x" + (3_000_000).toString(16);
const MEMBER_ACTION_GAS = 200_000n;
const MEMBER_ACTIONS = new Set(["join", "deposit", "withdraw", "leave", "settle", "submit", "challenge", "commit", "reveal", "points"]);

const provider = network.provider;
const rpcCounts = {};
const send = (method, params = []) => { rpcCounts[method] = (rpcCounts[method] || 0) + 1; return provider.send(method, params); };
const reasons = {};
const coder = ethers.AbiCoder.defaultAbiCoder();
// the plan's commitmentOf, computed locally (one RPC less per commit)
const commitmentOf = (plan, claimId, juror, approve, salt) =>
  ethers.keccak256(coder.encode(["address", "uint256", "address", "bool", "bytes32"], [plan, claimId, juror, approve, salt]));

/** Defines the suite for one contribution model (0 PREPAID, 1 COST_SHARING) with `share` of the runs. */
function invariantSuite(model, share) {
const RUNS = Math.ceil(TOTAL_RUNS * share);
describe(`AidPool invariants, ${model === 0 ? "prepaid" : "cost sharing"} @property`, function () {
  this.timeout(0);
  let f;
  let plans; // [{ plan, iface, addr, rules, model }]
  let actors; // addresses
  let assessors;
  let token;
  let tokenIface;
  let snapshot;

  before(async function () {
    f = await deployProtocol();
    token = f.token;
    tokenIface = token.interface;
    // short windows, so that 50 random actions reach payouts and disputes
    const windows = {
      period: 10 * DAY, waitingPeriod: 2 * DAY, gracePeriod: 3 * DAY, assessmentWindow: 4 * DAY, noticeWindow: 2 * DAY,
      juryWindow: DAY, maxPayoutPerMemberPerYear: usd(1500),
    };
    const prepaid = await createPlan(f, { ...windows });
    const shared = await createPlan(f, { ...windows, model: Model.COST_SHARING, contribution: 0, shareCapPerPeriod: usd(40) });
    plans = [prepaid, shared].map(({ plan, rules }) => ({ plan, iface: plan.interface, addr: plan.target, rules }));
    assessors = [f.as1.address, f.as2.address, f.as3.address];
    actors = [];
    for (let i = 0; i < ACTORS; i++) {
      const a = ethers.getAddress("0x" + (0xa11ce000 + i).toString(16).padStart(40, "0"));
      actors.push(a);
      await send("hardhat_impersonateAccount", [a]);
      await send("hardhat_setBalance", [a, "0x56bc75e2d63100000"]);
      await token.mint(a, usd(1_000_000));
      for (const p of plans) {
        await send("eth_sendTransaction", [{ from: a, to: token.target, data: tokenIface.encodeFunctionData("approve", [p.addr, ethers.MaxUint256]), gas: GAS }]);
      }
    }
    // the common starting point of every sequence: 12 members (actors 0-11, deposits 100-595)
    // past their waiting period, so claims, votes and disputes have members to work with
    const p = plans[model];
    for (let i = 0; i < 12; i++) {
      await send("eth_sendTransaction", [{ from: actors[i], to: p.addr, data: p.iface.encodeFunctionData("join", [usd(100 + 45 * i), ethers.ZeroAddress]), gas: GAS }]);
    }
    await send("evm_increaseTime", [2 * DAY + 1]);
    await send("evm_mine");
    snapshot = await send("evm_snapshot");
  });

  // Sends a transaction; returns a receipt getter, or null when the plan refused it (a custom
  // error: a legitimate outcome of a random action). Refusals are found with a cheap eth_call on
  // the pending block first, so they cost no mined block. Anything but a custom error (a panic,
  // an out-of-gas) fails the test.
  async function tx(from, to, iface, fn, args) {
    const req = { from, to, data: iface.encodeFunctionData(fn, args), gas: GAS };
    try {
      await send("eth_call", [req, "pending"]);
      const hash = await send("eth_sendTransaction", [req]);
      return { status: "0x1", fn, receipt: () => send("eth_getTransactionReceipt", [hash]) };
    } catch (e) {
      let m = /reverted with custom error '([A-Za-z]+)/.exec(e.message);
      if (!m) {
        // a custom error the node could not name: decode it with the plan's ABI
        const data = /return data: (0x[0-9a-fA-F]+)/.exec(e.message);
        const err = data && iface.parseError(data[1]);
        if (err) m = [null, err.name];
      }
      if (!m) throw new Error(`${fn}(${args.join(",")}) failed unexpectedly: ${e.message}`);
      if (process.env.PROPERTY_DEBUG) reasons[`${fn}:${m[1]}`] = (reasons[`${fn}:${m[1]}`] || 0) + 1;
      return null;
    }
  }

  async function call(to, iface, fn, args, from) {
    const data = await send("eth_call", [{ to, data: iface.encodeFunctionData(fn, args), from }, "latest"]);
    return iface.decodeFunctionResult(fn, data);
  }

  function parse(p, receipt) {
    const out = [];
    for (const log of receipt.logs) {
      if (log.address.toLowerCase() === p.addr.toLowerCase()) {
        const ev = p.iface.parseLog(log);
        if (ev) out.push(ev);
      } else if (log.address.toLowerCase() === token.target.toLowerCase()) {
        const ev = tokenIface.parseLog(log);
        if (ev) out.push(ev);
      }
    }
    return out;
  }

  // ----------------------------------------------------------------- actions
  const actor = fc.integer({ min: 0, max: ACTORS - 1 });
  const member = fc.integer({ min: 0, max: 15 }); // mostly members: the warm-up joins actors 0-11
  const claimPick = fc.integer({ min: 0, max: 7 });
  const action = fc.oneof(
    { weight: 6, arbitrary: fc.record({ t: fc.constant("join"), a: actor, amt: fc.integer({ min: 30, max: 600 }), ref: fc.option(actor, { freq: 3 }) }) },
    { weight: 4, arbitrary: fc.record({ t: fc.constant("deposit"), a: member, amt: fc.integer({ min: 1, max: 300 }) }) },
    { weight: 3, arbitrary: fc.record({ t: fc.constant("withdraw"), a: member, pct: fc.integer({ min: 1, max: 100 }) }) },
    { weight: 1, arbitrary: fc.record({ t: fc.constant("leave"), a: member }) },
    { weight: 1, arbitrary: fc.record({ t: fc.constant("settle"), a: member }) },
    { weight: 10, arbitrary: fc.record({ t: fc.constant("submit"), a: member, amt: fc.integer({ min: 1, max: 1100 }) }) },
    { weight: 6, arbitrary: fc.record({ t: fc.constant("vote"), s: fc.integer({ min: 0, max: 2 }), c: claimPick, yes: fc.boolean() }) },
    { weight: 1, arbitrary: fc.record({ t: fc.constant("escalate"), c: claimPick }) },
    { weight: 2, arbitrary: fc.record({ t: fc.constant("challenge"), a: actor, c: claimPick }) },
    { weight: 2, arbitrary: fc.record({ t: fc.constant("appeal"), c: claimPick }) },
    { weight: 4, arbitrary: fc.record({ t: fc.constant("commit"), a: actor, c: claimPick, yes: fc.boolean() }) },
    { weight: 3, arbitrary: fc.record({ t: fc.constant("reveal"), a: actor, c: claimPick }) },
    { weight: 7, arbitrary: fc.record({ t: fc.constant("finalize"), c: claimPick }) },
    { weight: 5, arbitrary: fc.record({ t: fc.constant("time"), s: fc.constantFrom(3600, 6 * 3600, DAY, DAY, 2 * DAY, 10 * DAY) }) },
    { weight: 1, arbitrary: fc.record({ t: fc.constant("time"), s: fc.constantFrom(365 * DAY, 3650 * DAY) }) },
    { weight: 1, arbitrary: fc.record({ t: fc.constant("fees") }) },
    { weight: 1, arbitrary: fc.record({ t: fc.constant("rate"), a: member, stars: fc.integer({ min: 0, max: 6 }) }) },
    { weight: 1, arbitrary: fc.record({ t: fc.constant("points"), a: member }) },
    { weight: 1, arbitrary: fc.record({ t: fc.constant("pause"), on: fc.boolean() }) },
    { weight: 2, arbitrary: fc.record({ t: fc.constant("payOwed"), n: fc.integer({ min: 1, max: 4 }) }) },
    { weight: 1, arbitrary: fc.record({ t: fc.constant("advance"), n: fc.integer({ min: 1, max: 3 }) }) },
    // moves the latest claims along their lifecycle, one transaction (or time jump) at a time
    // moves a disputed claim's jury along (draw, commits, reveals): disputes open late in a sequence
    { weight: 8, arbitrary: fc.record({ t: fc.constant("jury"), r: fc.nat(1_000_000) }) },
    { weight: 20, arbitrary: fc.record({ t: fc.constant("drive"), c: fc.integer({ min: 0, max: 1 }), r: fc.nat(1_000_000) }) },
  );

  // One step that fits the claim's status and windows (see docs/claims.md), chosen by r.
  async function drive(p, claimId, r, commits, step) {
    const { addr, iface } = p;
    const c = (await call(addr, iface, "claimOf", [claimId]))[0];
    const now = Number((await send("eth_getBlockByNumber", ["latest", false])).timestamp) + 1;
    const deadline = Number(c.deadline);
    const jury = Number(p.rules.juryWindow);
    const member = actors[r % 16];
    const jump = async (secs) => { await send("evm_increaseTime", [secs]); await send("evm_mine"); return null; };
    const finalize = () => tx(actors[1], addr, iface, "finalize", [claimId]);
    switch (Number(c.status)) {
      case Status.SUBMITTED:
        if (now >= deadline) return tx(actors[2], addr, iface, "escalate", [claimId]);
        return r % 12 === 0 ? jump(deadline - now + 1) : tx(assessors[r % 3], addr, iface, "vote", [claimId, r % 4 !== 0]);
      case Status.APPROVED:
      case Status.REJECTED:
        if (now >= deadline) return finalize();
        if (r % 3 === 0) {
          return Number(c.status) === Status.APPROVED
            ? tx(member, addr, iface, "challenge", [claimId])
            : tx(c.claimant, addr, iface, "appeal", [claimId]);
        }
        return jump(deadline - now + 1);
      case Status.DISPUTED: {
        if (now < deadline) {
          if (r % 8 === 0) return jump(deadline - now + 1);
          let panel = await call(addr, iface, "juryOf", [claimId]);
          if (!panel.drawn) {
            // anyone draws the panel (then, in the same step, a juror commits)
            const hints = await juryHints(new ethers.Contract(addr, iface, ethers.provider), claimId);
            if (!(await tx(actors[3], addr, iface, "drawJury", [claimId, hints]))) return null;
            panel = await call(addr, iface, "juryOf", [claimId]);
          }
          // mostly a drawn juror; sometimes anyone (refused unless drawn)
          const juror = panel.jurors.length > 0 && r % 5 !== 0 ? panel.jurors[r % panel.jurors.length] : member;
          const yes = r % 2 === 0;
          const salt = ethers.id(`${claimId}:${juror}:${step}`);
          const commitment = commitmentOf(addr, claimId, juror, yes, salt);
          const res = await tx(juror, addr, iface, "commitVote", [claimId, commitment]);
          if (res) commits.set(`${claimId}:${juror}`, { yes, salt });
          return res;
        }
        if (now < deadline + jury) {
          const open = [...commits.entries()].filter(([k]) => k.startsWith(`${claimId}:`));
          if (open.length === 0 || r % 4 === 0) return jump(deadline + jury - now + 1);
          const [key, v] = open[r % open.length];
          commits.delete(key);
          return tx(key.split(":")[1], addr, iface, "revealVote", [claimId, v.yes, v.salt]);
        }
        return finalize();
      }
      default:
        return null;
    }
  }

  async function runSequence(model, steps, ctx) {
    const p = plans[model];
    const { plan, iface, addr, rules } = p;
    const paidEvents = new Map(); // claimId -> sum of ClaimPaid amounts
    let creditBefore = 0n; // the target claim's claimant's credit before a finalize or drive step
    const commits = new Map(); // `${c}:${a}` -> { yes, salt }
    const openedAt = new Map(); // claimId -> when its dispute opened
    const minAge = BigInt(Math.max(Number(rules.waitingPeriod), DAY)); // the jury's minimum age
    let executed = 0;
    let claimCount = 0;

    for (let s of steps) {
      // mostly the latest claims: they are the ones still moving
      const claimId = claimCount === 0 ? 1 : Math.max(1, claimCount - ((s.c ?? 0) % Math.min(claimCount, 4)));
      let receipt = null;
      const who = actors[s.a ?? 0];
      if ((s.t === "finalize" || s.t === "drive") && claimCount > 0) {
        const claimant = (await call(addr, iface, "claimOf", [claimId]))[0].claimant;
        creditBefore = (await call(addr, iface, "memberOf", [claimant]))[0].balance;
      }
      switch (s.t) {
        case "join":
          receipt = await tx(who, addr, iface, "join", [usd(s.amt), s.ref === null || s.ref === undefined ? ethers.ZeroAddress : actors[s.ref]]);
          break;
        case "deposit":
          receipt = await tx(who, addr, iface, "deposit", [usd(s.amt)]);
          break;
        case "withdraw": {
          const w = (await call(addr, iface, "withdrawable", [who]))[0];
          receipt = await tx(who, addr, iface, "withdraw", [(w * BigInt(s.pct)) / 100n]);
          break;
        }
        case "leave":
          receipt = await tx(who, addr, iface, "leave", []);
          break;
        case "settle":
          receipt = await tx(who, addr, iface, "settle", [who]);
          break;
        case "submit": {
          const now = (await send("eth_getBlockByNumber", ["latest", false])).timestamp;
          receipt = await tx(who, addr, iface, "submitClaim", [usd(s.amt), ethers.id("e" + s.amt), BigInt(now)]);
          if (receipt) claimCount++;
          break;
        }
        case "vote":
          receipt = await tx(assessors[s.s], addr, iface, "vote", [claimId, s.yes]);
          break;
        case "escalate":
          receipt = await tx(actors[0], addr, iface, "escalate", [claimId]);
          break;
        case "challenge":
          receipt = await tx(who, addr, iface, "challenge", [claimId]);
          break;
        case "appeal": {
          const c = await call(addr, iface, "claimOf", [claimId]);
          if (c[0].claimant !== ethers.ZeroAddress) receipt = await tx(c[0].claimant, addr, iface, "appeal", [claimId]);
          break;
        }
        case "commit": {
          const salt = ethers.id(`${claimId}:${who}:${executed}`);
          const commitment = commitmentOf(addr, claimId, who, s.yes, salt);
          receipt = await tx(who, addr, iface, "commitVote", [claimId, commitment]);
          if (receipt && receipt.status === "0x1") commits.set(`${claimId}:${who}`, { yes: s.yes, salt });
          break;
        }
        case "reveal": {
          const c = commits.get(`${claimId}:${who}`);
          if (c) receipt = await tx(who, addr, iface, "revealVote", [claimId, c.yes, c.salt]);
          break;
        }
        case "finalize":
          receipt = await tx(actors[1], addr, iface, "finalize", [claimId]);
          break;
        case "time":
          await send("evm_increaseTime", [s.s]);
          await send("evm_mine");
          break;
        case "fees":
          receipt = await tx(f.feeReceiver.address, addr, iface, "withdrawFees", []);
          break;
        case "payOwed":
          receipt = await tx(actors[3], addr, iface, "payOwed", [s.n]);
          break;
        case "advance":
          receipt = await tx(actors[4], addr, iface, "advance", [s.n]);
          break;
        case "rate":
          receipt = await tx(who, addr, iface, "rate", [s.stars, ethers.ZeroHash]);
          break;
        case "points":
          receipt = await tx(who, addr, iface, "claimPoints", []);
          break;
        case "jury": {
          const jury = Number(rules.juryWindow);
          for (let back = 0; back < 8 && back < claimCount; back++) {
            const id = claimCount - back;
            const c = (await call(addr, iface, "claimOf", [id]))[0];
            if (Number(c.status) !== Status.DISPUTED) continue;
            const now = Number((await send("eth_getBlockByNumber", ["latest", false])).timestamp) + 1;
            if (now >= Number(c.deadline) + jury) break; // closing the round is finalize's
            receipt = await drive(p, id, s.r, commits, executed);
            break;
          }
          break;
        }
        case "drive":
          receipt = await drive(p, claimId, s.r, commits, executed);
          // a payout reached through drive is checked like a direct finalize
          if (receipt && receipt.fn === "finalize") s = { ...s, t: "finalize" };
          break;
        case "pause":
          receipt = await tx(f.guardian.address, addr, iface, s.on ? "pause" : "unpause", []);
          break;
        default:
          throw new Error(s.t);
      }
      executed++;
      if (receipt && receipt.status === "0x1" && MEMBER_ACTIONS.has(s.t)) {
        const gasUsed = BigInt((await receipt.receipt()).gasUsed);
        expect(gasUsed, `${s.t} gas`).to.be.lte(MEMBER_ACTION_GAS);
        if (gasUsed > ctx.maxGas) ctx.maxGas = gasUsed;
      }
      if (receipt && receipt.status === "0x1") {
        ctx.succeeded++;
        ctx.byType[s.t] = (ctx.byType[s.t] || 0) + 1;
      }

      // ---- invariants after every step
      const [held, balances, reserve, fees, bonds, exitPool] = await call(addr, iface, "accounting", []);
      expect(held, `solvency after ${s.t}`).to.equal(balances + reserve + fees + bonds + exitPool);

      const probe = actors[(executed * 7 + (s.a ?? 0)) % ACTORS];
      const free = (await call(addr, iface, "withdrawable", [probe]))[0];
      if (free > 0n) {
        // must not revert (eth_call throws on revert)
        await send("eth_call", [{ from: probe, to: addr, data: iface.encodeFunctionData("withdraw", [free]) }, "latest"]);
      }

      if (receipt && receipt.status === "0x1" && ["challenge", "appeal", "escalate"].includes(receipt.fn)) {
        const block = await send("eth_getBlockByHash", [(await receipt.receipt()).blockHash, false]);
        if (!openedAt.has(claimId)) openedAt.set(claimId, BigInt(block.timestamp));
      }
      if (receipt && receipt.status === "0x1" && receipt.fn === "revealVote") {
        // no verdict counts a vote from an account younger than the minimum age, or from a
        // non-member at reveal: every counted vote is a drawn juror, a covered member now, who
        // joined at least the minimum age before the dispute opened
        for (const ev of parse(p, await receipt.receipt()).filter((e) => e.name === "JuryVoteRevealed")) {
          const id = Number(ev.args.claimId);
          const m = (await call(addr, iface, "memberOf", [ev.args.juror]))[0];
          const panel = await call(addr, iface, "juryOf", [id]);
          const now = BigInt((await send("eth_getBlockByNumber", ["latest", false])).timestamp);
          expect(m.active && m.paidThrough > now, `juror ${ev.args.juror} covered at reveal`).to.equal(true);
          expect(panel.jurors, "revealed by a drawn juror").to.include(ev.args.juror);
          expect(openedAt.has(id), `dispute ${id} seen opening`).to.equal(true);
          expect(m.joinedAt + minAge <= openedAt.get(id), `juror ${ev.args.juror} old enough`).to.equal(true);
          ctx.reveals++;
        }
      }
      if (receipt && receipt.status === "0x1" && ["finalize", "payOwed"].includes(s.t)) {
        const events = parse(p, await receipt.receipt());
        for (const paid of events.filter((e) => e.name === "ClaimPaid")) {
          const id = Number(paid.args.claimId);
          paidEvents.set(id, (paidEvents.get(id) || 0n) + paid.args.amount);
          expect(paid.args.sharePerMember).to.be.lte(rules.shareCapPerPeriod);
        }
        expect(events.some((e) => e.name === "Transfer"), `${s.t} moves no token (pull payments)`).to.equal(false);
      }
      if (s.t === "finalize" && receipt && receipt.status === "0x1") {
        const events = parse(p, await receipt.receipt());
        const claim = (await call(addr, iface, "claimOf", [claimId]))[0];
        expect(claim.amount).to.be.lte(rules.maxPayoutPerClaim);
        expect(claim.paidInYear).to.be.lte(rules.maxPayoutPerMemberPerYear);
        const credited = events.filter((e) => (e.name === "ClaimPaid" && e.args.claimant === claim.claimant)
          || (e.name === "BondsReleased" && e.args.to === claim.claimant)).reduce((sum, e) => sum + e.args[2], 0n);
        expect(credited, "credit = ClaimPaid + bonds released").to.equal(
          (await call(addr, iface, "memberOf", [claim.claimant]))[0].balance - creditBefore);
        if (claim.status === BigInt(Status.PAID)) {
          const capped = claim.paidInYear === rules.maxPayoutPerMemberPerYear;
          expect(claim.paid + claim.owed === claim.amount || capped, `claim ${claimId} cut in silence`).to.equal(true);
        } else if (claim.status === BigInt(Status.DISPUTED)) {
          // the jury reached no verdict and drew a second panel (never a silent denial)
          expect(events.some((e) => e.name === "JuryDrawScheduled"), `claim ${claimId} redrawn`).to.equal(true);
        } else {
          expect(claim.status).to.equal(BigInt(Status.DENIED));
        }
        if (model === 1) {
          const [, periodShared] = await call(addr, iface, "sharing", []);
          expect(periodShared).to.be.lte(rules.shareCapPerPeriod);
        }
      }
    }

    // ---- end of sequence: paid + owed add up, the queue's total is what claims owe, no double pay
    const count = Number((await call(addr, iface, "claimCount", []))[0]);
    let owedSum = 0n;
    for (let id = 1; id <= count; id++) {
      const claim = (await call(addr, iface, "claimOf", [id]))[0];
      expect(claim.paid, `claim ${id}: ClaimPaid events add up`).to.equal(paidEvents.get(id) || 0n);
      expect(claim.paid + claim.owed).to.be.lte(claim.amount);
      if (claim.status !== BigInt(Status.PAID)) expect(claim.paid + claim.owed).to.equal(0n);
      owedSum += claim.owed;
      if (claim.dispute !== 0n) ctx.disputed++;
      if (claim.paid > 0n) ctx.paid++;
      if (claim.owed > 0n) ctx.owed++;
    }
    expect((await call(addr, iface, "owedQueue", []))[2], "owed queue total").to.equal(owedSum);
    ctx.claims += count;
  }

  it(`holds the invariants over ${RUNS} random sequences of ${STEPS} actions by ${ACTORS} accounts (seed ${SEED + model})`, async function () {
    const ctx = { sequences: 0, steps: 0, succeeded: 0, claims: 0, paid: 0, owed: 0, disputed: 0, reveals: 0, maxGas: 0n, byType: {} };
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: STEPS, maxLength: STEPS }), async (steps) => {
        await send("evm_revert", [snapshot]);
        snapshot = await send("evm_snapshot");
        ctx.sequences++;
        ctx.steps += steps.length;
        await runSequence(model, steps, ctx);
      }),
      { numRuns: RUNS, seed: SEED + model, endOnFailure: true },
    );
    const secs = (Date.now() - started) / 1000;
    console.log(`      ${ctx.sequences} sequences, ${ctx.steps} actions (${ctx.succeeded} accepted), ${ctx.claims} claims, ${ctx.paid} paid, ${ctx.owed} still owing, ${ctx.disputed} went to the jury, ${ctx.reveals} jury votes checked, ${secs.toFixed(1)} s`);
    console.log(`      accepted by action: ${JSON.stringify(ctx.byType)}; dearest member action ${ctx.maxGas} gas`);
    if (process.env.PROPERTY_DEBUG) console.log(reasons, rpcCounts);
    expect(ctx.sequences).to.equal(RUNS);
    expect(ctx.paid).to.be.greaterThan(0);
    expect(ctx.disputed).to.be.greaterThan(0);
    expect(ctx.reveals, "jury votes checked").to.be.greaterThan(0);
  });
});
}

module.exports = { invariantSuite };
