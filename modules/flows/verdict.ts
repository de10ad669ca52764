/** What a hop of a flow is about. */
export type FlowHopKind =
  | "source"
  | "dns"
  | "route"
  | "inspection"
  | "security-group"
  | "endpoint"
  | "endpoint-policy"
  | "bucket-policy"
  | "table-policy"
  | "endpoint-service"
  | "acceptance"
  | "private-dns"
  | "tls"
  | "availability-zone"
  | "load-balancer"
  | "listener"
  | "target"
  | "service-network"
  | "association"
  | "auth-policy"
  | "lambda"
  | "resource-gateway"
  | "resource"
  | "share"
  | "internet";

/** One hop of a flow and whether it passes. */
export interface FlowHop {
  /** What the hop is about. */
  readonly kind: FlowHopKind;
  /** True when the hop lets the connection through. */
  readonly ok: boolean;
  /** The hop in a network engineer's words. */
  readonly text: string;
  /** The Terraform address the hop is decided by. @default - none */
  readonly address?: string;
}

/** The answer to a flow question. */
export interface FlowVerdict {
  /** True when the connection succeeds once applied. */
  readonly allowed: boolean;
  /** The hops of the path judged: the whole path when allowed, up to the first broken hop when denied. */
  readonly hops: readonly FlowHop[];
  /** The first broken hop in words, for denied flows. @default - none (allowed) */
  readonly reason?: string;
  /** What the verdict takes as given because the stack does not show it (workloads' security groups, resources made elsewhere). */
  readonly assumptions: readonly string[];
}

/** One candidate path while it is being judged: hops so far, immutable, extended by each step. */
export class Path {
  constructor(
    /** Hops that passed so far. */
    public readonly hops: readonly FlowHop[] = [],
    /** What this path takes as given. */
    public readonly assumptions: readonly string[] = [],
  ) {}

  /** The path with one more passing hop. */
  public pass(kind: FlowHopKind, text: string, address?: string): Path {
    return new Path([...this.hops, { kind, ok: true, text, address }], this.assumptions);
  }

  /** The path taking one more thing as given (listed in the verdict, not a hop). */
  public assume(text: string): Path {
    return this.assumptions.includes(text) ? this : new Path(this.hops, [...this.assumptions, text]);
  }

  /** Ends the path: the connection succeeds. */
  public allow(): FlowVerdict {
    return { allowed: true, hops: this.hops, assumptions: this.assumptions };
  }

  /** Ends the path at a broken hop. */
  public deny(kind: FlowHopKind, text: string, address?: string): FlowVerdict {
    return { allowed: false, hops: [...this.hops, { kind, ok: false, text, address }], reason: text, assumptions: this.assumptions };
  }
}

/**
 * The verdict of several candidate paths (two endpoints, two subnets, a
 * service network association and an endpoint): the first allowed one, else
 * the denied one that got furthest, whose broken hop is the most telling.
 */
export function bestOf(candidates: readonly FlowVerdict[], none: () => FlowVerdict): FlowVerdict {
  if (candidates.length === 0) return none();
  const allowed = candidates.find((c) => c.allowed);
  if (allowed !== undefined) return allowed;
  return candidates.reduce((best, c) => (c.hops.length > best.hops.length ? c : best));
}

/** A verdict as text: `allowed` or `denied: <reason>`, then one line per hop. */
export function describeVerdict(verdict: FlowVerdict): string {
  const lines = verdict.hops.map((hop) => `  ${hop.ok ? "ok  " : "FAIL"} ${hop.kind}: ${hop.text}`);
  const assumptions = verdict.assumptions.map((a) => `  assumed: ${a}`);
  return [verdict.allowed ? "allowed" : `denied: ${verdict.reason}`, ...lines, ...assumptions].join("\n");
}
