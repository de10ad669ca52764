import { PrivateNetworkingStack } from "../../modules/app";
import { PolicyPrincipal, PolicyStatement } from "../../modules/core";
import { AwsService, EndpointPolicy, GatewayEndpoint, InterfaceEndpoint } from "../../modules/endpoints";
import { expectFlow } from "../../modules/flows";
import { Vpc } from "../../modules/vpc";
import { testApp } from "../helpers";

/**
 * `aws:VpcSourceIp`: the client's private address, which AWS puts on every
 * request made through a VPC endpoint (interface or gateway), so that an
 * endpoint or bucket policy can admit some subnets of a VPC only. A
 * condition on it holds for a flow when it holds for every address of the
 * client's ranges (its subnets, or the one subnet given).
 */

const ROLE = { arn: "arn:aws:iam::111111111111:role/app", organizationId: "o-a1b2c3d4e5" };
const KEY = "arn:aws:kms:us-east-1:111111111111:key/11111111-2222-3333-4444-555555555555";
const DECRYPT = { dnsName: "kms.us-east-1.amazonaws.com", request: { action: "kms:Decrypt", resource: KEY } };
const GET = { dnsName: "app-data.s3.us-east-1.amazonaws.com", request: { action: "s3:GetObject", resource: "arn:aws:s3:::app-data/k" } };

const fromRanges = (actions: string[], ...ranges: string[]) =>
  EndpointPolicy.fromStatements(
    new PolicyStatement({
      sid: "FromTheseRanges",
      actions,
      resources: ["*"],
      principals: [PolicyPrincipal.anyone()],
      conditions: { IpAddress: { "aws:VpcSourceIp": ranges } },
    }),
  );

function stackWith(build: (s: PrivateNetworkingStack, vpc: Vpc) => void) {
  const s = new PrivateNetworkingStack(testApp(), "vpc-source-ip", { region: "us-east-1", accountId: "111111111111" });
  const vpc = new Vpc(s, "App", { name: "app", cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
  build(s, vpc);
  return { s, vpc };
}

describe("aws:VpcSourceIp in endpoint policies", () => {
  test("a condition on the VPC's range admits the VPC's clients through an interface endpoint (it was denied: the key was never set)", () => {
    const { s, vpc } = stackWith(
      (s, vpc) => new InterfaceEndpoint(s, "Kms", { vpc, service: AwsService.KMS, policy: fromRanges(["kms:Decrypt"], "10.0.0.0/16") }),
    );
    expectFlow(s, { vpc, principal: ROLE }, DECRYPT).toBeAllowed();
  });

  test("fails when the condition admits one subnet only and the flow is from the whole VPC, or from the other subnet; the admitted subnet passes", () => {
    const { s, vpc } = stackWith(
      (s, vpc) => new InterfaceEndpoint(s, "Kms", { vpc, service: AwsService.KMS, policy: fromRanges(["kms:Decrypt"], "10.0.0.0/24") }),
    );
    expectFlow(s, { vpc, principal: ROLE }, DECRYPT).toBeDenied("aws:VpcSourceIp");
    expectFlow(s, { vpc, subnet: vpc.privateSubnets[1].subnetId, principal: ROLE }, DECRYPT).toBeDenied("aws:VpcSourceIp");
    expectFlow(s, { vpc, subnet: vpc.privateSubnets[0].subnetId, principal: ROLE }, DECRYPT).toBeAllowed();
  });

  test("a gateway endpoint's policy reads it too: both subnets listed pass, a range of another VPC fails", () => {
    const listed = stackWith(
      (s, vpc) => new GatewayEndpoint(s, "S3", { vpc, service: AwsService.S3, policy: fromRanges(["s3:GetObject"], "10.0.0.0/24", "10.0.1.0/24") }),
    );
    expectFlow(listed.s, { vpc: listed.vpc, principal: ROLE }, GET).toBeAllowed();
    const other = stackWith(
      (s, vpc) => new GatewayEndpoint(s, "S3", { vpc, service: AwsService.S3, policy: fromRanges(["s3:GetObject"], "10.9.0.0/16") }),
    );
    expectFlow(other.s, { vpc: other.vpc, principal: ROLE }, GET).toBeDenied("aws:VpcSourceIp");
  });
});
