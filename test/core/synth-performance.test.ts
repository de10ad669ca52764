import { execFileSync } from "node:child_process";
import { join } from "node:path";

/** The fixture's report from a fresh process, where nothing has switched the traces off yet. */
function report(): { before: number; disabled: boolean; after: number; sameOutput: boolean } {
  const script = join(__dirname, "..", "fixtures", "token-traces", "report.ts");
  return JSON.parse(execFileSync(process.execPath, ["--import", "tsx", script], { encoding: "utf8" }));
}

describe("disableTokenCreationStackTraces", () => {
  test("stops the runtime recording a trace per token and changes no output", () => {
    const { before, disabled, after, sameOutput } = report();
    expect(before).toBeGreaterThan(0);
    expect(disabled).toBe(true);
    expect(after).toBe(0);
    expect(sameOutput).toBe(true);
  });
});
