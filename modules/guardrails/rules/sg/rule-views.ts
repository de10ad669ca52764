import { cidrsCoverAddressSpace, isAnyAddressCidr, parseCidr } from "../../../core/addresses";
import { blockList, isUnknown, literalBool, StackModel, TfBlock } from "../../model";

/** Resource types that carry security-group rules, inline or one per resource. */
export const SECURITY_GROUP_RULE_TYPES = [
  "aws_security_group",
  // The VPC's default group takes the same inline ingress and egress blocks.
  "aws_default_security_group",
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
  /** Protocol and port range, as written. */
  readonly protocol: unknown;
  readonly fromPort: unknown;
  readonly toPort: unknown;
}

export function securityGroupRules(resource: TfBlock): RuleView[] {
  const c = resource.config;
  switch (resource.type) {
    case "aws_security_group":
    case "aws_default_security_group":
      return (["ingress", "egress"] as const).flatMap((direction) =>
        blockList(c[direction]).map((r) => ({
          direction,
          description: r.description,
          cidrs: [...list(r.cidr_blocks), ...list(r.ipv6_cidr_blocks)],
          prefixListIds: list(r.prefix_list_ids),
          securityGroups: [...list(r.security_groups), ...(literalBool(r.self) === true ? ["self"] : [])],
          owner: resource,
          label: label(r.protocol, r.from_port, r.to_port),
          protocol: r.protocol,
          fromPort: r.from_port,
          toPort: r.to_port,
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
          protocol: c.protocol,
          fromPort: c.from_port,
          toPort: c.to_port,
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
          protocol: c.ip_protocol,
          fromPort: c.from_port,
          toPort: c.to_port,
        },
      ];
  }
}

/**
 * Messages for the rules of one direction that reach any address: a rule
 * with 0.0.0.0/0 or ::/0, and a rule whose CIDRs, with those of the same
 * group's rules that open at least its ports (inline or separate resources),
 * cover every address of a family (0.0.0.0/1 plus 128.0.0.0/1).
 */
export function openRules(resource: TfBlock, direction: "ingress" | "egress", stack: StackModel): string[] {
  const own = securityGroupRules(resource).filter((r) => r.direction === direction);
  const whole = own.flatMap((r) =>
    r.cidrs
      .filter((cidr) => typeof cidr === "string" && isAnyAddressCidr(cidr))
      .map((cidr) => `${direction} ${r.label} ${direction === "ingress" ? "from" : "to"} ${cidr}`),
  );
  const peers = groupRules(resource, direction, stack);
  const together = own
    .filter((r) => !r.cidrs.some((cidr) => typeof cidr === "string" && isAnyAddressCidr(cidr)))
    .flatMap((r) => {
      const cidrs = [r, ...peers.filter((p) => p !== r && opensPortsOf(p, r))].flatMap((p) => p.cidrs).filter(isLiteralCidr);
      return (["ipv4", "ipv6"] as const).flatMap((family) => {
        const mine = r.cidrs.filter(isLiteralCidr).filter((cidr) => parseCidr(cidr)?.family === family);
        if (mine.length === 0 || !cidrsCoverAddressSpace(cidrs, family)) return [];
        return [
          `${direction} ${r.label} ${direction === "ingress" ? "from" : "to"} ${mine.join(", ")}: with the group's other ${direction} rules, every ${family === "ipv4" ? "IPv4" : "IPv6"} address`,
        ];
      });
    });
  return [...whole, ...together];
}

/** The rules of one direction of the group a resource's rules belong to: its inline rules and the separate rule resources that name it. */
function groupRules(resource: TfBlock, direction: "ingress" | "egress", stack: StackModel): RuleView[] {
  const own = securityGroupRules(resource).filter((r) => r.direction === direction);
  const key = own.length === 0 ? undefined : ownerKey(own[0], stack);
  if (key === undefined) return own;
  return stack
    .resources(...SECURITY_GROUP_RULE_TYPES)
    .flatMap(securityGroupRules)
    .filter((r) => r.direction === direction && ownerKey(r, stack) === key);
}

/** The group a rule belongs to, as one key: the group's address, or a literal sg- ID; undefined when only Terraform knows it. */
function ownerKey(rule: RuleView, stack: StackModel): string | undefined {
  if (rule.owner !== null && typeof rule.owner === "object") return (rule.owner as TfBlock).address;
  const groups = stack.referencedBlocks(rule.owner).filter((b) => b.type === "aws_security_group" || b.type === "aws_default_security_group");
  if (groups.length === 1) return groups[0].address;
  return typeof rule.owner === "string" && !isUnknown(rule.owner) ? `id:${rule.owner}` : undefined;
}

/** Protocol numbers the provider also accepts by name. */
const PROTOCOL_NAMES: Readonly<Record<string, string>> = { "6": "tcp", "17": "udp", "1": "icmp", "58": "icmpv6" };

function protocolName(protocol: unknown): string {
  const text = String(protocol).toLowerCase();
  return text === "all" || text === "-1" ? "-1" : (PROTOCOL_NAMES[text] ?? text);
}

/** True when `wider` opens every port `rule` opens: all traffic, or the same protocol over a port range that holds the rule's. */
function opensPortsOf(wider: RuleView, rule: RuleView): boolean {
  const protocol = protocolName(wider.protocol);
  if (protocol === "-1") return true;
  if (protocol !== protocolName(rule.protocol)) return false;
  if (protocol !== "tcp" && protocol !== "udp") return wider.fromPort === rule.fromPort && wider.toPort === rule.toPort;
  const [from, to, ruleFrom, ruleTo] = [wider.fromPort, wider.toPort, rule.fromPort, rule.toPort].map(Number);
  return [from, to, ruleFrom, ruleTo].every(Number.isInteger) && from <= ruleFrom && ruleTo <= to;
}

function isLiteralCidr(cidr: unknown): cidr is string {
  return typeof cidr === "string" && !isUnknown(cidr) && parseCidr(cidr) !== undefined;
}

function list(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function label(protocol: unknown, from: unknown, to: unknown): string {
  if (protocol === "-1" || protocol === -1 || protocol === "all") return "all traffic";
  return from === to || to === undefined ? `${protocol} ${from}` : `${protocol} ${from}-${to}`;
}

/**
 * The groups of `groupIds` (a resource's security_group_ids, and the IDs
 * that associations add) when every one is a group of the stack and none
 * has an ingress rule, inline or one per resource: the network interfaces
 * they guard admit nobody. Undefined when some group admits someone, or is
 * not a group of the stack (an imported ID, a variable), whose rules only
 * AWS knows.
 */
export function groupsAdmittingNobody(stack: StackModel, groupIds: readonly unknown[]): TfBlock[] | undefined {
  if (groupIds.length === 0) return undefined;
  const groups: TfBlock[] = [];
  for (const id of groupIds) {
    const referenced = stack.referencedBlocks(id).filter((b) => b.type === "aws_security_group");
    if (referenced.length !== 1) return undefined;
    groups.push(referenced[0]);
  }
  const keys = new Set(groups.map((g) => g.address));
  const ingress = stack
    .resources(...SECURITY_GROUP_RULE_TYPES)
    .flatMap(securityGroupRules)
    .some((rule) => {
      if (rule.direction !== "ingress") return false;
      const key = ownerKey(rule, stack);
      // A rule whose group only Terraform knows may be one of these: they may admit someone.
      return key === undefined || keys.has(key);
    });
  return ingress ? undefined : [...new Map(groups.map((g) => [g.address, g])).values()];
}
