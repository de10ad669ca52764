import { TerraformStack } from "cdktf";
import { ValidationError } from "../../modules/core";
import { catchValidationError, stackWithProvider as testStack, synthJson } from "../helpers";
import { PrivateVpc } from "../../modules/vpc";
import { ResourceGateway } from "../../modules/resources";

export { stackWithProvider as testStack, synthJson } from "../helpers";

/** The resources of one type, by Terraform address name. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function resourcesOfType(stack: TerraformStack, type: string): Record<string, any> {
  return synthJson(stack).resource?.[type] ?? {};
}

export function ownerVpc(stack: TerraformStack, props: { dualStack?: boolean } = {}): PrivateVpc {
  return new PrivateVpc(stack, "Vpc", { name: "owner", cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"], ...props });
}

/** A stack with a VPC and a resource gateway in it. */
export function gatewayStack(): { stack: TerraformStack; vpc: PrivateVpc; gateway: ResourceGateway } {
  const stack = testStack();
  const vpc = ownerVpc(stack);
  const gateway = new ResourceGateway(stack, "Gateway", { name: "owner-gateway", vpc });
  return { stack, vpc, gateway };
}

/** Asserts that `build` throws a ValidationError naming the prop and the value. */
export function expectValidationError(build: () => unknown, prop: string, value: string): ValidationError {
  const error = catchValidationError(build);
  expect(error.prop).toContain(prop);
  expect(error.message).toContain(prop);
  expect(error.message).toContain(value);
  return error;
}
