import { Rule } from "../../rule";
import { StackModel, TfBlock } from "../../model";

/**
 * PN-VPC3: Flags a transit gateway attachment of an inspection VPC (its
 * subnets' route tables send traffic to a Gateway Load Balancer endpoint)
 * without appliance mode.
 */
export const TransitGatewayInspectionApplianceMode: Rule = {
  id: "PN-VPC3",
  name: "TransitGatewayInspectionApplianceMode",
  severity: "MEDIUM",
  explanation:
    "Traffic arriving over this attachment is routed to a Gateway Load Balancer endpoint: the VPC inspects flows between other attached VPCs. Without appliance mode the transit gateway hands each direction of a flow to the attachment's interface in its own source's availability zone, so a flow between VPCs of different zones returns through another zone's appliance, which drops the half of a connection it never saw.",
  fix: 'Set appliance_mode_support = "enable" on the inspection VPC\'s attachment (TransitGateway.attach(name, vpc, { applianceMode: true })).',
  resourceTypes: ["aws_ec2_transit_gateway_vpc_attachment"],
  check: (attachment, stack) => {
    if (stack.text(attachment, "appliance_mode_support") === "enable") return [];
    const endpoints = stack
      .referencedBlocks(attachment.config.subnet_ids)
      .filter((subnet) => subnet.type === "aws_subnet")
      .flatMap((subnet) => routeTablesOf(stack, subnet))
      .flatMap((table) => inspectionEndpointsRoutedFrom(stack, table));
    const names = [...new Set(endpoints.map((e) => e.address))];
    return names.length === 0
      ? []
      : [
          `its subnets' route tables send arriving traffic to Gateway Load Balancer endpoint ${names.join(", ")}, and appliance_mode_support is not enable`,
        ];
  },
};

/** The route tables a subnet is associated with in the stack. */
function routeTablesOf(stack: StackModel, subnet: TfBlock): TfBlock[] {
  return stack
    .resources("aws_route_table_association")
    .filter((association) => stack.refersTo(association.config.subnet_id, subnet))
    .flatMap((association) => stack.referencedBlocks(association.config.route_table_id))
    .filter((table) => table.type === "aws_route_table");
}

/** The Gateway Load Balancer endpoints a route table's routes (aws_route, or its inline route blocks) lead to. */
function inspectionEndpointsRoutedFrom(stack: StackModel, table: TfBlock): TfBlock[] {
  const targets = [
    ...stack
      .resources("aws_route")
      .filter((route) => stack.refersTo(route.config.route_table_id, table))
      .map((route) => route.config.vpc_endpoint_id),
    ...[table.config.route].flat().map((route) => (route as Record<string, unknown> | undefined)?.vpc_endpoint_id),
  ];
  return targets
    .flatMap((target) => stack.referencedBlocks(target))
    .filter((endpoint) => endpoint.type === "aws_vpc_endpoint" && stack.text(endpoint, "vpc_endpoint_type") === "GatewayLoadBalancer");
}
