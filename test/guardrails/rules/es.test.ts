import { TerraformStack } from "cdktf";
import { VpcEndpointService } from "@cdktf/provider-aws/lib/vpc-endpoint-service";
import { VpcEndpointServiceAllowedPrincipal } from "@cdktf/provider-aws/lib/vpc-endpoint-service-allowed-principal";
import { EndpointServiceAcceptanceRequired, EndpointServiceNoWildcardPrincipal } from "../../../modules/guardrails";
import { ruleCases } from "../rule-cases";

const NLB = "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/net/api/0123456789abcdef";
const service = (stack: TerraformStack, config: Partial<ConstructorParameters<typeof VpcEndpointService>[2]> = {}) =>
  new VpcEndpointService(stack, "Service", { acceptanceRequired: true, networkLoadBalancerArns: [NLB], ...config });

ruleCases(EndpointServiceAcceptanceRequired, {
  compliant: [{ name: "acceptance required", build: (s) => service(s) }],
  nonCompliant: [
    {
      name: "acceptance off",
      on: "aws_vpc_endpoint_service",
      message: "acceptance_required is false",
      build: (s) => service(s, { acceptanceRequired: false }),
    },
    {
      name: 'acceptance off written as the string "false" (Terraform converts it)',
      on: "aws_vpc_endpoint_service",
      message: "acceptance_required is false",
      build: (s) => service(s).addOverride("acceptance_required", "false"),
    },
  ],
});

ruleCases(EndpointServiceNoWildcardPrincipal, {
  compliant: [
    { name: "one account", build: (s) => service(s, { allowedPrincipals: ["arn:aws:iam::222222222222:root"] }) },
    {
      name: "allowed principal resource for one account",
      build: (s) =>
        new VpcEndpointServiceAllowedPrincipal(s, "Principal", {
          vpcEndpointServiceId: service(s).id,
          principalArn: "arn:aws:iam::222222222222:root",
        }),
    },
  ],
  nonCompliant: [
    { name: "* in allowed_principals", on: "aws_vpc_endpoint_service", message: '"*"', build: (s) => service(s, { allowedPrincipals: ["*"] }) },
    {
      name: "* in aws_vpc_endpoint_service_allowed_principal",
      on: "aws_vpc_endpoint_service_allowed_principal",
      message: "every AWS account",
      build: (s) => new VpcEndpointServiceAllowedPrincipal(s, "Principal", { vpcEndpointServiceId: service(s).id, principalArn: "*" }),
    },
  ],
});
