import { TerraformStack, TerraformVariable } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Ec2ManagedPrefixList } from "@cdktf/provider-aws/lib/ec2-managed-prefix-list";
import { Ec2ManagedPrefixListEntryA } from "@cdktf/provider-aws/lib/ec2-managed-prefix-list-entry";
import { Route } from "@cdktf/provider-aws/lib/route";
import { VpcPeeringConnection } from "@cdktf/provider-aws/lib/vpc-peering-connection";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { expectFlow } from "../../modules/flows";
import { Peer, PrivateVpc, SecurityGroup } from "../../modules/vpc";
import { testApp } from "../helpers";

/**
 * Customer-managed prefix lists (aws_ec2_managed_prefix_list with entry
 * blocks, aws_ec2_managed_prefix_list_entry) stand for their CIDRs in
 * security group rules (prefix_list_id) and routes (destination_prefix_list_id).
 */
function peered(options: { readonly routeByList?: boolean } = {}) {
  const s = new TerraformStack(testApp(), "flows");
  new AwsProvider(s, "aws", { region: "us-east-1", allowedAccountIds: ["111111111111"] });
  const vpc = (id: string, cidrBlock: string) =>
    new PrivateVpc(s, id, { name: id.toLowerCase(), cidrBlock, availabilityZones: ["us-east-1a", "us-east-1b"] });
  const a = vpc("A", "10.0.0.0/16");
  const b = vpc("B", "10.1.0.0/16");
  const peering = new VpcPeeringConnection(s, "Pcx", { vpcId: a.vpcId, peerVpcId: b.vpcId, autoAccept: true });
  const toB = new Ec2ManagedPrefixList(s, "ToB", { name: "b", addressFamily: "IPv4", maxEntries: 5, entry: [{ cidr: "10.1.0.0/16" }] });
  a.privateSubnets.forEach(
    (x, i) =>
      new Route(s, `Ra${i}`, {
        routeTableId: x.routeTableId!,
        ...(options.routeByList === false ? { destinationCidrBlock: "10.1.0.0/16" } : { destinationPrefixListId: toB.id }),
        vpcPeeringConnectionId: peering.id,
      }),
  );
  b.privateSubnets.forEach(
    (x, i) => new Route(s, `Rb${i}`, { routeTableId: x.routeTableId!, destinationCidrBlock: "10.0.0.0/16", vpcPeeringConnectionId: peering.id }),
  );
  const server = new SecurityGroup(s, "Server", { vpc: b, description: "server" });
  return { s, a, server, toB };
}

function admitByList(s: TerraformStack, server: SecurityGroup, prefixListId: string) {
  new VpcSecurityGroupIngressRule(s, "ServerIn", {
    securityGroupId: server.securityGroupId,
    prefixListId,
    ipProtocol: "tcp",
    fromPort: 443,
    toPort: 443,
  });
}

describe("customer-managed prefix lists", () => {
  test("a route to a prefix list carries its CIDRs", () => {
    const { s, a, server } = peered();
    server.addIngressRule({ peer: Peer.cidr("10.0.0.0/16"), ports: { from: 443, to: 443 }, description: "a" });
    expectFlow(s, { vpc: a }, { target: server, port: 443 }).toBeAllowed();
  });

  test("an ingress rule naming a prefix list admits its entries (entry blocks)", () => {
    const { s, a, server } = peered({ routeByList: false });
    const clients = new Ec2ManagedPrefixList(s, "Clients", {
      name: "clients",
      addressFamily: "IPv4",
      maxEntries: 5,
      entry: [{ cidr: "10.0.0.0/16" }],
    });
    admitByList(s, server, clients.id);
    expectFlow(s, { vpc: a }, { target: server, port: 443 }).toBeAllowed();
  });

  test("an ingress rule naming a prefix list admits its aws_ec2_managed_prefix_list_entry entries", () => {
    const { s, a, server } = peered({ routeByList: false });
    const clients = new Ec2ManagedPrefixList(s, "Clients", { name: "clients", addressFamily: "IPv4", maxEntries: 5 });
    new Ec2ManagedPrefixListEntryA(s, "ClientA", { prefixListId: clients.id, cidr: "10.0.0.0/16" });
    admitByList(s, server, clients.id);
    expectFlow(s, { vpc: a }, { target: server, port: 443 }).toBeAllowed();
  });

  test("fails when the prefix list does not hold the client's range", () => {
    const { s, a, server } = peered({ routeByList: false });
    const clients = new Ec2ManagedPrefixList(s, "Clients", {
      name: "clients",
      addressFamily: "IPv4",
      maxEntries: 5,
      entry: [{ cidr: "10.9.0.0/16" }],
    });
    admitByList(s, server, clients.id);
    expectFlow(s, { vpc: a }, { target: server, port: 443 }).toBeDenied("has no ingress from 10.0.0.0/24, 10.0.1.0/24");
  });

  test("fails, saying why, when the prefix list's entries are known only at apply", () => {
    const { s, a, server } = peered({ routeByList: false });
    const cidr = new TerraformVariable(s, "clientCidr", { type: "string" });
    const clients = new Ec2ManagedPrefixList(s, "Clients", {
      name: "clients",
      addressFamily: "IPv4",
      maxEntries: 5,
      entry: [{ cidr: cidr.stringValue }],
    });
    admitByList(s, server, clients.id);
    expectFlow(s, { vpc: a }, { target: server, port: 443 }).toBeDenied("names prefix list Clients, whose entries are known only at apply");
  });
});
