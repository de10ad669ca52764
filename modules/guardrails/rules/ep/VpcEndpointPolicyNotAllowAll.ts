import { RECORDED_OPT_OUTS } from "../../../core/opt-out";
import { Rule } from "../../rule";
import { policyStatementsOf } from "../policy-json";

/** PN-EP3: Flags endpoint policies with an unconditional Allow of every action on every resource to Principal "*". */
export const VpcEndpointPolicyNotAllowAll: Rule = {
  id: "PN-EP3",
  name: "VpcEndpointPolicyNotAllowAll",
  severity: "HIGH",
  explanation:
    "A policy statement that allows every principal every action on every resource without a condition is the allow-all default written out: it documents intent but restricts nothing.",
  fix: "Narrow the statement: name the actions and resources, or add a condition such as aws:PrincipalOrgID or aws:ResourceOrgID.",
  // Both carry the document in `policy`: inline on the endpoint, or a separate aws_vpc_endpoint_policy.
  optOuts: [RECORDED_OPT_OUTS.allowAllEndpointPolicy],
  resourceTypes: ["aws_vpc_endpoint", "aws_vpc_endpoint_policy"],
  check: (resource, stack) =>
    (policyStatementsOf(stack, resource) ?? [])
      .filter((s) => s.allows && s.anyPrincipal && s.anyAction && s.anyResource && !s.hasCondition)
      .map(() => 'policy allows Principal "*" every action on every resource without a condition'),
};
