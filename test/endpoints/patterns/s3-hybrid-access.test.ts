import { EndpointPolicy, S3HybridAccess } from "../../../modules/endpoints";
import { resourcesOfType, stackWithProvider, synthJson } from "../../helpers";
import { ORG, testVpc } from "../helpers";

describe("S3HybridAccess", () => {
  test("a gateway endpoint, then an interface endpoint with private DNS for the inbound resolver only, both with the policy", () => {
    const stack = stackWithProvider();
    const hybrid = new S3HybridAccess(stack, "S3", { vpc: testVpc(stack), policy: EndpointPolicy.s3Buckets(["a-bucket"], { organizationId: ORG }) });
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
});
