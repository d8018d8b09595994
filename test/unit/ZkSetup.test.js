// The committed result of the development ceremony (scripts/zk-ceremony) is what the tests and the contracts
// use: its files match circuits/setup/SHA256SUMS, the circuit compiled now is the one the proving key was made
// for, and the verification key and the Solidity verifier are exactly what snarkjs exports from that key.
// The ceremony itself (~12 min) is not repeated.
const { expect } = require("chai");
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");
const { execFileSync } = require("child_process");
const zk = require("../../scripts/lib/zk");

const ROOT = path.resolve(__dirname, "..", "..");
const sha256 = (file) => crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");

function sums() {
  const out = {};
  for (const line of fs.readFileSync(path.join(ROOT, "circuits/setup/SHA256SUMS"), "utf8").trim().split("\n")) {
    const [hash, name] = line.trim().split(/\s+/);
    out[name] = hash;
  }
  return out;
}

describe("zero-knowledge setup (committed ceremony output)", function () {
  this.timeout(120000);
  after(zk.shutdown);

  it("the proving key, the verification key, the verifier and the circuit match SHA256SUMS", function () {
    execFileSync(path.join(ROOT, "scripts/zk-build"), ["--no-check"]);
    const s = sums();
    expect(Object.keys(s).sort()).to.deep.equal(["Groth16Verifier.sol", "membership.r1cs", "membership_final.zkey", "membership_vkey.json"]);
    expect(sha256(zk.ZKEY)).to.equal(s["membership_final.zkey"]);
    expect(sha256(zk.VKEY)).to.equal(s["membership_vkey.json"]);
    expect(sha256(path.join(ROOT, "contracts/zk/Groth16Verifier.sol"))).to.equal(s["Groth16Verifier.sol"]);
    expect(sha256(path.join(ROOT, "build/zk/membership.r1cs"))).to.equal(s["membership.r1cs"]);
  });

  it("the verification key and the Solidity verifier are snarkjs's exports of the committed proving key", async function () {
    const snarkjs = require("snarkjs");
    const vkey = await snarkjs.zKey.exportVerificationKey(zk.ZKEY);
    expect(JSON.parse(JSON.stringify(vkey))).to.deep.equal(JSON.parse(fs.readFileSync(zk.VKEY, "utf8")));
    expect(vkey.nPublic).to.equal(5); // nullifier, root, scope, purpose, signalHash
    const template = fs.readFileSync(path.join(ROOT, "node_modules/snarkjs/templates/verifier_groth16.sol.ejs"), "utf8");
    const solidity = await snarkjs.zKey.exportSolidityVerifier(zk.ZKEY, { groth16: template });
    expect(solidity).to.equal(fs.readFileSync(path.join(ROOT, "contracts/zk/Groth16Verifier.sol"), "utf8"));
  });
});
