import { Construct } from "constructs";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import {
  ApplianceTargets,
  EndpointConnectionAccepter,
  EndpointService,
  GatewayLoadBalancer,
  InspectedSubnetTier,
  ListenerTargets,
  NetworkLoadBalancer,
  PrivateLinkSaasOffering,
  SaasConsumerEndpoint,
} from "../../modules/privatelink";
import { Vpc } from "../../modules/vpc";
import { expectValidationError, stackWithoutProvider } from "../helpers";
import { nlbOptions, providerVpc } from "./helpers";

const SERVICE_NAME = "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0";
const NLB_ARN = "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/net/api/0123456789abcdef";
const GWLB_ARN = "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/gwy/inspection/0123456789abcdef";

const imported = (s: Construct) => EndpointService.fromEndpointServiceAttributes(s, "Partner", { serviceName: SERVICE_NAME, ports: [443] });

/**
 * A misspelled optional prop (JavaScript, `as any`, props built in a
 * variable) was ignored and its default applied: acceptance required, no
 * deletion protection, private DNS on. Each case: the construct built with
 * one misspelled prop, the prop the error names, and the name it suggests.
 */
const CASES: readonly [string, (stack: Construct, vpc: Vpc) => unknown, string, string][] = [
  [
    "EndpointService",
    (s, vpc) => new EndpointService(s, "Service", { networkLoadBalancer: nlbOptions(vpc), acceptanceRequire: false } as never),
    "acceptanceRequire",
    "acceptanceRequired",
  ],
  [
    "EndpointService.fromEndpointServiceAttributes",
    (s) =>
      EndpointService.fromEndpointServiceAttributes(s, "Partner", {
        serviceName: SERVICE_NAME,
        ports: [443],
        privateDNSName: "api.example.com",
      } as never),
    "privateDNSName",
    "privateDnsName",
  ],
  [
    "NetworkLoadBalancer",
    (s, vpc) => new NetworkLoadBalancer(s, "Nlb", { ...nlbOptions(vpc), enableDeletionProtecton: true } as never),
    "enableDeletionProtecton",
    "enableDeletionProtection",
  ],
  [
    "NetworkLoadBalancer listeners",
    (s, vpc) =>
      new NetworkLoadBalancer(s, "Nlb", {
        vpc,
        listeners: [
          {
            port: 443,
            protocol: "TLS",
            certificateARN: "arn",
            targets: ListenerTargets.instances({ port: 8443, instances: { a: "i-0123456789abcdef0" } }),
          },
        ],
      } as never),
    "certificateARN",
    "certificateArn",
  ],
  [
    "NetworkLoadBalancer.fromNetworkLoadBalancerAttributes",
    (s) =>
      NetworkLoadBalancer.fromNetworkLoadBalancerAttributes(s, "Existing", {
        loadBalancerArn: NLB_ARN,
        listenerPorts: [443],
        ipAdressType: "dualstack",
      } as never),
    "ipAdressType",
    "ipAddressType",
  ],
  [
    "GatewayLoadBalancer",
    (s, vpc) =>
      new GatewayLoadBalancer(s, "Gwlb", {
        vpc,
        appliances: ApplianceTargets.ipAddresses({ addresses: { "firewall-a": "10.0.0.10" } }),
        healthCheck: { protocol: "HTTP", port: 80, path: "/healthz" },
        crossZoneLoadbalancing: true,
      } as never),
    "crossZoneLoadbalancing",
    "crossZoneLoadBalancing",
  ],
  [
    "GatewayLoadBalancer.fromGatewayLoadBalancerAttributes",
    (s) =>
      GatewayLoadBalancer.fromGatewayLoadBalancerAttributes(s, "Existing", { loadBalancerArn: GWLB_ARN, availabilityZoneId: ["use1-az1"] } as never),
    "availabilityZoneId",
    "availabilityZoneIds",
  ],
  [
    "EndpointConnectionAccepter",
    (s, vpc) => {
      const service = new EndpointService(s, "Service", { networkLoadBalancer: nlbOptions(vpc) });
      return new EndpointConnectionAccepter(s, "Accept", { service, endpoint: { vpcEndpointId: "vpce-0123456789abcdef0" }, endpoints: [] } as never);
    },
    "endpoints",
    "endpoint",
  ],
  [
    "InspectedSubnetTier",
    (s, vpc) =>
      new InspectedSubnetTier(s, "Data", {
        vpc,
        name: "data",
        service: { serviceName: SERVICE_NAME, serviceType: "GatewayLoadBalancer" },
        subnetCidrs: {},
        endpointSubnetCidrs: {},
        clients: [],
        subnetCidr: {},
      } as never),
    "subnetCidr",
    "subnetCidrs",
  ],
  [
    "SaasConsumerEndpoint",
    (s, vpc) => new SaasConsumerEndpoint(s, "Consumer", { service: imported(s), vpc, privateDnsEnable: false } as never),
    "privateDnsEnable",
    "privateDnsEnabled",
  ],
  [
    "PrivateLinkSaasOffering",
    (s, vpc) =>
      new PrivateLinkSaasOffering(s, "Offering", {
        service: { networkLoadBalancer: nlbOptions(vpc) },
        consumers: [{ name: "acme", accountId: "222222222222", vpc }],
        provders: [],
      } as never),
    "provders",
    "provider",
  ],
  [
    "PrivateLinkSaasOffering consumers",
    (s, vpc) =>
      new PrivateLinkSaasOffering(s, "Offering", {
        service: { networkLoadBalancer: nlbOptions(vpc) },
        consumers: [{ name: "acme", accountId: "222222222222", vpc, privateDnsEnable: false }],
      } as never),
    "consumers[0].privateDnsEnable",
    "privateDnsEnabled",
  ],
];

describe("privatelink constructs refuse props they do not take", () => {
  test.each(CASES)("%s fails when a prop is misspelled, naming it and the prop meant", (_api, build, prop, meant) => {
    const stack = stackWithoutProvider();
    new AwsProvider(stack, "aws", { region: "us-east-1" });
    const error = expectValidationError(() => build(stack, providerVpc(stack)), prop, /./);
    expect(error.message).toContain(`did you mean ${meant}?`);
  });

  test("PrivateLinkSaasOffering passes each consumer's endpoint only the endpoint's props (not the consumer's name and account)", () => {
    const stack = stackWithoutProvider();
    new AwsProvider(stack, "aws", { region: "us-east-1" });
    const customer = new AwsProvider(stack, "customer", { alias: "customer", region: "us-east-1" });
    const vpc = providerVpc(stack);
    const customerVpc = new Vpc(stack, "CustomerVpc", {
      provider: customer,
      name: "customer",
      cidrBlock: "10.20.0.0/16",
      availabilityZones: ["us-east-1a", "us-east-1b"],
    });
    const offering = new PrivateLinkSaasOffering(stack, "Offering", {
      service: { networkLoadBalancer: nlbOptions(vpc) },
      consumers: [{ name: "acme", accountId: "222222222222", provider: customer, vpc: customerVpc }],
    });
    expect(Object.keys(offering.consumers)).toEqual(["acme"]);
  });
});
