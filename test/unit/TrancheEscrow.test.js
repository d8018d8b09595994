// EDUCATION plans: an approved claim is paid in tranches, one per term, to the institution the
// claim names (TrancheEscrow). The attacks first (institution swap, double release, release after
// stop, non-assessor approval), then the schedule's arithmetic and timing.
const { expect } = require("chai");
const { ethers } = require("hardhat");
const { loadFixture, time } = require("@nomicfoundation/hardhat-network-helpers");
const { usd, DAY, PERIOD, Category, Status, EVIDENCE, deployProtocol, createPlan, fund, expectSolvent } = require("../fixtures");

const ZERO = ethers.ZeroAddress;
const NOTICE = 7 * DAY;
const TERM = 120 * DAY;
const PROOF = [ethers.id("enrolment term 1"), ethers.id("enrolment term 2"), ethers.id("enrolment term 3")];

async function educationPlan(members = 6) {
  const f = await deployProtocol();
  const { plan, rules } = await createPlan(f, { category: Category.EDUCATION });
  const housekeeping = await ethers.getContractAt("AidPoolHousekeeping", plan.target); // through the fallbacks
  const escrow = await ethers.getContractAt("TrancheEscrow", await housekeeping.trancheEscrow());
  await escrow.connect(f.operator).setTerms(plan.target, 3, TERM); // the creator
  await fund(f.token, [...f.members, f.stranger], plan.target);
  for (const m of f.members.slice(0, members)) await plan.connect(m).join(usd(600), ZERO);
  await time.increase(PERIOD + 1);
  for (const m of f.members.slice(0, members)) await plan.settle(m.address);
  const [student, other] = f.members;
  const school = f.signers[19];
  return { ...f, plan, rules, escrow, student, other, school };
}

/** A 300 claim, institution named, approved and finalized: PAID, credited to the escrow. */
async function paidClaim() {
  const f = await educationPlan();
  await f.plan.connect(f.student).submitClaim(usd(300), EVIDENCE, await time.latest());
  await f.escrow.connect(f.student).nameInstitution(f.plan.target, 1, f.school.address);
  await f.plan.connect(f.as1).vote(1, true);
  await f.plan.connect(f.as2).vote(1, true);
  await time.increase(NOTICE);
  await f.plan.finalize(1);
  return f;
}

const twoMembers = () => educationPlan(2);

async function approveTerm(f, term, assessors = [f.as1, f.as2]) {
  for (const a of assessors) await f.escrow.connect(a).approveEnrolment(f.plan.target, 1, PROOF[term]);
}

describe("TrancheEscrow (EDUCATION tranches)", function () {
  describe("attacks", function () {
    it("institution swap: named once, only by the claimant, only before any assessor votes", async function () {
      const f = await loadFixture(educationPlan);
      await f.plan.connect(f.student).submitClaim(usd(300), EVIDENCE, await time.latest());
      await expect(f.escrow.connect(f.other).nameInstitution(f.plan.target, 1, f.other.address))
        .to.be.revertedWithCustomError(f.escrow, "NotClaimant").withArgs(1, f.other.address);
      await expect(f.escrow.connect(f.student).nameInstitution(f.plan.target, 1, f.student.address))
        .to.be.revertedWithCustomError(f.escrow, "InvalidInstitution").withArgs(f.student.address);
      await f.escrow.connect(f.student).nameInstitution(f.plan.target, 1, f.school.address);
      await expect(f.escrow.connect(f.student).nameInstitution(f.plan.target, 1, f.stranger.address))
        .to.be.revertedWithCustomError(f.escrow, "InstitutionAlreadyNamed").withArgs(1, f.school.address);
      await f.plan.connect(f.as1).vote(1, true);
      // a second claim of another member: naming closes at the first vote
      await f.plan.connect(f.other).submitClaim(usd(100), EVIDENCE, await time.latest());
      await f.plan.connect(f.as1).vote(2, true);
      await expect(f.escrow.connect(f.other).nameInstitution(f.plan.target, 2, f.stranger.address))
        .to.be.revertedWithCustomError(f.escrow, "NamingClosed").withArgs(2);
      expect((await f.escrow.scheduleOf(f.plan.target, 1)).institution).to.equal(f.school.address);
    });

    it("the payout never reaches the member: it is the escrow's credit, which only the escrow moves", async function () {
      const f = await loadFixture(paidClaim);
      const escrowAddr = await f.escrow.getAddress();
      expect(await f.plan.withdrawable(escrowAddr)).to.equal(usd(300));
      // the student got back only the claim bond (10), never the 300
      expect((await f.plan.memberOf(f.student.address)).balance).to.be.lessThan(usd(600));
      const asHousekeeping = await ethers.getContractAt("AidPoolHousekeeping", f.plan.target);
      await expect(asHousekeeping.connect(f.student).moveEscrowCredit(f.student.address, usd(300)))
        .to.be.revertedWithCustomError(f.plan, "NotTrancheEscrow").withArgs(f.student.address);
      await expectSolvent(expect, f.token, f.plan);
    });

    it("double release: one tranche per term, each assessor once, never beyond the schedule", async function () {
      const f = await loadFixture(paidClaim);
      await f.escrow.connect(f.as1).approveEnrolment(f.plan.target, 1, PROOF[0]);
      await expect(f.escrow.connect(f.as1).approveEnrolment(f.plan.target, 1, PROOF[0]))
        .to.be.revertedWithCustomError(f.escrow, "AlreadyApproved").withArgs(f.as1.address, 0);
      await f.escrow.connect(f.as2).approveEnrolment(f.plan.target, 1, PROOF[0]); // quorum: term 0 released
      // the third assessor's late approval of term 0 now counts for term 1, which is not open
      const started = (await f.escrow.scheduleOf(f.plan.target, 1)).startedAt;
      await expect(f.escrow.connect(f.as3).approveEnrolment(f.plan.target, 1, PROOF[0]))
        .to.be.revertedWithCustomError(f.escrow, "TermNotOpen").withArgs(1, started + BigInt(TERM));
      await time.increase(TERM);
      await approveTerm(f, 1);
      await time.increase(TERM);
      await approveTerm(f, 2);
      await expect(f.escrow.connect(f.as3).approveEnrolment(f.plan.target, 1, PROOF[2]))
        .to.be.revertedWithCustomError(f.escrow, "AllReleased").withArgs(1);
      expect(await f.plan.withdrawable(f.school.address)).to.equal(usd(300)); // exactly the claim
      expect(await f.plan.withdrawable(await f.escrow.getAddress())).to.equal(0);
      await expectSolvent(expect, f.token, f.plan);
    });

    it("release after stop: refused; the unreleased rest goes back to the reserve, once", async function () {
      const f = await loadFixture(paidClaim);
      await approveTerm(f, 0); // 100 to the school
      const reserveBefore = await f.plan.reserve();
      await expect(f.escrow.connect(f.student).stop(f.plan.target, 1))
        .to.emit(f.escrow, "UnreleasedReturned").withArgs(f.plan.target, 1, usd(200))
        .and.to.emit(f.plan, "EscrowReturned").withArgs(usd(200));
      expect(await f.plan.reserve()).to.equal(reserveBefore + usd(200));
      await time.increase(TERM);
      await expect(f.escrow.connect(f.as1).approveEnrolment(f.plan.target, 1, PROOF[1]))
        .to.be.revertedWithCustomError(f.escrow, "ScheduleIsStopped").withArgs(1);
      await expect(f.escrow.connect(f.student).stop(f.plan.target, 1))
        .to.be.revertedWithCustomError(f.escrow, "ScheduleIsStopped").withArgs(1);
      await expect(f.escrow.returnUnreleased(f.plan.target, 1))
        .to.be.revertedWithCustomError(f.escrow, "NothingToReturn").withArgs(1);
      expect(await f.plan.withdrawable(f.school.address)).to.equal(usd(100));
      await expectSolvent(expect, f.token, f.plan);
    });

    it("non-assessor approval is refused; a stranger stops only a lapsed term", async function () {
      const f = await loadFixture(paidClaim);
      await expect(f.escrow.connect(f.stranger).approveEnrolment(f.plan.target, 1, PROOF[0]))
        .to.be.revertedWithCustomError(f.escrow, "NotAssessor").withArgs(f.stranger.address);
      await expect(f.escrow.connect(f.student).approveEnrolment(f.plan.target, 1, PROOF[0]))
        .to.be.revertedWithCustomError(f.escrow, "NotAssessor").withArgs(f.student.address);
      await expect(f.escrow.connect(f.stranger).stop(f.plan.target, 1))
        .to.be.revertedWithCustomError(f.escrow, "NotLapsed").withArgs(0);
      await approveTerm(f, 0);
      const started = (await f.escrow.scheduleOf(f.plan.target, 1)).startedAt;
      const lapsesAt = started + 2n * BigInt(TERM); // term 1 opens at +TERM and lapses a term later
      await expect(f.escrow.connect(f.stranger).stop(f.plan.target, 1))
        .to.be.revertedWithCustomError(f.escrow, "NotLapsed").withArgs(lapsesAt);
      await time.increaseTo(lapsesAt);
      await expect(f.escrow.connect(f.stranger).stop(f.plan.target, 1))
        .to.emit(f.escrow, "ScheduleStopped").withArgs(f.plan.target, 1, f.stranger.address, 1);
    });

    it("different proofs do not add up to a quorum", async function () {
      const f = await loadFixture(paidClaim);
      await f.escrow.connect(f.as1).approveEnrolment(f.plan.target, 1, PROOF[0]);
      await f.escrow.connect(f.as2).approveEnrolment(f.plan.target, 1, PROOF[1]);
      expect((await f.escrow.scheduleOf(f.plan.target, 1)).released).to.equal(0);
      expect((await f.escrow.approvalsOf(f.plan.target, 1, 0, PROOF[0])).approvals).to.equal(1);
    });
  });

  describe("schedule", function () {
    it("three tranches of a 100 claim: 33.333333, 33.333333, 33.333334 (Σ = 100 exactly)", async function () {
      const f = await loadFixture(deployProtocol);
      const e = await ethers.deployContract("TrancheEscrow");
      const total = usd(100);
      const parts = [0, 1, 2].map((k) => e.trancheAmount(total, 3, k));
      expect(await Promise.all(parts)).to.deep.equal([33_333_333n, 33_333_333n, 33_333_334n]);
      f; // the fixture only warms the chain
    });

    it("releases each term's tranche to the institution's free balance, which it withdraws", async function () {
      const f = await loadFixture(paidClaim);
      await expect(f.escrow.connect(f.as1).approveEnrolment(f.plan.target, 1, PROOF[0]))
        .to.emit(f.escrow, "EnrolmentApproved").withArgs(f.plan.target, 1, 0, f.as1.address, PROOF[0], 1);
      await expect(f.escrow.connect(f.as2).approveEnrolment(f.plan.target, 1, PROOF[0]))
        .to.emit(f.escrow, "TrancheReleased").withArgs(f.plan.target, 1, 0, f.school.address, usd(100), PROOF[0])
        .and.to.emit(f.plan, "EscrowReleased").withArgs(f.school.address, usd(100));
      const s = await f.escrow.scheduleOf(f.plan.target, 1);
      expect([s.tranches, s.released, s.total, s.releasedAmount, s.termLength])
        .to.deep.equal([3n, 1n, usd(300), usd(100), BigInt(TERM)]);
      expect(await f.escrow.termOpensAt(f.plan.target, 1, 1)).to.equal(s.startedAt + BigInt(TERM));
      await expect(f.plan.connect(f.school).withdraw(usd(100))).to.changeTokenBalance(f.token, f.school, usd(100));
      await expectSolvent(expect, f.token, f.plan);
    });

    it("a tranche the plan still owes waits until the plan has paid it", async function () {
      const f = await loadFixture(twoMembers);
      const reserve = await f.plan.reserve(); // 2 members x 2 periods x 95 (100 less the 5% fee) = 380
      expect(reserve).to.equal(usd(380));
      const amount = usd(900);
      await f.plan.connect(f.student).submitClaim(amount, EVIDENCE, await time.latest());
      await f.escrow.connect(f.student).nameInstitution(f.plan.target, 1, f.school.address);
      await f.plan.connect(f.as1).vote(1, true);
      await f.plan.connect(f.as2).vote(1, true);
      await time.increase(NOTICE);
      await f.plan.finalize(1);
      const [paid, owed] = await f.plan.claimPayment(1);
      expect(paid).to.equal(reserve);
      expect(paid + owed).to.equal(amount);
      await approveTerm(f, 0); // 300 <= paid
      await time.increase(TERM);
      await f.escrow.connect(f.as1).approveEnrolment(f.plan.target, 1, PROOF[1]);
      await expect(f.escrow.connect(f.as2).approveEnrolment(f.plan.target, 1, PROOF[1]))
        .to.be.revertedWithCustomError(f.escrow, "TrancheNotPaid").withArgs(usd(600), paid);
    });

    it("terms: only the creator, once, before the first claim, only for EDUCATION plans, in bounds", async function () {
      const f = await loadFixture(educationPlan);
      await expect(f.escrow.connect(f.operator).setTerms(f.plan.target, 2, TERM))
        .to.be.revertedWithCustomError(f.escrow, "TermsAlreadySet").withArgs(f.plan.target);
      const { plan: fresh } = await createPlan(f, { category: Category.EDUCATION });
      await expect(f.escrow.connect(f.stranger).setTerms(fresh.target, 2, TERM))
        .to.be.revertedWithCustomError(f.escrow, "NotPlanCreator").withArgs(f.stranger.address);
      await expect(f.escrow.connect(f.operator).setTerms(fresh.target, 13, TERM))
        .to.be.revertedWithCustomError(f.escrow, "InvalidTerms").withArgs(13, TERM);
      await expect(f.escrow.connect(f.operator).setTerms(fresh.target, 2, DAY - 1))
        .to.be.revertedWithCustomError(f.escrow, "InvalidTerms").withArgs(2, DAY - 1);
      const { plan: medical } = await createPlan(f);
      await expect(f.escrow.connect(f.operator).setTerms(medical.target, 2, TERM))
        .to.be.revertedWithCustomError(f.escrow, "NotEducationPlan").withArgs(medical.target);
      await f.plan.connect(f.student).submitClaim(usd(100), EVIDENCE, await time.latest());
      await expect(f.escrow.connect(f.operator).setTerms(f.plan.target, 2, TERM))
        .to.be.revertedWithCustomError(f.escrow, "TermsAlreadySet");
    });

    it("a paid claim with no institution named goes back to the reserve (anyone may stop it)", async function () {
      const f = await loadFixture(educationPlan);
      await f.plan.connect(f.student).submitClaim(usd(300), EVIDENCE, await time.latest());
      await f.plan.connect(f.as1).vote(1, true);
      await f.plan.connect(f.as2).vote(1, true);
      await time.increase(NOTICE);
      await f.plan.finalize(1);
      expect((await f.plan.claimOf(1)).status).to.equal(Status.PAID);
      await expect(f.escrow.connect(f.as1).approveEnrolment(f.plan.target, 1, PROOF[0]))
        .to.be.revertedWithCustomError(f.escrow, "NoSchedule").withArgs(1);
      const before = await f.plan.reserve();
      await f.escrow.connect(f.stranger).stop(f.plan.target, 1);
      expect(await f.plan.reserve()).to.equal(before + usd(300));
      await expectSolvent(expect, f.token, f.plan);
    });

    it("a medical plan still credits the claimant", async function () {
      const f = await loadFixture(deployProtocol);
      const { plan } = await createPlan(f);
      await fund(f.token, f.members.slice(0, 3), plan.target);
      for (const m of f.members.slice(0, 3)) await plan.connect(m).join(usd(600), ZERO);
      await time.increase(PERIOD + 1);
      for (const m of f.members.slice(0, 3)) await plan.settle(m.address);
      const before = await plan.withdrawable(f.members[0].address);
      await plan.connect(f.members[0]).submitClaim(usd(100), EVIDENCE, await time.latest());
      await plan.connect(f.as1).vote(1, true);
      await plan.connect(f.as2).vote(1, true);
      await time.increase(NOTICE);
      await plan.finalize(1);
      expect(await plan.withdrawable(f.members[0].address)).to.equal(before + usd(110)); // the claim bond (10) back + 100
    });
  });
});
