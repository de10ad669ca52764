/**
 * npm test [-- --jobs <n>] [--only <step,step>]
 *
 * Every check of the project: the npm scripts below, each of which also runs
 * on its own (`npm run typecheck`, ...). They are independent, so they run in
 * parallel (a machine has 2 cores here; most steps use one, jest and the
 * harness use both), the longest first. Each step's output is printed whole
 * when the step ends, then a table of the steps' times; the exit code is
 * non-zero when any step failed, and the failed steps are named.
 *
 * The steps that read the synthesized example app get one synth of it, made
 * once (JSON and HCL) while the others start (see tools/synth-app.ts).
 */
import { ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { delimiter, join, resolve } from "node:path";
import { scratchDir } from "./scratch";
import { SYNTHESIZED_APP_ENV, synthesizeApp } from "./synth-app";

const ROOT = resolve(__dirname, "..");

export interface Step {
  /** As `npm run` would be called: the script and its arguments. */
  readonly name: string;
  readonly script: string;
  readonly args?: readonly string[];
  /** Reads the synthesized example app: gets the test command's synth of it (SYNTHESIZED_APP_ENV). */
  readonly readsApp?: boolean;
}

/** The test command's steps, in the order they are listed (the README's order). */
export const STEPS: readonly Step[] = [
  { name: "typecheck", script: "typecheck" },
  { name: "lint", script: "lint" },
  { name: "docs:check", script: "docs:check" },
  { name: "unit", script: "unit", readsApp: true },
  { name: "check", script: "check", readsApp: true },
  { name: "diagram --check", script: "diagram", args: ["--check"], readsApp: true },
  { name: "consumer", script: "consumer" },
  { name: "verify", script: "verify", readsApp: true },
  { name: "cdktn", script: "cdktn", readsApp: true },
];

/** Start order: the longest steps first, so that the short ones fill the gaps. */
const START_ORDER = ["verify", "unit", "cdktn", "consumer", "docs:check", "typecheck", "lint", "diagram --check", "check"];

/** The shell command of a step: its package.json script, as `npm run` runs it. */
export function stepCommand(step: Step, scripts: Readonly<Record<string, string>>): string {
  const script = scripts[step.script];
  if (script === undefined) throw new Error(`package.json has no script "${step.script}"`);
  return [script, ...(step.args ?? [])].join(" ");
}

/** The environment `npm run` gives a script: node_modules/.bin first on PATH. */
export function scriptEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...env, PATH: [join(ROOT, "node_modules", ".bin"), env.PATH ?? ""].join(delimiter) };
}

interface Outcome {
  readonly step: Step;
  readonly ok: boolean;
  readonly seconds: number;
  readonly output: string;
}

/**
 * How long a step may run before it is stopped and fails. Jest runs through
 * jest-light-runner, which has no per-test timeouts: a test that never ends
 * would hold a step, and CI, forever. Every step takes under a minute alone
 * here (npm run bench -- --test-command); PN_STEP_TIMEOUT_SECONDS overrides.
 */
export const STEP_TIMEOUT_SECONDS = 15 * 60;

export function runStep(
  step: Step,
  command: string,
  env: NodeJS.ProcessEnv,
  children: Set<ChildProcess>,
  timeoutSeconds = Number(process.env.PN_STEP_TIMEOUT_SECONDS ?? STEP_TIMEOUT_SECONDS),
): Promise<Outcome> {
  const started = Date.now();
  return new Promise((done) => {
    // Its own process group, so that an interrupt or the time limit stops the step's whole tree.
    const child = spawn("sh", ["-c", command], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    children.add(child);
    let output = "";
    let timedOut = false;
    const limit = setTimeout(() => {
      timedOut = true;
      if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
    }, timeoutSeconds * 1000);
    child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const finish = (ok: boolean, extra = ""): void => {
      clearTimeout(limit);
      children.delete(child);
      done({ step, ok, seconds: (Date.now() - started) / 1000, output: output + extra });
    };
    child.on("error", (error) => finish(false, `\n${String(error)}\n`));
    child.on("close", (code, signal) => {
      if (timedOut) finish(false, `\n(stopped: still running after ${timeoutSeconds} s, the step's time limit; PN_STEP_TIMEOUT_SECONDS sets it)\n`);
      else finish(code === 0, code === 0 ? "" : `\n(exit ${code ?? signal})\n`);
    });
  });
}

/** The example app synthesized once, JSON and HCL, into a temporary folder: the variables that hand it to a step, or the synth's error. */
function synthesizeOnce(started: number): { folders: Promise<Record<string, string> | Error>; remove(): void } {
  const dir = mkdtempSync(join(scratchDir(), "npm-test-app-"));
  const outdirs = { json: join(dir, "json"), hcl: join(dir, "hcl") };
  const folders = synthesizeApp(ROOT, outdirs).then(
    () => {
      console.log(`the example app synthesized once for the steps that read it (json, hcl) at ${((Date.now() - started) / 1000).toFixed(1)} s`);
      return { [SYNTHESIZED_APP_ENV.json]: outdirs.json, [SYNTHESIZED_APP_ENV.hcl]: outdirs.hcl };
    },
    (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
  );
  return { folders, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

function option(argv: readonly string[], flag: string): string | undefined {
  const index = argv.indexOf(flag);
  return index >= 0 ? argv[index + 1] : undefined;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const jobs = Number(option(argv, "--jobs") ?? STEPS.length);
  const only = option(argv, "--only")?.split(",");
  const steps = STEPS.filter((s) => only === undefined || only.includes(s.name));
  if (steps.length === 0) throw new Error(`no step named ${only?.join(", ")}; steps: ${STEPS.map((s) => s.name).join(", ")}`);
  const scripts = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
  const queue = [...steps].sort((a, b) => START_ORDER.indexOf(a.name) - START_ORDER.indexOf(b.name));
  const children = new Set<ChildProcess>();
  const stopAll = (signal: NodeJS.Signals): void => {
    for (const child of children) if (child.pid !== undefined) process.kill(-child.pid, "SIGTERM");
    process.exitCode = signal === "SIGINT" ? 130 : 143;
  };
  process.once("SIGINT", stopAll);
  process.once("SIGTERM", stopAll);

  const started = Date.now();
  console.log(`npm test: ${steps.map((s) => s.name).join(", ")}; ${Math.min(jobs, steps.length)} at a time, each step's output when it ends`);
  const app = steps.some((s) => s.readsApp) ? synthesizeOnce(started) : undefined;
  const outcomes: Outcome[] = [];
  const worker = async (): Promise<void> => {
    for (let step = queue.shift(); step !== undefined; step = queue.shift()) {
      const synthesized = step.readsApp ? await app!.folders : {};
      const outcome =
        synthesized instanceof Error
          ? { step, ok: false, seconds: 0, output: `${synthesized.message}\n` }
          : await runStep(step, stepCommand(step, scripts), { ...scriptEnv(), ...synthesized }, children);
      outcomes.push(outcome);
      const rule = "=".repeat(8);
      process.stdout.write(`\n${rule} npm run ${step.script}${step.args ? ` -- ${step.args.join(" ")}` : ""} ${rule}\n${outcome.output.trimEnd()}\n`);
      console.log(
        `${rule} ${step.name}: ${outcome.ok ? "ok" : "FAILED"} in ${outcome.seconds.toFixed(1)} s (at ${((Date.now() - started) / 1000).toFixed(1)} s) ${rule}`,
      );
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, steps.length)) }, worker)).finally(() => app?.remove());

  const failed = outcomes.filter((o) => !o.ok);
  const width = Math.max(...steps.map((s) => s.name.length));
  console.log(`\n${"step".padEnd(width)}  ${"time".padStart(7)}  result`);
  for (const step of steps) {
    const outcome = outcomes.find((o) => o.step === step);
    console.log(
      `${step.name.padEnd(width)}  ${outcome === undefined ? "      -" : `${outcome.seconds.toFixed(1)} s`.padStart(7)}  ${outcome === undefined ? "not run" : outcome.ok ? "ok" : "FAILED"}`,
    );
  }
  console.log(
    `\nthe test command took ${((Date.now() - started) / 1000).toFixed(1)} s${failed.length > 0 ? `; FAILED: ${failed.map((o) => o.step.name).join(", ")}` : ""}`,
  );
  console.log(`steps: ${outcomes.length - failed.length} passed, ${failed.length} failed`);
  if (failed.length > 0 || outcomes.length < steps.length) process.exitCode ||= 1;
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
