import { isAbsentOrEmpty } from "../../model";
import { Rule } from "../../rule";

/** PN-RC2: Flags resource gateways without security groups. */
export const ResourceGatewaySecurityGroups: Rule = {
  id: "PN-RC2",
  name: "ResourceGatewaySecurityGroups",
  severity: "MEDIUM",
  explanation:
    "A resource gateway's network interfaces are the source of every connection to the shared resources; without security_group_ids they get the VPC's default security group, so the resources' own groups cannot tell gateway traffic apart and its egress is not limited to the configured ports.",
  fix: "Give the gateway a dedicated security group whose egress opens only the resource configurations' ports (ResourceGateway creates one).",
  resourceTypes: ["aws_vpclattice_resource_gateway"],
  check: (gateway) =>
    isAbsentOrEmpty(gateway.config.security_group_ids) ? ["no security_group_ids (AWS attaches the VPC default security group)"] : [],
};
