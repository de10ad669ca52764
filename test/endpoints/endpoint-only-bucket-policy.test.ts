import {
  AwsService,
  EndpointOnlyBucketPolicy,
  EndpointPolicy,
  GatewayEndpoint,
  InterfaceEndpoint,
  PrivateAwsServiceAccess,
  ServiceAccessPresets,
} from "../../modules/endpoints";
import type { EndpointOnlyBucketPolicyProps } from "../../modules/endpoints";
import { expectValidationError, onlyResource, stackWithProvider, synthJson } from "../helpers";
import { testVpc } from "./helpers";

const DEPLOYMENT = "arn:aws:iam::111111111111:role/deployment";

describe("EndpointOnlyBucketPolicy", () => {
  test("denies every request that does not come through the endpoints, except the exempt roles; the deployment roles keep the bucket itself, not its objects", () => {
    const stack = stackWithProvider();
    const access = new PrivateAwsServiceAccess(stack, "S3", { vpc: testVpc(stack), services: ServiceAccessPresets.privateS3(["a-bucket"]) });
    new EndpointOnlyBucketPolicy(stack, "Policy", {
      bucketName: "a-bucket",
      endpoints: [access.gatewayEndpoints.s3],
      deploymentRoleArns: [DEPLOYMENT],
      exemptRoleArns: ["arn:aws:iam::111111111111:role/admin"],
    });
    const policy = onlyResource(synthJson(stack), "aws_s3_bucket_policy");
    expect(policy.bucket).toBe("a-bucket");
    // References inside the document go through jsonencode, which HCL output needs.
    expect(policy.policy).toMatch(/^\$\{jsonencode\(/);
    const statements = String(policy.policy).split('"Sid" = ').slice(1);
    expect(statements).toHaveLength(2);
    const [objects, bucket] = statements;
    expect(objects).toMatch(/^"ObjectsOnlyThroughVpcEndpoints"/);
    expect(objects).toContain('"Resource" = "arn:aws:s3:::a-bucket/*"');
    expect(objects).toContain('"ArnNotLike" = {"aws:PrincipalArn" = ["arn:aws:iam::111111111111:role/admin"]}');
    expect(bucket).toMatch(/^"BucketOnlyThroughVpcEndpointsOrDeployment"/);
    expect(bucket).toContain('"Resource" = "arn:aws:s3:::a-bucket"');
    expect(bucket).toContain(`"ArnNotLike" = {"aws:PrincipalArn" = ["arn:aws:iam::111111111111:role/admin", "${DEPLOYMENT}"]}`);
    for (const statement of statements) {
      expect(statement).toContain('"aws:SourceVpce" = [aws_vpc_endpoint.S3_s3_');
      expect(statement).toContain('"Effect" = "Deny"');
    }
  });

  test("fails on a malformed bucket name, no endpoint, or an exempt or deployment principal that is not a role ARN", () => {
    const stack = stackWithProvider();
    const endpoint = { vpcEndpointId: "vpce-0123456789abcdef0" };
    const deploymentRoleArns = [DEPLOYMENT];
    expectValidationError(
      () => new EndpointOnlyBucketPolicy(stack, "A", { bucketName: "Bad_Bucket", endpoints: [endpoint], deploymentRoleArns }),
      "bucketName",
      "Bad_Bucket",
    );
    expectValidationError(
      () => new EndpointOnlyBucketPolicy(stack, "B", { bucketName: "a-bucket", endpoints: [], deploymentRoleArns }),
      "endpoints",
      "[]",
    );
    expectValidationError(
      () =>
        new EndpointOnlyBucketPolicy(stack, "C", { bucketName: "a-bucket", endpoints: [endpoint], deploymentRoleArns, exemptRoleArns: ["admin"] }),
      "exemptRoleArns[0]",
      "admin",
    );
    expectValidationError(
      () => new EndpointOnlyBucketPolicy(stack, "D", { bucketName: "a-bucket", endpoints: [endpoint], deploymentRoleArns: ["pipeline"] }),
      "deploymentRoleArns[0]",
      "pipeline",
    );
  });

  test("fails when no deployment role is named: the pipeline would lock itself out of the bucket policy it manages", () => {
    const stack = stackWithProvider();
    const endpoint = { vpcEndpointId: "vpce-0123456789abcdef0" };
    const error = expectValidationError(
      () => new EndpointOnlyBucketPolicy(stack, "E", { bucketName: "a-bucket", endpoints: [endpoint], deploymentRoleArns: [] }),
      "deploymentRoleArns",
      "[]",
    );
    expect(error.expected).toContain("lock itself out");
  });

  test("the bucket and role ARNs follow the partition of the provider's region", () => {
    const stack = stackWithProvider("cn-north-1");
    new EndpointOnlyBucketPolicy(stack, "Policy", {
      bucketName: "a-bucket",
      endpoints: [{ vpcEndpointId: "vpce-0123456789abcdef0" }],
      deploymentRoleArns: ["arn:aws-cn:iam::111111111111:role/deployment"],
    });
    const statements = JSON.parse(onlyResource(synthJson(stack), "aws_s3_bucket_policy").policy).Statement as { Resource: string }[];
    expect(statements.map((s) => s.Resource)).toEqual(["arn:aws-cn:s3:::a-bucket/*", "arn:aws-cn:s3:::a-bucket"]);
  });

  test("fails when partition contradicts the provider's region: a bucket ARN of another partition matches no request, so nothing would be denied", () => {
    const stack = stackWithProvider("cn-north-1");
    const error = expectValidationError(
      () =>
        new EndpointOnlyBucketPolicy(stack, "Policy", {
          bucketName: "a-bucket",
          endpoints: [{ vpcEndpointId: "vpce-0123456789abcdef0" }],
          deploymentRoleArns: ["arn:aws-cn:iam::111111111111:role/deployment"],
          partition: "aws",
        }),
      "partition",
      "aws",
    );
    expect(error.expected).toContain("aws-cn");
    expect(
      () =>
        new EndpointOnlyBucketPolicy(stackWithProvider("cn-north-1"), "Policy", {
          bucketName: "a-bucket",
          endpoints: [{ vpcEndpointId: "vpce-0123456789abcdef0" }],
          deploymentRoleArns: ["arn:aws-cn:iam::111111111111:role/deployment"],
          partition: "aws-cn",
        }),
    ).not.toThrow();
  });

  test("fails when an endpoint is not one to S3: no S3 request comes through it, so the bucket would be reachable through none", () => {
    const stack = stackWithProvider();
    const vpc = testVpc(stack);
    const dynamodb = new GatewayEndpoint(stack, "DynamoDb", {
      vpc,
      service: AwsService.DYNAMODB,
      policy: EndpointPolicy.dynamoDbTables(["arn:aws:dynamodb:us-east-1:111111111111:table/orders"]),
    });
    const logs = new InterfaceEndpoint(stack, "Logs", { vpc, service: AwsService.LOGS, policy: EndpointPolicy.organizationOnly("o-a1b2c3d4e5") });
    const s3 = new InterfaceEndpoint(stack, "S3", { vpc, service: AwsService.S3, policy: EndpointPolicy.s3Buckets(["a-bucket"]) });
    const policy = (id: string, endpoints: EndpointOnlyBucketPolicyProps["endpoints"]) => () =>
      new EndpointOnlyBucketPolicy(stack, id, { bucketName: "a-bucket", endpoints, deploymentRoleArns: [DEPLOYMENT] });
    expectValidationError(policy("A", [s3, dynamodb]), "endpoints[1]", "dynamodb");
    expectValidationError(policy("B", [logs]), "endpoints[0]", "com.amazonaws.us-east-1.logs");
    const imported = GatewayEndpoint.fromAttributes(stack, "Imported", { vpcEndpointId: "vpce-0123456789abcdef1", service: AwsService.DYNAMODB });
    expectValidationError(policy("C", [imported]), "endpoints[0]", "dynamodb");
    expect(
      policy("D", [s3, GatewayEndpoint.fromAttributes(stack, "S3Gw", { vpcEndpointId: "vpce-0123456789abcdef2", service: AwsService.S3 })]),
    ).not.toThrow();
  });
});
