import { CloudBackend, LocalBackend, NamedCloudWorkspace, S3Backend, TerraformBackend, TerraformStack } from "../core/cdktf";
import {
  BUCKET_NAME_RULES,
  checkArn,
  checkKnownProps,
  checkLength,
  checkObject,
  checkPattern,
  checkPredicate,
  checkRegion,
  closestMatch,
  isBucketName,
  isDnsName,
  parseArn,
  partitionOfRegion,
  ValidationError,
} from "../core";

/*
 * Where a stack keeps its state, chosen by configuration so that the same
 * code deploys from a laptop (local), from a pipeline (S3) or from
 * Terraform Cloud / Enterprise (cloud block).
 *
 * Sources, the first one set wins for each setting:
 * 1. environment variables `CDKTF_BACKEND` and `CDKTF_BACKEND_<SETTING>`
 *    (listed in BACKEND_ENV);
 * 2. the `backend` context object, e.g. in cdktf.json
 *    `"context": { "backend": { "type": "s3", "bucket": "...", "region": "..." } }`
 *    (the cdktf CLI passes cdktf.json's context to the app; a bare
 *    `node main.ts` only sees it through `CDKTF_CONTEXT_JSON`);
 * 3. the defaults the program passes (`StackBackendProps.defaults`);
 * 4. the local backend.
 */

/** The backends a stack can choose. */

export type BackendType = "local" | "s3" | "cloud";

/** Every setting, under its context key (`backend.<key>`). */
export interface BackendSettings {
  /** `local`, `s3` or `cloud`. @default "local" */
  readonly type?: string;
  /** Local: the state file, relative to the stack's folder `cdktf.out/stacks/<stack>`. @default "../../../terraform.<stack>.tfstate" (the project root) */
  readonly path?: string;
  /** S3: state bucket. @default - none: required when the type is s3 */
  readonly bucket?: string;
  /** S3: the bucket's region. @default - the stack's region */
  readonly region?: string;
  /** S3: key prefix; the state is `<keyPrefix>/<stack>.tfstate`. @default "cdktf-aws-private-networking" */
  readonly keyPrefix?: string;
  /** S3: a DynamoDB lock table, for teams still on table locking. @default - S3 native locking (`use_lockfile`) */
  readonly dynamodbTable?: string;
  /** S3: KMS key for server-side encryption of the state. @default - the bucket's default encryption (SSE-S3) */
  readonly kmsKeyId?: string;
  /** Cloud: organization. @default - none: required when the type is cloud */
  readonly organization?: string;
  /** Cloud: workspace name prefix; the workspace is `<workspacePrefix><stack>`. @default "" */
  readonly workspacePrefix?: string;
  /** Cloud: Terraform Enterprise host name. @default "app.terraform.io" */
  readonly hostname?: string;
  /** Cloud: project the workspaces are created in. @default - the organization's default project */
  readonly project?: string;
}

/** Environment variable of each setting. */
export const BACKEND_ENV: { readonly [K in keyof Required<BackendSettings>]: string } = {
  type: "CDKTF_BACKEND",
  path: "CDKTF_BACKEND_LOCAL_PATH",
  bucket: "CDKTF_BACKEND_S3_BUCKET",
  region: "CDKTF_BACKEND_S3_REGION",
  keyPrefix: "CDKTF_BACKEND_S3_KEY_PREFIX",
  dynamodbTable: "CDKTF_BACKEND_S3_DYNAMODB_TABLE",
  kmsKeyId: "CDKTF_BACKEND_S3_KMS_KEY_ID",
  organization: "CDKTF_BACKEND_CLOUD_ORGANIZATION",
  workspacePrefix: "CDKTF_BACKEND_CLOUD_WORKSPACE_PREFIX",
  hostname: "CDKTF_BACKEND_CLOUD_HOSTNAME",
  project: "CDKTF_BACKEND_CLOUD_PROJECT",
};

/** Every value of the `type` setting. */
export const BACKEND_TYPES: readonly BackendType[] = ["local", "s3", "cloud"];
/** The S3 key prefix when none is configured. */
export const DEFAULT_S3_KEY_PREFIX = "cdktf-aws-private-networking";

/** What {@link addStackBackend} needs besides the configuration. */
export interface StackBackendProps {
  /** Stack name: the state file, state key or workspace of this stack. */
  readonly stackName: string;
  /** Region of the stack, the S3 bucket's region unless configured. */
  readonly region: string;
  /** The program's own settings, which the context and the environment override setting by setting. @default - none */
  readonly defaults?: BackendSettings;
  /** How errors name {@link StackBackendProps.defaults}: the caller's own prop (`PrivateNetworkingStack` passes `backend`). @default "defaults" */
  readonly defaultsProp?: string;
  /** @default process.env */
  readonly env?: NodeJS.ProcessEnv;
}

const STACK_BACKEND_PROPS: Record<keyof StackBackendProps, true> = {
  stackName: true,
  region: true,
  defaults: true,
  defaultsProp: true,
  env: true,
};

/** The backend type each setting other than `type` configures. */
const SETTING_TYPES: { readonly [K in Exclude<keyof BackendSettings, "type">]: BackendType } = {
  path: "local",
  bucket: "s3",
  region: "s3",
  keyPrefix: "s3",
  dynamodbTable: "s3",
  kmsKeyId: "s3",
  organization: "cloud",
  workspacePrefix: "cloud",
  hostname: "cloud",
  project: "cloud",
};

/** Where a setting came from: the environment outranks the context, which outranks the program's defaults. */
interface SettingSource {
  /** 3 for the environment, 2 for the context, 1 for the program's defaults. */
  readonly rank: number;
  /** The prop the program's defaults are named by in errors (`backend.bucket`); undefined for the environment and the context. */
  readonly defaultsProp?: string;
}

/** Where each setting of a merged set came from. */
const SOURCES = new WeakMap<BackendSettings, Partial<Record<keyof BackendSettings, SettingSource>>>();

/**
 * Merges environment variables over the `backend` context object over the
 * program's defaults; `defaultsProp` is how errors name the defaults.
 */
export function backendSettings(
  stack: TerraformStack,
  env: NodeJS.ProcessEnv = process.env,
  defaults: BackendSettings = {},
  defaultsProp = "defaults",
): BackendSettings {
  checkObject(stack, defaultsProp, defaults);
  const context: unknown = stack.node.tryGetContext("backend");
  if (context !== undefined && (context === null || typeof context !== "object" || Array.isArray(context))) {
    throw new ValidationError(stack, "context backend", context, 'an object such as { "type": "s3", "bucket": "my-state" }');
  }
  const fromContext = (context ?? {}) as Record<string, unknown>;
  checkKnownKeys(stack, "context backend", fromContext);
  checkKnownKeys(stack, defaultsProp, defaults);
  checkKnownVariables(stack, env);
  const settings: Record<string, string> = {};
  const sources: Partial<Record<keyof BackendSettings, SettingSource>> = {};
  for (const [key, variable] of Object.entries(BACKEND_ENV) as [keyof BackendSettings, string][]) {
    const fromEnv = nonEmpty(env[variable]);
    const [value, prop, source]: [unknown, string, SettingSource] =
      fromEnv !== undefined
        ? [fromEnv, variable, { rank: 3 }]
        : fromContext[key] !== undefined
          ? [fromContext[key], `context backend.${key}`, { rank: 2 }]
          : [(defaults as Record<string, unknown>)[key], `${defaultsProp}.${key}`, { rank: 1, defaultsProp: `${defaultsProp}.${key}` }];
    if (value === undefined) continue;
    if (typeof value !== "string") throw new ValidationError(stack, prop, value, "a string");
    settings[key] = value;
    sources[key] = source;
  }
  SOURCES.set(settings, sources);
  return settings;
}

/** A key the library does not know (a typo such as dynamoDbTable) would be dropped without a word. */
function checkKnownKeys(stack: TerraformStack, prop: string, given: object): void {
  const unknown = Object.keys(given).find((key) => !(key in BACKEND_ENV));
  if (unknown === undefined) return;
  throw new ValidationError(stack, prop, unknown, `only backend settings this library knows: ${Object.keys(BACKEND_ENV).join(", ")}`);
}

/**
 * A variable of the CDKTF_BACKEND_ family this library does not read (a typo
 * such as CDKTF_BACKEND_S3_KMS_KEY) would be dropped without a word: the
 * state would go unencrypted by the key, or unlocked by the table. Other
 * variables are not the library's to judge; empty ones configure nothing.
 */
function checkKnownVariables(stack: TerraformStack, env: NodeJS.ProcessEnv): void {
  const known = Object.values(BACKEND_ENV);
  const unknown = Object.keys(env).find(
    (name) => name.startsWith(`${BACKEND_ENV.type}_`) && !known.includes(name) && nonEmpty(env[name]) !== undefined,
  );
  if (unknown === undefined) return;
  const suggestion = closestMatch(unknown, known);
  throw new ValidationError(
    stack,
    unknown,
    env[unknown],
    `only the backend variables this library reads${suggestion === undefined ? "" : ` (did you mean ${suggestion}?)`}: ${known.join(", ")}`,
  );
}

/**
 * A setting of another backend than the chosen one would be dropped without
 * a word (a bucket while the state stays local). It may stay where a more
 * authoritative source chose the type (CDKTF_BACKEND=local over a context
 * that configures S3); the program's own defaults, the context or the
 * environment that give it beside or above the type are refused.
 */
function checkSettingsOfType(stack: TerraformStack, settings: BackendSettings, type: BackendType): void {
  const sources = SOURCES.get(settings) ?? {};
  const typeRank = sources.type?.rank ?? 0;
  for (const [key, owner] of Object.entries(SETTING_TYPES) as [Exclude<keyof BackendSettings, "type">, BackendType][]) {
    const source = sources[key];
    if (owner === type || source === undefined || source.rank < typeRank) continue;
    const chosen = sources.type === undefined ? "no type is set, so the state stays local" : `the backend type is ${type}`;
    throw new ValidationError(
      stack,
      settingName(settings, key),
      settings[key],
      `no ${owner} setting while ${chosen}: set ${BACKEND_ENV.type}=${owner} (or backend.type "${owner}") to use the ${owner} backend, or remove the setting`,
    );
  }
}

/** Adds the configured backend to the stack. */
export function addStackBackend(stack: TerraformStack, props: StackBackendProps): TerraformBackend {
  checkKnownProps(stack, props, STACK_BACKEND_PROPS);
  const settings = backendSettings(stack, props.env, props.defaults, props.defaultsProp);
  const type = settings.type ?? "local";
  if (!(BACKEND_TYPES as readonly string[]).includes(type)) {
    throw new ValidationError(stack, settingName(settings, "type"), type, `one of ${BACKEND_TYPES.join(", ")}`);
  }
  checkSettingsOfType(stack, settings, type as BackendType);
  switch (type as BackendType) {
    case "s3":
      return s3Backend(stack, props, settings);
    case "cloud":
      return cloudBackend(stack, props, settings);
    case "local":
      return localBackend(stack, props, settings);
  }
}

function localBackend(stack: TerraformStack, props: StackBackendProps, settings: BackendSettings): TerraformBackend {
  // Relative to cdktf.out/stacks/<name>, so the state sits in the project root as with cdktf's default
  // (which would write the synthesizing machine's absolute path into the output).
  const path = settings.path ?? `../../../terraform.${props.stackName}.tfstate`;
  checkPattern(
    stack,
    settingName(settings, "path"),
    path,
    /^[^/\0][^\0]*[^/]$/,
    "a state file path relative to the stack's folder cdktf.out/stacks/<stack> (an absolute path ties the output to one machine)",
  );
  return new LocalBackend(stack, { path });
}

function s3Backend(stack: TerraformStack, props: StackBackendProps, settings: BackendSettings): TerraformBackend {
  const bucket = required(stack, settings, "bucket", "the S3 bucket that holds the state");
  checkPredicate(stack, settingName(settings, "bucket"), bucket, isBucketName, `an S3 bucket name (${BUCKET_NAME_RULES})`);
  checkRegion(stack, settingName(settings, "region"), settings.region);
  const partition = partitionOfRegion(props.region);
  if (settings.region !== undefined && partitionOfRegion(settings.region) !== partition) {
    // The backend uses the stack's credentials, which cannot reach a bucket of another partition: terraform init would fail.
    throw new ValidationError(
      stack,
      settingName(settings, "region"),
      settings.region,
      `a region of the stack's partition (${partition}), where its credentials reach the state bucket`,
    );
  }
  checkStateKey(stack, settingName(settings, "kmsKeyId"), settings.kmsKeyId, partition);
  checkLockTable(stack, settingName(settings, "dynamodbTable"), settings.dynamodbTable, partition);
  const keyPrefix = settings.keyPrefix ?? DEFAULT_S3_KEY_PREFIX;
  checkPattern(
    stack,
    settingName(settings, "keyPrefix"),
    keyPrefix,
    /^(?!\/)(?!.*\/\/)[A-Za-z0-9!_.*'()/-]*[A-Za-z0-9!_.*'()-]$/,
    "an S3 key prefix of letters, digits and !_.*'()/- that neither starts nor ends with / nor holds // (terraform init refuses such keys)",
  );
  const backend = new S3Backend(stack, {
    bucket,
    key: `${keyPrefix}/${props.stackName}.tfstate`,
    region: settings.region ?? props.region,
    encrypt: true,
    kmsKeyId: settings.kmsKeyId,
    dynamodbTable: settings.dynamodbTable,
  });
  // Terraform 1.10+ locks with a lock object next to the state; cdktf 0.21's S3Backend predates the argument.
  if (settings.dynamodbTable === undefined) backend.addOverride("use_lockfile", true);
  return backend;
}

/** A KMS key ID as terraform init takes one: a version 1-5 UUID (every key KMS makes is one; AWS's own doc example is not, and init refuses it). */
const KMS_KEY_UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
const KMS_KEY_ID = new RegExp(`^(${KMS_KEY_UUID}|mrk-[0-9a-f]{32}|alias/[A-Za-z0-9/_-]{1,250})$`);
const KMS_KEY_ARN_RESOURCE = new RegExp(`^(key/(${KMS_KEY_UUID}|mrk-[0-9a-f]{32})|alias/[A-Za-z0-9/_-]{1,250})$`);
const KMS_KEY_EXPECTED =
  "a KMS key for the state as terraform init takes one (else: Invalid KMS Key ID): a key ID such as 0123abcd-0123-4567-89ab-0123456789ab, a multi-Region key ID mrk-<32 hex digits>, alias/<name>, or a key or alias ARN such as arn:aws:kms:us-east-1:111111111111:key/0123abcd-0123-4567-89ab-0123456789ab";

/**
 * terraform init refuses a kms_key_id that is not a key ID, a multi-Region
 * key ID, alias/<name>, or a key or alias ARN (its s3 backend's
 * validateKMSKey); the stack's credentials cannot use a key of another
 * partition.
 */
function checkStateKey(stack: TerraformStack, prop: string, kmsKeyId: string | undefined, partition: string): void {
  if (kmsKeyId === undefined) return;
  if (kmsKeyId.startsWith("arn:")) {
    checkArn(stack, prop, kmsKeyId, "kmsKey", { partition });
    // checkArn knows any UUID; terraform init takes the key IDs KMS makes only.
    if (!KMS_KEY_ARN_RESOURCE.test(parseArn(kmsKeyId)!.resource)) throw new ValidationError(stack, prop, kmsKeyId, KMS_KEY_EXPECTED);
    return;
  }
  checkPattern(stack, prop, kmsKeyId, KMS_KEY_ID, KMS_KEY_EXPECTED);
}

/** DynamoDB takes a table name (3-255 letters, digits, _ . -) or a table ARN; anything else fails at the first lock. */
function checkLockTable(stack: TerraformStack, prop: string, table: string | undefined, partition: string): void {
  if (table === undefined) return;
  if (table.startsWith("arn:")) {
    checkArn(stack, prop, table, "dynamoDbTable", { partition });
    return;
  }
  checkPattern(
    stack,
    prop,
    table,
    /^[A-Za-z0-9_.-]{3,255}$/,
    "a DynamoDB table name (3-255 letters, digits, _ . and -) or a table ARN, the lock table the state is locked in",
  );
}

function cloudBackend(stack: TerraformStack, props: StackBackendProps, settings: BackendSettings): TerraformBackend {
  const organization = required(stack, settings, "organization", "the Terraform Cloud organization");
  checkPattern(stack, settingName(settings, "organization"), organization, /^[A-Za-z0-9_-]+$/, "an organization name (letters, digits, - and _)");
  const workspace = `${settings.workspacePrefix ?? ""}${props.stackName}`;
  checkPattern(
    stack,
    settingName(settings, "workspacePrefix"),
    workspace,
    /^[A-Za-z0-9_-]+$/,
    "a prefix that keeps the workspace name to letters, digits, - and _",
  );
  checkLength(stack, settingName(settings, "workspacePrefix"), workspace, 1, 90);
  // Terraform reads the hostname as a host: a URL ("https://app.terraform.io/") fails at terraform init.
  checkPredicate(
    stack,
    settingName(settings, "hostname"),
    settings.hostname,
    (hostname) => isDnsName(hostname.replace(/:\d{1,5}$/, "")),
    "a host name such as app.terraform.io or tfe.example.com (optionally with :port), without https:// or a path",
  );
  return new CloudBackend(stack, {
    organization,
    hostname: settings.hostname,
    workspaces: new ProjectNamedCloudWorkspace(workspace, settings.project),
  });
}

/** cdktf 0.21 drops a named workspace's `project` from `synth --hcl` output (its JSON keeps it); this puts it back. */
class ProjectNamedCloudWorkspace extends NamedCloudWorkspace {
  public override toHclTerraform(): Record<string, unknown> {
    const base = super.toHclTerraform() as Record<string, unknown>;
    return this.project === undefined ? base : { ...base, project: { value: this.project, type: "simple", storageClassType: "string" } };
  }
}

function required(stack: TerraformStack, settings: BackendSettings, key: keyof BackendSettings, what: string): string {
  const value = settings[key];
  if (value === undefined) throw new ValidationError(stack, settingName(settings, key), value, `${what} (backend type ${settings.type})`);
  return value;
}

/** How errors name a setting: the caller's prop when the program's defaults gave it, else both places it can come from. */
function settingName(settings: BackendSettings, key: keyof BackendSettings): string {
  return SOURCES.get(settings)?.[key]?.defaultsProp ?? `${BACKEND_ENV[key]} (context backend.${key})`;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === "" ? undefined : value;
}
