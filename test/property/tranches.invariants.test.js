// Property tests (fast-check) of EDUCATION tranches (TrancheEscrow): two paid claims of one plan
// (the second partly owed: the reserve cannot pay it at once), random enrolment approvals by the
// three assessors (same or different proofs), stops by the student or by a stranger, returns of
// money paid after a stop, contributions charged (which pay the owed claim), owed payments, the
// schools' withdrawals and time jumps. After every action (figures from the test's own books):
//   1. each (claim, term) is released at most once, in term order, never after its stop, and each
//      tranche is T(k+1)/N - Tk/N of the total granted (T = paid + owed at the first release)
//   2. per claim, released + returned <= what the plan paid it; released <= T
//   3. each school's balance in the plan + what it withdrew = the tranches released to it
//   4. the escrow's credit in the plan = Σ over claims (paid - released - returned)
//   5. the plan stays solvent (token balance = balances + reserve + fees + bonds + exit pool)
const { expect } = require("chai");
const { ethers, network } = require("hardhat");
const fc = require("fast-check");
const { RUNS, STEPS, SEED, reasons, attempt, snapshot, revert, events } = require("./scenarioHarness");
const { usd, DAY, PERIOD, Category, EVIDENCE, deployProtocol, createPlan, fund, expectSolvent } = require("../fixtures");

const TERM = 30 * DAY;
const TRANCHES = 3n;

describe("EDUCATION tranches: invariants @property", function () {
  this.timeout(0);
  let f, plan, escrow, schools, claimants, assessors, ifaces, base;

  before(async function () {
    f = await deployProtocol();
    ({ plan } = await createPlan(f, { category: Category.EDUCATION }));
    escrow = await ethers.getContractAt("TrancheEscrow", await (await ethers.getContractAt("AidPoolHousekeeping", plan.target)).trancheEscrow());
    await escrow.connect(f.operator).setTerms(plan.target, TRANCHES, TERM);
    const members = f.members.slice(0, 4);
    await fund(f.token, members, plan.target);
    for (const m of members) await plan.connect(m).join(usd(600), ethers.ZeroAddress);
    await network.provider.send("evm_increaseTime", [PERIOD + 1]);
    await network.provider.send("evm_mine", []);
    claimants = members.slice(0, 2);
    schools = [f.signers[19], f.signers[18]];
    assessors = [f.as1, f.as2, f.as3];
    const latest = async () => (await ethers.provider.getBlock("latest")).timestamp;
    await plan.connect(claimants[0]).submitClaim(usd(400), EVIDENCE, await latest());
    await escrow.connect(claimants[0]).nameInstitution(plan.target, 1, schools[0].address);
    await plan.connect(claimants[1]).submitClaim(usd(250), EVIDENCE, await latest());
    await escrow.connect(claimants[1]).nameInstitution(plan.target, 2, schools[1].address);
    for (const id of [1, 2]) {
      await plan.connect(f.as1).vote(id, true);
      await plan.connect(f.as2).vote(id, true);
    }
    await network.provider.send("evm_increaseTime", [7 * DAY]);
    await plan.finalize(1);
    await plan.finalize(2);
    const [paid2, owed2] = await plan.claimPayment(2);
    expect(owed2 > 0n, "the second claim is partly owed (the reserve could not pay it at once)").to.equal(true);
    expect(paid2 + owed2).to.equal(usd(250));
    ifaces = [escrow.interface, plan.interface];
    base = await snapshot();
  });

  after(function () {
    if (process.env.PROPERTY_DEBUG) console.log(reasons);
  });

  const claim = fc.integer({ min: 1, max: 2 });
  const action = fc.oneof(
    { weight: 10, arbitrary: fc.record({ t: fc.constant("approve"), a: fc.integer({ min: 0, max: 2 }), c: claim, proof: fc.integer({ min: 0, max: 3 }) }) },
    { weight: 2, arbitrary: fc.record({ t: fc.constant("stop"), c: claim, byStudent: fc.boolean() }) },
    { weight: 1, arbitrary: fc.record({ t: fc.constant("return"), c: claim }) },
    { weight: 2, arbitrary: fc.record({ t: fc.constant("settle"), m: fc.integer({ min: 0, max: 3 }) }) },
    { weight: 1, arbitrary: fc.record({ t: fc.constant("payOwed") }) },
    { weight: 2, arbitrary: fc.record({ t: fc.constant("withdraw"), s: fc.integer({ min: 0, max: 1 }) }) },
    { weight: 4, arbitrary: fc.record({ t: fc.constant("time"), s: fc.constantFrom(DAY, 10 * DAY, TERM, 45 * DAY) }) },
  );

  it("releases each term once, in order, never after a stop, never more than paid; the money adds up", async function () {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: STEPS, maxLength: STEPS }), async (steps) => {
        await revert(base);
        base = await snapshot();
        const book = {
          1: { released: 0n, returned: 0n, terms: 0n, total: null, stopped: false, school: 0, withdrawn: 0n },
          2: { released: 0n, returned: 0n, terms: 0n, total: null, stopped: false, school: 1, withdrawn: 0n },
        };
        const withdrawn = [0n, 0n];
        for (const s of steps) {
          if (s.t === "approve") {
            // mostly the same proof for a term, so that quorums are reached
            const proof = ethers.id(`proof ${s.c}:${book[s.c].terms}:${s.proof === 3 ? "odd" : "same"}`);
            const r = await attempt("approve", () => escrow.connect(assessors[s.a]).approveEnrolment(plan.target, s.c, proof), ifaces);
            if (r) {
              for (const e of events(escrow, r, "TrancheReleased")) {
                const b = book[s.c];
                expect(b.stopped, "released after its stop").to.equal(false);
                expect(e.args.term).to.equal(b.terms, "in term order, once each");
                if (b.total === null) {
                  const [paid, owed] = await plan.claimPayment(s.c);
                  b.total = paid + owed;
                }
                const k = b.terms;
                expect(e.args.amount).to.equal(b.total * (k + 1n) / TRANCHES - b.total * k / TRANCHES);
                expect(e.args.institution).to.equal(schools[b.school].address);
                b.released += e.args.amount;
                b.terms += 1n;
              }
            }
          } else if (s.t === "stop") {
            const who = s.byStudent ? claimants[s.c - 1] : f.stranger;
            const r = await attempt("stop", () => escrow.connect(who).stop(plan.target, s.c), ifaces);
            if (r) {
              book[s.c].stopped = true;
              for (const e of events(escrow, r, "UnreleasedReturned")) book[s.c].returned += e.args.amount;
            }
          } else if (s.t === "return") {
            const r = await attempt("return", () => escrow.returnUnreleased(plan.target, s.c), ifaces);
            if (r) for (const e of events(escrow, r, "UnreleasedReturned")) book[s.c].returned += e.args.amount;
          } else if (s.t === "settle") {
            await attempt("settle", () => plan.settle(f.members[s.m].address), ifaces);
          } else if (s.t === "payOwed") {
            await attempt("payOwed", () => plan.payOwed(2), ifaces);
          } else if (s.t === "withdraw") {
            const school = schools[s.s];
            const amount = await plan.withdrawable(school.address);
            if (amount > 0n) {
              const r = await attempt("withdraw", () => plan.connect(school).withdraw(amount), ifaces);
              if (r) withdrawn[s.s] += amount;
            }
          } else {
            await network.provider.send("evm_increaseTime", [s.s]);
            await network.provider.send("evm_mine", []);
          }
          let escrowCredit = 0n;
          for (const c of [1, 2]) {
            const b = book[c];
            const [paid, owed] = await plan.claimPayment(c);
            expect(b.released + b.returned <= paid, `claim ${c}: released + returned > paid`).to.equal(true);
            if (b.total !== null) expect(b.released <= b.total).to.equal(true);
            expect(b.released + owed + paid >= 0n).to.equal(true);
            const stored = await escrow.scheduleOf(plan.target, c);
            expect(stored.releasedAmount).to.equal(b.released);
            expect(stored.returnedAmount).to.equal(b.returned);
            escrowCredit += paid - b.released - b.returned;
          }
          for (const i of [0, 1]) {
            const c = i === 0 ? 1 : 2;
            expect((await plan.withdrawable(schools[i].address)) + withdrawn[i]).to.equal(book[c].released);
          }
          expect(await plan.withdrawable(escrow.target)).to.equal(escrowCredit);
          await expectSolvent(expect, f.token, plan);
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});
