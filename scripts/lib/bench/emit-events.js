#!/usr/bin/env node
// Loads a local node with AidPool-shaped events from the EventBurst helper (scripts/lib/bench/EventBurst.sol).
// Usage: node scripts/lib/bench/emit-events.js --rpc URL [--events N] [--per-tx K] [--txs-per-block B] [--payouts P] [--members M]
//        [--gap G] (G empty blocks after each block with events) [--first-member 0x…] (member addresses used)
// Prints one JSON line: {"address", "fromBlock", "toBlock", "events", "seconds"}.
"use strict";
const path = require("path");
const fs = require("fs");
const root = path.resolve(__dirname, "../../..");
const solc = require(path.join(root, "node_modules/solc"));
const { ethers } = require(path.join(root, "node_modules/ethers"));

function arg(name, dflt) {
  const i = process.argv.indexOf("--" + name);
  return i < 0 ? dflt : process.argv[i + 1];
}

// Compiled once per change of its sources (EventBurst.sol and every file it imports), cached under cache/:
// solc-js takes tens of seconds on a busy machine.
function compile() {
  const crypto = require("crypto");
  const hash = (f) => crypto.createHash("sha256").update(fs.readFileSync(f)).digest("hex");
  const cacheFile = path.join(root, "cache/bench/EventBurst.json");
  const main = path.join(__dirname, "EventBurst.sol");
  if (fs.existsSync(cacheFile)) {
    const c = JSON.parse(fs.readFileSync(cacheFile, "utf8"));
    const fresh = c.solc === solc.version() && Object.entries(c.sources).every(([f, h]) => fs.existsSync(path.join(root, f)) && hash(path.join(root, f)) === h);
    if (fresh) return { abi: c.abi, bytecode: c.bytecode };
  }
  const sources = { [path.relative(root, main)]: hash(main) };
  const input = {
    language: "Solidity",
    sources: { "EventBurst.sol": { content: fs.readFileSync(main, "utf8") } },
    settings: { optimizer: { enabled: true, runs: 200 }, evmVersion: "cancun", outputSelection: { "*": { "*": ["abi", "evm.bytecode.object"] } } },
  };
  const findImports = (p) => {
    const f = path.join(root, p);
    if (!fs.existsSync(f)) return { error: "not found: " + p };
    sources[p] = hash(f);
    return { contents: fs.readFileSync(f, "utf8") };
  };
  const out = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
  const errors = (out.errors || []).filter((e) => e.severity === "error");
  if (errors.length) throw new Error(errors.map((e) => e.formattedMessage).join("\n"));
  const c = out.contracts["EventBurst.sol"].EventBurst;
  const compiled = { abi: c.abi, bytecode: "0x" + c.evm.bytecode.object };
  fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
  fs.writeFileSync(cacheFile, JSON.stringify({ solc: solc.version(), sources, ...compiled }));
  return compiled;
}

async function main() {
  const started = Date.now();
  const rpc = arg("rpc");
  if (!rpc) throw new Error("--rpc URL is required");
  const events = Number(arg("events", "3000"));
  const perTx = Number(arg("per-tx", "300"));          // events per transaction (3 per round)
  const txsPerBlock = Number(arg("txs-per-block", "4"));
  const payouts = Number(arg("payouts", "0"));
  const members = Number(arg("members", "100"));
  const gap = Number(arg("gap", "0"));                 // empty blocks mined after each block with events
  const firstMember = BigInt(arg("first-member", "0x1000000000000000000000000000000000000000"));

  const provider = new ethers.JsonRpcProvider(rpc, undefined, { batchMaxCount: 1, staticNetwork: true, pollingInterval: 50 });
  const wallet = ethers.HDNodeWallet.fromPhrase("test test test test test test test test test test test junk", undefined, "m/44'/60'/0'/0/19")
    .connect(provider);
  const { abi, bytecode } = compile();
  const factory = new ethers.ContractFactory(abi, bytecode, wallet);
  const burst = await factory.deploy();
  const deployed = await burst.deploymentTransaction().wait();
  const fromBlock = deployed.blockNumber;
  const contract = new ethers.Contract(await burst.getAddress(), abi, wallet);

  let nonce = burst.deploymentTransaction().nonce + 1;
  const fee = { maxFeePerGas: ethers.parseUnits("50", "gwei"), maxPriorityFeePerGas: ethers.parseUnits("1", "gwei") };
  await (await contract.join(firstMember, members, { nonce: nonce++, gasLimit: BigInt(100_000 + members * 8_000), ...fee })).wait();
  let emitted = members;

  // The transactions, planned first: bursts of `perTx` events, with the payout transactions (up to 100 claims
  // each, 2 events per claim) spread evenly among them; a block is mined after every `txsPerBlock` transactions.
  const iface = contract.interface;
  const rounds = Math.max(1, Math.floor(perTx / 3));
  const calls = [];
  let salt = 0;
  while (emitted < events) {
    const r = Math.min(rounds, Math.ceil((events - emitted) / 3));
    calls.push({ data: iface.encodeFunctionData("burst", [firstMember, members, r, salt]), gasLimit: BigInt(40_000 + r * 9_000) });
    salt += r;
    emitted += 3 * r;
  }
  const payoutCalls = [];
  for (let paid = 0; paid < payouts; ) {
    const n = Math.min(100, payouts - paid);
    payoutCalls.push({ data: iface.encodeFunctionData("payouts", [firstMember, members, n]), gasLimit: BigInt(60_000 + n * 20_000) });
    paid += n;
    emitted += 2 * n;
  }
  const every = Math.max(1, Math.floor(calls.length / Math.max(1, payoutCalls.length)));
  const ordered = [];
  calls.forEach((c, i) => {
    ordered.push(c);
    if ((i + 1) % every === 0 && payoutCalls.length) ordered.push(payoutCalls.shift());
  });
  ordered.push(...payoutCalls);

  // Signed here; each block is one JSON-RPC batch of its raw transactions, then one evm_mine (Hardhat may run the
  // calls of one batch in any order, so a mine never shares a batch with the transactions it must include).
  const to = await contract.getAddress();
  const { chainId } = await provider.getNetwork();
  const blocks = [];
  for (let i = 0; i < ordered.length; i += txsPerBlock) {
    const raws = [];
    for (const c of ordered.slice(i, i + txsPerBlock)) {
      raws.push(await wallet.signTransaction({ type: 2, chainId, to, data: c.data, gasLimit: c.gasLimit, nonce: nonce++, ...fee }));
    }
    blocks.push(raws);
  }
  if (process.env.EMIT_TIMINGS) console.error(`emit-events: signed ${ordered.length} transactions at ${(Date.now() - started) / 1000} s`);
  let id = 0;
  const rpcBatch = async (calls) => {
    const res = await fetch(rpc, { method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify(calls.map(([method, params]) => ({ jsonrpc: "2.0", id: ++id, method, params }))) });
    const out = await res.json();
    const failed = out.filter((x) => x.error);
    if (failed.length) throw new Error(calls[0][0] + " failed: " + JSON.stringify(failed[0].error));
    return out.map((x) => x.result);
  };
  let lastHash = null;
  await provider.send("evm_setAutomine", [false]);
  try {
    for (const raws of blocks) {
      const hashes = await rpcBatch(raws.map((r) => ["eth_sendRawTransaction", [r]]));
      lastHash = hashes[hashes.length - 1];
      await rpcBatch(Array.from({ length: 1 + gap }, () => ["evm_mine", []]));
    }
  } finally {
    await provider.send("evm_setAutomine", [true]);
  }
  const toBlock = Number(await provider.send("eth_blockNumber", []));
  const address = await contract.getAddress();
  const receipt = await provider.send("eth_getTransactionReceipt", [lastHash]);
  if (!receipt || receipt.status !== "0x1") throw new Error("the last transaction failed or was not mined: " + JSON.stringify(receipt));
  if (process.env.EMIT_TIMINGS) console.error(`emit-events: ${blocks.length} blocks in ${(Date.now() - started) / 1000} s`);
  // The events emitted, as planned; scripts/bench-indexer's fetch-only pass checks that the chain holds exactly these.
  console.log(JSON.stringify({ address: address.toLowerCase(), fromBlock, toBlock, events: emitted, payouts,
    seconds: (Date.now() - started) / 1000 }));
}

main().catch((e) => { console.error("emit-events: " + (e.stack || e)); process.exit(1); });
