import { Testing } from "cdktf";
import { Construct } from "constructs";
import { PolicyDocument, PolicyPrincipal, PolicyStatement, ValidationError } from "../../modules/core";
import { expectValidationError, testApp } from "../helpers";

const scope = (): Construct => new Construct(Testing.stubVersion(testApp()), "Endpoint");
const resourcePolicy = { requirePrincipal: true, maxCharacters: 20480 };

describe("PolicyDocument", () => {
  test("renders IAM JSON with merged principals, single values unwrapped", () => {
    const document = new PolicyDocument([
      new PolicyStatement({
        sid: "ReadBucket",
        actions: ["s3:GetObject"],
        resources: ["arn:aws:s3:::reports/*"],
        principals: [PolicyPrincipal.account("111111111111"), PolicyPrincipal.arn("arn:aws:iam::222222222222:role/reader")],
        conditions: { StringEquals: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } },
      }),
    ]);
    expect(JSON.parse(document.render(scope(), "policy", resourcePolicy))).toEqual({
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "ReadBucket",
          Effect: "Allow",
          Principal: { AWS: ["111111111111", "arn:aws:iam::222222222222:role/reader"] },
          Action: "s3:GetObject",
          Resource: "arn:aws:s3:::reports/*",
          Condition: { StringEquals: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } },
        },
      ],
    });
  });

  test("renders Principal * when anyone is among the principals", () => {
    const document = new PolicyDocument([
      new PolicyStatement({
        actions: ["s3:*"],
        principals: [PolicyPrincipal.anyone()],
        conditions: { StringEquals: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } },
      }),
    ]);
    expect(JSON.parse(document.render(scope(), "policy", resourcePolicy)).Statement[0].Principal).toBe("*");
  });

  test("fails when a resource-policy statement has no principal", () => {
    const document = new PolicyDocument([new PolicyStatement({ actions: ["s3:GetObject"] })]);
    expect(() => document.render(scope(), "policy", resourcePolicy)).toThrow(
      /Endpoint: invalid policy.statements\[0\].principals: received undefined; expected a principal/,
    );
  });

  test("fails when the document is empty or a statement has no action", () => {
    expect(() => new PolicyDocument().render(scope(), "policy", resourcePolicy)).toThrow(ValidationError);
    const noAction = new PolicyDocument([new PolicyStatement({ actions: [], principals: [PolicyPrincipal.anyone()] })]);
    expect(() => noAction.render(scope(), "policy", resourcePolicy)).toThrow(/statements\[0\].actions/);
  });

  test("fails when the rendered policy is longer than allowed", () => {
    const resources = Array.from({ length: 600 }, (_, i) => `arn:aws:s3:::bucket-number-${i}/*`);
    const document = new PolicyDocument([
      new PolicyStatement({ actions: ["s3:GetObject"], resources, principals: [PolicyPrincipal.account("111111111111")] }),
    ]);
    expect(() => document.render(scope(), "policy", resourcePolicy)).toThrow(/expected at most 20480 characters/);
  });

  test("fails when a principal is malformed", () => {
    const badAccount = new PolicyDocument([new PolicyStatement({ actions: ["s3:GetObject"], principals: [PolicyPrincipal.account("1234")] })]);
    expect(() => badAccount.render(scope(), "policy", resourcePolicy)).toThrow(/received "1234"; expected a 12-digit AWS account ID/);
    const badArn = new PolicyDocument([new PolicyStatement({ actions: ["s3:GetObject"], principals: [PolicyPrincipal.arn("arn:aws:s3:::bucket")] })]);
    expect(() => badArn.render(scope(), "policy", resourcePolicy)).toThrow(/expected an IAM role or user ARN/);
  });

  test("fails when Principal * has no condition and the use forbids it", () => {
    const document = new PolicyDocument([new PolicyStatement({ actions: ["vpc-lattice-svcs:Invoke"], principals: [PolicyPrincipal.anyone()] })]);
    expect(() => document.render(scope(), "authPolicy", { requirePrincipal: true, forbidUnconditionalAnyone: true })).toThrow(
      /authPolicy.statements\[0\].principals: received "\*"/,
    );
    expect(() => document.render(scope(), "authPolicy", { requirePrincipal: true })).not.toThrow();
  });
  test("fails when a condition operator has no keys, or a key no values: it narrows nothing, and Principal * would pass as conditional", () => {
    const anyone = (conditions: Record<string, Record<string, string | string[]>>) =>
      new PolicyDocument([new PolicyStatement({ actions: ["vpc-lattice-svcs:Invoke"], principals: [PolicyPrincipal.anyone()], conditions })]);
    const render = (conditions: Record<string, Record<string, string | string[]>>) => () =>
      anyone(conditions).render(scope(), "authPolicy", { requirePrincipal: true, forbidUnconditionalAnyone: true });
    const empty = expectValidationError(render({ StringEquals: {} }), "authPolicy.statements[0].conditions.StringEquals", "{}");
    expect(empty.expected).toBe("at least one condition key with a value");
    expectValidationError(render({ Null: {} }), "authPolicy.statements[0].conditions.Null", "{}");
    expectValidationError(
      render({ StringEquals: { "aws:PrincipalOrgID": [] } }),
      "authPolicy.statements[0].conditions.StringEquals",
      "aws:PrincipalOrgID",
    );
    const statement = (conditions: Record<string, Record<string, string[]>>) =>
      new PolicyStatement({ actions: ["vpc-lattice-svcs:Invoke"], principals: [PolicyPrincipal.anyone()], conditions });
    expect(statement({ StringEquals: { "aws:PrincipalOrgID": [] } }).isUnconditionalAnyone).toBe(true);
    expect(statement({ Null: {} }).isUnconditionalAnyone).toBe(true);
    expect(statement({ StringEquals: { "aws:PrincipalOrgID": ["o-a1b2c3d4e5"] } }).isUnconditionalAnyone).toBe(false);
    // The neighbour: a key with a value is a condition.
    expect(render({ StringEquals: { "aws:PrincipalOrgID": ["o-a1b2c3d4e5"] } })).not.toThrow();
    expect(render({ Null: { "aws:PrincipalOrgID": "false" } })).not.toThrow();
  });

  test("fails when a condition operator is none of IAM's (StringEqual), naming the one meant", () => {
    const render = (operator: string) => () =>
      new PolicyDocument([
        new PolicyStatement({
          actions: ["s3:GetObject"],
          principals: [PolicyPrincipal.anyone()],
          conditions: { [operator]: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } },
        }),
      ]).render(scope(), "policy", resourcePolicy);
    const error = expectValidationError(render("StringEqual"), "policy.statements[0].conditions", "StringEqual");
    expect(error.expected).toContain("did you mean StringEquals?");
    expectValidationError(render("ForAnyValues:StringLike"), "policy.statements[0].conditions", "ForAnyValues:StringLike");
    expectValidationError(render("NullIfExists"), "policy.statements[0].conditions", "NullIfExists");
    for (const operator of [
      "StringEquals",
      "ForAnyValue:StringLike",
      "ForAllValues:ArnLikeIfExists",
      "NumericLessThanEquals",
      "DateGreaterThanIfExists",
      "Bool",
      "Null",
      "IpAddress",
      "NotIpAddress",
      "BinaryEquals",
    ])
      expect(render(operator)).not.toThrow();
  });

  test("fails when a statement's resources are an empty list, which IAM refuses (leave resources out for *)", () => {
    const render = (resources?: string[]) => () =>
      new PolicyDocument([
        new PolicyStatement({ actions: ["s3:GetObject"], resources, principals: [PolicyPrincipal.account("111111111111")] }),
      ]).render(scope(), "policy", resourcePolicy);
    const error = expectValidationError(render([]), "policy.statements[0].resources", "[]");
    expect(error.expected).toBe('at least one resource, or leave resources out for "*"');
    expect(render()).not.toThrow();
    expect(render(["arn:aws:s3:::reports/*"])).not.toThrow();
  });
});
