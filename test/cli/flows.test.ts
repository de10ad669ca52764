import { App, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FLOWS_COMMAND, FLOWS_USAGE, runFlows } from "../../modules/cli/flows";
import { Flows } from "../../modules/flows";
import { Peer, SecurityGroup, Vpc } from "../../modules/vpc";

/** Runs the command as the shell would, from `cwd`, capturing what it writes. */
function flows(argv: readonly string[], cwd = process.cwd()): { status: number; out: string; err: string } {
  let out = "";
  let err = "";
  const status = runFlows(argv, { out: (text) => (out += text), err: (text) => (err += text), cwd });
  return { status, out, err };
}

function stackFile(folder: string, name: string, contents: string): string {
  mkdirSync(join(folder, "stacks", name), { recursive: true });
  const file = join(folder, "stacks", name, "cdk.tf.json");
  writeFileSync(file, contents);
  return file;
}

const unprovable = (name: string) => ({ name, expect: "allowed", from: { vpc: "aws_vpc.Missing" }, to: { dnsName: "orders.example.com" } });

/** A cdktf.out of one stack declaring two flows: one that holds, one that does not (the group admits 443 only). */
function synthesizedOut(): string {
  const outdir = mkdtempSync(join(tmpdir(), "flows-cli-"));
  const app = new App({ outdir });
  const stack = new TerraformStack(app, "shop");
  new AwsProvider(stack, "aws", { region: "us-east-1" });
  const vpc = new Vpc(stack, "Vpc", { name: "shop", cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a"] });
  const web = new SecurityGroup(stack, "Web", { vpc, description: "Web servers" });
  web.addIngressRule({ peer: Peer.cidr("10.0.0.0/16"), port: 443, description: "HTTPS from the VPC" });
  Flows.of(stack).allow("https", { from: vpc, to: { target: web, port: 443 } });
  Flows.of(stack).allow("ssh", { from: vpc, to: { target: web, port: 22 } });
  app.synth();
  return outdir;
}

describe(FLOWS_COMMAND, () => {
  test("re-proves the declared flows of a cdktf.out: one line per flow, and exit 1 when one is not as declared", () => {
    const out = synthesizedOut();
    try {
      const run = flows([out]);
      expect(run.status).toBe(1);
      expect(run.out).toMatch(/^ok {3}shop https: allowed$/m);
      expect(run.out).toMatch(/^FAIL shop ssh: denied \(declared allowed\) — .*22/m);
      expect(run.err).toContain("flows not as declared: shop ssh");
      expect(flows([out, "--only", "^nothing$"])).toMatchObject({ status: 2, err: expect.stringContaining("matches no stack") });
      // One stack's file, given directly, and --hops prints the hops of the flow that holds too.
      const one = flows([join(out, "stacks", "shop", "cdk.tf.json"), "--hops"]);
      expect(one.out).toMatch(/ok {3}shop https: allowed\n(?: {2}.*\n)+/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  test("fails when a flow that cannot be proven or a stack that cannot be read stops it: every flow and every stack is reported, then exit 1", () => {
    const out = mkdtempSync(join(tmpdir(), "flows-"));
    stackFile(out, "a-broken", "not json");
    stackFile(out, "a-hand-edited", JSON.stringify({ resource: { aws_vpc: { x: null } } }));
    stackFile(out, "b-stack", JSON.stringify({ "//": { flows: { declared: [unprovable("first"), unprovable("second")] } }, resource: {} }));
    const { status, out: output } = flows([out]);
    expect(status).toBe(1);
    expect(output).toMatch(/FAIL a-broken: .*a-broken\/cdk\.tf\.json is not Terraform JSON/);
    // Named by the part that is wrong, not by a TypeError of the reader.
    expect(output).toMatch(/FAIL a-hand-edited: .*not readable Terraform JSON: resource\.aws_vpc\.x is null/);
    expect(output).toMatch(/FAIL b-stack first: cannot be proven: .*from\.vpc/);
    expect(output).toMatch(/FAIL b-stack second: cannot be proven/);
  });

  test.each([
    ["declared is not a list", { declared: 5 }, "//.flows.declared is number 5; expected a list of declared flows"],
    ["a declared flow is null", { declared: [null] }, "//.flows.declared[0] is null; expected a declared flow"],
    [
      "a declared flow has no name",
      { declared: [{ ...unprovable("x"), name: undefined }] },
      "//.flows.declared[0].name is missing; expected the flow's name",
    ],
    [
      "a declared flow expects neither verdict",
      { declared: [{ ...unprovable("x"), expect: "maybe" }] },
      '//.flows.declared[0].expect is string "maybe"',
    ],
    [
      "a denied flow's reason is not a string",
      { declared: [{ ...unprovable("x"), expect: "denied", reason: 5 }] },
      "//.flows.declared[0].reason is number 5",
    ],
    ["//.flows is not an object", 5, "//.flows is number 5; expected an object"],
  ])("fails when %s: the stack file is unreadable (exit 1), named by the part that is wrong, never a TypeError", (_, recorded, message) => {
    const out = mkdtempSync(join(tmpdir(), "flows-"));
    try {
      const file = stackFile(out, "s", JSON.stringify({ "//": { metadata: { stackName: "s" }, flows: recorded }, resource: {} }));
      const run = flows([file]);
      expect(run.status).toBe(1);
      expect(run.out).toContain(`FAIL s: ${file}: not readable Terraform JSON: ${message}`);
      expect(run.err).toContain(`unreadable stack files: ${file}`);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  test("fails when it checks nothing: no declared flow is exit 1; no input, an empty stacks/ folder or a missing path are usage errors (exit 2)", () => {
    const out = mkdtempSync(join(tmpdir(), "flows-"));
    stackFile(out, "one", JSON.stringify({ resource: {} }));
    expect(flows([out])).toMatchObject({ status: 1, err: expect.stringContaining("declares a flow: nothing was checked") });
    const empty = mkdtempSync(join(tmpdir(), "flows-"));
    mkdirSync(join(empty, "stacks"));
    expect(flows([empty])).toMatchObject({ status: 2, err: expect.stringContaining("holds no <stack>/cdk.tf.json: nothing to check") });
    expect(flows([])).toEqual({ status: 2, out: "", err: `${FLOWS_COMMAND}: no input: name a cdktf.out folder or cdk.tf.json files; see --help\n` });
    expect(flows(["missing.out"])).toMatchObject({ status: 2, err: expect.stringContaining("missing.out: no such file or folder") });
  });

  test.each([
    [["--hop", "x"], "unknown option --hop (did you mean --hops?); see --help"],
    [["--only"], "--only needs a value: a regular expression over stack names"],
    [["--only", "(", "x"], '--only "(" is not a regular expression'],
  ])("%j fails with a usage error naming the option", (argv, message) => {
    expect(flows(argv)).toMatchObject({ status: 2, out: "", err: expect.stringContaining(`${FLOWS_COMMAND}: ${message}`) });
  });

  test("--help prints the usage, --version the package's version", () => {
    expect(flows(["--help"])).toEqual({ status: 0, out: FLOWS_USAGE, err: "" });
    expect(flows(["--version"]).out).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
