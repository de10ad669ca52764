import { RECORDED_OPT_OUTS } from "../../../core/opt-out";
import { Rule } from "../../rule";

/** PN-LT4: Flags service networks without an access log subscription. */
export const ServiceNetworkAccessLogs: Rule = {
  id: "PN-LT4",
  name: "ServiceNetworkAccessLogs",
  severity: "MEDIUM",
  explanation:
    "Access logs are the only record of which principal called which Lattice service through the network (auth decisions included); without them cross-account traffic cannot be audited.",
  fix: "Add an aws_vpclattice_access_log_subscription on the service network (to CloudWatch Logs, S3 or Firehose); ServiceNetwork takes an accessLogs prop.",
  optOuts: [RECORDED_OPT_OUTS.accessLogs],
  resourceTypes: ["aws_vpclattice_service_network"],
  check: (network, stack) => {
    const logged = stack.resources("aws_vpclattice_access_log_subscription").some((s) => stack.refersTo(s.config.resource_identifier, network));
    return logged ? [] : ["no aws_vpclattice_access_log_subscription targets the service network"];
  },
};
