// Property tests (fast-check) of group purchases: random pledges, refunds, withdrawals, share
// offers and sales, bookings and cancellations with time jumps, on a 12-share purchase.
// After every action (figures from the test's own books, not the contract's):
//   1. shares are conserved: the participants' shares add up to the shares pledged
//   2. the seller is credited 0 before funding and exactly the price from funding on
//   3. the purchase's token balance = pledges - refunds + share-sale payments - withdrawals
//   4. no slot is booked twice: a SlotBooked event never names a slot the test's book holds, and
//      bookedBy() agrees with that book
// At the end of each sequence (past the deadline): either the seller pulled exactly the price and
// no pledge was refunded, or the seller got nothing and every pledge was refunded in full.
const { expect } = require("chai");
const { ethers, network } = require("hardhat");
const fc = require("fast-check");
const { usd, DAY, deployScenarios, createPurchase, fundAll } = require("../scenarioFixtures");
const { RUNS, STEPS, SEED, reasons, attempt, snapshot, revert, events } = require("./scenarioHarness");

describe("Group purchases: invariants @property", function () {
  this.timeout(0);
  let f, purchase, people, base, ifaces, PRICE, SHARE;

  before(async function () {
    f = await deployScenarios();
    people = f.donors.slice(0, 5);
    ({ purchase } = await createPurchase(f, { deadline: (await ethers.provider.getBlock("latest")).timestamp + 6 * DAY, slotLength: 6 * 3600, slotsPerSeason: 8 }));
    await fundAll(f.usdToken, people, purchase.target, usd(100_000));
    PRICE = usd(1200);
    SHARE = usd(100);
    ifaces = [purchase.interface, f.usdToken.interface];
    base = await snapshot();
  });

  after(function () {
    if (process.env.PROPERTY_DEBUG) console.log(reasons);
  });

  const who = fc.integer({ min: 0, max: 4 });
  const action = fc.oneof(
    { weight: 8, arbitrary: fc.record({ t: fc.constant("pledge"), p: who, n: fc.integer({ min: 1, max: 5 }) }) },
    { weight: 2, arbitrary: fc.record({ t: fc.constant("refund"), p: who }) },
    { weight: 2, arbitrary: fc.record({ t: fc.constant("withdraw"), p: fc.integer({ min: 0, max: 5 }) }) },
    { weight: 3, arbitrary: fc.record({ t: fc.constant("offer"), p: who, q: who, n: fc.integer({ min: 0, max: 4 }), price: fc.integer({ min: 0, max: 500 }) }) },
    { weight: 3, arbitrary: fc.record({ t: fc.constant("buy"), p: who, q: who, last: fc.boolean() }) },
    { weight: 10, arbitrary: fc.record({ t: fc.constant("book"), p: who, slot: fc.integer({ min: 0, max: 40 }) }) },
    { weight: 3, arbitrary: fc.record({ t: fc.constant("cancel"), p: who, slot: fc.integer({ min: 0, max: 40 }) }) },
    { weight: 3, arbitrary: fc.record({ t: fc.constant("time"), s: fc.constantFrom(3600, 6 * 3600, DAY, 2 * DAY) }) },
  );

  it("pays the seller exactly the price or refunds every pledge; shares conserved; no slot booked twice", async function () {
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.array(action, { minLength: STEPS, maxLength: STEPS }), async (nearly, steps) => {
        await revert(base);
        base = await snapshot();
        if (nearly) { // half the sequences start with 10 of the 12 shares pledged (4 + 3 + 2 + 1)
          for (const [i, n] of [[0, 4], [1, 3], [2, 2], [3, 1]]) await purchase.connect(people[i]).pledge(n);
        }
        const m = { pledged: nearly ? 10n * SHARE : 0n, refunded: 0n, sales: 0n, withdrawn: 0n, sellerWithdrawn: 0n, funded: false };
        const slots = new Map(); // slot -> owner

        async function check() {
          let sum = 0n;
          for (const p of people) sum += await purchase.sharesOf(p.address);
          const progress = await purchase.progress();
          expect(sum * SHARE).to.equal(m.pledged - m.refunded);
          expect(progress.pledged * SHARE).to.equal(m.pledged);
          const seller = (await purchase.creditOf(f.seller.address)) + m.sellerWithdrawn;
          expect(seller).to.equal(m.funded ? PRICE : 0n);
          expect(await f.usdToken.balanceOf(purchase.target)).to.equal(m.pledged - m.refunded + m.sales - m.withdrawn);
          for (const [slot, owner] of slots) expect(await purchase.bookedBy(slot)).to.equal(owner);
        }

        async function act(s) {
          if (s.t === "pledge") {
            const r = await attempt("pledge", () => purchase.connect(people[s.p]).pledge(s.n), ifaces);
            if (!r) return;
            m.pledged += BigInt(s.n) * SHARE;
            if (events(purchase, r, "PurchaseFunded").length) {
              expect(m.funded).to.equal(false);
              m.funded = true;
            }
          } else if (s.t === "refund") {
            const r = await attempt("refund", () => purchase.connect(people[s.p]).refund(), ifaces);
            if (r) m.refunded += events(purchase, r, "PledgeRefunded")[0].args.amount;
          } else if (s.t === "withdraw") {
            const acct = s.p === 5 ? f.seller : people[s.p];
            const r = await attempt("withdraw", () => purchase.connect(acct).withdraw(), ifaces);
            if (!r) return;
            const amount = events(purchase, r, "CreditWithdrawn")[0].args.amount;
            m.withdrawn += amount;
            if (acct === f.seller) m.sellerWithdrawn += amount;
          } else if (s.t === "offer") {
            const r = await attempt("offer", () => purchase.connect(people[s.p]).offerShares(people[s.q].address, s.n, usd(s.price)), ifaces);
            if (r) m.lastOffer = [s.p, s.q];
          } else if (s.t === "buy") {
            const [p, q] = s.last && m.lastOffer ? m.lastOffer : [s.p, s.q]; // mostly the latest offer
            const o = await purchase.offerOf(people[p].address, people[q].address);
            const r = await attempt("buy", () => purchase.connect(people[q]).buyShares(people[p].address, o.shares, o.price), ifaces);
            if (r) m.sales += o.price;
          } else if (s.t === "book") {
            const r = await attempt("book", () => purchase.connect(people[s.p]).book(s.slot), ifaces);
            if (!r) return;
            const e = events(purchase, r, "SlotBooked")[0];
            const held = slots.get(Number(e.args.slot));
            expect(!held || held === ethers.ZeroAddress, `slot ${e.args.slot} booked twice`).to.equal(true);
            slots.set(Number(e.args.slot), people[s.p].address);
          } else if (s.t === "cancel") {
            const r = await attempt("cancel", () => purchase.connect(people[s.p]).cancelBooking(s.slot), ifaces);
            if (r) slots.set(s.slot, ethers.ZeroAddress);
          } else if (s.t === "time") {
            await network.provider.send("evm_increaseTime", [s.s]);
            await network.provider.send("evm_mine", []);
          }
        }

        for (const s of steps) {
          await act(s);
          await check();
        }

        // close out: past the deadline, everyone pulls what it can
        await network.provider.send("evm_increaseTime", [7 * DAY]);
        await network.provider.send("evm_mine", []);
        for (const p of people) {
          const r = await attempt("refund", () => purchase.connect(p).refund(), ifaces);
          if (r) m.refunded += events(purchase, r, "PledgeRefunded")[0].args.amount;
        }
        const r = await attempt("withdraw", () => purchase.connect(f.seller).withdraw(), ifaces);
        if (r) m.sellerWithdrawn += events(purchase, r, "CreditWithdrawn")[0].args.amount;
        if (m.funded) {
          expect(m.sellerWithdrawn).to.equal(PRICE);
          expect(m.refunded).to.equal(0n);
        } else {
          expect(m.sellerWithdrawn).to.equal(0n);
          expect(m.refunded).to.equal(m.pledged);
          expect(await f.usdToken.balanceOf(purchase.target)).to.equal(0n);
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  });
});
