import { existsSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename } from "node:path";
import { Testing } from "cdktf";

describe("the run's temporary directory", () => {
  test("cdktf's test apps write their output folders into the run's own temporary directory, which globalTeardown removes", () => {
    expect(basename(tmpdir())).toMatch(/^cdktf-pn-jest-/);
    const outdir = Testing.app().outdir;
    expect(outdir.startsWith(tmpdir())).toBe(true);
    expect(existsSync(outdir)).toBe(true);
    expect(readdirSync(tmpdir()).some((entry) => entry.startsWith("cdktf.outdir."))).toBe(true);
  });

  test("is not where tsx keeps its transpile cache: the workers read the shared one (test/jest/tsx.mjs)", () => {
    // By now this worker has transpiled this file and cdktf's setup through tsx.
    expect(readdirSync(tmpdir()).filter((entry) => entry.startsWith("tsx-"))).toEqual([]);
  });
});
