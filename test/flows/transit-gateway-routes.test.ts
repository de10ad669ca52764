import { TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Route } from "@cdktf/provider-aws/lib/route";
import { Ec2TransitGateway } from "@cdktf/provider-aws/lib/ec2-transit-gateway";
import { Ec2TransitGatewayRoute } from "@cdktf/provider-aws/lib/ec2-transit-gateway-route";
import { Ec2TransitGatewayRouteTable } from "@cdktf/provider-aws/lib/ec2-transit-gateway-route-table";
import { Ec2TransitGatewayRouteTableAssociation } from "@cdktf/provider-aws/lib/ec2-transit-gateway-route-table-association";
import { Ec2TransitGatewayVpcAttachment } from "@cdktf/provider-aws/lib/ec2-transit-gateway-vpc-attachment";
import { expectFlow } from "../../modules/flows";
import { Peer, PrivateVpc, SecurityGroup } from "../../modules/vpc";
import { testApp } from "../helpers";

/**
 * Static routes of a transit gateway route table (aws_ec2_transit_gateway_route):
 * one to an attachment carries traffic like a propagated route, a blackhole
 * drops its prefix; the longest prefix wins and, for the same prefix, a
 * static route beats a propagated one.
 */
function joined(options: { readonly ownTable?: boolean } = {}) {
  const s = new TerraformStack(testApp(), "flows");
  new AwsProvider(s, "aws", { region: "us-east-1", allowedAccountIds: ["111111111111"] });
  const vpc = (id: string, cidrBlock: string) =>
    new PrivateVpc(s, id, { name: id.toLowerCase(), cidrBlock, availabilityZones: ["us-east-1a", "us-east-1b"] });
  const a = vpc("A", "10.0.0.0/16");
  const b = vpc("B", "10.1.0.0/16");
  const c = vpc("C", "10.2.0.0/16");
  const tgw = new Ec2TransitGateway(
    s,
    "Tgw",
    options.ownTable === true ? { defaultRouteTableAssociation: "disable", defaultRouteTablePropagation: "disable" } : {},
  );
  const table = options.ownTable === true ? new Ec2TransitGatewayRouteTable(s, "Table", { transitGatewayId: tgw.id }) : undefined;
  const attachments: Record<string, Ec2TransitGatewayVpcAttachment> = {};
  for (const [name, v, to] of [
    ["a", a, "10.1.0.0/16"],
    ["b", b, "10.0.0.0/16"],
    ["c", c, "10.0.0.0/16"],
  ] as const) {
    attachments[name] = new Ec2TransitGatewayVpcAttachment(s, `Attach-${name}`, {
      transitGatewayId: tgw.id,
      vpcId: v.vpcId,
      subnetIds: v.privateSubnets.map((x) => x.subnetId),
      ...(table === undefined ? {} : { transitGatewayDefaultRouteTableAssociation: false, transitGatewayDefaultRouteTablePropagation: false }),
    });
    if (table !== undefined)
      new Ec2TransitGatewayRouteTableAssociation(s, `Assoc-${name}`, {
        transitGatewayAttachmentId: attachments[name].id,
        transitGatewayRouteTableId: table.id,
      });
    v.privateSubnets.forEach(
      (subnet, i) => new Route(s, `Route-${name}-${i}`, { routeTableId: subnet.routeTableId!, destinationCidrBlock: to, transitGatewayId: tgw.id }),
    );
  }
  const server = new SecurityGroup(s, "Server", { vpc: b, description: "server" });
  server.addIngressRule({ peer: Peer.cidr("10.0.0.0/16"), ports: { from: 443, to: 443 }, description: "a" });
  const route = (id: string, destinationCidrBlock: string, to?: "a" | "b" | "c") =>
    new Ec2TransitGatewayRoute(s, id, {
      transitGatewayRouteTableId: table?.id ?? tgw.associationDefaultRouteTableId,
      destinationCidrBlock,
      ...(to === undefined ? { blackhole: true } : { transitGatewayAttachmentId: attachments[to].id }),
    });
  return { s, a, server, route };
}

describe("static routes of a transit gateway", () => {
  test("the propagated routes of the default route table carry the flow", () => {
    const { s, a, server } = joined();
    expectFlow(s, { vpc: a }, { target: server, port: 443 }).toBeAllowed();
  });

  test("fails when a blackhole route for the same prefix as the propagated one drops it (static beats propagated)", () => {
    const { s, a, server, route } = joined();
    route("Black", "10.1.0.0/16");
    expectFlow(s, { vpc: a }, { target: server, port: 443 }).toBeDenied(
      "the default route table of transit gateway Tgw has a blackhole route for 10.1.0.0/16 (aws_ec2_transit_gateway_route.Black)",
    );
  });

  test("fails when a more specific blackhole route drops the target's subnets", () => {
    const { s, a, server, route } = joined();
    route("Black", "10.1.0.0/20");
    expectFlow(s, { vpc: a }, { target: server, port: 443 }).toBeDenied("has a blackhole route for 10.1.0.0/20");
  });

  test("a less specific blackhole route loses to the propagated one", () => {
    const { s, a, server, route } = joined();
    route("Black", "10.0.0.0/8");
    expectFlow(s, { vpc: a }, { target: server, port: 443 }).toBeAllowed();
  });

  test("fails when a static route sends the prefix to another VPC's attachment", () => {
    const { s, a, server, route } = joined();
    route("Elsewhere", "10.1.0.0/16", "c");
    expectFlow(s, { vpc: a }, { target: server, port: 443 }).toBeDenied(
      "sends 10.1.0.0/16 to attachment Attach-c by static route aws_ec2_transit_gateway_route.Elsewhere, not to VPC B's",
    );
  });

  test("static routes of a route table of its own carry the flow without propagation", () => {
    const { s, a, server, route } = joined({ ownTable: true });
    expectFlow(s, { vpc: a }, { target: server, port: 443 }).toBeDenied("does not propagate into route table");
    route("ToB", "10.1.0.0/16", "b");
    route("ToA", "10.0.0.0/16", "a");
    expectFlow(s, { vpc: a }, { target: server, port: 443 }).toBeAllowed();
  });
});
