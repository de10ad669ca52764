import { Rule } from "../../rule";
import { holdsOnlyResourceConfigurations } from "../lt/service-network-facts";

/** PN-RC3: Flags auth policies on service networks that hold only resource configurations. */
export const ResourceNetworkWithoutAuthPolicy: Rule = {
  id: "PN-RC3",
  name: "ResourceNetworkWithoutAuthPolicy",
  severity: "LOW",
  explanation:
    "AWS does not apply a service network's auth policy to the resource configurations in it: on a network that holds only resource configurations the policy restricts nothing, while reviewers read it as the access control of the databases and hosts behind it (their security groups, the gateway's and the association's or endpoint's, are what decide).",
  fix: "Remove the auth policy (ServiceNetwork resourceConfigurationsOnly: true creates none and refuses services), and control access with the security groups of the VPC associations or endpoints, the resource gateway and the resources.",
  resourceTypes: ["aws_vpclattice_auth_policy"],
  check: (policy, stack) => {
    const network = stack.resources("aws_vpclattice_service_network").find((n) => stack.refersTo(policy.config.resource_identifier, n));
    if (network === undefined || !holdsOnlyResourceConfigurations(network, stack)) return [];
    return [
      `the auth policy of ${network.address} applies to nothing: the network holds resource configurations only, and AWS applies no service network auth policy to them`,
    ];
  },
};
