import { ValidationError } from "../../modules/core";
import { BAD_INPUTS, badInputStack, STACK_NAME } from "./bad-input-catalog";

/** What a bad input ends in: the error itself, so that a raw TypeError fails the case with its own message. */
function errorOf(build: () => void): unknown {
  try {
    build();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe("bad-input catalog", () => {
  it("has at least 60 distinct bad inputs across every module", () => {
    const keys = BAD_INPUTS.map((b) => `${b.api}|${b.prop}|${b.received}|${b.cause}`);
    expect(new Set(keys).size).toBe(BAD_INPUTS.length);
    expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(BAD_INPUTS.map((b) => b.module))).toEqual(new Set(["core", "vpc", "ram", "endpoints", "privatelink", "lattice", "resources", "guardrails"]));
  });

  it.each(BAD_INPUTS.map((b) => [`${b.module} ${b.api}: ${b.cause}`, b] as const))("%s", (_, bad) => {
    const error = errorOf(() => bad.build(badInputStack()));
    expect(error).toBeInstanceOf(ValidationError);
    const { constructPath, prop, received, expected, message } = error as ValidationError;
    expect({ constructPath, prop, received }).toEqual({ constructPath: `${STACK_NAME}/${bad.path}`, prop: bad.prop, received: bad.received });
    expect(expected.length).toBeGreaterThan(5);
    for (const part of [constructPath, prop, received, expected]) expect(message).toContain(part);
  });
});
