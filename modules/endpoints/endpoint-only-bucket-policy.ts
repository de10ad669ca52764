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
  literalRegionOf,
  partitionOfRegion,
  policyAttribute,
  PolicyDocument,
  PolicyPrincipal,
  PolicyStatement,
  requireProps,
  ValidationError,
} from "../core";
import { IVpcEndpoint } from "./endpoint-base";
import { checkBucketName, checkDistinct } from "./endpoint-policy";
import { AwsService } from "./aws-service";
import { InterfaceEndpoint } from "./interface-endpoint";

export interface EndpointOnlyBucketPolicyProps extends AwsResourceProps {
  /** The bucket, by name. Its whole bucket policy is replaced by this one. */
  readonly bucketName: string;
  /** The only endpoints requests may come through: S3 endpoints (gateway or interface). */
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
   * Partition of the bucket ARN and the roles.
   * @default - the partition of the provider's literal region, else "aws"
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
    checkOneOf(this, "partition", props.partition, ["aws", "aws-cn", "aws-us-gov"]);
    const region = literalRegionOf(this, props.provider);
    const regionPartition = region === undefined ? undefined : partitionOfRegion(region);
    if (props.partition !== undefined && regionPartition !== undefined && props.partition !== regionPartition) {
      throw new ValidationError(
        this,
        "partition",
        props.partition,
        `${regionPartition}, the partition of the provider's region ${region} (or leave partition out): a bucket ARN of ${props.partition} names no bucket there, so its Denies would protect nothing`,
      );
    }
    const partition = props.partition ?? regionPartition ?? "aws";
    const endpoints = checkList(this, "endpoints", props.endpoints) ?? [];
    checkItemCount(this, "endpoints", endpoints, 1);
    endpoints.forEach((endpoint, i) => checkResourceId(this, `endpoints[${i}].vpcEndpointId`, endpoint.vpcEndpointId, "vpcEndpoint"));
    endpoints.forEach((endpoint, i) => checkS3Endpoint(this, `endpoints[${i}]`, endpoint));
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

/**
 * Fails when an endpoint of this configuration is not one to S3 (a
 * DynamoDB gateway endpoint, a logs interface endpoint): no S3 request
 * comes through it, so the bucket would be reachable through none.
 */
function checkS3Endpoint(scope: Construct, prop: string, endpoint: IVpcEndpoint): void {
  // Gateway endpoints, made here or imported, name their AwsService; an interface endpoint its service name.
  const aws = (endpoint as { readonly service?: unknown }).service;
  const service =
    aws instanceof AwsService
      ? aws.shortName
      : endpoint instanceof InterfaceEndpoint && !isUnresolved(endpoint.serviceName)
        ? /^(?:cn\.)?com\.amazonaws\.[a-z0-9-]+\.([a-z0-9.-]+)$/.exec(endpoint.serviceName)?.[1]
        : undefined;
  if (service === undefined || service === "s3" || service === "s3-fips") return;
  throw new ValidationError(
    scope,
    prop,
    endpoint instanceof InterfaceEndpoint ? endpoint.serviceName : service,
    "an S3 endpoint (gateway or interface): S3 requests never come through an endpoint of another service, so the bucket would be reachable through none",
  );
}

const ENDPOINT_ONLY_BUCKET_POLICY_PROPS: Record<keyof EndpointOnlyBucketPolicyProps, true> = {
  bucketName: true,
  endpoints: true,
  deploymentRoleArns: true,
  exemptRoleArns: true,
  partition: true,
  provider: true,
};
