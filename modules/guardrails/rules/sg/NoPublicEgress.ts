import { RECORDED_OPT_OUTS } from "../../../core/opt-out";
import { Rule } from "../../rule";
import { openRules, SECURITY_GROUP_RULE_TYPES } from "./rule-views";

/** PN-SG4: Flags egress to 0.0.0.0/0 or ::/0, or to ranges of one group that together cover every address (checkov CKV_AWS_382, trivy AWS-0104). */
export const NoPublicEgress: Rule = {
  id: "PN-SG4",
  name: "NoPublicEgress",
  severity: "MEDIUM",
  explanation:
    "Egress to 0.0.0.0/0 or ::/0 lets a compromised workload send data anywhere a route leads; in a private VPC the destinations (endpoints, Lattice, peers) are known.",
  fix: "Allow egress to the endpoint security group, the VPC CIDR or a managed prefix list (the S3/DynamoDB gateway prefix lists, VPC Lattice) instead.",
  equivalents: { checkov: ["CKV_AWS_382"], trivy: ["AWS-0104"] },
  optOuts: [RECORDED_OPT_OUTS.internetWideRules],
  resourceTypes: SECURITY_GROUP_RULE_TYPES,
  check: (resource, stack) => openRules(resource, "egress", stack),
};
