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
