// GroupPurchase + GroupPurchaseFactory: every function and error. A tractor for 1,200 USD in 12
// shares of 100; 1-day slots in 10-slot seasons. A owns 6 shares (quota 5 per season), B 4 (3),
// C 2 (1): floor(10 * shares / 12).
const { expect } = require("chai");
const { ethers } = require("hardhat");
const {
  DAY, usd, PurchaseStatus, now, increase, setNext, deployScenarios, purchaseParams, createPurchase, fundAll,
} = require("../scenarioFixtures");

describe("GroupPurchase", function () {
  let f, purchase, A, B, C, D;

  beforeEach(async function () {
    f = await deployScenarios();
    [A, B, C, D] = f.donors;
    ({ purchase } = await createPurchase(f));
    await fundAll(f.usdToken, [A, B, C, D], purchase.target, usd(10_000));
  });

  async function fundFully() {
    await purchase.connect(A).pledge(6);
    await purchase.connect(B).pledge(4);
    await purchase.connect(C).pledge(2);
  }

  describe("factory", function () {
    it("creates a clone with its terms and registry", async function () {
      const p = await purchaseParams(f);
      await expect(f.group.createPurchase(p)).to.emit(f.group, "PurchaseCreated");
      expect(await f.group.purchaseCount()).to.equal(2n);
      const [first, second] = await f.group.purchases(0, 5);
      expect(first).to.equal(purchase.target);
      expect(await f.group.isPurchase(second)).to.equal(true);
      expect(await f.group.isPurchase(f.stranger.address)).to.equal(false);
      expect(await f.group.creatorOf(second)).to.equal(f.operator.address);
      await expect(f.group.purchases(3, 1)).to.be.revertedWithCustomError(f.group, "InvalidRange").withArgs(3, 2);
      const t = await purchase.terms();
      expect(t.token).to.equal(f.usdToken.target);
      expect(t.seller).to.equal(f.seller.address);
      expect(t.price).to.equal(usd(1200));
      expect(t.sharePrice).to.equal(usd(100));
      expect(t.slotLength).to.equal(BigInt(DAY));
      expect(t.slotsPerSeason).to.equal(10n);
      expect(t.itemHash).to.equal(ethers.id("tractor, model X"));
      expect(await purchase.totalShares()).to.equal(12n);
      expect(await purchase.status()).to.equal(PurchaseStatus.PLEDGING);
    });

    it("refuses bad implementations", async function () {
      const F = await ethers.getContractFactory("GroupPurchaseFactory");
      await expect(F.deploy(ethers.ZeroAddress)).to.be.revertedWithCustomError(F, "ZeroAddress");
      await expect(F.deploy(f.stranger.address)).to.be.revertedWithCustomError(F, "NotAContract");
    });

    const bad = [
      ["zero token", () => ({ token: ethers.ZeroAddress }), "ZeroAddress"],
      ["zero seller", () => ({ seller: ethers.ZeroAddress }), "ZeroAddress"],
      ["token without code", (f) => ({ token: f.stranger.address }), "NotAContract"],
      ["zero share price", () => ({ sharePrice: 0 }), "InvalidPricing"],
      ["zero price", () => ({ price: 0 }), "InvalidPricing"],
      ["price not a multiple", () => ({ price: usd(1250) }), "InvalidPricing"],
      ["more than 10,000 shares", () => ({ price: 10_001n, sharePrice: 1n }), "InvalidPricing"],
      ["deadline now", (f, t) => ({ deadline: t }), "InvalidDeadline"],
      ["deadline beyond 366 days", (f, t) => ({ deadline: t + 367 * DAY }), "InvalidDeadline"],
      ["slot under an hour", () => ({ slotLength: 3599 }), "InvalidSchedule"],
      ["slot over 30 days", () => ({ slotLength: 30 * DAY + 1 }), "InvalidSchedule"],
      ["empty season", () => ({ slotsPerSeason: 0 }), "InvalidSchedule"],
      ["season over 1,000 slots", () => ({ slotsPerSeason: 1001 }), "InvalidSchedule"],
    ];
    for (const [name, over, error] of bad) {
      it(`refuses ${name} (${error})`, async function () {
        const p = await purchaseParams(f, over(f, await now()));
        await expect(f.group.createPurchase(p)).to.be.revertedWithCustomError(f.group, error);
      });
    }
  });

  describe("pledges", function () {
    it("escrows pledges; the last share funds the purchase and credits the seller exactly the price", async function () {
      const tx = purchase.connect(A).pledge(6);
      await expect(tx).to.emit(purchase, "SharesPledged").withArgs(A.address, 6, usd(600), 6);
      await expect(tx).to.changeTokenBalances(f.usdToken, [A, purchase], [-usd(600), usd(600)]);
      await purchase.connect(B).pledge(4);
      await expect(purchase.connect(C).pledge(3)).to.be.revertedWithCustomError(purchase, "NotEnoughSharesLeft").withArgs(3, 2);
      await expect(purchase.connect(C).pledge(0)).to.be.revertedWithCustomError(purchase, "ZeroAmount");
      const last = await purchase.connect(C).pledge(2);
      const fundedAt = (await ethers.provider.getBlock((await last.wait()).blockNumber)).timestamp;
      await expect(last).to.emit(purchase, "PurchaseFunded").withArgs(f.seller.address, usd(1200), fundedAt);
      expect(await purchase.status()).to.equal(PurchaseStatus.FUNDED);
      expect(await purchase.creditOf(f.seller.address)).to.equal(usd(1200));
      expect(await purchase.sharesOf(A.address)).to.equal(6n);
      await expect(purchase.connect(D).pledge(1)).to.be.revertedWithCustomError(purchase, "UnexpectedPurchaseStatus").withArgs(PurchaseStatus.FUNDED, ethers.toBeHex(1n, 32));
      await expect(purchase.connect(A).refund()).to.be.revertedWithCustomError(purchase, "UnexpectedPurchaseStatus").withArgs(PurchaseStatus.FUNDED, ethers.toBeHex(4n, 32));
      const w = purchase.connect(f.seller).withdraw();
      await expect(w).to.emit(purchase, "CreditWithdrawn").withArgs(f.seller.address, usd(1200));
      await expect(w).to.changeTokenBalances(f.usdToken, [f.seller, purchase], [usd(1200), -usd(1200)]);
      await expect(purchase.connect(f.seller).withdraw()).to.be.revertedWithCustomError(purchase, "NothingToPull");
      const p = await purchase.progress();
      expect(p.pledged).to.equal(12n);
      expect(p.fundedAt).to.equal(BigInt(fundedAt));
    });

    it("unfunded by the deadline: every pledge is refunded in full, the seller gets nothing", async function () {
      await purchase.connect(A).pledge(6);
      await purchase.connect(B).pledge(5);
      await expect(purchase.connect(A).refund()).to.be.revertedWithCustomError(purchase, "UnexpectedPurchaseStatus").withArgs(PurchaseStatus.PLEDGING, ethers.toBeHex(4n, 32));
      await increase(14 * DAY);
      expect(await purchase.status()).to.equal(PurchaseStatus.EXPIRED);
      await expect(purchase.connect(C).pledge(1)).to.be.revertedWithCustomError(purchase, "UnexpectedPurchaseStatus").withArgs(PurchaseStatus.EXPIRED, ethers.toBeHex(1n, 32));
      const tx = purchase.connect(A).refund();
      await expect(tx).to.emit(purchase, "PledgeRefunded").withArgs(A.address, 6, usd(600));
      await expect(tx).to.changeTokenBalance(f.usdToken, A, usd(600));
      await expect(purchase.connect(A).refund()).to.be.revertedWithCustomError(purchase, "NothingToPull").withArgs(A.address);
      await expect(purchase.connect(B).refund()).to.changeTokenBalance(f.usdToken, B, usd(500));
      expect(await f.usdToken.balanceOf(purchase.target)).to.equal(0n);
      await expect(purchase.connect(f.seller).withdraw()).to.be.revertedWithCustomError(purchase, "NothingToPull");
    });

    it("the implementation refuses pledges", async function () {
      await expect(f.purchaseImpl.pledge(1)).to.be.revertedWithCustomError(f.purchaseImpl, "NotAClone");
    });
  });

  describe("share sales", function () {
    it("offer then buy moves shares and credits the price atomically", async function () {
      await expect(purchase.connect(A).offerShares(D.address, 1, usd(90))).to.be.revertedWithCustomError(purchase, "UnexpectedPurchaseStatus");
      await fundFully();
      await expect(purchase.connect(A).offerShares(ethers.ZeroAddress, 1, 1)).to.be.revertedWithCustomError(purchase, "ZeroAddress");
      await expect(purchase.connect(A).offerShares(A.address, 1, 1)).to.be.revertedWithCustomError(purchase, "SelfTrade");
      await expect(purchase.connect(A).offerShares(D.address, 7, 1)).to.be.revertedWithCustomError(purchase, "NotEnoughShares").withArgs(A.address, 7, 6);
      await expect(purchase.connect(A).offerShares(D.address, 2, usd(150))).to.emit(purchase, "SharesOffered").withArgs(A.address, D.address, 2, usd(150));
      const o = await purchase.offerOf(A.address, D.address);
      expect(o.shares).to.equal(2n);
      expect(o.price).to.equal(usd(150));
      await expect(purchase.connect(D).buyShares(A.address, 2, usd(140))).to.be.revertedWithCustomError(purchase, "OfferMismatch").withArgs(2, usd(150));
      await expect(purchase.connect(B).buyShares(A.address, 2, usd(150))).to.be.revertedWithCustomError(purchase, "OfferMismatch").withArgs(0, 0);
      const tx = purchase.connect(D).buyShares(A.address, 2, usd(150));
      await expect(tx).to.emit(purchase, "SharesSold").withArgs(A.address, D.address, 2, usd(150));
      await expect(tx).to.changeTokenBalances(f.usdToken, [D, purchase], [-usd(150), usd(150)]);
      expect(await purchase.sharesOf(A.address)).to.equal(4n);
      expect(await purchase.sharesOf(D.address)).to.equal(2n);
      expect(await purchase.creditOf(A.address)).to.equal(usd(150));
      await expect(purchase.connect(A).withdraw()).to.changeTokenBalance(f.usdToken, A, usd(150));
      await expect(purchase.connect(D).buyShares(A.address, 2, usd(150))).to.be.revertedWithCustomError(purchase, "OfferMismatch");
    });

    it("an offer larger than what the seller still owns cannot be bought", async function () {
      await fundFully();
      await purchase.connect(C).offerShares(D.address, 2, usd(100));
      await purchase.connect(C).offerShares(A.address, 2, usd(100));
      await purchase.connect(A).buyShares(C.address, 2, usd(100));
      await expect(purchase.connect(D).buyShares(C.address, 2, usd(100))).to.be.revertedWithCustomError(purchase, "NotEnoughShares").withArgs(C.address, 2, 0);
      await purchase.connect(C).offerShares(D.address, 0, 0); // withdraws the offer
      expect((await purchase.offerOf(C.address, D.address)).shares).to.equal(0n);
    });
  });

  describe("usage slots", function () {
    it("books within the quota, no double booking, last-minute slot beyond it, cancel frees it", async function () {
      await expect(purchase.connect(A).book(1)).to.be.revertedWithCustomError(purchase, "UnexpectedPurchaseStatus");
      await fundFully();
      expect(await purchase.quotaOf(A.address)).to.equal(5n);
      expect(await purchase.quotaOf(B.address)).to.equal(3n);
      expect(await purchase.quotaOf(C.address)).to.equal(1n);
      await expect(purchase.connect(D).book(2)).to.be.revertedWithCustomError(purchase, "NotEnoughShares").withArgs(D.address, 1, 0);
      await expect(purchase.connect(C).book(0)).to.be.revertedWithCustomError(purchase, "SlotOutOfWindow").withArgs(0, 0);
      await expect(purchase.connect(C).book(20)).to.be.revertedWithCustomError(purchase, "SlotOutOfWindow").withArgs(20, 0);
      await expect(purchase.connect(C).book(5)).to.emit(purchase, "SlotBooked").withArgs(C.address, 5, 0);
      await expect(purchase.connect(A).book(5)).to.be.revertedWithCustomError(purchase, "SlotTaken").withArgs(5, C.address);
      await expect(purchase.connect(C).book(6)).to.be.revertedWithCustomError(purchase, "QuotaExceeded").withArgs(C.address, 0, 1);
      await purchase.connect(C).book(15); // next season has its own quota
      expect(await purchase.bookingsIn(C.address, 1)).to.equal(1n);
      await purchase.connect(C).book(1); // the next slot is open beyond the quota (last minute)
      expect(await purchase.bookedBy(1)).to.equal(C.address);
      await expect(purchase.connect(A).cancelBooking(5)).to.be.revertedWithCustomError(purchase, "NotYourBooking").withArgs(5);
      await expect(purchase.connect(C).cancelBooking(5)).to.emit(purchase, "BookingCancelled").withArgs(C.address, 5, 0);
      expect(await purchase.bookedBy(5)).to.equal(ethers.ZeroAddress);
      await purchase.connect(A).book(5);
      await increase(2 * DAY); // slot 2 runs now; slot 1 is over
      expect(await purchase.currentSlot()).to.equal(2n);
      await expect(purchase.connect(C).cancelBooking(1)).to.be.revertedWithCustomError(purchase, "SlotOutOfWindow").withArgs(1, 2);
      await expect(purchase.connect(B).book(2)).to.be.revertedWithCustomError(purchase, "SlotOutOfWindow").withArgs(2, 2);
    });

    it("a season's bookings follow the shares: 5 / 3 / 1 of 10 slots", async function () {
      await fundFully();
      let slot = 10; // season 1 (slots 10..19), wholly in the future
      for (const [who, quota] of [[A, 5], [B, 3], [C, 1]]) {
        for (let i = 0; i < quota; i++) await purchase.connect(who).book(slot++);
        expect(await purchase.bookingsIn(who.address, 1)).to.equal(BigInt(quota));
      }
      for (const who of [A, B, C]) {
        await expect(purchase.connect(who).book(19)).to.be.revertedWithCustomError(purchase, "QuotaExceeded");
      }
      expect(await purchase.bookedBy(19)).to.equal(ethers.ZeroAddress); // the leftover slot: last-minute only
    });

    it("shares bought change the quota for new bookings", async function () {
      await fundFully();
      await purchase.connect(A).offerShares(C.address, 4, usd(400));
      await purchase.connect(C).buyShares(A.address, 4, usd(400));
      expect(await purchase.quotaOf(C.address)).to.equal(5n); // 6 of 12 shares
      expect(await purchase.quotaOf(A.address)).to.equal(1n);
      for (let s = 2; s < 7; s++) await purchase.connect(C).book(s);
      await purchase.connect(A).book(7);
      await expect(purchase.connect(A).book(8)).to.be.revertedWithCustomError(purchase, "QuotaExceeded").withArgs(A.address, 0, 1);
    });
  });
});
