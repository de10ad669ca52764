import { TerraformOutput } from "cdktf";
import { EndpointOnlyBucketPolicy, PrivateAwsServiceAccess, ServiceAccessPresets } from "../../modules/endpoints";
import { exampleStack } from "../example-stack";
import { EXAMPLE_ORGANIZATION_ID, exampleVpc, OWNER_ACCOUNT } from "../example-values";

const BUCKET = "example-app-data-111111111111";

/**
 * EP-1: EC2 instances in private subnets read and write one S3 bucket through
 * the (free) gateway endpoint. Both sides are locked: the endpoint policy
 * admits only that bucket and principals of the organization, and the bucket
 * policy denies requests that do not come through the endpoint (except the
 * administrators' role).
 */
export const ep1PrivateS3 = exampleStack("ep1-private-s3", ["EP-1", "DEP-1"], (stack) => {
  const vpc = exampleVpc(stack, "Vpc", "ep1-app", "10.0.0.0/16");
  const access = new PrivateAwsServiceAccess(stack, "S3Access", {
    vpc,
    services: ServiceAccessPresets.privateS3([BUCKET], { organizationId: EXAMPLE_ORGANIZATION_ID }),
  });
  const s3 = access.gatewayEndpoints.s3;
  new EndpointOnlyBucketPolicy(stack, "BucketPolicy", {
    bucketName: BUCKET,
    endpoints: [s3],
    exemptRoleArns: [`arn:aws:iam::${OWNER_ACCOUNT}:role/administrators`],
  });
  new TerraformOutput(stack, "vpc_id", { value: vpc.vpcId });
  new TerraformOutput(stack, "s3_gateway_endpoint_id", { value: s3.vpcEndpointId, description: "aws:SourceVpce value for other bucket policies" });
});
