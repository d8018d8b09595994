// solidity-coverage: `npm run coverage` (report in coverage/, summary on stdout).
module.exports = {
  skipFiles: ["mocks/"],
  mocha: { grep: "@property", invert: true }, // the property run is long under instrumentation; unit tests cover the lines
};
