import { AwsService, EndpointPolicy, exportEndpointOutputs, InterfaceEndpoint } from "../../modules/endpoints";
import { Flows } from "../../modules/flows";
import { EndpointService } from "../../modules/privatelink";
import { exampleStack } from "../example-stack";
import { EXAMPLE_ORGANIZATION_ID, exampleVpc, OWNER_ACCOUNT } from "../example-values";

const APP = { arn: `arn:aws:iam::${OWNER_ACCOUNT}:role/orders-app`, organizationId: EXAMPLE_ORGANIZATION_ID };
const ORDERS_POD_ROLE = `arn:aws:iam::${OWNER_ACCOUNT}:role/orders-pod`;
/** A role of an account outside the organization. */
const FOREIGN_ROLE = "arn:aws:iam::999999999999:role/collector";

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
  exportEndpointOutputs(stack, "sts_endpoint", sts);
  // The provider accepts the connection of partner_api_endpoint_id.
  exportEndpointOutputs(stack, "partner_api_endpoint", partner);

  Flows.of(stack)
    .allow("app-assumes-org-role-through-sts", {
      from: { vpc, principal: APP },
      to: { dnsName: "sts.us-east-1.amazonaws.com", request: { action: "sts:AssumeRole", resource: `arn:aws:iam::${OWNER_ACCOUNT}:role/reader` } },
      description: "SDKs resolve STS's regional name to the endpoint (private DNS); a principal of the organization passes its policy",
    })
    .allow("pod-web-identity-into-org-role", {
      from: { vpc, principal: { anonymous: true } },
      to: {
        dnsName: "sts.us-east-1.amazonaws.com",
        request: { action: "sts:AssumeRoleWithWebIdentity", resource: ORDERS_POD_ROLE, resourceOrganizationId: EXAMPLE_ORGANIZATION_ID },
      },
      description: "EKS IRSA: the token exchange is signed by no IAM principal, so the policy admits it by the role's organization",
    })
    .deny("web-identity-into-foreign-role", {
      from: { vpc, principal: { anonymous: true } },
      to: {
        dnsName: "sts.us-east-1.amazonaws.com",
        request: { action: "sts:AssumeRoleWithWebIdentity", resource: FOREIGN_ROLE, resourceOrganizationId: "o-zzzzzzzzzz" },
      },
      reason: "aws:ResourceOrgID",
      description: "a token exchanged for a role of another organization would carry data out",
    })
    .deny("foreign-credentials-through-sts", {
      from: { vpc, principal: FOREIGN_ROLE },
      to: { dnsName: "sts.us-east-1.amazonaws.com", request: { action: "sts:AssumeRole", resource: FOREIGN_ROLE } },
      reason: "aws:PrincipalOrgID",
      description: "credentials of another organization cannot use the endpoint",
    })
    .allow("app-reaches-partner-api", {
      from: vpc,
      to: { target: partner, port: 443 },
      description: "the partner's endpoint service, through the endpoint's generated name",
    })
    .deny("partner-api-on-another-port", {
      from: vpc,
      to: { target: partner, port: 8443 },
      reason: "has no ingress from 10.0.0.0/24, 10.0.1.0/24 on tcp 8443",
      description: "the endpoint's group opens only the service's port",
    });
});
