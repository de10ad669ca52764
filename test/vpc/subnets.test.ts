import { Construct } from "constructs";
import { availabilityZoneIdPrefix, checkAvailabilityZones, isAvailabilityZoneId, isAvailabilityZoneIdOf, Vpc } from "../../modules/vpc";
import { expectValidationError, resourcesOfType, stackWithProvider } from "../helpers";

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

describe("subnets' IPv4 blocks (ISubnet.cidrBlock)", () => {
  test("a Vpc's subnets carry the blocks cidrsubnet gives Terraform, which keeps the expression", () => {
    const stack = stackWithProvider();
    const vpc = new Vpc(stack, "Vpc", { name: "app", cidrBlock: "10.20.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"], subnetNewBits: 4 });
    expect(vpc.privateSubnets.map((s) => s.cidrBlock)).toEqual(["10.20.0.0/20", "10.20.16.0/20"]);
    const subnets = Object.values(resourcesOfType(stack, "aws_subnet")) as { cidr_block: string }[];
    expect(subnets.map((s) => s.cidr_block)).toEqual(['${cidrsubnet("10.20.0.0/16", 4, 0)}', '${cidrsubnet("10.20.0.0/16", 4, 1)}']);
  });

  const imported = (cidrBlock: string) => () =>
    Vpc.fromVpcAttributes(stackWithProvider(), "Legacy", {
      vpcId: "vpc-0aaa0000000000001",
      cidrBlock: "10.0.0.0/16",
      privateSubnets: [{ subnetId: "subnet-0aaa1111bbbb22220", availabilityZone: "us-east-1a", cidrBlock }],
    });

  test("an imported subnet's block is kept", () => {
    expect(imported("10.0.4.0/24")().privateSubnets[0].cidrBlock).toBe("10.0.4.0/24");
  });

  test("fails when an imported subnet's block is no IPv4 CIDR, or outside the VPC's", () => {
    expectValidationError(imported("10.0.4.0"), "privateSubnets[0].cidrBlock", '"10.0.4.0"');
    expect(expectValidationError(imported("10.1.4.0/24"), "privateSubnets[0].cidrBlock", '"10.1.4.0/24"').expected).toContain("10.0.0.0/16");
  });
});
