import { TerraformOutput } from "cdktf";
import { Port } from "../../modules/core";
import {
  Ec2InstanceConnectEndpoint,
  EndpointOnlyBucketPolicy,
  exportEndpointOutputs,
  PrivateAwsServiceAccess,
  ServiceAccessPresets,
} from "../../modules/endpoints";
import { Flows } from "../../modules/flows";
import { Connections, SecurityGroup } from "../../modules/vpc";
import { exampleStack } from "../example-stack";
import { EXAMPLE_ORGANIZATION_ID, exampleVpc, OWNER_ACCOUNT, PIPELINE_ROLE } from "../example-values";

const BUCKET = "example-app-data-111111111111";
/** The role the deployment pipeline applies this stack with, from outside the VPC. */
const APP = { arn: `arn:aws:iam::${OWNER_ACCOUNT}:role/orders-app`, organizationId: EXAMPLE_ORGANIZATION_ID };

/**
 * EP-1: EC2 instances in private subnets read and write one S3 bucket through
 * the (free) gateway endpoint. Both sides are locked: the endpoint policy
 * admits only that bucket for principals of the organization (and the
 * AWS-owned buckets the instances install packages and agents from), and
 * the bucket policy denies requests that do not come through the endpoint,
 * except the administrators' role, and the deployment pipeline's on the
 * bucket itself, so that it can still manage the bucket policy. Operators
 * reach the instances over SSH through an EC2 Instance Connect Endpoint
 * (IAM-authorized, no bastion, no internet gateway), whose group is the
 * only one the instances admit on port 22.
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
  const instances = new SecurityGroup(stack, "AppInstances", { vpc, description: "EC2 instances of the application" });
  // A new group lets nothing out: the instances reach S3 through the gateway endpoint's prefix list on HTTPS.
  instances.connections.allowDefaultPortTo(s3, "Application instances to S3 through the gateway endpoint");
  const operators = new Ec2InstanceConnectEndpoint(stack, "Operators", { vpc });
  operators.connections.allowTo(
    new Connections(instances, { securityGroups: [instances] }),
    Port.tcp(22),
    "Operator SSH sessions through EC2 Instance Connect",
  );
  new TerraformOutput(stack, "vpc_id", { value: vpc.vpcId });
  exportEndpointOutputs(stack, "s3_gateway_endpoint", s3);
  exportEndpointOutputs(stack, "instance_connect_endpoint", operators);

  const bucketName = `${BUCKET}.s3.us-east-1.amazonaws.com`;
  Flows.of(stack)
    .allow("app-writes-its-bucket", {
      from: { vpc, securityGroup: instances, principal: APP },
      to: { dnsName: bucketName, request: { action: "s3:PutObject", resource: `arn:aws:s3:::${BUCKET}/orders/1.json` } },
      description: "through the gateway endpoint in the subnets' route tables; both policies admit it",
    })
    .allow("fleet-installs-al2023-packages", {
      from: { vpc, securityGroup: instances, principal: { anonymous: true } },
      to: {
        dnsName: "al2023-repos-us-east-1-de612dc2.s3.dualstack.us-east-1.amazonaws.com",
        request: { action: "s3:GetObject", resource: "arn:aws:s3:::al2023-repos-us-east-1-de612dc2/core/mirrors/latest/x86_64/mirror.list" },
      },
      description: "dnf reads the Amazon Linux 2023 repository unsigned, through the same gateway endpoint",
    })
    .allow("ssm-agent-downloads-its-update", {
      from: { vpc, securityGroup: instances, principal: APP },
      to: {
        dnsName: "amazon-ssm-us-east-1.s3.us-east-1.amazonaws.com",
        request: { action: "s3:GetObject", resource: "arn:aws:s3:::amazon-ssm-us-east-1/latest/linux_amd64/amazon-ssm-agent.rpm" },
      },
    })
    .deny("app-writes-another-bucket", {
      from: { vpc, securityGroup: instances, principal: APP },
      to: {
        dnsName: "exfiltration-target.s3.us-east-1.amazonaws.com",
        request: { action: "s3:PutObject", resource: "arn:aws:s3:::exfiltration-target/dump.tar" },
      },
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
    .allow("operators-ssh-to-instances", {
      from: { securityGroup: operators.securityGroup },
      to: { target: instances, port: 22 },
      description: "EC2 Instance Connect: the endpoint's group is admitted by the instances' group",
    })
    .deny("operators-rdp-to-instances", {
      from: { securityGroup: operators.securityGroup },
      to: { target: instances, port: 3389 },
      reason: "egress",
      description: "the endpoint reaches the instances on SSH only",
    })
    .deny("vpc-ssh-to-instances", {
      from: vpc,
      to: { target: instances, port: 22 },
      reason: "has no ingress from",
      description: "no other host of the VPC opens SSH sessions to the instances",
    })
    .deny("other-role-from-outside", {
      from: { internet: true, principal: `arn:aws:iam::${OWNER_ACCOUNT}:role/developer` },
      to: { dnsName: bucketName, request: { action: "s3:GetBucketPolicy", resource: `arn:aws:s3:::${BUCKET}` } },
      reason: "BucketOnlyThroughVpcEndpointsOrDeployment",
    });
});
