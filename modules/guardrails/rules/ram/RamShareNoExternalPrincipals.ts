import { Rule } from "../../rule";

/** PN-RAM2: Flags RAM shares with allow_external_principals = true. */
export const RamShareNoExternalPrincipals: Rule = {
  id: "PN-RAM2",
  name: "RamShareNoExternalPrincipals",
  severity: "MEDIUM",
  explanation:
    "allow_external_principals = true lets the share reach accounts outside the organization: one wrong account ID shares a service network or resource configuration with a stranger.",
  fix: "Share within the organization (allow_external_principals = false); for a deliberate partner share, suppress this rule on the share with the partner and the reason.",
  resourceTypes: ["aws_ram_resource_share"],
  check: (share) => (share.config.allow_external_principals === true ? ["allow_external_principals is true"] : []),
};
