import { statfsSync } from "node:fs";
import { tmpdir } from "node:os";

/** Linux's memory-backed file system, where most distributions mount a tmpfs. */
export const MEMORY_DIR = "/dev/shm";
/** statfs's type of a tmpfs (TMPFS_MAGIC in linux/magic.h). */
const TMPFS_MAGIC = 0x01021994;
/** Room the test command's temporary files need at once: the consumer's npm install (~450 MB), the app's synths, jest's outputs. */
export const MEMORY_DIR_MIN_FREE_BYTES = 2 * 1024 ** 3;

/**
 * The folder for the tools' and tests' temporary files: TMPDIR when the
 * caller set one, else {@link MEMORY_DIR} when it is a tmpfs with at least
 * {@link MEMORY_DIR_MIN_FREE_BYTES} free, else the system's temporary folder.
 *
 * Why memory: the test command writes about half a gigabyte of temporary
 * files (most of it the consumer proof's npm install) and deletes them
 * again. On this machine's disk (ext4 mounted with `discard`, in a VM) that
 * npm install took 26 to 43 s and 18 to 37 CPU-s of system time, in memory
 * 13 to 18 s and 7 to 14. A container's small /dev/shm (Docker gives 64 MB)
 * fails the free-space test and the disk is used, as before.
 */
export function scratchDir(
  env: NodeJS.ProcessEnv = process.env,
  probe: (path: string) => { type: number; bsize: number; bavail: number } = statfsSync,
): string {
  if (env.TMPDIR !== undefined && env.TMPDIR !== "") return tmpdir();
  try {
    const fs = probe(MEMORY_DIR);
    if (fs.type === TMPFS_MAGIC && fs.bsize * fs.bavail >= MEMORY_DIR_MIN_FREE_BYTES) return MEMORY_DIR;
  } catch {
    // No /dev/shm (macOS, Windows): the system's temporary folder.
  }
  return tmpdir();
}
