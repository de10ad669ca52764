import { TerraformVariable } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import {
  ConnectionAcceptance,
  EndpointService,
  EndpointServiceLoadBalancer,
  EndpointServicePrincipal,
  GatewayLoadBalancer,
  ListenerTargets,
  SaasConsumerEndpoint,
  SaasConsumerEndpointProps,
} from "../../../modules/privatelink";
import { OptOut } from "../../../modules/core";
import { Peer, PrivateHostedZone, Vpc } from "../../../modules/vpc";
import { expectFlow } from "../../../modules/flows";
import { expectValidationError, Json, onlyResource, resourcesOfType, stackWithProvider, synthJson } from "../../helpers";
import { nlbOptions, providerVpc } from "../helpers";

const SERVICE_NAME = "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0";

/** The consumer's own configuration: the service known only by its published terms. */
function consumerStack(
  overrides: Partial<SaasConsumerEndpointProps> = {},
  terms: Partial<Parameters<typeof EndpointService.fromEndpointServiceAttributes>[2]> = {},
) {
  const stack = stackWithProvider();
  const vpc = new Vpc(stack, "Vpc", { name: "consumer", cidrBlock: "172.16.0.0/16", availabilityZones: ["use1-az1", "use1-az2"] });
  const accepted = new TerraformVariable(stack, "connection_accepted", { type: "bool", default: false });
  const service = EndpointService.fromEndpointServiceAttributes(stack, "Service", {
    serviceName: SERVICE_NAME,
    ports: [443],
    privateDnsName: "api.example.com",
    acceptanceRequired: true,
    allowedPrincipals: [EndpointServicePrincipal.account("111111111111")],
    ...terms,
  });
  const consumer = new SaasConsumerEndpoint(stack, "Api", {
    vpc,
    service,
    acceptance: ConnectionAcceptance.whenAccepted(accepted.booleanValue),
    ...overrides,
  });
  return { stack, vpc, consumer };
}

describe("SaasConsumerEndpoint", () => {
  test("alone, creates its endpoint with private DNS off and turns it on once the acceptance input says so", () => {
    const { stack, consumer } = consumerStack();
    expect(onlyResource(stack, "aws_vpc_endpoint")).toMatchObject({
      vpc_endpoint_type: "Interface",
      service_name: SERVICE_NAME,
      private_dns_enabled: false,
      lifecycle: { ignore_changes: ["private_dns_enabled"] },
    });
    expect(onlyResource(stack, "aws_vpc_endpoint_private_dns")).toMatchObject({
      private_dns_enabled: true,
      count: "${var.connection_accepted ? 1 : 0}",
    });
    expect(resourcesOfType(stack, "aws_vpc_endpoint_connection_accepter")).toEqual({});
    expect(consumer.acceptance).toBeUndefined();
    const endpoint = Object.values(JSON.parse(JSON.stringify(stack.toTerraform())).resource.aws_vpc_endpoint)[0] as Json;
    expect(endpoint["//"].flows.privateDnsName).toBe("api.example.com");
  });

  test("fails when private DNS (turned on after acceptance) is asked for in an imported VPC whose DNS hostnames are off", () => {
    const stack = stackWithProvider();
    const vpc = Vpc.fromVpcAttributes(stack, "Existing", {
      vpcId: "vpc-0aaa0000000000001",
      cidrBlock: "172.16.0.0/16",
      privateSubnetIds: ["subnet-0aaa1111bbbb22220", "subnet-0aaa1111bbbb22221"],
      availabilityZones: ["use1-az1", "use1-az2"],
      dnsHostnamesEnabled: false,
    });
    const service = EndpointService.fromEndpointServiceAttributes(stack, "Service", {
      serviceName: SERVICE_NAME,
      ports: [443],
      privateDnsName: "api.example.com",
    });
    const accepted = new TerraformVariable(stack, "connection_accepted", { type: "bool", default: false });
    const error = expectValidationError(
      () => new SaasConsumerEndpoint(stack, "Api", { vpc, service, acceptance: ConnectionAcceptance.whenAccepted(accepted.booleanValue) }),
      "privateDnsEnabled",
      "true",
    );
    expect(error.expected).toContain("enableDnsHostnames off");
  });

  test("without private DNS needs no acceptance input", () => {
    const stack = stackWithProvider();
    const vpc = providerVpc(stack);
    const service = EndpointService.fromEndpointServiceAttributes(stack, "Service", { serviceName: SERVICE_NAME, ports: [443] });
    new SaasConsumerEndpoint(stack, "Api", { vpc, service });
    expect(resourcesOfType(stack, "aws_vpc_endpoint_private_dns")).toEqual({});
  });

  test("next to an EndpointService of the same configuration, accepts itself with the owner's provider and waits for the acceptance", () => {
    const stack = stackWithProvider();
    const vpc = providerVpc(stack);
    const service = new EndpointService(stack, "Service", { loadBalancer: EndpointServiceLoadBalancer.networkLoadBalancer(nlbOptions(vpc)) });
    const consumer = new SaasConsumerEndpoint(stack, "Api", { vpc, service });
    expect(consumer.acceptance?.node.path).toBe("test/Api/Acceptance");
    expect(resourcesOfType(stack, "aws_vpc_endpoint_private_dns")).toEqual({});
  });

  test("turns private DNS on once AWS has verified the service's name: the verification waits for it, unless the service says otherwise", () => {
    const build = (waitForPrivateDnsVerification?: boolean) => {
      const stack = stackWithProvider();
      const vpc = providerVpc(stack);
      const service = new EndpointService(stack, "Service", {
        loadBalancer: EndpointServiceLoadBalancer.networkLoadBalancer(nlbOptions(vpc)),
        privateDnsName: "api.example.com",
        privateDnsVerificationZone: { zoneId: "Z0123456789ABCDEFGHIJ", zoneName: "example.com" },
        waitForPrivateDnsVerification,
      });
      new SaasConsumerEndpoint(stack, "Api", { vpc, service });
      const verification = onlyResource(stack, "aws_vpc_endpoint_service_private_dns_verification");
      const privateDns = onlyResource(stack, "aws_vpc_endpoint_private_dns");
      return { wait: verification.wait_for_verification, dependsOn: privateDns.depends_on as string[] };
    };
    const waited = build();
    expect(waited.wait).toBe(true);
    expect(waited.dependsOn).toEqual(expect.arrayContaining([expect.stringMatching(/^aws_vpc_endpoint_service_private_dns_verification\./)]));
    // The service's own word stands.
    expect(build(false).wait).toBe(false);
    expect(build(true).wait).toBe(true);
  });

  test("opens only the ports asked for", () => {
    const stack = stackWithProvider();
    const vpc = providerVpc(stack);
    const service = EndpointService.fromEndpointServiceAttributes(stack, "Service", { serviceName: SERVICE_NAME, ports: [443, 8443] });
    new SaasConsumerEndpoint(stack, "Api", { vpc, service, ports: [8443] });
    expect((Object.values(resourcesOfType(stack, "aws_vpc_security_group_ingress_rule")) as Json[]).map((r) => r.from_port)).toEqual([8443]);
  });

  describe("fails when", () => {
    test("private DNS, turned on after acceptance, is for a name of a service of this configuration that nothing verifies (AWS refuses private DNS for a name it has not verified)", () => {
      const build = (props: { privateDnsEnabled?: boolean; verifiedElsewhere?: boolean } = {}) => {
        const stack = stackWithProvider();
        const vpc = providerVpc(stack);
        const service = new EndpointService(stack, "Service", {
          loadBalancer: EndpointServiceLoadBalancer.networkLoadBalancer(nlbOptions(vpc)),
          privateDnsName: "api.example.com",
          privateDnsVerifiedOutsideTerraform:
            props.verifiedElsewhere === true ? OptOut.because("the DNS team verifies the name in the corporate DNS") : undefined,
        });
        new SaasConsumerEndpoint(stack, "Api", { vpc, service, privateDnsEnabled: props.privateDnsEnabled });
        return stack;
      };
      const error = expectValidationError(() => build(), "privateDnsEnabled", "true");
      expect(error.constructPath).toBe("test/Api");
      expect(error.expected).toContain("test/Service offers api.example.com, which this configuration never verifies");
      // Without private DNS, or with the name verified elsewhere (recorded on the service), the consumer is made.
      expect(resourcesOfType(build({ privateDnsEnabled: false }), "aws_vpc_endpoint_private_dns")).toEqual({});
      const elsewhere = build({ verifiedElsewhere: true });
      expect(onlyResource(elsewhere, "aws_vpc_endpoint_private_dns")).toMatchObject({ private_dns_enabled: true });
      expect(resourcesOfType(elsewhere, "aws_vpc_endpoint_service_private_dns_verification")).toEqual({});
    });

    test("a service of this configuration is in another account whose allowed principals leave the consumer's account out, also with a subset of its ports", () => {
      const build = (allowed: string) => {
        const stack = stackWithProvider();
        const owner = new AwsProvider(stack, "owner", { alias: "owner", region: "us-east-1", allowedAccountIds: ["111111111111"] });
        const consumer = new AwsProvider(stack, "consumer", { alias: "consumer", region: "us-east-1", allowedAccountIds: ["222222222222"] });
        const listeners = [
          ...nlbOptions(providerVpc(stack)).listeners,
          { port: 8443, targets: ListenerTargets.instances({ port: 8443, instances: { "api-a": "i-0123456789abcdef0" } }) },
        ];
        const service = new EndpointService(stack, "Service", {
          provider: owner,
          loadBalancer: EndpointServiceLoadBalancer.networkLoadBalancer({ vpc: providerVpc(stack, "OwnerVpc"), listeners }),
          allowedPrincipals: [EndpointServicePrincipal.account(allowed)],
        });
        const vpc = new Vpc(stack, "ConsumerVpc", {
          provider: consumer,
          name: "c",
          cidrBlock: "10.1.0.0/16",
          availabilityZones: ["us-east-1a", "us-east-1b"],
        });
        new SaasConsumerEndpoint(stack, "Api", { vpc, service, ports: [8443] });
      };
      expectValidationError(() => build("333333333333"), "service.allowedPrincipals", '["333333333333"]');
      build("222222222222");
    });

    test("private DNS is wanted from a service known only by name, without an acceptance input", () => {
      expectValidationError(() => consumerStack({ acceptance: undefined }), "acceptance", "undefined");
    });

    test("an accepter is asked for a service that accepts by itself", () => {
      const build = () => {
        const stack = stackWithProvider();
        const vpc = providerVpc(stack);
        const service = new EndpointService(stack, "Service", {
          loadBalancer: EndpointServiceLoadBalancer.networkLoadBalancer(nlbOptions(vpc)),
          acceptanceRequired: false,
          allowedPrincipals: [EndpointServicePrincipal.account("222222222222")],
        });
        new SaasConsumerEndpoint(stack, "Api", { vpc, service, acceptance: ConnectionAcceptance.byAccepter(service) });
      };
      expectValidationError(build, "acceptance", '"ConnectionAcceptance.byAccepter"');
    });

    test("the acceptance is not made by ConnectionAcceptance (a JavaScript caller)", () => {
      expectValidationError(() => consumerStack({ acceptance: true as never }), "acceptance", "true");
    });

    test("a port is one the service does not listen on", () => {
      expectValidationError(() => consumerStack({ ports: [8443] }), "ports", "8443");
    });

    test("the service is a Gateway Load Balancer's (it takes GatewayLoadBalancer endpoints)", () => {
      const build = () => {
        const stack = stackWithProvider();
        const vpc = providerVpc(stack);
        const gwlb = GatewayLoadBalancer.fromGatewayLoadBalancerAttributes(stack, "Gwlb", {
          loadBalancerArn: "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/gwy/inspection/0123456789abcdef",
        });
        const service = new EndpointService(stack, "Service", { loadBalancer: EndpointServiceLoadBalancer.gatewayLoadBalancer(gwlb) });
        new SaasConsumerEndpoint(stack, "Api", { vpc, service });
      };
      const error = expectValidationError(build, "ports", "[]");
      expect(error.expected).toContain("GatewayLoadBalancerEndpoint");
    });

    test("the custom name is the private DNS name private DNS already answers", () => {
      expectValidationError(() => consumerStack({ customDnsName: "API.example.com" }), "customDnsName", '"API.example.com"');
    });

    test("private DNS, turned on after acceptance, would be the VPC's second for the service, or for a name a zone of the VPC holds (AWS refuses it then)", () => {
      const { stack, vpc } = consumerStack();
      const service = EndpointService.fromEndpointServiceAttributes(stack, "Again", {
        serviceName: SERVICE_NAME,
        ports: [443],
        privateDnsName: "api.example.com",
      });
      const accepted = new TerraformVariable(stack, "again_accepted", { type: "bool", default: false });
      const acceptance = ConnectionAcceptance.whenAccepted(accepted.booleanValue);
      const second = expectValidationError(
        () => new SaasConsumerEndpoint(stack, "Second", { vpc, service, acceptance }),
        "privateDnsEnabled",
        "true",
      );
      expect(second.expected).toContain("test/Api/Endpoint already answers its names by private DNS here");
      // Without private DNS the second endpoint is fine.
      expect(() => new SaasConsumerEndpoint(stack, "NoDns", { vpc, service, privateDnsEnabled: false })).not.toThrow();
      // A zone of the private DNS name in the consumer's VPC, made after the consumer: judged at synth.
      const zoned = consumerStack();
      new PrivateHostedZone(zoned.stack, "Zone", { zoneName: "api.example.com", vpc: zoned.vpc });
      const zone = expectValidationError(() => synthJson(zoned.stack), "privateDnsEnabled", "true");
      expect(zone.expected).toContain("(test/Zone is api.example.com)");
      // A zone of another name is no conflict.
      const other = consumerStack();
      new PrivateHostedZone(other.stack, "Zone", { zoneName: "internal.example.com", vpc: other.vpc });
      expect(() => synthJson(other.stack)).not.toThrow();
    });
  });

  describe("in another region than the service (cross-region PrivateLink)", () => {
    /** A consumer whose provider is in eu-west-1, of a service of us-east-1: known by name (the consumer's own configuration) or made here. */
    function westConsumer(props: Partial<SaasConsumerEndpointProps> = {}, owned = false) {
      const stack = stackWithProvider("us-east-1");
      const west = new AwsProvider(stack, "west", { alias: "west", region: "eu-west-1", allowedAccountIds: ["222222222222"] });
      const vpc = new Vpc(stack, "WestVpc", {
        provider: west,
        name: "west",
        cidrBlock: "172.16.0.0/16",
        availabilityZones: ["eu-west-1a", "eu-west-1b"],
      });
      const service = owned
        ? new EndpointService(stack, "Service", {
            loadBalancer: EndpointServiceLoadBalancer.networkLoadBalancer(nlbOptions(providerVpc(stack), { clients: [Peer.cidr("172.16.0.0/16")] })),
            allowedPrincipals: [EndpointServicePrincipal.account("222222222222")],
            acceptanceRequired: false,
            supportedRegions: ["eu-west-1", "eu-central-1"],
          })
        : EndpointService.fromEndpointServiceAttributes(stack, "Service", { serviceName: SERVICE_NAME, ports: [443], acceptanceRequired: false });
      const consumer = new SaasConsumerEndpoint(stack, "Api", { vpc, service, provider: west, ...props });
      return { stack, vpc, consumer };
    }

    test("a service known only by name names its home region, which its name carries, on the endpoint: with region given or left to the provider's", () => {
      for (const region of ["eu-west-1", undefined]) {
        const { stack, vpc, consumer } = westConsumer({ region });
        expect(onlyResource(stack, "aws_vpc_endpoint")).toMatchObject({
          provider: "aws.west",
          service_name: SERVICE_NAME,
          service_region: "us-east-1",
        });
        expectFlow(stack, vpc, { target: consumer.endpoint, port: 443 }).toBeAllowed();
      }
    });

    test("a consumer in the service's own region names no service region", () => {
      const { stack } = consumerStack({ privateDnsEnabled: false, acceptance: undefined });
      expect(onlyResource(stack, "aws_vpc_endpoint").service_region).toBeUndefined();
    });

    describe("fails when", () => {
      test("region is not the region of the consumer's provider, where the endpoint is made (a service of this configuration that supports both, or one known by name)", () => {
        const owned = expectValidationError(() => westConsumer({ region: "eu-central-1" }, true), "region", '"eu-central-1"');
        expect(owned.expected).toContain("eu-west-1, the region of the consumer's provider");
        expectValidationError(() => westConsumer({ region: "eu-central-1" }), "region", '"eu-central-1"');
        expectValidationError(() => westConsumer({ region: "us-east-1" }), "region", '"us-east-1"');
        expect(() => westConsumer({ region: "eu-west-1" }, true)).not.toThrow();
      });

      test("onlySupportedAvailabilityZones is asked for: the zones the service is offered in are of its home region", () => {
        for (const owned of [false, true])
          expectValidationError(() => westConsumer({ onlySupportedAvailabilityZones: true }, owned), "onlySupportedAvailabilityZones", "true");
        expect(() => westConsumer({ onlySupportedAvailabilityZones: false })).not.toThrow();
      });
    });
  });
});
