/**
 * Tests run in plain Node through jest-light-runner: each worker thread loads
 * cdktf, the provider classes and our modules once for all its test files,
 * where jest's own runner loads them afresh into a sandbox per file (a third
 * of the suite's CPU time). The tests therefore share a module registry and
 * global state within a worker: nothing here mocks modules, and what a test
 * changes (environment variables, cdktf's stack-trace hook) it changes for the
 * whole run or puts back.
 *
 * TypeScript is transpiled by tsx (no type-checking: `npm run typecheck`
 * does that once): registered here for globalSetup and `--runInBand` (which
 * runs the tests in this process), and in each worker thread by
 * test/jest/tsx.mjs. Threads, not the runner's child processes: its
 * child-process mode lost a worker's start-up message now and then, and the
 * run waited forever.
 */
module.exports = async () => {
  await import("tsx");
  return config;
};

const config = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  // No jest transform: tsx loads the TypeScript.
  transform: {},
  runner: "jest-light-runner",
  // Before the TypeScript setup files: registers tsx in the worker thread.
  setupFiles: ["<rootDir>/test/jest/tsx.mjs"],
  // speed-setup: no cdktf token-creation stack traces, as in the app.
  setupFilesAfterEnv: ["<rootDir>/test/setup.ts", "<rootDir>/test/speed-setup.ts"],
  maxWorkers: 2,
  globalSetup: "<rootDir>/test/jest/global-setup.ts",
  globalTeardown: "<rootDir>/test/jest/global-teardown.ts",
  // In the checkout (npm ci empties it), not in the machine's shared /tmp/jest_*: a clean clone starts cold, as CI does.
  cacheDirectory: "<rootDir>/node_modules/.cache/jest",
};
