import { TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { DefaultRouteTable } from "@cdktf/provider-aws/lib/default-route-table";
import { Route } from "@cdktf/provider-aws/lib/route";
import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import { Vpc as RawVpc } from "@cdktf/provider-aws/lib/vpc";
import { VpcPeeringConnection } from "@cdktf/provider-aws/lib/vpc-peering-connection";
import { analyzeStackFlow, expectFlow } from "../../modules/flows";
import { Peer, PrivateVpc, SecurityGroup } from "../../modules/vpc";
import { testApp } from "../helpers";

/**
 * A subnet without an explicit route table association uses its VPC's main
 * route table: the one aws_default_route_table manages (its routes apply),
 * else the one AWS makes with the VPC (its local routes, and the aws_route
 * blocks added to aws_vpc.X.default_route_table_id).
 */
function rawClient() {
  const s = new TerraformStack(testApp(), "flows");
  new AwsProvider(s, "aws", { region: "us-east-1", allowedAccountIds: ["111111111111"] });
  const raw = new RawVpc(s, "Raw", { cidrBlock: "10.0.0.0/16", enableDnsSupport: true, enableDnsHostnames: true });
  const subnet = new Subnet(s, "RawSub", { vpcId: raw.id, cidrBlock: "10.0.1.0/24", availabilityZone: "us-east-1a" });
  const b = new PrivateVpc(s, "B", { name: "b", cidrBlock: "10.1.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
  const peering = new VpcPeeringConnection(s, "Pcx", { vpcId: raw.id, peerVpcId: b.vpcId, autoAccept: true });
  b.privateSubnets.forEach(
    (x, i) => new Route(s, `Back${i}`, { routeTableId: x.routeTableId!, destinationCidrBlock: "10.0.0.0/16", vpcPeeringConnectionId: peering.id }),
  );
  const server = new SecurityGroup(s, "Server", { vpc: b, description: "server" });
  server.addIngressRule({ peer: Peer.cidr("10.0.0.0/16"), ports: { from: 443, to: 443 }, description: "raw" });
  return { s, raw, subnet, peering, server };
}

describe("the main route table of a VPC", () => {
  test("applies the routes of the aws_default_route_table that manages it", () => {
    const { s, raw, subnet, peering, server } = rawClient();
    new DefaultRouteTable(s, "Main", {
      defaultRouteTableId: raw.defaultRouteTableId,
      route: [{ cidrBlock: "10.1.0.0/16", vpcPeeringConnectionId: peering.id }],
    });
    expectFlow(s, { subnet: subnet.id }, { target: server, port: 443 }).toBeAllowed();
  });

  test("applies an aws_route added to aws_vpc.X.default_route_table_id", () => {
    const { s, raw, subnet, peering, server } = rawClient();
    new Route(s, "ToB", { routeTableId: raw.defaultRouteTableId, destinationCidrBlock: "10.1.0.0/16", vpcPeeringConnectionId: peering.id });
    expectFlow(s, { subnet: subnet.id }, { target: server, port: 443 }).toBeAllowed();
  });

  test("fails when the main route table has only its local routes", () => {
    const { s, subnet, server } = rawClient();
    expectFlow(s, { subnet: subnet.id }, { target: server, port: 443 }).toBeDenied(
      "route table Raw/main route table of subnet us-east-1a of VPC Raw has no route to 10.1.0.0/24, 10.1.1.0/24 (VPC B)",
    );
  });

  test("a subnet whose route table is not in the stack is said so in words", () => {
    const s = new TerraformStack(testApp(), "flows");
    new AwsProvider(s, "aws", { region: "us-east-1", allowedAccountIds: ["111111111111"] });
    const subnet = new Subnet(s, "Sub", { vpcId: "vpc-0abc1234def567890", cidrBlock: "10.50.1.0/24", availabilityZone: "us-east-1a" });
    const b = new PrivateVpc(s, "B", { name: "b", cidrBlock: "10.1.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
    const server = new SecurityGroup(s, "Server", { vpc: b, description: "server" });
    const verdict = analyzeStackFlow(s, { subnet: subnet.id }, { target: server, port: 443 });
    expect(verdict.allowed).toBe(false);
    expect(verdict.reason).toContain(
      "subnet Sub (us-east-1a) has no known route table (no route table association, and its VPC's main route table is not in this stack), so no route from",
    );
    expect(verdict.reason).not.toContain("has no route table of");
  });
});
