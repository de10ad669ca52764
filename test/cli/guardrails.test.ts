import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Log } from "sarif";
import { COMMAND, runGuardrails, USAGE } from "../../modules/cli/guardrails";
import { Finding } from "../../modules/guardrails";

const ROOT = join(__dirname, "..", "..");
const PLAN = "test/fixtures/hcl-plan/plan.json";

/** Runs the command as the shell would, from `cwd`, capturing what it writes. */
function run(argv: readonly string[], cwd = ROOT): { status: number; out: string; err: string } {
  let out = "";
  let err = "";
  const status = runGuardrails(argv, { out: (text) => (out += text), err: (text) => (err += text), cwd });
  return { status, out, err };
}

/** A cdktf output folder with two stacks: a Lattice association without security groups (PN-LT6, LOW), and the same suppressed. */
function cdktfOut(): string {
  const dir = mkdtempSync(join(tmpdir(), "guardrails-cli-"));
  const association = (comment: object) => ({ vpc_identifier: "vpc-0abc", service_network_identifier: "sn-0abc", "//": comment });
  const stacks = {
    app: {
      resource: { aws_vpclattice_service_network_vpc_association: { Assoc_1A2B3C4D: association({ metadata: { path: "app/Assoc/Resource" } }) } },
    },
    legacy: {
      resource: {
        aws_vpclattice_service_network_vpc_association: {
          Assoc_5E6F7A8B: association({
            metadata: { path: "legacy/Assoc/Resource" },
            guardrails_suppressions: { "PN-LT6": "The VPC hosts the gateway only" },
            guardrails_suppressions_declared_on: { "PN-LT6": "legacy" },
          }),
        },
      },
    },
  };
  for (const [name, json] of Object.entries(stacks)) {
    mkdirSync(join(dir, "cdktf.out", "stacks", name), { recursive: true });
    writeFileSync(
      join(dir, "cdktf.out", "stacks", name, "cdk.tf.json"),
      JSON.stringify({ "//": { metadata: { stackName: name } }, ...json }, null, 2),
    );
  }
  return dir;
}

describe(`${COMMAND} over a plan`, () => {
  it("prints a line per finding and exits 1 on unsuppressed findings", () => {
    const { status, out } = run([PLAN]);
    expect(status).toBe(1);
    expect(out).toContain(`FAIL ${PLAN}: 9 finding(s), 0 suppressed`);
    expect(out).toContain("  PN-SG3 NoPublicIngress [HIGH]    module.web.aws_vpc_security_group_ingress_rule.https: ingress tcp 443 from 0.0.0.0/0");
  });

  it("--format sarif locates results at the plan's line for the address", () => {
    const log = JSON.parse(run([PLAN, "--format", "sarif"]).out) as Log;
    const result = log.runs[0].results?.find((r) => r.ruleId === "PN-SG3");
    const line = readFileSync(join(ROOT, PLAN), "utf8").split("\n")[(result?.locations?.[0].physicalLocation?.region?.startLine ?? 0) - 1];
    expect(result?.locations?.[0].physicalLocation?.artifactLocation?.uri).toBe(PLAN);
    expect(line).toContain('"address": "module.web.aws_vpc_security_group_ingress_rule.https"');
    expect(log.runs[0].tool.driver.version).toBe(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version);
  });

  it("--fail-on high fails on HIGH findings only; --format json prints the findings", () => {
    expect(run([PLAN, "--fail-on", "high"]).status).toBe(1);
    const findings = JSON.parse(run([PLAN, "--format=json", "--pack", "scanner-parity"]).out) as Finding[];
    expect(findings.map((f) => f.ruleId).sort()).toEqual(["PN-LOGS1", "PN-SG3", "PN-VPC1", "PN-VPC2"]);
  });
});

describe(`${COMMAND} over cdktf output`, () => {
  let dir: string;
  beforeEach(() => (dir = cdktfOut()));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("reads every stack of a cdktf.out folder, with the suppressions the JSON records", () => {
    const { status, out } = run(["cdktf.out"], dir);
    expect(status).toBe(1);
    expect(out).toContain("FAIL app: 1 finding(s), 0 suppressed");
    expect(out).toContain(
      "  PN-LT6 ServiceNetworkVpcAssociationSecurityGroups [LOW]    app/Assoc/Resource (aws_vpclattice_service_network_vpc_association.Assoc_1A2B3C4D)",
    );
    expect(out).toContain("ok   legacy: 0 finding(s), 1 suppressed");
    expect(out).toContain("(suppressed on legacy: The VPC hosts the gateway only)");
  });

  it("--fail-on medium passes LOW findings, and says so", () => {
    const { status, out } = run(["cdktf.out", "--fail-on", "MEDIUM"], dir);
    expect(status).toBe(0);
    expect(out).toContain("0 finding(s) at --fail-on medium or above");
  });

  it("reads one stack's cdk.tf.json or its folder, and --only selects stacks by name", () => {
    expect(run(["cdktf.out/stacks/legacy/cdk.tf.json"], dir).status).toBe(0);
    expect(run(["cdktf.out/stacks/legacy"], dir).status).toBe(0);
    expect(run(["cdktf.out", "--only", "^leg"], dir)).toMatchObject({ status: 0, out: expect.not.stringContaining("app") });
  });

  it("--format sarif locates results at the resource's line, with the construct path", () => {
    const log = JSON.parse(run(["cdktf.out", "--format", "sarif"], dir).out) as Log;
    const [open, suppressed] = log.runs[0].results ?? [];
    const location = open.locations?.[0];
    const line = readFileSync(join(dir, "cdktf.out", "stacks", "app", "cdk.tf.json"), "utf8").split("\n")[
      (location?.physicalLocation?.region?.startLine ?? 0) - 1
    ];
    expect(location?.physicalLocation?.artifactLocation?.uri).toBe("cdktf.out/stacks/app/cdk.tf.json");
    expect(line.trim()).toBe('"Assoc_1A2B3C4D": {');
    expect(location?.logicalLocations).toContainEqual({ fullyQualifiedName: "app/Assoc/Resource", kind: "object" });
    expect(suppressed.suppressions).toEqual([{ kind: "inSource", justification: "The VPC hosts the gateway only" }]);
  });
});

describe(`${COMMAND} arguments`, () => {
  it("--help prints the usage, --version the package's version", () => {
    expect(run(["--help"])).toEqual({ status: 0, out: USAGE, err: "" });
    expect(run(["-h", PLAN]).out).toBe(USAGE);
    expect(run(["--version"]).out).toBe(`${JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version}\n`);
  });

  it("docs/USAGE.md shows the usage as --help prints it", () => {
    expect(readFileSync(join(ROOT, "docs", "USAGE.md"), "utf8")).toContain(`\`\`\`\n${USAGE}\`\`\``);
  });

  it.each([
    [["--format", "xml", PLAN], '--format "xml" is not a format: use text, json or sarif'],
    [["--format", "sarf", PLAN], '--format "sarf" is not a format (did you mean sarif?): use text, json or sarif'],
    [["--fail-on", "critical", PLAN], '--fail-on "critical" is not a severity: use high, medium or low'],
    [["--fail-on", "hgh", PLAN], '--fail-on "hgh" is not a severity (did you mean high?): use high, medium or low'],
    [
      ["--pack", "scanner_parity", PLAN],
      '--pack "scanner_parity" is not a pack (did you mean scanner-parity?): use private-networking or scanner-parity',
    ],
    [["--only", "(", PLAN], '--only "(" is not a regular expression: Invalid regular expression: /(/: Unterminated group'],
    [["--only", "^prod", PLAN], `--only "^prod" matches none of the stacks: ${PLAN}`],
    [["--format"], "--format needs a value: text, json or sarif"],
    [["--format", "--pack", "scanner-parity", PLAN], "--format needs a value: text, json or sarif"],
    [["--formats", "sarif", PLAN], "unknown option --formats (did you mean --format?); see --help"],
    [[], "no input: name a cdk.tf.json, a cdktf.out folder or the JSON of `terraform show -json <planfile>`; see --help"],
    [["missing.json"], "missing.json: no such file or folder"],
    [["test/fixtures"], "test/fixtures: a folder without stacks/<name>/cdk.tf.json (a cdktf output folder) or cdk.tf.json (a stack's folder)"],
    [["package.json"], "package.json: neither cdktf's cdk.tf.json nor the JSON of `terraform show -json <planfile>`"],
  ])("%j fails with a message naming the option or file and the value", (argv, message) => {
    expect(run(argv)).toEqual({ status: 2, out: "", err: `${COMMAND}: ${message}\n` });
  });

  it("takes --option=value as --option value, and a --fail-on severity in any case", () => {
    const spaced = run(["--format", "json", "--fail-on", "high", PLAN]);
    expect(run([`--format=json`, "--fail-on=HIGH", PLAN])).toEqual(spaced);
    expect(JSON.parse(spaced.out).length).toBeGreaterThan(0);
  });

  it("fails with an input error (exit 2) when the file holds JSON that is not an object", () => {
    const dir = mkdtempSync(join(tmpdir(), "guardrails-cli-"));
    try {
      for (const json of ["[]", "5", "null", '"cdk.tf.json"']) {
        writeFileSync(join(dir, "input.json"), json);
        expect(run(["input.json"], dir)).toEqual({ status: 2, out: "", err: `${COMMAND}: input.json: not a JSON object\n` });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("names a file that is not JSON, with the parser's reason", () => {
    expect(run(["test/fixtures/hcl-plan/main.tf"])).toMatchObject({
      status: 2,
      err: expect.stringMatching(/^cdktf-pn-guardrails: test\/fixtures\/hcl-plan\/main\.tf: not JSON \(.+\)\n$/),
    });
  });

  it("fails with an input error (exit 2) naming the file and the JSON path when the JSON is not shaped as Terraform writes it", () => {
    const dir = mkdtempSync(join(tmpdir(), "guardrails-cli-"));
    try {
      const plan = (resources: unknown) => ({
        format_version: "1.2",
        planned_values: { root_module: { resources } },
        configuration: { root_module: {} },
      });
      const cases: [unknown, string][] = [
        [
          { resource: { aws_vpc: { x: null } } },
          "not readable Terraform JSON: resource.aws_vpc.x is null; expected an object of the block's arguments",
        ],
        [{ resource: 5 }, "not readable Terraform JSON: resource is number 5; expected an object of resource types"],
        [plan(5), "not a readable plan: planned_values.root_module.resources is number 5; expected a list"],
        [plan([null]), "not a readable plan: planned_values.root_module.resources[0] is null; expected an object"],
      ];
      for (const [json, message] of cases) {
        writeFileSync(join(dir, "input.json"), JSON.stringify(json));
        expect(run(["input.json"], dir)).toMatchObject({ status: 2, out: "", err: expect.stringContaining(`${COMMAND}: input.json: ${message}`) });
      }
      mkdirSync(join(dir, "cdktf.out", "stacks", "a", "cdk.tf.json"), { recursive: true });
      expect(run(["cdktf.out"], dir)).toEqual({ status: 2, out: "", err: `${COMMAND}: cdktf.out/stacks/a/cdk.tf.json: a folder, not a JSON file\n` });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("names a state given instead of a plan, and a plan without its configuration", () => {
    const dir = mkdtempSync(join(tmpdir(), "guardrails-cli-"));
    try {
      writeFileSync(join(dir, "state.json"), JSON.stringify({ format_version: "1.0", values: { root_module: {} } }));
      writeFileSync(join(dir, "partial.json"), JSON.stringify({ format_version: "1.2", planned_values: { root_module: {} } }));
      expect(run(["state.json"], dir).err).toContain(
        "state.json: neither cdktf's cdk.tf.json nor the JSON of `terraform show -json <planfile>` (it looks like a state: run terraform show -json on a plan file)",
      );
      expect(run(["partial.json"], dir).err).toBe(
        `${COMMAND}: partial.json: not the JSON of \`terraform show -json <planfile>\` (it needs planned_values.root_module and configuration.root_module)\n`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
