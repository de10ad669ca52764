import { TerraformStack } from "cdktf";
import { DefaultSecurityGroup } from "@cdktf/provider-aws/lib/default-security-group";
import { Ec2TransitGatewayVpcAttachment } from "@cdktf/provider-aws/lib/ec2-transit-gateway-vpc-attachment";
import { FlowLog } from "@cdktf/provider-aws/lib/flow-log";
import { Route } from "@cdktf/provider-aws/lib/route";
import { RouteTable } from "@cdktf/provider-aws/lib/route-table";
import { RouteTableAssociation } from "@cdktf/provider-aws/lib/route-table-association";
import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import { VpcEndpoint } from "@cdktf/provider-aws/lib/vpc-endpoint";
import { Vpc as VpcResource } from "@cdktf/provider-aws/lib/vpc";
import { OptOut } from "../../../modules/core";
import { TransitGatewayInspectionApplianceMode, VpcDefaultSecurityGroupRestricted, VpcFlowLogsEnabled } from "../../../modules/guardrails";
import { FlowLogDestination, FlowLogs, TransitGateway, Vpc, VpcFlowLog, VpcProps } from "../../../modules/vpc";
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

/** An inspection VPC of raw resources: a transit gateway attachment subnet, its route table, a Gateway Load Balancer endpoint. */
function inspectionVpc(stack: TerraformStack, options: { applianceMode?: string; inline?: boolean; routeElsewhere?: boolean } = {}) {
  const vpc = rawVpc(stack);
  const attachmentSubnet = new Subnet(stack, "TgwSubnet", { vpcId: vpc.id, cidrBlock: "10.0.0.0/28", availabilityZone: "us-east-1a" });
  const firewallSubnet = new Subnet(stack, "FirewallSubnet", { vpcId: vpc.id, cidrBlock: "10.0.1.0/28", availabilityZone: "us-east-1a" });
  const endpoint = new VpcEndpoint(stack, "Inspection", {
    vpcId: vpc.id,
    serviceName: "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0",
    vpcEndpointType: "GatewayLoadBalancer",
    subnetIds: [firewallSubnet.id],
  });
  const route = { cidrBlock: "0.0.0.0/0", vpcEndpointId: endpoint.id };
  const table = new RouteTable(stack, "TgwRoutes", { vpcId: vpc.id, route: options.inline ? [route] : undefined });
  const firewallTable = new RouteTable(stack, "FirewallRoutes", { vpcId: vpc.id });
  new RouteTableAssociation(stack, "TgwAssoc", { subnetId: attachmentSubnet.id, routeTableId: table.id });
  new RouteTableAssociation(stack, "FirewallAssoc", { subnetId: firewallSubnet.id, routeTableId: firewallTable.id });
  if (!options.inline)
    new Route(stack, "ToFirewall", {
      routeTableId: options.routeElsewhere ? firewallTable.id : table.id,
      destinationCidrBlock: "0.0.0.0/0",
      vpcEndpointId: endpoint.id,
    });
  new Ec2TransitGatewayVpcAttachment(stack, "Attachment", {
    transitGatewayId: "tgw-0123456789abcdef0",
    vpcId: vpc.id,
    subnetIds: [attachmentSubnet.id],
    applianceModeSupport: options.applianceMode,
  });
}

ruleCases(TransitGatewayInspectionApplianceMode, {
  compliant: [
    { name: "an inspection VPC's attachment with appliance mode", build: (s) => inspectionVpc(s, { applianceMode: "enable" }) },
    {
      name: "an attachment whose subnets do not route to the endpoint (another subnet's table does)",
      build: (s) => inspectionVpc(s, { routeElsewhere: true }),
    },
    {
      name: "the library's attachment of a VPC whose subnets route to no inspection endpoint",
      build: (s) => {
        const hub = privateVpc(s);
        TransitGateway.fromTransitGatewayAttributes(s, "Corp", { transitGatewayId: "tgw-0123456789abcdef0" }).attach("hub", hub, {
          applianceMode: true,
        });
      },
    },
  ],
  nonCompliant: [
    {
      name: "an attachment whose subnet's route table sends traffic to a Gateway Load Balancer endpoint, without appliance mode (fails when routes are not followed)",
      on: "aws_ec2_transit_gateway_vpc_attachment",
      message:
        "its subnets' route tables send arriving traffic to Gateway Load Balancer endpoint aws_vpc_endpoint.Inspection, and appliance_mode_support is not enable",
      build: (s) => inspectionVpc(s),
    },
    {
      name: "the same with an inline route block, and appliance mode disabled explicitly",
      on: "aws_ec2_transit_gateway_vpc_attachment",
      message: "Gateway Load Balancer endpoint aws_vpc_endpoint.Inspection",
      build: (s) => inspectionVpc(s, { inline: true, applianceMode: "disable" }),
    },
  ],
});
