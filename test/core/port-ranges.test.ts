import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import { Construct } from "constructs";
import { checkPortRanges, parsePortRangeStrings, Port, portRangeStrings } from "../../modules/core";
import { expectValidationError, testApp } from "../helpers";

function scope(): Construct {
  return new TerraformStack(Testing.stubVersion(testApp()), "ports");
}

describe("lists of TCP port ranges", () => {
  test("a literal list of ascending ranges passes, and is written back as the provider's port strings", () => {
    const ranges = [Port.tcp(5432), Port.range(8000, 8100)];
    expect(checkPortRanges(scope(), "ports", ranges)).toBe(ranges);
    expect(checkPortRanges(scope(), "ports", undefined)).toBeUndefined();
    expect(portRangeStrings(ranges)).toEqual(["5432", "8000-8100"]);
    expect(parsePortRangeStrings(scope(), "portRanges", ["5432", "8000-8100"])).toEqual(ranges);
  });

  test("fails when a range has no end, an end outside 1-65535, or ends below where it starts", () => {
    expectValidationError(() => checkPortRanges(scope(), "ports", [{ from: 443 } as never]), "ports[0].to", "undefined");
    expectValidationError(() => checkPortRanges(scope(), "ports", [{ from: 0, to: 10 }]), "ports[0].from", "0");
    expectValidationError(() => checkPortRanges(scope(), "ports", [{ from: 100, to: 90 }]), "ports[0].to", "90");
    expectValidationError(() => checkPortRanges(scope(), "ports", [undefined as never]), "ports[0]", "undefined");
    // TCP only: a protocol key would be ignored and the UDP traffic left out without a word.
    expectValidationError(() => checkPortRanges(scope(), "ports", [{ from: 53, to: 53, protocol: "udp" } as never]), "ports[0].protocol", "udp");
  });

  test("fails when two ranges overlap or repeat each other", () => {
    const overlap = expectValidationError(() => checkPortRanges(scope(), "ports", [Port.range(8000, 8100), Port.tcp(8080)]), "ports[1]", "8080");
    expect(overlap.expected).toContain("merge them into one range");
    const twice = expectValidationError(() => parsePortRangeStrings(scope(), "portRanges", ["443", "443"]), "portRanges[1]", "443");
    expect(twice.expected).toContain("portRanges[0] is the same range");
  });

  test("fails when a port or the list is only known to Terraform: security-group rules are keyed by their ports", () => {
    const s = scope();
    const port = new TerraformVariable(s, "port", { type: "number" }).numberValue;
    expect(
      expectValidationError(() => checkPortRanges(s, "ports", [{ from: port, to: port }]), "ports[0].from", "<number known at apply>").expected,
    ).toContain("a literal port");
    const list = new TerraformVariable(s, "ports", { type: "list(string)" }).listValue;
    expectValidationError(() => parsePortRangeStrings(s, "portRanges", list), "portRanges", /TfToken|\$\{|\[/);
  });
});
