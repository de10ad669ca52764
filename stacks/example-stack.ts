import { App, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { PrivateNetworkingStack } from "../modules/app";
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
 * Base of every example stack: a {@link PrivateNetworkingStack} (backend by
 * configuration, providers pinned to their accounts) in the example region
 * and account, whose resources say which library manages them.
 */
export class ExampleStack extends PrivateNetworkingStack {
  constructor(scope: Construct, name: string, props: ExampleStackProps = {}) {
    super(scope, name, {
      region: props.region ?? EXAMPLE_REGION,
      accountId: props.accountId ?? OWNER_ACCOUNT,
      defaultTags: { "managed-by": "cdktf-aws-private-networking" },
    });
  }
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
