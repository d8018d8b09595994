// Property tests (fast-check) of parametric disaster plans: random cover purchases and renewals in
// two regions, donations, oracle attestations (some regions, some severities), claims, withdrawals
// and time jumps. After every action (figures from the test's own books, not the contract's):
//   1. the plan's token balance = contributions + gifts - withdrawals, and = reserve + credited
//   2. a ParametricClaimPaid never names an (event, region, member) paid before: at most once each
//   3. a claim is paid only inside its window and only to a member of that region covered at the
//      event's time (the test's book of cover says so, independently)
//   4. every payout is exactly the preset amount
const { expect } = require("chai");
const { ethers, network } = require("hardhat");
const fc = require("fast-check");
const { RUNS, STEPS, SEED, reasons, attempt, snapshot, revert, events } = require("./scenarioHarness");

const DAY = 86400;
const usd = (x) => ethers.parseUnits(String(x), 6);
const REGIONS = [4401, 4402];

describe("Parametric disaster plans: invariants @property", function () {
  this.timeout(0);
  let token, plan, oracle, people, base, ifaces, domain;
  const types = { Attestation: [{ name: "eventId", type: "uint256" }, { name: "region", type: "uint32" }, { name: "severity", type: "uint16" },
    { name: "eventTime", type: "uint64" }, { name: "nonce", type: "uint256" }, { name: "deadline", type: "uint64" }] };

  before(async function () {
    const signers = await ethers.getSigners();
    const operator = signers[0];
    oracle = signers[1];
    people = signers.slice(2, 7);
    token = await ethers.deployContract("MockUSD", [operator.address]);
    const factory = await ethers.deployContract("ParametricPlanFactory", [(await ethers.deployContract("ParametricPlan")).target]);
    const rc = await (await factory.createPlan({ token: token.target, oracle: oracle.address, contribution: usd(10), payout: usd(300),
      period: 10 * DAY, waitingPeriod: 3 * DAY, claimWindow: 5 * DAY, minSeverity: 3, maxPeriods: 6 })).wait();
    plan = await ethers.getContractAt("ParametricPlan", rc.logs.map((l) => factory.interface.parseLog(l)).find((e) => e).args.plan);
    for (const p of people) {
      await token.mint(p.address, usd(1_000_000));
      await token.connect(p).approve(plan.target, ethers.MaxUint256);
    }
    domain = { name: "Huzhu Parametric Plan", version: "1", chainId: (await ethers.provider.getNetwork()).chainId, verifyingContract: plan.target };
    ifaces = [plan.interface, token.interface];
    base = await snapshot();
  });

  after(function () {
    if (process.env.PROPERTY_DEBUG) console.log(reasons);
  });

  const who = fc.integer({ min: 0, max: 4 });
  const action = fc.oneof(
    { weight: 6, arbitrary: fc.record({ t: fc.constant("buy"), p: who, r: fc.integer({ min: 0, max: 1 }), n: fc.integer({ min: 1, max: 3 }) }) },
    { weight: 2, arbitrary: fc.record({ t: fc.constant("fund"), p: who, x: fc.integer({ min: 1, max: 900 }) }) },
    { weight: 3, arbitrary: fc.record({ t: fc.constant("attest"), r: fc.integer({ min: 0, max: 1 }), sev: fc.integer({ min: 1, max: 6 }), ago: fc.oneof(fc.integer({ min: 0, max: DAY }), fc.integer({ min: 0, max: 20 * DAY })), e: fc.integer({ min: 1, max: 4 }) }) },
    { weight: 10, arbitrary: fc.record({ t: fc.constant("claim"), p: who, r: fc.integer({ min: 0, max: 1 }), own: fc.integer({ min: 0, max: 3 }), e: fc.integer({ min: 1, max: 4 }) }) },
    { weight: 2, arbitrary: fc.record({ t: fc.constant("withdraw"), p: who }) },
    { weight: 3, arbitrary: fc.record({ t: fc.constant("time"), s: fc.constantFrom(3600, DAY, 3 * DAY, 7 * DAY) }) },
    { weight: 2, arbitrary: fc.record({ t: fc.constant("fundBig"), p: who }) },
  );

  it("pays each covered member of the region at most once per event, only in its window; the money adds up", async function () {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: STEPS, maxLength: STEPS }), async (steps) => {
        await revert(base);
        base = await snapshot();
        const m = { in: 0n, out: 0n, nonce: 0n };
        const cover = new Map(); // member -> { region, from, until } (the test's own book)
        const paid = new Set(); // `${event}:${region}:${member}`
        const windows = new Map(); // `${event}:${region}` -> { eventTime, windowEnd }
        const now = async () => BigInt((await ethers.provider.getBlock("latest")).timestamp);
        // everyone starts covered (alternate regions, 3 periods), past the waiting period
        for (let i = 0; i < people.length; i++) {
          const r = await (await plan.connect(people[i]).buyCover(REGIONS[i % 2], 3)).wait();
          m.in += events(plan, r, "CoverBought")[0].args.paid;
          const t = await now();
          cover.set(people[i].address, { region: REGIONS[i % 2], from: t + 3n * 86400n, until: t + 30n * 86400n });
        }
        await network.provider.send("evm_increaseTime", [4 * DAY]);
        await network.provider.send("evm_mine", []);

        for (const s of steps) {
          if (s.t === "buy") {
            const p = people[s.p];
            let ri = s.r;
            if (cover.has(p.address) && s.n < 3) ri = REGIONS.indexOf(cover.get(p.address).region); // mostly a renewal in the same region
            const r = await attempt("buy", () => plan.connect(p).buyCover(REGIONS[ri], s.n), ifaces);
            if (r) {
              const e = events(plan, r, "CoverBought")[0];
              m.in += e.args.paid;
              const t = await now();
              const c = cover.get(p.address) || { region: REGIONS[ri], from: t + 3n * 86400n, until: 0n };
              expect(c.region).to.equal(REGIONS[ri]);
              c.until = (c.until > t ? c.until : t) + BigInt(s.n) * 10n * 86400n;
              cover.set(p.address, c);
              expect(e.args.coveredUntil).to.equal(c.until);
            }
          } else if (s.t === "fund") {
            const r = await attempt("fund", () => plan.connect(people[s.p]).fund(usd(s.x)), ifaces);
            if (r) m.in += usd(s.x);
          } else if (s.t === "attest") {
            const t = await now();
            const a = { eventId: BigInt(s.e), region: REGIONS[s.r], severity: s.sev, eventTime: t - BigInt(s.ago), nonce: ++m.nonce, deadline: t + 86400n };
            const r = await attempt("attest", async () => plan.attest(a, await oracle.signTypedData(domain, types, a)), ifaces);
            if (r) {
              const e = events(plan, r, "DisasterAttested")[0];
              windows.set(`${s.e}:${REGIONS[s.r]}`, { eventTime: a.eventTime, windowEnd: e.args.windowEnd });
            }
          } else if (s.t === "claim") {
            const p = people[s.p];
            let [ri, ev] = [s.r, s.e];
            if (s.own > 0 && cover.has(p.address)) { // mostly their own region and an attested event of it
              ri = REGIONS.indexOf(cover.get(p.address).region);
              const attested = [...windows.keys()].filter((k) => k.endsWith(":" + REGIONS[ri])).map((k) => Number(k.split(":")[0]));
              if (attested.length) ev = attested[s.e % attested.length];
            }
            const r = await attempt("claim", () => plan.connect(p).claim(ev, REGIONS[ri]), ifaces);
            if (r) {
              const e = events(plan, r, "ParametricClaimPaid")[0];
              const key = `${ev}:${REGIONS[ri]}:${p.address}`;
              expect(paid.has(key), "paid twice: " + key).to.equal(false);
              paid.add(key);
              expect(e.args.amount).to.equal(usd(300));
              const w = windows.get(`${ev}:${REGIONS[ri]}`);
              const c = cover.get(p.address);
              const block = BigInt((await ethers.provider.getBlock(r.blockNumber)).timestamp);
              expect(w && block <= w.windowEnd, "paid outside the window").to.equal(true);
              expect(c && c.region === REGIONS[ri] && c.from <= w.eventTime && w.eventTime < c.until, "paid without cover").to.equal(true);
            }
          } else if (s.t === "fundBig") { // enough for several payouts, so that claims are not mostly ReserveShort
            const r = await attempt("fund", () => plan.connect(people[s.p]).fund(usd(1500)), ifaces);
            if (r) m.in += usd(1500);
          } else if (s.t === "withdraw") {
            const r = await attempt("withdraw", () => plan.connect(people[s.p]).withdraw(), ifaces);
            if (r) m.out += events(plan, r, "PayoutWithdrawn")[0].args.amount;
          } else {
            await network.provider.send("evm_increaseTime", [s.s]);
            await network.provider.send("evm_mine", []);
          }
          const balance = await token.balanceOf(plan.target);
          expect(balance).to.equal(m.in - m.out);
          expect(balance).to.equal((await plan.reserve()) + (await plan.credited()));
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  });
});
