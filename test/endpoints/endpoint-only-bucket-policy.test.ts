import { EndpointOnlyBucketPolicy, PrivateAwsServiceAccess, ServiceAccessPresets } from "../../modules/endpoints";
import { expectValidationError, onlyResource, stackWithProvider, synthJson } from "../helpers";
import { testVpc } from "./helpers";

describe("EndpointOnlyBucketPolicy", () => {
  test("denies every request that does not come through the endpoints, except the exempt roles", () => {
    const stack = stackWithProvider();
    const access = new PrivateAwsServiceAccess(stack, "S3", { vpc: testVpc(stack), services: ServiceAccessPresets.privateS3(["a-bucket"]) });
    new EndpointOnlyBucketPolicy(stack, "Policy", { bucketName: "a-bucket", endpoints: [access.gatewayEndpoints.s3], exemptRoleArns: ["arn:aws:iam::111111111111:role/admin"] });
    const policy = onlyResource(synthJson(stack), "aws_s3_bucket_policy");
    expect(policy.bucket).toBe("a-bucket");
    // References inside the document go through jsonencode, which HCL output needs.
    expect(policy.policy).toMatch(/^\$\{jsonencode\(/);
    expect(policy.policy).toContain('"aws:SourceVpce" = [aws_vpc_endpoint.S3_s3_');
    expect(policy.policy).toContain('"Effect" = "Deny"');
    expect(policy.policy).toContain('"ArnNotLike" = {"aws:PrincipalArn" = ["arn:aws:iam::111111111111:role/admin"]}');
  });

  test("fails on a malformed bucket name, no endpoint, or an exempt principal that is not a role ARN", () => {
    const stack = stackWithProvider();
    const endpoint = { vpcEndpointId: "vpce-0123456789abcdef0" };
    expectValidationError(() => new EndpointOnlyBucketPolicy(stack, "A", { bucketName: "Bad_Bucket", endpoints: [endpoint] }), "bucketName", "Bad_Bucket");
    expectValidationError(() => new EndpointOnlyBucketPolicy(stack, "B", { bucketName: "a-bucket", endpoints: [] }), "endpoints", "[]");
    expectValidationError(() => new EndpointOnlyBucketPolicy(stack, "C", { bucketName: "a-bucket", endpoints: [endpoint], exemptRoleArns: ["admin"] }), "exemptRoleArns[0]", "admin");
  });
});
