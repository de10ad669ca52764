import { Fn, TerraformStack } from "cdktf";
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { VpcEndpoint } from "@cdktf/provider-aws/lib/vpc-endpoint";
import { VpcEndpointPolicy } from "@cdktf/provider-aws/lib/vpc-endpoint-policy";
import { VpcEndpointSecurityGroupAssociation } from "@cdktf/provider-aws/lib/vpc-endpoint-security-group-association";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { AwsService, EndpointPolicy, InterfaceEndpoint } from "../../../modules/endpoints";
import { Peer, Vpc } from "../../../modules/vpc";
import {
  EndpointAdmitsNoClient,
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

/** A KMS interface endpoint of the library in a new VPC: `open` as given. */
const kmsEndpoint = (stack: TerraformStack, open?: boolean) =>
  new InterfaceEndpoint(stack, "Kms", {
    vpc: new Vpc(stack, "Vpc", { name: "app", cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] }),
    service: AwsService.KMS,
    policy: EndpointPolicy.organizationOnly("o-abcdefghij"),
    open,
  });
/** An interface endpoint of raw resources guarded by `groups`. */
const rawInterface = (stack: TerraformStack, groups: readonly string[]) =>
  endpoint(stack, { vpcEndpointType: "Interface", serviceName: "com.amazonaws.us-east-1.kms", securityGroupIds: [...groups] });
const ruleLessGroup = (stack: TerraformStack, id = "Endpoints") => new SecurityGroup(stack, id, { vpcId: "vpc-0123456789abcdef0", description: id });

ruleCases(EndpointAdmitsNoClient, {
  compliant: [
    { name: "the library's endpoint, which admits its VPC's clients", build: (s) => kmsEndpoint(s) },
    {
      name: "open: false, clients admitted through connections",
      build: (s) => kmsEndpoint(s, false).connections.allowDefaultPortFrom(Peer.cidr("10.0.0.0/16"), "App subnets"),
    },
    { name: "a group imported by ID, whose rules only AWS knows", build: (s) => rawInterface(s, ["sg-0123456789abcdef0"]) },
    {
      name: "a rule-less group beside one with an inline ingress rule",
      build: (s) => {
        const admitting = new SecurityGroup(s, "Admitting", {
          vpcId: "vpc-0123456789abcdef0",
          description: "Admitting",
          ingress: [{ fromPort: 443, toPort: 443, protocol: "tcp", cidrBlocks: ["10.0.0.0/16"], description: "App" }],
        });
        rawInterface(s, [ruleLessGroup(s).id, admitting.id]);
      },
    },
    {
      name: "a group added by an association, admitting the clients by a rule resource",
      build: (s) => {
        const added = ruleLessGroup(s, "Added");
        new VpcSecurityGroupIngressRule(s, "Https", {
          securityGroupId: added.id,
          cidrIpv4: "10.0.0.0/16",
          ipProtocol: "tcp",
          fromPort: 443,
          toPort: 443,
        });
        new VpcEndpointSecurityGroupAssociation(s, "Association", {
          vpcEndpointId: rawInterface(s, [ruleLessGroup(s).id]).id,
          securityGroupId: added.id,
        });
      },
    },
    { name: "a gateway endpoint (no network interfaces)", build: (s) => endpoint(s, { policy: READ_ONE_BUCKET }) },
  ],
  nonCompliant: [
    {
      name: "the library's endpoint with open: false and nobody admitted afterwards",
      on: "aws_vpc_endpoint",
      message: "have no ingress rule: no client reaches the endpoint",
      build: (s) => kmsEndpoint(s, false),
    },
    {
      name: "a raw interface endpoint whose only group has no rule",
      on: "aws_vpc_endpoint",
      message: "Interface endpoint's security groups aws_security_group.Endpoints have no ingress rule",
      build: (s) => rawInterface(s, [ruleLessGroup(s).id]),
    },
    {
      name: "a rule-less group added by an association to a rule-less endpoint group",
      on: "aws_vpc_endpoint",
      message: "aws_security_group.Endpoints, aws_security_group.Added",
      build: (s) =>
        new VpcEndpointSecurityGroupAssociation(s, "Association", {
          vpcEndpointId: rawInterface(s, [ruleLessGroup(s).id]).id,
          securityGroupId: ruleLessGroup(s, "Added").id,
        }),
    },
  ],
});
