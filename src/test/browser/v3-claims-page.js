#!/usr/bin/env node
// Browser test of protocol v3 on the transparency page (headless Debian chromium + playwright-core).
// Usage: node src/test/browser/v3-claims-page.js PAGE_URL OWED_PLAN CLAIMANT VOTED_PLAN PAID OWED EXIT_LEFT SCREENSHOT_DIR
// PAID, OWED (claim #1) and EXIT_LEFT (the voted plan's exit pool not yet taken) are the contracts' views
// (claimPayment, windDown) read by the Java test through the wrappers and formatted as the page formats amounts.
"use strict";
const path = require("path");
const { check, failures, launch } = require("./harness");

const [base, owedPlan, claimant, votedPlan, paid, owed, exitLeft, outDir] = process.argv.slice(2);

async function main() {
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1100 }, locale: "en-US" });
    page.on("pageerror", (e) => failures.push("page error: " + e.message));
    const go = async (hash) => {
      await page.goto(base + hash);
      await page.waitForFunction((h) => document.body.dataset.ready === h, hash.replace(/^#/, ""));
    };
    const row = async (caption, claimNo) => {
      const rows = await page.locator(`table:has(caption:text('${caption}')) tbody tr`).allInnerTexts();
      return rows.find((r) => r.split("\t").some((cell) => cell.trim() === "#" + claimNo)) || "";
    };
    // the claim cell links to the claim's page (#/claim/PLAN/ID): its text is the link's
    const cells = async (caption, claimNo, cls) => page.locator(`table:has(caption:text('${caption}')) tbody tr:has(a.claim-link:text-is('#${claimNo}')) .${cls}`).innerText();

    // English: the owed plan's claims, paid and owed as the contract's claimPayment says
    await go("#/plan/" + owedPlan);
    check((await cells("Claims and their states", 1, "paid")) === paid + " mUSD", `plan: claim #1 paid ${paid} mUSD (claimPayment)`);
    check((await cells("Claims and their states", 1, "owed")) === owed + " mUSD", `plan: claim #1 owed ${owed} mUSD (claimPayment)`);
    const headers = (await page.locator("table:has(caption:text('Claims and their states')) thead").innerText());
    check(headers.includes("Paid") && headers.includes("Owed") && headers.includes("Jury"), "plan: Paid, Owed and Jury columns");
    const jury = await row("Claims and their states", 2);
    check(jury.includes("escalated") && jury.includes("jury approved") && jury.includes("5 seats"), "plan: claim #2 judged by a 5-seat jury, approved: " + jury);
    const fell = await row("Claims and their states", 3);
    check(fell.includes("Denied") && fell.includes("no panel drawn") && fell.includes("the assessors' decision (not approved) stands")
      && fell.includes("the panel was never drawn"), "plan: claim #3's jury never drawn, the assessors' decision stood: " + fell);
    check((await page.locator("#wind-down .plan-state").innerText()) === "open", "plan: wind-down state open");
    check((await page.locator("#wind-down .owed-total").innerText()).includes("first in first out"), "plan: owed claims paid FIFO");
    await page.screenshot({ path: path.join(outDir, "v3-plan-en.png"), fullPage: true });

    // the plan closed by its members' vote: state, reason, exits
    await go("#/plan/" + votedPlan);
    const state = await page.locator("#wind-down .plan-state").innerText();
    check(state.startsWith("closed on") && state.includes("members' vote"), "closed plan: " + state);
    const exits = await page.locator("#wind-down .exits").innerText();
    check(exits.startsWith("open: " + exitLeft + " mUSD left for 1 member"), `closed plan: exits open, ${exitLeft} mUSD left (windDown): ` + exits);
    await page.screenshot({ path: path.join(outDir, "v3-closed-en.png"), fullPage: true });

    // Chinese: the same figures, every new label translated
    await go("#/plan/" + owedPlan);
    await page.click("#lang");
    await page.waitForSelector("table caption:text('理赔及其状态')");
    check((await cells("理赔及其状态", 1, "paid")) === paid + " mUSD", "plan (中文): 理赔 #1 已赔付 " + paid);
    check((await cells("理赔及其状态", 1, "owed")) === owed + " mUSD", "plan (中文): 理赔 #1 尚欠 " + owed);
    const headersZh = await page.locator("table:has(caption:text('理赔及其状态')) thead").innerText();
    check(headersZh.includes("已赔付") && headersZh.includes("尚欠") && headersZh.includes("陪审团"), "plan (中文): 已赔付 / 尚欠 / 陪审团 columns");
    check((await row("理赔及其状态", 2)).includes("陪审团批准"), "plan (中文): 陪审团批准");
    const fellZh = await row("理赔及其状态", 3);
    check(fellZh.includes("已驳回") && fellZh.includes("陪审团从未被抽选"), "plan (中文): 理赔 #3 已驳回，陪审团从未被抽选: " + fellZh);
    check((await page.locator("#wind-down .plan-state").innerText()) === "运行中", "plan (中文): 运行中");
    check(!/[A-Za-z]{4,}/.test((await page.locator("#wind-down").innerText()).replace(/mUSD|UTC/g, "")), "plan (中文): wind-down has no English words left");
    await page.screenshot({ path: path.join(outDir, "v3-plan-zh.png"), fullPage: true });
    await go("#/plan/" + votedPlan);
    check((await page.locator("#wind-down .plan-state").innerText()).includes("成员投票"), "closed plan (中文): 成员投票");

    // the claimant's records (Chinese): paid and owed; points per plan, no total across plans
    await go("#/member/" + claimant);
    check((await cells("理赔申请", 1, "owed")) === owed + " mUSD", "member (中文): 尚欠 " + owed);
    check(await page.locator("table caption:text('各计划积分')").count() === 1, "member (中文): points per plan");
    check(!(await page.locator("main").innerText()).includes("积分合计"), "member (中文): no points total across plans");
    await page.screenshot({ path: path.join(outDir, "v3-member-zh.png"), fullPage: true });
    await page.click("#lang");
    await page.waitForSelector("table caption:text('Claims')");
    check((await cells("Claims", 1, "paid")) === paid + " mUSD", "member: paid " + paid);
    check((await cells("Claims", 1, "owed")) === owed + " mUSD", "member: owed " + owed);
    await page.screenshot({ path: path.join(outDir, "v3-member-en.png"), fullPage: true });
  } finally {
    await browser.close();
  }
  if (failures.length) {
    console.error("v3 page: " + failures.length + " check(s) failed:\n  " + failures.join("\n  "));
    process.exit(1);
  }
  console.log("v3 page: all checks passed");
}

main().catch((e) => { console.error(e.stack || e); process.exit(2); });
