import { parseArn } from "../../core/arns";
import { evaluatePolicy, PolicyEvaluation } from "../policy";
import { UNKNOWN_ACCOUNT } from "../terraform/synthetic";
import { FlowContext, ResolvedPrincipal } from "./context";

/** The caller used when a flow names none: an unknown role outside every organization, so only policies open to anyone let it in. */
const UNKNOWN_CALLER: ResolvedPrincipal = {
  arn: `arn:aws:iam::${UNKNOWN_ACCOUNT}:role/unknown-caller`,
  account: UNKNOWN_ACCOUNT,
  organizationPaths: [],
  anonymous: false,
};

/** The caller of the flow, or the unknown one. */
export function callerOf(context: FlowContext): ResolvedPrincipal {
  return context.source.principal ?? UNKNOWN_CALLER;
}

/**
 * The global condition keys of a request from this caller. The network keys
 * (`aws:SourceVpc`, `aws:SourceVpce`) are not among them: AWS adds them only
 * to a request made through a VPC endpoint, so the hop through one adds them
 * (aws-services.ts); a VPC Lattice request carries `vpc-lattice-svcs:SourceVpc`
 * instead (lattice.ts).
 */
export function principalContext(principal: ResolvedPrincipal): Record<string, string | readonly string[]> {
  const keys: Record<string, string | readonly string[]> = {};
  if (principal.anonymous) {
    keys["aws:PrincipalType"] = "Anonymous";
  } else {
    const arn = parseArn(principal.arn);
    keys["aws:PrincipalArn"] = principal.arn;
    keys["aws:PrincipalType"] = arn?.resource === "root" ? "Account" : arn?.resource.startsWith("user/") === true ? "User" : "AssumedRole";
    if (principal.account !== undefined) keys["aws:PrincipalAccount"] = principal.account;
    if (principal.organizationId !== undefined) keys["aws:PrincipalOrgID"] = principal.organizationId;
    if (principal.organizationPaths.length > 0) keys["aws:PrincipalOrgPaths"] = principal.organizationPaths;
  }
  return keys;
}

/** Evaluates one resource-side policy (auth, endpoint, bucket) for the flow's caller. */
export function evaluateFor(
  context: FlowContext,
  policy: string,
  name: string,
  action: string,
  resource: string,
  extra: Record<string, string | readonly string[]>,
): PolicyEvaluation {
  const principal = callerOf(context);
  const resourceAccount = parseArn(resource)?.account || principal.account || UNKNOWN_ACCOUNT;
  return evaluatePolicy(policy, name, {
    principal: principal.anonymous ? "anonymous" : principal.arn,
    action,
    resource,
    resourceAccount,
    context: { ...principalContext(principal), ...extra },
  });
}

/** An account principal of a gateway endpoint policy that AWS matches to the account's root user only, where the caller is another principal of it. */
export interface RootOnlyPrincipal {
  /** The account (12 digits). */
  readonly account: string;
  /** The statement that names it: its Sid, else `#` and its position from 1, as evaluations name statements. */
  readonly statement: string;
  /** Whether it is named in the statement's NotPrincipal element. */
  readonly notPrincipal: boolean;
}

/** The endpoint policy of a gateway endpoint as AWS reads it for one caller, and the account principals read as the root user only. */
export interface GatewayEndpointReading {
  /** The document to evaluate. */
  readonly policy: string;
  /** The account principals that do not match the caller there, though they would on an interface endpoint. */
  readonly rootOnly: readonly RootOnlyPrincipal[];
}

/** A service principal no caller of a flow is (they are role, user or root ARNs): a Principal element that matches no one. */
const NO_ONE = { Service: "no-caller.gateway-endpoint.invalid" };

/**
 * A gateway endpoint (S3, DynamoDB) policy as AWS reads it for the caller:
 * an account in a Principal element (`"AWS": "111111111111"` or its root
 * ARN) matches the account's root user only, not its roles and users, which
 * AWS admits there by `aws:PrincipalArn` or `aws:PrincipalAccount`
 * conditions (PrivateLink guide, "Control access to VPC endpoints using
 * endpoint policies", principals for gateway endpoints). The evaluator
 * reads an account principal as the whole account, as an interface
 * endpoint does: for a caller that is not that account's root user, the
 * account is taken out of the statement's Principal (which then matches no
 * one if nothing else is left) and NotPrincipal (which then excludes no
 * one) elements. Other principals, and a root caller, are left as they are.
 */
export function asGatewayEndpointPolicy(policy: string, caller: ResolvedPrincipal): GatewayEndpointReading {
  const arn = parseArn(caller.arn);
  const account = caller.account ?? arn?.account;
  if (caller.anonymous || arn === undefined || arn.resource === "root" || account === undefined) return { policy, rootOnly: [] };
  let document: unknown;
  try {
    document = JSON.parse(policy);
  } catch {
    return { policy, rootOnly: [] };
  }
  const statements = (document as { Statement?: unknown } | null)?.Statement;
  const list = Array.isArray(statements) ? (statements as unknown[]) : statements === undefined ? [] : [statements];
  const rootOnly: RootOnlyPrincipal[] = [];
  const isTheAccount = (entry: unknown): boolean => {
    if (typeof entry !== "string") return false;
    const named = parseArn(entry);
    return entry === account || (named?.service === "iam" && named.account === account && named.resource === "root");
  };
  const read = list.map((raw, i) => {
    if (raw === null || typeof raw !== "object") return raw;
    const statement = raw as Record<string, unknown>;
    const name = typeof statement.Sid === "string" && statement.Sid !== "" ? statement.Sid : `#${i + 1}`;
    let changed = { ...statement };
    for (const element of ["Principal", "NotPrincipal"] as const) {
      const value = statement[element];
      if (value === null || typeof value !== "object" || Array.isArray(value)) continue;
      const principals = value as Record<string, unknown>;
      const aws = principals.AWS;
      const entries = Array.isArray(aws) ? (aws as unknown[]) : aws === undefined ? [] : [aws];
      if (!entries.some(isTheAccount)) continue;
      rootOnly.push({ account, statement: name, notPrincipal: element === "NotPrincipal" });
      const kept = entries.filter((e) => !isTheAccount(e));
      const others = Object.fromEntries(Object.entries(principals).filter(([key]) => key !== "AWS"));
      const rest = kept.length === 0 ? others : { ...others, AWS: kept };
      if (Object.keys(rest).length > 0) changed = { ...changed, [element]: rest };
      else if (element === "Principal") changed = { ...changed, Principal: NO_ONE };
      else changed = { ...Object.fromEntries(Object.entries(changed).filter(([key]) => key !== "NotPrincipal")), Principal: "*" };
    }
    return changed;
  });
  if (rootOnly.length === 0) return { policy, rootOnly };
  return { policy: JSON.stringify({ ...(document as object), Statement: read }), rootOnly };
}
