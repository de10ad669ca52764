/**
 * The example app synthesized for the tools that read its stacks (verify,
 * check, diagram, flows, cdktn) and for the tests of test/stacks (see
 * test/stacks/synth-app.ts): main.ts bundled as cdktf.json's app bundles it,
 * run with node, with the local backend (the offline checks need it,
 * whatever backend the environment configures for deploys).
 *
 * `npm test` synthesizes once per format before the steps that read the app
 * start, and hands the folders down in the variables of SYNTHESIZED_APP_ENV:
 * those steps read one synth instead of making six of their own. Run alone,
 * each tool synthesizes into a temporary folder.
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { scratchDir } from "./scratch";

export type SynthFormat = "json" | "hcl";

/** Where `npm test` hands down the folder of each format's synth (a cdktf.out: stacks/<name>/cdk.tf.json or cdk.tf). */
export const SYNTHESIZED_APP_ENV: Readonly<Record<SynthFormat, string>> = { json: "PN_SYNTHESIZED_JSON", hcl: "PN_SYNTHESIZED_HCL" };

const ROOT = resolve(__dirname, "..");

function sh(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", fail);
    child.on("close", (code) => (code === 0 ? done() : fail(new Error(`synth of ${cwd} failed (${command} exit ${code}):\n${output}`))));
  });
}

/**
 * Synthesizes the app of `project` (a checkout of this tree) into one folder
 * per format, each emptied first: one bundle, the formats in parallel. The
 * bundle has a name of this call's own, so that concurrent synths never read
 * each other's half-written file.
 */
export async function synthesizeApp(project: string, outdirs: Partial<Record<SynthFormat, string>>): Promise<void> {
  const cache = join(project, "node_modules", ".cache");
  mkdirSync(cache, { recursive: true });
  // In the project, so that the bundle's requires resolve its node_modules.
  const bundleDir = mkdtempSync(join(cache, "synth-app-"));
  const bundle = join(bundleDir, "main.js");
  try {
    const esbuild = join(project, "node_modules", ".bin", "esbuild");
    await sh(
      esbuild,
      ["main.ts", "--bundle", "--platform=node", "--target=node20", "--packages=external", "--log-level=warning", `--outfile=${bundle}`],
      project,
      process.env,
    );
    await Promise.all(
      Object.entries(outdirs).map(([format, outdir]) => {
        rmSync(outdir, { recursive: true, force: true });
        // cdktf's App makes the folder itself, but not its parents.
        mkdirSync(dirname(outdir), { recursive: true });
        // The machine's backend variables (an S3 bucket, say) would fail a local synth: the library drops no setting silently.
        return sh(process.execPath, [bundle], project, {
          ...withoutBackendVariables(process.env),
          CDKTF_BACKEND: "local",
          CDKTF_OUTDIR: outdir,
          SYNTH_HCL_OUTPUT: String(format === "hcl"),
        });
      }),
    );
  } finally {
    rmSync(bundleDir, { recursive: true, force: true });
  }
}

/** The environment without the CDKTF_BACKEND* variables that choose a stack's backend. */
export function withoutBackendVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith("CDKTF_BACKEND")));
}

export interface SynthesizedApp {
  /** A cdktf.out folder: stacks/<name>/cdk.tf.json (or cdk.tf). */
  readonly outdir: string;
  /** Removes the folder when this call synthesized it; the test command's stays for the other steps. */
  release(): void;
}

/** The example app synthesized as `format`: the folder `npm test` handed down, or a fresh temporary one. */
export async function synthesizedApp(format: SynthFormat): Promise<SynthesizedApp> {
  const handed = process.env[SYNTHESIZED_APP_ENV[format]];
  if (handed !== undefined && handed !== "") return { outdir: handed, release: () => undefined };
  const outdir = mkdtempSync(join(scratchDir(), `app-${format}-`));
  await synthesizeApp(ROOT, { [format]: outdir });
  return { outdir, release: () => rmSync(outdir, { recursive: true, force: true }) };
}

/** `node --import tsx tools/synth-app.ts <json folder> <hcl folder>`: the test command's one synth on its own (bench/test-command.ts times it). */
if (require.main === module) {
  const [json, hcl] = process.argv.slice(2);
  if (json === undefined || hcl === undefined) throw new Error("usage: tools/synth-app.ts <json folder> <hcl folder>");
  synthesizeApp(ROOT, { json, hcl }).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
