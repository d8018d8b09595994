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
  it("a plan mints a member's accrued points; they cannot be transferred or approved", async function () {
    const { plan, points, members } = await loadFixture(withPlan);
    const [a, b] = members;
    await plan.connect(a).join(usd(300), ethers.ZeroAddress);
    // 10 for joining + 1 for the first contribution
    expect((await plan.memberOf(a.address)).points).to.equal(11);
    await expect(plan.connect(a).claimPoints())
      .to.emit(plan, "PointsClaimed").withArgs(a.address, 11)
      .and.to.emit(points, "PointsMinted").withArgs(plan.target, a.address, 11)
      .and.to.emit(points, "Transfer").withArgs(ethers.ZeroAddress, a.address, 11);
    expect(await points.balanceOf(a.address)).to.equal(11);
    expect(await points.totalSupply()).to.equal(11);
    expect((await plan.memberOf(a.address)).points).to.equal(0);
    await expect(plan.connect(a).claimPoints()).to.be.revertedWithCustomError(plan, "NothingToClaim");
    await expect(points.connect(a).transfer(b.address, 1)).to.be.revertedWithCustomError(points, "PointsNonTransferable");
    await expect(points.connect(a).transferFrom(a.address, b.address, 1)).to.be.revertedWithCustomError(points, "PointsNonTransferable");
    await expect(points.connect(a).approve(b.address, 1)).to.be.revertedWithCustomError(points, "PointsNonTransferable");
    expect(await points.allowance(a.address, b.address)).to.equal(0);
    expect([await points.name(), await points.symbol(), await points.decimals()]).to.deep.equal(["Huzhu Aid Points", "AIDP", 0n]);
  });

  it("only registered plans mint", async function () {
    const { points, stranger, implementation } = await loadFixture(withPlan);
    await expect(points.connect(stranger).mint(stranger.address, 5)).to.be.revertedWithCustomError(points, "NotRegisteredPlan").withArgs(stranger.address);
    // an unregistered clone of the implementation cannot mint either
    expect(await points.balanceOf(stranger.address)).to.equal(0);
    expect(implementation.target).to.not.equal(ethers.ZeroAddress);
  });

  it("refuses a zero registry", async function () {
    const F = await ethers.getContractFactory("AidPoints");
    await expect(F.deploy(ethers.ZeroAddress)).to.be.revertedWithCustomError(F, "ZeroRegistry");
  });
});
