#!/usr/bin/env node
// Browser test of member actions on the page (issue 14): headless Chromium with an injected EIP-1193
// provider backed by the local node's unlocked dev accounts takes a member from joining to a paid
// claim, signing every step from the page; the assessors vote from the page too. Each step's
// review (the plan's rules, what is signed, the gas estimate) is checked before signing, and the
// outcome is read back from the contract's own views.
// Usage: node src/test/browser/page-wallet.js PAGE_URL RPC_URL PLAN MEMBER ASSESSOR1 ASSESSOR2 SCREENSHOT_DIR
"use strict";
const path = require("path");
const { check, failures, launch } = require("./harness");
const { ethers } = require(path.resolve(__dirname, "../../../node_modules/ethers"));
const { abi } = require(path.resolve(__dirname, "../../../artifacts/contracts/pool/AidPool.sol/AidPool.json"));

const [base, rpcUrl, planAddress, member, assessor1, assessor2, outDir] = process.argv.slice(2);

let rpcId = 0;
async function rpc(method, params = []) {
  const r = await fetch(rpcUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ jsonrpc: "2.0", id: ++rpcId, method, params }) });
  return r.json();
}

async function main() {
  const chain = new ethers.JsonRpcProvider(rpcUrl);
  const plan = new ethers.Contract(planAddress, abi, chain);
  const browser = await launch();
  let account = member;
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: "en-US", timezoneId: "UTC" });
    // the injected wallet: accounts from the test, everything else relayed to the node (whose dev accounts are unlocked)
    await context.exposeFunction("__huzhuWallet", async (method, params) => {
      if (method === "eth_requestAccounts" || method === "eth_accounts") return { result: [account] };
      return rpc(method, params);
    });
    await context.addInitScript(() => {
      window.ethereum = {
        isHuzhuTestWallet: true,
        on() {}, removeListener() {},
        async request({ method, params }) {
          const answer = await window.__huzhuWallet(method, params || []);
          if (answer.error) { const e = new Error(answer.error.message); e.code = answer.error.code; e.data = answer.error.data; throw e; }
          return answer.result;
        },
      };
    });
    const page = await context.newPage();
    page.on("pageerror", (e) => failures.push("page error: " + e.message));

    const open = async () => {
      await page.goto("about:blank"); // a fresh page (the same URL again would only keep the old one)
      await page.goto(base + "#/plan/" + planAddress);
      await page.waitForSelector("#wallet");
      await page.click("#wallet-connect");
      await page.waitForSelector("#wallet-form:not([hidden])");
      check((await page.textContent("#wallet-account")).toLowerCase().includes(account.toLowerCase()), `connected as ${account}`);
    };
    // choose an action, fill its fields, review and sign every step; returns the review texts
    const act = async (action, fields, shot) => {
      await page.selectOption("#wallet-action", action);
      for (const [sel, value] of Object.entries(fields)) {
        if (sel === "#wallet-decision") await page.selectOption(sel, value); else await page.fill(sel, value);
      }
      await page.click("#wallet-review-btn");
      const reviews = [];
      for (;;) {
        await page.waitForFunction(() => ["review", "error"].includes(document.getElementById("wallet").dataset.state));
        if (await page.getAttribute("#wallet", "data-state") === "error") throw new Error(action + ": " + await page.textContent("#wallet-result"));
        const text = await page.textContent("#wallet-review");
        reviews.push(text);
        if (shot && reviews.length === 1) await page.screenshot({ path: path.join(outDir, shot), fullPage: true });
        await page.click("#wallet-sign");
        await page.waitForFunction(() => ["review", "done", "error"].includes(document.getElementById("wallet").dataset.state)
          && !document.getElementById("wallet-result").textContent.startsWith("Waiting"));
        const state = await page.getAttribute("#wallet", "data-state");
        if (state === "error") throw new Error(action + ": " + await page.textContent("#wallet-result"));
        if (state === "done") return reviews;
      }
    };
    const usd = (x) => ethers.parseUnits(x, 6);

    // 1. the member joins with 100 mUSD: approve, then join; both reviewed with the rules and a gas estimate
    await open();
    const join = await act("join", { "#wallet-amount": "100" }, "wallet-join-review-en.png");
    check(join.length === 2, "join takes two signatures: the token approval, then join");
    check(join[0].includes("Allow this plan to take 100.0 mUSD") && join[0].includes("Step 1 of 2"), "step 1 reviewed: the approval of 100.0 mUSD");
    check(join[1].includes("Join with a first deposit of 100.0 mUSD") && join[1].includes("Step 2 of 2"), "step 2 reviewed: join with 100.0 mUSD");
    for (const r of join) {
      check(r.includes("Losses are covered after a waiting period of 30 days") && r.includes("2 of 3 assessors approve"), "the rules in plain words before signing");
      check(/Gas estimate: [\d,]+ gas/.test(r), "a gas estimate before signing");
    }
    const joined = await plan.memberOf(member);
    check(joined.active === true, "memberOf(member).active after joining from the page");

    // 2. past the waiting period, the member claims 30 mUSD (claim bond approved first). By hand: two
    //    periods of 20 mUSD charged (joining, then the second period at the claim's settlement), 5% fee:
    //    the reserve holds 2 x 19 = 38 mUSD, enough to pay 30 in full.
    await rpc("evm_increaseTime", [30 * 86400 + 7200]);
    await rpc("evm_mine", []);
    const now = (await chain.getBlock("latest")).timestamp;
    const loss = new Date((now - 600) * 1000).toISOString().slice(0, 16); // after the waiting period, before now
    await act("submitClaim", { "#wallet-amount": "30", "#wallet-loss": loss, "#wallet-evidence": "hospital invoice 2026-11" });
    const claimId = await plan.claimCount();
    const submitted = await plan.claimOf(claimId);
    check(submitted.claimant === ethers.getAddress(member) && submitted.amount === usd("30"), `claimOf(${claimId}): 30 mUSD claimed by the member`);
    check((await plan.reserve()) === usd("38"), "reserve() = 38 mUSD, as worked by hand");

    // 3. two assessors approve from the page
    for (const a of [assessor1, assessor2]) {
      account = a;
      await open();
      const v = await act("vote", { "#wallet-claim": String(claimId), "#wallet-decision": "approve" });
      check(v[0].includes(`As an assessor, approve claim #${claimId}`), "assessor vote reviewed");
    }

    // 4. after the public notice, anyone finalizes from the page: the claim is paid to the member's free balance
    await rpc("evm_increaseTime", [3 * 86400 + 60]);
    await rpc("evm_mine", []);
    account = member;
    await open();
    const before = (await plan.memberOf(member)).balance;
    await act("finalize", { "#wallet-claim": String(claimId) });
    const paid = await plan.claimPayment(claimId);
    check(paid.paid === usd("30") && paid.owed === 0n, "claimPayment: 30 mUSD paid, nothing owed");
    check((await plan.memberOf(member)).balance - before === usd("30") + usd("10"), "the member's free balance grew by the 30 mUSD payout and the 10 mUSD claim bond back");

    // 5. in Chinese: the review of a withdrawal, then cancelled (nothing signed)
    await page.click("#lang");
    await page.waitForFunction(() => document.documentElement.lang === "zh-CN" && document.body.dataset.ready);
    await page.waitForSelector("#wallet-connect");
    await page.click("#wallet-connect");
    await page.waitForSelector("#wallet-form:not([hidden])");
    await page.selectOption("#wallet-action", "withdraw");
    await page.fill("#wallet-amount", "10");
    await page.click("#wallet-review-btn");
    await page.waitForFunction(() => document.getElementById("wallet").dataset.state === "review");
    const zh = await page.textContent("#wallet-review");
    check(zh.includes("等待期 30 天") && zh.includes("从您的可用余额中取出 10.0 mUSD") && zh.includes("预计 Gas"), "中文: rules, what is signed and the gas estimate");
    await page.screenshot({ path: path.join(outDir, "wallet-withdraw-review-zh.png"), fullPage: true });
    const nonce = await chain.getTransactionCount(member);
    await page.click("#wallet-cancel");
    check((await chain.getTransactionCount(member)) === nonce, "cancel signs nothing");

    // 6. readable at phone width
    await page.setViewportSize({ width: 390, height: 900 });
    const overflow = await page.evaluate(() => document.getElementById("wallet").scrollWidth - document.getElementById("wallet").clientWidth);
    check(overflow <= 1, "the wallet panel fits 390 px");
    await page.screenshot({ path: path.join(outDir, "wallet-phone-zh.png"), fullPage: true });
  } finally {
    await browser.close();
  }
  if (failures.length) {
    console.log(failures.length + " failure(s)");
    process.exit(1);
  }
}

main().catch((e) => { console.error(e); process.exit(2); });
