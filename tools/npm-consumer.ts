/**
 * npm run consumer
 *
 * Proves the package works for someone who only has npm: builds the library,
 * packs it, installs the tarball and its peer dependencies into a fresh
 * project in a temporary folder, compiles a TypeScript program that composes
 * two patterns in a stack of the app entry point (`/app`), synthesizes it
 * with the local backend (JSON and HCL) and with the S3 backend chosen by
 * environment variables (JSON), checks each backend block, runs the
 * package's guardrails command (its bin) over the JSON, `terraform init`
 * with the S3 block (accepted, then stopped at the network) and
 * `terraform init -backend=false` + `terraform validate` on every output
 * with the real AWS provider.
 *
 * Terraform missing: fails under CI (CI=true), prints a skip notice otherwise.
 * TF_PROVIDER_MIRROR: see tools/harness/terraform-env.ts. KEEP_CONSUMER=1 keeps
 * the temporary project for inspection.
 */
import { execFileSync, ExecFileSyncOptions } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { installedAwsProvider, ProviderServer, startProviderServer } from "./harness/provider-server";
import { BACKEND_SCHEMA_ERRORS, initArgs, isCi, terraformEnvironment } from "./harness/terraform-env";
import { scratchDir } from "./scratch";
import { withoutBackendVariables } from "./synth-app";

const ROOT = join(__dirname, "..");
const STACK = "network";

/** What `npm pack --json` reports. */
interface PackResult {
  readonly filename: string;
  readonly size: number;
  readonly unpackedSize: number;
  readonly entryCount: number;
  readonly files: readonly { readonly path: string }[];
}

/**
 * The consumer's program is the one docs/USAGE.md shows (the TypeScript
 * block after its `<!-- npm-consumer program -->` marker): only the published
 * entry points, two patterns from two areas, in a stack from the app entry
 * point. Reading it from there keeps the documentation a program that runs.
 */
export function usageProgram(usage: string): string {
  const program = /<!-- npm-consumer program[^>]*-->\s*```ts\n([\s\S]*?)```/.exec(usage)?.[1];
  if (program === undefined) throw new Error("docs/USAGE.md has no ```ts block after <!-- npm-consumer program -->");
  if (!program.includes(`new NetworkStack(app, "${STACK}")`)) throw new Error(`docs/USAGE.md's program must synthesize the stack ${STACK}`);
  return program;
}

/** The program's endpoint in the imported VPC: in the subnets of the list variable, in that VPC. */
function checkImportedVpcEndpoint(
  synthName: string,
  json: { resource: Record<string, Record<string, { vpc_id?: string; subnet_ids?: string[] }>> },
): void {
  const endpoints = Object.values(json.resource.aws_vpc_endpoint ?? {}).filter((endpoint) => endpoint.vpc_id === "${var.legacy_vpc_id}");
  const subnets = endpoints.flatMap((endpoint) => endpoint.subnet_ids ?? []);
  if (endpoints.length !== 1 || subnets.length === 0 || !subnets.every((subnet) => subnet.includes("var.legacy_private_subnet_ids"))) {
    throw new Error(
      `${synthName}: expected one endpoint in var.legacy_vpc_id with subnets from var.legacy_private_subnet_ids, got ${JSON.stringify(endpoints)}`,
    );
  }
  log(`${synthName}: the imported VPC's endpoint is in ${subnets.join(", ")}`);
}

/** The consumer's synths: the backend as its configuration chooses it, and the output format. */
const SYNTHS = [
  { name: "local backend, JSON", format: "json", env: {} },
  { name: "local backend, HCL", format: "hcl", env: {} },
  {
    name: "S3 backend, JSON",
    format: "json",
    env: { CDKTF_BACKEND: "s3", CDKTF_BACKEND_S3_BUCKET: "acme-terraform-state", CDKTF_BACKEND_S3_REGION: "eu-west-1" },
  },
] as const;

/** What each synth's backend must be: local with a path relative to the stack folder, or one encrypted, locked S3 object per stack. */
const EXPECTED_BACKENDS: Record<string, unknown> = {
  local: { local: { path: `../../../terraform.${STACK}.tfstate` } },
  s3: {
    s3: {
      bucket: "acme-terraform-state",
      key: `cdktf-aws-private-networking/${STACK}.tfstate`,
      region: "eu-west-1",
      encrypt: true,
      use_lockfile: true,
    },
  },
};

const TSCONFIG = {
  // cdktf's own project template: CommonJS with node module resolution (package "exports" ignored, "typesVersions" used).
  compilerOptions: {
    target: "ES2022",
    module: "commonjs",
    moduleResolution: "node",
    strict: true,
    esModuleInterop: true,
    skipLibCheck: true,
    outDir: "out",
  },
  include: ["main.ts"],
};

const BARREL_PROBE = `require("cdktf-aws-private-networking");
const barrel = require.resolve("@cdktf/provider-aws");
console.log(require.cache[barrel] === undefined ? "not loaded" : barrel);`;

/** A command expected to fail: its output, stdout and stderr together. */
function runFailing(command: string, args: readonly string[], options: ExecFileSyncOptions): string {
  try {
    return `${run(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] })}`;
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    return `${failed.stdout ?? ""}${failed.stderr ?? ""}`;
  }
}

function firstError(output: string): string {
  return /Error: (.*)/.exec(output)?.[1]?.trim() ?? "(no error line)";
}

function log(message: string): void {
  console.log(`[npm-consumer] ${message}`);
}

function run(command: string, args: readonly string[], options: ExecFileSyncOptions): string {
  const started = Date.now();
  const output = execFileSync(command, args, { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], ...options }) as string;
  log(
    `$ ${command} ${args.join(" ").replace(/\s*\n\s*/g, " ")}${options.cwd === undefined ? "" : `   (in ${options.cwd})`}: ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return output;
}

/** Built files that load the provider barrel would cost every consumer seconds and ~0.5 GB. */
function checkNoProviderBarrel(dist: string): void {
  const offenders = walk(dist)
    .filter((file) => file.endsWith(".js") || file.endsWith(".d.ts"))
    .filter((file) => /(require\(|from )"@cdktf\/provider-aws"/.test(readFileSync(file, "utf8")));
  if (offenders.length > 0) throw new Error(`the build loads the @cdktf/provider-aws barrel: ${offenders.map((f) => relative(ROOT, f)).join(", ")}`);
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** The tarball holds the built library only (with the data files it imports, such as the endpoint service catalog): no sources, tests, stacks or tools. */
function checkPackedFiles(pack: PackResult): void {
  const built = (path: string) => /^dist\/.+\.(js|d\.ts)$/.test(path) || /^dist\/.+\/data\/[^/]+\.json$/.test(path);
  const unexpected = pack.files.map((f) => f.path).filter((path) => !built(path) && !/^(package\.json|README\.md|LICENSE|CHANGELOG\.md)$/.test(path));
  if (unexpected.length > 0) throw new Error(`unexpected files in the package: ${unexpected.join(", ")}`);
  if (!pack.files.some((f) => f.path === "dist/index.js") || !pack.files.some((f) => f.path === "dist/index.d.ts")) {
    throw new Error("the package lacks dist/index.js or dist/index.d.ts");
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  let server: ProviderServer | undefined;
  const work = mkdtempSync(join(scratchDir(), "npm-consumer-"));
  const environment = terraformEnvironment(join(work, "terraform-cli"));
  try {
    if (environment.version === undefined) {
      if (isCi()) throw new Error("terraform is not on PATH: CI must validate the consumer's synthesized output");
      log("NOTICE: terraform is not on PATH; the build, pack, install, compile and synth steps run, terraform validate is SKIPPED");
    }
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));

    run("npm", ["run", "build"], { cwd: ROOT });
    checkNoProviderBarrel(join(ROOT, "dist"));
    // --ignore-scripts: the build above already ran (prepack would run it again).
    const [pack] = JSON.parse(run("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", work], { cwd: ROOT })) as PackResult[];
    checkPackedFiles(pack);
    log(
      `package ${pack.filename}: ${pack.entryCount} files, ${(pack.size / 1024).toFixed(1)} kB packed, ${(pack.unpackedSize / 1024).toFixed(1)} kB unpacked`,
    );

    const project = join(work, "project");
    mkdirSync(project);
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "private-networking-consumer", version: "1.0.0", private: true }, null, 2));
    const peers = Object.entries(pkg.peerDependencies as Record<string, string>).map(([name, range]) => `${name}@${range}`);
    run(
      "npm",
      [
        "install",
        "--no-audit",
        "--no-fund",
        "--prefer-offline",
        "--loglevel=error",
        join(work, pack.filename),
        ...peers,
        `typescript@${pkg.devDependencies.typescript}`,
      ],
      { cwd: project },
    );

    // Loading the whole public API must not load the provider barrel (every resource class).
    const barrel = run(process.execPath, ["-e", BARREL_PROBE], { cwd: project }).trim();
    if (barrel !== "not loaded") throw new Error(`requiring the package loads the @cdktf/provider-aws barrel: ${barrel}`);
    log("the package root loads without the @cdktf/provider-aws barrel");

    writeFileSync(join(project, "tsconfig.json"), JSON.stringify(TSCONFIG, null, 2));
    writeFileSync(join(project, "main.ts"), usageProgram(readFileSync(join(ROOT, "docs", "USAGE.md"), "utf8")));
    const tsc = join(project, "node_modules", "typescript", "bin", "tsc");
    run(process.execPath, [tsc, "-p", "."], { cwd: project });
    // Projects on node16 resolution read "exports" (with its "types" conditions) instead of "typesVersions".
    run(process.execPath, [tsc, "-p", ".", "--noEmit", "--module", "node16", "--moduleResolution", "node16"], { cwd: project });

    for (const [index, synth] of SYNTHS.entries()) {
      const outdir = join(project, `cdktf.out.${index}`);
      // Only the synth's own backend variables: the machine's must not choose for it.
      const env = { ...withoutBackendVariables(process.env), ...synth.env, CDKTF_OUTDIR: outdir, SYNTH_HCL_OUTPUT: String(synth.format === "hcl") };
      run(process.execPath, ["out/main.js"], { cwd: project, env });
      const stackDir = join(outdir, "stacks", STACK);
      const file = join(stackDir, synth.format === "hcl" ? "cdk.tf" : "cdk.tf.json");
      if (synth.format === "json") {
        const json = JSON.parse(readFileSync(file, "utf8"));
        const backend = "CDKTF_BACKEND" in synth.env ? "s3" : "local";
        if (!isDeepStrictEqual(json.terraform.backend, EXPECTED_BACKENDS[backend])) {
          throw new Error(`${synth.name}: backend ${JSON.stringify(json.terraform.backend)}, expected ${JSON.stringify(EXPECTED_BACKENDS[backend])}`);
        }
        log(
          `${synth.name}: ${relative(project, file)}, ${Object.values(json.resource as Record<string, object>).length} resource types, backend ${JSON.stringify(json.terraform.backend)}`,
        );
        checkImportedVpcEndpoint(synth.name, json);
        // The bin as npm installs it: shebang, executable bit, dist/cli in the tarball. Exits non-zero on findings.
        run(join(project, "node_modules", ".bin", "cdktf-pn-guardrails"), [relative(project, outdir)], {
          cwd: project,
          stdio: ["ignore", "inherit", "inherit"],
        });
        // The program declares who reaches what (Flows.of): the second bin re-proves it, exiting non-zero when a flow is not as declared.
        run(join(project, "node_modules", ".bin", "cdktf-pn-flows"), [relative(project, outdir)], {
          cwd: project,
          stdio: ["ignore", "inherit", "inherit"],
        });
      } else {
        const localPath = /backend "local" \{\s*path = "([^"]*)"/.exec(readFileSync(file, "utf8"))?.[1];
        if (localPath !== `../../../terraform.${STACK}.tfstate`)
          throw new Error(`${synth.name}: local backend path ${localPath}, expected the relative ../../../terraform.${STACK}.tfstate`);
        log(`${synth.name}: ${relative(project, file)}, backend "local" { path = "${localPath}" }`);
      }
      if (environment.version === undefined) continue;
      if ("CDKTF_BACKEND" in synth.env) {
        // With the backend: init checks the block against Terraform's schema, then stops at S3, which is not reachable here.
        const init = runFailing("terraform", ["init", "-input=false", "-no-color"], { cwd: stackDir, env: environment.env });
        if (!/Initializing the backend/.test(init) || BACKEND_SCHEMA_ERRORS.test(init))
          throw new Error(`${synth.name}: terraform init did not accept the backend:\n${init}`);
        log(`${synth.name}: terraform init accepted the s3 block and stopped at the network: ${firstError(init)}`);
      }
      // The first init installs the provider (hashing its ~700 MB against the lock file); the validates then talk to
      // that one running provider instead of starting one per configuration (see tools/harness/provider-server.ts),
      // and the later inits, attached to it, install nothing.
      run("terraform", [...initArgs(environment), "-backend=false"], { cwd: stackDir, env: server?.attach(environment.env) ?? environment.env });
      server ??= await startProviderServer(installedAwsProvider(stackDir), environment.env, join(work, "provider-server.log"));
      run("terraform", ["validate", "-no-color"], { cwd: stackDir, env: server.attach(environment.env), stdio: ["ignore", "inherit", "inherit"] });
    }
    const verdict =
      environment.version === undefined
        ? "PASSED without terraform validate (SKIPPED)"
        : `PASSED (${environment.version}, provider from ${environment.mirror ?? "the registry"})`;
    log(`${verdict} in ${Math.round((Date.now() - started) / 1000)} s`);
  } finally {
    await server?.stop();
    if (process.env.KEEP_CONSUMER === "1") log(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
