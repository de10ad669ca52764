import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TerraformStack } from "cdktf";
import { Port } from "../../modules/core";
import { ResourceConfiguration, ResourceDefinition, ResourceGateway } from "../../modules/resources";
import { SecurityGroup, Vpc } from "../../modules/vpc";
import { expectValidationError, stackWithProvider, testApp } from "../helpers";
import { ownerVpc } from "./helpers";

/** Wrong inputs a JavaScript caller (or `as any`) can give the resources area: each gets a ValidationError, never a TypeError or a null in Terraform. */

const GATEWAY_ARN = "arn:aws:vpc-lattice:us-east-1:111111111111:resourcegateway/rgw-0123456789abcdef0";
const CONFIG_ARN = "arn:aws:vpc-lattice:us-east-1:111111111111:resourceconfiguration/rcfg-0123456789abcdef0";
const loose = <T>(value: unknown): T => value as T;

describe("resources: wrong inputs", () => {
  test("fails when a gateway's VPC is given as an ID string, or its security groups as sg- IDs", () => {
    const stack = stackWithProvider();
    expectValidationError(
      () => new ResourceGateway(stack, "ById", { name: "by-id", vpc: loose("vpc-0123456789abcdef0") }),
      "vpc",
      "vpc-0123456789abcdef0",
    );
    const vpc = ownerVpc(stack);
    const error = expectValidationError(
      () => new ResourceGateway(stack, "Groups", { name: "groups", vpc, securityGroups: loose(["sg-0123456789abcdef0"]) }),
      "securityGroups[0]",
      "sg-0123456789abcdef0",
    );
    expect(error.expected).toContain("SecurityGroup.fromSecurityGroupAttributes");
    expectValidationError(() => new ResourceGateway(stack, "Named", { name: loose(123), vpc }), "name", "123");
  });

  test("fails when a configuration's gateway is given as its rgw- ID instead of the gateway", () => {
    const stack = stackWithProvider();
    const error = expectValidationError(
      () =>
        new ResourceConfiguration(stack, "Host", {
          name: "build-host",
          resourceGateway: loose("rgw-0123456789abcdef0"),
          resource: ResourceDefinition.ipAddress("10.0.1.5"),
          ports: [Port.tcp(22)],
        }),
      "resourceGateway",
      "rgw-0123456789abcdef0",
    );
    expect(error.expected).toContain("ResourceGateway.fromResourceGatewayAttributes");
  });

  test("fails when an imported gateway's or configuration's AZ IDs are of another region than its ARN", () => {
    const stack = stackWithProvider();
    expectValidationError(
      () =>
        ResourceGateway.fromResourceGatewayAttributes(stack, "Gateway", {
          resourceGatewayArn: GATEWAY_ARN,
          subnets: [{ subnetId: "subnet-0123456789abcdef0", availabilityZoneId: "euw1-az1" }],
        }),
      "subnets[0].availabilityZoneId",
      "euw1-az1",
    );
    expectValidationError(
      () =>
        ResourceConfiguration.fromResourceConfigurationAttributes(stack, "Config", {
          resourceConfigurationArn: CONFIG_ARN,
          gatewayAvailabilityZoneIds: ["use1-az1", "euw1-az2"],
        }),
      "gatewayAvailabilityZoneIds[1]",
      "euw1-az2",
    );
    // The zones of the stack's own region are taken.
    ResourceConfiguration.fromResourceConfigurationAttributes(stack, "Fine", {
      resourceConfigurationArn: CONFIG_ARN,
      gatewayAvailabilityZoneIds: ["use1-az1", "use1-az6"],
    });
  });

  test("fails when an imported gateway lists a subnet or a security group twice", () => {
    const stack = stackWithProvider();
    const subnet = { subnetId: "subnet-0123456789abcdef0", availabilityZoneId: "use1-az1" };
    expectValidationError(
      () => ResourceGateway.fromResourceGatewayAttributes(stack, "Subnets", { resourceGatewayArn: GATEWAY_ARN, subnets: [subnet, subnet] }),
      "subnets",
      "subnet-0123456789abcdef0",
    );
    const group = SecurityGroup.fromSecurityGroupAttributes(stack, "Group", { securityGroupId: "sg-0123456789abcdef0" });
    expectValidationError(
      () => ResourceGateway.fromResourceGatewayAttributes(stack, "Groups", { resourceGatewayArn: GATEWAY_ARN, securityGroups: [group, group] }),
      "securityGroups",
      "sg-0123456789abcdef0",
    );
  });

  test("fails when an ARN resource is a database of another account than the gateway's", () => {
    const stack = new TerraformStack(testApp(), "test");
    new AwsProvider(stack, "aws", { region: "us-east-1", allowedAccountIds: ["111111111111"] });
    const gateway = new ResourceGateway(stack, "Gateway", {
      name: "owner-gateway",
      vpc: new Vpc(stack, "Vpc", { name: "owner", cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] }),
    });
    const database = (id: string, account: string) =>
      new ResourceConfiguration(stack, id, {
        name: `${id.toLowerCase()}-db`,
        resourceGateway: gateway,
        resource: ResourceDefinition.arn(`arn:aws:rds:us-east-1:${account}:db:orders`, { securityGroupPorts: [Port.tcp(5432)] }),
      });
    const error = expectValidationError(() => database("Theirs", "999999999999"), "resource.arn", "arn:aws:rds:us-east-1:999999999999:db:orders");
    expect(error.expected).toContain("111111111111");
    expect(database("Ours", "111111111111").type).toBe("ARN");
  });

  test("fails when a provider is not a provider (an alias string, a plain object): cdktf drops it, and the resource lands in the default account", () => {
    const stack = stackWithProvider();
    const vpc = ownerVpc(stack);
    const gateway = expectValidationError(
      () => new ResourceGateway(stack, "Aliased", { name: "aliased", vpc, provider: loose("owner") }),
      "provider",
      '"owner"',
    );
    expect(gateway.expected).toContain("an AwsProvider");
    expectValidationError(
      () => ResourceGateway.fromResourceGatewayAttributes(stack, "Imported", { resourceGatewayArn: GATEWAY_ARN, provider: loose({}) }),
      "provider",
      "{}",
    );
    const resourceGateway = new ResourceGateway(stack, "Gateway", { name: "owner-gateway", vpc });
    expectValidationError(
      () =>
        new ResourceConfiguration(stack, "Host", {
          name: "build-host",
          resourceGateway,
          resource: ResourceDefinition.ipAddress("10.0.1.5"),
          ports: [Port.tcp(22)],
          provider: loose(null),
        }),
      "provider",
      "null",
    );
    expectValidationError(
      () =>
        ResourceConfiguration.fromResourceConfigurationAttributes(stack, "Config", {
          resourceConfigurationArn: CONFIG_ARN,
          provider: loose("partner"),
        }),
      "provider",
      '"partner"',
    );
    // A provider given as one is taken.
    const provider = stack.node.findChild("aws") as AwsProvider;
    new ResourceConfiguration(stack, "Fine", {
      name: "fine-host",
      resourceGateway,
      resource: ResourceDefinition.ipAddress("10.0.1.6"),
      ports: [Port.tcp(22)],
      provider,
    });
  });

  test("fails when a prop is null (a JavaScript caller), as for a value of the wrong type: never a TypeError nor a silent default", () => {
    const stack = stackWithProvider();
    const vpc = ownerVpc(stack);
    const resourceGateway = new ResourceGateway(stack, "Gateway", { name: "owner-gateway", vpc });
    const host = (id: string, extra: object) =>
      new ResourceConfiguration(stack, id, {
        name: `${id.toLowerCase()}-host`,
        resourceGateway,
        resource: ResourceDefinition.dns("build.example.com"),
        ports: [Port.tcp(22)],
        ...extra,
      });
    expectValidationError(() => host("Ports", { ports: null }), "ports", "null");
    expectValidationError(
      () => host("Family", { resource: ResourceDefinition.dns("build.example.com", { ipAddressType: loose(null) }) }),
      "resource.ipAddressType",
      "null",
    );
    expectValidationError(
      () =>
        host("Arn", {
          resource: undefined,
          ports: undefined,
          arnResource: { arn: "arn:aws:rds:us-east-1:111111111111:db:orders", securityGroupPortRanges: null },
        }),
      "arnResource.securityGroupPortRanges",
      "null",
    );
    // null was an IPV4 gateway: it is no address type.
    expectValidationError(
      () => new ResourceGateway(stack, "Null", { name: "null-family", vpc, ipAddressType: loose(null) }),
      "ipAddressType",
      "null",
    );
    expectValidationError(() => new ResourceGateway(stack, "Cidrs", { name: "cidrs", vpc, reachableCidrs: loose([{}]) }), "reachableCidrs[0]", "{}");
    expect(host("Fine", {}).type).toBe("SINGLE");
  });
});
