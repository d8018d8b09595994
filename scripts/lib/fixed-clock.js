// Makes a Hardhat in-process chain reproducible for the gas benchmark: every block gets a
// timestamp from a virtual clock (the previous block's + 1 s, plus what evm_increaseTime asked for),
// never the wall clock, and the genesis date is fixed (HARDHAT_INITIAL_DATE, set by
// scripts/bench-gas, read in hardhat.config.js). Block hashes, and so the jury's draw seeds, are
// then the same on every run. An explicit evm_setNextBlockTimestamp is kept as is.
const { network } = require("hardhat");

function install() {
  const provider = network.provider;
  const base = provider.request.bind(provider);
  let increase = 0;
  let explicit = false;
  provider.send = (method, params = []) => provider.request({ method, params });
  provider.request = async (args) => {
    const { method, params } = args;
    if (method === "evm_increaseTime") {
      increase += Number(params[0]);
      return String(increase);
    }
    if (method === "evm_setNextBlockTimestamp") {
      explicit = true;
      increase = 0;
      return base(args);
    }
    if (method === "eth_sendTransaction" || method === "eth_sendRawTransaction" || method === "evm_mine") {
      if (explicit) {
        explicit = false;
      } else {
        const latest = await base({ method: "eth_getBlockByNumber", params: ["latest", false] });
        await base({ method: "evm_setNextBlockTimestamp", params: [Number(latest.timestamp) + 1 + increase] });
        increase = 0;
      }
    }
    return base(args);
  };
}

module.exports = { install };
