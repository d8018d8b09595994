// The jury of protocol v3 (docs/claims.md "Jury"): attacks first (each of them succeeded on the
// protocol before v3: the steps use only the functions both versions have, plus drawJury when the
// plan has it), then the panel's rules: deposits, quorum, redraw, fallback, ties, rewards.
const { expect } = require("chai");
const { ethers, network } = require("hardhat");
const { loadFixture, time, mine } = require("@nomicfoundation/hardhat-network-helpers");
const { usd, DAY, PERIOD, Model, Status, EVIDENCE, deployProtocol, createPlan, fund, expectSolvent } = require("../fixtures");
const { drawJury } = require("../juryDraw");

const ZERO = ethers.ZeroAddress;
const NOTICE = 7 * DAY;
const JURY = 3 * DAY;
const salt = (who) => ethers.id(`salt:${who}`);

/** Accounts nobody has seen before, with gas money and tokens approved for the plan. */
async function freshAccounts(f, plan, n) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const w = ethers.Wallet.createRandom().connect(ethers.provider);
    await network.provider.send("hardhat_setBalance", [w.address, "0x56bc75e2d63100000"]);
    out.push(w);
  }
  await fund(f.token, out, plan.target);
  return out;
}

/** Draws the panel (v3); returns its jurors. */
async function draw(plan, claimId) {
  await drawJury(plan, claimId);
  return (await plan.juryOf(claimId)).jurors;
}
const has = (plan, name) => { try { return !!plan.interface.getFunction(name); } catch { return false; } };
/** Who may vote: the drawn panel (v3), or `everyone` on a plan without a drawn jury. */
const drawn = async (plan, claimId, everyone) => (has(plan, "drawJury") ? draw(plan, claimId) : everyone);

async function commit(plan, claimId, juror, approve) {
  return plan.connect(juror).commitVote(claimId, await plan.commitmentOf(claimId, juror.address, approve, salt(juror.address)));
}
const reveal = (plan, claimId, juror, approve) => plan.connect(juror).revealVote(claimId, approve, salt(juror.address));
const bySigner = (signers, addresses) => addresses.map((a) => signers.find((s) => s.address === a));

/** What `who` can pull: the plan's credit (creditOf) where it has one, else the free balance. */
async function credit(plan, who) {
  return has(plan, "creditOf") ? plan.creditOf(who) : (await plan.memberOf(who)).balance;
}
/** Credits gained by each of `who` while `action` runs. */
async function credited(plan, who, action) {
  const before = await Promise.all(who.map((w) => credit(plan, w)));
  const result = await action();
  const after = await Promise.all(who.map((w) => credit(plan, w)));
  return { gained: after.map((a, i) => a - before[i]), result };
}

async function eventsOf(plan, tx, name) {
  const rc = await (await tx).wait();
  return rc.logs.map((l) => { try { return plan.interface.parseLog(l); } catch { return null; } }).filter((e) => e && e.name === name);
}

/** A plan whose 12 members are past their waiting period; members[0] claims. */
async function planOf(over) {
  const f = await deployProtocol();
  const { plan, rules } = await createPlan(f, over);
  await fund(f.token, [...f.members, f.stranger], plan.target);
  const deposit = over.model === Model.COST_SHARING ? usd(100) : usd(600);
  for (const m of f.members) await plan.connect(m).join(deposit, ZERO);
  await time.increase(PERIOD + 1);
  for (const m of f.members) await plan.settle(m.address);
  return { ...f, plan, rules, claimant: f.members[0], others: f.members.slice(1) };
}
const costSharing = () => planOf({ model: Model.COST_SHARING, contribution: 0, shareCapPerPeriod: usd(50) });
const prepaid = () => planOf({});
const prepaidWithDeposit = () => planOf({ jurorDeposit: usd(5) });

async function rejected(f, amount) {
  await f.plan.connect(f.claimant).submitClaim(amount, EVIDENCE, await time.latest());
  const id = await f.plan.claimCount();
  await f.plan.connect(f.as1).vote(id, false);
  await f.plan.connect(f.as2).vote(id, false);
  return id;
}
async function approved(f, amount) {
  await f.plan.connect(f.claimant).submitClaim(amount, EVIDENCE, await time.latest());
  const id = await f.plan.claimCount();
  await f.plan.connect(f.as1).vote(id, true);
  await f.plan.connect(f.as2).vote(id, true);
  return id;
}

describe("AidPool jury", function () {
  describe("attacks", function () {
    it("packed appeal: two fresh accounts joined one block before the appeal cannot sit, commit, or (after leaving) reveal; the honest 'deny' stands", async function () {
      const f = await loadFixture(costSharing);
      const id = await rejected(f, usd(1000));
      const puppets = await freshAccounts(f, f.plan, 2);
      for (const p of puppets) await f.plan.connect(p).join(usd(50), ZERO);
      await f.plan.connect(f.claimant).appeal(id);
      const panel = bySigner(f.others, await drawn(f.plan, id, f.others.map((m) => m.address)));
      for (const p of puppets) {
        await expect(commit(f.plan, id, p, true), "a puppet commits").to.be.reverted;
        await f.plan.connect(p).leave();
      }
      for (const j of panel) await commit(f.plan, id, j, false);
      await time.increase(JURY);
      for (const p of puppets) await expect(reveal(f.plan, id, p, true), "a puppet that left reveals").to.be.reverted;
      for (const j of panel) await reveal(f.plan, id, j, false);
      await time.increase(JURY);
      const tx = f.plan.finalize(id);
      expect(await eventsOf(f.plan, tx, "ClaimPaid")).to.deep.equal([]);
      expect((await f.plan.claimOf(id)).status).to.equal(Status.DENIED);
      await expectSolvent(expect, f.token, f.plan);
    });

    it("mirror: a challenger who packs the jury cannot deny an honest claim and take its bond", async function () {
      const f = await loadFixture(costSharing);
      const id = await approved(f, usd(400));
      const [challenger, ...puppets] = await freshAccounts(f, f.plan, 3);
      for (const p of [challenger, ...puppets]) await f.plan.connect(p).join(usd(50), ZERO);
      await f.plan.connect(challenger).challenge(id);
      const panel = bySigner(f.others, await drawn(f.plan, id, f.others.map((m) => m.address)));
      for (const p of puppets) await expect(commit(f.plan, id, p, false), "a puppet commits").to.be.reverted;
      for (const j of panel) await commit(f.plan, id, j, true);
      await time.increase(JURY);
      for (const j of panel) await reveal(f.plan, id, j, true);
      await time.increase(JURY);
      const { gained } = await credited(f.plan, [challenger.address], () => f.plan.finalize(id));
      expect((await f.plan.claimOf(id)).status).to.equal(Status.PAID);
      expect(gained[0]).to.equal(0n); // took nothing
      await expectSolvent(expect, f.token, f.plan);
    });

    it("a lapsed member (unpaid, past the grace period, never settled since) is refused at commit", async function () {
      const f = await loadFixture(prepaid);
      // a member who paid one period at joining and then nothing: lapsed, but nobody settled them
      const [late] = await freshAccounts(f, f.plan, 1);
      await f.plan.connect(late).join(usd(150), ZERO);
      await time.increase(2 * PERIOD);
      for (const m of f.members) await f.plan.settle(m.address); // everyone else stays current
      expect((await f.plan.memberOf(late.address)).active).to.equal(true); // stored flag, stale
      const id = await approved(f, usd(100));
      await f.plan.connect(f.others[0]).challenge(id);
      const panel = await drawn(f.plan, id, [late.address]);
      if (panel.includes(late.address)) {
        await expect(commit(f.plan, id, late, true)).to.be.revertedWithCustomError(f.plan, "NotCovered");
      } else {
        await expect(commit(f.plan, id, late, true)).to.be.reverted;
      }
      expect(await f.plan.hasCommitted(id, late.address)).to.equal(false);
    });

    it("a juror who left after committing, or left and rejoined, is refused at reveal", async function () {
      const f = await loadFixture(prepaid);
      const id = await approved(f, usd(100));
      await f.plan.connect(f.others[0]).challenge(id);
      const panel = bySigner(f.others, await drawn(f.plan, id, f.others.slice(1, 6).map((m) => m.address)));
      const [gone, back] = panel;
      for (const j of panel) await commit(f.plan, id, j, true);
      await f.plan.connect(gone).leave();
      await f.plan.connect(back).leave();
      await f.plan.connect(back).join(usd(600), ZERO);
      await time.increase(JURY);
      await expect(reveal(f.plan, id, gone, true), "left").to.be.reverted;
      await expect(reveal(f.plan, id, back, true), "rejoined").to.be.reverted;
      if (has(f.plan, "drawJury")) {
        await expect(reveal(f.plan, id, gone, true)).to.be.revertedWithCustomError(f.plan, "NotMember");
        await expect(reveal(f.plan, id, back, true)).to.be.revertedWithCustomError(f.plan, "JurorTooYoung");
      }
    });

    it("no reveals is not a silent denial: the panel is redrawn once, then the assessors' rejection stands with the appeal bond returned", async function () {
      const f = await loadFixture(prepaid);
      const id = await rejected(f, usd(100));
      await f.plan.connect(f.claimant).appeal(id);
      await drawn(f.plan, id, []);
      await time.increase(2 * JURY);
      await f.plan.finalize(id);
      expect((await f.plan.claimOf(id)).status, "after the first empty round").to.equal(Status.DISPUTED);
      const [round, drawBlock] = await f.plan.juryOf(id);
      expect(round).to.equal(2);
      expect(drawBlock).to.equal(await ethers.provider.getBlockNumber());
      await drawJury(f.plan, id);
      await time.increase(2 * JURY);
      const reserve = await f.plan.reserve();
      const { gained, result } = await credited(f.plan, [f.claimant.address], async () => f.plan.finalize(id));
      await expect(result).to.emit(f.plan, "JuryFellBack").withArgs(id, 0, false)
        .and.to.emit(f.plan, "BondsReleased").withArgs(id, f.claimant.address, usd(20))
        .and.to.emit(f.plan, "BondsForfeited").withArgs(id, usd(10));
      expect((await f.plan.claimOf(id)).status).to.equal(Status.DENIED);
      expect(gained[0]).to.equal(usd(20));
      expect(await f.plan.reserve()).to.equal(reserve + usd(10));
      await expectSolvent(expect, f.token, f.plan);
    });
  });

  describe("panel", function () {
    it("is drawn once from members old enough, never a party, in O(panel); JuryDrawn lists it", async function () {
      const f = await loadFixture(prepaid);
      const id = await approved(f, usd(100));
      const challenger = f.others[0];
      await f.plan.connect(challenger).challenge(id);
      const tx = await drawJury(f.plan, id);
      const [ev] = await eventsOf(f.plan, tx, "JuryDrawn");
      const seated = (await eventsOf(f.plan, tx, "JurorDrawn")).map((e) => e.args.juror);
      const { jurors, cutoff, drawn: isDrawn } = await f.plan.juryOf(id);
      expect(isDrawn).to.equal(true);
      expect(seated).to.deep.equal(jurors);
      expect(ev.args.seats).to.equal(5);
      expect(jurors.length).to.equal(5);
      expect(new Set(jurors).size).to.equal(5);
      expect(jurors).to.not.include(f.claimant.address);
      expect(jurors).to.not.include(challenger.address);
      const opened = (await f.plan.claimOf(id)).deadline - BigInt(JURY);
      expect(cutoff).to.equal(opened - BigInt(PERIOD)); // minimum age = the waiting period
      for (const j of jurors) expect((await f.plan.memberOf(j)).joinedAt).to.be.lte(cutoff);
      await expect(drawJury(f.plan, id)).to.be.revertedWithCustomError(f.plan, "JuryAlreadyDrawn").withArgs(id);
      await expect(commit(f.plan, id, f.stranger, true)).to.be.revertedWithCustomError(f.plan, "NotMember");
      const outsider = f.others.find((m) => !jurors.includes(m.address) && m !== challenger);
      await expect(commit(f.plan, id, outsider, true)).to.be.revertedWithCustomError(f.plan, "NotDrawn").withArgs(id, outsider.address);
    });

    it("a verdict needs the quorum: 3 reveals of 5; the losing challenger's bond goes to the majority, deposits come back, an unrevealed one is forfeited", async function () {
      const f = await loadFixture(prepaidWithDeposit);
      const id = await approved(f, usd(100));
      const challenger = f.others[0];
      await f.plan.connect(challenger).challenge(id);
      const panel = bySigner(f.others, await draw(f.plan, id));
      const [a, b, c, d, silent] = panel;
      const votes = [[a, true], [b, true], [c, true], [d, false]];
      for (const [j, v] of votes) await commit(f.plan, id, j, v);
      await commit(f.plan, id, silent, true);
      expect(await f.plan.bondsHeld()).to.equal(usd(10 + 20 + 5 * 5));
      await time.increase(JURY);
      for (const [j, v] of votes) await reveal(f.plan, id, j, v);
      await time.increase(JURY);
      const reserve = await f.plan.reserve();
      const who = [a, b, c, d, silent, challenger].map((x) => x.address);
      const { gained: atFinalize, result: tx } = await credited(f.plan, who, async () => f.plan.finalize(id));
      await expect(tx).to.emit(f.plan, "DisputeResolved").withArgs(id, true, 3, 1)
        .and.to.emit(f.plan, "JurorDepositForfeited").withArgs(id, silent.address, usd(5))
        .and.to.emit(f.plan, "BondsReleased").withArgs(id, f.claimant.address, usd(10))
        .and.not.to.emit(f.plan, "JurorRewarded"); // finalize is O(1) in the jurors: each collects
      expect(atFinalize).to.deep.equal([0n, 0n, 0n, 0n, 0n, 0n]);
      const share = usd(20) / 3n; // the challenger's bond over the 3 jurors of the majority
      const { gained } = await credited(f.plan, who, async () => {
        for (const j of [a, b, c, d]) await f.plan.connect(j).collectJuryReward(id);
        await expect(f.plan.connect(silent).collectJuryReward(id)).to.be.revertedWithCustomError(f.plan, "NothingToCollect");
        await expect(f.plan.connect(a).collectJuryReward(id)).to.be.revertedWithCustomError(f.plan, "NothingToCollect");
      });
      expect(gained).to.deep.equal([usd(5) + share, usd(5) + share, usd(5) + share, usd(5), 0n, 0n]); // d revealed against: deposit only
      const [paid] = await eventsOf(f.plan, tx, "ClaimPaid"); // a PREPAID payout comes out of the reserve
      expect(paid.args.amount).to.equal(usd(100));
      expect(paid.args.fromReserve).to.equal(usd(100));
      expect(await f.plan.reserve()).to.equal(reserve + usd(5) + (usd(20) - 3n * share) - usd(100));
      expect(await f.plan.bondsHeld()).to.equal(0n);
      expect((await f.plan.claimOf(id)).status).to.equal(Status.PAID);
      await expectSolvent(expect, f.token, f.plan);
    });

    it("a tie (2-2) decides nothing: the second panel has none of the first and its majority decides", async function () {
      const f = await loadFixture(prepaid);
      const id = await approved(f, usd(100));
      const challenger = f.others[0];
      await f.plan.connect(challenger).challenge(id);
      const first = bySigner(f.others, await draw(f.plan, id));
      const votes = [[first[0], true], [first[1], true], [first[2], false], [first[3], false]];
      for (const [j, v] of votes) await commit(f.plan, id, j, v);
      await time.increase(JURY);
      for (const [j, v] of votes) await reveal(f.plan, id, j, v);
      await expect(f.plan.connect(first[0]).collectJuryReward(id), "the round is not over").to.be.revertedWithCustomError(f.plan, "NothingToCollect");
      await time.increase(JURY);
      await expect(f.plan.finalize(id)).to.emit(f.plan, "JuryDrawScheduled");
      expect((await f.plan.claimOf(id)).status).to.equal(Status.DISPUTED);
      const second = bySigner(f.others, await draw(f.plan, id));
      for (const j of second) expect(first).to.not.include(j);
      expect(second.length).to.be.gte(3);
      for (const j of second.slice(0, 3)) await commit(f.plan, id, j, false);
      await time.increase(JURY);
      for (const j of second.slice(0, 3)) await reveal(f.plan, id, j, false);
      await time.increase(JURY);
      const { gained, result } = await credited(f.plan, [challenger.address], async () => f.plan.finalize(id));
      await expect(result).to.emit(f.plan, "DisputeResolved").withArgs(id, false, 0, 3);
      expect((await f.plan.claimOf(id)).status).to.equal(Status.DENIED);
      expect(gained[0]).to.equal(usd(20)); // its own bond back
      await expect(result).to.emit(f.plan, "BondsForfeited").withArgs(id, usd(10) - 3n * (usd(10) / 3n)); // rounding dust
      // the claim bond goes to round 2's majority; round 1's jurors (no verdict) collect their deposit (none here)
      for (const j of second.slice(0, 3)) {
        await expect(f.plan.connect(j).collectJuryReward(id)).to.emit(f.plan, "JurorRewarded").withArgs(id, j.address, 0, usd(10) / 3n);
      }
      await expect(f.plan.connect(first[0]).collectJuryReward(id)).to.emit(f.plan, "JurorRewarded").withArgs(id, first[0].address, 0, 0);
      expect(await f.plan.bondsHeld()).to.equal(0n);
      await expectSolvent(expect, f.token, f.plan);
    });

    it("the commitment carries the seat: a wrong or missing hint finds the seat anyway, a stranger's hint is refused, and a round-1 record cannot reveal in round 2", async function () {
      const f = await loadFixture(prepaid);
      const id = await approved(f, usd(100));
      await f.plan.connect(f.others[0]).challenge(id);
      const first = bySigner(f.others, await draw(f.plan, id));
      const hash = (j, v) => ethers.keccak256(ethers.AbiCoder.defaultAbiCoder().encode(
        ["address", "uint256", "address", "bool", "bytes32"], [f.plan.target, id, j.address, v, salt(j.address)]));
      const low = (c) => Number(BigInt(c) & 0xffn);
      const word = (n) => ethers.toBeHex(n, 32);
      const hinted = await f.plan.commitmentOf(id, first[2].address, true, salt(first[2].address));
      expect(low(hinted)).to.equal(3); // seat 2 of round 1, + 1
      expect(BigInt(hinted) >> 8n).to.equal(BigInt(hash(first[2], true)) >> 8n);
      const outsider = f.others.find((m) => !first.includes(m) && m !== f.others[0]);
      expect(low(await f.plan.commitmentOf(id, outsider.address, true, salt(outsider.address)))).to.equal(0);
      // seat 0 committed with seat 1's hint, seat 1 with none: both are seated where they sit
      await f.plan.connect(first[0]).commitVote(id, word((BigInt(hash(first[0], true)) & ~0xffn) | 2n));
      await f.plan.connect(first[1]).commitVote(id, word(BigInt(hash(first[1], false)) & ~0xffn));
      // an outsider claiming seat 3 is refused
      await expect(f.plan.connect(outsider).commitVote(id, word((BigInt(hash(outsider, true)) & ~0xffn) | 4n)))
        .to.be.revertedWithCustomError(f.plan, "NotDrawn");
      await f.plan.connect(first[2]).commitVote(id, hinted);
      await time.increase(JURY);
      await reveal(f.plan, id, first[0], true);
      await reveal(f.plan, id, first[1], false);
      expect((await f.plan.juryOf(id)).votesFor).to.equal(1);
      expect((await f.plan.juryOf(id)).votesAgainst).to.equal(1);
      // first[2] committed in round 1 and never revealed; after the redraw its record is stale
      await time.increase(JURY);
      await f.plan.finalize(id); // 1-1: no verdict, redrawn
      await draw(f.plan, id);
      await time.increase(JURY);
      expect(await f.plan.hasCommitted(id, first[2].address)).to.equal(true); // its round-1 record
      await expect(reveal(f.plan, id, first[2], true)).to.be.revertedWithCustomError(f.plan, "JurorNotCommitted");
    });

    it("a challenge with no jury at all: the assessors' approval stands, both bonds come back", async function () {
      const f = await loadFixture(prepaid);
      const id = await approved(f, usd(100));
      const challenger = f.others[0];
      await f.plan.connect(challenger).challenge(id);
      await mine(257); // nobody drew the panel while the seed block's hash was readable
      await expect(f.plan.drawJury(id, [])).to.be.revertedWithCustomError(f.plan, "DrawExpired");
      await time.increase(2 * JURY);
      const { gained, result } = await credited(f.plan, [challenger.address, f.claimant.address], async () => f.plan.finalize(id));
      await expect(result).to.emit(f.plan, "JuryFellBack").withArgs(id, 1, true);
      expect((await f.plan.claimOf(id)).status).to.equal(Status.PAID);
      expect(gained).to.deep.equal([usd(20), usd(100) + usd(10)]); // both bonds back, the claim paid
      await expectSolvent(expect, f.token, f.plan);
    });

    it("an escalated claim nobody judged is denied with its claim bond returned (never forfeited in silence)", async function () {
      const f = await loadFixture(prepaid);
      await f.plan.connect(f.claimant).submitClaim(usd(100), EVIDENCE, await time.latest());
      const id = await f.plan.claimCount();
      await time.increase(7 * DAY);
      await f.plan.escalate(id);
      await time.increase(2 * JURY);
      await expect(f.plan.finalize(id)).to.emit(f.plan, "JuryFellBack").withArgs(id, 1, false)
        .and.to.emit(f.plan, "BondsReleased").withArgs(id, f.claimant.address, usd(10));
      expect((await f.plan.claimOf(id)).status).to.equal(Status.DENIED);
      await expectSolvent(expect, f.token, f.plan);
    });
  });
});
