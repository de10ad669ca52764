/**
 * npm run cdktn
 *
 * The project under CDK Terrain (cdktn), the way a cdktn user installs it:
 * a copy of the working tree whose package.json aliases `cdktf` to
 * `npm:cdktn@0.24.0` and takes constructs 10.6.0 (cdktn's peer range is
 * >=10.6 <10.8), with npm `overrides` so that @cdktf/provider-aws 20.1.0,
 * whose generated classes import "cdktf" themselves, resolves the same
 * runtime. In the copy it type-checks, synthesizes the whole app to JSON and
 * to HCL (both outputs must equal the cdktf 0.21.0 synth of this tree file by
 * file, apart from the version in the metadata) and runs the jest suite.
 *
 * Not run: cdktn-cli, which needs Node >= 22.19 (this line says so when the
 * Node running it is older); the app runs with node, as cdktf.json's app does.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { synthesizeApp, synthesizedApp } from "./synth-app";

/** What a cdktn user puts in package.json instead of cdktf 0.21.0 and constructs 10.4.5. */
export const CDKTN_DEPENDENCIES = { cdktf: "npm:cdktn@0.24.0", constructs: "10.6.0" } as const;
/** Makes every package that asks for cdktf or constructs (the provider bindings, the cdktf CLI) take the aliased ones. */
export const CDKTN_OVERRIDES = { cdktf: "$cdktf", constructs: "$constructs" } as const;
/**
 * Suites the cdktn run leaves out. These do not exercise the runtime: the
 * package test pins the cdktf 0.21.0 this tree is published with (under the
 * alias it must differ), the offline diff runs cdktf-cli (a cdktn user runs
 * cdktn-cli, see below), and the HCL fixture and harness tests run terraform
 * on files cdktf never made.
 */
const RUNTIME_FREE_TESTS = ["test/delivery/package.test.ts", "test/app/offline-diff.test.ts", "test/cli/guardrails-hcl.test.ts", "test/harness/"];
/**
 * Suites whose every assertion is a function of the example app's
 * synthesized JSON (test/stacks: pinned addresses, declared flows, each
 * stack's resources). This step proves that JSON equal under both runtimes,
 * stack by stack, before jest runs, so rerunning them would judge the same
 * JSON twice: about 40 of the cdktn run's 100 CPU-s.
 */
const SYNTH_EQUAL_TESTS = ["test/stacks/"];
const CDKTN_CLI_MINIMUM_NODE = [22, 19] as const;

const ROOT = join(__dirname, "..");

function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env): string {
  return execFileSync(command, args, { cwd, env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 256 * 1024 * 1024 });
}

/** The working tree as git sees it (tracked and new files, not ignored ones), with node_modules hard-linked: npm replaces packages, it never writes into them. */
function copyProject(to: string): void {
  const files = run("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], ROOT)
    .split("\0")
    .filter((file) => file !== "");
  for (const file of files) {
    mkdirSync(dirname(join(to, file)), { recursive: true });
    cpSync(join(ROOT, file), join(to, file), { errorOnExist: false, force: true });
  }
  run("cp", ["-al", join(ROOT, "node_modules"), join(to, "node_modules")], ROOT);
  // Caches are written in place (tsc's build info): the copy starts without them, so no write reaches this tree's files.
  rmSync(join(to, "node_modules", ".cache"), { recursive: true, force: true });
}

function aliasCdktn(project: string): string {
  const path = join(project, "package.json");
  const pkg = JSON.parse(readFileSync(path, "utf8"));
  pkg.devDependencies = { ...pkg.devDependencies, ...CDKTN_DEPENDENCIES };
  pkg.overrides = { ...pkg.overrides, ...CDKTN_OVERRIDES };
  writeFileSync(path, `${JSON.stringify(pkg, null, 2)}\n`);
  run("npm", ["install", "--ignore-scripts", "--no-audit", "--no-fund"], project);
  const runtime = JSON.parse(readFileSync(join(project, "node_modules", "cdktf", "package.json"), "utf8"));
  const constructs = JSON.parse(readFileSync(join(project, "node_modules", "constructs", "package.json"), "utf8"));
  if (runtime.name !== "cdktn") throw new Error(`node_modules/cdktf is ${runtime.name}@${runtime.version}, not cdktn`);
  return `${runtime.name} ${runtime.version} (npm alias cdktf), constructs ${constructs.version}`;
}

function stackFiles(outdir: string): Map<string, string> {
  const stacks = join(outdir, "stacks");
  const files = new Map<string, string>();
  for (const stack of readdirSync(stacks)) {
    for (const file of readdirSync(join(stacks, stack))) files.set(`${stack}/${file}`, readFileSync(join(stacks, stack, file), "utf8"));
  }
  return files;
}

/** The synthesized files without the runtime's version, which the metadata records (`"version": "0.21.0"`). */
function withoutVersion(text: string, version: string): string {
  return text.replaceAll(`"version": "${version}"`, '"version": "<runtime>"').replaceAll(`version = "${version}"`, 'version = "<runtime>"');
}

function compare(cdktfOut: string, cdktnOut: string, cdktnVersion: string): { files: number; differences: string[] } {
  const expected = stackFiles(cdktfOut);
  const actual = stackFiles(cdktnOut);
  const differences = [...new Set([...expected.keys(), ...actual.keys()])].flatMap((file) => {
    const [a, b] = [expected.get(file), actual.get(file)];
    if (a === undefined || b === undefined) return [`${file} (${a === undefined ? "cdktn only" : "cdktf only"})`];
    // JSON by value: cdktf 0.21 writes an empty list over two lines, cdktn as [].
    if (file.endsWith(".json") && isDeepStrictEqual(JSON.parse(withoutVersion(a, "0.21.0")), JSON.parse(withoutVersion(b, cdktnVersion)))) return [];
    const [left, right] = [withoutVersion(a, "0.21.0").split("\n"), withoutVersion(b, cdktnVersion).split("\n")];
    const line = left.findIndex((text, i) => text !== right[i]);
    if (line === -1 && left.length === right.length) return [];
    // The first line that differs, so that the failure says what, not only where.
    return [`${file} (line ${line + 1}: cdktf ${JSON.stringify(left[line]?.trim())}, cdktn ${JSON.stringify(right[line]?.trim())})`];
  });
  return { files: expected.size, differences };
}

function nodeRunsCdktnCli(): boolean {
  const [major, minor] = process.versions.node.split(".").map(Number);
  return major > CDKTN_CLI_MINIMUM_NODE[0] || (major === CDKTN_CLI_MINIMUM_NODE[0] && minor >= CDKTN_CLI_MINIMUM_NODE[1]);
}

async function main(): Promise<void> {
  // Not scratchDir(): the copy hard-links node_modules, so it must be on the checkout's file system, not in memory.
  const work = mkdtempSync(join(tmpdir(), "cdktn-"));
  const project = join(work, "project");
  try {
    copyProject(project);
    const runtime = aliasCdktn(project);
    const cdktnVersion = JSON.parse(readFileSync(join(project, "node_modules", "cdktf", "package.json"), "utf8")).version as string;
    console.log(`cdktn: ${runtime}`);
    // TypeScript 7, as npm run typecheck: the cdktn and constructs 10.6 declarations against every file of the project.
    run(join(project, "node_modules", ".bin", "tsgo"), ["--noEmit"], project);
    console.log("cdktn: type-check passed");
    // cdktf's side: the synth npm test handed down, or this run's own.
    const cdktf = await Promise.all((["json", "hcl"] as const).map((format) => synthesizedApp(format)));
    try {
      const cdktnOut = { json: join(work, "cdktn-json"), hcl: join(work, "cdktn-hcl") };
      await synthesizeApp(project, cdktnOut);
      for (const [index, format] of (["json", "hcl"] as const).entries()) {
        const { files, differences } = compare(cdktf[index].outdir, cdktnOut[format], cdktnVersion);
        if (differences.length > 0) throw new Error(`cdktn: the ${format} synth differs from cdktf's in ${differences.join(", ")}`);
        console.log(
          `cdktn: ${format} synth of the whole app equals cdktf 0.21.0's${format === "json" ? " (by value)" : ""} in all ${files} files, apart from the version in the metadata`,
        );
      }
    } finally {
      for (const synthesized of cdktf) synthesized.release();
    }
    const leftOut = [...RUNTIME_FREE_TESTS, ...SYNTH_EQUAL_TESTS];
    // One worker: npm test runs this beside eight other steps on two cores, and a second worker would only load
    // cdktn, the provider classes and the modules a second time (about 5 CPU-s; one worker takes 3 s longer alone).
    run(join(project, "node_modules", ".bin", "jest"), ["--silent", "--maxWorkers", "1", "--testPathIgnorePatterns", ...leftOut], project, {
      ...process.env,
      CI: "true",
    });
    console.log(
      `cdktn: jest passed (every suite but ${RUNTIME_FREE_TESTS.join(", ")}, which do not exercise the runtime, and ${SYNTH_EQUAL_TESTS.join(", ")}, whose JSON is proven equal above)`,
    );
    console.log(
      nodeRunsCdktnCli()
        ? "cdktn: cdktn-cli not run (the app runs with node, as cdktf.json's app does)"
        : `cdktn: cdktn-cli skipped: it needs Node >= ${CDKTN_CLI_MINIMUM_NODE.join(".")}, this is ${process.versions.node}`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
