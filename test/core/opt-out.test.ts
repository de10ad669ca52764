import { TerraformStack } from "cdktf";
import { OptOut, optOutReason } from "../../modules/core";
import { catchValidationError, testApp } from "../helpers";

const scope = new TerraformStack(testApp(), "opt-outs");

describe("OptOut", () => {
  test("carries its reason, trimmed", () => {
    expect(optOutReason(scope, "allowUnauthenticatedAccess", OptOut.because("  internal health checks only, no data served  "))).toBe(
      "internal health checks only, no data served",
    );
    expect(optOutReason(scope, "allowUnauthenticatedAccess", undefined)).toBeUndefined();
    expect(optOutReason(scope, "allowUnauthenticatedAccess", false)).toBeUndefined();
  });

  test("the boolean of earlier releases still works, flagged as deprecated", () => {
    expect(optOutReason(scope, "allowUnauthenticatedAccess", true)).toMatch(/deprecated: no reason given\); pass OptOut.because/);
  });

  test("fails when the reason is too short to say why", () => {
    const error = catchValidationError(() => optOutReason(scope, "allowAnyPrincipal", OptOut.because("ok")));
    expect(error.prop).toBe("allowAnyPrincipal");
    expect(error.expected).toMatch(/at least 20 characters/);
  });

  test("fails when JavaScript passes something else that looks truthy", () => {
    expect(catchValidationError(() => optOutReason(scope, "allowAnyPrincipal", "yes" as unknown as OptOut)).expected).toMatch(/OptOut.because/);
  });
});
