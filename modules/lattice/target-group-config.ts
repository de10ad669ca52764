import { IConstruct } from "constructs";
import { checkKnownProps } from "../core";
import { IVpc } from "../vpc";
import { LatticeTargetGroupType } from "./interfaces";
import { LatticeTargetGroupHealthCheck } from "./target-group-health-check";
// Type only: the flat settings are the deprecated props of the target group, so they are named once, there.
import type { LatticeTargetGroupProps } from "./target-group";

/** How VPC Lattice talks to the targets. TCP is for services behind a TLS_PASSTHROUGH listener. */
export type LatticeTargetGroupProtocol = "HTTP" | "HTTPS" | "TCP";
/** HTTP version VPC Lattice speaks to the targets (`config.protocol_version`); GRPC for gRPC services. */
export type LatticeTargetGroupProtocolVersion = "HTTP1" | "HTTP2" | "GRPC";
/** Shape of the event a Lambda target receives. */
export type LambdaEventStructureVersion = "V1" | "V2";
/** Address family of an IP target group's targets (`config.ip_address_type`). */
export type LatticeTargetGroupIpAddressType = "IPV4" | "IPV6";

/** What INSTANCE and IP target groups take: targets in a VPC, reached on a protocol and port, health-checked. */
export interface InstanceTargetGroupOptions {
  /** VPC of the targets (`config.vpc_identifier`). */
  readonly vpc: IVpc;
  /** How VPC Lattice talks to the targets; TCP only behind a TLS_PASSTHROUGH listener. */
  readonly protocol: LatticeTargetGroupProtocol;
  /** Port the targets receive traffic on. @default 80 for HTTP, 443 for HTTPS and TCP */
  readonly port?: number;
  /** For HTTP and HTTPS groups; none for TCP. @default "HTTP1" (HTTP and HTTPS) */
  readonly protocolVersion?: LatticeTargetGroupProtocolVersion;
  /** @default - AWS defaults: on for HTTP1, off for HTTP2 and GRPC */
  readonly healthCheck?: LatticeTargetGroupHealthCheck;
}

/** What IP target groups take beyond instance groups: the address family, and where the addresses may come from. */
export interface IpTargetGroupOptions extends InstanceTargetGroupOptions {
  /** @default "IPV4" */
  readonly ipAddressType?: LatticeTargetGroupIpAddressType;
  /**
   * Ranges outside the VPC's CIDR blocks that registered addresses may come
   * from: peered VPCs or on-premises networks routed from it. The VPC's
   * secondary IPv4 blocks (`secondaryCidrBlocks`) are its own and need no
   * listing here. Addresses outside the VPC and these ranges fail at synth
   * (when the VPC's CIDRs are literal).
   * @default - none: targets are inside the VPC's CIDR blocks
   */
  readonly peeredCidrs?: readonly string[];
}

/** What ALB target groups take: no health check (the ALB checks its own targets) and no TCP. */
export interface AlbTargetGroupOptions {
  /** VPC of the load balancer. */
  readonly vpc: IVpc;
  /** The protocol of the ALB listener VPC Lattice forwards to. */
  readonly protocol: "HTTP" | "HTTPS";
  /** The ALB listener's port. @default 80 for HTTP, 443 for HTTPS */
  readonly port?: number;
  /** @default "HTTP1" */
  readonly protocolVersion?: LatticeTargetGroupProtocolVersion;
}

/** What LAMBDA target groups take: the event shape only (no VPC, protocol or port: VPC Lattice invokes the function). */
export interface LambdaTargetGroupOptions {
  /**
   * Always sent explicitly: when it is left to AWS, the provider sees a
   * difference on every plan and replaces the group.
   * @default "V2"
   */
  readonly eventStructureVersion?: LambdaEventStructureVersion;
}

/** The settings of any type, flattened, as the target group validates and renders them. @internal */
export interface TargetGroupSettings extends Pick<
  LatticeTargetGroupProps,
  "vpc" | "protocol" | "port" | "protocolVersion" | "ipAddressType" | "healthCheck" | "lambdaEventStructureVersion"
> {
  readonly peeredCidrs?: readonly string[];
}

const INSTANCE_OPTIONS: Record<keyof InstanceTargetGroupOptions, true> = {
  vpc: true,
  protocol: true,
  port: true,
  protocolVersion: true,
  healthCheck: true,
};
const IP_OPTIONS: Record<keyof IpTargetGroupOptions, true> = { ...INSTANCE_OPTIONS, ipAddressType: true, peeredCidrs: true };
const ALB_OPTIONS: Record<keyof AlbTargetGroupOptions, true> = { vpc: true, protocol: true, port: true, protocolVersion: true };
const LAMBDA_OPTIONS: Record<keyof LambdaTargetGroupOptions, true> = { eventStructureVersion: true };

/** The options a factory was given, with the names it takes. */
interface GivenOptions {
  readonly options: object;
  readonly known: Readonly<Record<string, true>>;
}

/**
 * What a target group routes to, one factory per target type, so that each
 * type takes exactly its settings: a port or VPC on a Lambda group, a TCP
 * ALB group or a health check on an ALB group cannot be written.
 */
export class LatticeTargetGroupConfig {
  /** EC2 instances of a VPC, registered by instance ID. */
  public static instances(options: InstanceTargetGroupOptions): LatticeTargetGroupConfig {
    return new LatticeTargetGroupConfig("INSTANCE", options, { options, known: INSTANCE_OPTIONS });
  }

  /** IP addresses of a VPC (tasks, pods, appliances), or of ranges routed from it (`peeredCidrs`). */
  public static ipAddresses(options: IpTargetGroupOptions): LatticeTargetGroupConfig {
    return new LatticeTargetGroupConfig("IP", options, { options, known: IP_OPTIONS });
  }

  /** One Lambda function, invoked by VPC Lattice (which the group grants the right to). */
  public static lambda(options: LambdaTargetGroupOptions = {}): LatticeTargetGroupConfig {
    return new LatticeTargetGroupConfig("LAMBDA", { lambdaEventStructureVersion: options.eventStructureVersion }, { options, known: LAMBDA_OPTIONS });
  }

  /** One internal Application Load Balancer, reached on its listener's protocol and port. */
  public static applicationLoadBalancer(options: AlbTargetGroupOptions): LatticeTargetGroupConfig {
    return new LatticeTargetGroupConfig("ALB", options, { options, known: ALB_OPTIONS });
  }

  /** The settings of the deprecated flat props (`type`, `vpc`, `protocol` ...), checked like the factories' ones. @internal */
  public static fromFlatProps(type: LatticeTargetGroupType, settings: TargetGroupSettings): LatticeTargetGroupConfig {
    return new LatticeTargetGroupConfig(type, settings);
  }

  /** True for a value made by one of the factories. */
  public static isLatticeTargetGroupConfig(value: unknown): value is LatticeTargetGroupConfig {
    return value instanceof LatticeTargetGroupConfig;
  }

  private constructor(
    /** The target group's `type`: INSTANCE, IP, LAMBDA or ALB. */
    public readonly type: LatticeTargetGroupType,
    /** The type's settings. @internal */
    public readonly settings: TargetGroupSettings,
    /** What the factory was given; undefined for the flat props, which the target group's own props check covers. */
    private readonly given?: GivenOptions,
  ) {}

  /**
   * Fails on an option the factory does not take (the factories have no
   * scope: the target group using the config checks them). @internal
   */
  public checkOptions(scope: IConstruct): void {
    if (this.given !== undefined) checkKnownProps(scope, this.given.options, this.given.known);
  }
}
