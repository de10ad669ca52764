import { Fn } from "./cdktf";
import { IConstruct } from "constructs";
import { ValidationError } from "./errors";
import { isAccountRootArn, isIamPrincipalArn } from "./arns";
import { closestMatch, isAccountId } from "./formats";
import { checkInstance, checkList, checkObject, checkString } from "./shapes";
import { isUnresolved } from "./tokens";
import { checkOneOf, checkPattern, requireValue } from "./validation";

/** An IAM action (`s3:GetObject`, `s3:Get*`, `vpc-lattice-svcs:Invoke`) or `*`. */
const ACTION = /^(\*|[a-z0-9-]+:[A-Za-z0-9*?]+)$/;

/** IAM's condition operators, each also with `IfExists` (except Null); any of them after `ForAllValues:` or `ForAnyValue:`. */
const CONDITION_OPERATORS: readonly string[] = (() => {
  const compared = ["Equals", "NotEquals", "LessThan", "LessThanEquals", "GreaterThan", "GreaterThanEquals"];
  const base = [
    ...["Equals", "NotEquals", "EqualsIgnoreCase", "NotEqualsIgnoreCase", "Like", "NotLike"].map((o) => `String${o}`),
    ...compared.map((o) => `Numeric${o}`),
    ...compared.map((o) => `Date${o}`),
    "Bool",
    "BinaryEquals",
    "IpAddress",
    "NotIpAddress",
    ...["Equals", "NotEquals", "Like", "NotLike"].map((o) => `Arn${o}`),
  ];
  const single = [...base, ...base.map((o) => `${o}IfExists`), "Null"];
  return [...single, ...single.flatMap((o) => [`ForAllValues:${o}`, `ForAnyValue:${o}`])];
})();

/** True when a condition key's value names something to compare: a value, or a list with one (an empty list matches nothing, and IAM does not count it as a condition). */
function hasConditionValue(value: unknown): boolean {
  return !Array.isArray(value) || value.length > 0 || isUnresolved(value);
}

/**
 * Whether a statement's Condition (operators to keys to values, as in IAM
 * JSON) narrows anything: an operator with a key that has a value.
 * `StringEquals: {}`, `Null: {}` and a key with `[]` are conditions in name
 * only; IAM evaluates nothing for them. Our statements and the guardrails'
 * reading of any policy JSON judge by it alike.
 */
export function conditionNarrows(condition: unknown): boolean {
  if (condition === null || typeof condition !== "object") return false;
  return Object.values(condition).some((keys) => keys !== null && typeof keys === "object" && Object.values(keys).some(hasConditionValue));
}

/**
 * A typed IAM policy document rendered to JSON at synth time. We never use
 * the `aws_iam_policy_document` data source: it needs the AWS API at plan
 * time, which breaks offline plans and adds a read to every plan.
 */

export type PolicyEffect = "Allow" | "Deny";

/** Condition operators to keys to values, as in IAM JSON. */
export type PolicyConditions = { readonly [operator: string]: { readonly [key: string]: string | readonly string[] } };

/** Who a statement applies to. */
export class PolicyPrincipal {
  /** Every principal. Resource policies only accept it with a condition (our builders enforce that). */
  public static anyone(): PolicyPrincipal {
    return new PolicyPrincipal("*", "*");
  }

  /** Every IAM principal of one account. */
  public static account(accountId: string): PolicyPrincipal {
    return new PolicyPrincipal("AWS", accountId, (scope, prop) => {
      if (!isUnresolved(accountId) && !isAccountId(accountId)) {
        throw new ValidationError(scope, prop, accountId, "a 12-digit AWS account ID");
      }
    });
  }

  /** One IAM role or user (or an account root ARN). */
  public static arn(arn: string): PolicyPrincipal {
    return new PolicyPrincipal("AWS", arn, (scope, prop) => {
      if (!isUnresolved(arn) && !isIamPrincipalArn(arn) && !isAccountRootArn(arn)) {
        throw new ValidationError(scope, prop, arn, "an IAM role or user ARN such as arn:aws:iam::123456789012:role/reader");
      }
    });
  }

  /** An AWS service principal such as `vpc-lattice.amazonaws.com`. */
  public static service(name: string): PolicyPrincipal {
    return new PolicyPrincipal("Service", name, (scope, prop) => {
      if (!isUnresolved(name) && (typeof name !== "string" || !/^[a-z0-9-]+(\.[a-z0-9-]+)*\.amazonaws\.com(\.cn)?$/.test(name))) {
        throw new ValidationError(scope, prop, name, "an AWS service principal such as vpc-lattice.amazonaws.com");
      }
    });
  }

  private constructor(
    /** The key under `Principal` (`AWS`, `Service`), or `*` for everyone. */
    public readonly type: string,
    /** The principal itself: an account ID, role/user ARN, service name such as `vpc-lattice.amazonaws.com`, or `*`. */
    public readonly value: string,
    private readonly check?: (scope: IConstruct, prop: string) => void,
  ) {}

  /** Throws a ValidationError naming `prop` when the principal is malformed (unresolved tokens are skipped). */
  public validate(scope: IConstruct, prop: string): void {
    this.check?.(scope, prop);
  }
}

/** One statement of an IAM policy document, in IAM JSON vocabulary. */
export interface PolicyStatementProps {
  /**
   * Statement ID, unique within the document.
   * @default - no Sid
   */
  readonly sid?: string;
  /**
   * Whether the statement allows or denies the actions.
   * @default "Allow"
   */
  readonly effect?: PolicyEffect;
  /** IAM actions such as `s3:GetObject`. */
  readonly actions: readonly string[];
  /**
   * Resource ARNs the statement applies to.
   * @default ["*"]
   */
  readonly resources?: readonly string[];
  /**
   * Who the statement applies to (the Principal element).
   * @default - no Principal element (identity policies); resource policies require principals
   */
  readonly principals?: readonly PolicyPrincipal[];
  /**
   * Condition element, such as `{ StringEquals: { "aws:PrincipalOrgID": "o-..." } }`.
   * @default - no Condition element
   */
  readonly conditions?: PolicyConditions;
}

/** One IAM policy statement; render it through a PolicyDocument. */
export class PolicyStatement {
  constructor(
    /** The statement as given: Sid, Effect, Action, Resource, Principal and Condition. */
    public readonly props: PolicyStatementProps,
  ) {}

  /** True when the statement lets everyone in without any condition. */
  public get isUnconditionalAnyone(): boolean {
    const anyone = (this.props.principals ?? []).some((p) => p.type === "*");
    return anyone && (this.props.effect ?? "Allow") === "Allow" && !conditionNarrows(this.props.conditions);
  }

  /**
   * The statement as IAM JSON; single-item Action and Resource lists
   * collapse to strings, Resource defaults to `*`, and a trust policy's
   * statement has none (IAM refuses a Resource in a role's trust policy).
   */
  public toJson(options: { readonly trustPolicy?: boolean } = {}): Record<string, unknown> {
    const { sid, effect, actions, resources, principals, conditions } = this.props;
    return {
      ...(sid === undefined ? {} : { Sid: sid }),
      Effect: effect ?? "Allow",
      ...(principals === undefined ? {} : { Principal: renderPrincipals(principals) }),
      Action: actions.length === 1 ? actions[0] : [...actions],
      ...(options.trustPolicy === true ? {} : { Resource: resources === undefined ? "*" : resources.length === 1 ? resources[0] : [...resources] }),
      ...(conditions === undefined ? {} : { Condition: conditions }),
    };
  }
}

function renderPrincipals(principals: readonly PolicyPrincipal[]): unknown {
  if (principals.some((p) => p.type === "*")) return "*";
  const byType: Record<string, string[]> = {};
  for (const principal of principals) (byType[principal.type] ??= []).push(principal.value);
  return Object.fromEntries(Object.entries(byType).map(([type, values]) => [type, values.length === 1 ? values[0] : values]));
}

/** How PolicyDocument.render validates a document for the attribute it is going into. */
export interface RenderOptions {
  /** Resource policies (endpoint, auth, bucket) need a Principal in every statement. */
  readonly requirePrincipal: boolean;
  /** Reject documents whose rendered JSON is longer. @default - no limit */
  readonly maxCharacters?: number;
  /** Reject `Principal: "*"` without a condition. @default false */
  readonly forbidUnconditionalAnyone?: boolean;
  /** A role's trust policy: no Resource element, and no statement may name resources. @default false */
  readonly trustPolicy?: boolean;
}

/** An IAM policy document (Version 2012-10-17) built from typed statements, for endpoint, auth and bucket policies. */
export class PolicyDocument {
  private readonly statements: PolicyStatement[];

  constructor(statements: readonly PolicyStatement[] = []) {
    this.statements = [...statements];
  }

  /** Appends statements; returns the document for chaining. */
  public addStatements(...statements: PolicyStatement[]): this {
    this.statements.push(...statements);
    return this;
  }

  /**
   * Fails unless a statement's Sid is letters and digits (what every IAM
   * policy type accepts) and no other statement of the document has it.
   */
  private checkSid(scope: IConstruct, where: string, sid: string | undefined, index: number, sids: Map<string, number>): void {
    if (sid === undefined || isUnresolved(sid)) return;
    checkPattern(
      scope,
      `${where}.sid`,
      checkString(scope, `${where}.sid`, sid),
      /^[A-Za-z0-9]+$/,
      "a Sid of letters and digits only, as IAM requires",
    );
    const first = sids.get(sid);
    if (first !== undefined) throw new ValidationError(scope, `${where}.sid`, sid, `a Sid no other statement uses (statements[${first}] has it)`);
    sids.set(sid, index);
  }

  /** Validates the document for the given use and renders compact JSON. */
  public render(scope: IConstruct, prop: string, options: RenderOptions): string {
    if (this.statements.length === 0) {
      throw new ValidationError(scope, prop, "an empty policy document", "at least one statement");
    }
    const sids = new Map<string, number>();
    this.statements.forEach((statement, index) => {
      const where = `${prop}.statements[${index}]`;
      checkInstance(scope, where, statement, (v): v is PolicyStatement => v instanceof PolicyStatement, "new PolicyStatement({ actions, ... })");
      const props = requireValue(scope, where, checkObject(scope, where, statement.props), "the statement's props");
      const actions = requireValue(
        scope,
        `${where}.actions`,
        checkList(scope, `${where}.actions`, props.actions),
        "IAM actions such as s3:GetObject",
      );
      if (actions.length === 0) {
        throw new ValidationError(scope, `${where}.actions`, [], "at least one action such as s3:GetObject");
      }
      actions.forEach((action, i) =>
        checkPattern(
          scope,
          `${where}.actions[${i}]`,
          checkString(scope, `${where}.actions[${i}]`, action),
          ACTION,
          'an IAM action such as s3:GetObject, s3:Get*, or "*"',
        ),
      );
      checkOneOf(scope, `${where}.effect`, props.effect, ["Allow", "Deny"]);
      checkList(scope, `${where}.resources`, props.resources);
      checkObject(scope, `${where}.conditions`, props.conditions);
      checkConditions(scope, `${where}.conditions`, props.conditions);
      if (props.resources !== undefined && !isUnresolved(props.resources) && props.resources.length === 0 && options.trustPolicy !== true) {
        throw new ValidationError(scope, `${where}.resources`, [], 'at least one resource, or leave resources out for "*"');
      }
      if (options.trustPolicy === true && props.resources !== undefined) {
        throw new ValidationError(
          scope,
          `${where}.resources`,
          props.resources,
          "no resources: a role's trust policy names who may assume it, not resources",
        );
      }
      this.checkSid(scope, where, props.sid, index, sids);
      const principals = checkList(scope, `${where}.principals`, props.principals) ?? [];
      if (options.requirePrincipal && principals.length === 0) {
        throw new ValidationError(
          scope,
          `${where}.principals`,
          undefined,
          "a principal: this is a resource policy, and AWS rejects statements without one",
        );
      }
      const seen = new Map<string, number>();
      principals.forEach((p, i) => {
        checkInstance(
          scope,
          `${where}.principals[${i}]`,
          p,
          (v): v is PolicyPrincipal => v instanceof PolicyPrincipal,
          "PolicyPrincipal.account, .arn, .service or .anyone",
        );
        p.validate(scope, `${where}.principals[${i}]`);
        const key = `${p.type} ${p.value}`;
        const first = seen.get(key);
        if (first !== undefined && !isUnresolved(p.value))
          throw new ValidationError(scope, `${where}.principals[${i}]`, p.value, `each principal once (principals[${first}] is the same)`);
        seen.set(key, i);
      });
      if (options.forbidUnconditionalAnyone && statement.isUnconditionalAnyone) {
        throw new ValidationError(
          scope,
          `${where}.principals`,
          "*",
          'specific principals, or a condition that narrows Principal "*" (for example aws:PrincipalOrgID)',
        );
      }
    });
    const json = JSON.stringify({ Version: "2012-10-17", Statement: this.statements.map((s) => s.toJson({ trustPolicy: options.trustPolicy })) });
    if (options.maxCharacters !== undefined && json.length > options.maxCharacters) {
      throw new ValidationError(scope, prop, `a policy of ${json.length} characters`, `at most ${options.maxCharacters} characters`);
    }
    return json;
  }
}

/**
 * Fails on a condition IAM would refuse or that narrows nothing: an operator
 * outside IAM's set (`StringEqual`), an operator without keys, a key without
 * values. The last two would otherwise read as a condition to the
 * Principal "*" safeguards while admitting everyone.
 */
function checkConditions(scope: IConstruct, prop: string, conditions: PolicyConditions | undefined): void {
  if (conditions === undefined || isUnresolved(conditions)) return;
  for (const [operator, keys] of Object.entries(conditions)) {
    const where = `${prop}.${operator}`;
    if (!isUnresolved(operator) && !CONDITION_OPERATORS.includes(operator)) {
      const suggestion = closestMatch(operator, CONDITION_OPERATORS);
      throw new ValidationError(
        scope,
        prop,
        operator,
        `an IAM condition operator${suggestion === undefined ? "" : ` (did you mean ${suggestion}?)`}: String*, Numeric*, Date*, Bool, BinaryEquals, IpAddress, NotIpAddress, Arn*, each optionally ...IfExists, or Null, optionally after ForAllValues: or ForAnyValue:`,
      );
    }
    checkObject(scope, where, keys);
    if (keys === undefined || keys === null || isUnresolved(keys)) continue;
    if (Object.keys(keys).length === 0 || Object.values(keys).some((value) => !hasConditionValue(value))) {
      throw new ValidationError(scope, where, keys, "at least one condition key with a value");
    }
  }
}

/**
 * A rendered policy ready for a resource attribute. Literal JSON stays a
 * string; JSON that embeds references (endpoint IDs, ARNs of resources
 * created here) goes through `jsonencode()`, because cdktf's HCL output
 * does not escape the quotes of a string that contains references.
 */
export function policyAttribute(json: string): string;
export function policyAttribute(json: string | undefined): string | undefined;
export function policyAttribute(json: string | undefined): string | undefined {
  return json !== undefined && isUnresolved(json) ? Fn.jsonencode(JSON.parse(json)) : json;
}
