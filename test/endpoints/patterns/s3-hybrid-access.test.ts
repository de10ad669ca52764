import { EndpointPolicy, S3HybridAccess } from "../../../modules/endpoints";
import { Peer, SecurityGroup } from "../../../modules/vpc";
import { expectValidationError, Json, resourcesOfType, stackWithProvider, synthJson } from "../../helpers";
import { ORG, testVpc } from "../helpers";

const policy = EndpointPolicy.s3Buckets(["a-bucket"], { organizationId: ORG });
const onPremisesPeers = [Peer.cidr("192.168.0.0/16")];

describe("S3HybridAccess", () => {
  test("a gateway endpoint, then an interface endpoint with private DNS for the inbound resolver only, both with the policy", () => {
    const stack = stackWithProvider();
    const hybrid = new S3HybridAccess(stack, "S3", { vpc: testVpc(stack), policy, onPremisesPeers });
    const endpoints = resourcesOfType(synthJson(stack), "aws_vpc_endpoint");
    const [gatewayKey] = Object.keys(endpoints).filter((k) => k.startsWith("S3_Gateway_"));
    const [interfaceKey] = Object.keys(endpoints).filter((k) => k.startsWith("S3_Interface_"));
    expect(endpoints[gatewayKey]).toMatchObject({ vpc_endpoint_type: "Gateway", service_name: "com.amazonaws.us-east-1.s3" });
    expect(endpoints[interfaceKey]).toMatchObject({
      vpc_endpoint_type: "Interface",
      private_dns_enabled: true,
      dns_options: { private_dns_only_for_inbound_resolver_endpoint: true },
      depends_on: [`aws_vpc_endpoint.${gatewayKey}`],
    });
    expect(endpoints[interfaceKey].policy).toBe(endpoints[gatewayKey].policy);
    expect(hybrid.interfaceEndpoint.securityGroup).toBeDefined();
  });

  test("the interface endpoint admits the on-premises ranges only: the VPC's own clients use the gateway endpoint", () => {
    const stack = stackWithProvider();
    new S3HybridAccess(stack, "S3", { vpc: testVpc(stack), policy, onPremisesPeers: [Peer.cidr("192.168.0.0/16"), Peer.cidr("172.20.0.0/16")] });
    const rules = Object.values(resourcesOfType(synthJson(stack), "aws_vpc_security_group_ingress_rule")) as Json[];
    expect(rules.map((r) => [r.cidr_ipv4, r.from_port]).sort()).toEqual([
      ["172.20.0.0/16", 443],
      ["192.168.0.0/16", 443],
    ]);
  });

  test("with routeTableIds and subnets, the gateway routes the given tables and the interface endpoint goes in the subnets", () => {
    const stack = stackWithProvider();
    const vpc = testVpc(stack);
    new S3HybridAccess(stack, "S3", { vpc, policy, onPremisesPeers, subnets: vpc.privateSubnets, routeTableIds: ["rtb-0123456789abcdef0"] });
    const endpoints = Object.values(resourcesOfType(synthJson(stack), "aws_vpc_endpoint")) as Json[];
    expect(endpoints.find((e) => e.vpc_endpoint_type === "Gateway")?.route_table_ids).toEqual(["rtb-0123456789abcdef0"]);
    expect(endpoints.find((e) => e.vpc_endpoint_type === "Interface")?.subnet_ids).toHaveLength(2);
  });

  test("fails without the on-premises ranges, unless security groups are given; not both", () => {
    const stack = stackWithProvider();
    const vpc = testVpc(stack);
    const error = expectValidationError(() => new S3HybridAccess(stack, "None", { vpc, policy }), "onPremisesPeers", "undefined");
    expect(error.expected).toContain("inbound resolver");
    expectValidationError(() => new S3HybridAccess(stack, "Empty", { vpc, policy, onPremisesPeers: [] }), "onPremisesPeers", "[]");
    const group = new SecurityGroup(stack, "Own", { vpc, description: "S3 for on-premises" });
    expect(() => new S3HybridAccess(stack, "Given", { vpc, policy, securityGroups: [group] })).not.toThrow();
    expectValidationError(
      () => new S3HybridAccess(stack, "Both", { vpc, policy, securityGroups: [group], onPremisesPeers }),
      "onPremisesPeers",
      "with securityGroups",
    );
  });
});
