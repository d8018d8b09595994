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

module.exports = { check, failures, launch };
