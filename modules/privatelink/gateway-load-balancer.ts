import { TerraformProvider } from "../core/cdktf";
import { Construct, IConstruct } from "constructs";
import { Lb } from "@cdktf/provider-aws/lib/lb";
import { LbListener } from "@cdktf/provider-aws/lib/lb-listener";
import { LbTargetGroup } from "@cdktf/provider-aws/lib/lb-target-group";
import { LbTargetGroupAttachment } from "@cdktf/provider-aws/lib/lb-target-group-attachment";
import {
  addressRange,
  AwsResourceProps,
  checkArn,
  checkBoolean,
  checkInstance,
  checkKnownProps,
  checkList,
  checkObject,
  checkOneOf,
  checkPattern,
  checkResourceId,
  isIpv4Address,
  isUnresolved,
  nameFromPath,
  OptOut,
  optOutReason,
  Port,
  providerOf,
  RECORDED_OPT_OUTS,
  recordOptOut,
  requireProps,
  stableId,
  ValidationError,
} from "../core";
import {
  awsReservedAddressIn,
  Connections,
  ISubnet,
  IVpc,
  literalZoneIds,
  Peer,
  reservedAddressExpectation,
  SecurityGroup,
  inVpcIpv4Blocks,
  vpcIpv4CidrBlocks,
} from "../vpc";
import { HealthCheck, renderHealthCheck } from "./health-check";
import { loadBalancerNameOf } from "./network-load-balancer";
import { checkLoadBalancerSubnets, loadBalancerSubnetsOf } from "./checks";
import { checkTargetZone, checkZoneIds } from "./zones";

/** The port and protocol a Gateway Load Balancer speaks to its appliances: GENEVE on UDP 6081, fixed by AWS. */
export const GENEVE_PORT = 6081;

/** A Gateway Load Balancer an endpoint service can front: created here or imported. */
export interface IGatewayLoadBalancer {
  /** ARN of the Gateway Load Balancer (`...:loadbalancer/gwy/<name>/<id>`), the endpoint service's `gateway_load_balancer_arns` entry. */
  readonly loadBalancerArn: string;
  /** AZ IDs (`use1-az1`) of its subnets: where consumers' endpoints can be. @default - unknown: consumers' placement is not checked at synth */
  readonly availabilityZoneIds?: readonly string[];
  /** @default - unknown, IP family checks are skipped */
  readonly ipAddressType?: "ipv4" | "dualstack";
  /** The load balancer's name, the `<name>` of its ARN. @default - unknown */
  readonly loadBalancerName?: string;
}

/** Describes an existing Gateway Load Balancer for {@link GatewayLoadBalancer.fromGatewayLoadBalancerAttributes}. */
export interface GatewayLoadBalancerAttributes {
  /** ARN of the existing Gateway Load Balancer (`...:loadbalancer/gwy/<name>/<id>`). */
  readonly loadBalancerArn: string;
  /** AZ IDs (`use1-az1`) of its subnets, at least one. @default - unknown: consumers' placement is not checked at synth */
  readonly availabilityZoneIds?: readonly string[];
  /** @default - unknown, IP family checks are skipped */
  readonly ipAddressType?: "ipv4" | "dualstack";
}

/** What the Gateway Load Balancer sends traffic to: the inspection appliances (firewalls, IDS). */
export class ApplianceTargets {
  /** Appliance instances by stable name (`{ "firewall-a": "i-0123..." }`); each name keys its attachment. */
  public static instances(props: { readonly instances: Readonly<Record<string, string>> }): ApplianceTargets {
    return new ApplianceTargets("instance", "instances", props?.instances, undefined);
  }

  /** Appliance addresses in the load balancer's VPC, by stable name (`{ "firewall-a": "10.100.0.10" }`). */
  public static ipAddresses(props: { readonly addresses: Readonly<Record<string, string>> }): ApplianceTargets {
    return new ApplianceTargets("ip", "addresses", props?.addresses, undefined);
  }

  /** Appliances an Auto Scaling group (or the appliance vendor's tooling) registers by itself. */
  public static registeredElsewhere(props: { readonly targetType: "instance" | "ip"; readonly registeredBy: OptOut }): ApplianceTargets {
    return new ApplianceTargets(props?.targetType, "registeredBy", undefined, props?.registeredBy);
  }

  /** True for values made by this class's factories (JavaScript callers can pass anything). */
  public static isApplianceTargets(value: unknown): value is ApplianceTargets {
    return value instanceof ApplianceTargets;
  }

  private constructor(
    /** The target group's `target_type`. */
    public readonly targetType: "instance" | "ip",
    /** @internal The prop that holds the targets, for errors. */
    public readonly targetsProp: string,
    /** @internal The targets as the caller passed them. */
    public readonly given: Readonly<Record<string, string>> | undefined,
    /** @internal Who registers the targets, when not here. */
    public readonly registeredBy: OptOut | undefined,
  ) {}
}

export interface GatewayLoadBalancerProps extends AwsResourceProps {
  /** The VPC of the load balancer and its appliances; its provider is used unless `provider` is given. */
  readonly vpc: IVpc;
  /** One per availability zone; consumers' endpoints can only be in these zones. @default - the VPC's private subnets */
  readonly subnets?: readonly ISubnet[];
  /** The appliances that inspect the traffic. */
  readonly appliances: ApplianceTargets;
  /**
   * How the load balancer checks the appliances. The port is required:
   * GENEVE's 6081 answers no health check, so appliances expose one of
   * their own (a TCP port, or an HTTP path).
   */
  readonly healthCheck: HealthCheck;
  /**
   * Send flows to healthy appliances in every zone, not only in the zone
   * the endpoint is in: a zone whose appliances are down keeps inspecting.
   * @default true
   */
  readonly crossZoneLoadBalancing?: boolean;
  /** Protects the load balancer, and so every inspected route, from an accidental destroy. @default true */
  readonly enableDeletionProtection?: boolean;
  /** `dualstack` lets its endpoint service offer IPv6 endpoints. @default "ipv4" */
  readonly ipAddressType?: "ipv4" | "dualstack";
  /** 1-32 letters, digits and hyphens. @default - a name Terraform generates */
  readonly name?: string;
}

/**
 * A Gateway Load Balancer in front of inspection appliances: the load
 * balancer (type gateway) in one subnet per zone, one GENEVE target group on
 * UDP 6081 with the appliances' health check, the listener that forwards to
 * it, and a security group for the appliances admitting GENEVE and the
 * health check from the load balancer's VPC. Offer it to other VPCs and
 * accounts with an {@link EndpointService} (`EndpointServiceLoadBalancer.gatewayLoadBalancer`).
 *
 * Creates: aws_lb, aws_lb_target_group, aws_lb_target_group_attachment,
 * aws_lb_listener, aws_security_group (with its rules).
 */
export class GatewayLoadBalancer extends Construct implements IGatewayLoadBalancer {
  /** Describes a Gateway Load Balancer made elsewhere (the security team's), for an endpoint service; its name is read from the ARN. */
  public static fromGatewayLoadBalancerAttributes(scope: Construct, id: string, attrs: GatewayLoadBalancerAttributes): IGatewayLoadBalancer {
    return new ImportedGatewayLoadBalancer(scope, id, attrs);
  }

  /** The underlying `aws_lb`, as an escape hatch. */
  public readonly resource: Lb;
  /** The appliances' GENEVE target group. */
  public readonly targetGroup: LbTargetGroup;
  public readonly loadBalancerArn: string;
  /** The load balancer's name (`aws_lb.name`). */
  public readonly loadBalancerName: string;
  public readonly availabilityZoneIds?: readonly string[];
  /** The load balancer's subnets: where its endpoint service's consumers can place their endpoints. */
  public readonly subnets: readonly ISubnet[];
  public readonly ipAddressType: "ipv4" | "dualstack";
  /** The group to attach to the appliances: GENEVE and the health check from the load balancer's VPC (each of its IPv4 blocks). */
  public readonly appliancesSecurityGroup: SecurityGroup;
  /** The appliances' side: `appliancesConnections.allowFrom(peer, port, "why")` for their management access, say. */
  public readonly appliancesConnections: Connections;
  private readonly provider?: TerraformProvider;

  constructor(scope: Construct, id: string, props: GatewayLoadBalancerProps) {
    super(scope, id);
    requireProps(this, props, ["vpc", "appliances", "healthCheck"]);
    checkKnownProps(this, props, GATEWAY_LOAD_BALANCER_PROPS);
    const subnets = loadBalancerSubnetsOf(this, props);
    checkBoolean(this, "crossZoneLoadBalancing", props.crossZoneLoadBalancing);
    checkBoolean(this, "enableDeletionProtection", props.enableDeletionProtection);
    this.ipAddressType = props.ipAddressType ?? "ipv4";
    checkOneOf(this, "ipAddressType", this.ipAddressType, ["ipv4", "dualstack"]);
    checkLoadBalancerSubnets(this, subnets, props.vpc, this.ipAddressType);
    checkPattern(
      this,
      "name",
      props.name,
      /^(?!internal-)[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?$/,
      "1-32 letters, digits and hyphens, not starting with internal-",
    );
    const appliances = checkInstance(
      this,
      "appliances",
      props.appliances,
      ApplianceTargets.isApplianceTargets,
      "ApplianceTargets.instances, .ipAddresses or .registeredElsewhere",
    ) as ApplianceTargets;
    const targets = checkAppliances(this, appliances, props.vpc);
    if (appliances.targetType === "ip")
      for (const [name, address] of targets) checkTargetZone(this, `appliances.addresses.${name}`, address, props.vpc, subnets);
    checkObject(this, "healthCheck", props.healthCheck);
    if (props.healthCheck.port === undefined || props.healthCheck.port === GENEVE_PORT) {
      throw new ValidationError(
        this,
        "healthCheck.port",
        props.healthCheck.port,
        `a port the appliances answer health checks on (not GENEVE's ${GENEVE_PORT}), such as 80`,
      );
    }
    const healthCheck = renderHealthCheck(this, "healthCheck", props.healthCheck, { protocol: "TCP" });

    this.provider = providerOf(props, props.vpc);
    this.availabilityZoneIds = literalZoneIds(subnets);
    this.subnets = subnets;
    const nameTag = props.name ?? nameFromPath(this);
    this.resource = new Lb(this, "Resource", {
      provider: this.provider,
      name: props.name,
      loadBalancerType: "gateway",
      enableCrossZoneLoadBalancing: props.crossZoneLoadBalancing ?? true,
      enableDeletionProtection: props.enableDeletionProtection ?? true,
      ipAddressType: this.ipAddressType,
      subnets: subnets.map((s) => s.subnetId),
      tags: { Name: nameTag },
    });
    this.loadBalancerArn = this.resource.arn;
    this.loadBalancerName = this.resource.name;
    this.targetGroup = new LbTargetGroup(this, "Appliances", {
      provider: this.provider,
      vpcId: props.vpc.vpcId,
      targetType: appliances.targetType,
      protocol: "GENEVE",
      port: GENEVE_PORT,
      healthCheck,
      tags: { Name: `${nameTag}-appliances` },
      lifecycle: { createBeforeDestroy: true },
    });
    const registeredBy = optOutReason(this, "appliances.registeredBy", appliances.registeredBy);
    if (registeredBy !== undefined) recordOptOut(this.targetGroup, RECORDED_OPT_OUTS.targetsRegisteredElsewhere, registeredBy);
    for (const [name, targetId] of targets) {
      new LbTargetGroupAttachment(this, `Appliance-${stableId(name)}`, { provider: this.provider, targetGroupArn: this.targetGroup.arn, targetId });
    }
    // A Gateway Load Balancer listener has neither port nor protocol: it takes every packet the endpoints send.
    new LbListener(this, "Listener", {
      provider: this.provider,
      loadBalancerArn: this.loadBalancerArn,
      defaultAction: [{ type: "forward", targetGroupArn: this.targetGroup.arn }],
    });

    this.appliancesSecurityGroup = new SecurityGroup(this, "AppliancesSecurityGroup", {
      provider: this.provider,
      vpc: props.vpc,
      description: "Inspection appliances: GENEVE and health checks from the Gateway Load Balancer",
    });
    this.appliancesConnections = new Connections(this, { securityGroups: [this.appliancesSecurityGroup] });
    // The load balancer has no security group: its nodes send from their addresses in the VPC, in any of its IPv4 blocks
    // (the subnets of an imported VPC may be in a secondary one). A VPC without secondary blocks keeps its one rule each.
    for (const block of vpcIpv4CidrBlocks(props.vpc)) {
      const fromLoadBalancer = Peer.cidr(block);
      this.appliancesConnections.allowFrom(fromLoadBalancer, Port.tcp(GENEVE_PORT), "GENEVE-encapsulated traffic from the Gateway Load Balancer", {
        protocol: "udp",
      });
      this.appliancesConnections.allowFrom(fromLoadBalancer, Port.tcp(props.healthCheck.port), "Health checks from the Gateway Load Balancer");
    }
  }
}

/** The appliances by name: instance IDs, or addresses of the VPC; each once, under one name. */
function checkAppliances(scope: IConstruct, appliances: ApplianceTargets, vpc: IVpc): [string, string][] {
  checkOneOf(scope, "appliances.targetType", appliances.targetType, ["instance", "ip"]);
  if (appliances.registeredBy !== undefined) return [];
  const prop = `appliances.${appliances.targetsProp}`;
  checkObject(scope, prop, appliances.given);
  const entries = Object.entries(appliances.given ?? {});
  if (entries.length === 0)
    throw new ValidationError(
      scope,
      prop,
      appliances.given,
      "at least one appliance (appliances an Auto Scaling group registers: ApplianceTargets.registeredElsewhere)",
    );
  const seen = new Map<string, string>();
  for (const [name, targetId] of entries) {
    const at = `${prop}.${name}`;
    if (appliances.targetType === "instance") checkResourceId(scope, at, targetId, "instance");
    else if (!isUnresolved(targetId)) {
      // GENEVE runs over IPv4: appliances are registered by their IPv4 address in the load balancer's VPC.
      if (
        typeof targetId !== "string" ||
        !isIpv4Address(targetId) ||
        addressRange(targetId) === "loopback" ||
        addressRange(targetId) === "linkLocal"
      ) {
        throw new ValidationError(scope, at, targetId, "the IPv4 address of an appliance, such as 10.100.0.10");
      }
      // An address in a secondary block of the VPC is in the VPC as one in its primary block is.
      if (inVpcIpv4Blocks(vpc, targetId) === false) {
        throw new ValidationError(
          scope,
          at,
          targetId,
          `an address inside the load balancer's VPC (${vpcIpv4CidrBlocks(vpc).join(", ")}): appliances are reached in their own VPC`,
        );
      }
      const reserved = awsReservedAddressIn(vpc, targetId);
      if (reserved !== undefined) throw new ValidationError(scope, at, targetId, reservedAddressExpectation(targetId, reserved));
    }
    if (isUnresolved(targetId)) continue;
    const earlier = seen.get(String(targetId).toLowerCase());
    if (earlier !== undefined) throw new ValidationError(scope, at, targetId, `an appliance not already registered as ${prop}.${earlier}`);
    seen.set(String(targetId).toLowerCase(), name);
  }
  return entries;
}

class ImportedGatewayLoadBalancer extends Construct implements IGatewayLoadBalancer {
  public readonly loadBalancerArn: string;
  public readonly loadBalancerName: string;
  public readonly availabilityZoneIds?: readonly string[];
  public readonly ipAddressType?: "ipv4" | "dualstack";

  constructor(scope: Construct, id: string, attrs: GatewayLoadBalancerAttributes) {
    super(scope, id);
    requireProps(this, attrs, ["loadBalancerArn"]);
    checkKnownProps(this, attrs, GATEWAY_LOAD_BALANCER_ATTRIBUTES);
    checkArn(this, "loadBalancerArn", attrs.loadBalancerArn, "gatewayLoadBalancer");
    checkOneOf(this, "ipAddressType", attrs.ipAddressType, ["ipv4", "dualstack"]);
    checkList(this, "availabilityZoneIds", attrs.availabilityZoneIds);
    checkZoneIds(this, "availabilityZoneIds", attrs.availabilityZoneIds);
    this.loadBalancerArn = attrs.loadBalancerArn;
    this.loadBalancerName = loadBalancerNameOf(attrs.loadBalancerArn);
    this.availabilityZoneIds = attrs.availabilityZoneIds;
    this.ipAddressType = attrs.ipAddressType;
  }
}

const GATEWAY_LOAD_BALANCER_PROPS: Record<keyof GatewayLoadBalancerProps, true> = {
  vpc: true,
  subnets: true,
  appliances: true,
  healthCheck: true,
  crossZoneLoadBalancing: true,
  enableDeletionProtection: true,
  ipAddressType: true,
  name: true,
  provider: true,
};

const GATEWAY_LOAD_BALANCER_ATTRIBUTES: Record<keyof GatewayLoadBalancerAttributes, true> = {
  loadBalancerArn: true,
  availabilityZoneIds: true,
  ipAddressType: true,
};
