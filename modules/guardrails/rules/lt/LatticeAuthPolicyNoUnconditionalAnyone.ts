import { RECORDED_OPT_OUTS } from "../../../core/opt-out";
import { isUnknown, StackModel, TfBlock } from "../../model";
import { Rule } from "../../rule";
import { policyStatementsOf } from "../policy-json";

/**
 * Per statement of a policy given as JSON, whether its Condition narrows
 * anything: an operator with a key that has a value. `StringEquals: {}`,
 * `Null: {}` and a key with `[]` are conditions in name only; IAM evaluates
 * nothing for them. Undefined when the document is not literal JSON (the
 * statement views' own hasCondition is used then).
 */
function narrowingConditions(stack: StackModel, block: TfBlock): boolean[] | undefined {
  const policy = stack.value(block, "policy");
  if (typeof policy !== "string" || isUnknown(policy)) return undefined;
  let document: { Statement?: unknown };
  try {
    document = JSON.parse(policy) as { Statement?: unknown };
  } catch {
    return undefined;
  }
  if (document === null || typeof document !== "object") return undefined;
  const statements = Array.isArray(document.Statement) ? document.Statement : [document.Statement];
  return statements
    .filter((s): s is Record<string, unknown> => s !== null && typeof s === "object")
    .map((s) => {
      const condition = s.Condition;
      if (condition === null || typeof condition !== "object") return false;
      return Object.values(condition).some(
        (keys) => keys !== null && typeof keys === "object" && Object.values(keys).some((v) => !Array.isArray(v) || v.length > 0),
      );
    });
}

/** PN-LT3: Flags Lattice auth policies that allow Principal "*" without a condition (or with conditions that name no key with a value). */
export const LatticeAuthPolicyNoUnconditionalAnyone: Rule = {
  id: "PN-LT3",
  name: "LatticeAuthPolicyNoUnconditionalAnyone",
  severity: "HIGH",
  explanation:
    'An auth policy statement that allows Principal "*" without a condition admits every caller, signed or anonymous, from every account: AWS_IAM auth that authorizes nothing. A condition operator without keys (StringEquals: {}), or a key without values, narrows nothing either.',
  fix: "Name the principals (accounts, roles) or add a condition such as aws:PrincipalOrgID, aws:SourceVpc or aws:PrincipalTag.",
  optOuts: [RECORDED_OPT_OUTS.anonymousCallers],
  resourceTypes: ["aws_vpclattice_auth_policy"],
  check: (policy, stack) => {
    const statements = policyStatementsOf(stack, policy) ?? [];
    const narrowing = narrowingConditions(stack, policy);
    const aligned = narrowing !== undefined && narrowing.length === statements.length;
    return statements
      .filter((s, i) => s.allows && s.anyPrincipal && !(aligned ? narrowing[i] : s.hasCondition))
      .map(() => 'a statement allows Principal "*" without a condition');
  },
};
