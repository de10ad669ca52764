import { Testing, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { ValidationError } from "../../modules/core";
import { ILatticeService } from "../../modules/lattice";

/** A stack with a default AWS provider, as the example stacks have. */
export function testStack(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), "test");
  new AwsProvider(stack, "aws", { region: "us-east-1" });
  return stack;
}

/** The synthesized Terraform JSON of a stack. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function synthJson(stack: TerraformStack): any {
  return JSON.parse(Testing.synth(stack));
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function resourcesOfType(stack: TerraformStack, type: string): Record<string, any> {
  return synthJson(stack).resource?.[type] ?? {};
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

export const SERVICE_ARN = "arn:aws:vpc-lattice:us-east-1:111111111111:service/svc-0123456789abcdef0";

/** A service made elsewhere, for tests that only need its identifiers. */
export function fakeService(arn = SERVICE_ARN): ILatticeService {
  return { serviceArn: arn, serviceId: arn.split("/").pop()! };
}
