import { TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { DynamodbTable } from "@cdktf/provider-aws/lib/dynamodb-table";
import {
  AwsService,
  EndpointOnlyTablePolicy,
  EndpointPolicy,
  GatewayEndpoint,
  InterfaceEndpoint,
  PrivateAwsServiceAccess,
  ServiceAccessPresets,
} from "../../modules/endpoints";
import type { EndpointOnlyTablePolicyProps } from "../../modules/endpoints";
import { expectFlow } from "../../modules/flows";
import { expectValidationError, onlyResource, stackWithProvider, synthJson, testApp } from "../helpers";
import { testVpc } from "./helpers";

const DEPLOYMENT = "arn:aws:iam::111111111111:role/deployment";
const ORDERS = "arn:aws:dynamodb:us-east-1:111111111111:table/orders";
const ENDPOINT = { vpcEndpointId: "vpce-0123456789abcdef0" };

describe("EndpointOnlyTablePolicy", () => {
  test("denies item access that does not come through the endpoints, except the exempt roles; the deployment roles keep the table itself", () => {
    const stack = stackWithProvider();
    const access = new PrivateAwsServiceAccess(stack, "Ddb", { vpc: testVpc(stack), services: ServiceAccessPresets.dynamoDb([ORDERS]) });
    new EndpointOnlyTablePolicy(stack, "Policy", {
      tableArn: ORDERS,
      endpoints: [access.gatewayEndpoints.dynamodb],
      deploymentRoleArns: [DEPLOYMENT],
      exemptRoleArns: ["arn:aws:iam::111111111111:role/admin"],
    });
    const resource = onlyResource(synthJson(stack), "aws_dynamodb_resource_policy");
    expect(resource.resource_arn).toBe(ORDERS);
    const text = String(resource.policy);
    expect(text).toMatch(/^\$\{jsonencode\(/);
    const [items, table] = text.split('"Sid" = ').slice(1);
    expect(items).toMatch(/^"ItemsOnlyThroughVpcEndpoints"/);
    for (const action of [
      "dynamodb:GetItem",
      "dynamodb:Query",
      "dynamodb:Scan",
      "dynamodb:PutItem",
      "dynamodb:PartiQLSelect",
      "dynamodb:ExportTableToPointInTime",
    ])
      expect(items).toContain(`"${action}"`);
    expect(items).toContain(`"Resource" = ["${ORDERS}", "${ORDERS}/index/*"]`);
    expect(items).toContain('"ArnNotLike" = {"aws:PrincipalArn" = ["arn:aws:iam::111111111111:role/admin"]}');
    expect(table).toMatch(/^"TableOnlyThroughVpcEndpointsOrDeployment"/);
    expect(table).toContain('"Action" = "dynamodb:*"');
    expect(table).toContain(`"ArnNotLike" = {"aws:PrincipalArn" = ["arn:aws:iam::111111111111:role/admin", "${DEPLOYMENT}"]}`);
    for (const statement of [items, table]) {
      expect(statement).toContain('"Effect" = "Deny"');
      expect(statement).toContain('"aws:SourceVpce" = [aws_vpc_endpoint.Ddb_dynamodb_');
    }
  });

  test("takes the ARN of a table of the stack", () => {
    const stack = stackWithProvider();
    const orders = new DynamodbTable(stack, "Orders", {
      name: "orders",
      hashKey: "id",
      attribute: [{ name: "id", type: "S" }],
      billingMode: "PAY_PER_REQUEST",
    });
    new EndpointOnlyTablePolicy(stack, "Policy", { tableArn: orders.arn, endpoints: [ENDPOINT], deploymentRoleArns: [DEPLOYMENT] });
    expect(onlyResource(synthJson(stack), "aws_dynamodb_resource_policy").resource_arn).toBe("${aws_dynamodb_table.Orders.arn}");
  });

  test("fails when the ARN is an index's or a stream's, not a table's, or not a DynamoDB table ARN", () => {
    const stack = stackWithProvider();
    const policy = (id: string, tableArn: string) => () =>
      new EndpointOnlyTablePolicy(stack, id, { tableArn, endpoints: [ENDPOINT], deploymentRoleArns: [DEPLOYMENT] });
    expect(expectValidationError(policy("A", `${ORDERS}/index/by-customer`), "tableArn", `${ORDERS}/index/by-customer`).expected).toContain(
      `the table's ARN (${ORDERS}), not its index's`,
    );
    expectValidationError(policy("B", `${ORDERS}/stream/2024-02-12T18:57:26.492`), "tableArn", `${ORDERS}/stream/2024-02-12T18:57:26.492`);
    expectValidationError(policy("C", "arn:aws:s3:::orders"), "tableArn", "arn:aws:s3:::orders");
    expectValidationError(policy("D", "orders"), "tableArn", "orders");
    expect(policy("E", ORDERS)).not.toThrow();
  });

  test("fails when the table is of another region or account than the provider, which puts the policy", () => {
    const regional = expectValidationError(
      () =>
        new EndpointOnlyTablePolicy(stackWithProvider("eu-west-1"), "Policy", {
          tableArn: ORDERS,
          endpoints: [ENDPOINT],
          deploymentRoleArns: [DEPLOYMENT],
        }),
      "tableArn",
      ORDERS,
    );
    expect(regional.expected).toContain("eu-west-1");
    const stack = new TerraformStack(testApp(), "pinned");
    new AwsProvider(stack, "aws", { region: "us-east-1", allowedAccountIds: ["222222222222"] });
    const other = expectValidationError(
      () => new EndpointOnlyTablePolicy(stack, "Policy", { tableArn: ORDERS, endpoints: [ENDPOINT], deploymentRoleArns: [DEPLOYMENT] }),
      "tableArn",
      ORDERS,
    );
    expect(other.expected).toContain("a table of account 222222222222");
    expect(
      () =>
        new EndpointOnlyTablePolicy(stack, "Own", {
          tableArn: "arn:aws:dynamodb:us-east-1:222222222222:table/orders",
          endpoints: [ENDPOINT],
          deploymentRoleArns: [DEPLOYMENT],
        }),
    ).not.toThrow();
  });

  test("fails when an endpoint is not one to DynamoDB, no endpoint or deployment role is given, or the partition contradicts the region", () => {
    const stack = stackWithProvider();
    const vpc = testVpc(stack);
    const s3 = new GatewayEndpoint(stack, "S3", { vpc, service: AwsService.S3, policy: EndpointPolicy.s3Buckets(["a-bucket"]) });
    const logs = new InterfaceEndpoint(stack, "Logs", { vpc, service: AwsService.LOGS, policy: EndpointPolicy.organizationOnly("o-a1b2c3d4e5") });
    const policy = (id: string, props: Partial<EndpointOnlyTablePolicyProps>) => () =>
      new EndpointOnlyTablePolicy(stack, id, { tableArn: ORDERS, endpoints: [ENDPOINT], deploymentRoleArns: [DEPLOYMENT], ...props });
    expect(expectValidationError(policy("A", { endpoints: [s3] }), "endpoints[0]", "s3").expected).toContain("a dynamodb endpoint");
    expectValidationError(policy("B", { endpoints: [logs] }), "endpoints[0]", "com.amazonaws.us-east-1.logs");
    expectValidationError(policy("C", { endpoints: [] }), "endpoints", "[]");
    expect(expectValidationError(policy("D", { deploymentRoleArns: [] }), "deploymentRoleArns", "[]").expected).toContain("lock itself out");
    expectValidationError(policy("E", { exemptRoleArns: ["admin"] }), "exemptRoleArns[0]", "admin");
    expectValidationError(policy("F", { partition: "aws-cn" }), "partition", "aws-cn");
    expectValidationError(policy("G", { tableName: "orders" } as never), "tableName", "orders");
  });

  test("flow proof: items through the endpoint only; from outside the VPC the pipeline manages the table and reads no item, and leaked credentials read nothing", () => {
    const stack = stackWithProvider();
    const vpc = testVpc(stack);
    const access = new PrivateAwsServiceAccess(stack, "Ddb", { vpc, services: ServiceAccessPresets.dynamoDb([ORDERS]) });
    new EndpointOnlyTablePolicy(stack, "Policy", {
      tableArn: ORDERS,
      endpoints: [access.gatewayEndpoints.dynamodb],
      deploymentRoleArns: [DEPLOYMENT],
    });
    const app = "arn:aws:iam::111111111111:role/orders-app";
    const request = (action: string, resource = ORDERS) => ({ dnsName: "dynamodb.us-east-1.amazonaws.com", request: { action, resource } });
    const inside = expectFlow(stack, { vpc, principal: app }, request("dynamodb:Query", `${ORDERS}/index/by-customer`));
    inside.toBeAllowed();
    expect(inside.verdict.hops.map((h) => h.text)).toContain(
      `resource policy of DynamoDB table orders does not deny dynamodb:Query through Ddb/dynamodb`,
    );
    expectFlow(stack, { internet: true, principal: app }, request("dynamodb:GetItem")).toBeDenied(/ItemsOnlyThroughVpcEndpoints/);
    expectFlow(stack, { internet: true, principal: DEPLOYMENT }, request("dynamodb:UpdateTable")).toBeAllowed();
    expectFlow(stack, { internet: true, principal: DEPLOYMENT }, request("dynamodb:Scan")).toBeDenied(/ItemsOnlyThroughVpcEndpoints/);
    // Another table has no such policy: from outside only the caller's own permissions decide.
    expectFlow(
      stack,
      { internet: true, principal: app },
      request("dynamodb:GetItem", "arn:aws:dynamodb:us-east-1:111111111111:table/customers"),
    ).toBeAllowed();
  });
});
