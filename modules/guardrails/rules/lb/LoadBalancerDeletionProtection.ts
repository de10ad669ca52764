import { isUnknown, literalBool } from "../../model";
import { Rule } from "../../rule";
import { LOAD_BALANCER_TYPES } from "./load-balancer-facts";

/** PN-LB2: Flags load balancers without deletion protection (checkov CKV_AWS_150, Security Hub ELB.6). */
export const LoadBalancerDeletionProtection: Rule = {
  id: "PN-LB2",
  name: "LoadBalancerDeletionProtection",
  severity: "LOW",
  explanation:
    "A load balancer behind an endpoint service or a Lattice target is what consumers' endpoints point at; deleting it by mistake breaks every consumer at once, and recreating it changes its ARN.",
  fix: "Set enable_deletion_protection = true (and turn it off deliberately before a planned teardown).",
  equivalents: { checkov: ["CKV_AWS_150"], securityHub: ["ELB.6"] },
  resourceTypes: LOAD_BALANCER_TYPES,
  check: (lb) => {
    const protection = lb.config.enable_deletion_protection;
    return literalBool(protection) === true || isUnknown(protection) ? [] : ["enable_deletion_protection is not true"];
  },
};
