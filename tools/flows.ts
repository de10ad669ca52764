/**
 * npm run flows [-- <cdktf.out folder or cdk.tf.json files>] [--only <regex>] [--hops]
 *
 * Proves every flow the synthesized stacks declare (`//.flows.declared`) over
 * their Terraform JSON and prints one line per flow: the verdict of the
 * analysis, whether it is the declared one, and the reason of denied flows.
 * Each stack and each flow is reported on its own: a file that is not
 * Terraform JSON, or a flow that cannot be asked, is a failure of its own and
 * the others are still proven. Exits non-zero, after reporting all, when a
 * verdict differs from its declaration, a stack or flow fails, or nothing was
 * checked (no stack, `--only` matching none). Without a folder it synthesizes
 * the example app first.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { declaredFlowsOf, describeVerdict, NetworkModel, verifyDeclaredFlow } from "../modules/flows";
import { synthesizedApp } from "./synth-app";
import { describeShapeProblem, synthesizedJsonProblem } from "../modules/core/terraform-json-shape";

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
    const files = readdirSync(stacks)
      .sort()
      .map((name) => join(stacks, name, "cdk.tf.json"))
      .filter(existsSync);
    if (files.length === 0) throw new Error(`${stacks} holds no <stack>/cdk.tf.json: nothing to check`);
    return files;
  });
}

/** The model of a stack file; an Error naming the file when it is not the Terraform JSON of a stack. */
function modelOf(file: string, name: string): NetworkModel {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`${file} is not Terraform JSON: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const keys = ["resource", "data", "provider", "terraform"];
  if (json === null || typeof json !== "object" || Array.isArray(json) || !keys.some((k) => k in json))
    throw new Error(`${file} is not Terraform JSON: expected an object with ${keys.join(", ")} blocks, as cdktf synthesizes`);
  // The reader trusts cdktf's shape: a hand-edited file is named by the part that is wrong, as the guardrails command does.
  const problem = synthesizedJsonProblem(json as Record<string, unknown>);
  if (problem !== undefined) throw new Error(`${file}: not readable Terraform JSON: ${describeShapeProblem(problem)}`);
  return NetworkModel.fromJson(name, json as Record<string, unknown>);
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
  let stacks = 0;
  const broken: string[] = [];
  const failedStacks: string[] = [];
  const files = stackFiles(roots);
  for (const file of files) {
    const name = basename(dirname(file));
    if (options.only !== undefined && !options.only.test(name)) continue;
    stacks++;
    let model: NetworkModel;
    try {
      model = modelOf(file, name);
    } catch (error) {
      console.log(`FAIL ${name}: ${messageOf(error)}`);
      failedStacks.push(file);
      continue;
    }
    for (const flow of declaredFlowsOf(model)) {
      declared++;
      try {
        const { verdict, holds } = verifyDeclaredFlow(model, flow);
        const outcome = verdict.allowed ? "allowed" : "denied";
        const line = `${holds ? "ok  " : "FAIL"} ${name} ${flow.name}: ${outcome}${holds ? "" : ` (declared ${flow.expect}${flow.reason === undefined ? "" : ` for "${flow.reason}"`})`}${verdict.allowed ? "" : ` — ${verdict.reason}`}`;
        console.log(line);
        if (options.hops || !holds) console.log(describeVerdict(verdict).split("\n").slice(1).join("\n"));
        if (!holds) broken.push(`${name} ${flow.name}`);
      } catch (error) {
        console.log(`FAIL ${name} ${flow.name}: cannot be proven: ${messageOf(error)}`);
        broken.push(`${name} ${flow.name}`);
      }
    }
  }
  if (stacks === 0) {
    const names = files.map((f) => basename(dirname(f))).join(", ");
    throw new Error(`--only ${String(options.only)} matches no stack of ${roots.join(", ")} (${names}): nothing was checked`);
  }
  console.log(
    `\n${stacks} stack(s)${failedStacks.length === 0 ? "" : `, ${failedStacks.length} unreadable`}, ${declared} declared flow(s), ${declared - broken.length} as declared, ${broken.length} not, analysed in ${((Date.now() - started) / 1000).toFixed(1)}s`,
  );
  if (failedStacks.length > 0) console.error(`unreadable stack files: ${failedStacks.join(", ")}`);
  if (broken.length > 0) console.error(`flows not as declared: ${broken.join(", ")}`);
  if (declared === 0 && failedStacks.length === 0) console.error(`no stack of ${roots.join(", ")} declares a flow: nothing was checked`);
  if (failedStacks.length > 0 || broken.length > 0 || declared === 0) process.exitCode = 1;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
