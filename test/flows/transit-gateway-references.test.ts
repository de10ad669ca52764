import { TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Route } from "@cdktf/provider-aws/lib/route";
import { Ec2TransitGateway } from "@cdktf/provider-aws/lib/ec2-transit-gateway";
import { Ec2TransitGatewayVpcAttachment } from "@cdktf/provider-aws/lib/ec2-transit-gateway-vpc-attachment";
import { VpcPeeringConnection } from "@cdktf/provider-aws/lib/vpc-peering-connection";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { AwsService, EndpointPolicy, InterfaceEndpoint } from "../../modules/endpoints";
import { expectFlow, networkModelOf } from "../../modules/flows";
import { Peer, PrivateVpc, SecurityGroup } from "../../modules/vpc";
import { testApp } from "../helpers";

/**
 * A client of a spoke VPC whose egress names the hub endpoint's security
 * group: AWS supports group references over a transit gateway in inbound
 * rules only, so that rule lets nothing out there (over peering it does).
 * Raw routes and rules, as Terraform JSON edited by hand would have them.
 */
function spokeClient(link: "transitGateway" | "peering") {
  const s = new TerraformStack(testApp(), "flows");
  new AwsProvider(s, "aws", { region: "us-east-1", allowedAccountIds: ["111111111111"] });
  const vpc = (id: string, cidrBlock: string) =>
    new PrivateVpc(s, id, { name: id.toLowerCase(), cidrBlock, availabilityZones: ["us-east-1a", "us-east-1b"] });
  const hub = vpc("HubVpc", "10.0.0.0/16");
  const spoke = vpc("SpokeVpc", "10.1.0.0/16");
  const endpoint = new InterfaceEndpoint(s, "Logs", {
    vpc: hub,
    service: AwsService.LOGS,
    policy: EndpointPolicy.allowAll(),
    allowedPeers: [Peer.cidr("10.0.0.0/8")],
  });
  const target =
    link === "transitGateway"
      ? { transitGatewayId: new Ec2TransitGateway(s, "Tgw", { securityGroupReferencingSupport: "enable" }).id }
      : { vpcPeeringConnectionId: new VpcPeeringConnection(s, "Peering", { vpcId: spoke.vpcId, peerVpcId: hub.vpcId, autoAccept: true }).id };
  for (const [name, v, to] of [
    ["hub", hub, "10.1.0.0/16"],
    ["spoke", spoke, "10.0.0.0/16"],
  ] as const) {
    if (target.transitGatewayId !== undefined)
      new Ec2TransitGatewayVpcAttachment(s, `Attach-${name}`, {
        transitGatewayId: target.transitGatewayId,
        vpcId: v.vpcId,
        subnetIds: v.privateSubnets.map((x) => x.subnetId),
        securityGroupReferencingSupport: "enable",
      });
    v.privateSubnets.forEach(
      (subnet, i) => new Route(s, `Route-${name}-${i}`, { routeTableId: subnet.routeTableId!, destinationCidrBlock: to, ...target }),
    );
  }
  const clients = new SecurityGroup(s, "Clients", { vpc: spoke, description: "clients" });
  new VpcSecurityGroupEgressRule(s, "ToEndpoint", {
    securityGroupId: clients.securityGroupId,
    referencedSecurityGroupId: endpoint.securityGroup!.securityGroupId,
    ipProtocol: "tcp",
    fromPort: 443,
    toPort: 443,
    description: "to the hub endpoint",
  });
  return { s, clients, endpoint: networkModelOf(s).endpoints[0].address };
}

describe("egress rules naming a group across a transit gateway", () => {
  test("do not let the client out over a transit gateway (AWS matches outbound references only within a VPC or over peering)", () => {
    const { s, clients, endpoint } = spokeClient("transitGateway");
    expectFlow(s, { securityGroup: clients }, { target: endpoint }).toBeDenied(
      "names the target's security group, which AWS does not match over a transit gateway",
    );
  });

  test("count over VPC peering", () => {
    const { s, clients, endpoint } = spokeClient("peering");
    expectFlow(s, { securityGroup: clients }, { target: endpoint }).toBeAllowed();
  });

  test("a CIDR egress to the hub lets the client out over the transit gateway", () => {
    const { s, clients, endpoint } = spokeClient("transitGateway");
    clients.addEgressRule({ peer: Peer.cidr("10.0.0.0/16"), ports: { from: 443, to: 443 }, description: "to the hub" });
    expectFlow(s, { securityGroup: clients }, { target: endpoint }).toBeAllowed();
  });
});

/**
 * A server in one VPC whose ingress names a client's group in another, the
 * VPCs joined by a transit gateway: AWS matches the reference only when the
 * gateway (default disable) and both attachments (default enable) enable
 * security_group_referencing_support.
 */
function referencedClient(options: { readonly gateway?: "enable" | "disable"; readonly attachment?: "enable" | "disable" }) {
  const s = new TerraformStack(testApp(), "flows");
  new AwsProvider(s, "aws", { region: "us-east-1", allowedAccountIds: ["111111111111"] });
  const vpc = (id: string, cidrBlock: string) =>
    new PrivateVpc(s, id, { name: id.toLowerCase(), cidrBlock, availabilityZones: ["us-east-1a", "us-east-1b"] });
  const a = vpc("ClientVpc", "10.0.0.0/16");
  const b = vpc("ServerVpc", "10.1.0.0/16");
  const tgw = new Ec2TransitGateway(s, "Tgw", { securityGroupReferencingSupport: options.gateway });
  for (const [name, v, to] of [
    ["client", a, "10.1.0.0/16"],
    ["server", b, "10.0.0.0/16"],
  ] as const) {
    new Ec2TransitGatewayVpcAttachment(s, `Attach-${name}`, {
      transitGatewayId: tgw.id,
      vpcId: v.vpcId,
      subnetIds: v.privateSubnets.map((x) => x.subnetId),
      securityGroupReferencingSupport: name === "server" ? options.attachment : undefined,
    });
    v.privateSubnets.forEach(
      (subnet, i) => new Route(s, `Route-${name}-${i}`, { routeTableId: subnet.routeTableId!, destinationCidrBlock: to, transitGatewayId: tgw.id }),
    );
  }
  const client = new SecurityGroup(s, "Client", { vpc: a, description: "client" });
  new VpcSecurityGroupEgressRule(s, "ClientOut", {
    securityGroupId: client.securityGroupId,
    cidrIpv4: "10.1.0.0/16",
    ipProtocol: "tcp",
    fromPort: 443,
    toPort: 443,
  });
  const server = new SecurityGroup(s, "Server", { vpc: b, description: "server" });
  new VpcSecurityGroupIngressRule(s, "ServerIn", {
    securityGroupId: server.securityGroupId,
    referencedSecurityGroupId: client.securityGroupId,
    ipProtocol: "tcp",
    fromPort: 443,
    toPort: 443,
  });
  return { s, client, server };
}

describe("ingress rules naming a group across a transit gateway", () => {
  test("match nothing when the gateway leaves security_group_referencing_support at its default (disable)", () => {
    const { s, client, server } = referencedClient({});
    expectFlow(s, { securityGroup: client }, { target: server, port: 443 }).toBeDenied(
      "transit gateway Tgw does not enable security_group_referencing_support",
    );
  });

  test("match nothing when an attachment disables security_group_referencing_support", () => {
    const { s, client, server } = referencedClient({ gateway: "enable", attachment: "disable" });
    expectFlow(s, { securityGroup: client }, { target: server, port: 443 }).toBeDenied(
      "attachment Attach-server to transit gateway Tgw sets security_group_referencing_support to disable",
    );
  });

  test("match when the gateway enables it and the attachments keep their default (enable)", () => {
    const { s, client, server } = referencedClient({ gateway: "enable" });
    expectFlow(s, { securityGroup: client }, { target: server, port: 443 }).toBeAllowed();
  });
});
