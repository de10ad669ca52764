import { KEYS_ABSENT_FROM_LATTICE_REQUESTS } from "../../../core/aws-facts";
import { Rule } from "../../rule";
import { ConditionTest, policyStatementsOf } from "../policy-json";

/**
 * PN-LT7: Flags Lattice auth policy statements whose condition tests a key
 * VPC Lattice never puts in a request (`aws:SourceVpc`, `aws:SourceVpce`,
 * `aws:VpcSourceIp`), so that the statement turns against its own callers.
 */
export const LatticeAuthPolicyKeysInRequest: Rule = {
  id: "PN-LT7",
  name: "LatticeAuthPolicyKeysInRequest",
  severity: "HIGH",
  explanation:
    "VPC Lattice requests carry no aws:SourceVpc, aws:SourceVpce or aws:VpcSourceIp (AWS adds them only to requests made through a VPC endpoint). A condition that needs such a key never matches: an Allow conditioned on it lets no one in, and a Deny with a negated operator on it (StringNotEquals ...) denies every caller. terraform validate and the apply accept the policy; the callers get 403.",
  fix: "Test vpc-lattice-svcs:SourceVpc (the client's VPC) or vpc-lattice-svcs:SourceVpcOwnerAccount instead, or use the ...IfExists operator when the key is meant to be optional.",
  resourceTypes: ["aws_vpclattice_auth_policy"],
  check: (policy, stack) =>
    (policyStatementsOf(stack, policy) ?? []).flatMap((statement) =>
      statement.conditions
        .filter((test) => KEYS_ABSENT_FROM_LATTICE_REQUESTS[test.key.toLowerCase()] !== undefined)
        .flatMap((test) => {
          const effect = turnsAgainstCallers(test, statement.allows);
          if (effect === undefined) return [];
          const instead = KEYS_ABSENT_FROM_LATTICE_REQUESTS[test.key.toLowerCase()];
          return [
            `${effect}: its ${test.operator} on ${test.key}, which a VPC Lattice request never carries, ${statement.allows ? "never matches" : "always matches"}; use ${instead}`,
          ];
        }),
    ),
};

/**
 * What a condition on an absent key does to the statement (IAM's rules for a
 * key missing from the request): a positive operator, or any `ForAnyValue:`
 * one, is false, so an Allow never applies; a negated operator (`...Not...`)
 * without `IfExists`, or a `ForAllValues:` one, is true, so a Deny always
 * applies. `IfExists` and `Null` operators are written for absent keys.
 */
function turnsAgainstCallers(test: ConditionTest, allows: boolean): string | undefined {
  const [qualifier, base] = test.operator.includes(":") ? test.operator.split(":", 2) : ["", test.operator];
  if (/IfExists$/i.test(base) || /^Null$/i.test(base)) return undefined;
  const matchesWhenAbsent = qualifier.toLowerCase() === "forallvalues" || (qualifier.toLowerCase() !== "foranyvalue" && /Not/.test(base));
  if (allows && !matchesWhenAbsent) return "an Allow lets no one in";
  if (!allows && matchesWhenAbsent) return "a Deny denies every caller";
  return undefined;
}
