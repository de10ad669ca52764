import { TerraformStack } from "cdktf";
import { ValidationError } from "../../modules/core";
import { catchValidationError, Json } from "../helpers";
import { PrivateVpc } from "../../modules/vpc";

export const ORG = "o-a1b2c3d4e5";

export { Json, stackWithProvider as testStack, synthJson } from "../helpers";

export function testVpc(stack: TerraformStack, azs: readonly string[] = ["us-east-1a", "us-east-1b"], id = "Vpc"): PrivateVpc {
  return new PrivateVpc(stack, id, { name: id.toLowerCase(), cidrBlock: "10.0.0.0/16", availabilityZones: azs });
}

export function resourcesOfType(json: Json, type: string): Json {
  return (json.resource?.[type] ?? {}) as Json;
}

/** The only resource of a type in the synthesized stack. */
export function onlyResource(json: Json, type: string): Json {
  const all = Object.values(resourcesOfType(json, type));
  expect(all).toHaveLength(1);
  return all[0] as Json;
}

/** Asserts a ValidationError that names the prop and the received value. */
export function expectValidationError(build: () => unknown, prop: string, received: string | RegExp): ValidationError {
  const error = catchValidationError(build);
  expect(error.prop).toBe(prop);
  expect(error.message).toContain(`invalid ${prop}`);
  if (typeof received === "string") expect(error.received).toContain(received);
  else expect(error.received).toMatch(received);
  expect(error.message).toContain(error.received);
  return error;
}
