import { Annotations, Fn, Lazy, Op, TerraformProvider, Token } from "../core/cdktf";
import { Construct } from "constructs";
import { LambdaPermission } from "@cdktf/provider-aws/lib/lambda-permission";
import { VpclatticeTargetGroup } from "@cdktf/provider-aws/lib/vpclattice-target-group";
import { VpclatticeTargetGroupAttachment } from "@cdktf/provider-aws/lib/vpclattice-target-group-attachment";
import {
  annotateForFlows,
  AppRegistry,
  AWS_DEFAULT_QUOTAS,
  AwsResourceProps,
  checkArn,
  checkBoolean,
  checkInstance,
  checkKnownProps,
  checkList,
  checkObject,
  checkOneOf,
  checkPort,
  checkRestrictedCidr,
  checkString,
  hostCidr,
  isIpv4Address,
  isIpv6Address,
  isUnresolved,
  literalRegionOf,
  parseArn,
  parseCidr,
  Port,
  providerOf,
  requireProps,
  requireValue,
  stableId,
  ValidationError,
} from "../core";
import { Connections, ISecurityGroup, IVpc, Peer, SecurityGroup, SecurityGroupBase, Vpc } from "../vpc";
import { ILatticeTargetGroup, LatticeTargetGroupType } from "./interfaces";
import { checkLatticeName, idOfArn } from "./names";
import { LatticeTarget } from "./lattice-target";
import { checkInVpc, checkTargetAddress, claimName, countInAccount, placementOf, ProviderPlacement, tagsWithName } from "./placement";
import {
  LambdaEventStructureVersion,
  LatticeTargetGroupConfig,
  LatticeTargetGroupIpAddressType,
  LatticeTargetGroupProtocol,
  LatticeTargetGroupProtocolVersion,
  TargetGroupSettings,
} from "./target-group-config";
import { checkHealthCheck, renderHealthCheck, LatticeTargetGroupHealthCheck } from "./target-group-health-check";

export {
  AlbTargetGroupOptions,
  InstanceTargetGroupOptions,
  IpTargetGroupOptions,
  LambdaEventStructureVersion,
  LambdaTargetGroupOptions,
  LatticeTargetGroupConfig,
  LatticeTargetGroupIpAddressType,
  LatticeTargetGroupProtocol,
  LatticeTargetGroupProtocolVersion,
} from "./target-group-config";

const TARGET_GROUP_TYPES: readonly LatticeTargetGroupType[] = ["INSTANCE", "IP", "LAMBDA", "ALB"];
const PROTOCOLS: readonly LatticeTargetGroupProtocol[] = ["HTTP", "HTTPS", "TCP"];
const PROTOCOL_VERSIONS: readonly LatticeTargetGroupProtocolVersion[] = ["HTTP1", "HTTP2", "GRPC"];

/** Describes a target group made elsewhere, for {@link LatticeTargetGroup.fromLatticeTargetGroupAttributes}. */
export interface LatticeTargetGroupAttributes {
  /** `arn:aws:vpc-lattice:<region>:<account>:targetgroup/tg-...`; a literal ARN must be of the stack's region and partition. */
  readonly targetGroupArn: string;
  /** What the group routes to: INSTANCE, IP, LAMBDA or ALB. */
  readonly type: LatticeTargetGroupType;
  /** Lets traffic splits check compatibility. @default - unknown, the check is skipped */
  readonly protocol?: LatticeTargetGroupProtocol;
  /** @default - unknown, the check is skipped */
  readonly protocolVersion?: LatticeTargetGroupProtocolVersion;
  /**
   * The provider of the account the group lives in, whose region its ARN is checked against.
   * @default - the stack's default provider
   */
  readonly provider?: TerraformProvider;
}

export interface LatticeTargetGroupProps extends AwsResourceProps {
  /** 3 to 128 lowercase letters, digits and single hyphens, not starting with "tg-". Unique in the account. */
  readonly name: string;
  /**
   * What the group routes to and how: `LatticeTargetGroupConfig.instances(...)`,
   * `.ipAddresses(...)`, `.lambda()` or `.applicationLoadBalancer(...)`.
   * Changing the type replaces the group.
   * @default - required, unless the deprecated `type` (and its flat settings) is given
   */
  readonly config?: LatticeTargetGroupConfig;
  /** @deprecated Use `config: LatticeTargetGroupConfig.instances(...)` (or ipAddresses, lambda, applicationLoadBalancer). @default - from `config` */
  readonly type?: LatticeTargetGroupType;
  /** @deprecated Give the VPC to the `config` factory. @default - none */
  readonly vpc?: IVpc;
  /** @deprecated Give the protocol to the `config` factory. @default - none */
  readonly protocol?: LatticeTargetGroupProtocol;
  /** @deprecated Give the port to the `config` factory. @default - none */
  readonly port?: number;
  /** @deprecated Give the protocol version to the `config` factory. @default - none */
  readonly protocolVersion?: LatticeTargetGroupProtocolVersion;
  /** @deprecated Use `LatticeTargetGroupConfig.ipAddresses({ ipAddressType })`. @default - none */
  readonly ipAddressType?: LatticeTargetGroupIpAddressType;
  /** @deprecated Give the health check to `LatticeTargetGroupConfig.instances` or `ipAddresses`. @default - none */
  readonly healthCheck?: LatticeTargetGroupHealthCheck;
  /** @deprecated Use `LatticeTargetGroupConfig.lambda({ eventStructureVersion })`. @default - none */
  readonly lambdaEventStructureVersion?: LambdaEventStructureVersion;
  /** Targets keyed by a stable name (the key of each attachment's Terraform address). @default - none; add with addTarget() */
  readonly targets?: { readonly [name: string]: LatticeTarget };
  /**
   * Who registers the targets instead of Terraform: an Amazon ECS service
   * (its `vpc_lattice_configurations` register its tasks), an EC2 Auto
   * Scaling group (a `vpc-lattice` traffic source), or your own registrar.
   * Terraform then owns the group but no attachment, so `targets` and
   * addTarget() fail; the flow analysis assumes the registrar keeps healthy
   * targets registered. The AWS Gateway API Controller is not such a
   * registrar: it registers pods only in target groups it creates itself
   * (a ServiceExport's); forward to those with {@link LatticeTargetGroup.fromLatticeTargetGroupAttributes}.
   * @default - Terraform registers `targets`
   */
  readonly targetsRegisteredBy?: string;
  /**
   * Security groups of the targets (their instances, ENIs or tasks; for an
   * ALB, the load balancer's), created here or imported with
   * `SecurityGroup.fromSecurityGroupAttributes`. VPC Lattice connects from
   * its link-local ranges, never the clients' addresses, so the group opens
   * each of them to `Peer.vpcLattice()` on every port it connects to (the
   * group's port, targets' own ports, the health-check port), and the flow
   * analysis checks exactly these groups. More can be added with
   * `connections.addSecurityGroup`. Not for LAMBDA groups.
   * @default - none: open the targets' groups yourself
   */
  readonly securityGroups?: readonly ISecurityGroup[];
  /**
   * @deprecated Use `securityGroups`, which also opens the groups to VPC
   * Lattice. These are only declared for the flow analysis, as before.
   * @default - none
   */
  readonly targetSecurityGroups?: readonly ISecurityGroup[];
  /** Tags of the target group and its attachments' group (Name is set to the group's name unless given). @default - Name only */
  readonly tags?: Readonly<Record<string, string>>;
}

const LATTICE_TARGET_GROUP_PROPS: Record<keyof LatticeTargetGroupProps, true> = {
  name: true,
  provider: true,
  config: true,
  type: true,
  vpc: true,
  protocol: true,
  port: true,
  protocolVersion: true,
  ipAddressType: true,
  healthCheck: true,
  lambdaEventStructureVersion: true,
  targets: true,
  targetsRegisteredBy: true,
  securityGroups: true,
  targetSecurityGroups: true,
  tags: true,
};

const LATTICE_TARGET_GROUP_ATTRIBUTES: Record<keyof LatticeTargetGroupAttributes, true> = {
  targetGroupArn: true,
  type: true,
  protocol: true,
  protocolVersion: true,
  provider: true,
};

/** Per app, for each security group VPC Lattice is let into: the target groups (by construct ID) that each of its rules serves. */
const latticeRules = new AppRegistry<SecurityGroupBase, Map<string, string[]>>();

/** Longest security-group rule description AWS accepts. */
const MAX_RULE_DESCRIPTION = 255;

/**
 * The security groups of a target group's targets: adding one opens it to
 * VPC Lattice on every port the target group connects to, now and later.
 */
class TargetConnections extends Connections {
  constructor(private readonly targetGroup: LatticeTargetGroup) {
    super(targetGroup);
  }

  public override addSecurityGroup(...groups: ISecurityGroup[]): void {
    const added = groups.filter((g) => !this.securityGroups.includes(g));
    this.targetGroup.admitLatticeInto(added, "connections.addSecurityGroup");
    super.addSecurityGroup(...added);
  }
}

/**
 * A VPC Lattice target group of EC2 instances, IP addresses (including EKS
 * pods), one Lambda function or one internal Application Load Balancer, with
 * its targets. For a Lambda target it also grants VPC Lattice the right to
 * invoke the function, limited to this target group. The targets' security
 * groups (`securityGroups`, `connections`) are opened to VPC Lattice on
 * every port it connects to.
 *
 * Creates: aws_vpclattice_target_group, aws_vpclattice_target_group_attachment,
 * aws_lambda_permission (LAMBDA), aws_vpc_security_group_ingress_rule (in the
 * targets' groups).
 */
export class LatticeTargetGroup extends Construct implements ILatticeTargetGroup {
  /**
   * A target group made elsewhere: another stack or account, or the AWS
   * Gateway API Controller (a ServiceExport's). The ARN must name a target
   * group, in the region and partition of the provider.
   */
  public static fromLatticeTargetGroupAttributes(scope: Construct, id: string, attrs: LatticeTargetGroupAttributes): ILatticeTargetGroup {
    return new ImportedLatticeTargetGroup(scope, id, attrs);
  }

  /** @deprecated Use {@link LatticeTargetGroup.fromLatticeTargetGroupAttributes}: the same importer, in the library's one importer form. */
  public static fromAttributes(scope: Construct, id: string, attrs: LatticeTargetGroupAttributes): ILatticeTargetGroup {
    return LatticeTargetGroup.fromLatticeTargetGroupAttributes(scope, id, attrs);
  }

  /**
   * @deprecated Give the group to each target group: `securityGroups: [group]`
   * or `targetGroup.connections.addSecurityGroup(group)`, which also open
   * the ports of targets added later. The rules keep their addresses.
   */
  public static allowLatticeTraffic(securityGroup: SecurityGroup, ...targetGroups: LatticeTargetGroup[]): void {
    for (const group of targetGroups) {
      if (group.type === "LAMBDA") {
        throw new ValidationError(
          group,
          "allowLatticeTraffic",
          "a LAMBDA target group",
          "INSTANCE, IP or ALB target groups (Lambda functions have no security group to open)",
        );
      }
      group.connections.addSecurityGroup(securityGroup);
    }
  }

  /** The underlying `aws_vpclattice_target_group`, as an escape hatch. */
  public readonly resource: VpclatticeTargetGroup;
  /** Target group ID (`tg-...`), known at apply. */
  public readonly targetGroupId: string;
  /** Target group ARN, known at apply. */
  public readonly targetGroupArn: string;
  /** What the group routes to: INSTANCE, IP, LAMBDA or ALB. */
  public readonly type: LatticeTargetGroupType;
  public readonly protocol?: LatticeTargetGroupProtocol;
  public readonly protocolVersion?: LatticeTargetGroupProtocolVersion;
  /** Port the targets receive traffic on (`config.port`); undefined for LAMBDA groups. */
  public readonly port?: number;
  /** The VPC of the targets; undefined for LAMBDA groups. */
  public readonly vpc?: IVpc;
  /**
   * The targets' security groups: `connections.addSecurityGroup(group)` opens
   * a group to VPC Lattice on every port the target group connects to.
   */
  public readonly connections: Connections;
  private readonly ipAddressType?: LatticeTargetGroupIpAddressType;
  private readonly peeredCidrs: readonly string[];
  public readonly provider?: TerraformProvider;
  private readonly placement: ProviderPlacement;
  /** Ports VPC Lattice connects to: the group's, per-target overrides and the health-check port. */
  private readonly trafficPorts = new Set<number>();
  /** Security groups of the targets, in the order they were declared. */
  private readonly targetSecurityGroupIds: string[] = [];
  private readonly targetsRegisteredBy?: string;
  /** The targets registered so far, by what they are (type, canonical ID, port), with the name each was given. */
  private readonly targetNames = new Map<string, string>();

  constructor(scope: Construct, id: string, props: LatticeTargetGroupProps) {
    super(scope, id);
    requireProps(this, props, ["name"]);
    checkKnownProps(this, props, LATTICE_TARGET_GROUP_PROPS);
    checkLatticeName(this, "name", props.name, { min: 3, max: 128, reservedPrefix: "tg-" });
    const config = configOf(this, props);
    this.type = config.type;
    const settings = config.settings;
    this.vpc = settings.vpc;
    this.provider = providerOf(props, settings.vpc);
    this.placement = placementOf(this, this.provider);
    claimName(this, "name", "target group", props.name, this.provider);
    countInAccount(this, "target group", this.provider, AWS_DEFAULT_QUOTAS.latticeTargetGroupsPerRegion, "Target groups per Region");
    if (props.targetsRegisteredBy !== undefined) this.checkRegistrar(props);

    let networkVpc: IVpc | undefined;
    if (this.type === "LAMBDA") {
      this.rejectForLambda(settings);
      checkOneOf(this, "lambdaEventStructureVersion", settings.lambdaEventStructureVersion, ["V1", "V2"]);
    } else {
      networkVpc = this.checkNetworkTargets(settings);
      this.protocol = settings.protocol;
      this.protocolVersion = settings.protocol === "TCP" ? undefined : (settings.protocolVersion ?? "HTTP1");
      this.port = settings.port ?? (settings.protocol === "HTTP" ? 80 : 443);
      this.ipAddressType = this.type === "IP" ? (settings.ipAddressType ?? "IPV4") : undefined;
      this.trafficPorts.add(this.port);
      if (settings.healthCheck?.port !== undefined) this.trafficPorts.add(settings.healthCheck.port);
    }
    this.peeredCidrs = checkList(this, "config.peeredCidrs", settings.peeredCidrs) ?? [];
    this.peeredCidrs.forEach((cidr, i) => checkRestrictedCidr(this, `config.peeredCidrs[${i}]`, cidr));
    // After the checks above, which say why a setting of another target type does not apply (peeredCidrs on an INSTANCE group).
    config.checkOptions(this);

    this.resource = new VpclatticeTargetGroup(this, "Resource", {
      provider: this.provider,
      name: props.name,
      type: this.type,
      config:
        networkVpc === undefined
          ? { lambdaEventStructureVersion: settings.lambdaEventStructureVersion ?? "V2" }
          : {
              vpcIdentifier: networkVpc.vpcId,
              protocol: this.protocol,
              port: this.port,
              protocolVersion: this.protocolVersion,
              ipAddressType: this.ipAddressType,
              healthCheck: settings.healthCheck === undefined ? undefined : renderHealthCheck(settings.healthCheck, this.protocolVersion),
            },
      tags: tagsWithName(this, props.name, props.tags),
    });
    this.targetGroupId = this.resource.id;
    this.targetGroupArn = this.resource.arn;
    this.connections = new TargetConnections(this);

    if (props.targetsRegisteredBy !== undefined) {
      this.targetsRegisteredBy = props.targetsRegisteredBy;
      annotateForFlows(this.resource, "registeredBy", props.targetsRegisteredBy);
    }
    this.declareTargetSecurityGroups("targetSecurityGroups", checkList(this, "targetSecurityGroups", props.targetSecurityGroups) ?? []);
    const securityGroups = checkList(this, "securityGroups", props.securityGroups) ?? [];
    if (props.securityGroups !== undefined && securityGroups.length === 0) {
      throw new ValidationError(
        this,
        "securityGroups",
        [],
        "at least one security group of the targets, or leave securityGroups unset (an empty list would open nothing)",
      );
    }
    this.admitLatticeInto(securityGroups, "securityGroups");
    this.connections.addSecurityGroup(...securityGroups);
    const targets = checkObject(this, "targets", props.targets) ?? {};
    for (const [name, target] of Object.entries(targets)) this.addTarget(name, target);
  }

  /** Registers one target; `name` keys its Terraform address, so renaming it re-registers the target. */
  public addTarget(name: string, target: LatticeTarget): void {
    // The name keys the attachment's Terraform address: a number broke stableId, an empty name keyed it `Target-`.
    if (typeof name !== "string" || name.trim() === "") {
      throw new ValidationError(this, "targets", name, "a non-empty target name (it keys the attachment's Terraform address)");
    }
    const prop = `targets.${name}`;
    requireValue(this, prop, target, "a target: LatticeTarget.instance, ipAddress, lambdaFunction or applicationLoadBalancer");
    checkInstance(
      this,
      prop,
      target,
      (v): v is LatticeTarget => v instanceof LatticeTarget,
      "LatticeTarget.instance, ipAddress, lambdaFunction or applicationLoadBalancer",
    );
    if (this.targetsRegisteredBy !== undefined) {
      throw new ValidationError(
        this,
        prop,
        target.id,
        `no target registered by Terraform: ${this.targetsRegisteredBy} registers the targets of this group (targetsRegisteredBy)`,
      );
    }
    target.validate(this, prop, this.placement);
    if (target.type !== this.type) {
      throw new ValidationError(this, prop, `a ${target.type} target`, `a ${this.type} target (the target group's type)`);
    }
    this.checkAddress(prop, target);
    this.checkAccount(prop, target);
    if ((this.type === "LAMBDA" || this.type === "ALB") && this.targetNames.size === 1) {
      throw new ValidationError(
        this,
        prop,
        target.id,
        this.type === "LAMBDA"
          ? "no second target: a LAMBDA target group holds exactly one function (use one group per function)"
          : "no second target: an ALB target group holds exactly one load balancer (use one group per load balancer)",
      );
    }
    const key = stableId(name);
    if (this.node.tryFindChild(`Target-${key}`) !== undefined) {
      throw new ValidationError(this, "targets", name, "unique target names (this one is already registered)");
    }
    const identity = this.identityOf(target);
    const twin = this.targetNames.get(identity);
    if (twin !== undefined) {
      throw new ValidationError(
        this,
        prop,
        target.id,
        `a target not registered yet (targets.${twin} registers the same ${this.type === "IP" ? "address" : "target"} on the same port)`,
      );
    }
    const permission = this.type === "LAMBDA" ? this.allowLatticeToInvoke(key, target.id) : undefined;
    new VpclatticeTargetGroupAttachment(this, `Target-${key}`, {
      provider: this.provider,
      targetGroupIdentifier: this.targetGroupId,
      target: { id: target.id, port: target.port },
      dependsOn: permission === undefined ? undefined : [permission],
    });
    this.targetNames.set(identity, name);
    if (this.targetNames.size === AWS_DEFAULT_QUOTAS.targetsPerLatticeTargetGroup + 1) {
      Annotations.of(this).addWarning(
        `More than ${AWS_DEFAULT_QUOTAS.targetsPerLatticeTargetGroup} targets: above the default VPC Lattice quota of targets per target group; request an increase before deploying.`,
      );
    }
    if (target.port !== undefined && !this.trafficPorts.has(target.port)) {
      this.trafficPorts.add(target.port);
      this.openPort(target.port);
    }
  }

  /**
   * Opens security groups to VPC Lattice on every port the group connects to
   * (one rule per group, port and address family, however many target
   * groups share it) and declares them as the targets' groups.
   * @internal
   */
  public admitLatticeInto(groups: readonly ISecurityGroup[], prop: string): void {
    if (groups.length === 0) return;
    groups.forEach((group, i) => {
      if (!SecurityGroupBase.isSecurityGroupBase(group)) {
        throw new ValidationError(
          this,
          `${prop}[${i}]`,
          group?.securityGroupId ?? group,
          "a security group rules can be added to: a SecurityGroup, or one imported with SecurityGroup.fromSecurityGroupAttributes",
        );
      }
      if (this.vpc !== undefined) checkInVpc(this, `${prop}[${i}]`, group.vpcId, this.vpc, "a security group");
    });
    this.declareTargetSecurityGroups(prop, groups);
    for (const group of groups as SecurityGroupBase[]) for (const port of [...this.trafficPorts].sort((a, b) => a - b)) this.openPortIn(group, port);
  }

  private openPort(port: number): void {
    for (const group of this.connections.securityGroups as SecurityGroupBase[]) this.openPortIn(group, port);
  }

  /** One ingress rule from VPC Lattice per group, port and family; a rule another target group already added names both. */
  private openPortIn(group: SecurityGroupBase, port: number): void {
    const family = this.ipAddressType === "IPV6" ? "ipv6" : "ipv4";
    const rules = latticeRules.of(this);
    const served = rules.get(group) ?? new Map<string, string[]>();
    rules.set(group, served);
    const key = `${family} ${port}`;
    const names = served.get(key);
    if (names !== undefined) {
      if (!names.includes(this.node.id)) names.push(this.node.id);
      return;
    }
    const sharing = [this.node.id];
    served.set(key, sharing);
    const description = Lazy.stringValue({ produce: () => shortened(`VPC Lattice to the targets of ${sharing.join(", ")}`) });
    group.addRuleFor(this, "securityGroups", "Ingress", { peer: Peer.vpcLattice(family), ports: Port.tcp(port), description });
  }

  /** Records security groups of the targets for the flow analysis (`//.flows.targetSecurityGroupIds`), each once. */
  private declareTargetSecurityGroups(prop: string, groups: readonly ISecurityGroup[]): void {
    if (groups.length === 0) return;
    if (this.type === "LAMBDA") {
      throw new ValidationError(
        this,
        prop,
        groups.length === 1 ? "a security group" : `${groups.length} security groups`,
        "nothing for a LAMBDA target group (VPC Lattice invokes the function directly; it has no security group in the path)",
      );
    }
    for (const group of groups)
      if (!this.targetSecurityGroupIds.includes(group.securityGroupId)) this.targetSecurityGroupIds.push(group.securityGroupId);
    annotateForFlows(this.resource, "targetSecurityGroupIds", [...this.targetSecurityGroupIds]);
  }

  private checkRegistrar(props: LatticeTargetGroupProps): void {
    const registrar = props.targetsRegisteredBy;
    if (typeof registrar !== "string" || registrar.trim() === "") {
      throw new ValidationError(
        this,
        "targetsRegisteredBy",
        registrar,
        "who registers the targets, such as the ECS service orders-api (a non-empty description)",
      );
    }
    if (this.type === "LAMBDA") {
      throw new ValidationError(
        this,
        "targetsRegisteredBy",
        registrar,
        "nothing for a LAMBDA target group (its one function is registered with the group, by Terraform)",
      );
    }
  }

  private rejectForLambda(settings: TargetGroupSettings): void {
    const notForLambda: [string, unknown][] = [
      ["port", settings.port],
      ["vpc", settings.vpc],
      ["protocol", settings.protocol],
      ["protocolVersion", settings.protocolVersion],
      ["ipAddressType", settings.ipAddressType],
      ["healthCheck", settings.healthCheck],
      ["peeredCidrs", settings.peeredCidrs],
    ];
    for (const [prop, value] of notForLambda) {
      if (value !== undefined) {
        const shown = prop === "vpc" ? "a VPC" : value;
        throw new ValidationError(this, prop, shown, "nothing for a LAMBDA target group (VPC Lattice invokes the function directly; AWS rejects it)");
      }
    }
  }

  /** Fails on settings AWS rejects for the group's type; returns the targets' VPC. */
  /**
   * Fails when the group's provider is of another region than its VPC (a
   * VPC made here, or imported with its provider): AWS looks the VPC up in
   * the group's region and refuses the group. An imported VPC without a
   * provider is taken to be where the group is.
   */
  private checkVpcRegion(vpc: IVpc): void {
    if (this.provider === vpc.provider || (vpc.provider === undefined && !(vpc instanceof Vpc))) return;
    const own = literalRegionOf(this, this.provider);
    const vpcRegion = literalRegionOf(Construct.isConstruct(vpc) ? vpc : this, vpc.provider);
    if (own === undefined || vpcRegion === undefined || isUnresolved(own) || isUnresolved(vpcRegion) || own === vpcRegion) return;
    throw new ValidationError(
      this,
      "provider",
      `${this.provider?.alias ?? "default"} (${own})`,
      `a provider of ${vpcRegion}, the region of VPC ${Construct.isConstruct(vpc) ? vpc.node.path : vpc.vpcId}, or no provider (the VPC's): a target group is made in its VPC's region, and AWS finds no VPC of another one`,
    );
  }

  private checkNetworkTargets(settings: TargetGroupSettings): IVpc {
    const vpc = requireValue(this, "vpc", settings.vpc, `the VPC of the targets (required for ${this.type} target groups)`);
    checkObject(this, "vpc", vpc);
    this.checkVpcRegion(vpc);
    requireValue(this, "protocol", settings.protocol, `HTTP, HTTPS or TCP (required for ${this.type} target groups)`);
    checkOneOf(this, "protocol", settings.protocol, PROTOCOLS);
    checkOneOf(this, "protocolVersion", settings.protocolVersion, PROTOCOL_VERSIONS);
    checkPort(this, "port", settings.port);
    checkOneOf(this, "ipAddressType", settings.ipAddressType, ["IPV4", "IPV6"]);
    if (settings.ipAddressType !== undefined && this.type !== "IP") {
      throw new ValidationError(this, "ipAddressType", settings.ipAddressType, "nothing: only IP target groups choose an address family");
    }
    if (settings.peeredCidrs !== undefined && this.type !== "IP") {
      throw new ValidationError(this, "peeredCidrs", settings.peeredCidrs, "nothing: only IP target groups register addresses");
    }
    if (settings.ipAddressType === "IPV6" && vpc.ipv6CidrBlock === undefined) {
      throw new ValidationError(
        this,
        "ipAddressType",
        settings.ipAddressType,
        "IPV4, or a VPC with an IPv6 CIDR block (dual-stack) for IPv6 targets",
      );
    }
    checkProtocolOfType(this, this.type, settings.protocol, settings.protocolVersion);
    const healthCheck = checkObject(this, "healthCheck", settings.healthCheck);
    if (healthCheck !== undefined) {
      if (this.type === "ALB") {
        throw new ValidationError(
          this,
          "healthCheck",
          healthCheck,
          "nothing for an ALB target group (VPC Lattice does not health-check ALBs; configure them on the ALB's own target groups)",
        );
      }
      checkHealthCheck(this, healthCheck);
      const enabled = checkBoolean(this, "healthCheck.enabled", healthCheck.enabled) ?? true;
      if (settings.protocol === "TCP" && enabled && (healthCheck.protocol === undefined || healthCheck.protocolVersion === undefined)) {
        throw new ValidationError(
          this,
          "healthCheck",
          healthCheck,
          "protocol and protocolVersion: a TCP target group checks health over HTTP(S), and AWS requires both",
        );
      }
      const trafficPort = settings.port ?? (settings.protocol === "HTTP" ? 80 : 443);
      const checksTrafficPort = healthCheck.port === undefined || healthCheck.port === trafficPort;
      if (settings.protocol === "HTTPS" && enabled && healthCheck.protocol === undefined && checksTrafficPort) {
        throw new ValidationError(
          this,
          "healthCheck.protocol",
          undefined,
          "HTTPS, or HTTP with a health-check port of its own: the targets of an HTTPS group speak TLS on the port checked, and AWS checks over plain HTTP unless told, so no target would ever pass",
        );
      }
      // On the traffic port the targets speak the group's protocol: a check in the other one (TLS to a plain HTTP server, or the reverse) fails on every target.
      const web = settings.protocol === "HTTP" || settings.protocol === "HTTPS";
      if (web && enabled && checksTrafficPort && healthCheck.protocol !== undefined && healthCheck.protocol !== settings.protocol) {
        throw new ValidationError(
          this,
          "healthCheck.protocol",
          healthCheck.protocol,
          `${settings.protocol}, or ${healthCheck.protocol} with a health-check port of its own: the targets of an ${settings.protocol} group speak ${settings.protocol} on the port checked (the traffic port), so a ${healthCheck.protocol} check would fail on every target and none would ever be healthy`,
        );
      }
    }
    return vpc;
  }

  /** An IP target's family is the group's, and its address is one VPC Lattice reaches from the group's VPC. */
  private checkAddress(prop: string, target: LatticeTarget): void {
    if (this.type !== "IP" || isUnresolved(target.id)) return;
    const wanted = this.ipAddressType === "IPV6" ? isIpv6Address : isIpv4Address;
    if (!wanted(target.id)) {
      throw new ValidationError(
        this,
        `${prop}.id`,
        target.id,
        `an ${this.ipAddressType === "IPV6" ? "IPv6" : "IPv4"} address (the target group's ipAddressType)`,
      );
    }
    if (this.vpc !== undefined) checkTargetAddress(this, `${prop}.id`, target.id, { vpc: this.vpc, peeredCidrs: this.peeredCidrs });
  }

  /** AWS registers a Lambda function or an ALB only in a target group of its own account. */
  private checkAccount(prop: string, target: LatticeTarget): void {
    if ((this.type !== "LAMBDA" && this.type !== "ALB") || isUnresolved(target.id) || this.placement.accountId === undefined) return;
    const account = parseArn(target.id)?.account;
    const what = this.type === "LAMBDA" ? "function" : "load balancer";
    if (account !== undefined && account !== this.placement.accountId) {
      throw new ValidationError(
        this,
        `${prop}.id`,
        target.id,
        `a ${what} of account ${this.placement.accountId}, the target group's (AWS registers ${what}s of the target group's own account only)`,
      );
    }
  }

  /** What a target is, whatever its spelling: an IPv6 address in any notation, on its effective port. */
  private identityOf(target: LatticeTarget): string {
    const id = this.type === "IP" && !isUnresolved(target.id) ? (parseCidr(hostCidr(target.id))?.text ?? target.id) : target.id;
    return `${id} ${target.port ?? this.port ?? ""}`;
  }

  /** VPC Lattice needs a resource-based permission on the function, limited to this target group. */
  private allowLatticeToInvoke(key: string, functionArn: string): LambdaPermission {
    return new LambdaPermission(this, `InvokePermission-${key}`, {
      provider: this.provider,
      statementIdPrefix: "vpc-lattice-",
      action: "lambda:InvokeFunction",
      principal: "vpc-lattice.amazonaws.com",
      ...functionAndQualifier(functionArn),
      sourceArn: this.targetGroupArn,
    });
  }
}

/**
 * A function ARN split into the permission's `function_name` and
 * `qualifier`: the provider reads an alias's (or version's) policy back
 * only when the qualifier is in `qualifier`, and strips it from a qualified
 * `function_name`, which then differs on every plan and replaces the
 * permission (hashicorp/terraform-provider-aws#38558). An ARN only Terraform
 * knows (an `aws_lambda_alias`'s) is split by Terraform.
 */
function functionAndQualifier(functionArn: string): { functionName: string; qualifier?: string } {
  if (isUnresolved(functionArn)) {
    const parts = Fn.split(":", functionArn);
    return {
      functionName: Fn.replace(functionArn, "/^(.*:function:[^:]+):.+$/", "$1"),
      qualifier: Token.asString(Fn.conditional(Op.gt(Fn.lengthOf(parts), 7), Fn.element(parts, 7), null)),
    };
  }
  const qualified = /^(.*:function:[^:]+)(?::(.+))?$/.exec(functionArn);
  return qualified ? { functionName: qualified[1], qualifier: qualified[2] } : { functionName: functionArn };
}

/** The config of the props: the factory's, or one made of the deprecated flat props; never both. */
function configOf(scope: Construct, props: LatticeTargetGroupProps): LatticeTargetGroupConfig {
  const flat: TargetGroupSettings = {
    vpc: props.vpc,
    protocol: props.protocol,
    port: props.port,
    protocolVersion: props.protocolVersion,
    ipAddressType: props.ipAddressType,
    healthCheck: props.healthCheck,
    lambdaEventStructureVersion: props.lambdaEventStructureVersion,
  };
  if (props.config !== undefined) {
    checkInstance(
      scope,
      "config",
      props.config,
      LatticeTargetGroupConfig.isLatticeTargetGroupConfig,
      "LatticeTargetGroupConfig.instances, ipAddresses, lambda or applicationLoadBalancer",
    );
    const factory = { INSTANCE: "instances", IP: "ipAddresses", LAMBDA: "lambda", ALB: "applicationLoadBalancer" }[props.config.type];
    requireValue(scope, "config", props.config.settings, `the options of LatticeTargetGroupConfig.${factory}(...)`);
    checkObject(scope, "config", props.config.settings);
    const mixed = ["type", ...Object.keys(flat)].find((key) => (props as unknown as Record<string, unknown>)[key] !== undefined);
    if (mixed !== undefined) {
      throw new ValidationError(
        scope,
        mixed,
        (props as unknown as Record<string, unknown>)[mixed],
        "nothing beside config: give it to the LatticeTargetGroupConfig factory",
      );
    }
    return props.config;
  }
  requireValue(scope, "config", props.type, "a LatticeTargetGroupConfig: instances, ipAddresses, lambda or applicationLoadBalancer");
  checkString(scope, "type", props.type);
  checkOneOf(scope, "type", props.type, TARGET_GROUP_TYPES);
  return LatticeTargetGroupConfig.fromFlatProps(props.type as LatticeTargetGroupType, flat);
}

function shortened(description: string): string {
  return description.length <= MAX_RULE_DESCRIPTION ? description : `${description.slice(0, MAX_RULE_DESCRIPTION - 3)}...`;
}

/** Fails on a protocol (version) AWS refuses for an INSTANCE, IP or ALB group: a made one and an imported one alike. */
function checkProtocolOfType(
  scope: Construct,
  type: LatticeTargetGroupType,
  protocol: LatticeTargetGroupProtocol | undefined,
  protocolVersion: LatticeTargetGroupProtocolVersion | undefined,
): void {
  if (protocol === "TCP" && protocolVersion !== undefined) {
    throw new ValidationError(scope, "protocolVersion", protocolVersion, "nothing for a TCP target group (protocol versions are HTTP concepts)");
  }
  if (type === "ALB" && protocol === "TCP") {
    throw new ValidationError(scope, "protocol", protocol, "HTTP or HTTPS: an ALB target receives HTTP traffic");
  }
}

class ImportedLatticeTargetGroup extends Construct implements ILatticeTargetGroup {
  public readonly targetGroupId: string;
  public readonly targetGroupArn: string;
  public readonly type: LatticeTargetGroupType;
  public readonly protocol?: string;
  public readonly protocolVersion?: string;
  public readonly provider?: TerraformProvider;

  constructor(scope: Construct, id: string, attrs: LatticeTargetGroupAttributes) {
    super(scope, id);
    requireProps(this, attrs, ["targetGroupArn", "type"]);
    checkKnownProps(this, attrs, LATTICE_TARGET_GROUP_ATTRIBUTES);
    checkArn(this, "targetGroupArn", attrs.targetGroupArn, "latticeTargetGroup", { region: literalRegionOf(this, attrs.provider) });
    checkOneOf(this, "type", attrs.type, TARGET_GROUP_TYPES);
    checkOneOf(this, "protocol", attrs.protocol, PROTOCOLS);
    checkOneOf(this, "protocolVersion", attrs.protocolVersion, PROTOCOL_VERSIONS);
    if (attrs.type === "LAMBDA") {
      const [prop, value] = attrs.protocol !== undefined ? ["protocol", attrs.protocol] : ["protocolVersion", attrs.protocolVersion];
      if (value !== undefined)
        throw new ValidationError(this, prop, value, "nothing for a LAMBDA target group (VPC Lattice invokes the function directly)");
    } else {
      checkProtocolOfType(this, attrs.type, attrs.protocol, attrs.protocolVersion);
    }
    this.targetGroupArn = attrs.targetGroupArn;
    this.targetGroupId = idOfArn(attrs.targetGroupArn);
    this.type = attrs.type;
    this.protocol = attrs.protocol;
    this.protocolVersion = attrs.protocolVersion;
    this.provider = attrs.provider;
  }
}
