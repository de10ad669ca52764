import { BAD_INPUTS } from "../../tools/bad-input-catalog";
import { catchValidationError, stackWithProvider } from "../helpers";

describe("bad-input catalog", () => {
  it("has at least 60 distinct bad inputs across every module", () => {
    const keys = BAD_INPUTS.map((b) => `${b.api}|${b.prop}|${b.received}|${b.cause}`);
    expect(new Set(keys).size).toBe(BAD_INPUTS.length);
    expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(60);
    // At least these: the flows and diagram APIs have bad inputs of their own too.
    expect([...new Set(BAD_INPUTS.map((b) => b.module))]).toEqual(
      expect.arrayContaining(["app", "core", "vpc", "ram", "endpoints", "privatelink", "lattice", "resources", "guardrails"]),
    );
  });

  it.each(BAD_INPUTS.map((b) => [`${b.module} ${b.api}: ${b.cause}`, b] as const))("%s", (_, bad) => {
    const stack = stackWithProvider();
    const { constructPath, prop, received, expected, message } = catchValidationError(() => bad.build(stack));
    const path = bad.scope === "app" ? bad.path : `${stack.node.id}/${bad.path}`;
    expect({ constructPath, prop, received }).toEqual({ constructPath: path, prop: bad.prop, received: bad.received });
    expect(expected.length).toBeGreaterThan(5);
    for (const part of [constructPath, prop, received, expected]) expect(message).toContain(part);
  });
});
