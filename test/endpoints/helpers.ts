import { TerraformStack, Testing } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { ValidationError } from "../../modules/core";
import { PrivateVpc } from "../../modules/vpc";

export const ORG = "o-a1b2c3d4e5";

/** A stack whose default AWS provider has a literal region, as endpoints need for AWS service names. */
export function testStack(region = "us-east-1"): TerraformStack {
  const stack = new TerraformStack(Testing.app(), "test");
  new AwsProvider(stack, "aws", { region });
  return stack;
}

export function testVpc(stack: TerraformStack, azs: readonly string[] = ["us-east-1a", "us-east-1b"], id = "Vpc"): PrivateVpc {
  return new PrivateVpc(stack, id, { name: id.toLowerCase(), cidrBlock: "10.0.0.0/16", availabilityZones: azs });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = Record<string, any>;

export function synthJson(stack: TerraformStack): Json {
  return JSON.parse(Testing.synth(stack)) as Json;
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
  let caught: unknown;
  try {
    build();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ValidationError);
  const error = caught as ValidationError;
  expect(error.prop).toBe(prop);
  expect(error.message).toContain(`invalid ${prop}`);
  if (typeof received === "string") expect(error.received).toContain(received);
  else expect(error.received).toMatch(received);
  expect(error.message).toContain(error.received);
  return error;
}
