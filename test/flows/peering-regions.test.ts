import { TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Route } from "@cdktf/provider-aws/lib/route";
import { VpcPeeringConnection } from "@cdktf/provider-aws/lib/vpc-peering-connection";
import { VpcPeeringConnectionAccepterA } from "@cdktf/provider-aws/lib/vpc-peering-connection-accepter";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { expectFlow } from "../../modules/flows";
import { Peer, PrivateVpc, SecurityGroup } from "../../modules/vpc";
import { testApp } from "../helpers";

/**
 * VPC peering across Regions: AWS matches no security group of the peer VPC
 * there, and auto_accept accepts only within one account and Region (a
 * peering with peer_region set needs an aws_vpc_peering_connection_accepter).
 */
function peeredAcross(options: { readonly accept: "accepter" | "autoAccept"; readonly byCidr?: boolean }) {
  const s = new TerraformStack(testApp(), "flows");
  new AwsProvider(s, "aws", { region: "us-east-1", allowedAccountIds: ["111111111111"] });
  const eu = new AwsProvider(s, "eu", { region: "eu-west-1", alias: "eu", allowedAccountIds: ["111111111111"] });
  const a = new PrivateVpc(s, "A", { name: "a", cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
  const b = new PrivateVpc(s, "B", { name: "b", cidrBlock: "10.1.0.0/16", availabilityZones: ["eu-west-1a", "eu-west-1b"], provider: eu });
  const peering = new VpcPeeringConnection(s, "Pcx", {
    vpcId: a.vpcId,
    peerVpcId: b.vpcId,
    peerRegion: "eu-west-1",
    autoAccept: options.accept === "autoAccept",
  });
  if (options.accept === "accepter")
    new VpcPeeringConnectionAccepterA(s, "Acc", { provider: eu, vpcPeeringConnectionId: peering.id, autoAccept: true });
  a.privateSubnets.forEach(
    (x, i) => new Route(s, `Ra${i}`, { routeTableId: x.routeTableId!, destinationCidrBlock: "10.1.0.0/16", vpcPeeringConnectionId: peering.id }),
  );
  b.privateSubnets.forEach(
    (x, i) =>
      new Route(s, `Rb${i}`, {
        provider: eu,
        routeTableId: x.routeTableId!,
        destinationCidrBlock: "10.0.0.0/16",
        vpcPeeringConnectionId: peering.id,
      }),
  );
  const client = new SecurityGroup(s, "Client", { vpc: a, description: "client" });
  new VpcSecurityGroupEgressRule(s, "ClientOut", {
    securityGroupId: client.securityGroupId,
    cidrIpv4: "10.1.0.0/16",
    ipProtocol: "tcp",
    fromPort: 443,
    toPort: 443,
  });
  const server = new SecurityGroup(s, "Server", { vpc: b, description: "server" });
  if (options.byCidr === true) server.addIngressRule({ peer: Peer.cidr("10.0.0.0/16"), ports: { from: 443, to: 443 }, description: "a" });
  else
    new VpcSecurityGroupIngressRule(s, "ServerIn", {
      provider: eu,
      securityGroupId: server.securityGroupId,
      referencedSecurityGroupId: client.securityGroupId,
      ipProtocol: "tcp",
      fromPort: 443,
      toPort: 443,
    });
  return { s, client, server };
}

describe("inter-Region VPC peering", () => {
  test("fails when the peer's ingress names the client's security group: AWS matches no reference across Regions", () => {
    const { s, client, server } = peeredAcross({ accept: "accepter" });
    expectFlow(s, { securityGroup: client }, { target: server, port: 443 }).toBeDenied(
      "peering connection Pcx joins VPCs of different Regions (us-east-1 and eu-west-1), and AWS matches no security group of the peer VPC",
    );
  });

  test("admits the client by CIDR", () => {
    const { s, client, server } = peeredAcross({ accept: "accepter", byCidr: true });
    expectFlow(s, { securityGroup: client }, { target: server, port: 443 }).toBeAllowed();
  });

  test("fails when only auto_accept would accept a peering with peer_region set", () => {
    const { s, client, server } = peeredAcross({ accept: "autoAccept", byCidr: true });
    expectFlow(s, { securityGroup: client }, { target: server, port: 443 }).toBeDenied(
      "peering connection Pcx is never accepted (auto_accept does not accept a peering with peer_region set",
    );
  });
});
