import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Vpc } from "../../../modules/vpc";
import { ResourceConfiguration, SharedResourceAccess, SharedResourceAccessProps } from "../../../modules/resources";
import { expectValidationError, synthJson } from "../../helpers";
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
  const partnerVpc = new Vpc(stack, "TrustedVpc", { name: "trusted", cidrBlock: "10.3.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"], provider: partnerProvider });
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
    expect(Object.values(json.resource.aws_vpc_security_group_ingress_rule)).toEqual([expect.objectContaining({ from_port: 8000, to_port: 8100, provider: "aws.trusted" })]);
  });

  test("fails when the partner account ID is malformed", () => {
    expectValidationError(() => shared({ partnerAccountId: "33333333333x" }), "partnerAccountId", '"33333333333x"');
  });
});
