import { TerraformStack, TerraformVariable } from "cdktf";
import { RouteTableAssociation } from "@cdktf/provider-aws/lib/route-table-association";
import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import { VpcIpv4CidrBlockAssociation } from "@cdktf/provider-aws/lib/vpc-ipv4-cidr-block-association";
import { PrivateNetworkingStack } from "../../modules/app";
import { OptOut } from "../../modules/core";
import { AwsService, EndpointPolicy, InterfaceEndpoint } from "../../modules/endpoints";
import { analyzeFlow, expectFlow, Flows, NetworkModel, networkModelOf, verifyDeclaredFlows } from "../../modules/flows";
import { AuthPolicy, ServiceNetwork, ServiceNetworkVpcAssociation } from "../../modules/lattice";
import { inVpcIpv4Blocks, ISubnet, IVpc, Peer, Vpc, VpcAttributes, vpcClientPeers, vpcIpv4CidrBlocks } from "../../modules/vpc";
import { catchValidationError, expectValidationError, resourcesOfType, stackWithProvider, synthJson, testApp } from "../helpers";

/**
 * Secondary IPv4 blocks of a VPC (an EKS cluster's pods in 100.64.0.0/16
 * with custom networking): its clients there are the VPC's clients, admitted
 * by the defaults that admit "the VPC", and the flow analysis knows them.
 */

const VPC_ID = "vpc-0abc1234def567890";

const imported = (scope: TerraformStack, attrs: Partial<VpcAttributes> = {}): IVpc =>
  Vpc.fromVpcAttributes(scope, "Existing", { vpcId: VPC_ID, cidrBlock: "10.50.0.0/16", ...attrs });

const created = (scope: TerraformStack, secondaryCidrBlocks?: readonly string[], cidrBlock = "10.0.0.0/16"): Vpc =>
  new Vpc(scope, "Vpc", { name: "app", cidrBlock, availabilityZones: ["eu-west-1a", "eu-west-1b"], secondaryCidrBlocks });

const stack = () => new TerraformStack(testApp(), "test");

describe("VpcAttributes.secondaryCidrBlocks", () => {
  it("is exposed on the import, none by default", () => {
    const s = stack();
    expect(imported(s).secondaryCidrBlocks).toEqual([]);
    const vpc = Vpc.fromVpcAttributes(s, "Pods", {
      vpcId: VPC_ID,
      cidrBlock: "10.50.0.0/16",
      secondaryCidrBlocks: ["100.64.0.0/16", "10.51.0.0/16"],
    });
    expect(vpc.secondaryCidrBlocks).toEqual(["100.64.0.0/16", "10.51.0.0/16"]);
    expect(vpcIpv4CidrBlocks(vpc)).toEqual(["10.50.0.0/16", "100.64.0.0/16", "10.51.0.0/16"]);
  });

  it("takes subnets described in a secondary block", () => {
    const vpc = imported(stack(), {
      secondaryCidrBlocks: ["100.64.0.0/16"],
      privateSubnets: [{ subnetId: "subnet-0aaa1111bbbb22220", cidrBlock: "100.64.0.0/19", availabilityZone: "eu-west-1a" }],
    });
    expect(vpc.privateSubnets[0].cidrBlock).toBe("100.64.0.0/19");
  });

  it("fails when a subnet lies in none of the VPC's blocks", () => {
    expectValidationError(
      () =>
        imported(stack(), {
          secondaryCidrBlocks: ["100.64.0.0/16"],
          privateSubnets: [{ subnetId: "subnet-0aaa1111bbbb22220", cidrBlock: "100.65.0.0/19" }],
        }),
      "privateSubnets[0].cidrBlock",
      "100.65.0.0/19",
    );
  });

  it("fails when a subnet of the secondary block is described without the block", () => {
    const error = expectValidationError(
      () => imported(stack(), { privateSubnets: [{ subnetId: "subnet-0aaa1111bbbb22220", cidrBlock: "100.64.0.0/19" }] }),
      "privateSubnets[0].cidrBlock",
      "100.64.0.0/19",
    );
    expect(error.message).toContain("inside the VPC's 10.50.0.0/16");
  });
});

describe("secondaryCidrBlocks validation (both VpcProps and VpcAttributes)", () => {
  const cases: [string, readonly unknown[], string, string | RegExp][] = [
    ["a block is not a CIDR", ["100.64.0.0"], "secondaryCidrBlocks[0]", "100.64.0.0"],
    ["a block is IPv6", ["2600:1f18::/56"], "secondaryCidrBlocks[0]", "2600:1f18::/56"],
    ["a block is larger than /16", ["100.64.0.0/10"], "secondaryCidrBlocks[0]", "100.64.0.0/10"],
    ["a block is smaller than /28", ["100.64.0.0/29"], "secondaryCidrBlocks[0]", "100.64.0.0/29"],
    ["a block is link-local", ["169.254.0.0/16"], "secondaryCidrBlocks[0]", "169.254.0.0/16"],
    ["a block overlaps the primary", ["10.50.128.0/17"], "secondaryCidrBlocks[0]", "10.50.128.0/17"],
    ["two blocks overlap", ["100.64.0.0/16", "100.64.8.0/21"], "secondaryCidrBlocks[1]", "100.64.8.0/21"],
    ["a block is of another RFC 1918 range than the primary", ["192.168.0.0/16"], "secondaryCidrBlocks[0]", "192.168.0.0/16"],
    ["a block is of 198.19.0.0/16 beside an RFC 1918 primary", ["198.19.0.0/16"], "secondaryCidrBlocks[0]", "198.19.0.0/16"],
    ["a block is an item that is not a string", [42], "secondaryCidrBlocks[0]", "42"],
  ];
  it.each(cases)("fails when %s (imported)", (_, blocks, prop, received) => {
    expectValidationError(() => imported(stack(), { secondaryCidrBlocks: blocks as string[] }), prop, received);
  });
  it.each(cases)("fails when %s (created)", (_, blocks, prop, received) => {
    expectValidationError(() => created(stack(), blocks as string[], "10.50.0.0/16"), prop, received);
  });

  it("fails when a block is a reference: the rules that admit the VPC's clients are keyed by it", () => {
    const s = stack();
    const pods = new TerraformVariable(s, "pods", { type: "string" }).stringValue;
    expectValidationError(() => imported(s, { secondaryCidrBlocks: [pods] }), "secondaryCidrBlocks[0]", /reference known at apply/);
  });

  it("fails when the list is a reference", () => {
    const s = stack();
    const blocks = new TerraformVariable(s, "blocks", { type: "list(string)" }).listValue;
    expectValidationError(() => imported(s, { secondaryCidrBlocks: blocks }), "secondaryCidrBlocks", /reference known at apply/);
  });

  it("fails when an RFC 1918 block is added to a VPC whose primary is outside RFC 1918", () => {
    const error = expectValidationError(
      () => imported(stack(), { cidrBlock: "100.64.0.0/16", secondaryCidrBlocks: ["10.0.0.0/16"] }),
      "secondaryCidrBlocks[0]",
      "10.0.0.0/16",
    );
    expect(error.message).toContain("IPv4 CIDR block association restrictions");
  });

  it("fails when an RFC 1918 block is added to a VPC whose primary is in 198.19.0.0/16", () => {
    expectValidationError(
      () => imported(stack(), { cidrBlock: "198.19.0.0/16", secondaryCidrBlocks: ["172.16.0.0/16"] }),
      "secondaryCidrBlocks[0]",
      "172.16.0.0/16",
    );
  });

  it("takes the blocks AWS associates: the primary's own RFC 1918 range, 100.64.0.0/10, publicly routable ones", () => {
    expect(
      imported(stack(), { secondaryCidrBlocks: ["10.51.0.0/16", "100.64.0.0/16", "100.65.0.0/28", "203.0.113.0/24"] }).secondaryCidrBlocks,
    ).toHaveLength(4);
    expect(
      imported(stack(), { cidrBlock: "172.20.0.0/16", secondaryCidrBlocks: ["172.21.0.0/16", "100.64.0.0/16"] }).secondaryCidrBlocks,
    ).toHaveLength(2);
    expect(
      imported(stack(), { cidrBlock: "100.64.0.0/16", secondaryCidrBlocks: ["100.65.0.0/16", "203.0.113.0/24"] }).secondaryCidrBlocks,
    ).toHaveLength(2);
    expect(imported(stack(), { cidrBlock: "198.19.0.0/16", secondaryCidrBlocks: ["100.64.0.0/16"] }).secondaryCidrBlocks).toHaveLength(1);
  });
});

describe("VpcProps.secondaryCidrBlocks", () => {
  it("creates one aws_vpc_ipv4_cidr_block_association per block; the private subnets stay in the primary block", () => {
    const s = stack();
    const vpc = created(s, ["100.64.0.0/16"]);
    const json = synthJson(s);
    const associations = Object.values(resourcesOfType(json, "aws_vpc_ipv4_cidr_block_association"));
    expect(associations).toEqual([{ cidr_block: "100.64.0.0/16", vpc_id: expect.stringMatching(/^\$\{aws_vpc\.Vpc_\w+\.id\}$/) }]);
    expect(Object.keys(resourcesOfType(json, "aws_vpc_ipv4_cidr_block_association"))).toEqual(["Vpc_CidrBlock-100-64-0-0-16_499E810C"]);
    expect(vpc.secondaryCidrBlocks).toEqual(["100.64.0.0/16"]);
    expect(vpc.cidrBlockAssociations).toHaveLength(1);
    expect(vpc.privateSubnets.map((subnet) => subnet.cidrBlock)).toEqual(["10.0.0.0/24", "10.0.1.0/24"]);
  });

  it("creates none by default", () => {
    const s = stack();
    const vpc = created(s);
    expect(vpc.secondaryCidrBlocks).toEqual([]);
    expect(resourcesOfType(synthJson(s), "aws_vpc_ipv4_cidr_block_association")).toEqual({});
  });
});

describe("the VPC's clients include its secondary blocks", () => {
  it("vpcClientPeers admits every IPv4 block of the VPC", () => {
    const s = stack();
    expect(vpcClientPeers(imported(s, { secondaryCidrBlocks: ["100.64.0.0/16"] })).map((p) => p.cidr)).toEqual(["10.50.0.0/16", "100.64.0.0/16"]);
    expect(vpcClientPeers(created(s, ["100.64.0.0/16"])).map((p) => p.cidr)).toEqual(["10.0.0.0/16", "100.64.0.0/16"]);
  });

  it("an interface endpoint admits the secondary blocks by default", () => {
    const s = stackWithProvider("eu-west-1");
    const vpc = created(s, ["100.64.0.0/16"]);
    new InterfaceEndpoint(s, "Logs", {
      vpc,
      service: AwsService.LOGS,
      policy: EndpointPolicy.allowAll(OptOut.because("the log groups are this account's own")),
    });
    const ingress = Object.values(resourcesOfType(synthJson(s), "aws_vpc_security_group_ingress_rule")) as { cidr_ipv4?: string }[];
    expect(ingress.map((rule) => rule.cidr_ipv4).sort()).toEqual(["10.0.0.0/16", "100.64.0.0/16"]);
  });

  it("a service network VPC association with open: true admits the secondary blocks", () => {
    const s = stack();
    const vpc = imported(s, { secondaryCidrBlocks: ["100.64.0.0/16"] });
    const network = new ServiceNetwork(s, "Network", { name: "apps", authPolicy: new AuthPolicy().allow({ accounts: ["111111111111"] }) });
    new ServiceNetworkVpcAssociation(s, "Association", { serviceNetwork: network, vpc, open: true });
    const ingress = Object.values(resourcesOfType(synthJson(s), "aws_vpc_security_group_ingress_rule")) as { cidr_ipv4?: string }[];
    expect(ingress.map((rule) => rule.cidr_ipv4).filter((c) => c !== undefined)).toEqual(expect.arrayContaining(["10.50.0.0/16", "100.64.0.0/16"]));
  });
});

const POD_SUBNET = "subnet-0ccc3333dddd44440";
function podsAndEndpoint(allowedPeers?: (vpc: IVpc) => Peer[]) {
  const s = new PrivateNetworkingStack(testApp(), "pods", { region: "eu-west-1", accountId: "111111111111" });
  const vpc = Vpc.fromVpcAttributes(s, "Existing", {
    vpcId: VPC_ID,
    cidrBlock: "10.50.0.0/16",
    secondaryCidrBlocks: ["100.64.0.0/16"],
    privateSubnets: [
      { subnetId: "subnet-0aaa1111bbbb22220", cidrBlock: "10.50.0.0/24", availabilityZone: "eu-west-1a", routeTableId: "rtb-0aaa1111bbbb22220" },
      { subnetId: "subnet-0aaa1111bbbb22221", cidrBlock: "10.50.1.0/24", availabilityZone: "eu-west-1b", routeTableId: "rtb-0aaa1111bbbb22220" },
      { subnetId: POD_SUBNET, cidrBlock: "100.64.0.0/19", availabilityZone: "eu-west-1a", routeTableId: "rtb-0aaa1111bbbb22220" },
    ],
  });
  const endpoint = new InterfaceEndpoint(s, "Logs", {
    vpc,
    service: AwsService.LOGS,
    subnets: vpc.privateSubnets.slice(0, 2) as ISubnet[],
    policy: EndpointPolicy.allowAll(OptOut.because("the log groups are this account's own")),
    allowedPeers: allowedPeers?.(vpc),
  });
  return { s, vpc, endpoint };
}

describe("flows from pods in a secondary block of an imported VPC", () => {
  it("pods reach an interface endpoint admitted by default", () => {
    const { s, endpoint } = podsAndEndpoint();
    expectFlow(s, { subnet: POD_SUBNET }, { target: endpoint }).toBeAllowed();
  });

  it("pods are denied where only the primary block is admitted (the default before secondary blocks were modelled)", () => {
    const { s, endpoint } = podsAndEndpoint((vpc) => [Peer.cidr(vpc.cidrBlock)]);
    expectFlow(s, { subnet: POD_SUBNET }, { target: endpoint }).toBeDenied("has no ingress from 100.64.0.0/19 on tcp 443");
    // The primary block's subnets still reach it.
    expectFlow(s, { subnet: "subnet-0aaa1111bbbb22220" }, { target: endpoint }).toBeAllowed();
  });
});

describe("declared flows carry the secondary blocks, so the flows command proves the same", () => {
  it("a declared flow from the pods' subnet holds over the synthesized JSON alone", () => {
    const { s, endpoint } = podsAndEndpoint();
    Flows.of(s).allow("pods-ship-logs", { from: { subnet: POD_SUBNET }, to: { target: endpoint } });
    const json = JSON.parse(JSON.stringify(s.toTerraform())) as {
      "//": { flows: { declared: { from: { importedVpc: Record<string, unknown> } }[] } };
    };
    expect(json["//"].flows.declared[0].from.importedVpc.secondaryCidrBlocks).toEqual(["100.64.0.0/16"]);
    const results = verifyDeclaredFlows(NetworkModel.fromJson("pods", json as never));
    expect(results.map((r) => [r.flow.name, r.holds])).toEqual([["pods-ship-logs", true]]);
  });

  it("fails when a declaration's importedVpc.secondaryCidrBlocks is not a list of IPv4 blocks", () => {
    const { s, endpoint } = podsAndEndpoint();
    const model = networkModelOf(s);
    const target = `aws_vpc_endpoint.${endpoint.resource.friendlyUniqueId}`;
    const ask = (secondaryCidrBlocks: unknown) =>
      analyzeFlow(model, { vpc: VPC_ID, importedVpc: { vpcId: VPC_ID, cidrBlock: "10.50.0.0/16", secondaryCidrBlocks } as never }, { target });
    expect(catchValidationError(() => ask(["100.64.0.0/33"])).prop).toBe("from.importedVpc.secondaryCidrBlocks");
    expect(catchValidationError(() => ask("100.64.0.0/16")).prop).toBe("from.importedVpc.secondaryCidrBlocks");
    // The valid neighbour: the description as the construct API writes it.
    expect(ask(["100.64.0.0/16"]).allowed).toBe(true);
  });
});

describe("flows in a created VPC with a secondary block", () => {
  it("a subnet of the association's block is in the VPC and routed locally", () => {
    const s = new PrivateNetworkingStack(testApp(), "created", { region: "eu-west-1", accountId: "111111111111" });
    const vpc = new Vpc(s, "Vpc", {
      name: "app",
      cidrBlock: "10.0.0.0/16",
      availabilityZones: ["eu-west-1a", "eu-west-1b"],
      secondaryCidrBlocks: ["100.64.0.0/16"],
    });
    const endpoint = new InterfaceEndpoint(s, "Logs", {
      vpc,
      service: AwsService.LOGS,
      policy: EndpointPolicy.allowAll(OptOut.because("the log groups are this account's own")),
    });
    // Pods' subnet, made by the caller in the secondary block, after its association.
    const pods = new Subnet(s, "Pods", {
      vpcId: vpc.vpcId,
      cidrBlock: "100.64.0.0/19",
      availabilityZone: "eu-west-1a",
      dependsOn: [...vpc.cidrBlockAssociations],
    });
    new RouteTableAssociation(s, "PodsRoutes", { subnetId: pods.id, routeTableId: vpc.privateSubnets[0].routeTableId as string });
    expectFlow(s, { subnet: pods }, { target: endpoint }).toBeAllowed();
  });

  it("without the block, its clients are refused by the endpoint's default rules", () => {
    const s = new PrivateNetworkingStack(testApp(), "created", { region: "eu-west-1", accountId: "111111111111" });
    const vpc = new Vpc(s, "Vpc", { name: "app", cidrBlock: "10.0.0.0/16", availabilityZones: ["eu-west-1a", "eu-west-1b"] });
    const endpoint = new InterfaceEndpoint(s, "Logs", {
      vpc,
      service: AwsService.LOGS,
      policy: EndpointPolicy.allowAll(OptOut.because("the log groups are this account's own")),
    });
    // The association made outside the construct: the VPC has the block, its clients are not admitted.
    new VpcIpv4CidrBlockAssociation(s, "Secondary", { vpcId: vpc.vpcId, cidrBlock: "100.64.0.0/16" });
    const pods = new Subnet(s, "Pods", { vpcId: vpc.vpcId, cidrBlock: "100.64.0.0/19", availabilityZone: "eu-west-1a" });
    new RouteTableAssociation(s, "PodsRoutes", { subnetId: pods.id, routeTableId: vpc.privateSubnets[0].routeTableId as string });
    expectFlow(s, { subnet: pods }, { target: endpoint }).toBeDenied("has no ingress from 100.64.0.0/19 on tcp 443");
  });
});

describe("inVpcIpv4Blocks", () => {
  test("an address or CIDR in the primary or a secondary block is in the VPC; outside both it is not; a reference is not judged", () => {
    const stack = stackWithProvider();
    const vpc = Vpc.fromVpcAttributes(stack, "Vpc", {
      vpcId: "vpc-0123456789abcdef0",
      cidrBlock: "10.0.0.0/16",
      secondaryCidrBlocks: ["100.64.0.0/16"],
    });
    expect(inVpcIpv4Blocks(vpc, "10.0.3.7")).toBe(true);
    expect(inVpcIpv4Blocks(vpc, "100.64.32.0/19")).toBe(true);
    expect(inVpcIpv4Blocks(vpc, "100.65.0.0/24")).toBe(false);
    expect(inVpcIpv4Blocks(vpc, "10.0.0.0/8")).toBe(false);
    expect(inVpcIpv4Blocks(vpc, new TerraformVariable(stack, "cidr", { type: "string" }).stringValue)).toBeUndefined();
    const unknown = Vpc.fromVpcAttributes(stack, "Unknown", {
      vpcId: "vpc-0123456789abcdef1",
      cidrBlock: new TerraformVariable(stack, "block", { type: "string" }).stringValue,
    });
    expect(inVpcIpv4Blocks(unknown, "10.0.3.7")).toBeUndefined();
  });
});
