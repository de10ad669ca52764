import { tmpdir } from "node:os";
import { MEMORY_DIR, MEMORY_DIR_MIN_FREE_BYTES, scratchDir } from "../../tools/scratch";

const TMPFS = 0x01021994;
const EXT4 = 0xef53;
const fs = (type: number, freeBytes: number) => () => ({ type, bsize: 4096, bavail: Math.floor(freeBytes / 4096) });

describe("scratchDir, where the tools and tests put temporary files", () => {
  test("is the memory-backed folder when it is a tmpfs with room", () => {
    expect(scratchDir({}, fs(TMPFS, 24 * 1024 ** 3))).toBe(MEMORY_DIR);
    expect(scratchDir({ TMPDIR: "" }, fs(TMPFS, MEMORY_DIR_MIN_FREE_BYTES))).toBe(MEMORY_DIR);
  });

  test("is the caller's TMPDIR when one is set, even with a roomy tmpfs", () => {
    // Inside jest TMPDIR is the run's own folder (test/jest/private-tmpdir.ts), which tmpdir() returns.
    expect(scratchDir({ TMPDIR: "/somewhere" }, fs(TMPFS, 24 * 1024 ** 3))).toBe(tmpdir());
  });

  test("falls back to the system's temporary folder when the memory folder is small, not a tmpfs, or missing", () => {
    const docker = fs(TMPFS, 64 * 1024 ** 2);
    expect(scratchDir({}, docker)).toBe(tmpdir());
    expect(scratchDir({}, fs(TMPFS, MEMORY_DIR_MIN_FREE_BYTES - 4096))).toBe(tmpdir());
    expect(scratchDir({}, fs(EXT4, 24 * 1024 ** 3))).toBe(tmpdir());
    const missing = () => {
      throw Object.assign(new Error(`ENOENT: no such file or directory, statfs '${MEMORY_DIR}'`), { code: "ENOENT" });
    };
    expect(scratchDir({}, missing)).toBe(tmpdir());
  });
});
