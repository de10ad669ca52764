import { App, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { addStackBackend } from "./backend";
import { EXAMPLE_REGION, OWNER_ACCOUNT } from "./example-values";
import { UseCaseId } from "./use-cases";

/** A stack of the example app and the use cases it demonstrates. */
export interface ExampleStackDefinition {
  /** Stack name: the folder under cdktf.out/stacks and the argument of `cdktf deploy`. */
  readonly name: string;
  readonly useCases: readonly UseCaseId[];
  readonly create: (app: App) => TerraformStack;
}

export interface ExampleStackProps {
  /** @default EXAMPLE_REGION */
  readonly region?: string;
  /** The account the default provider deploys to (`allowed_account_ids`: applying with another account's credentials fails). @default OWNER_ACCOUNT */
  readonly accountId?: string;
}

/**
 * Base of every example stack: the configured backend (local with a relative
 * state path by default, see backend.ts), and the default AWS provider with
 * tags naming the stack.
 */
export class ExampleStack extends TerraformStack {
  public readonly region: string;
  public readonly provider: AwsProvider;

  constructor(scope: Construct, name: string, props: ExampleStackProps = {}) {
    super(scope, name);
    this.region = props.region ?? EXAMPLE_REGION;
    // Local (relative state path), S3 or Terraform Cloud, from CDKTF_BACKEND* variables or cdktf.json context: see backend.ts.
    addStackBackend(this, { stackName: name, region: this.region });
    this.provider = new AwsProvider(this, "aws", {
      region: this.region,
      allowedAccountIds: [props.accountId ?? OWNER_ACCOUNT],
      defaultTags: defaultTags(name),
    });
  }

  /**
   * A provider for another account, assuming a role there: the usual way one
   * Terraform configuration manages both sides of a cross-account pattern.
   */
  public accountProvider(alias: string, accountId: string, options: AccountProviderOptions = {}): AwsProvider {
    const roleName = options.roleName ?? "NetworkingDeployment";
    return new AwsProvider(this, `aws-${alias}`, {
      alias,
      region: options.region ?? this.region,
      allowedAccountIds: [accountId],
      assumeRole: [{ roleArn: `arn:aws:iam::${accountId}:role/${roleName}`, sessionName: `cdktf-${alias}` }],
      defaultTags: defaultTags(this.node.id),
    });
  }
}

/** Tags every resource of an example stack carries, in every account: which stack manages it. */
function defaultTags(stackName: string): { tags: Record<string, string> }[] {
  return [{ tags: { "cdktf-stack": stackName, "managed-by": "cdktf-aws-private-networking" } }];
}

export interface AccountProviderOptions {
  /** Role the deployment assumes in the account. @default "NetworkingDeployment" */
  readonly roleName?: string;
  /** Region of the provider, for cross-region consumers. @default - the stack's region */
  readonly region?: string;
}

/** Declares a stack of the example app. */
export function exampleStack(
  name: string,
  useCases: readonly UseCaseId[],
  build: (stack: ExampleStack) => void,
  props: ExampleStackProps = {},
): ExampleStackDefinition {
  return {
    name,
    useCases,
    create: (app) => {
      const stack = new ExampleStack(app, name, props);
      build(stack);
      return stack;
    },
  };
}
