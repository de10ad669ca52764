import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ChildProcess } from "node:child_process";
import { runStep, stepCommand, STEPS } from "../../tools/test-command";

const ROOT = join(__dirname, "..", "..");
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };

describe("the test command", () => {
  test("npm test runs tools/test-command.ts, whose steps are package.json scripts", () => {
    expect(pkg.scripts.test).toBe("node --import tsx tools/test-command.ts");
    for (const step of STEPS) expect(pkg.scripts[step.script]).toBeDefined();
    expect(STEPS.map((s) => s.name)).toEqual(["typecheck", "lint", "docs:check", "unit", "check", "diagram --check", "consumer", "verify", "cdktn"]);
  });

  test("a step runs its script with its arguments, as npm run -- would", () => {
    const diagram = STEPS.find((s) => s.name === "diagram --check")!;
    expect(stepCommand(diagram, pkg.scripts)).toBe(`${pkg.scripts.diagram} --check`);
    expect(() => stepCommand({ name: "x", script: "no-such-script" }, pkg.scripts)).toThrow(/no script "no-such-script"/);
  });

  test("the steps that read the synthesized example app are the ones that get the test command's synth of it", () => {
    expect(STEPS.filter((s) => s.readsApp).map((s) => s.name)).toEqual(["unit", "check", "diagram --check", "verify", "cdktn"]);
    for (const step of STEPS.filter((s) => s.readsApp)) {
      // jest's reader of the app is the example app's test; the other steps are tools.
      const file = step.script === "unit" ? "test/stacks/app.test.ts" : /tools\/[\w/-]+\.ts/.exec(pkg.scripts[step.script])![0];
      const readsHandedSynth = /from "(\.\.?|\.\.\/\.\.\/tools)\/synth-app"/.test(readFileSync(join(ROOT, file), "utf8"));
      expect({ step: step.name, readsHandedSynth }).toEqual({ step: step.name, readsHandedSynth: true });
    }
  });

  test("the README names every step of the test command", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    for (const step of STEPS) expect(readme).toContain(`\`npm run ${step.name.replace(" --check", " -- --check")}\``);
  });

  test("a step that outlives its time limit is stopped with its whole process tree and fails, saying why", async () => {
    const children = new Set<ChildProcess>();
    const step = { name: "slow", script: "slow" };
    // The shell's child sleeps on: the limit stops the process group, not only the shell.
    const outcome = await runStep(step, "echo started; sleep 30 & wait", process.env, children, 1);
    expect(outcome.ok).toBe(false);
    expect(outcome.seconds).toBeLessThan(10);
    expect(outcome.output).toContain("started");
    expect(outcome.output).toContain("still running after 1 s, the step's time limit");
    expect(children.size).toBe(0);
  });

  test("a step that ends within its limit passes or fails by its exit code", async () => {
    const children = new Set<ChildProcess>();
    expect((await runStep({ name: "quick", script: "quick" }, "true", process.env, children, 5)).ok).toBe(true);
    const failed = await runStep({ name: "quick", script: "quick" }, "exit 3", process.env, children, 5);
    expect(failed.ok).toBe(false);
    expect(failed.output).toContain("(exit 3)");
  });
});
