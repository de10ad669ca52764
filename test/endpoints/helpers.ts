import { TerraformStack } from "cdktf";
import { Vpc } from "../../modules/vpc";

/** Fixtures of the endpoints tests. */

export const ORG = "o-a1b2c3d4e5";

export function testVpc(stack: TerraformStack, azs: readonly string[] = ["us-east-1a", "us-east-1b"], id = "Vpc"): Vpc {
  return new Vpc(stack, id, { name: id.toLowerCase(), cidrBlock: "10.0.0.0/16", availabilityZones: azs });
}
