// cdktf's Testing.app() and synth helpers make a cdktf.outdir.* folder in the
// temporary directory per app and never remove it: runs of the suite left
// over 200,000 in the machine's shared /tmp. Each jest run gets a temporary
// directory of its own instead (workers inherit TMPDIR), removed at the end,
// in memory where the machine has room (see tools/scratch.ts).
import { mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { scratchDir } from "../../tools/scratch";

/** Where the run's own temporary directory is remembered between globalSetup and globalTeardown (one process). */
const RUN_TMPDIR = "CDKTF_PN_JEST_TMPDIR";
/** The TMPDIR the run started with, to put back. */
const STARTING_TMPDIR = "CDKTF_PN_JEST_STARTING_TMPDIR";

/** globalSetup: the run's own temporary directory becomes TMPDIR. */
export function useRunTmpdir(): void {
  process.env[STARTING_TMPDIR] = process.env.TMPDIR ?? "";
  const own = mkdtempSync(join(scratchDir(), "cdktf-pn-jest-"));
  process.env[RUN_TMPDIR] = own;
  process.env.TMPDIR = own;
}

/** globalTeardown: removes the run's temporary directory with everything cdktf left in it. */
export function removeRunTmpdir(): void {
  const own = process.env[RUN_TMPDIR];
  const starting = process.env[STARTING_TMPDIR];
  if (starting === undefined || starting === "") delete process.env.TMPDIR;
  else process.env.TMPDIR = starting;
  if (own !== undefined) rmSync(own, { recursive: true, force: true });
}
