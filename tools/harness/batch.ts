/**
 * Batched terraform runs: many stacks as child modules of one root
 * configuration, so that one terraform process (one provider schema load)
 * checks them all, and every error still names the stack it comes from.
 *
 * A stack becomes a child module unchanged (its own provider blocks, its
 * override file), except in the mocked test root, where provider blocks must
 * come from the caller: there the child keeps its resources and declares its
 * aliases (`configuration_aliases`), and the root holds the stack's provider
 * blocks under alias names of its own, which the test file's
 * `mock_provider "aws"` blocks replace, as in the per-stack test.
 *
 * What a root module checks that a child module does not, the batch root does
 * on the stack's behalf, in a root file of the stack's own
 * (`<stack>.root.tf.json`):
 * - required variables (no default) become root variables, so that validate
 *   sees an unknown value and plan or test fail for want of one, as at the root;
 * - outputs are mirrored as root outputs with the stack's `sensitive` flag, so
 *   that Terraform's root-output rules (sensitive values must be marked,
 *   ephemeral values cannot leave the root) still apply.
 * The backend block is ignored in a child module (Terraform warns): the
 * harness initializes each stack's backend in the stack's own folder.
 * Stacks with blocks only a root may hold (`import`, `cloud`) are not batched
 * (see {@link notBatchable}).
 */
import { isAbsolute, relative, resolve, sep } from "node:path";
import { mockBlocks, ProviderBlock, providerAliases, StackJson } from "./offline-plan";

/** A stack's name joined to a name of the stack's own, for names in the shared root. */
export function rootName(stack: string, name: string): string {
  return `${stack}__${name}`;
}

interface VariableBlock {
  readonly default?: unknown;
  readonly type?: string;
  readonly sensitive?: boolean;
  readonly nullable?: boolean;
}

interface OutputBlock {
  readonly sensitive?: boolean;
}

/** Why a stack cannot be checked as a child module, or undefined when it can. */
export function notBatchable(stack: StackJson): string | undefined {
  if (stack.import !== undefined && Object.keys(stack.import).length > 0) return "import blocks are allowed in a root module only";
  if (stack.terraform?.cloud !== undefined) return "a cloud block is allowed in a root module only";
  return undefined;
}

export interface RootFileOptions {
  /** The module's provider map (child name -> root configuration), for the mocked test root. */
  readonly providers?: Record<string, string>;
  /** Provider blocks the root holds for this stack. */
  readonly rootProviders?: readonly ProviderBlock[];
}

/** `<stack>.root.tf.json`: the module call, root variables for required inputs, mirrored outputs. */
export function rootFile(stack: string, source: string, config: StackJson, options: RootFileOptions = {}): object {
  const variables = Object.entries((config.variable ?? {}) as Record<string, VariableBlock>).filter(([, v]) => !("default" in v));
  const outputs = Object.entries((config.output ?? {}) as Record<string, OutputBlock>);
  const inputs = Object.fromEntries(variables.map(([name]) => [name, `\${var.${rootName(stack, name)}}`]));
  const file: Record<string, unknown> = {
    module: { [stack]: { source, ...inputs, ...(options.providers === undefined ? {} : { providers: options.providers }) } },
  };
  if (variables.length > 0) {
    file.variable = Object.fromEntries(
      variables.map(([name, v]) => [
        rootName(stack, name),
        {
          ...(v.type === undefined ? {} : { type: v.type }),
          ...(v.sensitive === undefined ? {} : { sensitive: v.sensitive }),
          ...(v.nullable === undefined ? {} : { nullable: v.nullable }),
        },
      ]),
    );
  }
  if (outputs.length > 0) {
    file.output = Object.fromEntries(
      outputs.map(([name, o]) => [
        rootName(stack, name),
        { value: `\${module.${stack}.${name}}`, ...(o.sensitive === true ? { sensitive: true } : {}) },
      ]),
    );
  }
  if (options.rootProviders !== undefined && options.rootProviders.length > 0) file.provider = { aws: options.rootProviders };
  return file;
}

/** The root's alias for one of the stack's provider configurations in the mocked test root. */
export function mockAlias(stack: string, alias: string | undefined): string {
  return rootName(stack, alias ?? "default");
}

/** The mocked test root's child module: the stack without AWS provider blocks or backend, declaring its aliases. */
export function mockModule(config: StackJson): StackJson {
  const { provider, terraform, ...rest } = config;
  const { aws: awsBlocks, ...otherProviders } = provider ?? {};
  const aliases = (awsBlocks ?? []).flatMap((p) => (p.alias === undefined ? [] : [`aws.${p.alias}`]));
  const terraformRest: Record<string, unknown> = { ...terraform };
  delete terraformRest.backend;
  const required = terraform?.required_providers;
  const aws = { source: "hashicorp/aws", ...((required?.aws as object | undefined) ?? {}) };
  return {
    ...rest,
    // Other providers are not mocked (as in the per-stack test): their blocks stay.
    ...(Object.keys(otherProviders).length > 0 ? { provider: otherProviders } : {}),
    terraform: {
      ...terraformRest,
      required_providers: { ...required, aws: aliases.length === 0 ? aws : { ...aws, configuration_aliases: aliases } },
    },
  } as StackJson;
}

/** The mocked test root's file for one stack: its provider blocks under the root's aliases, passed to the module. */
export function mockRootFile(stack: string, source: string, config: StackJson): object {
  const blocks = config.provider?.aws ?? [];
  const rootProviders: ProviderBlock[] =
    blocks.length === 0 ? [{ alias: mockAlias(stack, undefined) }] : blocks.map((p) => ({ ...p, alias: mockAlias(stack, p.alias) }));
  const providers = Object.fromEntries(
    providerAliases(config).map((alias) => [alias === undefined ? "aws" : `aws.${alias}`, `aws.${mockAlias(stack, alias)}`]),
  );
  return rootFile(stack, source, config, { providers, rootProviders });
}

export interface LineRange {
  readonly stack: string;
  readonly from: number;
  readonly to: number;
}

/**
 * The mocked test root's `harness.tftest.hcl`: a `mock_provider "aws"` for
 * every provider configuration of every stack (under the root's aliases, with
 * defaults for the types that stack uses) and one apply run. Returns the
 * lines of each stack's blocks, to name the stack of an error in the file.
 */
export function mockTestFile(stacks: readonly { readonly stack: string; readonly config: StackJson }[]): { text: string; lines: LineRange[] } {
  const parts: string[] = [];
  const lines: LineRange[] = [];
  let line = 1;
  for (const { stack, config } of stacks) {
    const body = mockBlocks(config);
    const text = providerAliases(config)
      .map((alias) => [`mock_provider "aws" {`, `  alias = "${mockAlias(stack, alias)}"`, ...body, "}"].join("\n"))
      .join("\n\n");
    const count = text.split("\n").length;
    lines.push({ stack, from: line, to: line + count - 1 });
    parts.push(text);
    line += count + 1;
  }
  parts.push('run "apply" {\n  command = apply\n}\n');
  return { text: parts.join("\n\n"), lines };
}

/** An error diagnostic of terraform's `-json` output. */
export interface Diagnostic {
  readonly summary: string;
  readonly detail?: string;
  readonly address?: string;
  readonly range?: { readonly filename: string; readonly start: { readonly line: number } };
}

/** The error diagnostics of `terraform <command> -json` output: one document (validate) or JSON lines (init, plan, test). */
export function errorDiagnostics(stdout: string): Diagnostic[] {
  const errors = (list: readonly { severity?: string }[]): Diagnostic[] => list.filter((d) => d.severity === "error") as unknown as Diagnostic[];
  const trimmed = stdout.trim();
  if (trimmed.startsWith("{") && !trimmed.includes("\n{")) {
    try {
      const document = JSON.parse(trimmed) as { diagnostics?: { severity?: string }[]; diagnostic?: { severity?: string } };
      if (Array.isArray(document.diagnostics)) return errors(document.diagnostics);
      if (document.diagnostic !== undefined) return errors([document.diagnostic]);
    } catch {
      // JSON lines after all
    }
  }
  const found: { severity?: string }[] = [];
  for (const line of stdout.split("\n")) {
    if (!line.startsWith("{")) continue;
    try {
      const message = JSON.parse(line) as { type?: string; diagnostic?: { severity?: string } };
      if (message.type === "diagnostic" && message.diagnostic !== undefined) found.push(message.diagnostic);
    } catch {
      // not terraform's JSON: ignore
    }
  }
  return errors(found);
}

/** Warnings of syntax Terraform deprecated (quoted references, interpolation-only expressions). */
const DEPRECATED_SYNTAX = /deprecated/i;

/**
 * `terraform validate -json` with warnings of deprecated syntax turned into
 * errors: the HCL check fails on them, each naming its stack as an error
 * does, because they are ours to fix (see modules/app/hcl-output.ts).
 */
export function failOnDeprecatedSyntax(result: CommandResult): CommandResult {
  let document: { diagnostics?: { severity?: string; summary?: string }[] };
  try {
    document = JSON.parse(result.stdout.trim());
  } catch {
    return result;
  }
  const deprecated = (document.diagnostics ?? []).filter((d) => d.severity === "warning" && DEPRECATED_SYNTAX.test(d.summary ?? ""));
  if (deprecated.length === 0) return result;
  const diagnostics = document.diagnostics!.map((d) => (deprecated.includes(d) ? { ...d, severity: "error" } : d));
  return { ...result, ok: false, stdout: JSON.stringify({ ...document, valid: false, diagnostics }) };
}

/** Terraform's first error of a diagnostic, as one line, for the summary table. */
export function errorLine(diagnostic: Diagnostic): string {
  return `Error: ${diagnostic.summary}`.slice(0, 300);
}

export interface Attribution {
  /** The root folder (file names in diagnostics are relative to it). */
  readonly root: string;
  /** Every member: its stack name and the folder of its module. */
  readonly members: readonly { readonly stack: string; readonly dir: string }[];
  /** Lines of a generated file in the root that belong to a stack (the test file). */
  readonly lines?: { readonly file: string; readonly ranges: readonly LineRange[] };
}

/**
 * The stack an error belongs to: by the file it points at (the stack's module
 * folder or its root file), by the address it names (`module.<stack>.`), or
 * by the lines of the generated test file. Undefined when it names none.
 */
export function stackOf(diagnostic: Diagnostic, attribution: Attribution): string | undefined {
  const names = new Set(attribution.members.map((m) => m.stack));
  const filename = diagnostic.range?.filename;
  if (filename !== undefined) {
    const path = isAbsolute(filename) ? filename : resolve(attribution.root, filename);
    for (const member of attribution.members) {
      const inside = relative(resolve(member.dir), path);
      if (!inside.startsWith("..") && !isAbsolute(inside) && inside !== "") return member.stack;
    }
    const base = relative(attribution.root, path);
    const rootFileMatch = /^(.+)\.root\.tf\.json$/.exec(base);
    if (rootFileMatch !== null && names.has(rootFileMatch[1])) return rootFileMatch[1];
    if (attribution.lines !== undefined && resolve(attribution.root, attribution.lines.file) === path && diagnostic.range !== undefined) {
      const line = diagnostic.range.start.line;
      const range = attribution.lines.ranges.find((r) => r.from <= line && line <= r.to);
      if (range !== undefined) return range.stack;
    }
  }
  const address = diagnostic.address ?? "";
  const fromAddress = /^module\.([^.[]+)/.exec(address)?.[1];
  if (fromAddress !== undefined && names.has(fromAddress)) return fromAddress;
  return undefined;
}

/** Each stack's first error among the diagnostics; diagnostics that name no stack under `undefined`. */
export function attribute(diagnostics: readonly Diagnostic[], attribution: Attribution): { byStack: Map<string, string>; unattributed: string[] } {
  const byStack = new Map<string, string>();
  const unattributed: string[] = [];
  for (const diagnostic of diagnostics) {
    const stack = stackOf(diagnostic, attribution);
    if (stack === undefined) unattributed.push(errorLine(diagnostic));
    else if (!byStack.has(stack)) byStack.set(stack, errorLine(diagnostic));
  }
  return { byStack, unattributed };
}

/** Path of a member's folder as a module source, relative to the root. */
export function moduleSource(root: string, dir: string): string {
  const path = relative(root, dir).split(sep).join("/");
  return path.startsWith(".") ? path : `./${path}`;
}

/** Terraform's first error summary in plain output, as one line, for the summary table. */
export function firstError(output: string): string {
  const lines = output.split("\n").map((l) => l.replace(/^│\s?/, "").trim());
  return (lines.find((l) => l.startsWith("Error:")) ?? lines.filter((l) => l.length > 0).slice(-1)[0] ?? "unknown failure").slice(0, 300);
}

/** Runs `work` over `items`, `jobs` at a time, keeping the order of the results. */
export async function pool<T, R>(items: readonly T[], jobs: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, items.length)) }, worker));
  return results;
}

/** A terraform command's outcome. */
export interface CommandResult {
  readonly ok: boolean;
  /** stdout and stderr, interleaved. */
  readonly output: string;
  readonly stdout: string;
  readonly seconds: number;
}

/** One batch run: the command over some stacks, and who its errors name. */
export interface BatchAttempt {
  readonly result: CommandResult;
  readonly attribution: Attribution;
}

/** A stack's result for one step. */
export interface StackOutcome {
  readonly stack: string;
  readonly ok: boolean;
  /** Time of the stack's own command; undefined when it ran in a batch. */
  readonly seconds?: number;
  readonly error?: string;
}

/** What one batch run did, for the report. */
export interface BatchRunRecord {
  readonly stacks: number;
  readonly seconds: number;
  readonly result: string;
}

/**
 * Runs `attempt` over `candidates`; a stack an error names fails the step
 * and leaves the batch, which runs again for the rest, until a run passes.
 * When a failed run's errors name no remaining stack, each remaining stack
 * runs the step on its own (`single`), `jobs` at a time.
 */
export async function runBatches(
  candidates: readonly string[],
  attempt: (members: string[]) => Promise<BatchAttempt>,
  single: (stack: string) => Promise<Omit<CommandResult, "stdout">>,
  jobs: number,
): Promise<{ outcomes: StackOutcome[]; runs: BatchRunRecord[] }> {
  const outcomes: StackOutcome[] = [];
  const runs: BatchRunRecord[] = [];
  let remaining = [...candidates];
  while (remaining.length > 0) {
    const { result, attribution } = await attempt(remaining);
    const { byStack, unattributed } = attribute(errorDiagnostics(result.stdout), attribution);
    const culprits = remaining.filter((s) => byStack.has(s));
    runs.push({
      stacks: remaining.length,
      seconds: result.seconds,
      result: result.ok
        ? "ok"
        : culprits.length > 0
          ? `failed: ${culprits.join(", ")}${unattributed.length > 0 ? `; also ${unattributed[0]}` : ""}`
          : `an error names no stack (${unattributed[0] ?? firstError(result.output)}): each stack on its own`,
    });
    if (result.ok) {
      outcomes.push(...remaining.map((stack) => ({ stack, ok: true })));
      break;
    }
    if (culprits.length === 0) {
      const singles = await pool(remaining, jobs, async (stack) => ({ stack, result: await single(stack) }));
      outcomes.push(
        ...singles.map(({ stack, result: r }) => ({ stack, ok: r.ok, seconds: r.seconds, ...(r.ok ? {} : { error: firstError(r.output) }) })),
      );
      break;
    }
    outcomes.push(...culprits.map((stack) => ({ stack, ok: false, error: byStack.get(stack)! })));
    remaining = remaining.filter((s) => !byStack.has(s));
  }
  return { outcomes, runs };
}
