import { Rule } from "../../rule";
import { holdsOnlyResourceConfigurations } from "./service-network-facts";

/** PN-LT2: Flags AWS_IAM Lattice services and service networks without an aws_vpclattice_auth_policy (networks of resource configurations only need none). */
export const LatticeAuthPolicyAttached: Rule = {
  id: "PN-LT2",
  name: "LatticeAuthPolicyAttached",
  severity: "MEDIUM",
  explanation:
    "With auth_type AWS_IAM and no auth policy, VPC Lattice denies every request: the service (or network) looks secure and simply does not work, which invites someone to switch auth off. A network that holds only resource configurations needs none (AWS applies no network auth policy to them; PN-RC3).",
  fix: "Create an aws_vpclattice_auth_policy for the service or service network (LatticeService and ServiceNetwork take an authPolicy prop).",
  resourceTypes: ["aws_vpclattice_service", "aws_vpclattice_service_network"],
  check: (resource, stack) => {
    if (resource.config.auth_type !== "AWS_IAM") return [];
    if (resource.type === "aws_vpclattice_service_network" && holdsOnlyResourceConfigurations(resource, stack)) return [];
    const hasPolicy = stack.resources("aws_vpclattice_auth_policy").some((p) => stack.refersTo(p.config.resource_identifier, resource));
    return hasPolicy ? [] : ["auth_type is AWS_IAM but no aws_vpclattice_auth_policy targets it (every request is denied)"];
  },
};
