/**
 * npm run consumer
 *
 * Proves the package works for someone who only has npm: builds the library,
 * packs it, installs the tarball and its peer dependencies into a fresh
 * project in a temporary folder, compiles a TypeScript program that composes
 * two patterns through the public entry points, synthesizes it (JSON and
 * HCL), runs the package's guardrails command (its bin) over the output and
 * `terraform init -backend=false` + `terraform validate` on both outputs
 * with the real AWS provider.
 *
 * Terraform missing: fails under CI (CI=true), prints a skip notice otherwise.
 * TF_PROVIDER_MIRROR: see tools/harness/terraform-env.ts. KEEP_CONSUMER=1 keeps
 * the temporary project for inspection.
 */
import { execFileSync, ExecFileSyncOptions } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { installedAwsProvider, ProviderServer, startProviderServer } from "./harness/provider-server";
import { initArgs, isCi, terraformEnvironment } from "./harness/terraform-env";

const ROOT = join(__dirname, "..");
const STACK = "consumer";

/** What `npm pack --json` reports. */
interface PackResult {
  readonly filename: string;
  readonly size: number;
  readonly unpackedSize: number;
  readonly entryCount: number;
  readonly files: readonly { readonly path: string }[];
}

/** The consumer's program: only the published entry points, two patterns from two areas. */
const PROGRAM = `import { App, TerraformOutput, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { PrivateAwsServiceAccess, PrivateVpc, ServiceAccessPresets } from "cdktf-aws-private-networking";
import { ListenerTargets, PrivateLinkSaasOffering } from "cdktf-aws-private-networking/privatelink";

class ConsumerStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AwsProvider(this, "aws", { region: "us-east-1", allowedAccountIds: ["111111111111"] });
    const customer = new AwsProvider(this, "aws-customer", {
      alias: "customer",
      region: "us-east-1",
      allowedAccountIds: ["222222222222"],
      assumeRole: [{ roleArn: "arn:aws:iam::222222222222:role/NetworkingDeployment" }],
    });
    // By AZ ID: the customer's endpoint and the provider's load balancer must share zones, and an AZ name is another zone in each account.
    const azs = ["use1-az1", "use1-az2"];
    const appVpc = new PrivateVpc(this, "AppVpc", { name: "app", cidrBlock: "10.20.0.0/16", availabilityZones: azs });
    const customerVpc = new PrivateVpc(this, "CustomerVpc", { name: "customer", cidrBlock: "10.30.0.0/16", availabilityZones: azs, provider: customer });

    // Pattern 1: KMS without the internet, from the application VPC.
    const kms = new PrivateAwsServiceAccess(this, "Kms", {
      vpc: appVpc,
      services: ServiceAccessPresets.kms(["arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab"]),
    });

    // Pattern 2: the application offered to a customer account over PrivateLink.
    const saas = new PrivateLinkSaasOffering(this, "Saas", {
      service: {
        name: "app-api",
        networkLoadBalancer: {
          vpc: appVpc,
          listeners: [{ port: 443, targets: ListenerTargets.ipAddresses({ port: 8443, addresses: { "app-a": "10.20.0.10", "app-b": "10.20.1.10" } }) }],
        },
      },
      consumers: [{ name: "acme", accountId: "222222222222", provider: customer, vpc: customerVpc }],
    });

    new TerraformOutput(this, "kms_endpoint_id", { value: kms.interfaceEndpoints.kms.vpcEndpointId });
    new TerraformOutput(this, "service_name", { value: saas.service.serviceName });
  }
}

const app = new App();
new ConsumerStack(app, "${STACK}");
app.synth();
`;

const TSCONFIG = {
  // cdktf's own project template: CommonJS with node module resolution (package "exports" ignored, "typesVersions" used).
  compilerOptions: { target: "ES2022", module: "commonjs", moduleResolution: "node", strict: true, esModuleInterop: true, skipLibCheck: true, outDir: "out" },
  include: ["main.ts"],
};

const BARREL_PROBE = `require("cdktf-aws-private-networking");
const barrel = require.resolve("@cdktf/provider-aws");
console.log(require.cache[barrel] === undefined ? "not loaded" : barrel);`;

function log(message: string): void {
  console.log(`[npm-consumer] ${message}`);
}

function run(command: string, args: readonly string[], options: ExecFileSyncOptions): string {
  const started = Date.now();
  const output = execFileSync(command, args, { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], ...options }) as string;
  log(`$ ${command} ${args.join(" ").replace(/\s*\n\s*/g, " ")}${options.cwd === undefined ? "" : `   (in ${options.cwd})`}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
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

/** The tarball holds the built library only: no sources, tests, stacks or tools. */
function checkPackedFiles(pack: PackResult): void {
  const unexpected = pack.files.map((f) => f.path).filter((path) => !/^dist\/.+\.(js|d\.ts)$/.test(path) && !/^(package\.json|README\.md|LICENSE)$/.test(path));
  if (unexpected.length > 0) throw new Error(`unexpected files in the package: ${unexpected.join(", ")}`);
  if (!pack.files.some((f) => f.path === "dist/index.js") || !pack.files.some((f) => f.path === "dist/index.d.ts")) {
    throw new Error("the package lacks dist/index.js or dist/index.d.ts");
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  let server: ProviderServer | undefined;
  const work = mkdtempSync(join(tmpdir(), "npm-consumer-"));
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
    log(`package ${pack.filename}: ${pack.entryCount} files, ${(pack.size / 1024).toFixed(1)} kB packed, ${(pack.unpackedSize / 1024).toFixed(1)} kB unpacked`);

    const project = join(work, "project");
    mkdirSync(project);
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "private-networking-consumer", version: "1.0.0", private: true }, null, 2));
    const peers = Object.entries(pkg.peerDependencies as Record<string, string>).map(([name, range]) => `${name}@${range}`);
    run(
      "npm",
      ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error", join(work, pack.filename), ...peers, `typescript@${pkg.devDependencies.typescript}`],
      { cwd: project },
    );

    // Loading the whole public API must not load the provider barrel (every resource class).
    const barrel = run(process.execPath, ["-e", BARREL_PROBE], { cwd: project }).trim();
    if (barrel !== "not loaded") throw new Error(`requiring the package loads the @cdktf/provider-aws barrel: ${barrel}`);
    log("the package root loads without the @cdktf/provider-aws barrel");

    writeFileSync(join(project, "tsconfig.json"), JSON.stringify(TSCONFIG, null, 2));
    writeFileSync(join(project, "main.ts"), PROGRAM);
    const tsc = join(project, "node_modules", "typescript", "bin", "tsc");
    run(process.execPath, [tsc, "-p", "."], { cwd: project });
    // Projects on node16 resolution read "exports" (with its "types" conditions) instead of "typesVersions".
    run(process.execPath, [tsc, "-p", ".", "--noEmit", "--module", "node16", "--moduleResolution", "node16"], { cwd: project });

    const outputs = { json: join(project, "cdktf.out"), hcl: join(project, "cdktf.out.hcl") };
    for (const [format, outdir] of Object.entries(outputs)) {
      run(process.execPath, ["out/main.js"], { cwd: project, env: { ...process.env, CDKTF_OUTDIR: outdir, SYNTH_HCL_OUTPUT: String(format === "hcl") } });
      const file = join(outdir, "stacks", STACK, format === "hcl" ? "cdk.tf" : "cdk.tf.json");
      const resources = format === "json" ? Object.values(JSON.parse(readFileSync(file, "utf8")).resource as Record<string, object>).length : undefined;
      log(`synthesized ${relative(project, file)}${resources === undefined ? "" : ` (${resources} resource types)`}`);
      if (format === "json") {
        // The bin as npm installs it: shebang, executable bit, dist/cli in the tarball. Exits non-zero on findings.
        run(join(project, "node_modules", ".bin", "cdktf-pn-guardrails"), [relative(project, outdir)], { cwd: project, stdio: ["ignore", "inherit", "inherit"] });
      }
      if (environment.version === undefined) continue;
      const stackDir = join(outdir, "stacks", STACK);
      run("terraform", [...initArgs(environment), "-backend=false"], { cwd: stackDir, env: environment.env });
      // Both validates talk to one running provider instead of starting one per configuration (see tools/harness/provider-server.ts).
      server ??= await startProviderServer(installedAwsProvider(stackDir), environment.env, join(work, "provider-server.log"));
      run("terraform", ["validate", "-no-color"], { cwd: stackDir, env: server.attach(environment.env), stdio: ["ignore", "inherit", "inherit"] });
    }
    const verdict = environment.version === undefined ? "PASSED without terraform validate (SKIPPED)" : `PASSED (${environment.version}, provider from ${environment.mirror ?? "the registry"})`;
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
