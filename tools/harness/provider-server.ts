/**
 * One running AWS provider that many terraform processes attach to
 * (TF_REATTACH_PROVIDERS, Terraform's mechanism for providers it does not
 * start itself, which the provider SDKs' own acceptance-test framework uses).
 *
 * Starting the ~700 MB provider costs about half a CPU-second, and terraform
 * starts one for every provider configuration of every command: a stack with
 * three configurations starts four providers for one `terraform validate`.
 * Attached, every command talks to the one already running.
 *
 * Only for commands whose provider calls keep no state: `validate` (schema,
 * ValidateProviderConfig, ValidateResourceConfig) and `terraform test` with
 * `mock_provider` (the mocks answer plan and apply; the real provider only
 * validates). Never for a real plan: ConfigureProvider stores one
 * configuration per provider process, and a plan needs each of its own.
 */
import { ChildProcess, spawn } from "node:child_process";
import { closeSync, existsSync, openSync, readdirSync } from "node:fs";
import { join } from "node:path";

export interface ProviderServer {
  /** The TF_REATTACH_PROVIDERS value that attaches terraform to this provider. */
  readonly reattach: string;
  /** `env` with TF_REATTACH_PROVIDERS set. */
  attach(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
  /** Stops the provider (SIGINT, as its debug mode expects), SIGKILL after 5 s. */
  stop(): Promise<void>;
}

/** The AWS provider binary `terraform init` installed under `<dir>/.terraform/providers`. */
export function installedAwsProvider(dir: string): string {
  const base = join(dir, ".terraform", "providers", "registry.terraform.io", "hashicorp", "aws");
  const found: string[] = [];
  if (existsSync(base)) {
    for (const version of readdirSync(base)) {
      for (const platform of readdirSync(join(base, version))) {
        for (const file of readdirSync(join(base, version, platform))) {
          if (file.startsWith("terraform-provider-aws")) found.push(join(base, version, platform, file));
        }
      }
    }
  }
  if (found.length !== 1) throw new Error(`expected one AWS provider installed under ${base}, found ${found.length}`);
  return found[0];
}

const REATTACH_LINE = /TF_REATTACH_PROVIDERS='(\{.*\})'/;

/** The reattach configuration the provider prints in debug mode. */
export function parseReattach(stdout: string): string | undefined {
  const match = REATTACH_LINE.exec(stdout);
  if (match === null) return undefined;
  const config = JSON.parse(match[1]) as Record<string, { Pid?: number }>;
  return Object.keys(config).length > 0 ? match[1] : undefined;
}

/**
 * Starts `binary -debug` and waits for its reattach configuration.
 * `logFile` receives the provider's stderr (logging is off unless TF_LOG_PROVIDER says otherwise).
 */
export function startProviderServer(binary: string, env: NodeJS.ProcessEnv, logFile: string): Promise<ProviderServer> {
  const log = openSync(logFile, "w");
  const child: ChildProcess = spawn(binary, ["-debug"], {
    env: { ...env, TF_LOG: env.TF_LOG_PROVIDER ?? "off", TF_LOG_PROVIDER: env.TF_LOG_PROVIDER ?? "off" },
    stdio: ["ignore", "pipe", log],
  });
  closeSync(log);
  const killOnExit = (): void => {
    child.kill("SIGKILL");
  };
  process.once("exit", killOnExit);

  const stop = async (): Promise<void> => {
    process.removeListener("exit", killOnExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((done) => child.once("exit", () => done()));
    child.kill("SIGINT");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
    await exited;
    clearTimeout(timer);
  };

  return new Promise((done, fail) => {
    let stdout = "";
    const timer = setTimeout(() => {
      void stop();
      fail(new Error(`${binary} -debug printed no reattach configuration within 60 s (log: ${logFile})`));
    }, 60_000);
    child.on("error", (error) => {
      clearTimeout(timer);
      fail(error);
    });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      fail(new Error(`${binary} -debug exited (${code ?? signal}) before printing its reattach configuration (log: ${logFile})`));
    });
    child.stdout!.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      const reattach = parseReattach(stdout);
      if (reattach === undefined) return;
      clearTimeout(timer);
      child.removeAllListeners("exit");
      child.stdout!.removeAllListeners("data");
      child.stdout!.resume();
      done({ reattach, attach: (base) => ({ ...base, TF_REATTACH_PROVIDERS: reattach }), stop });
    });
  });
}
