import { App, TerraformStack, Testing } from "cdktf";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { ValidationError } from "../modules/core";

/**
 * The one set of test helpers: stacks, synthesized JSON and the assertion
 * that an input fails with our ValidationError. Fixtures of one area (a VPC
 * of the right shape, a load balancer) stay in that area's helpers.ts.
 */

/** Synthesized Terraform JSON, loosely typed for assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = Record<string, any>;

/**
 * The output folder of the tests' apps (testApp and the stacks below): one per test worker, where
 * Testing.app() makes one per app (thousands per run, removed at its end).
 * Their stacks are synthesized in memory (Testing.synth) and write nothing
 * there; a test that writes an app's output makes its own Testing.app().
 */
let helperOutdir: string | undefined;

/** Testing.app() with this worker's one output folder: for apps whose stacks are synthesized in memory only. */
export function testApp(): App {
  helperOutdir ??= mkdtempSync(join(tmpdir(), "cdktf.outdir."));
  return Testing.app({ outdir: helperOutdir });
}

/** A stack whose default AWS provider has a literal region, as the example stacks have. */
export function stackWithProvider(region = "us-east-1"): TerraformStack {
  const stack = new TerraformStack(testApp(), "test");
  new AwsProvider(stack, "aws", { region });
  return stack;
}

/** A stack without any provider, for constructs that must not need a region. */
export function stackWithoutProvider(): TerraformStack {
  return new TerraformStack(testApp(), "test");
}

export function synthJson(stack: TerraformStack): Json {
  return JSON.parse(Testing.synth(stack)) as Json;
}

/** The resources of one type, by Terraform address name, of a stack or of its synthesized JSON. */
export function resourcesOfType(stackOrJson: TerraformStack | Json, type: string): Json {
  const json = stackOrJson instanceof TerraformStack ? synthJson(stackOrJson) : stackOrJson;
  return (json.resource?.[type] ?? {}) as Json;
}

/** The only resource of a type. */
export function onlyResource(stackOrJson: TerraformStack | Json, type: string): Json {
  const all = Object.values(resourcesOfType(stackOrJson, type));
  expect(all).toHaveLength(1);
  return all[0] as Json;
}

/** Runs `build`, asserts it threw our ValidationError (never a raw Error or TypeError) and returns it. */
export function catchValidationError(build: () => unknown): ValidationError {
  let caught: unknown;
  try {
    build();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ValidationError);
  return caught as ValidationError;
}

/**
 * Asserts that `build` fails with a ValidationError for exactly `prop`, whose
 * message shows the value received: `received` is part of it, or a pattern it matches.
 */
export function expectValidationError(build: () => unknown, prop: string, received: string | RegExp): ValidationError {
  const error = catchValidationError(build);
  expect(error.prop).toBe(prop);
  expect(error.message).toContain(`invalid ${prop}: received ${error.received}`);
  if (typeof received === "string") expect(error.received).toContain(received);
  else expect(error.received).toMatch(received);
  return error;
}
