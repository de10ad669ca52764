import { TerraformStack, Testing } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { OptOut, PolicyPrincipal, PolicyStatement, Port } from "../modules/core";
import {
  AwsService,
  CentralizedEndpoints,
  Ec2InstanceConnectEndpoint,
  EndpointOnlyBucketPolicy,
  EndpointOnlyTablePolicy,
  EndpointPolicy,
  GatewayEndpoint,
  GatewayLoadBalancerEndpoint,
  InterfaceEndpoint,
  PrivateAwsServiceAccess,
  ResourceEndpoint,
  ServiceAccessPresets,
  ServiceNetworkEndpoint,
} from "../modules/endpoints";
import {
  ApplianceTargets,
  EndpointConnectionAccepter,
  EndpointService,
  EndpointServiceLoadBalancer,
  EndpointServicePrincipal,
  GatewayLoadBalancer,
  ListenerTargets,
  NetworkLoadBalancer,
  PrivateLinkSaasOffering,
  SaasConsumerEndpoint,
} from "../modules/privatelink";
import { ResourceGateway } from "../modules/resources";
import { Peer, PrivateHostedZone, Vpc } from "../modules/vpc";
import type { BadInput } from "./bad-input-catalog";

/**
 * More bad inputs of VPC endpoints and PrivateLink endpoint services: wrong values found by
 * reviewing the published API as users would (stop 24). Part of the
 * bad-input catalog.
 */

const AZS = ["us-east-1a", "us-east-1b"];
const vpc = (stack: TerraformStack, id = "Vpc", cidrBlock = "10.0.0.0/16") =>
  new Vpc(stack, id, { name: id.toLowerCase(), cidrBlock, availabilityZones: AZS });
const s3Gateway = (stack: TerraformStack) =>
  new GatewayEndpoint(stack, "S3", { vpc: vpc(stack), service: AwsService.S3, policy: EndpointPolicy.s3Buckets(["example-bucket"]) });

const dualStackVpc = (stack: TerraformStack) =>
  new Vpc(stack, "Vpc", { name: "vpc", cidrBlock: "10.0.0.0/16", availabilityZones: AZS, dualStack: true });
const NETWORK_ARN = "arn:aws:vpc-lattice:us-east-1:111111111111:servicenetwork/sn-0123456789abcdef0";
const INSPECTION = { serviceName: "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0", serviceType: "GatewayLoadBalancer" as const };
const inspectionEndpoint = (stack: TerraformStack) =>
  new GatewayLoadBalancerEndpoint(stack, "Inspection", {
    vpc: vpc(stack),
    service: INSPECTION,
    subnets: [
      { subnetId: "subnet-0aaaaaaaaaaaaaaaa", availabilityZone: "us-east-1a", routeTableId: "rtb-0aaaaaaaaaaaaaaaa" },
      { subnetId: "subnet-0bbbbbbbbbbbbbbbb", availabilityZone: "us-east-1b", routeTableId: "rtb-0bbbbbbbbbbbbbbbb" },
    ],
  });
const CONFIG_ARN = "arn:aws:vpc-lattice:us-east-1:111111111111:resourceconfiguration/rcfg-0123456789abcdef0";
const ORG = "o-a1b2c3d4e5";
const PARTNER = {
  serviceName: "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0",
  ports: [443],
  isAwsService: false,
  privateDnsSupported: false,
};
/** An existing VPC imported with an app and a data tier, and no private tier. */
const tieredVpc = (stack: TerraformStack) =>
  Vpc.fromVpcAttributes(stack, "Existing", {
    vpcId: "vpc-0123456789abcdef0",
    cidrBlock: "10.50.0.0/16",
    subnetGroups: [
      {
        tier: "app",
        subnetIds: ["subnet-0bbbbbbbbbbbbbbb1", "subnet-0bbbbbbbbbbbbbbb2"],
        availabilityZones: AZS,
        routeTableIds: ["rtb-0bbbbbbbbbbbbbbb1"],
      },
      {
        tier: "data",
        subnetIds: ["subnet-0ccccccccccccccc1", "subnet-0ccccccccccccccc2"],
        availabilityZones: AZS,
        routeTableIds: ["rtb-0ccccccccccccccc1"],
      },
    ],
  });
const nlbListeners = [{ port: 443, targets: ListenerTargets.ipAddresses({ port: 8443, addresses: { app: "10.0.0.10" } }) }];

export const ENDPOINT_BAD_INPUTS: readonly BadInput[] = [
  {
    module: "endpoints",
    api: "GatewayEndpoint.connections",
    cause: "A rule through a gateway endpoint's connections to a CIDR: the endpoint has no security groups to put it on",
    fix: "Open the client's group instead: client.connections.allowDefaultPortTo(gatewayEndpoint, description).",
    path: "S3",
    prop: "connections.allowTo",
    received: '"10.0.0.0/16"',
    build: (s) => s3Gateway(s).connections.allowTo(Peer.cidr("10.0.0.0/16"), Port.tcp(443), "Nowhere"),
  },
  {
    module: "privatelink",
    api: "NetworkLoadBalancer",
    cause:
      "An endpoint service for other accounts whose load balancer enforces its security group on PrivateLink traffic and admits its own VPC only (no clients, no consumer endpoint in the configuration)",
    fix: "List the consumers' CIDRs in clients, create their interface endpoints in this configuration, or set enforceSecurityGroupInboundRulesOnPrivateLinkTraffic: false.",
    path: "Service/LoadBalancer",
    prop: "clients",
    received: "undefined",
    build: (s) => {
      new EndpointService(s, "Service", {
        networkLoadBalancer: { vpc: vpc(s), listeners: nlbListeners },
        allowedPrincipals: [EndpointServicePrincipal.account("222222222222")],
      });
      Testing.synth(s, true);
    },
  },
  {
    module: "endpoints",
    api: "InterfaceEndpoint",
    cause: "An IPv6-only interface endpoint in dual-stack subnets (AWS places IPv6-only endpoints in IPv6-only subnets only)",
    fix: 'Use ipAddressType: "dualstack" in dual-stack subnets, or IPv6-only subnets.',
    path: "Logs",
    prop: "ipAddressType",
    received: '"ipv6"',
    build: (s) =>
      new InterfaceEndpoint(s, "Logs", {
        vpc: dualStackVpc(s),
        service: AwsService.LOGS,
        policy: EndpointPolicy.organizationOnly("o-a1b2c3d4e5"),
        ipAddressType: "ipv6",
      }),
  },
  {
    module: "endpoints",
    api: "InterfaceEndpoint",
    cause: "DNS records of a family the endpoint has no addresses of (dnsRecordIpType ipv6 on an IPv4 endpoint)",
    fix: "Match dnsRecordIpType to ipAddressType: ipv4 needs an ipv4 or dualstack endpoint, ipv6 an ipv6 or dualstack one, dualstack and service-defined a dualstack one.",
    path: "Logs",
    prop: "dnsRecordIpType",
    received: '"ipv6"',
    build: (s) =>
      new InterfaceEndpoint(s, "Logs", {
        vpc: vpc(s),
        service: AwsService.LOGS,
        policy: EndpointPolicy.organizationOnly("o-a1b2c3d4e5"),
        dnsRecordIpType: "ipv6",
      }),
  },
  {
    module: "endpoints",
    api: "ServiceNetworkEndpoint",
    cause: "Dual-stack DNS records on an IPv4 service network endpoint",
    fix: 'Give the endpoint ipAddressType: "dualstack" (in dual-stack subnets), or leave dnsRecordIpType unset.',
    path: "Mesh",
    prop: "dnsRecordIpType",
    received: '"dualstack"',
    build: (s) =>
      new ServiceNetworkEndpoint(s, "Mesh", { vpc: vpc(s), serviceNetwork: { serviceNetworkArn: NETWORK_ARN }, dnsRecordIpType: "dualstack" }),
  },
  {
    module: "endpoints",
    api: "EndpointPolicy.kmsKeys",
    cause: "A KMS preset as the policy of a CloudWatch Logs interface endpoint: its actions are all kms:*, so every logs request is denied",
    fix: "Use the preset of the endpoint's service (EndpointPolicy.logGroups for logs), or EndpointPolicy.organizationOnly.",
    path: "Logs",
    prop: "policy",
    received: '"EndpointPolicy.kmsKeys"',
    build: (s) =>
      new InterfaceEndpoint(s, "Logs", {
        vpc: vpc(s),
        service: AwsService.LOGS,
        policy: EndpointPolicy.kmsKeys(["arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab"]),
      }),
  },
  {
    module: "endpoints",
    api: "EndpointPolicy.s3Buckets",
    cause: "An S3 bucket preset on a DynamoDB gateway endpoint: its actions are all s3:*, so every DynamoDB request is denied",
    fix: "Use EndpointPolicy.dynamoDbTables on a DynamoDB endpoint.",
    path: "Tables",
    prop: "policy",
    received: '"EndpointPolicy.s3Buckets"',
    build: (s) => new GatewayEndpoint(s, "Tables", { vpc: vpc(s), service: AwsService.DYNAMODB, policy: EndpointPolicy.s3Buckets(["app-data"]) }),
  },
  {
    module: "privatelink",
    api: "EndpointService",
    cause: "A private hosted zone as the zone to verify the service's private DNS name in",
    fix: "Pass the public hosted zone of the name (HostedZone.fromHostedZoneAttributes); AWS verifies the TXT record in public DNS.",
    path: "Service",
    prop: "privateDnsVerificationZone",
    received: '"test/Zone"',
    build: (s) => {
      const providerVpc = vpc(s);
      new EndpointService(s, "Service", {
        networkLoadBalancer: { vpc: providerVpc, listeners: nlbListeners },
        privateDnsName: "api.example.com",
        privateDnsVerificationZone: new PrivateHostedZone(s, "Zone", { zoneName: "example.com", vpc: providerVpc }),
      });
    },
  },
  {
    module: "endpoints",
    api: "GatewayEndpoint",
    cause: "A region prop other than the provider's literal region: the endpoint is created in the provider's region, with a service name of another",
    fix: "Leave region unset (the provider's region), or create the endpoint with a provider of that region.",
    path: "S3",
    prop: "region",
    received: '"eu-west-1"',
    build: (s) =>
      new GatewayEndpoint(s, "S3", {
        vpc: vpc(s),
        service: AwsService.S3,
        policy: EndpointPolicy.s3Buckets(["example-bucket"]),
        region: "eu-west-1",
      }),
  },
  {
    module: "endpoints",
    api: "GatewayLoadBalancerEndpoint",
    cause: "Routed subnets of another VPC: AWS routes to an endpoint only from route tables of its own VPC",
    fix: "Route subnets of the endpoint's VPC; give another VPC endpoints of its own.",
    path: "Inspection",
    prop: 'routeThrough("egress").subnets[0]',
    received: '"vpc-0123456789abcdef0"',
    build: (s) =>
      inspectionEndpoint(s).routeThrough("egress", {
        subnets: [
          {
            subnetId: "subnet-0cccccccccccccccc",
            availabilityZone: "us-east-1a",
            routeTableId: "rtb-0cccccccccccccccc",
            vpcId: "vpc-0123456789abcdef0",
          },
        ],
        destinations: ["0.0.0.0/0"],
      }),
  },
  {
    module: "endpoints",
    api: "GatewayLoadBalancerEndpoint",
    cause: "Two subnets sharing a route table routed to one destination through inspection: two routes to one destination in one table",
    fix: "Route one subnet per route table (give the subnets route tables of their own), or route the table once.",
    path: "Inspection",
    prop: 'routeThrough("egress").subnets[1]',
    received: '"0.0.0.0/0 in route table rtb-0cccccccccccccccc"',
    build: (s) =>
      inspectionEndpoint(s).routeThrough("egress", {
        subnets: [
          { subnetId: "subnet-0cccccccccccccccc", availabilityZone: "us-east-1a", routeTableId: "rtb-0cccccccccccccccc" },
          { subnetId: "subnet-0dddddddddddddddd", availabilityZone: "us-east-1b", routeTableId: "rtb-0cccccccccccccccc" },
        ],
        destinations: ["0.0.0.0/0"],
      }),
  },
  {
    module: "endpoints",
    api: "GatewayLoadBalancerEndpoint",
    cause: "The VPC's own CIDR as a destination routed through inspection: the local route covers it",
    fix: "Route the whole CIDR of the subnet to inspect, or a destination outside the VPC.",
    path: "Inspection",
    prop: 'routeThrough("inside").destinations[0]',
    received: '"10.0.0.0/16"',
    build: (s) =>
      inspectionEndpoint(s).routeThrough("inside", {
        subnets: [{ subnetId: "subnet-0cccccccccccccccc", availabilityZone: "us-east-1a", routeTableId: "rtb-0cccccccccccccccc" }],
        destinations: ["10.0.0.0/16"],
      }),
  },
  {
    module: "endpoints",
    api: "ResourceEndpoint",
    cause: "A port range list holding undefined (a JavaScript caller's hole)",
    fix: "Give port ranges such as Port.tcp(5432).",
    path: "Db",
    prop: "ports[0]",
    received: "undefined",
    build: (s) =>
      new ResourceEndpoint(s, "Db", { vpc: vpc(s), resourceConfiguration: { resourceConfigurationArn: CONFIG_ARN }, ports: [undefined as never] }),
  },
  {
    module: "endpoints",
    api: "ServiceNetworkEndpoint",
    cause: 'privateDnsEnabled given as a string (a JavaScript caller\'s "yes"), which would be written into the JSON',
    fix: "Pass true or false.",
    path: "Mesh",
    prop: "privateDnsEnabled",
    received: '"yes"',
    build: (s) =>
      new ServiceNetworkEndpoint(s, "Mesh", { vpc: vpc(s), serviceNetwork: { serviceNetworkArn: NETWORK_ARN }, privateDnsEnabled: "yes" as never }),
  },
  {
    module: "endpoints",
    api: "AwsService.custom",
    cause: "A custom service without a name (a JavaScript caller's undefined), which synthesized a service name ending in undefined",
    fix: "Give the service's full name, such as com.amazonaws.us-east-1.bedrock-runtime.",
    path: "Bedrock",
    prop: "service",
    received: "undefined",
    build: (s) =>
      new InterfaceEndpoint(s, "Bedrock", {
        vpc: vpc(s),
        service: AwsService.custom(undefined as never),
        policy: EndpointPolicy.organizationOnly(ORG),
      }),
  },
  {
    module: "endpoints",
    api: "AwsService.custom",
    cause: "A custom service with a port listed twice",
    fix: "List each port the service listens on once.",
    path: "Bedrock",
    prop: "service.ports",
    received: "443",
    build: (s) =>
      new InterfaceEndpoint(s, "Bedrock", {
        vpc: vpc(s),
        service: AwsService.custom("com.amazonaws.us-east-1.bedrock-runtime", [443, 443]),
        policy: EndpointPolicy.organizationOnly(ORG),
      }),
  },
  {
    module: "endpoints",
    api: "Ec2InstanceConnectEndpoint",
    cause: "A subnet without a subnet ID (a JavaScript caller's empty object)",
    fix: "Pass a subnet of the VPC, such as vpc.privateSubnets[0].",
    path: "Operators",
    prop: "subnet.subnetId",
    received: "undefined",
    build: (s) => new Ec2InstanceConnectEndpoint(s, "Operators", { vpc: vpc(s), subnet: {} as never }),
  },
  {
    module: "endpoints",
    api: "Ec2InstanceConnectEndpoint",
    cause: "A second EC2 Instance Connect Endpoint in one VPC: AWS allows one, so its apply fails",
    fix: "Keep one endpoint per VPC: it reaches instances in every subnet of the VPC.",
    path: "Second",
    prop: "vpc",
    received: '"test/Vpc"',
    build: (s) => {
      const shared = vpc(s);
      new Ec2InstanceConnectEndpoint(s, "Operators", { vpc: shared });
      new Ec2InstanceConnectEndpoint(s, "Second", { vpc: shared });
    },
  },
  {
    module: "endpoints",
    api: "InterfaceEndpoint",
    cause: "A second interface endpoint to one service with private DNS in one VPC: AWS refuses it (a conflicting DNS domain)",
    fix: "Keep one endpoint per service and VPC, or turn private DNS off on the second (privateDnsEnabled: false).",
    path: "MoreLogs",
    prop: "privateDnsEnabled",
    received: "true",
    build: (s) => {
      const shared = vpc(s);
      new InterfaceEndpoint(s, "Logs", { vpc: shared, service: AwsService.LOGS, policy: EndpointPolicy.organizationOnly(ORG) });
      new InterfaceEndpoint(s, "MoreLogs", { vpc: shared, service: AwsService.LOGS, policy: EndpointPolicy.organizationOnly(ORG) });
    },
  },
  {
    module: "endpoints",
    api: "CentralizedEndpoints",
    cause:
      "privateDnsEnabled: true on a hub service: the hub's private hosted zone answers the service's name, so the endpoint's private DNS stays off (it was turned off silently)",
    fix: "Leave privateDnsEnabled unset on the services of CentralizedEndpoints; use PrivateAwsServiceAccess for endpoints with private DNS in one VPC.",
    path: "Central",
    prop: "services[0].privateDnsEnabled",
    received: "true",
    build: (s) =>
      new CentralizedEndpoints(s, "Central", {
        vpc: vpc(s, "Hub"),
        spokes: [{ name: "orders", vpc: vpc(s, "Orders", "10.1.0.0/16") }],
        services: [{ service: AwsService.LOGS, policy: EndpointPolicy.organizationOnly(ORG), privateDnsEnabled: true }],
      }),
  },
  {
    module: "endpoints",
    api: "CentralizedEndpoints",
    cause:
      "A spoke that still has its own endpoint with private DNS to a service the hub resolves: Route 53 refuses the hub's zone of the same name there (ConflictingDomainExists)",
    fix: "Drop the spoke's own endpoint (or its private DNS) when it moves to the hub, or leave the spoke out of the pattern.",
    path: "Central",
    prop: "spokes[0].vpc",
    received: '"orders"',
    build: (s) => {
      const orders = vpc(s, "Orders", "10.1.0.0/16");
      const logs = { service: AwsService.LOGS, policy: EndpointPolicy.organizationOnly(ORG) };
      new InterfaceEndpoint(s, "OwnLogs", { vpc: orders, ...logs });
      new CentralizedEndpoints(s, "Central", { vpc: vpc(s, "Hub"), spokes: [{ name: "orders", vpc: orders }], services: [logs] });
    },
  },
  {
    module: "endpoints",
    api: "GatewayEndpoint",
    cause: "Both routeTableIds and subnets: the route goes in routeTableIds only, so the subnets' own route tables would silently get none",
    fix: "Pass one of them: routeTableIds with every table that needs the route, or subnets whose route tables get it.",
    path: "S3",
    prop: "subnets",
    received: '"subnets with routeTableIds"',
    build: (s) => {
      const network = vpc(s);
      new GatewayEndpoint(s, "S3", {
        vpc: network,
        service: AwsService.S3,
        policy: EndpointPolicy.s3Buckets(["example-bucket"]),
        routeTableIds: ["rtb-0123456789abcdef0"],
        subnets: network.privateSubnets,
      });
    },
  },
  {
    module: "endpoints",
    api: "GatewayEndpoint",
    cause: "Two S3 gateway endpoints routing one route table: AWS refuses a second route to the service's prefix list",
    fix: "Keep one gateway endpoint per service for each route table (one endpoint can route every table of the VPC).",
    path: "MoreS3",
    prop: "routeTableIds",
    received: '"rtb-0123456789abcdef0"',
    build: (s) => {
      const shared = vpc(s);
      const policy = EndpointPolicy.s3Buckets(["example-bucket"]);
      new GatewayEndpoint(s, "S3", { vpc: shared, service: AwsService.S3, policy, routeTableIds: ["rtb-0123456789abcdef0"] });
      new GatewayEndpoint(s, "MoreS3", { vpc: shared, service: AwsService.S3, policy, routeTableIds: ["rtb-0123456789abcdef0"] });
    },
  },
  {
    module: "endpoints",
    api: "InterfaceEndpoint",
    cause: "A fixed endpoint address that AWS reserves in its subnet (the network address, the next three, the last)",
    fix: "Pick another address of the subnet, from its fifth on.",
    path: "Logs",
    prop: "subnetAddresses[0].ipv4",
    received: '"10.0.0.1"',
    build: (s) => {
      const own = vpc(s);
      new InterfaceEndpoint(s, "Logs", {
        vpc: own,
        service: AwsService.LOGS,
        policy: EndpointPolicy.organizationOnly(ORG),
        subnetAddresses: [{ subnet: own.privateSubnets[0], ipv4: "10.0.0.1" }],
      });
    },
  },
  {
    module: "privatelink",
    api: "EndpointService.fromEndpointServiceAttributes",
    cause: "A serviceRegion other than the home region the service's name carries",
    fix: "Give the region of the name (com.amazonaws.vpce.<region>.…), or leave serviceRegion unset.",
    path: "Remote",
    prop: "serviceRegion",
    received: '"eu-west-1"',
    build: (s) =>
      EndpointService.fromEndpointServiceAttributes(s, "Remote", {
        serviceName: "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0",
        ports: [443],
        serviceRegion: "eu-west-1",
      }),
  },
  {
    module: "endpoints",
    api: "InterfaceEndpoint",
    cause:
      "An endpoint to an endpoint service of another region without serviceRegion: AWS looks the service up in the endpoint's region and finds none",
    fix: "Set serviceRegion to the service's home region (cross-region PrivateLink; the provider must list the consumer's region in supportedRegions).",
    path: "Consumer",
    prop: "serviceRegion",
    received: "undefined",
    build: (s) =>
      new InterfaceEndpoint(s, "Consumer", {
        vpc: vpc(s),
        service: EndpointService.fromEndpointServiceAttributes(s, "Remote", {
          serviceName: "com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0",
          ports: [443],
        }),
      }),
  },
  {
    module: "privatelink",
    api: "EndpointService",
    cause: "A supported region of another partition than the service's home region",
    fix: "List regions of the home region's partition only; offer the service in the other partition from an endpoint service there.",
    path: "Service",
    prop: "supportedRegions[0]",
    received: '"cn-north-1"',
    build: (s) =>
      new EndpointService(s, "Service", { networkLoadBalancer: { vpc: vpc(s), listeners: nlbListeners }, supportedRegions: ["cn-north-1"] }),
  },
  {
    module: "endpoints",
    api: "ResourceEndpoint",
    cause: "A CHILD resource configuration reached on its own",
    fix: "Reach its GROUP: AWS uses a child only as part of the group.",
    path: "Db",
    prop: "resourceConfiguration.type",
    received: '"CHILD"',
    build: (s) =>
      new ResourceEndpoint(s, "Db", {
        vpc: vpc(s),
        resourceConfiguration: {
          resourceConfigurationArn: CONFIG_ARN,
          type: "CHILD",
          ports: [{ from: 5432, to: 5432 }],
        },
      }),
  },
  {
    module: "endpoints",
    api: "InterfaceEndpoint",
    cause:
      "Two interface endpoints in one VPC with one customDnsName (Route 53 refuses two private hosted zones of one name in a VPC: ConflictingDomainExists)",
    fix: "Give each endpoint a name of its own, or put the second endpoint in another VPC.",
    path: "PartnerB",
    prop: "customDnsName",
    received: '"api.partner.example.com"',
    build: (s) => {
      const network = vpc(s);
      new InterfaceEndpoint(s, "PartnerA", { vpc: network, service: PARTNER, customDnsName: "api.partner.example.com" });
      new InterfaceEndpoint(s, "PartnerB", {
        vpc: network,
        service: { ...PARTNER, serviceName: "com.amazonaws.vpce.us-east-1.vpce-svc-0fedcba9876543210" },
        customDnsName: "api.partner.example.com",
      });
    },
  },
  {
    module: "endpoints",
    api: "InterfaceEndpoint",
    cause: "A customDnsName that another endpoint's private DNS already answers in the VPC (AWS made that private hosted zone there)",
    fix: "Choose another name, or turn off the other endpoint's private DNS (privateDnsEnabled: false).",
    path: "Custom",
    prop: "customDnsName",
    received: '"api.partner.example.com"',
    build: (s) => {
      const network = vpc(s);
      new InterfaceEndpoint(s, "Named", {
        vpc: network,
        service: {
          ...PARTNER,
          serviceName: "com.amazonaws.vpce.us-east-1.vpce-svc-0fedcba9876543210",
          privateDnsSupported: true,
          privateDnsName: "api.partner.example.com",
        },
      });
      new InterfaceEndpoint(s, "Custom", { vpc: network, service: PARTNER, customDnsName: "api.partner.example.com" });
    },
  },
  {
    module: "endpoints",
    api: "GatewayLoadBalancerEndpoint",
    cause: "A dualstack Gateway Load Balancer endpoint in IPv4-only subnets (AWS places a dualstack endpoint in dual-stack subnets only)",
    fix: "Give the endpoints dual-stack subnets, or leave ipAddressType unset (ipv4).",
    path: "Inspection",
    prop: "ipAddressType",
    received: '"dualstack"',
    build: (s) => {
      const network = vpc(s);
      new GatewayLoadBalancerEndpoint(s, "Inspection", {
        vpc: network,
        service: INSPECTION,
        subnets: network.privateSubnets,
        ipAddressType: "dualstack",
      });
    },
  },
  {
    module: "privatelink",
    api: "NetworkLoadBalancer",
    cause:
      "A load balancer that enforces its security group on PrivateLink traffic, whose clients admit nothing of the VPC of an interface endpoint of the same configuration (AWS drops that endpoint's connections)",
    fix: "Add the consumer VPC's CIDR (or the CIDRs of its clients' subnets) to clients, or set enforceSecurityGroupInboundRulesOnPrivateLinkTraffic: false.",
    path: "Service/LoadBalancer",
    prop: "clients",
    received: '["10.9.0.0/16"]',
    build: (s) => {
      const service = new EndpointService(s, "Service", {
        networkLoadBalancer: { vpc: vpc(s), listeners: nlbListeners, clients: [Peer.cidr("10.9.0.0/16")] },
        acceptanceRequired: false,
        allowedPrincipals: [EndpointServicePrincipal.account("111111111111")],
      });
      new InterfaceEndpoint(s, "Consumer", { vpc: vpc(s, "ConsumerVpc", "10.1.0.0/16"), service });
      Testing.synth(s, true);
    },
  },
  {
    module: "privatelink",
    api: "EndpointService",
    cause:
      "An interface endpoint of the same configuration connects to a service that requires acceptance, and nothing accepts it (it waits in pendingAcceptance for ever)",
    fix: "Accept it with EndpointConnectionAccepter (SaasConsumerEndpoint and PrivateLinkSaasOffering create one), list it in acceptEndpoints, or set acceptanceRequired: false with allowed principals.",
    path: "Service",
    prop: "acceptanceRequired",
    received: "true",
    build: (s) => {
      const service = new EndpointService(s, "Service", { networkLoadBalancer: { vpc: vpc(s), listeners: nlbListeners } });
      new InterfaceEndpoint(s, "Consumer", { vpc: vpc(s, "ConsumerVpc", "10.0.0.0/16"), service, privateDnsEnabled: false });
      Testing.synth(s, true);
    },
  },
  {
    module: "privatelink",
    api: "PrivateLinkSaasOffering",
    cause: "A consumer's endpoint is dualstack while the service supports ipv4 only (AWS refuses the endpoint)",
    fix: 'Add "ipv6" to the service\'s supportedIpAddressTypes (its load balancers dualstack), or give the consumer an ipv4 endpoint.',
    path: "Offering",
    prop: "consumers[0].ipAddressType",
    received: '"dualstack"',
    build: (s) => {
      const own = new Vpc(s, "Vpc", { name: "vpc", cidrBlock: "10.0.0.0/16", availabilityZones: AZS, dualStack: true });
      const customer = new Vpc(s, "CustomerVpc", { name: "customer", cidrBlock: "10.20.0.0/16", availabilityZones: AZS, dualStack: true });
      new PrivateLinkSaasOffering(s, "Offering", {
        service: { networkLoadBalancer: { vpc: own, listeners: nlbListeners, ipAddressType: "dualstack" } },
        consumers: [{ name: "acme", accountId: "222222222222", vpc: customer, ipAddressType: "dualstack" }],
      });
    },
  },
  {
    module: "privatelink",
    api: "PrivateLinkSaasOffering",
    cause:
      "A consumer whose provider is in a region the service does not support, with no region given (its endpoint would look for the service in its own region)",
    fix: "Add the consumer's region to the service's supportedRegions, or place the consumer in the service's home region.",
    path: "Offering",
    prop: "consumers[0].region",
    received: '"eu-west-1"',
    build: (s) => {
      const eu = new AwsProvider(s, "eu", { alias: "eu", region: "eu-west-1" });
      const customer = new Vpc(s, "CustomerVpc", {
        provider: eu,
        name: "customer",
        cidrBlock: "10.20.0.0/16",
        availabilityZones: ["eu-west-1a", "eu-west-1b"],
      });
      new PrivateLinkSaasOffering(s, "Offering", {
        service: {
          networkLoadBalancer: { vpc: vpc(s), listeners: nlbListeners, clients: [Peer.cidr("10.0.0.0/8")] },
          supportedRegions: ["us-west-2"],
        },
        consumers: [{ name: "eu", accountId: "222222222222", provider: eu, vpc: customer }],
      });
    },
  },
  {
    module: "endpoints",
    api: "InterfaceEndpoint",
    cause: "Private DNS (on by default for AWS services) in an existing VPC whose enableDnsHostnames is off: the endpoint's names would not resolve",
    fix: "Turn on the VPC's DNS hostnames and DNS resolution (aws ec2 modify-vpc-attribute), or set privateDnsEnabled: false and dial the endpoint's own DNS names.",
    path: "Logs",
    prop: "privateDnsEnabled",
    received: "true",
    build: (s) =>
      new InterfaceEndpoint(s, "Logs", {
        vpc: Vpc.fromVpcAttributes(s, "Existing", {
          vpcId: "vpc-0aaa0000000000001",
          cidrBlock: "10.0.0.0/16",
          privateSubnetIds: ["subnet-0aaa1111bbbb22220", "subnet-0aaa1111bbbb22221"],
          availabilityZones: ["us-east-1a", "us-east-1b"],
          dnsHostnamesEnabled: false,
        }),
        service: AwsService.LOGS,
        policy: EndpointPolicy.organizationOnly("o-a1b2c3d4e5"),
      }),
  },
  {
    module: "vpc",
    api: "PrivateHostedZone",
    cause: "A private hosted zone for an existing VPC whose DNS resolution (enableDnsSupport) is off: the zone would answer nobody",
    fix: "Turn on the VPC's DNS resolution and DNS hostnames before associating zones with it.",
    path: "Zone",
    prop: "vpc",
    received: '"vpc-0aaa0000000000001"',
    build: (s) =>
      new PrivateHostedZone(s, "Zone", {
        zoneName: "internal.example.com",
        vpc: Vpc.fromVpcAttributes(s, "Existing", { vpcId: "vpc-0aaa0000000000001", cidrBlock: "10.0.0.0/16", dnsSupportEnabled: false }),
      }),
  },
  {
    module: "endpoints",
    api: "InterfaceEndpoint",
    cause:
      "A misspelled optional prop from JavaScript or `as any` (privateDnsEnable for privateDnsEnabled), which was ignored: private DNS stayed on",
    fix: "Spell the prop as the error suggests; it lists every prop the construct takes.",
    path: "Logs",
    prop: "privateDnsEnable",
    received: "false",
    build: (s) => new InterfaceEndpoint(s, "Logs", { vpc: vpc(s), service: AwsService.LOGS, privateDnsEnable: false } as never),
  },
  {
    module: "privatelink",
    api: "EndpointService",
    cause:
      "A misspelled optional prop from JavaScript or `as any` (acceptanceRequire for acceptanceRequired), which was ignored: every connection waited for acceptance",
    fix: "Spell the prop as the error suggests; it lists every prop the construct takes.",
    path: "Service",
    prop: "acceptanceRequire",
    received: "false",
    build: (s) =>
      new EndpointService(s, "Service", {
        networkLoadBalancer: {
          vpc: vpc(s),
          listeners: [{ port: 443, targets: ListenerTargets.instances({ port: 8443, instances: { api: "i-0123456789abcdef0" } }) }],
        },
        acceptanceRequire: false,
      } as never),
  },
  {
    module: "endpoints",
    api: "InterfaceEndpoint",
    cause: "A partner service given by its ID (vpce-svc-...) where its name belongs: AWS finds no such service at apply",
    fix: "Give the service's name, com.amazonaws.vpce.<region>.vpce-svc-..., or use EndpointService.fromServiceName.",
    path: "Partner",
    prop: "service.serviceName",
    received: '"vpce-svc-0123456789abcdef0"',
    build: (s) => new InterfaceEndpoint(s, "Partner", { vpc: vpc(s), service: { ...PARTNER, serviceName: "vpce-svc-0123456789abcdef0" } }),
  },
  {
    module: "endpoints",
    api: "GatewayLoadBalancerEndpoint",
    cause:
      "An inspection service of another region: GatewayLoadBalancer endpoints do not cross regions (cross-region PrivateLink is for interface endpoints)",
    fix: "Create the inspection service (and its Gateway Load Balancer) in the endpoints' region.",
    path: "Inspection",
    prop: "service.serviceName",
    received: '"com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0"',
    build: (s) => {
      const workloads = vpc(s);
      new GatewayLoadBalancerEndpoint(s, "Inspection", {
        vpc: workloads,
        service: { ...INSPECTION, serviceName: "com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0" },
        subnets: workloads.privateSubnets,
      });
    },
  },
  {
    module: "endpoints",
    api: "EndpointPolicy.organizationOnly",
    cause: "organizationOnly called without an organization ID (JavaScript): the policy rendered as AWS's allow-all, with no opt-out saying why",
    fix: 'Pass the organization ID, EndpointPolicy.organizationOnly("o-..."), or EndpointPolicy.allowAll(OptOut.because("<why>")).',
    path: "Logs",
    prop: "policy.organizationId",
    received: "undefined",
    build: (s) =>
      new InterfaceEndpoint(s, "Logs", {
        vpc: vpc(s),
        service: AwsService.LOGS,
        policy: EndpointPolicy.organizationOnly(undefined as unknown as string),
      }),
  },
  {
    module: "endpoints",
    api: "EndpointPolicy.readOnly",
    cause:
      "A read-only policy of another service's IAM prefix (sqs on an SNS endpoint): no sqs action passes through the endpoint, so every request is denied",
    fix: 'Give the IAM prefix of the endpoint\'s own service (EndpointPolicy.readOnly("sns") on an SNS endpoint).',
    path: "Sns",
    prop: "policy.iamPrefix",
    received: '"sqs"',
    build: (s) => new InterfaceEndpoint(s, "Sns", { vpc: vpc(s), service: AwsService.of("sns"), policy: EndpointPolicy.readOnly("sqs") }),
  },
  {
    module: "endpoints",
    api: "CentralizedEndpoints",
    cause:
      "A spoke VPC whose CIDR overlaps the hub's: the hub answers spokes by a route per spoke CIDR, and overlapping ranges cannot be routed apart",
    fix: "Give every spoke (and the hub) a CIDR of its own, as a Transit Gateway or peering needs anyway.",
    path: "Hub",
    prop: "spokes[0].vpc",
    received: '"10.0.128.0/17"',
    build: (s) =>
      new CentralizedEndpoints(s, "Hub", {
        vpc: vpc(s),
        spokes: [{ name: "orders", vpc: vpc(s, "Orders", "10.0.128.0/17") }],
        services: [{ service: AwsService.LOGS, policy: EndpointPolicy.organizationOnly(ORG) }],
      }),
  },
  {
    module: "privatelink",
    api: "EndpointService",
    cause:
      "One Network Load Balancer behind two endpoint services: AWS associates a load balancer with one endpoint service only, and refuses the second at apply",
    fix: "Front the load balancer with one EndpointService and allow every consumer there, or give the second service a load balancer of its own.",
    path: "Second",
    prop: "loadBalancer.networkLoadBalancers[0]",
    received: '"arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/net/api/0123456789abcdef"',
    build: (s) => {
      const nlb = NetworkLoadBalancer.fromNetworkLoadBalancerAttributes(s, "Nlb", {
        loadBalancerArn: "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/net/api/0123456789abcdef",
        listenerPorts: [443],
      });
      const props = {
        loadBalancer: EndpointServiceLoadBalancer.existing([nlb]),
        allowedPrincipals: [EndpointServicePrincipal.account("222222222222")],
      };
      new EndpointService(s, "First", props);
      new EndpointService(s, "Second", props);
    },
  },
  {
    module: "privatelink",
    api: "EndpointConnectionAccepter",
    cause: "Two acceptances of one endpoint's connection: AWS accepts a connection once, and destroying either acceptance rejects it",
    fix: "Accept each endpoint once: one EndpointConnectionAccepter, or one acceptEndpoints list entry.",
    path: "AcceptAgain",
    prop: "endpoint.vpcEndpointId",
    received: '"vpce-0123456789abcdef0"',
    build: (s) => {
      const provider = vpc(s);
      const service = new EndpointService(s, "Service", {
        networkLoadBalancer: { vpc: provider, clients: [Peer.cidr("10.0.0.0/16")], listeners: nlbListeners },
        allowedPrincipals: [EndpointServicePrincipal.account("222222222222")],
      });
      new EndpointConnectionAccepter(s, "Accept", { service, endpoint: { vpcEndpointId: "vpce-0123456789abcdef0" } });
      new EndpointConnectionAccepter(s, "AcceptAgain", { service, endpoint: { vpcEndpointId: "vpce-0123456789abcdef0" } });
    },
  },
  {
    module: "privatelink",
    api: "ListenerTargets.applicationLoadBalancer",
    cause:
      "An Application Load Balancer target health-checked over TCP: AWS checks ALB targets over HTTP or HTTPS only, and refuses the target group at apply",
    fix: 'Use healthCheck: { protocol: "HTTP" } (or "HTTPS"), with a path the ALB answers.',
    path: "Nlb",
    prop: "listeners[0].targets.healthCheck.protocol",
    received: '"TCP"',
    build: (s) =>
      new NetworkLoadBalancer(s, "Nlb", {
        vpc: vpc(s),
        listeners: [
          {
            port: 443,
            targets: ListenerTargets.applicationLoadBalancer({
              loadBalancerArn: "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/app/web/0123456789abcdef",
              port: 443,
              healthCheck: { protocol: "TCP" },
            }),
          },
        ],
      }),
  },
  {
    module: "privatelink",
    api: "GatewayLoadBalancer",
    cause: "A dualstack Gateway Load Balancer in IPv4-only subnets: AWS gives it no IPv6 addresses there and refuses it at apply",
    fix: 'Use a dual-stack VPC (dualStack: true) for ipAddressType: "dualstack", or leave ipAddressType unset.',
    path: "Firewalls",
    prop: "subnets[0].ipAddressType",
    received: '"ipv4"',
    build: (s) =>
      new GatewayLoadBalancer(s, "Firewalls", {
        vpc: vpc(s),
        ipAddressType: "dualstack",
        appliances: ApplianceTargets.ipAddresses({ addresses: { a: "10.0.0.10" } }),
        healthCheck: { port: 80 },
      }),
  },
  {
    module: "privatelink",
    api: "EndpointService",
    cause: "supportedRegions on a Gateway Load Balancer's endpoint service: cross-region PrivateLink serves interface endpoints only",
    fix: "Leave supportedRegions unset, and create an inspection service in each region that needs one.",
    path: "Inspection",
    prop: "supportedRegions",
    received: '["us-west-2"]',
    build: (s) =>
      new EndpointService(s, "Inspection", {
        region: "us-east-1",
        gatewayLoadBalancerArns: ["arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/gwy/inspection/0123456789abcdef"],
        allowedPrincipals: [EndpointServicePrincipal.account("222222222222")],
        supportedRegions: ["us-west-2"],
      }),
  },
  {
    module: "endpoints",
    api: "InterfaceEndpoint",
    cause:
      "An interface endpoint, created in one account, to an endpoint service of the same configuration in another account whose allowed principals leave the endpoint's account out (AWS lets only allowed principals create endpoints)",
    fix: "Add the consumer's account to the service's allowedPrincipals (EndpointServicePrincipal.account(\"<consumer account>\")), or create the endpoint with a provider of an allowed account.",
    path: "Consumer",
    prop: "service.allowedPrincipals",
    received: '["333333333333"]',
    build: (s) => {
      const owner = new AwsProvider(s, "owner", { alias: "owner", region: "us-east-1", allowedAccountIds: ["111111111111"] });
      const consumer = new AwsProvider(s, "consumer", { alias: "consumer", region: "us-east-1", allowedAccountIds: ["222222222222"] });
      const service = new EndpointService(s, "Service", {
        provider: owner,
        networkLoadBalancer: {
          vpc: new Vpc(s, "Vpc", { provider: owner, name: "vpc", cidrBlock: "10.0.0.0/16", availabilityZones: AZS }),
          listeners: nlbListeners,
        },
        allowedPrincipals: [EndpointServicePrincipal.account("333333333333")],
      });
      const consumerVpc = new Vpc(s, "ConsumerVpc", { provider: consumer, name: "consumer", cidrBlock: "10.1.0.0/16", availabilityZones: AZS });
      new InterfaceEndpoint(s, "Consumer", { vpc: consumerVpc, service });
    },
  },
  {
    module: "endpoints",
    api: "InterfaceEndpoint",
    cause:
      "An interface endpoint in AZs (by name, in the service's own account and region) where the endpoint service's Network Load Balancer has no subnet: AWS refuses an endpoint subnet in a zone the service is not offered in",
    fix: "Place the endpoint in subnets of the load balancer's zones (or give the load balancer subnets in the consumer's zones), or set onlySupportedAvailabilityZones: true.",
    path: "Consumer",
    prop: "vpc.privateSubnets",
    received: '"us-east-1c"',
    build: (s) => {
      const service = new EndpointService(s, "Service", {
        networkLoadBalancer: { vpc: vpc(s), listeners: nlbListeners },
        acceptanceRequired: false,
        allowedPrincipals: [EndpointServicePrincipal.account("222222222222")],
      });
      const consumerVpc = new Vpc(s, "ConsumerVpc", { name: "consumer", cidrBlock: "10.1.0.0/16", availabilityZones: ["us-east-1c", "us-east-1d"] });
      new InterfaceEndpoint(s, "Consumer", { vpc: consumerVpc, service });
    },
  },
  {
    module: "privatelink",
    api: "EndpointService",
    cause:
      "GatewayLoadBalancer endpoints of the same configuration to a Gateway Load Balancer's endpoint service that requires acceptance (the default), with nothing accepting them: their routes reach endpoints that stay pendingAcceptance",
    fix: "Accept each zone's endpoint with new EndpointConnectionAccepter(scope, id, { service, endpoint: endpoints.endpointIn(zone) }) (InspectedSubnetTier does), or set acceptedOutsideTerraform, or acceptanceRequired: false with allowed principals.",
    path: "Inspection",
    prop: "acceptanceRequired",
    received: "true",
    build: (s) => {
      const firewalls = new GatewayLoadBalancer(s, "Firewalls", {
        vpc: vpc(s, "InspectionVpc", "10.100.0.0/16"),
        appliances: ApplianceTargets.ipAddresses({ addresses: { a: "10.100.0.10" } }),
        healthCheck: { port: 80 },
      });
      const service = new EndpointService(s, "Inspection", { loadBalancer: EndpointServiceLoadBalancer.gatewayLoadBalancer(firewalls) });
      const workloads = vpc(s, "Workloads", "10.110.0.0/16");
      new GatewayLoadBalancerEndpoint(s, "Endpoints", { vpc: workloads, service, subnets: workloads.privateSubnets });
      Testing.synth(s, true);
    },
  },
  {
    module: "endpoints",
    api: "GatewayLoadBalancerEndpoint.routeThrough",
    cause:
      "A subnet routed through inspection that shares its route table with an endpoint's subnet (an imported VPC whose tiers share route tables): the endpoint hands inspected traffic back to itself, a routing loop",
    fix: "Give the GatewayLoadBalancer endpoints subnets with route tables of their own, and route only other subnets' tables through them.",
    path: "Inspection",
    prop: 'routeThrough("shared").subnets[0].routeTableId',
    received: '"rtb-0aaaaaaaaaaaaaaaa"',
    build: (s) =>
      inspectionEndpoint(s).routeThrough("shared", {
        subnets: [{ subnetId: "subnet-0cccccccccccccccc", availabilityZone: "us-east-1a", routeTableId: "rtb-0aaaaaaaaaaaaaaaa" }],
        destinations: ["0.0.0.0/0"],
      }),
  },
  {
    module: "endpoints",
    api: "GatewayLoadBalancerEndpoint.routeThrough",
    cause:
      "An inspection route to a destination inside a VPC of this configuration that is no subnet's whole CIDR (a /23 over two subnets, half a subnet, a range of no subnet): AWS takes a route more specific than the local route only for a subnet's exact CIDR",
    fix: "Route each subnet's whole CIDR (one destination per subnet), or a destination outside the VPC.",
    path: "Inspection",
    prop: 'routeThrough("data").destinations[0]',
    received: '"10.0.0.0/23"',
    build: (s) => {
      const endpoint = inspectionEndpoint(s);
      endpoint.routeThrough("data", { subnets: endpoint.vpc.privateSubnets, destinations: ["10.0.0.0/23"] });
      Testing.synth(s, true);
    },
  },
  {
    module: "privatelink",
    api: "ListenerTargets.instances",
    cause: "A health-check port given as a string (a JavaScript caller's \"80\"), which used to be reported on the load balancer's security group",
    fix: "Give healthCheck.port as a number from 1 to 65535.",
    path: "Nlb",
    prop: "listeners[0].targets.healthCheck.port",
    received: '"80"',
    build: (s) =>
      new NetworkLoadBalancer(s, "Nlb", {
        vpc: vpc(s),
        listeners: [
          {
            port: 443,
            targets: ListenerTargets.instances({
              port: 8443,
              instances: { a: "i-0123456789abcdef0" },
              healthCheck: { port: "80" as unknown as number },
            }),
          },
        ],
      }),
  },
  {
    module: "endpoints",
    api: "InterfaceEndpoint",
    cause: 'A VPC ID where the VPC is meant (vpc: "vpc-..."), which used to read as a VPC without private subnets',
    fix: "Pass the VPC: new Vpc(...) or Vpc.fromVpcAttributes(scope, id, { vpcId, cidrBlock, privateSubnets }).",
    path: "Logs",
    prop: "vpc",
    received: '"vpc-0123456789abcdef0"',
    build: (s) =>
      new InterfaceEndpoint(s, "Logs", {
        vpc: "vpc-0123456789abcdef0" as unknown as Vpc,
        service: AwsService.LOGS,
        policy: EndpointPolicy.organizationOnly(ORG),
      }),
  },
  {
    module: "privatelink",
    api: "NetworkLoadBalancer",
    cause: "A Network Load Balancer without subnets in a VPC that lists no private subnets, which used to fail with a TypeError",
    fix: "Pass subnets (vpc.selectSubnets({ tier: ... })), or a VPC with privateSubnets (Vpc.fromVpcAttributes takes them).",
    path: "Nlb",
    prop: "vpc.privateSubnets",
    received: "[]",
    build: (s) =>
      new NetworkLoadBalancer(s, "Nlb", {
        vpc: { vpcId: "vpc-0123456789abcdef0", cidrBlock: "10.0.0.0/16" } as unknown as Vpc,
        listeners: nlbListeners,
      }),
  },
  {
    module: "privatelink",
    api: "GatewayLoadBalancer",
    cause: "A VPC ID where the Gateway Load Balancer's VPC is meant, which used to fail with a TypeError",
    fix: "Pass the VPC: new Vpc(...) or Vpc.fromVpcAttributes(...), with subnets if it lists no private subnets.",
    path: "Firewalls",
    prop: "vpc",
    received: '"vpc-0123456789abcdef0"',
    build: (s) =>
      new GatewayLoadBalancer(s, "Firewalls", {
        vpc: "vpc-0123456789abcdef0" as unknown as Vpc,
        appliances: ApplianceTargets.ipAddresses({ addresses: { a: "10.0.0.10" } }),
        healthCheck: { port: 80 },
      }),
  },
  {
    module: "endpoints",
    api: "GatewayLoadBalancerEndpoint",
    cause: "A VPC ID where the endpoints' VPC is meant, which used to render vpc_id null",
    fix: "Pass the VPC: new Vpc(...) or Vpc.fromVpcAttributes(...).",
    path: "Inspection",
    prop: "vpc",
    received: '"vpc-0123456789abcdef0"',
    build: (s) =>
      new GatewayLoadBalancerEndpoint(s, "Inspection", {
        vpc: "vpc-0123456789abcdef0" as unknown as Vpc,
        service: INSPECTION,
        subnets: [
          { subnetId: "subnet-0aaaaaaaaaaaaaaaa", availabilityZone: "us-east-1a", routeTableId: "rtb-0aaaaaaaaaaaaaaaa" },
          { subnetId: "subnet-0bbbbbbbbbbbbbbbb", availabilityZone: "us-east-1b", routeTableId: "rtb-0bbbbbbbbbbbbbbbb" },
        ],
      }),
  },
  {
    module: "endpoints",
    api: "EndpointPolicy.s3Buckets",
    cause: "A misspelled preset option (organisationId): it was ignored, and the policy let any principal through without the organization condition",
    fix: "Spell the option as the preset takes it (organizationId, principals, readOnly, awsManagedBuckets).",
    path: "S3",
    prop: "policy.organisationId",
    received: '"o-a1b2c3d4e5"',
    build: (s) =>
      new GatewayEndpoint(s, "S3", {
        vpc: vpc(s),
        service: AwsService.S3,
        policy: EndpointPolicy.s3Buckets(["app-data"], { organisationId: ORG } as unknown as { organizationId: string }),
      }),
  },
  {
    module: "endpoints",
    api: "EndpointPolicy.fromStatements",
    cause: "A condition operator without keys (StringEquals: {}) on a Principal * statement: it narrows nothing, yet counted as a condition",
    fix: 'Give the operator at least one key with a value, such as { StringEquals: { "aws:PrincipalOrgID": "o-..." } }, or drop it.',
    path: "S3",
    prop: "policy.statements[0].conditions.StringEquals",
    received: "{}",
    build: (s) =>
      new GatewayEndpoint(s, "S3", {
        vpc: vpc(s),
        service: AwsService.S3,
        policy: EndpointPolicy.fromStatements(
          new PolicyStatement({ actions: ["s3:GetObject"], principals: [PolicyPrincipal.anyone()], conditions: { StringEquals: {} } }),
        ),
      }),
  },
  {
    module: "endpoints",
    api: "EndpointPolicy.fromStatements",
    cause: "A condition operator IAM does not have (StringEqual for StringEquals)",
    fix: "Use one of IAM's condition operators (StringEquals, StringLike, ArnLike, Bool, Null, ..., optionally IfExists, ForAnyValue:, ForAllValues:).",
    path: "S3",
    prop: "policy.statements[0].conditions",
    received: '"StringEqual"',
    build: (s) =>
      new GatewayEndpoint(s, "S3", {
        vpc: vpc(s),
        service: AwsService.S3,
        policy: EndpointPolicy.fromStatements(
          new PolicyStatement({
            actions: ["s3:GetObject"],
            principals: [PolicyPrincipal.anyone()],
            conditions: { StringEqual: { "aws:PrincipalOrgID": ORG } },
          }),
        ),
      }),
  },
  {
    module: "endpoints",
    api: "EndpointPolicy.fromStatements",
    cause: "A statement resource that is no ARN (bucket/*): IAM matches resources by ARN, so the statement allowed nothing",
    fix: 'Name the resource by ARN (arn:aws:s3:::bucket/*), or "*".',
    path: "S3",
    prop: "policy.statements[0].resources[0]",
    received: '"bucket/*"',
    build: (s) =>
      new GatewayEndpoint(s, "S3", {
        vpc: vpc(s),
        service: AwsService.S3,
        policy: EndpointPolicy.fromStatements(
          new PolicyStatement({ actions: ["s3:GetObject"], resources: ["bucket/*"], principals: [PolicyPrincipal.account("111111111111")] }),
        ),
      }),
  },
  {
    module: "endpoints",
    api: "EndpointPolicy.fromStatements",
    cause: "A resource ARN of another partition (aws-cn) in the policy of a us-east-1 endpoint",
    fix: "Use ARNs of the endpoint's partition (arn:aws:… in the commercial regions).",
    path: "S3",
    prop: "policy.statements[0].resources[0]",
    received: '"arn:aws-cn:s3:::app-data/*"',
    build: (s) =>
      new GatewayEndpoint(s, "S3", {
        vpc: vpc(s),
        service: AwsService.S3,
        policy: EndpointPolicy.fromStatements(
          new PolicyStatement({
            actions: ["s3:GetObject"],
            resources: ["arn:aws-cn:s3:::app-data/*"],
            principals: [PolicyPrincipal.account("111111111111")],
          }),
        ),
      }),
  },
  {
    module: "endpoints",
    api: "EndpointPolicy.fromStatements",
    cause: "A DynamoDB table ARN as the resource of a statement of s3: actions, which never act on it",
    fix: "Give s3: actions S3 ARNs, and DynamoDB tables a statement of dynamodb: actions.",
    path: "S3",
    prop: "policy.statements[0].resources[0]",
    received: '"arn:aws:dynamodb:us-east-1:111111111111:table/orders"',
    build: (s) =>
      new GatewayEndpoint(s, "S3", {
        vpc: vpc(s),
        service: AwsService.S3,
        policy: EndpointPolicy.fromStatements(
          new PolicyStatement({
            actions: ["s3:GetObject"],
            resources: ["arn:aws:dynamodb:us-east-1:111111111111:table/orders"],
            principals: [PolicyPrincipal.account("111111111111")],
          }),
        ),
      }),
  },
  {
    module: "endpoints",
    api: "EndpointPolicy.fromStatements",
    cause: "An empty resources list, which IAM refuses",
    fix: 'Name at least one resource, or leave resources out for "*".',
    path: "S3",
    prop: "policy.statements[0].resources",
    received: "[]",
    build: (s) =>
      new GatewayEndpoint(s, "S3", {
        vpc: vpc(s),
        service: AwsService.S3,
        policy: EndpointPolicy.fromStatements(
          new PolicyStatement({ actions: ["s3:GetObject"], resources: [], principals: [PolicyPrincipal.account("111111111111")] }),
        ),
      }),
  },
  {
    module: "endpoints",
    api: "EndpointPolicy.fromStatements",
    cause: "A role of the China partition as principal in the policy of a us-east-1 endpoint",
    fix: "Name principals of the endpoint's partition (arn:aws:iam::… in the commercial regions).",
    path: "S3",
    prop: "policy.statements[0].principals[0]",
    received: '"arn:aws-cn:iam::111111111111:role/x"',
    build: (s) =>
      new GatewayEndpoint(s, "S3", {
        vpc: vpc(s),
        service: AwsService.S3,
        policy: EndpointPolicy.fromStatements(
          new PolicyStatement({ actions: ["s3:GetObject"], principals: [PolicyPrincipal.arn("arn:aws-cn:iam::111111111111:role/x")] }),
        ),
      }),
  },
  {
    module: "endpoints",
    api: "EndpointPolicy.fromStatements",
    cause: "An endpoint policy of Deny statements only: every request through the endpoint is implicitly denied",
    fix: "Add the Allow statements of what may pass through the endpoint; the Denies then narrow them.",
    path: "S3",
    prop: "policy.statements",
    received: '["Deny"]',
    build: (s) =>
      new GatewayEndpoint(s, "S3", {
        vpc: vpc(s),
        service: AwsService.S3,
        policy: EndpointPolicy.fromStatements(
          new PolicyStatement({ effect: "Deny", actions: ["s3:DeleteObject"], principals: [PolicyPrincipal.anyone()] }),
        ),
      }),
  },
  {
    module: "endpoints",
    api: "InterfaceEndpoint",
    cause:
      "A private hosted zone of the VPC with the endpoint's customDnsName (made before or after it): Route 53 refuses the endpoint's own zone of that name (ConflictingDomainExists)",
    fix: "Pick another customDnsName, or drop it and add the endpoint's alias records to the zone you have.",
    path: "E",
    prop: "customDnsName",
    received: '"api.partner.example.com"',
    build: (s) => {
      const network = vpc(s);
      new InterfaceEndpoint(s, "E", { vpc: network, service: PARTNER, customDnsName: "api.partner.example.com" });
      new PrivateHostedZone(s, "Z", { zoneName: "api.partner.example.com", vpc: network });
      Testing.synth(s, true);
    },
  },
  {
    module: "endpoints",
    api: "InterfaceEndpoint",
    cause:
      "A private hosted zone sqs.us-east-1.amazonaws.com in the VPC of an SQS endpoint with private DNS: AWS refuses private DNS for a name a zone of the VPC holds",
    fix: "Set privateDnsEnabled: false and alias the name to the endpoint in your zone, or remove the zone from the VPC.",
    path: "Sqs",
    prop: "privateDnsEnabled",
    received: "true",
    build: (s) => {
      const network = vpc(s);
      new PrivateHostedZone(s, "SqsZone", { zoneName: "sqs.us-east-1.amazonaws.com", vpc: network });
      new InterfaceEndpoint(s, "Sqs", { vpc: network, service: AwsService.SQS, policy: EndpointPolicy.organizationOnly(ORG) });
      Testing.synth(s, true);
    },
  },
  {
    module: "endpoints",
    api: "InterfaceEndpoint",
    cause:
      "An endpoint made with a provider of another account than its VPC's owner: only a VPC's owner creates endpoints in it (participants of a shared VPC create security groups and network interfaces only), and AWS finds no VPC of another account",
    fix: "Leave provider out (the VPC's is used), or give the VPC owner's provider.",
    path: "Foreign",
    prop: "provider",
    received: '"other (account 222222222222)"',
    build: (s) => {
      const other = new AwsProvider(s, "other", { region: "us-east-1", alias: "other", allowedAccountIds: ["222222222222"] });
      const owner = new AwsProvider(s, "owner", { region: "us-east-1", alias: "owner", allowedAccountIds: ["333333333333"] });
      const vpc = new Vpc(s, "Owned", { name: "owned", cidrBlock: "10.3.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"], provider: owner });
      new InterfaceEndpoint(s, "Foreign", { vpc, service: AwsService.LOGS, policy: EndpointPolicy.organizationOnly(ORG), provider: other });
    },
  },
  {
    module: "privatelink",
    api: "InterfaceEndpoint",
    cause:
      "An interface endpoint created with private DNS on to a service of this configuration that requires acceptance: AWS refuses private DNS on an endpoint still pending acceptance",
    fix: "Make the endpoint a SaasConsumerEndpoint (it turns private DNS on once the endpoint is accepted), or give privateDnsEnabled: false.",
    path: "Consumer",
    prop: "privateDnsEnabled",
    received: "true",
    build: (s) => {
      const service = new EndpointService(s, "Service", {
        networkLoadBalancer: { vpc: vpc(s), listeners: nlbListeners },
        privateDnsName: "api.example.com",
        privateDnsVerificationZone: { zoneId: "Z0123456789ABCDEFGHIJ", zoneName: "example.com" },
      });
      new InterfaceEndpoint(s, "Consumer", { vpc: vpc(s, "ConsumerVpc", "10.0.0.0/16"), service });
    },
  },
  {
    module: "endpoints",
    api: "InterfaceEndpoint",
    cause:
      "An interface endpoint with private DNS on (by default) to a partner's service known only by name (EndpointService.fromEndpointServiceAttributes) whose provider requires acceptance: AWS refuses private DNS on an endpoint still pending acceptance",
    fix: "Make the endpoint a SaasConsumerEndpoint (it turns private DNS on once the endpoint is accepted), or give privateDnsEnabled: false.",
    path: "PartnerEp",
    prop: "privateDnsEnabled",
    received: "true",
    build: (s) => {
      const partner = EndpointService.fromEndpointServiceAttributes(s, "Partner", {
        serviceName: "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0",
        ports: [443],
        privateDnsName: "api.partner.example.com",
        acceptanceRequired: true,
      });
      new InterfaceEndpoint(s, "PartnerEp", { vpc: vpc(s), service: partner });
    },
  },
  {
    module: "endpoints",
    api: "InterfaceEndpoint",
    cause:
      "An endpoint left to default to the VPC's private subnets in an existing VPC imported with app and data tiers only (no private tier): it used to say only that an imported VPC needs privateSubnets",
    fix: 'Pass subnets of one of the VPC\'s tiers: subnets: vpc.selectSubnets({ tier: "app" }).',
    path: "Logs",
    prop: "vpc.privateSubnets",
    received: "[]",
    build: (s) => new InterfaceEndpoint(s, "Logs", { vpc: tieredVpc(s), service: AwsService.LOGS, policy: EndpointPolicy.organizationOnly(ORG) }),
  },
  {
    module: "resources",
    api: "ResourceGateway",
    cause:
      "A resource gateway (or a SharedDatabase's) left to default to the VPC's private subnets in an existing VPC imported with app and data tiers only: it used to say only that it needs at least 2 subnets (got 0)",
    fix: 'Pass subnets of one of the VPC\'s tiers: subnets: vpc.selectSubnets({ tier: "data" }).',
    path: "Gateway",
    prop: "subnets",
    received: "[]",
    build: (s) => new ResourceGateway(s, "Gateway", { name: "orders", vpc: tieredVpc(s) }),
  },
  {
    module: "endpoints",
    api: "PrivateAwsServiceAccess",
    cause: "gatewaySubnets given to a set of services without a Gateway endpoint: no route table would get a route, and the subnets were ignored",
    fix: 'Leave gatewaySubnets unset, or add the gateway service (S3 or DynamoDB with endpointType: "Gateway") whose routes they should get.',
    path: "Logs",
    prop: "gatewaySubnets",
    received: '["subnet-0bbbbbbbbbbbbbbb1","subnet-0bbbbbbbbbbbbbbb2","subnet-0ccccccccccccccc1","subnet-0ccccccccccccccc2"]',
    build: (s) => {
      const existing = tieredVpc(s);
      new PrivateAwsServiceAccess(s, "Logs", {
        vpc: existing,
        subnets: existing.selectSubnets({ tier: "app" }),
        gatewaySubnets: existing.subnets,
        services: ServiceAccessPresets.cloudWatchLogs(["arn:aws:logs:us-east-1:111111111111:log-group:/app/*"]),
      });
    },
  },
  {
    module: "endpoints",
    api: "InterfaceEndpoint",
    cause:
      "Private DNS for SSM in an existing spoke VPC that a hub's private hosted zone ssm.us-east-1.amazonaws.com is associated with (VpcAttributes.privateHostedZoneNames): AWS refuses the conflicting DNS domain",
    fix: "Set privateDnsEnabled: false and add the endpoint's alias records to the hub's zone, or use the hub's endpoint and create none in the spoke.",
    path: "Ssm",
    prop: "privateDnsEnabled",
    received: "true",
    build: (s) => {
      new InterfaceEndpoint(s, "Ssm", {
        vpc: Vpc.fromVpcAttributes(s, "Spoke", {
          vpcId: "vpc-0123456789abcdef0",
          cidrBlock: "10.1.0.0/16",
          privateSubnetIds: ["subnet-0bbbbbbbbbbbbbbb1", "subnet-0bbbbbbbbbbbbbbb2"],
          availabilityZones: AZS,
          privateHostedZoneNames: ["ssm.us-east-1.amazonaws.com"],
        }),
        service: AwsService.SSM,
        policy: EndpointPolicy.organizationOnly(ORG),
      });
      Testing.synth(s, true);
    },
  },
  {
    module: "endpoints",
    api: "InterfaceEndpoint",
    cause:
      "A customDnsName that an existing private hosted zone associated with the existing VPC holds (VpcAttributes.privateHostedZoneNames): Route 53 refuses a second zone of the name (ConflictingDomainExists)",
    fix: "Pick another customDnsName, or drop it and add the endpoint's alias records to the existing zone.",
    path: "Partner",
    prop: "customDnsName",
    received: '"api.partner.example.com"',
    build: (s) => {
      new InterfaceEndpoint(s, "Partner", {
        vpc: Vpc.fromVpcAttributes(s, "Spoke", {
          vpcId: "vpc-0123456789abcdef0",
          cidrBlock: "10.1.0.0/16",
          privateSubnetIds: ["subnet-0bbbbbbbbbbbbbbb1", "subnet-0bbbbbbbbbbbbbbb2"],
          availabilityZones: AZS,
          privateHostedZoneNames: ["api.partner.example.com"],
        }),
        service: PARTNER,
        customDnsName: "api.partner.example.com",
      });
      Testing.synth(s, true);
    },
  },
  {
    module: "endpoints",
    api: "PrivateAwsServiceAccess",
    cause: "gatewaySubnets given as subnet IDs, or of subnets without route tables: the gateway endpoint failed at its own subnets prop",
    fix: "Give subnet objects whose route tables are known (vpc.subnets, or an imported VPC's subnetGroups with routeTableIds).",
    path: "S3",
    prop: "gatewaySubnets[0]",
    received: '"subnet-0bbbbbbbbbbbbbbb1"',
    build: (s) => {
      const existing = tieredVpc(s);
      new PrivateAwsServiceAccess(s, "S3", {
        vpc: existing,
        subnets: existing.selectSubnets({ tier: "app" }),
        gatewaySubnets: ["subnet-0bbbbbbbbbbbbbbb1"] as never,
        services: ServiceAccessPresets.privateS3(["example-bucket"]),
      });
    },
  },
  {
    module: "endpoints",
    api: "PrivateAwsServiceAccess",
    cause: "gatewaySubnets: [] (no route table would get the gateway endpoints' routes)",
    fix: "Leave gatewaySubnets out for the default, or give the subnets whose route tables get the routes.",
    path: "S3",
    prop: "gatewaySubnets",
    received: "[]",
    build: (s) => {
      const existing = tieredVpc(s);
      new PrivateAwsServiceAccess(s, "S3", {
        vpc: existing,
        subnets: existing.selectSubnets({ tier: "app" }),
        gatewaySubnets: [],
        services: ServiceAccessPresets.privateS3(["example-bucket"]),
      });
    },
  },
  {
    module: "endpoints",
    api: "InterfaceEndpoint",
    cause:
      "An endpoint of the default ipv4 IP address type in IPv6-only subnets (AWS gives IPv4 endpoints IPv4 addresses, which IPv6-only subnets have none of)",
    fix: 'Set ipAddressType: "ipv6" (every subnet IPv6-only), or place the endpoint in IPv4 or dual-stack subnets.',
    path: "Logs",
    prop: "ipAddressType",
    received: "undefined",
    build: (s) =>
      new InterfaceEndpoint(s, "Logs", {
        vpc: vpc(s),
        service: AwsService.LOGS,
        policy: EndpointPolicy.organizationOnly("o-a1b2c3d4e5"),
        subnets: AZS.map((az, i) => ({ subnetId: `subnet-0${i}aaaaaaaaaaaaaaa`, availabilityZone: az, ipAddressType: "ipv6" as const })),
      }),
  },
  {
    module: "endpoints",
    api: "InterfaceEndpoint",
    cause:
      "privateDnsOnlyForInboundResolverEndpoint: false on an S3 interface endpoint with privateDnsEnabled: false (the option refines private DNS: it was left out of the endpoint without a word)",
    fix: "Drop privateDnsOnlyForInboundResolverEndpoint, or turn private DNS on (privateDnsEnabled: true, or unset) to answer every S3 query of the VPC through the endpoint.",
    path: "S3",
    prop: "privateDnsOnlyForInboundResolverEndpoint",
    received: "false",
    build: (s) =>
      new InterfaceEndpoint(s, "S3", {
        vpc: vpc(s),
        service: AwsService.S3,
        policy: EndpointPolicy.s3Buckets(["example-bucket"]),
        privateDnsEnabled: false,
        privateDnsOnlyForInboundResolverEndpoint: false,
      }),
  },
  {
    module: "endpoints",
    api: "CentralizedEndpoints",
    cause:
      "A spoke associated with another private hosted zone of a hub service's name (a PrivateHostedZone logs.us-east-1.amazonaws.com of the app, made before or after the pattern): Route 53 refuses the hub's zone there (ConflictingDomainExists)",
    fix: "Remove the other zone from the spoke (or move its records into the hub's zone), or leave the spoke out of the pattern.",
    path: "Central",
    prop: "spokes[0].vpc",
    received: '"orders"',
    build: (s) => {
      const orders = vpc(s, "Orders", "10.1.0.0/16");
      new CentralizedEndpoints(s, "Central", {
        vpc: vpc(s),
        spokes: [{ name: "orders", vpc: orders }],
        services: [{ service: AwsService.LOGS, policy: EndpointPolicy.organizationOnly(ORG) }],
      });
      new PrivateHostedZone(s, "Logs", { zoneName: "logs.us-east-1.amazonaws.com", vpc: orders });
      Testing.synth(s, true);
    },
  },
  {
    module: "endpoints",
    api: "EndpointPolicy.fromStatements",
    cause:
      "An account principal in a statement of a gateway endpoint's policy: AWS matches an account there to its root user only, so none of the account's roles got through",
    fix: 'Use PolicyPrincipal.anyone() with a condition: { StringEquals: { "aws:PrincipalAccount": "<account>" } } or { ArnEquals: { "aws:PrincipalArn": "<role ARN>" } }.',
    path: "S3",
    prop: "policy.statements[0].principals[0]",
    received: '"111111111111"',
    build: (s) =>
      new GatewayEndpoint(s, "S3", {
        vpc: vpc(s),
        service: AwsService.S3,
        policy: EndpointPolicy.fromStatements(
          new PolicyStatement({ actions: ["s3:GetObject"], principals: [PolicyPrincipal.account("111111111111")] }),
        ),
      }),
  },
  {
    module: "endpoints",
    api: "EndpointOnlyBucketPolicy",
    cause: "A partition other than the provider's region's: the bucket's ARN in it matches no request, so the policy denied nothing",
    fix: "Leave partition out (it follows the provider's region), or give the region's partition.",
    path: "BucketPolicy",
    prop: "partition",
    received: '"aws-cn"',
    build: (s) =>
      new EndpointOnlyBucketPolicy(s, "BucketPolicy", {
        bucketName: "a-bucket",
        endpoints: [{ vpcEndpointId: "vpce-0123456789abcdef0" }],
        deploymentRoleArns: ["arn:aws-cn:iam::111111111111:role/deployer"],
        partition: "aws-cn",
      }),
  },
  {
    module: "endpoints",
    api: "EndpointOnlyBucketPolicy",
    cause: "A DynamoDB gateway endpoint among the only endpoints an S3 bucket may be reached through: no S3 request comes through it",
    fix: "Give the S3 endpoints (gateway or interface) the bucket's clients use.",
    path: "BucketPolicy",
    prop: "endpoints[0]",
    received: '"dynamodb"',
    build: (s) =>
      new EndpointOnlyBucketPolicy(s, "BucketPolicy", {
        bucketName: "a-bucket",
        endpoints: [
          new GatewayEndpoint(s, "DynamoDb", {
            vpc: vpc(s),
            service: AwsService.DYNAMODB,
            policy: EndpointPolicy.dynamoDbTables(["arn:aws:dynamodb:us-east-1:111111111111:table/orders"]),
          }),
        ],
        deploymentRoleArns: ["arn:aws:iam::111111111111:role/deployer"],
      }),
  },
  {
    module: "privatelink",
    api: "SaasConsumerEndpoint",
    cause:
      "A second SaasConsumerEndpoint with private DNS to one service in one VPC: its private DNS, turned on after acceptance, was never judged against the first's, and AWS refuses it then (a conflicting DNS domain)",
    fix: "Give one consumer endpoint per VPC private DNS (privateDnsEnabled: false on the others, whose clients dial their generated names or a customDnsName), or place the second in another VPC.",
    path: "Second/Endpoint",
    prop: "privateDnsEnabled",
    received: "true",
    build: (s) => {
      const consumers = vpc(s);
      const service = EndpointService.fromEndpointServiceAttributes(s, "Service", {
        serviceName: "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0",
        ports: [443],
        privateDnsName: "api.example.com",
        acceptanceRequired: false,
      });
      new SaasConsumerEndpoint(s, "First", { vpc: consumers, service });
      new SaasConsumerEndpoint(s, "Second", { vpc: consumers, service });
    },
  },
  {
    module: "privatelink",
    api: "InterfaceEndpoint",
    cause:
      "An interface endpoint with private DNS on (by default) to a service of this configuration whose private DNS name nothing verifies (no privateDnsVerificationZone): AWS refuses private DNS for a name it has not verified, and the first apply failed at the endpoint without a word at synth",
    fix: 'Give the service privateDnsVerificationZone (the public hosted zone of the name), or privateDnsEnabled: false on the endpoint; when the name is verified with another DNS provider before the endpoint is created, say so on the service: privateDnsVerifiedOutsideTerraform: OptOut.because("<who verifies the name, and where>").',
    path: "Consumer",
    prop: "privateDnsEnabled",
    received: "true",
    build: (s) => {
      const service = new EndpointService(s, "Service", {
        networkLoadBalancer: { vpc: vpc(s), listeners: nlbListeners },
        privateDnsName: "api.example.com",
        acceptanceRequired: false,
        allowedPrincipals: [EndpointServicePrincipal.account("111111111111")],
      });
      new InterfaceEndpoint(s, "Consumer", { vpc: vpc(s, "ConsumerVpc", "10.1.0.0/16"), service });
    },
  },
  {
    module: "privatelink",
    api: "EndpointService",
    cause: "privateDnsVerifiedOutsideTerraform next to privateDnsVerificationZone, which verifies the name in this configuration",
    fix: "Keep one: the verification zone (this configuration verifies the name), or the opt-out (someone else does).",
    path: "Service",
    prop: "privateDnsVerifiedOutsideTerraform",
    received: '"the DNS team verifies the name in the corporate DNS"',
    build: (s) =>
      new EndpointService(s, "Service", {
        networkLoadBalancer: { vpc: vpc(s), listeners: nlbListeners },
        privateDnsName: "api.example.com",
        privateDnsVerificationZone: { zoneId: "Z0123456789ABCDEFGHIJ", zoneName: "example.com" },
        privateDnsVerifiedOutsideTerraform: OptOut.because("the DNS team verifies the name in the corporate DNS"),
      }),
  },
  {
    module: "endpoints",
    api: "InterfaceEndpoint",
    cause:
      "privateDnsOnlyForInboundResolverEndpoint on a DynamoDB interface endpoint: AWS offers the option for services with gateway and interface endpoints, but the AWS provider sends it for S3 service names only, so it never reached the endpoint",
    fix: "Drop privateDnsOnlyForInboundResolverEndpoint; to keep the VPC's DynamoDB traffic on the gateway endpoint, give the interface endpoint privateDnsEnabled: false and point on-premises resolvers at its generated names.",
    path: "DynamoDb",
    prop: "privateDnsOnlyForInboundResolverEndpoint",
    received: "true",
    build: (s) =>
      new InterfaceEndpoint(s, "DynamoDb", {
        vpc: vpc(s),
        service: AwsService.DYNAMODB,
        policy: EndpointPolicy.organizationOnly(ORG),
        privateDnsOnlyForInboundResolverEndpoint: true,
      }),
  },
  {
    module: "endpoints",
    api: "InterfaceEndpoint",
    cause: 'Subnet IDs where subnet objects are meant (a JavaScript caller\'s subnets: ["subnet-…"]): the endpoint was rendered with subnet_ids []',
    fix: "Pass subnet objects: vpc.selectSubnets(...), or import the VPC with its subnets (Vpc.fromVpcAttributes subnetGroups) and select them.",
    path: "Endpoint",
    prop: "subnets[0]",
    received: '"subnet-0aaaaaaaaaaaaaaa1"',
    build: (s) =>
      new InterfaceEndpoint(s, "Endpoint", {
        vpc: vpc(s),
        service: AwsService.LOGS,
        policy: EndpointPolicy.organizationOnly("o-a1b2c3d4e5"),
        subnets: ["subnet-0aaaaaaaaaaaaaaa1", "subnet-0aaaaaaaaaaaaaaa2"] as unknown as Vpc["privateSubnets"],
      }),
  },
  {
    module: "endpoints",
    api: "InterfaceEndpoint.connections",
    cause:
      "An AWS service's endpoint opened on a port it does not serve (allowFrom a client on HTTP 80; the service answers HTTPS on 443): the rule opened a port that carries nothing, and 443 stayed closed",
    fix: "Open the port the endpoint serves: endpoint.connections.allowFrom(client, Port.tcp(443), why), or allowDefaultPortFrom(client, why).",
    path: "Sts",
    prop: "connections.allowFrom.port",
    received: '"tcp 80"',
    build: (s) => {
      const v = vpc(s);
      const sts = new InterfaceEndpoint(s, "Sts", { vpc: v, service: AwsService.STS, policy: EndpointPolicy.organizationOnly(ORG), open: false });
      sts.connections.allowFrom(Peer.cidr("10.0.0.0/16"), Port.tcp(80), "Clients call STS");
    },
  },
  {
    module: "endpoints",
    api: "InterfaceEndpoint.connections",
    cause: "A partner's endpoint opened on a port other than the service's ports (443 where the provider publishes 8443): nothing answers there",
    fix: "Open one of the service's ports (its ports, as the provider publishes them): allowDefaultPortFrom(client, why) opens the first.",
    path: "Partner",
    prop: "connections.allowFrom.port",
    received: '"tcp 443"',
    build: (s) => {
      const partner = new InterfaceEndpoint(s, "Partner", { vpc: vpc(s), service: { ...PARTNER, ports: [8443] }, open: false });
      partner.connections.allowFrom(Peer.cidr("10.0.0.0/16"), Port.tcp(443), "Clients call the partner");
    },
  },
  {
    module: "endpoints",
    api: "InterfaceEndpoint",
    cause: 'The service given by its name (a JavaScript caller\'s service: "ssm"): it failed with "expected an object with the documented fields"',
    fix: 'Pass the AwsService: AwsService.SSM (or AwsService.of("ssm")), or AwsService.fromName(scope, "service", name) for a name from untyped input.',
    path: "Ssm",
    prop: "service",
    received: '"ssm"',
    build: (s) => new InterfaceEndpoint(s, "Ssm", { vpc: vpc(s), service: "ssm" as never, policy: EndpointPolicy.organizationOnly(ORG) }),
  },
  {
    module: "endpoints",
    api: "EndpointPolicy.sessionManager",
    cause: "The Session Manager policy on a logs endpoint without the log groups sessions are logged to: it would let nothing through",
    fix: "Give logGroupArns (ServiceAccessPresets.sessionManager({ logGroupArns }) adds the logs endpoint with them), or give the logs endpoint a policy of its own (EndpointPolicy.logGroups).",
    path: "Logs",
    prop: "policy.logGroupArns",
    received: "undefined",
    build: (s) =>
      new InterfaceEndpoint(s, "Logs", { vpc: vpc(s), service: AwsService.LOGS, policy: EndpointPolicy.sessionManager({ organizationId: ORG }) }),
  },
  {
    module: "endpoints",
    api: "ServiceAccessPresets.sessionManager",
    cause: 'ec2Messages given as a string (a JavaScript caller\'s "no"): the ec2messages endpoint would have been kept',
    fix: "Give ec2Messages: false (every managed node runs SSM Agent 3.3.40.0 or later) or true (the default).",
    scope: "app",
    path: "ServiceAccessPresets.sessionManager",
    prop: "options.ec2Messages",
    received: '"no"',
    build: () => ServiceAccessPresets.sessionManager({ ec2Messages: "no" as never }),
  },
  {
    module: "endpoints",
    api: "EndpointPolicy.fromStatements",
    cause:
      "A condition on aws:SourceIp in an endpoint policy (an office or VPC range): no request through a VPC endpoint carries the key, so the Allow admits nobody (or a NotIpAddress Deny refuses everyone)",
    fix: "Name the client's private address with aws:VpcSourceIp, which AWS sets on every request through a VPC endpoint, or admit the VPC with aws:SourceVpc.",
    path: "Kms",
    prop: "policy.statements[0].conditions.IpAddress",
    received: '"aws:SourceIp"',
    build: (s) =>
      new InterfaceEndpoint(s, "Kms", {
        vpc: vpc(s),
        service: AwsService.KMS,
        policy: EndpointPolicy.fromStatements(
          new PolicyStatement({
            actions: ["kms:Decrypt"],
            principals: [PolicyPrincipal.anyone()],
            conditions: { IpAddress: { "aws:SourceIp": "10.0.0.0/16" } },
          }),
        ),
      }),
  },
  {
    module: "endpoints",
    api: "EndpointOnlyTablePolicy",
    cause: "An index's ARN (…:table/orders/index/by-customer) as the table: a resource policy is attached to the table, and covers its indexes",
    fix: "Give the table's ARN (…:table/orders); the policy covers the table and its indexes.",
    path: "TablePolicy",
    prop: "tableArn",
    received: '"arn:aws:dynamodb:us-east-1:111111111111:table/orders/index/by-customer"',
    build: (s) =>
      new EndpointOnlyTablePolicy(s, "TablePolicy", {
        tableArn: "arn:aws:dynamodb:us-east-1:111111111111:table/orders/index/by-customer",
        endpoints: [{ vpcEndpointId: "vpce-0123456789abcdef0" }],
        deploymentRoleArns: ["arn:aws:iam::111111111111:role/deployer"],
      }),
  },
  {
    module: "endpoints",
    api: "EndpointOnlyTablePolicy",
    cause: "A table of another account than the provider's: a table's resource policy is put by the table's own account, so the apply fails",
    fix: "Give the construct the provider of the table's account.",
    path: "TablePolicy",
    prop: "tableArn",
    received: '"arn:aws:dynamodb:us-east-1:222222222222:table/orders"',
    build: (s) => {
      const pinned = new AwsProvider(s, "pinned", { alias: "pinned", region: "us-east-1", allowedAccountIds: ["111111111111"] });
      new EndpointOnlyTablePolicy(s, "TablePolicy", {
        provider: pinned,
        tableArn: "arn:aws:dynamodb:us-east-1:222222222222:table/orders",
        endpoints: [{ vpcEndpointId: "vpce-0123456789abcdef0" }],
        deploymentRoleArns: ["arn:aws:iam::111111111111:role/deployer"],
      });
    },
  },
  {
    module: "endpoints",
    api: "EndpointOnlyTablePolicy",
    cause: "An S3 gateway endpoint among the only endpoints a DynamoDB table may be reached through: no DynamoDB request comes through it",
    fix: "Give the DynamoDB endpoints (gateway or interface) the table's clients use.",
    path: "TablePolicy",
    prop: "endpoints[0]",
    received: '"s3"',
    build: (s) =>
      new EndpointOnlyTablePolicy(s, "TablePolicy", {
        tableArn: "arn:aws:dynamodb:us-east-1:111111111111:table/orders",
        endpoints: [GatewayEndpoint.fromAttributes(s, "S3", { vpcEndpointId: "vpce-0123456789abcdef0", service: AwsService.S3 })],
        deploymentRoleArns: ["arn:aws:iam::111111111111:role/deployer"],
      }),
  },
];
