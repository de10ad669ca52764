import { Lazy } from "../core/cdktf";
import { Construct } from "constructs";
import { policyAttribute, ValidationError } from "../core";
import { AuthPolicy, AuthPolicyGrant } from "./auth-policy";
import { LatticeListener } from "./listener";
import { LatticeListenerAction } from "./listener-action";
import { PathMatch } from "./rule-match";

/** Who a derived policy lets in: every field of a grant except what the rules decide (methods, paths, services). */
export type RuleAuthPolicyPrincipals = Omit<AuthPolicyGrant, "sid" | "methods" | "paths" | "services" | "actions">;

/**
 * An auth policy that mirrors a service's routing: one Allow statement per
 * listener rule that forwards, limited to the rule's method and path, for
 * the given principals. A listener whose default action forwards serves every
 * path, so it contributes a statement for every path; end a listener with a
 * fixed-response default (404) to make its rules the complete allow-list.
 *
 * Rendered at synth time, so rules added after the service are included.
 * Path conditions are case-sensitive even when a rule's path match is not:
 * a request in another case is denied rather than let through.
 */
export class RuleDerivedAuthPolicy extends AuthPolicy {
  /** Grants added with allow() and deny(), replayed after the rule grants (a deny for a sensitive path, say). */
  private readonly extraGrants: ((policy: AuthPolicy) => void)[] = [];

  constructor(
    private readonly listeners: () => readonly LatticeListener[],
    private readonly principals: RuleAuthPolicyPrincipals,
  ) {
    super();
  }

  /** Adds an Allow statement after the rule-derived ones, for access the routing rules do not describe. */
  public override allow(grant: AuthPolicyGrant): this {
    this.extraGrants.push((policy) => policy.allow(grant));
    return this;
  }

  /**
   * Adds a Deny statement after the rule-derived ones, such as for a sensitive path a forwarding rule would otherwise allow.
   */
  public override deny(grant: AuthPolicyGrant): this {
    this.extraGrants.push((policy) => policy.deny(grant));
    return this;
  }

  /** The grants added with allow() and deny(); the rule grants are only known at synth. */
  public override get grantCount(): number {
    return this.extraGrants.length;
  }

  /** A token that renders the policy at synth, once every rule exists (references inside go through jsonencode, as for any auth policy). */
  public override render(scope: Construct, prop: string): string {
    return Lazy.stringValue({ produce: () => policyAttribute(this.derive(scope, prop).render(scope, prop)) });
  }

  private derive(scope: Construct, prop: string): AuthPolicy {
    const policy = new AuthPolicy();
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
          sid: `${prefix}${sidOf(rule.name)}`,
          methods: rule.match.method === undefined ? undefined : [rule.match.method],
          paths: rule.match.path === undefined ? undefined : [pathPattern(rule.match.path)],
        });
      }
      if (forwards(listener.defaultAction)) policy.allow({ ...this.principals, sid: `${prefix}Default` });
    }
    this.extraGrants.forEach((add) => add(policy));
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
