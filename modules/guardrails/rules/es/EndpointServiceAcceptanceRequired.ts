import { literalBool } from "../../model";
import { Rule } from "../../rule";

/** PN-ES1: Flags endpoint services with acceptance_required = false (checkov CKV_AWS_123). */
export const EndpointServiceAcceptanceRequired: Rule = {
  id: "PN-ES1",
  name: "EndpointServiceAcceptanceRequired",
  severity: "MEDIUM",
  explanation:
    "Without acceptance, every allowed principal connects the moment it creates an endpoint: nobody reviews which VPC is being connected to the service.",
  fix: "Set acceptance_required = true (the EndpointService default) and accept connections explicitly or with aws_vpc_endpoint_connection_accepter.",
  equivalents: { checkov: ["CKV_AWS_123"] },
  resourceTypes: ["aws_vpc_endpoint_service"],
  check: (service) => (literalBool(service.config.acceptance_required) === false ? ["acceptance_required is false"] : []),
};
