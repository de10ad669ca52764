import { Testing, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { ValidationError } from "../../modules/core";
import { PrivateVpc } from "../../modules/vpc";
import { ResourceGateway } from "../../modules/resources";

/** A stack with a default AWS provider, as the example stacks have. */
export function testStack(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), "test");
  new AwsProvider(stack, "aws", { region: "us-east-1" });
  return stack;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function synthJson(stack: TerraformStack): any {
  return JSON.parse(Testing.synth(stack));
}

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
  let caught: unknown;
  try {
    build();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ValidationError);
  const error = caught as ValidationError;
  expect(error.prop).toContain(prop);
  expect(error.message).toContain(prop);
  expect(error.message).toContain(value);
  return error;
}
