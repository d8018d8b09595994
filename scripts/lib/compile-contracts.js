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
execFileSync(process.execPath, [hardhat, "compile", "--quiet"], { cwd: root, stdio: "inherit" });
