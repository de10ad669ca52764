import { TerraformStack } from "cdktf";
import { AwsService, AwsServiceName } from "../../modules/endpoints";
import { expectValidationError, testApp } from "../helpers";
import { COMMON_SERVICE_NAMES } from "./helpers";

const scope = (): TerraformStack => new TerraformStack(testApp(), "test");
/** Resolving a custom name for an endpoint in us-east-1, as a build step for expectValidationError. */
const serviceNameInUsEast1 = (name: string) => (): string => AwsService.custom(name).serviceName(scope(), "service", "us-east-1");

describe("AwsService", () => {
  test("knows every service private subnets need, by short name", () => {
    const names = COMMON_SERVICE_NAMES;
    for (const name of names) {
      expect(AwsService.of(name).serviceName(scope(), "service", "us-east-1")).toBe(`com.amazonaws.us-east-1.${name}`);
      expect(AwsService.of(name).ports).toEqual([443]);
    }
  });

  test("names services per partition as AWS does: com.amazonaws, cn.com.amazonaws for the interface endpoints of the services the catalog lists in China, com.amazonaws in GovCloud", () => {
    expect(AwsService.LOGS.serviceName(scope(), "service", "cn-north-1")).toBe("com.amazonaws.cn-north-1.logs");
    expect(AwsService.KMS.serviceName(scope(), "service", "cn-northwest-1")).toBe("com.amazonaws.cn-northwest-1.kms");
    expect(AwsService.ECR_DKR.serviceName(scope(), "service", "cn-north-1")).toBe("cn.com.amazonaws.cn-north-1.ecr.dkr");
    expect(AwsService.S3.serviceName(scope(), "service", "cn-north-1")).toBe("cn.com.amazonaws.cn-north-1.s3");
    // Gateway endpoints keep com.amazonaws in China.
    expect(AwsService.S3.serviceName(scope(), "service", "cn-north-1", "Gateway")).toBe("com.amazonaws.cn-north-1.s3");
    // Some services take the prefix in one China region only.
    expect(AwsService.of("polly").serviceName(scope(), "service", "cn-north-1")).toBe("com.amazonaws.cn-north-1.polly");
    expect(AwsService.of("polly").serviceName(scope(), "service", "cn-northwest-1")).toBe("cn.com.amazonaws.cn-northwest-1.polly");
    expect(AwsService.of("transcribe").serviceName(scope(), "service", "cn-north-1")).toBe("cn.com.amazonaws.cn-north-1.transcribe.cn");
    expect(AwsService.STS.serviceName(scope(), "service", "us-gov-west-1")).toBe("com.amazonaws.us-gov-west-1.sts");
  });

  test("knows every AWS service of the catalog, with its ports, prefixes and global names", () => {
    expect(AwsService.knownNames.length).toBeGreaterThan(300);
    expect(AwsService.of("cassandra").ports).toEqual([9142]);
    expect(AwsService.of("notebook").serviceName(scope(), "service", "us-east-1")).toBe("aws.sagemaker.us-east-1.notebook");
    expect(AwsService.of("iam").serviceName(scope(), "service", "us-east-1")).toBe("com.amazonaws.iam");
    expect(AwsService.of("s3express").hasInterfaceEndpoint).toBe(false);
    expect(AwsService.of("ecs").dnsName(scope(), "service", "us-east-1")).toBe("ecs.us-east-1.amazonaws.com");
    expect(AwsService.fromName(scope(), "service", "bedrock-runtime").shortName).toBe("bedrock-runtime");
  });

  test("gives the public DNS name each service's clients resolve", () => {
    expect(AwsService.LOGS.dnsName(scope(), "service", "us-east-1")).toBe("logs.us-east-1.amazonaws.com");
    expect(AwsService.ECR_API.dnsName(scope(), "service", "eu-west-1")).toBe("api.ecr.eu-west-1.amazonaws.com");
    expect(AwsService.ECR_DKR.dnsName(scope(), "service", "us-east-1")).toBe("dkr.ecr.us-east-1.amazonaws.com");
    expect(AwsService.KMS.dnsName(scope(), "service", "cn-north-1")).toBe("kms.cn-north-1.amazonaws.com.cn");
    expect(AwsService.ECR_DKR.wildcardDns).toBe(true);
    expect(AwsService.LOGS.wildcardDns).toBe(false);
  });

  test("only S3 and DynamoDB have gateway endpoints", () => {
    expect(AwsService.S3.hasGatewayEndpoint).toBe(true);
    expect(AwsService.DYNAMODB.hasGatewayEndpoint).toBe(true);
    expect(AwsService.LOGS.hasGatewayEndpoint).toBe(false);
  });

  test("custom() is an escape hatch for any other service, by full name", () => {
    const bedrock = AwsService.custom("com.amazonaws.us-east-1.bedrock-runtime");
    expect(bedrock.serviceName(scope(), "service", "us-east-1")).toBe("com.amazonaws.us-east-1.bedrock-runtime");
    expect(bedrock.shortName).toBe("bedrock-runtime");
    expect(bedrock.isCustom).toBe(true);
    expect(AwsService.custom("cn.com.amazonaws.cn-north-1.athena").shortName).toBe("athena");
    expect(AwsService.custom("aws.sagemaker.us-east-1.notebook").shortName).toBe("aws.sagemaker.us-east-1.notebook");
    expect(AwsService.custom("com.amazonaws.us-east-1.redshift", [5439]).ports).toEqual([5439]);
    expectValidationError(() => bedrock.dnsName(scope(), "service", "us-east-1"), "service", "bedrock-runtime");
  });

  test("fromName accepts known short names from untyped input", () => {
    expect(AwsService.fromName(scope(), "service", "ecr.dkr").shortName).toBe("ecr.dkr");
  });

  test("fails when the short name is unknown, suggesting the closest", () => {
    const error = expectValidationError(() => AwsService.fromName(scope(), "service", "ecr.dk"), "service", "ecr.dk");
    expect(error.message).toContain('did you mean "ecr.dkr"?');
    expect(expectValidationError(() => AwsService.fromName(scope(), "service", "secretmanager"), "service", "secretmanager").message).toContain(
      '"secretsmanager"',
    );
    expect(expectValidationError(() => AwsService.fromName(scope(), "service", "zzzzzzzzzzzzzzzz"), "service", "zzzz").message).toContain(
      "AwsService.custom()",
    );
  });

  test("fails when of() is given an unknown short name (a JavaScript caller's), never a TypeError where the service is used", () => {
    const error = expectValidationError(() => AwsService.of("logz" as AwsServiceName), "shortName", '"logz"');
    expect(error.constructPath).toBe("AwsService.of");
    expect(error.message).toContain('did you mean "logs"?');
  });

  test("fails when the region is malformed", () => {
    expectValidationError(() => AwsService.LOGS.serviceName(scope(), "region", "us-east1"), "region", "us-east1");
    expectValidationError(() => AwsService.LOGS.dnsName(scope(), "region", "US-EAST-1"), "region", "US-EAST-1");
  });
});

describe("AwsService.custom() names", () => {
  test("accepts every form AWS names services in: regional, China, SageMaker's and global names", () => {
    expect(AwsService.custom("cn.com.amazonaws.cn-north-1.athena").serviceName(scope(), "service", "cn-north-1")).toBe(
      "cn.com.amazonaws.cn-north-1.athena",
    );
    expect(AwsService.custom("aws.sagemaker.us-east-1.notebook").serviceName(scope(), "service", "us-east-1")).toBe(
      "aws.sagemaker.us-east-1.notebook",
    );
    expect(AwsService.custom("com.amazonaws.iam").serviceName(scope(), "service", "eu-west-1")).toBe("com.amazonaws.iam");
    // One-letter names exist (Amazon Q: com.amazonaws.us-east-1.q).
    expect(AwsService.custom("com.amazonaws.us-east-1.q").serviceName(scope(), "service", "us-east-1")).toBe("com.amazonaws.us-east-1.q");
    expect(AwsService.custom("aws.api.global.codecatalyst").serviceName(scope(), "service", "eu-west-1")).toBe("aws.api.global.codecatalyst");
    // A hyphenated global name is not mistaken for a mistyped region.
    expect(AwsService.custom("com.amazonaws.ds-data.global").serviceName(scope(), "service", "eu-west-1")).toBe("com.amazonaws.ds-data.global");
  });

  test("accepts back every catalog service's interface endpoint name, in each partition (all of them, not a sample)", () => {
    for (const name of AwsService.knownNames) {
      const service = AwsService.of(name);
      if (!service.hasInterfaceEndpoint) continue;
      for (const region of ["us-east-1", "cn-north-1", "cn-northwest-1", "us-gov-west-1"]) {
        const full = service.serviceName(scope(), "service", region);
        expect(AwsService.custom(full).serviceName(scope(), "service", region)).toBe(full);
      }
    }
  });

  test("fails when the name is not a full service name", () => {
    for (const name of [
      "bedrock-runtime",
      "com.amazonaws.bedrock runtime",
      "com.amazonaws.us-east-1.",
      "amazonaws.us-east-1.logs",
      "com.amazonaws.us-east1.logs",
      "com.amazonaws.eu-west.logs",
      "com.amazonaws.us-gov-west1.logs",
      "aws.sagemaker.us-east1.notebook",
    ]) {
      expectValidationError(serviceNameInUsEast1(name), "service", name.slice(0, 10));
    }
  });

  test("fails when the custom name is missing (a JavaScript caller's undefined), never naming a service …undefined", () => {
    expectValidationError(serviceNameInUsEast1(undefined as never), "service", "undefined");
  });

  test("fails when an aws.* prefix holds a mistyped region, naming it", () => {
    const error = expectValidationError(serviceNameInUsEast1("aws.sagemaker.us-east1.notebook"), "service", "us-east1");
    expect(error.expected).toContain("us-east1 is not a region");
  });

  test("fails when the name is another region's than the endpoint's, saying how to reach another region", () => {
    const error = expectValidationError(serviceNameInUsEast1("com.amazonaws.eu-west-1.bedrock-runtime"), "service", "eu-west-1");
    expect(error.expected).toContain('serviceRegion: "eu-west-1"');
  });

  test("fails when a name outside China has the cn prefix, or names a PrivateLink endpoint service", () => {
    expectValidationError(serviceNameInUsEast1("cn.com.amazonaws.us-east-1.athena"), "service", "cn.com");
    const error = expectValidationError(serviceNameInUsEast1("com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0"), "service", "vpce-svc");
    expect(error.expected).toContain("EndpointService.fromServiceName");
  });

  test("fails when a service has no DNS name in the catalog, for hub-and-spoke zones", () => {
    expectValidationError(() => AwsService.of("ecs-agent").dnsName(scope(), "service", "us-east-1"), "service", "ecs-agent");
  });
});
