#!/usr/bin/env node
// Browser test of the relief campaigns on the transparency page (headless Debian chromium + playwright-core).
// Usage: node src/test/browser/campaign-page.js PAGE_URL SCREENSHOT_DIR SPEC.json
// SPEC (written by ReliefCliIT from the contracts' own views through the web3j wrappers):
//   {symbol, decimals: the campaign token's symbol() and decimals(),
//    campaigns: [{address, percent: books().raised * 100 / terms().goal (at most 100), state: status(),
//                 paid: books().paidMilestones, raised, released: books().raised / .released in base units,
//                 pointsMinted: AidPoints.totalOf(campaign),
//                 milestones: [{amount, descriptionHash}: milestone(i) for i < milestoneCount()]}]}
// The page shows amounts as "350.00 mUSD": parsed back to base units here with the token's decimals.
"use strict";
const fs = require("fs");
const path = require("path");
const { check, failures, launch } = require("./harness");

const [base, outDir, specFile] = process.argv.slice(2);
const spec = JSON.parse(fs.readFileSync(specFile, "utf8"));
const campaigns = spec.campaigns;
const ZH_STATES = { FUNDRAISING: "募捐中", FUNDED: "已达目标", COMPLETED: "已完成", FAILED: "未达目标", CANCELLED: "已取消" };
// "1,234.50 mUSD" -> base units (string), with the token's decimals; null when the label is not the token's symbol
function baseUnits(text) {
  const m = text.trim().match(/^(-?[\d,]+)\.(\d+) (\S+)$/);
  if (!m || m[3] !== spec.symbol) return null;
  const frac = m[2].padEnd(spec.decimals, "0");
  if (frac.length > spec.decimals) return null;
  return (BigInt(m[1].replace(/,/g, "")) * 10n ** BigInt(spec.decimals) + BigInt(frac || "0")).toString();
}

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
      const units = async (cls) => baseUnits(await page.locator("#campaign-figures ." + cls).innerText());
      check(await units("raised") === c.raised, `${tag}: raised ${c.raised} base units of ${spec.symbol} (books().raised)`);
      check(await units("released") === c.released, `${tag}: released ${c.released} base units (books().released)`);
      check(await page.locator("#campaign-figures .token-symbol").innerText() === spec.symbol, `${tag}: token ${spec.symbol} (symbol())`);
      check(await page.locator("#campaign-figures .points-minted").getAttribute("data-points") === c.pointsMinted
        && (await page.locator("#campaign-figures .points-minted").innerText()).includes(c.pointsMinted), `${tag}: donor points ${c.pointsMinted} (AidPoints.totalOf(campaign))`);
      if (zh) {
        check((await page.locator("#campaign-figures .campaign-state").innerText()) === ZH_STATES[c.state], `${tag}: 状态 ${ZH_STATES[c.state]}`);
      }
      // the timeline: every milestone of the plan, in order, released ones first, with its planned amount and description hash
      const items = await page.locator("#milestones li.milestone").evaluateAll((els) => els.map((e) => ({
        key: e.dataset.milestone + ":" + e.dataset.state, state: e.querySelector(".milestone-state").innerText,
        planned: e.querySelector(".planned").innerText, hash: e.querySelector(".description-hash").innerText,
        released: e.querySelector(".amount") ? e.querySelector(".amount").innerText : null })));
      const expected = c.milestones.map((m, i) => i + ":" + (i < c.paid ? "released" : "pending"));
      check(JSON.stringify(items.map((m) => m.key)) === JSON.stringify(expected),
        `${tag}: timeline ${JSON.stringify(items.map((m) => m.key))} = ${c.milestones.length} milestones (milestoneCount()), 0..${c.paid - 1} released (books().paidMilestones)`);
      c.milestones.forEach((m, i) => {
        const shown = items[i] || {};
        check(baseUnits(shown.planned || "") === m.amount, `${tag}: milestone ${i} planned ${m.amount} base units (milestone(${i}).amount), shown ${shown.planned}`);
        check(shown.hash === m.descriptionHash, `${tag}: milestone ${i} description hash ${m.descriptionHash} (milestone(${i}))`);
        const word = i < c.paid ? (zh ? "已拨付" : "released") : (zh ? "待拨付" : "pending");
        check(shown.state === word, `${tag}: milestone ${i} says ${word}`);
      });
      const releasedSum = items.filter((m) => m.released).reduce((a, m) => a + BigInt(baseUnits(m.released) || "-1"), 0n);
      check(releasedSum.toString() === c.released, `${tag}: the timeline's releases add up to books().released ${c.released} (got ${releasedSum})`);
      const pending = await page.locator(".milestones-pending").innerText();
      check(c.paid === c.milestones.length || pending.includes(zh ? "待拨付" : "pending"), `${tag}: pending milestones said: ${pending}`);
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
