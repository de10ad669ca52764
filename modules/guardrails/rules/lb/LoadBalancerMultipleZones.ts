import { blockList, literalList } from "../../model";
import { Rule } from "../../rule";
import { LOAD_BALANCER_TYPES } from "./load-balancer-facts";

/** PN-LB5: Flags load balancers in fewer than two subnets (Security Hub ELB.13). */
export const LoadBalancerMultipleZones: Rule = {
  id: "PN-LB5",
  name: "LoadBalancerMultipleZones",
  severity: "MEDIUM",
  explanation:
    "A load balancer in one subnet (one availability zone) fails with that zone, taking down every endpoint and Lattice target group that depends on it.",
  fix: "Give the load balancer subnets (or subnet_mapping blocks) in at least two availability zones.",
  equivalents: { securityHub: ["ELB.13"] },
  resourceTypes: LOAD_BALANCER_TYPES,
  check: (lb) => {
    const subnets = literalList(lb.config.subnets);
    // A computed list (for example a splat of subnets) has a length only Terraform knows.
    if (subnets === undefined) return [];
    const count = subnets.length + blockList(lb.config.subnet_mapping).length;
    return count >= 2 ? [] : [`${count} subnet(s): the load balancer lives in at most one availability zone`];
  },
};
