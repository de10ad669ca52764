import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App, TerraformStack, Testing } from "cdktf";
import { Vpc } from "../../modules/vpc";
import { addStackBackend, BACKEND_ENV } from "../../modules/app";
import { ExampleStack } from "../../stacks/example-stack";
import { BACKEND_SCHEMA_ERRORS, initArgs, isCi, terraformEnvironment } from "../../tools/harness/terraform-env";
import { catchValidationError, expectValidationError, testApp } from "../helpers";

interface TerraformBlock {
  readonly backend?: Record<string, Record<string, unknown>>;
  readonly cloud?: { organization: string; hostname?: string; workspaces: { name: string; project?: string } };
}

function stackWith(env: NodeJS.ProcessEnv, context?: Record<string, unknown>, name = "es1-internal-api"): TerraformStack {
  const app = Testing.app({ context: context === undefined ? undefined : { backend: context } });
  const stack = new TerraformStack(app, name);
  addStackBackend(stack, { stackName: name, region: "us-east-1", env });
  return stack;
}

function terraformBlock(stack: TerraformStack): TerraformBlock {
  return JSON.parse(Testing.synth(stack)).terraform;
}

/** Runs `build` with only the given backend variables set in process.env, as the example stacks read them. */
function withBackendEnv<T>(env: NodeJS.ProcessEnv, build: () => T): T {
  const names = Object.values(BACKEND_ENV);
  const saved = Object.fromEntries(names.map((name) => [name, process.env[name]]));
  names.forEach((name) => (env[name] === undefined ? delete process.env[name] : (process.env[name] = env[name])));
  try {
    return build();
  } finally {
    Object.entries(saved).forEach(([name, value]) => (value === undefined ? delete process.env[name] : (process.env[name] = value)));
  }
}

const s3Env = { CDKTF_BACKEND: "s3", CDKTF_BACKEND_S3_BUCKET: "example-terraform-state" };
const cloudEnv = { CDKTF_BACKEND: "cloud", CDKTF_BACKEND_CLOUD_ORGANIZATION: "example-org" };

describe("local backend (default)", () => {
  test("keeps the state path relative to cdktf.out/stacks/<name>", () => {
    const block = terraformBlock(stackWith({}));
    expect(block.backend).toEqual({ local: { path: "../../../terraform.es1-internal-api.tfstate" } });
    expect(block.cloud).toBeUndefined();
  });

  test("is what every example stack gets without configuration", () => {
    const stack = withBackendEnv({}, () => new ExampleStack(testApp(), "ep1-example"));
    expect(terraformBlock(stack).backend).toEqual({ local: { path: "../../../terraform.ep1-example.tfstate" } });
  });

  test("an empty environment variable does not override the context", () => {
    const block = terraformBlock(stackWith({ CDKTF_BACKEND: "" }, { type: "s3", bucket: "example-terraform-state" }));
    expect(Object.keys(block.backend ?? {})).toEqual(["s3"]);
  });
});

describe("S3 backend", () => {
  test("one encrypted state key per stack, locked with an S3 lock file", () => {
    const s3 = terraformBlock(stackWith(s3Env)).backend?.s3;
    expect(s3).toEqual({
      bucket: "example-terraform-state",
      key: "cdktf-aws-private-networking/es1-internal-api.tfstate",
      region: "us-east-1",
      encrypt: true,
      use_lockfile: true,
    });
  });

  test("uses a DynamoDB lock table instead of the lock file when one is configured", () => {
    const s3 = terraformBlock(stackWith({ ...s3Env, CDKTF_BACKEND_S3_DYNAMODB_TABLE: "terraform-locks" })).backend?.s3;
    expect(s3).toMatchObject({ dynamodb_table: "terraform-locks" });
    expect(s3).not.toHaveProperty("use_lockfile");
  });

  test("takes region, key prefix and KMS key from the environment", () => {
    const s3 = terraformBlock(
      stackWith({
        ...s3Env,
        CDKTF_BACKEND_S3_REGION: "eu-west-1",
        CDKTF_BACKEND_S3_KEY_PREFIX: "networking/prod",
        CDKTF_BACKEND_S3_KMS_KEY_ID: "arn:aws:kms:eu-west-1:111111111111:key/0123abcd-0123-4567-89ab-0123456789ab",
      }),
    ).backend?.s3;
    expect(s3).toMatchObject({
      region: "eu-west-1",
      key: "networking/prod/es1-internal-api.tfstate",
      kms_key_id: "arn:aws:kms:eu-west-1:111111111111:key/0123abcd-0123-4567-89ab-0123456789ab",
    });
  });

  test("is configured by the cdktf.json context alone", () => {
    const s3 = terraformBlock(stackWith({}, { type: "s3", bucket: "context-state", region: "us-west-2" })).backend?.s3;
    expect(s3).toMatchObject({ bucket: "context-state", region: "us-west-2", use_lockfile: true });
  });

  test("environment variables win over the context, setting by setting", () => {
    const s3 = terraformBlock(stackWith({ CDKTF_BACKEND_S3_BUCKET: "env-state" }, { type: "s3", bucket: "context-state", region: "us-west-2" }))
      .backend?.s3;
    expect(s3).toMatchObject({ bucket: "env-state", region: "us-west-2" });
  });

  test("fails when the bucket is missing", () => {
    const error = catchValidationError(() => stackWith({ CDKTF_BACKEND: "s3" }));
    expect(error.prop).toContain("CDKTF_BACKEND_S3_BUCKET");
    expect(error.message).toContain("backend.bucket");
    expect(error.received).toBe("undefined");
  });

  test("fails when the bucket name is not an S3 bucket name", () => {
    const error = catchValidationError(() => stackWith({ ...s3Env, CDKTF_BACKEND_S3_BUCKET: "My_State" }));
    expect(error.message).toContain("CDKTF_BACKEND_S3_BUCKET");
    expect(error.message).toContain('"My_State"');
  });

  test("fails when the region is not a region", () => {
    const error = catchValidationError(() => stackWith({ ...s3Env, CDKTF_BACKEND_S3_REGION: "Ireland" }));
    expect(error.message).toContain("CDKTF_BACKEND_S3_REGION");
    expect(error.message).toContain('"Ireland"');
  });

  test.each(["networking/", "/networking", "networking//prod"])("fails when the key prefix is %p, which terraform init refuses", (keyPrefix) => {
    const error = catchValidationError(() => stackWith({ ...s3Env, CDKTF_BACKEND_S3_KEY_PREFIX: keyPrefix }));
    expect(error.message).toContain("CDKTF_BACKEND_S3_KEY_PREFIX");
    expect(error.received).toBe(JSON.stringify(keyPrefix));
  });

  test.each(["my..state", "192.168.1.1", "xn--state", "state-s3alias"])(
    "fails when the bucket is %p, which S3 does not allow as a bucket name",
    (bucket) => {
      const error = expectValidationError(
        () => stackWith({ ...s3Env, CDKTF_BACKEND_S3_BUCKET: bucket }),
        "CDKTF_BACKEND_S3_BUCKET (context backend.bucket)",
        JSON.stringify(bucket),
      );
      expect(error.expected).toContain("not an IP address");
    },
  );

  test.each(["my.state-bucket", "state-111111111111", "a1b"])("takes the bucket name %p", (bucket) => {
    expect(terraformBlock(stackWith({ ...s3Env, CDKTF_BACKEND_S3_BUCKET: bucket })).backend?.s3?.bucket).toBe(bucket);
  });

  test.each([
    "0123abcd-0123-4567-89ab-0123456789ab",
    "mrk-1234abcd12ab34cd56ef1234567890ab",
    "alias/terraform-state",
    "alias/aws/s3",
    "arn:aws:kms:us-east-1:111111111111:key/0123abcd-0123-4567-89ab-0123456789ab",
    "arn:aws:kms:us-east-1:111111111111:key/mrk-1234abcd12ab34cd56ef1234567890ab",
    "arn:aws:kms:us-east-1:111111111111:alias/terraform-state",
  ])("takes the KMS key %p", (kmsKeyId) => {
    expect(terraformBlock(stackWith({ ...s3Env, CDKTF_BACKEND_S3_KMS_KEY_ID: kmsKeyId })).backend?.s3?.kms_key_id).toBe(kmsKeyId);
  });

  test.each([
    "my-key",
    "terraform-state",
    "mrk-123",
    "0123ABCD-0123-4567-89AB-0123456789AB",
    // AWS's doc example: its UUID is of no version, and terraform init refuses it.
    "1234abcd-12ab-34cd-56ef-1234567890ab",
    "arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab",
    "arn:aws:kms:us-east-1:111111111111:key/my-key",
    "arn:aws:s3:::state",
  ])("fails when the KMS key is %p, which terraform init refuses (Invalid KMS Key ID)", (kmsKeyId) => {
    const error = expectValidationError(
      () => stackWith({ ...s3Env, CDKTF_BACKEND_S3_KMS_KEY_ID: kmsKeyId }),
      "CDKTF_BACKEND_S3_KMS_KEY_ID (context backend.kmsKeyId)",
      JSON.stringify(kmsKeyId),
    );
    expect(error.expected).toMatch(/KMS key/);
  });

  test("fails when the KMS key is of another partition than the stack's", () => {
    const error = expectValidationError(
      () =>
        stackWith({}, { type: "s3", bucket: "state", kmsKeyId: "arn:aws-cn:kms:cn-north-1:111111111111:key/0123abcd-0123-4567-89ab-0123456789ab" }),
      "CDKTF_BACKEND_S3_KMS_KEY_ID (context backend.kmsKeyId)",
      "arn:aws-cn:kms",
    );
    expect(error.expected).toContain("partition aws");
  });

  test.each(["terraform-locks", "Terraform.Locks_1", "arn:aws:dynamodb:us-east-1:111111111111:table/terraform-locks"])(
    "takes the lock table %p",
    (table) => {
      expect(terraformBlock(stackWith({ ...s3Env, CDKTF_BACKEND_S3_DYNAMODB_TABLE: table })).backend?.s3?.dynamodb_table).toBe(table);
    },
  );

  test.each(["my table!", "lk", "arn:aws:dynamodb:us-east-1:111111111111:locks"])(
    "fails when the lock table is %p, which DynamoDB does not take",
    (table) => {
      expectValidationError(
        () => stackWith({ ...s3Env, CDKTF_BACKEND_S3_DYNAMODB_TABLE: table }),
        "CDKTF_BACKEND_S3_DYNAMODB_TABLE (context backend.dynamodbTable)",
        JSON.stringify(table),
      );
    },
  );

  test("takes a key prefix of several folders", () => {
    const s3 = terraformBlock(stackWith({ ...s3Env, CDKTF_BACKEND_S3_KEY_PREFIX: "teams/networking/prod" })).backend?.s3;
    expect(s3?.key).toBe("teams/networking/prod/es1-internal-api.tfstate");
  });
});

describe("Terraform Cloud backend", () => {
  test("a cloud block with one workspace per stack, on app.terraform.io (Terraform's default host)", () => {
    const block = terraformBlock(stackWith({ ...cloudEnv, CDKTF_BACKEND_CLOUD_WORKSPACE_PREFIX: "private-networking-" }));
    expect(block.backend).toBeUndefined();
    expect(block.cloud).toEqual({
      organization: "example-org",
      workspaces: { name: "private-networking-es1-internal-api" },
    });
  });

  test("two stacks get two workspaces", () => {
    const app = new App({ outdir: mkdtempSync(join(tmpdir(), "backend-")) });
    const names = ["ep1-s3-gateway", "sn2-cross-account"].map((name) => {
      const stack = new TerraformStack(app, name);
      addStackBackend(stack, { stackName: name, region: "us-east-1", env: cloudEnv });
      return terraformBlock(stack).cloud?.workspaces.name;
    });
    expect(names).toEqual(["ep1-s3-gateway", "sn2-cross-account"]);
  });

  test("takes a Terraform Enterprise host name and a project", () => {
    const cloud = terraformBlock(
      stackWith({ ...cloudEnv, CDKTF_BACKEND_CLOUD_HOSTNAME: "tfe.example.com", CDKTF_BACKEND_CLOUD_PROJECT: "networking" }),
    ).cloud;
    expect(cloud).toMatchObject({ hostname: "tfe.example.com", workspaces: { name: "es1-internal-api", project: "networking" } });
  });

  test("keeps the project in the HCL output (cdktf 0.21 alone drops it)", () => {
    const hcl: string = Testing.synthHcl(stackWith({ ...cloudEnv, CDKTF_BACKEND_CLOUD_PROJECT: "networking" }));
    const workspaces = /workspaces \{([^}]*)\}/.exec(hcl)?.[1] ?? "";
    expect(workspaces).toMatch(/name = "es1-internal-api"/);
    expect(workspaces).toMatch(/project = "networking"/);
  });

  test("the HCL output of S3 keeps the lock file setting", () => {
    const hcl: string = Testing.synthHcl(stackWith(s3Env));
    expect(hcl).toMatch(/backend "s3" \{[^}]*use_lockfile = true/);
  });

  test("is configured by the cdktf.json context alone", () => {
    const cloud = terraformBlock(stackWith({}, { type: "cloud", organization: "context-org", workspacePrefix: "ctx-" })).cloud;
    expect(cloud).toMatchObject({ organization: "context-org", workspaces: { name: "ctx-es1-internal-api" } });
  });

  test("fails when the organization is missing", () => {
    const error = catchValidationError(() => stackWith({ CDKTF_BACKEND: "cloud" }));
    expect(error.prop).toContain("CDKTF_BACKEND_CLOUD_ORGANIZATION");
    expect(error.received).toBe("undefined");
  });

  test("fails when the organization name has spaces", () => {
    const error = catchValidationError(() => stackWith({ ...cloudEnv, CDKTF_BACKEND_CLOUD_ORGANIZATION: "Example Org" }));
    expect(error.message).toContain("CDKTF_BACKEND_CLOUD_ORGANIZATION");
    expect(error.message).toContain('"Example Org"');
  });

  test("fails when the workspace prefix makes an invalid workspace name", () => {
    const error = catchValidationError(() => stackWith({ ...cloudEnv, CDKTF_BACKEND_CLOUD_WORKSPACE_PREFIX: "team/" }));
    expect(error.message).toContain("CDKTF_BACKEND_CLOUD_WORKSPACE_PREFIX");
    expect(error.message).toContain('"team/es1-internal-api"');
  });

  test("fails when the workspace name gets longer than 90 characters", () => {
    const error = catchValidationError(() => stackWith({ ...cloudEnv, CDKTF_BACKEND_CLOUD_WORKSPACE_PREFIX: "p".repeat(80) }));
    expect(error.message).toContain("CDKTF_BACKEND_CLOUD_WORKSPACE_PREFIX");
    expect(error.expected).toContain("1 to 90 characters");
  });
});

describe("configuration errors", () => {
  test("fails when the backend type is unknown", () => {
    const error = catchValidationError(() => stackWith({ CDKTF_BACKEND: "gcs" }));
    expect(error.prop).toContain("CDKTF_BACKEND");
    expect(error.received).toBe('"gcs"');
    expect(error.expected).toBe("one of local, s3, cloud");
  });

  test.each([
    ["an S3 variable while no type is set", { CDKTF_BACKEND_S3_BUCKET: "my-state" }, undefined, "CDKTF_BACKEND_S3_BUCKET", /CDKTF_BACKEND=s3/],
    ["an S3 context key while no type is set", {}, { bucket: "my-state" }, "CDKTF_BACKEND_S3_BUCKET", /state stays local/],
    [
      "an S3 variable while the context chooses local",
      { CDKTF_BACKEND_S3_BUCKET: "my-state" },
      { type: "local" },
      "CDKTF_BACKEND_S3_BUCKET",
      /type is local/,
    ],
    [
      "S3 settings beside the cloud type",
      {},
      { type: "cloud", organization: "acme", dynamodbTable: "locks" },
      "CDKTF_BACKEND_S3_DYNAMODB_TABLE",
      /type is cloud/,
    ],
    ["a cloud setting beside the S3 type", s3Env, undefined, "CDKTF_BACKEND_CLOUD_PROJECT", /type is s3/],
  ])("fails when given %s: the setting would be dropped", (_, env, context, prop, expected) => {
    const extra = prop === "CDKTF_BACKEND_CLOUD_PROJECT" ? { CDKTF_BACKEND_CLOUD_PROJECT: "networking" } : {};
    const error = catchValidationError(() => stackWith({ ...env, ...extra }, context));
    expect(error.prop).toContain(prop);
    expect(error.expected).toMatch(expected);
  });

  test("a type chosen above them leaves another backend's settings aside: CDKTF_BACKEND=local over a context that configures S3", () => {
    const block = terraformBlock(stackWith({ CDKTF_BACKEND: "local" }, { type: "s3", bucket: "context-state" }));
    expect(Object.keys(block.backend ?? {})).toEqual(["local"]);
  });

  test("fails when a CDKTF_BACKEND_ variable is misspelled: the KMS key and the lock table would be dropped", () => {
    const error = expectValidationError(
      () =>
        stackWith({
          CDKTF_BACKEND: "s3",
          CDKTF_BACKEND_S3_BUCKET: "acme-state",
          CDKTF_BACKEND_S3_KMS_KEY: "arn:aws:kms:us-east-1:111111111111:key/0123abcd-0123-4567-89ab-0123456789ab",
          CDKTF_BACKEND_DYNAMODB_TABLE: "locks",
        }),
      "CDKTF_BACKEND_S3_KMS_KEY",
      "arn:aws:kms",
    );
    expect(error.expected).toContain("did you mean CDKTF_BACKEND_S3_KMS_KEY_ID?");
    expect(error.expected).toContain("CDKTF_BACKEND_S3_DYNAMODB_TABLE");
  });

  test("leaves other variables, and empty misspelled ones, alone", () => {
    const block = terraformBlock(stackWith({ ...s3Env, CDKTF_BACKENDS: "x", CDKTF_OUTDIR: "out", CDKTF_BACKEND_S3_KMS_KEY: "", PATH: "/usr/bin" }));
    expect(Object.keys(block.backend ?? {})).toEqual(["s3"]);
  });

  test("fails when the context backend has a key the library does not know, listing the known ones", () => {
    const error = catchValidationError(() => stackWith({}, { type: "s3", bucket: "my-state", dynamoDbTable: "locks" }));
    expect(error.prop).toBe("context backend");
    expect(error.received).toBe('"dynamoDbTable"');
    expect(error.expected).toContain("dynamodbTable");
  });

  test("fails when a prop of addStackBackend is misspelled: the program's defaults would be dropped", () => {
    const error = catchValidationError(() =>
      addStackBackend(new TerraformStack(Testing.app(), "x"), { stackName: "x", region: "us-east-1", env: {}, default: { type: "s3" } } as never),
    );
    expect(error.prop).toBe("default");
    expect(error.message).toContain("did you mean defaults?");
  });

  test("fails when the context backend is not an object", () => {
    const app = Testing.app({ context: { backend: "s3" } });
    const error = catchValidationError(() => addStackBackend(new TerraformStack(app, "x"), { stackName: "x", region: "us-east-1", env: {} }));
    expect(error.prop).toBe("context backend");
    expect(error.received).toBe('"s3"');
  });

  test("fails when a context setting is not a string", () => {
    const error = catchValidationError(() => stackWith({}, { type: "s3", bucket: 42 }));
    expect(error.prop).toContain("backend.bucket");
    expect(error.received).toBe("42");
  });
});

/**
 * `terraform init` checks the backend block against Terraform's own schema
 * before it reaches the network: these runs prove that Terraform 1.11
 * accepts what we synthesize (e.g. `use_lockfile`), and stop at the first
 * network call (there is no AWS account or Terraform Cloud organization here).
 */
describe("Terraform accepts the synthesized backend blocks", () => {
  const workDir = mkdtempSync(join(tmpdir(), "backend-tf-"));
  const environment = terraformEnvironment(workDir);
  const available = environment.version !== undefined;
  if (!available && isCi()) throw new Error("terraform is not on PATH: CI must run the backend schema checks");
  if (!available) console.warn("SKIPPED: terraform is not on PATH, backend blocks are checked only as JSON");
  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  function initOutput(name: string, terraform: TerraformBlock): string {
    const dir = join(workDir, name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "main.tf.json"), JSON.stringify({ terraform }));
    return init(dir);
  }

  function init(dir: string): string {
    try {
      return execFileSync("terraform", ["init", "-input=false", "-no-color"], {
        cwd: dir,
        env: environment.env,
        encoding: "utf8",
        stdio: "pipe",
        timeout: 120_000,
      });
    } catch (error) {
      const failed = error as { stdout?: string; stderr?: string };
      return `${failed.stdout ?? ""}${failed.stderr ?? ""}`;
    }
  }

  (available ? test : test.skip).each([
    ["s3 with lock file", s3Env],
    ["s3 with DynamoDB table", { ...s3Env, CDKTF_BACKEND_S3_DYNAMODB_TABLE: "terraform-locks" }],
    ["cloud", { ...cloudEnv, CDKTF_BACKEND_CLOUD_PROJECT: "networking" }],
  ])("%s", (name, env) => {
    const output = initOutput(name.replace(/\W+/g, "-"), terraformBlock(stackWith(env)));
    expect(output).toMatch(/Initializing (the backend|HCP Terraform)/);
    expect(output).not.toMatch(BACKEND_SCHEMA_ERRORS);
  });

  (available ? test : test.skip).each([
    ["s3 as HCL", s3Env],
    ["cloud with a project as HCL", { ...cloudEnv, CDKTF_BACKEND_CLOUD_PROJECT: "networking" }],
  ])("%s", (name, env) => {
    const dir = join(workDir, name.replace(/\W+/g, "-"));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "cdk.tf"), Testing.synthHcl(stackWith(env)));
    const output = init(dir);
    expect(output).toMatch(/Initializing (the backend|HCP Terraform)/);
    expect(output).not.toMatch(BACKEND_SCHEMA_ERRORS);
  });

  (available ? test : test.skip)("an example stack's HCL with a cloud block (what a Terraform Cloud workspace runs) validates", () => {
    const hcl: string = withBackendEnv({ ...cloudEnv, CDKTF_BACKEND_CLOUD_PROJECT: "networking" }, () => {
      const stack = new ExampleStack(testApp(), "ep1-example");
      const consumer = stack.accountProvider("consumer", "222222222222");
      new Vpc(stack, "Vpc", { name: "ep1", cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a"], provider: consumer });
      return Testing.synthHcl(stack);
    });
    expect(hcl).toMatch(/cloud \{[^]*organization = "example-org"/);
    const dir = join(workDir, "example-stack-hcl");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "cdk.tf"), hcl);
    const run = (args: string[]) =>
      execFileSync("terraform", args, { cwd: dir, env: environment.env, encoding: "utf8", stdio: "pipe", timeout: 300_000 });
    run([...initArgs(environment), "-backend=false"]);
    const validated = run(["validate", "-no-color"]);
    expect(validated).toContain("Success! The configuration is valid");
    // The flow logs' group waits for its key's policy: written as a reference (fixHclOutput), so Terraform warns of no deprecated syntax.
    expect(hcl).toMatch(/depends_on = \[\naws_kms_key_policy\.\w+,\n\]/);
    expect(validated).not.toMatch(/deprecated/i);
  });

  (available ? test : test.skip)("takes every KMS key form the library takes, and refuses what the library refuses", () => {
    const keys = [
      "0123abcd-0123-4567-89ab-0123456789ab",
      "mrk-1234abcd12ab34cd56ef1234567890ab",
      "alias/aws/s3",
      "arn:aws:kms:us-east-1:111111111111:key/mrk-1234abcd12ab34cd56ef1234567890ab",
      "arn:aws:kms:us-east-1:111111111111:alias/terraform-state",
    ];
    keys.forEach((key, i) => {
      const output = initOutput(`kms-${i}`, terraformBlock(stackWith({ ...s3Env, CDKTF_BACKEND_S3_KMS_KEY_ID: key })));
      expect(output).not.toMatch(/Invalid KMS Key/);
      expect(output).not.toMatch(BACKEND_SCHEMA_ERRORS);
    });
    const block = terraformBlock(stackWith(s3Env));
    const refused = initOutput("kms-refused", { backend: { s3: { ...block.backend?.s3, kms_key_id: "1234abcd-12ab-34cd-56ef-1234567890ab" } } });
    expect(refused).toMatch(/Invalid KMS Key ID/);
  });

  (available ? test : test.skip)("the check catches an argument Terraform does not know", () => {
    const block = terraformBlock(stackWith(s3Env));
    const output = initOutput("bogus", { backend: { s3: { ...block.backend?.s3, use_lock_file: true } } });
    expect(output).toMatch(BACKEND_SCHEMA_ERRORS);
  });
});
