#!/usr/bin/env node
// Browser test of published documents on a plan's page (headless Debian chromium + playwright-core): the rules
// text and a review text, fetched from the server's document store by the CIDv1 of their on-chain hash and shown
// only after the browser's own sha2-256 equals that hash; in English and in Chinese.
// Usage: node src/test/browser/documents-page.js PAGE_URL RULES_PLAN RULES_TEXT REVIEW_PLAN REVIEW_TEXT SCREENSHOT_DIR
"use strict";
const path = require("path");
const { check, failures, launch } = require("./harness");

const [base, rulesPlan, rulesText, reviewPlan, reviewText, outDir] = process.argv.slice(2);

async function main() {
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1100 }, locale: "en-US" });
    page.on("pageerror", (e) => failures.push("page error: " + e.message));
    const go = async (hash) => {
      await page.goto(base + hash);
      await page.waitForFunction((h) => document.body.dataset.ready === h, hash.replace(/^#/, ""));
    };
    await go("#/plan/" + rulesPlan);
    await page.waitForSelector(".rules-text.doc-verified, .rules-text.doc-missing, .rules-text.doc-refused");
    check((await page.locator(".rules-text pre").innerText()).trim() === rulesText.trim(), "rules text shown as stored");
    check((await page.locator(".rules-text small").innerText()).includes("verified"), "rules text verified against the on-chain hash");
    await page.screenshot({ path: path.join(outDir, "documents-rules-en.png"), fullPage: true });

    await go("#/plan/" + reviewPlan);
    await page.waitForSelector("table:has(caption:text('Reviews')) .review-text.doc-verified");
    check((await page.locator("table:has(caption:text('Reviews')) .review-text pre").innerText()).trim() === reviewText,
      "review text shown in the Reviews table");
    await page.click("#lang");
    await page.waitForSelector("table caption:text('评论')");
    await page.waitForSelector("table:has(caption:text('评论')) .review-text.doc-verified");
    check((await page.locator("table:has(caption:text('评论')) .review-text small").innerText()).includes("已验证"), "中文: 评论已验证");
    await page.screenshot({ path: path.join(outDir, "documents-review-zh.png"), fullPage: true });
  } finally {
    await browser.close();
  }
  if (failures.length) {
    console.log(failures.length + " check(s) failed");
    process.exit(1);
  }
}
main().catch((e) => { console.error(e); process.exit(2); });
