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
