#!/usr/bin/env node
// Bundles the page's wallet module (src/main/js/wallet.js, with ethers and the plan's ABI) into one
// served asset, web/wallet.js in the build's classes: no CDN, no build server, nothing committed.
// Run by Maven (generate-resources, after the contracts compile).
const path = require("path");
const fs = require("fs");

const root = path.resolve(__dirname, "..", "..");
const out = process.argv[2] || path.join(root, "target", "classes", "web", "wallet.js");
let esbuild;
try {
  esbuild = require("esbuild");
} catch {
  console.error("huzhu build: esbuild is missing from node_modules; run `npm ci` first (./huzhu and ./scripts/test do it for you)");
  process.exit(2);
}
fs.mkdirSync(path.dirname(out), { recursive: true });
esbuild.buildSync({
  entryPoints: [path.join(root, "src", "main", "js", "wallet.js")],
  bundle: true, minify: true, format: "iife", target: ["es2020"], outfile: out, legalComments: "none", logLevel: "warning",
});
