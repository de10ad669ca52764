import { OptOut, stableId } from "../core";
import { HealthCheck } from "./health-check";

/** The protocol from a Network Load Balancer to its targets. */
export type TargetProtocol = "TCP" | "TLS";

/** What every kind of listener target shares: the port, the protocol to the targets and the health check. */
export interface ListenerTargetOptions {
  /** Port the targets receive traffic (and, unless told otherwise, health checks) on, 1-65535. */
  readonly port: number;
  /**
   * `TLS` re-encrypts towards the targets after the listener terminated TLS
   * (a TLS listener only); the targets present their own certificate.
   * @default "TCP"
   */
  readonly protocol?: TargetProtocol;
  /** @default - a TCP check on the traffic port, AWS's intervals and thresholds */
  readonly healthCheck?: HealthCheck;
  /**
   * Prepend the PROXY protocol v2 header, so that targets learn the
   * client's address and, behind PrivateLink, the consumer's VPC endpoint ID
   * (a TLV of the header). The targets must expect it, or they drop every
   * connection.
   * @default false
   */
  readonly proxyProtocolV2?: boolean;
}

/** EC2 instances behind a listener. */
export interface InstanceTargetsProps extends ListenerTargetOptions {
  /** Instance IDs by stable name (`{ "api-a": "i-0123..." }`); each name keys its attachment's address. */
  readonly instances: Readonly<Record<string, string>>;
}

/** IP addresses behind a listener. */
export interface IpTargetsProps extends ListenerTargetOptions {
  /**
   * Addresses by stable name (`{ "db-a": "10.0.1.10" }`): in the load
   * balancer's VPC (any of its IPv4 blocks, secondary ones included), or in
   * one of `outsideVpcRanges`. Never public, loopback or link-local.
   */
  readonly addresses: Readonly<Record<string, string>>;
  /**
   * Private IPv4 ranges outside the VPC that the VPC routes to (peered
   * VPCs, on-premises networks over Direct Connect or VPN): addresses there
   * are registered with `availability_zone = "all"`, as AWS requires for
   * targets it cannot place in a zone of the VPC.
   * @default - none: every address must be in the VPC
   */
  readonly outsideVpcRanges?: readonly string[];
}

/** An internal Application Load Balancer behind a TCP listener. */
export interface ApplicationLoadBalancerTargetProps {
  /** ARN of the Application Load Balancer (`…:loadbalancer/app/<name>/<id>`), in the stack's region. */
  readonly loadBalancerArn: string;
  /** One of the ALB's listener ports. */
  readonly port: number;
  /** @deprecated Use healthCheck.protocol. @default "HTTP" */
  readonly healthCheckProtocol?: "HTTP" | "HTTPS";
  /** @deprecated Use healthCheck.path. @default "/" */
  readonly healthCheckPath?: string;
  /** @default - HTTP on the traffic port, path `/` */
  readonly healthCheck?: HealthCheck;
}

/** Targets that something else registers in the target group (an Auto Scaling group, an ECS service). */
export interface RegisteredElsewhereTargetsProps extends ListenerTargetOptions {
  /** The target group's `target_type`. */
  readonly targetType: "instance" | "ip";
  /**
   * Why the target group starts empty here: who registers its targets. The
   * reason is recorded on the target group, whose flows otherwise end at
   * "no registered targets".
   */
  readonly registeredBy: OptOut;
}

/** One target as the caller named it. */
interface TargetSpec {
  /** The caller's name. */
  readonly name: string;
  /** Stable name, part of the attachment's construct ID. */
  readonly key: string;
  /** Instance ID, IP address or ALB ARN. */
  readonly targetId: string;
}

/** What one listener forwards to: a target group of instances, IP addresses or an Application Load Balancer. */
export class ListenerTargets {
  /** EC2 instances by stable name (`{ "api-a": "i-0123..." }`), reached on `port`. */
  public static instances(props: InstanceTargetsProps): ListenerTargets {
    return new ListenerTargets("instance", props, "instances", namedTargets(props.instances), { given: props.instances });
  }

  /** IP addresses of the VPC (or of the declared ranges outside it), reached on `port`; each name keys its attachment. */
  public static ipAddresses(props: IpTargetsProps): ListenerTargets {
    return new ListenerTargets("ip", props, "addresses", namedTargets(props.addresses), {
      given: props.addresses,
      outsideVpcRanges: props.outsideVpcRanges,
    });
  }

  /**
   * An internal Application Load Balancer, for HTTP routing behind PrivateLink.
   * `port` must be one of the ALB's listener ports; only TCP listeners can forward to it.
   */
  public static applicationLoadBalancer(props: ApplicationLoadBalancerTargetProps): ListenerTargets {
    const given = props.healthCheck ?? {};
    const healthCheck: HealthCheck = {
      ...given,
      protocol: given.protocol ?? props.healthCheckProtocol ?? "HTTP",
      path: given.path ?? props.healthCheckPath,
    };
    // A deprecated prop beside healthCheck would be ignored, so the load balancer refuses it.
    const deprecated = (["healthCheckProtocol", "healthCheckPath"] as const).find((p) => props[p] !== undefined);
    const superseded = deprecated !== undefined && props.healthCheck !== undefined ? { prop: deprecated, value: props[deprecated] } : undefined;
    return new ListenerTargets(
      "alb",
      { port: props.port, healthCheck },
      "loadBalancerArn",
      [{ name: "alb", key: "alb", targetId: props.loadBalancerArn }],
      { superseded },
    );
  }

  /** A target group that an Auto Scaling group or a service registers its targets in, by itself. */
  public static registeredElsewhere(props: RegisteredElsewhereTargetsProps): ListenerTargets {
    return new ListenerTargets(props.targetType, props, "registeredBy", [], { registeredBy: props.registeredBy });
  }

  /** True for values made by this class's factories (JavaScript callers can pass anything). */
  public static isListenerTargets(value: unknown): value is ListenerTargets {
    return value instanceof ListenerTargets;
  }

  /** Port the targets receive traffic and health checks on (the target group's `port`), 1-65535. */
  public readonly port: number;

  private constructor(
    /** The target group's `target_type`: EC2 instances, IP addresses or an Application Load Balancer. */
    public readonly targetType: "instance" | "ip" | "alb",
    /** @internal The caller's options. */
    public readonly options: ListenerTargetOptions,
    /** @internal The prop that holds the targets, for errors (`instances`, `addresses`). */
    public readonly targetsProp: string,
    /** @internal */
    public readonly targets: readonly TargetSpec[],
    /** @internal What only some kinds take, and the targets as the caller passed them (a JavaScript caller may pass anything). */
    public readonly extra: {
      readonly given?: unknown;
      readonly outsideVpcRanges?: readonly string[];
      readonly registeredBy?: OptOut;
      /** A deprecated prop given beside the `healthCheck` that replaces it. */
      readonly superseded?: { readonly prop: string; readonly value: unknown };
    },
  ) {
    this.port = options?.port;
  }
}

/** The caller's name-to-target record as a list; a JavaScript caller's non-object is left for the load balancer to refuse. */
function namedTargets(record: Readonly<Record<string, string>> | undefined): TargetSpec[] {
  if (record === null || typeof record !== "object" || Array.isArray(record)) return [];
  return Object.entries(record).map(([name, targetId]) => ({ name, key: stableId(name), targetId }));
}
