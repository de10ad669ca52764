import { TerraformStack } from "cdktf";
import { ValidationError } from "../../modules/core";
import { catchValidationError, synthJson } from "../helpers";
import { ILatticeService } from "../../modules/lattice";

export { stackWithProvider as testStack, synthJson } from "../helpers";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function resourcesOfType(stack: TerraformStack, type: string): Record<string, any> {
  return synthJson(stack).resource?.[type] ?? {};
}

/** Asserts that `build` throws a ValidationError naming the prop and the value. */
export function expectValidationError(build: () => unknown, prop: string, value: string): ValidationError {
  const error = catchValidationError(build);
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
