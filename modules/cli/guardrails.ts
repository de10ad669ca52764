#!/usr/bin/env node
/**
 * cdktf-pn-guardrails: the guardrail pack as a command over any Terraform,
 * the package's `bin`. It reads cdktf's synthesized JSON (one cdk.tf.json or
 * a cdktf.out folder) or the JSON of `terraform show -json <planfile>` (HCL,
 * terraform-aws-modules, anything Terraform plans), runs a pack and reports
 * the findings as text, JSON or SARIF 2.1.0. `npm run check` runs the same
 * code over the example stacks.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { closestMatch } from "../core/formats";
import { Json, TerraformBlock, TerraformDocument } from "../flows/terraform/document";
import { documentFromPlan, isPlanJson } from "../flows/terraform/plan";
import { describeShapeProblem, planJsonProblem, synthesizedJsonProblem } from "../core/terraform-json-shape";
import {
  checkModel,
  Finding,
  formatFindings,
  isUnsuppressed,
  PRIVATE_NETWORKING_PACK,
  RulePack,
  sarifReport,
  SCANNER_PARITY_PACK,
  Severity,
  SourceLocation,
} from "../guardrails";

/** The command's name, as package.json's `bin` declares it. */
export const COMMAND = "cdktf-pn-guardrails";

const PACKS: Record<string, RulePack> = Object.fromEntries([PRIVATE_NETWORKING_PACK, SCANNER_PARITY_PACK].map((pack) => [pack.name, pack]));
const FORMATS = ["text", "json", "sarif"] as const;
/** Most severe first: `--fail-on medium` fails on the first two. */
const SEVERITIES: readonly Severity[] = ["HIGH", "MEDIUM", "LOW"];
const FAIL_ON = SEVERITIES.map((severity) => severity.toLowerCase());

/** What each option takes, for `--help` and for the message when its value is missing or wrong. */
const OPTIONS = {
  "--format": "text, json or sarif",
  "--fail-on": "high, medium or low",
  "--pack": Object.keys(PACKS).join(" or "),
  "--only": "a regular expression over stack names",
} as const;
type OptionName = keyof typeof OPTIONS;

export const USAGE = `Usage: ${COMMAND} [options] <input>...

Runs the private-networking guardrail pack (VPC endpoints, PrivateLink, VPC
Lattice, resource gateways and configurations, security groups, load
balancers, RAM shares) over Terraform, written with cdktf or not.

Inputs:
  cdk.tf.json            a stack synthesized by cdktf
  cdktf.out              a cdktf output folder: every stacks/<name>/cdk.tf.json in it
  plan.json              the output of \`terraform show -json <planfile>\`

Options:
  --format <format>      text (default), json (the findings) or sarif (SARIF 2.1.0,
                         for GitHub code scanning)
  --fail-on <severity>   exit 1 when an unsuppressed finding is at least this severe:
                         high, medium or low (default: low, any finding)
  --pack <name>          private-networking (default: every rule) or scanner-parity
                         (the rules checkov, trivy or Security Hub also run)
  --only <regex>         only the stacks whose name matches (a plan's name is its path)
  --version              print the version
  -h, --help             print this text

Exit status: 0 when no unsuppressed finding reaches --fail-on, 1 when one does,
2 for a usage or input error.
`;

/** A usage or input error: the message says what was wrong (naming the option or file and the value) and the command exits 2. */
export class CommandError extends Error {}

/** What the command line asks for. */
export interface CommandOptions {
  /** Files and folders to check, as given. */
  readonly inputs: readonly string[];
  /** How the report is written. */
  readonly format: (typeof FORMATS)[number];
  /** The rules to run. */
  readonly pack: RulePack;
  /** The least severity that fails the command. */
  readonly failOn: Severity;
  /** Only the stacks whose name matches. @default - every stack */
  readonly only?: RegExp;
}

/** The command line read into options; `help` and `version` when those are asked for. Throws {@link CommandError}. */
export function parseArguments(argv: readonly string[]): CommandOptions | "help" | "version" {
  const values = new Map<OptionName, string>();
  const inputs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    if (argument === "-h" || argument === "--help") return "help";
    if (argument === "--version") return "version";
    if (argument === "--") {
      inputs.push(...argv.slice(i + 1));
      break;
    }
    if (!argument.startsWith("-")) {
      inputs.push(argument);
      continue;
    }
    const [flag, inline] = argument.split(/=(.*)/s);
    if (!(flag in OPTIONS)) {
      const suggestion = closestMatch(flag, [...Object.keys(OPTIONS), "--help", "--version"]);
      throw new CommandError(`unknown option ${flag}${suggestion === undefined ? "" : ` (did you mean ${suggestion}?)`}; see --help`);
    }
    const option = flag as OptionName;
    const value = inline ?? argv[i + 1];
    if (value === undefined || (inline === undefined && value.startsWith("--")))
      throw new CommandError(`${option} needs a value: ${OPTIONS[option]}`);
    if (inline === undefined) i += 1;
    values.set(option, value);
  }
  if (inputs.length === 0)
    throw new CommandError("no input: name a cdk.tf.json, a cdktf.out folder or the JSON of `terraform show -json <planfile>`; see --help");
  return {
    inputs,
    format: oneOf("--format", values.get("--format") ?? "text", FORMATS, "a format"),
    pack: PACKS[oneOf("--pack", values.get("--pack") ?? PRIVATE_NETWORKING_PACK.name, Object.keys(PACKS), "a pack")],
    failOn: oneOf("--fail-on", (values.get("--fail-on") ?? "low").toLowerCase(), FAIL_ON, "a severity").toUpperCase() as Severity,
    only: regexOption(values.get("--only")),
  };
}

function oneOf<T extends string>(option: OptionName, value: string, allowed: readonly T[], what: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  const suggestion = closestMatch(value, allowed);
  throw new CommandError(
    `${option} ${JSON.stringify(value)} is not ${what}${suggestion === undefined ? "" : ` (did you mean ${suggestion}?)`}: use ${OPTIONS[option]}`,
  );
}

function regexOption(source: string | undefined): RegExp | undefined {
  if (source === undefined) return undefined;
  try {
    return new RegExp(source);
  } catch (error) {
    throw new CommandError(`--only ${JSON.stringify(source)} is not a regular expression: ${(error as Error).message}`);
  }
}

/** One configuration to check, with the file it was read from. */
export interface LoadedInput {
  /** The configuration; its stack name is the stack's (cdktf) or the file's path (a plan). */
  readonly document: TerraformDocument;
  /** Path of the file, relative to the working folder when inside it, with `/` separators. */
  readonly file: string;
  /** Where in the file a block is written. */
  readonly locate: (block: TerraformBlock) => SourceLocation;
}

/**
 * Reads the inputs: a file is cdktf's JSON or a plan's, a folder is a
 * cdktf output folder (every stacks/<name>/cdk.tf.json) or a stack's folder
 * (its cdk.tf.json). Throws {@link CommandError} naming the input that cannot be read.
 */
export function loadInputs(paths: readonly string[], cwd: string): LoadedInput[] {
  return paths.flatMap((path) => {
    const absolute = resolve(cwd, path);
    if (!existsSync(absolute)) throw new CommandError(`${path}: no such file or folder`);
    return (statSync(absolute).isDirectory() ? cdktfStackFiles(absolute, path) : [absolute]).map((file) => loadFile(file, cwd));
  });
}

function cdktfStackFiles(folder: string, shown: string): string[] {
  if (existsSync(join(folder, "cdk.tf.json"))) return [join(folder, "cdk.tf.json")];
  // A stacks/<name>/cdk.tf.json that is a folder is reported by loadFile, not skipped: the stack would go unchecked.
  const stacks = join(folder, "stacks");
  const files = existsSync(stacks)
    ? readdirSync(stacks)
        .sort()
        .map((name) => join(stacks, name, "cdk.tf.json"))
        .filter((file) => existsSync(file))
    : [];
  if (files.length === 0)
    throw new CommandError(`${shown}: a folder without stacks/<name>/cdk.tf.json (a cdktf output folder) or cdk.tf.json (a stack's folder)`);
  return files;
}

function loadFile(absolute: string, cwd: string): LoadedInput {
  // Paths inside the working folder stay relative: SARIF viewers resolve them against the repository.
  const inside = relative(cwd, absolute);
  const file = (inside.startsWith("..") || isAbsolute(inside) ? absolute : inside).split(sep).join("/");
  if (statSync(absolute).isDirectory()) throw new CommandError(`${file}: a folder, not a JSON file`);
  let text: string;
  try {
    text = readFileSync(absolute, "utf8");
  } catch (error) {
    throw new CommandError(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CommandError(`${file}: not JSON (${(error as Error).message})`);
  }
  if (json === null || typeof json !== "object" || Array.isArray(json)) throw new CommandError(`${file}: not a JSON object`);
  const object = json as Json;
  if (isPlanJson(object)) {
    const problem = planJsonProblem(object);
    if (problem !== undefined) throw new CommandError(`${file}: not a readable plan: ${describeShapeProblem(problem)}`);
    try {
      return {
        document: documentFromPlan(file, object),
        file,
        locate: (block) => ({ uri: file, startLine: lineAt(text, indexOfKey(text, 0, "address", block.address)) }),
      };
    } catch (error) {
      // The reader's own errors name the file; a JavaScript error means a shape the checks above do not know yet.
      throw new CommandError(
        error instanceof TypeError
          ? `${file}: not a readable plan: a part of it is not shaped as terraform show -json writes it`
          : (error as Error).message,
      );
    }
  }
  const declaredName = (object["//"] as { metadata?: { stackName?: unknown } } | undefined)?.metadata?.stackName;
  const stackName = typeof declaredName === "string" ? declaredName : undefined;
  if (stackName === undefined && !["resource", "data", "provider", "terraform"].some((key) => key in object)) {
    const hint = "values" in object ? " (it looks like a state: run terraform show -json on a plan file)" : "";
    throw new CommandError(`${file}: neither cdktf's cdk.tf.json nor the JSON of \`terraform show -json <planfile>\`${hint}`);
  }
  const problem = synthesizedJsonProblem(object);
  if (problem !== undefined) throw new CommandError(`${file}: not readable Terraform JSON: ${describeShapeProblem(problem)}`);
  return {
    document: TerraformDocument.fromJson(stackName ?? basename(dirname(absolute)), object),
    file,
    // cdktf writes a block as "<name>": { under "<type>": { under "resource": { or "data": {.
    locate: (block) => ({
      uri: file,
      startLine: lineAt(
        text,
        [block.mode, block.type, block.name].reduce((from, key) => indexOfKey(text, from, key), 0),
      ),
    }),
  };
}

/** Where, at or after `from`, the JSON text has `"key": {` or, with `value`, `"key": "value"`; -1 when nowhere (or `from` is -1). */
function indexOfKey(text: string, from: number, key: string, value?: string): number {
  if (from < 0) return -1;
  const escape = (literal: string) => literal.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const index = text
    .slice(from)
    .search(new RegExp(`${escape(JSON.stringify(key))}\\s*:\\s*${value === undefined ? "\\{" : escape(JSON.stringify(value))}`));
  return index < 0 ? -1 : from + index;
}

/** The 1-based line of a position in the text; undefined for -1. */
function lineAt(text: string, index: number): number | undefined {
  return index < 0 ? undefined : text.slice(0, index).split("\n").length;
}

/** Where the command writes and what it resolves paths against. */
export interface CommandIo {
  /** Standard output: the report. */
  readonly out: (text: string) => void;
  /** Standard error: usage and input errors. */
  readonly err: (text: string) => void;
  /** The working folder. */
  readonly cwd: string;
}

/** The process's standard output and error and working folder. */
export function processIo(): CommandIo {
  return { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text), cwd: process.cwd() };
}

/** Runs the command; returns its exit status. */
export function runGuardrails(argv: readonly string[], io: CommandIo): number {
  return runCommand(
    { name: COMMAND, usage: USAGE, io },
    () => parseArguments(argv),
    (options) => check(options, io),
  );
}

/**
 * The frame of the package's commands: `--help` prints the usage and
 * `--version` the version (exit 0), a {@link CommandError} is printed after
 * the command's name (exit 2), else `run` decides the status.
 */
export function runCommand<O>(
  command: { readonly name: string; readonly usage: string; readonly io: CommandIo },
  parse: () => O | "help" | "version",
  run: (options: O) => number,
): number {
  try {
    const options = parse();
    if (options === "help") command.io.out(command.usage);
    else if (options === "version") command.io.out(`${packageVersion()}\n`);
    else return run(options);
    return 0;
  } catch (error) {
    if (!(error instanceof CommandError)) throw error;
    command.io.err(`${command.name}: ${error.message}\n`);
    return 2;
  }
}

function check(options: CommandOptions, io: CommandIo): number {
  const loaded = loadInputs(options.inputs, io.cwd);
  const inputs = options.only === undefined ? loaded : loaded.filter((input) => options.only?.test(input.document.stackName));
  if (inputs.length === 0) {
    throw new CommandError(
      `--only ${JSON.stringify(options.only?.source)} matches none of the stacks: ${loaded.map((i) => i.document.stackName).join(", ")}`,
    );
  }
  const findings = inputs.flatMap((input) => {
    try {
      return checkModel(input.document, options.pack);
    } catch (error) {
      // A value of a shape no rule expects: an input error of that file, not findings (exit 1) nor a stack trace.
      throw new CommandError(`${input.file}: cannot be checked: ${(error as Error).message}`);
    }
  });
  const failing = findings.filter((f) => isUnsuppressed(f) && SEVERITIES.indexOf(f.severity) <= SEVERITIES.indexOf(options.failOn));
  if (options.format === "json") io.out(`${JSON.stringify(findings, null, 2)}\n`);
  else if (options.format === "sarif")
    io.out(`${sarifReport(findings, { pack: options.pack, toolVersion: packageVersion(), locate: locator(inputs) })}\n`);
  else {
    const stacks = inputs.map((input) => input.document.stackName);
    const threshold = options.failOn === "LOW" ? "" : `\n${failing.length} finding(s) at --fail-on ${options.failOn.toLowerCase()} or above`;
    io.out(
      `guardrails: pack ${options.pack.name} (${options.pack.rules.length} rules)\n${formatFindings(findings, stacks, options.pack.rules)}${threshold}\n`,
    );
  }
  return failing.length > 0 ? 1 : 0;
}

function locator(inputs: readonly LoadedInput[]): (finding: Finding) => SourceLocation | undefined {
  return (finding) => {
    const input = inputs.find((i) => i.document.stackName === finding.stack);
    const block = input?.document.block(finding.address);
    return input === undefined || block === undefined ? undefined : input.locate(block);
  };
}

/** The package's version, from the package.json next to dist/ (or modules/ when run from source). */
function packageVersion(): string {
  return (JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8")) as { version: string }).version;
}

if (require.main === module) {
  process.exitCode = runGuardrails(process.argv.slice(2), processIo());
}
