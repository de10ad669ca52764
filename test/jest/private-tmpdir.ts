// cdktf's Testing.app() and synth helpers make a cdktf.outdir.* folder in the
// temporary directory per app and never remove it: runs of the suite left
// over 200,000 in the machine's shared /tmp. Each jest run gets a temporary
// directory of its own instead (workers inherit TMPDIR), removed at the end,
// in memory where the machine has room (see tools/scratch.ts).
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { scratchDir } from "../../tools/scratch";

/** Where the run's own temporary directory is remembered between globalSetup and globalTeardown (one process). */
const RUN_TMPDIR = "CDKTF_PN_JEST_TMPDIR";
/** The TMPDIR the run started with, to put back. */
const STARTING_TMPDIR = "CDKTF_PN_JEST_STARTING_TMPDIR";
/** The shared tsx cache folder the run's links to. */
export const SHARED_TSX_CACHE = "CDKTF_PN_JEST_TSX_CACHE";

/**
 * tsx's transpile cache folder under a temporary directory (tsx 4 names it
 * `tsx-<uid>`, and chooses it under TMPDIR when it loads).
 */
export function tsxCacheIn(dir: string): string {
  return join(dir, `tsx-${process.geteuid?.() ?? userInfo().username}`);
}

/**
 * globalSetup: the run's own temporary directory becomes TMPDIR. Its tsx
 * cache folder links to the shared one: the worker threads and the tools
 * the tests start (`npm run catalog`, ...) load tsx under the run's TMPDIR,
 * and would otherwise transpile every module afresh in every run, where the
 * test command's other steps have just cached them.
 */
export function useRunTmpdir(): void {
  process.env[STARTING_TMPDIR] = process.env.TMPDIR ?? "";
  const own = mkdtempSync(join(scratchDir(), "cdktf-pn-jest-"));
  const shared = tsxCacheIn(tmpdir());
  mkdirSync(shared, { recursive: true });
  symlinkSync(shared, tsxCacheIn(own), "dir");
  process.env[SHARED_TSX_CACHE] = shared;
  process.env[RUN_TMPDIR] = own;
  process.env.TMPDIR = own;
}

/** globalTeardown: removes the run's temporary directory with everything cdktf left in it (the link to tsx's cache, not the cache). */
export function removeRunTmpdir(): void {
  const own = process.env[RUN_TMPDIR];
  const starting = process.env[STARTING_TMPDIR];
  if (starting === undefined || starting === "") delete process.env.TMPDIR;
  else process.env.TMPDIR = starting;
  if (own !== undefined) rmSync(own, { recursive: true, force: true });
}
