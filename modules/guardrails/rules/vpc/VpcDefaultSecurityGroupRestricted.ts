import { RECORDED_OPT_OUTS } from "../../../core/opt-out";
import { blockList } from "../../model";
import { Rule } from "../../rule";

/** PN-VPC1: Flags VPCs whose default security group keeps rules. */
export const VpcDefaultSecurityGroupRestricted: Rule = {
  id: "PN-VPC1",
  name: "VpcDefaultSecurityGroupRestricted",
  severity: "MEDIUM",
  explanation:
    "Every VPC gets a default security group that admits all traffic from its members and allows all egress; an endpoint, gateway or instance placed in it by omission is open. Managing it without rules closes that door.",
  fix: "Adopt the group with an aws_default_security_group without ingress or egress blocks (the Vpc construct of this library does so unless keepDefaultSecurityGroupRules says why not).",
  equivalents: { checkov: ["CKV2_AWS_12"], securityHub: ["EC2.2"] },
  optOuts: [RECORDED_OPT_OUTS.defaultSecurityGroupRules],
  resourceTypes: ["aws_vpc"],
  check: (vpc, stack) => {
    const defaultGroups = stack.resources("aws_default_security_group").filter((g) => stack.refersTo(g.config.vpc_id, vpc));
    if (defaultGroups.length === 0) return ["the VPC's default security group is not managed, so it keeps AWS's allow-all rules"];
    const withRules = defaultGroups.filter((g) => blockList(g.config.ingress).length > 0 || blockList(g.config.egress).length > 0);
    return withRules.length > 0 ? ["the VPC's default security group is managed with ingress or egress rules"] : [];
  },
};
