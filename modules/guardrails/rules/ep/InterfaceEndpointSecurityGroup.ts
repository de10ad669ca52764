import { isAbsentOrEmpty } from "../../model";
import { Rule } from "../../rule";
import { endpointType, hasNetworkInterfaces } from "./endpoint-facts";

/** PN-EP4: Flags Interface, Resource and ServiceNetwork endpoints without security groups (AWS attaches the VPC default group). */
export const InterfaceEndpointSecurityGroup: Rule = {
  id: "PN-EP4",
  name: "InterfaceEndpointSecurityGroup",
  severity: "MEDIUM",
  explanation:
    "An endpoint with network interfaces and no security_group_ids gets the VPC's default security group, whose rules nobody reviews for this endpoint (and which often allows all traffic from its members).",
  fix: "Attach a dedicated security group that admits the endpoint's ports from the clients that need them; the endpoints module creates one.",
  resourceTypes: ["aws_vpc_endpoint"],
  check: (endpoint, stack) => {
    // AWS guards the interfaces with the VPC's default group when none is given.
    if (!hasNetworkInterfaces(endpoint) || !isAbsentOrEmpty(endpoint.config.security_group_ids)) return [];
    const associated = stack.resources("aws_vpc_endpoint_security_group_association").some((a) => stack.refersTo(a.config.vpc_endpoint_id, endpoint));
    return associated ? [] : [`${endpointType(endpoint)} endpoint has no security_group_ids (AWS attaches the VPC default security group)`];
  },
};
