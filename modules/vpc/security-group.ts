import { Annotations } from "../core/cdktf";
import { Construct, IConstruct } from "constructs";
import { SecurityGroup as SecurityGroupResource } from "@cdktf/provider-aws/lib/security-group";
import { VpcPeeringConnection } from "@cdktf/provider-aws/lib/vpc-peering-connection";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import {
  AppRegistry,
  AWS_DEFAULT_QUOTAS,
  AwsResourceProps,
  checkAtSynth,
  checkBoolean,
  checkExactlyOne,
  checkInstance,
  checkKnownProps,
  checkLength,
  checkObject,
  checkOneOf,
  checkPattern,
  checkPort,
  checkResourceId,
  checkString,
  checkTags,
  cidrsCoverAddressSpace,
  formatPortRange,
  isAnyAddressCidr,
  isIpv6Cidr,
  isNetworkCidr,
  isUnresolved,
  nameFromPath,
  OptOut,
  optOutReason,
  parseCidr,
  Port,
  PortRange,
  providerOf,
  RECORDED_OPT_OUTS,
  recordOptOut,
  requireProps,
  requireValue,
  resolvedValue,
  stableId,
  ValidationError,
  VPC_LATTICE_SOURCE_CIDRS,
} from "../core";
import { Connections, IConnectable } from "./connections";
import { TransitGatewayBase } from "./transit-gateway";
import { checkIsVpc, IVpc, Vpc } from "./vpc";

/** What EC2 accepts in security group names and in group and rule descriptions: up to 255 of a-z, A-Z, 0-9, spaces and ._-:/()#,@[]+=&;{}!$* */
const DESCRIPTION_CHARACTERS = /^[A-Za-z0-9 ._\-:/()#,@[\]+=&;{}!$*]*$/;
const DESCRIPTION_EXPECTED = "letters, digits, spaces and ._-:/()#,@[]+=&;{}!$* only (EC2 refuses other characters in security group descriptions)";
const NAME_EXPECTED = "letters, digits, spaces and ._-:/()#,@[]+=&;{}!$* only (EC2 refuses other characters in security group names)";

/** A security group that rules can reference. */
export interface ISecurityGroup {
  /** Security group ID (`sg-...`). */
  readonly securityGroupId: string;
  /** ID of the group's VPC, so that validators can tell a group of another VPC. @default - unknown, the check is skipped */
  readonly vpcId?: string;
}

/**
 * Fails unless `group` is a security group (a `SecurityGroup`, one imported
 * with `SecurityGroup.fromSecurityGroupAttributes`, or an object with its
 * `securityGroupId`): a JavaScript caller's bare `sg-` ID would reach
 * Terraform as a null group ID.
 * @internal
 */
export function checkIsSecurityGroup(scope: IConstruct, prop: string, group: ISecurityGroup | undefined): ISecurityGroup | undefined {
  return checkInstance(scope, prop, group, isSecurityGroup, "new SecurityGroup(...) or SecurityGroup.fromSecurityGroupAttributes(...)");
}

function isSecurityGroup(value: unknown): value is ISecurityGroup {
  const candidate = value as Partial<ISecurityGroup> | null;
  return typeof candidate === "object" && candidate !== null && typeof candidate.securityGroupId === "string";
}

/** The other side of a security-group rule. */
export class Peer {
  /**
   * An IPv4 or IPv6 CIDR; never the whole internet (unless the group has
   * `allowInternetWideRules`). A CIDR only Terraform knows (a reference)
   * needs `options.family` when it is IPv6, and a `options.name` when one
   * group has rules for several such CIDRs.
   */
  public static cidr(cidr: string, options: CidrPeerOptions = {}): Peer {
    const unresolved = isUnresolved(cidr);
    const key =
      options.name !== undefined
        ? stableId(options.name)
        : unresolved || typeof cidr !== "string"
          ? `cidr-${options.family ?? "ipv4"}`
          : stableId(cidr);
    return new Peer(key, unresolved || typeof cidr !== "string" ? undefined : cidr, (scope, prop, anyAddressAllowed) => {
      checkString(scope, prop, cidr);
      checkOneOf(scope, `${prop}.family`, options.family, ["ipv4", "ipv6"]);
      if (!unresolved) {
        if (parseCidr(cidr) === undefined) throw new ValidationError(scope, prop, cidr, "an IPv4 or IPv6 CIDR block such as 10.0.0.0/16");
        // The family of a literal CIDR is its own: a contradicting option is a mistake about which block this is.
        const family = isIpv6Cidr(cidr) ? "ipv6" : "ipv4";
        if (options.family !== undefined && options.family !== family)
          throw new ValidationError(
            scope,
            `${prop}.family`,
            options.family,
            `${family}, the family of ${cidr} (or leave family unset for a literal CIDR)`,
          );
        if (!isNetworkCidr(cidr))
          throw new ValidationError(scope, prop, cidr, "a network address with the host bits zero (10.0.0.0/16, not 10.0.0.5/16), as AWS requires");
        if (isAnyAddressCidr(cidr) && !anyAddressAllowed) {
          throw new ValidationError(
            scope,
            prop,
            cidr,
            "a CIDR narrower than the whole internet (use the VPC CIDR or a security group), or allowInternetWideRules on the group",
          );
        }
      }
      const ipv6 = unresolved ? options.family === "ipv6" : isIpv6Cidr(cidr);
      return ipv6 ? { cidrIpv6: cidr } : { cidrIpv4: cidr };
    });
  }

  /** Members of another security group. `name` keys the rule's Terraform address. */
  public static securityGroup(group: ISecurityGroup, name: string): Peer {
    return new Peer(
      `sg-${stableId(String(name))}`,
      undefined,
      (scope, prop) => {
        checkObject(scope, prop, group);
        requireValue(scope, `${prop}.securityGroupId`, group.securityGroupId, "a security group with an ID");
        checkResourceId(scope, `${prop}.securityGroupId`, group.securityGroupId, "securityGroup");
        return { referencedSecurityGroupId: group.securityGroupId };
      },
      group,
    );
  }

  /**
   * VPC Lattice: where its traffic to targets comes from (the link-local
   * range of the `com.amazonaws.<region>.vpc-lattice` prefix list, the same
   * in every region). Targets' groups must admit it for health checks and
   * traffic; clients' CIDRs never reach targets through Lattice.
   */
  public static vpcLattice(family: "ipv4" | "ipv6" = "ipv4"): Peer {
    return Peer.cidr(VPC_LATTICE_SOURCE_CIDRS[family]);
  }

  /** A managed prefix list, such as the VPC Lattice one. `name` keys the rule's Terraform address. */
  public static prefixList(prefixListId: string, name: string): Peer {
    return new Peer(`pl-${stableId(String(name))}`, undefined, (scope, prop) => {
      checkResourceId(scope, prop, requireValue(scope, prop, prefixListId, "a managed prefix list ID such as pl-0123456789abcdef0"), "prefixList");
      return { prefixListId };
    });
  }

  /** True for a value made by one of the factories. */
  public static isPeer(value: unknown): value is Peer {
    return value instanceof Peer;
  }

  private constructor(
    /** Stable, address-safe name of the peer, part of each rule's construct ID. */
    public readonly key: string,
    /** The CIDR of a literal `Peer.cidr`, which rule sets are judged by together. */
    public readonly cidr: string | undefined,
    private readonly renderPeer: (scope: IConstruct, prop: string, anyAddressAllowed: boolean) => PeerFields,
    /** The group of a `Peer.securityGroup`, whose VPC rules naming it are judged by. @internal */
    public readonly group?: ISecurityGroup,
  ) {}

  /** @internal */
  public render(scope: IConstruct, prop: string, anyAddressAllowed = false): PeerFields {
    return this.renderPeer(scope, prop, anyAddressAllowed);
  }
}

/** Options for Peer.cidr, needed only when the CIDR is a reference resolved at apply. */
export interface CidrPeerOptions {
  /** Address family of a CIDR that is a reference. @default - from the literal CIDR, else "ipv4" */
  readonly family?: "ipv4" | "ipv6";
  /** Stable name of the peer in the rule's Terraform address. @default - the literal CIDR */
  readonly name?: string;
}

interface PeerFields {
  readonly cidrIpv4?: string;
  readonly cidrIpv6?: string;
  readonly referencedSecurityGroupId?: string;
  readonly prefixListId?: string;
}

/** One ingress or egress rule, created as its own `aws_vpc_security_group_ingress_rule`/`_egress_rule`. */
export interface SecurityGroupRule {
  /** Source (ingress) or destination (egress): a CIDR, another security group or a managed prefix list. */
  readonly peer: Peer;
  /** The ports: `Port.tcp(443)`, `Port.range(8000, 8100)`. Give ports, or the deprecated port. @default - the deprecated `port` (and `toPort`) */
  readonly ports?: PortRange;
  /** @deprecated Use ports: `Port.tcp(port)`. @default - ports */
  readonly port?: number;
  /** @deprecated Use ports: `Port.range(port, toPort)`. @default - `port` only */
  readonly toPort?: number;
  /** @default "tcp" */
  readonly protocol?: "tcp" | "udp";
  /** Why the rule exists; required, because reviewers and scanners (CKV_AWS_23) need it. */
  readonly description: string;
}

/** Whether a group's rules may, alone or together, cover the whole internet. */
interface InternetWideRules {
  /** Props that take the opt-out: `allowInternetWideRules` of SecurityGroupProps and SecurityGroupAttributes. */
  readonly allowInternetWideRules?: OptOut;
}

export interface SecurityGroupProps extends AwsResourceProps, InternetWideRules {
  /** The VPC the group belongs to (`vpc_id`); its provider is used unless `provider` is given. */
  readonly vpc: IVpc;
  /** What the group protects; shown in the console and required by CKV_AWS_23. Up to 255 characters of a-z, A-Z, 0-9, spaces and ._-:/()#,@[]+=&;{}!$* */
  readonly description: string;
  /** Up to 100 characters of a-z, A-Z, 0-9, spaces and ._-:/()#,@[]+=&;{}!$*, not starting with `sg-`. @default - Terraform generates a unique name */
  readonly namePrefix?: string;
  /**
   * Let rules of this group, alone or together, admit (or reach) every
   * address: `0.0.0.0/0`, or `0.0.0.0/1` plus `128.0.0.0/1`. Refused by
   * default, since no private network needs it; the reason is recorded on
   * the group.
   * @default - refused
   */
  readonly allowInternetWideRules?: OptOut;
  /** Tags of the group; `Name` comes from namePrefix or the construct path. @default - Name only */
  readonly tags?: Readonly<Record<string, string>>;
}

/** Attributes of a security group made elsewhere, for {@link SecurityGroup.fromSecurityGroupAttributes}. */
export interface SecurityGroupAttributes extends InternetWideRules {
  /** The group's ID (`sg-…`). */
  readonly securityGroupId: string;
  /** Its VPC's ID, so that constructs can refuse a group of another VPC. @default - unknown, those checks are skipped */
  readonly vpcId?: string;
  /** The provider (account) that owns the group: rules added here are created with it. @default - the stack's default provider */
  readonly provider?: AwsResourceProps["provider"];
  /** Let rules added here cover the whole internet, as SecurityGroupProps.allowInternetWideRules. @default - refused */
  readonly allowInternetWideRules?: OptOut;
  /**
   * Whether the group's own rules (made where the group is managed) let
   * every outbound connection out, as aws-cdk-lib's imported groups say.
   * When true, `connections` adds no egress rule to the group: neither the
   * mirror of another side's `allowFrom` (an endpoint admitting the group)
   * nor the group's own `allowTo` (whose ingress rule on the other side is
   * still added). Its egress stays with the configuration that manages it,
   * which would otherwise fight a rule added here (Terraform there, with
   * inline `egress` blocks, removes it on its next apply); `addEgressRule`
   * on it fails. The flow analysis then takes the group's egress as an
   * assumption ("made elsewhere: its own rules let ... out").
   * @default false - connections add the egress rules to the group, as for a group made here (this library's groups allow no egress until a rule is added): the traffic leaves whatever the group's own rules are, and a group that already had the rules keeps them on upgrade
   */
  readonly allowAllOutbound?: boolean;
}

/** A rule's CIDR, ports and protocol: what the internet-coverage check judges. */
interface CidrRule {
  readonly protocol: string;
  readonly from: number;
  readonly to: number;
  readonly cidr: string;
  readonly id: string;
}

/**
 * What every security group this library manages rules for can do: the
 * group created here, and a group made elsewhere imported with
 * {@link SecurityGroup.fromSecurityGroupAttributes}. Each rule is its own
 * resource, keyed by direction, protocol, ports and peer, so a rule keeps
 * its Terraform address whoever adds it. A rule AWS would take for one
 * already there (the same CIDR, group or prefix list under another name)
 * fails, as AWS refuses it at apply.
 */
export abstract class SecurityGroupBase extends Construct implements ISecurityGroup, IConnectable {
  /** True for groups whose rules this library can add (created here or imported). */
  public static isSecurityGroupBase(value: unknown): value is SecurityGroupBase {
    return value instanceof SecurityGroupBase;
  }

  public abstract readonly securityGroupId: string;
  public abstract readonly vpcId?: string;
  /**
   * True for an imported group whose own rules let everything out
   * (`allowAllOutbound`): connections add no egress rule to it.
   * @internal
   */
  public readonly allowsAllOutbound: boolean = false;
  protected abstract readonly provider?: AwsResourceProps["provider"];
  /** The reason rules may cover the whole internet; undefined when they may not. */
  protected abstract readonly internetWideReason?: string;
  private readonly cidrRules: Record<"Ingress" | "Egress", CidrRule[]> = { Ingress: [], Egress: [] };
  private readonly portRanges: Record<"Ingress" | "Egress", PortRange[]> = { Ingress: [], Egress: [] };
  private ownConnections?: Connections;

  /** This group's connections: `group.connections.allowFrom(other, Port.tcp(443), "why")`. */
  public get connections(): Connections {
    this.ownConnections ??= new Connections(this, { securityGroups: [this] });
    return this.ownConnections;
  }

  /** Allows inbound traffic from `rule.peer` on the rule's ports; fails if the same rule is already in the group, under any name. */
  public addIngressRule(rule: SecurityGroupRule): void {
    this.addRuleFor(this, "ingressRules", "Ingress", rule);
  }

  /** Allows outbound traffic to `rule.peer` on the rule's ports; fails if the same rule is already in the group, under any name. */
  public addEgressRule(rule: SecurityGroupRule): void {
    this.addRuleFor(this, "egressRules", "Egress", rule);
  }

  /**
   * The port ranges of the ingress rules added to the group through this
   * library so far (rules made elsewhere are not seen).
   * @internal
   */
  public ingressPortRanges(): readonly PortRange[] {
    return this.portRanges.Ingress;
  }

  /**
   * The port ranges of the egress rules added to the group through this
   * library so far (rules made elsewhere are not seen).
   * @internal
   */
  public egressPortRanges(): readonly PortRange[] {
    return this.portRanges.Egress;
  }

  /**
   * Adds a rule on behalf of `caller`, whose construct and `prop` errors
   * name (an endpoint's `connections.allowFrom`, not this group's `ingressRules`).
   * @internal
   */
  public addRuleFor(
    caller: IConstruct,
    prop: string,
    direction: "Ingress" | "Egress",
    rule: SecurityGroupRule,
    options: { readonly unlessPresent?: boolean } = {},
  ): void {
    checkObject(caller, prop, rule);
    requireProps(caller, rule, ["peer", "description"]);
    checkKnownProps(caller, rule, SECURITY_GROUP_RULE);
    checkInstance(caller, `${prop}.peer`, rule.peer, Peer.isPeer, "Peer.cidr, Peer.securityGroup, Peer.prefixList or Peer.vpcLattice");
    const ports = portsOf(caller, prop, rule);
    const protocol = rule.protocol ?? "tcp";
    checkOneOf(caller, `${prop}.protocol`, protocol, ["tcp", "udp"]);
    requireValue(caller, `${prop}.description`, rule.description || undefined, "a description of why the rule exists");
    checkString(caller, `${prop}.description`, rule.description);
    checkLength(caller, `${prop}.description`, rule.description, 1, 255);
    checkPattern(caller, `${prop}.description`, rule.description, DESCRIPTION_CHARACTERS, DESCRIPTION_EXPECTED);
    const range = formatPortRange(ports);
    if (direction === "Egress" && this.allowsAllOutbound)
      throw new ValidationError(
        caller,
        prop,
        `${protocol} ${range} to ${rule.peer.cidr ?? rule.peer.key}`,
        `no egress rule on ${this.node.path}, imported with allowAllOutbound: true (its own rules let everything out, and the configuration that manages them may remove a rule added here): drop the rule, or import the group with allowAllOutbound: false`,
      );
    const peer = rule.peer.render(caller, `${prop}.peer`, this.internetWideReason !== undefined);
    if (rule.peer.group !== undefined) checkReferenceAcrossVpcs(caller, `${prop}.peer`, direction, this, rule.peer.group);
    const id = `${direction}-${protocol}-${range}-${rule.peer.key}`;
    if (this.node.tryFindChild(id) !== undefined) {
      // A rule written for the caller (a VPC's CIDR standing for one of its groups) that another call wrote already: it lets the same traffic through.
      if (options.unlessPresent === true) return;
      throw new ValidationError(
        caller,
        prop,
        `${protocol} ${range} with ${rule.peer.key}`,
        `each rule once (this one is already in ${this.node.path})`,
      );
    }
    // The same rule under another ID (the peer named twice): AWS refuses the second with InvalidPermission.Duplicate at apply.
    // Keyed app-wide by the group's literal ID when it has one: one existing group imported twice (by two stacks) is one group to AWS.
    const meaning = JSON.stringify([
      isUnresolved(this.securityGroupId) ? this.node.path : this.securityGroupId,
      ruleMeaning(this, direction, protocol, ports, peer),
    ]);
    const existing = RULES_BY_MEANING.of(this).get(meaning);
    if (existing !== undefined) {
      // A rule standing for another (a mirror of connections, a CIDR for a group) lets the same traffic through as the one there.
      if (options.unlessPresent === true) return;
      const where =
        existing.group === this ? this.node.path : `${existing.group.node.path} (${this.securityGroupId}, the group ${this.node.path} imports too)`;
      throw new ValidationError(
        caller,
        prop,
        `${protocol} ${range} with ${rule.peer.key}`,
        `each rule once: ${where} already has ${existing.id} for ${protocol} ${range} ${direction === "Ingress" ? "from" : "to"} ${describePeer(this, rule.peer, peer)}, added under another name (AWS keys a rule by its group, protocol, ports and peer, whatever its name or description, and refuses the second at apply as InvalidPermission.Duplicate): add the rule once`,
      );
    }
    if (rule.peer.cidr !== undefined)
      this.checkInternetCoverage(caller, prop, direction, { protocol, from: ports.from, to: ports.to, cidr: rule.peer.cidr, id });
    const config = {
      provider: this.provider,
      securityGroupId: this.securityGroupId,
      ipProtocol: protocol,
      fromPort: ports.from,
      toPort: ports.to,
      description: rule.description,
      ...peer,
    };
    this.portRanges[direction].push(ports);
    const created = direction === "Ingress" ? new VpcSecurityGroupIngressRule(this, id, config) : new VpcSecurityGroupEgressRule(this, id, config);
    RULES_BY_MEANING.of(this).set(meaning, { group: this, id });
    if (rule.peer.cidr !== undefined && this.internetWideReason !== undefined)
      recordOptOut(created, RECORDED_OPT_OUTS.internetWideRules, this.internetWideReason);
    this.warnAboveRuleQuota(direction);
  }

  /**
   * Refuses a rule that, with the group's other CIDR rules of the same
   * direction and protocol, admits every IPv4 or IPv6 address on some port:
   * `0.0.0.0/1` and `128.0.0.0/1` open the internet as surely as `0.0.0.0/0`.
   */
  private checkInternetCoverage(caller: IConstruct, prop: string, direction: "Ingress" | "Egress", rule: CidrRule): void {
    const rules = [...this.cidrRules[direction], rule];
    this.cidrRules[direction] = rules;
    if (this.internetWideReason !== undefined) return;
    const family = isIpv6Cidr(rule.cidr) ? "ipv6" : "ipv4";
    const sameKind = rules.filter((r) => r.protocol === rule.protocol && isIpv6Cidr(r.cidr) === (family === "ipv6"));
    // The set of rules covering a port only changes where a range starts: judging those ports judges them all.
    for (const port of new Set([rule.from, ...sameKind.map((r) => r.from)].filter((p) => p >= rule.from && p <= rule.to))) {
      const covering = sameKind.filter((r) => r.from <= port && port <= r.to);
      if (
        cidrsCoverAddressSpace(
          covering.map((r) => r.cidr),
          family,
        )
      ) {
        this.cidrRules[direction] = rules.slice(0, -1);
        const others = covering.filter((r) => r !== rule).map((r) => `${r.id} (${r.cidr})`);
        throw new ValidationError(
          caller,
          `${prop}.peer`,
          rule.cidr,
          `CIDRs that leave part of the internet out: with ${others.join(", ")} of ${this.node.path} this rule covers every ${family} address on ${rule.protocol} ${port}; name the networks, or set allowInternetWideRules: OptOut.because("<why>") on the group`,
        );
      }
    }
  }

  private warnAboveRuleQuota(direction: "Ingress" | "Egress"): void {
    const count = this.node.children.filter(
      (c) => c instanceof (direction === "Ingress" ? VpcSecurityGroupIngressRule : VpcSecurityGroupEgressRule),
    ).length;
    if (count === AWS_DEFAULT_QUOTAS.rulesPerSecurityGroupDirection + 1) {
      Annotations.of(this).addWarning(
        `${count} ${direction.toLowerCase()} rules: more than the default quota of ${AWS_DEFAULT_QUOTAS.rulesPerSecurityGroupDirection} per direction (per address family); raise "Inbound or outbound rules per security group" in Service Quotas before applying`,
      );
    }
  }
}

const PORT_RANGE_KEYS: Record<keyof PortRange, true> = { from: true, to: true };

/**
 * Fails when a port range has a key besides from and to: a JavaScript
 * caller's `{ from: 53, to: 53, protocol: "udp" }` would be a TCP rule, the
 * protocol dropped without a word.
 * @internal
 */
export function checkPortRangeKeys(caller: IConstruct, prop: string, range: PortRange): void {
  for (const key of Object.keys(range)) {
    const value = (range as unknown as Record<string, unknown>)[key];
    if (Object.hasOwn(PORT_RANGE_KEYS, key) || value === undefined) continue;
    throw new ValidationError(
      caller,
      `${prop}.${key}`,
      value,
      'a prop a port range takes (from, to): give the protocol as the rule\'s protocol (protocol: "udp"), beside its ports',
    );
  }
}

/**
 * A rule of one group naming a group of another VPC works only where AWS
 * joins the two VPCs for references: same-region VPC peering, or a transit
 * gateway with security group referencing to which both are attached;
 * otherwise AWS refuses the rule ("two resources that belong to different
 * networks"). Judged at synth, once every gateway and attachment exists,
 * and only for groups made here in VPCs made here (`new Vpc`): imported
 * VPCs and groups may be joined elsewhere, and any VPC peering connection
 * of the app is taken to join them (this library models none).
 */
function checkReferenceAcrossVpcs(
  caller: IConstruct,
  prop: string,
  direction: "Ingress" | "Egress",
  group: SecurityGroupBase,
  peer: ISecurityGroup,
): void {
  if (!(group instanceof SecurityGroup) || !(peer instanceof SecurityGroup)) return;
  const [own, theirs] = [group.ownerVpc, peer.ownerVpc];
  if (own === theirs || !(own instanceof Vpc) || !(theirs instanceof Vpc)) return;
  checkAtSynth(caller, () => {
    const all = caller.node.root.node.findAll();
    if (all.some((c) => c instanceof VpcPeeringConnection)) return;
    const gateway = all.find((c): c is TransitGatewayBase => c instanceof TransitGatewayBase && c.joinsForSecurityGroupReferences(own, theirs));
    // AWS takes group references over a transit gateway in inbound rules only: an outbound one lets nothing out.
    if (gateway !== undefined && direction === "Ingress") return;
    if (gateway !== undefined)
      throw new ValidationError(
        caller,
        prop,
        peer.node.path,
        `a destination of ${own.node.path}'s own, or of a VPC joined to it by same-region VPC peering: ${theirs.node.path} is joined by transit gateway ${gateway.node.path}, over which AWS supports security group references in inbound rules only (outbound rules referencing over a transit gateway are not supported), so name it by Peer.cidr("${theirs.cidrBlock}") (connections.allowTo and allowFrom do so)`,
      );
    throw new ValidationError(
      caller,
      prop,
      peer.node.path,
      `a group of ${own.node.path}, the rule's own VPC, or of a VPC joined to it by same-region VPC peering or by a transit gateway with securityGroupReferencing that both are attached to (${theirs.node.path} is neither): name the other VPC's clients by Peer.cidr("${theirs.cidrBlock}")`,
    );
  });
}

/**
 * What an outbound rule of `group` names for the members of `peer`: the
 * group itself, except for a group of another VPC (both made here, `new
 * Vpc`) that no VPC peering connection of the app joins to `group`'s at the
 * time: AWS supports security group references over a transit gateway in
 * inbound rules only ("outbound security rules referencing over Transit
 * Gateway aren't supported"), so the rule names that VPC's CIDRs instead
 * (IPv6 too when both VPCs are dual-stack). Groups of imported VPCs keep
 * the reference: they may be joined elsewhere, by peering.
 * @internal
 */
export function egressPeersFor(group: SecurityGroupBase, peer: Peer): readonly Peer[] {
  const far = peer.group;
  if (!(group instanceof SecurityGroup) || !(far instanceof SecurityGroup)) return [peer];
  const [own, theirs] = [group.ownerVpc, far.ownerVpc];
  if (own === theirs || !(own instanceof Vpc) || !(theirs instanceof Vpc) || peered(group, own, theirs)) return [peer];
  const name = `vpc-${nameFromPath(theirs)}`;
  const ipv4 = isUnresolved(theirs.cidrBlock) ? Peer.cidr(theirs.cidrBlock, { name }) : Peer.cidr(theirs.cidrBlock);
  const ipv6 =
    own.ipv6CidrBlock !== undefined && theirs.ipv6CidrBlock !== undefined
      ? [Peer.cidr(theirs.ipv6CidrBlock, { name: `${name}-ipv6`, family: "ipv6" })]
      : [];
  return [ipv4, ...ipv6];
}

/** True when a VPC peering connection of the app joins the two VPCs (by their IDs, as Terraform references or literals). */
function peered(scope: IConstruct, a: IVpc, b: IVpc): boolean {
  const id = (value: unknown) => JSON.stringify(resolvedValue(scope, value));
  const pair = [id(a.vpcId), id(b.vpcId)].sort().join();
  return scope.node.root.node
    .findAll()
    .some((c) => c instanceof VpcPeeringConnection && [id(c.vpcIdInput), id(c.peerVpcIdInput)].sort().join() === pair);
}

/** The construct ID and group of each rule added in an app, by the group and what AWS keys a rule by (see ruleMeaning). */
const RULES_BY_MEANING = new AppRegistry<string, { readonly group: SecurityGroupBase; readonly id: string }>();

/**
 * What AWS keys a rule of a group by: its direction, protocol, ports and
 * peer (the CIDR, in canonical form when literal, so that `2001:db8::/56`
 * and `2001:0db8:0000::/56` are one; the referenced group's ID; the prefix
 * list's ID), never its description. Values only Terraform knows are
 * compared by the expression they resolve to (`${aws_vpc.app.cidr_block}`).
 */
function ruleMeaning(scope: IConstruct, direction: "Ingress" | "Egress", protocol: string, ports: PortRange, peer: PeerFields): string {
  const fields = Object.entries(peer).filter(([, value]) => value !== undefined) as [string, string][];
  const target = fields.map(([field, value]) => {
    const literal = (field === "cidrIpv4" || field === "cidrIpv6") && !isUnresolved(value) ? parseCidr(value)?.text : undefined;
    return [field, literal ?? value];
  });
  return JSON.stringify(resolvedValue(scope, [direction, protocol, ports.from, ports.to, target]));
}

/**
 * A rule's peer for an error message: the referenced group's path, else the
 * CIDR (canonical when literal), group ID or prefix list ID, a reference as
 * the expression it resolves to (`${var.partner_cidr}`).
 */
function describePeer(scope: IConstruct, rule: Peer, peer: PeerFields): string {
  if (rule.group instanceof Construct) return rule.group.node.path;
  const value = peer.cidrIpv4 ?? peer.cidrIpv6 ?? peer.referencedSecurityGroupId ?? peer.prefixListId ?? rule.key;
  const shown = isUnresolved(value) ? String(resolvedValue(scope, value)) : (parseCidr(value)?.text ?? value);
  return peer.prefixListId !== undefined ? `prefix list ${shown}` : shown;
}

/** The ports of a rule: `ports`, or the deprecated `port` and `toPort`, checked. */
function portsOf(caller: IConstruct, prop: string, rule: SecurityGroupRule): PortRange {
  checkExactlyOne(caller, { [`${prop}.ports`]: rule.ports, [`${prop}.port`]: rule.port });
  let ports: PortRange;
  let [fromProp, toProp] = [`${prop}.ports.from`, `${prop}.ports.to`];
  if (rule.ports !== undefined) {
    ports = requireValue(caller, `${prop}.ports`, checkObject(caller, `${prop}.ports`, rule.ports), "a port range such as Port.tcp(443)");
    checkPortRangeKeys(caller, `${prop}.ports`, ports);
  } else {
    const port = requireValue(caller, `${prop}.port`, rule.port, "a port from 1 to 65535");
    ports = Port.range(port, rule.toPort ?? port);
    [fromProp, toProp] = [`${prop}.port`, `${prop}.toPort`];
  }
  checkPort(caller, fromProp, ports.from);
  checkPort(caller, toProp, ports.to);
  if (!isUnresolved(ports.to) && !isUnresolved(ports.from) && ports.to < ports.from) {
    throw new ValidationError(caller, toProp, ports.to, `a port not below ${fromProp} (${ports.from})`);
  }
  return ports;
}

/**
 * A security group with no rules until they are added, each rule its own
 * resource with a description. No egress is allowed unless added: Terraform
 * removes the allow-all egress rule AWS creates by default.
 *
 * Creates: aws_security_group, aws_vpc_security_group_ingress_rule,
 * aws_vpc_security_group_egress_rule.
 */
export class SecurityGroup extends SecurityGroupBase {
  /**
   * A security group made elsewhere (a landing zone, another stack, the
   * console). Rules added to it (`addIngressRule`, or through `connections`)
   * are created here as their own resources, with the group's provider;
   * the group itself and its other rules stay where they are managed.
   */
  public static fromSecurityGroupAttributes(scope: Construct, id: string, attrs: SecurityGroupAttributes): SecurityGroupBase {
    return new ImportedSecurityGroup(scope, id, attrs);
  }

  /** The underlying `aws_security_group`, as an escape hatch. */
  public readonly resource: SecurityGroupResource;
  /** Security group ID (`sg-...`), known at apply. */
  public readonly securityGroupId: string;
  /** ID of the group's VPC. */
  public readonly vpcId: string;
  /** The VPC the group was made in. @internal */
  public readonly ownerVpc: IVpc;
  protected readonly provider: SecurityGroupProps["provider"];
  protected readonly internetWideReason?: string;

  constructor(scope: Construct, id: string, props: SecurityGroupProps) {
    super(scope, id);
    requireProps(this, props, ["vpc", "description"]);
    checkKnownProps(this, props, SECURITY_GROUP_PROPS);
    // A VPC ID string would leave vpc_id unset, and the group in the region's default VPC.
    checkIsVpc(this, "vpc", props.vpc);
    requireValue(this, "description", props.description, "a description of what the group protects");
    checkString(this, "description", props.description);
    checkLength(this, "description", props.description, 1, 255);
    checkPattern(this, "description", props.description, DESCRIPTION_CHARACTERS, DESCRIPTION_EXPECTED);
    checkString(this, "namePrefix", props.namePrefix);
    checkLength(this, "namePrefix", props.namePrefix, 1, 100);
    checkPattern(this, "namePrefix", props.namePrefix, DESCRIPTION_CHARACTERS, NAME_EXPECTED);
    if (props.namePrefix !== undefined && !isUnresolved(props.namePrefix) && props.namePrefix.toLowerCase().startsWith("sg-")) {
      throw new ValidationError(this, "namePrefix", props.namePrefix, "a prefix that does not start with sg- (AWS reserves it for group IDs)");
    }
    const tags = checkTags(this, "tags", props.tags) ?? {};
    this.internetWideReason = optOutReason(this, "allowInternetWideRules", props.allowInternetWideRules);
    // Not checked against the VPC's account: participants of a shared VPC create their own groups in it.
    this.provider = providerOf(props, props.vpc);
    this.resource = new SecurityGroupResource(this, "Resource", {
      provider: this.provider,
      vpcId: props.vpc.vpcId,
      description: props.description,
      namePrefix: props.namePrefix,
      tags: { ...tags, Name: props.namePrefix ?? nameFromPath(this) },
      lifecycle: { createBeforeDestroy: true },
    });
    if (this.internetWideReason !== undefined) recordOptOut(this.resource, RECORDED_OPT_OUTS.internetWideRules, this.internetWideReason);
    this.securityGroupId = this.resource.id;
    this.vpcId = props.vpc.vpcId;
    this.ownerVpc = props.vpc;
  }
}

class ImportedSecurityGroup extends SecurityGroupBase {
  public readonly securityGroupId: string;
  public readonly vpcId?: string;
  public override readonly allowsAllOutbound: boolean;
  protected readonly provider?: AwsResourceProps["provider"];
  protected readonly internetWideReason?: string;

  constructor(scope: Construct, id: string, attrs: SecurityGroupAttributes) {
    super(scope, id);
    requireProps(this, attrs, ["securityGroupId"]);
    checkKnownProps(this, attrs, SECURITY_GROUP_ATTRIBUTES);
    checkResourceId(this, "securityGroupId", attrs.securityGroupId, "securityGroup");
    checkResourceId(this, "vpcId", attrs.vpcId, "vpc");
    this.internetWideReason = optOutReason(this, "allowInternetWideRules", attrs.allowInternetWideRules);
    // Whether rules are created is decided at synth: a boolean only Terraform knows cannot decide it.
    if (isUnresolved(attrs.allowAllOutbound))
      throw new ValidationError(
        this,
        "allowAllOutbound",
        attrs.allowAllOutbound,
        "a literal true or false: it decides at synth whether egress rules are created",
      );
    this.allowsAllOutbound = checkBoolean(this, "allowAllOutbound", attrs.allowAllOutbound) ?? false;
    this.securityGroupId = attrs.securityGroupId;
    this.vpcId = attrs.vpcId;
    this.provider = attrs.provider;
  }
}

const SECURITY_GROUP_PROPS: Record<keyof SecurityGroupProps, true> = {
  vpc: true,
  description: true,
  namePrefix: true,
  allowInternetWideRules: true,
  tags: true,
  provider: true,
};

const SECURITY_GROUP_ATTRIBUTES: Record<keyof SecurityGroupAttributes, true> = {
  securityGroupId: true,
  vpcId: true,
  provider: true,
  allowInternetWideRules: true,
  allowAllOutbound: true,
};

const SECURITY_GROUP_RULE: Record<keyof SecurityGroupRule, true> = {
  peer: true,
  ports: true,
  port: true,
  toPort: true,
  protocol: true,
  description: true,
};
