import { TerraformStack } from "cdktf";
import { DefaultSecurityGroup } from "@cdktf/provider-aws/lib/default-security-group";
import { Vpc as VpcResource } from "@cdktf/provider-aws/lib/vpc";
import { VpcDefaultSecurityGroupRestricted } from "../../../modules/guardrails";
import { Vpc } from "../../../modules/vpc";
import { ruleCases } from "../rule-cases";

const rawVpc = (stack: TerraformStack) => new VpcResource(stack, "Vpc", { cidrBlock: "10.0.0.0/16" });
const privateVpc = (stack: TerraformStack, restrictDefaultSecurityGroup?: boolean) =>
  new Vpc(stack, "Private", { name: "app", cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a"], restrictDefaultSecurityGroup });

ruleCases(VpcDefaultSecurityGroupRestricted, {
  compliant: [
    { name: "the Vpc construct (default group adopted without rules)", build: (s) => privateVpc(s) },
    { name: "a raw VPC with an aws_default_security_group without rules", build: (s) => new DefaultSecurityGroup(s, "DefaultGroup", { vpcId: rawVpc(s).id }) },
  ],
  nonCompliant: [
    { name: "a VPC whose default group is not managed", on: "aws_vpc", message: "not managed", build: (s) => rawVpc(s) },
    { name: "Vpc with restrictDefaultSecurityGroup: false", on: "aws_vpc", message: "not managed", build: (s) => privateVpc(s, false) },
    {
      name: "a default group managed with an allow-all egress rule",
      on: "aws_vpc",
      message: "with ingress or egress rules",
      build: (s) => new DefaultSecurityGroup(s, "DefaultGroup", { vpcId: rawVpc(s).id, egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["10.0.0.0/8"] }] }),
    },
  ],
});
