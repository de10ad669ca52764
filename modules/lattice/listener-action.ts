import { Construct } from "constructs";
import { VpclatticeListenerDefaultAction } from "@cdktf/provider-aws/lib/vpclattice-listener";
import { VpclatticeListenerRuleAction } from "@cdktf/provider-aws/lib/vpclattice-listener-rule";
import { checkIntegerRange, checkItemCount, checkKnownProps, checkList, checkObject, isUnresolved, requireValue, ValidationError } from "../core";
import { ILatticeTargetGroup } from "./interfaces";
import { LatticeListenerProtocol } from "./listener";

/**
 * What identifies a target group at synth: its literal ARN (two imports of
 * one ARN are one group), else the object itself (a group made here,
 * whose ARN Terraform knows only at apply). @internal
 */
export function targetGroupIdentity(targetGroup: ILatticeTargetGroup): string | ILatticeTargetGroup {
  return isUnresolved(targetGroup.targetGroupArn) ? targetGroup : targetGroup.targetGroupArn;
}

/** A target group as errors show it: its ARN when literal, else its construct path. @internal */
export function describeTargetGroup(targetGroup: ILatticeTargetGroup): string {
  // Construct.isConstruct, not a cast: constructs 10.6 (CDK Terrain) rejects casting the interface to IConstruct.
  return isUnresolved(targetGroup.targetGroupArn) && Construct.isConstruct(targetGroup) ? targetGroup.node.path : targetGroup.targetGroupArn;
}

/** A target group and its share of a forward action. */
export interface WeightedTargetGroup {
  /** The target group receiving this share of the requests. */
  readonly targetGroup: ILatticeTargetGroup;
  /** Relative share, 0 to 999; 0 keeps the group attached but idle (a drained blue). @default 100 */
  readonly weight?: number;
}

const WEIGHTED_TARGET_GROUP: Record<keyof WeightedTargetGroup, true> = { targetGroup: true, weight: true };

/** What a listener or a rule does with a request. */
export class LatticeListenerAction {
  /** Everything to one target group. */
  public static forward(targetGroup: ILatticeTargetGroup): LatticeListenerAction {
    return new LatticeListenerAction([{ targetGroup }], undefined, false);
  }

  /** Splits requests between 1 to 10 target groups by weight. */
  public static weightedForward(targetGroups: readonly WeightedTargetGroup[]): LatticeListenerAction {
    return new LatticeListenerAction(targetGroups, undefined, false);
  }

  /** Answers with a status code and no body, without reaching a target (HTTP and HTTPS listeners only). */
  public static fixedResponse(statusCode: number): LatticeListenerAction {
    return new LatticeListenerAction([], statusCode, true);
  }

  private constructor(
    /** Empty for fixed responses. */
    public readonly targetGroups: readonly WeightedTargetGroup[],
    /** HTTP status code of a fixed response, 100-599; undefined for forward actions. */
    public readonly statusCode: number | undefined,
    /** A fixed response, told apart from a forward by the factory (a JavaScript caller's statusCode may be missing). */
    private readonly fixed: boolean,
  ) {}

  /** @internal */
  public validate(scope: Construct, prop: string, protocol: LatticeListenerProtocol): void {
    if (this.fixed) {
      requireValue(scope, `${prop}.statusCode`, this.statusCode, "an HTTP status code from 100 to 599, such as 404");
      checkIntegerRange(scope, `${prop}.statusCode`, this.statusCode, 100, 599);
      if (protocol === "TLS_PASSTHROUGH") {
        throw new ValidationError(
          scope,
          prop,
          `a fixed ${this.statusCode} response`,
          "a forward action: a TLS_PASSTHROUGH listener cannot read the request to answer it",
        );
      }
      return;
    }
    requireValue(scope, `${prop}.targetGroups`, this.targetGroups, "a list of target groups with their weights");
    checkList(scope, `${prop}.targetGroups`, this.targetGroups);
    checkItemCount(scope, `${prop}.targetGroups`, this.targetGroups, 1, 10);
    this.targetGroups.forEach((t, i) => {
      checkObject(scope, `${prop}.targetGroups[${i}]`, t);
      // A misspelled weight (weigth) would be dropped: the group would get the default 100 instead of its share.
      checkKnownProps(scope, t, WEIGHTED_TARGET_GROUP, `${prop}.targetGroups[${i}]`);
      requireValue(
        scope,
        `${prop}.targetGroups[${i}].targetGroup`,
        t.targetGroup,
        "a target group (a LatticeTargetGroup, or one imported with fromLatticeTargetGroupAttributes)",
      );
      checkObject(scope, `${prop}.targetGroups[${i}].targetGroup`, t.targetGroup);
      // A JavaScript caller's object literal ({ targetGroupArn, type }) has no ID: the forward would name no target group.
      requireValue(
        scope,
        `${prop}.targetGroups[${i}].targetGroup.targetGroupId`,
        t.targetGroup.targetGroupId,
        "the ID of a LatticeTargetGroup, or of one imported with LatticeTargetGroup.fromLatticeTargetGroupAttributes(...) (the forward names the group by it)",
      );
    });
    const weights = this.targetGroups.map((t) => t.weight ?? 100);
    weights.forEach((w, i) => checkIntegerRange(scope, `${prop}.targetGroups[${i}].weight`, w, 0, 999));
    if (!weights.some(isUnresolved) && weights.every((w) => w === 0)) {
      throw new ValidationError(scope, `${prop}.targetGroups`, weights, "at least one weight above 0 (with all weights at 0 no request is served)");
    }
    const identities = this.targetGroups.map((t) => targetGroupIdentity(t.targetGroup));
    const twice = identities.findIndex((identity, i) => identities.indexOf(identity) !== i);
    if (twice >= 0) {
      throw new ValidationError(
        scope,
        `${prop}.targetGroups`,
        describeTargetGroup(this.targetGroups[twice].targetGroup),
        `each target group once (targetGroups[${identities.indexOf(identities[twice])}] is the same group; merge the weights)`,
      );
    }
    const tcp = protocol === "TLS_PASSTHROUGH";
    this.targetGroups.forEach(({ targetGroup }, i) => {
      if (targetGroup.type !== "LAMBDA" && targetGroup.protocol === undefined) return;
      if ((targetGroup.protocol === "TCP") !== tcp) {
        const shown = targetGroup.type === "LAMBDA" ? "a LAMBDA target group" : `a ${targetGroup.protocol} target group`;
        throw new ValidationError(
          scope,
          `${prop}.targetGroups[${i}]`,
          shown,
          tcp ? "a TCP target group behind a TLS_PASSTHROUGH listener" : `an HTTP, HTTPS or LAMBDA target group behind an ${protocol} listener`,
        );
      }
    });
  }

  /** The listener's `default_action` block. @internal */
  public renderDefault(): VpclatticeListenerDefaultAction {
    return this.fixed ? { fixedResponse: { statusCode: this.statusCode! } } : { forward: [{ targetGroups: this.renderTargets() }] };
  }

  /** A rule's `action` block. @internal */
  public renderRule(): VpclatticeListenerRuleAction {
    return this.fixed ? { fixedResponse: { statusCode: this.statusCode! } } : { forward: { targetGroups: this.renderTargets() } };
  }

  private renderTargets(): { targetGroupIdentifier: string; weight: number }[] {
    return this.targetGroups.map((t) => ({ targetGroupIdentifier: t.targetGroup.targetGroupId, weight: t.weight ?? 100 }));
  }
}
