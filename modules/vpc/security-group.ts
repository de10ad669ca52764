import { Construct } from "constructs";
import { SecurityGroup as SecurityGroupResource } from "@cdktf/provider-aws/lib/security-group";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import {
  AwsResourceProps,
  checkLength,
  checkOneOf,
  checkPattern,
  checkPort,
  checkResourceId,
  checkRestrictedCidr,
  formatPortRange,
  isIpv6Cidr,
  isUnresolved,
  nameFromPath,
  Port,
  providerOf,
  requireProps,
  requireValue,
  stableId,
  ValidationError,
  VPC_LATTICE_SOURCE_CIDRS,
} from "../core";
import { IVpc } from "./vpc";

/** A security group that rules can reference. */
export interface ISecurityGroup {
  /** Security group ID (`sg-...`). */
  readonly securityGroupId: string;
  /** ID of the group's VPC, so that validators can tell a group of another VPC. @default - unknown, the check is skipped */
  readonly vpcId?: string;
}

/** The other side of a security-group rule. */
export class Peer {
  /**
   * An IPv4 or IPv6 CIDR; never the whole internet. A CIDR only Terraform
   * knows (a reference) needs `options.family` when it is IPv6, and a
   * `options.name` when one group has rules for several such CIDRs.
   */
  public static cidr(cidr: string, options: CidrPeerOptions = {}): Peer {
    const unresolved = isUnresolved(cidr);
    const key = options.name !== undefined ? stableId(options.name) : unresolved ? `cidr-${options.family ?? "ipv4"}` : stableId(cidr);
    return new Peer(key, (scope, prop) => {
      checkRestrictedCidr(scope, prop, cidr);
      const ipv6 = unresolved ? options.family === "ipv6" : isIpv6Cidr(cidr);
      return ipv6 ? { cidrIpv6: cidr } : { cidrIpv4: cidr };
    });
  }

  /** Members of another security group. `name` keys the rule's Terraform address. */
  public static securityGroup(group: ISecurityGroup, name: string): Peer {
    return new Peer(`sg-${stableId(name)}`, () => ({ referencedSecurityGroupId: group.securityGroupId }));
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
    return new Peer(`pl-${stableId(name)}`, () => ({ prefixListId }));
  }

  private constructor(
    /** Stable, address-safe name of the peer, part of each rule's construct ID. */
    public readonly key: string,
    private readonly renderPeer: (scope: Construct, prop: string) => PeerFields,
  ) {}

  /** @internal */
  public render(scope: Construct, prop: string): PeerFields {
    return this.renderPeer(scope, prop);
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
  /** A single port. */
  readonly port: number;
  /** Last port of a range starting at `port`. @default - `port` only */
  readonly toPort?: number;
  /** @default "tcp" */
  readonly protocol?: "tcp" | "udp";
  /** Why the rule exists; required, because reviewers and scanners (CKV_AWS_23) need it. */
  readonly description: string;
}

export interface SecurityGroupProps extends AwsResourceProps {
  /** The VPC the group belongs to (`vpc_id`); its provider is used unless `provider` is given. */
  readonly vpc: IVpc;
  /** What the group protects; shown in the console and required by CKV_AWS_23. */
  readonly description: string;
  /** @default - Terraform generates a unique name */
  readonly namePrefix?: string;
}

/** Attributes of a security group made elsewhere, for {@link SecurityGroup.fromSecurityGroupAttributes}. */
export interface SecurityGroupAttributes {
  /** The group's ID (`sg-…`). */
  readonly securityGroupId: string;
  /** Its VPC's ID, so that constructs can refuse a group of another VPC. @default - unknown, those checks are skipped */
  readonly vpcId?: string;
  /** The provider (account) that owns the group: rules added here are created with it. @default - the stack's default provider */
  readonly provider?: AwsResourceProps["provider"];
}

/**
 * What every security group this library manages rules for can do: the
 * group created here, and a group made elsewhere imported with
 * {@link SecurityGroup.fromSecurityGroupAttributes}. Each rule is its own
 * resource, keyed by direction, protocol, ports and peer, so a rule keeps
 * its Terraform address whoever adds it.
 */
export abstract class SecurityGroupBase extends Construct implements ISecurityGroup {
  /** True for groups whose rules this library can add (created here or imported). */
  public static isSecurityGroupBase(value: unknown): value is SecurityGroupBase {
    return value instanceof SecurityGroupBase;
  }

  public abstract readonly securityGroupId: string;
  public abstract readonly vpcId?: string;
  protected abstract readonly provider?: AwsResourceProps["provider"];

  /** Allows inbound traffic from `rule.peer` on the rule's ports; fails if the same rule is already in the group. */
  public addIngressRule(rule: SecurityGroupRule): void {
    this.addRule("Ingress", rule);
  }

  /** Allows outbound traffic to `rule.peer` on the rule's ports; fails if the same rule is already in the group. */
  public addEgressRule(rule: SecurityGroupRule): void {
    this.addRule("Egress", rule);
  }

  private addRule(direction: "Ingress" | "Egress", rule: SecurityGroupRule): void {
    const prop = `${direction.toLowerCase()}Rules`;
    requireProps(this, rule, ["peer", "port", "description"]);
    const protocol = rule.protocol ?? "tcp";
    checkOneOf(this, `${prop}.protocol`, protocol, ["tcp", "udp"]);
    checkPort(this, `${prop}.port`, rule.port);
    checkPort(this, `${prop}.toPort`, rule.toPort);
    if (!isUnresolved(rule.toPort) && rule.toPort !== undefined && rule.toPort < rule.port) {
      throw new ValidationError(this, `${prop}.toPort`, rule.toPort, `a port not below port (${rule.port})`);
    }
    requireValue(this, `${prop}.description`, rule.description || undefined, "a description of why the rule exists");
    checkLength(this, `${prop}.description`, rule.description, 1, 255);
    const toPort = rule.toPort ?? rule.port;
    const ports = formatPortRange(Port.range(rule.port, toPort));
    const config = {
      provider: this.provider,
      securityGroupId: this.securityGroupId,
      ipProtocol: protocol,
      fromPort: rule.port,
      toPort,
      description: rule.description,
      ...rule.peer.render(this, `${prop}.peer`),
    };
    const id = `${direction}-${protocol}-${ports}-${rule.peer.key}`;
    if (this.node.tryFindChild(id) !== undefined) {
      throw new ValidationError(this, prop, `${protocol} ${ports} with ${rule.peer.key}`, "each rule once (this one is already in the group)");
    }
    if (direction === "Ingress") new VpcSecurityGroupIngressRule(this, id, config);
    else new VpcSecurityGroupEgressRule(this, id, config);
  }
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
  protected readonly provider: SecurityGroupProps["provider"];

  constructor(scope: Construct, id: string, props: SecurityGroupProps) {
    super(scope, id);
    requireProps(this, props, ["vpc", "description"]);
    requireValue(this, "description", props.description, "a description of what the group protects");
    checkLength(this, "description", props.description, 1, 255);
    checkPattern(this, "description", props.description, /^[\x20-\x7E]*$/, "printable ASCII only (AWS rejects other characters in group descriptions)");
    this.provider = providerOf(props, props.vpc);
    this.resource = new SecurityGroupResource(this, "Resource", {
      provider: this.provider,
      vpcId: props.vpc.vpcId,
      description: props.description,
      namePrefix: props.namePrefix,
      tags: { Name: props.namePrefix ?? nameFromPath(this) },
      lifecycle: { createBeforeDestroy: true },
    });
    this.securityGroupId = this.resource.id;
    this.vpcId = props.vpc.vpcId;
  }
}

class ImportedSecurityGroup extends SecurityGroupBase {
  public readonly securityGroupId: string;
  public readonly vpcId?: string;
  protected readonly provider?: AwsResourceProps["provider"];

  constructor(scope: Construct, id: string, attrs: SecurityGroupAttributes) {
    super(scope, id);
    requireProps(this, attrs, ["securityGroupId"]);
    checkResourceId(this, "securityGroupId", attrs.securityGroupId, "securityGroup");
    checkResourceId(this, "vpcId", attrs.vpcId, "vpc");
    this.securityGroupId = attrs.securityGroupId;
    this.vpcId = attrs.vpcId;
    this.provider = attrs.provider;
  }
}
