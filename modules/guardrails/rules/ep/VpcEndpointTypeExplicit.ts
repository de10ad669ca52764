import { Rule } from "../../rule";

/** PN-EP1: Flags aws_vpc_endpoint without vpc_endpoint_type (Terraform would create a Gateway endpoint). */
export const VpcEndpointTypeExplicit: Rule = {
  id: "PN-EP1",
  name: "VpcEndpointTypeExplicit",
  severity: "LOW",
  explanation:
    "Without vpc_endpoint_type Terraform creates a Gateway endpoint: an endpoint meant to be an Interface endpoint silently becomes a route-table entry with no security group.",
  fix: "Set vpc_endpoint_type (Interface, Gateway, GatewayLoadBalancer, Resource or ServiceNetwork); the endpoints module always does.",
  resourceTypes: ["aws_vpc_endpoint"],
  check: (endpoint) => (endpoint.config.vpc_endpoint_type === undefined ? ["vpc_endpoint_type is not set (Terraform defaults to Gateway)"] : []),
};
