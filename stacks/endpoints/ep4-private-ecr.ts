import { Port } from "../../modules/core";
import { exportEndpointOutputs, PrivateAwsServiceAccess, ServiceAccessPresets } from "../../modules/endpoints";
import { Flows } from "../../modules/flows";
import { SecurityGroup } from "../../modules/vpc";
import { exampleStack } from "../example-stack";
import { EXAMPLE_ORGANIZATION_ID, exampleVpc, OWNER_ACCOUNT } from "../example-values";

const TASK = { arn: `arn:aws:iam::${OWNER_ACCOUNT}:role/orders-task-execution`, organizationId: EXAMPLE_ORGANIZATION_ID };
/** Credentials of an account outside the organization, brought into the VPC. */
const FOREIGN = "arn:aws:iam::999999999999:role/collector";
const API_REPOSITORY = `arn:aws:ecr:us-east-1:${OWNER_ACCOUNT}:repository/orders-api`;
const LOG_GROUP = `arn:aws:logs:us-east-1:${OWNER_ACCOUNT}:log-group:/ecs/orders`;
/** The image manifest: the registry's account name resolves to the ecr.dkr endpoint. */
const MANIFEST = { dnsName: `${OWNER_ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com`, request: { action: "ecr:BatchGetImage", resource: API_REPOSITORY } };
/** An image layer: from ECR's S3 bucket, through the gateway endpoint. */
const LAYER = {
  dnsName: "prod-us-east-1-starport-layer-bucket.s3.us-east-1.amazonaws.com",
  request: { action: "s3:GetObject", resource: "arn:aws:s3:::prod-us-east-1-starport-layer-bucket/a1b2c3/layer.tar.gz" },
};

/**
 * EP-4: ECS tasks or EKS nodes in private subnets pull images from ECR with
 * no NAT gateway: ecr.api and ecr.dkr interface endpoints, the S3 gateway
 * endpoint the image layers come from, and CloudWatch Logs for the
 * containers' logs, all interface endpoints behind one security group.
 */
export const ep4PrivateEcr = exampleStack("ep4-private-ecr", ["EP-4"], (stack) => {
  const vpc = exampleVpc(stack, "Vpc", "ep4-containers", "10.0.0.0/16");
  const access = new PrivateAwsServiceAccess(stack, "EcrAccess", {
    vpc,
    services: ServiceAccessPresets.ecrPull([API_REPOSITORY, `arn:aws:ecr:us-east-1:${OWNER_ACCOUNT}:repository/orders-worker`], [LOG_GROUP], {
      organizationId: EXAMPLE_ORGANIZATION_ID,
    }),
  });
  exportEndpointOutputs(stack, "endpoints", access);
  // The tasks' own group lets nothing out unless told: one call from their side opens the interface endpoints and the S3 gateway endpoint.
  const tasks = new SecurityGroup(stack, "Tasks", { vpc, description: "ECS tasks of the orders service" });
  tasks.connections.allowTo(access, Port.tcp(443), "Image pulls and container logs through the endpoints");
  // A group nobody opened: its members reach nothing, endpoints included.
  const batch = new SecurityGroup(stack, "Batch", { vpc, description: "Batch jobs, not yet given any egress" });

  Flows.of(stack)
    .allow("task-gets-ecr-token", {
      from: { vpc, principal: TASK },
      to: { dnsName: "api.ecr.us-east-1.amazonaws.com", request: { action: "ecr:GetAuthorizationToken", resource: "*" } },
      description: "a pull starts with a registry token from ecr.api",
    })
    .allow("task-pulls-image-manifest", {
      from: { vpc, principal: TASK },
      to: MANIFEST,
      description: "the registry's account name resolves to the ecr.dkr endpoint (its wildcard private DNS)",
    })
    .allow("task-downloads-image-layers", {
      from: { vpc, principal: TASK },
      to: LAYER,
      description: "the layers come from ECR's S3 bucket through the gateway endpoint",
    })
    .allow("task-group-downloads-image-layers", {
      from: { vpc, securityGroup: tasks, principal: TASK },
      to: LAYER,
      description: "tasks.connections.allowTo(access) opened the gateway endpoint's prefix list too",
    })
    .allow("task-group-pulls-image-manifest", {
      from: { vpc, securityGroup: tasks, principal: TASK },
      to: MANIFEST,
    })
    .deny("batch-group-pulls-image-manifest", {
      from: { vpc, securityGroup: batch, principal: TASK },
      to: MANIFEST,
      reason: "no egress",
      description: "a group this library made lets nothing out until connections say so",
    })
    .allow("task-ships-container-logs", {
      from: { vpc, principal: TASK },
      to: { dnsName: "logs.us-east-1.amazonaws.com", request: { action: "logs:PutLogEvents", resource: `${LOG_GROUP}:log-stream:orders-api/1` } },
    })
    .deny("task-pulls-another-repository", {
      from: { vpc, principal: TASK },
      to: {
        dnsName: `${OWNER_ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com`,
        request: { action: "ecr:BatchGetImage", resource: `arn:aws:ecr:us-east-1:${OWNER_ACCOUNT}:repository/unvetted` },
      },
      reason: "endpoint policy of EcrAccess/ecr-dkr: no Allow statement matches",
    })
    .deny("task-writes-a-bucket", {
      from: { vpc, principal: TASK },
      to: {
        dnsName: "exfiltration-target.s3.us-east-1.amazonaws.com",
        request: { action: "s3:PutObject", resource: "arn:aws:s3:::exfiltration-target/dump.tar" },
      },
      reason: "endpoint policy of EcrAccess/s3: no Allow statement matches",
      description: "the S3 endpoint serves image layers, not uploads",
    })
    .deny("foreign-credentials-pull", {
      from: { vpc, principal: FOREIGN },
      to: MANIFEST,
      reason: "aws:PrincipalOrgID",
    });
});
