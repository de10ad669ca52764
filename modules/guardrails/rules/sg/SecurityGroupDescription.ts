import { isUnknown } from "../../model";
import { Rule } from "../../rule";

/** What the provider writes when `description` is absent. */
const PROVIDER_DEFAULT_DESCRIPTION = "Managed by Terraform";

/** PN-SG1: Flags security groups without a real description (checkov CKV_AWS_23, trivy AWS-0099). */
export const SecurityGroupDescription: Rule = {
  id: "PN-SG1",
  name: "SecurityGroupDescription",
  severity: "LOW",
  explanation:
    "A security group's description is the only place the console and audits show what it protects; it cannot be changed without replacing the group, so it must be right at creation.",
  fix: "Give the group a description of what it protects (the SecurityGroup construct requires one).",
  equivalents: { checkov: ["CKV_AWS_23"], trivy: ["AWS-0099"] },
  resourceTypes: ["aws_security_group"],
  check: (group) => {
    const description = group.config.description;
    if (isUnknown(description)) return [];
    return description === undefined || description === "" || description === PROVIDER_DEFAULT_DESCRIPTION
      ? [
          `description is ${description === undefined ? `not set (the provider writes "${PROVIDER_DEFAULT_DESCRIPTION}")` : JSON.stringify(description)}`,
        ]
      : [];
  },
};
