import { RECORDED_OPT_OUTS } from "../../../core/opt-out";
import { Rule } from "../../rule";

/** PN-LOGS1: Flags CloudWatch Logs groups encrypted with CloudWatch's service key only. */
export const LogGroupKmsEncrypted: Rule = {
  id: "PN-LOGS1",
  name: "LogGroupKmsEncrypted",
  severity: "MEDIUM",
  explanation:
    "Flow logs and access logs name every address, principal and path that reached the network. With CloudWatch's own key, anyone allowed logs:GetLogEvents reads them; a customer managed key adds a key policy that decides who may decrypt, and CloudTrail records each use.",
  fix: "Set kms_key_id to a customer managed key whose policy allows logs.<region>.amazonaws.com for this log group (the library's flow logs and Lattice access logs create one by default: LogGroupEncryption.managedKey(); LogGroupEncryption.kmsKey(arn) takes yours).",
  equivalents: { checkov: ["CKV_AWS_158"] },
  optOuts: [RECORDED_OPT_OUTS.logGroupServiceKey],
  resourceTypes: ["aws_cloudwatch_log_group"],
  check: (group) =>
    group.config.kms_key_id === undefined || group.config.kms_key_id === null || group.config.kms_key_id === ""
      ? ["the log group has no kms_key_id: CloudWatch's service key encrypts it"]
      : [],
};
