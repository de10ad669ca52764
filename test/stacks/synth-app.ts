import { App } from "cdktf";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ALL_STACKS } from "../../stacks/catalog";
import { SYNTHESIZED_APP_ENV } from "../../tools/synth-app";
import { Json } from "../helpers";

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

/** Stack name -> its JSON as written (cdk.tf.json, `//` notes included), from main.ts's synth: npm test's, or one of this worker's own. */
let written: ReadonlyMap<string, Record<string, unknown>> | undefined;

function writtenStacks(): ReadonlyMap<string, Record<string, unknown>> {
  if (written === undefined) {
    const handed = process.env[SYNTHESIZED_APP_ENV.json];
    const app = handed !== undefined && handed !== "" ? readSynthesizedApp(handed) : synthApp();
    written = new Map([...app.stacks].map(([name, text]) => [name, JSON.parse(text) as Record<string, unknown>]));
  }
  return written;
}

/**
 * An example stack's synthesized JSON, read from the one synth of the whole
 * app (the test command's, see tools/synth-app.ts) instead of synthesizing
 * the stack again in every test. `"as written"` keeps the `//` notes of
 * cdk.tf.json (metadata, and what the library records for the flow
 * analysis); by default they are removed and keys sorted, as Testing.synth
 * gives it. test/stacks/app.test.ts proves that synth equal to one made in
 * the test's own process. A fresh object per call: tests may change it.
 */
export function exampleStackJson(name: string, form: "as Testing.synth gives it" | "as written" = "as Testing.synth gives it"): Json {
  const json = writtenStacks().get(name);
  if (json === undefined) throw new Error(`the example app has no stack ${name}`);
  return (form === "as written" ? structuredClone(json) : withoutNotes(json)) as Json;
}

/** What Testing.synth does to a stack's JSON: every `//` key removed, keys sorted. */
function withoutNotes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNotes);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== "//")
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, item]) => [key, withoutNotes(item)]),
  );
}
