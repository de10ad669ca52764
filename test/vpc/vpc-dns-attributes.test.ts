import { TerraformStack } from "cdktf";
import { AwsService, CentralizedEndpoints, EndpointPolicy, IInterfaceEndpointService, InterfaceEndpoint } from "../../modules/endpoints";
import { PrivateHostedZone, Vpc, VpcAttributes } from "../../modules/vpc";
import { ORG } from "../endpoints/helpers";
import { expectValidationError, stackWithProvider } from "../helpers";

/**
 * An existing VPC says whether its DNS resolution and DNS hostnames are on
 * (VpcAttributes.dnsSupportEnabled / dnsHostnamesEnabled). Private DNS of
 * endpoints and private hosted zones need both: with either off they fail at
 * synth, naming the VPC and the attribute, instead of resolving nothing.
 */

function existing(stack: TerraformStack, id: string, attrs: Partial<VpcAttributes> = {}): Vpc {
  return Vpc.fromVpcAttributes(stack, id, {
    vpcId: id === "Hub" ? "vpc-0aaa0000000000001" : "vpc-0bbb0000000000001",
    cidrBlock: id === "Hub" ? "10.0.0.0/16" : "10.1.0.0/16",
    privateSubnetIds: ["subnet-0aaa1111bbbb22220", "subnet-0aaa1111bbbb22221"].map((s) => (id === "Hub" ? s : s.replace("aaa", "ccc"))),
    availabilityZones: ["us-east-1a", "us-east-1b"],
    ...attrs,
  }) as Vpc;
}

const logs =
  (vpc: Vpc, props: { privateDnsEnabled?: boolean; customDnsName?: string } = {}) =>
  (stack: TerraformStack) =>
    new InterfaceEndpoint(stack, "Logs", { vpc, service: AwsService.LOGS, policy: EndpointPolicy.organizationOnly(ORG), ...props });

describe("VPC DNS attributes", () => {
  test("a VPC made here has both on; an imported one carries what it is told, and nothing when it is not told", () => {
    const stack = stackWithProvider();
    const made = new Vpc(stack, "Made", { name: "made", cidrBlock: "10.2.0.0/16", availabilityZones: ["us-east-1a"] });
    expect([made.dnsSupportEnabled, made.dnsHostnamesEnabled]).toEqual([true, true]);
    const told = existing(stack, "Hub", { dnsSupportEnabled: true, dnsHostnamesEnabled: false });
    expect([told.dnsSupportEnabled, told.dnsHostnamesEnabled]).toEqual([true, false]);
    const silent = existing(stack, "Spoke");
    expect([silent.dnsSupportEnabled, silent.dnsHostnamesEnabled]).toEqual([undefined, undefined]);
    expectValidationError(
      () => existing(stackWithProvider(), "Hub", { dnsHostnamesEnabled: "yes" as unknown as boolean }),
      "dnsHostnamesEnabled",
      "yes",
    );
  });

  test("fails when an interface endpoint's private DNS (on by default for AWS services) is in a VPC with DNS hostnames off", () => {
    const stack = stackWithProvider();
    const error = expectValidationError(() => logs(existing(stack, "Hub", { dnsHostnamesEnabled: false }))(stack), "privateDnsEnabled", "true");
    expect(error.message).toContain("VPC vpc-0aaa0000000000001 has enableDnsHostnames off");
    expect(error.message).toContain("privateDnsEnabled: false");
  });

  test("the same endpoint without private DNS, or in a VPC that does not say, is built", () => {
    const stack = stackWithProvider();
    expect(() => logs(existing(stack, "Hub", { dnsSupportEnabled: false }), { privateDnsEnabled: false })(stack)).not.toThrow();
    const other = stackWithProvider();
    expect(() => logs(existing(other, "Hub"))(other)).not.toThrow();
  });

  test("fails when an endpoint's custom DNS name needs a private hosted zone in a VPC with DNS resolution off", () => {
    const stack = stackWithProvider();
    const vpc = existing(stack, "Hub", { dnsSupportEnabled: false });
    const partner: IInterfaceEndpointService = {
      serviceName: "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0",
      ports: [443],
      isAwsService: false,
      privateDnsSupported: false,
    };
    const error = expectValidationError(
      () => new InterfaceEndpoint(stack, "Partner", { vpc, service: partner, customDnsName: "api.partner.example.com" }),
      "customDnsName",
      "api.partner.example.com",
    );
    expect(error.message).toContain("enableDnsSupport off");
  });

  test("fails when a private hosted zone is given, or associated with, a VPC with DNS off", () => {
    const stack = stackWithProvider();
    const off = existing(stack, "Spoke", { dnsSupportEnabled: false, dnsHostnamesEnabled: false });
    const both = expectValidationError(
      () => new PrivateHostedZone(stack, "Zone", { zoneName: "internal.example.com", vpc: off }),
      "vpc",
      "vpc-0bbb0000000000001",
    );
    expect(both.message).toContain("has enableDnsSupport and enableDnsHostnames off");
    const zone = new PrivateHostedZone(stack, "Other", { zoneName: "corp.example.com", vpc: existing(stack, "Hub") });
    expectValidationError(() => zone.associateVpc("spoke", off), "associateVpc(spoke)", "vpc-0bbb0000000000001");
  });

  test("fails when a spoke of CentralizedEndpoints cannot resolve the hub's zones", () => {
    const stack = stackWithProvider();
    const hub = existing(stack, "Hub");
    const spoke = existing(stack, "Spoke", { dnsHostnamesEnabled: false });
    expectValidationError(
      () =>
        new CentralizedEndpoints(stack, "Central", {
          vpc: hub,
          spokes: [{ name: "orders", vpc: spoke }],
          services: [{ service: AwsService.LOGS, policy: EndpointPolicy.organizationOnly(ORG) }],
        }),
      "spokes[0].vpc",
      "orders",
    );
  });
});
