import { isUnresolved, ValidationError } from "../core";
import { ILatticeTargetGroup } from "./interfaces";
import { LatticeListenerRuleOptions } from "./listener";
import { describeTargetGroup, LatticeListenerAction, targetGroupIdentity } from "./listener-action";
import { HeaderMatch, PathMatch } from "./rule-match";

/** Props for TrafficSplit.blueGreen. */
export interface BlueGreenProps {
  /** The version serving today. */
  readonly blue: ILatticeTargetGroup;
  /** The new version. */
  readonly green: ILatticeTargetGroup;
  /** Share of requests moved to green, 0 (all blue) to 100 (all green, blue idle but attached for a fast rollback). */
  readonly percentToGreen: number;
}

/** Props for TrafficSplit.canary. */
export interface CanaryProps {
  /** The target group serving today; it gets the remaining share. */
  readonly stable: ILatticeTargetGroup;
  /** The new version; same protocol and protocol version as `stable`, and Lambda only if `stable` is Lambda. */
  readonly candidate: ILatticeTargetGroup;
  /** Share of requests the candidate gets, 1 to 99 (0 or 100 is not a canary: use LatticeListenerAction.forward). */
  readonly percentToCandidate: number;
}

/** Props for TrafficSplit.headerCanary. */
export interface HeaderCanaryProps {
  /** Rule name (3 to 63 characters); keys the rule's Terraform address. */
  readonly name: string;
  /** Rule priority, 1 to 100: lower than any rule the canary traffic must not fall into. */
  readonly priority: number;
  /** The header that opts a request in, such as `HeaderMatch.exact("x-canary", "true")`. */
  readonly header: HeaderMatch;
  /** What the rest of the traffic goes to; only used to check that the candidate is compatible. */
  readonly stable: ILatticeTargetGroup;
  /** Where requests carrying the header go; must be compatible with `stable`. */
  readonly candidate: ILatticeTargetGroup;
  /** @default - every path */
  readonly path?: PathMatch;
}

/**
 * Release patterns as listener actions and rules: blue/green, weighted
 * canary and header-based canary. Each checks its percentages and that the
 * two target groups can stand in for each other (same protocol and protocol
 * version, no mix of Lambda and network targets), so that a shifted request
 * is served the same way. Errors name the helper, the prop and the value.
 */
export class TrafficSplit {
  /** Shifts `percentToGreen` percent of the requests from blue to green. */
  public static blueGreen(props: BlueGreenProps): LatticeListenerAction {
    const where = "TrafficSplit.blueGreen";
    checkPercent(where, "percentToGreen", props.percentToGreen, 0, 100);
    checkCompatible(where, "blue", props.blue, "green", props.green);
    return LatticeListenerAction.weightedForward([
      { targetGroup: props.blue, weight: 100 - props.percentToGreen },
      { targetGroup: props.green, weight: props.percentToGreen },
    ]);
  }

  /** Sends `percentToCandidate` percent of the requests to the candidate. */
  public static canary(props: CanaryProps): LatticeListenerAction {
    const where = "TrafficSplit.canary";
    checkPercent(where, "percentToCandidate", props.percentToCandidate, 1, 99);
    checkCompatible(where, "stable", props.stable, "candidate", props.candidate);
    return LatticeListenerAction.weightedForward([
      { targetGroup: props.stable, weight: 100 - props.percentToCandidate },
      { targetGroup: props.candidate, weight: props.percentToCandidate },
    ]);
  }

  /** A rule that sends requests carrying the header to the candidate; give the listener's default action to stable. */
  public static headerCanary(props: HeaderCanaryProps): LatticeListenerRuleOptions {
    checkCompatible("TrafficSplit.headerCanary", "stable", props.stable, "candidate", props.candidate);
    return {
      name: props.name,
      priority: props.priority,
      match: { headers: [props.header], path: props.path },
      action: LatticeListenerAction.forward(props.candidate),
    };
  }
}

function checkPercent(where: string, prop: string, value: number, min: number, max: number): void {
  if (isUnresolved(value)) {
    throw new ValidationError(where, prop, "a Terraform reference", "a literal percentage: both weights are computed from it at synth time");
  }
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ValidationError(where, prop, value, `a whole percentage from ${min} to ${max}`);
  }
}

function checkCompatible(where: string, currentProp: string, current: ILatticeTargetGroup, prop: string, next: ILatticeTargetGroup): void {
  // The helpers have no construct to check the groups first: a JavaScript caller's missing group is named here, not met as a TypeError.
  for (const [name, group] of [
    [currentProp, current],
    [prop, next],
  ] as const) {
    if (group === undefined || group === null || typeof group !== "object") {
      throw new ValidationError(where, name, group, "a target group (a LatticeTargetGroup, or one imported with fromLatticeTargetGroupAttributes)");
    }
  }
  if (targetGroupIdentity(current) === targetGroupIdentity(next)) {
    throw new ValidationError(where, prop, describeTargetGroup(next), "a different target group than the one it takes traffic from");
  }
  if ((current.type === "LAMBDA") !== (next.type === "LAMBDA")) {
    throw new ValidationError(
      where,
      prop,
      `a ${next.type} target group`,
      `a target group of the same kind as ${current.type === "LAMBDA" ? "LAMBDA" : "the network targets"} (no mix of Lambda and network targets in one split)`,
    );
  }
  const differs = (a?: string, b?: string): boolean => a !== undefined && b !== undefined && a !== b;
  if (differs(current.protocol, next.protocol)) {
    throw new ValidationError(
      where,
      `${prop}.protocol`,
      next.protocol,
      `${current.protocol}, the protocol of the target group it takes traffic from`,
    );
  }
  if (differs(current.protocolVersion, next.protocolVersion)) {
    throw new ValidationError(
      where,
      `${prop}.protocolVersion`,
      next.protocolVersion,
      `${current.protocolVersion}, the protocol version of the target group it takes traffic from`,
    );
  }
}
