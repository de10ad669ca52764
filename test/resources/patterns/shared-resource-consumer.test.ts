import { Port } from "../../../modules/core";
import { ResourceConfiguration, SharedResourceConsumer, SharedResourceConsumerProps } from "../../../modules/resources";
import { Vpc } from "../../../modules/vpc";
import { expectValidationError, Json, stackWithProvider, synthJson } from "../../helpers";

const CONFIG_ARN = "arn:aws:vpc-lattice:us-east-1:111111111111:resourceconfiguration/rcfg-0123456789abcdef0";
const SHARE_ARN = "arn:aws:ram:us-east-1:111111111111:resource-share/7a1f3c52-9e0b-4d6a-8c1e-2f3b4a5c6d7e";

function consumer(extra: Partial<SharedResourceConsumerProps> = {}) {
  const stack = stackWithProvider();
  const provider = stack.node.findChild("aws") as SharedResourceConsumerProps["provider"];
  const vpc = new Vpc(stack, "Vpc", { name: "partner", cidrBlock: "10.20.0.0/16", availabilityZones: ["use1-az1", "use1-az2"] });
  const resourceConfiguration = ResourceConfiguration.fromResourceConfigurationAttributes(stack, "OrdersDb", {
    resourceConfigurationArn: CONFIG_ARN,
    ports: [Port.tcp(5432)],
    gatewayAvailabilityZoneIds: ["use1-az1", "use1-az2"],
  });
  const access = new SharedResourceConsumer(stack, "Access", {
    resourceConfiguration,
    acceptShare: { resourceShareArn: SHARE_ARN },
    vpc,
    provider,
    ...extra,
  });
  return { stack, access };
}

describe("SharedResourceConsumer", () => {
  test("the partner's half alone: accepts the share by ARN, then the endpoint to the configuration ARN opens the published port", () => {
    const { stack, access } = consumer({ tags: { partner: "acme" } });
    const json = synthJson(stack);
    expect(Object.values(json.resource.aws_ram_resource_share_accepter)).toEqual([expect.objectContaining({ share_arn: SHARE_ARN })]);
    const endpoint = Object.values(json.resource.aws_vpc_endpoint)[0] as Json;
    expect(endpoint).toMatchObject({
      vpc_endpoint_type: "Resource",
      resource_configuration_arn: CONFIG_ARN,
      depends_on: [expect.stringMatching(/^aws_ram_resource_share_accepter\./)],
      tags: expect.objectContaining({ partner: "acme" }),
    });
    expect(Object.values(json.resource.aws_vpc_security_group_ingress_rule)).toEqual([expect.objectContaining({ from_port: 5432, to_port: 5432 })]);
    expect(access.accepter).toBeDefined();
  });

  test("inside the organization: nothing to accept", () => {
    const { stack, access } = consumer({ acceptShare: undefined });
    expect(access.accepter).toBeUndefined();
    expect(synthJson(stack).resource.aws_ram_resource_share_accepter).toBeUndefined();
  });

  describe("fails when", () => {
    test("the configuration is a service network by ARN: the endpoint would reach a whole network", () => {
      expectValidationError(
        () =>
          consumer({
            resourceConfiguration: { resourceConfigurationArn: "arn:aws:vpc-lattice:us-east-1:111111111111:servicenetwork/sn-0123456789abcdef0" },
          }),
        "resourceConfiguration.resourceConfigurationArn",
        "servicenetwork",
      );
    });

    test("the share to accept is not a RAM share ARN, or of another region", () => {
      expectValidationError(
        () => consumer({ acceptShare: { resourceShareArn: CONFIG_ARN } }),
        "acceptShare.resourceShareArn",
        "resourceconfiguration",
      );
      expectValidationError(
        () => consumer({ acceptShare: { resourceShareArn: SHARE_ARN.replace("us-east-1", "eu-west-1") } }),
        "acceptShare.resourceShareArn",
        "eu-west-1",
      );
    });

    test("the share to accept is of another account than the configuration: RAM shares only what its owner owns", () => {
      const error = expectValidationError(
        () => consumer({ acceptShare: { resourceShareArn: SHARE_ARN.replace("111111111111", "333333333333") } }),
        "acceptShare.resourceShareArn",
        "333333333333",
      );
      expect(error.expected).toContain("account 111111111111");
    });

    test("the endpoint's ports overlap", () => {
      expectValidationError(() => consumer({ ports: [Port.range(5432, 5440), Port.tcp(5433)] }), "ports[1]", "5433");
    });

    test("the endpoint opens a port the configuration does not offer", () => {
      const error = expectValidationError(() => consumer({ ports: [Port.tcp(22)] }), "ports[0]", "22");
      expect(error.expected).toContain("5432");
      // A port inside what the owner publishes is fine, and so is a range across ranges it publishes side by side.
      consumer({ ports: [Port.tcp(5432)] });
      const stack = stackWithProvider();
      new SharedResourceConsumer(stack, "Access", {
        resourceConfiguration: ResourceConfiguration.fromResourceConfigurationAttributes(stack, "Workers", {
          resourceConfigurationArn: CONFIG_ARN,
          ports: [Port.range(8000, 8050), Port.range(8051, 8100)],
          gatewayAvailabilityZoneIds: ["use1-az1", "use1-az2"],
        }),
        acceptShare: { resourceShareArn: SHARE_ARN },
        vpc: new Vpc(stack, "Vpc", { name: "partner", cidrBlock: "10.20.0.0/16", availabilityZones: ["use1-az1", "use1-az2"] }),
        provider: stack.node.findChild("aws") as SharedResourceConsumerProps["provider"],
        ports: [Port.range(8000, 8100)],
      });
    });

    test("the provider is not a provider (an alias string, a plain object): cdktf drops it, and the acceptance and the endpoint land in the owner's account", () => {
      const error = expectValidationError(() => consumer({ provider: "partner" as never }), "provider", '"partner"');
      expect(error.expected).toBe("an AwsProvider (the partner account's)");
      expectValidationError(() => consumer({ provider: {} as never }), "provider", "{}");
      expectValidationError(() => consumer({ provider: null as never }), "provider", "null");
    });

    test("the configuration has no ARN (a JavaScript caller's object): the Resource endpoint would name no configuration, which AWS refuses", () => {
      const error = expectValidationError(
        () => consumer({ resourceConfiguration: {} as never, ports: [Port.tcp(5432)] }),
        "resourceConfiguration.resourceConfigurationArn",
        "undefined",
      );
      expect(error.expected).toContain("new ResourceConfiguration(...) or ResourceConfiguration.fromResourceConfigurationAttributes(...)");
      expectValidationError(
        () => consumer({ resourceConfiguration: "rcfg-0123456789abcdef0" as never }),
        "resourceConfiguration",
        "rcfg-0123456789abcdef0",
      );
    });

    test("the subnets are null (a JavaScript caller): not the VPC's private subnets in their place", () => {
      expectValidationError(() => consumer({ subnets: null as never }), "subnets", "null");
    });

    test("the share is accepted without a provider to accept it with", () => {
      expectValidationError(() => consumer({ provider: undefined }), "provider", "undefined");
    });
  });
});
