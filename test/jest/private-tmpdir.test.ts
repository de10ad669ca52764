import { existsSync, lstatSync, readdirSync, realpathSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename } from "node:path";
import { Testing } from "cdktf";
import { SHARED_TSX_CACHE, tsxCacheIn } from "./private-tmpdir";

describe("the run's temporary directory", () => {
  test("cdktf's test apps write their output folders into the run's own temporary directory, which globalTeardown removes", () => {
    expect(basename(tmpdir())).toMatch(/^cdktf-pn-jest-/);
    const outdir = Testing.app().outdir;
    expect(outdir.startsWith(tmpdir())).toBe(true);
    expect(existsSync(outdir)).toBe(true);
    expect(readdirSync(tmpdir()).some((entry) => entry.startsWith("cdktf.outdir."))).toBe(true);
  });

  test("links tsx's cache folder to the shared one, so that workers and the tools tests start reuse its transpiles", () => {
    // By now this worker has loaded this file and cdktf's setup through tsx, in the folder the link names.
    const link = tsxCacheIn(tmpdir());
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(realpathSync(link)).toBe(realpathSync(process.env[SHARED_TSX_CACHE]!));
    expect(process.env[SHARED_TSX_CACHE]!.startsWith(tmpdir())).toBe(false);
    // A tsx that names its folder otherwise would transpile into the run's folder unseen.
    expect(readdirSync(tmpdir()).filter((entry) => entry.startsWith("tsx"))).toEqual([basename(link)]);
  });
});
