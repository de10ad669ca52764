import { IConstruct } from "constructs";
import {
  isAccountId,
  isAccountRootArn,
  isIamPrincipalArn,
  isIamPrincipalArnWithoutPath,
  isUnresolved,
  parseArn,
  Partition,
  RECORDED_OPT_OUTS,
  stableId,
  ValidationError,
} from "../core";

/** The prop that lets every AWS principal request a connection, and the name its reason is recorded under; named once so messages, props and the record agree. */
export const ANY_PRINCIPAL_OPT_OUT = RECORDED_OPT_OUTS.anyPrincipal;

/**
 * @deprecated The loud boolean prop of earlier releases; use `allowAnyPrincipal: OptOut.because("<why>")`
 * (ANY_PRINCIPAL_OPT_OUT).
 */
export const ANY_PRINCIPAL_OPT_IN = "allowAnyPrincipal_I_UNDERSTAND_EVERY_AWS_ACCOUNT_CAN_REQUEST_A_CONNECTION";

/**
 * Who may create endpoints to an endpoint service. AWS takes account root,
 * IAM role and IAM user ARNs, without a path; "every principal" (`*`) is not
 * one of these on purpose: it is only reachable through the endpoint
 * service's `allowAnyPrincipal` opt-out, with its reason.
 *
 * Principals compare by meaning: an account given by ID and by its root ARN
 * is one principal, and so is a role given through `iamRole` and `fromArn`.
 */
export class EndpointServicePrincipal {
  /** Every IAM principal of one account, rendered as `arn:<partition>:iam::<account>:root`. */
  public static account(accountId: string): EndpointServicePrincipal {
    return new EndpointServicePrincipal(
      isUnresolved(accountId) ? undefined : `account ${accountId}`,
      `account-${stableId(accountId)}`,
      accountId,
      (partition) => `arn:${partition}:iam::${accountId}:root`,
      (scope, prop) => {
        if (!isUnresolved(accountId) && (typeof accountId !== "string" || !isAccountId(accountId))) {
          throw new ValidationError(scope, prop, accountId, "a 12-digit AWS account ID");
        }
      },
    );
  }

  /** One IAM role, by ARN (no path: AWS rejects role ARNs with a path here). */
  public static iamRole(roleArn: string): EndpointServicePrincipal {
    return EndpointServicePrincipal.iamArn(roleArn, "role");
  }

  /** One IAM user, by ARN (no path: AWS rejects user ARNs with a path here). */
  public static iamUser(userArn: string): EndpointServicePrincipal {
    return EndpointServicePrincipal.iamArn(userArn, "user");
  }

  /** An account root, IAM role or IAM user ARN, for principals that arrive as ARNs (variables, outputs). */
  public static fromArn(arn: string): EndpointServicePrincipal {
    if (typeof arn === "string" && !isUnresolved(arn) && isAccountRootArn(arn)) {
      const account = parseArn(arn)?.account ?? "";
      return new EndpointServicePrincipal(
        `account ${account}`,
        `account-${account}`,
        arn,
        () => arn,
        (scope, prop, partition) => checkPartition(scope, prop, arn, partition),
      );
    }
    const kind = typeof arn === "string" ? /^arn:[^:]*:iam::\d{12}:(role|user)\//.exec(arn)?.[1] : undefined;
    return new EndpointServicePrincipal(
      principalMeaning(arn),
      `${kind ?? "arn"}-${stableId(String(arn))}`,
      arn,
      () => arn,
      (scope, prop, partition) => {
        if (isUnresolved(arn)) return;
        checkPrincipalArn(scope, prop, arn, typeof arn === "string" && isIamPrincipalArn(arn), "an account root, IAM role or IAM user ARN");
        checkPartition(scope, prop, arn, partition);
      },
    );
  }

  /** True for values made by this class's factories (JavaScript callers can pass anything). */
  public static isEndpointServicePrincipal(value: unknown): value is EndpointServicePrincipal {
    return value instanceof EndpointServicePrincipal;
  }

  private static iamArn(arn: string, kind: "role" | "user"): EndpointServicePrincipal {
    return new EndpointServicePrincipal(
      principalMeaning(arn),
      `${kind}-${stableId(String(arn))}`,
      arn,
      () => arn,
      (scope, prop, partition) => {
        if (isUnresolved(arn)) return;
        const isKind = typeof arn === "string" && isIamPrincipalArn(arn) && (parseArn(arn)?.resource.startsWith(`${kind}/`) ?? false);
        checkPrincipalArn(scope, prop, arn, isKind, `an IAM ${kind} ARN such as arn:aws:iam::222222222222:${kind}/consumer`);
        checkPartition(scope, prop, arn, partition);
      },
    );
  }

  private constructor(
    /** What the principal means (`account 222222222222`, a role's ARN), for duplicate checks; undefined when only Terraform knows it. */
    private readonly meaning: string | undefined,
    /** Stable, address-safe name of the principal. */
    public readonly key: string,
    /** The value the caller gave, for errors. */
    private readonly given: string,
    private readonly renderArn: (partition: Partition) => string,
    private readonly check: (scope: IConstruct, prop: string, partition: Partition | undefined) => void,
  ) {}

  /**
   * @internal Fails unless the principal is well formed and, when the
   * service's partition is known, in it.
   */
  public validate(scope: IConstruct, prop: string, partition?: Partition): void {
    this.check(scope, prop, partition);
  }

  /** @internal What the principal means, for duplicate checks. */
  public get sameAs(): string | undefined {
    return this.meaning;
  }

  /** @internal The value the caller gave. */
  public get value(): string {
    return this.given;
  }

  /** @internal The account of the principal (the account itself, or a role's or user's), when known at synth. */
  public get account(): string | undefined {
    if (typeof this.given !== "string" || isUnresolved(this.given)) return undefined;
    if (isAccountId(this.given)) return this.given;
    const account = parseArn(this.given)?.account;
    return account !== undefined && isAccountId(account) ? account : undefined;
  }

  /** @internal The ARN AWS expects, in the partition of the service's region. */
  public render(partition: Partition): string {
    return this.renderArn(partition);
  }
}

/** Role and user ARNs mean the same whatever their case in the partition and service fields; tokens mean nothing yet. */
function principalMeaning(arn: string): string | undefined {
  if (typeof arn !== "string" || isUnresolved(arn)) return undefined;
  const parsed = parseArn(arn);
  return parsed === undefined ? arn : `${parsed.account} ${parsed.resource}`;
}

/** Rejects `*` (pointing at the opt-out), ARNs with a path, and anything else that is not the expected kind. */
function checkPrincipalArn(scope: IConstruct, prop: string, arn: string, isExpectedKind: boolean, expected: string): void {
  if (arn === "*") {
    throw new ValidationError(
      scope,
      prop,
      arn,
      `${expected}; to let every AWS principal connect, set ${ANY_PRINCIPAL_OPT_OUT}: OptOut.because("<why>") on the endpoint service instead`,
    );
  }
  if (!isExpectedKind && typeof arn === "string" && /^arn:[^:]+:organizations::/.test(arn)) {
    throw new ValidationError(
      scope,
      prop,
      arn,
      `${expected}: AWS grants endpoint service permissions to accounts, IAM roles and IAM users only, never to an organization or OU; list the organization's accounts (EndpointServicePrincipal.account), and keep acceptance required to review who connects`,
    );
  }
  if (!isExpectedKind) throw new ValidationError(scope, prop, arn, expected);
  if (!isIamPrincipalArnWithoutPath(arn)) {
    throw new ValidationError(scope, prop, arn, `${expected} without a path (AWS rejects principal ARNs with path components on endpoint services)`);
  }
}

/** An ARN of another partition names nobody AWS can match in this one. */
function checkPartition(scope: IConstruct, prop: string, arn: string, partition: Partition | undefined): void {
  const found = parseArn(arn)?.partition;
  if (partition !== undefined && found !== undefined && found !== partition) {
    throw new ValidationError(scope, prop, arn, `a principal ARN in partition ${partition}, the endpoint service's (not ${found})`);
  }
}
