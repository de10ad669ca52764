import { Rule } from "../../rule";
import { SECURITY_GROUP_RULE_TYPES, securityGroupRules } from "./rule-views";

/** PN-SG2: Flags security-group rules without a description (checkov CKV_AWS_23, trivy AWS-0124). */
export const SecurityGroupRuleDescription: Rule = {
  id: "PN-SG2",
  name: "SecurityGroupRuleDescription",
  severity: "LOW",
  explanation: "A rule without a description cannot be reviewed: nobody can tell whether it is still needed, or why it was opened.",
  fix: "Describe why each rule exists (SecurityGroup.addIngressRule requires a description).",
  equivalents: { checkov: ["CKV_AWS_23"], trivy: ["AWS-0124"] },
  resourceTypes: SECURITY_GROUP_RULE_TYPES,
  check: (resource) =>
    securityGroupRules(resource)
      .filter((r) => r.description === undefined || r.description === "")
      .map((r) => `${r.direction} rule ${r.label} has no description`),
};
