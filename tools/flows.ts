/**
 * npm run flows [-- <cdktf.out folder or cdk.tf.json files>] [--only <regex>] [--hops]
 *
 * The package's flows command (modules/cli/flows.ts, `cdktf-pn-flows`) over
 * the given output, or, without one, over the example app synthesized first.
 */
import { runFlows } from "../modules/cli/flows";
import { processIo } from "../modules/cli/guardrails";
import { synthesizedApp } from "./synth-app";

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const given = argv.some((argument, i) => !argument.startsWith("-") && argv[i - 1] !== "--only");
  const app = given ? undefined : await synthesizedApp("json");
  try {
    process.exitCode = runFlows(app === undefined ? argv : [...argv, app.outdir], processIo());
  } finally {
    app?.release();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
