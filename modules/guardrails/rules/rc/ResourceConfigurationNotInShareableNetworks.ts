import { RECORDED_OPT_OUTS } from "../../../core/opt-out";
import { literalBool } from "../../model";
import { Rule } from "../../rule";

/** PN-RC1: Flags resource configurations that may join service networks shared with other accounts. */
export const ResourceConfigurationNotInShareableNetworks: Rule = {
  id: "PN-RC1",
  name: "ResourceConfigurationNotInShareableNetworks",
  severity: "MEDIUM",
  explanation:
    "allow_association_to_shareable_service_network = true lets the resource (a database, an internal IP) be associated with service networks that are shared with other accounts, so whoever can share a network decides who reaches the resource; the AWS default is false.",
  fix: "Leave allow_association_to_shareable_service_network false (the ResourceConfiguration default) and share the configuration itself through RAM with the accounts that need it.",
  optOuts: [RECORDED_OPT_OUTS.shareableServiceNetworks],
  resourceTypes: ["aws_vpclattice_resource_configuration"],
  check: (configuration) =>
    literalBool(configuration.config.allow_association_to_shareable_service_network) === true
      ? ["allow_association_to_shareable_service_network is true"]
      : [],
};
