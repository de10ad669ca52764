import { TerraformStack } from "cdktf";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { LogGroupEncryption, OptOut } from "../../../modules/core";
import { LogGroupKmsEncrypted } from "../../../modules/guardrails";
import { FlowLogDestination, FlowLogs, Vpc, VpcProps } from "../../../modules/vpc";
import { ruleCases } from "../rule-cases";

const KEY = "arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const vpc = (stack: TerraformStack, props: Partial<VpcProps> = {}) =>
  new Vpc(stack, "Vpc", { name: "app", cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a"], ...props });

ruleCases(LogGroupKmsEncrypted, {
  compliant: [
    { name: "the Vpc construct's flow-log group (a managed key by default)", build: (s) => vpc(s) },
    {
      name: "a flow-log group with the caller's key",
      build: (s) => vpc(s, { flowLogs: FlowLogs.to(FlowLogDestination.cloudWatchLogs({ encryption: LogGroupEncryption.kmsKey(KEY) })) }),
    },
    { name: "a raw log group with kms_key_id", build: (s) => new CloudwatchLogGroup(s, "Logs", { name: "app", kmsKeyId: KEY }) },
  ],
  nonCompliant: [
    {
      name: "a raw log group without kms_key_id",
      on: "aws_cloudwatch_log_group",
      message: "no kms_key_id",
      build: (s) => new CloudwatchLogGroup(s, "Logs", { name: "app" }),
    },
    {
      name: "a flow-log group opted out to CloudWatch's key (the opt-out is visible to scanners, and accepts the finding with its reason)",
      acceptedBy: "kms_key_id",
      on: "aws_cloudwatch_log_group",
      message: "no kms_key_id",
      build: (s) =>
        vpc(s, {
          flowLogs: FlowLogs.to(
            FlowLogDestination.cloudWatchLogs({
              encryption: LogGroupEncryption.cloudWatchDefault(OptOut.because("a sandbox whose logs carry no customer data")),
            }),
          ),
        }),
    },
  ],
});
