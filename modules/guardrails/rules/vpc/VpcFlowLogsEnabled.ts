import { RECORDED_OPT_OUTS } from "../../../core/opt-out";
import { Rule } from "../../rule";

/** PN-VPC2: Flags VPCs without a flow log. */
export const VpcFlowLogsEnabled: Rule = {
  id: "PN-VPC2",
  name: "VpcFlowLogsEnabled",
  severity: "MEDIUM",
  explanation:
    "Flow logs are the only record of which addresses talked to which over the VPC's network interfaces, accepted or rejected: without them an incident review cannot tell who reached an endpoint, a database or a service.",
  fix: "Add an aws_flow_log with vpc_id of the VPC (the Vpc construct of this library creates one unless flowLogs is FlowLogs.disabled(...); VpcFlowLog adds one to an imported VPC).",
  equivalents: { checkov: ["CKV2_AWS_11"], securityHub: ["EC2.6"] },
  optOuts: [RECORDED_OPT_OUTS.flowLogs],
  resourceTypes: ["aws_vpc"],
  check: (vpc, stack) =>
    stack.resources("aws_flow_log").some((log) => stack.refersTo(log.config.vpc_id, vpc)) ? [] : ["the VPC has no aws_flow_log"],
};
