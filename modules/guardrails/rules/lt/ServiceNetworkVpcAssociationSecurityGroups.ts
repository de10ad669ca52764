import { isAbsentOrEmpty } from "../../model";
import { Rule } from "../../rule";

/** PN-LT6: Flags service network VPC associations without security groups. */
export const ServiceNetworkVpcAssociationSecurityGroups: Rule = {
  id: "PN-LT6",
  name: "ServiceNetworkVpcAssociationSecurityGroups",
  severity: "LOW",
  explanation:
    "A VPC association without security groups lets every workload in the VPC send traffic into the service network; security groups on the association are the network-layer half of Lattice's defence in depth.",
  fix: "Set security_group_ids on the association to a group that admits the client workloads only.",
  resourceTypes: ["aws_vpclattice_service_network_vpc_association"],
  check: (association) =>
    isAbsentOrEmpty(association.config.security_group_ids) ? ["no security_group_ids: every workload in the VPC can reach the network"] : [],
};
