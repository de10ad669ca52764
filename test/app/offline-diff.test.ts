import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { isCi, terraformEnvironment } from "../../tools/harness/terraform-env";

const ROOT = resolve(__dirname, "..", "..");
const DOCUMENTED_MIRROR = "/opt/tf-plugins";

/** The shell block of the README's offline section, as a reader copies it. */
function readmeOfflineBlock(): string {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const block = /<!-- offline-diff[^>]*-->\n```sh\n([^]*?)\n```/.exec(readme)?.[1];
  if (block === undefined) throw new Error("README.md has no offline-diff block");
  return block;
}

describe("the README's offline cdktf diff", () => {
  const work = mkdtempSync(join(tmpdir(), "offline-diff-"));
  const environment = terraformEnvironment(work);
  const runnable = environment.version !== undefined && environment.mirror !== undefined;
  if (!runnable && isCi()) throw new Error("CI runs the README's offline diff: terraform and the provider mirror must be present");
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  (runnable ? test : test.skip)(
    "plans an example stack with no network, no lock file and no AWS account",
    () => {
      const block = readmeOfflineBlock();
      expect(block).toContain("npx cdktf diff ep5-private-kms --skip-provider-lock");
      const output = join(work, "cdktf.out");
      // The reader's shell: the block verbatim, with this machine's mirror and an output folder of the test's own.
      const script = block
        .replaceAll(DOCUMENTED_MIRROR, environment.mirror!)
        .replace("--skip-provider-lock", `--skip-provider-lock --output ${output}`);
      const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: work, CI: "1", TERM: "dumb", NO_COLOR: "1", FORCE_COLOR: "0" };
      const log = execFileSync("bash", ["-euo", "pipefail", "-c", script], { cwd: ROOT, env, encoding: "utf8", stdio: "pipe", timeout: 300_000 });
      expect(log).toMatch(/Plan: \d+ to add, 0 to change, 0 to destroy/);
      expect(existsSync(join(output, "stacks", "ep5-private-kms", "plan"))).toBe(true);
      expect(existsSync(join(output, "stacks", "ep5-private-kms", ".terraform.lock.hcl"))).toBe(true);
    },
    300_000,
  );
});
