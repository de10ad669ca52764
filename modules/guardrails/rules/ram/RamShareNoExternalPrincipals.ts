import { RECORDED_OPT_OUTS } from "../../../core/opt-out";
import { literalBool } from "../../model";
import { Rule } from "../../rule";

/** PN-RAM2: Flags RAM shares with allow_external_principals = true. */
export const RamShareNoExternalPrincipals: Rule = {
  id: "PN-RAM2",
  name: "RamShareNoExternalPrincipals",
  severity: "MEDIUM",
  explanation:
    "allow_external_principals = true lets the share reach accounts outside the organization: one wrong account ID shares a service network or resource configuration with a stranger.",
  fix: 'Share within the organization (allow_external_principals = false); for a deliberate partner share, say why with allowExternalPrincipals: OptOut.because("<why>") on the share (this rule accepts it, with that reason).',
  optOuts: [RECORDED_OPT_OUTS.externalPrincipals],
  resourceTypes: ["aws_ram_resource_share"],
  check: (share) => (literalBool(share.config.allow_external_principals) === true ? ["allow_external_principals is true"] : []),
};
