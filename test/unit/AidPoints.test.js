const { expect } = require("chai");
const { ethers } = require("hardhat");
const { loadFixture } = require("@nomicfoundation/hardhat-network-helpers");
const { usd, deployProtocol, createPlan, fund } = require("../fixtures");

async function withPlan() {
  const f = await deployProtocol();
  const { plan } = await createPlan(f);
  await fund(f.token, f.members.slice(0, 3), plan.target);
  return { ...f, plan };
}

describe("AidPoints", function () {
  it("a plan mints a member's accrued points into that plan's own balance; nothing is transferable", async function () {
    const { plan, points, members } = await loadFixture(withPlan);
    const [a] = members;
    await plan.connect(a).join(usd(300), ethers.ZeroAddress);
    // 1 for the first contribution; the 10 joining points vest only after the waiting period
    expect((await plan.memberOf(a.address)).points).to.equal(1);
    await expect(plan.connect(a).claimPoints())
      .to.emit(plan, "PointsClaimed").withArgs(a.address, 1)
      .and.to.emit(points, "PointsMinted").withArgs(plan.target, a.address, 1);
    expect(await points.pointsOf(plan.target, a.address)).to.equal(1);
    expect(await points.totalOf(plan.target)).to.equal(1);
    expect((await plan.memberOf(a.address)).points).to.equal(0);
    await expect(plan.connect(a).claimPoints()).to.be.revertedWithCustomError(plan, "NoPointsAccrued").withArgs(a.address);
    for (const fn of ["transfer", "transferFrom", "approve", "balanceOf", "totalSupply"]) {
      expect(points.interface.getFunction(fn), fn).to.equal(null);
    }
    expect([await points.name(), await points.symbol(), await points.decimals()]).to.deep.equal(["Huzhu Aid Points", "AIDP", 0n]);
  });

  it("only registered plans mint", async function () {
    const { points, stranger, implementation } = await loadFixture(withPlan);
    await expect(points.connect(stranger).mint(stranger.address, 5)).to.be.revertedWithCustomError(points, "NotRegisteredPlan").withArgs(stranger.address);
    expect(await points.pointsOf(stranger.address, stranger.address)).to.equal(0);
    expect(implementation.target).to.not.equal(ethers.ZeroAddress);
  });

  it("refuses a zero registry", async function () {
    const F = await ethers.getContractFactory("AidPoints");
    await expect(F.deploy(ethers.ZeroAddress)).to.be.revertedWithCustomError(F, "ZeroRegistry");
  });
});
