/** Tests run through SWC (transpile only); `npm run typecheck` type-checks once. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["@swc/jest", { jsc: { parser: { syntax: "typescript" }, target: "es2022" } }] },
  // speed-setup: no cdktf token-creation stack traces, as in the app (half of jest's CPU time went to mapping them).
  setupFilesAfterEnv: ["<rootDir>/test/setup.ts", "<rootDir>/test/speed-setup.ts"],
  maxWorkers: 2,
  // In the checkout (npm ci empties it), not in the machine's shared /tmp/jest_*: a clean clone starts cold, as CI does.
  cacheDirectory: "<rootDir>/node_modules/.cache/jest",
};
