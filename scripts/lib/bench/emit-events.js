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

function compile() {
  const source = fs.readFileSync(path.join(__dirname, "EventBurst.sol"), "utf8");
  const input = {
    language: "Solidity",
    sources: { "EventBurst.sol": { content: source } },
    settings: { optimizer: { enabled: true, runs: 200 }, evmVersion: "cancun", outputSelection: { "*": { "*": ["abi", "evm.bytecode.object"] } } },
  };
  const findImports = (p) => {
    const f = path.join(root, p);
    return fs.existsSync(f) ? { contents: fs.readFileSync(f, "utf8") } : { error: "not found: " + p };
  };
  const out = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
  const errors = (out.errors || []).filter((e) => e.severity === "error");
  if (errors.length) throw new Error(errors.map((e) => e.formattedMessage).join("\n"));
  const c = out.contracts["EventBurst.sol"].EventBurst;
  return { abi: c.abi, bytecode: "0x" + c.evm.bytecode.object };
}

// Mines `count` empty blocks with one JSON-RPC batch of evm_mine calls (hardhat_mine is not used:
// Hardhat reports a zero parent hash for the blocks it reserves that way).
async function mineEmpty(rpc, count) {
  const batch = Array.from({ length: count }, (_, i) => ({ jsonrpc: "2.0", id: i + 1, method: "evm_mine", params: [] }));
  const r = await fetch(rpc, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(batch) });
  const out = await r.json();
  const failed = out.filter((x) => x.error);
  if (failed.length) throw new Error("evm_mine failed: " + JSON.stringify(failed[0].error));
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
  await (await contract.join(firstMember, members, { nonce: nonce++, gasLimit: 5_000_000n, ...fee })).wait();
  let emitted = members;

  await provider.send("evm_setAutomine", [false]);
  try {
    const rounds = Math.max(1, Math.floor(perTx / 3));
    let pending = 0;
    let salt = 0;
    while (emitted < events) {
      const r = Math.min(rounds, Math.ceil((events - emitted) / 3));
      await contract.burst(firstMember, members, r, salt, { nonce: nonce++, gasLimit: BigInt(40_000 + r * 9_000), ...fee });
      salt += r;
      emitted += 3 * r;
      if (++pending === txsPerBlock) {
        await provider.send("evm_mine", []);
        if (gap > 0) await mineEmpty(rpc, gap);
        pending = 0;
      }
    }
    let paid = 0;
    while (paid < payouts) {
      const n = Math.min(100, payouts - paid);
      await contract.payouts(firstMember, members, n, { nonce: nonce++, gasLimit: BigInt(60_000 + n * 20_000), ...fee });
      paid += n;
      emitted += 2 * n;
      if (++pending === txsPerBlock) {
        await provider.send("evm_mine", []);
        pending = 0;
      }
    }
    if (pending > 0) await provider.send("evm_mine", []);
  } finally {
    await provider.send("evm_setAutomine", [true]);
  }
  const toBlock = Number(await provider.send("eth_blockNumber", []));
  const logs = await provider.send("eth_getLogs", [{ address: await contract.getAddress(), fromBlock: ethers.toQuantity(fromBlock), toBlock: ethers.toQuantity(toBlock) }]);
  if (logs.length !== emitted) throw new Error(`expected ${emitted} logs on chain, found ${logs.length}`);
  console.log(JSON.stringify({ address: (await contract.getAddress()).toLowerCase(), fromBlock, toBlock, events: logs.length,
    seconds: (Date.now() - started) / 1000 }));
}

main().catch((e) => { console.error("emit-events: " + (e.stack || e)); process.exit(1); });
