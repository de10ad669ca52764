import { IConstruct } from "constructs";
import {
  isAccountId,
  isAccountRootArn,
  isIamPrincipalArn,
  isIamPrincipalArnWithoutPath,
  isUnresolved,
  parseArn,
  Partition,
  stableId,
  ValidationError,
} from "../core";

/** The name of the opt-in that lets every AWS principal request a connection; named once so messages and props agree. */
export const ANY_PRINCIPAL_OPT_IN = "allowAnyPrincipal_I_UNDERSTAND_EVERY_AWS_ACCOUNT_CAN_REQUEST_A_CONNECTION";

/**
 * Who may create endpoints to an endpoint service. AWS takes account root,
 * IAM role and IAM user ARNs, without a path; "every principal" (`*`) is not
 * one of these on purpose: it is only reachable through the endpoint
 * service's loudly named opt-in prop.
 */
export class EndpointServicePrincipal {
  /** Every IAM principal of one account, rendered as `arn:<partition>:iam::<account>:root`. */
  public static account(accountId: string): EndpointServicePrincipal {
    return new EndpointServicePrincipal(
      `account-${stableId(accountId)}`,
      (partition) => `arn:${partition}:iam::${accountId}:root`,
      (scope, prop) => {
        if (!isUnresolved(accountId) && !isAccountId(accountId)) {
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
    return new EndpointServicePrincipal(
      `arn-${stableId(arn)}`,
      () => arn,
      (scope, prop) => {
        if (isUnresolved(arn) || isAccountRootArn(arn)) return;
        checkPrincipalArn(scope, prop, arn, isIamPrincipalArn(arn), "an account root, IAM role or IAM user ARN");
      },
    );
  }

  private static iamArn(arn: string, kind: "role" | "user"): EndpointServicePrincipal {
    return new EndpointServicePrincipal(
      `${kind}-${stableId(arn)}`,
      () => arn,
      (scope, prop) => {
        if (isUnresolved(arn)) return;
        const isKind = isIamPrincipalArn(arn) && parseArn(arn)!.resource.startsWith(`${kind}/`);
        checkPrincipalArn(scope, prop, arn, isKind, `an IAM ${kind} ARN such as arn:aws:iam::222222222222:${kind}/consumer`);
      },
    );
  }

  private constructor(
    /** Stable, address-safe name of the principal. */
    public readonly key: string,
    private readonly renderArn: (partition: Partition) => string,
    private readonly check: (scope: IConstruct, prop: string) => void,
  ) {}

  /** @internal */
  public validate(scope: IConstruct, prop: string): void {
    this.check(scope, prop);
  }

  /** @internal The ARN AWS expects, in the partition of the service's region. */
  public render(partition: Partition): string {
    return this.renderArn(partition);
  }
}

/** Rejects `*` (pointing at the opt-in), ARNs with a path, and anything else that is not the expected kind. */
function checkPrincipalArn(scope: IConstruct, prop: string, arn: string, isExpectedKind: boolean, expected: string): void {
  if (arn === "*") {
    throw new ValidationError(scope, prop, arn, `${expected}; to let every AWS principal connect, set ${ANY_PRINCIPAL_OPT_IN}: true instead`);
  }
  if (!isExpectedKind) throw new ValidationError(scope, prop, arn, expected);
  if (!isIamPrincipalArnWithoutPath(arn)) {
    throw new ValidationError(scope, prop, arn, `${expected} without a path (AWS rejects principal ARNs with path components on endpoint services)`);
  }
}
