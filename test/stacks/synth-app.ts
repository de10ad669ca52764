import { App } from "cdktf";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ALL_STACKS } from "../../stacks/catalog";

export interface SynthesizedApp {
  readonly outdir: string;
  /** Stack name -> cdk.tf.json text, exactly as written. */
  readonly stacks: ReadonlyMap<string, string>;
}

/** Synthesizes the whole example app, as main.ts does, into a fresh temporary folder. */
export function synthApp(): SynthesizedApp {
  const outdir = mkdtempSync(join(tmpdir(), "cdktf-app-"));
  const app = new App({ outdir });
  for (const definition of ALL_STACKS) definition.create(app);
  app.synth();
  return readSynthesizedApp(outdir);
}

/** The stacks of a synthesized app's folder (a cdktf.out). */
export function readSynthesizedApp(outdir: string): SynthesizedApp {
  const stacksDir = join(outdir, "stacks");
  const stacks = new Map(readdirSync(stacksDir).map((name) => [name, readFileSync(join(stacksDir, name, "cdk.tf.json"), "utf8")]));
  return { outdir, stacks };
}

/** Terraform addresses (`type.name`, `data.type.name`) of a synthesized stack, sorted. */
export function addressesOf(stackJson: string): string[] {
  const json = JSON.parse(stackJson) as { resource?: Record<string, Record<string, unknown>>; data?: Record<string, Record<string, unknown>> };
  const list = (blocks: Record<string, Record<string, unknown>> | undefined, prefix: string): string[] =>
    Object.entries(blocks ?? {}).flatMap(([type, byName]) => Object.keys(byName).map((name) => `${prefix}${type}.${name}`));
  return [...list(json.resource, ""), ...list(json.data, "data.")].sort();
}
