import { isAnyAddressCidr } from "../../../core/addresses";
import { blockList, literalBool, TfBlock } from "../../model";

/** Resource types that carry security-group rules, inline or one per resource. */
export const SECURITY_GROUP_RULE_TYPES = [
  "aws_security_group",
  "aws_security_group_rule",
  "aws_vpc_security_group_ingress_rule",
  "aws_vpc_security_group_egress_rule",
];

/** One security-group rule, whichever of the four Terraform shapes declared it. */
export interface RuleView {
  readonly direction: "ingress" | "egress";
  readonly description: unknown;
  /** IPv4 and IPv6 CIDR sources or destinations, as written. */
  readonly cidrs: readonly unknown[];
  /** Managed prefix list IDs, as written. */
  readonly prefixListIds: readonly unknown[];
  /** Referenced security groups (or `self`), as written. */
  readonly securityGroups: readonly unknown[];
  /** The group the rule belongs to: its ID expression, or the group block for inline rules. */
  readonly owner: unknown;
  /** `tcp 443`, `all traffic`: for messages. */
  readonly label: string;
}

export function securityGroupRules(resource: TfBlock): RuleView[] {
  const c = resource.config;
  switch (resource.type) {
    case "aws_security_group":
      return (["ingress", "egress"] as const).flatMap((direction) =>
        blockList(c[direction]).map((r) => ({
          direction,
          description: r.description,
          cidrs: [...list(r.cidr_blocks), ...list(r.ipv6_cidr_blocks)],
          prefixListIds: list(r.prefix_list_ids),
          securityGroups: [...list(r.security_groups), ...(literalBool(r.self) === true ? ["self"] : [])],
          owner: resource,
          label: label(r.protocol, r.from_port, r.to_port),
        })),
      );
    case "aws_security_group_rule":
      return [
        {
          direction: c.type === "egress" ? "egress" : "ingress",
          description: c.description,
          cidrs: [...list(c.cidr_blocks), ...list(c.ipv6_cidr_blocks)],
          prefixListIds: list(c.prefix_list_ids),
          securityGroups: [...list(c.source_security_group_id), ...(literalBool(c.self) === true ? ["self"] : [])],
          owner: c.security_group_id,
          label: label(c.protocol, c.from_port, c.to_port),
        },
      ];
    default:
      return [
        {
          direction: resource.type === "aws_vpc_security_group_egress_rule" ? "egress" : "ingress",
          description: c.description,
          cidrs: [...list(c.cidr_ipv4), ...list(c.cidr_ipv6)],
          prefixListIds: list(c.prefix_list_id),
          securityGroups: list(c.referenced_security_group_id),
          owner: c.security_group_id,
          label: label(c.ip_protocol, c.from_port, c.to_port),
        },
      ];
  }
}

/** Messages for the rules of one direction that reach any address. */
export function openRules(resource: TfBlock, direction: "ingress" | "egress"): string[] {
  return securityGroupRules(resource)
    .filter((r) => r.direction === direction)
    .flatMap((r) =>
      r.cidrs
        .filter((cidr) => typeof cidr === "string" && isAnyAddressCidr(cidr))
        .map((cidr) => `${direction} ${r.label} ${direction === "ingress" ? "from" : "to"} ${cidr}`),
    );
}

function list(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function label(protocol: unknown, from: unknown, to: unknown): string {
  if (protocol === "-1" || protocol === -1 || protocol === "all") return "all traffic";
  return from === to || to === undefined ? `${protocol} ${from}` : `${protocol} ${from}-${to}`;
}
