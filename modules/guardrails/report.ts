import type { Log, ReportingDescriptor, Result } from "sarif";
import { ValidationError } from "../core/errors";
import { checkOptions, checkPack, checkRule, GUARDRAILS_API } from "./arguments";
import { Finding, isUnsuppressed } from "./engine";
import { RulePack } from "./packs";
import { Rule, Severity } from "./rule";
import { ALL_RULES } from "./rules";
import { describeSuppression } from "./suppressions";

/**
 * Findings as people and code scanners read them: text by stack and rule
 * for logs, SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.
 */

/**
 * Findings as text, by stack and then by rule: a line per finding with the
 * rule's ID, name and severity, where (construct path and Terraform address)
 * and what, suppressed ones with their reason; after a rule's findings, why
 * it matters and the fix, once, when any is unsuppressed; a summary line.
 * Stacks without findings are listed too, as passing. Every finding given is
 * printed: `rules` orders them and gives the why and fix, and the findings of
 * rules it does not list (a custom pack's) follow, in the order given.
 */
export function formatFindings(findings: readonly Finding[], stackNames: readonly string[], rules: readonly Rule[] = ALL_RULES): string {
  checkList(GUARDRAILS_API, "findings", findings, "a list of findings, as checkApp returns");
  checkList(GUARDRAILS_API, "stackNames", stackNames, "a list of stack names");
  checkList(GUARDRAILS_API, "rules", rules, "a list of rules, such as a pack's rules");
  rules.forEach((rule, i) => checkRule(GUARDRAILS_API, `rules[${i}]`, rule));
  const known = new Map(rules.map((rule) => [rule.id, rule] as const));
  const ruleIds = unique([...rules.map((r) => r.id), ...findings.map((f) => f.ruleId)]);
  const stacks = unique([...stackNames, ...findings.map((f) => f.stack)]);
  const lines: string[] = [];
  for (const stack of stacks) {
    const ofStack = findings.filter((f) => f.stack === stack);
    const open = ofStack.filter(isUnsuppressed).length;
    lines.push(`${open === 0 ? "ok  " : "FAIL"} ${stack}: ${open} finding(s), ${ofStack.length - open} suppressed`);
    for (const ruleId of ruleIds) {
      const ofRule = ofStack.filter((f) => f.ruleId === ruleId);
      const rule = known.get(ruleId);
      for (const f of ofRule) {
        const status = f.suppression === undefined ? "" : ` (${describeSuppression(f.suppression)})`;
        lines.push(`  ${ruleId} ${rule?.name ?? f.ruleName} [${rule?.severity ?? f.severity}]    ${locationOf(f)}: ${f.message}${status}`);
      }
      if (rule !== undefined && ofRule.some(isUnsuppressed)) lines.push(`    why: ${rule.explanation}`, `    fix: ${rule.fix}`);
    }
  }
  const open = findings.filter(isUnsuppressed).length;
  lines.push(`${stacks.length} stack(s), ${open} unsuppressed finding(s), ${findings.length - open} suppressed`);
  return lines.join("\n");
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/** Fails unless the value is a list. */
function checkList(where: string, prop: string, value: unknown, expected: string): void {
  if (!Array.isArray(value)) throw new ValidationError(where, prop, value, expected);
}

/** Where a finding is: the construct path and the address, or the address alone when the Terraform did not come from cdktf. */
function locationOf(finding: Finding): string {
  return finding.path === finding.address ? finding.address : `${finding.path} (${finding.address})`;
}

/** The file a finding's resource is written in, for code scanners to annotate. */
export interface SourceLocation {
  /** Path of the file relative to the repository root, with `/` separators. */
  readonly uri: string;
  /** The line the resource starts on. @default - the file as a whole */
  readonly startLine?: number;
}

/** Options of {@link sarifReport}. */
export interface SarifReportOptions {
  /** The pack that was run: its rules describe the results. */
  readonly pack: RulePack;
  /** Version of the tool in the report. @default - not reported */
  readonly toolVersion?: string;
  /** The file of a finding's resource. @default - logical locations only (Terraform address, construct path) */
  readonly locate?: (finding: Finding) => SourceLocation | undefined;
}

/** The tool's name in SARIF: the package's bin, whichever program wrote the report; GitHub groups alerts by it. */
const TOOL_NAME = "cdktf-pn-guardrails";

/** GitHub code scanning ranks security alerts by this 0-10 score (critical from 9, high from 7, medium from 4). */
const SECURITY_SEVERITY: Record<Severity, string> = { HIGH: "8.0", MEDIUM: "5.5", LOW: "3.0" };

/**
 * The findings as a SARIF 2.1.0 log (JSON text) with one run: the pack's
 * rules with their explanation, fix, severity and the checkov, trivy and
 * Security Hub checks they match; a result per finding, `error` for HIGH
 * and `warning` otherwise, located by Terraform address (and construct
 * path) and, when `locate` knows it, by file and line. Suppressed findings
 * carry their suppression, so viewers show them as such instead of dropping them.
 */
export function sarifReport(findings: readonly Finding[], options: SarifReportOptions): string {
  checkList(GUARDRAILS_API, "findings", findings, "a list of findings, as checkApp returns");
  if (options === undefined) throw new ValidationError(GUARDRAILS_API, "options", options, "the options, with at least the pack that was run");
  checkOptions(GUARDRAILS_API, "options", options, ["pack", "toolVersion", "locate"]);
  const rules = checkPack(GUARDRAILS_API, "options.pack", options.pack).rules;
  const log: Log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            ...(options.toolVersion === undefined ? {} : { version: options.toolVersion }),
            rules: rules.map(ruleDescriptor),
          },
        },
        results: findings.map((finding) => result(finding, rules, options.locate?.(finding))),
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}

function ruleDescriptor(rule: Rule): ReportingDescriptor {
  const equivalents = rule.equivalents ?? {};
  return {
    id: rule.id,
    name: rule.name,
    shortDescription: { text: words(rule.name) },
    fullDescription: { text: rule.explanation },
    help: { text: `Fix: ${rule.fix}` },
    defaultConfiguration: { level: levelOf(rule.severity) },
    properties: {
      severity: rule.severity,
      "security-severity": SECURITY_SEVERITY[rule.severity],
      tags: ["security", "terraform", "aws"],
      ...(equivalents.checkov === undefined ? {} : { checkov: equivalents.checkov }),
      ...(equivalents.trivy === undefined ? {} : { trivy: equivalents.trivy }),
      ...(equivalents.securityHub === undefined ? {} : { securityHub: equivalents.securityHub }),
    },
  };
}

function result(finding: Finding, rules: readonly Rule[], source: SourceLocation | undefined): Result {
  // A construct path is a path through cdktf's construct tree (objects); the address is Terraform's name of the resource.
  const logical = [
    { fullyQualifiedName: finding.address, kind: "resource" },
    ...(finding.path === finding.address ? [] : [{ fullyQualifiedName: finding.path, kind: "object" }]),
  ];
  return {
    ruleId: finding.ruleId,
    ruleIndex: rules.findIndex((r) => r.id === finding.ruleId),
    level: levelOf(finding.severity),
    message: { text: `${finding.message} (${finding.address} in ${finding.stack})` },
    locations: [
      {
        ...(source === undefined
          ? {}
          : {
              physicalLocation: {
                artifactLocation: { uri: source.uri },
                ...(source.startLine === undefined ? {} : { region: { startLine: source.startLine } }),
              },
            }),
        logicalLocations: logical,
      },
    ],
    ...(finding.suppression === undefined ? {} : { suppressions: [{ kind: "inSource" as const, justification: finding.suppression.reason }] }),
  };
}

function levelOf(severity: Severity): "error" | "warning" {
  return severity === "HIGH" ? "error" : "warning";
}

/** `VpcEndpointPolicyDefined` -> `Vpc endpoint policy defined`. */
function words(name: string): string {
  const spaced = name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}
