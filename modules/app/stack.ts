import { Annotations, LocalBackend, TerraformBackend, TerraformStack } from "../core/cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Construct } from "constructs";
import {
  checkAccountId,
  checkKnownProps,
  checkObject,
  checkPattern,
  checkRegion,
  checkString,
  checkTags,
  partitionOfRegion,
  requireValue,
  ValidationError,
} from "../core";
import { addStackBackend, BackendSettings } from "./backend";
import { fixHclOutput } from "./hcl-output";
import { OFFLINE_PLAN_ENV, OFFLINE_PLAN_PROVIDER_SETTINGS } from "./offline-plan";

/** What a {@link PrivateNetworkingStack} deploys where. */
export interface PrivateNetworkingStackProps {
  /** Region of the default provider, and of every account provider that names none. */
  readonly region: string;
  /**
   * The account the default provider deploys to, as `allowed_account_ids`:
   * an apply with another account's credentials fails before it changes
   * anything. @default - whichever account the credentials belong to
   */
  readonly accountId?: string;
  /**
   * The program's backend settings. `CDKTF_BACKEND*` variables and the
   * `backend` object of the cdktf.json context override them, setting by
   * setting, so a pipeline can choose S3 without a code change.
   * @default - the local backend, the state in the project root (a relative path)
   */
  readonly backend?: BackendSettings;
  /** Tags every resource gets from every provider of the stack, besides `cdktf-stack: <stack name>`. @default - the stack tag alone */
  readonly defaultTags?: Readonly<Record<string, string>>;
  /** The role {@link PrivateNetworkingStack.accountProvider} assumes in other accounts unless told another. @default "NetworkingDeployment" */
  readonly deploymentRoleName?: string;
  /** Where the `CDKTF_BACKEND*` variables are read. @default process.env */
  readonly env?: NodeJS.ProcessEnv;
}

/** How {@link PrivateNetworkingStack.accountProvider} reaches another account. */
export interface AccountProviderOptions {
  /** Role the deployment assumes in the account, optionally with its IAM path (`team/NetworkingDeployment`). @default - the stack's deploymentRoleName */
  readonly roleName?: string;
  /** Region of the provider, for cross-region consumers. @default - the stack's region */
  readonly region?: string;
  /** External ID the role's trust policy requires (the usual guard when a third party deploys into the account). @default - none */
  readonly externalId?: string;
  /** Session name, which the account's CloudTrail records. @default "cdktf-<alias>" */
  readonly sessionName?: string;
}

const STACK_PROPS: Record<keyof PrivateNetworkingStackProps, true> = {
  region: true,
  accountId: true,
  backend: true,
  defaultTags: true,
  deploymentRoleName: true,
  env: true,
};
const ACCOUNT_PROVIDER_OPTIONS: Record<keyof AccountProviderOptions, true> = {
  roleName: true,
  region: true,
  externalId: true,
  sessionName: true,
};

const DEFAULT_DEPLOYMENT_ROLE = "NetworkingDeployment";
/** The tag naming the stack on every resource, which the docs promise. */
const STACK_TAG = "cdktf-stack";
/** IAM role name (1-64 of `\w+=,.@-`) behind an optional path. */
const ROLE_NAME = /^([\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/;
/** Terraform provider aliases are identifiers. */
const PROVIDER_ALIAS = /^[A-Za-z][A-Za-z0-9_-]*$/;

/**
 * A stack as the docs describe one: its backend chosen by configuration
 * (local with a relative state path, S3 with native locking, or a Terraform
 * Cloud workspace per stack: see docs/USAGE.md), the default AWS provider
 * pinned to its account, tags naming the stack on every resource, a provider
 * per other account through an assumed role, and cdktf's HCL output fixed
 * ({@link fixHclOutput}). Without it a cdktf stack gets the local backend
 * with the synthesizing machine's absolute path in its output.
 */
export class PrivateNetworkingStack extends TerraformStack {
  /** Region of the default provider. */
  public readonly region: string;
  /** The default AWS provider, in {@link PrivateNetworkingStackProps.accountId}. */
  public readonly provider: AwsProvider;
  private readonly tags: Readonly<Record<string, string>>;
  private readonly deploymentRoleName: string;
  private readonly aliases = new Set<string>();
  private readonly offlinePlan: boolean;

  constructor(scope: Construct, name: string, props: PrivateNetworkingStackProps) {
    super(uniqueStackName(scope, name), name);
    if (props === null || typeof props !== "object") throw new ValidationError(this, "props", props, "an object with at least region");
    checkKnownProps(this, props, STACK_PROPS);
    checkObject(this, "env", props.env);
    checkRegion(this, "region", props.region);
    if (props.region === undefined) throw new ValidationError(this, "region", props.region, "the region of the default provider, such as us-east-1");
    checkAccountId(this, "accountId", props.accountId);
    checkTags(this, "defaultTags", props.defaultTags);
    if (props.defaultTags !== undefined && STACK_TAG in props.defaultTags)
      throw new ValidationError(
        this,
        `defaultTags.${STACK_TAG}`,
        props.defaultTags[STACK_TAG],
        `no ${STACK_TAG} tag: every resource is tagged with its stack's name`,
      );
    checkString(this, "deploymentRoleName", props.deploymentRoleName);
    this.deploymentRoleName = props.deploymentRoleName ?? DEFAULT_DEPLOYMENT_ROLE;
    checkPattern(
      this,
      "deploymentRoleName",
      this.deploymentRoleName,
      ROLE_NAME,
      "an IAM role name (1-64 of letters, digits and +=,.@_-), optionally behind a path",
    );
    this.region = props.region;
    this.tags = { [STACK_TAG]: name, ...props.defaultTags };
    const backend = addStackBackend(this, { stackName: name, region: this.region, defaults: props.backend, defaultsProp: "backend", env: props.env });
    this.offlinePlan = offlinePlanRequested(this, props.env ?? process.env, backend);
    this.provider = this.offline(
      new AwsProvider(this, "aws", {
        region: this.region,
        allowedAccountIds: props.accountId === undefined ? undefined : [props.accountId],
        defaultTags: [{ tags: { ...this.tags } }],
      }),
    );
    fixHclOutput(this);
  }

  /**
   * A provider for another account, assuming a role there: the usual way one
   * Terraform configuration manages both sides of a cross-account pattern.
   * The provider is pinned to the account (`allowed_account_ids`) and tags
   * what it creates as the default provider does.
   */
  public accountProvider(alias: string, accountId: string, options: AccountProviderOptions = {}): AwsProvider {
    checkPattern(this, "accountProvider alias", alias, PROVIDER_ALIAS, "a provider alias: a letter, then letters, digits, _ and -");
    if (alias === undefined) throw new ValidationError(this, "accountProvider alias", alias, "a provider alias such as consumer");
    if (this.aliases.has(alias))
      throw new ValidationError(this, "accountProvider alias", alias, "an alias not given to another account provider of this stack");
    if (accountId === undefined) throw new ValidationError(this, `accountProvider(${alias}) accountId`, accountId, "a 12-digit AWS account ID");
    checkAccountId(this, `accountProvider(${alias}) accountId`, accountId);
    checkObject(this, `accountProvider(${alias}) options`, options);
    checkKnownProps(this, options, ACCOUNT_PROVIDER_OPTIONS);
    const roleName = options.roleName ?? this.deploymentRoleName;
    checkPattern(
      this,
      `accountProvider(${alias}) roleName`,
      roleName,
      ROLE_NAME,
      "an IAM role name (1-64 of letters, digits and +=,.@_-), optionally behind a path",
    );
    checkRegion(this, `accountProvider(${alias}) region`, options.region);
    const partition = partitionOfRegion(options.region ?? this.region);
    if (partition !== partitionOfRegion(this.region)) {
      // Credentials of one partition cannot assume a role in another: the plan would fail at the provider's STS call.
      throw new ValidationError(
        this,
        `accountProvider(${alias}) region`,
        options.region,
        `a region of the stack's partition (${partitionOfRegion(this.region)}); ${partition} needs its own stack and credentials`,
      );
    }
    checkPattern(
      this,
      `accountProvider(${alias}) externalId`,
      options.externalId,
      /^[\w+=,.@:/-]{2,1224}$/,
      "an external ID of 2-1224 letters, digits and +=,.@:/_-",
    );
    const sessionName = options.sessionName ?? `cdktf-${alias}`;
    checkPattern(
      this,
      `accountProvider(${alias}) sessionName`,
      sessionName,
      /^[\w+=,.@-]{2,64}$/,
      "a role session name of 2-64 letters, digits and +=,.@_-",
    );
    this.aliases.add(alias);
    return this.offline(
      new AwsProvider(this, `aws-${alias}`, {
        alias,
        region: options.region ?? this.region,
        allowedAccountIds: [accountId],
        assumeRole: [{ roleArn: `arn:${partition}:iam::${accountId}:role/${roleName}`, sessionName, externalId: options.externalId }],
        defaultTags: [{ tags: { ...this.tags } }],
      }),
    );
  }

  private offline(provider: AwsProvider): AwsProvider {
    if (this.offlinePlan) for (const [argument, value] of Object.entries(OFFLINE_PLAN_PROVIDER_SETTINGS)) provider.addOverride(argument, value);
    return provider;
  }
}

/**
 * Reads CDKTF_OFFLINE_PLAN. Only with the local backend: a remote state
 * means a pipeline that deploys, and a deployment must keep its account
 * check (allowed_account_ids), which an offline plan drops.
 */
function offlinePlanRequested(stack: PrivateNetworkingStack, env: NodeJS.ProcessEnv, backend: TerraformBackend): boolean {
  const value = env[OFFLINE_PLAN_ENV];
  if (value === undefined || value === "" || value === "false" || value === "0") return false;
  if (value !== "true" && value !== "1") throw new ValidationError(stack, OFFLINE_PLAN_ENV, value, "true or 1 (offline plans), false, 0 or unset");
  if (!(backend instanceof LocalBackend)) {
    throw new ValidationError(
      stack,
      OFFLINE_PLAN_ENV,
      value,
      "unset with a remote backend: offline plans drop the providers' account check, so they are for the local backend only",
    );
  }
  Annotations.of(stack).addWarning(
    `${OFFLINE_PLAN_ENV}: the AWS providers skip credential and account checks; plan only, never apply with this output`,
  );
  return true;
}

/**
 * The scope, once the name can name a stack and no stack of the app has it:
 * the stack name is its folder and state key, and the constructs library's
 * own errors name neither. cdktf refuses whitespace with a plain Error; a
 * slash (or `..`) would put the stack's folder and local state elsewhere.
 */
function uniqueStackName(scope: Construct, name: string): Construct {
  // Without an App the stack would be a root of its own, never synthesized; a string would fail inside constructs.
  if (!Construct.isConstruct(scope))
    throw new ValidationError("PrivateNetworkingStack", "scope", scope, "the App (or a construct of it) the stack belongs to");
  requireValue(scope, "stack name", name, "a stack name such as network");
  checkString(scope, "stack name", name);
  checkPattern(
    scope,
    "stack name",
    name,
    /^(?!\.\.?$)[^\s/\\]+$/,
    "a stack name without whitespace, slashes or backslashes, not . or .. (it names the folder cdktf.out/stacks/<name> and the state)",
  );
  if (scope.node.tryFindChild(name) !== undefined)
    throw new ValidationError(
      scope,
      "stack name",
      name,
      "a name no other stack of the app has (it names the stack's folder cdktf.out/stacks/<name> and its state)",
    );
  return scope;
}
