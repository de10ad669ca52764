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
  test("organizationOnly: everything, but only for principals of the organization and AWS service principals (AWS's data perimeter policy)", () => {
    expect(statements(EndpointPolicy.organizationOnly(ORG))).toEqual([
      {
        Sid: "OrganizationPrincipalsOnly",
        Effect: "Allow",
        Principal: "*",
        Action: "*",
        Resource: "*",
        Condition: { StringEquals: { "aws:PrincipalOrgID": ORG } },
      },
      // Service principals carry no aws:PrincipalOrgID: without this, what an AWS service signs (a presigned URL) is denied.
      {
        Sid: "AwsServicePrincipals",
        Effect: "Allow",
        Principal: "*",
        Action: "*",
        Resource: "*",
        Condition: { Bool: { "aws:PrincipalIsAWSService": "true" } },
      },
    ]);
  });

  test("organizationOnly on STS: web identity and SAML federation into the organization's roles, which no principal of the organization signs", () => {
    const [principals, services, federation, ...rest] = JSON.parse(
      EndpointPolicy.organizationOnly(ORG).render(scope(), "policy", "us-east-1", "sts")!,
    ).Statement as Statement[];
    expect(rest).toEqual([]);
    expect(principals.Condition).toEqual({ StringEquals: { "aws:PrincipalOrgID": ORG } });
    expect(services.Sid).toBe("AwsServicePrincipals");
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

  test("on a gateway endpoint, a preset's principals are conditions on Principal *: AWS matches an account there to its root user only", () => {
    const gateway = (policy: EndpointPolicy, service = "s3"): Statement[] =>
      JSON.parse(policy.render(scope(), "policy", "us-east-1", service, "Gateway")!).Statement;
    const ROLE = "arn:aws:iam::222222222222:role/app";
    const TABLE = "arn:aws:dynamodb:us-east-1:111111111111:table/orders";
    const [accounts, roles, objectsOfAccounts, objectsOfRoles, software, ...rest] = gateway(
      EndpointPolicy.s3Buckets(["a-bucket"], {
        organizationId: ORG,
        principals: [PolicyPrincipal.account("111111111111"), PolicyPrincipal.arn(ROLE), PolicyPrincipal.arn("arn:aws:iam::333333333333:root")],
      }),
    );
    expect(rest).toEqual([]);
    expect(accounts).toMatchObject({
      Sid: "ListedBucketsAccounts",
      Principal: "*",
      Resource: "arn:aws:s3:::a-bucket",
      Condition: { StringEquals: { "aws:PrincipalOrgID": ORG, "aws:PrincipalAccount": ["111111111111", "333333333333"] } },
    });
    expect(roles).toMatchObject({
      Sid: "ListedBucketsPrincipals",
      Principal: "*",
      Condition: { StringEquals: { "aws:PrincipalOrgID": ORG }, ArnEquals: { "aws:PrincipalArn": [ROLE] } },
    });
    expect([objectsOfAccounts.Sid, objectsOfRoles.Sid, software.Sid]).toEqual([
      "ObjectsOfListedBucketsAccounts",
      "ObjectsOfListedBucketsPrincipals",
      "AwsManagedInstanceSoftware",
    ]);
    // One kind of principal keeps the preset's Sid; an interface endpoint keeps the Principal element.
    const [single] = gateway(EndpointPolicy.dynamoDbTables([TABLE], { principals: [PolicyPrincipal.account("111111111111")] }), "dynamodb");
    expect(single).toMatchObject({ Sid: "ListedTables", Principal: "*", Condition: { StringEquals: { "aws:PrincipalAccount": ["111111111111"] } } });
    expect(statements(EndpointPolicy.readOnly("sqs", { principals: [PolicyPrincipal.account("111111111111")] }))[0].Principal).toEqual({
      AWS: "111111111111",
    });
    // Without principals nothing changes.
    expect(gateway(EndpointPolicy.s3Buckets(["a-bucket"], { organizationId: ORG }))).toEqual(
      statements(EndpointPolicy.s3Buckets(["a-bucket"], { organizationId: ORG })),
    );
  });

  test("fails when fromStatements names an account, role or user principal on a gateway endpoint (AWS would admit the root user only)", () => {
    const render =
      (principal: PolicyPrincipal, endpointType: "Gateway" | "Interface" = "Gateway") =>
      () =>
        EndpointPolicy.fromStatements(new PolicyStatement({ actions: ["s3:GetObject"], principals: [principal] })).render(
          scope(),
          "policy",
          "us-east-1",
          "s3",
          endpointType,
        );
    const error = expectValidationError(render(PolicyPrincipal.account("111111111111")), "policy.statements[0].principals[0]", "111111111111");
    expect(error.expected).toContain("aws:PrincipalAccount");
    const ROLE = "arn:aws:iam::111111111111:role/app";
    expectValidationError(render(PolicyPrincipal.arn(ROLE)), "policy.statements[0].principals[0]", ROLE);
    expect(render(PolicyPrincipal.account("111111111111"), "Interface")).not.toThrow();
    const byCondition = new PolicyStatement({
      actions: ["s3:GetObject"],
      principals: [PolicyPrincipal.anyone()],
      conditions: { ArnEquals: { "aws:PrincipalArn": ROLE } },
    });
    expect(() => EndpointPolicy.fromStatements(byCondition).render(scope(), "policy", "us-east-1", "s3", "Gateway")).not.toThrow();
  });

  test("fails when a statement's condition reads aws:SourceIp (any operator, any case), which no request through an endpoint carries; aws:VpcSourceIp passes", () => {
    const render =
      (conditions: Record<string, Record<string, string>>, effect: "Allow" | "Deny" = "Allow") =>
      () =>
        EndpointPolicy.fromStatements(
          new PolicyStatement({ sid: "Office", actions: ["kms:Decrypt"], principals: [PolicyPrincipal.anyone()], conditions }),
          ...(effect === "Deny"
            ? [new PolicyStatement({ sid: "Others", effect, actions: ["kms:*"], principals: [PolicyPrincipal.anyone()], conditions })]
            : []),
        ).render(scope(), "policy", "us-east-1", "kms", "Interface");
    const error = expectValidationError(
      render({ IpAddress: { "aws:SourceIp": "10.0.0.0/16" } }),
      "policy.statements[0].conditions.IpAddress",
      "aws:SourceIp",
    );
    expect(error.expected).toContain("aws:VpcSourceIp (the client's private address)");
    expectValidationError(
      render({ NotIpAddress: { "aws:sourceip": "10.0.0.0/16" } }, "Deny"),
      "policy.statements[0].conditions.NotIpAddress",
      "aws:sourceip",
    );
    const rendered = JSON.parse(render({ IpAddress: { "aws:VpcSourceIp": "10.0.0.0/16" } })() ?? "{}");
    expect(rendered.Statement[0].Condition).toEqual({ IpAddress: { "aws:VpcSourceIp": "10.0.0.0/16" } });
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
  test("fails when a preset's option is misspelled (organisationId, readonly): the narrowing it meant would be lost", () => {
    const render = (policy: EndpointPolicy) => () => policy.render(scope(), "policy", "us-east-1");
    const org = expectValidationError(
      render(EndpointPolicy.s3Buckets(["app-data"], { organisationId: ORG } as unknown as { organizationId: string })),
      "policy.organisationId",
      ORG,
    );
    expect(org.expected).toContain("did you mean organizationId?");
    const readOnly = expectValidationError(
      render(EndpointPolicy.s3Buckets(["app-data"], { readonly: true } as unknown as { readOnly: boolean })),
      "policy.readonly",
      "true",
    );
    expect(readOnly.expected).toContain("did you mean readOnly?");
    expectValidationError(
      render(EndpointPolicy.logGroups(["arn:aws:logs:us-east-1:111111111111:log-group:/app"], { readOnly: true } as never)),
      "policy.readOnly",
      "true",
    );
    expectValidationError(render(EndpointPolicy.ecrImageLayers({ buckets: ["app-data"] } as never)), "policy.buckets", "app-data");
    expectValidationError(render(EndpointPolicy.readOnly("sqs", { resource: ["*"] } as never)), "policy.resource", "*");
    // The neighbours: each preset's own options.
    expect(render(EndpointPolicy.s3Buckets(["app-data"], { organizationId: ORG, readOnly: true, awsManagedBuckets: false }))).not.toThrow();
    expect(render(EndpointPolicy.ecrImageLayers({ organizationId: ORG, bucketNames: ["app-data"] }))).not.toThrow();
    expect(render(EndpointPolicy.readOnly("sqs", { resources: ["arn:aws:sqs:us-east-1:111111111111:jobs"] }))).not.toThrow();
  });

  test("fails when fromStatements or readOnly names a resource IAM cannot match: no ARN, another partition's, another service's, or an empty list", () => {
    const statement = (actions: string[], resources?: string[]) =>
      new PolicyStatement({ actions, resources, principals: [PolicyPrincipal.account("111111111111")] });
    const render =
      (s: PolicyStatement, region = "us-east-1") =>
      () =>
        EndpointPolicy.fromStatements(s).render(scope(), "policy", region);
    expectValidationError(render(statement(["s3:GetObject"], ["bucket/*"])), "policy.statements[0].resources[0]", "bucket/*");
    const partition = expectValidationError(
      render(statement(["s3:GetObject"], ["arn:aws-cn:s3:::app-data/*"])),
      "policy.statements[0].resources[0]",
      "arn:aws-cn:s3:::app-data/*",
    );
    expect(partition.expected).toContain("arn:aws:");
    const TABLE = "arn:aws:dynamodb:us-east-1:111111111111:table/orders";
    expectValidationError(
      render(statement(["s3:GetObject", "s3:PutObject"], ["arn:aws:s3:::app-data/*", TABLE])),
      "policy.statements[0].resources[1]",
      TABLE,
    );
    expectValidationError(render(statement(["s3:GetObject"], [])), "policy.statements[0].resources", "[]");
    expectValidationError(
      () => EndpointPolicy.readOnly("sqs", { resources: [TABLE] }).render(scope(), "policy", "us-east-1"),
      "policy.resources[0]",
      TABLE,
    );
    // The neighbours: "*", ARNs with wildcards, China ARNs in China, actions of several services, and services whose actions act on others' resources.
    expect(render(statement(["s3:GetObject"], ["*"]))).not.toThrow();
    expect(render(statement(["logs:PutLogEvents"], ["arn:aws:logs:*:111111111111:log-group:/app:*"]))).not.toThrow();
    expect(render(statement(["s3:GetObject"], ["arn:aws-cn:s3:::app-data/*"]), "cn-north-1")).not.toThrow();
    expect(render(statement(["s3:GetObject", "dynamodb:GetItem"], ["arn:aws:s3:::app-data/*", TABLE]))).not.toThrow();
    expect(render(statement(["sts:AssumeRole"], ["arn:aws:iam::111111111111:role/app"]))).not.toThrow();
    expect(render(statement(["s3:GetObject"], ["arn:aws:s3-object-lambda:us-east-1:111111111111:accesspoint/olap"]))).not.toThrow();
  });

  test("fails when a principal is of another partition than the endpoint's (a China role, a China service principal in us-east-1)", () => {
    const render =
      (principal: PolicyPrincipal, region = "us-east-1") =>
      () =>
        EndpointPolicy.fromStatements(new PolicyStatement({ actions: ["s3:GetObject"], principals: [principal] })).render(scope(), "policy", region);
    const CN_ROLE = "arn:aws-cn:iam::111111111111:role/x";
    expectValidationError(render(PolicyPrincipal.arn(CN_ROLE)), "policy.statements[0].principals[0]", CN_ROLE);
    expectValidationError(render(PolicyPrincipal.service("s3.amazonaws.com.cn")), "policy.statements[0].principals[0]", "s3.amazonaws.com.cn");
    expectValidationError(
      () => EndpointPolicy.readOnly("sqs", { principals: [PolicyPrincipal.arn(CN_ROLE)] }).render(scope(), "policy", "us-east-1"),
      "policy.principals[0]",
      CN_ROLE,
    );
    expect(render(PolicyPrincipal.arn(CN_ROLE), "cn-north-1")).not.toThrow();
    expect(render(PolicyPrincipal.service("s3.amazonaws.com.cn"), "cn-north-1")).not.toThrow();
    expect(render(PolicyPrincipal.arn("arn:aws:iam::111111111111:role/x"))).not.toThrow();
    expect(render(PolicyPrincipal.service("s3.amazonaws.com"))).not.toThrow();
  });

  test("fails when every statement of fromStatements denies: every request through the endpoint would be denied", () => {
    const deny = new PolicyStatement({ effect: "Deny", actions: ["s3:DeleteObject"], principals: [PolicyPrincipal.anyone()] });
    const allow = new PolicyStatement({ actions: ["s3:GetObject"], principals: [PolicyPrincipal.account("111111111111")] });
    const error = expectValidationError(
      () => EndpointPolicy.fromStatements(deny).render(scope(), "policy", "us-east-1"),
      "policy.statements",
      "Deny",
    );
    expect(error.expected).toBe("at least one Allow statement: otherwise every request through the endpoint is denied");
    expect(() => EndpointPolicy.fromStatements(allow, deny).render(scope(), "policy", "us-east-1")).not.toThrow();
  });
});
