import { VPC_LATTICE_SOURCE_CIDRS } from "../../../core/aws-facts";
import { blockList, StackModel, TfBlock } from "../../model";
import { Rule } from "../../rule";
import { RuleView, securityGroupRules } from "../sg/rule-views";

const LATTICE_PREFIX_LIST_NAME = /^com\.amazonaws\.[a-z0-9-]+\.(ipv6\.)?vpc-lattice$/;
/** The prefix list's content, which stacks that plan offline write as literal CIDRs. */
const LATTICE_CIDRS: readonly unknown[] = Object.values(VPC_LATTICE_SOURCE_CIDRS);

/**
 * PN-LT5: Flags Lattice target security groups that admit anything other than the VPC Lattice managed prefix list.
 *
 * Heuristic: a security group is a Lattice target group's when it admits the
 * VPC Lattice managed prefix list or its literal ranges (169.254.171.0/24,
 * fd00:ec2:80::/64), so the author meant it for Lattice, or when
 * it guards an instance or load balancer registered in a Lattice target group
 * of the same stack. Such a group must admit nothing but the prefix list:
 * any other source reaches the target around Lattice's auth policies.
 * Prefix lists the stack does not define (literal pl- IDs) count as compliant.
 */
export const LatticeTargetSecurityGroups: Rule = {
  id: "PN-LT5",
  name: "LatticeTargetSecurityGroups",
  severity: "MEDIUM",
  explanation:
    "Lattice targets receive traffic from the VPC Lattice managed prefix list only; any other ingress source (a CIDR, another group) is a path to the target that bypasses the service's auth policy and access logs.",
  fix: "Admit the target port from the com.amazonaws.<region>.vpc-lattice managed prefix list (data aws_ec2_managed_prefix_list) and nothing else.",
  resourceTypes: ["aws_security_group"],
  check: (group, stack) => {
    const ingress = ingressRulesOf(group, stack);
    const latticeLists = stack.dataSources("aws_ec2_managed_prefix_list").filter(isLatticePrefixList);
    const fromLattice = (r: RuleView) =>
      r.prefixListIds.some((id) => latticeLists.some((list) => stack.refersTo(id, list))) ||
      (r.cidrs.length > 0 && r.cidrs.every((c) => LATTICE_CIDRS.includes(c)));
    const registered = registeredTargetGroups(stack).includes(group);
    if (!registered && !ingress.some(fromLattice)) return [];
    const otherSources = ingress.flatMap((r) => {
      const knownOtherLists = r.prefixListIds.filter((id) =>
        stack.referencedBlocks(id).some((b) => b.type === "aws_ec2_managed_prefix_list" && !latticeLists.includes(b)),
      );
      // A CIDR or group source is never the prefix list, whatever its (possibly computed) value.
      return [...r.cidrs.filter((c) => !LATTICE_CIDRS.includes(c)), ...r.securityGroups, ...knownOtherLists].map(
        (source) => `ingress ${r.label} from ${String(source)}`,
      );
    });
    const missing =
      registered && !ingress.some(fromLattice) ? ["guards a registered Lattice target but admits nothing from the VPC Lattice prefix list"] : [];
    return [...missing, ...otherSources.map((s) => `${s} (not the VPC Lattice prefix list)`)];
  },
};

function isLatticePrefixList(list: TfBlock): boolean {
  const names = [
    list.config.name,
    ...blockList(list.config.filter)
      .filter((f) => f.name === "prefix-list-name")
      .flatMap((f) => (Array.isArray(f.values) ? f.values : [])),
  ];
  return names.some((name) => typeof name === "string" && LATTICE_PREFIX_LIST_NAME.test(name));
}

/** The group's ingress rules: inline, and standalone rule resources that name it. */
function ingressRulesOf(group: TfBlock, stack: StackModel): RuleView[] {
  const standalone = stack
    .resources("aws_security_group_rule", "aws_vpc_security_group_ingress_rule")
    .flatMap(securityGroupRules)
    .filter((r) => stack.refersTo(r.owner, group));
  return [...securityGroupRules(group), ...standalone].filter((r) => r.direction === "ingress");
}

/** Security groups of instances and load balancers registered in a Lattice target group of the stack. */
function registeredTargetGroups(stack: StackModel): TfBlock[] {
  return stack
    .resources("aws_vpclattice_target_group_attachment")
    .flatMap((attachment) => blockList(attachment.config.target).flatMap((target) => stack.referencedBlocks(target.id)))
    .flatMap((target) => stack.referencedBlocks([target.config.vpc_security_group_ids, target.config.security_groups]))
    .filter((b) => b.type === "aws_security_group");
}
