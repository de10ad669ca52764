/**
 * npm run flows [-- <cdktf.out folder or cdk.tf.json files>] [--only <regex>] [--hops]
 *
 * Proves every flow the synthesized stacks declare (`//.flows.declared`) over
 * their Terraform JSON and prints one line per flow: the verdict of the
 * analysis, whether it is the declared one, and the reason of denied flows.
 * Exits non-zero when a verdict differs from its declaration. Without a
 * folder it synthesizes the example app first.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { describeVerdict, NetworkModel, verifyDeclaredFlows } from "../modules/flows";
import { synthesizedApp } from "./synth-app";

interface Options {
  readonly inputs: readonly string[];
  readonly only?: RegExp;
  readonly hops: boolean;
}

function parseOptions(argv: readonly string[]): Options {
  const inputs: string[] = [];
  let only: RegExp | undefined;
  let hops = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--only") only = new RegExp(argv[++i] ?? "");
    else if (argv[i] === "--hops") hops = true;
    else if (argv[i].startsWith("--")) throw new Error(`unknown option ${argv[i]}: expected --only <regex> or --hops`);
    else inputs.push(argv[i]);
  }
  return { inputs, only, hops };
}

/** The stack files: cdk.tf.json files given, or every stacks/<name>/cdk.tf.json of the given cdktf.out folders. */
function stackFiles(roots: readonly string[]): string[] {
  return roots.flatMap((input) => {
    if (!existsSync(input)) throw new Error(`${input} does not exist: give a cdktf.out folder or cdk.tf.json files`);
    if (statSync(input).isFile()) return [input];
    const stacks = join(input, "stacks");
    if (!existsSync(stacks)) throw new Error(`${input} has no stacks/ folder: give a cdktf.out folder`);
    return readdirSync(stacks)
      .sort()
      .map((name) => join(stacks, name, "cdk.tf.json"))
      .filter(existsSync);
  });
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const app = options.inputs.length > 0 ? undefined : await synthesizedApp("json");
  try {
    analyse(app === undefined ? options.inputs : [app.outdir], options);
  } finally {
    app?.release();
  }
}

function analyse(roots: readonly string[], options: Options): void {
  const started = Date.now();
  let declared = 0;
  const broken: string[] = [];
  for (const file of stackFiles(roots)) {
    const name = basename(dirname(file));
    if (options.only !== undefined && !options.only.test(name)) continue;
    const model = NetworkModel.fromJson(name, JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>);
    for (const { flow, verdict, holds } of verifyDeclaredFlows(model)) {
      declared++;
      const outcome = verdict.allowed ? "allowed" : "denied";
      const line = `${holds ? "ok  " : "FAIL"} ${name} ${flow.name}: ${outcome}${holds ? "" : ` (declared ${flow.expect}${flow.reason === undefined ? "" : ` for "${flow.reason}"`})`}${verdict.allowed ? "" : ` — ${verdict.reason}`}`;
      console.log(line);
      if (options.hops || !holds) console.log(describeVerdict(verdict).split("\n").slice(1).join("\n"));
      if (!holds) broken.push(`${name} ${flow.name}`);
    }
  }
  console.log(
    `\n${declared} declared flow(s), ${declared - broken.length} as declared, ${broken.length} not, analysed in ${((Date.now() - started) / 1000).toFixed(1)}s`,
  );
  if (broken.length > 0) {
    console.error(`flows not as declared: ${broken.join(", ")}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
