import { TerraformOutput } from "cdktf";
import { AwsService, EndpointPolicy, InterfaceEndpoint } from "../../modules/endpoints";
import { EndpointService } from "../../modules/privatelink";
import { exampleStack } from "../example-stack";
import { EXAMPLE_ORGANIZATION_ID, exampleVpc } from "../example-values";

/**
 * DEP-1: the same kind of endpoint connects one VPC to an AWS service (STS,
 * with an organization-only policy and private DNS) and to a PrivateLink
 * endpoint service another account offers (no policy: AWS ignores it there;
 * the provider controls access by allowed principals and acceptance).
 */
export const dep1ServiceAndEndpointService = exampleStack("dep1-service-and-endpoint-service", ["DEP-1"], (stack) => {
  const vpc = exampleVpc(stack, "Vpc", "dep1-consumer", "10.0.0.0/16");
  const sts = new InterfaceEndpoint(stack, "Sts", {
    vpc,
    service: AwsService.STS,
    policy: EndpointPolicy.organizationOnly(EXAMPLE_ORGANIZATION_ID),
  });
  const partnerApi = EndpointService.fromServiceName(stack, "PartnerApiService", "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0", {
    ports: [443],
  });
  const partner = new InterfaceEndpoint(stack, "PartnerApi", { vpc, service: partnerApi });
  new TerraformOutput(stack, "sts_endpoint_id", { value: sts.vpcEndpointId });
  new TerraformOutput(stack, "partner_api_endpoint_id", { value: partner.vpcEndpointId, description: "The provider accepts this connection" });
  new TerraformOutput(stack, "partner_api_dns_name", { value: partner.dnsEntries.get(0).dnsName });
});
