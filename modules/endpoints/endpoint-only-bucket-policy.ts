import { Construct } from "constructs";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy";
import {
  AWS_LIMITS,
  AwsResourceProps,
  checkArn,
  checkItemCount,
  checkKnownProps,
  checkList,
  checkOneOf,
  checkResourceId,
  isUnresolved,
  policyAttribute,
  PolicyDocument,
  PolicyPrincipal,
  PolicyStatement,
  requireProps,
  ValidationError,
} from "../core";
import { IVpcEndpoint } from "./endpoint-base";
import { checkBucketName, checkDistinct } from "./endpoint-policy";

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
    checkOneOf(this, "partition", props.partition, ["aws", "aws-cn", "aws-us-gov"]);
    const partition = props.partition ?? "aws";
    const endpoints = checkList(this, "endpoints", props.endpoints) ?? [];
    checkItemCount(this, "endpoints", endpoints, 1);
    endpoints.forEach((endpoint, i) => checkResourceId(this, `endpoints[${i}].vpcEndpointId`, endpoint.vpcEndpointId, "vpcEndpoint"));
    checkDistinct(this, "endpoints", endpoints, (e) => e.vpcEndpointId, "endpoint");
    const deploymentRoleArns = checkList(this, "deploymentRoleArns", props.deploymentRoleArns) ?? [];
    if (!isUnresolved(deploymentRoleArns) && deploymentRoleArns.length === 0) {
      throw new ValidationError(
        this,
        "deploymentRoleArns",
        props.deploymentRoleArns,
        "the role(s) that apply this configuration: Terraform manages the bucket policy from outside the VPC and would lock itself out",
      );
    }
    for (const prop of ["deploymentRoleArns", "exemptRoleArns"] as const) {
      const arns = checkList(this, prop, props[prop]) ?? [];
      arns.forEach((arn, i) => checkArn(this, `${prop}[${i}]`, arn, "iamPrincipal", { partition }));
      checkDistinct(this, prop, arns, (arn) => arn, "role");
    }
    const bucketArn = `arn:${partition}:s3:::${props.bucketName}`;
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
