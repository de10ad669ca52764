import { Rule } from "../../rule";
import { groupsAdmittingNobody } from "../sg/rule-views";
import { endpointSecurityGroupIds, endpointType, hasNetworkInterfaces } from "./endpoint-facts";

/**
 * PN-EP5: Flags an Interface, Resource or ServiceNetwork endpoint whose
 * security groups, all made by the stack, have no ingress rule at all.
 */
export const EndpointAdmitsNoClient: Rule = {
  id: "PN-EP5",
  name: "EndpointAdmitsNoClient",
  severity: "MEDIUM",
  explanation:
    "Clients reach an endpoint's network interfaces through its security groups' inbound rules. Every group of this endpoint is made here and none has an inbound rule, so every connection to the endpoint is dropped: it deploys, and carries nothing (an endpoint made with open: false and no client admitted afterwards).",
  fix: "Admit the clients on the endpoint's ports (endpoint.connections.allowDefaultPortFrom(clientGroup or Peer.cidr(...), description)), or leave open unset so that the endpoint admits its VPC's clients.",
  resourceTypes: ["aws_vpc_endpoint"],
  check: (endpoint, stack) => {
    if (!hasNetworkInterfaces(endpoint)) return [];
    const ids = endpointSecurityGroupIds(endpoint, stack);
    const groups = ids === undefined ? undefined : groupsAdmittingNobody(stack, ids);
    return groups === undefined
      ? []
      : [
          `${endpointType(endpoint)} endpoint's security groups ${groups.map((g) => g.address).join(", ")} have no ingress rule: no client reaches the endpoint`,
        ];
  },
};
