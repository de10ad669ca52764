import { TerraformStack } from "cdktf";
import { DefaultSecurityGroup } from "@cdktf/provider-aws/lib/default-security-group";
import { FlowLog } from "@cdktf/provider-aws/lib/flow-log";
import { Vpc as VpcResource } from "@cdktf/provider-aws/lib/vpc";
import { OptOut } from "../../../modules/core";
import { VpcDefaultSecurityGroupRestricted, VpcFlowLogsEnabled } from "../../../modules/guardrails";
import { FlowLogDestination, FlowLogs, Vpc, VpcFlowLog, VpcProps } from "../../../modules/vpc";
import { ruleCases } from "../rule-cases";

const rawVpc = (stack: TerraformStack) => new VpcResource(stack, "Vpc", { cidrBlock: "10.0.0.0/16" });
const privateVpc = (stack: TerraformStack, props: Partial<VpcProps> = {}) =>
  new Vpc(stack, "Private", { name: "app", cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a"], ...props });

ruleCases(VpcDefaultSecurityGroupRestricted, {
  compliant: [
    { name: "the Vpc construct (default group adopted without rules)", build: (s) => privateVpc(s) },
    {
      name: "a raw VPC with an aws_default_security_group without rules",
      build: (s) => new DefaultSecurityGroup(s, "DefaultGroup", { vpcId: rawVpc(s).id }),
    },
  ],
  nonCompliant: [
    { name: "a VPC whose default group is not managed", on: "aws_vpc", message: "not managed", build: (s) => rawVpc(s) },
    {
      name: "Vpc with the deprecated restrictDefaultSecurityGroup: false",
      on: "aws_vpc",
      message: "not managed",
      build: (s) => privateVpc(s, { restrictDefaultSecurityGroup: false }),
    },
    {
      name: "Vpc with keepDefaultSecurityGroupRules (the opt-out is visible, and accepts the finding with its reason)",
      acceptedBy: "restrict_default_security_group",
      on: "aws_vpc",
      message: "not managed",
      build: (s) => privateVpc(s, { keepDefaultSecurityGroupRules: OptOut.because("a legacy fleet in this VPC still relies on the default group") }),
    },
    {
      name: "a default group managed with an allow-all egress rule",
      on: "aws_vpc",
      message: "with ingress or egress rules",
      build: (s) =>
        new DefaultSecurityGroup(s, "DefaultGroup", {
          vpcId: rawVpc(s).id,
          egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["10.0.0.0/8"] }],
        }),
    },
  ],
});

ruleCases(VpcFlowLogsEnabled, {
  compliant: [
    { name: "the Vpc construct (flow logs by default)", build: (s) => privateVpc(s) },
    {
      name: "the Vpc construct with flow logs to S3",
      build: (s) => privateVpc(s, { flowLogs: FlowLogs.to(FlowLogDestination.s3("arn:aws:s3:::example-flow-logs-111111111111")) }),
    },
    {
      name: "an imported VPC's flow log (VpcFlowLog), and a raw VPC with a raw aws_flow_log",
      build: (s) => {
        new VpcFlowLog(s, "Existing", { vpc: Vpc.fromVpcAttributes(s, "Imported", { vpcId: "vpc-0123456789abcdef0", cidrBlock: "10.9.0.0/16" }) });
        new FlowLog(s, "RawLog", {
          vpcId: rawVpc(s).id,
          trafficType: "ALL",
          logDestinationType: "s3",
          logDestination: "arn:aws:s3:::example-flow-logs-111111111111",
        });
      },
    },
  ],
  nonCompliant: [
    { name: "a raw VPC without a flow log", on: "aws_vpc", message: "no aws_flow_log", build: (s) => rawVpc(s) },
    {
      name: "Vpc with FlowLogs.disabled (the opt-out is visible to scanners, and accepts the finding with its reason)",
      acceptedBy: "flow_logs",
      on: "aws_vpc",
      message: "no aws_flow_log",
      build: (s) => privateVpc(s, { flowLogs: FlowLogs.disabled(OptOut.because("a throw-away sandbox VPC that carries no data")) }),
    },
    {
      name: "a flow log of another VPC does not count",
      on: "aws_vpc",
      message: "no aws_flow_log",
      build: (s) => {
        rawVpc(s);
        new FlowLog(s, "OtherLog", {
          vpcId: "vpc-0123456789abcdef0",
          trafficType: "ALL",
          logDestinationType: "s3",
          logDestination: "arn:aws:s3:::example-flow-logs-111111111111",
        });
      },
    },
  ],
});
