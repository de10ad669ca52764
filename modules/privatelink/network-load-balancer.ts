import { Annotations, Fn, TerraformProvider, Token } from "../core/cdktf";
import { Construct, IConstruct } from "constructs";
import { Lb } from "@cdktf/provider-aws/lib/lb";
import { LbListener } from "@cdktf/provider-aws/lib/lb-listener";
import { LbTargetGroup } from "@cdktf/provider-aws/lib/lb-target-group";
import { LbTargetGroupAttachment } from "@cdktf/provider-aws/lib/lb-target-group-attachment";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import {
  addressRange,
  AWS_DEFAULT_QUOTAS,
  AwsResourceProps,
  BUCKET_NAME_RULES,
  checkArn,
  checkBoolean,
  checkInstance,
  checkItemCount,
  checkKnownProps,
  checkList,
  checkObject,
  checkOneOf,
  checkPattern,
  checkPort,
  checkPredicate,
  checkResourceId,
  checkUnique,
  cidrContains,
  cidrsOverlap,
  familyOf,
  hostCidr,
  isBucketName,
  isIpAddress,
  isIpv4Cidr,
  isNetworkCidr,
  isUnresolved,
  literalRegionOf,
  nameFromPath,
  optOutReason,
  parseArn,
  parseCidr,
  partitionOfRegion,
  Port,
  providerOf,
  RECORDED_OPT_OUTS,
  recordOptOut,
  requireProps,
  ValidationError,
} from "../core";
import {
  awsReservedAddressIn,
  Connections,
  IConnectable,
  isConnectable,
  ISubnet,
  IVpc,
  literalZoneIds,
  Peer,
  reservedAddressExpectation,
  SecurityGroup,
  Vpc,
  vpcClientPeers,
  inVpcIpv4Blocks,
  vpcIpv4CidrBlocks,
} from "../vpc";
import { renderHealthCheck } from "./health-check";
import { ListenerTargets } from "./listener-targets";
import { checkTlsPolicy, DEFAULT_TLS_POLICY } from "./tls-policies";
import { checkLoadBalancerSubnets, loadBalancerSubnetsOf } from "./checks";
import { checkTargetZone, checkZoneIds } from "./zones";

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
  /** The load balancer's name, the `<name>` of its ARN. @default - unknown */
  readonly loadBalancerName?: string;
}

/** Describes an existing Network Load Balancer for {@link NetworkLoadBalancer.fromNetworkLoadBalancerAttributes}. */
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

/** A TCP or TLS listener and what it forwards to. */
export interface NetworkLoadBalancerListener {
  /** Port consumers connect to (the listener's `port`), 1-65535, unique per load balancer. */
  readonly port: number;
  /** @default "TCP" */
  readonly protocol?: NetworkListenerProtocol;
  /** ACM certificate of TLS listeners, in the load balancer's region and partition (or an IAM server certificate); required for TLS, refused for TCP. @default - none */
  readonly certificateArn?: string;
  /** A security policy whose lowest TLS version is 1.2 or later (see ELB_TLS_POLICIES). @default DEFAULT_TLS_POLICY for TLS listeners */
  readonly sslPolicy?: string;
  /** Where the listener forwards: a target group of its own, created for this listener. */
  readonly targets: ListenerTargets;
}

/** Who may reach the listeners: a CIDR, a prefix list, a security group, or anything with connections (its groups get the egress). */
export type LoadBalancerClient = Peer | IConnectable;

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
   * Who may reach every listener port, through the NLB's security group
   * (more later with `connections.allowFrom`). With PrivateLink enforcement
   * on, PrivateLink clients are judged by their own private IPs (in the
   * consumer VPCs), so list the consumers' CIDRs here. Something with
   * connections (a client's security group) also gets the egress to the
   * load balancer.
   * @default - the VPC's IPv4 CIDR (and its IPv6 CIDR for a dualstack load
   * balancer), and the VPC of every interface endpoint of this configuration
   * to the service; with enforcement on, a service without such an endpoint
   * fails at synth (its consumers would be dropped): give `clients` or turn
   * enforcement off
   */
  readonly clients?: readonly LoadBalancerClient[];
  /** @deprecated Use clients (the same peers, and anything with connections). @default - see clients */
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

const NLB_NAME = /^(?!internal-)[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?$/;
/** Where AWS lets IP targets outside the VPC live: RFC 1918 and RFC 6598 space. */
const PRIVATE_TARGET_SPACE = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10"];

/**
 * An internal, cross-zone Network Load Balancer built to front a PrivateLink
 * endpoint service: a security group opening only the listener ports to the
 * given clients (and only the target ports towards the targets), one target
 * group per listener, TLS listeners on a TLS 1.2+ policy, and a security
 * group for the targets that admits the load balancer on the target ports.
 *
 * Creates: aws_lb, aws_lb_listener, aws_lb_target_group,
 * aws_lb_target_group_attachment, two aws_security_group (with their rules).
 */
export class NetworkLoadBalancer extends Construct implements INetworkLoadBalancer, IConnectable {
  /** Describes an NLB made elsewhere, for an endpoint service; its name is read from the ARN. */
  public static fromNetworkLoadBalancerAttributes(scope: Construct, id: string, attrs: NetworkLoadBalancerAttributes): INetworkLoadBalancer {
    return new ImportedNetworkLoadBalancer(scope, id, attrs);
  }

  /** @deprecated Use fromNetworkLoadBalancerAttributes. */
  public static fromAttributes(scope: Construct, id: string, attrs: NetworkLoadBalancerAttributes): INetworkLoadBalancer {
    return NetworkLoadBalancer.fromNetworkLoadBalancerAttributes(scope, id, attrs);
  }

  /** The underlying `aws_lb`, as an escape hatch. */
  public readonly resource: Lb;
  /** ARN of the load balancer (`aws_lb.arn`), known at apply. */
  public readonly loadBalancerArn: string;
  /** The load balancer's name (`aws_lb.name`). */
  public readonly loadBalancerName: string;
  /** The load balancer's DNS name (`aws_lb.dns_name`); internal, so it resolves to the nodes' private IPs. */
  public readonly dnsName: string;
  public readonly listenerPorts: readonly number[];
  public readonly ipAddressType: "ipv4" | "dualstack";
  /** The load balancer's security group: listener ports from the clients, target ports towards the targets. */
  public readonly securityGroup: SecurityGroup;
  /**
   * The group to attach to the targets (instances, the network interfaces of
   * IP targets, an Application Load Balancer): it admits the load balancer's
   * security group on every target port, traffic and health checks alike.
   * Targets are made elsewhere, so attaching it is yours; without it (or an
   * equivalent rule) the targets drop what the load balancer sends them.
   */
  public readonly targetsSecurityGroup: SecurityGroup;
  /** Clients of the listeners: `nlb.connections.allowFrom(peer, Port.tcp(443), "why")` adds a rule to the load balancer's group. */
  public readonly connections: Connections;
  /** The targets' side: the group to attach to them, which admits the load balancer; add what else they need. */
  public readonly targetsConnections: Connections;
  /** The load balancer's subnets. */
  public readonly subnets: readonly ISubnet[];
  public readonly availabilityZoneIds?: readonly string[];
  /** Name tag of the load balancer and prefix of its target groups' tags. */
  private readonly nameTag: string;
  /** Whether the security group judges PrivateLink traffic, with the clients left to the library (not given): then consumers are admitted as endpoints of this configuration arrive. */
  private readonly admitsConsumers: boolean;
  /** Keys of the peers admitted on the listener ports. */
  private readonly admitted = new Set<string>();
  /** Whether the security group's inbound rules judge PrivateLink traffic. */
  private readonly enforcesOnPrivateLink: boolean;
  /** The interface endpoints of this configuration that connect, with their VPCs. */
  private readonly consumers: { readonly endpoint: IConstruct; readonly vpc: IVpc }[] = [];
  private readonly provider?: TerraformProvider;
  private readonly vpc: IVpc;

  constructor(scope: Construct, id: string, props: NetworkLoadBalancerProps) {
    super(scope, id);
    requireProps(this, props, ["vpc", "listeners"]);
    checkKnownProps(this, props, NETWORK_LOAD_BALANCER_PROPS);
    this.vpc = props.vpc;
    const subnets = loadBalancerSubnetsOf(this, props);
    checkList(this, "listeners", props.listeners);
    checkBoolean(this, "enforceSecurityGroupInboundRulesOnPrivateLinkTraffic", props.enforceSecurityGroupInboundRulesOnPrivateLinkTraffic);
    checkBoolean(this, "enableDeletionProtection", props.enableDeletionProtection);
    this.ipAddressType = props.ipAddressType ?? "ipv4";
    checkPattern(this, "name", props.name, NLB_NAME, "1-32 letters, digits and hyphens, not starting with internal-");
    checkOneOf(this, "ipAddressType", this.ipAddressType, ["ipv4", "dualstack"]);
    checkLoadBalancerSubnets(this, subnets, props.vpc, this.ipAddressType);
    this.provider = providerOf(props, props.vpc);
    validateListeners(this, props.listeners, props.vpc, literalRegionOf(this, this.provider));
    props.listeners.forEach((listener, i) => {
      if (this.ipAddressType !== "dualstack" && ipFamilyOf(listener.targets) === "ipv6") {
        throw new ValidationError(
          this,
          `listeners[${i}].targets.addresses`,
          listener.targets.extra.given,
          'IPv4 addresses, or ipAddressType: "dualstack": AWS attaches IPv6 target groups to dual-stack load balancers only',
        );
      }
    });
    checkTargetZones(this, props.listeners, props.vpc, subnets);
    const clients = this.clientsOf(props);
    this.enforcesOnPrivateLink = props.enforceSecurityGroupInboundRulesOnPrivateLinkTraffic !== false;
    this.admitsConsumers = props.clients === undefined && props.ingressPeers === undefined && this.enforcesOnPrivateLink;
    checkAccessLogs(this, props.accessLogs);
    this.listenerPorts = props.listeners.map((l) => l.port);
    this.subnets = subnets;
    this.availabilityZoneIds = literalZoneIds(subnets);

    this.nameTag = props.name ?? nameFromPath(this);
    this.securityGroup = new SecurityGroup(this, "SecurityGroup", {
      provider: this.provider,
      vpc: props.vpc,
      description: "PrivateLink NLB: listener ports from allowed clients, target ports to targets",
    });
    this.connections = new Connections(this, {
      securityGroups: [this.securityGroup],
      defaultPort: this.listenerPorts.length === 1 ? Port.tcp(this.listenerPorts[0]) : undefined,
    });
    this.resource = new Lb(this, "Resource", {
      provider: this.provider,
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
    this.loadBalancerName = this.resource.name;
    this.dnsName = this.resource.dnsName;

    const egress = new Set<string>();
    for (const listener of props.listeners) {
      for (const client of clients) this.connections.allowFrom(client, Port.tcp(listener.port), `Clients to listener ${listener.port}`);
      for (const port of targetPortsOf(listener)) {
        for (const target of listener.targets.targets) {
          const literal = listener.targets.targetType === "ip" && !isUnresolved(target.targetId) ? hostCidr(target.targetId) : undefined;
          // An instance (or a reference) may be in any IPv4 block of the VPC: its subnet in a secondary one (an EKS cluster's pods).
          for (const cidr of literal === undefined ? vpcIpv4CidrBlocks(props.vpc) : [literal]) {
            const key = `${port}-${isUnresolved(cidr) ? "vpc" : cidr}`;
            if (egress.has(key)) continue;
            egress.add(key);
            this.securityGroup.addEgressRule({ peer: Peer.cidr(cidr), port, description: `Traffic and health checks to targets on ${port}` });
          }
        }
      }
      this.addListener(listener, props.listeners.indexOf(listener));
    }
    this.targetsSecurityGroup = new SecurityGroup(this, "TargetsSecurityGroup", {
      provider: this.provider,
      vpc: props.vpc,
      description: "Targets of the PrivateLink NLB: target ports from the load balancer (traffic and health checks)",
    });
    this.targetsConnections = new Connections(this, { securityGroups: [this.targetsSecurityGroup] });
    for (const client of clients) if (client instanceof Peer) this.admitted.add(client.key);
    const fromLoadBalancer = Peer.securityGroup(this.securityGroup, "load-balancer");
    for (const port of [...new Set(props.listeners.flatMap((l) => targetPortsOf(l)))].sort((a, b) => a - b)) {
      this.targetsConnections.allowFrom(fromLoadBalancer, Port.tcp(port), `Traffic and health checks from the load balancer on ${port}`);
    }
  }

  /**
   * An interface endpoint of this configuration in `vpc` connects to the
   * service: with PrivateLink enforcement on, AWS judges its clients by
   * their own private IPs, so the VPC's CIDRs (every IPv4 block: its
   * clients may be in a secondary one) are admitted on the listener ports
   * unless the caller named the clients.
   * @internal
   */
  public admitConsumer(endpoint: IConstruct, vpc: IVpc): void {
    this.consumers.push({ endpoint, vpc });
    if (!this.admitsConsumers) return;
    const cidrs: [string, "ipv4" | "ipv6"][] = vpcIpv4CidrBlocks(vpc).map((block) => [block, "ipv4"]);
    if (this.ipAddressType === "dualstack" && vpc.ipv6CidrBlock !== undefined) cidrs.push([vpc.ipv6CidrBlock, "ipv6"]);
    for (const [cidr, family] of cidrs) {
      // A CIDR only Terraform knows is keyed by its VPC (else the endpoint), so that two such consumers get rules of their own.
      const owner = Construct.isConstruct(vpc) ? vpc : endpoint;
      const peer = Peer.cidr(cidr, { family, name: isUnresolved(cidr) ? `${nameFromPath(owner)}-${family}` : undefined });
      if (this.admitted.has(peer.key)) continue;
      this.admitted.add(peer.key);
      for (const port of this.listenerPorts) this.connections.allowFrom(peer, Port.tcp(port), `PrivateLink consumers to listener ${port}`);
    }
  }

  /**
   * The error of a load balancer whose default clients admit its own VPC
   * only while PrivateLink enforcement is on and no consumer of this
   * configuration is known: consumers elsewhere would be dropped.
   * @internal
   */
  public unknownConsumersError(service: IConstruct): ValidationError | undefined {
    if (!this.admitsConsumers || this.consumers.length > 0) return undefined;
    return new ValidationError(
      this,
      "clients",
      undefined,
      `the consumers' CIDRs or client groups, or enforceSecurityGroupInboundRulesOnPrivateLinkTraffic: false: with enforcement on, AWS judges PrivateLink traffic by the consumers' own private IPs, and the default admits only this VPC (${vpcIpv4CidrBlocks(this.vpc).join(", ")}) while no interface endpoint of this configuration connects to ${service.node.path}`,
    );
  }

  /**
   * The error of a consumer of this configuration that no listener admits:
   * with PrivateLink enforcement on, the rules of the load balancer's group
   * (the named clients, and rules added through `connections`) must admit
   * some address of the consumer's VPC on a listener port, else AWS drops
   * every connection of that endpoint. Judged only when every rule is a
   * literal CIDR: a prefix list or a CIDR known at apply may cover it.
   * @internal
   */
  public unadmittedConsumerError(): ValidationError | undefined {
    if (!this.enforcesOnPrivateLink) return undefined;
    const rules = this.securityGroup.node.children.filter((c): c is VpcSecurityGroupIngressRule => c instanceof VpcSecurityGroupIngressRule);
    const onListener = rules.filter((r) =>
      this.listenerPorts.some((port) => (r.fromPortInput ?? 0) <= port && port <= (r.toPortInput ?? 65535) && r.ipProtocolInput === "tcp"),
    );
    if (onListener.some((r) => r.prefixListIdInput !== undefined || isUnresolved(r.cidrIpv4Input ?? r.cidrIpv6Input ?? ""))) return undefined;
    const cidrs = onListener.map((r) => r.cidrIpv4Input ?? r.cidrIpv6Input).filter((c): c is string => c !== undefined);
    for (const { endpoint, vpc } of this.consumers) {
      // A client of any IPv4 block of the consumer's VPC (a secondary one: an EKS cluster's pods) is some address of it.
      const own = [...vpcIpv4CidrBlocks(vpc), vpc.ipv6CidrBlock].filter((c): c is string => c !== undefined);
      if (own.length === 0 || own.some((c) => isUnresolved(c))) continue;
      if (own.some((c) => cidrs.some((client) => cidrsOverlap(client, c)))) continue;
      return new ValidationError(
        this,
        "clients",
        cidrs,
        `clients that admit the VPC of ${endpoint.node.path} (${own.join(", ")}) on a listener port, or enforceSecurityGroupInboundRulesOnPrivateLinkTraffic: false: with enforcement on, AWS judges PrivateLink traffic by the consumers' own private IPs, and drops this endpoint's connections`,
      );
    }
    return undefined;
  }

  /** The clients the caller named (checked where the caller wrote them), else the VPC's own CIDRs. */
  private clientsOf(props: NetworkLoadBalancerProps): readonly LoadBalancerClient[] {
    if (props.clients !== undefined && props.ingressPeers !== undefined) {
      throw new ValidationError(this, "clients", "clients and ingressPeers", "clients alone (ingressPeers is its deprecated name)");
    }
    const prop = props.clients !== undefined ? "clients" : "ingressPeers";
    const given = checkList<LoadBalancerClient>(this, prop, props.clients ?? props.ingressPeers);
    if (given === undefined) return vpcClientPeers(props.vpc, { ipv6: this.ipAddressType === "dualstack" });
    checkItemCount(this, prop, given, 1);
    given.forEach((client, i) => {
      if (client instanceof Peer) client.render(this, `${prop}[${i}]`);
      else if (!isConnectable(client))
        throw new ValidationError(
          this,
          `${prop}[${i}]`,
          client,
          "a Peer (Peer.cidr, Peer.securityGroup, Peer.prefixList) or something with connections",
        );
    });
    return given;
  }

  private addListener(listener: NetworkLoadBalancerListener, index: number): void {
    const { targets } = listener;
    const ranges = targets.extra.outsideVpcRanges ?? [];
    const family = targets.targetType === "ip" ? ipFamilyOf(targets) : undefined;
    const targetGroup = new LbTargetGroup(this, `Targets-${listener.port}`, {
      provider: this.provider,
      vpcId: this.vpc.vpcId,
      targetType: targets.targetType,
      protocol: targets.options.protocol ?? "TCP",
      port: targets.port,
      ipAddressType: family === "ipv6" ? "ipv6" : undefined,
      proxyProtocolV2: targets.options.proxyProtocolV2 === true ? true : undefined,
      healthCheck: renderHealthCheck(this, `listeners[${index}].targets.healthCheck`, targets.options.healthCheck, {
        protocol: "TCP",
        path: targets.targetType === "alb" ? "/" : undefined,
      }),
      tags: { Name: `${this.nameTag}-${listener.port}` },
      lifecycle: { createBeforeDestroy: true },
    });
    const registeredBy = optOutReason(this, `listeners[${index}].targets.registeredBy`, targets.extra.registeredBy);
    if (registeredBy !== undefined) recordOptOut(targetGroup, RECORDED_OPT_OUTS.targetsRegisteredElsewhere, registeredBy);
    for (const target of targets.targets) {
      new LbTargetGroupAttachment(this, `Target-${listener.port}-${target.key}`, {
        provider: this.provider,
        targetGroupArn: targetGroup.arn,
        targetId: target.targetId,
        port: targets.port,
        // AWS cannot place an address outside the VPC in one of its zones: such targets take every zone.
        availabilityZone: ranges.length > 0 && this.isOutsideVpc(target.targetId) ? "all" : undefined,
      });
    }
    const tls = listener.protocol === "TLS";
    new LbListener(this, `Listener-${listener.port}`, {
      provider: this.provider,
      loadBalancerArn: this.loadBalancerArn,
      port: listener.port,
      protocol: listener.protocol ?? "TCP",
      certificateArn: tls ? listener.certificateArn : undefined,
      sslPolicy: tls ? (listener.sslPolicy ?? DEFAULT_TLS_POLICY) : undefined,
      defaultAction: [{ type: "forward", targetGroupArn: targetGroup.arn }],
    });
  }

  /** An IPv4 address in none of the VPC's IPv4 blocks (a secondary block is the VPC's as its primary one is). */
  private isOutsideVpc(address: string): boolean {
    return !isUnresolved(address) && familyOf(address) === "ipv4" && inVpcIpv4Blocks(this.vpc, address) === false;
  }
}

/** The ports the load balancer reaches its targets on: traffic, and a health-check port of its own. */
function targetPortsOf(listener: NetworkLoadBalancerListener): number[] {
  const check = listener.targets.options.healthCheck?.port;
  return [listener.targets.port, ...(check === undefined || check === listener.targets.port ? [] : [check])];
}

/** The family of an IP target group: that of its literal addresses (one family per group). */
function ipFamilyOf(targets: ListenerTargets): "ipv4" | "ipv6" | undefined {
  const families = targets.targets.map((t) => (isUnresolved(t.targetId) ? undefined : familyOf(t.targetId))).filter((f) => f !== undefined);
  return families[0];
}

function validateListeners(scope: IConstruct, listeners: readonly NetworkLoadBalancerListener[], vpc: IVpc, region: string | undefined): void {
  checkItemCount(scope, "listeners", listeners, 1);
  listeners.forEach((listener, i) => {
    checkObject(scope, `listeners[${i}]`, listener);
    requireProps(scope, listener, ["port", "targets"]);
    checkKnownProps(scope, listener, NETWORK_LOAD_BALANCER_LISTENER);
  });
  checkUnique(scope, "listeners[].port", listeners, (l) => l.port);
  if (listeners.length > AWS_DEFAULT_QUOTAS.listenersPerNetworkLoadBalancer) {
    Annotations.of(scope).addWarning(
      `${listeners.length} listeners exceed the default quota of ${AWS_DEFAULT_QUOTAS.listenersPerNetworkLoadBalancer} per Network Load Balancer; request an increase first`,
    );
  }
  listeners.forEach((listener, i) => {
    const at = `listeners[${i}]`;
    checkPort(scope, `${at}.port`, listener.port);
    checkOneOf(scope, `${at}.protocol`, listener.protocol, ["TCP", "TLS"]);
    const tls = listener.protocol === "TLS";
    if (tls && listener.certificateArn === undefined) {
      throw new ValidationError(scope, `${at}.certificateArn`, undefined, "an ACM certificate ARN: TLS listeners terminate TLS with it");
    }
    if (!tls && (listener.certificateArn !== undefined || listener.sslPolicy !== undefined)) {
      throw new ValidationError(
        scope,
        `${at}.protocol`,
        listener.protocol ?? "TCP",
        "TLS when a certificateArn or sslPolicy is given (TCP listeners ignore them)",
      );
    }
    checkCertificate(scope, `${at}.certificateArn`, listener.certificateArn, region);
    checkTlsPolicy(scope, `${at}.sslPolicy`, listener.sslPolicy);
    validateTargets(scope, `${at}.targets`, listener, vpc, region);
  });
}

/** ACM certificates live in the load balancer's region; IAM server certificates (global) are taken too. */
function checkCertificate(scope: IConstruct, prop: string, arn: string | undefined, region: string | undefined): void {
  if (arn === undefined || isUnresolved(arn)) return;
  const parsed = typeof arn === "string" ? parseArn(arn) : undefined;
  if (parsed?.service === "iam" && /^server-certificate\/[\w+=,.@/-]{1,128}$/.test(parsed.resource)) {
    if (region !== undefined && parsed.partition !== partitionOfRegion(region)) {
      throw new ValidationError(
        scope,
        prop,
        arn,
        `an IAM server certificate in partition ${partitionOfRegion(region)}, the load balancer's (not ${parsed.partition})`,
      );
    }
    return;
  }
  checkArn(scope, prop, arn, "acmCertificate", { region });
}

function validateTargets(scope: IConstruct, at: string, listener: NetworkLoadBalancerListener, vpc: IVpc, region: string | undefined): void {
  const targets = checkInstance(
    scope,
    at,
    listener.targets,
    ListenerTargets.isListenerTargets,
    "ListenerTargets.instances, .ipAddresses, .applicationLoadBalancer or .registeredElsewhere",
  ) as ListenerTargets;
  const { options, targetType, extra } = targets;
  checkObject(scope, at, options);
  checkPort(scope, `${at}.port`, targets.port);
  // Checked where it is given: the security group's egress to the targets opens it before the target group renders it.
  checkObject(scope, `${at}.healthCheck`, options.healthCheck);
  checkPort(scope, `${at}.healthCheck.port`, options.healthCheck?.port);
  checkOneOf(scope, `${at}.protocol`, options.protocol, ["TCP", "TLS"]);
  checkBoolean(scope, `${at}.proxyProtocolV2`, options.proxyProtocolV2);
  if (options.protocol === "TLS" && listener.protocol !== "TLS") {
    throw new ValidationError(scope, `${at}.protocol`, "TLS", "TCP behind a TCP listener: only a TLS listener re-encrypts towards TLS targets");
  }
  checkHealthCheckSpeaksTargetProtocol(scope, at, listener, targets);
  if (targetType === "alb") {
    if (listener.protocol === "TLS")
      throw new ValidationError(
        scope,
        `${at.replace(/\.targets$/, "")}.protocol`,
        "TLS",
        "TCP: an NLB forwards to an Application Load Balancer only from TCP listeners",
      );
    if (options.proxyProtocolV2 === true)
      throw new ValidationError(scope, `${at}.proxyProtocolV2`, true, "false: an Application Load Balancer does not read the PROXY protocol header");
    const { superseded } = extra;
    if (superseded !== undefined)
      throw new ValidationError(scope, `${at}.${superseded.prop}`, superseded.value, "unset beside healthCheck, which replaces it");
    const healthCheckProtocol = options.healthCheck?.protocol;
    if (healthCheckProtocol !== "HTTP" && healthCheckProtocol !== "HTTPS") {
      throw new ValidationError(
        scope,
        `${at}.healthCheck.protocol`,
        healthCheckProtocol,
        "HTTP or HTTPS: AWS health-checks an Application Load Balancer target over HTTP(S) only",
      );
    }
  }
  if (extra.registeredBy !== undefined) {
    optOutReason(scope, `${at}.registeredBy`, extra.registeredBy);
    return;
  }
  const prop = `${at}.${targets.targetsProp}`;
  if (targetType !== "alb") {
    checkObject(scope, prop, extra.given as object | undefined);
    if (extra.given === undefined)
      throw new ValidationError(scope, prop, undefined, 'targets by stable name, such as { "api-a": "i-0123456789abcdef0" }');
  }
  if (targets.targets.length === 0) {
    throw new ValidationError(
      scope,
      prop,
      {},
      "at least one target (targets that an Auto Scaling group or a service registers: ListenerTargets.registeredElsewhere)",
    );
  }
  checkUnique(scope, at, targets.targets, (t) => t.key);
  const ranges = checkOutsideRanges(scope, `${at}.outsideVpcRanges`, extra.outsideVpcRanges);
  const families = new Set<string>();
  targets.targets.forEach((target) => {
    // Targets are given by stable name, so errors name the target as the caller wrote it.
    const where = `${prop}.${target.name}`;
    if (targetType === "instance") checkResourceId(scope, where, target.targetId, "instance");
    if (targetType === "alb") checkArn(scope, `${at}.loadBalancerArn`, target.targetId, "applicationLoadBalancer", { region });
    if (targetType !== "ip" || isUnresolved(target.targetId)) return;
    checkIpTarget(scope, where, target.targetId, vpc, ranges);
    families.add(familyOf(target.targetId) ?? "");
  });
  if (families.size > 1)
    throw new ValidationError(scope, prop, extra.given, "addresses of one family: a target group holds IPv4 or IPv6 targets, not both");
  // The same target under two names would be registered twice, and its traffic counted twice.
  const seen = new Map<string, string>();
  for (const target of targets.targets) {
    if (isUnresolved(target.targetId)) continue;
    const meaning = targetType === "ip" ? (parseCidr(hostCidr(target.targetId))?.text ?? target.targetId) : String(target.targetId).toLowerCase();
    const earlier = seen.get(meaning);
    if (earlier !== undefined)
      throw new ValidationError(scope, `${prop}.${target.name}`, target.targetId, `a target not already registered as ${prop}.${earlier}`);
    seen.set(meaning, target.name);
  }
}

/** Each IP target of the listeners is in a zone of the load balancer (see checkTargetZone). */
function checkTargetZones(scope: IConstruct, listeners: readonly NetworkLoadBalancerListener[], vpc: IVpc, subnets: readonly ISubnet[]): void {
  listeners.forEach((listener, i) => {
    if (listener.targets.targetType !== "ip") return;
    for (const target of listener.targets.targets)
      checkTargetZone(scope, `listeners[${i}].targets.addresses.${target.name}`, target.targetId, vpc, subnets);
  });
}

/**
 * A health check on the traffic port speaks what the targets speak there:
 * behind a TLS listener, TLS targets (`protocol: "TLS"`) answer TLS, so a
 * plain HTTP check fails, and TCP targets receive the decrypted stream, so
 * an HTTPS check fails. Either way every target is reported unhealthy while
 * it serves (the load balancer then fails open, and no failure is ever
 * noticed). A check on another port, or behind a TCP listener (TLS
 * passed through to the application), is not judged.
 */
function checkHealthCheckSpeaksTargetProtocol(scope: IConstruct, at: string, listener: NetworkLoadBalancerListener, targets: ListenerTargets): void {
  const check = targets.options.healthCheck;
  if (listener.protocol !== "TLS" || targets.targetType === "alb" || check === undefined) return;
  if (check.port !== undefined && check.port !== targets.port) return;
  const tlsTargets = targets.options.protocol === "TLS";
  const wrong = tlsTargets ? "HTTP" : "HTTPS";
  if (check.protocol !== wrong) return;
  throw new ValidationError(
    scope,
    `${at}.healthCheck.protocol`,
    wrong,
    tlsTargets
      ? `HTTPS or TCP: the targets speak TLS on ${targets.port} (protocol: "TLS", re-encrypted by the load balancer), so a plain HTTP check there fails on every target; or give healthCheck.port of a plain HTTP health endpoint`
      : `HTTP or TCP: the TLS listener decrypts, so the targets receive plain TCP on ${targets.port} and an HTTPS check there fails on every target; or protocol: "TLS" on the targets if they speak TLS, or give healthCheck.port of an HTTPS health endpoint`,
  );
}

/** The declared ranges outside the VPC: private IPv4 network CIDRs (RFC 1918, RFC 6598), each once. */
function checkOutsideRanges(scope: IConstruct, prop: string, ranges: readonly string[] | undefined): readonly string[] {
  const list = checkList(scope, prop, ranges) ?? [];
  checkUnique(scope, prop, list);
  list.forEach((range, i) => {
    if (isUnresolved(range)) return;
    if (typeof range !== "string" || !isIpv4Cidr(range) || !isNetworkCidr(range))
      throw new ValidationError(scope, `${prop}[${i}]`, range, "an IPv4 network CIDR such as 192.168.0.0/16");
    if (!PRIVATE_TARGET_SPACE.some((space) => cidrContains(space, range))) {
      throw new ValidationError(
        scope,
        `${prop}[${i}]`,
        range,
        `a range inside ${PRIVATE_TARGET_SPACE.join(", ")}: AWS registers no public addresses outside the VPC`,
      );
    }
  });
  return list;
}

/**
 * An IP target is a private address of the VPC, or of a declared range
 * outside it; never public, loopback, link-local, multicast or unspecified,
 * which AWS refuses (or which would reach nothing).
 */
function checkIpTarget(scope: IConstruct, prop: string, address: string, vpc: IVpc, ranges: readonly string[]): void {
  if (typeof address !== "string" || !isIpAddress(address))
    throw new ValidationError(scope, prop, address, "an IPv4 or IPv6 address such as 10.0.1.25");
  const kind = addressRange(address);
  if (kind === "loopback" || kind === "linkLocal" || kind === "unspecified" || kind === "multicast" || kind === "reserved") {
    throw new ValidationError(scope, prop, address, `an address of a target in the VPC or a routed network (this one is ${kind})`);
  }
  const family = familyOf(address);
  const inVpc = family === "ipv6" ? vpc.ipv6CidrBlock : vpc.cidrBlock;
  // A VPC made here without dualStack has no IPv6 block (an imported one may just not say).
  if (family === "ipv6" && inVpc === undefined && vpc instanceof Vpc) {
    throw new ValidationError(scope, prop, address, "an IPv4 address: the VPC has no IPv6 CIDR block (dualStack: true gives it one)");
  }
  if (inVpc === undefined || isUnresolved(inVpc)) return;
  // An IPv4 target in a secondary block (an EKS cluster's pods) is in the VPC as one in its primary block is.
  const blocks = family === "ipv6" ? [inVpc] : vpcIpv4CidrBlocks(vpc);
  if (blocks.some((block) => cidrContains(block, address))) {
    // AWS keeps the ends of the VPC's block and the first four and last address of each subnet: nothing listens there.
    const reserved = awsReservedAddressIn(vpc, address);
    if (reserved !== undefined) throw new ValidationError(scope, prop, address, reservedAddressExpectation(address, reserved));
    return;
  }
  if (ranges.some((range) => cidrContains(range, address))) return;
  throw new ValidationError(
    scope,
    prop,
    address,
    `an address inside the VPC (${blocks.join(", ")}) or inside one of outsideVpcRanges (${ranges.join(", ") || "none declared"}): declare the peered or on-premises range it is in`,
  );
}

function checkAccessLogs(scope: IConstruct, logs: NetworkLoadBalancerProps["accessLogs"]): void {
  checkObject(scope, "accessLogs", logs);
  if (logs === undefined) return;
  requireProps(scope, logs, ["bucket"]);
  if (typeof logs.bucket === "string" && logs.bucket.startsWith("arn:")) {
    throw new ValidationError(
      scope,
      "accessLogs.bucket",
      logs.bucket,
      `the bucket's name (${parseArn(logs.bucket)?.resource ?? "the part after arn:aws:s3:::"}), not its ARN`,
    );
  }
  checkPredicate(scope, "accessLogs.bucket", logs.bucket, isBucketName, `an S3 bucket name: ${BUCKET_NAME_RULES}`);
  checkPattern(
    scope,
    "accessLogs.prefix",
    logs.prefix,
    /^(?!\/)(?!.*AWSLogs)[\x21-\x7E]{0,1024}$/,
    "a key prefix without a leading slash and without AWSLogs (ELB adds it)",
  );
}

class ImportedNetworkLoadBalancer extends Construct implements INetworkLoadBalancer {
  public readonly loadBalancerArn: string;
  public readonly loadBalancerName: string;
  public readonly listenerPorts: readonly number[];
  public readonly ipAddressType?: "ipv4" | "dualstack";
  public readonly availabilityZoneIds?: readonly string[];

  constructor(scope: Construct, id: string, attrs: NetworkLoadBalancerAttributes) {
    super(scope, id);
    requireProps(this, attrs, ["loadBalancerArn", "listenerPorts"]);
    checkKnownProps(this, attrs, NETWORK_LOAD_BALANCER_ATTRIBUTES);
    checkArn(this, "loadBalancerArn", attrs.loadBalancerArn, "networkLoadBalancer");
    checkList(this, "listenerPorts", attrs.listenerPorts);
    checkItemCount(this, "listenerPorts", attrs.listenerPorts, 1);
    checkUnique(this, "listenerPorts", attrs.listenerPorts);
    attrs.listenerPorts.forEach((port, i) => checkPort(this, `listenerPorts[${i}]`, port));
    checkOneOf(this, "ipAddressType", attrs.ipAddressType, ["ipv4", "dualstack"]);
    checkList(this, "availabilityZoneIds", attrs.availabilityZoneIds);
    checkZoneIds(this, "availabilityZoneIds", attrs.availabilityZoneIds);
    this.loadBalancerArn = attrs.loadBalancerArn;
    this.loadBalancerName = loadBalancerNameOf(attrs.loadBalancerArn);
    this.listenerPorts = attrs.listenerPorts;
    this.ipAddressType = attrs.ipAddressType;
    this.availabilityZoneIds = attrs.availabilityZoneIds;
  }
}

/** The `<name>` of `…:loadbalancer/<net|gwy|app>/<name>/<id>`: AWS encodes it in the ARN. @internal */
export function loadBalancerNameOf(arn: string): string {
  return isUnresolved(arn) ? Token.asString(Fn.element(Fn.split("/", arn), 2)) : arn.split("/")[2];
}

const NETWORK_LOAD_BALANCER_PROPS: Record<keyof NetworkLoadBalancerProps, true> = {
  vpc: true,
  subnets: true,
  listeners: true,
  clients: true,
  ingressPeers: true,
  enforceSecurityGroupInboundRulesOnPrivateLinkTraffic: true,
  enableDeletionProtection: true,
  ipAddressType: true,
  accessLogs: true,
  name: true,
  provider: true,
};

const NETWORK_LOAD_BALANCER_ATTRIBUTES: Record<keyof NetworkLoadBalancerAttributes, true> = {
  loadBalancerArn: true,
  listenerPorts: true,
  ipAddressType: true,
  availabilityZoneIds: true,
};

const NETWORK_LOAD_BALANCER_LISTENER: Record<keyof NetworkLoadBalancerListener, true> = {
  port: true,
  protocol: true,
  certificateArn: true,
  sslPolicy: true,
  targets: true,
};
