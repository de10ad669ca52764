import { Annotations } from "../core/cdktf";
import { Construct, IConstruct } from "constructs";
import { Lb } from "@cdktf/provider-aws/lib/lb";
import { LbListener } from "@cdktf/provider-aws/lib/lb-listener";
import { LbTargetGroup, LbTargetGroupHealthCheck } from "@cdktf/provider-aws/lib/lb-target-group";
import { LbTargetGroupAttachment } from "@cdktf/provider-aws/lib/lb-target-group-attachment";
import {
  AWS_DEFAULT_QUOTAS,
  AwsResourceProps,
  checkItemCount,
  checkOneOf,
  checkPattern,
  checkPort,
  checkUnique,
  isIpv4Address,
  isIpv6Address,
  isUnresolved,
  nameFromPath,
  providerOf,
  requireProps,
  stableId,
  ValidationError,
} from "../core";
import { ISubnet, IVpc, literalZoneIds, Peer, SecurityGroup, vpcClientPeers, zoneOf } from "../vpc";
import { checkZoneIds } from "./zones";

/** The TLS policy of TLS listeners unless told otherwise: TLS 1.3 and 1.2 with forward secrecy only. */
export const DEFAULT_TLS_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";

const NLB_ARN = /^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:loadbalancer\/net\/[A-Za-z0-9-]{1,32}\/[0-9a-f]+$/;

/** A Network Load Balancer an endpoint service can front: created here or imported. */
export interface INetworkLoadBalancer {
  /**
   * ARN of the Network Load Balancer (`...:loadbalancer/net/<name>/<id>`), the endpoint service's `network_load_balancer_arns` entry.
   */
  readonly loadBalancerArn: string;
  /** The TCP ports consumers connect to: the endpoint service's ports. */
  readonly listenerPorts: readonly number[];
  /** @default - unknown, IP family checks are skipped */
  readonly ipAddressType?: "ipv4" | "dualstack";
  /**
   * AZ IDs (`use1-az1`) of the load balancer's subnets: the zones its
   * endpoint service offers, which every consumer endpoint's subnets must be
   * in. AZ IDs, not names, because names map to other zones in other accounts.
   * @default - unknown: consumers' placement is not checked at synth
   */
  readonly availabilityZoneIds?: readonly string[];
}

/** Describes an existing Network Load Balancer for NetworkLoadBalancer.fromAttributes. */
export interface NetworkLoadBalancerAttributes {
  /** ARN of the existing Network Load Balancer (`...:loadbalancer/net/<name>/<id>`). */
  readonly loadBalancerArn: string;
  /** The TCP ports of its listeners, 1-65535, at least one: the ports consumers reach through the endpoint service. */
  readonly listenerPorts: readonly number[];
  /** @default - unknown, IP family checks are skipped */
  readonly ipAddressType?: "ipv4" | "dualstack";
  /** AZ IDs (`use1-az1`) of its subnets, at least one. @default - unknown: consumers' placement is not checked at synth */
  readonly availabilityZoneIds?: readonly string[];
}

/** Protocols an NLB behind PrivateLink can listen on: interface endpoints carry TCP only. */
export type NetworkListenerProtocol = "TCP" | "TLS";

interface TargetSpec {
  /** Stable name, part of the attachment's construct ID. */
  readonly key: string;
  readonly targetId: string;
  /** Who the NLB's security group must reach: the target itself when literal, else the VPC. */
  readonly egressCidr?: string;
}

/** What one listener forwards to: a target group of instances, IP addresses or an Application Load Balancer. */
export class ListenerTargets {
  /** EC2 instances by stable name (`{ "api-a": "i-0123..." }`), reached on `port`. */
  public static instances(props: { readonly port: number; readonly instances: Readonly<Record<string, string>> }): ListenerTargets {
    const targets = Object.entries(props.instances).map(([name, instanceId]) => ({ key: stableId(name), targetId: instanceId }));
    return new ListenerTargets("instance", props.port, targets, { enabled: true, protocol: "TCP" });
  }

  /** IP addresses of the VPC (or of a peered network), reached on `port`; literal ones key their own attachments. */
  public static ipAddresses(props: { readonly port: number; readonly addresses: Readonly<Record<string, string>> }): ListenerTargets {
    const targets = Object.entries(props.addresses).map(([name, ip]) => ({ key: stableId(name), targetId: ip, egressCidr: hostCidr(ip) }));
    return new ListenerTargets("ip", props.port, targets, { enabled: true, protocol: "TCP" });
  }

  /**
   * An internal Application Load Balancer, for HTTP routing behind PrivateLink.
   * `port` must be one of the ALB's listener ports; only TCP listeners can forward to it.
   */
  public static applicationLoadBalancer(props: {
    readonly loadBalancerArn: string;
    readonly port: number;
    /** @default "HTTP" */
    readonly healthCheckProtocol?: "HTTP" | "HTTPS";
    /** @default "/" */
    readonly healthCheckPath?: string;
  }): ListenerTargets {
    return new ListenerTargets("alb", props.port, [{ key: "alb", targetId: props.loadBalancerArn }], {
      enabled: true,
      protocol: props.healthCheckProtocol ?? "HTTP",
      path: props.healthCheckPath ?? "/",
    });
  }

  private constructor(
    /** The target group's `target_type`: EC2 instances, IP addresses or an Application Load Balancer. */
    public readonly targetType: "instance" | "ip" | "alb",
    /** Port the targets receive traffic and health checks on (the target group's `port`), 1-65535. */
    public readonly port: number,
    /** @internal */
    public readonly targets: readonly TargetSpec[],
    /** @internal */
    public readonly healthCheck: LbTargetGroupHealthCheck,
  ) {}
}

/** A TCP or TLS listener and what it forwards to. */
export interface NetworkLoadBalancerListener {
  /** Port consumers connect to (the listener's `port`), 1-65535, unique per load balancer. */
  readonly port: number;
  /** @default "TCP" */
  readonly protocol?: NetworkListenerProtocol;
  /** ACM certificate of TLS listeners; required for TLS, refused for TCP. @default - none */
  readonly certificateArn?: string;
  /** @default DEFAULT_TLS_POLICY for TLS listeners */
  readonly sslPolicy?: string;
  /** Where the listener forwards: a target group of its own, created for this listener. */
  readonly targets: ListenerTargets;
}

export interface NetworkLoadBalancerProps extends AwsResourceProps {
  /**
   * The VPC of the load balancer, its target groups and its security group; its provider is used unless `provider` is given.
   */
  readonly vpc: IVpc;
  /** At most one per availability zone. @default - the VPC's private subnets */
  readonly subnets?: readonly ISubnet[];
  /** The listeners, at least one, with unique ports; more than 50 (the default quota) gives a warning. */
  readonly listeners: readonly NetworkLoadBalancerListener[];
  /**
   * Who may reach the listener ports, through the NLB's security group. With
   * PrivateLink enforcement on, PrivateLink clients are judged by their own
   * private IPs (in the consumer VPCs), so list the consumers' CIDRs here.
   * @default - the VPC's IPv4 CIDR, and its IPv6 CIDR for a dualstack load balancer
   */
  readonly ingressPeers?: readonly Peer[];
  /**
   * Whether the security group's inbound rules also apply to PrivateLink
   * traffic. Turn it off when consumer CIDRs are unknown or overlap (SaaS):
   * the endpoint service's allowed principals and acceptance then decide.
   * @default true
   */
  readonly enforceSecurityGroupInboundRulesOnPrivateLinkTraffic?: boolean;
  /** Protects the NLB, and so every consumer's connection, from an accidental destroy. @default true */
  readonly enableDeletionProtection?: boolean;
  /** `dualstack` lets an endpoint service offer IPv6; every subnet must be dual-stack. @default "ipv4" */
  readonly ipAddressType?: "ipv4" | "dualstack";
  /** S3 bucket for access logs (NLBs log TLS connections only). @default - no access logs */
  readonly accessLogs?: {
    /** Name (not ARN) of the S3 bucket (`access_logs.bucket`); its policy must let ELB log delivery write. */
    readonly bucket: string;
    /** Key prefix of the log objects (`access_logs.prefix`). @default - the bucket root */
    readonly prefix?: string;
  };
  /** 1-32 letters, digits and hyphens. @default - a name Terraform generates */
  readonly name?: string;
}

/**
 * An internal, cross-zone Network Load Balancer built to front a PrivateLink
 * endpoint service: a security group opening only the listener ports to the
 * given peers (and only the target ports towards the targets), one target
 * group per listener, TLS listeners on a TLS 1.3 policy, and a security group
 * for the targets that admits the load balancer on the target ports.
 *
 * Creates: aws_lb, aws_lb_listener, aws_lb_target_group,
 * aws_lb_target_group_attachment, two aws_security_group (with their rules).
 */
export class NetworkLoadBalancer extends Construct implements INetworkLoadBalancer {
  /** Describes an NLB made elsewhere, for an endpoint service. */
  public static fromAttributes(scope: Construct, id: string, attrs: NetworkLoadBalancerAttributes): INetworkLoadBalancer {
    return new ImportedNetworkLoadBalancer(scope, id, attrs);
  }

  /** The underlying `aws_lb`, as an escape hatch. */
  public readonly resource: Lb;
  /** ARN of the load balancer (`aws_lb.arn`), known at apply. */
  public readonly loadBalancerArn: string;
  /** The load balancer's DNS name (`aws_lb.dns_name`); internal, so it resolves to the nodes' private IPs. */
  public readonly dnsName: string;
  public readonly listenerPorts: readonly number[];
  public readonly ipAddressType: "ipv4" | "dualstack";
  /** The load balancer's security group: listener ports from `ingressPeers`, target ports towards the targets. */
  public readonly securityGroup: SecurityGroup;
  /**
   * The group to attach to the targets (instances, the network interfaces of
   * IP targets, an Application Load Balancer): it admits the load balancer's
   * security group on every target port, traffic and health checks alike.
   * Targets are made elsewhere, so attaching it is yours; without it (or an
   * equivalent rule) the targets drop what the load balancer sends them.
   */
  public readonly targetsSecurityGroup: SecurityGroup;
  /** The load balancer's subnets. */
  public readonly subnets: readonly ISubnet[];
  public readonly availabilityZoneIds?: readonly string[];
  /** Name tag of the load balancer and prefix of its target groups' tags. */
  private readonly nameTag: string;

  constructor(scope: Construct, id: string, props: NetworkLoadBalancerProps) {
    super(scope, id);
    requireProps(this, props, ["vpc", "listeners"]);
    const subnets = props.subnets ?? props.vpc.privateSubnets;
    this.ipAddressType = props.ipAddressType ?? "ipv4";
    checkPattern(this, "name", props.name, /^(?!internal-)[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?$/, "1-32 letters, digits and hyphens, not starting with internal-");
    checkOneOf(this, "ipAddressType", this.ipAddressType, ["ipv4", "dualstack"]);
    checkItemCount(this, "subnets", subnets, 1);
    checkUnique(this, "subnets", subnets, (s) => zoneOf(s));
    if (this.ipAddressType === "dualstack") {
      subnets.forEach((s, i) => {
        if (s.ipAddressType !== undefined && s.ipAddressType !== "dualstack") {
          throw new ValidationError(this, `subnets[${i}].ipAddressType`, s.ipAddressType, "dualstack subnets for a dualstack load balancer");
        }
      });
    }
    validateListeners(this, props.listeners);
    this.listenerPorts = props.listeners.map((l) => l.port);
    this.subnets = subnets;
    this.availabilityZoneIds = literalZoneIds(subnets);

    const provider = providerOf(props, props.vpc);
    this.nameTag = props.name ?? nameFromPath(this);
    this.securityGroup = new SecurityGroup(this, "SecurityGroup", {
      provider,
      vpc: props.vpc,
      description: "PrivateLink NLB: listener ports from allowed clients, target ports to targets",
    });
    this.resource = new Lb(this, "Resource", {
      provider,
      name: props.name,
      loadBalancerType: "network",
      internal: true,
      enableCrossZoneLoadBalancing: true,
      enableDeletionProtection: props.enableDeletionProtection ?? true,
      ipAddressType: this.ipAddressType,
      subnets: subnets.map((s) => s.subnetId),
      securityGroups: [this.securityGroup.securityGroupId],
      enforceSecurityGroupInboundRulesOnPrivateLinkTraffic: props.enforceSecurityGroupInboundRulesOnPrivateLinkTraffic === false ? "off" : "on",
      accessLogs: props.accessLogs === undefined ? undefined : { enabled: true, bucket: props.accessLogs.bucket, prefix: props.accessLogs.prefix },
      tags: { Name: this.nameTag },
    });
    this.loadBalancerArn = this.resource.arn;
    this.dnsName = this.resource.dnsName;

    const ingressPeers = props.ingressPeers ?? vpcClientPeers(props.vpc, { ipv6: this.ipAddressType === "dualstack" });
    const egress = new Set<string>();
    for (const listener of props.listeners) {
      for (const peer of ingressPeers) {
        this.securityGroup.addIngressRule({ peer, port: listener.port, description: `Clients to listener ${listener.port}` });
      }
      for (const target of listener.targets.targets) {
        const cidr = target.egressCidr ?? props.vpc.cidrBlock;
        const key = `${listener.targets.port}-${isUnresolved(cidr) ? "vpc" : cidr}`;
        if (egress.has(key)) continue;
        egress.add(key);
        this.securityGroup.addEgressRule({ peer: Peer.cidr(cidr), port: listener.targets.port, description: `Traffic and health checks to targets on ${listener.targets.port}` });
      }
      this.addListener(provider, props.vpc, listener);
    }
    this.targetsSecurityGroup = new SecurityGroup(this, "TargetsSecurityGroup", {
      provider,
      vpc: props.vpc,
      description: "Targets of the PrivateLink NLB: target ports from the load balancer (traffic and health checks)",
    });
    for (const port of [...new Set(props.listeners.map((l) => l.targets.port))].sort((a, b) => a - b)) {
      this.targetsSecurityGroup.addIngressRule({ peer: Peer.securityGroup(this.securityGroup, "load-balancer"), port, description: `Traffic and health checks from the load balancer on ${port}` });
    }
  }

  private addListener(provider: NetworkLoadBalancerProps["provider"], vpc: IVpc, listener: NetworkLoadBalancerListener): void {
    const { targets } = listener;
    const targetGroup = new LbTargetGroup(this, `Targets-${listener.port}`, {
      provider,
      vpcId: vpc.vpcId,
      targetType: targets.targetType,
      protocol: "TCP",
      port: targets.port,
      healthCheck: targets.healthCheck,
      tags: { Name: `${this.nameTag}-${listener.port}` },
      lifecycle: { createBeforeDestroy: true },
    });
    for (const target of targets.targets) {
      new LbTargetGroupAttachment(this, `Target-${listener.port}-${target.key}`, {
        provider,
        targetGroupArn: targetGroup.arn,
        targetId: target.targetId,
        port: targets.port,
      });
    }
    const tls = listener.protocol === "TLS";
    new LbListener(this, `Listener-${listener.port}`, {
      provider,
      loadBalancerArn: this.loadBalancerArn,
      port: listener.port,
      protocol: listener.protocol ?? "TCP",
      certificateArn: tls ? listener.certificateArn : undefined,
      sslPolicy: tls ? (listener.sslPolicy ?? DEFAULT_TLS_POLICY) : undefined,
      defaultAction: [{ type: "forward", targetGroupArn: targetGroup.arn }],
    });
  }
}

function validateListeners(scope: IConstruct, listeners: readonly NetworkLoadBalancerListener[]): void {
  checkItemCount(scope, "listeners", listeners, 1);
  checkUnique(scope, "listeners[].port", listeners, (l) => l.port);
  if (listeners.length > AWS_DEFAULT_QUOTAS.listenersPerNetworkLoadBalancer) {
    Annotations.of(scope).addWarning(`${listeners.length} listeners exceed the default quota of ${AWS_DEFAULT_QUOTAS.listenersPerNetworkLoadBalancer} per Network Load Balancer; request an increase first`);
  }
  listeners.forEach((listener, i) => {
    const at = `listeners[${i}]`;
    checkPort(scope, `${at}.port`, listener.port);
    checkPort(scope, `${at}.targets.port`, listener.targets.port);
    checkOneOf(scope, `${at}.protocol`, listener.protocol, ["TCP", "TLS"]);
    const tls = listener.protocol === "TLS";
    if (tls && listener.certificateArn === undefined) {
      throw new ValidationError(scope, `${at}.certificateArn`, undefined, "an ACM certificate ARN: TLS listeners terminate TLS with it");
    }
    if (!tls && (listener.certificateArn !== undefined || listener.sslPolicy !== undefined)) {
      throw new ValidationError(scope, `${at}.protocol`, listener.protocol ?? "TCP", "TLS when a certificateArn or sslPolicy is given (TCP listeners ignore them)");
    }
    checkPattern(scope, `${at}.certificateArn`, listener.certificateArn, /^arn:aws[a-z-]*:(acm|iam):/, "an ACM (or IAM server) certificate ARN");
    if (tls && listener.targets.targetType === "alb") {
      throw new ValidationError(scope, `${at}.protocol`, "TLS", "TCP: an NLB forwards to an Application Load Balancer only from TCP listeners");
    }
    checkUnique(scope, `${at}.targets`, listener.targets.targets, (t) => t.key);
    listener.targets.targets.forEach((t, j) => {
      if (listener.targets.targetType === "ip" && !isUnresolved(t.targetId) && t.egressCidr === undefined) {
        throw new ValidationError(scope, `${at}.targets.addresses[${j}]`, t.targetId, "an IPv4 or IPv6 address such as 10.0.1.25");
      }
    });
  });
}

/** The /32 or /128 of a literal IP; undefined for tokens and non-addresses. */
function hostCidr(ip: string): string | undefined {
  if (isUnresolved(ip)) return undefined;
  if (isIpv4Address(ip)) return `${ip}/32`;
  return isIpv6Address(ip) ? `${ip}/128` : undefined;
}

class ImportedNetworkLoadBalancer extends Construct implements INetworkLoadBalancer {
  public readonly loadBalancerArn: string;
  public readonly listenerPorts: readonly number[];
  public readonly ipAddressType?: "ipv4" | "dualstack";
  public readonly availabilityZoneIds?: readonly string[];

  constructor(scope: Construct, id: string, attrs: NetworkLoadBalancerAttributes) {
    super(scope, id);
    checkPattern(this, "loadBalancerArn", attrs.loadBalancerArn, NLB_ARN, "a Network Load Balancer ARN (…:loadbalancer/net/<name>/<id>)");
    checkItemCount(this, "listenerPorts", attrs.listenerPorts, 1);
    checkUnique(this, "listenerPorts", attrs.listenerPorts);
    attrs.listenerPorts.forEach((port, i) => checkPort(this, `listenerPorts[${i}]`, port));
    checkZoneIds(this, "availabilityZoneIds", attrs.availabilityZoneIds);
    this.loadBalancerArn = attrs.loadBalancerArn;
    this.listenerPorts = attrs.listenerPorts;
    this.ipAddressType = attrs.ipAddressType;
    this.availabilityZoneIds = attrs.availabilityZoneIds;
  }
}
