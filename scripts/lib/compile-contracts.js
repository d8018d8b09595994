#!/usr/bin/env node
// Compiles the contracts with Hardhat (offline solc-js) for the Maven build.
// Hardhat's own cache makes this a no-op when nothing changed.
const { execFileSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..", "..");
const hardhat = path.join(root, "node_modules", "hardhat", "internal", "cli", "cli.js");
if (!fs.existsSync(hardhat)) {
  console.error("huzhu build: node_modules is missing; run `npm ci` first (./huzhu and ./scripts/test do it for you)");
  process.exit(2);
}
if (!process.env.HUZHU_QUIET_BUILD) {
  execFileSync(process.execPath, [hardhat, "compile", "--quiet"], { cwd: root, stdio: "inherit" });
} else {
  // the ./huzhu launcher's first-run build: solc's warnings (OpenZeppelin's transient-storage note) are for
  // contract developers, not for someone running the CLI; shown only when the compile fails
  try {
    execFileSync(process.execPath, [hardhat, "compile", "--quiet"], { cwd: root, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, FORCE_COLOR: "0" } });
  } catch (e) {
    process.stderr.write(String(e.stdout || "") + String(e.stderr || ""));
    process.exit(e.status || 1);
  }
}
