import { Testing, TerraformStack } from "cdktf";
import { PolicyPrincipal, PolicyStatement } from "../../modules/core";
import { EndpointPolicy } from "../../modules/endpoints";
import { expectValidationError } from "../helpers";
import { ORG } from "./helpers";

interface Statement {
  Sid?: string;
  Effect: string;
  Principal: unknown;
  Action: string | string[];
  Resource: string | string[];
  Condition?: Record<string, Record<string, unknown>>;
}

const scope = (): TerraformStack => new TerraformStack(Testing.app(), "test");
const statements = (policy: EndpointPolicy, region = "us-east-1"): Statement[] => JSON.parse(policy.render(scope(), "policy", region)!).Statement;
const asList = (value: string | string[]): string[] => (Array.isArray(value) ? value : [value]);

describe("EndpointPolicy presets", () => {
  test("organizationOnly: everything, but only for principals of the organization", () => {
    const [statement] = statements(EndpointPolicy.organizationOnly(ORG));
    expect(statement).toMatchObject({ Effect: "Allow", Principal: "*", Action: "*", Condition: { StringEquals: { "aws:PrincipalOrgID": ORG } } });
  });

  test("s3Buckets: list on the buckets, object actions on their keys, nothing else; read-only drops writes", () => {
    const all = statements(EndpointPolicy.s3Buckets(["a-bucket", "b-bucket"], { organizationId: ORG }));
    expect(all.map((s) => s.Resource)).toEqual([
      ["arn:aws:s3:::a-bucket", "arn:aws:s3:::b-bucket"],
      ["arn:aws:s3:::a-bucket/*", "arn:aws:s3:::b-bucket/*"],
    ]);
    expect(all.every((s) => s.Condition?.StringEquals["aws:PrincipalOrgID"] === ORG)).toBe(true);
    expect(asList(statements(EndpointPolicy.s3Buckets(["a-bucket"], { readOnly: true }))[1].Action)).toEqual(["s3:GetObject"]);
  });

  test("ARNs follow the partition of the endpoint's region", () => {
    expect(statements(EndpointPolicy.s3Buckets(["a-bucket"]), "cn-north-1")[0].Resource).toBe("arn:aws-cn:s3:::a-bucket");
  });

  test("dynamoDbTables: item actions on the tables and their indexes", () => {
    const [statement] = statements(EndpointPolicy.dynamoDbTables(["arn:aws:dynamodb:us-east-1:111111111111:table/orders"], { readOnly: true }));
    expect(statement.Resource).toEqual(["arn:aws:dynamodb:us-east-1:111111111111:table/orders", "arn:aws:dynamodb:us-east-1:111111111111:table/orders/index/*"]);
    expect(asList(statement.Action)).not.toContain("dynamodb:PutItem");
    expect(asList(statement.Action)).toContain("dynamodb:Query");
  });

  test("ecrPull: an authorization token, then pulls of the listed repositories only", () => {
    const [token, pull] = statements(EndpointPolicy.ecrPull(["arn:aws:ecr:us-east-1:111111111111:repository/api"]));
    expect(token).toMatchObject({ Action: "ecr:GetAuthorizationToken", Resource: "*" });
    expect(pull.Action).toEqual(["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability"]);
    expect(pull.Resource).toBe("arn:aws:ecr:us-east-1:111111111111:repository/api");
  });

  test("ecrImageLayers: reads from the region's starport layer bucket", () => {
    const [layers] = statements(EndpointPolicy.ecrImageLayers(), "eu-west-1");
    expect(layers).toMatchObject({ Action: "s3:GetObject", Resource: "arn:aws:s3:::prod-eu-west-1-starport-layer-bucket/*" });
  });

  test("logGroups and kmsKeys: only the listed resources, no administration", () => {
    const [logs] = statements(EndpointPolicy.logGroups(["arn:aws:logs:us-east-1:111111111111:log-group:/app"]));
    expect(logs.Resource).toEqual(["arn:aws:logs:us-east-1:111111111111:log-group:/app", "arn:aws:logs:us-east-1:111111111111:log-group:/app:log-stream:*"]);
    const [kms] = statements(EndpointPolicy.kmsKeys(["arn:aws:kms:us-east-1:111111111111:key/k"]));
    expect(asList(kms.Action).every((a) => !/Delete|Schedule|Put|Create/.test(a))).toBe(true);
    expect(asList(statements(EndpointPolicy.kmsKeys(["arn:aws:kms:us-east-1:111111111111:key/k"], { readOnly: true }))[0].Action)).toEqual(["kms:Decrypt", "kms:DescribeKey"]);
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
    const policy = EndpointPolicy.fromStatements(new PolicyStatement({ actions: ["sts:AssumeRole"], principals: [PolicyPrincipal.account("222222222222")] }));
    expect(statements(policy)[0]).toMatchObject({ Action: "sts:AssumeRole", Principal: { AWS: "222222222222" } });
  });

  test("fails when a statement has no principal", () => {
    const policy = EndpointPolicy.fromStatements(new PolicyStatement({ actions: ["sts:AssumeRole"] }));
    expectValidationError(() => policy.render(scope(), "policy", "us-east-1"), "policy.statements[0].principals", "undefined");
  });

  test("fails when the rendered policy is over 20,480 characters", () => {
    const policy = EndpointPolicy.logGroups(Array.from({ length: 300 }, (_, i) => `arn:aws:logs:us-east-1:111111111111:log-group:/applications/group-${i}`));
    const error = expectValidationError(() => policy.render(scope(), "policy", "us-east-1"), "policy", /^"a policy of \d+ characters"$/);
    expect(error.expected).toBe("at most 20480 characters");
  });

  test("fails when the organization ID is malformed", () => {
    expectValidationError(() => EndpointPolicy.s3Buckets(["a-bucket"], { organizationId: "o-UPPER" }).render(scope(), "policy", "us-east-1"), "policy.organizationId", "o-UPPER");
  });
});
