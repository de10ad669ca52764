import { TerraformStack, TerraformVariable } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Ec2ManagedPrefixList } from "@cdktf/provider-aws/lib/ec2-managed-prefix-list";
import { Ec2TransitGateway } from "@cdktf/provider-aws/lib/ec2-transit-gateway";
import { Ec2TransitGatewayRoute } from "@cdktf/provider-aws/lib/ec2-transit-gateway-route";
import { Ec2TransitGatewayVpcAttachment } from "@cdktf/provider-aws/lib/ec2-transit-gateway-vpc-attachment";
import { NatGateway } from "@cdktf/provider-aws/lib/nat-gateway";
import { Route } from "@cdktf/provider-aws/lib/route";
import { RouteTable } from "@cdktf/provider-aws/lib/route-table";
import { RouteTableAssociation } from "@cdktf/provider-aws/lib/route-table-association";
import { SecurityGroup as RawSecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import { Vpc as RawVpc } from "@cdktf/provider-aws/lib/vpc";
import { VpcPeeringConnection } from "@cdktf/provider-aws/lib/vpc-peering-connection";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { PrivateNetworkingStack } from "../../modules/app";
import { AwsService, EndpointPolicy, GatewayEndpoint } from "../../modules/endpoints";
import { analyzeStackFlow, expectFlow } from "../../modules/flows";
import { Peer, SecurityGroup, Vpc } from "../../modules/vpc";
import { testApp } from "../helpers";

/**
 * AWS routes each address by the longest prefix that matches it, and a
 * security group admits a packet when any one of its rules matches it. A
 * flow from a VPC's subnets to a target in two subnets is judged for every
 * address: a rule or route per subnet carries it as one for all does, and a
 * more specific route to part of a range sends that part elsewhere.
 */
function peered() {
  const s = new TerraformStack(testApp(), "flows");
  new AwsProvider(s, "aws", { region: "us-east-1", allowedAccountIds: ["111111111111"] });
  const a = new RawVpc(s, "A", { cidrBlock: "10.0.0.0/16" });
  const b = new RawVpc(s, "B", { cidrBlock: "10.1.0.0/16" });
  const a1 = new Subnet(s, "A1", { vpcId: a.id, cidrBlock: "10.0.1.0/24", availabilityZone: "us-east-1a" });
  const a2 = new Subnet(s, "A2", { vpcId: a.id, cidrBlock: "10.0.2.0/24", availabilityZone: "us-east-1b" });
  const b1 = new Subnet(s, "B1", { vpcId: b.id, cidrBlock: "10.1.1.0/24", availabilityZone: "us-east-1a" });
  const b2 = new Subnet(s, "B2", { vpcId: b.id, cidrBlock: "10.1.2.0/24", availabilityZone: "us-east-1b" });
  const pcx = new VpcPeeringConnection(s, "Pcx", { vpcId: a.id, peerVpcId: b.id, autoAccept: true });
  const tableA = new RouteTable(s, "TableA", { vpcId: a.id });
  const tableB = new RouteTable(s, "TableB", { vpcId: b.id });
  [a1, a2].forEach((x, i) => new RouteTableAssociation(s, `AssocA${i}`, { subnetId: x.id, routeTableId: tableA.id }));
  [b1, b2].forEach((x, i) => new RouteTableAssociation(s, `AssocB${i}`, { subnetId: x.id, routeTableId: tableB.id }));
  const server = new RawSecurityGroup(s, "Server", { vpcId: b.id, name: "server" });
  const client = new RawSecurityGroup(s, "Client", { vpcId: a.id, name: "client" });
  const route = (id: string, table: RouteTable, cidr: string, via: { vpcPeeringConnectionId?: string; natGatewayId?: string } = {}) =>
    new Route(s, id, {
      routeTableId: table.id,
      destinationCidrBlock: cidr,
      vpcPeeringConnectionId: via.natGatewayId === undefined ? pcx.id : undefined,
      ...via,
    });
  const ingress = (id: string, cidr: string) =>
    new VpcSecurityGroupIngressRule(s, id, { securityGroupId: server.id, ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: cidr });
  const egress = (id: string, cidr: string) =>
    new VpcSecurityGroupEgressRule(s, id, { securityGroupId: client.id, ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: cidr });
  return { s, a, a1, tableA, tableB, server, client, route, ingress, egress };
}

describe("security group rules per subnet", () => {
  test("an ingress rule per client subnet admits every client subnet", () => {
    const { s, a, tableA, tableB, server, route, ingress } = peered();
    route("AtoB", tableA, "10.1.0.0/16");
    route("BtoA", tableB, "10.0.0.0/16");
    ingress("FromA1", "10.0.1.0/24");
    ingress("FromA2", "10.0.2.0/24");
    expectFlow(s, { vpc: a.id }, { target: server, port: 443 }).toBeAllowed();
  });

  test("fails when the rules admit only one of the client subnets", () => {
    const { s, a, tableA, tableB, server, route, ingress } = peered();
    route("AtoB", tableA, "10.1.0.0/16");
    route("BtoA", tableB, "10.0.0.0/16");
    ingress("FromA1", "10.0.1.0/24");
    ingress("FromA1b", "10.0.1.0/25");
    expectFlow(s, { vpc: a.id }, { target: server, port: 443 }).toBeDenied(
      "security group server of members of security group server has no ingress from 10.0.1.0/24, 10.0.2.0/24 on tcp 443",
    );
  });

  test("an egress rule per target subnet lets the client out to every target address", () => {
    const { s, a, tableA, tableB, server, client, route, ingress, egress } = peered();
    route("AtoB", tableA, "10.1.0.0/16");
    route("BtoA", tableB, "10.0.0.0/16");
    ingress("FromA", "10.0.0.0/16");
    egress("ToB1", "10.1.1.0/24");
    egress("ToB2", "10.1.2.0/24");
    expectFlow(s, { vpc: a.id, securityGroup: client.id }, { target: server, port: 443 }).toBeAllowed();
  });

  test("fails when the egress rules cover only one target subnet", () => {
    const { s, a, tableA, tableB, server, client, route, ingress, egress } = peered();
    route("AtoB", tableA, "10.1.0.0/16");
    route("BtoA", tableB, "10.0.0.0/16");
    ingress("FromA", "10.0.0.0/16");
    egress("ToB1", "10.1.1.0/24");
    expectFlow(s, { vpc: a.id, securityGroup: client.id }, { target: server, port: 443 }).toBeDenied(
      "security group client has no egress to 10.1.1.0/24, 10.1.2.0/24 on tcp 443",
    );
  });
});

describe("longest prefix match per address", () => {
  test("a route per target subnet over one peering carries the flow", () => {
    const { s, a, tableA, tableB, server, route, ingress } = peered();
    route("AtoB1", tableA, "10.1.1.0/24");
    route("AtoB2", tableA, "10.1.2.0/24");
    route("BtoA", tableB, "10.0.0.0/16");
    ingress("FromA", "10.0.0.0/16");
    expectFlow(s, { vpc: a.id }, { target: server, port: 443 }).toBeAllowed();
  });

  test("a more specific route over the same peering changes nothing", () => {
    const { s, a, tableA, tableB, server, route, ingress } = peered();
    route("AtoB", tableA, "10.1.0.0/16");
    route("AtoB2", tableA, "10.1.2.0/24");
    route("BtoA", tableB, "10.0.0.0/16");
    ingress("FromA", "10.0.0.0/16");
    expectFlow(s, { vpc: a.id }, { target: server, port: 443 }).toBeAllowed();
  });

  test("fails when a more specific route sends part of the target's range to a NAT gateway", () => {
    const { s, a, a1, tableA, tableB, server, route, ingress } = peered();
    const nat = new NatGateway(s, "Nat", { subnetId: a1.id, connectivityType: "private" });
    route("AtoB", tableA, "10.1.0.0/16");
    route("AtoHalf", tableA, "10.1.2.128/25", { natGatewayId: nat.id });
    route("BtoA", tableB, "10.0.0.0/16");
    ingress("FromA", "10.0.0.0/16");
    expectFlow(s, { vpc: a.id }, { target: server, port: 443 }).toBeDenied(
      "sends 10.1.2.128/25 (addresses of members of security group server) to nat-",
    );
    expectFlow(s, { vpc: a.id }, { target: server, port: 443 }).toBeDenied("(AWS routes each address by the longest prefix that matches it)");
  });

  test("fails when a more specific route of the target's table sends the replies to part of the client range elsewhere", () => {
    const { s, a, a1, tableA, tableB, server, route, ingress } = peered();
    const nat = new NatGateway(s, "Nat", { subnetId: a1.id, connectivityType: "private" });
    route("AtoB", tableA, "10.1.0.0/16");
    route("BtoA", tableB, "10.0.0.0/16");
    route("BtoA2", tableB, "10.0.2.0/24", { natGatewayId: nat.id });
    ingress("FromA", "10.0.0.0/16");
    expectFlow(s, { vpc: a.id }, { target: server, port: 443 }).toBeDenied(
      "on the way back: route table TableB of B1 (us-east-1a) sends 10.0.2.0/24",
    );
  });
});

/** Two VPCs over a transit gateway whose default route table holds a static route of the test's. */
function overTransitGateway(staticRoute: { cidr: string; blackhole?: boolean; toB?: boolean }) {
  const s = new TerraformStack(testApp(), "flows");
  new AwsProvider(s, "aws", { region: "us-east-1", allowedAccountIds: ["111111111111"] });
  const a = new RawVpc(s, "A", { cidrBlock: "10.0.0.0/16" });
  const b = new RawVpc(s, "B", { cidrBlock: "10.1.0.0/16" });
  const subnets = (vpc: RawVpc, name: string, second: number) =>
    ["us-east-1a", "us-east-1b"].map(
      (az, i) => new Subnet(s, `${name}${i + 1}`, { vpcId: vpc.id, cidrBlock: `10.${second}.${i + 1}.0/24`, availabilityZone: az }),
    );
  const [a1, a2] = subnets(a, "A", 0);
  const [b1, b2] = subnets(b, "B", 1);
  const tgw = new Ec2TransitGateway(s, "Tgw", {});
  new Ec2TransitGatewayVpcAttachment(s, "AttachA", { transitGatewayId: tgw.id, vpcId: a.id, subnetIds: [a1.id, a2.id] });
  const attachB = new Ec2TransitGatewayVpcAttachment(s, "AttachB", { transitGatewayId: tgw.id, vpcId: b.id, subnetIds: [b1.id, b2.id] });
  new Ec2TransitGatewayRoute(s, "Static", {
    transitGatewayRouteTableId: tgw.associationDefaultRouteTableId,
    destinationCidrBlock: staticRoute.cidr,
    blackhole: staticRoute.blackhole,
    transitGatewayAttachmentId: staticRoute.toB === true ? attachB.id : undefined,
  });
  const tableA = new RouteTable(s, "TableA", { vpcId: a.id, route: [{ cidrBlock: "10.1.0.0/16", transitGatewayId: tgw.id }] });
  const tableB = new RouteTable(s, "TableB", { vpcId: b.id, route: [{ cidrBlock: "10.0.0.0/16", transitGatewayId: tgw.id }] });
  [a1, a2].forEach((x, i) => new RouteTableAssociation(s, `AssocA${i}`, { subnetId: x.id, routeTableId: tableA.id }));
  [b1, b2].forEach((x, i) => new RouteTableAssociation(s, `AssocB${i}`, { subnetId: x.id, routeTableId: tableB.id }));
  const server = new RawSecurityGroup(s, "Server", { vpcId: b.id, name: "server" });
  new VpcSecurityGroupIngressRule(s, "FromA", { securityGroupId: server.id, ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: "10.0.0.0/16" });
  return { s, a, server };
}

describe("transit gateway static routes more specific than the route that carries the range", () => {
  test("fails when a blackhole route drops one of the target's subnets", () => {
    const { s, a, server } = overTransitGateway({ cidr: "10.1.2.0/24", blackhole: true });
    expectFlow(s, { vpc: a.id }, { target: server, port: 443 }).toBeDenied(
      "the default route table of transit gateway Tgw has a blackhole route for 10.1.2.0/24 (aws_ec2_transit_gateway_route.Static): the gateway drops 10.1.2.0/24",
    );
  });

  test("fails when a blackhole route drops part of a target subnet", () => {
    const { s, a, server } = overTransitGateway({ cidr: "10.1.2.128/25", blackhole: true });
    expectFlow(s, { vpc: a.id }, { target: server, port: 443 }).toBeDenied("has a blackhole route for 10.1.2.128/25");
  });

  test("fails when a blackhole route drops the replies to one of the client's subnets", () => {
    const { s, a, server } = overTransitGateway({ cidr: "10.0.2.0/24", blackhole: true });
    expectFlow(s, { vpc: a.id }, { target: server, port: 443 }).toBeDenied(
      "on the way back from B1 (us-east-1a): the default route table of transit gateway Tgw has a blackhole route for 10.0.2.0/24",
    );
  });

  test("a more specific static route to the target's own attachment carries the flow", () => {
    const { s, a, server } = overTransitGateway({ cidr: "10.1.2.0/24", toB: true });
    expectFlow(s, { vpc: a.id }, { target: server, port: 443 }).toBeAllowed();
  });

  test("a blackhole route for a range outside both VPCs changes nothing", () => {
    const { s, a, server } = overTransitGateway({ cidr: "10.9.0.0/24", blackhole: true });
    expectFlow(s, { vpc: a.id }, { target: server, port: 443 }).toBeAllowed();
  });
});

describe("self-referencing rules", () => {
  function cluster() {
    const s = new TerraformStack(testApp(), "flows");
    new AwsProvider(s, "aws", { region: "us-east-1", allowedAccountIds: ["111111111111"] });
    const vpc = new RawVpc(s, "A", { cidrBlock: "10.0.0.0/16" });
    new Subnet(s, "A1", { vpcId: vpc.id, cidrBlock: "10.0.1.0/24", availabilityZone: "us-east-1a" });
    const all = { protocol: "-1", fromPort: 0, toPort: 0, selfAttribute: true };
    const members = new RawSecurityGroup(s, "Cluster", { vpcId: vpc.id, name: "cluster", ingress: [all], egress: [all] });
    const other = new RawSecurityGroup(s, "Other", {
      vpcId: vpc.id,
      name: "other",
      ingress: [{ ...all, selfAttribute: undefined, cidrBlocks: ["10.0.0.0/16"] }],
    });
    return { s, members, other };
  }

  test("an egress rule with self = true lets members out to the group's other members", () => {
    const { s, members } = cluster();
    expectFlow(s, { securityGroup: members.id }, { target: members, port: 5432 }).toBeAllowed();
  });

  test("fails when the only egress rule is self = true and the target is in another group", () => {
    const { s, members, other } = cluster();
    expectFlow(s, { securityGroup: members.id }, { target: other, port: 5432 }).toBeDenied(
      "security group cluster has no egress to 10.0.1.0/24 on tcp 5432",
    );
  });
});

describe("egress to an AWS service's prefix list through a gateway endpoint", () => {
  const S3_GET = { dnsName: "a-bucket.s3.us-east-1.amazonaws.com" };
  function withEgressTo(prefixListId: (s: PrivateNetworkingStack) => string) {
    const s = new PrivateNetworkingStack(testApp(), "gateway-egress", { region: "us-east-1", accountId: "111111111111" });
    const vpc = new Vpc(s, "App", { name: "app", cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
    new GatewayEndpoint(s, "S3", { vpc, service: AwsService.S3, policy: EndpointPolicy.s3Buckets(["a-bucket"]) });
    const client = new SecurityGroup(s, "Client", { vpc, description: "client" });
    client.addEgressRule({ peer: Peer.prefixList(prefixListId(s), "the list"), ports: { from: 443, to: 443 }, description: "out" });
    return { s, client };
  }

  test("fails when the egress rule names a customer-managed prefix list of the stack, which is no AWS service's", () => {
    const { s, client } = withEgressTo((s) => {
      const cidr = new TerraformVariable(s, "corp", { type: "string" });
      return new Ec2ManagedPrefixList(s, "Corp", { name: "corp", addressFamily: "IPv4", maxEntries: 5, entry: [{ cidr: cidr.stringValue }] }).id;
    });
    expectFlow(s, { securityGroup: client.securityGroupId }, S3_GET).toBeDenied(
      "has no egress to com.amazonaws.us-east-1.s3's prefix list on tcp 443",
    );
  });

  test("a literal pl- ID is taken to be the service's list, as an assumption of the verdict", () => {
    const { s, client } = withEgressTo(() => "pl-63a5400a");
    const verdict = analyzeStackFlow(s, { securityGroup: client.securityGroupId }, S3_GET);
    expect(verdict.allowed).toBe(true);
    expect(verdict.assumptions.join("\n")).toContain("prefix list pl-63a5400a of");
  });
});
