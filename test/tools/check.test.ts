import { Finding, isUnsuppressed } from "../../modules/guardrails";
import { checkExampleApp, formatFindings } from "../../tools/check";

const finding = (over: Partial<Finding>): Finding => ({
  stack: "es1-internal-api",
  ruleId: "PN-RAM2",
  ruleName: "RamShareNoExternalPrincipals",
  severity: "MEDIUM",
  address: "aws_ram_resource_share.Share_Resource_0A1B2C3D",
  path: "es1-internal-api/Share/Resource",
  message: "allow_external_principals is true",
  ...over,
});

describe("npm run check", () => {
  it("prints findings by stack and rule, with the fix for open ones and the reason for suppressed ones", () => {
    const text = formatFindings(
      [
        finding({}),
        finding({
          ruleId: "PN-LT1",
          ruleName: "LatticeAuthTypeIam",
          severity: "HIGH",
          path: "es1-internal-api/Svc/Resource",
          message: "auth_type is NONE",
        }),
        finding({
          stack: "rc1-partner-db",
          suppression: { ruleId: "PN-RAM2", reason: "The partner account is outside our organization", declaredOn: "rc1-partner-db/Share" },
        }),
      ],
      ["es1-internal-api", "rc1-partner-db", "ep1-private-s3"],
    );
    const lines = text.split("\n");
    expect(lines[0]).toBe("FAIL es1-internal-api: 2 finding(s), 0 suppressed");
    // Rules in ID order within a stack, whatever order the findings came in.
    expect(lines.findIndex((l) => l.includes("PN-LT1 LatticeAuthTypeIam [HIGH]"))).toBeLessThan(
      lines.findIndex((l) => l.includes("PN-RAM2 RamShareNoExternalPrincipals")),
    );
    expect(text).toContain("    es1-internal-api/Svc/Resource (aws_ram_resource_share.Share_Resource_0A1B2C3D): auth_type is NONE");
    expect(text).toContain("    fix: Set auth_type = AWS_IAM");
    expect(text).toContain("ok   rc1-partner-db: 0 finding(s), 1 suppressed");
    expect(text).toContain("(suppressed on rc1-partner-db/Share: The partner account is outside our organization)");
    expect(text).toContain("ok   ep1-private-s3: 0 finding(s), 0 suppressed");
    expect(lines[lines.length - 1]).toBe("3 stack(s), 2 unsuppressed finding(s), 1 suppressed");
  });

  // The zero-findings gate over every stack is `npm run check` itself (part of the harness); here, that the app is built and filtered.
  it("builds the example stacks that --only selects and checks them", () => {
    const findings = checkExampleApp({ only: /^rc1-shared-rds$/ });
    expect(new Set(findings.map((f) => f.stack))).toEqual(new Set(["rc1-shared-rds"]));
    expect(findings.filter(isUnsuppressed)).toEqual([]);
    // The partner share's opt-out is the decision: the guardrails accept PN-RAM2 with its reason, no suppression needed.
    expect(findings.find((f) => f.ruleId === "PN-RAM2")?.suppression).toMatchObject({
      optOut: "allow_external_principals",
      reason: expect.stringContaining("outside our AWS organization"),
    });
  });
});
