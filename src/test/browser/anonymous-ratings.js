#!/usr/bin/env node
// Browser test of a plan's anonymous ratings on the transparency page (headless Chromium + playwright-core).
// Usage: node src/test/browser/anonymous-ratings.js PAGE_URL PLAN_ADDRESS EXPECTED_AVERAGE EXPECTED_COUNT EXPECTED_REGISTERED
// Checks, in English and in Chinese, the anonymous average and count, the registered members and the rating's row.
"use strict";
const { check, failures, launch } = require("./harness");

const [base, plan, average, count, registered] = process.argv.slice(2);

async function main() {
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, locale: "en-US" });
    page.on("pageerror", (e) => failures.push("page error: " + e.message));
    const hash = "#/plan/" + plan;
    await page.goto(base + hash);
    await page.waitForFunction((h) => document.body.dataset.ready === h, hash.replace(/^#/, ""));
    const text = async (sel) => (await page.locator(sel).allInnerTexts()).join("\n");
    const expected = `${Number(average).toFixed(1)} (${count})`;
    check((await text("#anonymous-rating")).trim() === expected, `plan: anonymous rating ${expected}`);
    const dl = await text("main dl");
    check(dl.includes("Members registered for anonymous rating") && dl.includes(registered), `plan: ${registered} registered members`);
    const rows = await text("table:has(caption:text('Anonymous ratings')) tbody");
    check(rows.includes("★".repeat(Math.round(Number(average)))), "plan: the anonymous rating's stars listed");
    await page.click("#lang");
    await page.waitForFunction(() => document.documentElement.lang === "zh-CN" && document.body.dataset.ready);
    await page.waitForSelector("table caption:text('匿名评价')");
    check((await text("main")).includes("匿名评价（零知识成员证明）") && (await text("#anonymous-rating")).trim() === expected,
      `plan (中文): 匿名评价 ${expected}`);
  } finally {
    await browser.close();
  }
  if (failures.length) {
    console.log(`${failures.length} failed:\n  ${failures.join("\n  ")}`);
    process.exit(1);
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
