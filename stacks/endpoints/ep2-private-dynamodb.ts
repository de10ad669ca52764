import { TerraformOutput } from "cdktf";
import { EndpointOnlyTablePolicy, exportEndpointOutputs, PrivateAwsServiceAccess, ServiceAccessPresets } from "../../modules/endpoints";
import { Flows } from "../../modules/flows";
import { exampleStack } from "../example-stack";
import { EXAMPLE_ORGANIZATION_ID, exampleVpc, OWNER_ACCOUNT, PIPELINE_ROLE } from "../example-values";

const APP = { arn: `arn:aws:iam::${OWNER_ACCOUNT}:role/orders-app`, organizationId: EXAMPLE_ORGANIZATION_ID };
/** Credentials of an account outside the organization, brought into the VPC. */
const FOREIGN = "arn:aws:iam::999999999999:role/collector";
const ORDERS = `arn:aws:dynamodb:us-east-1:${OWNER_ACCOUNT}:table/orders`;

/**
 * EP-2: an application without internet access uses DynamoDB through the
 * gateway endpoint; the endpoint policy admits item operations on the
 * application's table (and its indexes) only, for principals of the
 * organization, and the table's resource policy admits item operations
 * through the endpoint only (the pipeline keeps managing the table from
 * outside): credentials that leave the VPC read nothing.
 */
export const ep2PrivateDynamoDb = exampleStack("ep2-private-dynamodb", ["EP-2"], (stack) => {
  const vpc = exampleVpc(stack, "Vpc", "ep2-app", "10.0.0.0/16");
  const access = new PrivateAwsServiceAccess(stack, "DynamoDbAccess", {
    vpc,
    services: ServiceAccessPresets.dynamoDb([ORDERS], { organizationId: EXAMPLE_ORGANIZATION_ID }),
  });
  new EndpointOnlyTablePolicy(stack, "TablePolicy", {
    tableArn: ORDERS,
    endpoints: [access.gatewayEndpoints.dynamodb],
    deploymentRoleArns: [PIPELINE_ROLE],
  });
  new TerraformOutput(stack, "vpc_id", { value: vpc.vpcId });
  exportEndpointOutputs(stack, "dynamodb_gateway_endpoint", access.gatewayEndpoints.dynamodb);

  const dynamodb = "dynamodb.us-east-1.amazonaws.com";
  Flows.of(stack)
    .allow("app-writes-orders", {
      from: { vpc, principal: APP },
      to: { dnsName: dynamodb, request: { action: "dynamodb:PutItem", resource: ORDERS } },
      description: "the public name is routed to the gateway endpoint by the subnets' route tables",
    })
    .allow("app-queries-orders-index", {
      from: { vpc, principal: APP },
      to: { dnsName: dynamodb, request: { action: "dynamodb:Query", resource: `${ORDERS}/index/by-customer` } },
    })
    .deny("app-reads-another-table", {
      from: { vpc, principal: APP },
      to: { dnsName: dynamodb, request: { action: "dynamodb:GetItem", resource: `arn:aws:dynamodb:us-east-1:${OWNER_ACCOUNT}:table/customers` } },
      reason: "no Allow statement matches arn:aws:iam::111111111111:role/orders-app (Resource)",
    })
    .deny("app-deletes-orders-table", {
      from: { vpc, principal: APP },
      to: { dnsName: dynamodb, request: { action: "dynamodb:DeleteTable", resource: ORDERS } },
      reason: "no Allow statement matches arn:aws:iam::111111111111:role/orders-app (Action)",
      description: "item operations only, no table administration through the endpoint",
    })
    .deny("foreign-credentials-read-orders", {
      from: { vpc, principal: FOREIGN },
      to: { dnsName: dynamodb, request: { action: "dynamodb:GetItem", resource: ORDERS } },
      reason: "aws:PrincipalOrgID",
    })
    .deny("app-credentials-read-orders-from-outside", {
      from: { internet: true, principal: APP.arn },
      to: { dnsName: dynamodb, request: { action: "dynamodb:GetItem", resource: ORDERS } },
      reason: "ItemsOnlyThroughVpcEndpoints",
      description: "the application's credentials, taken out of the VPC, read nothing: the table admits item operations through the endpoint only",
    })
    .allow("pipeline-manages-table-from-outside", {
      from: { internet: true, principal: PIPELINE_ROLE },
      to: { dnsName: dynamodb, request: { action: "dynamodb:UpdateTable", resource: ORDERS } },
      description: "the next terraform apply, outside the VPC, still changes the table and its resource policy",
    })
    .deny("pipeline-queries-index-from-outside", {
      from: { internet: true, principal: PIPELINE_ROLE },
      to: { dnsName: dynamodb, request: { action: "dynamodb:Query", resource: `${ORDERS}/index/by-customer` } },
      reason: "ItemsOnlyThroughVpcEndpoints",
      description: "the pipeline manages the table, not its data, indexes included",
    });
});
