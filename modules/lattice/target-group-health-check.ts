import { Construct } from "constructs";
import { VpclatticeTargetGroupConfigHealthCheck } from "@cdktf/provider-aws/lib/vpclattice-target-group";
import { checkIntegerRange, checkKnownProps, checkOneOf, checkPattern, checkPort, checkString, isUnresolved, ValidationError } from "../core";

/** Health checks of INSTANCE and IP target groups (AWS supports none for LAMBDA and ALB). */
export interface LatticeTargetGroupHealthCheck {
  /** @default true */
  readonly enabled?: boolean;
  /** Seconds between checks of one target, 5 to 300. @default 30 */
  readonly intervalSeconds?: number;
  /** Seconds without a response that fail a check, 1 to 120. @default 5 */
  readonly timeoutSeconds?: number;
  /** Consecutive successes that make a target healthy, 2 to 10. @default 5 */
  readonly healthyThresholdCount?: number;
  /** Consecutive failures that make a target unhealthy, 2 to 10. @default 2 */
  readonly unhealthyThresholdCount?: number;
  /** Request path, starting with `/`. @default "/" */
  readonly path?: string;
  /** @default - the port each target receives traffic on */
  readonly port?: number;
  /**
   * Required for an HTTPS group checked on its traffic port (its targets
   * speak TLS there, and AWS's HTTP would fail every check), and for a TCP group.
   * @default "HTTP" (AWS's default)
   */
  readonly protocol?: "HTTP" | "HTTPS";
  /**
   * Health checks cannot speak gRPC: GRPC target groups check with HTTP1 or
   * HTTP2, and AWS requires one of them there, so HTTP1 is sent for an
   * enabled check of a GRPC group (other groups get AWS's own default, HTTP1).
   * @default "HTTP1"
   */
  readonly protocolVersion?: "HTTP1" | "HTTP2";
  /** Status codes of a healthy response, 100 to 599: `"200"`, `"200-299"` or `"200,204"`. @default "200" */
  readonly matcher?: string;
}

const HEALTH_CHECK_PROPS: Record<keyof LatticeTargetGroupHealthCheck, true> = {
  enabled: true,
  intervalSeconds: true,
  timeoutSeconds: true,
  healthyThresholdCount: true,
  unhealthyThresholdCount: true,
  path: true,
  port: true,
  protocol: true,
  protocolVersion: true,
  matcher: true,
};

/** Fails on health-check settings AWS rejects. @internal */
export function checkHealthCheck(scope: Construct, check: LatticeTargetGroupHealthCheck): void {
  checkKnownProps(scope, check, HEALTH_CHECK_PROPS, "healthCheck");
  checkIntegerRange(scope, "healthCheck.intervalSeconds", check.intervalSeconds, 5, 300);
  checkIntegerRange(scope, "healthCheck.timeoutSeconds", check.timeoutSeconds, 1, 120);
  checkIntegerRange(scope, "healthCheck.healthyThresholdCount", check.healthyThresholdCount, 2, 10);
  checkIntegerRange(scope, "healthCheck.unhealthyThresholdCount", check.unhealthyThresholdCount, 2, 10);
  checkPort(scope, "healthCheck.port", check.port);
  checkOneOf(scope, "healthCheck.protocol", check.protocol, ["HTTP", "HTTPS"]);
  checkOneOf(scope, "healthCheck.protocolVersion", check.protocolVersion, ["HTTP1", "HTTP2"]);
  checkPattern(scope, "healthCheck.path", check.path, /^\/[a-zA-Z0-9@:%_+.~#?&/=-]{0,2047}$/, "a path starting with / such as /health");
  // A number (200) would pass the pattern and break the code check: the matcher is a string of codes.
  checkString(scope, "healthCheck.matcher", check.matcher);
  checkPattern(
    scope,
    "healthCheck.matcher",
    check.matcher,
    /^\d{3}(-\d{3})?(,\d{3}(-\d{3})?)*$/,
    'HTTP status codes such as "200", "200-299" or "200,204"',
  );
  checkMatcherCodes(scope, check.matcher);
}

/** Fails on a code no response can have (HTTP has 100 to 599) or a reversed range: such a matcher fails every check, so no target is ever healthy. */
function checkMatcherCodes(scope: Construct, matcher: string | undefined): void {
  if (matcher === undefined || isUnresolved(matcher)) return;
  for (const part of matcher.split(",")) {
    const [low, high = low] = part.split("-").map(Number);
    if (low < 100 || high > 599 || low > high) {
      throw new ValidationError(
        scope,
        "healthCheck.matcher",
        matcher,
        `HTTP status codes from 100 to 599, a range low to high (${part} matches no response, so every target would stay unhealthy)`,
      );
    }
  }
}

/** The `config.health_check` block of a group speaking `groupProtocolVersion`. @internal */
export function renderHealthCheck(
  check: LatticeTargetGroupHealthCheck,
  groupProtocolVersion: string | undefined,
): VpclatticeTargetGroupConfigHealthCheck {
  const enabled = check.enabled ?? true;
  return {
    enabled,
    healthCheckIntervalSeconds: check.intervalSeconds,
    healthCheckTimeoutSeconds: check.timeoutSeconds,
    healthyThresholdCount: check.healthyThresholdCount,
    unhealthyThresholdCount: check.unhealthyThresholdCount,
    path: check.path,
    port: check.port,
    protocol: check.protocol,
    // AWS has no default version for checking a GRPC group and refuses an enabled check without one.
    protocolVersion: check.protocolVersion ?? (enabled && groupProtocolVersion === "GRPC" ? "HTTP1" : undefined),
    matcher: check.matcher === undefined ? undefined : { value: check.matcher },
  };
}
