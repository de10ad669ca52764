import { TerraformProvider } from "../core/cdktf";
import { Construct } from "constructs";
import { LambdaPermission } from "@cdktf/provider-aws/lib/lambda-permission";
import { VpclatticeTargetGroup } from "@cdktf/provider-aws/lib/vpclattice-target-group";
import { VpclatticeTargetGroupAttachment } from "@cdktf/provider-aws/lib/vpclattice-target-group-attachment";
import {
  annotateForFlows,
  AwsResourceProps,
  checkOneOf,
  checkPattern,
  checkPort,
  isIpv4Address,
  isIpv6Address,
  isUnresolved,
  providerOf,
  requireProps,
  requireValue,
  stableId,
  ValidationError,
  VPC_LATTICE_SOURCE_CIDRS,
} from "../core";
import { ISecurityGroup, IVpc, Peer, SecurityGroup } from "../vpc";
import { ILatticeTargetGroup, LatticeTargetGroupType } from "./interfaces";
import { checkLatticeName, idOfArn } from "./names";
import { LatticeTarget } from "./lattice-target";
import { checkHealthCheck, renderHealthCheck, LatticeTargetGroupHealthCheck } from "./target-group-health-check";

/** How VPC Lattice talks to the targets. TCP is for services behind a TLS_PASSTHROUGH listener. */
export type LatticeTargetGroupProtocol = "HTTP" | "HTTPS" | "TCP";
/** HTTP version VPC Lattice speaks to the targets (`config.protocol_version`); GRPC for gRPC services. */
export type LatticeTargetGroupProtocolVersion = "HTTP1" | "HTTP2" | "GRPC";
/** Shape of the event a Lambda target receives. */
export type LambdaEventStructureVersion = "V1" | "V2";
/** Address family of an IP target group's targets (`config.ip_address_type`). */
export type LatticeTargetGroupIpAddressType = "IPV4" | "IPV6";

const TARGET_GROUP_TYPES: readonly LatticeTargetGroupType[] = ["INSTANCE", "IP", "LAMBDA", "ALB"];
const PROTOCOLS: readonly LatticeTargetGroupProtocol[] = ["HTTP", "HTTPS", "TCP"];
const PROTOCOL_VERSIONS: readonly LatticeTargetGroupProtocolVersion[] = ["HTTP1", "HTTP2", "GRPC"];


/** Describes a target group made elsewhere. */
export interface LatticeTargetGroupAttributes {
  /** `arn:aws:vpc-lattice:<region>:<account>:targetgroup/tg-...` */
  readonly targetGroupArn: string;
  /** What the group routes to: INSTANCE, IP, LAMBDA or ALB. */
  readonly type: LatticeTargetGroupType;
  /** Lets traffic splits check compatibility. @default - unknown, the check is skipped */
  readonly protocol?: LatticeTargetGroupProtocol;
  /** @default - unknown, the check is skipped */
  readonly protocolVersion?: LatticeTargetGroupProtocolVersion;
}

export interface LatticeTargetGroupProps extends AwsResourceProps {
  /** 3 to 128 lowercase letters, digits and single hyphens, not starting with "tg-". Unique in the account. */
  readonly name: string;
  /**
   * What the group routes to (`type`): INSTANCE, IP (including EKS pods), LAMBDA or ALB. Changing it replaces the group.
   */
  readonly type: LatticeTargetGroupType;
  /** VPC of the targets: required for INSTANCE, IP and ALB, not allowed for LAMBDA. @default - none (LAMBDA) */
  readonly vpc?: IVpc;
  /** How VPC Lattice talks to the targets: required for INSTANCE, IP and ALB, not allowed for LAMBDA. @default - none (LAMBDA) */
  readonly protocol?: LatticeTargetGroupProtocol;
  /** Not allowed for LAMBDA (AWS rejects a port there). @default 80 for HTTP, 443 for HTTPS and TCP */
  readonly port?: number;
  /** For HTTP and HTTPS groups. @default "HTTP1" */
  readonly protocolVersion?: LatticeTargetGroupProtocolVersion;
  /** Address family of IP targets; IP groups only. @default "IPV4" */
  readonly ipAddressType?: LatticeTargetGroupIpAddressType;
  /** INSTANCE and IP groups only. @default - AWS defaults: on for HTTP1, off for HTTP2 and GRPC */
  readonly healthCheck?: LatticeTargetGroupHealthCheck;
  /**
   * LAMBDA groups only. Always sent explicitly: when it is left to AWS, the
   * provider sees a difference on every plan and replaces the group.
   * @default "V2"
   */
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
   * (a ServiceExport's); forward to those with {@link LatticeTargetGroup.fromAttributes}.
   * @default - Terraform registers `targets`
   */
  readonly targetsRegisteredBy?: string;
  /**
   * Security groups attached to the targets (their instances, ENIs or
   * tasks; for ALB targets, the load balancer's). VPC Lattice connects from
   * its link-local ranges, so one of them must admit those on the group's
   * port and health-check port: the flow analysis checks exactly these
   * groups. Not for LAMBDA groups.
   * @default - none declared; `allowLatticeTraffic` declares the groups it opens
   */
  readonly targetSecurityGroups?: readonly ISecurityGroup[];
}

/**
 * A VPC Lattice target group of EC2 instances, IP addresses (including EKS
 * pods), one Lambda function or one internal Application Load Balancer, with
 * its targets. For a Lambda target it also grants VPC Lattice the right to
 * invoke the function, limited to this target group.
 *
 * Creates: aws_vpclattice_target_group, aws_vpclattice_target_group_attachment,
 * aws_lambda_permission (LAMBDA).
 */
export class LatticeTargetGroup extends Construct implements ILatticeTargetGroup {
  /** Describes a target group made elsewhere: another stack or account, or the AWS Gateway API Controller (a ServiceExport's). */
  public static fromAttributes(scope: Construct, id: string, attrs: LatticeTargetGroupAttributes): ILatticeTargetGroup {
    return new ImportedLatticeTargetGroup(scope, id, attrs);
  }

  /**
   * Opens the targets' security group to VPC Lattice on every port it
   * connects to for these target groups (one rule per port and address
   * family, however many groups share it). Targets see VPC Lattice's
   * link-local addresses, never the clients' ones, so rules based on client
   * CIDRs do not let it in. Call it once the groups' targets are added:
   * ports of targets added later are not opened. The group is recorded as
   * one of the targets' security groups (see `targetSecurityGroups`).
   */
  public static allowLatticeTraffic(securityGroup: SecurityGroup, ...targetGroups: LatticeTargetGroup[]): void {
    const rules = new Map<string, { cidr: string; port: number }>();
    for (const group of targetGroups) {
      if (group.type === "LAMBDA") {
        throw new ValidationError(group, "allowLatticeTraffic", "a LAMBDA target group", "INSTANCE, IP or ALB target groups (Lambda functions have no security group to open)");
      }
      const cidr = group.ipAddressType === "IPV6" ? VPC_LATTICE_SOURCE_CIDRS.ipv6 : VPC_LATTICE_SOURCE_CIDRS.ipv4;
      for (const port of group.trafficPorts) rules.set(`${cidr} ${port}`, { cidr, port });
    }
    const names = targetGroups.map((g) => g.node.id).join(", ");
    for (const { cidr, port } of [...rules.values()].sort((a, b) => a.port - b.port)) {
      securityGroup.addIngressRule({ peer: Peer.cidr(cidr), port, description: `VPC Lattice to the targets of ${names}` });
    }
    for (const group of targetGroups) group.declareTargetSecurityGroups([securityGroup]);
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
  private readonly ipAddressType?: LatticeTargetGroupIpAddressType;
  private readonly provider?: TerraformProvider;
  /** Ports VPC Lattice connects to: the group's, per-target overrides and the health-check port. */
  private readonly trafficPorts = new Set<number>();
  /** Security groups of the targets, in the order they were declared. */
  private readonly targetSecurityGroupIds: string[] = [];
  private readonly targetsRegisteredBy?: string;
  private targetCount = 0;

  constructor(scope: Construct, id: string, props: LatticeTargetGroupProps) {
    super(scope, id);
    requireProps(this, props, ["name", "type"]);
    checkLatticeName(this, "name", props.name, { min: 3, max: 128, reservedPrefix: "tg-" });
    checkOneOf(this, "type", props.type, TARGET_GROUP_TYPES);
    this.type = props.type;
    this.provider = providerOf(props, props.vpc);
    if (props.targetsRegisteredBy !== undefined) this.checkRegistrar(props);

    if (props.type === "LAMBDA") {
      this.rejectForLambda(props);
      checkOneOf(this, "lambdaEventStructureVersion", props.lambdaEventStructureVersion, ["V1", "V2"]);
    } else {
      this.checkNetworkTargets(props);
      this.protocol = props.protocol;
      this.protocolVersion = props.protocol === "TCP" ? undefined : (props.protocolVersion ?? "HTTP1");
      this.port = props.port ?? (props.protocol === "HTTP" ? 80 : 443);
      this.ipAddressType = props.type === "IP" ? (props.ipAddressType ?? "IPV4") : undefined;
      this.trafficPorts.add(this.port);
      if (props.healthCheck?.port !== undefined) this.trafficPorts.add(props.healthCheck.port);
    }

    this.resource = new VpclatticeTargetGroup(this, "Resource", {
      provider: this.provider,
      name: props.name,
      type: props.type,
      config:
        props.type === "LAMBDA"
          ? { lambdaEventStructureVersion: props.lambdaEventStructureVersion ?? "V2" }
          : {
              vpcIdentifier: props.vpc!.vpcId,
              protocol: this.protocol,
              port: this.port,
              protocolVersion: this.protocolVersion,
              ipAddressType: this.ipAddressType,
              healthCheck: props.healthCheck === undefined ? undefined : renderHealthCheck(props.healthCheck),
            },
      tags: { Name: props.name },
    });
    this.targetGroupId = this.resource.id;
    this.targetGroupArn = this.resource.arn;

    if (props.targetsRegisteredBy !== undefined) {
      this.targetsRegisteredBy = props.targetsRegisteredBy;
      annotateForFlows(this.resource, "registeredBy", props.targetsRegisteredBy);
    }
    this.declareTargetSecurityGroups(props.targetSecurityGroups ?? []);
    for (const [name, target] of Object.entries(props.targets ?? {})) this.addTarget(name, target);
  }

  /** Registers one target; `name` keys its Terraform address, so renaming it re-registers the target. */
  public addTarget(name: string, target: LatticeTarget): void {
    const prop = `targets.${name}`;
    if (this.targetsRegisteredBy !== undefined) {
      throw new ValidationError(this, prop, target.id, `no target registered by Terraform: ${this.targetsRegisteredBy} registers the targets of this group (targetsRegisteredBy)`);
    }
    target.validate(this, prop);
    if (target.type !== this.type) {
      throw new ValidationError(this, prop, `a ${target.type} target`, `a ${this.type} target (the target group's type)`);
    }
    this.checkAddressFamily(prop, target);
    if (this.type === "LAMBDA" && this.targetCount === 1) {
      throw new ValidationError(this, prop, target.id, "no second target: a LAMBDA target group holds exactly one function (use one group per function)");
    }
    const key = stableId(name);
    if (this.node.tryFindChild(`Target-${key}`) !== undefined) {
      throw new ValidationError(this, "targets", name, "unique target names (this one is already registered)");
    }
    const permission = this.type === "LAMBDA" ? this.allowLatticeToInvoke(key, target.id) : undefined;
    new VpclatticeTargetGroupAttachment(this, `Target-${key}`, {
      provider: this.provider,
      targetGroupIdentifier: this.targetGroupId,
      target: { id: target.id, port: target.port },
      dependsOn: permission === undefined ? undefined : [permission],
    });
    if (target.port !== undefined) this.trafficPorts.add(target.port);
    this.targetCount++;
  }

  /** Records security groups of the targets for the flow analysis (`//.flows.targetSecurityGroupIds`), each once. */
  private declareTargetSecurityGroups(groups: readonly ISecurityGroup[]): void {
    if (groups.length === 0) return;
    if (this.type === "LAMBDA") {
      throw new ValidationError(this, "targetSecurityGroups", groups.length === 1 ? "a security group" : `${groups.length} security groups`, "nothing for a LAMBDA target group (VPC Lattice invokes the function directly; it has no security group in the path)");
    }
    for (const group of groups) if (!this.targetSecurityGroupIds.includes(group.securityGroupId)) this.targetSecurityGroupIds.push(group.securityGroupId);
    annotateForFlows(this.resource, "targetSecurityGroupIds", [...this.targetSecurityGroupIds]);
  }

  private checkRegistrar(props: LatticeTargetGroupProps): void {
    const registrar = props.targetsRegisteredBy;
    if (typeof registrar !== "string" || registrar.trim() === "") {
      throw new ValidationError(this, "targetsRegisteredBy", registrar, "who registers the targets, such as the ECS service orders-api (a non-empty description)");
    }
    if (props.type === "LAMBDA") {
      throw new ValidationError(this, "targetsRegisteredBy", registrar, "nothing for a LAMBDA target group (its one function is registered with the group, by Terraform)");
    }
  }

  private rejectForLambda(props: LatticeTargetGroupProps): void {
    const notForLambda: [string, unknown][] = [
      ["port", props.port],
      ["vpc", props.vpc],
      ["protocol", props.protocol],
      ["protocolVersion", props.protocolVersion],
      ["ipAddressType", props.ipAddressType],
      ["healthCheck", props.healthCheck],
    ];
    for (const [prop, value] of notForLambda) {
      if (value !== undefined) {
        const shown = prop === "vpc" ? "a VPC" : value;
        throw new ValidationError(this, prop, shown, "nothing for a LAMBDA target group (VPC Lattice invokes the function directly; AWS rejects it)");
      }
    }
  }

  private checkNetworkTargets(props: LatticeTargetGroupProps): void {
    requireValue(this, "vpc", props.vpc, `the VPC of the targets (required for ${props.type} target groups)`);
    requireValue(this, "protocol", props.protocol, `HTTP, HTTPS or TCP (required for ${props.type} target groups)`);
    checkOneOf(this, "protocol", props.protocol, PROTOCOLS);
    checkOneOf(this, "protocolVersion", props.protocolVersion, PROTOCOL_VERSIONS);
    checkPort(this, "port", props.port);
    checkOneOf(this, "ipAddressType", props.ipAddressType, ["IPV4", "IPV6"]);
    if (props.ipAddressType !== undefined && props.type !== "IP") {
      throw new ValidationError(this, "ipAddressType", props.ipAddressType, "nothing: only IP target groups choose an address family");
    }
    if (props.ipAddressType === "IPV6" && props.vpc!.ipv6CidrBlock === undefined) {
      throw new ValidationError(this, "ipAddressType", props.ipAddressType, "IPV4, or a VPC with an IPv6 CIDR block (dual-stack) for IPv6 targets");
    }
    if (props.protocol === "TCP" && props.protocolVersion !== undefined) {
      throw new ValidationError(this, "protocolVersion", props.protocolVersion, "nothing for a TCP target group (protocol versions are HTTP concepts)");
    }
    if (props.type === "ALB" && props.protocol === "TCP") {
      throw new ValidationError(this, "protocol", props.protocol, "HTTP or HTTPS: an ALB target receives HTTP traffic");
    }
    if (props.healthCheck !== undefined) {
      if (props.type === "ALB") {
        throw new ValidationError(this, "healthCheck", props.healthCheck, "nothing for an ALB target group (VPC Lattice does not health-check ALBs; configure them on the ALB's own target groups)");
      }
      checkHealthCheck(this, props.healthCheck);
      const enabled = props.healthCheck.enabled ?? true;
      if (props.protocol === "TCP" && enabled && (props.healthCheck.protocol === undefined || props.healthCheck.protocolVersion === undefined)) {
        throw new ValidationError(this, "healthCheck", props.healthCheck, "protocol and protocolVersion: a TCP target group checks health over HTTP(S), and AWS requires both");
      }
    }
  }

  private checkAddressFamily(prop: string, target: LatticeTarget): void {
    if (this.type !== "IP" || isUnresolved(target.id)) return;
    const wanted = this.ipAddressType === "IPV6" ? isIpv6Address : isIpv4Address;
    if (!wanted(target.id)) {
      throw new ValidationError(this, `${prop}.id`, target.id, `an ${this.ipAddressType === "IPV6" ? "IPv6" : "IPv4"} address (the target group's ipAddressType)`);
    }
  }

  /** VPC Lattice needs a resource-based permission on the function, limited to this target group. */
  private allowLatticeToInvoke(key: string, functionArn: string): LambdaPermission {
    const qualified = isUnresolved(functionArn) ? undefined : /^(.*:function:[^:]+)(?::(.+))?$/.exec(functionArn);
    return new LambdaPermission(this, `InvokePermission-${key}`, {
      provider: this.provider,
      statementIdPrefix: "vpc-lattice-",
      action: "lambda:InvokeFunction",
      principal: "vpc-lattice.amazonaws.com",
      // The provider reads an alias policy back only when the alias is in `qualifier`, not in the name.
      functionName: qualified ? qualified[1] : functionArn,
      qualifier: qualified?.[2],
      sourceArn: this.targetGroupArn,
    });
  }
}


class ImportedLatticeTargetGroup extends Construct implements ILatticeTargetGroup {
  public readonly targetGroupId: string;
  public readonly targetGroupArn: string;
  public readonly type: LatticeTargetGroupType;
  public readonly protocol?: string;
  public readonly protocolVersion?: string;

  constructor(scope: Construct, id: string, attrs: LatticeTargetGroupAttributes) {
    super(scope, id);
    checkPattern(
      this,
      "targetGroupArn",
      attrs.targetGroupArn,
      /^arn:aws[a-z-]*:vpc-lattice:[a-z0-9-]+:\d{12}:targetgroup\/tg-[0-9a-z]{17}$/,
      "a target group ARN such as arn:aws:vpc-lattice:us-east-1:111111111111:targetgroup/tg-0123456789abcdef0",
    );
    checkOneOf(this, "type", attrs.type, TARGET_GROUP_TYPES);
    checkOneOf(this, "protocol", attrs.protocol, PROTOCOLS);
    checkOneOf(this, "protocolVersion", attrs.protocolVersion, PROTOCOL_VERSIONS);
    this.targetGroupArn = attrs.targetGroupArn;
    this.targetGroupId = idOfArn(attrs.targetGroupArn);
    this.type = attrs.type;
    this.protocol = attrs.type === "LAMBDA" ? undefined : attrs.protocol;
    this.protocolVersion = attrs.protocolVersion;
  }
}
