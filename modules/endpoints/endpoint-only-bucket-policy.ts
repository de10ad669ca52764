import { Construct } from "constructs";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy";
import {
  AWS_LIMITS,
  AwsResourceProps,
  checkItemCount,
  checkPattern,
  isIamPrincipalArn,
  isUnresolved,
  policyAttribute,
  PolicyDocument,
  PolicyPrincipal,
  PolicyStatement,
  ValidationError,
} from "../core";
import { IVpcEndpoint } from "./endpoint-base";

export interface EndpointOnlyBucketPolicyProps extends AwsResourceProps {
  /** The bucket, by name. Its whole bucket policy is replaced by this one. */
  readonly bucketName: string;
  /** The only endpoints requests may come through. */
  readonly endpoints: readonly IVpcEndpoint[];
  /**
   * Roles that keep access from anywhere, so that administrators and the
   * deployment pipeline are not locked out of the bucket.
   * @default - none: only requests through the endpoints reach the bucket
   */
  readonly exemptRoleArns?: readonly string[];
  /**
   * Partition of the bucket ARN.
   * @default "aws"
   */
  readonly partition?: "aws" | "aws-cn" | "aws-us-gov";
}

/**
 * The bucket side of private S3 access: a bucket policy that denies every
 * request that does not come through the given VPC endpoints
 * (`aws:SourceVpce`), except for the exempt roles. Together with the
 * endpoint policy, data can only move between the VPC and this bucket.
 *
 * Creates: aws_s3_bucket_policy.
 */
export class EndpointOnlyBucketPolicy extends Construct {
  /** The `aws_s3_bucket_policy`, for escape hatches. */
  public readonly resource: S3BucketPolicy;

  constructor(scope: Construct, id: string, props: EndpointOnlyBucketPolicyProps) {
    super(scope, id);
    checkPattern(this, "bucketName", props.bucketName, /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "an S3 bucket name (3-63 lowercase letters, digits, dots, hyphens)");
    checkItemCount(this, "endpoints", props.endpoints, 1);
    (props.exemptRoleArns ?? []).forEach((arn, i) => {
      if (!isUnresolved(arn) && !isIamPrincipalArn(arn)) {
        throw new ValidationError(this, `exemptRoleArns[${i}]`, arn, "an IAM role ARN such as arn:aws:iam::111111111111:role/admin");
      }
    });
    const bucketArn = `arn:${props.partition ?? "aws"}:s3:::${props.bucketName}`;
    const exempt = props.exemptRoleArns ?? [];
    const statement = new PolicyStatement({
      sid: "OnlyThroughVpcEndpoints",
      effect: "Deny",
      principals: [PolicyPrincipal.anyone()],
      actions: ["s3:*"],
      resources: [bucketArn, `${bucketArn}/*`],
      conditions: {
        StringNotEquals: { "aws:SourceVpce": props.endpoints.map((e) => e.vpcEndpointId) },
        ...(exempt.length === 0 ? {} : { ArnNotLike: { "aws:PrincipalArn": exempt } }),
      },
    });
    this.resource = new S3BucketPolicy(this, "Resource", {
      provider: props.provider,
      bucket: props.bucketName,
      policy: policyAttribute(new PolicyDocument([statement]).render(this, "policy", { requirePrincipal: true, maxCharacters: AWS_LIMITS.bucketPolicyCharacters })),
    });
  }
}
