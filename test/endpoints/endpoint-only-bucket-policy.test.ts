import { EndpointOnlyBucketPolicy, PrivateAwsServiceAccess, ServiceAccessPresets } from "../../modules/endpoints";
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
});
