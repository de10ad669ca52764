import { readdirSync, readFileSync, rmSync } from "fs";
import { join } from "path";
import { Aspects, Testing, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { RamResourceShare } from "@cdktf/provider-aws/lib/ram-resource-share";
import { VpclatticeService } from "@cdktf/provider-aws/lib/vpclattice-service";
import {
  ALL_RULES,
  applyGuardrails,
  checkApp,
  checkModel,
  checkStack,
  Finding,
  formatFindings,
  GuardrailsAspect,
  isUnsuppressed,
  PRIVATE_NETWORKING_PACK,
  Rule,
  sarifReport,
  SCANNER_PARITY_PACK,
  StackModel,
  suppress,
} from "../../modules/guardrails";
import { OptOut, RECORDED_OPT_OUTS } from "../../modules/core";
import { ResourceShare, SharePrincipal } from "../../modules/ram";
import { stackWith } from "./rule-cases";
import { catchValidationError } from "../helpers";

/** A stack with two findings: an unset RAM flag (PN-RAM1) inside `Shares`, and a Lattice service with auth NONE (PN-LT1). */
function insecureStack(): { stack: TerraformStack; shares: Construct; share: RamResourceShare } {
  let shares!: Construct;
  let share!: RamResourceShare;
  const stack = stackWith((s) => {
    shares = new Construct(s, "Shares");
    share = new RamResourceShare(shares, "Share", { name: "lattice" });
    new VpclatticeService(s, "Service", { name: "orders" });
  });
  return { stack, shares, share };
}

describe("rules", () => {
  it("have unique IDs in the PN-<area><n> scheme, an explanation and a fix", () => {
    expect(new Set(ALL_RULES.map((r) => r.id)).size).toBe(ALL_RULES.length);
    for (const rule of ALL_RULES) {
      expect(rule.id).toMatch(/^PN-(EP|ES|SG|LB|LT|RC|RAM|VPC|LOGS)\d+$/);
      expect(rule.explanation.length).toBeGreaterThan(40);
      expect(rule.fix.length).toBeGreaterThan(10);
      expect(rule.resourceTypes.length).toBeGreaterThan(0);
    }
  });

  it("each have compliant and non-compliant cases in test/guardrails/rules", () => {
    const dir = join(__dirname, "rules");
    const sources = readdirSync(dir)
      .map((f) => readFileSync(join(dir, f), "utf8"))
      .join("\n");
    const covered = ALL_RULES.filter((r) =>
      new RegExp(`ruleCases\\(${r.name}, \\{\\s*compliant: \\[\\s*\\{[\\s\\S]*?nonCompliant: \\[\\s*\\{`).test(sources),
    );
    expect(covered.map((r) => r.id)).toEqual(ALL_RULES.map((r) => r.id));
  });

  it("packs: the default pack runs every rule, scanner parity only rules with an equivalent", () => {
    expect(PRIVATE_NETWORKING_PACK.rules).toEqual(ALL_RULES);
    expect(SCANNER_PARITY_PACK.rules.map((r) => r.id)).toEqual(expect.arrayContaining(["PN-ES1", "PN-SG3", "PN-LB5"]));
    expect(SCANNER_PARITY_PACK.rules.map((r) => r.id)).not.toContain("PN-LT1");
  });
});

describe("checkApp", () => {
  it("reports every finding with stack, rule, address and path", () => {
    const { stack } = insecureStack();
    const findings = checkApp([stack]);
    expect(findings.map((f) => f.ruleId).sort()).toEqual(["PN-LT1", "PN-RAM1"]);
    expect(findings.find((f) => f.ruleId === "PN-RAM1")).toMatchObject({
      stack: "test",
      ruleName: "RamShareExternalPrincipalsExplicit",
      severity: "MEDIUM",
      path: "test/Shares/Share",
      address: expect.stringMatching(/^aws_ram_resource_share\./),
    });
  });

  it("walks every stack of an app", () => {
    const app = Testing.app();
    new VpclatticeService(new TerraformStack(app, "one"), "Service", { name: "a" });
    new VpclatticeService(new TerraformStack(app, "two"), "Service", { name: "b", authType: "NONE" });
    expect(checkApp(app).map((f) => `${f.stack}:${f.ruleId}`)).toEqual(["one:PN-LT1", "two:PN-LT1"]);
  });

  it("judges escape-hatch overrides, as Terraform will see them", () => {
    const { stack, share } = insecureStack();
    share.addOverride("allow_external_principals", false);
    expect(checkApp([stack]).map((f) => f.ruleId)).toEqual(["PN-LT1"]);
  });

  it("runs on synthesized JSON too", () => {
    const json = fullSynth(insecureStack().stack);
    expect(
      checkModel(StackModel.fromJson("from-json", json))
        .map((f) => `${f.stack}:${f.ruleId}:${f.path}`)
        .sort(),
    ).toEqual(["from-json:PN-LT1:test/Service", "from-json:PN-RAM1:test/Shares/Share"]);
  });

  it("honours the suppressions recorded in synthesized JSON", () => {
    const { stack, shares } = insecureStack();
    suppress(shares, "PN-RAM1", "Shared with a sandbox account that is rebuilt daily");
    const findings = checkModel(StackModel.fromJson("from-json", fullSynth(stack)));
    expect(findings.find((f) => f.ruleId === "PN-RAM1")?.suppression).toEqual({
      ruleId: "PN-RAM1",
      reason: "Shared with a sandbox account that is rebuilt daily",
      declaredOn: "test/Shares",
    });
    expect(findings.filter(isUnsuppressed).map((f) => f.ruleId)).toEqual(["PN-LT1"]);
  });
});

describe("suppress", () => {
  it("accepts a rule below a construct, with its reason, and leaves other rules alone", () => {
    const { stack, shares } = insecureStack();
    suppress(shares, "PN-RAM1", "Shared with a sandbox account that is rebuilt daily");
    const findings = checkApp([stack]);
    expect(findings.find((f) => f.ruleId === "PN-RAM1")?.suppression).toEqual({
      ruleId: "PN-RAM1",
      reason: "Shared with a sandbox account that is rebuilt daily",
      declaredOn: "test/Shares",
    });
    expect(findings.filter(isUnsuppressed).map((f) => f.ruleId)).toEqual(["PN-LT1"]);
  });

  it("records the suppression in the synthesized JSON of every resource it covers", () => {
    const { stack, shares } = insecureStack();
    suppress(shares, "PN-RAM1", "Shared with a sandbox account that is rebuilt daily");
    const share = Object.values(fullSynth(stack).resource.aws_ram_resource_share)[0] as Record<string, Record<string, unknown>>;
    expect(share["//"].guardrails_suppressions).toEqual({ "PN-RAM1": "Shared with a sandbox account that is rebuilt daily" });
    expect(share["//"].metadata).toMatchObject({ path: "test/Shares/Share" });
  });

  it("fails when the reason is shorter than 10 characters", () => {
    const { shares } = insecureStack();
    const error = catchValidationError(() => suppress(shares, "PN-RAM1", " ok  "));
    expect(error).toMatchObject({ constructPath: "test/Shares", prop: "reason", received: '" ok  "' });
    expect(error.message).toContain("at least 10 characters");
  });

  it("fails when the rule is neither a built-in ID nor a rule object with an id", () => {
    const { shares } = insecureStack();
    for (const rule of [5, {}, { id: 5 }, undefined])
      expect(catchValidationError(() => suppress(shares, rule as never, "a perfectly good reason"))).toMatchObject({ prop: "ruleId" });
  });

  it("fails when the construct is not a construct", () => {
    for (const construct of [undefined, "aws_vpc.x", { node: 1 }])
      expect(catchValidationError(() => suppress(construct as never, "PN-RAM1", "a perfectly good reason"))).toMatchObject({
        constructPath: "guardrails",
        prop: "construct",
      });
  });

  it("fails when declared on the App, where cdktf runs no aspect and the JSON would never record it", () => {
    const { stack } = insecureStack();
    const error = catchValidationError(() => suppress(stack.node.root, "PN-RAM1", "a perfectly good reason"));
    expect(error).toMatchObject({ constructPath: "app", prop: "construct" });
    expect(error.expected).toMatch(/suppress on each stack/);
  });

  it("fails when the rule ID is unknown, suggesting the closest one", () => {
    const { shares } = insecureStack();
    const error = catchValidationError(() => suppress(shares, "PN-RAM3", "a perfectly good reason"));
    expect(error).toMatchObject({ prop: "ruleId", received: '"PN-RAM3"' });
    expect(error.message).toMatch(/did you mean PN-RAM\d\?/);
  });
});

describe("opt-outs", () => {
  const PARTNER_REASON = "the partner account is outside the organization and accepts the share";
  /** A RAM share with principals outside the organization: PN-RAM2's finding, turned on with an opt-out or with a bare flag. */
  function externalShare(allowExternalPrincipals: OptOut | boolean): { stack: TerraformStack; share: ResourceShare } {
    let share!: ResourceShare;
    const stack = stackWith((s) => {
      share = new ResourceShare(s, "PartnerShare", {
        name: "partner",
        principals: [SharePrincipal.account("222222222222")],
        allowExternalPrincipals,
      });
    });
    return { stack, share };
  }
  const ram2 = (findings: readonly Finding[]) => findings.find((f) => f.ruleId === "PN-RAM2");

  it("accept the finding of a rule that lists the opt-out, with the recorded reason, on the resource it is recorded on", () => {
    const finding = ram2(checkApp([externalShare(OptOut.because(PARTNER_REASON)).stack]));
    expect(finding?.suppression).toEqual({
      ruleId: "PN-RAM2",
      reason: PARTNER_REASON,
      declaredOn: "test/PartnerShare/Resource",
      optOut: RECORDED_OPT_OUTS.externalPrincipals,
    });
    expect(isUnsuppressed(finding!)).toBe(false);
  });

  it("are honoured in synthesized JSON, where the construct tree is gone", () => {
    const json = fullSynth(externalShare(OptOut.because(PARTNER_REASON)).stack);
    expect(ram2(checkModel(StackModel.fromJson("from-json", json)))?.suppression).toMatchObject({
      reason: PARTNER_REASON,
      optOut: "allow_external_principals",
    });
  });

  it("fails (the finding stays open) when the default is turned off without a recorded reason", () => {
    // A raw resource with the flag set: nothing says why, so the rule's finding fails the check.
    const stack = stackWith((s) => new RamResourceShare(s, "RawShare", { name: "raw", allowExternalPrincipals: true }));
    expect(isUnsuppressed(ram2(checkApp([stack]))!)).toBe(true);
  });

  it("fails (the finding stays open) when the recorded opt-out is for another rule's default", () => {
    const stack = stackWith((s) => {
      const share = new RamResourceShare(s, "RawShare", { name: "raw", allowExternalPrincipals: true });
      share.addOverride(`//.opt_outs.${RECORDED_OPT_OUTS.flowLogs}`, "a reason written for the VPC's flow logs, not for this share");
    });
    expect(isUnsuppressed(ram2(checkApp([stack]))!)).toBe(true);
  });

  it("give way to a suppression declared on the construct, which names where it was declared", () => {
    const { stack, share } = externalShare(OptOut.because(PARTNER_REASON));
    suppress(share, "PN-RAM2", "reviewed by the security team for the partner contract");
    expect(ram2(checkApp([stack]))?.suppression).toEqual({
      ruleId: "PN-RAM2",
      reason: "reviewed by the security team for the partner contract",
      declaredOn: "test/PartnerShare",
    });
  });

  it("show in the report and in the synth-time annotations as accepted by the opt-out, with its reason", () => {
    const { stack } = externalShare(OptOut.because(PARTNER_REASON));
    const aspect = new GuardrailsAspect();
    Aspects.of(stack).add(aspect);
    Testing.synth(stack);
    const accepted = `accepted by the opt-out allow_external_principals recorded on the resource: ${PARTNER_REASON}`;
    expect(formatFindings(aspect.findings, ["test"])).toContain(`(${accepted})`);
    const infos = stack.node.findAll().flatMap((c) => c.node.metadata.filter((m) => m.type === "@cdktf/info").map((m) => String(m.data)));
    expect(infos).toEqual(
      expect.arrayContaining([expect.stringContaining(`[PN-RAM2] RamShareNoExternalPrincipals: allow_external_principals is true (${accepted})`)]),
    );
  });

  it("are listed by the built-in rules that guard each recorded default, and only recorded names are listed", () => {
    const recorded = new Set<string>(Object.values(RECORDED_OPT_OUTS));
    const listed = ALL_RULES.flatMap((rule) => (rule.optOuts ?? []).map((name) => `${rule.id}:${name}`));
    for (const entry of listed) expect(recorded.has(entry.split(":")[1])).toBe(true);
    expect(listed).toEqual(
      expect.arrayContaining([
        "PN-EP2:allow_all_endpoint_policy",
        "PN-ES2:allowAnyPrincipal",
        "PN-LT1:allow_unauthenticated_access",
        "PN-LT4:access_logs",
        "PN-RAM2:allow_external_principals",
        "PN-RC1:allow_association_to_shareable_service_network",
        "PN-SG3:internet_wide_rules",
        "PN-VPC1:restrict_default_security_group",
        "PN-VPC2:flow_logs",
        "PN-LOGS1:kms_key_id",
      ]),
    );
  });
});

describe("custom rules", () => {
  const NoOrdersService: Rule = {
    id: "ACME-1",
    name: "NoOrdersService",
    severity: "LOW",
    explanation: "Our naming convention reserves the name orders for the platform team's service, so nobody else may take it.",
    fix: "Pick another service name.",
    resourceTypes: ["aws_vpclattice_service"],
    check: (service) => (service.config.name === "orders" ? ["the name orders is reserved"] : []),
  };
  const pack = { name: "acme", description: "built-in rules plus ours", rules: [...ALL_RULES, NoOrdersService] };

  it("run in a pack next to the built-in ones, and are suppressed by passing the rule object", () => {
    const { stack } = insecureStack();
    expect(
      checkApp([stack], pack)
        .map((f) => f.ruleId)
        .sort(),
    ).toEqual(["ACME-1", "PN-LT1", "PN-RAM1"]);
    suppress(stack.node.findChild("Service"), NoOrdersService, "The platform team owns this stack and this name");
    expect(
      checkApp([stack], pack)
        .filter(isUnsuppressed)
        .map((f) => f.ruleId)
        .sort(),
    ).toEqual(["PN-LT1", "PN-RAM1"]);
  });
  it("fails naming the rule when its check throws", () => {
    const { stack } = insecureStack();
    const throwing: Rule = {
      ...NoOrdersService,
      check: () => {
        throw new TypeError("boom");
      },
    };
    expect(() => checkApp([stack], { ...pack, rules: [throwing] })).toThrow(/guardrail rule ACME-1 \(NoOrdersService\) failed on .*boom/);
  });

  it("fails when a check returns something else than a list of messages", () => {
    const { stack } = insecureStack();
    const returnsText = { ...NoOrdersService, check: () => "reserved" } as unknown as Rule;
    const error = catchValidationError(() => checkApp([stack], { ...pack, rules: [returnsText] }));
    expect(error).toMatchObject({ constructPath: "test/Service", prop: "ACME-1.check", received: '"reserved"' });
  });

  it("fails when a rule lacks what the engine reads, or two rules of a pack share an ID", () => {
    const { stack } = insecureStack();
    const cases: [unknown, string][] = [
      [{ ...NoOrdersService, resourceTypes: "aws_vpclattice_service" }, "pack.rules[0].resourceTypes"],
      [{ ...NoOrdersService, severity: "CRITICAL" }, "pack.rules[0].severity"],
      [{ ...NoOrdersService, check: undefined }, "pack.rules[0].check"],
    ];
    for (const [rule, prop] of cases) expect(catchValidationError(() => checkApp([stack], { ...pack, rules: [rule as Rule] })).prop).toBe(prop);
    expect(catchValidationError(() => checkApp([stack], { ...pack, rules: [NoOrdersService, NoOrdersService] })).prop).toBe("pack.rules[1].id");
  });

  it("are printed by formatFindings, which prints every finding it is given", () => {
    const { stack } = insecureStack();
    const text = formatFindings(checkApp([stack], pack), ["test"]);
    expect(text).toContain("ACME-1 NoOrdersService [LOW]");
    expect(text).toContain("the name orders is reserved");
  });
});

describe("arguments", () => {
  it("fails when checkApp, checkStack or checkModel get no app, stack or model", () => {
    const { stack } = insecureStack();
    const cases: [() => unknown, string][] = [
      [() => checkApp(undefined as never), "app"],
      [() => checkApp([undefined] as never), "stacks[0]"],
      [() => checkStack(undefined as never), "stack"],
      [() => checkStack(stack.node.findChild("Service") as never), "stack"],
      [() => checkModel(undefined as never), "model"],
      [() => checkModel({ resource: {} } as never), "model"],
    ];
    for (const [call, prop] of cases) expect(catchValidationError(call)).toMatchObject({ constructPath: "guardrails", prop });
  });

  it("fails when the pack is not a pack (its name, {} or null)", () => {
    const { stack } = insecureStack();
    for (const pack of ["private-networking", {}, null])
      expect(catchValidationError(() => checkStack(stack, pack as never))).toMatchObject({ prop: "pack" });
  });

  it("fails when applyGuardrails gets a misspelt level, a pack name, an unknown option or no scope, instead of turning the gate off", () => {
    const { stack } = insecureStack();
    expect(catchValidationError(() => applyGuardrails(stack, { level: "errors" as never }))).toMatchObject({
      prop: "props.level",
      received: '"errors"',
    });
    expect(catchValidationError(() => applyGuardrails(stack, { pack: "private-networking" as never }))).toMatchObject({ prop: "props.pack" });
    expect(catchValidationError(() => applyGuardrails(stack, { levl: "warning" } as never))).toMatchObject({ prop: "props.levl" });
    expect(catchValidationError(() => applyGuardrails(undefined as never))).toMatchObject({ prop: "scope" });
  });

  it("fails when formatFindings or sarifReport get no findings or no options", () => {
    expect(catchValidationError(() => formatFindings(undefined as never, ["test"]))).toMatchObject({ prop: "findings" });
    expect(catchValidationError(() => sarifReport([], undefined as never))).toMatchObject({ prop: "options" });
    expect(catchValidationError(() => sarifReport([], { pack: "private-networking" } as never))).toMatchObject({ prop: "options.pack" });
  });
});

describe("GuardrailsAspect", () => {
  it("fails synth with error annotations naming rule and resource", () => {
    const { stack } = insecureStack();
    Aspects.of(stack).add(new GuardrailsAspect());
    expect(() => fullSynth(stack)).toThrow(/\[test\/Service\] \[PN-LT1\] LatticeAuthTypeIam: auth_type is not set/);
  });

  it("reports warnings and suppressed findings as info when asked for warnings", () => {
    const { stack, shares } = insecureStack();
    suppress(shares, "PN-RAM1", "Shared with a sandbox account that is rebuilt daily");
    const aspect = new GuardrailsAspect({ level: "warning" });
    Aspects.of(stack).add(aspect);
    Testing.synth(stack);
    const annotations = stack.node
      .findAll()
      .flatMap((c) => c.node.metadata.filter((m) => /cdktf\/(warn|info|error)/.test(m.type)).map((m) => `${m.type} ${m.data}`));
    expect(annotations).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^@cdktf\/warn \[PN-LT1\]/),
        expect.stringMatching(/^@cdktf\/info \[PN-RAM1\].*\(suppressed on [^:]+: Shared with a sandbox/),
      ]),
    );
    expect(aspect.findings).toHaveLength(2);
  });

  it("added to the App alone it never runs (cdktf runs aspects per stack); applyGuardrails(app) covers every stack and fails synth", () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, "test");
    new AwsProvider(stack, "aws", { region: "us-east-1" });
    new VpclatticeService(stack, "Service", { name: "orders" });
    const ignored = new GuardrailsAspect();
    Aspects.of(app).add(ignored);
    app.synth();
    expect(ignored.findings).toEqual([]);

    const guarded = Testing.app();
    const checked = new TerraformStack(guarded, "test");
    new AwsProvider(checked, "aws", { region: "us-east-1" });
    new VpclatticeService(checked, "Service", { name: "orders" });
    const aspect = applyGuardrails(guarded);
    expect(() => guarded.synth()).toThrow(/\[PN-LT1\] LatticeAuthTypeIam/);
    expect(aspect.findings.map((f) => f.ruleId)).toContain("PN-LT1");
  });

  it("fails when applied to an app without stacks yet", () => {
    const error = catchValidationError(() => applyGuardrails(Testing.app()));
    expect(error.prop).toBe("stacks");
    expect(error.expected).toMatch(/after creating them/);
  });

  it("added below the stack, reports findings below that construct only", () => {
    const { stack, shares } = insecureStack();
    const aspect = new GuardrailsAspect({ level: "warning" });
    Aspects.of(shares).add(aspect);
    Testing.synth(stack);
    expect(aspect.findings.map((f) => f.ruleId)).toEqual(["PN-RAM1"]);
  });
});

/** The synthesized JSON with its `//` metadata (Testing.synth strips it and skips the error-annotation check). */
function fullSynth(stack: TerraformStack) {
  const outdir = Testing.fullSynth(stack);
  try {
    return JSON.parse(readFileSync(join(outdir, "stacks", stack.node.id, "cdk.tf.json"), "utf8"));
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
