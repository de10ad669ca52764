/**
 * npm run check [-- --only <regex>] [--pack <name>] [--json]
 *
 * Builds the example app (every stack of stacks/catalog.ts, as main.ts does)
 * and runs a guardrail pack over each stack. Prints the findings by stack and
 * rule, suppressed ones with their reason, and exits non-zero when any
 * finding is not suppressed.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App } from "cdktf";
import { ALL_RULES, checkApp, Finding, isUnsuppressed, PRIVATE_NETWORKING_PACK, RulePack, SCANNER_PARITY_PACK } from "../modules/guardrails";
import { ALL_STACKS } from "../stacks/catalog";

const PACKS: readonly RulePack[] = [PRIVATE_NETWORKING_PACK, SCANNER_PARITY_PACK];

export interface CheckOptions {
  /** Only the stacks whose name matches. @default - every stack */
  readonly only?: RegExp;
  /** @default PRIVATE_NETWORKING_PACK */
  readonly pack?: RulePack;
}

/** Builds the example app in a throw-away folder (nothing is written) and checks it. */
export function checkExampleApp(options: CheckOptions = {}): Finding[] {
  const outdir = mkdtempSync(join(tmpdir(), "guardrails-"));
  try {
    const app = new App({ outdir });
    for (const definition of ALL_STACKS) if (options.only === undefined || options.only.test(definition.name)) definition.create(app);
    return checkApp(app, options.pack ?? PRIVATE_NETWORKING_PACK);
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** Findings as text: by stack, then by rule, then by resource; suppressed ones with their reason; a summary line. */
export function formatFindings(findings: readonly Finding[], stackNames: readonly string[]): string {
  const lines: string[] = [];
  for (const stack of stackNames) {
    const ofStack = findings.filter((f) => f.stack === stack);
    const open = ofStack.filter(isUnsuppressed).length;
    lines.push(`${open === 0 ? "ok  " : "FAIL"} ${stack}: ${open} finding(s), ${ofStack.length - open} suppressed`);
    for (const rule of ALL_RULES) {
      const ofRule = ofStack.filter((f) => f.ruleId === rule.id);
      if (ofRule.length === 0) continue;
      lines.push(`  ${rule.id} ${rule.name} [${rule.severity}]`);
      for (const f of ofRule) {
        const status = f.suppression === undefined ? "" : ` (suppressed on ${f.suppression.declaredOn}: ${f.suppression.reason})`;
        lines.push(`    ${f.path} (${f.address}): ${f.message}${status}`);
      }
      if (ofRule.some(isUnsuppressed)) lines.push(`    why: ${rule.explanation}`, `    fix: ${rule.fix}`);
    }
  }
  const open = findings.filter(isUnsuppressed).length;
  lines.push(`${stackNames.length} stack(s), ${open} unsuppressed finding(s), ${findings.length - open} suppressed`);
  return lines.join("\n");
}

function main(argv: string[]): number {
  const value = (flag: string): string | undefined => {
    const index = argv.indexOf(flag);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const only = value("--only") === undefined ? undefined : new RegExp(value("--only")!);
  const packName = value("--pack") ?? PRIVATE_NETWORKING_PACK.name;
  const pack = PACKS.find((p) => p.name === packName);
  if (pack === undefined) {
    process.stderr.write(`unknown pack ${packName}; known: ${PACKS.map((p) => p.name).join(", ")}\n`);
    return 2;
  }
  const findings = checkExampleApp({ only, pack });
  if (argv.includes("--json")) process.stdout.write(`${JSON.stringify(findings, null, 2)}\n`);
  else {
    const names = ALL_STACKS.map((s) => s.name).filter((name) => only === undefined || only.test(name));
    process.stdout.write(`guardrails: pack ${pack.name} (${pack.rules.length} rules)\n${formatFindings(findings, names)}\n`);
  }
  return findings.some(isUnsuppressed) ? 1 : 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
