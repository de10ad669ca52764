import { TerraformStack } from "cdktf";
import { Vpc } from "../../modules/vpc";
import { AwsServiceName } from "../../modules/endpoints";
import { Json, resourcesOfType } from "../helpers";

/** Fixtures of the endpoints tests. */

export const ORG = "o-a1b2c3d4e5";

export function testVpc(stack: TerraformStack, azs: readonly string[] = ["us-east-1a", "us-east-1b"], id = "Vpc", cidrBlock = "10.0.0.0/16"): Vpc {
  return new Vpc(stack, id, { name: id.toLowerCase(), cidrBlock, availabilityZones: azs });
}

/** The [from, to] port ranges of every ingress rule in the synthesized stack. */
export function ingressPortRanges(json: Json): [number, number][] {
  return (Object.values(resourcesOfType(json, "aws_vpc_security_group_ingress_rule")) as Json[]).map((r) => [r.from_port, r.to_port]);
}

/** The services private subnets usually need, by short name: the names every partition and region knows. */
export const COMMON_SERVICE_NAMES: readonly AwsServiceName[] = [
  "s3",
  "dynamodb",
  "ecr.api",
  "ecr.dkr",
  "logs",
  "monitoring",
  "kms",
  "sts",
  "ssm",
  "ssmmessages",
  "ec2messages",
  "secretsmanager",
  "sqs",
  "sns",
  "execute-api",
  "lambda",
  "ec2",
];

/** An existing VPC imported with an app and a data tier, each with its own route table, and no private tier (a landing zone's layout). */
export function tieredVpc(stack: TerraformStack, id = "Existing") {
  return Vpc.fromVpcAttributes(stack, id, {
    vpcId: "vpc-0123456789abcdef0",
    cidrBlock: "10.50.0.0/16",
    subnetGroups: [
      {
        tier: "app",
        subnetIds: ["subnet-0bbbbbbbbbbbbbbb1", "subnet-0bbbbbbbbbbbbbbb2"],
        availabilityZones: ["us-east-1a", "us-east-1b"],
        routeTableIds: ["rtb-0bbbbbbbbbbbbbbb1"],
      },
      {
        tier: "data",
        subnetIds: ["subnet-0ccccccccccccccc1", "subnet-0ccccccccccccccc2"],
        availabilityZones: ["us-east-1a", "us-east-1b"],
        routeTableIds: ["rtb-0ccccccccccccccc1", "rtb-0ccccccccccccccc2"],
      },
    ],
  });
}

/** What every construct that defaults to a VPC's private subnets says of {@link tieredVpc}. */
export const NO_PRIVATE_TIER = 'subnets: this VPC has no private tier (its tiers: app, data): pass subnets: vpc.selectSubnets({ tier: "app" })';
