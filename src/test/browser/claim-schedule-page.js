#!/usr/bin/env node
// Browser test of an EDUCATION claim's tranche schedule on the transparency page (headless chromium + playwright-core).
// Usage: node src/test/browser/claim-schedule-page.js PAGE_URL SCREENSHOT_DIR SPEC.json
// SPEC (written by EducationTranchesIT from TrancheEscrow's own views through the web3j wrapper):
//   {plan, claimId, symbol, decimals: the plan token's symbol() and decimals(),
//    institution, tranches, termLength, total, releasedAmount, returnedAmount, released, stopped: scheduleOf(plan, claim),
//    terms: [{amount: trancheAmount(total, tranches, k), opensAt: termOpensAt(plan, claim, k), state}]}
// The page shows amounts as "75.00 mUSD": parsed back to base units here with the token's decimals.
"use strict";
const fs = require("fs");
const path = require("path");
const { check, failures, launch } = require("./harness");

const [base, outDir, specFile] = process.argv.slice(2);
const spec = JSON.parse(fs.readFileSync(specFile, "utf8"));
function baseUnits(text) {
  const m = (text || "").trim().match(/^(-?[\d,]+)\.(\d+) (\S+)$/);
  if (!m || m[3] !== spec.symbol) return null;
  const frac = m[2].padEnd(spec.decimals, "0");
  if (frac.length > spec.decimals) return null;
  return (BigInt(m[1].replace(/,/g, "")) * 10n ** BigInt(spec.decimals) + BigInt(frac || "0")).toString();
}
const ZH_STATES = { released: "已拨付", stopped: "已停止", waiting: "等待中" };

async function main() {
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1300, height: 1000 }, locale: "en-US" });
    page.on("pageerror", (e) => failures.push("page error: " + e.message));
    const ready = (hash) => page.waitForFunction((h) => document.body.dataset.ready === h, hash.replace(/^#/, ""));
    const claimHash = `#/claim/${spec.plan}/${spec.claimId}`;
    const scheduleChecks = async (zh) => {
      const tag = zh ? "schedule (中文)" : "schedule";
      const fig = (cls) => page.locator("#schedule-figures ." + cls);
      check((await fig("institution").locator("a").first().getAttribute("href")).toLowerCase() === "#/member/" + spec.institution.toLowerCase(),
        `${tag}: institution ${spec.institution} (scheduleOf().institution)`);
      check(await fig("tranches").innerText() === String(spec.tranches), `${tag}: ${spec.tranches} tranches (scheduleOf().tranches)`);
      check(await fig("term-length").getAttribute("data-seconds") === String(spec.termLength), `${tag}: term ${spec.termLength} s (scheduleOf().termLength)`);
      check(baseUnits(await fig("total").innerText()) === spec.total, `${tag}: granted ${spec.total} base units (scheduleOf().total)`);
      check(baseUnits(await page.locator("#schedule-figures .released-amount").innerText()) === spec.releasedAmount, `${tag}: released ${spec.releasedAmount} base units (scheduleOf().releasedAmount)`);
      check(baseUnits(await fig("returned").innerText()) === spec.returnedAmount, `${tag}: returned ${spec.returnedAmount} base units (scheduleOf().returnedAmount)`);
      check(await fig("stopped").getAttribute("data-stopped") === String(spec.stopped), `${tag}: stopped ${spec.stopped} (scheduleOf().stopped)`);
      const terms = await page.locator("#schedule li.term").evaluateAll((els) => els.map((e) => ({ term: e.dataset.term, state: e.dataset.state,
        opens: e.dataset.opens, tranche: e.querySelector(".tranche").innerText, word: e.querySelector(".term-state").innerText,
        proof: !!e.querySelector("small") })));
      check(terms.length === spec.terms.length, `${tag}: ${spec.terms.length} terms listed (scheduleOf().tranches)`);
      spec.terms.forEach((k, i) => {
        const shown = terms[i] || {};
        check(baseUnits(shown.tranche) === k.amount, `${tag}: term ${i + 1} tranche ${k.amount} base units (trancheAmount), shown ${shown.tranche}`);
        check(shown.state === k.state, `${tag}: term ${i + 1} ${k.state} (scheduleOf().released/stopped), shown ${shown.state}`);
        check(shown.opens === String(k.opensAt), `${tag}: term ${i + 1} opens at ${k.opensAt} (termOpensAt), shown ${shown.opens}`);
        check(shown.proof === (k.state === "released"), `${tag}: term ${i + 1} ${k.state === "released" ? "shows its release" : "shows no release"}`);
        if (zh && ZH_STATES[k.state]) check(shown.word === ZH_STATES[k.state], `${tag}: term ${i + 1} says ${ZH_STATES[k.state]}`);
      });
    };

    // English: from the plan page's claims table to the claim's page
    await page.goto(base + "#/plan/" + spec.plan);
    await ready("#/plan/" + spec.plan);
    await page.click(`a.claim-link[href="${claimHash}"]`);
    await ready(claimHash);
    await scheduleChecks(false);
    await page.screenshot({ path: path.join(outDir, "claim-schedule-en.png"), fullPage: true });

    // Chinese on a phone (390 px): the same figures, no English word left, nothing wider than the screen
    await page.setViewportSize({ width: 390, height: 844 });
    await page.click("#lang");
    await page.waitForSelector("#schedule-figures dt:text('教育机构')");
    await scheduleChecks(true);
    const text = (await page.locator("main").innerText()).replace(/0x[0-9a-fA-F]+(…[0-9a-fA-F]+)?/g, "").replace(/mUSD|UTC/g, "");
    const english = text.match(/[A-Za-z]{3,}/g);
    check(!english, "claim (中文): no English words left" + (english ? ": " + english.join(", ") : ""));
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    check(width <= 390, `claim (中文) at 390 px: page width ${width}`);
    await page.screenshot({ path: path.join(outDir, "claim-schedule-zh-390.png"), fullPage: true });
  } finally {
    await browser.close();
  }
  if (failures.length) {
    console.error("claim schedule page: " + failures.length + " check(s) failed:\n  " + failures.join("\n  "));
    process.exit(1);
  }
  console.log("claim schedule page: all checks passed");
}

main().catch((e) => { console.error(e.stack || e); process.exit(2); });
