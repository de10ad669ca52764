import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { OptOut, Port } from "../../../modules/core";
import { SharePrincipal } from "../../../modules/ram";
import { Vpc } from "../../../modules/vpc";
import { ResourceConfiguration, ResourceDefinition, SharedResourceAccess, SharedResourceAccessProps } from "../../../modules/resources";
import { expectValidationError, Json, synthJson } from "../../helpers";
import { gatewayStack } from "../helpers";

function shared(extra: Partial<SharedResourceAccessProps> = {}) {
  const { stack, gateway } = gatewayStack();
  const resourceConfiguration = new ResourceConfiguration(stack, "Host", {
    name: "build-host",
    resourceGateway: gateway,
    ipResource: { ipAddress: "10.0.0.50" },
    portRanges: ["8000-8100"],
  });
  const partnerProvider = new AwsProvider(stack, "trusted", { alias: "trusted", region: "us-east-1" });
  const partnerVpc = new Vpc(stack, "TrustedVpc", {
    name: "trusted",
    cidrBlock: "10.3.0.0/16",
    availabilityZones: ["us-east-1a", "us-east-1b"],
    provider: partnerProvider,
  });
  const access = new SharedResourceAccess(stack, "Access", {
    name: "build-host",
    resourceConfiguration,
    partnerAccountId: "333333333333",
    partnerProvider,
    partnerVpc,
    ...extra,
  });
  return { stack, access };
}

describe("SharedResourceAccess", () => {
  test("inside the organization: no acceptance, the endpoint waits for the share to name the account and hold the configuration, and opens its port range", () => {
    const { stack, access } = shared();
    const json = synthJson(stack);
    expect(access.accepter).toBeUndefined();
    expect(json.resource.aws_ram_resource_share_accepter).toBeUndefined();
    expect(Object.values(json.resource.aws_ram_resource_share)[0]).toMatchObject({ allow_external_principals: false });
    const endpoint = Object.values(json.resource.aws_vpc_endpoint)[0] as Record<string, unknown>;
    expect(endpoint).toMatchObject({ provider: "aws.trusted", vpc_endpoint_type: "Resource" });
    expect(endpoint.depends_on).toEqual([
      expect.stringMatching(/^aws_ram_principal_association\.Access_Share_Principal-account-333333333333_/),
      expect.stringMatching(/^aws_ram_resource_association\.Access_Share_Resource-resource-configuration_/),
    ]);
    expect(Object.values(json.resource.aws_vpc_security_group_ingress_rule)).toEqual([
      expect.objectContaining({ from_port: 8000, to_port: 8100, provider: "aws.trusted" }),
    ]);
  });

  test("fails when the partner account ID is malformed", () => {
    expectValidationError(() => shared({ partnerAccountId: "33333333333x" }), "partnerAccountId", '"33333333333x"');
  });

  test("the owner's half alone: the share to the partner's account, no partner provider, and the contract the partner needs", () => {
    const { stack, gateway } = gatewayStack();
    const resourceConfiguration = new ResourceConfiguration(stack, "Host", {
      name: "build-host",
      resourceGateway: gateway,
      resource: ResourceDefinition.ipAddress("10.0.0.50"),
      ports: [Port.range(8000, 8100)],
    });
    const access = new SharedResourceAccess(stack, "Access", {
      name: "build-host",
      resourceConfiguration,
      sharing: {
        principals: [SharePrincipal.account("222222222222")],
        allowExternalPrincipals: OptOut.because("The partner is outside our organization and accepts the share"),
      },
      tags: { partner: "acme" },
    });
    const json = synthJson(stack);
    expect(access.endpoint).toBeUndefined();
    expect(json.resource.aws_vpc_endpoint).toBeUndefined();
    expect(json.resource.aws_ram_resource_share_accepter).toBeUndefined();
    expect(Object.values(json.resource.aws_ram_resource_share)[0]).toMatchObject({
      allow_external_principals: true,
      tags: { Name: "build-host", partner: "acme" },
    });
    expect(access.contract).toMatchObject({ ports: [Port.range(8000, 8100)], type: "SINGLE", gatewayAvailabilityZoneIds: undefined });
    expect(access.contract.resourceShareArn).toBe(access.share.resourceShareArn);
    const reason = (stack.toTerraform() as Json).resource.aws_ram_resource_share;
    expect(JSON.stringify(reason)).toContain("accepts the share");
  });

  test("the partner's side in the same configuration: its acceptance when external, then the endpoint", () => {
    const { stack, gateway } = gatewayStack();
    const resourceConfiguration = new ResourceConfiguration(stack, "Host", {
      name: "build-host",
      resourceGateway: gateway,
      resource: ResourceDefinition.ipAddress("10.0.0.50"),
      ports: [Port.tcp(22)],
    });
    const partnerProvider = new AwsProvider(stack, "partner", { alias: "partner", region: "us-east-1" });
    const vpc = new Vpc(stack, "PartnerVpc", {
      name: "partner",
      cidrBlock: "10.3.0.0/16",
      availabilityZones: ["us-east-1a", "us-east-1b"],
      provider: partnerProvider,
    });
    const access = new SharedResourceAccess(stack, "Access", {
      name: "build-host",
      resourceConfiguration,
      sharing: {
        principals: [SharePrincipal.account("222222222222")],
        allowExternalPrincipals: OptOut.because("The partner is outside our organization and accepts the share"),
      },
      partner: { provider: partnerProvider, vpc },
    });
    expect(access.accepter?.resource.provider).toBe(partnerProvider);
    const endpoint = Object.values(synthJson(stack).resource.aws_vpc_endpoint)[0] as Json;
    expect(endpoint.depends_on).toEqual([
      expect.stringMatching(/^aws_ram_principal_association\./),
      expect.stringMatching(/^aws_ram_resource_association\./),
      expect.stringMatching(/^aws_ram_resource_share_accepter\./),
    ]);
  });

  describe("fails when", () => {
    const build = (extra: Partial<SharedResourceAccessProps>) => () => {
      const { stack, gateway } = gatewayStack();
      const resourceConfiguration = new ResourceConfiguration(stack, "Host", {
        name: "build-host",
        resourceGateway: gateway,
        resource: ResourceDefinition.ipAddress("10.0.0.50"),
        ports: [Port.tcp(22)],
      });
      return new SharedResourceAccess(stack, "Access", { name: "build-host", resourceConfiguration, ...extra });
    };

    test("the configuration is a CHILD, made here or imported: AWS shares a CHILD only as part of its GROUP", () => {
      const { stack, gateway } = gatewayStack();
      const group = ResourceConfiguration.group(stack, "Apis", { name: "partner-apis", resourceGateway: gateway });
      const child = group.addChild("Billing", { name: "billing", resource: ResourceDefinition.dns("billing.example.com"), ports: [Port.tcp(443)] });
      const sharing = { principals: [SharePrincipal.account("222222222222")] };
      const build =
        (resourceConfiguration: typeof child | ReturnType<typeof ResourceConfiguration.fromResourceConfigurationAttributes>, id: string) => () =>
          new SharedResourceAccess(stack, id, { name: "billing", resourceConfiguration, sharing });
      expectValidationError(build(child, "Made"), "resourceConfiguration.type", '"CHILD"');
      const imported = ResourceConfiguration.fromResourceConfigurationAttributes(stack, "Imported", {
        resourceConfigurationArn: "arn:aws:vpc-lattice:us-east-1:111111111111:resourceconfiguration/rcfg-0123456789abcdef0",
        type: "CHILD",
      });
      expectValidationError(build(imported, "ImportedAccess"), "resourceConfiguration.type", '"CHILD"');
    });

    test("there is no one to share with", () => {
      expectValidationError(build({}), "sharing", "undefined");
      expectValidationError(build({ sharing: { principals: [] } }), "sharing.principals", "[]");
    });

    test("a JavaScript caller gives an account ID string as a principal, or a string for the opt-out", () => {
      expectValidationError(build({ sharing: { principals: ["222222222222" as never] } }), "sharing.principals[0]", "222222222222");
      expectValidationError(
        build({ sharing: { principals: [SharePrincipal.account("222222222222")], allowExternalPrincipals: "yes" as never } }),
        "sharing.allowExternalPrincipals",
        "yes",
      );
      expectValidationError(build({ sharing: { principals: [SharePrincipal.account("2222")] } }), "sharing.principals[0]", "2222");
    });

    test("the deprecated partner props are mixed with sharing", () => {
      expectValidationError(
        build({ sharing: { principals: [SharePrincipal.account("222222222222")] }, partnerAccountId: "222222222222" }),
        "partnerAccountId",
        "222222222222",
      );
    });

    test("the partner's provider is not a provider (an alias string): the acceptance and the endpoint would be made in the owner's account", () => {
      const partnerVpc = (stack: Parameters<typeof Vpc.fromVpcAttributes>[0]) =>
        Vpc.fromVpcAttributes(stack, "PartnerVpc", {
          vpcId: "vpc-0cccccccccccccccc",
          cidrBlock: "10.1.0.0/16",
          privateSubnets: [
            { subnetId: "subnet-0aaaaaaaaaaaaaaaa", availabilityZone: "us-east-1a" },
            { subnetId: "subnet-0bbbbbbbbbbbbbbbb", availabilityZone: "us-east-1b" },
          ],
        });
      const error = expectValidationError(
        () => {
          const { stack, gateway } = gatewayStack();
          const resourceConfiguration = new ResourceConfiguration(stack, "Host", {
            name: "build-host",
            resourceGateway: gateway,
            resource: ResourceDefinition.ipAddress("10.0.0.50"),
            ports: [Port.tcp(22)],
          });
          return new SharedResourceAccess(stack, "Access", {
            name: "build-host",
            resourceConfiguration,
            sharing: { principals: [SharePrincipal.account("222222222222")] },
            partner: { provider: "partner" as never, vpc: partnerVpc(stack), subnets: null as never },
          });
        },
        "partner.provider",
        '"partner"',
      );
      expect(error.expected).toBe("an AwsProvider (the partner account's)");
      expectValidationError(() => shared({ partnerProvider: {} as never }), "partnerProvider", "{}");
      expectValidationError(() => shared({ partnerSubnets: null as never }), "partnerSubnets", "null");
    });

    test("the configuration has no ARN (a JavaScript caller's object): the share and the endpoint would reference nothing", () => {
      const { stack } = gatewayStack();
      const error = expectValidationError(
        () =>
          new SharedResourceAccess(stack, "Access", {
            name: "build-host",
            resourceConfiguration: {} as never,
            sharing: { principals: [SharePrincipal.account("222222222222")] },
          }),
        "resourceConfiguration.resourceConfigurationArn",
        "undefined",
      );
      expect(error.expected).toContain("ResourceConfiguration.fromResourceConfigurationAttributes");
    });

    test("the partner's provider is of an account the sharing leaves out: RAM never gives it the configuration, and AWS refuses its endpoint", () => {
      const partnerSide = (account: string) => () => {
        const { stack, gateway } = gatewayStack();
        const resourceConfiguration = new ResourceConfiguration(stack, "Host", {
          name: "build-host",
          resourceGateway: gateway,
          resource: ResourceDefinition.ipAddress("10.0.0.50"),
          ports: [Port.tcp(22)],
        });
        const provider = new AwsProvider(stack, "partner", { alias: "partner", region: "us-east-1", allowedAccountIds: [account] });
        const vpc = new Vpc(stack, "PartnerVpc", {
          name: "partner",
          cidrBlock: "10.3.0.0/16",
          availabilityZones: ["us-east-1a", "us-east-1b"],
          provider,
        });
        new SharedResourceAccess(stack, "Access", {
          name: "build-host",
          resourceConfiguration,
          sharing: { principals: [SharePrincipal.account("222222222222")] },
          partner: { provider, vpc },
        });
        return synthJson(stack);
      };
      const error = expectValidationError(partnerSide("333333333333"), "provider", "333333333333");
      expect(error.constructPath).toBe("test/Access/Endpoint");
      expect(error.expected).toContain("(sharing.principals of test/Access: 222222222222)");
      expect(partnerSide("222222222222")).not.toThrow();
    });

    test("the partner's side has no VPC", () => {
      expectValidationError(
        build({ sharing: { principals: [SharePrincipal.account("222222222222")] }, partner: { provider: undefined } as never }),
        "partner.provider",
        "undefined",
      );
    });
  });
});
