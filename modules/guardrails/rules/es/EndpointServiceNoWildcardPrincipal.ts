import { RECORDED_OPT_OUTS } from "../../../core/opt-out";
import { Rule } from "../../rule";

/** PN-ES2: Flags endpoint services that allow principal "*". */
export const EndpointServiceNoWildcardPrincipal: Rule = {
  id: "PN-ES2",
  name: "EndpointServiceNoWildcardPrincipal",
  severity: "HIGH",
  explanation:
    'Allowing principal "*" lets any AWS account in the world discover the service and request a connection; with acceptance off, they get one.',
  fix: "List the accounts, roles or organization principals (arn:aws:iam::123456789012:root) that may connect.",
  optOuts: [RECORDED_OPT_OUTS.anyPrincipal],
  resourceTypes: ["aws_vpc_endpoint_service", "aws_vpc_endpoint_service_allowed_principal"],
  check: (resource) => {
    const principals = resource.type === "aws_vpc_endpoint_service" ? resource.config.allowed_principals : [resource.config.principal_arn];
    return Array.isArray(principals) && principals.includes("*") ? ['allowed principal is "*" (every AWS account)'] : [];
  },
};
