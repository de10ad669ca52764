import { TerraformStack } from "cdktf";
import {
  ApplianceTargets,
  EndpointService,
  EndpointServiceLoadBalancer,
  EndpointServicePrincipal,
  GatewayLoadBalancer,
  InspectedSubnetTier,
  ListenerTargets,
  NetworkLoadBalancer,
  SaasConsumerEndpoint,
  SaasConsumerEndpointProps,
} from "../modules/privatelink";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Vpc } from "../modules/vpc";
import type { BadInput } from "./bad-input-catalog";

/**
 * More bad inputs of PrivateLink providers: wrong values found by building
 * company scenarios with the published API as a new user would (a SaaS
 * provider's load balancer, an inspection VPC). Part of the bad-input catalog.
 */

const vpc = (stack: TerraformStack, cidrBlock = "10.0.0.0/16") =>
  new Vpc(stack, "Vpc", { name: "provider", cidrBlock, availabilityZones: ["us-east-1a", "us-east-1b"] });

/** A consumer in eu-west-1 of a service of us-east-1 (cross-region PrivateLink), with `props` beside its required ones. */
function crossRegionConsumer(stack: TerraformStack, props: Partial<SaasConsumerEndpointProps>): SaasConsumerEndpoint {
  const west = new AwsProvider(stack, "west", { alias: "west", region: "eu-west-1" });
  return new SaasConsumerEndpoint(stack, "Api", {
    provider: west,
    vpc: new Vpc(stack, "West", { provider: west, name: "west", cidrBlock: "172.16.0.0/16", availabilityZones: ["eu-west-1a", "eu-west-1b"] }),
    service: EndpointService.fromEndpointServiceAttributes(stack, "Service", {
      serviceName: "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0",
      ports: [443],
      acceptanceRequired: false,
    }),
    ...props,
  });
}

/** An inspection service of this stack, for an inspected tier of a workload VPC (10.110.0.0/16, its subnets 10.110.0.0/24 and 10.110.1.0/24). */
function inspectedTier(stack: TerraformStack, clientCidrs: readonly [string, string]): InspectedSubnetTier {
  const firewalls = new GatewayLoadBalancer(stack, "Firewalls", {
    vpc: vpc(stack, "10.100.0.0/16"),
    appliances: ApplianceTargets.ipAddresses({ addresses: { a: "10.100.0.10" } }),
    healthCheck: { port: 80 },
  });
  const service = new EndpointService(stack, "Inspection", {
    loadBalancer: EndpointServiceLoadBalancer.gatewayLoadBalancer(firewalls),
    allowedPrincipals: [EndpointServicePrincipal.account("111111111111")],
  });
  const workloads = new Vpc(stack, "Workloads", { name: "workloads", cidrBlock: "10.110.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
  return new InspectedSubnetTier(stack, "Data", {
    vpc: workloads,
    name: "data",
    service,
    subnetCidrs: { "us-east-1a": "10.110.10.0/24", "us-east-1b": "10.110.11.0/24" },
    endpointSubnetCidrs: { "us-east-1a": "10.110.255.0/28", "us-east-1b": "10.110.255.16/28" },
    clients: {
      "app-a": { subnet: workloads.privateSubnets[0], cidrBlock: clientCidrs[0] },
      "app-b": { subnet: workloads.privateSubnets[1], cidrBlock: clientCidrs[1] },
    },
  });
}

export const PRIVATELINK_BAD_INPUTS: readonly BadInput[] = [
  {
    module: "privatelink",
    api: "NetworkLoadBalancer",
    cause: "An IP target at an address AWS reserves (the VPC's Amazon DNS resolver, or the first four or the last address of a subnet)",
    fix: "Register the application's own private address: AWS keeps .0 to .3 and the last address of every subnet, and nothing can listen there.",
    path: "Nlb",
    prop: "listeners[0].targets.addresses.app",
    received: '"10.0.0.2"',
    build: (s) =>
      new NetworkLoadBalancer(s, "Nlb", {
        vpc: vpc(s),
        listeners: [{ port: 443, targets: ListenerTargets.ipAddresses({ port: 8443, addresses: { app: "10.0.0.2" } }) }],
      }),
  },
  {
    module: "privatelink",
    api: "GatewayLoadBalancer",
    cause: "An appliance address AWS reserves in a subnet (its first four or its last address)",
    fix: "Register the appliance's own private address in the load balancer's VPC.",
    path: "Gwlb",
    prop: "appliances.addresses.fw",
    received: '"10.100.1.255"',
    build: (s) =>
      new GatewayLoadBalancer(s, "Gwlb", {
        vpc: vpc(s, "10.100.0.0/16"),
        appliances: ApplianceTargets.ipAddresses({ addresses: { fw: "10.100.1.255" } }),
        healthCheck: { protocol: "HTTP", port: 80, path: "/healthz" },
      }),
  },
  {
    module: "privatelink",
    api: "InspectedSubnetTier",
    cause: "A client subnet given with another subnet's CIDR (the two client subnets' CIDRs swapped)",
    fix: "Give each client subnet's own CIDR: the tier's route back to a client goes to it, so another would send the client's replies past the appliances.",
    path: "Data",
    prop: "clients.app-a.cidrBlock",
    received: '"10.110.1.0/24"',
    build: (s) => inspectedTier(s, ["10.110.1.0/24", "10.110.0.0/24"]),
  },
  {
    module: "privatelink",
    api: "NetworkLoadBalancer",
    cause:
      'Subnet IDs where subnet objects are meant (a JavaScript caller\'s subnets: ["subnet-…"]), which failed with "expected unique values" for undefined',
    fix: "Pass subnet objects: vpc.selectSubnets(...), or import the VPC with its subnets (Vpc.fromVpcAttributes subnetGroups) and select them.",
    path: "Nlb",
    prop: "subnets[0]",
    received: '"subnet-0aaaaaaaaaaaaaaa1"',
    build: (s) =>
      new NetworkLoadBalancer(s, "Nlb", {
        vpc: vpc(s),
        subnets: ["subnet-0aaaaaaaaaaaaaaa1", "subnet-0aaaaaaaaaaaaaaa2"] as unknown as Vpc["privateSubnets"],
        listeners: [{ port: 443, targets: ListenerTargets.ipAddresses({ port: 8443, addresses: { app: "10.0.0.10" } }) }],
      }),
  },
  {
    module: "privatelink",
    api: "InspectedSubnetTier",
    cause:
      "A client subnet without a cidrBlock whose subnet object carries none either (an imported subnet given by ID, route table and zone): the tier's route back to it has no destination",
    fix: "Give the client's cidrBlock (its subnet's own IPv4 CIDR), or import the VPC with each subnet's cidrBlock so that the subnet carries it.",
    path: "Data",
    prop: "clients.app.cidrBlock",
    received: "undefined",
    build: (s) =>
      new InspectedSubnetTier(s, "Data", {
        vpc: Vpc.fromVpcAttributes(s, "Workloads", { vpcId: "vpc-0123456789abcdef0", cidrBlock: "10.110.0.0/16" }),
        name: "data",
        service: { serviceName: "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0", serviceType: "GatewayLoadBalancer" },
        subnetCidrs: { "us-east-1a": "10.110.10.0/24" },
        endpointSubnetCidrs: { "us-east-1a": "10.110.255.0/28" },
        clients: { app: { subnet: { subnetId: "subnet-0aaaaaaaaaaaaaaa1", availabilityZone: "us-east-1a", routeTableId: "rtb-0aaaaaaaaaaaaaaa1" } } },
      }),
  },
  {
    module: "privatelink",
    api: "SaasConsumerEndpoint",
    cause:
      "region naming another region than the consumer's provider (eu-central-1 for a provider of eu-west-1): the endpoint is made where the provider is, and the region would be checked against the service's regions in its place",
    fix: "Leave region unset (it is the provider's), or give the consumer a provider of the region it is in.",
    path: "Api",
    prop: "region",
    received: '"eu-central-1"',
    build: (s) => crossRegionConsumer(s, { region: "eu-central-1" }),
  },
  {
    module: "privatelink",
    api: "SaasConsumerEndpoint",
    cause:
      "onlySupportedAvailabilityZones for a consumer in another region than the service (cross-region PrivateLink): the service's zones are of its home region, the endpoint's of its own",
    fix: "Leave onlySupportedAvailabilityZones unset: a cross-region endpoint goes in any zone of its own region.",
    path: "Api",
    prop: "onlySupportedAvailabilityZones",
    received: "true",
    build: (s) => crossRegionConsumer(s, { onlySupportedAvailabilityZones: true }),
  },
  {
    module: "privatelink",
    api: "NetworkLoadBalancer",
    cause:
      "An IP target in a subnet of an availability zone where the load balancer has no subnet: AWS registers it but sends it no traffic (Target.NotInUse), with cross-zone load balancing on or off",
    fix: "Add a subnet of the target's zone to the load balancer's subnets, or run the target in one of the load balancer's zones.",
    path: "Nlb",
    prop: "listeners[0].targets.addresses.app",
    received: '"10.0.1.10"',
    build: (s) => {
      const network = vpc(s);
      new NetworkLoadBalancer(s, "Nlb", {
        vpc: network,
        subnets: [network.privateSubnets[0]],
        listeners: [{ port: 443, targets: ListenerTargets.ipAddresses({ port: 8443, addresses: { app: "10.0.1.10" } }) }],
      });
    },
  },
  {
    module: "privatelink",
    api: "EndpointService",
    cause:
      "An existing Network Load Balancer of another account than the endpoint service's provider (a shared-services account's load balancer given to the workload account's service)",
    fix: "Create the endpoint service with a provider of the load balancer's account: load balancers are never shared across accounts, and AWS creates an endpoint service only in front of its own account's.",
    path: "Service",
    prop: "loadBalancer.networkLoadBalancers[0].loadBalancerArn",
    received: '"arn:aws:elasticloadbalancing:us-east-1:999999999999:loadbalancer/net/api/0123456789abcdef"',
    build: (s) => {
      const owner = new AwsProvider(s, "owner", { alias: "owner", region: "us-east-1", allowedAccountIds: ["111111111111"] });
      new EndpointService(s, "Service", {
        provider: owner,
        loadBalancer: EndpointServiceLoadBalancer.existing([
          NetworkLoadBalancer.fromNetworkLoadBalancerAttributes(s, "Nlb", {
            loadBalancerArn: "arn:aws:elasticloadbalancing:us-east-1:999999999999:loadbalancer/net/api/0123456789abcdef",
            listenerPorts: [443],
          }),
        ]),
        allowedPrincipals: [EndpointServicePrincipal.account("222222222222")],
      });
    },
  },
  {
    module: "privatelink",
    api: "NetworkLoadBalancer",
    cause:
      'A health check that does not speak what the targets speak on their traffic port behind a TLS listener: plain HTTP to TLS targets (protocol: "TLS"), or HTTPS to TCP targets, which receive the decrypted stream',
    fix: "Check TLS targets over HTTPS (or TCP) and TCP targets over HTTP (or TCP), or give healthCheck.port of a health endpoint that speaks the check's protocol: otherwise every target reports unhealthy while it serves, and the load balancer fails open.",
    path: "Nlb",
    prop: "listeners[0].targets.healthCheck.protocol",
    received: '"HTTP"',
    build: (s) =>
      new NetworkLoadBalancer(s, "Nlb", {
        vpc: vpc(s),
        listeners: [
          {
            port: 443,
            protocol: "TLS",
            certificateArn: "arn:aws:acm:us-east-1:111111111111:certificate/11111111-2222-3333-4444-555555555555",
            targets: ListenerTargets.ipAddresses({ port: 8443, protocol: "TLS", healthCheck: { protocol: "HTTP" }, addresses: { app: "10.0.0.10" } }),
          },
        ],
      }),
  },
  {
    module: "privatelink",
    api: "GatewayLoadBalancer",
    cause:
      "An appliance address in a subnet of an availability zone where the Gateway Load Balancer has no subnet: AWS registers it but sends it no flows (Target.NotInUse), with cross-zone load balancing on or off",
    fix: "Add a subnet of the appliance's zone to the load balancer's subnets, or run the appliance in one of the load balancer's zones.",
    path: "Gwlb",
    prop: "appliances.addresses.fw",
    received: '"10.100.1.10"',
    build: (s) => {
      const network = vpc(s, "10.100.0.0/16");
      new GatewayLoadBalancer(s, "Gwlb", {
        vpc: network,
        subnets: [network.privateSubnets[0]],
        appliances: ApplianceTargets.ipAddresses({ addresses: { fw: "10.100.1.10" } }),
        healthCheck: { port: 80 },
      });
    },
  },
  {
    module: "privatelink",
    api: "EndpointServicePrincipal",
    cause: "An organization's (or OU's) ARN as an allowed principal of an endpoint service, to let the whole organization connect",
    fix: "List the organization's accounts with EndpointServicePrincipal.account: AWS grants endpoint service permissions to accounts, IAM roles and IAM users only. Keep acceptance required to review who connects.",
    path: "Service",
    prop: "allowedPrincipals[0]",
    received: '"arn:aws:organizations::111111111111:organization/o-a1b2c3d4e5"',
    build: (s) =>
      new EndpointService(s, "Service", {
        loadBalancer: EndpointServiceLoadBalancer.existing([
          NetworkLoadBalancer.fromNetworkLoadBalancerAttributes(s, "Nlb", {
            loadBalancerArn: "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/net/api/0123456789abcdef",
            listenerPorts: [443],
          }),
        ]),
        allowedPrincipals: [EndpointServicePrincipal.fromArn("arn:aws:organizations::111111111111:organization/o-a1b2c3d4e5")],
      }),
  },
];
