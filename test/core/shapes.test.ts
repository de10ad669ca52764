import { TerraformStack, TerraformVariable } from "cdktf";
import { checkBoolean, checkInstance, checkList, checkObject, checkString, OptOut } from "../../modules/core";
import { catchValidationError, testApp } from "../helpers";

const scope = new TerraformStack(testApp(), "shapes");

describe("shapes of props from JavaScript", () => {
  test("fails when a single value arrives where a list belongs, or a list holds null", () => {
    expect(catchValidationError(() => checkList(scope, "subnets", "subnet-1" as unknown as string[])).expected).toMatch(/a list/);
    expect(catchValidationError(() => checkList(scope, "subnets", ["a", null as unknown as string])).prop).toBe("subnets[1]");
    expect(checkList(scope, "subnets", new TerraformVariable(scope, "ids", { type: "list(string)" }).listValue)).toBeDefined();
  });

  test("fails when null or a list arrives where an object belongs", () => {
    expect(catchValidationError(() => checkObject(scope, "healthCheck", null as unknown as object)).prop).toBe("healthCheck");
    expect(catchValidationError(() => checkObject(scope, "healthCheck", [] as unknown as object)).expected).toMatch(/an object/);
  });

  test('fails when "true" or 1 arrives for a boolean, or a number for a string', () => {
    expect(catchValidationError(() => checkBoolean(scope, "privateDnsEnabled", "true" as unknown as boolean)).expected).toBe("true or false");
    expect(catchValidationError(() => checkBoolean(scope, "privateDnsEnabled", 1 as unknown as boolean)).received).toBe("1");
    expect(catchValidationError(() => checkString(scope, "name", 7 as unknown as string)).expected).toBe("a string");
  });

  test("fails when a plain object stands in for a factory-made value", () => {
    expect(
      catchValidationError(() =>
        checkInstance(scope, "allowAnyPrincipal", { reason: "x" } as unknown as OptOut, OptOut.isOptOut, "OptOut.because(...)"),
      ).expected,
    ).toBe("a value made with OptOut.because(...)");
    expect(
      checkInstance(scope, "allowAnyPrincipal", OptOut.because("public SaaS reviewed by acceptance"), OptOut.isOptOut, "OptOut.because(...)"),
    ).toBeInstanceOf(OptOut);
  });
});
