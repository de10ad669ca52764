import { Construct } from "constructs";
import { VpclatticeAuthPolicy } from "@cdktf/provider-aws/lib/vpclattice-auth-policy";
import {
  AWS_LIMITS,
  AwsResourceProps,
  checkAccountId,
  checkArn,
  checkItemCount,
  checkList,
  checkObject,
  checkOneOf,
  checkPattern,
  checkString,
  isAccountId,
  isAccountRootArn,
  isOrganizationalUnitArn,
  checkKnownProps,
  isUnresolved,
  literalRegionOf,
  OptOut,
  optOutReason,
  parseArn,
  partitionOfRegion,
  policyAttribute,
  PolicyConditions,
  PolicyDocument,
  PolicyEffect,
  PolicyPrincipal,
  PolicyStatement,
  RECORDED_OPT_OUTS,
  recordOptOut,
  requireProps,
  requireValue,
  ValidationError,
} from "../core";
import { SharePrincipal } from "../ram";
import { IVpc } from "../vpc";
import { ILatticeService, IServiceNetwork } from "./interfaces";

/**
 * HTTP methods VPC Lattice can match on, in listener rules and in the `vpc-lattice-svcs:RequestMethod` condition key.
 */
export const LATTICE_HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "CONNECT", "TRACE"] as const;
/** One of LATTICE_HTTP_METHODS. */
export type LatticeHttpMethod = (typeof LATTICE_HTTP_METHODS)[number];

/**
 * The actions of a VPC Lattice auth policy (Service Authorization Reference,
 * "Actions, resources, and condition keys for Amazon VPC Lattice Services"):
 * `Invoke` is an HTTP or gRPC request to a service, whose resource is the
 * service ARN followed by the request path (`<service ARN>/<path>`);
 * `Connect` is a connection to a TCP service, whose resource is the service
 * ARN itself. An auth policy never applies to resource configurations.
 */
export type LatticeAuthAction = "vpc-lattice-svcs:Invoke" | "vpc-lattice-svcs:Connect" | "vpc-lattice-svcs:*";
/** Every LatticeAuthAction: the actions a VPC Lattice auth policy is evaluated for (any other never matches a request). */
const LATTICE_AUTH_ACTIONS: readonly LatticeAuthAction[] = ["vpc-lattice-svcs:Invoke", "vpc-lattice-svcs:Connect", "vpc-lattice-svcs:*"];

const ORGANIZATION_ID = /^o-[a-z0-9]{10,32}$/;
/** An organization root ID (AWS Organizations' pattern). */
const ORGANIZATION_ROOT_ID = /^r-[0-9a-z]{4,32}$/;
/** An organizational unit ID (AWS Organizations' pattern). */
const ORGANIZATIONAL_UNIT_ID = /^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$/;

/** The grant a TLS_PASSTHROUGH listener needs (see {@link AuthPolicy.admitsAnonymous}), for errors. @internal */
export const ANONYMOUS_GRANT =
  "an Allow grant for anonymous callers: allowAnonymous: OptOut.because(...) with sourceVpcs or sourceVpcOwnerAccounts, and no accounts, roles or organization";

/**
 * One statement of an auth policy: who (accounts, roles, organization, source
 * VPCs) may do what (methods, paths) on which services. Every list is an OR
 * of its values; different fields are ANDed.
 */
export interface AuthPolicyGrant {
  /** @default - no Sid */
  readonly sid?: string;
  /** Accounts whose IAM principals are allowed. @default - principals are narrowed by the other fields only */
  readonly accounts?: readonly string[];
  /** IAM role (or user) ARNs that are allowed. @default - principals are narrowed by the other fields only */
  readonly roles?: readonly string[];
  /** Principals of this AWS organization only (`aws:PrincipalOrgID`). @default - any organization */
  readonly organizationId?: string;
  /**
   * Principals of these organization paths only (`aws:PrincipalOrgPaths`), such as
   * `o-abcdefghij/r-ab12/ou-ab12-11111111/*`.
   * @default - any organizational unit
   */
  readonly organizationPaths?: readonly string[];
  /** Requests from these VPCs only (`vpc-lattice-svcs:SourceVpc`). @default - any associated VPC */
  readonly sourceVpcs?: readonly IVpc[];
  /** Requests from VPCs owned by these accounts only (`vpc-lattice-svcs:SourceVpcOwnerAccount`). @default - any VPC owner */
  readonly sourceVpcOwnerAccounts?: readonly string[];
  /** HTTP methods allowed (`vpc-lattice-svcs:RequestMethod`). @default - every method */
  readonly methods?: readonly LatticeHttpMethod[];
  /**
   * Request paths allowed (`vpc-lattice-svcs:RequestPath`, a condition key of
   * Invoke in the Service Authorization Reference), such as `/orders/*`: `*`
   * matches any characters, and the match is case-sensitive.
   * @default - every path
   */
  readonly paths?: readonly string[];
  /** Services the grant applies to, for service network policies that differ per service. @default - every service */
  readonly services?: readonly ILatticeService[];
  /** @default ["vpc-lattice-svcs:Invoke"] */
  readonly actions?: readonly LatticeAuthAction[];
  /**
   * Let unsigned (anonymous) requests match: `OptOut.because("<why>")`, such
   * as for a TLS_PASSTHROUGH listener, which cannot see signatures. Off by
   * default: the grant then requires SigV4-signed requests
   * (`aws:PrincipalType` is not `Anonymous`). The reason is recorded on the
   * auth policy; `true` still works, deprecated.
   * @default - signed requests only
   */
  readonly allowAnonymous?: OptOut | boolean;
}

/** One grant of a policy, as added. @internal */
export interface Grant {
  readonly effect: PolicyEffect;
  readonly grant: AuthPolicyGrant;
}

/** Where a policy is rendered: the region whose partition its ARNs must be of. */
export interface AuthPolicyRenderOptions {
  /** The region of the network or service the policy protects. @default - the stack's default provider's region */
  readonly region?: string;
}

/**
 * A typed VPC Lattice auth policy, rendered to IAM JSON at synth time.
 * `Principal: "*"` only appears with a condition: an Allow grant must name
 * accounts, roles, an organization or source VPCs.
 */
export class AuthPolicy {
  /** Allows the authenticated principals of the accounts, OUs and organizations a share is granted to. */
  public static fromSharePrincipals(principals: readonly SharePrincipal[]): AuthPolicy {
    const policy = new AuthPolicy();
    const accounts = principals.map((p) => p.value).filter((v) => isUnresolved(v) || isAccountId(v));
    const organizationPaths = principals
      .map((p) => p.value)
      .filter(isOrganizationalUnitArn)
      .map(organizationPathOfOu);
    const organizations = principals
      .map((p) => /^arn:aws[a-z-]*:organizations::\d{12}:organization\/(o-[a-z0-9]+)$/.exec(p.value)?.[1])
      .filter((o) => o !== undefined);
    if (accounts.length > 0) policy.allow({ sid: "SharedAccounts", accounts });
    if (organizationPaths.length > 0) policy.allow({ sid: "SharedOrganizationalUnits", organizationPaths });
    organizations.forEach((organizationId) => policy.allow({ sid: `SharedOrganization${organizationId.replace(/[^a-z0-9]/g, "")}`, organizationId }));
    return policy;
  }

  /** The grants added with allow() and deny(), in order. @internal */
  protected readonly grants: Grant[] = [];

  /**
   * Adds an Allow statement; returns the policy for chaining. Fails at render if the grant names no principal, organization or source VPC.
   */
  public allow(grant: AuthPolicyGrant): this {
    this.grants.push({ effect: "Allow", grant });
    return this;
  }

  /** Adds a Deny statement, which wins over every Allow (a sensitive path, say); returns the policy for chaining. */
  public deny(grant: AuthPolicyGrant): this {
    this.grants.push({ effect: "Deny", grant });
    return this;
  }

  /** Number of statements added so far. */
  public get grantCount(): number {
    return this.grants.length;
  }

  /**
   * Validates every grant and renders the policy JSON: each principal once
   * per statement however it is written, ARNs of the partition the policy is
   * used in; the document refuses a Sid given twice.
   */
  public render(scope: Construct, prop: string, options: AuthPolicyRenderOptions = {}): string {
    const region = options.region ?? literalRegionOf(scope, undefined);
    const statements = this.grants.map(({ effect, grant }, index) => {
      const where = `${prop}.statements[${index}]`;
      requireValue(scope, where, grant, "a grant such as { accounts: [...] } (allow and deny take one object)");
      checkObject(scope, where, grant);
      return toStatement(scope, where, effect, grant, region);
    });
    return new PolicyDocument(statements).render(scope, prop, {
      requirePrincipal: true,
      forbidUnconditionalAnyone: true,
      maxCharacters: AWS_LIMITS.latticeAuthPolicyCharacters,
    });
  }

  /**
   * True when an Allow grant can match an anonymous (unsigned) caller: one
   * that names no account, role or organization (an anonymous caller has
   * none) and opts in with allowAnonymous. A TLS_PASSTHROUGH listener has
   * only such callers. @internal
   */
  public admitsAnonymous(): boolean {
    return this.grants.some(
      ({ effect, grant }) =>
        effect === "Allow" &&
        grant.allowAnonymous !== undefined &&
        grant.allowAnonymous !== false &&
        (grant.accounts ?? []).length === 0 &&
        (grant.roles ?? []).length === 0 &&
        grant.organizationId === undefined &&
        (grant.organizationPaths ?? []).length === 0,
    );
  }

  /** The reasons of the grants that let unsigned requests in, validated, for the record on the auth policy. @internal */
  public anonymousReasons(scope: Construct, prop: string): string[] {
    return this.grantsForReview(prop).flatMap(([where, grant]) => {
      const reason = optOutReason(scope, `${where}.allowAnonymous`, grant.allowAnonymous);
      return reason === undefined ? [] : [grant.sid === undefined ? reason : `${grant.sid}: ${reason}`];
    });
  }

  /**
   * Fails on a grant narrowed to another service than `service`, the one
   * whose own policy this is: its Resource (`<arn>/*`) would never match a
   * request to the service, so the grant would silently not apply. @internal
   */
  public checkServicesAre(scope: Construct, prop: string, service: ILatticeService): void {
    for (const [where, grant] of this.grantsForReview(prop)) {
      grant.services?.forEach((other, i) => {
        const same = other === service || (!isUnresolved(other.serviceArn) && other.serviceArn === service.serviceArn);
        if (!same) {
          throw new ValidationError(
            scope,
            `${where}.services[${i}]`,
            other.serviceArn,
            "no services on a service's own policy (it applies to that service only; services narrows the grants of a service network's policy)",
          );
        }
      });
    }
  }

  /**
   * Fails when the policy lets no one in: with AWS_IAM a request needs an
   * explicit Allow and an explicit Deny wins, so a policy without an Allow
   * grant, or one whose every Allow grant a Deny grant fully covers, denies
   * every request. A Deny covers an Allow only when it clearly does: no
   * condition of its own (organization, source VPCs, methods, paths), every
   * service and action of the Allow, and Principal "*" or each principal of
   * the Allow, compared literally. @internal
   */
  public checkAdmitsSomeone(scope: Construct, prop: string): void {
    const grants = this.grantsForReview(prop);
    if (grants.some(([, grant]) => grant === null || typeof grant !== "object")) return;
    const allows = grants.filter(([, , effect]) => effect === "Allow");
    const denies = grants.filter(([, , effect]) => effect === "Deny");
    const coverings: string[] = [];
    for (const [where, allow] of allows) {
      const covering = denies.find(([, deny]) => denyCovers(deny, allow));
      if (covering === undefined) return;
      coverings.push(`${covering[0]} (Deny) covers ${where}`);
    }
    throw new ValidationError(
      scope,
      prop,
      allows.length === 0 ? "a policy with no Allow grant" : `a policy whose every Allow grant a Deny grant covers: ${coverings.join("; ")}`,
      "at least one Allow grant that no Deny grant of the policy fully covers (with AWS_IAM AWS denies every request)",
    );
  }

  /**
   * Who the Allow grants can let in, as far as synth can tell (Deny grants
   * and conditions only narrow it further): one caller class per grant, or
   * undefined when a value only Terraform knows leaves it open. @internal
   */
  public allowedCallers(): readonly AllowedCallers[] | undefined {
    const classes: AllowedCallers[] = [];
    for (const [, grant, effect] of this.grantsForReview("authPolicy")) {
      if (grant === null || typeof grant !== "object") return undefined;
      if (effect !== "Allow") continue;
      const callers = allowedCallersOf(grant);
      if (callers === undefined) return undefined;
      classes.push(callers);
    }
    return classes;
  }

  /** The grants known before synth, with the prop that names each and its effect (a derived policy adds its rule grants later). @internal */
  protected grantsForReview(prop: string): readonly (readonly [string, AuthPolicyGrant, PolicyEffect])[] {
    return this.grants.map(({ effect, grant }, index) => [`${prop}.statements[${index}]`, grant, effect] as const);
  }
}

/**
 * The callers one Allow grant can admit, at most: principals of these
 * accounts (its accounts, and the accounts of its roles), principals of
 * these organizations, or anyone (Principal "*" narrowed by conditions
 * synth does not compare). @internal
 */
export type AllowedCallers =
  | { readonly kind: "accounts"; readonly ids: readonly string[] }
  | { readonly kind: "organizations"; readonly ids: readonly string[] }
  | { readonly kind: "anyone" };

/** The callers of one Allow grant; undefined when one of its principals or organizations is a value only Terraform knows. */
function allowedCallersOf(grant: AuthPolicyGrant): AllowedCallers | undefined {
  const principals = [...(grant.accounts ?? []), ...(grant.roles ?? [])];
  if (principals.length > 0) {
    const ids = principals.map((p) => (isUnresolved(p) || typeof p !== "string" ? undefined : isAccountId(p) ? p : parseArn(p)?.account));
    return ids.every((id): id is string => id !== undefined && isAccountId(id)) ? { kind: "accounts", ids } : undefined;
  }
  const organizations =
    grant.organizationId !== undefined ? [grant.organizationId] : (grant.organizationPaths ?? []).map((path) => path.split("/")[0]);
  if (organizations.length === 0) return { kind: "anyone" };
  return organizations.every((id) => !isUnresolved(id) && ORGANIZATION_ID.test(id)) ? { kind: "organizations", ids: organizations } : undefined;
}

/**
 * True when no caller can be in both `a` and `b`: accounts with no account
 * in common, or organizations with none in common (an account is in one
 * organization). An account beside an organization, or anyone, may overlap. @internal
 */
export function disjointCallers(a: AllowedCallers, b: AllowedCallers): boolean {
  if (a.kind === "anyone" || b.kind === "anyone" || a.kind !== b.kind) return false;
  return !a.ids.some((id) => b.ids.includes(id));
}

/** Callers in words, for errors: `account 222222222222`, `organization o-abcdefghij`, `anyone (with conditions)`. @internal */
export function describeCallers(callers: readonly AllowedCallers[]): string {
  const words = callers.map((c) =>
    c.kind === "anyone" ? "anyone" : `${c.kind === "accounts" ? "account" : "organization"}${c.ids.length > 1 ? "s" : ""} ${c.ids.join(", ")}`,
  );
  return [...new Set(words)].join("; ");
}

/**
 * True when every request `allow` matches also matches `deny`, clearly: the
 * Deny has no condition, applies to every service and action of the Allow,
 * and names Principal "*" or each principal of the Allow (literally, an
 * account ID and its root ARN being one). Anything else is not a cover.
 */
function denyCovers(deny: AuthPolicyGrant, allow: AuthPolicyGrant): boolean {
  const conditions = [deny.organizationId, deny.organizationPaths, deny.sourceVpcs, deny.sourceVpcOwnerAccounts, deny.methods, deny.paths];
  if (conditions.some((c) => c !== undefined)) return false;
  if (deny.services !== undefined) {
    if (allow.services === undefined || isUnresolved(deny.services) || isUnresolved(allow.services)) return false;
    const same = (a: ILatticeService, b: ILatticeService) => a === b || (!isUnresolved(a.serviceArn) && a.serviceArn === b.serviceArn);
    if (!allow.services.every((s) => deny.services!.some((d) => same(d, s)))) return false;
  }
  const denied = deny.actions ?? ["vpc-lattice-svcs:Invoke"];
  const allowed = allow.actions ?? ["vpc-lattice-svcs:Invoke"];
  if (!denied.includes("vpc-lattice-svcs:*") && !allowed.every((a) => a !== "vpc-lattice-svcs:*" && denied.includes(a))) return false;
  const deniedPrincipals = [...(deny.accounts ?? []), ...(deny.roles ?? [])];
  // Principal "*" without a condition: every caller, signed or anonymous.
  if (deniedPrincipals.length === 0) return true;
  const allowedPrincipals = [...(allow.accounts ?? []), ...(allow.roles ?? [])];
  const keys = new Set(deniedPrincipals.map(principalKey).filter((k) => k !== undefined));
  return allowedPrincipals.length > 0 && allowedPrincipals.every((p) => keys.has(principalKey(p) as string));
}

/** `ou/o-abcdefghij/ou-ab12-cdefgh34` -> `o-abcdefghij/*\/ou-ab12-cdefgh34/*` (the root ID is not in the ARN). */
function organizationPathOfOu(ouArn: string): string {
  const [organizationId, ouId] = ouArn.split(":ou/")[1].split("/");
  return `${organizationId}/*/${ouId}/*`;
}

function toStatement(scope: Construct, prop: string, effect: PolicyEffect, grant: AuthPolicyGrant, region: string | undefined): PolicyStatement {
  validateGrant(scope, prop, grant, region);
  const principals = [...(grant.accounts ?? []).map(PolicyPrincipal.account), ...(grant.roles ?? []).map(PolicyPrincipal.arn)];
  const narrowsNetwork = (grant.sourceVpcs ?? []).length > 0 || (grant.sourceVpcOwnerAccounts ?? []).length > 0;
  const narrowsOrganization = grant.organizationId !== undefined || (grant.organizationPaths ?? []).length > 0;
  if (effect === "Allow" && principals.length === 0 && !narrowsNetwork && !narrowsOrganization) {
    throw new ValidationError(
      scope,
      prop,
      "a grant to every principal",
      'at least one of accounts, roles, organizationId, organizationPaths, sourceVpcs or sourceVpcOwnerAccounts (Principal "*" is only allowed with a condition that narrows it)',
    );
  }

  const conditions = new ConditionBuilder();
  conditions.add("StringEquals", "aws:PrincipalOrgID", grant.organizationId === undefined ? [] : [grant.organizationId]);
  conditions.add("ForAnyValue:StringLike", "aws:PrincipalOrgPaths", grant.organizationPaths ?? []);
  conditions.add(
    "StringEquals",
    "vpc-lattice-svcs:SourceVpc",
    (grant.sourceVpcs ?? []).map((vpc) => vpc.vpcId),
  );
  conditions.add("StringEquals", "vpc-lattice-svcs:SourceVpcOwnerAccount", grant.sourceVpcOwnerAccounts ?? []);
  conditions.add("StringEquals", "vpc-lattice-svcs:RequestMethod", grant.methods ?? []);
  conditions.add("StringLike", "vpc-lattice-svcs:RequestPath", grant.paths ?? []);
  const anyone = principals.length === 0;
  if (anyone && effect === "Allow" && optOutReason(scope, `${prop}.allowAnonymous`, grant.allowAnonymous) === undefined) {
    conditions.add("StringNotEqualsIgnoreCase", "aws:PrincipalType", ["Anonymous"]);
  }

  return new PolicyStatement({
    sid: grant.sid,
    effect,
    principals: anyone ? [PolicyPrincipal.anyone()] : principals,
    actions: grant.actions ?? ["vpc-lattice-svcs:Invoke"],
    resources: resourcesOf(grant),
    conditions: conditions.build(),
  });
}

/**
 * The Resource element of a grant narrowed to services: each service's
 * requests as each action names them (Service Authorization Reference, resource
 * types of vpc-lattice-svcs): `<service ARN>/*` for Invoke (the Service
 * resource, `service/<id>/<request path>`), the service ARN itself for
 * Connect (the TCP Service resource, `service/<id>`, which `<ARN>/*` never
 * matches). Undefined (`"*"`) without services.
 */
function resourcesOf(grant: AuthPolicyGrant): string[] | undefined {
  if (grant.services === undefined || grant.services.length === 0) return undefined;
  const actions = grant.actions ?? ["vpc-lattice-svcs:Invoke"];
  const invoke = actions.some((a) => a !== "vpc-lattice-svcs:Connect");
  const connect = actions.some((a) => a !== "vpc-lattice-svcs:Invoke");
  return grant.services.flatMap((s) => [...(invoke ? [`${s.serviceArn}/*`] : []), ...(connect ? [s.serviceArn] : [])]);
}

const AUTH_POLICY_GRANT: Record<keyof AuthPolicyGrant, true> = {
  sid: true,
  accounts: true,
  roles: true,
  organizationId: true,
  organizationPaths: true,
  sourceVpcs: true,
  sourceVpcOwnerAccounts: true,
  methods: true,
  paths: true,
  services: true,
  actions: true,
  allowAnonymous: true,
};

function validateGrant(scope: Construct, prop: string, grant: AuthPolicyGrant, region: string | undefined): void {
  // A misspelled condition (`method` for `methods`) would be dropped, widening the grant.
  checkKnownProps(scope, grant, AUTH_POLICY_GRANT, prop);
  const lists = [
    "accounts",
    "roles",
    "organizationPaths",
    "sourceVpcs",
    "sourceVpcOwnerAccounts",
    "methods",
    "paths",
    "services",
    "actions",
  ] as const;
  for (const list of lists) {
    const values = checkList(scope, `${prop}.${list}`, grant[list] as readonly unknown[] | undefined);
    // An empty list has no condition to render: dropping it would widen an Allow, or make a Deny deny everyone.
    if (values !== undefined && values.length === 0) {
      throw new ValidationError(
        scope,
        `${prop}.${list}`,
        [],
        `at least one value, or leave ${list} unset (an empty list would drop the condition, widening the grant)`,
      );
    }
  }
  checkPattern(scope, `${prop}.sid`, grant.sid, /^[A-Za-z0-9]+$/, "letters and digits only (IAM Sid)");
  // A JavaScript caller's number would be rendered as a JSON number ("AWS": 111111111111), which IAM does not take as an account.
  grant.accounts?.forEach((account, i) => {
    if (typeof account !== "string" && !isUnresolved(account))
      throw new ValidationError(scope, `${prop}.accounts[${i}]`, account, "a 12-digit account ID string");
  });
  const partition = region === undefined || isUnresolved(region) ? undefined : partitionOfRegion(region);
  grant.roles?.forEach((role, i) => {
    if (!isUnresolved(role) && isAccountRootArn(role)) return;
    checkArn(scope, `${prop}.roles[${i}]`, role, "iamPrincipal", { partition });
  });
  checkPrincipalsOnce(scope, prop, grant);
  grant.services?.forEach((service, i) => {
    checkObject(scope, `${prop}.services[${i}]`, service);
    checkArn(scope, `${prop}.services[${i}]`, service.serviceArn, "latticeService", { region });
  });
  grant.sourceVpcs?.forEach((vpc, i) => {
    checkObject(scope, `${prop}.sourceVpcs[${i}]`, vpc);
    requireValue(scope, `${prop}.sourceVpcs[${i}].vpcId`, vpc.vpcId, "a VPC (its vpcId is the condition's value)");
  });
  checkOnce(scope, `${prop}.sourceVpcOwnerAccounts`, grant.sourceVpcOwnerAccounts);
  checkOnce(scope, `${prop}.methods`, grant.methods);
  checkOnce(scope, `${prop}.paths`, grant.paths);
  checkString(scope, `${prop}.organizationId`, grant.organizationId);
  checkPattern(scope, `${prop}.organizationId`, grant.organizationId, ORGANIZATION_ID, "an organization ID such as o-abcdefghij");
  grant.organizationPaths?.forEach((path, i) => checkOrganizationPath(scope, `${prop}.organizationPaths[${i}]`, path));
  // Both conditions hold at once, and a principal is in one organization: a path of another one than organizationId matches nobody.
  const organizationId = grant.organizationId;
  if (organizationId !== undefined && !isUnresolved(organizationId))
    grant.organizationPaths?.forEach((path, i) => {
      if (!isUnresolved(path) && path.split("/")[0] !== organizationId)
        throw new ValidationError(
          scope,
          `${prop}.organizationPaths[${i}]`,
          path,
          `a path of organization ${organizationId}, the grant's organizationId: both conditions must hold, and no principal is in two organizations, so this path matches nobody`,
        );
    });
  grant.sourceVpcOwnerAccounts?.forEach((account, i) => checkAccountId(scope, `${prop}.sourceVpcOwnerAccounts[${i}]`, account));
  grant.methods?.forEach((method, i) => checkOneOf(scope, `${prop}.methods[${i}]`, method, LATTICE_HTTP_METHODS));
  grant.paths?.forEach((path, i) => checkPattern(scope, `${prop}.paths[${i}]`, path, /^\/\S*$/, "a path starting with / such as /orders/*"));
  grant.actions?.forEach((action, i) => checkOneOf(scope, `${prop}.actions[${i}]`, action, LATTICE_AUTH_ACTIONS));
  // Connect (TCP connections) has no vpc-lattice-svcs:RequestMethod or RequestPath key: with either condition the statement never matches.
  const connect = grant.actions?.indexOf("vpc-lattice-svcs:Connect") ?? -1;
  const httpCondition = grant.methods !== undefined ? "methods" : grant.paths !== undefined ? "paths" : undefined;
  if (connect >= 0 && httpCondition !== undefined)
    throw new ValidationError(
      scope,
      `${prop}.actions[${connect}]`,
      "vpc-lattice-svcs:Connect",
      `vpc-lattice-svcs:Invoke with ${httpCondition}, or no ${httpCondition} (a TCP connection has no HTTP method or path, so the statement would never match it)`,
    );
}

/**
 * Fails on an organization path that matches no principal's
 * `aws:PrincipalOrgPaths`: each value is the path from the organization to
 * the account's parent, `o-<org>/r-<root>/ou-<ou>/.../`, always ending with
 * `/` and never naming the account. So a path must end with `/` or a
 * wildcard (`o-a1b2c3d4e5/r-ab12/ou-ab12-11111111` matches nobody: `StringLike`
 * compares whole values), and the segments before its first wildcard must
 * be the root, then OUs (`o-a1b2c3d4e5/ou-ab12-11111111/*` skips the root; an
 * account ID is never part of the value). The grant then matched nobody:
 * an Allow let no caller in, a Deny never fired.
 */
function checkOrganizationPath(scope: Construct, prop: string, path: string): void {
  const example = "an organization path such as o-abcdefghij/r-ab12/ou-ab12-11111111/*";
  checkPattern(scope, prop, path, /^o-[a-z0-9]{10,32}\/[\w*?/-]+$/, example);
  if (isUnresolved(path)) return;
  const fail = (why: string): never => {
    throw new ValidationError(
      scope,
      prop,
      path,
      `${example}: every aws:PrincipalOrgPaths value is o-<organization>/r-<root>/ou-<OU>/.../ (the account's parent, ending with /), so ${why} and the grant matches nobody`,
    );
  };
  if (!/[/*?]$/.test(path)) fail("a path that does not end with / or a wildcard (* or ?) matches no value");
  const segments = path.split("/").slice(1);
  if (path.endsWith("/")) segments.pop();
  for (const [i, segment] of segments.entries()) {
    // Past a wildcard, which may span segments, positions are unknown.
    if (/[*?]/.test(segment)) return;
    if (i === 0 && !ORGANIZATION_ROOT_ID.test(segment))
      fail(`its second segment must be the organization's root ID (r-...), not ${segment === "" ? "empty" : `"${segment}"`},`);
    if (i > 0 && !ORGANIZATIONAL_UNIT_ID.test(segment))
      fail(
        `each segment after the root must be an OU ID (ou-...), not ${segment === "" ? "empty" : `"${segment}"`}${/^\d{12}$/.test(segment) ? " (an account ID is never part of the value)" : ""},`,
      );
  }
}

/**
 * What identifies an IAM principal, whatever its spelling: an account ID and
 * its root ARN are one principal, and IAM role and user names are
 * case-insensitive and unique whatever their path.
 */
function principalKey(value: string): string | undefined {
  if (isUnresolved(value)) return undefined;
  if (isAccountId(value)) return `account ${value}`;
  const arn = parseArn(value);
  if (arn === undefined) return undefined;
  if (arn.resource === "root") return `account ${arn.account}`;
  const [type, ...path] = arn.resource.split("/");
  return `${type} ${arn.account} ${path[path.length - 1]?.toLowerCase()}`;
}

/** Fails on a principal given twice in one grant (`accounts` and `roles` together), naming both places. */
function checkPrincipalsOnce(scope: Construct, prop: string, grant: AuthPolicyGrant): void {
  const seen = new Map<string, string>();
  const given: [string, string][] = [
    ...(grant.accounts ?? []).map((v, i): [string, string] => [`accounts[${i}]`, v]),
    ...(grant.roles ?? []).map((v, i): [string, string] => [`roles[${i}]`, v]),
  ];
  for (const [where, value] of given) {
    const key = principalKey(value);
    if (key === undefined) continue;
    const first = seen.get(key);
    if (first !== undefined)
      throw new ValidationError(
        scope,
        `${prop}.${where}`,
        value,
        `each principal once (${first} is the same principal${key.startsWith("account") ? "" : "; IAM names are case-insensitive"})`,
      );
    seen.set(key, where);
  }
}

/** Fails on a literal value given twice in a list of conditions. */
function checkOnce(scope: Construct, prop: string, values: readonly string[] | undefined): void {
  values?.forEach((value, i) => {
    const first = values.indexOf(value);
    if (first !== i && !isUnresolved(value))
      throw new ValidationError(scope, `${prop}[${i}]`, value, `each value once (${prop}[${first}] is ${value} already)`);
  });
}

/** Collects condition values per operator and key, dropping empty ones. */
class ConditionBuilder {
  private readonly operators: Record<string, Record<string, string | string[]>> = {};

  public add(operator: string, key: string, values: readonly string[]): void {
    if (values.length === 0) return;
    (this.operators[operator] ??= {})[key] = values.length === 1 ? values[0] : [...values];
  }

  public build(): PolicyConditions | undefined {
    return Object.keys(this.operators).length === 0 ? undefined : this.operators;
  }
}

/**
 * The identity-based policy the callers' IAM roles need to invoke
 * `services`, as JSON for the callers' account to attach (an
 * `aws_iam_role_policy`, or an output handed to them). AWS evaluates it
 * together with the auth policies of the network and of the service: a
 * caller of another account than the service's, and one an auth policy
 * admits by account or organization rather than by its own role ARN, is
 * denied without it. Callers also sign every request with SigV4 for the
 * service name `vpc-lattice-svcs`; unsigned requests are anonymous.
 */
export function latticeInvokePolicy(scope: Construct, services: readonly ILatticeService[]): string {
  const given = requireValue(scope, "services", checkList(scope, "services", services), "the services the callers invoke");
  checkItemCount(scope, "services", given, 1);
  given.forEach((service, i) => {
    checkObject(scope, `services[${i}]`, service);
    checkArn(scope, `services[${i}].serviceArn`, service.serviceArn, "latticeService");
  });
  const invoke = new PolicyStatement({
    sid: "InvokeLatticeServices",
    actions: ["vpc-lattice-svcs:Invoke"],
    // Every path and method: the auth policies narrow them.
    resources: given.map((service) => `${service.serviceArn}/*`),
  });
  return policyAttribute(new PolicyDocument([invoke]).render(scope, "services", { requirePrincipal: false }));
}

export interface LatticeAuthPolicyProps extends AwsResourceProps {
  /** The service network or service the policy protects; its auth type must be AWS_IAM. */
  readonly target: IServiceNetwork | ILatticeService;
  /** The policy to attach (`policy`), validated and rendered at synth; at most 10,240 characters. */
  readonly policy: AuthPolicy;
}

const LATTICE_AUTH_POLICY_PROPS: Record<keyof LatticeAuthPolicyProps, true> = { target: true, policy: true, provider: true };

/**
 * The auth policy of a VPC Lattice service network or service.
 *
 * Creates: aws_vpclattice_auth_policy.
 */
export class LatticeAuthPolicy extends Construct {
  /** The underlying `aws_vpclattice_auth_policy`, as an escape hatch. */
  public readonly resource: VpclatticeAuthPolicy;
  /** The rendered policy JSON. */
  public readonly policyJson: string;

  constructor(scope: Construct, id: string, props: LatticeAuthPolicyProps) {
    super(scope, id);
    requireProps(this, props, ["target", "policy"]);
    checkKnownProps(this, props, LATTICE_AUTH_POLICY_PROPS);
    if (!(props.policy instanceof AuthPolicy))
      throw new ValidationError(this, "authPolicy", props.policy, "a value made with new AuthPolicy().allow(...)");
    this.policyJson = props.policy.render(this, "authPolicy", { region: literalRegionOf(this, props.provider) });
    if (!("serviceNetworkArn" in props.target)) props.policy.checkServicesAre(this, "authPolicy", props.target);
    props.policy.checkAdmitsSomeone(this, "authPolicy");
    this.resource = new VpclatticeAuthPolicy(this, "Resource", {
      provider: props.provider,
      resourceIdentifier: "serviceNetworkArn" in props.target ? props.target.serviceNetworkArn : props.target.serviceArn,
      // A policy rendered later (one lazy token, not JSON yet) is passed as it is.
      policy: this.policyJson.startsWith("{") ? policyAttribute(this.policyJson) : this.policyJson,
    });
    const anonymous = props.policy.anonymousReasons(this, "authPolicy");
    if (anonymous.length > 0) recordOptOut(this.resource, RECORDED_OPT_OUTS.anonymousCallers, anonymous.join("; "));
  }
}
