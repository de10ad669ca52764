import { Construct } from "constructs";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy";
import { AWS_LIMITS, checkKnownProps, policyAttribute, PolicyDocument, requireProps, ValidationError } from "../core";
import { checkBucketName } from "./endpoint-policy";
import { checkEndpointOnlyPolicy, EndpointOnlyPolicyProps, onlyThroughEndpoints } from "./endpoint-only-policy";

/** Props of {@link EndpointOnlyBucketPolicy}. */
export interface EndpointOnlyBucketPolicyProps extends EndpointOnlyPolicyProps {
  /** The bucket, by name. Its whole bucket policy is replaced by this one. */
  readonly bucketName: string;
}

/**
 * The bucket side of private S3 access: a bucket policy that denies every
 * request that does not come through the given VPC endpoints
 * (`aws:SourceVpce`), except for the exempt roles, and for the deployment
 * roles on the bucket itself (not its objects), so that the pipeline that
 * applies the policy can still read and change it. Together with the
 * endpoint policy, data can only move between the VPC and this bucket.
 * AWS services that reach the bucket themselves (S3 replication, log
 * delivery to it, Athena or Glue reading it on a caller's behalf) come
 * through no endpoint of yours, so they are denied too: this policy is
 * for a bucket only the VPC's clients use, not for a log-delivery bucket.
 *
 * Creates: aws_s3_bucket_policy.
 */
export class EndpointOnlyBucketPolicy extends Construct {
  /** The `aws_s3_bucket_policy`, for escape hatches. */
  public readonly resource: S3BucketPolicy;

  constructor(scope: Construct, id: string, props: EndpointOnlyBucketPolicyProps) {
    super(scope, id);
    requireProps(this, props, ["bucketName", "endpoints", "deploymentRoleArns"]);
    checkKnownProps(this, props, ENDPOINT_ONLY_BUCKET_POLICY_PROPS);
    if (typeof props.bucketName === "string" && props.bucketName.startsWith("arn:")) {
      throw new ValidationError(
        this,
        "bucketName",
        props.bucketName,
        `the bucket's name (${props.bucketName.replace(/^arn:[^:]+:s3:::/, "")}), not its ARN: the bucket policy resource takes a name`,
      );
    }
    checkBucketName(this, "bucketName", props.bucketName);
    const { partition, exempt, managers } = checkEndpointOnlyPolicy(this, props, ["s3", "s3-fips"], "bucket");
    const bucketArn = `arn:${partition}:s3:::${props.bucketName}`;
    const statements = [
      onlyThroughEndpoints("ObjectsOnlyThroughVpcEndpoints", props.endpoints, ["s3:*"], [`${bucketArn}/*`], exempt),
      // The bucket itself (its policy, its configuration) stays manageable by the deployment from outside the VPC.
      onlyThroughEndpoints("BucketOnlyThroughVpcEndpointsOrDeployment", props.endpoints, ["s3:*"], [bucketArn], managers),
    ];
    this.resource = new S3BucketPolicy(this, "Resource", {
      provider: props.provider,
      bucket: props.bucketName,
      policy: policyAttribute(
        new PolicyDocument(statements).render(this, "policy", { requirePrincipal: true, maxCharacters: AWS_LIMITS.bucketPolicyCharacters }),
      ),
    });
  }
}

const ENDPOINT_ONLY_BUCKET_POLICY_PROPS: Record<keyof EndpointOnlyBucketPolicyProps, true> = {
  bucketName: true,
  endpoints: true,
  deploymentRoleArns: true,
  exemptRoleArns: true,
  partition: true,
  provider: true,
};
