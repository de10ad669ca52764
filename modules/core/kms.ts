import { Fn, Op } from "./cdktf";
import { IConstruct } from "constructs";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { KmsKeyPolicy } from "@cdktf/provider-aws/lib/kms-key-policy";
import { checkArn } from "./arns";
import { ValidationError } from "./errors";
import { OptOut, optOutReason, RECORDED_OPT_OUTS } from "./opt-out";
import { PolicyDocument, PolicyPrincipal, PolicyStatement, policyAttribute } from "./policy";
import { literalRegionOf } from "./region";
import { nameFromPath } from "./scope";
import { recordOptOut } from "./terraform";
import { isUnresolved } from "./tokens";
import { requireValue } from "./validation";

/**
 * How a CloudWatch Logs log group the library creates is encrypted: the one
 * choice every log group takes (VPC flow logs, VPC Lattice access logs).
 *
 * The default, {@link LogGroupEncryption.managedKey}, is a customer managed
 * KMS key created next to the log group, with rotation on and a key policy
 * that lets the account administer the key through IAM and CloudWatch Logs
 * of the key's region use it for that log group only. A key of your own is
 * {@link LogGroupEncryption.kmsKey}; CloudWatch Logs' own encryption (no KMS
 * key, checkov CKV_AWS_158) is an opt-out with a reason.
 */
export class LogGroupEncryption {
  /** A customer managed key created for the log group (`aws_kms_key` and `aws_kms_key_policy` beside it): the default. */
  public static managedKey(): LogGroupEncryption {
    return new LogGroupEncryption("managed", undefined, undefined);
  }

  /**
   * A key made elsewhere, by key ARN (not an alias: CloudWatch Logs takes
   * key ARNs only), in the log group's region. Its key policy must let
   * `logs.<region>.amazonaws.com` use it for the log group.
   */
  public static kmsKey(keyArn: string): LogGroupEncryption {
    return new LogGroupEncryption("given", keyArn, undefined);
  }

  /** No KMS key: CloudWatch Logs' own encryption at rest. The reason is recorded on the log group. */
  public static cloudWatchDefault(optOut: OptOut): LogGroupEncryption {
    return new LogGroupEncryption("none", undefined, optOut);
  }

  /** True for a value made by one of the factories. */
  public static isLogGroupEncryption(value: unknown): value is LogGroupEncryption {
    return value instanceof LogGroupEncryption;
  }

  private constructor(
    private readonly choice: "managed" | "given" | "none",
    /** The given key's ARN, for {@link LogGroupEncryption.kmsKey}. */
    public readonly keyArn: string | undefined,
    private readonly optOut: OptOut | undefined,
  ) {}

  /**
   * Encrypts `logGroup` as chosen: sets its `kms_key_id`, creating the
   * managed key (construct IDs `<log group id>Key` and `<log group id>KeyPolicy`,
   * beside the log group, with the log group's provider) and making the
   * log group wait for the key policy; checks a given key's ARN against the
   * provider's region; records an opt-out on the log group. `prop` names the
   * caller's prop in errors (`flowLogs.encryption`).
   */
  public applyTo(logGroup: CloudwatchLogGroup, prop: string): void {
    const scope = logGroup.node.scope;
    if (scope === undefined) throw new ValidationError(logGroup, prop, logGroup.node.path, "a log group inside a construct");
    if (this.choice === "none") {
      const reason = optOutReason(scope, prop, this.optOut);
      if (reason === undefined) throw new ValidationError(scope, prop, this.optOut, 'LogGroupEncryption.cloudWatchDefault(OptOut.because("<why>"))');
      recordOptOut(logGroup, RECORDED_OPT_OUTS.logGroupServiceKey, reason);
      return;
    }
    if (this.choice === "given") {
      const keyArn = requireValue(
        scope,
        prop,
        this.keyArn,
        "a KMS key ARN such as arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab",
      );
      checkArn(scope, prop, keyArn, "kmsKey", { region: literalRegionOf(scope, logGroup.provider) });
      if (!isUnresolved(keyArn) && keyArn.includes(":alias/")) {
        throw new ValidationError(
          scope,
          prop,
          keyArn,
          "a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>): CloudWatch Logs does not take aliases",
        );
      }
      logGroup.kmsKeyId = keyArn;
      return;
    }
    const id = logGroup.node.id;
    const name = logGroup.nameInput === undefined || isUnresolved(logGroup.nameInput) ? undefined : logGroup.nameInput;
    const key = new KmsKey(scope, `${id}Key`, {
      provider: logGroup.provider,
      description: `Encrypts the log group ${name ?? `of ${scope.node.path}`}`,
      enableKeyRotation: true,
      deletionWindowInDays: 30,
      tags: { Name: `${nameFromPath(logGroup)}-key` },
    });
    const policy = new KmsKeyPolicy(scope, `${id}KeyPolicy`, {
      provider: logGroup.provider,
      keyId: key.keyId,
      policy: logGroupKeyPolicy(scope, prop, key, name),
    });
    logGroup.kmsKeyId = key.arn;
    // CreateLogGroup checks that CloudWatch Logs may use the key: the policy must be in place first.
    logGroup.dependsOn = [...(logGroup.dependsOn ?? []), `${policy.terraformResourceType}.${policy.friendlyUniqueId}`];
  }
}

/**
 * The key policy of a managed log-group key. The account, partition and
 * region come from the key's own ARN at apply, so that the stack needs no
 * data source (and plans offline) and the policy cannot name another account.
 */
function logGroupKeyPolicy(scope: IConstruct, prop: string, key: KmsKey, logGroupName: string | undefined): string {
  const arnPart = (index: number): string => Fn.element(Fn.split(":", key.arn), index);
  const partition = arnPart(1);
  const region = arnPart(3);
  const account = arnPart(4);
  const dnsSuffix = Fn.conditional(Op.eq(partition, "aws-cn"), "amazonaws.com.cn", "amazonaws.com") as unknown as string;
  // A log group named at apply (name_prefix) cannot be named here: its name would make the policy wait for the group, which waits for the policy.
  const name = logGroupName ?? "*";
  const document = new PolicyDocument([
    new PolicyStatement({
      sid: "AccountAdministersKeyThroughIam",
      actions: ["kms:*"],
      principals: [PolicyPrincipal.arn(`arn:${partition}:iam::${account}:root`)],
    }),
    new PolicyStatement({
      sid: "CloudWatchLogsEncryptsTheLogGroup",
      actions: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
      principals: [PolicyPrincipal.service(`logs.${region}.${dnsSuffix}`)],
      conditions: { ArnLike: { "kms:EncryptionContext:aws:logs:arn": `arn:${partition}:logs:${region}:${account}:log-group:${name}` } },
    }),
  ]);
  return policyAttribute(document.render(scope, prop, { requirePrincipal: true }));
}
