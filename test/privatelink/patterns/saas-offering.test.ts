import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { ListenerTargets, PrivateLinkSaasOffering, PrivateLinkSaasOfferingProps } from "../../../modules/privatelink";
import { Peer, SecurityGroup, Vpc } from "../../../modules/vpc";
import { expectValidationError, Json, onlyResource, resourcesOfType, stackWithoutProvider, synthJson } from "../../helpers";
import { CERTIFICATE_ARN, nlbOptions, providerVpc } from "../helpers";

const ZONE = { zoneId: "Z0123456789ABCDEFGHIJ", zoneName: "example.com" };

function offeringStack(overrides: (vpc: Vpc) => Partial<PrivateLinkSaasOfferingProps["service"]> = () => ({}), consumerOverrides: Json = {}) {
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
    service: {
      networkLoadBalancer: nlbOptions(vpc, {
        listeners: [
          {
            port: 443,
            protocol: "TLS",
            certificateArn: CERTIFICATE_ARN,
            targets: ListenerTargets.instances({ port: 8443, instances: { app: "i-0123456789abcdef0" } }),
          },
          { port: 8443, targets: ListenerTargets.instances({ port: 9443, instances: { app: "i-0123456789abcdef0" } }) },
        ],
      }),
      privateDnsName: "api.example.com",
      privateDnsVerificationZone: ZONE,
      ...overrides(vpc),
    },
    consumers: [{ name: "acme", accountId: "222222222222", provider: customer, vpc: customerVpc, ...consumerOverrides }],
  });
  return { stack, offering, customerVpc };
}

describe("PrivateLinkSaasOffering", () => {
  test("allows each consumer's account, gives it an endpoint in its own account, and accepts exactly that endpoint", () => {
    const { stack } = offeringStack();
    const json = synthJson(stack);
    const service = onlyResource(stack, "aws_vpc_endpoint_service");
    expect(service).toMatchObject({ acceptance_required: true, allowed_principals: ["arn:aws:iam::222222222222:root"] });
    const endpoint = onlyResource(stack, "aws_vpc_endpoint");
    expect(endpoint).toMatchObject({
      provider: "aws.customer",
      vpc_endpoint_type: "Interface",
      private_dns_enabled: false,
      service_name: expect.stringMatching(/^\$\{aws_vpc_endpoint_service\.Offering_Service_\w+\.service_name\}$/),
      lifecycle: { ignore_changes: ["private_dns_enabled"] },
    });
    expect(endpoint.policy).toBeUndefined();
    const endpointAddress = Object.keys(json.resource.aws_vpc_endpoint)[0];
    expect(endpointAddress).toMatch(/^Offering_Consumer-acme_Endpoint_/);
    expect(onlyResource(stack, "aws_vpc_endpoint_connection_accepter")).toMatchObject({
      vpc_endpoint_id: `\${aws_vpc_endpoint.${endpointAddress}.id}`,
      vpc_endpoint_service_id: expect.stringMatching(/aws_vpc_endpoint_service\.Offering_Service_\w+\.id/),
    });
    expect(onlyResource(stack, "aws_vpc_endpoint_connection_accepter").provider).toBeUndefined();
  });

  test("turns private DNS on only after the acceptance and the verification, which then waits", () => {
    const { stack } = offeringStack();
    const json = synthJson(stack);
    const accepter = Object.keys(json.resource.aws_vpc_endpoint_connection_accepter)[0];
    const verification = Object.keys(json.resource.aws_vpc_endpoint_service_private_dns_verification)[0];
    expect(onlyResource(stack, "aws_vpc_endpoint_private_dns")).toMatchObject({
      provider: "aws.customer",
      private_dns_enabled: true,
      depends_on: [`aws_vpc_endpoint_connection_accepter.${accepter}`, `aws_vpc_endpoint_service_private_dns_verification.${verification}`],
    });
    expect(onlyResource(stack, "aws_vpc_endpoint_service_private_dns_verification").wait_for_verification).toBe(true);
  });

  test("the consumer's security group opens only the service's ports, from the consumer VPC", () => {
    const { stack } = offeringStack();
    const rules = Object.values(resourcesOfType(stack, "aws_vpc_security_group_ingress_rule")).filter((r) =>
      String(r.security_group_id).includes("Consumer-acme"),
    );
    expect(rules.map((r) => r.from_port).sort()).toEqual([443, 8443]);
    for (const rule of rules) {
      expect(rule).toMatchObject({
        provider: "aws.customer",
        cidr_ipv4: "10.20.0.0/16",
        description: expect.stringContaining("through the VPC endpoint"),
      });
    }
  });

  test("the service's load balancer admits each consumer's VPC on every listener port: with enforcement on, AWS judges consumers by their own IPs", () => {
    const { stack } = offeringStack();
    const rules = Object.values(resourcesOfType(stack, "aws_vpc_security_group_ingress_rule")).filter((r) =>
      String(r.security_group_id).includes("Offering_Service_LoadBalancer_SecurityGroup"),
    );
    expect(rules.map((r) => [r.cidr_ipv4, r.from_port]).sort()).toEqual([
      ["10.0.0.0/16", 443],
      ["10.0.0.0/16", 8443],
      ["10.20.0.0/16", 443],
      ["10.20.0.0/16", 8443],
    ]);
  });

  test("a consumer can narrow the ports, and skip private DNS", () => {
    const { stack, offering } = offeringStack(() => ({}), { ports: [443], privateDnsEnabled: false });
    const rules = Object.values(resourcesOfType(stack, "aws_vpc_security_group_ingress_rule")).filter((r) =>
      String(r.security_group_id).includes("Consumer-acme"),
    );
    expect(rules.map((r) => r.from_port)).toEqual([443]);
    // The service's load balancer still admits the consumer's VPC.
    const admitted = Object.values(resourcesOfType(stack, "aws_vpc_security_group_ingress_rule")).filter((r) =>
      String(r.security_group_id).includes("Offering_Service_LoadBalancer_SecurityGroup"),
    );
    expect(admitted.map((r) => r.cidr_ipv4)).toContain("10.20.0.0/16");
    expect(resourcesOfType(stack, "aws_vpc_endpoint_private_dns")).toEqual({});
    expect(offering.consumers.acme.privateDns).toBeUndefined();
  });

  test("a consumer known only by its VPC gets every resource in the VPC's account", () => {
    const { stack } = offeringStack(() => ({}), { provider: undefined });
    expect(onlyResource(stack, "aws_vpc_endpoint").provider).toBe("aws.customer");
    expect(onlyResource(stack, "aws_vpc_endpoint_private_dns").provider).toBe("aws.customer");
  });

  test("without acceptance there is nothing to accept", () => {
    const { stack } = offeringStack(() => ({ acceptanceRequired: false }));
    expect(resourcesOfType(stack, "aws_vpc_endpoint_connection_accepter")).toEqual({});
    expect(onlyResource(stack, "aws_vpc_endpoint_private_dns").depends_on).toEqual([
      expect.stringMatching(/^aws_vpc_endpoint_service_private_dns_verification\./),
    ]);
  });

  test("a consumer in another region names the service's home region on its endpoint", () => {
    const stack = stackWithoutProvider();
    new AwsProvider(stack, "aws", { region: "us-east-1" });
    const west = new AwsProvider(stack, "west", { alias: "west", region: "us-west-2" });
    const vpc = providerVpc(stack);
    const westVpc = new Vpc(stack, "WestVpc", {
      provider: west,
      name: "west",
      cidrBlock: "10.50.0.0/16",
      availabilityZones: ["us-west-2a", "us-west-2b"],
    });
    new PrivateLinkSaasOffering(stack, "Offering", {
      service: { networkLoadBalancer: nlbOptions(vpc), supportedRegions: ["us-west-2"] },
      consumers: [
        { name: "west", accountId: "222222222222", provider: west, vpc: westVpc, region: "us-west-2" },
        { name: "east", accountId: "333333333333", vpc, region: "us-east-1" },
      ],
    });
    const endpoints = Object.values(resourcesOfType(stack, "aws_vpc_endpoint"));
    expect(endpoints.find((e) => e.provider === "aws.west")!.service_region).toBe("us-east-1");
    expect(endpoints.find((e) => e.provider === undefined)!.service_region).toBeUndefined();
  });

  test("a consumer in another region is placed in its own region's zones (AZ IDs name one region's zones), and its provider's region is its region", () => {
    const stack = stackWithoutProvider();
    new AwsProvider(stack, "aws", { region: "us-east-1" });
    const west = new AwsProvider(stack, "west", { alias: "west", region: "us-west-2" });
    const vpc = new Vpc(stack, "Vpc", { name: "p", cidrBlock: "10.0.0.0/16", availabilityZones: ["use1-az1", "use1-az2"] });
    const westVpc = new Vpc(stack, "WestVpc", {
      provider: west,
      name: "west",
      cidrBlock: "10.50.0.0/16",
      availabilityZones: ["usw2-az1", "usw2-az2"],
    });
    const offering = new PrivateLinkSaasOffering(stack, "Offering", {
      service: { networkLoadBalancer: nlbOptions(vpc, { clients: [Peer.cidr("10.0.0.0/8")] }), supportedRegions: ["us-west-2"] },
      consumers: [{ name: "west", accountId: "222222222222", provider: west, vpc: westVpc }],
    });
    expect(offering.service.availabilityZoneIds).toEqual(["use1-az1", "use1-az2"]);
    expect(onlyResource(stack, "aws_vpc_endpoint")).toMatchObject({ provider: "aws.west", service_region: "us-east-1" });
  });

  test("a consumer's client groups alone are admitted, and each may send to the endpoint on the service ports", () => {
    const stack = stackWithoutProvider();
    new AwsProvider(stack, "aws", { region: "us-east-1" });
    const customer = new AwsProvider(stack, "customer", { alias: "customer", region: "us-east-1" });
    const customerVpc = new Vpc(stack, "CustomerVpc", {
      provider: customer,
      name: "customer",
      cidrBlock: "10.20.0.0/16",
      availabilityZones: ["us-east-1a", "us-east-1b"],
    });
    const workers = new SecurityGroup(stack, "Workers", { vpc: customerVpc, description: "Integration workers" });
    new PrivateLinkSaasOffering(stack, "Offering", {
      service: { networkLoadBalancer: nlbOptions(providerVpc(stack)) },
      consumers: [
        { name: "acme", accountId: "222222222222", provider: customer, vpc: customerVpc, clients: { workers }, customDnsName: "api.acme.internal" },
      ],
    });
    const json = synthJson(stack);
    const endpointIngress = (Object.values(resourcesOfType(json, "aws_vpc_security_group_ingress_rule")) as Json[]).filter((r) =>
      String(r.security_group_id).includes("Consumer-acme"),
    );
    expect(endpointIngress.map((r) => [r.from_port, r.cidr_ipv4, r.referenced_security_group_id])).toEqual([
      [443, undefined, expect.stringMatching(/aws_security_group\.Workers_/)],
    ]);
    const egress = (Object.values(resourcesOfType(json, "aws_vpc_security_group_egress_rule")) as Json[]).filter((r) =>
      String(r.security_group_id).includes("Workers"),
    );
    expect(egress).toEqual([
      expect.objectContaining({
        provider: "aws.customer",
        from_port: 443,
        referenced_security_group_id: expect.stringMatching(/Offering_Consumer-acme_Endpoint_SecurityGroup_/),
      }),
    ]);
    expect(onlyResource(json, "aws_route53_zone")).toMatchObject({ provider: "aws.customer", name: "api.acme.internal" });
  });

  test("named clients that admit part of a consumer's VPC, or no enforcement on PrivateLink traffic, let the consumer connect", () => {
    const clients = [Peer.cidr("10.0.0.0/16"), Peer.cidr("10.20.1.0/24")];
    const { stack } = offeringStack((vpc) => ({ networkLoadBalancer: nlbOptions(vpc, { clients }) }));
    const admitted = Object.values(resourcesOfType(stack, "aws_vpc_security_group_ingress_rule")).filter((r) =>
      String(r.security_group_id).includes("Offering_Service_LoadBalancer_SecurityGroup"),
    );
    expect(admitted.map((r) => r.cidr_ipv4).sort()).toEqual(["10.0.0.0/16", "10.20.1.0/24"]);
    const unenforced = offeringStack((vpc) => ({
      networkLoadBalancer: nlbOptions(vpc, { clients: [Peer.cidr("10.0.0.0/16")], enforceSecurityGroupInboundRulesOnPrivateLinkTraffic: false }),
    }));
    expect(onlyResource(unenforced.stack, "aws_lb").enforce_security_group_inbound_rules_on_private_link_traffic).toBe("off");
  });

  describe("fails when", () => {
    test("a consumer's accountId is not the account its provider creates the endpoint in (the service would allow one and refuse the other)", () => {
      const build = () => {
        const stack = stackWithoutProvider();
        new AwsProvider(stack, "aws", { region: "us-east-1", allowedAccountIds: ["111111111111"] });
        const customer = new AwsProvider(stack, "customer", { alias: "customer", region: "us-east-1", allowedAccountIds: ["222222222222"] });
        const customerVpc = new Vpc(stack, "CustomerVpc", {
          provider: customer,
          name: "c",
          cidrBlock: "10.20.0.0/16",
          availabilityZones: ["us-east-1a"],
        });
        new PrivateLinkSaasOffering(stack, "Offering", {
          service: { networkLoadBalancer: nlbOptions(providerVpc(stack)) },
          consumers: [{ name: "acme", accountId: "999999999999", vpc: customerVpc }],
        });
      };
      const error = expectValidationError(build, "consumers[0].accountId", "999999999999");
      expect(error.expected).toContain("the account of the consumer's provider (222222222222)");
    });

    test("the load balancer's named clients leave a consumer's VPC out while it judges PrivateLink traffic (the consumer's connections would be dropped)", () => {
      const build = () =>
        synthJson(offeringStack((vpc) => ({ networkLoadBalancer: nlbOptions(vpc, { clients: [Peer.cidr("10.30.0.0/16")] }) })).stack);
      const error = expectValidationError(build, "clients", '["10.30.0.0/16"]');
      expect(error.message).toContain("test/Offering/Service/LoadBalancer");
      expect(error.expected).toContain("test/Offering/Consumer-acme/Endpoint (10.20.0.0/16)");
    });

    test("a consumer's subnets are in a zone the load balancer is not in (both placed by AZ ID)", () => {
      const build = () => {
        const stack = stackWithoutProvider();
        const vpc = new Vpc(stack, "Vpc", { name: "p", cidrBlock: "10.0.0.0/16", availabilityZones: ["use1-az1", "use1-az2"] });
        const customerVpc = new Vpc(stack, "CustomerVpc", { name: "c", cidrBlock: "10.20.0.0/16", availabilityZones: ["use1-az2", "use1-az3"] });
        new PrivateLinkSaasOffering(stack, "Offering", {
          service: { networkLoadBalancer: nlbOptions(vpc) },
          consumers: [{ name: "acme", accountId: "222222222222", vpc: customerVpc }],
        });
      };
      expectValidationError(build, "vpc.privateSubnets", '"use1-az3"');
    });

    test("a consumer's own name is the service's private DNS name, which its private DNS already answers", () => {
      expectValidationError(() => offeringStack(undefined, { customDnsName: "api.example.com" }), "consumers[0].customDnsName", '"api.example.com"');
    });

    test("a consumer's region is not one the service supports", () => {
      const error = expectValidationError(
        () => offeringStack(() => ({ region: "us-east-1", supportedRegions: ["us-west-2"] }), { region: "eu-west-1" }),
        "consumers[0].region",
        '"eu-west-1"',
      );
      expect(error.expected).toContain("us-west-2");
    });

    test("a consumer's provider is in a region the service does not support, with no region given", () => {
      const build = () => {
        const stack = stackWithoutProvider();
        new AwsProvider(stack, "aws", { region: "us-east-1" });
        const eu = new AwsProvider(stack, "eu", { alias: "eu", region: "eu-west-1" });
        const euVpc = new Vpc(stack, "EuVpc", {
          provider: eu,
          name: "eu",
          cidrBlock: "10.50.0.0/16",
          availabilityZones: ["eu-west-1a", "eu-west-1b"],
        });
        new PrivateLinkSaasOffering(stack, "Offering", {
          service: { networkLoadBalancer: nlbOptions(providerVpc(stack), { clients: [Peer.cidr("10.0.0.0/8")] }), supportedRegions: ["us-west-2"] },
          consumers: [{ name: "eu", accountId: "222222222222", provider: eu, vpc: euVpc }],
        });
      };
      expectValidationError(build, "consumers[0].region", '"eu-west-1"');
    });

    const dualStackOffering = (supportedIpAddressTypes: ("ipv4" | "ipv6")[] | undefined, ipAddressType: "ipv4" | "dualstack") => {
      const stack = stackWithoutProvider();
      new AwsProvider(stack, "aws", { region: "us-east-1" });
      const vpc = providerVpc(stack, "Vpc", true);
      const customerVpc = new Vpc(stack, "CustomerVpc", {
        name: "c",
        cidrBlock: "10.20.0.0/16",
        availabilityZones: ["us-east-1a", "us-east-1b"],
        dualStack: true,
      });
      new PrivateLinkSaasOffering(stack, "Offering", {
        service: { networkLoadBalancer: nlbOptions(vpc, { ipAddressType: "dualstack" }), supportedIpAddressTypes },
        consumers: [{ name: "acme", accountId: "222222222222", vpc: customerVpc, ipAddressType }],
      });
    };

    test("a consumer's endpoint is dualstack while the service supports ipv4 only (AWS refuses the endpoint)", () => {
      const error = expectValidationError(() => dualStackOffering(undefined, "dualstack"), "consumers[0].ipAddressType", '"dualstack"');
      expect(error.expected).toContain("without ipv6");
      expect(() => dualStackOffering(["ipv4", "ipv6"], "dualstack")).not.toThrow();
    });

    test("a consumer's endpoint is ipv4 while the service supports ipv6 only", () => {
      expectValidationError(() => dualStackOffering(["ipv6"], "ipv4"), "consumers[0].ipAddressType", '"ipv4"');
    });

    test("a consumer asks for a port the service does not listen on", () => {
      expectValidationError(() => offeringStack(() => ({}), { ports: [443, 5432] }), "consumers[0].ports", "5432");
    });

    test("the service has no ports to open (a Gateway Load Balancer service)", () => {
      const build = () => {
        const stack = stackWithoutProvider();
        const vpc = providerVpc(stack);
        new PrivateLinkSaasOffering(stack, "Offering", {
          service: { gatewayLoadBalancerArns: ["arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/gwy/inspect/0123456789abcdef"] },
          consumers: [{ name: "acme", accountId: "222222222222", vpc }],
        });
      };
      expectValidationError(build, "consumers[0].ports", "[]");
    });

    test("a consumer wants private DNS from a service without a name", () => {
      expectValidationError(
        () => offeringStack(() => ({ privateDnsName: undefined, privateDnsVerificationZone: undefined }), { privateDnsEnabled: true }),
        "consumers[0].privateDnsEnabled",
        "true",
      );
    });

    test("consumers want private DNS but the name is verified nowhere", () => {
      expectValidationError(
        () => offeringStack(() => ({ privateDnsVerificationZone: undefined })),
        "service.privateDnsVerificationZone",
        "undefined",
      );
    });

    test("a consumer account is not an account ID", () => {
      expectValidationError(() => offeringStack(() => ({}), { accountId: "acme" }), "consumers[0].accountId", '"acme"');
    });

    test("two consumers share a name", () => {
      const build = () => {
        const stack = stackWithoutProvider();
        const vpc = providerVpc(stack);
        const consumer = { name: "acme", accountId: "222222222222", vpc };
        new PrivateLinkSaasOffering(stack, "Offering", { service: { networkLoadBalancer: nlbOptions(vpc) }, consumers: [consumer, consumer] });
      };
      const error = expectValidationError(build, "consumers[1].name", '"acme"');
      expect(error.expected).toContain("consumers[0].name");
    });

    test("there is no consumer", () => {
      const build = () => {
        const stack = stackWithoutProvider();
        new PrivateLinkSaasOffering(stack, "Offering", { service: { networkLoadBalancer: nlbOptions(providerVpc(stack)) }, consumers: [] });
      };
      expectValidationError(build, "consumers", "[]");
    });
  });
});
