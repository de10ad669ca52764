import { Rule } from "../../rule";

/** PN-RAM1: Flags RAM shares that leave allow_external_principals unset. */
export const RamShareExternalPrincipalsExplicit: Rule = {
  id: "PN-RAM1",
  name: "RamShareExternalPrincipalsExplicit",
  severity: "MEDIUM",
  explanation:
    "A share that leaves allow_external_principals unset relies on a default (the RAM API's is true): whether a mistyped account ID can receive the share should be a visible decision.",
  fix: "Set allow_external_principals explicitly, false unless the share is meant for accounts outside the organization (ResourceShare always sets it).",
  resourceTypes: ["aws_ram_resource_share"],
  check: (share) => (share.config.allow_external_principals === undefined ? ["allow_external_principals is not set"] : []),
};
