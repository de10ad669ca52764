import { dirname, join } from "node:path";

/**
 * IAM policy evaluation for the flow analysis, on @cloud-copilot/iam-simulate:
 * the only maintained evaluator on npm that implements every condition
 * operator, cross-account rules and per-statement explanations. Its public
 * `runSimulation` is asynchronous (it validates input against a data set read
 * from disk); the flow API must be synchronous so that `expectFlow(...)`
 * works as a plain assertion, so we call the package's synchronous core
 * (`authorize`, what its exported `runUnsafeSimulation` calls) directly.
 * The version is pinned exactly (package.json); a test proves the adapter.
 *
 * The package is AGPL-3.0: it is an optional peer dependency, needed only
 * where flows are analysed (tests, CI, the flows command), never by the
 * constructs or the Terraform they generate.
 */

/** The decision of one policy on one request. */
export type PolicyDecision = "Allowed" | "ImplicitlyDenied" | "ExplicitlyDenied";

/** What a policy decided, and why in words. */
export interface PolicyEvaluation {
  /** Allowed, ImplicitlyDenied (no Allow statement matches) or ExplicitlyDenied (a Deny statement matches). */
  readonly decision: PolicyDecision;
  /** Why: the deciding statement, or for an implicit deny the conditions that kept the closest Allow from matching. */
  readonly explanation: string;
  /** For an implicit deny, the condition keys that kept the Allow statements from matching (as the policy spells them). @default - none */
  readonly missedConditionKeys?: readonly string[];
}

/** One request against one resource-side policy (an auth policy, an endpoint policy, a bucket policy). */
export interface PolicyRequest {
  /** The caller: a role or user ARN, an account root ARN, or `anonymous` for unsigned requests. */
  readonly principal: string;
  /** The action, e.g. `vpc-lattice-svcs:Invoke`, `s3:GetObject`. */
  readonly action: string;
  /** The resource ARN. */
  readonly resource: string;
  /** Account that owns the resource. */
  readonly resourceAccount: string;
  /** Condition keys of the request (`aws:PrincipalOrgID`, `vpc-lattice-svcs:SourceVpc`, ...). */
  readonly context: Readonly<Record<string, string | readonly string[]>>;
}

interface IamSimulateCore {
  authorize(request: unknown): { resourceAnalysis?: ResourceAnalysis };
  AwsRequestImpl: new (principal: unknown, resource: { resource: string; accountId: string }, action: string, context: unknown) => unknown;
  RequestContextImpl: new (values: Record<string, string | string[]>) => unknown;
  DiscoveryContextKeyConstraints: new (constraints: unknown[]) => unknown;
  loadPolicy(document: unknown, metadata: { name: string }): unknown;
  anonymousPrincipal: unknown;
}

interface StatementAnalysis {
  readonly principalMatch?: string;
  readonly actionMatch?: boolean;
  readonly resourceMatch?: boolean;
  readonly conditionMatch?: string;
  readonly explain?: {
    /** Allow or Deny. */
    readonly effect?: string;
    /** The Sid, or the statement's position when it has none. */
    readonly identifier?: string;
    readonly conditions?: readonly { readonly matches: boolean; readonly conditionKeyValue: string; readonly operator: string }[];
  };
}

interface ResourceAnalysis {
  readonly result: string;
  readonly allowStatements: readonly StatementAnalysis[];
  readonly denyStatements: readonly StatementAnalysis[];
  readonly unmatchedStatements: readonly StatementAnalysis[];
}

let core: IamSimulateCore | undefined;

/** Loads the evaluator once, with a clear error when the optional peer is missing. */
function loadCore(): IamSimulateCore {
  if (core !== undefined) return core;
  let root: string;
  try {
    root = dirname(require.resolve("@cloud-copilot/iam-simulate"));
  } catch {
    throw new Error(
      "The flow analysis evaluates IAM policies with @cloud-copilot/iam-simulate, an optional peer dependency (AGPL-3.0): npm install --save-dev @cloud-copilot/iam-simulate@0.1.173",
    );
  }
  /* eslint-disable @typescript-eslint/no-require-imports -- by path: the synchronous core is not in the package's export map */
  const engine = require(join(root, "core_engine", "CoreSimulatorEngine.js")) as Pick<IamSimulateCore, "authorize">;
  const request = require(join(root, "request", "request.js")) as Pick<IamSimulateCore, "AwsRequestImpl">;
  const context = require(join(root, "requestContext.js")) as Pick<IamSimulateCore, "RequestContextImpl">;
  const discovery = require(join(root, "context_keys", "discoveryContextKeyConstraints.js")) as Pick<
    IamSimulateCore,
    "DiscoveryContextKeyConstraints"
  >;
  const simulation = require(join(root, "simulation_engine", "simulation.js")) as Pick<IamSimulateCore, "anonymousPrincipal">;
  const policy = require("@cloud-copilot/iam-policy") as Pick<IamSimulateCore, "loadPolicy">;
  /* eslint-enable @typescript-eslint/no-require-imports */
  core = { ...engine, ...request, ...context, ...discovery, ...simulation, ...policy };
  return core;
}

/** Identity side of every simulated request: the caller's own IAM policies are assumed to allow it; the flow judges the resource side. */
const CALLER_ALLOWED = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };

/**
 * Evaluates one resource-side policy on one request. The caller's identity
 * policies are taken to allow the request, so the decision is the policy's:
 * Allowed only when an Allow statement matches and no Deny does.
 */
export function evaluatePolicy(policyJson: string, name: string, request: PolicyRequest): PolicyEvaluation {
  const iam = loadCore();
  const document = JSON.parse(policyJson) as unknown;
  const principal = request.principal === "anonymous" ? iam.anonymousPrincipal : request.principal;
  const context = Object.fromEntries(Object.entries(request.context).map(([k, v]) => [k, typeof v === "string" ? v : [...v]]));
  const analysis = iam.authorize({
    request: new iam.AwsRequestImpl(
      principal,
      { resource: request.resource, accountId: request.resourceAccount },
      request.action,
      new iam.RequestContextImpl(context),
    ),
    sessionPolicy: undefined,
    identityPolicies: request.principal === "anonymous" ? [] : [iam.loadPolicy(CALLER_ALLOWED, { name: "caller" })],
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    resourcePolicy: iam.loadPolicy(document, { name }),
    permissionBoundaries: undefined,
    vpcEndpointPolicies: undefined,
    simulationParameters: { simulationMode: "Strict", discoveryContextKeyConstraints: new iam.DiscoveryContextKeyConstraints([]) },
    serviceSettings: { s3: {} },
  }).resourceAnalysis;
  if (analysis === undefined) return { decision: "ImplicitlyDenied", explanation: `${name}: not evaluated` };
  if (analysis.denyStatements.length > 0) {
    return {
      decision: "ExplicitlyDenied",
      explanation: `${name}: Deny statement ${statementName(analysis.denyStatements[0])} matches ${request.principal}`,
    };
  }
  if (analysis.result === "Allowed" || analysis.allowStatements.length > 0) {
    return { decision: "Allowed", explanation: `${name}: statement ${statementName(analysis.allowStatements[0])} allows ${request.principal}` };
  }
  return {
    decision: "ImplicitlyDenied",
    explanation: `${name}: no Allow statement matches ${request.principal}${closestMiss(analysis.unmatchedStatements)}`,
    missedConditionKeys: [
      ...new Set(
        allowStatements(analysis.unmatchedStatements)
          .filter((s) => s.principalMatch !== "NoMatch" && s.actionMatch !== false && s.resourceMatch !== false)
          .flatMap(missedKeys),
      ),
    ],
  };
}

function statementName(statement: StatementAnalysis | undefined): string {
  const identifier = statement?.explain?.identifier;
  return identifier === undefined || /^\d+$/.test(identifier) ? `#${identifier ?? "?"}` : identifier;
}

function allowStatements(statements: readonly StatementAnalysis[]): readonly StatementAnalysis[] {
  return statements.filter((s) => (s.explain?.effect ?? "Allow") === "Allow");
}

/** The condition keys of a statement whose conditions do not match. */
function missedKeys(statement: StatementAnalysis): string[] {
  return (statement.explain?.conditions ?? []).filter((c) => !c.matches).map((c) => c.conditionKeyValue);
}

/** The conditions (or principal/action/resource) that kept the Allow statements from matching, e.g. ` (aws:PrincipalOrgPaths)`. */
function closestMiss(statements: readonly StatementAnalysis[]): string {
  const misses = allowStatements(statements)
    .map((s) => {
      if (s.principalMatch === "NoMatch") return "Principal";
      if (s.actionMatch === false) return "Action";
      if (s.resourceMatch === false) return "Resource";
      const keys = missedKeys(s);
      return keys.length === 0 ? undefined : keys.join(", ");
    })
    .filter((m): m is string => m !== undefined);
  const unique = [...new Set(misses)];
  return unique.length === 0 ? "" : ` (${unique.join("; ")})`;
}
