import { IConstruct } from "constructs";
import { LbTargetGroupHealthCheck } from "@cdktf/provider-aws/lib/lb-target-group";
import { checkIntegerRange, checkLength, checkObject, checkOneOf, checkPattern, checkPort, isUnresolved, ValidationError } from "../core";

/** How a load balancer checks its targets. */
export type HealthCheckProtocol = "TCP" | "HTTP" | "HTTPS";

/**
 * The health check of a target group: what a Network or Gateway Load
 * Balancer asks each target, how often, and how many answers decide.
 * Unset fields keep AWS's defaults.
 */
export interface HealthCheck {
  /** @default "TCP" for instance and IP targets, "HTTP" for an Application Load Balancer */
  readonly protocol?: HealthCheckProtocol;
  /** Port the check is sent to, 1-65535. @default - the port targets receive traffic on (for a Gateway Load Balancer, required: GENEVE's 6081 answers no check) */
  readonly port?: number;
  /** Path of HTTP and HTTPS checks, starting with `/`. @default "/" for an Application Load Balancer target, else AWS's default (`/`) */
  readonly path?: string;
  /** Seconds between checks, 5-300. @default - AWS's default, 30 (10 for a Gateway Load Balancer) */
  readonly intervalSeconds?: number;
  /** Seconds without an answer that fail a check, 2-120, below the interval. @default - AWS's default for the protocol */
  readonly timeoutSeconds?: number;
  /** Consecutive passed checks before a target receives traffic, 2-10. @default - AWS's default, 5 (3 for a Gateway Load Balancer) */
  readonly healthyThreshold?: number;
  /** Consecutive failed checks before a target stops receiving traffic, 2-10. @default - AWS's default, 2 (3 for a Gateway Load Balancer) */
  readonly unhealthyThreshold?: number;
  /** HTTP codes of a passed HTTP or HTTPS check, such as `200` or `200-399`. @default - AWS's default, 200-399 */
  readonly successCodes?: string;
}

const HEALTH_CHECK_PROTOCOLS: readonly HealthCheckProtocol[] = ["TCP", "HTTP", "HTTPS"];

/**
 * Checks a health check the caller wrote at `prop` and renders it for the
 * target group: always enabled, with the protocol explicit.
 * @internal
 */
export function renderHealthCheck(
  scope: IConstruct,
  prop: string,
  check: HealthCheck | undefined,
  defaults: { readonly protocol: HealthCheckProtocol; readonly path?: string },
): LbTargetGroupHealthCheck {
  checkObject(scope, prop, check);
  const given = check ?? {};
  const protocol = given.protocol ?? defaults.protocol;
  checkOneOf(scope, `${prop}.protocol`, protocol, HEALTH_CHECK_PROTOCOLS);
  checkPort(scope, `${prop}.port`, given.port);
  const http = protocol === "HTTP" || protocol === "HTTPS";
  if (!http && (given.path !== undefined || given.successCodes !== undefined)) {
    throw new ValidationError(
      scope,
      `${prop}.protocol`,
      protocol,
      `HTTP or HTTPS when a ${given.path !== undefined ? "path" : "successCodes"} is given (TCP checks only open a connection)`,
    );
  }
  checkPattern(scope, `${prop}.path`, given.path, /^\/[\x21-\x7E]*$/, "a path starting with / (printable ASCII, no spaces), such as /healthz");
  checkLength(scope, `${prop}.path`, given.path, 1, 1024);
  checkPattern(
    scope,
    `${prop}.successCodes`,
    given.successCodes,
    /^[2-5]\d\d(-[2-5]\d\d)?(,[2-5]\d\d(-[2-5]\d\d)?)*$/,
    "HTTP codes such as 200, 200,204 or 200-399",
  );
  checkIntegerRange(scope, `${prop}.intervalSeconds`, given.intervalSeconds, 5, 300);
  checkIntegerRange(scope, `${prop}.timeoutSeconds`, given.timeoutSeconds, 2, 120);
  checkIntegerRange(scope, `${prop}.healthyThreshold`, given.healthyThreshold, 2, 10);
  checkIntegerRange(scope, `${prop}.unhealthyThreshold`, given.unhealthyThreshold, 2, 10);
  const { intervalSeconds: interval, timeoutSeconds: timeout } = given;
  if (interval !== undefined && timeout !== undefined && !isUnresolved(interval) && !isUnresolved(timeout) && timeout >= interval) {
    throw new ValidationError(
      scope,
      `${prop}.timeoutSeconds`,
      timeout,
      `fewer seconds than intervalSeconds (${interval}): a check must end before the next one starts`,
    );
  }
  return {
    enabled: true,
    protocol,
    port: given.port === undefined ? undefined : String(given.port),
    path: given.path ?? (http ? defaults.path : undefined),
    interval,
    timeout,
    healthyThreshold: given.healthyThreshold,
    unhealthyThreshold: given.unhealthyThreshold,
    matcher: given.successCodes,
  };
}
