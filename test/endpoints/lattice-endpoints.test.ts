import { ResourceEndpoint, ServiceNetworkEndpoint } from "../../modules/endpoints";
import { expectValidationError, Json, onlyResource, resourcesOfType, synthJson, testStack, testVpc } from "./helpers";

const CONFIG_ARN = "arn:aws:vpc-lattice:us-east-1:111111111111:resourceconfiguration/rcfg-0123456789abcdef0";
const NETWORK_ARN = "arn:aws:vpc-lattice:us-east-1:111111111111:servicenetwork/sn-0123456789abcdef0";

const ruleRanges = (json: Json): [number, number][] =>
  (Object.values(resourcesOfType(json, "aws_vpc_security_group_ingress_rule")) as Json[]).map((r) => [r.from_port, r.to_port]);

describe("ResourceEndpoint", () => {
  test("a Resource endpoint to the configuration, its group opening only the configuration's port ranges, private DNS off", () => {
    const stack = testStack();
    const endpoint = new ResourceEndpoint(stack, "Db", {
      vpc: testVpc(stack),
      resourceConfiguration: { resourceConfigurationArn: CONFIG_ARN, ports: [{ from: 5432, to: 5432 }, { from: 8000, to: 8100 }] },
    });
    const json = synthJson(stack);
    const resource = onlyResource(json, "aws_vpc_endpoint");
    expect(resource).toMatchObject({ vpc_endpoint_type: "Resource", resource_configuration_arn: CONFIG_ARN, private_dns_enabled: false });
    expect(resource.service_name).toBeUndefined();
    expect(resource.subnet_ids).toHaveLength(2);
    expect(ruleRanges(json)).toEqual([[5432, 5432], [8000, 8100]]);
    expect(endpoint.resource.node.id).toBe("Resource");
  });

  test("explicit ports cover configurations that do not publish theirs (ARN resources)", () => {
    const stack = testStack();
    new ResourceEndpoint(stack, "Rds", { vpc: testVpc(stack), resourceConfiguration: { resourceConfigurationArn: CONFIG_ARN, ports: [] }, ports: [{ from: 3306, to: 3306 }] });
    expect(ruleRanges(synthJson(stack))).toEqual([[3306, 3306]]);
  });

  test("fails when no port is known and no security group is given", () => {
    const stack = testStack();
    expectValidationError(
      () => new ResourceEndpoint(stack, "Rds", { vpc: testVpc(stack), resourceConfiguration: { resourceConfigurationArn: CONFIG_ARN, ports: [] } }),
      "ports",
      "[]",
    );
  });

  test("fails when two subnets share an availability zone, like every endpoint", () => {
    const stack = testStack();
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

describe("ServiceNetworkEndpoint", () => {
  test("a ServiceNetwork endpoint to the network, HTTPS only by default", () => {
    const stack = testStack();
    new ServiceNetworkEndpoint(stack, "Mesh", { vpc: testVpc(stack), serviceNetwork: { serviceNetworkArn: NETWORK_ARN } });
    const json = synthJson(stack);
    expect(onlyResource(json, "aws_vpc_endpoint")).toMatchObject({ vpc_endpoint_type: "ServiceNetwork", service_network_arn: NETWORK_ARN, private_dns_enabled: false });
    expect(ruleRanges(json)).toEqual([[443, 443]]);
  });

  test("ports and private DNS as asked", () => {
    const stack = testStack();
    new ServiceNetworkEndpoint(stack, "Mesh", { vpc: testVpc(stack), serviceNetwork: { serviceNetworkArn: NETWORK_ARN }, ports: [{ from: 80, to: 80 }, { from: 443, to: 443 }], privateDnsEnabled: true });
    const json = synthJson(stack);
    expect(onlyResource(json, "aws_vpc_endpoint").private_dns_enabled).toBe(true);
    expect(ruleRanges(json).sort((a, b) => a[0] - b[0])).toEqual([[80, 80], [443, 443]]);
  });
});
