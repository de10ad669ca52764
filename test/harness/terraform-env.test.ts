import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { initArgs, terraformEnvironment } from "../../tools/harness/terraform-env";

const made: string[] = [];
const workDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), "tf-env-"));
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function withEnv<T>(changes: Record<string, string | undefined>, body: () => T): T {
  const saved = Object.fromEntries(Object.keys(changes).map((k) => [k, process.env[k]]));
  Object.assign(process.env, changes);
  for (const [k, v] of Object.entries(changes)) if (v === undefined) delete process.env[k];
  try {
    return body();
  } finally {
    for (const [k, v] of Object.entries(saved))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
  }
}

describe("terraform environment", () => {
  test("TF_PROVIDER_MIRROR=registry inits from the registry, without -plugin-dir", () => {
    const environment = withEnv({ TF_PROVIDER_MIRROR: "registry" }, () => terraformEnvironment(workDir()));
    expect(environment.mirror).toBeUndefined();
    expect(initArgs(environment)).toEqual(["init", "-input=false", "-no-color"]);
  });

  test("a configured mirror without the AWS provider fails instead of silently using the registry", () => {
    const empty = workDir();
    expect(() => withEnv({ TF_PROVIDER_MIRROR: empty }, () => terraformEnvironment(workDir()))).toThrow(
      /does not contain registry.terraform.io\/hashicorp\/aws/,
    );
  });

  test("a mirror is passed to init as -plugin-dir, and terraform gets its own empty CLI config and fake keys", () => {
    const dir = workDir();
    const environment = withEnv({ TF_PROVIDER_MIRROR: undefined }, () => terraformEnvironment(dir));
    if (environment.mirror !== undefined) expect(initArgs(environment)).toContain(`-plugin-dir=${environment.mirror}`);
    expect(environment.env.TF_CLI_CONFIG_FILE).toBe(join(dir, "terraformrc"));
    expect(environment.env.AWS_ACCESS_KEY_ID).toMatch(/EXAMPLE$/);
  });

  test("terraform and its providers run with a larger Go GC target unless GOGC is set", () => {
    expect(withEnv({ GOGC: undefined }, () => terraformEnvironment(workDir())).env.GOGC).toBe("400");
    expect(withEnv({ GOGC: "100" }, () => terraformEnvironment(workDir())).env.GOGC).toBe("100");
  });

  test("without terraform on PATH the version is unknown (the harness then skips, or fails in CI)", () => {
    const environment = withEnv({ PATH: workDir() }, () => terraformEnvironment(workDir()));
    expect(environment.version).toBeUndefined();
  });
});
