import { RECORDED_OPT_OUTS } from "../../../core/opt-out";
import { Rule } from "../../rule";
import { policyStatementsOf } from "../policy-json";

/** PN-LT3: Flags Lattice auth policies that allow Principal "*" without a condition (or with conditions that name no key with a value). */
export const LatticeAuthPolicyNoUnconditionalAnyone: Rule = {
  id: "PN-LT3",
  name: "LatticeAuthPolicyNoUnconditionalAnyone",
  severity: "HIGH",
  explanation:
    'An auth policy statement that allows Principal "*" without a condition admits every caller, signed or anonymous, from every account: AWS_IAM auth that authorizes nothing. A condition operator without keys (StringEquals: {}), or a key without values, narrows nothing either.',
  fix: "Name the principals (accounts, roles) or add a condition such as aws:PrincipalOrgID, vpc-lattice-svcs:SourceVpc or aws:PrincipalTag.",
  optOuts: [RECORDED_OPT_OUTS.anonymousCallers],
  resourceTypes: ["aws_vpclattice_auth_policy"],
  check: (policy, stack) =>
    (policyStatementsOf(stack, policy) ?? [])
      .filter((s) => s.allows && s.anyPrincipal && !s.hasCondition)
      .map(() => 'a statement allows Principal "*" without a condition'),
};
