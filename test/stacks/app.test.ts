import { Testing } from "cdktf";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { ALL_STACKS, catalog, markdownRows } from "../../stacks/catalog";
import { USE_CASES } from "../../stacks/use-cases";
import { synthesizedApp } from "../../tools/synth-app";
import { testApp } from "../helpers";
import { addressesOf, exampleStackJson, readSynthesizedApp, synthApp, SynthesizedApp } from "./synth-app";

const ROOT = join(__dirname, "..", "..");
const ADDRESSES_FILE = join(__dirname, "addresses.json");

/** main.ts's synth, as cdktf's CLI runs it: the one npm test made for every step, or one of this file's own. */
let first: SynthesizedApp;
let release: () => void;
beforeAll(async () => {
  const synthesized = await synthesizedApp("json");
  release = synthesized.release;
  first = readSynthesizedApp(synthesized.outdir);
});
afterAll(() => release());

describe("the example app", () => {
  test("every stack of the registry is synthesized, names are unique and every stack demonstrates a use case", () => {
    const names = ALL_STACKS.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    expect([...first.stacks.keys()].sort()).toEqual([...names].sort());
    for (const definition of ALL_STACKS) expect(definition.useCases.length).toBeGreaterThan(0);
  });

  test("synthesizing twice, here and in main.ts's own process, gives byte-identical output", () => {
    const second = synthApp();
    expect([...second.stacks.keys()]).toEqual([...first.stacks.keys()]);
    for (const [name, text] of first.stacks) expect({ name, same: second.stacks.get(name) === text }).toEqual({ name, same: true });
  });

  test("no output contains an absolute path of the synthesizing machine", () => {
    const machinePaths = [ROOT, first.outdir, homedir(), process.cwd()];
    for (const [name, text] of first.stacks) {
      for (const path of machinePaths) expect({ name, leaks: text.includes(path) }).toEqual({ name, leaks: false });
      const backend = JSON.parse(text).terraform.backend;
      if (backend?.local !== undefined) expect(backend.local.path.startsWith("/")).toBe(false);
    }
  });

  test("resource addresses are pinned: a change that would replace a live resource shows up in review", () => {
    const actual = Object.fromEntries([...first.stacks].sort(([a], [b]) => a.localeCompare(b)).map(([name, text]) => [name, addressesOf(text)]));
    if (process.env.UPDATE_ADDRESSES === "1") writeFileSync(ADDRESSES_FILE, `${JSON.stringify(actual, null, 2)}\n`);
    const pinned = JSON.parse(readFileSync(ADDRESSES_FILE, "utf8")) as Record<string, string[]>;
    const changes = Object.keys({ ...pinned, ...actual }).flatMap((stack) => {
      const before = new Set(pinned[stack] ?? []);
      const after = new Set(actual[stack] ?? []);
      return [
        ...[...before].filter((a) => !after.has(a)).map((a) => `${stack}: - ${a} (destroyed or replaced)`),
        ...[...after].filter((a) => !before.has(a)).map((a) => `${stack}: + ${a}`),
      ];
    });
    // On purpose? Re-run with UPDATE_ADDRESSES=1 and commit test/stacks/addresses.json with the change.
    expect(changes).toEqual([]);
  });
});

describe("exampleStackJson, what the tests of test/stacks read", () => {
  const [definition] = ALL_STACKS;

  test("is Testing.synth's JSON of the stack made afresh, or cdk.tf.json as written with its `//` notes", () => {
    expect(exampleStackJson(definition.name)).toEqual(JSON.parse(Testing.synth(definition.create(testApp()))));
    expect(exampleStackJson(definition.name, "as written")).toEqual(JSON.parse(first.stacks.get(definition.name)!));
    expect(exampleStackJson(definition.name, "as written")).toHaveProperty("//");
  });

  test("gives each caller its own copy", () => {
    exampleStackJson(definition.name).resource = {};
    expect(Object.keys(exampleStackJson(definition.name).resource).length).toBeGreaterThan(0);
  });

  test("fails when the app has no such stack", () => {
    expect(() => exampleStackJson("no-such-stack")).toThrow("the example app has no stack no-such-stack");
  });
});

describe("the catalog", () => {
  test("maps covered use-case IDs, in USE-CASES.md order, to stacks that exist after synth", () => {
    const entries = catalog();
    const order = Object.keys(USE_CASES);
    expect(entries.map((e) => e.id)).toEqual(order.filter((id) => entries.some((e) => e.id === id)));
    for (const entry of entries) {
      expect(entry.stacks.length).toBeGreaterThan(0);
      expect(entry.title).toBe(USE_CASES[entry.id]);
      for (const stack of entry.stacks)
        expect({ id: entry.id, stack, exists: first.stacks.has(stack) }).toEqual({ id: entry.id, stack, exists: true });
    }
  });

  test("lists no covered ID without a stack, and the stack definitions name only known IDs", () => {
    const covered = new Set(ALL_STACKS.flatMap((s) => s.useCases));
    expect(
      catalog()
        .map((e) => e.id)
        .sort(),
    ).toEqual([...covered].sort());
    for (const id of covered) expect(Object.keys(USE_CASES)).toContain(id);
  });

  test("`npm run --silent catalog` prints the catalog as JSON only", () => {
    const printed = execFileSync("npm", ["run", "--silent", "catalog"], { cwd: ROOT, encoding: "utf8" });
    expect(JSON.parse(printed)).toEqual(catalog());
  });

  test("the README's use-case table lists exactly the catalog", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const table = readme.split("\n").filter((line) => /^\| (EP|ES|SN|LS|TG|RC|RG|DEP)-\d /.test(line));
    expect(table).toEqual(markdownRows());
  });
});

describe("the README", () => {
  test("shows the generated ES-1 diagram, as docs/diagrams has it", () => {
    const mermaid = (text: string): string | undefined => /```mermaid\n[\s\S]*?```/.exec(text)?.[0];
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const generated = readFileSync(join(ROOT, "docs", "diagrams", "es1-internal-api.md"), "utf8");
    expect(mermaid(readme)).toBeDefined();
    expect(mermaid(readme)).toBe(mermaid(generated));
  });
});
