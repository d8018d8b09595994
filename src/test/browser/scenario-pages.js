#!/usr/bin/env node
// Browser test of the matching rounds, group purchases and parametric plans on the transparency page (headless
// Debian chromium + playwright-core), English then Chinese at 390 px.
// Usage: node src/test/browser/scenario-pages.js PAGE_URL SCREENSHOT_DIR SPEC_JSON
// SPEC_JSON = {"rounds": [...], "groups": [...], "parametric": [...]}, each entry what the contract's own views say
// (read by the Java test through the web3j wrappers, never from the API):
//   round:      {address, state, totalSquares, matches: {campaign: {amount, paid}}}  (matchOf / MatchPaid, matchPaid(c))
//   group:      {address, status, pledged, total, owners: {account: shares}, bookings: {slot: owner}, offers}
//   parametric: {address, reserve, credited, payoutsHeld, decimals, members, attestations: [{event, region, open, claims}], credits: {member: credit}}
// Amounts are base units; the page shows them with the token's decimals when the index knows them (a plan or campaign
// on the same token), else as "N base units of 0x…": both are read back into base units.
"use strict";
const path = require("path");
const { check, failures, launch, englishLeft, finish } = require("./harness");

const [base, outDir, specJson] = process.argv.slice(2);
const spec = JSON.parse(specJson);
const rounds = spec.rounds || [], groups = spec.groups || [], plans = spec.parametric || [];
const ZH = {
  roundStates: { UPCOMING: "未开始", OPEN: "捐款计入中", MATCHING: "发放配捐中", CLOSED: "已结束" },
  groupStates: { PLEDGING: "认购中", FUNDED: "已成团", EXPIRED: "已过期：认购款可退" },
};
const percent = (a, b) => Math.min(100, Math.floor(Number(a) * 100 / Number(b)));

async function main() {
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1300, height: 1000 }, locale: "en-US" });
    page.on("pageerror", (e) => failures.push("page error: " + e.message));
    const go = async (hash) => {
      await page.goto(base + hash);
      await page.waitForFunction((h) => document.body.dataset.ready === h, hash.replace(/^#/, ""));
    };
    const units = async (sel) => (await page.locator(sel).first().innerText()).split(" ")[0].replace(/,/g, "");
    // an amount as shown ("50.00 mUSD" with the token's decimals, or "50,000,000 base units of 0x…") in base units
    const baseUnits = async (sel, decimals) => {
      const text = await page.locator(sel).first().innerText();
      const n = text.split(" ")[0].replace(/,/g, "");
      if (/base units|最小单位/.test(text)) return n;
      const [whole, frac = ""] = n.split(".");
      return String(BigInt(whole + frac.padEnd(decimals, "0").slice(0, decimals)));
    };
    const attrs = (sel, names) => page.locator(sel).evaluateAll((els, ns) => els.map((e) => ns.map((n) => e.getAttribute(n)).join("=")), names);
    const same = (a, b) => JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());

    const roundChecks = async (r, zh) => {
      const tag = (zh ? "(中文) " : "") + "round " + r.address.slice(0, 10);
      const state = page.locator("#round-figures .scenario-state");
      check(await state.getAttribute("data-state") === r.state, `${tag}: state ${r.state} (the round's window at the chain's time)`);
      if (zh) check(await state.innerText() === ZH.roundStates[r.state], `${tag}: 状态 ${ZH.roundStates[r.state]}`);
      check((await page.locator("#round-figures .total-squares").innerText()).trim() === r.totalSquares, `${tag}: totalSquares ${r.totalSquares} (totalSquares())`);
      const shown = await attrs("#round-campaigns a[data-campaign]", ["data-campaign"]);
      check(same(shown, Object.keys(r.matches)), `${tag}: admitted campaigns ${shown.length} (CampaignAdmitted / admitted(c))`);
      const matches = await page.locator("#round-campaigns .match").evaluateAll((els) => els.map((e) => e.dataset.paid + ":" + e.dataset.amount));
      const expected = Object.values(r.matches).map((m) => m.paid + ":" + m.amount);
      check(same(matches, expected), `${tag}: matches ${JSON.stringify(matches)} = matchOf(c) or the paid match (matchPaid(c)) ${JSON.stringify(expected)}`);
    };
    const groupChecks = async (g, zh) => {
      const tag = (zh ? "(中文) " : "") + "group " + g.address.slice(0, 10);
      const state = page.locator("#group-figures .scenario-state");
      check(await state.getAttribute("data-state") === g.status, `${tag}: status ${g.status} (status())`);
      if (zh) check(await state.innerText() === ZH.groupStates[g.status], `${tag}: 状态 ${ZH.groupStates[g.status]}`);
      const p = percent(g.pledged, g.total);
      check(await page.locator("#group-progress [aria-valuenow]").getAttribute("aria-valuenow") === String(p), `${tag}: progress ${p}% (progress().pledged / totalShares())`);
      check(await units("#group-figures .pledged-shares") === String(g.pledged), `${tag}: ${g.pledged} shares pledged`);
      check(await units("#group-figures .total-shares") === String(g.total), `${tag}: ${g.total} shares in all`);
      const owners = await attrs("#group-owners [data-account]", ["data-account", "data-shares"]);
      const expected = Object.entries(g.owners).map(([a, s]) => a + "=" + s);
      check(same(owners.filter((o) => !o.endsWith("=0")), expected), `${tag}: co-owners ${JSON.stringify(owners)} (sharesOf) = ${JSON.stringify(expected)}`);
      const bookings = await attrs("#group-bookings [data-slot]", ["data-slot", "data-owner"]);
      const booked = Object.entries(g.bookings).map(([s, o]) => s + "=" + o);
      check(same(bookings, booked), `${tag}: booked slots ${JSON.stringify(bookings)} (bookedBy) = ${JSON.stringify(booked)}`);
      check(await page.locator("#group-offers tbody tr").count() === g.offers, `${tag}: ${g.offers} standing offer(s) (offerOf)`);
    };
    const parametricChecks = async (p, zh) => {
      const tag = (zh ? "(中文) " : "") + "parametric " + p.address.slice(0, 10);
      check(await baseUnits("#parametric-figures .reserve", p.decimals) === p.reserve, `${tag}: reserve ${p.reserve} base units (reserve(), decimals() ${p.decimals})`);
      check(await baseUnits("#parametric-figures .credited", p.decimals) === p.credited, `${tag}: credited ${p.credited} base units (credited())`);
      check(await units("#parametric-figures .members") === String(p.members), `${tag}: ${p.members} members (memberCount())`);
      check(await units("#parametric-figures .payouts-held") === p.payoutsHeld, `${tag}: the reserve holds ${p.payoutsHeld} payout(s) (reserve() / payout())`);
      const shown = await attrs("#attestations li.attestation", ["data-event", "data-region", "data-open", "data-claims"]);
      const expected = p.attestations.map((a) => [a.event, a.region, a.open, a.claims].join("="));
      check(same(shown, expected), `${tag}: attestations ${JSON.stringify(shown)} (disasterOf: window at the chain's time; hasClaimed) = ${JSON.stringify(expected)}`);
      const states = await page.locator("#attestations .window-state").allInnerTexts();
      const words = zh ? ["窗口开放中", "窗口已关闭"] : ["window open", "window closed"];
      check(states.length === p.attestations.length && states.every((s) => words.includes(s)), `${tag}: each window says ${words.join(" / ")}`);
      const credits = await attrs("#parametric-members [data-member]", ["data-member", "data-credit"]);
      const owed = Object.entries(p.credits).map(([m, c]) => m + "=" + c);
      check(same(credits, owed), `${tag}: members' credit ${JSON.stringify(credits)} (memberOf().credit) = ${JSON.stringify(owed)}`);
    };
    const kinds = [
      { name: "round", list: rounds, section: "#rounds", caption: ["Quadratic matching rounds", "配捐轮次"], checks: roundChecks },
      { name: "group", list: groups, section: "#groups", caption: ["Group purchases", "共享经济：团购"], checks: groupChecks },
      { name: "parametric", list: plans, section: "#parametric", caption: ["Parametric disaster plans", "参数化灾害救助计划"], checks: parametricChecks },
    ];

    // English: the home page lists each, linked to its page
    await go("#/");
    for (const k of kinds.filter((x) => x.list.length)) {
      check((await page.locator(k.section + " caption").innerText()).startsWith(k.caption[0]), `home: ${k.caption[0]} caption`);
      for (const x of k.list) {
        const row = page.locator(`${k.section} tbody tr:has(a[href="#/${k.name}/${x.address}"])`);
        check(await row.count() === 1, `home: a row linking #/${k.name}/${x.address}`);
        const state = x.state || x.status;
        if (state) check(await row.locator(".scenario-state").getAttribute("data-state") === state, `home: ${k.name} ${x.address.slice(0, 10)} ${state}`);
      }
    }
    await page.screenshot({ path: path.join(outDir, "scenarios-home-en.png"), fullPage: true });
    for (const k of kinds) {
      for (const x of k.list) {
        await page.click(`${k.section} a[href="#/${k.name}/${x.address}"]`);
        await page.waitForFunction((h) => document.body.dataset.ready === h, `/${k.name}/${x.address}`);
        await k.checks(x, false);
        await page.screenshot({ path: path.join(outDir, `${k.name}-${x.address.slice(0, 8)}-en.png`), fullPage: true });
        await go("#/");
      }
    }

    // Chinese, on a phone (390 px): the same figures and states, no English word left, nothing wider than the screen
    await page.setViewportSize({ width: 390, height: 844 });
    await page.click("#lang");
    await page.waitForSelector("#plans caption:text('互助计划对比'), h2:text('互助计划对比')");
    for (const k of kinds.filter((x) => x.list.length)) {
      check((await page.locator(k.section + " caption").innerText()).startsWith(k.caption[1]), `home (中文): ${k.caption[1]}`);
    }
    check(await page.evaluate(() => document.documentElement.scrollWidth) <= 390, "home (中文) at 390 px: no wider than the screen");
    for (const k of kinds) {
      for (const x of k.list) {
        await go(`#/${k.name}/${x.address}`);
        await k.checks(x, true);
        const english = await englishLeft(page);
        check(!english.length, `${k.name} (中文): no English words left` + (english.length ? ": " + english.join(", ") : ""));
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        check(width <= 390, `${k.name} (中文) at 390 px: page width ${width}`);
        await page.screenshot({ path: path.join(outDir, `${k.name}-${x.address.slice(0, 8)}-zh-390.png`), fullPage: true });
      }
    }
  } finally {
    await browser.close();
  }
  finish("scenario pages");
}

main().catch((e) => { console.error(e.stack || e); process.exit(2); });
