import { ResourceEndpoint, ResourceEndpointProps } from "../../modules/endpoints";
import { ResourceConfiguration } from "../../modules/resources";
import { Vpc } from "../../modules/vpc";
import { expectValidationError, onlyResource, resourcesOfType, stackWithProvider, synthJson } from "../helpers";
import { gatewayStack } from "../resources/helpers";
import { ingressPortRanges, testVpc } from "./helpers";

const CONFIG_ARN = "arn:aws:vpc-lattice:us-east-1:111111111111:resourceconfiguration/rcfg-0123456789abcdef0";

describe("ResourceEndpoint", () => {
  test("a Resource endpoint to the configuration, its group opening only the configuration's port ranges, private DNS off", () => {
    const stack = stackWithProvider();
    const endpoint = new ResourceEndpoint(stack, "Db", {
      vpc: testVpc(stack),
      resourceConfiguration: { resourceConfigurationArn: CONFIG_ARN, ports: [{ from: 5432, to: 5432 }, { from: 8000, to: 8100 }] },
    });
    const json = synthJson(stack);
    const resource = onlyResource(json, "aws_vpc_endpoint");
    expect(resource).toMatchObject({ vpc_endpoint_type: "Resource", resource_configuration_arn: CONFIG_ARN, private_dns_enabled: false });
    expect(resource.service_name).toBeUndefined();
    expect(resource.subnet_ids).toHaveLength(2);
    expect(ingressPortRanges(json)).toEqual([[5432, 5432], [8000, 8100]]);
    expect(endpoint.resource.node.id).toBe("Resource");
  });

  test("explicit ports cover configurations that do not publish theirs (ARN resources)", () => {
    const stack = stackWithProvider();
    new ResourceEndpoint(stack, "Rds", { vpc: testVpc(stack), resourceConfiguration: { resourceConfigurationArn: CONFIG_ARN, ports: [] }, ports: [{ from: 3306, to: 3306 }] });
    expect(ingressPortRanges(synthJson(stack))).toEqual([[3306, 3306]]);
  });

  test("fails when no port is known and no security group is given", () => {
    const stack = stackWithProvider();
    expectValidationError(
      () => new ResourceEndpoint(stack, "Rds", { vpc: testVpc(stack), resourceConfiguration: { resourceConfigurationArn: CONFIG_ARN, ports: [] } }),
      "ports",
      "[]",
    );
  });

  test("fails when two subnets share an availability zone, like every endpoint", () => {
    const stack = stackWithProvider();
    const subnets = [
      { subnetId: "subnet-0aaaaaaaaaaaaaaaa", availabilityZone: "us-east-1a" },
      { subnetId: "subnet-0bbbbbbbbbbbbbbbb", availabilityZone: "us-east-1a" },
    ];
    expectValidationError(
      () => new ResourceEndpoint(stack, "Db", { vpc: testVpc(stack), subnets, resourceConfiguration: { resourceConfigurationArn: CONFIG_ARN, ports: [{ from: 5432, to: 5432 }] } }),
      "subnets",
      "us-east-1a",
    );
  });
});

function endpointTo(extra: Partial<ResourceEndpointProps> = {}) {
  const { stack, gateway } = gatewayStack();
  const resourceConfiguration = new ResourceConfiguration(stack, "Range", {
    name: "worker-api",
    resourceGateway: gateway,
    ipResource: { ipAddress: "10.0.0.50" },
    portRanges: ["8000-8100", "9443"],
  });
  const vpc = new Vpc(stack, "ClientVpc", { name: "client", cidrBlock: "10.9.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
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
