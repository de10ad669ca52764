import { blockList, isUnknown } from "../../model";
import { Rule } from "../../rule";
import { LOAD_BALANCER_TYPES, loadBalancerType } from "./load-balancer-facts";

export const LoadBalancerAccessLogs: Rule = {
  id: "PN-LB1",
  name: "LoadBalancerAccessLogs",
  severity: "MEDIUM",
  explanation:
    "Without access logs there is no record of who called a service behind the load balancer: incident response and PrivateLink consumer audits have nothing to read.",
  fix: "Add an access_logs block with a bucket and enabled = true (the provider defaults enabled to false even when a bucket is given).",
  equivalents: { checkov: ["CKV_AWS_91"], securityHub: ["ELB.5"] },
  resourceTypes: LOAD_BALANCER_TYPES,
  check: (lb) => {
    // Gateway load balancers have no access logs to turn on.
    if (loadBalancerType(lb) === "gateway") return [];
    const logs = blockList(lb.config.access_logs)[0];
    if (logs === undefined) return ["no access_logs block"];
    return logs.enabled === true || isUnknown(logs.enabled) ? [] : ["access_logs.enabled is not true"];
  },
};
