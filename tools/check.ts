/**
 * npm run check [-- <options of cdktf-pn-guardrails>]
 *
 * Runs the package's guardrails command (modules/cli/guardrails.ts, the
 * `cdktf-pn-guardrails` bin) over the synthesized example app (every stack
 * of stacks/catalog.ts, as main.ts makes them; see tools/synth-app.ts): the
 * code users run on their cdktf.out or plans. Prints the findings by stack
 * and rule, suppressed ones with their reason, and exits non-zero when any
 * finding is not suppressed. `--only <regex>`, `--pack <name>` and
 * `--format json|sarif` are the command's.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { App } from "cdktf";
import { loadInputs, processIo, runGuardrails } from "../modules/cli/guardrails";
import { checkModel, Finding, PRIVATE_NETWORKING_PACK, RulePack } from "../modules/guardrails";
import { ALL_STACKS } from "../stacks/catalog";
import { synthesizedApp } from "./synth-app";
import { scratchDir } from "./scratch";

// The check's report is the command's.
export { formatFindings } from "../modules/guardrails";

export interface CheckOptions {
  /** Only the stacks whose name matches. @default - every stack */
  readonly only?: RegExp;
  /** @default PRIVATE_NETWORKING_PACK */
  readonly pack?: RulePack;
}

/** Synthesizes the example app (the stacks `only` selects) in this process into a throw-away folder, for `use` to read. */
function withSynthesizedApp<T>(only: RegExp | undefined, use: (outdir: string) => T): T {
  const outdir = mkdtempSync(join(scratchDir(), "guardrails-"));
  try {
    const app = new App({ outdir });
    for (const definition of ALL_STACKS) if (only === undefined || only.test(definition.name)) definition.create(app);
    // Synthesis runs the aspects that record suppressions in the JSON.
    app.synth();
    return use(outdir);
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** The findings of the example stacks, read from their synthesized JSON as the command reads it. */
export function checkExampleApp(options: CheckOptions = {}): Finding[] {
  return withSynthesizedApp(options.only, (outdir) =>
    loadInputs([outdir], outdir).flatMap((input) => checkModel(input.document, options.pack ?? PRIVATE_NETWORKING_PACK)),
  );
}

if (require.main === module) {
  synthesizedApp("json")
    .then((app) => {
      try {
        process.exitCode = runGuardrails([app.outdir, ...process.argv.slice(2)], processIo());
      } finally {
        app.release();
      }
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    });
}
