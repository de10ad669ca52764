/**
 * npm run bench -- --test-command [--steps] [--whole] [--per-stack] [--runs <n>] [--warm]
 *   (or: node --import tsx bench/test-command.ts ...)
 *
 * Prints how long the test command takes on this machine (markdown tables):
 * - --steps (default): each step of `npm test` alone, one after the other,
 *   wall time and CPU time (see {@link busyCpuSeconds}), the steps
 *   that read the example app given one synth of it, as npm test gives them;
 * - --whole (default): `npm test` itself, its steps in parallel;
 * - --per-stack: the harness checking each stack on its own
 *   (`npm run verify -- --per-stack`), as it did before the batches.
 * Caches that a clean clone lacks (node_modules/.cache: tsc's build info,
 * the app bundle, jest's transform cache) are removed before each run unless
 * --warm. The load average is printed with each figure: other work on the
 * machine stretches wall times, CPU times much less. Nothing here fails.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { SYNTHESIZED_APP_ENV } from "../tools/synth-app";
import { scriptEnv, stepCommand, STEPS } from "../tools/test-command";
import { median, ROOT, table } from "./measure";

interface Timing {
  readonly wall: number;
  readonly cpu?: number;
  readonly ok: boolean;
  readonly load: string;
}

const fmt = (seconds: number | undefined): string => (seconds === undefined ? "-" : `${seconds.toFixed(1)} s`);

/** What a clean clone lacks: node_modules/.cache (tsc's build info, the app bundle, jest's transform cache). */
function coldCaches(): void {
  rmSync(join(ROOT, "node_modules", ".cache"), { recursive: true, force: true });
}

const PROC_STAT = "/proc/stat";
const CLOCK_TICKS = existsSync(PROC_STAT) ? Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) : undefined;

/**
 * The CPU time the whole machine has spent so far (user, nice, system, irq,
 * softirq; Linux, from /proc/stat), or undefined elsewhere. Read around a
 * step, it counts every process of the step, also those no parent waits for
 * (esbuild's service processes end with their host, unreaped), which the
 * rusage of /usr/bin/time misses; other work on the machine counts too,
 * which the load average column shows.
 */
function busyCpuSeconds(): number | undefined {
  if (CLOCK_TICKS === undefined) return undefined;
  const [user, nice, system, , , irq, softirq] = readFileSync(PROC_STAT, "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
  return (user + nice + system + irq + softirq) / CLOCK_TICKS;
}

/** Runs `command` in a shell as `npm run` would. */
function time(command: string, warm: boolean, env: NodeJS.ProcessEnv = {}): Timing {
  if (!warm) coldCaches();
  const before = loadavg()[0].toFixed(1);
  const busy = busyCpuSeconds();
  const started = process.hrtime.bigint();
  const result = spawnSync("sh", ["-c", command], { cwd: ROOT, env: { ...scriptEnv(), ...env }, stdio: "ignore" });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  const after = busyCpuSeconds();
  const cpu = busy === undefined || after === undefined ? undefined : after - busy;
  return { wall, cpu, ok: result.status === 0, load: `${before} -> ${loadavg()[0].toFixed(1)}` };
}

function repeated(
  command: string,
  runs: number,
  warm: boolean,
  env: NodeJS.ProcessEnv = {},
): { wall: number; cpu?: number; ok: boolean; load: string } {
  const samples = Array.from({ length: runs }, () => time(command, warm, env));
  const cpus = samples.map((s) => s.cpu).filter((c): c is number => c !== undefined);
  return {
    wall: median(samples.map((s) => s.wall)),
    cpu: cpus.length === samples.length ? median(cpus) : undefined,
    ok: samples.every((s) => s.ok),
    load: samples.map((s) => s.load).join(", "),
  };
}

export function benchTestCommand(argv: readonly string[]): void {
  const flag = (name: string): boolean => argv.includes(name);
  const index = argv.indexOf("--runs");
  const runs = index >= 0 ? Number(argv[index + 1]) : 1;
  const warm = flag("--warm");
  const all = !flag("--steps") && !flag("--whole") && !flag("--per-stack");
  const scripts = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
  console.log(`\n# The test command on this machine (${runs} run(s) each, median; ${warm ? "warm" : "cold"} caches)\n`);

  if (all || flag("--steps")) {
    const rows: string[][] = [];
    let wall = 0;
    let cpu = 0;
    // As npm test does: the example app synthesized once, handed to the steps that read it.
    const app = mkdtempSync(join(tmpdir(), "bench-app-"));
    const handed = { [SYNTHESIZED_APP_ENV.json]: join(app, "json"), [SYNTHESIZED_APP_ENV.hcl]: join(app, "hcl") };
    const synth = repeated(`node --import tsx tools/synth-app.ts ${handed[SYNTHESIZED_APP_ENV.json]} ${handed[SYNTHESIZED_APP_ENV.hcl]}`, 1, warm);
    wall += synth.wall;
    cpu += synth.cpu ?? 0;
    rows.push(["the app's synth, once (json + hcl)", fmt(synth.wall), fmt(synth.cpu), synth.ok ? "ok" : "FAILED", synth.load]);
    for (const step of STEPS) {
      const t = repeated(stepCommand(step, scripts), runs, warm, step.readsApp ? handed : {});
      wall += t.wall;
      cpu += t.cpu ?? 0;
      rows.push([step.name, fmt(t.wall), fmt(t.cpu), t.ok ? "ok" : "FAILED", t.load]);
      console.log(`  ${step.name}: ${fmt(t.wall)} wall, ${fmt(t.cpu)} CPU`);
    }
    rmSync(app, { recursive: true, force: true });
    rows.push(["sum (one after the other)", fmt(wall), fmt(cpu), "", ""]);
    console.log(`\n## Each step alone\n\n${table(["step", "wall", "CPU (machine, user+sys)", "result", "load average (1 min)"], rows)}`);
  }
  if (all || flag("--whole")) {
    const t = repeated(stepCommand({ name: "test", script: "test" }, scripts), runs, warm);
    console.log(
      `\n## npm test (steps in parallel)\n\n${table(["command", "wall", "CPU (machine, user+sys)", "result", "load average (1 min)"], [["npm test", fmt(t.wall), fmt(t.cpu), t.ok ? "ok" : "FAILED", t.load]])}`,
    );
  }
  if (flag("--per-stack")) {
    const t = repeated(`${stepCommand({ name: "verify", script: "verify" }, scripts)} --per-stack`, runs, warm);
    console.log(
      `\n## The harness, every stack on its own\n\n${table(["command", "wall", "CPU (machine, user+sys)", "result", "load average (1 min)"], [["npm run verify -- --per-stack", fmt(t.wall), fmt(t.cpu), t.ok ? "ok" : "FAILED", t.load]])}`,
    );
  }
  console.log("\nThe machine has 2 cores: a load average above 2 means other work shared them.");
}

if (require.main === module) benchTestCommand(process.argv.slice(2));
