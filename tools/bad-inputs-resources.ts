import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { OptOut, Port, PortRange } from "../modules/core";
import { ResourceShare, ResourceShareAccepter, SharePrincipal } from "../modules/ram";
import {
  DnsResourceGroup,
  IResourceGateway,
  ResourceConfiguration,
  ResourceConfigurationProps,
  ResourceDefinition,
  ResourceGateway,
  ResourceGatewayProps,
  SharedDatabase,
  SharedResourceAccess,
  SharedResourceConsumer,
} from "../modules/resources";
import { SecurityGroup, Vpc } from "../modules/vpc";
import { ResourceEndpoint } from "../modules/endpoints";
import { ServiceNetwork } from "../modules/lattice";
import type { BadInput } from "./bad-input-catalog";
import { accountProviders } from "./bad-inputs-vpc";

/**
 * The bad inputs of resource gateways, resource configurations and their
 * patterns: safe inputs by meaning (issue 12) and the partner halves of the
 * cross-account patterns (issue 13). Part of the bad-input catalog.
 */

const RDS_ARN = "arn:aws:rds:us-east-1:111111111111:db:orders";
const CONFIG_ARN = "arn:aws:vpc-lattice:us-east-1:111111111111:resourceconfiguration/rcfg-0123456789abcdef0";
const GATEWAY_ARN = "arn:aws:vpc-lattice:us-east-1:111111111111:resourcegateway/rgw-0123456789abcdef0";
const NETWORK_ARN = "arn:aws:vpc-lattice:us-east-1:111111111111:servicenetwork/sn-0123456789abcdef0";
const SHARE_ARN = "arn:aws:ram:us-east-1:111111111111:resource-share/7a1f3c52-9e0b-4d6a-8c1e-2f3b4a5c6d7e";
const PARTNER = SharePrincipal.account("222222222222");

const ownerVpc = (stack: TerraformStack, provider?: AwsProvider) =>
  new Vpc(stack, "Vpc", { name: "owner", cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"], provider });
const gateway = (stack: TerraformStack, props: Partial<ResourceGatewayProps> = {}) =>
  new ResourceGateway(stack, "Gateway", { name: "owner-gateway", vpc: ownerVpc(stack), ...props });
const host = (stack: TerraformStack, props: Partial<ResourceConfigurationProps> = {}, resourceGateway: IResourceGateway = gateway(stack)) =>
  new ResourceConfiguration(stack, "Host", {
    name: "build-host",
    resourceGateway,
    resource: ResourceDefinition.ipAddress("10.0.1.5"),
    ports: [Port.tcp(22)],
    ...props,
  });
const importConfiguration = (
  stack: TerraformStack,
  attrs: Partial<Parameters<typeof ResourceConfiguration.fromResourceConfigurationAttributes>[2]>,
) => ResourceConfiguration.fromResourceConfigurationAttributes(stack, "Shared", { resourceConfigurationArn: CONFIG_ARN, ...attrs });
const group = (stack: TerraformStack) => {
  const apis = ResourceConfiguration.group(stack, "Apis", { name: "partner-apis", resourceGateway: gateway(stack) });
  apis.addChild("Billing", { name: "partner-billing", resource: ResourceDefinition.dns("billing.example.com"), ports: [Port.tcp(443)] });
  return apis;
};
const access = (stack: TerraformStack, props: Partial<ConstructorParameters<typeof SharedResourceAccess>[2]>) =>
  new SharedResourceAccess(stack, "Access", { name: "build-host", resourceConfiguration: host(stack), ...props });
const consumer = (stack: TerraformStack, props: Partial<ConstructorParameters<typeof SharedResourceConsumer>[2]>) =>
  new SharedResourceConsumer(stack, "Consumer", {
    resourceConfiguration: importConfiguration(stack, {}),
    vpc: ownerVpc(stack),
    acceptShare: { resourceShareArn: SHARE_ARN },
    provider: stack.node.tryFindChild("aws") as never,
    ...props,
  });
const dnsGroup = (stack: TerraformStack, props: Partial<ConstructorParameters<typeof DnsResourceGroup>[2]>) =>
  new DnsResourceGroup(stack, "Apis", {
    name: "apis",
    vpc: ownerVpc(stack),
    members: { billing: { domainName: "billing.example.com", ports: [Port.tcp(443)] } },
    ...props,
  });
const otherVpcGroup = (stack: TerraformStack) =>
  SecurityGroup.fromSecurityGroupAttributes(stack, "Other", { securityGroupId: "sg-0123456789abcdef0", vpcId: "vpc-0fedcba9876543210" });

export const RESOURCE_BAD_INPUTS: readonly BadInput[] = [
  // addresses by meaning
  {
    module: "resources",
    api: "ResourceDefinition.ipAddress",
    cause: "A public IPv4 address as an IP resource",
    fix: "Share a private address of the resource; share a public service by its DNS name.",
    path: "Host",
    prop: "resource.ipAddress",
    received: '"8.8.8.8"',
    build: (s) => host(s, { resource: ResourceDefinition.ipAddress("8.8.8.8") }),
  },
  {
    module: "resources",
    api: "ResourceDefinition.ipAddress",
    cause: "A loopback address as an IP resource",
    fix: "Give the resource's private address in the VPC.",
    path: "Host",
    prop: "resource.ipAddress",
    received: '"127.0.0.1"',
    build: (s) => host(s, { resource: ResourceDefinition.ipAddress("127.0.0.1") }),
  },
  {
    module: "resources",
    api: "ResourceDefinition.ipAddress",
    cause: "A link-local address as an IP resource",
    fix: "Give the resource's private address in the VPC.",
    path: "Host",
    prop: "resource.ipAddress",
    received: '"169.254.169.254"',
    build: (s) => host(s, { resource: ResourceDefinition.ipAddress("169.254.169.254") }),
  },
  {
    module: "resources",
    api: "ResourceDefinition.ipAddress",
    cause: "An IP resource outside the gateway's VPC, in no range it declares",
    fix: "Use an address of the VPC, or declare the peered or on-premises range in the gateway's reachableCidrs.",
    path: "Host",
    prop: "resource.ipAddress",
    received: '"10.9.0.5"',
    build: (s) => host(s, { resource: ResourceDefinition.ipAddress("10.9.0.5") }),
  },
  {
    module: "resources",
    api: "ResourceDefinition.dns",
    cause: "A DNS resource under a domain public DNS never answers, such as an EC2 host's ip-10-0-1-5.ec2.internal",
    fix: "Publish a record in a public zone holding the resource's private address, use its RDS or load balancer DNS name, or share it as an IP resource: the gateway resolves names in public DNS.",
    path: "Host",
    prop: "resource.domainName",
    received: '"ip-10-0-1-5.ec2.internal"',
    build: (s) => host(s, { resource: ResourceDefinition.dns("ip-10-0-1-5.ec2.internal") }),
  },
  {
    module: "resources",
    api: "ResourceDefinition.arn",
    cause: "An ARN resource that is not an RDS database",
    fix: "Give an RDS DB instance or cluster ARN; reach other resources by DNS name or IP address.",
    path: "Host",
    prop: "resource.arn",
    received: '"arn:aws:lambda:us-east-1:111111111111:function:orders"',
    build: (s) => host(s, { resource: ResourceDefinition.arn("arn:aws:lambda:us-east-1:111111111111:function:orders"), ports: undefined }),
  },
  {
    module: "resources",
    api: "ResourceDefinition.arn",
    cause: "An RDS ARN of another region than the gateway's",
    fix: "Share the database of the gateway's region (a gateway reaches resources of its own region only).",
    path: "Host",
    prop: "resource.arn",
    received: '"arn:aws:rds:eu-west-1:111111111111:db:orders"',
    build: (s) => host(s, { resource: ResourceDefinition.arn("arn:aws:rds:eu-west-1:111111111111:db:orders"), ports: undefined }),
  },
  {
    module: "resources",
    api: "ResourceDefinition.arn",
    cause: "An empty list of security-group ports",
    fix: "List the ports the resource listens on, or leave securityGroupPorts unset and open the groups yourself.",
    path: "Host",
    prop: "resource.securityGroupPorts",
    received: "[]",
    build: (s) => host(s, { resource: ResourceDefinition.arn(RDS_ARN, { securityGroupPorts: [] }), ports: undefined }),
  },
  {
    module: "resources",
    api: "ResourceConfiguration",
    cause: "An RDS ARN resource without security-group ports, behind a gateway whose own security group has no egress rule",
    fix: "Give ResourceDefinition.arn(arn, { securityGroupPorts: [Port.tcp(5432)] }) the port the database listens on, or open it yourself with gateway.connections.allowTo.",
    path: "Host",
    prop: "resource.securityGroupPorts",
    received: "undefined",
    build: (s) => {
      host(s, { resource: ResourceDefinition.arn(RDS_ARN), ports: undefined });
      Testing.synth(s);
    },
  },
  {
    module: "resources",
    api: "ResourceConfiguration",
    cause: "Resource security groups for an imported IPV6 gateway known by a VPC whose IPv6 block is not given",
    fix: "Import the VPC with its ipv6CidrBlock, or the gateway with its securityGroups: the resource admits the gateway's IPv6 addresses.",
    path: "Host",
    prop: "resourceGateway.vpc.ipv6CidrBlock",
    received: "undefined",
    build: (s) => {
      const vpc = Vpc.fromVpcAttributes(s, "Vpc", { vpcId: "vpc-0123456789abcdef0", cidrBlock: "10.0.0.0/16" });
      const imported = ResourceGateway.fromResourceGatewayAttributes(s, "Gateway", { resourceGatewayArn: GATEWAY_ARN, vpc, ipAddressType: "IPV6" });
      const db = SecurityGroup.fromSecurityGroupAttributes(s, "Db", { securityGroupId: "sg-0bbbbbbbbbbbbbbbb", vpcId: vpc.vpcId });
      host(s, { resource: ResourceDefinition.dns("db.example.com"), resourceSecurityGroups: [db] }, imported);
    },
  },
  {
    module: "resources",
    api: "ResourceConfiguration",
    cause: "A JavaScript caller's plain object as the resource",
    fix: "Build it with ResourceDefinition.dns, .ipAddress or .arn.",
    path: "Host",
    prop: "resource",
    received: '{"ipAddress":"10.0.1.5"}',
    build: (s) => host(s, { resource: { ipAddress: "10.0.1.5" } as never }),
  },
  // ports
  {
    module: "resources",
    api: "ResourceConfiguration",
    cause: "Two port ranges that overlap",
    fix: "Merge them into one range.",
    path: "Host",
    prop: "ports[1]",
    received: '"8050"',
    build: (s) => host(s, { ports: [Port.range(8000, 8100), Port.tcp(8050)] }),
  },
  {
    module: "resources",
    api: "ResourceConfiguration",
    cause: "The same port twice",
    fix: "List each port once.",
    path: "Host",
    prop: "ports[1]",
    received: '"443"',
    build: (s) => host(s, { ports: [Port.tcp(443), Port.tcp(443)] }),
  },
  {
    module: "resources",
    api: "ResourceConfiguration",
    cause: "A port range past 65535",
    fix: "Use ports from 1 to 65535.",
    path: "Host",
    prop: "ports[0].to",
    received: "65536",
    build: (s) => host(s, { ports: [Port.range(8000, 65536)] }),
  },
  {
    module: "resources",
    api: "ResourceConfiguration",
    cause: "Both ports and the deprecated portRanges",
    fix: "Give ports only.",
    path: "Host",
    prop: "ports, portRanges",
    received: '"ports and portRanges"',
    build: (s) => host(s, { portRanges: ["22"] }),
  },
  {
    module: "resources",
    api: "ResourceConfiguration",
    cause: "A port string where a list belongs (a JavaScript caller)",
    fix: "Pass a list: [Port.tcp(5432)].",
    path: "Host",
    prop: "ports",
    received: '"5432"',
    build: (s) => host(s, { ports: "5432" as unknown as PortRange[] }),
  },
  // duplicates, groups
  {
    module: "resources",
    api: "ResourceConfiguration",
    cause: "Two configurations of one account with the same name",
    fix: "Give each configuration its own name (AWS wants names unique in the account).",
    path: "Second",
    prop: "name",
    received: '"build-host"',
    build: (s) => {
      const first = host(s);
      new ResourceConfiguration(s, "Second", {
        name: "build-host",
        resourceGateway: first.resourceGateway,
        resource: ResourceDefinition.ipAddress("10.0.1.6"),
        ports: [Port.tcp(22)],
      });
    },
  },
  {
    module: "resources",
    api: "ResourceConfiguration.addChild",
    cause: "A child added to a configuration that is not a GROUP",
    fix: "Make the parent with ResourceConfiguration.group.",
    path: "Host",
    prop: "addChild",
    received: '"Child"',
    build: (s) => host(s).addChild("Child", { name: "child", resource: ResourceDefinition.ipAddress("10.0.1.6"), ports: [Port.tcp(22)] }),
  },
  {
    module: "resources",
    api: "ResourceConfiguration.addChild",
    cause: "Two children with the same id",
    fix: "Give each child its own id.",
    path: "Apis",
    prop: "addChild",
    received: '"Billing"',
    build: (s) =>
      group(s).addChild("Billing", { name: "partner-billing-2", resource: ResourceDefinition.dns("billing2.example.com"), ports: [Port.tcp(443)] }),
  },
  {
    module: "resources",
    api: "ResourceConfiguration.addChild",
    cause: "The same DNS name twice in a group, in another case",
    fix: "Add each resource once; DNS names compare case-insensitively.",
    path: "Billing2",
    prop: "resource",
    received: '"billing.example.com"',
    build: (s) =>
      group(s).addChild("Billing2", { name: "partner-billing-2", resource: ResourceDefinition.dns("BILLING.example.com"), ports: [Port.tcp(8443)] }),
  },
  // opt-outs, tags
  {
    module: "resources",
    api: "ResourceConfiguration",
    cause: 'The string "true" to join shareable service networks (a JavaScript caller)',
    fix: 'Pass OptOut.because("<why>"), or leave it unset.',
    path: "Host",
    prop: "allowAssociationToShareableServiceNetwork",
    received: '"true"',
    build: (s) => host(s, { allowAssociationToShareableServiceNetwork: "true" as never }),
  },
  {
    module: "resources",
    api: "ResourceConfiguration",
    cause: "An opt-out without a real reason",
    fix: "Say why the default does not fit, in a sentence of 20 characters or more.",
    path: "Host",
    prop: "allowAssociationToShareableServiceNetwork",
    received: '"ok"',
    build: (s) => host(s, { allowAssociationToShareableServiceNetwork: OptOut.because("ok") }),
  },
  {
    module: "resources",
    api: "ResourceConfiguration",
    cause: "A tag key with the reserved aws: prefix",
    fix: "Use a key of your own (aws: is AWS's).",
    path: "Host",
    prop: "tags",
    received: '"aws:team"',
    build: (s) => host(s, { tags: { "aws:team": "data" } }),
  },
  {
    module: "resources",
    api: "ResourceGateway",
    cause: "A tag value longer than 256 characters",
    fix: "Shorten the value to 256 characters.",
    path: "Gateway",
    prop: "tags.owner",
    received: `"${"x".repeat(196)}...`,
    build: (s) => gateway(s, { tags: { owner: "x".repeat(257) } }),
  },
  {
    module: "resources",
    api: "ResourceConfiguration",
    cause: "A tag map that is a list (a JavaScript caller)",
    fix: "Pass an object of keys to values.",
    path: "Host",
    prop: "tags",
    received: '["team"]',
    build: (s) => host(s, { tags: ["team"] as never }),
  },
  // the resource's security groups
  {
    module: "resources",
    api: "ResourceConfiguration",
    cause: "A resource security group of another VPC than the gateway's",
    fix: "Give the groups of the resource behind the gateway, in the gateway's VPC.",
    path: "Host",
    prop: "resourceSecurityGroups[0].vpcId",
    received: '"vpc-0fedcba9876543210"',
    build: (s) =>
      host(
        s,
        { resourceSecurityGroups: [otherVpcGroup(s)] },
        ResourceGateway.fromResourceGatewayAttributes(s, "Gateway", {
          resourceGatewayArn: GATEWAY_ARN,
          vpc: Vpc.fromVpcAttributes(s, "Vpc", { vpcId: "vpc-0123456789abcdef0", cidrBlock: "10.0.0.0/16" }),
        }),
      ),
  },
  {
    module: "resources",
    api: "ResourceConfiguration",
    cause: "A resource security group given only by ID",
    fix: "Import it with SecurityGroup.fromSecurityGroupAttributes, so that it takes rules.",
    path: "Host",
    prop: "resourceSecurityGroups[0]",
    received: '{"securityGroupId":"sg-0123456789abcdef0"}',
    build: (s) => host(s, { resourceSecurityGroups: [{ securityGroupId: "sg-0123456789abcdef0" } as never] }),
  },
  {
    module: "resources",
    api: "ResourceConfiguration",
    cause: "Resource security groups on an ARN resource whose ports are unknown",
    fix: "Give ResourceDefinition.arn(arn, { securityGroupPorts }) the ports the resource listens on.",
    path: "Host",
    prop: "resourceSecurityGroups",
    received: '["test/Db"]',
    build: (s) => {
      const owner = gateway(s);
      host(
        s,
        {
          resource: ResourceDefinition.arn(RDS_ARN),
          ports: undefined,
          resourceSecurityGroups: [new SecurityGroup(s, "Db", { vpc: owner.vpc, description: "database" })],
        },
        owner,
      );
    },
  },
  // importers
  {
    module: "resources",
    api: "ResourceConfiguration.fromResourceConfigurationAttributes",
    cause: "A service network ARN imported as a resource configuration (RAM would share the whole network)",
    fix: "Give the resource configuration's ARN (…:resourceconfiguration/rcfg-…).",
    path: "Shared",
    prop: "resourceConfigurationArn",
    received: JSON.stringify(NETWORK_ARN),
    build: (s) => importConfiguration(s, { resourceConfigurationArn: NETWORK_ARN }),
  },
  {
    module: "resources",
    api: "ResourceConfiguration.fromResourceConfigurationAttributes",
    cause: "A configuration ARN of another region than the stack's",
    fix: "Import configurations of the stack's region (endpoints reach their own region only), or give the provider of that region.",
    path: "Shared",
    prop: "resourceConfigurationArn",
    received: JSON.stringify(CONFIG_ARN.replace("us-east-1", "eu-west-1")),
    build: (s) => importConfiguration(s, { resourceConfigurationArn: CONFIG_ARN.replace("us-east-1", "eu-west-1") }),
  },
  {
    module: "resources",
    api: "ResourceConfiguration.fromResourceConfigurationAttributes",
    cause: "An ID that is not the one the ARN names",
    fix: "Give the ARN's ID, or leave the ID out (it is derived from the ARN).",
    path: "Shared",
    prop: "resourceConfigurationId",
    received: '"rcfg-0fedcba9876543210"',
    build: (s) => importConfiguration(s, { resourceConfigurationId: "rcfg-0fedcba9876543210" }),
  },
  {
    module: "resources",
    api: "ResourceConfiguration.fromResourceConfigurationAttributes",
    cause: "A gateway ID given as the configuration's ID",
    fix: "Give the configuration's rcfg- ID, or leave it out.",
    path: "Shared",
    prop: "resourceConfigurationId",
    received: '"rgw-0123456789abcdef0"',
    build: (s) => importConfiguration(s, { resourceConfigurationId: "rgw-0123456789abcdef0" }),
  },
  {
    module: "resources",
    api: "ResourceConfiguration.fromResourceConfigurationAttributes",
    cause: "An AZ name where the owner's gateway zones are published by AZ ID",
    fix: "Give AZ IDs (use1-az1): AZ names map to different zones in each account.",
    path: "Shared",
    prop: "gatewayAvailabilityZoneIds[0]",
    received: '"us-east-1a"',
    build: (s) => importConfiguration(s, { gatewayAvailabilityZoneIds: ["us-east-1a"] }),
  },
  {
    module: "resources",
    api: "ResourceGateway.fromResourceGatewayAttributes",
    cause: "A resource configuration ARN imported as a gateway",
    fix: "Give the gateway's ARN (…:resourcegateway/rgw-…).",
    path: "Gateway",
    prop: "resourceGatewayArn",
    received: JSON.stringify(CONFIG_ARN),
    build: (s) => ResourceGateway.fromResourceGatewayAttributes(s, "Gateway", { resourceGatewayArn: CONFIG_ARN }),
  },
  {
    module: "resources",
    api: "ResourceGateway.fromResourceGatewayAttributes",
    cause: "A gateway ID that is not the one the ARN names",
    fix: "Give the ARN's ID, or leave the ID out (it is derived from the ARN).",
    path: "Gateway",
    prop: "resourceGatewayId",
    received: '"rgw-0fedcba9876543210"',
    build: (s) =>
      ResourceGateway.fromResourceGatewayAttributes(s, "Gateway", { resourceGatewayArn: GATEWAY_ARN, resourceGatewayId: "rgw-0fedcba9876543210" }),
  },
  // the gateway
  {
    module: "resources",
    api: "ResourceGateway",
    cause: "Two resource gateways of one account with the same name",
    fix: "Give each gateway of the account its own name.",
    path: "Second",
    prop: "name",
    received: '"owner-gateway"',
    build: (s) => new ResourceGateway(s, "Second", { name: "owner-gateway", vpc: gateway(s).vpc }),
  },
  {
    module: "resources",
    api: "ResourceGateway",
    cause: "A public range declared reachable",
    fix: "Declare the private ranges of peered VPCs and on-premises networks only.",
    path: "Gateway",
    prop: "reachableCidrs[0]",
    received: '"8.8.0.0/16"',
    build: (s) => gateway(s, { reachableCidrs: ["8.8.0.0/16"] }),
  },
  {
    module: "resources",
    api: "ResourceGateway",
    cause: "Overlapping reachable ranges",
    fix: "List each network once.",
    path: "Gateway",
    prop: "reachableCidrs[1]",
    received: '"10.20.4.0/24"',
    build: (s) => gateway(s, { reachableCidrs: ["10.20.0.0/16", "10.20.4.0/24"] }),
  },
  {
    module: "resources",
    api: "ResourceGateway",
    cause: "Reachable IPv6 ranges that together cover the internet",
    fix: "Declare the networks the gateway reaches, not the address space.",
    path: "Gateway",
    prop: "reachableCidrs",
    received: '["::/1","8000::/1"]',
    build: (s) => gateway(s, { reachableCidrs: ["::/1", "8000::/1"] }),
  },
  {
    module: "resources",
    api: "ResourceGateway",
    cause: "A gateway security group of another VPC",
    fix: "Give groups of the gateway's VPC.",
    path: "Gateway",
    prop: "securityGroups[0].vpcId",
    received: '"vpc-0fedcba9876543210"',
    build: (s) =>
      new ResourceGateway(s, "Gateway", {
        name: "owner-gateway",
        vpc: Vpc.fromVpcAttributes(s, "Vpc", {
          vpcId: "vpc-0123456789abcdef0",
          cidrBlock: "10.0.0.0/16",
          privateSubnets: [
            { subnetId: "subnet-0123456789abcdef0", availabilityZone: "us-east-1a" },
            { subnetId: "subnet-0123456789abcdef1", availabilityZone: "us-east-1b" },
          ],
        }),
        securityGroups: [otherVpcGroup(s)],
      }),
  },
  {
    module: "resources",
    api: "ResourceGateway",
    cause: "The same security group twice",
    fix: "Give each group once.",
    path: "Gateway",
    prop: "securityGroups",
    received: '"sg-0123456789abcdef0"',
    build: (s) => gateway(s, { securityGroups: [{ securityGroupId: "sg-0123456789abcdef0" }, { securityGroupId: "sg-0123456789abcdef0" }] }),
  },
  // the cross-account patterns
  {
    module: "resources",
    api: "SharedResourceAccess",
    cause: "A share with no sharing given",
    fix: "Say who the resource is shared with: sharing: { principals: [SharePrincipal.account(...)] }.",
    path: "Access",
    prop: "sharing",
    received: "undefined",
    build: (s) => access(s, {}),
  },
  {
    module: "resources",
    api: "SharedResourceAccess",
    cause: "An account ID string as a share principal (a JavaScript caller)",
    fix: 'Wrap it: SharePrincipal.account("222222222222").',
    path: "Access",
    prop: "sharing.principals[0]",
    received: '"222222222222"',
    build: (s) => access(s, { sharing: { principals: ["222222222222" as never] } }),
  },
  {
    module: "resources",
    api: "SharedResourceAccess",
    cause: "The deprecated partner props beside sharing",
    fix: "Use sharing and partner only.",
    path: "Access",
    prop: "partnerAccountId",
    received: '"222222222222"',
    build: (s) => access(s, { sharing: { principals: [PARTNER] }, partnerAccountId: "222222222222" }),
  },
  {
    module: "resources",
    api: "SharedResourceConsumer",
    cause: "A service network ARN where the shared configuration belongs",
    fix: "Import the configuration with ResourceConfiguration.fromResourceConfigurationAttributes.",
    path: "Consumer",
    prop: "resourceConfiguration.resourceConfigurationArn",
    received: JSON.stringify(NETWORK_ARN),
    build: (s) => consumer(s, { resourceConfiguration: { resourceConfigurationArn: NETWORK_ARN } }),
  },
  {
    module: "resources",
    api: "SharedResourceConsumer",
    cause: "A share to accept named by something else than its ARN",
    fix: "Give the owner's resource share ARN (its resource_share_arn output).",
    path: "Consumer",
    prop: "acceptShare.resourceShareArn",
    received: JSON.stringify(CONFIG_ARN),
    build: (s) => consumer(s, { acceptShare: { resourceShareArn: CONFIG_ARN } }),
  },
  {
    module: "resources",
    api: "SharedResourceConsumer",
    cause: "A share to accept of another account than the shared configuration's",
    fix: "Take both ARNs from the owner's contract: RAM shares only what its owner owns, so the share is of the configuration's account.",
    path: "Consumer",
    prop: "acceptShare.resourceShareArn",
    received: JSON.stringify(SHARE_ARN.replace("111111111111", "333333333333")),
    build: (s) => consumer(s, { acceptShare: { resourceShareArn: SHARE_ARN.replace("111111111111", "333333333333") } }),
  },
  {
    module: "resources",
    api: "SharedResourceConsumer",
    cause: "A share to accept without a provider to accept it with",
    fix: "Give provider (the stack's default provider too: the accepter needs it explicitly).",
    path: "Consumer",
    prop: "provider",
    received: "undefined",
    build: (s) => consumer(s, { provider: undefined }),
  },
  {
    module: "resources",
    api: "SharedDatabase",
    cause: "A database definition with security-group ports of its own",
    fix: "Give the port with port; SharedDatabase opens it everywhere.",
    path: "Orders",
    prop: "database.securityGroupPorts",
    received: '[{"from":5432,"to":5432}]',
    build: (s) =>
      new SharedDatabase(s, "Orders", {
        name: "orders-db",
        vpc: ownerVpc(s),
        database: ResourceDefinition.arn(RDS_ARN, { securityGroupPorts: [Port.tcp(5432)] }),
        sharing: { principals: [PARTNER] },
      }),
  },
  {
    module: "resources",
    api: "SharedDatabase",
    cause: "A name that leaves no room for the gateway's -gw suffix",
    fix: "Use at most 37 characters when the pattern makes the gateway.",
    path: "Orders",
    prop: "name",
    received: JSON.stringify("a".repeat(38)),
    build: (s) =>
      new SharedDatabase(s, "Orders", {
        name: "a".repeat(38),
        vpc: ownerVpc(s),
        database: ResourceDefinition.arn(RDS_ARN),
        sharing: { principals: [PARTNER] },
      }),
  },
  {
    module: "resources",
    api: "DnsResourceGroup",
    cause: "Subnets given beside an existing resourceGateway, which has subnets of its own",
    fix: "Leave subnets out with resourceGateway (the gateway stays where it is), or drop resourceGateway to make a gateway in those subnets.",
    path: "Apis",
    prop: "subnets",
    received: "[]",
    build: (s) =>
      dnsGroup(s, {
        vpc: undefined,
        resourceGateway: ResourceGateway.fromResourceGatewayAttributes(s, "Gateway", { resourceGatewayArn: GATEWAY_ARN }),
        subnets: [],
      }),
  },
  {
    module: "resources",
    api: "DnsResourceGroup",
    cause: "The same DNS name for two members, in another case",
    fix: "Give each endpoint once: DNS names compare case-insensitively.",
    path: "Apis",
    prop: "members.search.domainName",
    received: '"Billing.Example.com"',
    build: (s) =>
      dnsGroup(s, {
        members: {
          billing: { domainName: "billing.example.com", ports: [Port.tcp(443)] },
          search: { domainName: "Billing.Example.com", ports: [Port.tcp(9200)] },
        },
      }),
  },
  {
    module: "resources",
    api: "DnsResourceGroup",
    cause: "A member name that cannot name a CHILD configuration",
    fix: "Use lowercase letters, digits and single hyphens.",
    path: "Apis",
    prop: "members.Billing_API",
    received: '"Billing_API"',
    build: (s) => dnsGroup(s, { members: { Billing_API: { domainName: "billing.example.com", ports: [Port.tcp(443)] } } }),
  },
  {
    module: "resources",
    api: "DnsResourceGroup",
    cause: "A member without ports",
    fix: "Give the member's ports: [Port.tcp(443)].",
    path: "Apis",
    prop: "members.billing.ports",
    received: "undefined",
    build: (s) => dnsGroup(s, { members: { billing: { domainName: "billing.example.com" } } }),
  },
  // the gateway's egress to DNS and ARN resources
  {
    module: "resources",
    api: "ResourceConfiguration",
    cause: "An IPv6 DNS resource on a DUALSTACK gateway whose VPC has no IPv6 block",
    fix: "Give the VPC (fromVpcAttributes) its ipv6CidrBlock, give the DNS resource ipAddressType IPV4, or give the gateway securityGroups of your own.",
    path: "Gateway",
    prop: "vpc.ipv6CidrBlock",
    received: "undefined",
    build: (s) => {
      const vpc = Vpc.fromVpcAttributes(s, "Imported", { vpcId: "vpc-0123456789abcdef0", cidrBlock: "10.0.0.0/16" });
      const subnets = [
        { subnetId: "subnet-0123456789abcdef0", availabilityZone: "us-east-1a" },
        { subnetId: "subnet-0123456789abcdef1", availabilityZone: "us-east-1b" },
      ];
      const resourceGateway = new ResourceGateway(s, "Gateway", { name: "owner-gateway", vpc, subnets, ipAddressType: "DUALSTACK" });
      host(s, { resource: ResourceDefinition.dns("orders.example.com", { ipAddressType: "IPV6" }) }, resourceGateway);
    },
  },
  {
    module: "resources",
    api: "ResourceGateway",
    cause: "Subnets of another VPC than the gateway's",
    fix: "Give the gateway subnets of its own VPC (vpc.selectSubnets(...)).",
    path: "Gateway",
    prop: "subnets[0]",
    received: '"vpc-0fedcba9876543210"',
    build: (s) =>
      gateway(s, {
        subnets: [
          { subnetId: "subnet-0123456789abcdef0", availabilityZone: "us-east-1a", vpcId: "vpc-0fedcba9876543210" },
          { subnetId: "subnet-0123456789abcdef1", availabilityZone: "us-east-1b", vpcId: "vpc-0fedcba9876543210" },
        ],
        vpc: Vpc.fromVpcAttributes(s, "Imported", { vpcId: "vpc-0123456789abcdef0", cidrBlock: "10.0.0.0/16" }),
      }),
  },
  {
    module: "resources",
    api: "ResourceConfiguration",
    cause: "A configuration whose provider deploys to another account than its gateway's",
    fix: "Leave the provider out (the configuration takes its gateway's), or give the provider of the gateway's account.",
    path: "Host",
    prop: "provider",
    received: '"partner (account 222222222222)"',
    build: (s) => {
      const { owner, partner } = accountProviders(s);
      host(s, { provider: partner }, new ResourceGateway(s, "Gateway", { name: "owner-gateway", vpc: ownerVpc(s, owner) }));
    },
  },
  {
    module: "resources",
    api: "SharedResourceAccess",
    cause: "A CHILD configuration shared on its own",
    fix: "Share the GROUP the child belongs to: AWS shares a CHILD only as part of its group.",
    path: "Access",
    prop: "resourceConfiguration.type",
    received: '"CHILD"',
    build: (s) => {
      const billing = group(s).node.scope?.node.tryFindChild("Billing") as ResourceConfiguration;
      new SharedResourceAccess(s, "Access", { name: "billing", resourceConfiguration: billing, sharing: { principals: [PARTNER] } });
    },
  },
  {
    module: "ram",
    api: "ResourceShare.addResource",
    cause: "The ARN of a CHILD configuration of the stack shared on its own",
    fix: "Share the GROUP's ARN: AWS shares a CHILD only as part of its group.",
    path: "Share",
    prop: "resources.billing.type",
    received: '"CHILD"',
    build: (s) => {
      const billing = group(s).node.scope?.node.tryFindChild("Billing") as ResourceConfiguration;
      new ResourceShare(s, "Share", { name: "billing", principals: [PARTNER] }).addResource("billing", billing.resourceConfigurationArn);
    },
  },
  {
    module: "resources",
    api: "ResourceConfiguration",
    cause: "Ports given as a list only Terraform knows (a list variable)",
    fix: "List the ports literally, [Port.tcp(5432)]: the security-group rules are keyed by them.",
    path: "Host",
    prop: "ports",
    received: '["<reference known at apply>"]',
    build: (s) => host(s, { ports: new TerraformVariable(s, "ports", { type: "list(any)" }).listValue as unknown as PortRange[] }),
  },
  {
    module: "resources",
    api: "ResourceConfiguration.addChild",
    cause: "An ARN resource (RDS) as a CHILD of a group",
    fix: "Give the database a configuration of its own (ResourceDefinition.arn): a group holds DNS names and IP addresses only.",
    path: "Rds",
    prop: "resource.arn",
    received: `"${RDS_ARN}"`,
    build: (s) => group(s).addChild("Rds", { name: "orders-rds", resource: ResourceDefinition.arn(RDS_ARN), ports: [Port.tcp(5432)] }),
  },
  {
    module: "ram",
    api: "ResourceShare",
    cause: "A share granted to the owner's own account (its provider's) alone, which reaches nobody",
    fix: "Grant the share to the consumer accounts, OUs or organization; the owner already has what it shares.",
    path: "Share",
    prop: "principals",
    received: '["111111111111"]',
    build: (s) =>
      new ResourceShare(s, "Share", { name: "billing", provider: accountProviders(s).owner, principals: [SharePrincipal.account("111111111111")] }),
  },
  {
    module: "resources",
    api: "ResourceShareAccepter",
    cause: "An accepter of a share imported by ARN, with the provider of the account that owns it",
    fix: "Accept with the provider of an account the share is granted to; the owner's own account has no invitation.",
    path: "Accepter",
    prop: "share.resourceShareArn",
    received: JSON.stringify(SHARE_ARN),
    build: (s) => {
      const { owner } = accountProviders(s);
      const share = ResourceShare.fromResourceShareAttributes(s, "Share", { resourceShareArn: SHARE_ARN, provider: owner });
      new ResourceShareAccepter(s, "Accepter", { share, provider: owner });
    },
  },
  {
    module: "ram",
    api: "ResourceShareAccepter",
    cause: "An accepter for a share granted to OUs or organizations only, whose accounts never get an invitation",
    fix: "Drop the accepter: with RAM organization sharing, the OU's accounts get the share without accepting.",
    path: "Accepter",
    prop: "provider",
    received: '"partner (account 222222222222)"',
    build: (s) => {
      const { owner, partner } = accountProviders(s);
      const ou = SharePrincipal.organizationalUnit("arn:aws:organizations::111111111111:ou/o-abcdefghij/ou-ab12-cdefgh34");
      const share = new ResourceShare(s, "Share", { name: "billing", provider: owner, principals: [ou] });
      new ResourceShareAccepter(s, "Accepter", { share, provider: partner });
    },
  },
  {
    module: "ram",
    api: "ResourceShare",
    cause:
      "allowExternalPrincipal (no s), from JavaScript or 'as any', for a partner outside the organization: ignored, the share stayed internal and RAM refused the partner at apply",
    fix: 'Spell it allowExternalPrincipals: OptOut.because("<why>").',
    path: "Share",
    prop: "allowExternalPrincipal",
    received: "true",
    build: (s) => new ResourceShare(s, "Share", { name: "billing", principals: [PARTNER], allowExternalPrincipal: true } as never),
  },
  {
    module: "ram",
    api: "ResourceShare",
    cause: "resourceArns given to the share, which takes no resources as props: ignored, and the share shared nothing",
    fix: "Add each resource with share.addResource(name, arn).",
    path: "Share",
    prop: "resourceArns",
    received: JSON.stringify([CONFIG_ARN]),
    build: (s) => new ResourceShare(s, "Share", { name: "billing", principals: [PARTNER], resourceArns: [CONFIG_ARN] } as never),
  },
  {
    module: "resources",
    api: "ResourceGateway",
    cause: "ipAdressType (one d) for a DUALSTACK gateway: ignored, the gateway stayed IPV4 and its IPv6 resources were unreachable",
    fix: "Spell it ipAddressType.",
    path: "Gateway",
    prop: "ipAdressType",
    received: '"DUALSTACK"',
    build: (s) => gateway(s, { ipAdressType: "DUALSTACK" } as never),
  },
  {
    module: "resources",
    api: "SharedResourceAccess",
    cause: "sharing.allowExternalPrincipal (no s) for a partner outside the organization: ignored, and the partner could not accept",
    fix: 'Spell it sharing.allowExternalPrincipals: OptOut.because("<why>").',
    path: "Access",
    prop: "sharing.allowExternalPrincipal",
    received: "true",
    build: (s) => access(s, { sharing: { principals: [PARTNER], allowExternalPrincipal: true } as never }),
  },
  {
    module: "resources",
    api: "ResourceConfiguration",
    cause: "The gateway given as its rgw- ID from JavaScript: the configuration reached Terraform without a gateway",
    fix: "Pass the ResourceGateway, or ResourceGateway.fromResourceGatewayAttributes(scope, id, { resourceGatewayArn }) for one made elsewhere.",
    path: "Host",
    prop: "resourceGateway",
    received: '"rgw-0123456789abcdef0"',
    build: (s) => host(s, {}, "rgw-0123456789abcdef0" as never),
  },
  {
    module: "resources",
    api: "ResourceGateway",
    cause: "Security groups given as sg- IDs from JavaScript: the gateway got null group IDs",
    fix: "Pass groups: SecurityGroup.fromSecurityGroupAttributes(scope, id, { securityGroupId }) for an existing one.",
    path: "Gateway",
    prop: "securityGroups[0]",
    received: '"sg-0123456789abcdef0"',
    build: (s) => gateway(s, { securityGroups: ["sg-0123456789abcdef0"] as never }),
  },
  {
    module: "resources",
    api: "ResourceConfiguration.fromResourceConfigurationAttributes",
    cause: "The owner's gateway AZ IDs of another region than the configuration's ARN",
    fix: "Take the AZ IDs from the owner's contract: they are of the configuration's region (use1-az1 for us-east-1).",
    path: "Shared",
    prop: "gatewayAvailabilityZoneIds[0]",
    received: '"euw1-az1"',
    build: (s) => importConfiguration(s, { gatewayAvailabilityZoneIds: ["euw1-az1"] }),
  },
  {
    module: "resources",
    api: "ResourceDefinition.arn",
    cause: "An RDS database of another account than the gateway's",
    fix: "Share the database from its own account: its owner makes the gateway and configuration there and shares them.",
    path: "Host",
    prop: "resource.arn",
    received: '"arn:aws:rds:us-east-1:999999999999:db:orders"',
    build: (s) => {
      const { owner } = accountProviders(s);
      const resourceGateway = new ResourceGateway(s, "Gateway", { name: "owner-gateway", vpc: ownerVpc(s, owner) });
      host(
        s,
        {
          resource: ResourceDefinition.arn("arn:aws:rds:us-east-1:999999999999:db:orders", { securityGroupPorts: [Port.tcp(5432)] }),
          ports: undefined,
        },
        resourceGateway,
      );
    },
  },
  {
    module: "resources",
    api: "SharedResourceConsumer",
    cause:
      "A provider given as an alias string (a JavaScript caller): cdktf dropped it, the share was accepted and the endpoint made in the default account",
    fix: "Pass the partner account's AwsProvider itself.",
    path: "Consumer",
    prop: "provider",
    received: '"partner"',
    build: (s) => consumer(s, { provider: "partner" as never }),
  },
  {
    module: "resources",
    api: "SharedResourceConsumer",
    cause: "A configuration given as an object without an ARN: the Resource endpoint named no configuration, which AWS refuses",
    fix: "Import the owner's configuration with ResourceConfiguration.fromResourceConfigurationAttributes(scope, id, { resourceConfigurationArn, ports }).",
    path: "Consumer",
    prop: "resourceConfiguration.resourceConfigurationArn",
    received: "undefined",
    build: (s) => consumer(s, { resourceConfiguration: {} as never, ports: [Port.tcp(5432)] }),
  },
  {
    module: "resources",
    api: "ResourceGateway",
    cause: "A provider given as an alias string (a JavaScript caller): cdktf dropped it, and the gateway went to the default account",
    fix: "Pass the owner account's AwsProvider itself, or leave provider out for the VPC's.",
    path: "Gateway",
    prop: "provider",
    received: '"owner"',
    build: (s) => gateway(s, { provider: "owner" as never }),
  },
  {
    module: "resources",
    api: "ResourceGateway",
    cause: "ipAddressType null (a JavaScript caller): it became IPV4 unseen",
    fix: "Give IPV4, IPV6 or DUALSTACK, or leave ipAddressType out for IPV4.",
    path: "Gateway",
    prop: "ipAddressType",
    received: "null",
    build: (s) => gateway(s, { ipAddressType: null as never }),
  },
  {
    module: "resources",
    api: "ResourceConfiguration",
    cause: "ports null (a JavaScript caller): a TypeError",
    fix: "Give the ports consumers use, such as [Port.tcp(22)].",
    path: "Host",
    prop: "ports",
    received: "null",
    build: (s) => host(s, { ports: null as never }),
  },
  {
    module: "resources",
    api: "ResourceDefinition.ipAddress",
    cause: "An address AWS reserves at an end of the VPC's block (10.0.0.2 in 10.0.0.0/16, the Amazon DNS resolver): nothing can listen there",
    fix: "Give the resource's own address: the first four and the last address of every subnet are AWS's.",
    path: "Host",
    prop: "resource.ipAddress",
    received: '"10.0.0.2"',
    build: (s) => host(s, { resource: ResourceDefinition.ipAddress("10.0.0.2") }),
  },
  {
    module: "resources",
    api: "SharedDatabase",
    cause: "No port for the database: 5432 was assumed, and the traffic of a database on another port (MySQL's 3306) was dropped",
    fix: "Give port, the port the database listens on (5432 for PostgreSQL, 3306 for MySQL).",
    path: "Orders",
    prop: "port",
    received: "undefined",
    build: (s) =>
      new SharedDatabase(s, "Orders", {
        name: "orders-db",
        vpc: ownerVpc(s),
        database: ResourceDefinition.arn(RDS_ARN),
        sharing: { principals: [PARTNER] },
      }),
  },
  {
    module: "resources",
    api: "SharedDatabase",
    cause: "port null (a JavaScript caller): it became 5432 unseen",
    fix: "Give port, the port the database listens on.",
    path: "Orders",
    prop: "port",
    received: "null",
    build: (s) =>
      new SharedDatabase(s, "Orders", {
        name: "orders-db",
        vpc: ownerVpc(s),
        database: ResourceDefinition.arn(RDS_ARN),
        port: null as never,
        sharing: { principals: [PARTNER] },
      }),
  },
  {
    module: "resources",
    api: "SharedDatabase",
    cause: "name null (a JavaScript caller): a TypeError",
    fix: "Give a name of 3 to 37 lowercase letters, digits and single hyphens.",
    path: "Orders",
    prop: "name",
    received: "null",
    build: (s) =>
      new SharedDatabase(s, "Orders", {
        name: null as never,
        vpc: ownerVpc(s),
        database: ResourceDefinition.arn(RDS_ARN),
        port: 5432,
        sharing: { principals: [PARTNER] },
      }),
  },
  {
    module: "resources",
    api: "DnsResourceGroup",
    cause: "name null (a JavaScript caller): a TypeError",
    fix: "Give a name of 3 to 37 lowercase letters, digits and single hyphens.",
    path: "Apis",
    prop: "name",
    received: "null",
    build: (s) => dnsGroup(s, { name: null as never }),
  },
  {
    module: "resources",
    api: "ResourceEndpoint",
    cause:
      "A Resource endpoint to a configuration this app shares (a DnsResourceGroup's group), made with the provider of an account the sharing leaves out (RAM never gives that account the configuration, and AWS refuses the endpoint)",
    fix: "Add the account to the group's sharing.principals, or make the endpoint with the provider of an account the group is shared with.",
    path: "Endpoint",
    prop: "provider",
    received: '"333333333333"',
    build: (s) => {
      const stranger = new AwsProvider(s, "stranger", { region: "us-east-1", alias: "stranger", allowedAccountIds: ["333333333333"] });
      const apis = dnsGroup(s, { sharing: { principals: [PARTNER] } });
      new ResourceEndpoint(s, "Endpoint", {
        vpc: new Vpc(s, "StrangerVpc", {
          name: "stranger",
          cidrBlock: "10.3.0.0/16",
          availabilityZones: ["us-east-1a", "us-east-1b"],
          provider: stranger,
        }),
        resourceConfiguration: apis.group,
      });
      Testing.synth(s);
    },
  },
  {
    module: "resources",
    api: "SharedResourceAccess",
    cause:
      "partner.provider of an account sharing.principals leaves out (RAM never gives that account the configuration, and AWS refuses the partner's endpoint)",
    fix: "Share with the partner's account (sharing.principals: [SharePrincipal.account(<its ID>)]), or give the provider of the account the resource is shared with.",
    path: "Access/Endpoint",
    prop: "provider",
    received: '"333333333333"',
    build: (s) => {
      const stranger = new AwsProvider(s, "stranger", { region: "us-east-1", alias: "stranger", allowedAccountIds: ["333333333333"] });
      new SharedResourceAccess(s, "Access", {
        name: "build-host",
        resourceConfiguration: host(s),
        sharing: { principals: [PARTNER] },
        partner: {
          provider: stranger,
          vpc: new Vpc(s, "StrangerVpc", {
            name: "stranger",
            cidrBlock: "10.3.0.0/16",
            availabilityZones: ["us-east-1a", "us-east-1b"],
            provider: stranger,
          }),
        },
      });
      Testing.synth(s);
    },
  },
  {
    module: "resources",
    api: "SharedDatabase",
    cause:
      "An RDS database (by ARN) with neither databaseSecurityGroup nor databaseIngressManagedElsewhere: the database's security group never admits the resource gateway, and RDS drops every connection",
    fix: 'Give databaseSecurityGroup (the RDS database\'s group, SecurityGroup.fromSecurityGroupAttributes(...)), which gets the rule admitting the gateway on port, or databaseIngressManagedElsewhere: OptOut.because("<who admits the gateway>").',
    path: "Orders",
    prop: "databaseSecurityGroup",
    received: "undefined",
    build: (s) =>
      new SharedDatabase(s, "Orders", {
        name: "orders-db",
        vpc: ownerVpc(s),
        database: ResourceDefinition.arn(RDS_ARN),
        port: 5432,
        sharing: { principals: [PARTNER] },
      }),
  },
  {
    module: "resources",
    api: "SharedDatabase",
    cause: "databaseIngressManagedElsewhere beside databaseSecurityGroup: the group given gets the rule admitting the gateway here",
    fix: "Leave databaseIngressManagedElsewhere out when databaseSecurityGroup is given.",
    path: "Orders",
    prop: "databaseIngressManagedElsewhere",
    received: '{"reason":"The database team\'s stack admits the gateway\'s group"}',
    build: (s) => {
      const vpc = ownerVpc(s);
      new SharedDatabase(s, "Orders", {
        name: "orders-db",
        vpc,
        database: ResourceDefinition.arn(RDS_ARN),
        port: 5432,
        databaseSecurityGroup: new SecurityGroup(s, "Db", { vpc, description: "Orders database" }),
        databaseIngressManagedElsewhere: OptOut.because("The database team's stack admits the gateway's group"),
        sharing: { principals: [PARTNER] },
      });
    },
  },
  {
    module: "resources",
    api: "SharedDatabase",
    cause:
      "A port only Terraform knows: the security-group rules opened on it are keyed by it at synth (refused inside the configuration, at a prop the caller did not write)",
    fix: "Give the database's port as a number (5432 for PostgreSQL, 3306 for MySQL).",
    path: "Orders",
    prop: "port",
    received: "<number known at apply>",
    build: (s) =>
      new SharedDatabase(s, "Orders", {
        name: "orders-db",
        vpc: ownerVpc(s),
        database: ResourceDefinition.dns("orders.cluster-abc123.us-east-1.rds.amazonaws.com"),
        port: new TerraformVariable(s, "port", { type: "number" }).numberValue,
        sharing: { principals: [PARTNER] },
      }),
  },
  {
    module: "resources",
    api: "ResourceGateway",
    cause: 'Subnet IDs where subnet objects are meant (a JavaScript caller\'s subnets: ["subnet-…"]): the gateway was rendered without subnets',
    fix: "Pass subnet objects: vpc.selectSubnets(...), or import the VPC with its subnets (Vpc.fromVpcAttributes subnetGroups) and select them.",
    path: "Gateway",
    prop: "subnets[0]",
    received: '"subnet-0aaaaaaaaaaaaaaa1"',
    build: (s) => gateway(s, { subnets: ["subnet-0aaaaaaaaaaaaaaa1", "subnet-0aaaaaaaaaaaaaaa2"] as unknown as Vpc["privateSubnets"] }),
  },
  {
    module: "lattice",
    api: "ServiceNetwork.associateResourceConfiguration",
    cause:
      "The configuration owner's provider associating its configuration with another account's service network that is not shared through RAM (AWS finds no such network in the owner's account and refuses the association)",
    fix: "Leave provider unset (the network's account associates the configuration shared with it), or share the network with the owner's account (sharing).",
    path: "Consumer/Resource-db",
    prop: "provider",
    received: '"owner (account 111111111111)"',
    build: (s) => {
      const { owner, partner } = accountProviders(s);
      const database = host(s);
      new ServiceNetwork(s, "Consumer", { name: "consumer", resourceConfigurationsOnly: true, provider: partner }).associateResourceConfiguration(
        "db",
        database,
        { provider: owner },
      );
    },
  },
  {
    module: "endpoints",
    api: "ResourceEndpoint",
    cause:
      "A port the resource configuration does not offer (80 for a configuration on 443): VPC Lattice carries no other, so the endpoint's group opened a port nothing answers on while the offered one stayed closed",
    fix: "Give ports the configuration offers (a subset is fine), or leave ports unset to open the configuration's own.",
    path: "Endpoint",
    prop: "ports[0]",
    received: '"80"',
    build: (s) =>
      new ResourceEndpoint(s, "Endpoint", {
        vpc: new Vpc(s, "ClientVpc", { name: "client", cidrBlock: "10.9.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] }),
        resourceConfiguration: host(s, { ports: [Port.tcp(443)] }),
        ports: [Port.tcp(80)],
      }),
  },
  {
    module: "resources",
    api: "ResourceGateway",
    cause:
      "A gateway security group made in another Vpc of this configuration (both VPC IDs references, which were not compared): AWS refuses the gateway at apply",
    fix: "Give groups made in the gateway's VPC (new SecurityGroup(scope, id, { vpc: gatewayVpc, ... })).",
    path: "Gateway",
    prop: "securityGroups[0].vpcId",
    received: '"the VPC of test/Foreign"',
    build: (s) => {
      const other = new Vpc(s, "Other", { name: "other", cidrBlock: "10.9.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
      gateway(s, { securityGroups: [new SecurityGroup(s, "Foreign", { vpc: other, description: "Of another VPC" })] });
    },
  },
  {
    module: "resources",
    api: "ResourceGateway.fromResourceGatewayAttributes",
    cause: "A gateway given by ID alone with a provider that pins no single account (or no literal region): its ARN cannot be built",
    fix: "Give resourceGatewayArn, or a provider pinned to the gateway's account (allowedAccountIds, as PrivateNetworkingStack's are) in a literal region.",
    path: "Gateway",
    prop: "resourceGatewayArn",
    received: "undefined",
    build: (s) => ResourceGateway.fromResourceGatewayAttributes(s, "Gateway", { resourceGatewayId: "rgw-0123456789abcdef0" }),
  },
  {
    module: "ram",
    api: "ResourceShare.addResource",
    cause: "A resource of the stack in another region than the share's provider (RAM shares are regional; a reference's region was not compared)",
    fix: "Share it from a provider of its own region.",
    path: "Share",
    prop: "resources.host",
    received: '"test/Host"',
    build: (s) => {
      const west = new AwsProvider(s, "west", { region: "us-west-2", alias: "west" });
      new ResourceShare(s, "Share", { name: "hosts", provider: west, principals: [PARTNER] }).addResource("host", host(s).resourceConfigurationArn);
    },
  },
  {
    module: "ram",
    api: "ResourceShare.addResource",
    cause: "A reference to the ARN of a resource RAM does not share (a resource gateway's): only a literal ARN's kind was judged",
    fix: "Share the resource configurations behind the gateway (or a service network holding them).",
    path: "Share",
    prop: "resources.gateway",
    received: '"test/Gateway"',
    build: (s) => new ResourceShare(s, "Share", { name: "gateway", principals: [PARTNER] }).addResource("gateway", gateway(s).resourceGatewayArn),
  },
  {
    module: "resources",
    api: "ResourceGateway",
    cause:
      "A gateway made with the provider of another account than its VPC's owner (a participant of a shared VPC): AWS creates no resource gateway in shared subnets",
    fix: "Make the gateway with the VPC owner's provider (or none: the VPC's), and share the configurations from that account.",
    path: "Gateway",
    prop: "provider",
    received: '"partner (account 222222222222)"',
    build: (s) => {
      const { owner, partner } = accountProviders(s);
      new ResourceGateway(s, "Gateway", { name: "owner-gateway", vpc: ownerVpc(s, owner), provider: partner });
    },
  },
  {
    module: "endpoints",
    api: "ResourceEndpoint",
    cause:
      "A resource configuration of this configuration in another region than the endpoint's provider (its ARN, a reference, had no region to compare)",
    fix: "Make the endpoint with a provider of the configuration's region (a Resource endpoint reaches its own region's configurations only).",
    path: "Endpoint",
    prop: "resourceConfiguration",
    received: '"test/Host"',
    build: (s) => {
      const west = new AwsProvider(s, "west", { region: "us-west-2", alias: "west" });
      new ResourceEndpoint(s, "Endpoint", {
        vpc: new Vpc(s, "ClientVpc", { name: "client", cidrBlock: "10.9.0.0/16", availabilityZones: ["us-west-2a", "us-west-2b"], provider: west }),
        resourceConfiguration: host(s),
        provider: west,
      });
    },
  },
  {
    module: "resources",
    api: "ResourceDefinition.dns",
    cause:
      'A DNS resource of ipAddressType "DUALSTACK" (a JavaScript caller): AWS does not support it for DNS resources, and CreateResourceConfiguration failed at apply',
    fix: "Give IPV4 or IPV6, the family the name resolves to, or leave ipAddressType out for IPV4 (a DUALSTACK gateway reaches the resource over that family).",
    path: "Host",
    prop: "resource.ipAddressType",
    received: '"DUALSTACK"',
    build: (s) => {
      const vpc = new Vpc(s, "Vpc", { name: "owner", cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"], dualStack: true });
      const resourceGateway = new ResourceGateway(s, "Gateway", { name: "owner-gateway", vpc, ipAddressType: "DUALSTACK" });
      host(s, { resource: ResourceDefinition.dns("orders.example.com", { ipAddressType: "DUALSTACK" as never }) }, resourceGateway);
    },
  },
  {
    module: "resources",
    api: "DnsResourceGroup",
    cause: 'A member of ipAddressType "DUALSTACK" (a JavaScript caller): AWS does not support it for DNS resources, and the member failed at apply',
    fix: "Give the member IPV4 or IPV6, the family its name resolves to, or leave ipAddressType out for IPV4.",
    path: "Apis",
    prop: "members.billing.ipAddressType",
    received: '"DUALSTACK"',
    build: (s) =>
      dnsGroup(s, { members: { billing: { domainName: "billing.example.com", ipAddressType: "DUALSTACK" as never, ports: [Port.tcp(443)] } } }),
  },
];
