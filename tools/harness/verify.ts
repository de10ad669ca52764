/**
 * npm run verify [-- --only <regex>] [--jobs <n>] [--no-hcl] [--per-stack]
 *
 * Synthesizes the example app (JSON and HCL) and proves every stack against
 * the real Terraform AWS provider: init (from the local mirror), validate,
 * an offline plan (see offline-plan.ts), and validate of the HCL output.
 * Exits non-zero naming each failed stack and terraform's first error.
 *
 * By default the stacks are checked in batches (see batch.ts): one root
 * configuration holds the stacks as child modules, so that one terraform
 * process, which loads the provider's schema once, checks them all, and
 * the HCL validate and the mocked tests attach to one running provider (see
 * provider-server.ts). In batches the JSON is validated by the plan or the
 * mocked test, which run terraform's validation of the configuration before
 * anything else (the same checks and messages as `terraform validate`), so
 * it gets no command of its own; the report's validate column says where.
 * Every error is attributed to its stack by the file or address it names; a failed stack leaves the batch, which runs again for the
 * others, and errors that name no stack send the batch's stacks through the
 * per-stack commands one by one. `--per-stack` runs every stack on its own,
 * each command in the stack's folder, as the harness always did.
 */
import { spawn } from "node:child_process";
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join, resolve } from "node:path";
import {
  BatchAttempt,
  CommandResult,
  failOnDeprecatedSyntax,
  firstError,
  mockModule,
  mockRootFile,
  mockTestFile,
  moduleSource,
  notBatchable,
  pool,
  rootFile,
  runBatches,
} from "./batch";
import { mockTest, planOverride, planStrategy, PlanStrategy, StackJson } from "./offline-plan";
import { installedAwsProvider, ProviderServer, startProviderServer } from "./provider-server";
import { initArgs, isCi, terraformEnvironment, TerraformEnvironment } from "./terraform-env";
import { SYNTHESIZED_APP_ENV, synthesizeApp, SynthFormat } from "../synth-app";

const ROOT = resolve(__dirname, "..", "..");
const WORK = join(ROOT, ".harness");
const JSON_OUT = join(ROOT, "cdktf.out");
const HCL_OUT = join(WORK, "hcl.out");
const BATCH = join(WORK, "batch");

interface Options {
  readonly only?: RegExp;
  readonly jobs: number;
  readonly hcl: boolean;
  readonly perStack: boolean;
}

function parseOptions(argv: string[]): Options {
  const value = (flag: string): string | undefined => {
    const index = argv.indexOf(flag);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const only = value("--only");
  return {
    only: only === undefined ? undefined : new RegExp(only),
    jobs: Number(value("--jobs") ?? cpus().length),
    hcl: !argv.includes("--no-hcl"),
    perStack: argv.includes("--per-stack"),
  };
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<CommandResult> {
  const started = Date.now();
  return new Promise((done) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const seconds = (): number => (Date.now() - started) / 1000;
    child.on("error", (error) => done({ ok: false, output: String(error), stdout, seconds: seconds() }));
    child.on("close", (code) => done({ ok: code === 0, output, stdout, seconds: seconds() }));
  });
}

/**
 * The synthesized app: the folders `npm test` handed down (see
 * tools/synth-app.ts), or this run's own synth into cdktf.out and
 * .harness/hcl.out.
 */
async function synthesizedFolders(hcl: boolean): Promise<{ json: string; hcl: string }> {
  const handed = (format: SynthFormat): string | undefined => process.env[SYNTHESIZED_APP_ENV[format]] || undefined;
  const own: Partial<Record<SynthFormat, string>> = {
    ...(handed("json") === undefined ? { json: JSON_OUT } : {}),
    ...(hcl && handed("hcl") === undefined ? { hcl: HCL_OUT } : {}),
  };
  if (Object.keys(own).length > 0) await synthesizeApp(ROOT, own);
  return { json: handed("json") ?? JSON_OUT, hcl: handed("hcl") ?? HCL_OUT };
}

type StepName = "init" | "validate" | "plan" | "test" | "hcl-validate";

interface StepResult {
  readonly name: StepName;
  /** Time of the stack's own command; undefined when the stack was checked in a batch. */
  readonly seconds?: number;
  readonly ok: boolean;
  readonly error?: string;
}

interface StackReport {
  readonly stack: string;
  readonly strategy: PlanStrategy;
  readonly steps: StepResult[];
  readonly failure?: { readonly step: string; readonly error: string };
}

/** One terraform process over a batch of stacks. */
interface BatchRun {
  readonly step: StepName;
  readonly stacks: number;
  readonly seconds: number;
  readonly result: string;
}

interface StackDirs {
  readonly json: string;
  readonly hcl: string;
  readonly config: StackJson;
  readonly strategy: PlanStrategy;
}

/** The stack's own folders: the JSON with its plan override or mocked test, and its HCL (when checked). */
function prepareStack(stack: string, app: { json: string; hcl: string }, hcl: boolean): StackDirs {
  const dir = join(WORK, "stacks", stack);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(join(app.json, "stacks", stack), dir, { recursive: true });
  const config = JSON.parse(readFileSync(join(dir, "cdk.tf.json"), "utf8")) as StackJson;
  const strategy = planStrategy(config);
  if (strategy === "plan") writeFileSync(join(dir, "harness_override.tf.json"), planOverride(config));
  else writeFileSync(join(dir, "harness.tftest.hcl"), mockTest(config));
  const hclDir = join(WORK, "hcl", stack);
  rmSync(hclDir, { recursive: true, force: true });
  if (hcl) {
    if (!existsSync(join(app.hcl, "stacks", stack, "cdk.tf"))) throw new Error(`HCL synth produced no cdk.tf for ${stack}`);
    mkdirSync(hclDir, { recursive: true });
    cpSync(join(app.hcl, "stacks", stack), hclDir, { recursive: true });
  }
  return { json: dir, hcl: hclDir, config, strategy };
}

const PLAN_ARGS = ["plan", "-input=false", "-no-color", "-lock=false", "-refresh=false"];

/** The stack on its own, every command in its folder (also the fallback when a batch error names no stack). */
class SingleStack {
  private initialized?: Promise<CommandResult>;

  constructor(
    private readonly stack: string,
    private readonly dirs: StackDirs,
    private readonly environment: TerraformEnvironment,
  ) {}

  init(): Promise<CommandResult> {
    this.initialized ??= run("terraform", initArgs(this.environment), this.dirs.json, this.environment.env);
    return this.initialized;
  }

  async step(name: StepName): Promise<CommandResult> {
    const init = await this.init();
    if (name === "init" || !init.ok) return init;
    const terraform = (args: string[], cwd = this.dirs.json): Promise<CommandResult> => run("terraform", args, cwd, this.environment.env);
    if (name === "validate") return terraform(["validate", "-no-color"]);
    if (name === "plan") return terraform(PLAN_ARGS);
    if (name === "test") return terraform(["test", "-no-color"]);
    // hcl-validate: the HCL folder reuses the JSON folder's initialized providers.
    rmSync(join(this.dirs.hcl, ".terraform.lock.hcl"), { force: true });
    rmSync(join(this.dirs.hcl, ".terraform"), { recursive: true, force: true });
    copyFileSync(join(this.dirs.json, ".terraform.lock.hcl"), join(this.dirs.hcl, ".terraform.lock.hcl"));
    symlinkSync(join(this.dirs.json, ".terraform"), join(this.dirs.hcl, ".terraform"));
    return terraform(["validate", "-no-color"], this.dirs.hcl);
  }

  /** init, validate, plan or test, hcl-validate, stopping at the first failure. */
  async verify(hcl: boolean): Promise<StackReport> {
    const steps: StepResult[] = [];
    const names: StepName[] = ["init", "validate", this.dirs.strategy === "plan" ? "plan" : "test", ...(hcl ? (["hcl-validate"] as const) : [])];
    for (const name of names) {
      const result = await this.step(name);
      steps.push({ name, seconds: result.seconds, ok: result.ok });
      if (!result.ok) return { stack: this.stack, strategy: this.dirs.strategy, steps, failure: { step: name, error: firstError(result.output) } };
    }
    return { stack: this.stack, strategy: this.dirs.strategy, steps };
  }
}

/** A batch root: a folder of `<stack>.root.tf.json` files (and a test file), initialized once. */
class BatchRoot {
  private initialized = false;

  constructor(
    readonly dir: string,
    private readonly environment: TerraformEnvironment,
  ) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
  }

  /** Replaces the root's files (a stack's module folder and `.terraform` stay). */
  write(files: Record<string, object | string>): void {
    for (const file of readdirSync(this.dir)) if (file.endsWith(".tf.json") || file.endsWith(".tftest.hcl")) rmSync(join(this.dir, file));
    for (const [file, content] of Object.entries(files))
      writeFileSync(join(this.dir, file), typeof content === "string" ? content : JSON.stringify(content, null, 2));
  }

  /**
   * Uses `other`'s initialized `.terraform` (providers and module manifest) when `other` was
   * initialized with every module this root calls, from a folder at the same depth.
   */
  shareInit(other: BatchRoot): void {
    if (!other.initialized) return;
    symlinkSync(join(other.dir, ".terraform"), join(this.dir, ".terraform"));
    copyFileSync(join(other.dir, ".terraform.lock.hcl"), join(this.dir, ".terraform.lock.hcl"));
    this.initialized = true;
  }

  /** `terraform init` the first time (removing modules later needs none), then `args`. */
  async run(args: string[], env: NodeJS.ProcessEnv): Promise<CommandResult> {
    if (!this.initialized) {
      const init = await run("terraform", [...initArgs(this.environment), "-json"], this.dir, this.environment.env);
      if (!init.ok) return init;
      this.initialized = true;
      if (args.length === 0) return init;
      const result = await run("terraform", args, this.dir, env);
      return { ...result, seconds: result.seconds + init.seconds };
    }
    return args.length === 0 ? { ok: true, output: "", stdout: "", seconds: 0 } : run("terraform", args, this.dir, env);
  }
}

class BatchVerifier {
  readonly runs: BatchRun[] = [];
  private readonly results = new Map<string, StepResult[]>();
  private readonly singles = new Map<string, SingleStack>();

  constructor(
    private readonly dirs: ReadonlyMap<string, StackDirs>,
    private readonly environment: TerraformEnvironment,
    private readonly options: Options,
  ) {
    for (const [stack, d] of dirs) this.singles.set(stack, new SingleStack(stack, d, environment));
    for (const stack of dirs.keys()) this.results.set(stack, []);
  }

  private record(stack: string, result: StepResult): void {
    this.results.get(stack)!.push(result);
  }

  /** The step over `candidates` in batches (see runBatches); returns the stacks that passed. */
  private async batch(step: StepName, candidates: readonly string[], attempt: (members: string[]) => Promise<BatchAttempt>): Promise<string[]> {
    const { outcomes, runs } = await runBatches(candidates, attempt, (stack) => this.singles.get(stack)!.step(step), this.options.jobs);
    this.runs.push(...runs.map((r) => ({ step, ...r })));
    for (const { stack, ...outcome } of outcomes) this.record(stack, { name: step, ...outcome });
    return outcomes.filter((o) => o.ok).map((o) => o.stack);
  }

  private member(stack: string, dir: (d: StackDirs) => string): { stack: string; dir: string } {
    return { stack, dir: dir(this.dirs.get(stack)!) };
  }

  private rootFiles(root: BatchRoot, members: readonly string[], dir: (d: StackDirs) => string): Record<string, object> {
    return Object.fromEntries(
      members.map((stack) => [
        `${stack}.root.tf.json`,
        rootFile(stack, moduleSource(root.dir, dir(this.dirs.get(stack)!)), this.dirs.get(stack)!.config),
      ]),
    );
  }

  async verify(stacks: readonly string[]): Promise<StackReport[]> {
    const env = this.environment.env;
    const jsonDir = (d: StackDirs): string => d.json;

    // init, 1: one root with every stack as a module installs the provider once for all their requirements.
    const installRoot = new BatchRoot(join(BATCH, "init"), this.environment);
    const installed = await this.batch("init", stacks, async (members) => {
      installRoot.write(this.rootFiles(installRoot, members, jsonDir));
      return {
        result: await installRoot.run([], env),
        attribution: { root: installRoot.dir, members: members.map((s) => this.member(s, jsonDir)) },
      };
    });
    if (installed.length > 0) {
      // Every step starts now, on every installed stack (validate is the first thing plan and test do): the real plan is the longest, and a stack that fails an
      // earlier step fails the later ones too, which only costs a rerun when something is broken (the report
      // shows each stack's first failed step).
      const plan = this.plan(installed, installRoot);
      plan.catch(() => undefined); // awaited below
      let server: ProviderServer | undefined;
      try {
        const providerDir = existsSync(join(installRoot.dir, ".terraform", "providers")) ? installRoot.dir : this.dirs.get(installed[0])!.json;
        server = await startProviderServer(installedAwsProvider(providerDir), env, join(WORK, "provider-server.log"));
        await Promise.all([plan, this.attachedSteps(installed, server)]);
      } finally {
        await plan.catch(() => undefined); // never leave a terraform plan running
        await server?.stop();
      }
    }
    return stacks.map((stack) => this.report(stack));
  }

  /** The real plan of the plan-strategy stacks: terraform starts a provider for each configuration (ConfigureProvider keeps state). */
  private async plan(installed: readonly string[], installRoot: BatchRoot): Promise<void> {
    const jsonDir = (d: StackDirs): string => d.json;
    const planRoot = new BatchRoot(join(BATCH, "plan"), this.environment);
    // The plan stacks are modules of the install root, from the same folders: its init serves.
    planRoot.shareInit(installRoot);
    await this.batch(
      "plan",
      installed.filter((s) => this.dirs.get(s)!.strategy === "plan"),
      async (members) => {
        planRoot.write(this.rootFiles(planRoot, members, jsonDir));
        return {
          result: await planRoot.run([...PLAN_ARGS, "-json"], this.environment.env),
          attribution: { root: planRoot.dir, members: members.map((s) => this.member(s, jsonDir)) },
        };
      },
    );
  }

  /** The steps whose provider calls keep no state, attached to the running provider, and each stack's own init. */
  private async attachedSteps(installed: readonly string[], server: ProviderServer): Promise<void> {
    const attached = server.attach(this.environment.env);
    const hclDir = (d: StackDirs): string => d.hcl;

    // init, 2: each stack's own folder as the root it is (its backend; providers come from the running one).
    const ownInits = (async (): Promise<void> => {
      const started = Date.now();
      const own = await pool(installed, this.options.jobs, async (stack) => ({
        stack,
        result: await run("terraform", initArgs(this.environment), this.dirs.get(stack)!.json, attached),
      }));
      const ownFailed = own.filter((o) => !o.result.ok);
      const verdict = ownFailed.length === 0 ? "ok" : `failed: ${ownFailed.map((o) => o.stack).join(", ")}`;
      this.runs.push({
        step: "init",
        stacks: own.length,
        seconds: (Date.now() - started) / 1000,
        result: `${verdict} (each stack's own folder: config as root, backend)`,
      });
      for (const { stack, result } of ownFailed) {
        const previous = this.results.get(stack)!;
        previous.splice(
          previous.findIndex((r) => r.name === "init"),
          1,
          { name: "init", ok: false, error: firstError(result.output) },
        );
      }
    })();

    const testRoot = new BatchRoot(join(BATCH, "test"), this.environment);
    const test = this.batch(
      "test",
      installed.filter((s) => this.dirs.get(s)!.strategy === "mock"),
      async (members) => {
        const moduleDir = (stack: string): string => join(testRoot.dir, "stacks", stack);
        for (const stack of members) {
          mkdirSync(moduleDir(stack), { recursive: true });
          writeFileSync(join(moduleDir(stack), "cdk.tf.json"), JSON.stringify(mockModule(this.dirs.get(stack)!.config), null, 2));
        }
        const testFile = mockTestFile(members.map((stack) => ({ stack, config: this.dirs.get(stack)!.config })));
        testRoot.write({
          "harness.tf.json": { terraform: { required_providers: { aws: { source: "hashicorp/aws" } } } },
          ...Object.fromEntries(
            members.map((stack) => [
              `${stack}.root.tf.json`,
              mockRootFile(stack, moduleSource(testRoot.dir, moduleDir(stack)), this.dirs.get(stack)!.config),
            ]),
          ),
          "harness.tftest.hcl": testFile.text,
        });
        return {
          result: await testRoot.run(["test", "-json", "-no-color"], attached),
          attribution: {
            root: testRoot.dir,
            members: members.map((stack) => ({ stack, dir: moduleDir(stack) })),
            lines: { file: "harness.tftest.hcl", ranges: testFile.lines },
          },
        };
      },
    );

    const hclRoot = new BatchRoot(join(BATCH, "hcl"), this.environment);
    const hcl = this.options.hcl
      ? this.batch("hcl-validate", installed, async (members) => {
          hclRoot.write(this.rootFiles(hclRoot, members, hclDir));
          return {
            result: failOnDeprecatedSyntax(await hclRoot.run(["validate", "-json", "-no-color"], attached)),
            attribution: { root: hclRoot.dir, members: members.map((s) => this.member(s, hclDir)) },
          };
        })
      : Promise.resolve([]);

    await Promise.all([ownInits, test, hcl]);
  }

  private report(stack: string): StackReport {
    const order: StepName[] = ["init", "validate", "plan", "test", "hcl-validate"];
    const steps = [...this.results.get(stack)!].sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
    const firstFailure = steps.findIndex((s) => !s.ok);
    // As the per-stack run would: nothing after the first failed step.
    const shown = firstFailure < 0 ? steps : steps.slice(0, firstFailure + 1);
    const failed = firstFailure < 0 ? undefined : shown[firstFailure];
    return {
      stack,
      strategy: this.dirs.get(stack)!.strategy,
      steps: shown,
      ...(failed === undefined ? {} : { failure: { step: failed.name, error: failed.error ?? "failed" } }),
    };
  }
}

function printSummary(reports: readonly StackReport[], runs: readonly BatchRun[]): void {
  const stepNames = ["init", "validate", "plan", "test", "hcl-validate"];
  const width = Math.max(5, ...reports.map((r) => r.stack.length));
  const header = ["stack".padEnd(width), "strategy", ...stepNames.map((s) => s.padStart(12)), "result"].join("  ");
  console.log(`\n${header}\n${"-".repeat(header.length)}`);
  for (const report of reports) {
    // In batches a passed plan or mocked test has validated the JSON (see the header).
    const validatedIn: StepName = report.strategy === "plan" ? "plan" : "test";
    const cells = stepNames.map((name) => {
      const entry = report.steps.find((s) => s.name === name);
      const text =
        entry !== undefined
          ? entry.seconds !== undefined
            ? `${entry.seconds.toFixed(1)}s`
            : entry.ok
              ? "ok"
              : "FAILED"
          : name === "validate" && report.steps.some((s) => s.name === validatedIn && s.ok)
            ? `in ${validatedIn}`
            : "-";
      return text.padStart(12);
    });
    const result = report.failure === undefined ? "ok" : `FAILED at ${report.failure.step}`;
    console.log([report.stack.padEnd(width), report.strategy.padEnd(8), ...cells, result].join("  "));
  }
  if (runs.length > 0) {
    console.log("\nbatch runs (one terraform process over many stacks; seconds are wall time):\n");
    console.log(["step".padEnd(12), "stacks".padStart(6), "time".padStart(8), "  result"].join(""));
    for (const r of runs)
      console.log([r.step.padEnd(12), String(r.stacks).padStart(6), `${r.seconds.toFixed(1)}s`.padStart(8), `  ${r.result}`].join(""));
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const started = Date.now();
  const environment = terraformEnvironment(WORK);
  if (environment.version === undefined) {
    if (isCi()) throw new Error("terraform is not on PATH: CI never skips the terraform checks");
    console.log("SKIPPED: terraform is not installed, so no stack was validated or planned. Install Terraform >= 1.7 to run the checks.");
    return;
  }
  if (environment.mirror === undefined && isCi()) {
    throw new Error(
      "no provider mirror found (set TF_PROVIDER_MIRROR, or TF_PROVIDER_MIRROR=registry to download): CI never skips the terraform checks",
    );
  }
  console.log(`${environment.version}; AWS provider from ${environment.mirror ?? "the registry"}`);

  const app = await synthesizedFolders(options.hcl);
  const stacks = readdirSync(join(app.json, "stacks"))
    .filter((s) => options.only === undefined || options.only.test(s))
    .sort();
  if (stacks.length === 0) throw new Error(`no stack to verify${options.only ? ` matches ${options.only}` : ""}`);
  const dirs = new Map(stacks.map((stack) => [stack, prepareStack(stack, app, options.hcl)]));

  const alone = options.perStack ? stacks : stacks.filter((s) => notBatchable(dirs.get(s)!.config) !== undefined);
  const batched = stacks.filter((s) => !alone.includes(s));
  for (const stack of alone.filter(() => !options.perStack)) console.log(`${stack} is checked on its own: ${notBatchable(dirs.get(stack)!.config)}`);
  console.log(
    `verifying ${stacks.length} stack(s): ${batched.length > 0 ? `${batched.length} in batches` : ""}${batched.length > 0 && alone.length > 0 ? ", " : ""}${alone.length > 0 ? `${alone.length} on their own, ${options.jobs} at a time` : ""}`,
  );

  let finished = 0;
  const line = (report: StackReport): void => {
    finished++;
    const measured = report.steps.filter((s) => s.seconds !== undefined);
    const time = measured.length === report.steps.length ? `, ${report.steps.reduce((sum, s) => sum + (s.seconds ?? 0), 0).toFixed(1)}s` : "";
    const status = report.failure === undefined ? "ok" : `FAILED at ${report.failure.step}: ${report.failure.error}`;
    console.log(`[${finished}/${stacks.length}] ${report.stack} (${report.strategy}${time}) ${status}`);
  };
  const verifier = new BatchVerifier(new Map(batched.map((s) => [s, dirs.get(s)!])), environment, options);
  const [batchReports, aloneReports] = await Promise.all([
    batched.length > 0 ? verifier.verify(batched) : Promise.resolve([]),
    pool(alone, options.jobs, async (stack) => {
      const report = await new SingleStack(stack, dirs.get(stack)!, environment).verify(options.hcl);
      line(report);
      return report;
    }),
  ]);
  for (const report of batchReports) line(report);
  const reports = [...batchReports, ...aloneReports].sort((a, b) => a.stack.localeCompare(b.stack));

  printSummary(reports, verifier.runs);
  const failures = reports.filter((r) => r.failure !== undefined);
  console.log(`\nterraform checks of ${reports.length} stack(s) took ${((Date.now() - started) / 1000).toFixed(1)}s`);
  console.log(`harness: ${reports.length - failures.length} passed, ${failures.length} failed`);
  if (failures.length > 0) {
    for (const f of failures) console.error(`FAILED ${f.stack} at ${f.failure!.step}: ${f.failure!.error}`);
    process.exitCode = 1;
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
