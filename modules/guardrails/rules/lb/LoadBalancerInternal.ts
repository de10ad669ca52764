import { isUnknown, literalBool } from "../../model";
import { Rule } from "../../rule";
import { LOAD_BALANCER_TYPES, loadBalancerType } from "./load-balancer-facts";

/**
 * PN-LB4: Flags internet-facing load balancers (trivy AWS-0053). Gateway Load
 * Balancers have no scheme (AWS refuses one), so they are not judged.
 */
export const LoadBalancerInternal: Rule = {
  id: "PN-LB4",
  name: "LoadBalancerInternal",
  severity: "HIGH",
  explanation:
    "Without internal = true the provider creates an internet-facing load balancer; services offered through PrivateLink or VPC Lattice must not also be reachable from the internet.",
  fix: "Set internal = true.",
  equivalents: { trivy: ["AWS-0053"] },
  resourceTypes: LOAD_BALANCER_TYPES,
  check: (lb) => {
    if (loadBalancerType(lb) === "gateway") return [];
    const internal = lb.config.internal;
    return literalBool(internal) === true || isUnknown(internal)
      ? []
      : [`internal is ${internal === undefined ? "not set (internet-facing)" : String(internal)}`];
  },
};
