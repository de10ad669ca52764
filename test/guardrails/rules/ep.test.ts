import { Fn, TerraformStack } from "cdktf";
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { VpcEndpoint } from "@cdktf/provider-aws/lib/vpc-endpoint";
import { VpcEndpointPolicy } from "@cdktf/provider-aws/lib/vpc-endpoint-policy";
import { VpcEndpointSecurityGroupAssociation } from "@cdktf/provider-aws/lib/vpc-endpoint-security-group-association";
import {
  InterfaceEndpointSecurityGroup,
  VpcEndpointPolicyDefined,
  VpcEndpointPolicyNotAllowAll,
  VpcEndpointTypeExplicit,
} from "../../../modules/guardrails";
import { ruleCases } from "../rule-cases";

const S3 = "com.amazonaws.us-east-1.s3";
const READ_ONE_BUCKET = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::example-bucket/*" }],
});
const ALLOW_ALL = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "*", Resource: "*" }] });

type EndpointConfig = Partial<ConstructorParameters<typeof VpcEndpoint>[2]>;
const endpoint = (stack: TerraformStack, config: EndpointConfig, id = "Endpoint") =>
  new VpcEndpoint(stack, id, { vpcId: "vpc-0123456789abcdef0", serviceName: S3, vpcEndpointType: "Gateway", ...config });

ruleCases(VpcEndpointTypeExplicit, {
  compliant: [{ name: "explicit Gateway type", build: (s) => endpoint(s, { policy: READ_ONE_BUCKET }) }],
  nonCompliant: [
    {
      name: "no vpc_endpoint_type",
      on: "aws_vpc_endpoint",
      message: "defaults to Gateway",
      build: (s) => endpoint(s, { vpcEndpointType: undefined }),
    },
  ],
});

ruleCases(VpcEndpointPolicyDefined, {
  compliant: [
    { name: "inline policy", build: (s) => endpoint(s, { policy: READ_ONE_BUCKET }) },
    {
      name: "separate aws_vpc_endpoint_policy",
      build: (s) => new VpcEndpointPolicy(s, "Policy", { vpcEndpointId: endpoint(s, {}).id, policy: READ_ONE_BUCKET }),
    },
    {
      name: "endpoint service (AWS ignores policies)",
      build: (s) => endpoint(s, { vpcEndpointType: "Interface", serviceName: "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0" }),
    },
    { name: "computed service name", build: (s) => endpoint(s, { serviceName: "${var.service}" }) },
  ],
  nonCompliant: [
    { name: "gateway endpoint without policy", on: "aws_vpc_endpoint", message: "has no policy", build: (s) => endpoint(s, {}) },
    {
      name: "policy resource for another endpoint",
      on: "aws_vpc_endpoint",
      message: S3,
      build: (s) => {
        endpoint(s, {});
        new VpcEndpointPolicy(s, "Policy", { vpcEndpointId: endpoint(s, { policy: READ_ONE_BUCKET }, "Other").id, policy: READ_ONE_BUCKET });
      },
    },
  ],
});

ruleCases(VpcEndpointPolicyNotAllowAll, {
  compliant: [
    { name: "one bucket", build: (s) => endpoint(s, { policy: READ_ONE_BUCKET }) },
    {
      name: "all actions with an organization condition",
      build: (s) =>
        endpoint(s, {
          policy: JSON.stringify({
            Statement: [
              { Effect: "Allow", Principal: "*", Action: "*", Resource: "*", Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abcdefghij" } } },
            ],
          }),
        }),
    },
    { name: "computed policy", build: (s) => endpoint(s, { policy: "${jsonencode(var.policy)}" }) },
    {
      name: "a data.aws_iam_policy_document of one bucket",
      build: (s) =>
        endpoint(s, {
          policy: new DataAwsIamPolicyDocument(s, "OneBucket", {
            statement: [{ principals: [{ type: "*", identifiers: ["*"] }], actions: ["s3:GetObject"], resources: ["arn:aws:s3:::example-bucket/*"] }],
          }).json,
        }),
    },
    {
      name: "a data.aws_iam_policy_document whose own statement replaces a source document's allow-all by Sid",
      build: (s) =>
        endpoint(s, {
          policy: new DataAwsIamPolicyDocument(s, "Replaced", {
            sourcePolicyDocuments: [JSON.stringify({ Statement: [{ Sid: "Main", Effect: "Allow", Principal: "*", Action: "*", Resource: "*" }] })],
            statement: [
              {
                sid: "Main",
                principals: [{ type: "*", identifiers: ["*"] }],
                actions: ["s3:GetObject"],
                resources: ["arn:aws:s3:::example-bucket/*"],
              },
            ],
          }).json,
        }),
    },
    {
      name: "a data.aws_iam_policy_document allow-all with an organization condition block",
      build: (s) =>
        endpoint(s, {
          policy: new DataAwsIamPolicyDocument(s, "Org", {
            statement: [
              {
                principals: [{ type: "*", identifiers: ["*"] }],
                actions: ["*"],
                resources: ["*"],
                condition: [{ test: "StringEquals", variable: "aws:PrincipalOrgID", values: ["o-abcdefghij"] }],
              },
            ],
          }).json,
        }),
    },
  ],
  nonCompliant: [
    { name: "inline allow-all", on: "aws_vpc_endpoint", message: 'Principal "*"', build: (s) => endpoint(s, { policy: ALLOW_ALL }) },
    {
      name: "allow-all whose condition operator names no key (it narrows nothing)",
      on: "aws_vpc_endpoint",
      message: 'Principal "*"',
      build: (s) =>
        endpoint(s, {
          policy: JSON.stringify({ Statement: [{ Effect: "Allow", Principal: "*", Action: "*", Resource: "*", Condition: { StringEquals: {} } }] }),
        }),
    },
    {
      name: "allow-all with AWS * principal in aws_vpc_endpoint_policy",
      on: "aws_vpc_endpoint_policy",
      message: "every action",
      build: (s) =>
        new VpcEndpointPolicy(s, "Policy", {
          vpcEndpointId: endpoint(s, { policy: READ_ONE_BUCKET }).id,
          policy: JSON.stringify({ Statement: { Effect: "Allow", Principal: { AWS: "*" }, Action: "s3:*" } }),
        }),
    },
    {
      name: "allow-all written with Fn.jsonencode (fails when only JSON strings are read)",
      on: "aws_vpc_endpoint",
      message: "every action",
      build: (s) => endpoint(s, { policy: Fn.jsonencode({ Statement: [{ Effect: "Allow", Principal: "*", Action: "*", Resource: "*" }] }) }),
    },
    {
      name: "an Allow of every action but one, by NotAction (fails when only Action is read)",
      on: "aws_vpc_endpoint",
      message: "every action",
      build: (s) =>
        endpoint(s, { policy: JSON.stringify({ Statement: [{ Effect: "Allow", Principal: "*", NotAction: "s3:DeleteBucket", Resource: "*" }] }) }),
    },
    {
      name: "allow-all from a data.aws_iam_policy_document (fails when its json is taken as unknown)",
      on: "aws_vpc_endpoint",
      message: "every action",
      build: (s) =>
        endpoint(s, {
          policy: new DataAwsIamPolicyDocument(s, "AllowAll", {
            statement: [{ principals: [{ type: "*", identifiers: ["*"] }], actions: ["*"], resources: ["*"] }],
          }).json,
        }),
    },
    {
      name: "allow-all from a data.aws_iam_policy_document's minified_json (fails when only its json is followed)",
      on: "aws_vpc_endpoint",
      message: "every action",
      build: (s) =>
        endpoint(s, {
          policy: new DataAwsIamPolicyDocument(s, "AllowAll", {
            statement: [{ principals: [{ type: "*", identifiers: ["*"] }], actions: ["*"], resources: ["*"] }],
          }).minifiedJson,
        }),
    },
    {
      name: "allow-all merged into a data.aws_iam_policy_document from source_policy_documents (fails when only its statements are read)",
      on: "aws_vpc_endpoint",
      message: "every action",
      build: (s) =>
        endpoint(s, {
          policy: new DataAwsIamPolicyDocument(s, "Merged", {
            sourcePolicyDocuments: [ALLOW_ALL],
            statement: [{ principals: [{ type: "*", identifiers: ["*"] }], actions: ["s3:GetObject"], resources: ["arn:aws:s3:::example-bucket/*"] }],
          }).json,
        }),
    },
    {
      name: "a data.aws_iam_policy_document allow-all whose condition block has no values (it narrows nothing)",
      on: "aws_vpc_endpoint",
      message: "every action",
      build: (s) =>
        endpoint(s, {
          policy: new DataAwsIamPolicyDocument(s, "EmptyCondition", {
            statement: [
              {
                principals: [{ type: "*", identifiers: ["*"] }],
                actions: ["*"],
                resources: ["*"],
                condition: [{ test: "StringEquals", variable: "aws:PrincipalOrgID", values: [] }],
              },
            ],
          }).json,
        }),
    },
    {
      name: "a whole service in capitals (fails when actions are matched case-sensitively, as IAM does not)",
      on: "aws_vpc_endpoint",
      message: "every action",
      build: (s) => endpoint(s, { policy: JSON.stringify({ Statement: [{ Effect: "Allow", Principal: "*", Action: "LOGS:*", Resource: "*" }] }) }),
    },
  ],
});

const interfaceEndpoint = (s: TerraformStack, config: EndpointConfig = {}) =>
  endpoint(s, { vpcEndpointType: "Interface", serviceName: "com.amazonaws.us-east-1.logs", policy: READ_ONE_BUCKET, ...config });

ruleCases(InterfaceEndpointSecurityGroup, {
  compliant: [
    { name: "interface endpoint with a group", build: (s) => interfaceEndpoint(s, { securityGroupIds: ["sg-0123456789abcdef0"] }) },
    {
      name: "group attached by aws_vpc_endpoint_security_group_association",
      build: (s) =>
        new VpcEndpointSecurityGroupAssociation(s, "Sg", { vpcEndpointId: interfaceEndpoint(s).id, securityGroupId: "sg-0123456789abcdef0" }),
    },
    { name: "gateway endpoint (no interfaces)", build: (s) => endpoint(s, { policy: READ_ONE_BUCKET }) },
  ],
  nonCompliant: [
    { name: "interface endpoint without groups", on: "aws_vpc_endpoint", message: "default security group", build: (s) => interfaceEndpoint(s) },
    {
      name: "service network endpoint with an empty list",
      on: "aws_vpc_endpoint",
      message: "ServiceNetwork",
      build: (s) =>
        endpoint(s, {
          vpcEndpointType: "ServiceNetwork",
          serviceName: undefined,
          serviceNetworkArn: "arn:aws:vpc-lattice:us-east-1:111111111111:servicenetwork/sn-0123456789abcdef0",
          securityGroupIds: [],
        }),
    },
  ],
});
