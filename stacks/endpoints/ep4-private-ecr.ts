import { TerraformOutput } from "cdktf";
import { PrivateAwsServiceAccess, ServiceAccessPresets } from "../../modules/endpoints";
import { exampleStack } from "../example-stack";
import { EXAMPLE_ORGANIZATION_ID, exampleVpc, OWNER_ACCOUNT } from "../example-values";

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
    services: ServiceAccessPresets.ecrPull(
      [`arn:aws:ecr:us-east-1:${OWNER_ACCOUNT}:repository/orders-api`, `arn:aws:ecr:us-east-1:${OWNER_ACCOUNT}:repository/orders-worker`],
      [`arn:aws:logs:us-east-1:${OWNER_ACCOUNT}:log-group:/ecs/orders`],
      { organizationId: EXAMPLE_ORGANIZATION_ID },
    ),
  });
  new TerraformOutput(stack, "endpoint_security_group_id", { value: access.securityGroup!.securityGroupId });
  new TerraformOutput(stack, "ecr_dkr_endpoint_id", { value: access.interfaceEndpoints["ecr.dkr"].vpcEndpointId });
});
