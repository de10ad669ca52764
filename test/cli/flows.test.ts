import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Runs `npm run flows -- <args>` in a process of its own (the command runs at import). */
function flows(...args: string[]): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, ["--import", "tsx", "tools/flows.ts", ...args], { encoding: "utf8" });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

function stackFile(folder: string, name: string, contents: string): string {
  mkdirSync(join(folder, "stacks", name), { recursive: true });
  const file = join(folder, "stacks", name, "cdk.tf.json");
  writeFileSync(file, contents);
  return file;
}

const unprovable = (name: string) => ({ name, expect: "allowed", from: { vpc: "aws_vpc.Missing" }, to: { dnsName: "orders.example.com" } });

describe("npm run flows", () => {
  test("fails when a flow that cannot be proven stops the command: every flow and every stack is reported, then it exits non-zero", () => {
    const out = mkdtempSync(join(tmpdir(), "flows-"));
    stackFile(out, "a-broken", "not json");
    stackFile(out, "a-hand-edited", JSON.stringify({ resource: { aws_vpc: { x: null } } }));
    stackFile(out, "b-stack", JSON.stringify({ "//": { flows: { declared: [unprovable("first"), unprovable("second")] } }, resource: {} }));
    const { status, output } = flows(out);
    expect(status).toBe(1);
    expect(output).toMatch(/FAIL a-broken: .*a-broken\/cdk\.tf\.json is not Terraform JSON/);
    // Named by the part that is wrong, not by a TypeError of the reader.
    expect(output).toMatch(/FAIL a-hand-edited: .*not readable Terraform JSON: resource\.aws_vpc\.x is null/);
    expect(output).toMatch(/FAIL b-stack first: cannot be proven: .*from\.vpc/);
    expect(output).toMatch(/FAIL b-stack second: cannot be proven/);
  });

  test("fails when it checked nothing: an empty stacks/ folder, or --only matching no stack", () => {
    const empty = mkdtempSync(join(tmpdir(), "flows-"));
    mkdirSync(join(empty, "stacks"));
    expect(flows(empty)).toEqual({ status: 1, output: expect.stringContaining("holds no <stack>/cdk.tf.json: nothing to check") });
    const out = mkdtempSync(join(tmpdir(), "flows-"));
    stackFile(out, "one", JSON.stringify({ resource: {} }));
    expect(flows(out, "--only", "^nothing$")).toEqual({ status: 1, output: expect.stringContaining("matches no stack") });
    expect(flows(out)).toEqual({ status: 1, output: expect.stringContaining("declares a flow: nothing was checked") });
  });
});
