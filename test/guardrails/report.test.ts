import { readFileSync } from "node:fs";
import Ajv from "ajv";
import type { Log } from "sarif";
import { Finding, formatFindings, PRIVATE_NETWORKING_PACK, sarifReport, SCANNER_PARITY_PACK } from "../../modules/guardrails";

/** Microsoft's SARIF SDK ships the OASIS SARIF 2.1.0 schema (JSON Schema draft-04, which Ajv 6 reads). */
function sarifValidator() {
  const ajv = new Ajv({ schemaId: "auto", allErrors: true });
  const schema = (module: string) => JSON.parse(readFileSync(require.resolve(module), "utf8")) as object;
  ajv.addMetaSchema(schema("ajv/lib/refs/json-schema-draft-04.json"));
  return ajv.compile(schema("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"));
}

const fromCdktf: Finding = {
  stack: "es1-internal-api",
  ruleId: "PN-LT1",
  ruleName: "LatticeAuthTypeIam",
  severity: "HIGH",
  address: "aws_vpclattice_service.Svc_Resource_0A1B2C3D",
  path: "es1-internal-api/Svc/Resource",
  message: "auth_type is NONE",
};
const fromPlan: Finding = {
  stack: "infra/plan.json",
  ruleId: "PN-SG3",
  ruleName: "NoPublicIngress",
  severity: "HIGH",
  address: "module.web.aws_vpc_security_group_ingress_rule.https",
  path: "module.web.aws_vpc_security_group_ingress_rule.https",
  message: "ingress tcp 443 from 0.0.0.0/0",
};
const suppressed: Finding = {
  stack: "rc1-shared-rds",
  ruleId: "PN-RAM2",
  ruleName: "RamShareNoExternalPrincipals",
  severity: "MEDIUM",
  address: "aws_ram_resource_share.Share_0A1B2C3D",
  path: "rc1-shared-rds/Partner/Share/Resource",
  message: "allow_external_principals is true",
  suppression: { ruleId: "PN-RAM2", reason: "The partner account is outside our organization", declaredOn: "rc1-shared-rds/Partner" },
};

describe("formatFindings", () => {
  it("writes a line per finding with rule, severity, location and message; the address alone when there is no construct path", () => {
    const lines = formatFindings([fromCdktf, fromPlan], ["es1-internal-api", "infra/plan.json"]).split("\n");
    expect(lines).toContain(
      "  PN-LT1 LatticeAuthTypeIam [HIGH]    es1-internal-api/Svc/Resource (aws_vpclattice_service.Svc_Resource_0A1B2C3D): auth_type is NONE",
    );
    expect(lines).toContain(
      "  PN-SG3 NoPublicIngress [HIGH]    module.web.aws_vpc_security_group_ingress_rule.https: ingress tcp 443 from 0.0.0.0/0",
    );
  });

  it("lists the findings of the rules it is given (a custom pack's)", () => {
    const custom = { ...PRIVATE_NETWORKING_PACK.rules[0], id: "ACME-1", name: "Custom" };
    const text = formatFindings([{ ...fromPlan, ruleId: "ACME-1", ruleName: "Custom" }], ["infra/plan.json"], [custom]);
    expect(text).toContain("  ACME-1 Custom [LOW]    module.web.aws_vpc_security_group_ingress_rule.https");
  });
  it("fails when it leaves out a finding: the findings of rules it is not given are printed too (the call with the stack names alone)", () => {
    const text = formatFindings([{ ...fromPlan, ruleId: "ACME-1", ruleName: "Custom", severity: "LOW" }], ["infra/plan.json"]);
    expect(text).toContain("  ACME-1 Custom [LOW]    module.web.aws_vpc_security_group_ingress_rule.https");
  });
});

describe("sarifReport", () => {
  const text = sarifReport([fromCdktf, fromPlan, suppressed], {
    pack: PRIVATE_NETWORKING_PACK,
    toolVersion: "1.2.3",
    locate: (f) => (f.stack === "infra/plan.json" ? { uri: "infra/plan.json", startLine: 42 } : undefined),
  });
  const log = JSON.parse(text) as Log;
  const [run] = log.runs;

  it("is valid SARIF 2.1.0", () => {
    const validate = sarifValidator();
    expect(validate(log) ? [] : validate.errors).toEqual([]);
    // The schema bites: a log of another version or a result without a message is refused.
    expect(validate({ ...log, version: "2.0.0" })).toBe(false);
    expect(validate({ ...log, runs: [{ ...run, results: [{ ruleId: "PN-LT1" }] }] })).toBe(false);
    expect(log).toMatchObject({ version: "2.1.0", $schema: expect.stringContaining("sarif-2.1.0") });
    expect(log.runs).toHaveLength(1);
  });

  it("describes every rule of the pack: name, description, fix as help, severity and the other scanners' IDs", () => {
    expect(run.tool.driver).toMatchObject({ name: "cdktf-pn-guardrails", version: "1.2.3" });
    expect(run.tool.driver.rules?.map((r) => r.id)).toEqual(PRIVATE_NETWORKING_PACK.rules.map((r) => r.id));
    expect(run.tool.driver.rules?.find((r) => r.id === "PN-SG3")).toMatchObject({
      name: "NoPublicIngress",
      shortDescription: { text: "No public ingress" },
      fullDescription: { text: expect.stringContaining("admits the whole internet") },
      help: { text: expect.stringContaining("Fix: Use the VPC CIDR") },
      defaultConfiguration: { level: "error" },
      properties: {
        severity: "HIGH",
        "security-severity": "8.0",
        checkov: expect.arrayContaining(["CKV_AWS_24"]),
        trivy: ["AWS-0107"],
        securityHub: expect.arrayContaining(["EC2.18"]),
      },
    });
    expect(run.tool.driver.rules?.find((r) => r.id === "PN-RAM2")?.properties).not.toHaveProperty("checkov");
  });

  it("reports each finding: error for HIGH, warning otherwise, at its Terraform address, construct path and file", () => {
    expect(run.results).toHaveLength(3);
    const [lattice, ingress, share] = run.results ?? [];
    expect(lattice).toMatchObject({
      ruleId: "PN-LT1",
      ruleIndex: PRIVATE_NETWORKING_PACK.rules.findIndex((r) => r.id === "PN-LT1"),
      level: "error",
      message: { text: "auth_type is NONE (aws_vpclattice_service.Svc_Resource_0A1B2C3D in es1-internal-api)" },
      locations: [
        {
          logicalLocations: [
            { fullyQualifiedName: "aws_vpclattice_service.Svc_Resource_0A1B2C3D", kind: "resource" },
            { fullyQualifiedName: "es1-internal-api/Svc/Resource", kind: "object" },
          ],
        },
      ],
    });
    expect(ingress.locations).toEqual([
      {
        physicalLocation: { artifactLocation: { uri: "infra/plan.json" }, region: { startLine: 42 } },
        logicalLocations: [{ fullyQualifiedName: "module.web.aws_vpc_security_group_ingress_rule.https", kind: "resource" }],
      },
    ]);
    expect(share).toMatchObject({
      level: "warning",
      suppressions: [{ kind: "inSource", justification: "The partner account is outside our organization" }],
    });
    expect(lattice).not.toHaveProperty("suppressions");
  });

  it("describes only the rules of the pack that ran", () => {
    const parity = JSON.parse(sarifReport([fromPlan], { pack: SCANNER_PARITY_PACK })) as Log;
    expect(parity.runs[0].tool.driver.rules?.map((r) => r.id)).toEqual(SCANNER_PARITY_PACK.rules.map((r) => r.id));
    expect(parity.runs[0].results?.[0].ruleIndex).toBe(SCANNER_PARITY_PACK.rules.findIndex((r) => r.id === "PN-SG3"));
    expect(parity.runs[0].tool.driver).not.toHaveProperty("version");
  });
});
