import { TerraformStack } from "cdktf";
import { Vpc } from "../../modules/vpc";
import { ResourceGateway } from "../../modules/resources";
import { stackWithProvider } from "../helpers";

/** Fixtures of the resources tests. */

export function ownerVpc(stack: TerraformStack, props: { dualStack?: boolean } = {}): Vpc {
  return new Vpc(stack, "Vpc", { name: "owner", cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"], ...props });
}

/** A stack with a VPC and a resource gateway in it. */
export function gatewayStack(): { stack: TerraformStack; vpc: Vpc; gateway: ResourceGateway } {
  const stack = stackWithProvider();
  const vpc = ownerVpc(stack);
  const gateway = new ResourceGateway(stack, "Gateway", { name: "owner-gateway", vpc });
  return { stack, vpc, gateway };
}
