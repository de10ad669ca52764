import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { Construct } from "constructs";
import { LogGroupEncryption, OptOut, synthesizedJson } from "../../modules/core";
import { expectValidationError, onlyResource, stackWithProvider, stackWithoutProvider, synthJson } from "../helpers";

const KEY = "arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab";

function logGroupIn(stack: Construct, name?: string): CloudwatchLogGroup {
  const owner = new Construct(stack, "Owner");
  return new CloudwatchLogGroup(owner, "LogGroup", name === undefined ? { namePrefix: "/aws/test/" } : { name });
}

describe("LogGroupEncryption", () => {
  test("managedKey creates a rotating key beside the log group, whose policy admits CloudWatch Logs of the key's region for that log group, and the group waits for the policy", () => {
    const stack = stackWithProvider();
    const group = logGroupIn(stack, "/aws/vpc-flow-logs/app");
    LogGroupEncryption.managedKey().applyTo(group, "encryption");
    const json = synthJson(stack);
    const key = onlyResource(json, "aws_kms_key");
    expect(key).toMatchObject({ enable_key_rotation: true, deletion_window_in_days: 30 });
    expect(Object.keys(json.resource.aws_kms_key)[0]).toMatch(/^Owner_LogGroupKey_/);
    const policy = onlyResource(json, "aws_kms_key_policy");
    expect(policy.key_id).toMatch(/^\$\{aws_kms_key\.Owner_LogGroupKey_\w+\.key_id\}$/);
    // The account, partition and region come from the key's ARN: no data source, no literal account.
    expect(policy.policy).toContain("jsonencode(");
    expect(policy.policy).toContain('"kms:EncryptionContext:aws:logs:arn"');
    expect(policy.policy).toContain(":log-group:/aws/vpc-flow-logs/app");
    expect(policy.policy).toMatch(/"Service" = "logs\.\$\{element\(split\(":", aws_kms_key\.\w+\.arn\), 3\)\}\./);
    const logGroup = onlyResource(json, "aws_cloudwatch_log_group");
    expect(logGroup.kms_key_id).toMatch(/^\$\{aws_kms_key\.Owner_LogGroupKey_\w+\.arn\}$/);
    expect(logGroup.depends_on).toEqual([expect.stringMatching(/^aws_kms_key_policy\.Owner_LogGroupKeyPolicy_/)]);
  });

  test("a log group named at apply gets a policy for the account's log groups, not a reference to its own name (which would be a cycle)", () => {
    const stack = stackWithoutProvider();
    const group = logGroupIn(stack);
    LogGroupEncryption.managedKey().applyTo(group, "encryption");
    expect(onlyResource(stack, "aws_kms_key_policy").policy).toContain(":log-group:*");
  });

  test("kmsKey uses the given key, in the provider's region", () => {
    const stack = stackWithProvider();
    LogGroupEncryption.kmsKey(KEY).applyTo(logGroupIn(stack, "/x"), "encryption");
    const json = synthJson(stack);
    expect(onlyResource(json, "aws_cloudwatch_log_group").kms_key_id).toBe(KEY);
    expect(json.resource.aws_kms_key).toBeUndefined();
  });

  test("fails when the given key is of another region, an alias, or not a KMS key", () => {
    expectValidationError(
      () => LogGroupEncryption.kmsKey(KEY.replace("us-east-1", "eu-west-1")).applyTo(logGroupIn(stackWithProvider(), "/x"), "flowLogs.encryption"),
      "flowLogs.encryption",
      "eu-west-1",
    );
    expectValidationError(
      () => LogGroupEncryption.kmsKey("arn:aws:kms:us-east-1:111111111111:alias/logs").applyTo(logGroupIn(stackWithProvider(), "/x"), "encryption"),
      "encryption",
      "alias/logs",
    );
    expectValidationError(
      () => LogGroupEncryption.kmsKey("arn:aws:s3:::bucket").applyTo(logGroupIn(stackWithProvider(), "/x"), "encryption"),
      "encryption",
      "arn:aws:s3:::bucket",
    );
  });

  test("cloudWatchDefault creates no key and records the reason on the log group", () => {
    const stack = stackWithProvider();
    LogGroupEncryption.cloudWatchDefault(OptOut.because("a sandbox account whose logs hold no customer data")).applyTo(
      logGroupIn(stack, "/x"),
      "encryption",
    );
    const json = synthJson(stack);
    expect(json.resource.aws_kms_key).toBeUndefined();
    expect(onlyResource(json, "aws_cloudwatch_log_group").kms_key_id).toBeUndefined();
    expect(onlyResource(JSON.parse(JSON.stringify(synthesizedJson(stack))), "aws_cloudwatch_log_group")["//"].opt_outs.kms_key_id).toBe(
      "a sandbox account whose logs hold no customer data",
    );
  });

  test("fails when the opt-out has no reason worth the name", () => {
    expectValidationError(
      () => LogGroupEncryption.cloudWatchDefault(OptOut.because("cheaper")).applyTo(logGroupIn(stackWithProvider(), "/x"), "encryption"),
      "encryption",
      "cheaper",
    );
    expectValidationError(
      () => LogGroupEncryption.cloudWatchDefault(undefined as never).applyTo(logGroupIn(stackWithProvider(), "/x"), "encryption"),
      "encryption",
      "undefined",
    );
  });
});
