import { TerraformStack, Testing } from "cdktf";
import { OptOut } from "../../modules/core";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { InterfaceEndpoint } from "../../modules/endpoints";
import { analyzeFlow, expectFlow, NetworkModel } from "../../modules/flows";
import {
  EndpointService,
  EndpointServiceLoadBalancer,
  EndpointServicePrincipal,
  ListenerTargets,
  NetworkLoadBalancerListener,
  PrivateLinkSaasOffering,
} from "../../modules/privatelink";
import { Peer, SecurityGroup, Vpc } from "../../modules/vpc";
import { PrivateNetworkingStack } from "../../modules/app";
import { testApp } from "../helpers";

const PROVIDER = "111111111111";
const CONSUMER = "222222222222";
const CERTIFICATE = `arn:aws:acm:us-east-1:${PROVIDER}:certificate/11111111-2222-3333-4444-555555555555`;
const ALB = `arn:aws:elasticloadbalancing:us-east-1:${PROVIDER}:loadbalancer/app/api/0123456789abcdef`;
const BY_ID = ["use1-az1", "use1-az2"];
const BY_NAME = ["us-east-1a", "us-east-1b"];
const TLS_443: NetworkLoadBalancerListener = {
  port: 443,
  protocol: "TLS",
  certificateArn: CERTIFICATE,
  targets: ListenerTargets.instances({ port: 8443, instances: { api: "i-0123456789abcdef0" } }),
};

interface OfferingOptions {
  readonly listeners?: readonly NetworkLoadBalancerListener[];
  readonly providerZones?: readonly string[];
  readonly consumerZones?: readonly string[];
  readonly ingressPeers?: readonly Peer[];
  readonly customDnsName?: string;
}

/** A provider account's service and one consumer account's endpoint, in one configuration, as ES-1 builds them. */
function offering(options: OfferingOptions = {}) {
  const stack = new TerraformStack(testApp(), "privatelink");
  new AwsProvider(stack, "aws", { region: "us-east-1", allowedAccountIds: [PROVIDER] });
  const consumer = new AwsProvider(stack, "consumer", {
    alias: "consumer",
    region: "us-east-1",
    allowedAccountIds: [CONSUMER],
    assumeRole: [{ roleArn: `arn:aws:iam::${CONSUMER}:role/NetworkingDeployment` }],
  });
  const providerVpc = new Vpc(stack, "ProviderVpc", {
    name: "provider",
    cidrBlock: "10.10.0.0/16",
    availabilityZones: options.providerZones ?? BY_ID,
  });
  const consumerVpc = new Vpc(stack, "ConsumerVpc", {
    provider: consumer,
    name: "consumer",
    cidrBlock: "10.20.0.0/16",
    availabilityZones: options.consumerZones ?? BY_ID,
  });
  const api = new PrivateLinkSaasOffering(stack, "Api", {
    service: {
      networkLoadBalancer: {
        vpc: providerVpc,
        listeners: options.listeners ?? [TLS_443],
        ingressPeers: options.ingressPeers ?? [Peer.cidr("10.20.0.0/16")],
      },
    },
    consumers: [{ name: "team", accountId: CONSUMER, provider: consumer, vpc: consumerVpc, customDnsName: options.customDnsName }],
  });
  return { stack, consumerVpc, providerVpc, api, endpoint: api.consumers.team.endpoint };
}

describe("PrivateLink flows: the name clients dial", () => {
  test("fails when a TLS listener is dialed by the endpoint's generated name, which no certificate carries", () => {
    const { stack, consumerVpc, endpoint } = offering();
    expectFlow(stack, consumerVpc, { target: endpoint, port: 443 }).toBeDenied("fail certificate validation");
  });

  test("a consumer's private hosted zone gives clients a name the certificate carries, aliased to their endpoint", () => {
    const { stack, consumerVpc } = offering({ customDnsName: "api.internal.example.com" });
    const flow = expectFlow(stack, consumerVpc, { dnsName: "api.internal.example.com", port: 443 });
    flow.toBeAllowed();
    expect(flow.verdict.hops.find((h) => h.kind === "listener")?.text).toMatch(/TLS listener 443 .*\(certificate for api\.internal\.example\.com\)/);
    // A name the consumer picked: only the provider knows whether its certificate carries it.
    expect(flow.verdict.assumptions).toContainEqual(
      expect.stringContaining("the certificate that terminates TLS on listener 443 of Api/Service/LoadBalancer carries api.internal.example.com"),
    );
  });

  test("the service's verified private DNS name needs no assumption about the certificate: the provider verified it", () => {
    const stack = new PrivateNetworkingStack(testApp(), "verified-name", { region: "us-east-1", accountId: PROVIDER });
    const consumer = stack.accountProvider("consumer", CONSUMER);
    const providerVpc = new Vpc(stack, "ProviderVpc", { name: "provider", cidrBlock: "10.10.0.0/16", availabilityZones: BY_ID });
    const consumerVpc = new Vpc(stack, "ConsumerVpc", { provider: consumer, name: "consumer", cidrBlock: "10.20.0.0/16", availabilityZones: BY_ID });
    new PrivateLinkSaasOffering(stack, "Api", {
      service: {
        loadBalancer: EndpointServiceLoadBalancer.networkLoadBalancer({
          vpc: providerVpc,
          listeners: [TLS_443],
          clients: [Peer.cidr("10.20.0.0/16")],
        }),
        privateDnsName: "api.example.com",
        privateDnsVerificationZone: { zoneId: "Z0123456789EXAMPLE0AB", zoneName: "example.com" },
      },
      consumers: [{ name: "team", accountId: CONSUMER, provider: consumer, vpc: consumerVpc }],
    });
    const flow = expectFlow(stack, consumerVpc, { dnsName: "api.example.com", port: 443 });
    flow.toBeAllowed();
    expect(flow.verdict.assumptions.filter((a) => a.includes("the certificate that terminates TLS"))).toEqual([]);
  });

  test("fails when an ALB behind a TCP listener health-checks over HTTPS (it terminates TLS) and clients dial the generated name; plain HTTP is not judged", () => {
    const https = ListenerTargets.applicationLoadBalancer({ loadBalancerArn: ALB, port: 443, healthCheckProtocol: "HTTPS" });
    const tls = offering({ listeners: [{ port: 443, targets: https }] });
    expectFlow(tls.stack, tls.consumerVpc, { target: tls.endpoint, port: 443 }).toBeDenied("its health checks use HTTPS");
    const plain = offering({
      listeners: [{ port: 80, targets: ListenerTargets.applicationLoadBalancer({ loadBalancerArn: ALB, port: 80 }) }],
      ingressPeers: [Peer.cidr("10.20.0.0/16")],
    });
    expectFlow(plain.stack, plain.consumerVpc, { target: plain.endpoint, port: 80 }).toBeAllowed();
  });
});

describe("PrivateLink flows: the load balancer's targets", () => {
  const ipTargets = (address: string): NetworkLoadBalancerListener[] => [
    { port: 443, protocol: "TLS", certificateArn: CERTIFICATE, targets: ListenerTargets.ipAddresses({ port: 8443, addresses: { api: address } }) },
  ];

  test("fails when an IP target is in a zone where the load balancer has no subnet: AWS leaves it unused (Target.NotInUse), cross-zone or not", () => {
    // Valid at synth in three zones; then the load balancer is moved out of the third, as an escape hatch could.
    const { stack, consumerVpc, providerVpc, api } = offering({
      providerZones: [...BY_ID, "use1-az3"],
      listeners: ipTargets("10.10.2.10"),
      customDnsName: "api.internal.example.com",
    });
    const loadBalancer = api.service.loadBalancer;
    if (loadBalancer === undefined) throw new Error("the offering creates its load balancer");
    loadBalancer.resource.subnets = [providerVpc.privateSubnets[0].subnetId, providerVpc.privateSubnets[1].subnetId];
    expectFlow(stack, consumerVpc, { dnsName: "api.internal.example.com", port: 443 }).toBeDenied(
      "target 10.10.2.10 of Api/Service/LoadBalancer/Targets-443 is in use1-az3 (subnet 10.10.2.0/24), where Api/Service/LoadBalancer has no subnet (use1-az1, use1-az2)",
    );
  });

  test("an IP target in one of the load balancer's zones receives the traffic", () => {
    const { stack, consumerVpc } = offering({ listeners: ipTargets("10.10.1.10"), customDnsName: "api.internal.example.com" });
    expectFlow(stack, consumerVpc, { dnsName: "api.internal.example.com", port: 443 }).toBeAllowed();
  });
});

describe("PrivateLink flows: availability zones across accounts", () => {
  test("fails when both sides are placed by AZ name: the same name is another zone in each account", () => {
    const { stack, consumerVpc } = offering({ providerZones: BY_NAME, consumerZones: BY_NAME, customDnsName: "api.internal.example.com" });
    expectFlow(stack, consumerVpc, { dnsName: "api.internal.example.com", port: 443 }).toBeDenied(
      "map to different zones in accounts 222222222222 and 111111111111",
    );
  });

  test("fails when an endpoint subnet is in a zone the load balancer is not in: AWS refuses the endpoint", () => {
    const { stack, consumerVpc, endpoint } = offering({ customDnsName: "api.internal.example.com" });
    // Past the synth check, as an escape hatch could: the second subnet moved to a third zone.
    const stray = new Vpc(stack, "StrayVpc", {
      provider: consumerVpc.provider,
      name: "stray",
      cidrBlock: "10.21.0.0/16",
      availabilityZones: ["use1-az3"],
    });
    endpoint.resource.addOverride("subnet_ids", [consumerVpc.privateSubnets[0].subnetId, stray.privateSubnets[0].subnetId]);
    expectFlow(stack, consumerVpc, { dnsName: "api.internal.example.com", port: 443 }).toBeDenied(
      "has subnets in use1-az3, where Api/Service/LoadBalancer is not (use1-az1, use1-az2)",
    );
  });
});

describe("PrivateLink flows: the load balancer and its targets", () => {
  test("fails when the NLB judges PrivateLink traffic by the client's own addresses and does not admit them", () => {
    const { stack, consumerVpc } = offering({ ingressPeers: [Peer.cidr("10.99.0.0/16")], customDnsName: "api.internal.example.com" });
    expectFlow(stack, consumerVpc, { dnsName: "api.internal.example.com", port: 443 }).toBeDenied(
      "(PrivateLink traffic is judged by the client's own addresses)",
    );
  });

  test("the targets are admitted by the load balancer's targets group, never by the load balancer's own group", () => {
    // The load balancer's group admits its own VPC on 443 too (its default clients), which covers its own subnets; the targets listen on 443 as well.
    const samePort = { ...TLS_443, targets: ListenerTargets.instances({ port: 443, instances: { api: "i-0123456789abcdef0" } }) };
    const { stack } = offering({
      listeners: [samePort],
      customDnsName: "api.internal.example.com",
      ingressPeers: [Peer.cidr("10.20.0.0/16"), Peer.cidr("10.10.0.0/16")],
    });
    const json = JSON.parse(JSON.stringify(stack.toTerraform())) as { resource: Record<string, Record<string, { security_group_id?: string }>> };
    const model = NetworkModel.fromJson("privatelink", json);
    const from = { vpc: model.vpcs.find((v) => v.path.includes("ConsumerVpc"))!.address };
    const to = { dnsName: "api.internal.example.com", port: 443 };
    expect(analyzeFlow(model, from, to).hops.find((h) => h.kind === "target")?.text).toMatch(
      /admitted by security group Api-Service-LoadBalancer-TargetsSecurityGroup$/,
    );
    // Without the targets group's rule, the load balancer's own group (which admits the VPC's CIDR) must not stand in for it.
    const rules = json.resource.aws_vpc_security_group_ingress_rule;
    for (const name of Object.keys(rules)) if (String(rules[name].security_group_id).includes("TargetsSecurityGroup")) delete rules[name];
    expect(analyzeFlow(NetworkModel.fromJson("privatelink", json), from, to).reason).toMatch(
      /no security group in VPC ProviderVpc admits load balancer Api\/Service\/LoadBalancer/,
    );
  });

  test("the load balancer reaches the members of its targets group on the target port only", () => {
    const { stack, api } = offering();
    const balancer = api.service.loadBalancer!;
    expectFlow(stack, { securityGroup: balancer.securityGroup }, { target: balancer.targetsSecurityGroup, port: 8443 }).toBeAllowed();
    expectFlow(stack, { securityGroup: balancer.securityGroup }, { target: balancer.targetsSecurityGroup, port: 22 }).toBeDenied("has no egress");
  });
});

describe("PrivateLink flows: who creates the endpoint", () => {
  test("fails when the service allows one role and the endpoint is created with another", () => {
    const stack = new TerraformStack(testApp(), "creator");
    new AwsProvider(stack, "aws", { region: "us-east-1", allowedAccountIds: [PROVIDER] });
    const consumer = new AwsProvider(stack, "consumer", {
      alias: "consumer",
      region: "us-east-1",
      assumeRole: [{ roleArn: `arn:aws:iam::${CONSUMER}:role/NetworkingDeployment` }],
    });
    const providerVpc = new Vpc(stack, "ProviderVpc", { name: "provider", cidrBlock: "10.10.0.0/16", availabilityZones: BY_ID });
    const consumerVpc = new Vpc(stack, "ConsumerVpc", { provider: consumer, name: "consumer", cidrBlock: "10.20.0.0/16", availabilityZones: BY_ID });
    const service = new EndpointService(stack, "Service", {
      networkLoadBalancer: {
        vpc: providerVpc,
        listeners: [{ port: 443, targets: ListenerTargets.instances({ port: 8443, instances: { api: "i-0123456789abcdef0" } }) }],
        ingressPeers: [Peer.cidr("10.20.0.0/16")],
      },
      allowedPrincipals: [EndpointServicePrincipal.iamRole(`arn:aws:iam::${CONSUMER}:role/partner-integration`)],
      acceptanceRequired: false,
    });
    const endpoint = new InterfaceEndpoint(stack, "Endpoint", { vpc: consumerVpc, service });
    expectFlow(stack, consumerVpc, { target: endpoint, port: 443 }).toBeDenied(`is created by arn:aws:iam::${CONSUMER}:role/NetworkingDeployment`);
  });

  test("acceptance given outside Terraform (acceptedOutsideTerraform) is an assumption of the verdict; fails when acceptance is required and nothing accepts", () => {
    const build = (acceptedOutsideTerraform?: OptOut) => {
      const stack = new TerraformStack(testApp(), "acceptance");
      new AwsProvider(stack, "aws", { region: "us-east-1", allowedAccountIds: [PROVIDER] });
      const providerVpc = new Vpc(stack, "ProviderVpc", { name: "provider", cidrBlock: "10.10.0.0/16", availabilityZones: BY_ID });
      const consumerVpc = new Vpc(stack, "ConsumerVpc", { name: "consumer", cidrBlock: "10.20.0.0/16", availabilityZones: BY_ID });
      const service = new EndpointService(stack, "Service", {
        networkLoadBalancer: {
          vpc: providerVpc,
          listeners: [{ port: 443, targets: ListenerTargets.instances({ port: 8443, instances: { api: "i-0123456789abcdef0" } }) }],
          ingressPeers: [Peer.cidr("10.20.0.0/16")],
        },
        allowedPrincipals: [EndpointServicePrincipal.account(PROVIDER)],
        acceptedOutsideTerraform,
      });
      const endpoint = new InterfaceEndpoint(stack, "Endpoint", { vpc: consumerVpc, service, privateDnsEnabled: false });
      return { stack, consumerVpc, endpoint };
    };
    const accepted = build(OptOut.because("The platform team accepts each connection in the console after review"));
    const flow = expectFlow(accepted.stack, accepted.consumerVpc, { target: accepted.endpoint, port: 443 });
    flow.toBeAllowed();
    expect(flow.verdict.assumptions).toContainEqual(expect.stringContaining("accepts Endpoint outside Terraform"));
    const pending = build();
    // Synth refuses it (nothing accepts the endpoint); the flow analysis says the same of the synthesized JSON.
    expect(() => Testing.synth(pending.stack, true)).toThrow("acceptanceRequired");
  });

  test("a consumer in another region (cross-region PrivateLink) is not judged by the service's zones, which are in its own region", () => {
    const stack = new PrivateNetworkingStack(testApp(), "cross-region", { region: "us-east-1", accountId: PROVIDER });
    const west = stack.accountProvider("west", CONSUMER, { region: "us-west-2" });
    const providerVpc = new Vpc(stack, "ProviderVpc", { name: "provider", cidrBlock: "10.10.0.0/16", availabilityZones: BY_ID });
    const westVpc = new Vpc(stack, "WestVpc", {
      name: "west",
      cidrBlock: "10.70.0.0/16",
      availabilityZones: ["usw2-az1", "usw2-az2"],
      provider: west,
    });
    const offering = new PrivateLinkSaasOffering(stack, "Api", {
      service: {
        name: "saas-api",
        loadBalancer: EndpointServiceLoadBalancer.networkLoadBalancer({
          vpc: providerVpc,
          listeners: [{ port: 443, targets: ListenerTargets.ipAddresses({ port: 8443, addresses: { a: "10.10.0.10" } }) }],
        }),
        supportedRegions: ["us-west-2"],
      },
      consumers: [{ name: "west", accountId: CONSUMER, vpc: westVpc, region: "us-west-2" }],
    });
    const flow = expectFlow(stack, westVpc, { target: offering.consumers.west.endpoint, port: 443 });
    flow.toBeAllowed();
    expect(flow.verdict.hops.map((h) => h.text)).toContainEqual(
      expect.stringContaining("across regions (service_region us-east-1): zones are not compared"),
    );
  });

  /** A consumer's configuration that knows the service only by name and by its provider's terms, as es3-partner-consumer does. */
  function splitConsumer(createAs: "role" | "ambient", overrides: { securityGroupPorts?: number[] } = {}) {
    const stack = new TerraformStack(testApp(), "consumer");
    new AwsProvider(stack, "aws", { region: "us-east-1", allowedAccountIds: [CONSUMER] });
    const integration = new AwsProvider(stack, "integration", {
      alias: "integration",
      region: "us-east-1",
      allowedAccountIds: [CONSUMER],
      assumeRole: [{ roleArn: `arn:aws:iam::${CONSUMER}:role/partner-integration` }],
    });
    const vpc = new Vpc(stack, "Vpc", { name: "partner", cidrBlock: "172.16.0.0/16", availabilityZones: BY_ID });
    const service = EndpointService.fromServiceName(stack, "Api", "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0", {
      ports: [443],
      allowedPrincipals: [EndpointServicePrincipal.iamRole(`arn:aws:iam::${CONSUMER}:role/partner-integration`)],
      acceptanceRequired: true,
      availabilityZoneIds: BY_ID,
      tlsPorts: [443],
    });
    let securityGroups: SecurityGroup[] | undefined;
    if (overrides.securityGroupPorts !== undefined) {
      const open = new SecurityGroup(stack, "Open", { vpc, description: "Endpoint, opened wider than the service" });
      for (const port of overrides.securityGroupPorts) open.addIngressRule({ peer: Peer.cidr("172.16.0.0/16"), port, description: "Partner VPC" });
      securityGroups = [open];
    }
    const endpoint = new InterfaceEndpoint(stack, "Endpoint", {
      vpc,
      service,
      provider: createAs === "role" ? integration : undefined,
      customDnsName: "api.provider.example.com",
      securityGroups,
    });
    return { stack, vpc, endpoint };
  }

  test("a split consumer proves its flow against the provider's terms when the endpoint is created as the allowed role", () => {
    const { stack, vpc } = splitConsumer("role");
    const flow = expectFlow(stack, vpc, { dnsName: "api.provider.example.com", port: 443 });
    flow.toBeAllowed();
    expect(flow.verdict.assumptions).toContainEqual(expect.stringMatching(/accepts Endpoint after reviewing it/));
  });

  test("fails when a split consumer creates the endpoint with its ambient credentials: not the role the provider allows", () => {
    const { stack, vpc } = splitConsumer("ambient");
    expectFlow(stack, vpc, { dnsName: "api.provider.example.com", port: 443 }).toBeDenied(
      `is created by the ambient credentials of account ${CONSUMER}`,
    );
  });

  test("fails when a split consumer dials a port the provider does not publish, or its generated name on a TLS port", () => {
    const { stack, vpc, endpoint } = splitConsumer("role", { securityGroupPorts: [443, 8443] });
    expectFlow(stack, vpc, { dnsName: "api.provider.example.com", port: 8443 }).toBeDenied("listens on 443 (as its provider publishes), not on 8443");
    expectFlow(stack, vpc, { target: endpoint, port: 443 }).toBeDenied(
      "port 443 of com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0 terminates TLS",
    );
  });
});
