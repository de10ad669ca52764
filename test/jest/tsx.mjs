// Registers tsx in a jest-light-runner worker thread before the TypeScript setup files and tests load (see jest.config.js).
//
// tsx keeps its transpile cache in <tmpdir>/tsx-<uid>, chosen when it loads. The worker's TMPDIR is the run's own
// folder, removed at the end (private-tmpdir.ts): loaded under it, tsx would transpile every file afresh in every run,
// where the test command's other steps have just transpiled the same modules into the shared cache. So tsx loads
// under the TMPDIR the run started with.
const runTmpdir = process.env.TMPDIR;
const starting = process.env.CDKTF_PN_JEST_STARTING_TMPDIR;
if (starting === undefined || starting === "") delete process.env.TMPDIR;
else process.env.TMPDIR = starting;
const [{ register: registerEsm }, { register: registerCjs }] = await Promise.all([import("tsx/esm/api"), import("tsx/cjs/api")]);
if (runTmpdir === undefined) delete process.env.TMPDIR;
else process.env.TMPDIR = runTmpdir;

registerEsm();
registerCjs();
