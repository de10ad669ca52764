import { TerraformOutput } from "cdktf";
import { EndpointOnlyBucketPolicy, PrivateAwsServiceAccess, ServiceAccessPresets } from "../../modules/endpoints";
import { Flows } from "../../modules/flows";
import { exampleStack } from "../example-stack";
import { EXAMPLE_ORGANIZATION_ID, exampleVpc, OWNER_ACCOUNT } from "../example-values";

const BUCKET = "example-app-data-111111111111";
/** The role the deployment pipeline applies this stack with, from outside the VPC. */
const PIPELINE_ROLE = `arn:aws:iam::${OWNER_ACCOUNT}:role/terraform-deployment`;
const APP = { arn: `arn:aws:iam::${OWNER_ACCOUNT}:role/orders-app`, organizationId: EXAMPLE_ORGANIZATION_ID };

/**
 * EP-1: EC2 instances in private subnets read and write one S3 bucket through
 * the (free) gateway endpoint. Both sides are locked: the endpoint policy
 * admits only that bucket for principals of the organization (and the
 * AWS-owned buckets the instances install packages and agents from), and
 * the bucket policy denies requests that do not come through the endpoint,
 * except the administrators' role, and the deployment pipeline's on the
 * bucket itself, so that it can still manage the bucket policy.
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
    deploymentRoleArns: [PIPELINE_ROLE],
    exemptRoleArns: [`arn:aws:iam::${OWNER_ACCOUNT}:role/administrators`],
  });
  new TerraformOutput(stack, "vpc_id", { value: vpc.vpcId });
  new TerraformOutput(stack, "s3_gateway_endpoint_id", { value: s3.vpcEndpointId, description: "aws:SourceVpce value for other bucket policies" });

  const bucketName = `${BUCKET}.s3.us-east-1.amazonaws.com`;
  Flows.of(stack)
    .allow("app-writes-its-bucket", {
      from: { vpc, principal: APP },
      to: { dnsName: bucketName, request: { action: "s3:PutObject", resource: `arn:aws:s3:::${BUCKET}/orders/1.json` } },
      description: "through the gateway endpoint in the subnets' route tables; both policies admit it",
    })
    .allow("fleet-installs-al2023-packages", {
      from: { vpc, principal: { anonymous: true } },
      to: { dnsName: "al2023-repos-us-east-1-de612dc2.s3.dualstack.us-east-1.amazonaws.com", request: { action: "s3:GetObject", resource: "arn:aws:s3:::al2023-repos-us-east-1-de612dc2/core/mirrors/latest/x86_64/mirror.list" } },
      description: "dnf reads the Amazon Linux 2023 repository unsigned, through the same gateway endpoint",
    })
    .allow("ssm-agent-downloads-its-update", {
      from: { vpc, principal: APP },
      to: { dnsName: "amazon-ssm-us-east-1.s3.us-east-1.amazonaws.com", request: { action: "s3:GetObject", resource: "arn:aws:s3:::amazon-ssm-us-east-1/latest/linux_amd64/amazon-ssm-agent.rpm" } },
    })
    .deny("app-writes-another-bucket", {
      from: { vpc, principal: APP },
      to: { dnsName: "exfiltration-target.s3.us-east-1.amazonaws.com", request: { action: "s3:PutObject", resource: "arn:aws:s3:::exfiltration-target/dump.tar" } },
      reason: "endpoint policy of S3Access/s3: no Allow statement matches",
      description: "the endpoint policy keeps data from leaving for a bucket outside the use case",
    })
    .allow("pipeline-manages-bucket-policy-from-outside", {
      from: { internet: true, principal: PIPELINE_ROLE },
      to: { dnsName: bucketName, request: { action: "s3:PutBucketPolicy", resource: `arn:aws:s3:::${BUCKET}` } },
      description: "the next terraform apply, outside the VPC, still reads and writes the bucket policy",
    })
    .deny("pipeline-reads-objects-from-outside", {
      from: { internet: true, principal: PIPELINE_ROLE },
      to: { dnsName: bucketName, request: { action: "s3:GetObject", resource: `arn:aws:s3:::${BUCKET}/orders/1.json` } },
      reason: "ObjectsOnlyThroughVpcEndpoints",
      description: "the pipeline manages the bucket, not its data",
    })
    .deny("other-role-from-outside", {
      from: { internet: true, principal: `arn:aws:iam::${OWNER_ACCOUNT}:role/developer` },
      to: { dnsName: bucketName, request: { action: "s3:GetBucketPolicy", resource: `arn:aws:s3:::${BUCKET}` } },
      reason: "BucketOnlyThroughVpcEndpointsOrDeployment",
    });
});
