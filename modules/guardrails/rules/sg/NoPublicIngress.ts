import { RECORDED_OPT_OUTS } from "../../../core/opt-out";
import { Rule } from "../../rule";
import { openRules, SECURITY_GROUP_RULE_TYPES } from "./rule-views";

/** PN-SG3: Flags ingress from 0.0.0.0/0 or ::/0, or from ranges of one group that together cover every address (checkov CKV_AWS_24/25/260/277, trivy AWS-0107). */
export const NoPublicIngress: Rule = {
  id: "PN-SG3",
  name: "NoPublicIngress",
  severity: "HIGH",
  explanation:
    "Ingress from 0.0.0.0/0 or ::/0 admits the whole internet wherever a route exists, and any address in peered or connected networks; private workloads should name their clients.",
  fix: "Use the VPC CIDR, a client security group, or a managed prefix list (for VPC Lattice: com.amazonaws.<region>.vpc-lattice).",
  equivalents: {
    checkov: ["CKV_AWS_24", "CKV_AWS_25", "CKV_AWS_260", "CKV_AWS_277"],
    trivy: ["AWS-0107"],
    securityHub: ["EC2.13", "EC2.14", "EC2.18", "EC2.19"],
  },
  optOuts: [RECORDED_OPT_OUTS.internetWideRules],
  resourceTypes: SECURITY_GROUP_RULE_TYPES,
  check: (resource, stack) => openRules(resource, "ingress", stack),
};
