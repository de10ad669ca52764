import { blockList, isUnknown, literalBool, StackModel, TfBlock } from "../../model";
import { Rule } from "../../rule";
import { LOAD_BALANCER_TYPES, loadBalancerType } from "./load-balancer-facts";

/** Listener protocols a network load balancer writes no access log entry for. */
const UNLOGGED_NLB_PROTOCOLS = ["TCP", "UDP", "TCP_UDP"];

/** PN-LB1: Flags load balancers without access logs, where AWS would write some (checkov CKV_AWS_91, Security Hub ELB.5). */
export const LoadBalancerAccessLogs: Rule = {
  id: "PN-LB1",
  name: "LoadBalancerAccessLogs",
  severity: "MEDIUM",
  explanation:
    "Without access logs there is no record of who called a service behind the load balancer: incident response and PrivateLink consumer audits have nothing to read. Network load balancers log TLS listeners only, so one whose listeners in the stack are all TCP/UDP is exempt (checkov's CKV_AWS_91 flags it anyway).",
  fix: "Add an access_logs block with a bucket and enabled = true (the provider defaults enabled to false even when a bucket is given).",
  equivalents: { checkov: ["CKV_AWS_91"], securityHub: ["ELB.5"] },
  resourceTypes: LOAD_BALANCER_TYPES,
  check: (lb, stack) => {
    const type = loadBalancerType(lb);
    // Gateway load balancers have no access logs to turn on.
    if (type === "gateway" || (type === "network" && onlyUnloggedListeners(lb, stack))) return [];
    const logs = blockList(lb.config.access_logs)[0];
    if (logs === undefined) return ["no access_logs block"];
    return literalBool(logs.enabled) === true || isUnknown(logs.enabled) ? [] : ["access_logs.enabled is not true"];
  },
};

function onlyUnloggedListeners(lb: TfBlock, stack: StackModel): boolean {
  const protocols = stack
    .resources("aws_lb_listener", "aws_alb_listener")
    .filter((listener) => stack.refersTo(listener.config.load_balancer_arn, lb))
    .map((listener) => listener.config.protocol);
  return protocols.length > 0 && protocols.every((p) => typeof p === "string" && UNLOGGED_NLB_PROTOCOLS.includes(p));
}
