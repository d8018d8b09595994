// TRACE=1 ./scripts/bench-gas: where the gas of each v2 row goes (SLOAD/SSTORE by cost, logs, calls), from debug_traceTransaction.
// summarises storage/calls/logs gas of a tx via debug_traceTransaction
const { network } = require("hardhat");
module.exports = async function trace(hash, label) {
  const t = await network.provider.send("debug_traceTransaction", [hash, { disableStorage: true, disableMemory: true, disableStack: false }]);
  const sum = {}; let n = {};
  for (const s of t.structLogs) {
    let key = s.op;
    if (s.op === "SSTORE") key = `SSTORE(${s.gasCost})`;
    if (s.op === "SLOAD") key = `SLOAD(${s.gasCost})`;
    if (["CALL","DELEGATECALL","STATICCALL","EXTCODECOPY"].includes(s.op)) key = s.op;
    sum[key] = (sum[key] || 0) + (["CALL","DELEGATECALL","STATICCALL"].includes(s.op) ? 0 : s.gasCost);
    n[key] = (n[key] || 0) + 1;
  }
  const keys = Object.keys(sum).filter(k => k.startsWith("SSTORE") || k.startsWith("SLOAD") || k.startsWith("LOG") || k.includes("CALL") || k==="EXTCODECOPY" || k==="KECCAK256");
  const other = Object.entries(sum).filter(([k]) => !keys.includes(k)).reduce((a, [, v]) => a + v, 0);
  console.log(`TRACE ${label}: gas ${t.gas} | ` + keys.map(k => `${k}x${n[k]}=${sum[k]}`).join(" ") + ` | other ops ${other}`);
};
