#!/usr/bin/env node
// Browser test of the relief campaigns on the transparency page (headless Debian chromium + playwright-core).
// Usage: node src/test/browser/campaign-page.js PAGE_URL SCREENSHOT_DIR CAMPAIGN:PERCENT:STATE:PAID:COUNT:RAISED:RELEASED ...
// For each campaign the Java test read the contract's own views through the web3j wrapper: PERCENT = books().raised
// * 100 / terms().goal (at most 100), STATE = status(), PAID = books().paidMilestones (released in order: 0..PAID-1),
// COUNT = milestoneCount(), RAISED and RELEASED = books().raised / .released in base units (no plan on the campaign's
// token in this world, so the page shows base units: "350,000,000 base units of 0x…").
"use strict";
const path = require("path");
const { check, failures, launch } = require("./harness");

const [base, outDir, ...specs] = process.argv.slice(2);
const campaigns = specs.map((s) => { const [address, percent, state, paid, count, raised, released] = s.split(":");
  return { address, percent: Number(percent), state, paid: Number(paid), count: Number(count), raised, released }; });
const ZH_STATES = { FUNDRAISING: "募捐中", FUNDED: "已达目标", COMPLETED: "已完成", FAILED: "未达目标", CANCELLED: "已取消" };

async function main() {
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1300, height: 1000 }, locale: "en-US" });
    page.on("pageerror", (e) => failures.push("page error: " + e.message));
    const go = async (hash) => {
      await page.goto(base + hash);
      await page.waitForFunction((h) => document.body.dataset.ready === h, hash.replace(/^#/, ""));
    };
    const campaignChecks = async (c, zh) => {
      const tag = (zh ? "(中文) " : "") + c.address.slice(0, 10);
      const bar = page.locator("#campaign-progress [aria-valuenow]");
      check(await bar.getAttribute("aria-valuenow") === String(c.percent), `${tag}: progress aria-valuenow ${c.percent} (books().raised / terms().goal)`);
      check(await page.locator("#campaign-progress progress").evaluate((e) => e.value) === c.percent, `${tag}: <progress> value ${c.percent}`);
      check(await page.locator("#campaign-figures .campaign-state").getAttribute("data-state") === c.state, `${tag}: state ${c.state} (status())`);
      const units = async (cls) => (await page.locator("#campaign-figures ." + cls).innerText()).split(" ")[0].replace(/,/g, "");
      check(await units("raised") === c.raised, `${tag}: raised ${c.raised} base units (books().raised)`);
      check(await units("released") === c.released, `${tag}: released ${c.released} base units (books().released)`);
      if (zh) {
        check((await page.locator("#campaign-figures .campaign-state").innerText()) === ZH_STATES[c.state], `${tag}: 状态 ${ZH_STATES[c.state]}`);
      }
      const released = await page.locator("#milestones li.milestone").evaluateAll((els) => els.map((e) => e.dataset.milestone + ":" + e.dataset.state));
      const expected = Array.from({ length: c.paid }, (_, i) => i + ":released");
      check(JSON.stringify(released) === JSON.stringify(expected), `${tag}: timeline ${JSON.stringify(released)} = released milestones 0..${c.paid - 1} of ${c.count} (books().paidMilestones)`);
      const states = await page.locator("#milestones .milestone-state").allInnerTexts();
      check(states.every((s) => s === (zh ? "已拨付" : "released")), `${tag}: each timeline entry says ${zh ? "已拨付" : "released"}`);
      const pending = await page.locator(".milestones-pending").innerText();
      check(c.paid === 0 ? pending.includes(zh ? "均为待拨付" : "all pending") : pending.includes(zh ? "待拨付" : "pending"), `${tag}: later milestones pending: ${pending}`);
    };

    // English: the home page lists each campaign with its progress and state, linked to its page
    await go("#/");
    for (const c of campaigns) {
      const row = page.locator(`#campaigns tbody tr:has(a[href="#/campaign/${c.address}"])`);
      check(await row.count() === 1, `home: a row linking #/campaign/${c.address}`);
      check(await row.locator("[aria-valuenow]").getAttribute("aria-valuenow") === String(c.percent), `home: ${c.address.slice(0, 10)} progress ${c.percent}`);
      check(await row.locator(".campaign-state").getAttribute("data-state") === c.state, `home: ${c.address.slice(0, 10)} state ${c.state}`);
    }
    check((await page.locator("#campaigns caption").innerText()).startsWith("Relief campaigns"), "home: Relief campaigns caption");
    await page.screenshot({ path: path.join(outDir, "campaigns-home-en.png"), fullPage: true });
    for (const c of campaigns) {
      await page.click(`#campaigns a[href="#/campaign/${c.address}"]`);
      await page.waitForFunction((h) => document.body.dataset.ready === h, "/campaign/" + c.address);
      await campaignChecks(c, false);
      await page.screenshot({ path: path.join(outDir, `campaign-${c.address.slice(0, 8)}-en.png`), fullPage: true });
      await go("#/");
    }

    // Chinese, on a phone (390 px): the same figures and states, no English word left, nothing wider than the screen
    await page.setViewportSize({ width: 390, height: 844 });
    await page.click("#lang");
    await page.waitForSelector("#campaigns caption:text('救灾募捐')");
    for (const c of campaigns) {
      await go("#/campaign/" + c.address);
      await campaignChecks(c, true);
      const text = (await page.locator("main").innerText())
        .replace(/0x[0-9a-fA-F]+(…[0-9a-fA-F]+)?/g, "").replace(/mUSD|UTC|sha2-256/g, "");
      const english = text.match(/[A-Za-z]{3,}/g);
      check(!english, "campaign (中文): no English words left" + (english ? ": " + english.join(", ") : ""));
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      check(width <= 390, `campaign (中文) at 390 px: page width ${width}`);
      await page.screenshot({ path: path.join(outDir, `campaign-${c.address.slice(0, 8)}-zh-390.png`), fullPage: true });
    }
    await go("#/");
    check(await page.evaluate(() => document.documentElement.scrollWidth) <= 390, "home (中文) at 390 px: no wider than the screen");
  } finally {
    await browser.close();
  }
  if (failures.length) {
    console.error("campaign page: " + failures.length + " check(s) failed:\n  " + failures.join("\n  "));
    process.exit(1);
  }
  console.log("campaign page: all checks passed");
}

main().catch((e) => { console.error(e.stack || e); process.exit(2); });
