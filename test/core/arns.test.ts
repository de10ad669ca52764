import { TerraformStack, TerraformVariable } from "cdktf";
import { ARN_KINDS, arnKindOf, checkArn, parseArn, RAM_SHAREABLE_KINDS, ValidationError, parseArnPattern } from "../../modules/core";
import { testApp } from "../helpers";

const scope = new TerraformStack(testApp(), "arns");

function failure(run: () => unknown): ValidationError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  throw new Error("expected a ValidationError");
}

describe("ARNs", () => {
  test("parses with AWS's parser, in the partitions the library knows only", () => {
    expect(parseArn("arn:aws:vpc-lattice:us-east-1:111111111111:servicenetwork/sn-0123456789abcdef0")).toEqual({
      partition: "aws",
      service: "vpc-lattice",
      region: "us-east-1",
      account: "111111111111",
      resource: "servicenetwork/sn-0123456789abcdef0",
    });
    expect(parseArn("arn:aws-iso:ec2:us-iso-east-1:111111111111:vpc/vpc-1")).toBeUndefined();
    expect(parseArn("arn:aws:iam::12345:role/x")).toBeUndefined();
    expect(parseArn("example-bucket")).toBeUndefined();
  });

  test("every kind's example is of that kind", () => {
    for (const [kind, spec] of Object.entries(ARN_KINDS))
      expect({ kind, found: arnKindOf(spec.example, [kind as keyof typeof ARN_KINDS]) }).toEqual({ kind, found: kind });
  });

  test("fails when a bucket name is given for a bucket ARN, saying it is not an ARN", () => {
    expect(failure(() => checkArn(scope, "bucketArn", "example-logs", "s3Bucket")).expected).toMatch(/S3 bucket ARN .* \(this is not an ARN\)/);
  });

  test("fails when the ARN is of another kind: a service network is not a resource configuration", () => {
    const error = failure(() => checkArn(scope, "resourceConfigurationArn", ARN_KINDS.serviceNetwork.example, "resourceConfiguration"));
    expect(error.prop).toBe("resourceConfigurationArn");
    expect(error.expected).toMatch(/^a VPC Lattice resource configuration ARN/);
  });

  test("fails when a regional ARN names another region or partition than the stack's", () => {
    expect(
      failure(() => checkArn(scope, "certificateArn", ARN_KINDS.acmCertificate.example, "acmCertificate", { region: "eu-west-1" })).expected,
    ).toMatch(/in eu-west-1, the region it is used in \(not us-east-1\)/);
    expect(failure(() => checkArn(scope, "roleArn", ARN_KINDS.iamRole.example, "iamRole", { region: "cn-north-1" })).expected).toMatch(
      /partition aws-cn/,
    );
    expect(checkArn(scope, "roleArn", ARN_KINDS.iamRole.example, "iamRole", { region: "eu-west-1" })).toBe("iamRole");
  });

  test("RAM shares only what RAM can share", () => {
    expect(RAM_SHAREABLE_KINDS).toContain("serviceNetwork");
    expect(failure(() => checkArn(scope, "resources.x", ARN_KINDS.iamRole.example, RAM_SHAREABLE_KINDS)).expected).toMatch(
      /service network ARN or .* resource configuration ARN/,
    );
  });

  test("values only Terraform knows are skipped", () => {
    expect(checkArn(scope, "arn", new TerraformVariable(scope, "function_arn", { type: "string" }).stringValue, "lambdaFunction")).toBeUndefined();
  });
});

describe("parseArnPattern", () => {
  test("splits a policy's resource pattern, wildcards in any field, without judging the fields", () => {
    expect(parseArnPattern("arn:aws:logs:*:111111111111:log-group:/app/*")).toMatchObject({
      partition: "aws",
      service: "logs",
      region: "*",
      resource: "log-group:/app/*",
    });
    expect(parseArnPattern("arn:aws:s3:::app-data/*")).toMatchObject({ service: "s3", account: "", resource: "app-data/*" });
    expect(parseArnPattern("arn:aws-cn:s3:::b")?.partition).toBe("aws-cn");
  });

  test("is undefined for what is no ARN: a bucket name, too few fields, an empty resource", () => {
    for (const value of ["app-data/*", "arn:aws:s3", "arn:aws:s3:::", 5 as unknown as string]) expect(parseArnPattern(value)).toBeUndefined();
  });
});
