const { expect } = require("chai");
const { ethers } = require("hardhat");
const { loadFixture, time } = require("@nomicfoundation/hardhat-network-helpers");
const { usd, DAY, PERIOD, Status, EVIDENCE, deployProtocol, createPlan, fund, expectSolvent } = require("../fixtures");
const { drawJury } = require("../juryDraw");

const ZERO = ethers.ZeroAddress;
const SALT = ethers.id("salt");
const NOTICE = 7 * DAY;
const ASSESS = 7 * DAY;
const JURY = 3 * DAY;
const NAMES = Object.keys(Status);

async function plan5() {
  const f = await deployProtocol();
  const { plan, rules } = await createPlan(f);
  await fund(f.token, [...f.members, f.stranger, f.as1], plan.target);
  for (const m of f.members.slice(0, 6)) await plan.connect(m).join(usd(600), ZERO);
  await time.increase(PERIOD + 1);
  for (const m of f.members.slice(0, 6)) await plan.settle(m.address); // pay the current period
  return { ...f, plan, rules, claimant: f.members[0], other: f.members[1], jurors: f.members.slice(2, 6) };
}

async function submitted() {
  const f = await plan5();
  await f.plan.connect(f.claimant).submitClaim(usd(100), EVIDENCE, await time.latest());
  return f;
}
async function approved() {
  const f = await submitted();
  await f.plan.connect(f.as1).vote(1, true);
  await f.plan.connect(f.as2).vote(1, true);
  return f;
}
async function rejected() {
  const f = await submitted();
  await f.plan.connect(f.as1).vote(1, false);
  await f.plan.connect(f.as2).vote(1, false);
  return f;
}
async function disputed() {
  const f = await approved();
  await f.plan.connect(f.other).challenge(1);
  return f;
}
async function paid() {
  const f = await approved();
  await time.increase(NOTICE);
  await f.plan.finalize(1);
  return f;
}
async function denied() {
  const f = await rejected();
  await time.increase(NOTICE);
  await f.plan.finalize(1);
  return f;
}

async function jury(plan, claimId, votes) {
  if (!(await plan.juryOf(claimId)).drawn) await drawJury(plan, claimId);
  for (const [j, v] of votes) await plan.connect(j).commitVote(claimId, await plan.commitmentOf(claimId, j.address, v, SALT));
  await time.increase(JURY);
  for (const [j, v] of votes) await plan.connect(j).revealVote(claimId, v, SALT);
  await time.increase(JURY);
}

describe("AidPool claims", function () {
  describe("transition table", function () {
    const allowed = new Set([
      "NONE>SUBMITTED", "SUBMITTED>APPROVED", "SUBMITTED>REJECTED", "SUBMITTED>DISPUTED", "APPROVED>DISPUTED",
      "APPROVED>PAID", "REJECTED>DISPUTED", "REJECTED>DENIED", "DISPUTED>PAID", "DISPUTED>DENIED",
    ]);
    it("allows exactly the 10 documented transitions out of 49", async function () {
      const { implementation } = await loadFixture(deployProtocol);
      let count = 0;
      for (let from = 0; from < 7; from++) {
        for (let to = 0; to < 7; to++) {
          const key = `${NAMES[from]}>${NAMES[to]}`;
          const ok = await implementation.transitionAllowed(from, to);
          expect(ok, key).to.equal(allowed.has(key));
          if (ok) count++;
        }
      }
      expect(count).to.equal(10);
    });

    // Every action that is not a documented transition out of a state reverts there.
    const forbidden = {
      SUBMITTED: { fixture: submitted, calls: ["challenge", "appeal", "commit", "reveal", "finalize"] },
      APPROVED: { fixture: approved, calls: ["vote", "escalate", "appeal", "commit", "reveal"] },
      REJECTED: { fixture: rejected, calls: ["vote", "escalate", "challenge", "commit", "reveal"] },
      DISPUTED: { fixture: disputed, calls: ["vote", "escalate", "challenge", "appeal"] },
      PAID: { fixture: paid, calls: ["vote", "escalate", "challenge", "appeal", "commit", "reveal", "finalize"] },
      DENIED: { fixture: denied, calls: ["vote", "escalate", "challenge", "appeal", "commit", "reveal", "finalize"] },
    };
    const EXPECTED = { vote: "SUBMITTED", escalate: "SUBMITTED", challenge: "APPROVED", appeal: "REJECTED", commit: "DISPUTED", reveal: "DISPUTED" };
    const act = {
      vote: (f) => f.plan.connect(f.as3).vote(1, true),
      escalate: (f) => f.plan.escalate(1),
      challenge: (f) => f.plan.connect(f.jurors[3]).challenge(1),
      appeal: (f) => f.plan.connect(f.claimant).appeal(1),
      commit: (f) => f.plan.connect(f.jurors[0]).commitVote(1, ethers.id("c")),
      reveal: (f) => f.plan.connect(f.jurors[0]).revealVote(1, true, SALT),
      finalize: (f) => f.plan.finalize(1),
    };
    for (const [state, { fixture, calls }] of Object.entries(forbidden)) {
      for (const call of calls) {
        it(`${state}: ${call} is forbidden`, async function () {
          const f = await loadFixture(fixture);
          if (call === "finalize") {
            await expect(act[call](f)).to.be.revertedWithCustomError(f.plan, "ClaimNotFinalizable")
              .withArgs(1, Status[state], ethers.toBeHex((1n << 2n) | (1n << 3n) | (1n << 4n), 32)); // APPROVED | REJECTED | DISPUTED
          } else {
            await expect(act[call](f)).to.be.revertedWithCustomError(f.plan, "UnexpectedClaimStatus")
              .withArgs(1, Status[state], Status[EXPECTED[call]]);
          }
        });
      }
    }

    it("an unknown claim id is refused everywhere", async function () {
      const f = await loadFixture(plan5);
      for (const call of Object.values(act)) {
        await expect(call(f)).to.be.revertedWithCustomError(f.plan, "UnknownClaim").withArgs(1);
      }
    });
  });

  describe("submitClaim", function () {
    it("records the claim, takes the bond and opens the assessment window", async function () {
      const f = await loadFixture(plan5);
      const before = await f.token.balanceOf(f.claimant.address);
      await f.plan.connect(f.claimant).submitClaim(usd(100), EVIDENCE, await time.latest());
      const c = await f.plan.claimOf(1);
      expect(c.claimant).to.equal(f.claimant.address);
      expect(c.amount).to.equal(usd(100));
      expect(c.status).to.equal(Status.SUBMITTED);
      expect(c.deadline).to.equal(c.submittedAt + BigInt(ASSESS));
      expect(await f.plan.bondsHeld()).to.equal(usd(10));
      expect(await f.token.balanceOf(f.claimant.address)).to.equal(before - usd(10));
      expect(await f.plan.openClaimOf(f.claimant.address)).to.equal(1);
      expect(await f.plan.claimCount()).to.equal(1);
      await expectSolvent(expect, f.token, f.plan);
    });

    it("NotMember, WaitingPeriod, LossInFuture, ZeroAmount, ClaimAboveMax, ClaimAlreadyOpen", async function () {
      const f = await loadFixture(plan5);
      const now = await time.latest();
      await expect(f.plan.connect(f.stranger).submitClaim(usd(1), EVIDENCE, now)).to.be.revertedWithCustomError(f.plan, "NotMember");
      const joinedAt = (await f.plan.memberOf(f.claimant.address)).joinedAt;
      await expect(f.plan.connect(f.claimant).submitClaim(usd(1), EVIDENCE, joinedAt + 5n))
        .to.be.revertedWithCustomError(f.plan, "WaitingPeriod").withArgs(joinedAt + 5n, joinedAt + BigInt(PERIOD));
      await expect(f.plan.connect(f.claimant).submitClaim(usd(1), EVIDENCE, now + 100)).to.be.revertedWithCustomError(f.plan, "LossInFuture");
      await expect(f.plan.connect(f.claimant).submitClaim(0, EVIDENCE, now)).to.be.revertedWithCustomError(f.plan, "ZeroAmount");
      await expect(f.plan.connect(f.claimant).submitClaim(usd(1001), EVIDENCE, now)).to.be.revertedWithCustomError(f.plan, "ClaimAboveMax").withArgs(usd(1001), usd(1000));
      await f.plan.connect(f.claimant).submitClaim(usd(1), EVIDENCE, now);
      await expect(f.plan.connect(f.claimant).submitClaim(usd(1), EVIDENCE, now)).to.be.revertedWithCustomError(f.plan, "ClaimAlreadyOpen").withArgs(1);
    });

    it("a member still in the waiting period cannot claim", async function () {
      const f = await loadFixture(plan5);
      await f.plan.connect(f.stranger).join(usd(300), ZERO);
      await expect(f.plan.connect(f.stranger).submitClaim(usd(1), EVIDENCE, await time.latest())).to.be.revertedWithCustomError(f.plan, "WaitingPeriod");
    });
  });

  describe("assessors", function () {
    it("NotAssessor, PartyCannotVote (assessor who is the claimant), AlreadyVoted, WindowClosed", async function () {
      const f = await loadFixture(plan5);
      await f.plan.connect(f.as1).join(usd(300), ZERO);
      await time.increase(PERIOD);
      await f.plan.connect(f.as1).submitClaim(usd(10), EVIDENCE, await time.latest());
      await expect(f.plan.connect(f.stranger).vote(1, true)).to.be.revertedWithCustomError(f.plan, "NotAssessor").withArgs(f.stranger.address);
      await expect(f.plan.connect(f.as1).vote(1, true)).to.be.revertedWithCustomError(f.plan, "PartyCannotVote").withArgs(1, f.as1.address);
      await expect(f.plan.connect(f.as2).vote(1, true)).to.emit(f.plan, "AssessorVoted").withArgs(1, f.as2.address, true);
      await expect(f.plan.connect(f.as2).vote(1, false)).to.be.revertedWithCustomError(f.plan, "AlreadyVoted").withArgs(1, f.as2.address);
      await time.increase(ASSESS);
      await expect(f.plan.connect(f.as3).vote(1, true)).to.be.revertedWithCustomError(f.plan, "WindowClosed");
    });

    it("split votes: approvals reach the quorum after a rejection", async function () {
      const f = await loadFixture(submitted);
      await f.plan.connect(f.as1).vote(1, false);
      await f.plan.connect(f.as2).vote(1, true);
      await expect(f.plan.connect(f.as3).vote(1, true)).to.emit(f.plan, "ClaimApproved");
      expect((await f.plan.claimOf(1)).status).to.equal(Status.APPROVED);
    });
  });

  describe("notice, challenge, appeal, escalation", function () {
    it("challenge: NotMember, PartyCannotChallenge, WindowClosed; takes the bond", async function () {
      const f = await loadFixture(approved);
      await expect(f.plan.connect(f.stranger).challenge(1)).to.be.revertedWithCustomError(f.plan, "NotMember");
      await expect(f.plan.connect(f.claimant).challenge(1)).to.be.revertedWithCustomError(f.plan, "PartyCannotChallenge").withArgs(1, f.claimant.address);
      await expect(f.plan.connect(f.other).challenge(1)).to.emit(f.plan, "ClaimDisputed");
      expect(await f.plan.bondsHeld()).to.equal(usd(30));
      const c = await f.plan.claimOf(1);
      expect(c.challenger).to.equal(f.other.address);
      expect(c.status).to.equal(Status.DISPUTED);
      await expectSolvent(expect, f.token, f.plan);
    });

    it("challenge after the notice window is closed; finalize before it is not open", async function () {
      const f = await loadFixture(approved);
      await expect(f.plan.finalize(1)).to.be.revertedWithCustomError(f.plan, "WindowNotOpen");
      await time.increase(NOTICE);
      await expect(f.plan.connect(f.other).challenge(1)).to.be.revertedWithCustomError(f.plan, "WindowClosed");
    });

    it("appeal: NotClaimant, WindowClosed; the unappealed rejection is denied and the bond forfeited", async function () {
      const f = await loadFixture(rejected);
      await expect(f.plan.connect(f.other).appeal(1)).to.be.revertedWithCustomError(f.plan, "NotClaimant").withArgs(1, f.other.address);
      await expect(f.plan.finalize(1)).to.be.revertedWithCustomError(f.plan, "WindowNotOpen");
      await time.increase(NOTICE);
      await expect(f.plan.connect(f.claimant).appeal(1)).to.be.revertedWithCustomError(f.plan, "WindowClosed");
      const reserve = await f.plan.reserve();
      await expect(f.plan.finalize(1)).to.emit(f.plan, "ClaimDenied").withArgs(1).and.to.emit(f.plan, "BondsForfeited").withArgs(1, usd(10));
      expect(await f.plan.reserve()).to.equal(reserve + usd(10));
      expect(await f.plan.openClaimOf(f.claimant.address)).to.equal(0);
      await expectSolvent(expect, f.token, f.plan);
    });

    it("an appeal the jury does not uphold loses both bonds to the jurors of the majority", async function () {
      const f = await loadFixture(rejected);
      await f.plan.connect(f.claimant).appeal(1);
      await jury(f.plan, 1, [[f.jurors[0], false], [f.jurors[1], false], [f.jurors[2], false]]);
      await expect(f.plan.finalize(1)).to.emit(f.plan, "DisputeResolved").withArgs(1, false, 0, 3);
      expect((await f.plan.claimOf(1)).status).to.equal(Status.DENIED);
      // claim bond 10 + appeal bond 20 over the 3 jurors of the majority, collected by each (pull)
      for (const j of f.jurors.slice(0, 3)) {
        await expect(f.plan.connect(j).collectJuryReward(1)).to.emit(f.plan, "JurorRewarded").withArgs(1, j.address, 0, usd(10));
        await expect(f.plan.connect(j).collectJuryReward(1)).to.be.revertedWithCustomError(f.plan, "NothingToCollect");
      }
      expect(await f.plan.bondsHeld()).to.equal(0n);
      await expectSolvent(expect, f.token, f.plan);
    });
  });

  describe("jury", function () {
    it("commit: NotDrawn (the parties are never drawn), NotMember, JurorTooYoung, ZeroCommitment, JurorAlreadyCommitted, WindowClosed", async function () {
      const f = await loadFixture(disputed);
      const [j1] = f.jurors;
      await expect(f.plan.connect(j1).commitVote(1, SALT)).to.be.revertedWithCustomError(f.plan, "JuryNotDrawn").withArgs(1);
      await drawJury(f.plan, 1);
      expect([...(await f.plan.juryOf(1)).jurors].sort()).to.deep.equal(f.jurors.map((j) => j.address).sort());
      await expect(f.plan.connect(f.claimant).commitVote(1, SALT)).to.be.revertedWithCustomError(f.plan, "NotDrawn").withArgs(1, f.claimant.address);
      await expect(f.plan.connect(f.other).commitVote(1, SALT)).to.be.revertedWithCustomError(f.plan, "NotDrawn").withArgs(1, f.other.address);
      await expect(f.plan.connect(f.stranger).commitVote(1, SALT)).to.be.revertedWithCustomError(f.plan, "NotMember");
      await f.plan.connect(f.stranger).join(usd(300), ZERO); // joined after the dispute opened
      await expect(f.plan.connect(f.stranger).commitVote(1, SALT)).to.be.revertedWithCustomError(f.plan, "JurorTooYoung");
      await expect(f.plan.connect(j1).commitVote(1, ethers.ZeroHash)).to.be.revertedWithCustomError(f.plan, "ZeroCommitment");
      await expect(f.plan.connect(j1).commitVote(1, SALT)).to.emit(f.plan, "JuryVoteCommitted").withArgs(1, j1.address);
      expect(await f.plan.hasCommitted(1, j1.address)).to.equal(true);
      await expect(f.plan.connect(j1).commitVote(1, SALT)).to.be.revertedWithCustomError(f.plan, "JurorAlreadyCommitted");
      await time.increase(JURY);
      await expect(f.plan.connect(f.jurors[1]).commitVote(1, SALT)).to.be.revertedWithCustomError(f.plan, "WindowClosed");
    });

    it("reveal: WindowNotOpen, JurorNotCommitted, JuryCommitmentMismatch, WindowClosed; finalize waits for the reveal phase", async function () {
      const f = await loadFixture(disputed);
      const [j1, j2, j3, j4] = f.jurors;
      await drawJury(f.plan, 1);
      for (const j of [j1, j2, j3, j4]) await f.plan.connect(j).commitVote(1, await f.plan.commitmentOf(1, j.address, true, SALT));
      await expect(f.plan.connect(j1).revealVote(1, true, SALT)).to.be.revertedWithCustomError(f.plan, "WindowNotOpen");
      await time.increase(JURY);
      await expect(f.plan.connect(j1).revealVote(1, false, SALT)).to.be.revertedWithCustomError(f.plan, "JuryCommitmentMismatch");
      await expect(f.plan.connect(j1).revealVote(1, true, SALT)).to.emit(f.plan, "PointsAccrued").withArgs(j1.address, 5, 2);
      await expect(f.plan.connect(j1).revealVote(1, true, SALT)).to.be.revertedWithCustomError(f.plan, "JurorNotCommitted");
      for (const j of [j3, j4]) await f.plan.connect(j).revealVote(1, true, SALT);
      await expect(f.plan.finalize(1)).to.be.revertedWithCustomError(f.plan, "WindowNotOpen");
      await time.increase(JURY);
      await expect(f.plan.connect(j2).revealVote(1, true, SALT)).to.be.revertedWithCustomError(f.plan, "WindowClosed");
      // j2 never revealed: 3 votes for (the quorum of 5 seats), 0 against
      await expect(f.plan.finalize(1)).to.emit(f.plan, "DisputeResolved").withArgs(1, true, 3, 0);
    });

    it("a tie decides nothing; when the redraw finds nobody left, the assessors' approval stands and each side gets its bond back", async function () {
      const f = await loadFixture(disputed);
      await jury(f.plan, 1, [[f.jurors[0], true], [f.jurors[1], true], [f.jurors[2], false], [f.jurors[3], false]]);
      await expect(f.plan.finalize(1)).to.emit(f.plan, "JuryDrawScheduled");
      expect((await f.plan.claimOf(1)).status).to.equal(Status.DISPUTED);
      await drawJury(f.plan, 1); // all four eligible members sat in round 1: an empty panel
      expect((await f.plan.juryOf(1)).jurors).to.deep.equal([]);
      await time.increase(2 * JURY);
      const tokens0 = await f.token.balanceOf(f.claimant.address);
      const balance0 = (await f.plan.memberOf(f.claimant.address)).balance;
      const challenger0 = (await f.plan.memberOf(f.other.address)).balance;
      await expect(f.plan.finalize(1)).to.emit(f.plan, "JuryFellBack").withArgs(1, 0, true)
        .and.to.emit(f.plan, "BondsReleased").withArgs(1, f.claimant.address, usd(10))
        .and.to.emit(f.plan, "BondsReleased").withArgs(1, f.other.address, usd(20));
      const before = await f.token.balanceOf(f.claimant.address);
      expect(before).to.equal(tokens0); // pull: credited, not sent
      expect((await f.plan.memberOf(f.claimant.address)).balance).to.equal(balance0 + usd(110));
      expect((await f.plan.memberOf(f.other.address)).balance).to.equal(challenger0 + usd(20));
      await f.plan.connect(f.claimant).withdraw(usd(110));
      expect(await f.token.balanceOf(f.claimant.address)).to.equal(before + usd(110));
      expect((await f.plan.claimOf(1)).status).to.equal(Status.PAID);
      await expectSolvent(expect, f.token, f.plan);
    });

    it("escalated claims are approved by a jury majority", async function () {
      const f = await loadFixture(submitted);
      await time.increase(ASSESS);
      await f.plan.escalate(1);
      await jury(f.plan, 1, [[f.jurors[0], true], [f.jurors[1], true], [f.jurors[2], false]]);
      await expect(f.plan.finalize(1)).to.emit(f.plan, "ClaimPaid").withArgs(1, f.claimant.address, usd(100), usd(100), 0, 0, 0);
    });
  });

  describe("payout caps", function () {
    async function pay(f, who, amount) {
      const id = (await f.plan.claimCount()) + 1n;
      await f.plan.connect(who).submitClaim(amount, EVIDENCE, await time.latest());
      await f.plan.connect(f.as1).vote(id, true);
      await f.plan.connect(f.as2).vote(id, true);
      await time.increase(NOTICE);
      const rc = await (await f.plan.finalize(id)).wait();
      const ev = rc.logs.map((l) => f.plan.interface.parseLog(l)).find((e) => e && e.name === "ClaimPaid");
      return ev.args.amount;
    }

    it("a short reserve pays what it holds and keeps the rest owed (gap 5: no silent cut)", async function () {
      const f = await loadFixture(plan5);
      expect(await f.plan.reserve()).to.equal(usd(1140)); // 6 members x 2 periods x 95
      expect(await pay(f, f.claimant, usd(1000))).to.equal(usd(1000));
      expect(await pay(f, f.other, usd(1000))).to.equal(usd(140));
      expect(await f.plan.reserve()).to.equal(0);
      const [paidNow, owed] = await f.plan.claimPayment(2);
      expect([paidNow, owed]).to.deep.equal([usd(140), usd(860)]);
      expect((await f.plan.owedQueue()).totalOwed).to.equal(usd(860));
      await expectSolvent(expect, f.token, f.plan);
    });

    it("the yearly maximum cuts a later claim; a new claim year starts after 365 days", async function () {
      const f = await loadFixture(plan5);
      for (const m of f.members.slice(0, 6)) await f.plan.connect(m).deposit(usd(3000));
      await time.increase(3 * PERIOD);
      for (const m of f.members.slice(0, 6)) await f.plan.settle(m.address);
      expect(await pay(f, f.claimant, usd(1000))).to.equal(usd(1000));
      expect(await pay(f, f.claimant, usd(900))).to.equal(usd(500)); // 1500 a year
      expect((await f.plan.claimOf(2)).paidInYear).to.equal(usd(1500));
      expect(await pay(f, f.claimant, usd(900))).to.equal(0n);
      await time.increase(365 * DAY);
      for (const m of f.members.slice(0, 6)) await f.plan.settle(m.address);
      expect(await pay(f, f.claimant, usd(900))).to.equal(usd(900));
      expect((await f.plan.claimOf(4)).paidInYear).to.equal(usd(900));
      await expectSolvent(expect, f.token, f.plan);
    });
  });
});
