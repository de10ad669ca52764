import { TerraformOutput } from "cdktf";
import { PrivateAwsServiceAccess, ServiceAccessPresets } from "../../modules/endpoints";
import { exampleStack } from "../example-stack";
import { EXAMPLE_ORGANIZATION_ID, exampleVpc, OWNER_ACCOUNT } from "../example-values";

/**
 * EP-2: an application without internet access uses DynamoDB through the
 * gateway endpoint; the endpoint policy admits item operations on the
 * application's table (and its indexes) only, for principals of the
 * organization.
 */
export const ep2PrivateDynamoDb = exampleStack("ep2-private-dynamodb", ["EP-2"], (stack) => {
  const vpc = exampleVpc(stack, "Vpc", "ep2-app", "10.0.0.0/16");
  const access = new PrivateAwsServiceAccess(stack, "DynamoDbAccess", {
    vpc,
    services: ServiceAccessPresets.dynamoDb([`arn:aws:dynamodb:us-east-1:${OWNER_ACCOUNT}:table/orders`], { organizationId: EXAMPLE_ORGANIZATION_ID }),
  });
  new TerraformOutput(stack, "vpc_id", { value: vpc.vpcId });
  new TerraformOutput(stack, "dynamodb_gateway_endpoint_id", { value: access.gatewayEndpoints.dynamodb.vpcEndpointId });
});
