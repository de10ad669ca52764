import { OptOut } from "../../modules/core";
import { AwsService, CentralizedEndpoints, EndpointPolicy, InterfaceEndpoint } from "../../modules/endpoints";
import { Vpc } from "../../modules/vpc";
import { expectValidationError, Json, resourcesOfType, stackWithProvider, synthJson } from "../helpers";
import { ORG } from "./helpers";

/**
 * Endpoints and their patterns in VPCs with a secondary IPv4 block (an
 * EKS cluster's pods in 100.64.0.0/16): the block is the VPC's, for the
 * hub's default clients, overlap checks and endpoint addresses.
 */

const AZS = ["us-east-1a", "us-east-1b"];

function hubAndSpoke(spokeSecondary: readonly string[]) {
  const stack = stackWithProvider();
  const hub = new Vpc(stack, "Hub", { name: "hub", cidrBlock: "10.0.0.0/16", availabilityZones: AZS, secondaryCidrBlocks: ["100.64.0.0/16"] });
  const orders = new Vpc(stack, "Orders", { name: "orders", cidrBlock: "10.1.0.0/16", availabilityZones: AZS, secondaryCidrBlocks: spokeSecondary });
  new CentralizedEndpoints(stack, "Central", {
    vpc: hub,
    spokes: [{ name: "orders", vpc: orders }],
    services: [{ service: AwsService.LOGS, policy: EndpointPolicy.organizationOnly(ORG) }],
  });
  return stack;
}

describe("CentralizedEndpoints with secondary blocks", () => {
  it("the hub's endpoints admit every IPv4 block of the hub and of each spoke by default", () => {
    const ingress = Object.values(resourcesOfType(synthJson(hubAndSpoke(["100.65.0.0/16"])), "aws_vpc_security_group_ingress_rule")) as Json[];
    expect(ingress.map((r) => r.cidr_ipv4).sort()).toEqual(["10.0.0.0/16", "10.1.0.0/16", "100.64.0.0/16", "100.65.0.0/16"]);
  });

  it("fails when a spoke's secondary block overlaps the hub's", () => {
    const error = expectValidationError(() => hubAndSpoke(["100.64.0.0/16"]), "spokes[0].vpc", "100.64.0.0/16");
    expect(error.constructPath).toBe("test/Central");
    expect(error.expected).toContain("a VPC whose CIDR does not overlap the hub's (vpc) 100.64.0.0/16");
  });
});

describe("InterfaceEndpoint subnetAddresses in a secondary block", () => {
  function endpoint(ipv4: string) {
    const stack = stackWithProvider();
    const vpc = Vpc.fromVpcAttributes(stack, "Vpc", {
      vpcId: "vpc-0123456789abcdef0",
      cidrBlock: "10.0.0.0/16",
      secondaryCidrBlocks: ["100.64.0.0/16"],
      privateSubnets: [
        { subnetId: "subnet-0aaa1111bbbb22220", cidrBlock: "100.64.0.0/24", availabilityZone: "us-east-1a" },
        { subnetId: "subnet-0aaa1111bbbb22221", cidrBlock: "100.64.1.0/24", availabilityZone: "us-east-1b" },
      ],
    });
    new InterfaceEndpoint(stack, "Logs", {
      vpc,
      service: AwsService.LOGS,
      policy: EndpointPolicy.allowAll(OptOut.because("the log groups are this account's own")),
      subnetAddresses: [{ subnet: vpc.privateSubnets[0], ipv4 }],
    });
    return stack;
  }

  it("takes an address of a subnet in the secondary block", () => {
    const [resource] = Object.values(resourcesOfType(synthJson(endpoint("100.64.0.20")), "aws_vpc_endpoint")) as Json[];
    expect(resource.subnet_configuration).toEqual([expect.objectContaining({ ipv4: "100.64.0.20" })]);
  });

  it("fails when the address is in none of the VPC's blocks, naming them all", () => {
    const error = expectValidationError(() => endpoint("100.66.0.20"), "subnetAddresses[0].ipv4", "100.66.0.20");
    expect(error.expected).toContain("an address inside the VPC's 10.0.0.0/16 or 100.64.0.0/16");
  });
});
