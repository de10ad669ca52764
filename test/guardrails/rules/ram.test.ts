import { OptOut } from "../../../modules/core";
import { RamResourceShare } from "@cdktf/provider-aws/lib/ram-resource-share";
import { RamShareExternalPrincipalsExplicit, RamShareNoExternalPrincipals } from "../../../modules/guardrails";
import { ResourceShare, SharePrincipal } from "../../../modules/ram";
import { ruleCases } from "../rule-cases";

ruleCases(RamShareExternalPrincipalsExplicit, {
  compliant: [
    { name: "explicit false", build: (s) => new RamResourceShare(s, "Share", { name: "lattice", allowExternalPrincipals: false }) },
    {
      name: "the ResourceShare construct",
      build: (s) => new ResourceShare(s, "Share", { name: "lattice", principals: [SharePrincipal.account("222222222222")] }),
    },
  ],
  nonCompliant: [
    { name: "unset", on: "aws_ram_resource_share", message: "not set", build: (s) => new RamResourceShare(s, "Share", { name: "lattice" }) },
  ],
});

ruleCases(RamShareNoExternalPrincipals, {
  compliant: [
    { name: "inside the organization", build: (s) => new RamResourceShare(s, "Share", { name: "lattice", allowExternalPrincipals: false }) },
  ],
  nonCompliant: [
    {
      name: "external principals on with the deprecated bare true (no reason given: the finding stays open)",
      on: "aws_ram_resource_share",
      message: "is true",
      build: (s) =>
        new ResourceShare(s, "Share", { name: "partner", principals: [SharePrincipal.account("333333333333")], allowExternalPrincipals: true }),
    },
    {
      name: "external principals on with OptOut.because (accepted with its reason)",
      on: "aws_ram_resource_share",
      message: "is true",
      acceptedBy: "allow_external_principals",
      build: (s) =>
        new ResourceShare(s, "Share", {
          name: "partner",
          principals: [SharePrincipal.account("333333333333")],
          allowExternalPrincipals: OptOut.because("the partner account is outside the organization and accepts the share"),
        }),
    },
    {
      name: 'external principals on written as the string "true" (hand-written Terraform JSON; Terraform converts it)',
      on: "aws_ram_resource_share",
      message: "is true",
      build: (s) => new RamResourceShare(s, "Share", { name: "partner" }).addOverride("allow_external_principals", "true"),
    },
  ],
});
