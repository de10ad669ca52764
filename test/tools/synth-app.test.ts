import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SYNTHESIZED_APP_ENV, synthesizeApp, synthesizedApp } from "../../tools/synth-app";

const ROOT = join(__dirname, "..", "..");

/** A project of one small stack beside this tree's node_modules, whose main.ts is `main`. */
function project(main: string): string {
  const dir = mkdtempSync(join(tmpdir(), "synth-app-project-"));
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
  writeFileSync(join(dir, "main.ts"), main);
  return dir;
}

const ONE_STACK = `
import { App, TerraformOutput, TerraformStack } from "cdktf";
const app = new App();
const stack = new TerraformStack(app, "small");
new TerraformOutput(stack, "selected_backend", { value: process.env.CDKTF_BACKEND });
app.synth();
`;

describe("synthesizeApp", () => {
  test("synthesizes a project's main.ts once per format, with the local backend, into emptied folders, parents made", async () => {
    const dir = project(ONE_STACK);
    try {
      const outdirs = { json: join(dir, "out-json"), hcl: join(dir, "not-yet", "out-hcl") };
      mkdirSync(outdirs.json);
      writeFileSync(join(outdirs.json, "stale.txt"), "from an earlier run");
      await synthesizeApp(dir, outdirs);
      const json = JSON.parse(readFileSync(join(outdirs.json, "stacks", "small", "cdk.tf.json"), "utf8"));
      expect(json.output.selected_backend.value).toBe("local");
      expect(readFileSync(join(outdirs.hcl, "stacks", "small", "cdk.tf"), "utf8")).toContain('output "selected_backend"');
      expect(existsSync(join(outdirs.json, "stale.txt"))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  test("fails when the app fails, naming the project and showing the app's error", async () => {
    const dir = project(`throw new Error("no stacks here");\n`);
    try {
      await expect(synthesizeApp(dir, { json: join(dir, "out") })).rejects.toThrow(new RegExp(`synth of ${dir} failed[^]*no stacks here`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe("synthesizedApp", () => {
  afterEach(() => delete process.env[SYNTHESIZED_APP_ENV.json]);

  test("reads the folder the test command handed down, and leaves it in place", async () => {
    const handed = mkdtempSync(join(tmpdir(), "handed-"));
    try {
      process.env[SYNTHESIZED_APP_ENV.json] = handed;
      const app = await synthesizedApp("json");
      expect(app.outdir).toBe(handed);
      app.release();
      expect(existsSync(handed)).toBe(true);
    } finally {
      rmSync(handed, { recursive: true, force: true });
    }
  });
});
