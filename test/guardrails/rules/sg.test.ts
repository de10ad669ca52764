import { TerraformStack } from "cdktf";
import { DefaultSecurityGroup } from "@cdktf/provider-aws/lib/default-security-group";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { SecurityGroupRule } from "@cdktf/provider-aws/lib/security-group-rule";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { NoPublicEgress, NoPublicIngress, SecurityGroupDescription, SecurityGroupRuleDescription } from "../../../modules/guardrails";
import { SecurityGroup as GuardedSecurityGroup, Peer, Vpc } from "../../../modules/vpc";
import { findingsOf, ruleCases } from "../rule-cases";

const VPC_ID = "vpc-0123456789abcdef0";
const group = (stack: TerraformStack, config: Partial<ConstructorParameters<typeof SecurityGroup>[2]> = {}) =>
  new SecurityGroup(stack, "Group", { vpcId: VPC_ID, description: "API servers", ...config });
const ingress = (stack: TerraformStack, config: Partial<ConstructorParameters<typeof VpcSecurityGroupIngressRule>[2]>) =>
  new VpcSecurityGroupIngressRule(stack, "Ingress", {
    securityGroupId: group(stack).id,
    ipProtocol: "tcp",
    fromPort: 443,
    toPort: 443,
    description: "HTTPS from the VPC",
    cidrIpv4: "10.0.0.0/16",
    ...config,
  });

/** A separate ingress rule of `sg`, HTTPS unless `config` says otherwise. */
const halfRule = (
  stack: TerraformStack,
  id: string,
  sg: SecurityGroup,
  config: Partial<ConstructorParameters<typeof VpcSecurityGroupIngressRule>[2]>,
) =>
  new VpcSecurityGroupIngressRule(stack, id, {
    securityGroupId: sg.id,
    ipProtocol: "tcp",
    fromPort: 443,
    toPort: 443,
    description: "half of the internet",
    ...config,
  });

/** Our own SecurityGroup construct: descriptions required, no open CIDRs, no default egress. */
const moduleGroup = (stack: TerraformStack) => {
  const vpc = new Vpc(stack, "Vpc", { name: "test", cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
  const sg = new GuardedSecurityGroup(stack, "Sg", { vpc, description: "API servers" });
  sg.addIngressRule({ peer: Peer.cidr("10.0.0.0/16"), port: 443, description: "HTTPS from the VPC" });
  sg.addEgressRule({ peer: Peer.cidr("10.0.0.0/16"), port: 5432, description: "PostgreSQL in the VPC" });
};

ruleCases(SecurityGroupDescription, {
  compliant: [
    { name: "described group", build: (s) => group(s) },
    { name: "the SecurityGroup construct", build: moduleGroup },
  ],
  nonCompliant: [
    { name: "no description", on: "aws_security_group", message: "Managed by Terraform", build: (s) => group(s, { description: undefined }) },
    {
      name: "the provider's default written out",
      on: "aws_security_group",
      message: '"Managed by Terraform"',
      build: (s) => group(s, { description: "Managed by Terraform" }),
    },
  ],
});

ruleCases(SecurityGroupRuleDescription, {
  compliant: [
    { name: "described standalone rule", build: (s) => ingress(s, {}) },
    {
      name: "described inline rule",
      build: (s) => group(s, { ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["10.0.0.0/16"], description: "HTTPS" }] }),
    },
    { name: "the SecurityGroup construct", build: moduleGroup },
  ],
  nonCompliant: [
    {
      name: "standalone rule without description",
      on: "aws_vpc_security_group_ingress_rule",
      message: "ingress rule tcp 443",
      build: (s) => ingress(s, { description: undefined }),
    },
    {
      name: "inline egress without description",
      on: "aws_security_group",
      message: "egress rule all traffic",
      build: (s) => group(s, { egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["10.0.0.0/16"] }] }),
    },
    {
      name: "aws_security_group_rule without description",
      on: "aws_security_group_rule",
      message: "egress rule tcp 5432",
      build: (s) =>
        new SecurityGroupRule(s, "Rule", {
          securityGroupId: group(s).id,
          type: "egress",
          protocol: "tcp",
          fromPort: 5432,
          toPort: 5432,
          cidrBlocks: ["10.0.0.0/16"],
        }),
    },
  ],
});

ruleCases(NoPublicIngress, {
  compliant: [
    { name: "VPC CIDR", build: (s) => ingress(s, {}) },
    { name: "computed CIDR", build: (s) => ingress(s, { cidrIpv4: "${var.client_cidr}" }) },
    { name: "the SecurityGroup construct", build: moduleGroup },
    {
      name: "the two halves of the IPv4 space on different ports (no port is open to every address)",
      build: (s) => {
        const sg = group(s);
        halfRule(s, "Low", sg, { fromPort: 22, toPort: 22, cidrIpv4: "0.0.0.0/1" });
        halfRule(s, "High", sg, { cidrIpv4: "128.0.0.0/1" });
      },
    },
    {
      name: "the two halves on the same port of two different groups",
      build: (s) => {
        halfRule(s, "Low", group(s), { cidrIpv4: "0.0.0.0/1" });
        halfRule(s, "High", new SecurityGroup(s, "Other", { vpcId: VPC_ID, description: "Workers" }), { cidrIpv4: "128.0.0.0/1" });
      },
    },
    { name: "a default security group without rules", build: (s) => new DefaultSecurityGroup(s, "DefaultGroup", { vpcId: VPC_ID }) },
  ],
  nonCompliant: [
    {
      name: "0.0.0.0/1 and 128.0.0.0/1 in one inline rule (fails when only /0 counts as every address)",
      on: "aws_security_group",
      message: "ingress tcp 443 from 0.0.0.0/1, 128.0.0.0/1: with the group's other ingress rules, every IPv4 address",
      build: (s) =>
        group(s, { ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/1", "128.0.0.0/1"], description: "web" }] }),
    },
    {
      name: "HTTPS from 128.0.0.0/1 beside all traffic from 0.0.0.0/1 of the same group (port 443 is open to every address)",
      on: "aws_vpc_security_group_ingress_rule",
      message: "ingress tcp 443 from 128.0.0.0/1: with the group's other ingress rules, every IPv4 address",
      build: (s) => {
        const sg = group(s);
        halfRule(s, "Low", sg, { ipProtocol: "-1", fromPort: undefined, toPort: undefined, cidrIpv4: "0.0.0.0/1" });
        halfRule(s, "High", sg, { cidrIpv4: "128.0.0.0/1" });
      },
    },
    {
      name: "the VPC's default security group re-opened to the internet (fails when only aws_security_group blocks are read)",
      on: "aws_default_security_group",
      message: "ingress all traffic from 0.0.0.0/0",
      build: (s) =>
        new DefaultSecurityGroup(s, "DefaultGroup", {
          vpcId: VPC_ID,
          ingress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"], description: "anywhere" }],
        }),
    },
    {
      name: "SSH from 0.0.0.0/0",
      on: "aws_vpc_security_group_ingress_rule",
      message: "ingress tcp 22 from 0.0.0.0/0",
      build: (s) => ingress(s, { fromPort: 22, toPort: 22, cidrIpv4: "0.0.0.0/0" }),
    },
    {
      name: "inline ::/0",
      on: "aws_security_group",
      message: "from ::/0",
      build: (s) => group(s, { ingress: [{ protocol: "tcp", fromPort: 80, toPort: 80, ipv6CidrBlocks: ["::/0"], description: "web" }] }),
    },
  ],
});

ruleCases(NoPublicEgress, {
  compliant: [
    {
      name: "egress to the VPC",
      build: (s) =>
        new VpcSecurityGroupEgressRule(s, "Egress", {
          securityGroupId: group(s).id,
          ipProtocol: "tcp",
          fromPort: 443,
          toPort: 443,
          cidrIpv4: "10.0.0.0/16",
          description: "VPC",
        }),
    },
    { name: "public ingress is another rule's business", build: (s) => ingress(s, { cidrIpv4: "0.0.0.0/0" }) },
  ],
  nonCompliant: [
    {
      name: "all traffic to the internet",
      on: "aws_vpc_security_group_egress_rule",
      message: "egress all traffic to 0.0.0.0/0",
      build: (s) =>
        new VpcSecurityGroupEgressRule(s, "Egress", {
          securityGroupId: group(s).id,
          ipProtocol: "-1",
          cidrIpv4: "0.0.0.0/0",
          description: "anywhere",
        }),
    },
  ],
});

describe("PN-SG3 over separate rule resources", () => {
  it("flags each of two rules of one group whose CIDRs together are every IPv4 address on the same port", () => {
    const findings = findingsOf(NoPublicIngress, (s) => {
      const sg = group(s);
      halfRule(s, "Low", sg, { cidrIpv4: "0.0.0.0/1" });
      new SecurityGroupRule(s, "High", {
        type: "ingress",
        securityGroupId: sg.id,
        protocol: "6",
        fromPort: 0,
        toPort: 65535,
        cidrBlocks: ["128.0.0.0/1"],
        description: "half of the internet",
      });
    });
    // tcp 443 from 0.0.0.0/1 plus tcp 0-65535 from 128.0.0.0/1 opens 443 to all; the wider rule's other ports stay half open.
    expect(findings.map((f) => [f.address.split(".")[0], f.message])).toEqual([
      ["aws_vpc_security_group_ingress_rule", "ingress tcp 443 from 0.0.0.0/1: with the group's other ingress rules, every IPv4 address"],
    ]);
  });
});
