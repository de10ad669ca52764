import { Fn, TerraformStack } from "cdktf";
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { DataAwsEc2ManagedPrefixList } from "@cdktf/provider-aws/lib/data-aws-ec2-managed-prefix-list";
import { Instance } from "@cdktf/provider-aws/lib/instance";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { VpclatticeAccessLogSubscription } from "@cdktf/provider-aws/lib/vpclattice-access-log-subscription";
import { VpclatticeAuthPolicy } from "@cdktf/provider-aws/lib/vpclattice-auth-policy";
import { VpclatticeService } from "@cdktf/provider-aws/lib/vpclattice-service";
import { VpclatticeServiceNetwork } from "@cdktf/provider-aws/lib/vpclattice-service-network";
import { VpclatticeServiceNetworkResourceAssociation } from "@cdktf/provider-aws/lib/vpclattice-service-network-resource-association";
import { VpclatticeServiceNetworkVpcAssociation } from "@cdktf/provider-aws/lib/vpclattice-service-network-vpc-association";
import { VpclatticeTargetGroupAttachment } from "@cdktf/provider-aws/lib/vpclattice-target-group-attachment";
import {
  LatticeAuthPolicyAttached,
  LatticeAuthPolicyKeysInRequest,
  LatticeAuthPolicyNoUnconditionalAnyone,
  LatticeAuthTypeIam,
  LatticeTargetSecurityGroups,
  ServiceNetworkAccessLogs,
  ServiceNetworkVpcAssociationAdmitsNoClient,
  ServiceNetworkVpcAssociationSecurityGroups,
} from "../../../modules/guardrails";
import { AuthPolicy, ServiceNetwork } from "../../../modules/lattice";
import { Peer, Vpc } from "../../../modules/vpc";
import { ruleCases } from "../rule-cases";

const ORG_ONLY = JSON.stringify({
  Version: "2012-10-17",
  Statement: [
    {
      Effect: "Allow",
      Principal: "*",
      Action: "vpc-lattice-svcs:Invoke",
      Resource: "*",
      Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abcdefghij" } },
    },
  ],
});
const ANYONE = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: "*", Action: "vpc-lattice-svcs:Invoke", Resource: "*" }],
});

const service = (stack: TerraformStack, authType?: string) => new VpclatticeService(stack, "Service", { name: "orders", authType });
const network = (stack: TerraformStack, authType?: string) => new VpclatticeServiceNetwork(stack, "Network", { name: "shared", authType });
const authPolicy = (stack: TerraformStack, resourceIdentifier: string, policy = ORG_ONLY) =>
  new VpclatticeAuthPolicy(stack, "AuthPolicy", { resourceIdentifier, policy });

ruleCases(LatticeAuthTypeIam, {
  compliant: [{ name: "AWS_IAM service", build: (s) => authPolicy(s, service(s, "AWS_IAM").arn) }],
  nonCompliant: [
    { name: "service without auth_type", on: "aws_vpclattice_service", message: "defaults to NONE", build: (s) => service(s) },
    { name: "service network with NONE", on: "aws_vpclattice_service_network", message: "auth_type is NONE", build: (s) => network(s, "NONE") },
  ],
});

ruleCases(LatticeAuthPolicyAttached, {
  compliant: [
    { name: "policy on the service", build: (s) => authPolicy(s, service(s, "AWS_IAM").id) },
    { name: "NONE is another rule's business", build: (s) => service(s, "NONE") },
    {
      name: "a network of resource configurations only needs none (AWS applies none to them)",
      build: (s) => {
        const holder = network(s, "AWS_IAM");
        new VpclatticeServiceNetworkResourceAssociation(s, "Database", {
          serviceNetworkIdentifier: holder.arn,
          resourceConfigurationIdentifier: "arn:aws:vpc-lattice:us-east-1:111111111111:resourceconfiguration/rcfg-0123456789abcdef0",
        });
      },
    },
  ],
  nonCompliant: [
    { name: "AWS_IAM service without policy", on: "aws_vpclattice_service", message: "every request is denied", build: (s) => service(s, "AWS_IAM") },
    {
      name: "policy on another resource",
      on: "aws_vpclattice_service_network",
      message: "no aws_vpclattice_auth_policy",
      build: (s) => {
        network(s, "AWS_IAM");
        authPolicy(s, "arn:aws:vpc-lattice:us-east-1:111111111111:servicenetwork/sn-0123456789abcdef0");
      },
    },
  ],
});

ruleCases(LatticeAuthPolicyNoUnconditionalAnyone, {
  compliant: [
    { name: "anyone in the organization", build: (s) => authPolicy(s, "${aws_vpclattice_service.x.id}") },
    {
      name: "named principals",
      build: (s) =>
        authPolicy(
          s,
          "sn-0123456789abcdef0",
          JSON.stringify({
            Statement: [
              { Effect: "Allow", Principal: { AWS: ["arn:aws:iam::222222222222:root"] }, Action: "vpc-lattice-svcs:Invoke", Resource: "*" },
            ],
          }),
        ),
    },
  ],
  nonCompliant: [
    {
      name: 'Principal "*" without condition',
      on: "aws_vpclattice_auth_policy",
      message: 'Principal "*"',
      build: (s) => authPolicy(s, "sn-0123456789abcdef0", ANYONE),
    },
    {
      name: 'Principal "*" written with Fn.jsonencode (fails when only JSON strings are read)',
      on: "aws_vpclattice_auth_policy",
      message: 'Principal "*"',
      build: (s) => authPolicy(s, "sn-0123456789abcdef0", Fn.jsonencode(JSON.parse(ANYONE))),
    },
    ...[{ StringEquals: {} }, { Null: {} }, { StringEquals: { "aws:PrincipalOrgID": [] } }].map((Condition) => ({
      name: `Principal "*" with a condition that names no key with a value (${JSON.stringify(Condition)})`,
      on: "aws_vpclattice_auth_policy",
      message: 'Principal "*"',
      build: (s: TerraformStack) =>
        authPolicy(
          s,
          "sn-0123456789abcdef0",
          JSON.stringify({ Statement: [{ Effect: "Allow", Principal: "*", Action: "vpc-lattice-svcs:Invoke", Resource: "*", Condition }] }),
        ),
    })),
    {
      name: 'Principal "*" from a data.aws_iam_policy_document',
      on: "aws_vpclattice_auth_policy",
      message: 'Principal "*"',
      build: (s) =>
        authPolicy(
          s,
          "sn-0123456789abcdef0",
          new DataAwsIamPolicyDocument(s, "Anyone", {
            statement: [{ principals: [{ type: "AWS", identifiers: ["*"] }], actions: ["vpc-lattice-svcs:Invoke"], resources: ["*"] }],
          }).json,
        ),
    },
  ],
});

/** An auth policy of one statement on the service network, with the given effect and condition. */
const conditioned = (s: TerraformStack, Effect: string, Condition: Record<string, unknown>) =>
  authPolicy(
    s,
    "sn-0123456789abcdef0",
    JSON.stringify({ Statement: [{ Effect, Principal: "*", Action: "vpc-lattice-svcs:Invoke", Resource: "*", Condition }] }),
  );

ruleCases(LatticeAuthPolicyKeysInRequest, {
  compliant: [
    {
      name: "Lattice's own key for the client VPC",
      build: (s) => conditioned(s, "Allow", { StringEquals: { "vpc-lattice-svcs:SourceVpc": "vpc-0123456789abcdef0" } }),
    },
    { name: "the organization (ORG_ONLY)", build: (s) => authPolicy(s, "sn-0123456789abcdef0") },
    {
      name: "an IfExists operator, written for an absent key",
      build: (s) => conditioned(s, "Allow", { StringEqualsIfExists: { "aws:SourceVpc": "vpc-0123456789abcdef0" } }),
    },
    { name: "a Null test", build: (s) => conditioned(s, "Allow", { Null: { "aws:SourceVpce": "true" } }) },
    {
      name: "a Deny with a positive operator (never applies: denies no one, widens nothing the Allows grant)",
      build: (s) => conditioned(s, "Deny", { StringEquals: { "aws:SourceVpc": "vpc-0123456789abcdef0" } }),
    },
    {
      name: "a policy only Terraform knows",
      build: (s) => authPolicy(s, "sn-0123456789abcdef0", "${data.aws_iam_policy_document.x.json}"),
    },
  ],
  nonCompliant: [
    {
      name: "an Allow on aws:SourceVpc (fails when the key is not judged)",
      on: "aws_vpclattice_auth_policy",
      message:
        "an Allow lets no one in: its StringEquals on aws:SourceVpc, which a VPC Lattice request never carries, never matches; use vpc-lattice-svcs:SourceVpc",
      build: (s) => conditioned(s, "Allow", { StringEquals: { "aws:SourceVpc": "vpc-0123456789abcdef0" } }),
    },
    {
      name: "an Allow on aws:SourceVpce, spelt in another case",
      on: "aws_vpclattice_auth_policy",
      message: "aws:sourcevpce",
      build: (s) => conditioned(s, "Allow", { "ForAnyValue:StringLike": { "aws:sourcevpce": ["vpce-*"] } }),
    },
    {
      name: "a Deny with a negated operator on aws:VpcSourceIp",
      on: "aws_vpclattice_auth_policy",
      message: "a Deny denies every caller: its NotIpAddress on aws:VpcSourceIp",
      build: (s) => conditioned(s, "Deny", { NotIpAddress: { "aws:VpcSourceIp": "10.0.0.0/8" } }),
    },
    {
      name: "an Allow on aws:SourceVpc from a data.aws_iam_policy_document",
      on: "aws_vpclattice_auth_policy",
      message: "its StringEquals on aws:SourceVpc",
      build: (s) =>
        authPolicy(
          s,
          "sn-0123456789abcdef0",
          new DataAwsIamPolicyDocument(s, "FromVpc", {
            statement: [
              {
                principals: [{ type: "AWS", identifiers: ["*"] }],
                actions: ["vpc-lattice-svcs:Invoke"],
                resources: ["*"],
                condition: [{ test: "StringEquals", variable: "aws:SourceVpc", values: ["vpc-0123456789abcdef0"] }],
              },
            ],
          }).json,
        ),
    },
  ],
});

ruleCases(ServiceNetworkAccessLogs, {
  compliant: [
    {
      name: "subscription on the network",
      build: (s) =>
        new VpclatticeAccessLogSubscription(s, "Logs", {
          resourceIdentifier: network(s, "AWS_IAM").id,
          destinationArn: "arn:aws:logs:us-east-1:111111111111:log-group:lattice",
        }),
    },
  ],
  nonCompliant: [
    {
      name: "subscription on a service only",
      on: "aws_vpclattice_service_network",
      message: "no aws_vpclattice_access_log_subscription",
      build: (s) => {
        network(s, "AWS_IAM");
        new VpclatticeAccessLogSubscription(s, "Logs", {
          resourceIdentifier: service(s, "AWS_IAM").arn,
          destinationArn: "arn:aws:logs:us-east-1:111111111111:log-group:lattice",
        });
      },
    },
  ],
});

ruleCases(ServiceNetworkVpcAssociationSecurityGroups, {
  compliant: [
    {
      name: "association with a group",
      build: (s) =>
        new VpclatticeServiceNetworkVpcAssociation(s, "Assoc", {
          serviceNetworkIdentifier: "sn-0123456789abcdef0",
          vpcIdentifier: "vpc-0123456789abcdef0",
          securityGroupIds: ["sg-0123456789abcdef0"],
        }),
    },
  ],
  nonCompliant: [
    {
      name: "association without groups",
      on: "aws_vpclattice_service_network_vpc_association",
      message: "every workload",
      build: (s) =>
        new VpclatticeServiceNetworkVpcAssociation(s, "Assoc", {
          serviceNetworkIdentifier: "sn-0123456789abcdef0",
          vpcIdentifier: "vpc-0123456789abcdef0",
        }),
    },
  ],
});

/** A target security group admitting `sources` on 8080, optionally guarding an instance registered in a Lattice target group. */
function latticeTarget(stack: TerraformStack, sources: { lattice?: boolean; latticeCidr?: boolean; cidr?: string; registered?: boolean }): void {
  const group = new SecurityGroup(stack, "TargetSg", { vpcId: "vpc-0123456789abcdef0", description: "orders targets" });
  const rule = { securityGroupId: group.id, ipProtocol: "tcp", fromPort: 8080, toPort: 8080 };
  if (sources.lattice) {
    const prefixList = new DataAwsEc2ManagedPrefixList(stack, "Lattice", { name: "com.amazonaws.us-east-1.vpc-lattice" });
    new VpcSecurityGroupIngressRule(stack, "FromLattice", { ...rule, prefixListId: prefixList.id, description: "VPC Lattice" });
  }
  if (sources.latticeCidr)
    new VpcSecurityGroupIngressRule(stack, "FromLatticeRange", { ...rule, cidrIpv4: "169.254.171.0/24", description: "VPC Lattice" });
  if (sources.cidr !== undefined) new VpcSecurityGroupIngressRule(stack, "FromCidr", { ...rule, cidrIpv4: sources.cidr, description: "direct" });
  if (sources.registered) {
    const instance = new Instance(stack, "Instance", { ami: "ami-0123456789abcdef0", instanceType: "t3.micro", vpcSecurityGroupIds: [group.id] });
    new VpclatticeTargetGroupAttachment(stack, "Attachment", {
      targetGroupIdentifier: "tg-0123456789abcdef0",
      target: { id: instance.id, port: 8080 },
    });
  }
}

ruleCases(LatticeTargetSecurityGroups, {
  compliant: [
    { name: "registered target admitting the prefix list only", build: (s) => latticeTarget(s, { lattice: true, registered: true }) },
    { name: "registered target admitting the literal Lattice range only", build: (s) => latticeTarget(s, { latticeCidr: true, registered: true }) },
    { name: "a group unrelated to Lattice", build: (s) => latticeTarget(s, { cidr: "10.0.0.0/16" }) },
  ],
  nonCompliant: [
    {
      name: "prefix list plus the VPC CIDR",
      on: "aws_security_group",
      message: "ingress tcp 8080 from 10.0.0.0/16",
      build: (s) => latticeTarget(s, { lattice: true, cidr: "10.0.0.0/16" }),
    },
    {
      name: "literal Lattice range plus a client CIDR",
      on: "aws_security_group",
      message: "from 10.1.0.0/16",
      build: (s) => latticeTarget(s, { latticeCidr: true, cidr: "10.1.0.0/16" }),
    },
    {
      name: "registered target without the prefix list",
      on: "aws_security_group",
      message: "admits nothing from the VPC Lattice prefix list",
      build: (s) => latticeTarget(s, { registered: true }),
    },
  ],
});

/** A VPC associated with a service network of the library: `open` as given. */
const libraryAssociation = (stack: TerraformStack, open?: boolean) =>
  new ServiceNetwork(stack, "Network", { name: "apps", authPolicy: new AuthPolicy().allow({ organizationId: "o-abcdefghij" }) }).associateVpc("app", {
    vpc: new Vpc(stack, "Vpc", { name: "app", cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] }),
    open,
  });

ruleCases(ServiceNetworkVpcAssociationAdmitsNoClient, {
  compliant: [
    { name: "the library's association, which admits the VPC's clients", build: (s) => libraryAssociation(s) },
    {
      name: "open: false, clients admitted through connections",
      build: (s) => libraryAssociation(s, false).connections.allowDefaultPortFrom(Peer.cidr("10.0.1.0/24"), "App subnet"),
    },
    {
      name: "a group imported by ID",
      build: (s) =>
        new VpclatticeServiceNetworkVpcAssociation(s, "Association", {
          serviceNetworkIdentifier: new VpclatticeServiceNetwork(s, "Raw", { name: "raw" }).id,
          vpcIdentifier: "vpc-0123456789abcdef0",
          securityGroupIds: ["sg-0123456789abcdef0"],
        }),
    },
  ],
  nonCompliant: [
    {
      name: "the library's association with open: false and nobody admitted afterwards",
      on: "aws_vpclattice_service_network_vpc_association",
      message: "have no ingress rule: no workload of the VPC reaches the network",
      build: (s) => libraryAssociation(s, false),
    },
    {
      name: "a raw association whose group has no rule",
      on: "aws_vpclattice_service_network_vpc_association",
      message: "aws_security_group.Clients",
      build: (s) =>
        new VpclatticeServiceNetworkVpcAssociation(s, "Association", {
          serviceNetworkIdentifier: new VpclatticeServiceNetwork(s, "Raw", { name: "raw" }).id,
          vpcIdentifier: "vpc-0123456789abcdef0",
          securityGroupIds: [new SecurityGroup(s, "Clients", { vpcId: "vpc-0123456789abcdef0", description: "Clients" }).id],
        }),
    },
  ],
});
