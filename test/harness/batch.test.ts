import { join } from "node:path";
import {
  attribute,
  Attribution,
  errorDiagnostics,
  failOnDeprecatedSyntax,
  mockModule,
  mockRootFile,
  mockTestFile,
  moduleSource,
  notBatchable,
  rootFile,
  runBatches,
} from "../../tools/harness/batch";
import { StackJson } from "../../tools/harness/offline-plan";
import { parseReattach } from "../../tools/harness/provider-server";

const crossAccount: StackJson = {
  terraform: { backend: { local: { path: "../../../terraform.x.tfstate" } }, required_providers: { aws: { source: "aws", version: "5.100.0" } } },
  provider: {
    aws: [
      { region: "us-east-1", default_tags: [{ tags: { "cdktf-stack": "x" } }] },
      { alias: "partner", region: "us-east-1", assume_role: [{ role_arn: "arn:aws:iam::222222222222:role/NetworkingDeployment" }] },
    ],
  },
  variable: { with_default: { type: "string", default: "a" }, required: { type: "string", sensitive: true } },
  output: { plain: { value: "${aws_vpc.v.id}" }, secret: { value: "${aws_vpc.v.arn}", sensitive: true } },
  data: { aws_caller_identity: { me: {} } },
  resource: { aws_vpc: { v: { cidr_block: "10.0.0.0/16" } } },
};

describe("batch roots", () => {
  test("a stack's root file calls its module, turns required variables into root variables and mirrors its outputs", () => {
    expect(rootFile("x", "../../stacks/x", crossAccount)).toEqual({
      module: { x: { source: "../../stacks/x", required: "${var.x__required}" } },
      variable: { x__required: { type: "string", sensitive: true } },
      output: { x__plain: { value: "${module.x.plain}" }, x__secret: { value: "${module.x.secret}", sensitive: true } },
    });
  });

  test("the mocked test root's module keeps resources and data, declares its aliases and has no provider blocks or backend", () => {
    const child = mockModule(crossAccount);
    expect(child.provider).toBeUndefined();
    expect(child.terraform?.backend).toBeUndefined();
    expect(child.terraform?.required_providers).toEqual({ aws: { source: "aws", version: "5.100.0", configuration_aliases: ["aws.partner"] } });
    expect(child.resource).toEqual(crossAccount.resource);
    expect(child.data).toEqual(crossAccount.data);
    expect(child.output).toEqual(crossAccount.output);
    const withRandom = mockModule({ ...crossAccount, provider: { ...crossAccount.provider, random: [{}] } as StackJson["provider"] });
    expect(withRandom.provider).toEqual({ random: [{}] });
  });

  test("the mocked test root holds the stack's provider blocks under aliases of its own and passes them to the module", () => {
    const file = mockRootFile("x", "./stacks/x", crossAccount) as {
      module: { x: { providers: object } };
      provider: { aws: { alias: string; assume_role?: unknown }[] };
    };
    expect(file.module.x.providers).toEqual({ aws: "aws.x__default", "aws.partner": "aws.x__partner" });
    expect(file.provider.aws.map((p) => p.alias)).toEqual(["x__default", "x__partner"]);
    expect(file.provider.aws[1].assume_role).toEqual(crossAccount.provider!.aws![1].assume_role);
    const implicit = mockRootFile("y", "./stacks/y", { resource: { aws_vpc: { v: {} } } }) as { provider: { aws: object[] } };
    expect(implicit.provider.aws).toEqual([{ alias: "y__default" }]);
  });

  test("the mocked test file mocks every configuration of every stack and knows which lines are whose", () => {
    const other: StackJson = { provider: { aws: [{ region: "us-east-1" }] }, resource: { aws_lb: { l: {} } } };
    const { text, lines } = mockTestFile([
      { stack: "x", config: crossAccount },
      { stack: "y", config: other },
    ]);
    expect(text.match(/mock_provider "aws" \{/g)).toHaveLength(3);
    expect(text).toContain('alias = "x__partner"');
    expect(text).toMatch(/run "apply" \{\n  command = apply\n\}/);
    const textLines = text.split("\n");
    const yLines = textLines.slice(lines[1].from - 1, lines[1].to);
    expect(yLines[1]).toBe('  alias = "y__default"');
    expect(yLines.join("\n")).toContain('mock_resource "aws_lb"');
    expect(textLines.slice(lines[0].from - 1, lines[0].to).join("\n")).toContain('mock_data "aws_caller_identity"');
  });

  test("stacks with blocks only a root may hold are checked on their own", () => {
    expect(notBatchable(crossAccount)).toBeUndefined();
    expect(notBatchable({ import: { i: { id: "vpc-1", to: "aws_vpc.v" } } })).toMatch(/import/);
    expect(notBatchable({ terraform: { cloud: { organization: "o" } } })).toMatch(/cloud/);
  });

  test("module sources are relative to the root", () => {
    expect(moduleSource("/w/.harness/batch/plan", "/w/.harness/stacks/x")).toBe("../../stacks/x");
    expect(moduleSource("/w/.harness/batch/test", "/w/.harness/batch/test/stacks/x")).toBe("./stacks/x");
  });
});

describe("errors name their stack", () => {
  const root = "/w/.harness/batch/validate";
  const attribution: Attribution = {
    root,
    members: ["ep1", "ep1-extra", "rc4"].map((stack) => ({ stack, dir: join("/w/.harness/stacks", stack) })),
    lines: { file: "harness.tftest.hcl", ranges: [{ stack: "rc4", from: 1, to: 10 }] },
  };

  test("validate -json: one document", () => {
    const document = JSON.stringify(
      {
        valid: false,
        diagnostics: [
          { severity: "warning", summary: "Backend configuration ignored", range: { filename: "../../stacks/ep1/cdk.tf.json", start: { line: 1 } } },
          {
            severity: "error",
            summary: "Extraneous JSON object property",
            range: { filename: "../../stacks/ep1-extra/cdk.tf.json", start: { line: 158 } },
          },
          {
            severity: "error",
            summary: "expected cidr_block to contain a valid Value",
            address: "module.rc4.aws_vpc.V",
            range: { filename: "../../stacks/rc4/cdk.tf.json", start: { line: 3 } },
          },
        ],
      },
      null,
      2,
    );
    const diagnostics = errorDiagnostics(document);
    expect(diagnostics).toHaveLength(2);
    const { byStack, unattributed } = attribute(diagnostics, attribution);
    expect(Object.fromEntries(byStack)).toEqual({
      "ep1-extra": "Error: Extraneous JSON object property",
      rc4: "Error: expected cidr_block to contain a valid Value",
    });
    expect(unattributed).toEqual([]);
  });

  test("validate -json: a warning of deprecated syntax fails the run and names its stack; other warnings do not", () => {
    const attribution: Attribution = { root: "/h/batch/hcl", members: [{ stack: "ep1", dir: "/h/hcl/ep1" }] };
    const validate = (...diagnostics: object[]) => ({
      ok: true,
      output: "",
      stdout: JSON.stringify({ valid: true, diagnostics }),
      seconds: 1,
    });
    const ignored = {
      severity: "warning",
      summary: "Backend configuration ignored",
      range: { filename: "../../hcl/ep1/cdk.tf", start: { line: 1 } },
    };
    const quoted = {
      severity: "warning",
      summary: "Quoted references are deprecated",
      range: { filename: "../../hcl/ep1/cdk.tf", start: { line: 55 } },
    };
    expect(failOnDeprecatedSyntax(validate(ignored)).ok).toBe(true);
    const failed = failOnDeprecatedSyntax(validate(ignored, quoted));
    expect(failed.ok).toBe(false);
    expect(Object.fromEntries(attribute(errorDiagnostics(failed.stdout), attribution).byStack)).toEqual({
      ep1: "Error: Quoted references are deprecated",
    });
    const notJson = { ok: true, output: "x", stdout: "Success!", seconds: 1 };
    expect(failOnDeprecatedSyntax(notJson)).toBe(notJson);
  });

  test("plan, test and init -json: JSON lines; by address, root file and test-file lines; the rest names no stack", () => {
    const lines = [
      { type: "version", terraform: "1.11.4" },
      { type: "diagnostic", diagnostic: { severity: "error", summary: "Resource postcondition failed", address: "module.ep1.aws_vpc.V" } },
      {
        type: "diagnostic",
        diagnostic: { severity: "error", summary: "Output refers to sensitive values", range: { filename: "rc4.root.tf.json", start: { line: 2 } } },
      },
      {
        type: "diagnostic",
        diagnostic: { severity: "error", summary: "Invalid mock defaults", range: { filename: "harness.tftest.hcl", start: { line: 4 } } },
      },
      { type: "diagnostic", diagnostic: { severity: "error", summary: "Failed to query available provider packages" } },
    ]
      .map((l) => JSON.stringify(l))
      .join("\n");
    const { byStack, unattributed } = attribute(errorDiagnostics(`${lines}\nnot json\n`), attribution);
    expect(Object.fromEntries(byStack)).toEqual({ ep1: "Error: Resource postcondition failed", rc4: "Error: Output refers to sensitive values" });
    expect(unattributed).toEqual(["Error: Failed to query available provider packages"]);
  });

  test("a module address names the stack, not a stack whose name it starts with", () => {
    const { byStack } = attribute([{ summary: "x", address: "module.ep1-extra.aws_vpc.V" }], attribution);
    expect([...byStack.keys()]).toEqual(["ep1-extra"]);
  });
});

describe("provider server", () => {
  test("reads the reattach configuration the provider prints in debug mode", () => {
    const printed = [
      "Provider started. To attach Terraform CLI, set the TF_REATTACH_PROVIDERS environment variable with the following:",
      "",
      `\tTF_REATTACH_PROVIDERS='{"registry.terraform.io/hashicorp/aws":{"Protocol":"grpc","ProtocolVersion":5,"Pid":27533,"Test":true,"Addr":{"Network":"unix","String":"/tmp/plugin1932899078"}}}'`,
      "",
    ].join("\n");
    expect(JSON.parse(parseReattach(printed)!)).toEqual({
      "registry.terraform.io/hashicorp/aws": expect.objectContaining({ Pid: 27533, Addr: { Network: "unix", String: "/tmp/plugin1932899078" } }),
    });
    expect(parseReattach("Provider started.")).toBeUndefined();
  });
});

describe("runBatches", () => {
  const attribution = (members: string[]): Attribution => ({ root: "/r", members: members.map((stack) => ({ stack, dir: `/s/${stack}` })) });
  const diagnostic = (summary: string, filename?: string): string =>
    JSON.stringify({
      type: "diagnostic",
      diagnostic: { severity: "error", summary, ...(filename ? { range: { filename, start: { line: 1 } } } : {}) },
    });
  const noSingles = async (): Promise<never> => {
    throw new Error("no stack should run on its own");
  };

  test("a stack an error names fails and the batch runs again without it; the others pass", async () => {
    const calls: string[][] = [];
    const { outcomes, runs } = await runBatches(
      ["a", "b", "c"],
      async (members) => {
        calls.push(members);
        const broken = members.filter((m) => m !== "c");
        // Terraform may stop at the first failing phase: here b's error shows only once a is gone.
        const named = broken.includes("a") ? ["a"] : broken.filter((m) => m === "b");
        return {
          result: {
            ok: named.length === 0,
            stdout: named.map((m) => diagnostic(`${m} is broken`, `/s/${m}/cdk.tf.json`)).join("\n"),
            output: "",
            seconds: 1,
          },
          attribution: attribution(members),
        };
      },
      noSingles,
      2,
    );
    expect(calls).toEqual([["a", "b", "c"], ["b", "c"], ["c"]]);
    expect(outcomes).toEqual([
      { stack: "a", ok: false, error: "Error: a is broken" },
      { stack: "b", ok: false, error: "Error: b is broken" },
      { stack: "c", ok: true },
    ]);
    expect(runs.map((r) => r.result)).toEqual(["failed: a", "failed: b", "ok"]);
  });

  test("errors that name no stack send every remaining stack through its own command", async () => {
    const singles: string[] = [];
    const { outcomes, runs } = await runBatches(
      ["a", "b"],
      async (members) => ({
        result: { ok: false, stdout: diagnostic("Failed to query available provider packages"), output: "", seconds: 1 },
        attribution: attribution(members),
      }),
      async (stack) => {
        singles.push(stack);
        return stack === "b"
          ? { ok: false, output: "Error: Failed to query available provider packages\n", seconds: 0.5 }
          : { ok: true, output: "", seconds: 0.4 };
      },
      2,
    );
    expect(singles.sort()).toEqual(["a", "b"]);
    expect(outcomes).toEqual([
      { stack: "a", ok: true, seconds: 0.4 },
      { stack: "b", ok: false, seconds: 0.5, error: "Error: Failed to query available provider packages" },
    ]);
    expect(runs[0].result).toMatch(/names no stack.*each stack on its own/);
  });

  test("a failed run without any error output is not a pass", async () => {
    const { outcomes } = await runBatches(
      ["a"],
      async (members) => ({ result: { ok: false, stdout: "", output: "panic: crashed\n", seconds: 1 }, attribution: attribution(members) }),
      async () => ({ ok: false, output: "panic: crashed\n", seconds: 1 }),
      1,
    );
    expect(outcomes).toEqual([{ stack: "a", ok: false, seconds: 1, error: "panic: crashed" }]);
  });
});
