import { RECORDED_OPT_OUTS } from "../../../core/opt-out";
import { isUnknown } from "../../model";
import { Rule } from "../../rule";

/** PN-LT1: Flags Lattice services and service networks whose auth_type is NONE or unset. */
export const LatticeAuthTypeIam: Rule = {
  id: "PN-LT1",
  name: "LatticeAuthTypeIam",
  severity: "HIGH",
  explanation:
    "auth_type NONE (the provider's default) lets every client that can reach the service network call the service: network reachability becomes authorization, and requests are neither authenticated nor attributable.",
  fix: "Set auth_type = AWS_IAM and attach an aws_vpclattice_auth_policy (the lattice modules default to both).",
  optOuts: [RECORDED_OPT_OUTS.unauthenticatedAccess],
  resourceTypes: ["aws_vpclattice_service", "aws_vpclattice_service_network"],
  check: (resource) => {
    const authType = resource.config.auth_type;
    if (isUnknown(authType) || authType === "AWS_IAM") return [];
    return [`auth_type is ${authType === undefined ? "not set (the provider defaults to NONE)" : String(authType)}`];
  },
};
