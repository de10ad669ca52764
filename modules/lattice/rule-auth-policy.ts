import { Lazy } from "../core/cdktf";
import { Construct } from "constructs";
import { checkAtSynth, policyAttribute, PolicyEffect, ValidationError } from "../core";
import { AuthPolicy, AuthPolicyGrant, AuthPolicyRenderOptions } from "./auth-policy";
import { LatticeListener } from "./listener";
import { LatticeListenerAction } from "./listener-action";
import { PathMatch } from "./rule-match";

/** Who a derived policy lets in: every field of a grant except what the rules decide (methods, paths, services). */
export type RuleAuthPolicyPrincipals = Omit<AuthPolicyGrant, "sid" | "methods" | "paths" | "services" | "actions">;

/** The fields RuleAuthPolicyPrincipals takes: the rules decide the others, which a derived grant would overwrite. @internal */
export const RULE_AUTH_POLICY_PRINCIPALS: Record<keyof RuleAuthPolicyPrincipals, true> = {
  accounts: true,
  roles: true,
  organizationId: true,
  organizationPaths: true,
  sourceVpcs: true,
  sourceVpcOwnerAccounts: true,
  allowAnonymous: true,
};

/**
 * An auth policy that mirrors a service's routing: one Allow statement per
 * listener rule that forwards, limited to the rule's method and path, for
 * the given principals. A listener whose default action forwards serves every
 * path, so it contributes a statement for every path; end a listener with a
 * fixed-response default (404) to make its rules the complete allow-list.
 *
 * Grants added with allow() and deny() come after the rule grants: a Deny
 * for a sensitive path a forwarding rule would otherwise allow, an Allow for
 * access the routing rules do not describe (grantCount counts these only;
 * the rule grants are known at synth).
 *
 * Rendered at synth time, so rules added after the service are included.
 * Path conditions are case-sensitive even when a rule's path match is not:
 * a request in another case is denied rather than let through.
 */
export class RuleDerivedAuthPolicy extends AuthPolicy {
  constructor(
    private readonly listeners: () => readonly LatticeListener[],
    private readonly principals: RuleAuthPolicyPrincipals,
  ) {
    super();
  }

  /** A token that renders the policy at synth, once every rule exists (references inside go through jsonencode, as for any auth policy). */
  public override render(scope: Construct, prop: string, options: AuthPolicyRenderOptions = {}): string {
    // Derived once before resolution too, so that a bad rule fails as its own ValidationError, not wrapped in cdktf's resolution error.
    checkAtSynth(scope, () => void this.derive(scope, prop));
    return Lazy.stringValue({ produce: () => policyAttribute(this.derive(scope, prop).render(scope, prop, options)) });
  }

  /** The principals every rule grant carries, then the grants added with allow() and deny(). @internal */
  protected override grantsForReview(prop: string): readonly (readonly [string, AuthPolicyGrant, PolicyEffect])[] {
    return [["authPolicyFromRules", this.principals, "Allow"], ...super.grantsForReview(prop)];
  }

  /** Checked at synth, after the grants are validated: the principals stand for every rule grant, which carries them. @internal */
  public override checkAdmitsSomeone(scope: Construct, prop: string): void {
    checkAtSynth(scope, () => super.checkAdmitsSomeone(scope, prop));
  }

  private derive(scope: Construct, prop: string): AuthPolicy {
    const policy = new AuthPolicy();
    // What each Sid was made from: two rule (or listener) names that differ only in hyphens would give one Sid.
    const sources = new Map<string, string>();
    const claimSid = (sid: string, source: string): string => {
      const first = sources.get(sid);
      if (first !== undefined) {
        throw new ValidationError(
          scope,
          prop,
          `${first} and ${source}`,
          `names that give distinct statement Sids (both give ${sid}: a Sid keeps the letters and digits of the listener and rule names); rename one of them`,
        );
      }
      sources.set(sid, source);
      return sid;
    };
    for (const listener of this.listeners()) {
      if (listener.protocol === "TLS_PASSTHROUGH") {
        throw new ValidationError(
          scope,
          prop,
          `listener "${listener.name}" (TLS_PASSTHROUGH)`,
          "HTTP or HTTPS listeners only: a TLS_PASSTHROUGH listener sees no method or path and only anonymous principals; pass an explicit authPolicy with allowAnonymous and sourceVpcs",
        );
      }
      const prefix = sidOf(listener.name);
      for (const rule of listener.rules) {
        if (!forwards(rule.action)) continue;
        policy.allow({
          ...this.principals,
          sid: claimSid(`${prefix}${sidOf(rule.name)}`, `rule "${rule.name}" of listener "${listener.name}"`),
          methods: rule.match.method === undefined ? undefined : [rule.match.method],
          paths: rule.match.path === undefined ? undefined : [pathPattern(rule.match.path)],
        });
      }
      if (forwards(listener.defaultAction))
        policy.allow({ ...this.principals, sid: claimSid(`${prefix}Default`, `the default action of listener "${listener.name}"`) });
    }
    this.grants.forEach(({ effect, grant }, i) => {
      if (typeof grant?.sid === "string") claimSid(grant.sid, `the ${effect} grant ${i + 1} added to the policy`);
    });
    for (const { effect, grant } of this.grants) {
      if (effect === "Allow") policy.allow(grant);
      else policy.deny(grant);
    }
    return policy;
  }
}

/** True when the action can reach a target (a fixed response or an all-zero split never does). */
function forwards(action: LatticeListenerAction): boolean {
  return action.statusCode === undefined && action.targetGroups.some((t) => (t.weight ?? 100) > 0);
}

/** A prefix match is a string prefix in VPC Lattice (`/api` also matches `/apis`), hence `*` right after it. */
function pathPattern(path: PathMatch): string {
  return path.kind === "prefix" ? `${path.path}*` : path.path;
}

/** `orders-get` -> `OrdersGet`: IAM Sids are letters and digits only. */
function sidOf(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part.length > 0)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join("");
}
