#!/usr/bin/env node
// Browser test of the transparency page in headless Chromium (Debian `chromium` + playwright-core).
// Usage: node src/test/browser/transparency-page.js PAGE_URL PLAN_ADDRESS MEMBER_ADDRESS SCREENSHOT_DIR
// Checks, in English and in Chinese: the plan comparison, the plan's paid claim and payout, the member's records.
"use strict";
const path = require("path");
const { check, failures, launch } = require("./harness");

const [base, plan, member, outDir] = process.argv.slice(2);

async function main() {
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, locale: "en-US" });
    page.on("pageerror", (e) => failures.push("page error: " + e.message));
    const go = async (hash) => {
      await page.goto(base + hash);
      await page.waitForFunction((h) => document.body.dataset.ready === h, hash.replace(/^#/, "") || "/");
    };
    const text = async (sel) => (await page.locator(sel).allInnerTexts()).join("\n");

    // home: totals, plan comparison (sortable), live payout feed, sync status
    await go("#/");
    check((await text("#plans caption")).includes("Plans (互助计划) compared"), "home: plan comparison table in English");
    check((await text("#plans tbody")).includes("344.00"), "home: the plan's reserve 344.00");
    check((await text("#feed")).includes("250.00"), "home: live payout feed shows the 250.00 payout");
    await page.waitForFunction(() => /head block \d+, indexed to \d+, lag 0/.test(document.getElementById("sync").textContent));
    check(true, "home: sync status with head block and lag");
    await page.click('th button[data-sort="fee"]');
    await page.waitForSelector('th[aria-sort="ascending"] button[data-sort="fee"]');
    check(true, "home: sorting by service fee sets aria-sort");
    await page.screenshot({ path: path.join(outDir, "transparency-home-en.png"), fullPage: true });

    // the plan: rules, the paid claim and its payout
    await go("#/plan/" + plan);
    const claims = await text("table:has(caption:text('Claims and their states')) tbody");
    check(claims.includes("#1") && claims.includes("Paid") && claims.includes("250.00"), "plan: claim #1 of 250.00 is Paid");
    check((await text("main dl")).includes("2 / 3"), "plan: assessor quorum 2 of 3");
    check((await text("table:has(caption:text('Payouts')) tbody")).includes("250.00"), "plan: payout listed");
    // explorer links (the server runs with --explorer https://explorer.example): the payout's transaction and the recipient
    const payoutLinks = await page.locator("table:has(caption:text('Payouts')) tbody a").evaluateAll((as) => as.map((a) => a.href));
    check(payoutLinks.some((h) => /^https:\/\/explorer\.example\/tx\/0x[0-9a-f]{64}$/.test(h)), "plan: the payout's transaction links to the explorer");
    check(payoutLinks.some((h) => /^https:\/\/explorer\.example\/address\/0x[0-9a-fA-F]{40}$/.test(h)), "plan: the recipient links to the explorer");
    await page.screenshot({ path: path.join(outDir, "transparency-plan-en.png"), fullPage: true });

    // switch to Chinese: same claim, translated
    await page.click("#lang");
    await page.waitForFunction(() => document.documentElement.lang === "zh-CN" && document.body.dataset.ready);
    await page.waitForSelector("table caption:text('理赔及其状态')");
    const claimsZh = await text("table:has(caption:text('理赔及其状态')) tbody");
    check(claimsZh.includes("已赔付") && claimsZh.includes("250.00"), "plan (中文): 理赔 #1 已赔付 250.00");
    await page.screenshot({ path: path.join(outDir, "transparency-plan-zh.png"), fullPage: true });

    // no English word of the fixed vocabulary (categories, models, statuses, dispute kinds, verdicts) on the Chinese page
    const english = /\b(MEDICAL|EDUCATION|DISASTER|SHARED_PURCHASE|OTHER|PREPAID|COST_SHARING|Submitted|Approved|Rejected|Disputed|Paid|Denied|ESCALATED|CHALLENGED|APPEALED|medical|education|disaster|prepaid|cost sharing|approved|denied|active|lapsed)\b/;
    const leftovers = async (where) => {
      const m = (await text("main")).match(english);
      check(!m, where + " (中文): no English vocabulary" + (m ? " — found '" + m[0] + "'" : ""));
    };
    await leftovers("plan");
    check((await text("main h2")).includes("#0"), "plan (中文): the plan id #0 as the CLI takes it");
    const pathZh = await text("table:has(caption:text('理赔及其状态')) tbody");
    check(pathZh.includes("评审员") && pathZh.includes("赞成"), "plan (中文): the claim's outcome path starts with the assessors");
    await go("#/");
    await leftovers("home");
    const headZh = await text("#plans thead");
    for (const h of ["模式", "服务费", "互助金", "单笔最高赔付", "等待期", "保证金", "评分"]) check(headZh.includes(h), "home (中文): comparison column " + h);
    check((await text("#plans tbody")).includes("#0") && (await text("#plans tbody")).includes("预付制"), "home (中文): plan #0, prepaid in Chinese");

    // a phone: 390 px wide, nothing wider than the screen (wide tables scroll in their own box)
    await page.setViewportSize({ width: 390, height: 844 });
    for (const hash of ["#/", "#/plan/" + plan]) {
      await go(hash);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      check(width <= 390, "390 px: " + hash + " is " + width + " px wide");
    }
    await page.screenshot({ path: path.join(outDir, "transparency-plan-zh-390.png"), fullPage: true });
    check(await page.evaluate(() => getComputedStyle(document.getElementById("main")).outlineStyle === "none"
      || (document.getElementById("main").focus(), getComputedStyle(document.getElementById("main")).outlineStyle === "none")), "main: no focus box");
    await page.setViewportSize({ width: 1280, height: 1000 });
    await go("#/plan/" + plan);

    // the member's records, looked up by address (still in Chinese)
    await page.fill("#lookup-address", member);
    await page.click("#lookup button[type=submit]");
    await page.waitForFunction((m) => document.body.dataset.ready === "/member/" + m, member);
    await page.waitForSelector("table caption:text('获得的赔付')");
    check((await text("main h2")).includes("成员记录"), "member (中文): records heading");
    check((await text("table:has(caption:text('获得的赔付')) tbody")).includes("250.00"), "member (中文): payout received 250.00");
    check((await text("table:has(caption:text('理赔申请')) tbody")).includes("已赔付"), "member (中文): own claim 已赔付");
    await page.screenshot({ path: path.join(outDir, "transparency-member-zh.png"), fullPage: true });
    await leftovers("member");

    // and in English
    await page.click("#lang");
    await page.waitForSelector("table caption:text('Payouts received')");
    check((await text("table:has(caption:text('Payouts received')) tbody")).includes("250.00"), "member: payout received 250.00");
    check((await text("table:has(caption:text('Memberships')) tbody")).includes("active"), "member: active membership");
    check((await text("table:has(caption:text('Deposits and withdrawals')) tbody")).includes("300.00"), "member: first deposit 300.00");
    await page.screenshot({ path: path.join(outDir, "transparency-member-en.png"), fullPage: true });

    // a bad address is reported, not a blank page
    await go("#/member/0x1234");
    check((await text("main")).includes("must be 0x and 40 hex digits"), "member: bad address explained");
  } finally {
    await browser.close();
  }
  if (failures.length) {
    console.error("transparency page: " + failures.length + " check(s) failed:\n  " + failures.join("\n  "));
    process.exit(1);
  }
  console.log("transparency page: all checks passed");
}

main().catch((e) => { console.error(e.stack || e); process.exit(2); });
