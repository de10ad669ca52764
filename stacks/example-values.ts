import { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { Vpc } from "../modules/vpc";

/**
 * What every example stack shares: the region and AZs (literal, so that
 * the stacks plan offline), the fake but well-formed accounts and
 * organization, and the private VPC each stack starts from. Values that
 * belong to one area (certificates, zones) stay in that area's folder.
 */

/** Region of every example stack. */
export const EXAMPLE_REGION = "us-east-1";
/** The availability zones of every example VPC. */
export const EXAMPLE_AZS = ["us-east-1a", "us-east-1b"] as const;
/**
 * The same number of zones by AZ ID, for VPCs whose endpoints or load
 * balancers meet another account's: an AZ name maps to a different zone in
 * each account, an AZ ID to the same one.
 */
export const EXAMPLE_AZ_IDS = ["use1-az1", "use1-az2"] as const;

/** The organization of the example accounts, which endpoint and auth policies admit. */
export const EXAMPLE_ORGANIZATION_ID = "o-a1b2c3d4e5";
/** The account that owns the example workloads, services and shared resources, and deploys every stack. */
export const OWNER_ACCOUNT = "111111111111";
/** The second account of the examples; each stack names it by its role (consumer, partner, member, department). */
/** The role the examples' deployment pipeline applies them with: resource policies keep it the management actions from outside the VPC. */
export const PIPELINE_ROLE = `arn:aws:iam::${OWNER_ACCOUNT}:role/terraform-deployment`;

export const SECOND_ACCOUNT = "222222222222";
/** The third account of the examples, named by its role in each stack as well. */
export const THIRD_ACCOUNT = "333333333333";

/** Options of {@link exampleVpc}. */
export interface ExampleVpcOptions {
  /** @default - the stack's default provider */
  readonly provider?: TerraformProvider;
  /** @default false */
  readonly dualStack?: boolean;
  /** By AZ name, or by AZ ID (EXAMPLE_AZ_IDS) for cross-account placements. @default EXAMPLE_AZS */
  readonly availabilityZones?: readonly string[];
}

/** A private VPC with one subnet per example AZ and no internet route; `id` keys its Terraform addresses. */
export function exampleVpc(scope: Construct, id: string, name: string, cidrBlock: string, options: ExampleVpcOptions = {}): Vpc {
  return new Vpc(scope, id, {
    name,
    cidrBlock,
    availabilityZones: options.availabilityZones ?? EXAMPLE_AZS,
    provider: options.provider,
    dualStack: options.dualStack,
  });
}
