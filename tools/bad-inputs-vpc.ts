import { TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { SecurityGroup, Vpc, VpcProps } from "../modules/vpc";
import type { BadInput } from "./bad-input-catalog";

/**
 * More bad inputs of VPCs, subnets and security groups: wrong values found by
 * reviewing the published API as users would (stop 24). Part of the
 * bad-input catalog.
 */

const vpc = (stack: TerraformStack, props: Partial<VpcProps> = {}) =>
  new Vpc(stack, "Vpc", { name: "owner", cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"], ...props });

/** Providers pinned to two accounts, the owner's and a partner's. */
export function accountProviders(stack: TerraformStack): { readonly owner: AwsProvider; readonly partner: AwsProvider } {
  return {
    owner: new AwsProvider(stack, "owner", { region: "us-east-1", alias: "owner", allowedAccountIds: ["111111111111"] }),
    partner: new AwsProvider(stack, "partner", { region: "us-east-1", alias: "partner", allowedAccountIds: ["222222222222"] }),
  };
}

export const VPC_BAD_INPUTS: readonly BadInput[] = [
  {
    module: "vpc",
    api: "Vpc",
    cause: "A VPC block larger than /16 or smaller than /28",
    fix: "Give the VPC a block of /16 to /28 (add more blocks, or more VPCs, for more addresses).",
    path: "Vpc",
    prop: "cidrBlock",
    received: '"10.0.0.0/8"',
    build: (s) => vpc(s, { cidrBlock: "10.0.0.0/8" }),
  },
  {
    module: "vpc",
    api: "Vpc",
    cause: "A small VPC block with the default subnetNewBits, which makes subnets smaller than /28",
    fix: "Lower subnetNewBits so that the subnets are /28 or larger (4 at most for a /24 VPC).",
    path: "Vpc",
    prop: "subnetNewBits",
    received: "8",
    build: (s) => vpc(s, { cidrBlock: "10.0.0.0/24" }),
  },
  {
    module: "vpc",
    api: "Vpc",
    cause: "More availability zones than subnetNewBits has subnets for",
    fix: "Raise subnetNewBits: one subnet per AZ, and n bits make 2^n subnets.",
    path: "Vpc",
    prop: "subnetNewBits",
    received: "1",
    build: (s) => vpc(s, { availabilityZones: ["us-east-1a", "us-east-1b", "us-east-1c"], subnetNewBits: 1 }),
  },
  {
    module: "vpc",
    api: "SecurityGroup",
    cause: "A security group whose provider deploys to another account than its VPC's",
    fix: "Leave the provider out (the group takes its VPC's), or give the provider of the VPC's account.",
    path: "Group",
    prop: "provider",
    received: '"partner (account 222222222222)"',
    build: (s) => {
      const { owner, partner } = accountProviders(s);
      new SecurityGroup(s, "Group", { vpc: vpc(s, { provider: owner }), description: "db", provider: partner });
    },
  },
];
