/**
 * npm run bench [-- --runs 5] [--sizes 500,1000,2000] [--suite]
 *
 * Prints tables (markdown) for:
 *   1. whole-app cold synth exactly as cdktf.json's app runs it (median, spread, peak RSS);
 *   2. overhead of our modules over raw provider classes for the same resources;
 *   3. scale: one stack with N interface endpoints / Lattice services, time(2N)/time(N);
 *   4. with --suite: unit-test wall time and the harness's time per stack (init, validate, plan).
 * With --test-command: only the test command's figures (see test-command.ts for its flags).
 * Budgets are printed next to the figures; nothing here fails a build.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { BUILDERS } from "./scale-app";
import { measure, median, ROOT, Sample, table } from "./measure";
import { benchTestCommand } from "./test-command";

function option(flag: string, fallback: string): string {
  const index = process.argv.indexOf(flag);
  return index >= 0 ? process.argv[index + 1] : fallback;
}

const RUNS = Number(option("--runs", "5"));
const SIZES = option("--sizes", "500,1000,2000").split(",").map(Number);
const fmt = (seconds: number): string => `${seconds.toFixed(2)} s`;
const mb = (value: number): string => `${value.toFixed(0)} MB`;
const verdict = (ok: boolean): string => (ok ? "met" : "NOT met");

function repeat(runs: number, command: string): Sample[] {
  measure(command); // warm the tsx transform cache and the file system: we measure cold processes, not a cold disk
  return Array.from({ length: runs }, () => measure(command));
}

function wholeApp(): void {
  const app = (JSON.parse(readFileSync(join(ROOT, "cdktf.json"), "utf8")) as { app: string }).app;
  const samples = repeat(RUNS, app);
  const times = samples.map((s) => s.seconds);
  const rss = samples.map((s) => s.peakRssMb);
  console.log(`\n## Whole-app cold synth: \`${app}\` (${RUNS} runs)\n`);
  console.log(
    table(
      ["median", "min", "max", "peak RSS (median)", "peak RSS (max)", "budget", "verdict"],
      [
        [
          fmt(median(times)),
          fmt(Math.min(...times)),
          fmt(Math.max(...times)),
          mb(median(rss)),
          mb(Math.max(...rss)),
          "<= 0.8 s, <= 200 MB",
          verdict(median(times) <= 0.8 && Math.max(...rss) <= 200),
        ],
      ],
    ),
  );
}

const SCALE_BUNDLE = "node_modules/.cache/bench/scale-app.js";
/** Bundled once, like the example app, so the scale figures measure synthesis rather than TypeScript loading. */
function bundleScaleApp(): void {
  const built = spawnSync(
    "node_modules/.bin/esbuild",
    [
      "bench/scale-app.ts",
      "--bundle",
      "--platform=node",
      "--target=node20",
      "--packages=external",
      "--log-level=warning",
      `--outfile=${SCALE_BUNDLE}`,
    ],
    { cwd: ROOT, encoding: "utf8" },
  );
  if (built.status !== 0) throw new Error(`bundling bench/scale-app.ts failed:\n${built.stderr}`);
}
const scaleCommand = (kind: string, layer: string, count: number): string => `node ${SCALE_BUNDLE} ${kind} ${layer} ${count}`;

function overhead(count: number): void {
  console.log(`\n## Our layer vs raw provider classes (${count} of each, same resources, one run each)\n`);
  const rows = Object.keys(BUILDERS).map((kind) => {
    const ours = measure(scaleCommand(kind, "modules", count));
    const raw = measure(scaleCommand(kind, "raw", count));
    const ratio = ours.seconds / raw.seconds;
    return [kind, fmt(ours.seconds), fmt(raw.seconds), `${ratio.toFixed(2)}x`, "<= 1.5x", verdict(ratio <= 1.5)];
  });
  console.log(table(["kind", "modules", "raw classes", "ratio", "budget", "verdict"], rows));
}

function scale(): void {
  console.log(`\n## Scale: one stack with N resources (through our modules)\n`);
  const rows: string[][] = [];
  for (const kind of Object.keys(BUILDERS)) {
    const samples = SIZES.map((n) => measure(scaleCommand(kind, "modules", n)));
    SIZES.forEach((n, i) => {
      const half = SIZES.indexOf(n / 2);
      const growth = half >= 0 ? (samples[i].seconds / samples[half].seconds).toFixed(2) : "-";
      const budget = n === 1000 ? `<= 1.5 s: ${verdict(samples[i].seconds <= 1.5)}` : "";
      rows.push([kind, String(n), fmt(samples[i].seconds), mb(samples[i].peakRssMb), growth, budget]);
    });
  }
  console.log(table(["kind", "N", "synth", "peak RSS", "time(N)/time(N/2) (<= 2.2)", "1,000 budget"], rows));
}

function suite(): void {
  console.log("\n## Test suite and harness\n");
  const unit = measure("npx jest --silent");
  const started = Date.now();
  const verify = spawnSync("npm", ["run", "--silent", "verify"], { cwd: ROOT, encoding: "utf8" });
  const harnessSeconds = (Date.now() - started) / 1000;
  console.log(
    table(
      ["what", "wall"],
      [
        ["unit tests (jest)", fmt(unit.seconds)],
        ["harness, every stack", fmt(harnessSeconds)],
      ],
    ),
  );
  const perStack = verify.stdout.split("\n").filter((line) => /^\S+\s+(plan|mock)\s/.test(line));
  console.log(`\nHarness time per stack (init, validate, plan or mocked test, HCL validate):\n\n${perStack.join("\n")}`);
}

if (process.argv.includes("--test-command")) {
  benchTestCommand(process.argv.slice(2));
  process.exit(0);
}
wholeApp();
bundleScaleApp();
overhead(1000);
scale();
if (process.argv.includes("--suite")) suite();
