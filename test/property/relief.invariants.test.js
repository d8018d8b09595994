// Property tests (fast-check) of relief campaigns and quadratic matching: random sequences of
// donations, milestone approvals, cancel votes, refunds, withdrawals, match payments and time jumps
// over three campaigns (two in a matching round, one 18-decimal campaign outside it).
// After every action, for each campaign (figures from the test's own books, not the contract's):
//   1. it never released more than it raised (+ its match)
//   2. its token balance = donations + match - refunds - beneficiary withdrawals
//   3. its books.raised equals the donations the test made
//   4. the round never paid more than its pool; its balance = pool - paid + recovered - reclaimed
//   5. each match paid equals floor(pool * s² / Σ s²), s = Σ over donors of isqrt(donor's window
//      total scaled to 18 decimals), computed by the test from its own donations
//   6. donor points: a claim succeeds only on a COMPLETED campaign, once per donor, never for a
//      refunded donor, and mints floor(donor's total / 10^decimals); AidPoints.totalOf(campaign) =
//      the sum the test minted (no points cross campaigns)
// At the end of each sequence every campaign is closed out (cancelled if still open) and every
// donor (and the round) pulls its refund: refunds + releases = donations + match, to the base unit.
const { expect } = require("chai");
const { ethers, network } = require("hardhat");
const fc = require("fast-check");
const { usd, eth18, DAY, EVIDENCE, CampaignStatus, deployScenarios, createCampaign, createRound, fundAll } = require("../scenarioFixtures");
const { RUNS, STEPS, SEED, reasons, attempt, snapshot, revert, isqrt, events } = require("./scenarioHarness");

describe("Relief campaigns and matching: invariants @property", function () {
  this.timeout(0);
  let f, round, startsAt, endsAt, campaigns, donors, verifiers, base, ifaces;
  const POOL = usd(50);

  before(async function () {
    f = await deployScenarios();
    donors = f.donors.slice(0, 6);
    verifiers = [f.v1, f.v2, f.v3];
    ({ round, startsAt, endsAt } = await createRound(f, { startIn: DAY, length: 4 * DAY }));
    const small = (unit) => ({
      goal: unit(60),
      milestones: [20, 15, 25].map((n, i) => ({ amount: unit(n), descriptionHash: ethers.id(`m${i}`) })),
    });
    const x = await createCampaign(f, { round: round.target, ...small(usd), deadline: startsAt + 8 * DAY });
    const y = await createCampaign(f, { round: round.target, ...small(usd), deadline: startsAt + 4 * DAY });
    const z = await createCampaign(f, { token: f.token18.target, ...small(eth18), deadline: startsAt + 6 * DAY });
    campaigns = [
      { c: x.campaign, token: f.usdToken, scale: 10n ** 12n, inRound: true },
      { c: y.campaign, token: f.usdToken, scale: 10n ** 12n, inRound: true },
      { c: z.campaign, token: f.token18, scale: 1n, inRound: false },
    ];
    for (const k of campaigns) await fundAll(k.token, donors, k.c.target, k.token === f.token18 ? eth18(1e6) : usd(1e6));
    await fundAll(f.usdToken, [f.sponsor], round.target, usd(1000));
    await round.connect(f.sponsor).fund(POOL);
    await round.connect(f.sponsor).admit(x.campaign.target);
    await round.connect(f.sponsor).admit(y.campaign.target);
    ifaces = [x.campaign.interface, round.interface, f.usdToken.interface];
    base = await snapshot();
  });

  after(function () {
    if (process.env.PROPERTY_DEBUG) console.log(reasons);
  });

  const donor = fc.integer({ min: 0, max: 5 });
  const camp = fc.integer({ min: 0, max: 2 });
  const action = fc.oneof(
    { weight: 14, arbitrary: fc.record({ t: fc.constant("donate"), c: camp, d: donor, amt: fc.integer({ min: 1, max: 60_000_000 }) }) },
    { weight: 6, arbitrary: fc.record({ t: fc.constant("approve"), c: camp, v: fc.integer({ min: 0, max: 2 }), m: fc.integer({ min: 0, max: 5 }), e: fc.integer({ min: 0, max: 3 }) }) },
    { weight: 1, arbitrary: fc.record({ t: fc.constant("cancel"), c: camp, v: fc.integer({ min: 0, max: 2 }) }) },
    { weight: 3, arbitrary: fc.record({ t: fc.constant("refund"), c: camp, d: donor }) },
    { weight: 2, arbitrary: fc.record({ t: fc.constant("withdraw"), c: camp }) },
    { weight: 2, arbitrary: fc.record({ t: fc.constant("payMatch"), c: fc.integer({ min: 0, max: 1 }) }) },
    { weight: 1, arbitrary: fc.record({ t: fc.constant("recover"), c: fc.integer({ min: 0, max: 1 }) }) },
    { weight: 4, arbitrary: fc.record({ t: fc.constant("time"), s: fc.constantFrom(3600, DAY, 2 * DAY, 4 * DAY) }) },
    { weight: 2, arbitrary: fc.record({ t: fc.constant("points"), c: camp, d: donor }) },
  );

  async function blockTime(receipt) {
    return (await ethers.provider.getBlock(receipt.blockNumber)).timestamp;
  }

  it("never releases more than raised; balances, matches and refunds add up to the base unit", async function () {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: STEPS, maxLength: STEPS }), async (steps) => {
        await revert(base);
        base = await snapshot();
        const books = campaigns.map(() => ({ donated: 0n, matched: 0n, refunded: 0n, withdrawn: 0n, released: 0n, counted: new Map(),
          byDonor: new Map(), refundedDonors: new Set(), claimed: new Set(), points: 0n }));
        const points = await ethers.getContractAt("AidPoints", await f.relief.points());
        const rb = { paid: 0n, recovered: 0n, reclaimed: 0n };

        const expectedMatch = () => {
          const s = campaigns.map((k, i) => {
            if (!k.inRound) return 0n;
            let sum = 0n;
            for (const v of books[i].counted.values()) sum += isqrt(v * 10n ** 12n);
            return sum;
          });
          const total = s.reduce((a, v) => a + v * v, 0n);
          return s.map((v) => (total === 0n ? 0n : (POOL * v * v) / total));
        };

        async function check() {
          for (let i = 0; i < campaigns.length; i++) {
            const k = campaigns[i];
            const b = books[i];
            const onChain = await k.c.books();
            expect(onChain.raised).to.equal(b.donated);
            expect(b.released).to.be.at.most(b.donated + b.matched);
            expect(onChain.released).to.equal(b.released);
            expect(await k.token.balanceOf(k.c.target)).to.equal(b.donated + b.matched - b.refunded - b.withdrawn);
            expect(await points.totalOf(k.c.target)).to.equal(b.points);
          }
          expect(rb.paid).to.be.at.most(POOL);
          expect(await f.usdToken.balanceOf(round.target)).to.equal(POOL - rb.paid + rb.recovered - rb.reclaimed);
        }

        async function act(s) {
          const i = s.c;
          const k = campaigns[i];
          const b = books[i];
          if (s.t === "donate") {
            const amt = k.token === f.token18 ? BigInt(s.amt) * 10n ** 12n : BigInt(s.amt);
            const r = await attempt("donate", () => k.c.connect(donors[s.d]).donate(amt), ifaces);
            if (!r) return;
            b.donated += amt;
            b.byDonor.set(donors[s.d].address, (b.byDonor.get(donors[s.d].address) || 0n) + amt);
            const ts = await blockTime(r);
            if (k.inRound && ts >= startsAt && ts < endsAt) {
              const key = donors[s.d].address;
              b.counted.set(key, (b.counted.get(key) || 0n) + amt);
            }
          } else if (s.t === "approve") {
            // mostly the next milestone (m >= 3) with mostly the same evidence (e >= 1)
            const m = s.m >= 3 ? (await k.c.books()).paidMilestones : BigInt(s.m);
            const r = await attempt("approve", () => k.c.connect(verifiers[s.v]).approveMilestone(m, ethers.id(`evidence ${Math.min(s.e, 1)}`)), ifaces);
            if (r) for (const e of events(k.c, r, "MilestoneReleased")) b.released += e.args.amount;
          } else if (s.t === "approveExact") {
            const r = await attempt("approve", () => k.c.connect(s.v).approveMilestone(s.m, ethers.id("close-out evidence")), ifaces);
            if (r) for (const e of events(k.c, r, "MilestoneReleased")) b.released += e.args.amount;
          } else if (s.t === "cancel") {
            await attempt("cancel", () => k.c.connect(verifiers[s.v]).voteCancel(), ifaces);
          } else if (s.t === "refund") {
            const r = await attempt("refund", () => k.c.connect(donors[s.d]).refund(), ifaces);
            if (r) {
              b.refunded += events(k.c, r, "Refunded")[0].args.amount;
              b.refundedDonors.add(donors[s.d].address);
            }
          } else if (s.t === "points") {
            const who = donors[s.d].address;
            const r = await attempt("points", () => k.c.connect(donors[s.d]).claimPoints(), [...ifaces, points.interface]);
            if (!r) return;
            expect(Number(await k.c.status())).to.equal(CampaignStatus.COMPLETED);
            expect(b.claimed.has(who)).to.equal(false);
            expect(b.refundedDonors.has(who)).to.equal(false);
            const minted = events(k.c, r, "DonorPointsClaimed")[0].args.points;
            expect(minted).to.equal((b.byDonor.get(who) || 0n) / (k.token === f.token18 ? 10n ** 18n : 10n ** 6n));
            b.claimed.add(who);
            b.points += minted;
          } else if (s.t === "withdraw") {
            const r = await attempt("withdraw", () => k.c.connect(f.beneficiary).withdraw(), ifaces);
            if (r) b.withdrawn += events(k.c, r, "BeneficiaryWithdrew")[0].args.amount;
          } else if (s.t === "payMatch") {
            const r = await attempt("payMatch", () => round.payMatch(k.c.target), ifaces);
            if (!r) return;
            const paid = events(round, r, "MatchPaid")[0].args.amount;
            expect(paid).to.equal(expectedMatch()[i]);
            rb.paid += paid;
            b.matched += paid;
            for (const e of events(k.c, r, "MilestoneReleased")) b.released += e.args.amount;
          } else if (s.t === "recover") {
            const r = await attempt("recover", () => round.recoverMatch(k.c.target), ifaces);
            if (r) {
              const amount = events(k.c, r, "Refunded")[0].args.amount;
              b.refunded += amount;
              rb.recovered += amount;
            }
          } else if (s.t === "time") {
            await network.provider.send("evm_increaseTime", [s.s]);
            await network.provider.send("evm_mine", []);
          }
        }

        for (const s of steps) {
          await act(s);
          await check();
        }

        // close out: cancel what is still open, then every donor and the round pull their refunds
        for (let i = 0; i < campaigns.length; i++) {
          const k = campaigns[i];
          const b = books[i];
          let st = Number(await k.c.status());
          if (i === 0 && st === CampaignStatus.FUNDED) { // the first campaign, once funded, is completed: its donors claim points
            for (let guard = 0; guard < 4 && Number(await k.c.status()) === CampaignStatus.FUNDED; guard++) {
              const m = (await k.c.books()).paidMilestones;
              for (const v of [f.v1, f.v2]) await act({ t: "approveExact", c: i, v, m });
            }
            st = Number(await k.c.status());
          }
          if (st === CampaignStatus.COMPLETED) {
            for (let d = 0; d < donors.length; d++) await act({ t: "points", c: i, d });
          }
          if (st === CampaignStatus.FUNDRAISING || st === CampaignStatus.FUNDED) {
            for (const v of verifiers) {
              if (Number(await k.c.status()) === CampaignStatus.CANCELLED) break;
              await attempt("cancel", () => k.c.connect(v).voteCancel(), ifaces);
            }
            st = Number(await k.c.status());
          }
          if (st === CampaignStatus.COMPLETED) {
            expect(b.released).to.equal(b.donated + b.matched);
            continue;
          }
          expect([CampaignStatus.FAILED, CampaignStatus.CANCELLED]).to.include(st);
          for (const d of donors) {
            const r = await attempt("refund", () => k.c.connect(d).refund(), ifaces);
            if (r) b.refunded += events(k.c, r, "Refunded")[0].args.amount;
          }
          if (k.inRound) {
            const r = await attempt("recover", () => round.recoverMatch(k.c.target), ifaces);
            if (r) {
              const amount = events(k.c, r, "Refunded")[0].args.amount;
              b.refunded += amount;
              rb.recovered += amount;
            }
          }
          const onChain = await k.c.books();
          expect(onChain.refundedDonorCount).to.equal(onChain.donorCount);
          expect(b.refunded + b.released).to.equal(b.donated + b.matched);
          expect(await k.token.balanceOf(k.c.target)).to.equal(b.released - b.withdrawn);
        }
        await check();
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  });
});
