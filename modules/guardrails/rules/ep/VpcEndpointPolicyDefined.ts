import { RECORDED_OPT_OUTS } from "../../../core/opt-out";
import { isUnknown } from "../../model";
import { Rule } from "../../rule";
import { endpointPolicies, endpointType, isAwsServiceName } from "./endpoint-facts";

/** PN-EP2: Flags Interface and Gateway endpoints to AWS services that have no endpoint policy (the allow-all default applies). */
export const VpcEndpointPolicyDefined: Rule = {
  id: "PN-EP2",
  name: "VpcEndpointPolicyDefined",
  severity: "MEDIUM",
  explanation:
    "An endpoint to an AWS service without a policy gets the default policy, which allows every action on every resource of the service (any account's buckets, tables, keys): a path for data exfiltration that bypasses the network perimeter.",
  fix: 'Give the endpoint a policy that names the actions and resources (or aws:ResourceOrgID / aws:PrincipalOrgID conditions) the VPC needs; keep the default on purpose with EndpointPolicy.allowAll(OptOut.because("<why>")) (accepted with that reason), or suppress for services that do not support endpoint policies.',
  optOuts: [RECORDED_OPT_OUTS.allowAllEndpointPolicy],
  resourceTypes: ["aws_vpc_endpoint"],
  check: (endpoint, stack) => {
    const type = endpointType(endpoint);
    if (isUnknown(type) || (type !== "Interface" && type !== "Gateway")) return [];
    if (!isAwsServiceName(endpoint.config.service_name)) return [];
    if (endpointPolicies(endpoint, stack).length > 0) return [];
    return [`${type} endpoint to ${endpoint.config.service_name} has no policy (AWS applies the allow-all default)`];
  },
};
