// What every browser test shares: headless Debian chromium through playwright-core, and the ok/FAIL check list.
"use strict";
const path = require("path");
const { chromium } = require(path.resolve(__dirname, "../../../node_modules/playwright-core"));

const failures = [];

/** Records a check: prints "ok   what" or "FAIL what"; the script exits 1 at the end if any failed. */
function check(cond, what) { if (!cond) failures.push(what); console.log((cond ? "ok   " : "FAIL ") + what); }

/** Headless chromium ($CHROMIUM, else Debian's /usr/bin/chromium), without background traffic. */
function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
}

/** The English words (3+ Latin letters) left in the page's main text, once what may stay Latin is removed: addresses
 *  and hashes, the token symbol, UTC, sha2-256. A Chinese page must have none. */
async function englishLeft(page) {
  const text = (await page.locator("main").innerText()).replace(/0x[0-9a-fA-F]+(…[0-9a-fA-F]+)?/g, "").replace(/mUSD|UTC|sha2-256/g, "");
  return text.match(/[A-Za-z]{3,}/g) || [];
}

/** Ends a script: exit 1 listing the failed checks, else "NAME: all checks passed". */
function finish(name) {
  if (failures.length) {
    console.error(name + ": " + failures.length + " check(s) failed:\n  " + failures.join("\n  "));
    process.exit(1);
  }
  console.log(name + ": all checks passed");
}

module.exports = { check, failures, launch, englishLeft, finish };
