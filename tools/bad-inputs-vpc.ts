import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { ResourceShare, ResourceShareAccepter, SharePrincipal } from "../modules/ram";
import { Peer, PrivateHostedZone, SecurityGroup, TransitGateway, Vpc, VpcProps } from "../modules/vpc";
import { Port } from "../modules/core";
import type { BadInput } from "./bad-input-catalog";

/**
 * More bad inputs of VPCs, subnets and security groups, and of RAM shares:
 * wrong values found by reviewing the published API as users would (stop
 * 24). Part of the bad-input catalog.
 */

const vpc = (stack: TerraformStack, props: Partial<VpcProps> = {}) =>
  new Vpc(stack, "Vpc", { name: "owner", cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"], ...props });

/** Providers pinned to two accounts, the owner's and a partner's. */
export function accountProviders(stack: TerraformStack): { readonly owner: AwsProvider; readonly partner: AwsProvider } {
  return {
    owner: new AwsProvider(stack, "owner", { region: "us-east-1", alias: "owner", allowedAccountIds: ["111111111111"] }),
    partner: new AwsProvider(stack, "partner", { region: "us-east-1", alias: "partner", allowedAccountIds: ["222222222222"] }),
  };
}

const CONFIG_ARN = (account: string) => `arn:aws:vpc-lattice:us-east-1:${account}:resourceconfiguration/rcfg-0123456789abcdef0`;
const share = (stack: TerraformStack, provider: AwsProvider) =>
  new ResourceShare(stack, "Share", { name: "network", provider, principals: [SharePrincipal.account("222222222222")] });

export const VPC_BAD_INPUTS: readonly BadInput[] = [
  {
    module: "vpc",
    api: "Vpc",
    cause: "A VPC block larger than /16 or smaller than /28",
    fix: "Give the VPC a block of /16 to /28 (add more blocks, or more VPCs, for more addresses).",
    path: "Vpc",
    prop: "cidrBlock",
    received: '"10.0.0.0/8"',
    build: (s) => vpc(s, { cidrBlock: "10.0.0.0/8" }),
  },
  {
    module: "vpc",
    api: "Vpc.fromVpcAttributes",
    cause: "An existing VPC described with a block no VPC can have (larger than /16 or smaller than /28), often a typo",
    fix: "Give the VPC's own primary block, as the console or `aws ec2 describe-vpcs` shows it (/16 to /28).",
    path: "Existing",
    prop: "cidrBlock",
    received: '"10.0.0.0/8"',
    build: (s) => Vpc.fromVpcAttributes(s, "Existing", { vpcId: "vpc-0123456789abcdef0", cidrBlock: "10.0.0.0/8" }),
  },
  {
    module: "vpc",
    api: "Vpc.fromVpcAttributes",
    cause: "The same subnet listed twice in an existing VPC's subnets",
    fix: "List each subnet once, in one tier, with its own AZ.",
    path: "Existing",
    prop: "privateSubnetIds[1]",
    received: '"subnet-0aaa1111bbbb22220"',
    build: (s) =>
      Vpc.fromVpcAttributes(s, "Existing", {
        vpcId: "vpc-0123456789abcdef0",
        cidrBlock: "10.9.0.0/16",
        privateSubnetIds: ["subnet-0aaa1111bbbb22220", "subnet-0aaa1111bbbb22220"],
      }),
  },
  {
    module: "vpc",
    api: "Vpc",
    cause: "A small VPC block with the default subnetNewBits, which makes subnets smaller than /28",
    fix: "Lower subnetNewBits so that the subnets are /28 or larger (4 at most for a /24 VPC).",
    path: "Vpc",
    prop: "subnetNewBits",
    received: "8",
    build: (s) => vpc(s, { cidrBlock: "10.0.0.0/24" }),
  },
  {
    module: "vpc",
    api: "Vpc",
    cause: "More availability zones than subnetNewBits has subnets for",
    fix: "Raise subnetNewBits: one subnet per AZ, and n bits make 2^n subnets.",
    path: "Vpc",
    prop: "subnetNewBits",
    received: "1",
    build: (s) => vpc(s, { availabilityZones: ["us-east-1a", "us-east-1b", "us-east-1c"], subnetNewBits: 1 }),
  },
  {
    module: "ram",
    api: "ResourceShare.addResource",
    cause: "A resource of another account than the share's",
    fix: "Share the resource from its own account (a share of that account's provider); RAM shares only what its owner owns.",
    path: "Share",
    prop: "resources.db",
    received: '"arn:aws:vpc-lattice:us-east-1:999999999999:resourceconfiguration/rcfg-0123456789abcdef0"',
    build: (s) => share(s, accountProviders(s).owner).addResource("db", CONFIG_ARN("999999999999")),
  },
  {
    module: "ram",
    api: "ResourceShareAccepter",
    cause: "An accepter with the provider of the share owner's own account",
    fix: "Accept with the provider of an account the share is granted to; the owner's account has nothing to accept.",
    path: "Accepter",
    prop: "provider",
    received: '"owner (account 111111111111)"',
    build: (s) => {
      const { owner } = accountProviders(s);
      new ResourceShareAccepter(s, "Accepter", { share: share(s, owner), provider: owner });
    },
  },
  {
    module: "ram",
    api: "ResourceShareAccepter",
    cause: "An accepter in an account the share is not granted to",
    fix: "Accept with the provider of a principal's account, or add the account to the share's principals.",
    path: "Accepter",
    prop: "provider",
    received: '"other (account 333333333333)"',
    build: (s) => {
      const { owner } = accountProviders(s);
      const other = new AwsProvider(s, "other", { region: "us-east-1", alias: "other", allowedAccountIds: ["333333333333"] });
      new ResourceShareAccepter(s, "Accepter", { share: share(s, owner), provider: other });
    },
  },
  {
    module: "ram",
    api: "ResourceShare",
    cause: "A Name tag on a resource share",
    fix: "Leave Name out of the tags: the share's Name is its name.",
    path: "Share",
    prop: "tags.Name",
    received: '"other"',
    build: (s) => new ResourceShare(s, "Share", { name: "network", principals: [SharePrincipal.account("222222222222")], tags: { Name: "other" } }),
  },
  {
    module: "vpc",
    api: "SecurityGroup.addIngressRule",
    cause: "A misspelled field of a rule from JavaScript or `as any` (protocl for protocol), which was ignored: the rule opened TCP, not UDP",
    fix: "Spell the field as the error suggests; it lists every field a rule takes.",
    path: "Group",
    prop: "protocl",
    received: '"udp"',
    build: (s) =>
      new SecurityGroup(s, "Group", { vpc: vpc(s), description: "dns" }).addIngressRule({
        peer: Peer.cidr("10.0.0.0/16"),
        port: 53,
        protocl: "udp",
        description: "DNS from the VPC",
      } as never),
  },
  {
    module: "vpc",
    api: "TransitGateway.attach",
    cause:
      "Two VPCs with overlapping blocks attached and routed to each other: the route to the other VPC would be the VPC's own local route, which AWS refuses",
    fix: "Give one VPC another block, or attach it with routeTo: [] (and no routes to the overlapping VPC).",
    path: "Tgw",
    prop: "attach.twin.vpc.cidrBlock",
    received: '"10.0.0.0/16"',
    build: (s) => {
      const gateway = new TransitGateway(s, "Tgw", { name: "hub" });
      gateway.attach("hub", vpc(s));
      gateway.attach("twin", new Vpc(s, "Twin", { name: "twin", cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] }));
    },
  },
  {
    module: "vpc",
    api: "PrivateHostedZone",
    cause: "A second private hosted zone of the same name in a VPC: Route 53 refuses it at apply (ConflictingDomainExists)",
    fix: "Add the records to the zone the VPC already has, or associate the second zone with other VPCs.",
    path: "Second",
    prop: "vpc",
    received: '"test/Vpc"',
    build: (s) => {
      const clients = vpc(s);
      new PrivateHostedZone(s, "First", { zoneName: "corp.example.com", vpc: clients });
      new PrivateHostedZone(s, "Second", { zoneName: "corp.example.com", vpc: clients });
    },
  },
  {
    module: "vpc",
    api: "ResourceShareAccepter",
    cause: "The share given as its ARN string from JavaScript: the accepter was made with a null share_arn",
    fix: "Pass ResourceShare.fromResourceShareAttributes(scope, id, { resourceShareArn }), or the share itself.",
    path: "Accept",
    prop: "share",
    received: '"arn:aws:ram:us-east-1:111111111111:resource-share/7a1f3c52-9e0b-4d6a-8c1e-2f3b4a5c6d7e"',
    build: (s) =>
      new ResourceShareAccepter(s, "Accept", {
        share: "arn:aws:ram:us-east-1:111111111111:resource-share/7a1f3c52-9e0b-4d6a-8c1e-2f3b4a5c6d7e" as never,
        provider: accountProviders(s).partner,
      }),
  },
  {
    module: "vpc",
    api: "TransitGateway.attach",
    cause:
      "An attachment whose subnets leave out an AZ of the VPC's private subnets, whose route tables still get routes to the gateway: AWS forwards traffic to the gateway only from AZs with an attachment subnet",
    fix: "Give the attachment one subnet in every AZ of the VPC's private subnets (or leave subnets unset: the private subnets).",
    path: "Tgw",
    prop: "attach.hub.subnets",
    received: '["us-east-1a"]',
    build: (s) => {
      const gateway = new TransitGateway(s, "Tgw", { name: "hub" });
      const hub = vpc(s);
      gateway.attach("hub", hub, { subnets: [hub.privateSubnets[0]] });
      gateway.attach("spoke", new Vpc(s, "Spoke", { name: "spoke", cidrBlock: "10.1.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] }));
    },
  },
  {
    module: "vpc",
    api: "TransitGateway.attach",
    cause:
      "A VPC of another region than the gateway's: a transit gateway is regional, and the attachment would be made in the VPC's region with an ID of another",
    fix: "Attach the VPC to a gateway of its own region, and peer that gateway with this one.",
    path: "Tgw",
    prop: "attach.dublin.vpc",
    received: '"test/Dublin (provider eu, eu-west-1)"',
    build: (s) => {
      const eu = new AwsProvider(s, "eu", { region: "eu-west-1", alias: "eu" });
      const dublin = new Vpc(s, "Dublin", {
        name: "dublin",
        cidrBlock: "10.5.0.0/16",
        availabilityZones: ["eu-west-1a", "eu-west-1b"],
        provider: eu,
      });
      new TransitGateway(s, "Tgw", { name: "hub" }).attach("dublin", dublin, { accountId: "222222222222" });
    },
  },
  {
    module: "vpc",
    api: "SecurityGroup",
    cause: "The VPC given as its ID string from JavaScript: the group was made without vpc_id, in the region's default VPC",
    fix: "Pass the VPC made with new Vpc(...), or Vpc.fromVpcAttributes(scope, id, { vpcId, cidrBlock }) for an existing one.",
    path: "Group",
    prop: "vpc",
    received: '"vpc-0123456789abcdef0"',
    build: (s) => new SecurityGroup(s, "Group", { vpc: "vpc-0123456789abcdef0" as never, description: "a" }),
  },
  {
    module: "vpc",
    api: "PrivateHostedZone",
    cause: "The zone's VPC given as its ID string from JavaScript: the zone's vpc block had no vpc_id",
    fix: "Pass the VPC made with new Vpc(...), or Vpc.fromVpcAttributes(scope, id, { vpcId, cidrBlock }) for an existing one.",
    path: "Zone",
    prop: "vpc",
    received: '"vpc-0123456789abcdef0"',
    build: (s) => new PrivateHostedZone(s, "Zone", { zoneName: "corp.example.com", vpc: "vpc-0123456789abcdef0" as never }),
  },
  {
    module: "vpc",
    api: "PrivateHostedZone.associateVpc",
    cause: "The VPC to associate given as its ID string from JavaScript: the association had no vpc_id",
    fix: "Pass the VPC made with new Vpc(...), or Vpc.fromVpcAttributes(scope, id, { vpcId, cidrBlock }) for an existing one.",
    path: "Zone",
    prop: "associateVpc(batch)",
    received: '"vpc-0123456789abcdef0"',
    build: (s) =>
      new PrivateHostedZone(s, "Zone", { zoneName: "corp.example.com", vpc: vpc(s) }).associateVpc("batch", "vpc-0123456789abcdef0" as never),
  },
  {
    module: "vpc",
    api: "SecurityGroup.addIngressRule",
    cause: 'A port range given a protocol key from JavaScript ({ from: 53, to: 53, protocol: "udp" }): the rule was TCP, the protocol dropped',
    fix: 'Give the protocol as the rule\'s own protocol: { peer, ports: Port.tcp(53), protocol: "udp", description }.',
    path: "Group",
    prop: "ingressRules.ports.protocol",
    received: '"udp"',
    build: (s) =>
      new SecurityGroup(s, "Group", { vpc: vpc(s), description: "dns" }).addIngressRule({
        peer: Peer.cidr("10.0.0.0/16"),
        ports: { from: 53, to: 53, protocol: "udp" } as never,
        description: "dns",
      }),
  },
  {
    module: "vpc",
    api: "Connections.allowFrom",
    cause: "A port range given a protocol key from JavaScript: the rules were TCP, the protocol dropped",
    fix: 'Give the protocol as the rule option: connections.allowFrom(peer, Port.tcp(53), "why", { protocol: "udp" }).',
    path: "Group",
    prop: "connections.allowFrom.port.protocol",
    received: '"udp"',
    build: (s) =>
      new SecurityGroup(s, "Group", { vpc: vpc(s), description: "dns" }).connections.allowFrom(
        Peer.cidr("10.0.0.0/16"),
        { from: 53, to: 53, protocol: "udp" } as never,
        "dns",
      ),
  },
  {
    module: "vpc",
    api: "SecurityGroup",
    cause: "A name prefix with characters EC2 refuses in security group names (accents, other scripts)",
    fix: "Use letters, digits, spaces and ._-:/()#,@[]+=&;{}!$* only in namePrefix.",
    path: "Group",
    prop: "namePrefix",
    received: '"héllo wörld"',
    build: (s) => new SecurityGroup(s, "Group", { vpc: vpc(s), description: "a", namePrefix: "héllo wörld" }),
  },
  {
    module: "vpc",
    api: "Vpc",
    cause: "A VPC block in a range no VPC can have (multicast, loopback, link-local, 0.0.0.0/8, class E): CreateVpc refuses it",
    fix: "Give the VPC an RFC 1918 block such as 10.0.0.0/16 (or a publicly routable block you own).",
    path: "Vpc",
    prop: "cidrBlock",
    received: '"224.0.0.0/16"',
    build: (s) => vpc(s, { cidrBlock: "224.0.0.0/16" }),
  },
  {
    module: "vpc",
    api: "Connections.allowFrom",
    cause:
      "A rule naming a security group of another VPC that nothing joins for references (no VPC peering, no transit gateway with securityGroupReferencing): AWS refuses it (two resources of different networks)",
    fix: "Name the other VPC's clients by Peer.cidr(<its CIDR>), or attach both VPCs to a TransitGateway with securityGroupReferencing: true.",
    path: "Servers",
    prop: "connections.allowFrom.peer",
    received: '"test/Clients"',
    build: (s) => {
      const servers = new SecurityGroup(s, "Servers", { vpc: vpc(s), description: "servers" });
      const other = new Vpc(s, "Other", { name: "other", cidrBlock: "10.1.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
      servers.connections.allowFrom(new SecurityGroup(s, "Clients", { vpc: other, description: "clients" }), Port.tcp(443), "from clients");
      Testing.synth(s, true);
    },
  },
  {
    module: "vpc",
    api: "Vpc.fromVpcAttributes",
    cause:
      "An imported subnet's cidrBlock outside the VPC's block (or no IPv4 CIDR): the addresses checked against it would be judged by a block the subnet cannot have",
    fix: "Give the subnet's own IPv4 block, inside the VPC's (aws ec2 describe-subnets shows it), or leave cidrBlock out.",
    path: "Legacy",
    prop: "privateSubnets[0].cidrBlock",
    received: '"10.1.4.0/24"',
    build: (s) =>
      Vpc.fromVpcAttributes(s, "Legacy", {
        vpcId: "vpc-0aaa0000000000001",
        cidrBlock: "10.0.0.0/16",
        privateSubnets: [{ subnetId: "subnet-0aaa1111bbbb22220", availabilityZone: "us-east-1a", cidrBlock: "10.1.4.0/24" }],
      }),
  },
  {
    module: "vpc",
    api: "SecurityGroup.addEgressRule",
    cause:
      "An egress rule naming a security group of a VPC joined only by a transit gateway (with securityGroupReferencing): AWS supports group references over a transit gateway in inbound rules only, so the rule lets nothing out",
    fix: "Name the other VPC by Peer.cidr(<its CIDR>) in the egress rule (connections.allowTo and allowFrom do so), or join the VPCs by same-region VPC peering.",
    path: "Clients",
    prop: "egressRules.peer",
    received: '"test/Servers"',
    build: (s) => {
      const own = vpc(s);
      const other = new Vpc(s, "Other", { name: "other", cidrBlock: "10.1.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
      const tgw = new TransitGateway(s, "Tgw", { name: "core", securityGroupReferencing: true });
      tgw.attach("own", own);
      tgw.attach("other", other);
      const servers = new SecurityGroup(s, "Servers", { vpc: own, description: "servers" });
      new SecurityGroup(s, "Clients", { vpc: other, description: "clients" }).addEgressRule({
        peer: Peer.securityGroup(servers, "servers"),
        ports: Port.tcp(443),
        description: "to servers",
      });
      Testing.synth(s, true);
    },
  },
  {
    module: "ram",
    api: "ResourceShareAccepter",
    cause:
      "An accepter whose provider is in another region than the share's: RAM shares and their invitations are regional, so it finds no pending invitation",
    fix: "Accept with a provider of the partner account in the share's region (or share from the region the partner accepts in).",
    path: "Accepter",
    prop: "provider",
    received: '"partnereu (region eu-west-1)"',
    build: (s) => {
      const { owner } = accountProviders(s);
      const partnerEu = new AwsProvider(s, "partner-eu", { region: "eu-west-1", alias: "partnereu", allowedAccountIds: ["222222222222"] });
      new ResourceShareAccepter(s, "Accepter", { share: share(s, owner), provider: partnerEu });
    },
  },
  {
    module: "ram",
    api: "ResourceShareAccepter",
    cause: "A second accepter of one share in the same account: the account's invitation is accepted once, and the second finds none pending",
    fix: "Accept each share once per account, and let everything of that account wait for the one accepter.",
    path: "Second",
    prop: "share",
    received: '"test/Share"',
    build: (s) => {
      const { owner, partner } = accountProviders(s);
      const shared = share(s, owner);
      new ResourceShareAccepter(s, "First", { share: shared, provider: partner });
      new ResourceShareAccepter(s, "Second", { share: shared, provider: partner });
    },
  },
  {
    module: "vpc",
    api: "TransitGateway.attach",
    cause:
      "An existing VPC of other tiers than private (app, tgw, mgmt) attached in its tgw tier without routeFrom: no route table of the VPC got a route to the gateway, so return traffic never reached it",
    fix: 'Name the tiers whose route tables route to the gateway: routeFrom: [{ tier: "app" }, { tier: "data" }].',
    path: "Tgw",
    prop: "attach.app.routeFrom",
    received: "undefined",
    build: (s) => {
      const existing = landingZoneVpc(s);
      new TransitGateway(s, "Tgw", { name: "hub" }).attach("app", existing, { subnets: existing.selectSubnets({ tier: "tgw" }) });
    },
  },
  {
    module: "vpc",
    api: "TransitGateway.attach",
    cause: "routeFrom names a tier of an existing VPC imported without its route tables: its subnets would get no route to the gateway",
    fix: "Give the tier's routeTableIds in Vpc.fromVpcAttributes (one entry when its subnets share a table), or leave the tier out of routeFrom.",
    path: "Tgw",
    prop: "attach.app.routeFrom[0]",
    received: '"subnet-0ddddddddddddddd1"',
    build: (s) => {
      const existing = landingZoneVpc(s);
      new TransitGateway(s, "Tgw", { name: "hub" }).attach("app", existing, {
        subnets: existing.selectSubnets({ tier: "tgw" }),
        routeFrom: [{ tier: "mgmt" }],
      });
    },
  },
  {
    module: "vpc",
    api: "TransitGateway.attach",
    cause: "routeFrom names a tier the VPC does not have (private, for a landing zone VPC of app and data tiers)",
    fix: "Name one of the tiers the VPC was imported with.",
    path: "Tgw",
    prop: "attach.app.routeFrom[0].tier",
    received: '"private"',
    build: (s) => {
      const existing = landingZoneVpc(s);
      new TransitGateway(s, "Tgw", { name: "hub" }).attach("app", existing, {
        subnets: existing.selectSubnets({ tier: "tgw" }),
        routeFrom: [{ tier: "private" }],
      });
    },
  },
  {
    module: "vpc",
    api: "TransitGateway.fromTransitGatewayAttributes",
    cause: "An existing transit gateway imported with an ID of another kind (a VPC ID), or a malformed one",
    fix: "Give the gateway's ID, tgw- and 8 or 17 hexadecimal digits, as `aws ec2 describe-transit-gateways` shows it.",
    path: "Corp",
    prop: "transitGatewayId",
    received: '"vpc-0123456789abcdef0"',
    build: (s) => TransitGateway.fromTransitGatewayAttributes(s, "Corp", { transitGatewayId: "vpc-0123456789abcdef0" }),
  },
  {
    module: "vpc",
    api: "TransitGateway.fromTransitGatewayAttributes",
    cause: "The route table of an existing gateway given as a VPC route table ID (rtb-…)",
    fix: "Give the transit gateway route table's ID (tgw-rtb-…), as `aws ec2 describe-transit-gateway-route-tables` shows it.",
    path: "Corp",
    prop: "routeTableId",
    received: '"rtb-0123456789abcdef0"',
    build: (s) =>
      TransitGateway.fromTransitGatewayAttributes(s, "Corp", { transitGatewayId: "tgw-0123456789abcdef0", routeTableId: "rtb-0123456789abcdef0" }),
  },
  {
    module: "vpc",
    api: "TransitGateway.fromTransitGatewayAttributes",
    cause:
      "An existing gateway of another account imported with routeTableId and a provider of the VPCs' account: only the gateway's owner associates attachments with its route tables",
    fix: "Leave routeTableId out and let the owner associate the attachments (after accepting them), or import the gateway with the owner's provider.",
    path: "Corp",
    prop: "routeTableId",
    received: '"tgw-rtb-0123456789abcdef0"',
    build: (s) =>
      TransitGateway.fromTransitGatewayAttributes(s, "Corp", {
        transitGatewayId: "tgw-0123456789abcdef0",
        routeTableId: "tgw-rtb-0123456789abcdef0",
        ownerAccountId: "999999999999",
        provider: accountProviders(s).partner,
      }),
  },
  {
    module: "vpc",
    api: "TransitGateway.fromTransitGatewayAttributes(...).attach",
    cause:
      "accountId given to attach a VPC to an existing gateway: this configuration shares nothing, and the share would have been silently skipped",
    fix: "Leave accountId out: the gateway's owner shares it with the VPC's account through RAM (give ownerAccountId to the import when it is another account).",
    path: "Corp",
    prop: "attach.partner.accountId",
    received: '"222222222222"',
    build: (s) =>
      TransitGateway.fromTransitGatewayAttributes(s, "Corp", { transitGatewayId: "tgw-0123456789abcdef0" }).attach(
        "partner",
        vpc(s, { provider: accountProviders(s).partner }),
        { accountId: "222222222222" },
      ),
  },
  {
    module: "vpc",
    api: "TransitGateway.fromTransitGatewayAttributes(...).attach",
    cause:
      "A VPC of another provider attached to an existing gateway imported with routeTableId: its association with the gateway's route table would be made by an account that does not own the gateway",
    fix: "Attach VPCs of other accounts to an import without routeTableId, and let the gateway's owner associate them.",
    path: "Corp",
    prop: "attach.partner.vpc",
    received: '"test/Vpc (provider partner)"',
    build: (s) =>
      TransitGateway.fromTransitGatewayAttributes(s, "Corp", {
        transitGatewayId: "tgw-0123456789abcdef0",
        routeTableId: "tgw-rtb-0123456789abcdef0",
      }).attach("partner", vpc(s, { provider: accountProviders(s).partner })),
  },
  {
    module: "vpc",
    api: "TransitGateway.attach",
    cause: "A destination routed to the gateway that is no CIDR (a name, or a prefix length over 32)",
    fix: "Give IPv4 or IPv6 CIDR blocks such as 192.168.0.0/16, 0.0.0.0/0 or ::/0.",
    path: "Tgw",
    prop: "attach.hub.destinations[0]",
    received: '"on-prem"',
    build: (s) => new TransitGateway(s, "Tgw", { name: "hub" }).attach("hub", vpc(s), { destinations: ["on-prem"] }),
  },
  {
    module: "vpc",
    api: "TransitGateway.attach",
    cause: "A destination inside the VPC's own block: its local route covers it, and AWS takes no route to a transit gateway inside it",
    fix: "Route a block outside the VPC's own (a block around it, such as 10.0.0.0/8, is fine).",
    path: "Tgw",
    prop: "attach.hub.destinations[0]",
    received: '"10.0.5.0/24"',
    build: (s) => new TransitGateway(s, "Tgw", { name: "hub" }).attach("hub", vpc(s), { destinations: ["10.0.5.0/24"] }),
  },
  {
    module: "vpc",
    api: "TransitGateway.attach",
    cause: "The same destination listed twice: the second route in each route table would fail at apply (RouteAlreadyExists)",
    fix: "List each destination once.",
    path: "Tgw",
    prop: "attach.hub.destinations[1]",
    received: '"192.168.0.0/16"',
    build: (s) => new TransitGateway(s, "Tgw", { name: "hub" }).attach("hub", vpc(s), { destinations: ["192.168.0.0/16", "192.168.0.0/16"] }),
  },
  {
    module: "vpc",
    api: "TransitGateway.attach",
    cause: "An IPv6 destination (::/0) for an attachment without IPv6 (an IPv4-only VPC or subnets): the gateway carries no IPv6 from it",
    fix: "Route IPv4 destinations only, or attach a dual-stack VPC in dual-stack subnets.",
    path: "Tgw",
    prop: "attach.hub.destinations[0]",
    received: '"::/0"',
    build: (s) => new TransitGateway(s, "Tgw", { name: "hub" }).attach("hub", vpc(s), { destinations: ["::/0"] }),
  },
  {
    module: "vpc",
    api: "TransitGateway.attach",
    cause: "Destinations given with routeFrom: [] (no route table of the VPC gets routes): they would be routed nowhere",
    fix: "Name the tiers to route them from in routeFrom, or leave destinations out.",
    path: "Tgw",
    prop: "attach.hub.destinations",
    received: '["0.0.0.0/0"]',
    build: (s) => new TransitGateway(s, "Tgw", { name: "hub" }).attach("hub", vpc(s), { routeFrom: [], destinations: ["0.0.0.0/0"] }),
  },
  {
    module: "vpc",
    api: "TransitGateway.attach",
    cause:
      "A destination that is the block of a VPC attached later and routed to: the VPC's route tables would get two routes to one destination, which AWS refuses",
    fix: "Leave the VPC's block out of destinations (the attachment routes to it already), or attach the other VPC with routeTo that leaves this one out.",
    path: "Tgw",
    prop: "attach.hub.destinations[0]",
    received: '"10.1.0.0/16"',
    build: (s) => {
      const gateway = new TransitGateway(s, "Tgw", { name: "hub" });
      gateway.attach("hub", vpc(s), { destinations: ["10.1.0.0/16"] });
      gateway.attach("spoke", new Vpc(s, "Spoke", { name: "spoke", cidrBlock: "10.1.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] }));
    },
  },
  {
    module: "vpc",
    api: "TransitGateway.attach",
    cause: "An existing VPC without private subnets attached with neither subnets nor routeFrom: the attachment had no subnets",
    fix: 'Give the attachment\'s subnets, one per AZ: subnets: vpc.selectSubnets({ tier: "tgw" }).',
    path: "Tgw",
    prop: "attach.app.subnets",
    received: "[]",
    build: (s) => new TransitGateway(s, "Tgw", { name: "hub" }).attach("app", landingZoneVpc(s)),
  },
  {
    module: "vpc",
    api: "Vpc.fromVpcAttributes",
    cause: "privateHostedZoneNames of an existing VPC listing one zone name twice (in other case, or with the final dot)",
    fix: "List each private hosted zone associated with the VPC once, as aws route53 list-hosted-zones-by-vpc shows it: a VPC has one zone of a name.",
    path: "Existing",
    prop: "privateHostedZoneNames[1]",
    received: '"API.partner.example.com."',
    build: (s) =>
      Vpc.fromVpcAttributes(s, "Existing", {
        vpcId: "vpc-0123456789abcdef0",
        cidrBlock: "10.50.0.0/16",
        privateHostedZoneNames: ["api.partner.example.com", "API.partner.example.com."],
      }),
  },
  {
    module: "vpc",
    api: "Vpc.fromVpcAttributes",
    cause: "serviceNetworkAssociation of an existing VPC given as the service network's ID instead of the association's",
    fix: "Give the association's ID (snva- and 17 characters), as aws vpc-lattice list-service-network-vpc-associations --vpc-identifier <vpc> shows it.",
    path: "Existing",
    prop: "serviceNetworkAssociation",
    received: '"sn-0123456789abcdef0"',
    build: (s) =>
      Vpc.fromVpcAttributes(s, "Existing", {
        vpcId: "vpc-0123456789abcdef0",
        cidrBlock: "10.50.0.0/16",
        serviceNetworkAssociation: "sn-0123456789abcdef0",
      }),
  },
  {
    module: "vpc",
    api: "PrivateHostedZone",
    cause:
      "A private hosted zone created with an existing VPC that is associated with a zone of the same name already (VpcAttributes.privateHostedZoneNames): Route 53 refuses it (ConflictingDomainExists)",
    fix: "Add the records to the existing zone, or give the new zone another name.",
    path: "Zone",
    prop: "vpc",
    received: '"vpc-0123456789abcdef0"',
    build: (s) =>
      new PrivateHostedZone(s, "Zone", {
        zoneName: "api.partner.example.com",
        vpc: Vpc.fromVpcAttributes(s, "Existing", {
          vpcId: "vpc-0123456789abcdef0",
          cidrBlock: "10.50.0.0/16",
          privateHostedZoneNames: ["api.partner.example.com"],
        }),
      }),
  },
  {
    module: "vpc",
    api: "TransitGateway.attach",
    cause: "An attachment named twice in routeTo: the routes to it would be made twice (a raw construct-name error)",
    fix: "Name each attachment once in routeTo.",
    path: "Network",
    prop: "attach.orders.routeTo[1]",
    received: '"hub"',
    build: (s) => {
      const tgw = new TransitGateway(s, "Network", { name: "core" });
      const hub = tgw.attach("hub", vpc(s));
      tgw.attach("orders", new Vpc(s, "Orders", { name: "orders", cidrBlock: "10.1.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] }), {
        routeTo: [hub, hub],
      });
    },
  },
  {
    module: "vpc",
    api: "TransitGateway.attach",
    cause: "Subnet IDs (strings) as subnets: the attachment was made with no subnet IDs at all",
    fix: 'Give subnet objects (vpc.selectSubnets({ tier: "tgw" })); import an existing VPC with its subnets to have them.',
    path: "Network",
    prop: "attach.hub.subnets[0]",
    received: '"subnet-0123456789abcdef0"',
    build: (s) => {
      new TransitGateway(s, "Network", { name: "core" }).attach("hub", vpc(s), { subnets: ["subnet-0123456789abcdef0"] as never });
    },
  },
  {
    module: "vpc",
    api: "TransitGateway.attach",
    cause: "A routeFrom selection with a misspelled field (tiers for tier): it selected every subnet without a word",
    fix: "Use the fields of a subnet selection: tier, availabilityZones, tags.",
    path: "Network",
    prop: "attach.hub.routeFrom[0].tiers",
    received: '"private"',
    build: (s) => {
      new TransitGateway(s, "Network", { name: "core" }).attach("hub", vpc(s), { routeFrom: [{ tiers: "private" } as never] });
    },
  },
  {
    module: "vpc",
    api: "Vpc.fromVpcAttributes",
    cause: "A private subnet's cidrBlock smaller than /28 (or larger than /16): no subnet of AWS has such a block",
    fix: "Give the subnet's block as AWS shows it (/16 to /28).",
    path: "Existing",
    prop: "privateSubnets[0].cidrBlock",
    received: '"10.50.1.0/29"',
    build: (s) =>
      Vpc.fromVpcAttributes(s, "Existing", {
        vpcId: "vpc-0123456789abcdef0",
        cidrBlock: "10.50.0.0/16",
        privateSubnets: [{ subnetId: "subnet-0123456789abcdef0", availabilityZone: "us-east-1a", cidrBlock: "10.50.1.0/29" }],
      }),
  },
  {
    module: "vpc",
    api: "Vpc.fromVpcAttributes",
    cause: "Two private subnets with overlapping blocks: the subnets of a VPC never overlap",
    fix: "Give each subnet's own block, as AWS shows it.",
    path: "Existing",
    prop: "privateSubnets[1].cidrBlock",
    received: '"10.50.1.0/25"',
    build: (s) =>
      Vpc.fromVpcAttributes(s, "Existing", {
        vpcId: "vpc-0123456789abcdef0",
        cidrBlock: "10.50.0.0/16",
        privateSubnets: [
          { subnetId: "subnet-0123456789abcdef0", availabilityZone: "us-east-1a", cidrBlock: "10.50.1.0/24" },
          { subnetId: "subnet-0123456789abcdef1", availabilityZone: "us-east-1b", cidrBlock: "10.50.1.0/25" },
        ],
      }),
  },
  {
    module: "vpc",
    api: "Vpc.fromVpcAttributes",
    cause: "A private subnet of another tier: it was dropped from vpc.privateSubnets without a word",
    fix: "Leave tier out in privateSubnets (they are the tier private), or describe the other tier in subnetGroups.",
    path: "Existing",
    prop: "privateSubnets[0].tier",
    received: '"app"',
    build: (s) =>
      Vpc.fromVpcAttributes(s, "Existing", {
        vpcId: "vpc-0123456789abcdef0",
        cidrBlock: "10.50.0.0/16",
        privateSubnets: [{ subnetId: "subnet-0123456789abcdef0", availabilityZone: "us-east-1a", tier: "app" }],
      }),
  },
  {
    module: "vpc",
    api: "Vpc.fromVpcAttributes",
    cause: "A private subnet object with a field ISubnet does not have (cidr for cidrBlock): it was ignored",
    fix: "Use the fields of a subnet: subnetId, availabilityZone, availabilityZoneId, cidrBlock, routeTableId, ipAddressType, vpcId, tier, tags.",
    path: "Existing",
    prop: "privateSubnets[0].cidr",
    received: '"10.50.1.0/24"',
    build: (s) =>
      Vpc.fromVpcAttributes(s, "Existing", {
        vpcId: "vpc-0123456789abcdef0",
        cidrBlock: "10.50.0.0/16",
        privateSubnets: [{ subnetId: "subnet-0123456789abcdef0", availabilityZone: "us-east-1a", cidr: "10.50.1.0/24" } as never],
      }),
  },
  {
    module: "vpc",
    api: "Vpc.fromVpcAttributes",
    cause: "A subnet group with a field it does not take (cidrBlock): it was dropped without a word",
    fix: "Use the fields of a subnet group: tier, subnetIds, availabilityZones, routeTableIds, subnetCount, tags, ipAddressType (a subnet's block goes into privateSubnets objects).",
    path: "Existing",
    prop: "subnetGroups[0].cidrBlock",
    received: '"10.50.1.0/24"',
    build: (s) =>
      Vpc.fromVpcAttributes(s, "Existing", {
        vpcId: "vpc-0123456789abcdef0",
        cidrBlock: "10.50.0.0/16",
        subnetGroups: [{ tier: "app", subnetIds: ["subnet-0123456789abcdef0"], cidrBlock: "10.50.1.0/24" } as never],
      }),
  },
  {
    module: "vpc",
    api: "Vpc",
    cause:
      "Tags given as a map only Terraform knows (a map(string) variable): the construct merges them with its own Name at synth, and the spread failed with a circular-reference error",
    fix: "Give literal tags, or put the variable's tags in the provider's default_tags.",
    path: "Vpc",
    prop: "tags",
    received: "<reference known at apply>",
    build: (s) => vpc(s, { tags: new TerraformVariable(s, "tags", { type: "map(string)" }).value as Record<string, string> }),
  },
  {
    module: "vpc",
    api: "SecurityGroup.addEgressRule",
    cause:
      "An egress rule added to a group imported with allowAllOutbound: true: its own rules let everything out, and the configuration that manages them (inline egress blocks) removes a rule added here on its next apply",
    fix: "Drop the rule (the group's own rules let the traffic out), or import the group with allowAllOutbound: false so that this configuration manages its egress rules.",
    path: "AppSg",
    prop: "egressRules",
    received: '"tcp 5432 to 10.9.0.0/16"',
    build: (s) =>
      SecurityGroup.fromSecurityGroupAttributes(s, "AppSg", { securityGroupId: "sg-0aaaaaaaaaaaaaaa1", allowAllOutbound: true }).addEgressRule({
        peer: Peer.cidr("10.9.0.0/16"),
        ports: Port.tcp(5432),
        description: "The reporting database",
      }),
  },
  {
    module: "vpc",
    api: "SecurityGroup.fromSecurityGroupAttributes",
    cause: 'allowAllOutbound given as a string (a JavaScript caller\'s "yes"): whether egress rules are created is decided by a boolean',
    fix: "Give allowAllOutbound: true (the group's own rules let everything out) or false (the default: connections add egress rules to it).",
    path: "AppSg",
    prop: "allowAllOutbound",
    received: '"yes"',
    build: (s) =>
      SecurityGroup.fromSecurityGroupAttributes(s, "AppSg", { securityGroupId: "sg-0aaaaaaaaaaaaaaa1", allowAllOutbound: "yes" as never }),
  },
  {
    module: "vpc",
    api: "Vpc.fromVpcAttributes",
    cause: "ipv6CidrBlock of one subnet (a /64) instead of the VPC's block: rules that admit the VPC's IPv6 clients would admit that subnet's only",
    fix: "Give the VPC's IPv6 block, as aws ec2 describe-vpcs shows it (/56 when Amazon provides it, /44 to /60 from IPAM or BYOIP).",
    path: "Existing",
    prop: "ipv6CidrBlock",
    received: '"2600:1f18:1234:5600::/64"',
    build: (s) =>
      Vpc.fromVpcAttributes(s, "Existing", { vpcId: "vpc-0123456789abcdef0", cidrBlock: "10.0.0.0/16", ipv6CidrBlock: "2600:1f18:1234:5600::/64" }),
  },
  {
    module: "vpc",
    api: "TransitGateway.attach",
    cause:
      "gatewayRoutes inside another attached VPC's block in the same gateway route table (an inspection VPC routed the spokes' blocks in one table): the static route beats the VPC's propagated one and takes its traffic",
    fix: 'Route a wider CIDR (0.0.0.0/0, 10.0.0.0/8), or make the inspection VPC the hub of a gateway with isolateSpokes and give it gatewayRoutes: ["0.0.0.0/0"].',
    path: "Tgw",
    prop: "attach.inspection.gatewayRoutes[0]",
    received: '"10.1.0.0/16"',
    build: (s) => {
      const gateway = new TransitGateway(s, "Tgw", { name: "hub" });
      gateway.attach("orders", new Vpc(s, "Orders", { name: "orders", cidrBlock: "10.1.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] }));
      gateway.attach("inspection", vpc(s), { gatewayRoutes: ["10.1.0.0/16"] });
    },
  },
  {
    module: "vpc",
    api: "TransitGateway.attach",
    cause:
      "gatewayRoutes on a spoke (an attachment with routeTo) of a gateway with isolateSpokes: the spokes' table sends to hubs, and no table would send those CIDRs to a spoke",
    fix: "Give gatewayRoutes to the hub (the egress or inspection VPC's attachment, without routeTo).",
    path: "Tgw",
    prop: "attach.orders.gatewayRoutes",
    received: '"an attachment with routeTo (a spoke)"',
    build: (s) => {
      const gateway = new TransitGateway(s, "Tgw", { name: "hub", isolateSpokes: true });
      const hub = gateway.attach("hub", vpc(s));
      gateway.attach("orders", new Vpc(s, "Orders", { name: "orders", cidrBlock: "10.1.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] }), {
        routeTo: [hub],
        gatewayRoutes: ["192.168.0.0/16"],
      });
    },
  },
  {
    module: "vpc",
    api: "Vpc.fromVpcAttributes",
    cause:
      "A secondary block of another RFC 1918 range than the VPC's primary block (192.168.0.0/16 beside 10.50.0.0/16): AWS never associates it, so the VPC cannot have it, often a block of another VPC",
    fix: "Give the blocks `aws ec2 describe-vpcs` lists in the VPC's CidrBlockAssociationSet (for pods, a block of 100.64.0.0/10).",
    path: "Existing",
    prop: "secondaryCidrBlocks[0]",
    received: '"192.168.0.0/16"',
    build: (s) =>
      Vpc.fromVpcAttributes(s, "Existing", { vpcId: "vpc-0123456789abcdef0", cidrBlock: "10.50.0.0/16", secondaryCidrBlocks: ["192.168.0.0/16"] }),
  },
  {
    module: "vpc",
    api: "Vpc",
    cause: "A secondary block that overlaps the VPC's primary block (or another secondary one): AWS refuses the association",
    fix: "Give a block outside the VPC's other blocks, such as 100.64.0.0/16 for an EKS cluster's pods.",
    path: "Vpc",
    prop: "secondaryCidrBlocks[0]",
    received: '"10.0.128.0/17"',
    build: (s) => vpc(s, { secondaryCidrBlocks: ["10.0.128.0/17"] }),
  },
  {
    module: "vpc",
    api: "Vpc",
    cause: "A secondary block larger than /16 (the whole 100.64.0.0/10): AWS takes VPC blocks of /16 to /28",
    fix: "Associate /16 blocks, as many as needed (100.64.0.0/16, 100.65.0.0/16).",
    path: "Vpc",
    prop: "secondaryCidrBlocks[0]",
    received: '"100.64.0.0/10"',
    build: (s) => vpc(s, { secondaryCidrBlocks: ["100.64.0.0/10"] }),
  },
  {
    module: "vpc",
    api: "Connections.allowFrom",
    cause:
      'The same rule under two names: a group admitting Peer.securityGroup(clients, "app") directly, then connections.allowFrom(clients) on the same port (or one CIDR, prefix list or reference under two names): both rules synthesized, and terraform apply failed on the second with InvalidPermission.Duplicate',
    fix: "Add the rule once: through connections (which also adds the clients' egress rule), or directly, not both.",
    path: "Servers",
    prop: "connections.allowFrom",
    received: '"tcp 443 with sg-Clients"',
    build: (s) => {
      const network = vpc(s);
      const servers = new SecurityGroup(s, "Servers", { vpc: network, description: "servers" });
      const clients = new SecurityGroup(s, "Clients", { vpc: network, description: "clients" });
      servers.addIngressRule({ peer: Peer.securityGroup(clients, "app"), ports: Port.tcp(443), description: "App clients" });
      servers.connections.allowFrom(clients, Port.tcp(443), "Clients call the servers");
    },
  },
];

/** A landing zone's VPC made elsewhere: tiers app, tgw (with their route tables) and mgmt (without), and no private tier. */
function landingZoneVpc(stack: TerraformStack) {
  const azs = ["us-east-1a", "us-east-1b"];
  return Vpc.fromVpcAttributes(stack, "Existing", {
    vpcId: "vpc-0123456789abcdef0",
    cidrBlock: "10.50.0.0/16",
    subnetGroups: [
      {
        tier: "tgw",
        subnetIds: ["subnet-0eeeeeeeeeeeeeee1", "subnet-0eeeeeeeeeeeeeee2"],
        availabilityZones: azs,
        routeTableIds: ["rtb-0eeeeeeeeeeeeeee1"],
      },
      {
        tier: "app",
        subnetIds: ["subnet-0bbbbbbbbbbbbbbb1", "subnet-0bbbbbbbbbbbbbbb2"],
        availabilityZones: azs,
        routeTableIds: ["rtb-0bbbbbbbbbbbbbbb1", "rtb-0bbbbbbbbbbbbbbb2"],
      },
      { tier: "mgmt", subnetIds: ["subnet-0ddddddddddddddd1"], availabilityZones: ["us-east-1a"] },
    ],
  });
}
