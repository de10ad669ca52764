import { TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Route } from "@cdktf/provider-aws/lib/route";
import { Route53Record } from "@cdktf/provider-aws/lib/route53-record";
import { Route53Zone } from "@cdktf/provider-aws/lib/route53-zone";
import { VpcPeeringConnection } from "@cdktf/provider-aws/lib/vpc-peering-connection";
import { expectFlow } from "../../modules/flows";
import { PrivateVpc } from "../../modules/vpc";
import { testApp } from "../helpers";

/**
 * A name that answers one address is routed by the longest prefix covering
 * that address: a route more specific than the one to the target's VPC that
 * covers part of its subnet sends the traffic elsewhere.
 */
function answered(address: string) {
  const s = new TerraformStack(testApp(), "flows");
  new AwsProvider(s, "aws", { region: "us-east-1", allowedAccountIds: ["111111111111"] });
  const vpc = (id: string, cidrBlock: string) =>
    new PrivateVpc(s, id, { name: id.toLowerCase(), cidrBlock, availabilityZones: ["us-east-1a", "us-east-1b"] });
  const a = vpc("A", "10.0.0.0/16");
  const b = vpc("B", "10.1.0.0/16");
  const c = vpc("C", "10.2.0.0/16");
  const toB = new VpcPeeringConnection(s, "ToB", { vpcId: a.vpcId, peerVpcId: b.vpcId, autoAccept: true });
  const toC = new VpcPeeringConnection(s, "ToC", { vpcId: a.vpcId, peerVpcId: c.vpcId, autoAccept: true });
  a.privateSubnets.forEach((x, i) => {
    new Route(s, `AB${i}`, { routeTableId: x.routeTableId!, destinationCidrBlock: "10.1.0.0/16", vpcPeeringConnectionId: toB.id });
    new Route(s, `AC${i}`, { routeTableId: x.routeTableId!, destinationCidrBlock: "10.1.0.0/28", vpcPeeringConnectionId: toC.id });
  });
  b.privateSubnets.forEach(
    (x, i) => new Route(s, `BA${i}`, { routeTableId: x.routeTableId!, destinationCidrBlock: "10.0.0.0/16", vpcPeeringConnectionId: toB.id }),
  );
  const zone = new Route53Zone(s, "Zone", { name: "internal.example.com", vpc: [{ vpcId: a.vpcId }] });
  new Route53Record(s, "Db", { zoneId: zone.zoneId, name: "db.internal.example.com", type: "A", ttl: 60, records: [address] });
  return { s, a };
}

describe("routes to an answered address", () => {
  test("the route to the target's VPC carries an address outside the more specific route", () => {
    const { s, a } = answered("10.1.0.20");
    expectFlow(s, { vpc: a }, { dnsName: "db.internal.example.com", port: 5432 }).toBeAllowed();
  });

  test("fails when a more specific route covering the answered address sends it elsewhere", () => {
    const { s, a } = answered("10.1.0.10");
    expectFlow(s, { vpc: a }, { dnsName: "db.internal.example.com", port: 5432 }).toBeDenied(
      "peering connection ToC does not connect VPC A with VPC B",
    );
  });
});
