import { Fn } from "./cdktf";
import { IConstruct } from "constructs";
import { ValidationError } from "./errors";
import { isAccountRootArn, isIamPrincipalArn } from "./arns";
import { isAccountId } from "./formats";
import { isUnresolved } from "./tokens";

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
    return new PolicyPrincipal("Service", name);
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
    const conditions = this.props.conditions ?? {};
    return anyone && (this.props.effect ?? "Allow") === "Allow" && Object.keys(conditions).length === 0;
  }

  /** The statement as IAM JSON; single-item Action and Resource lists collapse to strings, Resource defaults to `*`. */
  public toJson(): Record<string, unknown> {
    const { sid, effect, actions, resources, principals, conditions } = this.props;
    return {
      ...(sid === undefined ? {} : { Sid: sid }),
      Effect: effect ?? "Allow",
      ...(principals === undefined ? {} : { Principal: renderPrincipals(principals) }),
      Action: actions.length === 1 ? actions[0] : [...actions],
      Resource: resources === undefined ? "*" : resources.length === 1 ? resources[0] : [...resources],
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

  /** Validates the document for the given use and renders compact JSON. */
  public render(scope: IConstruct, prop: string, options: RenderOptions): string {
    if (this.statements.length === 0) {
      throw new ValidationError(scope, prop, "an empty policy document", "at least one statement");
    }
    this.statements.forEach((statement, index) => {
      const where = `${prop}.statements[${index}]`;
      if (statement.props.actions.length === 0) {
        throw new ValidationError(scope, `${where}.actions`, [], "at least one action such as s3:GetObject");
      }
      if (options.requirePrincipal && (statement.props.principals ?? []).length === 0) {
        throw new ValidationError(scope, `${where}.principals`, undefined, "a principal: this is a resource policy, and AWS rejects statements without one");
      }
      statement.props.principals?.forEach((p, i) => p.validate(scope, `${where}.principals[${i}]`));
      if (options.forbidUnconditionalAnyone && statement.isUnconditionalAnyone) {
        throw new ValidationError(scope, `${where}.principals`, "*", "specific principals, or a condition that narrows Principal \"*\" (for example aws:PrincipalOrgID)");
      }
    });
    const json = JSON.stringify({ Version: "2012-10-17", Statement: this.statements.map((s) => s.toJson()) });
    if (options.maxCharacters !== undefined && json.length > options.maxCharacters) {
      throw new ValidationError(scope, prop, `a policy of ${json.length} characters`, `at most ${options.maxCharacters} characters`);
    }
    return json;
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
