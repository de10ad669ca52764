import { Construct } from "constructs";
import { availabilityZoneIdPrefix, checkAvailabilityZones, isAvailabilityZoneId, isAvailabilityZoneIdOf } from "../../modules/vpc";
import { expectValidationError, stackWithProvider } from "../helpers";

describe("AZ IDs and their regions", () => {
  test.each([
    ["us-east-1", "use1"],
    ["ap-northeast-1", "apne1"],
    ["eu-central-2", "euc2"],
    ["us-gov-west-1", "usgw1"],
  ])("%s's AZ IDs start with %s", (region, prefix) => {
    expect(availabilityZoneIdPrefix(region)).toBe(prefix);
  });

  test("a region whose name does not follow the pattern has no known prefix", () => {
    expect(availabilityZoneIdPrefix("moon-1")).toBeUndefined();
    expect(availabilityZoneIdPrefix("local")).toBeUndefined();
  });

  test("an AZ ID is told from an AZ name", () => {
    expect(isAvailabilityZoneId("use1-az1")).toBe(true);
    expect(isAvailabilityZoneId("us-east-1a")).toBe(false);
  });

  test("an AZ ID belongs to the region its prefix names, and to any region whose prefix is unknown", () => {
    expect(isAvailabilityZoneIdOf("use1-az6", "us-east-1")).toBe(true);
    expect(isAvailabilityZoneIdOf("use1-az12", "us-east-1")).toBe(true);
    expect(isAvailabilityZoneIdOf("euw1-az1", "us-east-1")).toBe(false);
    expect(isAvailabilityZoneIdOf("use2-az1", "us-east-1")).toBe(false);
    expect(isAvailabilityZoneIdOf("use1-az1", "moon-1")).toBe(true);
  });
});

describe("checkAvailabilityZones", () => {
  const scope = () => new Construct(stackWithProvider(), "Subnets");

  test("returns whether the zones are AZ IDs", () => {
    expect(checkAvailabilityZones(scope(), "availabilityZones", ["use1-az1", "use1-az2"], "us-east-1")).toBe(true);
    expect(checkAvailabilityZones(scope(), "availabilityZones", ["us-east-1a", "us-east-1b"], "us-east-1")).toBe(false);
  });

  test("fails when names and IDs are mixed", () => {
    expectValidationError(
      () => checkAvailabilityZones(scope(), "availabilityZones", ["use1-az1", "us-east-1b"], "us-east-1"),
      "availabilityZones[1]",
      '"us-east-1b"',
    );
  });

  test("fails when an AZ name or ID is of another region than the provider's", () => {
    const byName = expectValidationError(
      () => checkAvailabilityZones(scope(), "availabilityZones", ["us-east-1a", "eu-west-1b"], "us-east-1"),
      "availabilityZones[1]",
      '"eu-west-1b"',
    );
    expect(byName.expected).toContain("us-east-1a ...");
    const byId = expectValidationError(
      () => checkAvailabilityZones(scope(), "availabilityZones", ["euw1-az1"], "us-east-1"),
      "availabilityZones[0]",
      '"euw1-az1"',
    );
    expect(byId.expected).toContain("use1-az1 ...");
  });

  test("does not judge the region when the provider's is not a literal", () => {
    expect(checkAvailabilityZones(scope(), "availabilityZones", ["euw1-az1"], undefined)).toBe(true);
  });
});
