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
   * The roles that apply this configuration (the deployment pipeline).
   * Terraform reads and writes the bucket policy from outside the VPC on
   * every plan and apply, so these roles keep the bucket-level actions (its
   * policy and configuration) from anywhere; not its objects.
   */
  readonly deploymentRoleArns: readonly string[];
  /**
   * Roles that keep all access from anywhere, objects included (break-glass
   * administrators).
   * @default - none: only requests through the endpoints reach the objects
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
 * (`aws:SourceVpce`), except for the exempt roles, and for the deployment
 * roles on the bucket itself (not its objects), so that the pipeline that
 * applies the policy can still read and change it. Together with the
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
    if (props.deploymentRoleArns === undefined || (!isUnresolved(props.deploymentRoleArns) && props.deploymentRoleArns.length === 0)) {
      throw new ValidationError(
        this,
        "deploymentRoleArns",
        props.deploymentRoleArns,
        "the role(s) that apply this configuration: Terraform manages the bucket policy from outside the VPC and would lock itself out",
      );
    }
    for (const prop of ["deploymentRoleArns", "exemptRoleArns"] as const) {
      (props[prop] ?? []).forEach((arn, i) => {
        if (!isUnresolved(arn) && !isIamPrincipalArn(arn)) {
          throw new ValidationError(this, `${prop}[${i}]`, arn, "an IAM role ARN such as arn:aws:iam::111111111111:role/admin");
        }
      });
    }
    const bucketArn = `arn:${props.partition ?? "aws"}:s3:::${props.bucketName}`;
    const exempt = props.exemptRoleArns ?? [];
    const onlyThroughEndpoints = (sid: string, resource: string, exceptFor: readonly string[]) =>
      new PolicyStatement({
        sid,
        effect: "Deny",
        principals: [PolicyPrincipal.anyone()],
        actions: ["s3:*"],
        resources: [resource],
        conditions: {
          StringNotEquals: { "aws:SourceVpce": props.endpoints.map((e) => e.vpcEndpointId) },
          ...(exceptFor.length === 0 ? {} : { ArnNotLike: { "aws:PrincipalArn": exceptFor } }),
        },
      });
    const statements = [
      onlyThroughEndpoints("ObjectsOnlyThroughVpcEndpoints", `${bucketArn}/*`, exempt),
      // The bucket itself (its policy, its configuration) stays manageable by the deployment from outside the VPC.
      onlyThroughEndpoints("BucketOnlyThroughVpcEndpointsOrDeployment", bucketArn, [...exempt, ...props.deploymentRoleArns]),
    ];
    this.resource = new S3BucketPolicy(this, "Resource", {
      provider: props.provider,
      bucket: props.bucketName,
      policy: policyAttribute(new PolicyDocument(statements).render(this, "policy", { requirePrincipal: true, maxCharacters: AWS_LIMITS.bucketPolicyCharacters })),
    });
  }
}
