import { literalList } from "../../model";
import { Rule } from "../../rule";
import { groupsAdmittingNobody } from "../sg/rule-views";

/**
 * PN-LT8: Flags a service network VPC association whose security groups,
 * all made by the stack, have no ingress rule at all.
 */
export const ServiceNetworkVpcAssociationAdmitsNoClient: Rule = {
  id: "PN-LT8",
  name: "ServiceNetworkVpcAssociationAdmitsNoClient",
  severity: "MEDIUM",
  explanation:
    "The security groups of a service network VPC association decide, by their inbound rules, which of the VPC's workloads may send to the network's services and resources. Every group of this association is made here and none has an inbound rule, so no workload of the VPC reaches anything in the network: it deploys, and carries nothing (an association made with open: false and no client admitted afterwards).",
  fix: "Admit the client workloads on the services' ports (association.connections.allowDefaultPortFrom(clientGroup, description)), or leave open unset so that the association admits the VPC's clients.",
  resourceTypes: ["aws_vpclattice_service_network_vpc_association"],
  check: (association, stack) => {
    const own = literalList(association.config.security_group_ids);
    const groups = own === undefined ? undefined : groupsAdmittingNobody(stack, own);
    return groups === undefined
      ? []
      : [
          `the association's security groups ${groups.map((g) => g.address).join(", ")} have no ingress rule: no workload of the VPC reaches the network`,
        ];
  },
};
