import { readFileSync } from "node:fs";
import { join } from "node:path";
import { stepCommand, STEPS } from "../../tools/test-command";

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
    expect(STEPS.filter((s) => s.readsApp).map((s) => s.name)).toEqual(["check", "diagram --check", "verify", "cdktn"]);
    for (const step of STEPS.filter((s) => s.readsApp)) {
      const file = /tools\/[\w/-]+\.ts/.exec(pkg.scripts[step.script])![0];
      const readsHandedSynth = /from "\.\.?\/synth-app"/.test(readFileSync(join(ROOT, file), "utf8"));
      expect({ step: step.name, readsHandedSynth }).toEqual({ step: step.name, readsHandedSynth: true });
    }
  });

  test("the README names every step of the test command", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    for (const step of STEPS) expect(readme).toContain(`\`npm run ${step.name.replace(" --check", " -- --check")}\``);
  });
});
