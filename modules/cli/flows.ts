#!/usr/bin/env node
/**
 * cdktf-pn-flows: re-proves the flows stacks declare (`Flows.of(stack)`,
 * written into `//.flows.declared` of the synthesized JSON) over cdktf's
 * output, the package's second `bin`, for CI: one line per flow (the
 * verdict, whether it is the declared one, the reason of denied flows), and
 * exit 1 when a verdict differs from its declaration, a stack file or a flow
 * cannot be read, or nothing was checked. `npm run flows` runs it over the
 * example app.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { closestMatch } from "../core/formats";
import { describeShapeProblem, JsonShapeProblem, synthesizedJsonProblem } from "../core/terraform-json-shape";
import { declaredFlowsOf, verifyDeclaredFlow } from "../flows/declared";
import { NetworkModel } from "../flows/model/network-model";
import { describeVerdict } from "../flows/verdict";
import { CommandError, CommandIo, processIo, runCommand } from "./guardrails";

/** The command's name, as package.json's `bin` declares it. */
export const FLOWS_COMMAND = "cdktf-pn-flows";

export const FLOWS_USAGE = `Usage: ${FLOWS_COMMAND} [options] <input>...

Proves every flow the synthesized stacks declare (Flows.of(stack).allow/deny)
over their Terraform JSON, as the tests' expectFlow does: DNS, routes,
security groups, endpoints, PrivateLink, VPC Lattice, resource gateways, RAM
shares and IAM policies, hop by hop.

Inputs:
  cdk.tf.json            a stack synthesized by cdktf
  cdktf.out              a cdktf output folder: every stacks/<name>/cdk.tf.json in it

Options:
  --only <regex>         only the stacks whose name matches
  --hops                 print every flow's hops and assumptions, not only the failed ones'
  --version              print the version
  -h, --help             print this text

Exit status: 0 when every declared flow is as declared, 1 when one is not (or
a stack or flow cannot be read, or nothing was checked), 2 for a usage or
input error. Needs @cloud-copilot/iam-simulate (an optional peer dependency)
for flows that IAM policies decide.
`;

interface FlowsOptions {
  readonly inputs: readonly string[];
  readonly only?: RegExp;
  readonly hops: boolean;
}

function parseFlowsArguments(argv: readonly string[]): FlowsOptions | "help" | "version" {
  const inputs: string[] = [];
  let only: RegExp | undefined;
  let hops = false;
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    if (argument === "-h" || argument === "--help") return "help";
    if (argument === "--version") return "version";
    if (argument === "--hops") hops = true;
    else if (argument === "--only" || argument.startsWith("--only=")) {
      const source = argument === "--only" ? argv[++i] : argument.slice("--only=".length);
      if (source === undefined || source === "") throw new CommandError("--only needs a value: a regular expression over stack names");
      try {
        only = new RegExp(source);
      } catch (error) {
        throw new CommandError(`--only ${JSON.stringify(source)} is not a regular expression: ${(error as Error).message}`);
      }
    } else if (argument.startsWith("-")) {
      const suggestion = closestMatch(argument.split("=")[0], ["--only", "--hops", "--help", "--version"]);
      throw new CommandError(`unknown option ${argument}${suggestion === undefined ? "" : ` (did you mean ${suggestion}?)`}; see --help`);
    } else inputs.push(argument);
  }
  if (inputs.length === 0) throw new CommandError("no input: name a cdktf.out folder or cdk.tf.json files; see --help");
  return { inputs, only, hops };
}

/** The stack files: cdk.tf.json files given, or every stacks/<name>/cdk.tf.json of the given cdktf.out folders. */
function stackFiles(roots: readonly string[], cwd: string): string[] {
  return roots.flatMap((input) => {
    const path = resolve(cwd, input);
    if (!existsSync(path)) throw new CommandError(`${input}: no such file or folder (give a cdktf.out folder or cdk.tf.json files)`);
    if (statSync(path).isFile()) return [path];
    if (existsSync(join(path, "cdk.tf.json"))) return [join(path, "cdk.tf.json")];
    const stacks = join(path, "stacks");
    if (!existsSync(stacks)) throw new CommandError(`${input}: a folder without stacks/<name>/cdk.tf.json (a cdktf output folder) or cdk.tf.json`);
    const files = readdirSync(stacks)
      .sort()
      .map((name) => join(stacks, name, "cdk.tf.json"))
      .filter(existsSync);
    if (files.length === 0) throw new CommandError(`${input}: stacks/ holds no <stack>/cdk.tf.json: nothing to check`);
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
  const problem = synthesizedJsonProblem(json as Record<string, unknown>) ?? declaredFlowsProblem(json as Record<string, unknown>);
  if (problem !== undefined) {
    const described = describeShapeProblem(problem);
    throw new Error(`${file}: not readable Terraform JSON: ${described}`);
  }
  return NetworkModel.fromJson(name, json as Record<string, unknown>);
}

/**
 * The first part of `//.flows.declared` that is not shaped as Flows.of(stack)
 * records it: the loop over the flows and their report lines read each
 * flow's name, verdict and reason, and a hand-edited file would otherwise
 * stop the command with a TypeError (or, with an `expect` of neither verdict,
 * pass as denied). A flow's `from` and `to` are the analysis's to judge,
 * flow by flow, which names the flow that cannot be proven.
 */
function declaredFlowsProblem(json: Record<string, unknown>): JsonShapeProblem | undefined {
  const flows = (json["//"] as Record<string, unknown> | undefined)?.flows;
  if (flows === undefined) return undefined;
  if (flows === null || typeof flows !== "object" || Array.isArray(flows))
    return { path: "//.flows", value: flows, expected: "an object, as Flows.of(stack) records it ({ declared: [...] })" };
  const declared = (flows as Record<string, unknown>).declared;
  if (declared === undefined) return undefined;
  if (!Array.isArray(declared)) return { path: "//.flows.declared", value: declared, expected: "a list of declared flows" };
  for (const [i, flow] of declared.entries()) {
    const at = `//.flows.declared[${i}]`;
    if (flow === null || typeof flow !== "object" || Array.isArray(flow))
      return { path: at, value: flow, expected: "a declared flow: an object with name, from, to and expect" };
    const { name, expect, reason, description } = flow as Record<string, unknown>;
    if (typeof name !== "string" || name === "") return { path: `${at}.name`, value: name, expected: "the flow's name, a string" };
    if (expect !== "allowed" && expect !== "denied") return { path: `${at}.expect`, value: expect, expected: '"allowed" or "denied"' };
    if (reason !== undefined && typeof reason !== "string")
      return { path: `${at}.reason`, value: reason, expected: "a fragment of the denied flow's reason, a string" };
    if (description !== undefined && typeof description !== "string") return { path: `${at}.description`, value: description, expected: "a string" };
  }
  return undefined;
}

/** Runs the command; returns its exit status. */
export function runFlows(argv: readonly string[], io: CommandIo): number {
  return runCommand(
    { name: FLOWS_COMMAND, usage: FLOWS_USAGE, io },
    () => parseFlowsArguments(argv),
    (options) => prove(options, io),
  );
}

function prove(options: FlowsOptions, io: CommandIo): number {
  const started = Date.now();
  let declared = 0;
  let stacks = 0;
  const broken: string[] = [];
  const failedStacks: string[] = [];
  const files = stackFiles(options.inputs, io.cwd);
  for (const file of files) {
    const name = basename(dirname(file));
    if (options.only !== undefined && !options.only.test(name)) continue;
    stacks++;
    let model: NetworkModel;
    try {
      model = modelOf(file, name);
    } catch (error) {
      io.out(`FAIL ${name}: ${messageOf(error)}\n`);
      failedStacks.push(file);
      continue;
    }
    for (const flow of declaredFlowsOf(model)) {
      declared++;
      try {
        const { verdict, holds } = verifyDeclaredFlow(model, flow);
        const outcome = verdict.allowed ? "allowed" : "denied";
        const expected = holds ? "" : ` (declared ${flow.expect}${flow.reason === undefined ? "" : ` for "${flow.reason}"`})`;
        io.out(`${holds ? "ok  " : "FAIL"} ${name} ${flow.name}: ${outcome}${expected}${verdict.allowed ? "" : ` — ${verdict.reason}`}\n`);
        if (options.hops || !holds) io.out(`${describeVerdict(verdict).split("\n").slice(1).join("\n")}\n`);
        if (!holds) broken.push(`${name} ${flow.name}`);
      } catch (error) {
        io.out(`FAIL ${name} ${flow.name}: cannot be proven: ${messageOf(error)}\n`);
        broken.push(`${name} ${flow.name}`);
      }
    }
  }
  if (stacks === 0) {
    const names = files.map((f) => basename(dirname(f))).join(", ");
    throw new CommandError(`--only ${String(options.only)} matches no stack of ${options.inputs.join(", ")} (${names}): nothing was checked`);
  }
  io.out(
    `\n${stacks} stack(s)${failedStacks.length === 0 ? "" : `, ${failedStacks.length} unreadable`}, ${declared} declared flow(s), ${declared - broken.length} as declared, ${broken.length} not, analysed in ${((Date.now() - started) / 1000).toFixed(1)}s\n`,
  );
  if (failedStacks.length > 0) io.err(`unreadable stack files: ${failedStacks.join(", ")}\n`);
  if (broken.length > 0) io.err(`flows not as declared: ${broken.join(", ")}\n`);
  if (declared === 0 && failedStacks.length === 0) io.err(`no stack of ${options.inputs.join(", ")} declares a flow: nothing was checked\n`);
  return failedStacks.length > 0 || broken.length > 0 || declared === 0 ? 1 : 0;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

if (require.main === module) {
  process.exitCode = runFlows(process.argv.slice(2), processIo());
}
