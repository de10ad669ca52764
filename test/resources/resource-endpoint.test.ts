import { ResourceEndpoint, ResourceEndpointProps } from "../../modules/endpoints";
import { PrivateVpc } from "../../modules/vpc";
import { ResourceConfiguration } from "../../modules/resources";
import { expectValidationError, gatewayStack, resourcesOfType } from "./helpers";

function endpointTo(extra: Partial<ResourceEndpointProps> = {}) {
  const { stack, gateway } = gatewayStack();
  const resourceConfiguration = new ResourceConfiguration(stack, "Range", {
    name: "worker-api",
    resourceGateway: gateway,
    ipResource: { ipAddress: "10.0.0.50" },
    portRanges: ["8000-8100", "9443"],
  });
  const vpc = new PrivateVpc(stack, "ClientVpc", { name: "client", cidrBlock: "10.9.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
  return { stack, build: () => new ResourceEndpoint(stack, "Endpoint", { vpc, resourceConfiguration, ...extra }) };
}

describe("a Resource endpoint to a ResourceConfiguration", () => {
  test("targets the configuration's ARN and opens only its port ranges", () => {
    const { stack, build } = endpointTo();
    build();
    expect(Object.values(resourcesOfType(stack, "aws_vpc_endpoint"))).toEqual([
      expect.objectContaining({ vpc_endpoint_type: "Resource", resource_configuration_arn: expect.stringMatching(/aws_vpclattice_resource_configuration\.Range_\w+\.arn/) }),
    ]);
    expect(Object.values(resourcesOfType(stack, "aws_vpc_security_group_ingress_rule")).map((r) => [r.from_port, r.to_port])).toEqual([
      [8000, 8100],
      [9443, 9443],
    ]);
  });

  test("fails when it is also given a service name", () => {
    const { build } = endpointTo({ serviceName: "com.amazonaws.us-east-1.s3" } as Partial<ResourceEndpointProps>);
    expectValidationError(build, "serviceName", '"com.amazonaws.us-east-1.s3"');
  });
});
