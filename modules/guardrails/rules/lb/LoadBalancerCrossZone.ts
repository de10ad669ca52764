import { isUnknown, literalBool } from "../../model";
import { Rule } from "../../rule";
import { LOAD_BALANCER_TYPES, loadBalancerType } from "./load-balancer-facts";

/** PN-LB3: Flags network and gateway load balancers without cross-zone load balancing (checkov CKV_AWS_152). */
export const LoadBalancerCrossZone: Rule = {
  id: "PN-LB3",
  name: "LoadBalancerCrossZone",
  severity: "LOW",
  explanation:
    "Network and gateway load balancers keep traffic in the zone it arrived in unless cross-zone is on: an endpoint in a zone without healthy targets fails although other zones have capacity.",
  fix: "Set enable_cross_zone_load_balancing = true on network and gateway load balancers (application load balancers always balance across zones).",
  equivalents: { checkov: ["CKV_AWS_152"] },
  resourceTypes: LOAD_BALANCER_TYPES,
  check: (lb) => {
    const type = loadBalancerType(lb);
    if (type !== "network" && type !== "gateway") return [];
    const crossZone = lb.config.enable_cross_zone_load_balancing;
    return literalBool(crossZone) === true || isUnknown(crossZone) ? [] : [`enable_cross_zone_load_balancing is not true on a ${type} load balancer`];
  },
};
