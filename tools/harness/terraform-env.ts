import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Where terraform and the AWS provider come from on this machine. Shared by
 * the verification harness and the npm consumer test.
 *
 * TF_PROVIDER_MIRROR: a provider directory in Terraform's unpacked layout
 * (registry.terraform.io/hashicorp/aws/<version>/<os_arch>/...). Unset: the
 * first of DEFAULT_MIRRORS that holds the AWS provider; none: `terraform init`
 * downloads from the registry as on any laptop. TF_PROVIDER_MIRROR=registry
 * forces the registry.
 */
export const DEFAULT_MIRRORS = ["/opt/tf-plugins", join(process.env.HOME ?? "/root", ".terraform.d", "plugins")];

export interface TerraformEnvironment {
  /** `terraform version` first line, or undefined when terraform is not on PATH. */
  readonly version?: string;
  /** Provider mirror used for `init -plugin-dir`, or undefined for the registry. */
  readonly mirror?: string;
  /** Environment for terraform child processes. */
  readonly env: NodeJS.ProcessEnv;
}

export function isCi(): boolean {
  return process.env.CI === "true" || process.env.CI === "1";
}

function findMirror(): string | undefined {
  const configured = process.env.TF_PROVIDER_MIRROR;
  if (configured === "registry") return undefined;
  if (configured !== undefined && configured !== "") {
    if (!existsSync(join(configured, "registry.terraform.io", "hashicorp", "aws"))) {
      throw new Error(`TF_PROVIDER_MIRROR=${configured} does not contain registry.terraform.io/hashicorp/aws`);
    }
    return configured;
  }
  return DEFAULT_MIRRORS.find((dir) => existsSync(join(dir, "registry.terraform.io", "hashicorp", "aws")));
}

function terraformVersion(): string | undefined {
  try {
    return execFileSync("terraform", ["version"], { encoding: "utf8", env: { ...process.env, TF_CLI_CONFIG_FILE: "/dev/null" } }).split("\n")[0];
  } catch {
    return undefined;
  }
}

/**
 * Detects terraform and the mirror. `workDir` receives an empty CLI config so
 * that a user's or the machine's config (here TF_CLI_CONFIG_FILE points at a
 * missing file) cannot change what we check.
 */
export function terraformEnvironment(workDir: string): TerraformEnvironment {
  mkdirSync(workDir, { recursive: true });
  const cliConfig = join(workDir, "terraformrc");
  writeFileSync(cliConfig, "# written by tools/harness: provider installation comes from -plugin-dir or the registry\n");
  return {
    version: terraformVersion(),
    mirror: findMirror(),
    env: {
      ...process.env,
      TF_CLI_CONFIG_FILE: cliConfig,
      TF_IN_AUTOMATION: "1",
      TF_INPUT: "0",
      CHECKPOINT_DISABLE: "1",
      // Terraform and the ~700 MB provider allocate heavily while loading schemas: a 4x larger GC target
      // saves ~20% of the harness's CPU (82 -> 62 CPU-s here) for ~1 GB more memory at the peak.
      GOGC: process.env.GOGC ?? "400",
      // Fake credentials: offline plans never reach AWS, but the provider wants keys to configure.
      AWS_ACCESS_KEY_ID: "AKIAIOSFODNN7EXAMPLE",
      AWS_SECRET_ACCESS_KEY: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
      AWS_EC2_METADATA_DISABLED: "true",
    },
  };
}

/** Arguments of `terraform init` for the environment. */
export function initArgs(environment: TerraformEnvironment): string[] {
  const args = ["init", "-input=false", "-no-color"];
  return environment.mirror === undefined ? args : [...args, `-plugin-dir=${environment.mirror}`];
}

/**
 * What `terraform init` prints when a backend or cloud block does not fit
 * Terraform's schema. Init checks the block before its first network call,
 * so a run that stops at the network without these has been accepted.
 */
export const BACKEND_SCHEMA_ERRORS =
  /Extraneous JSON object property|Unsupported argument|Invalid (backend|cloud) configuration|Missing required argument/;
