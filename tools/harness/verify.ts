/**
 * npm run verify [-- --only <regex>] [--jobs <n>] [--no-hcl]
 *
 * Synthesizes the example app (JSON and HCL) and proves every stack against
 * the real Terraform AWS provider: init (from the local mirror), validate,
 * an offline plan (see offline-plan.ts), and validate of the HCL output.
 * Exits non-zero naming each failed stack and terraform's first error.
 */
import { spawn } from "node:child_process";
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join, resolve } from "node:path";
import { mockTest, planOverride, planStrategy, PlanStrategy, StackJson } from "./offline-plan";
import { initArgs, isCi, terraformEnvironment, TerraformEnvironment } from "./terraform-env";

const ROOT = resolve(__dirname, "..", "..");
const WORK = join(ROOT, ".harness");
const JSON_OUT = join(ROOT, "cdktf.out");
const HCL_OUT = join(WORK, "hcl.out");

interface Options {
  readonly only?: RegExp;
  readonly jobs: number;
  readonly hcl: boolean;
}

function parseOptions(argv: string[]): Options {
  const value = (flag: string): string | undefined => {
    const index = argv.indexOf(flag);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const only = value("--only");
  return { only: only === undefined ? undefined : new RegExp(only), jobs: Number(value("--jobs") ?? cpus().length), hcl: !argv.includes("--no-hcl") };
}

interface CommandResult {
  readonly ok: boolean;
  readonly output: string;
  readonly seconds: number;
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<CommandResult> {
  const started = Date.now();
  return new Promise((done) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", (error) => done({ ok: false, output: String(error), seconds: (Date.now() - started) / 1000 }));
    child.on("close", (code) => done({ ok: code === 0, output, seconds: (Date.now() - started) / 1000 }));
  });
}

/** Runs the app exactly as cdktf.json says, into `outdir`. */
async function synthesize(outdir: string, hcl: boolean): Promise<void> {
  const app = (JSON.parse(readFileSync(join(ROOT, "cdktf.json"), "utf8")) as { app: string }).app;
  rmSync(outdir, { recursive: true, force: true });
  // The offline checks need the local backend, whatever backend the environment configures for deploys.
  const env = { ...process.env, CDKTF_BACKEND: "local", CDKTF_OUTDIR: outdir, ...(hcl ? { SYNTH_HCL_OUTPUT: "true" } : {}) };
  const result = await run("sh", ["-c", app], ROOT, env);
  if (!result.ok) {
    process.stderr.write(result.output);
    throw new Error(`synth failed: ${app}`);
  }
}

/** Terraform's first error summary, as one line, for the summary table. */
export function firstError(output: string): string {
  const lines = output.split("\n").map((l) => l.replace(/^│\s?/, "").trim());
  return (lines.find((l) => l.startsWith("Error:")) ?? lines.filter((l) => l.length > 0).slice(-1)[0] ?? "unknown failure").slice(0, 300);
}

interface StackReport {
  readonly stack: string;
  readonly strategy: PlanStrategy;
  readonly steps: { readonly name: string; readonly seconds: number }[];
  readonly failure?: { readonly step: string; readonly error: string };
}

async function verifyStack(stack: string, environment: TerraformEnvironment, options: Options): Promise<StackReport> {
  const dir = join(WORK, "stacks", stack);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(join(JSON_OUT, "stacks", stack), dir, { recursive: true });
  const config = JSON.parse(readFileSync(join(dir, "cdk.tf.json"), "utf8")) as StackJson;
  const strategy = planStrategy(config);
  if (strategy === "plan") writeFileSync(join(dir, "harness_override.tf.json"), planOverride(config));
  else writeFileSync(join(dir, "harness.tftest.hcl"), mockTest(config));

  const steps: { name: string; seconds: number }[] = [];
  const step = async (name: string, args: string[], cwd = dir): Promise<StackReport | undefined> => {
    const result = await run("terraform", args, cwd, environment.env);
    steps.push({ name, seconds: result.seconds });
    return result.ok ? undefined : { stack, strategy, steps, failure: { step: name, error: firstError(result.output) } };
  };

  const failed =
    (await step("init", initArgs(environment))) ??
    (await step("validate", ["validate", "-no-color"])) ??
    (strategy === "plan"
      ? await step("plan", ["plan", "-input=false", "-no-color", "-lock=false", "-refresh=false"])
      : await step("test", ["test", "-no-color"])) ??
    (options.hcl ? await validateHcl(stack, dir, step) : undefined);
  return failed ?? { stack, strategy, steps };
}

/** Validates `cdktf synth --hcl` output, reusing the JSON folder's initialized providers. */
async function validateHcl(
  stack: string,
  jsonDir: string,
  step: (name: string, args: string[], cwd?: string) => Promise<StackReport | undefined>,
): Promise<StackReport | undefined> {
  const dir = join(WORK, "hcl", stack);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(join(HCL_OUT, "stacks", stack), dir, { recursive: true });
  copyFileSync(join(jsonDir, ".terraform.lock.hcl"), join(dir, ".terraform.lock.hcl"));
  symlinkSync(join(jsonDir, ".terraform"), join(dir, ".terraform"));
  return step("hcl-validate", ["validate", "-no-color"], dir);
}

async function pool<T, R>(items: readonly T[], jobs: number, work: (item: T) => Promise<R>): Promise<R[]> {
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

function printSummary(reports: readonly StackReport[]): void {
  const stepNames = ["init", "validate", "plan", "test", "hcl-validate"];
  const width = Math.max(5, ...reports.map((r) => r.stack.length));
  const header = ["stack".padEnd(width), "strategy", ...stepNames.map((s) => s.padStart(12)), "result"].join("  ");
  console.log(`\n${header}\n${"-".repeat(header.length)}`);
  for (const report of reports) {
    const cells = stepNames.map((name) => {
      const entry = report.steps.find((s) => s.name === name);
      return (entry === undefined ? "-" : `${entry.seconds.toFixed(1)}s`).padStart(12);
    });
    const result = report.failure === undefined ? "ok" : `FAILED at ${report.failure.step}`;
    console.log([report.stack.padEnd(width), report.strategy.padEnd(8), ...cells, result].join("  "));
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
    throw new Error("no provider mirror found (set TF_PROVIDER_MIRROR, or TF_PROVIDER_MIRROR=registry to download): CI never skips the terraform checks");
  }
  console.log(`${environment.version}; AWS provider from ${environment.mirror ?? "the registry"}`);

  // One after the other: both runs of the app command write the same bundle.
  await synthesize(JSON_OUT, false);
  if (options.hcl) await synthesize(HCL_OUT, true);
  const stacks = readdirSync(join(JSON_OUT, "stacks"))
    .filter((s) => options.only === undefined || options.only.test(s))
    .sort();
  if (stacks.length === 0) throw new Error(`no stack to verify${options.only ? ` matches ${options.only}` : ""}`);
  if (options.hcl) {
    const missing = stacks.filter((s) => !existsSync(join(HCL_OUT, "stacks", s, "cdk.tf")));
    if (missing.length > 0) throw new Error(`HCL synth produced no cdk.tf for: ${missing.join(", ")}`);
  }
  console.log(`verifying ${stacks.length} stack(s), ${options.jobs} at a time`);

  let finished = 0;
  const reports = await pool(stacks, options.jobs, async (stack) => {
    const report = await verifyStack(stack, environment, options);
    finished++;
    const total = report.steps.reduce((sum, s) => sum + s.seconds, 0);
    const status = report.failure === undefined ? "ok" : `FAILED at ${report.failure.step}: ${report.failure.error}`;
    console.log(`[${finished}/${stacks.length}] ${stack} (${report.strategy}, ${total.toFixed(1)}s) ${status}`);
    return report;
  });

  printSummary(reports);
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
