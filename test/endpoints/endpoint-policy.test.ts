import { TerraformStack } from "cdktf";
import { PolicyPrincipal, PolicyStatement } from "../../modules/core";
import { EndpointPolicy } from "../../modules/endpoints";
import { expectValidationError, testApp } from "../helpers";
import { ORG } from "./helpers";

interface Statement {
  Sid?: string;
  Effect: string;
  Principal: unknown;
  Action: string | string[];
  Resource: string | string[];
  Condition?: Record<string, Record<string, unknown>>;
}

const scope = (): TerraformStack => new TerraformStack(testApp(), "test");
const statements = (policy: EndpointPolicy, region = "us-east-1"): Statement[] => JSON.parse(policy.render(scope(), "policy", region)!).Statement;
const asList = (value: string | string[]): string[] => (Array.isArray(value) ? value : [value]);

describe("EndpointPolicy presets", () => {
  test("organizationOnly: everything, but only for principals of the organization", () => {
    const all = statements(EndpointPolicy.organizationOnly(ORG));
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ Effect: "Allow", Principal: "*", Action: "*", Condition: { StringEquals: { "aws:PrincipalOrgID": ORG } } });
  });

  test("organizationOnly on STS: web identity and SAML federation into the organization's roles, which no principal of the organization signs", () => {
    const [principals, federation, ...rest] = JSON.parse(EndpointPolicy.organizationOnly(ORG).render(scope(), "policy", "us-east-1", "sts")!)
      .Statement as Statement[];
    expect(rest).toEqual([]);
    expect(principals.Condition).toEqual({ StringEquals: { "aws:PrincipalOrgID": ORG } });
    expect(federation).toEqual({
      Sid: "FederationIntoOrganizationRoles",
      Effect: "Allow",
      Principal: "*",
      Action: ["sts:AssumeRoleWithWebIdentity", "sts:AssumeRoleWithSAML"],
      Resource: "*",
      Condition: { StringEquals: { "aws:ResourceOrgID": ORG } },
    });
  });

  test("s3Buckets: list on the buckets, object actions on their keys, and reads of the AWS-owned buckets instances install from; read-only drops writes", () => {
    const [list, objects, software, ...rest] = statements(EndpointPolicy.s3Buckets(["a-bucket", "b-bucket"], { organizationId: ORG }));
    expect(rest).toEqual([]);
    expect([list.Resource, objects.Resource]).toEqual([
      ["arn:aws:s3:::a-bucket", "arn:aws:s3:::b-bucket"],
      ["arn:aws:s3:::a-bucket/*", "arn:aws:s3:::b-bucket/*"],
    ]);
    expect([list, objects].every((s) => s.Condition?.StringEquals["aws:PrincipalOrgID"] === ORG)).toBe(true);
    // dnf reads the repositories unsigned: no principal condition can hold, the resources are the limit.
    expect(software).toMatchObject({ Sid: "AwsManagedInstanceSoftware", Principal: "*", Action: "s3:GetObject" });
    expect(software.Condition).toBeUndefined();
    expect(asList(software.Resource)).toEqual(
      expect.arrayContaining([
        "arn:aws:s3:::al2023-repos-us-east-1-de612dc2/*",
        "arn:aws:s3:::amazonlinux-2-repos-us-east-1/*",
        "arn:aws:s3:::amazon-ssm-us-east-1/*",
        "arn:aws:s3:::aws-ssm-us-east-1/*",
        "arn:aws:s3:::patch-baseline-snapshot-us-east-1/*",
        "arn:aws:s3:::amazoncloudwatch-agent-us-east-1/*",
      ]),
    );
    expect(asList(software.Resource).every((r) => r.endsWith("/*"))).toBe(true);
    expect(asList(statements(EndpointPolicy.s3Buckets(["a-bucket"], { readOnly: true }))[1].Action)).toEqual(["s3:GetObject"]);
    expect(statements(EndpointPolicy.s3Buckets(["a-bucket"], { awsManagedBuckets: false }))).toHaveLength(2);
  });

  test("ARNs follow the partition of the endpoint's region", () => {
    expect(statements(EndpointPolicy.s3Buckets(["a-bucket"]), "cn-north-1")[0].Resource).toBe("arn:aws-cn:s3:::a-bucket");
  });

  test("dynamoDbTables: item actions on the tables and their indexes", () => {
    const [statement] = statements(EndpointPolicy.dynamoDbTables(["arn:aws:dynamodb:us-east-1:111111111111:table/orders"], { readOnly: true }));
    expect(statement.Resource).toEqual([
      "arn:aws:dynamodb:us-east-1:111111111111:table/orders",
      "arn:aws:dynamodb:us-east-1:111111111111:table/orders/index/*",
    ]);
    expect(asList(statement.Action)).not.toContain("dynamodb:PutItem");
    expect(asList(statement.Action)).toContain("dynamodb:Query");
  });

  test("ecrPull: an authorization token, then pulls of the listed repositories only", () => {
    const [token, pull] = statements(EndpointPolicy.ecrPull(["arn:aws:ecr:us-east-1:111111111111:repository/api"]));
    expect(token).toMatchObject({ Action: "ecr:GetAuthorizationToken", Resource: "*" });
    expect(pull.Action).toEqual(["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability"]);
    expect(pull.Resource).toBe("arn:aws:ecr:us-east-1:111111111111:repository/api");
  });

  test("ecrImageLayers: reads from the region's starport layer bucket, for any caller (the URLs are ECR's presigned ones)", () => {
    const [layers, own] = statements(EndpointPolicy.ecrImageLayers({ organizationId: ORG, bucketNames: ["a-bucket"] }), "eu-west-1");
    expect(layers).toMatchObject({ Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::prod-eu-west-1-starport-layer-bucket/*" });
    expect(layers.Condition).toBeUndefined();
    expect(own.Condition).toEqual({ StringEquals: { "aws:PrincipalOrgID": ORG } });
  });

  test("logGroups and kmsKeys: only the listed resources, no administration", () => {
    const [logs] = statements(EndpointPolicy.logGroups(["arn:aws:logs:us-east-1:111111111111:log-group:/app"]));
    expect(logs.Resource).toEqual([
      "arn:aws:logs:us-east-1:111111111111:log-group:/app",
      "arn:aws:logs:us-east-1:111111111111:log-group:/app:log-stream:*",
    ]);
    const [kms] = statements(EndpointPolicy.kmsKeys(["arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab"]));
    expect(asList(kms.Action).every((a) => !/Delete|Schedule|Put|Create/.test(a))).toBe(true);
    expect(
      asList(
        statements(EndpointPolicy.kmsKeys(["arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab"], { readOnly: true }))[0]
          .Action,
      ),
    ).toEqual(["kms:Decrypt", "kms:DescribeKey"]);
  });

  test("logGroups takes a group-name prefix (log-group:/app/*), as IAM does, and the console's ':*' suffix; fails when the prefix is no group name", () => {
    const [logs] = statements(
      EndpointPolicy.logGroups([
        "arn:aws:logs:us-east-1:111111111111:log-group:/app/*",
        "arn:aws:logs:us-east-1:111111111111:log-group:/jobs/*:*",
        "arn:aws:logs:us-east-1:111111111111:log-group:/audit:*",
      ]),
    );
    expect(logs.Resource).toEqual([
      "arn:aws:logs:us-east-1:111111111111:log-group:/app/*",
      "arn:aws:logs:us-east-1:111111111111:log-group:/app/*:log-stream:*",
      "arn:aws:logs:us-east-1:111111111111:log-group:/jobs/*",
      "arn:aws:logs:us-east-1:111111111111:log-group:/jobs/*:log-stream:*",
      "arn:aws:logs:us-east-1:111111111111:log-group:/audit",
      "arn:aws:logs:us-east-1:111111111111:log-group:/audit:log-stream:*",
    ]);
    const bad = "arn:aws:logs:us-east-1:111111111111:log-group:/a pp/*";
    expectValidationError(() => EndpointPolicy.logGroups([bad]).render(scope(), "policy", "us-east-1"), "policy.logGroupArns[0]", bad);
  });

  test("readOnly: Describe, Get and List actions of one service", () => {
    const [statement] = statements(EndpointPolicy.readOnly("sqs", { principals: [PolicyPrincipal.account("111111111111")] }));
    expect(statement).toMatchObject({ Action: ["sqs:Describe*", "sqs:Get*", "sqs:List*"], Principal: { AWS: "111111111111" } });
  });

  test("allowAll renders nothing (AWS's default) and says so", () => {
    expect(EndpointPolicy.allowAll().render(scope(), "policy", "us-east-1")).toBeUndefined();
    expect(EndpointPolicy.allowAll().isAllowAll).toBe(true);
    expect(EndpointPolicy.organizationOnly(ORG).isAllowAll).toBe(false);
  });

  test("custom statements with principals", () => {
    const policy = EndpointPolicy.fromStatements(
      new PolicyStatement({ actions: ["sts:AssumeRole"], principals: [PolicyPrincipal.account("222222222222")] }),
    );
    expect(statements(policy)[0]).toMatchObject({ Action: "sts:AssumeRole", Principal: { AWS: "222222222222" } });
  });

  test("fails when a statement has no principal", () => {
    const policy = EndpointPolicy.fromStatements(new PolicyStatement({ actions: ["sts:AssumeRole"] }));
    expectValidationError(() => policy.render(scope(), "policy", "us-east-1"), "policy.statements[0].principals", "undefined");
  });

  test("fails when the rendered policy is over 20,480 characters", () => {
    const policy = EndpointPolicy.logGroups(
      Array.from({ length: 300 }, (_, i) => `arn:aws:logs:us-east-1:111111111111:log-group:/applications/group-${i}`),
    );
    const error = expectValidationError(() => policy.render(scope(), "policy", "us-east-1"), "policy", /^"a policy of \d+ characters"$/);
    expect(error.expected).toBe("at most 20480 characters");
  });

  test("fails when the organization ID is malformed", () => {
    expectValidationError(
      () => EndpointPolicy.s3Buckets(["a-bucket"], { organizationId: "o-UPPER" }).render(scope(), "policy", "us-east-1"),
      "policy.organizationId",
      "o-UPPER",
    );
  });

  test("fails when a preset is written for another service than the endpoint's (it would deny every request)", () => {
    const KEY = "arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    const TABLE = "arn:aws:dynamodb:us-east-1:111111111111:table/orders";
    const render = (policy: EndpointPolicy, service: string) => () => policy.render(scope(), "policy", "us-east-1", service);
    expectValidationError(render(EndpointPolicy.kmsKeys([KEY]), "logs"), "policy", "EndpointPolicy.kmsKeys");
    expectValidationError(render(EndpointPolicy.kmsKeys([KEY]), "s3"), "policy", "EndpointPolicy.kmsKeys");
    expectValidationError(render(EndpointPolicy.s3Buckets(["app-data"]), "dynamodb"), "policy", "EndpointPolicy.s3Buckets");
    expectValidationError(render(EndpointPolicy.s3Buckets(["app-data"]), "s3express"), "policy", "EndpointPolicy.s3Buckets");
    expectValidationError(render(EndpointPolicy.dynamoDbTables([TABLE]), "s3"), "policy", "EndpointPolicy.dynamoDbTables");
    expect(render(EndpointPolicy.kmsKeys([KEY]), "kms-fips")).not.toThrow();
    expect(render(EndpointPolicy.ecrPull(["arn:aws:ecr:us-east-1:111111111111:repository/app"]), "ecr.dkr")).not.toThrow();
    expect(render(EndpointPolicy.organizationOnly(ORG), "logs")).not.toThrow();
  });

  test("fails when organizationOnly is given no organization ID (a JavaScript caller's), which would render AWS's allow-all", () => {
    const policy = EndpointPolicy.organizationOnly(undefined as unknown as string);
    expectValidationError(() => policy.render(scope(), "policy", "us-east-1", "logs"), "policy.organizationId", "undefined");
  });

  test('fails when readOnly or awsManagedBuckets is no boolean (a JavaScript caller\'s "yes" would grant writes)', () => {
    const TABLE = "arn:aws:dynamodb:us-east-1:111111111111:table/orders";
    const yes = "yes" as unknown as boolean;
    expectValidationError(
      () => EndpointPolicy.dynamoDbTables([TABLE], { readOnly: yes }).render(scope(), "policy", "us-east-1"),
      "policy.readOnly",
      '"yes"',
    );
    expectValidationError(
      () => EndpointPolicy.s3Buckets(["app-data"], { awsManagedBuckets: yes }).render(scope(), "policy", "us-east-1"),
      "policy.awsManagedBuckets",
      '"yes"',
    );
  });

  test("fails when readOnly names another endpoint service's IAM prefix (it would deny every request)", () => {
    const render = (prefix: string, service: string) => () => EndpointPolicy.readOnly(prefix).render(scope(), "policy", "us-east-1", service);
    expectValidationError(render("s3", "logs"), "policy.iamPrefix", '"s3"');
    expectValidationError(render("sqs", "sns"), "policy.iamPrefix", '"sqs"');
    // Prefixes of the service's own labels, and prefixes that name no endpoint service, fit.
    expect(render("sqs", "sqs-fips")).not.toThrow();
    expect(render("codecommit", "git-codecommit")).not.toThrow();
    expect(render("ecs", "ecs-agent")).not.toThrow();
    expect(render("cloudwatch", "monitoring")).not.toThrow();
  });

  test("fails when no action fromStatements allows passes through the endpoint's service (it would deny every request)", () => {
    const statement = (...actions: string[]) => new PolicyStatement({ actions, principals: [PolicyPrincipal.anyone()] });
    const render =
      (service: string, ...statements: PolicyStatement[]) =>
      () =>
        EndpointPolicy.fromStatements(...statements).render(scope(), "policy", "us-east-1", service);
    expectValidationError(render("logs", statement("s3:GetObject", "kms:Decrypt")), "policy.statements", "s3:GetObject");
    // One fitting action is enough (CodeArtifact policies list sts:GetServiceBearerToken beside codeartifact:*), and "*" fits.
    expect(render("logs", statement("logs:PutLogEvents"), statement("s3:GetObject"))).not.toThrow();
    expect(render("logs", statement("*"))).not.toThrow();
    expect(render("execute-api", statement("execute-api:Invoke"))).not.toThrow();
  });
});
