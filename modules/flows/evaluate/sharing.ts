import { parseArn } from "../../core/arns";
import { ModelEntity, ResourceShareEntity, ShareMemberEntry } from "../model/entities";
import { NetworkModel } from "../model/network-model";
import { FlowVerdict, Path } from "../verdict";
import { labelOf } from "./context";

/** What a consumer in another account uses: a shared network or resource configuration, and the block that uses it. */
export interface SharedUse {
  /** ARNs that grant the use when shared (a configuration, or its GROUP). */
  readonly arns: readonly string[];
  /** For messages: `resource configuration orders-db`. */
  readonly label: string;
  /** Provider of the owner. */
  readonly ownerProvider: string;
  /** The owner's account when the resource is made elsewhere and known by ARN (its provider is then the consumer's). @default - the account of ownerProvider */
  readonly ownerAccount?: string;
  /** The consumer's block (an endpoint, a VPC association). */
  readonly consumer: ModelEntity;
  /** What the consumer's block waits for (`depends_on`). */
  readonly dependsOn: readonly string[];
}

/**
 * Across accounts, a shared resource is usable once RAM has shared it with
 * the consumer's account (principal and resource associations) and, for
 * shares outside the organization, the consumer accepted. The consumer's
 * block must wait for all of that, or its creation races the share at apply.
 */
export function checkShare(path: Path, model: NetworkModel, use: SharedUse): Path | FlowVerdict {
  const consumerAccount = model.accountOf(use.consumer.provider);
  const ownerAccount = use.ownerAccount ?? model.accountOf(use.ownerProvider);
  if (
    (use.ownerAccount === undefined && use.consumer.provider === use.ownerProvider) ||
    (consumerAccount !== undefined && consumerAccount === ownerAccount)
  )
    return path;
  const shares = model.shares.filter(
    (s) =>
      s.resources.some((r) => use.arns.includes(r.value)) ||
      (s.address.startsWith("external:") && s.accepters.some((a) => a.provider === use.consumer.provider)),
  );
  if (shares.length === 0 && use.ownerAccount !== undefined) {
    // The owner's share is not in this stack: inside an organization with RAM sharing enabled, there is nothing to accept either.
    return path.assume(
      `account ${ownerAccount} shares ${use.label} with account ${consumerAccount ?? use.consumer.provider} through RAM (its share is not in this stack, and nothing here accepts one)`,
    );
  }
  if (shares.length === 0)
    return path.deny(
      "share",
      `${use.label} belongs to account ${ownerAccount ?? use.ownerProvider}, and no RAM share in this stack shares it with account ${consumerAccount ?? use.consumer.provider}`,
      use.consumer.address,
    );
  for (const share of shares) {
    if (share.address.startsWith("external:")) {
      const accepter = share.accepters.find((a) => a.provider === use.consumer.provider);
      if (accepter !== undefined && !use.dependsOn.includes(accepter.address)) {
        return path.deny(
          "share",
          `${labelOf(use.consumer)} is created without waiting for the acceptance ${labelOf({ ...accepter, path: accepter.address })} of share ${share.arn}: a race at apply`,
          use.consumer.address,
        );
      }
      return path
        .pass("share", `share ${share.arn}, made in another stack, is accepted here before ${labelOf(use.consumer)}`, accepter?.address)
        .assume(`share ${share.arn} shares ${use.label} with account ${consumerAccount ?? use.consumer.provider}`);
    }
    const principal = share.principals.find((p) => p.value === consumerAccount || p.value.startsWith("arn:"));
    if (principal === undefined) continue;
    const resource = share.resources.find((r) => use.arns.includes(r.value));
    let current = path;
    if (principal.value !== consumerAccount) current = current.assume(`account ${consumerAccount ?? use.consumer.provider} is in ${principal.value}`);
    const accepter = share.accepters.find((a) => a.provider === use.consumer.provider);
    if (share.allowExternalPrincipals && accepter === undefined && principal.value === consumerAccount) {
      current = current.assume(
        `account ${consumerAccount} is inside the owner's organization with RAM sharing enabled (share ${share.name} allows external principals and nobody accepts it)`,
      );
    }
    const needed = [principal.address, ...(resource === undefined ? [] : [resource.address]), ...(accepter === undefined ? [] : [accepter.address])];
    const missing = needed.filter((address) => !use.dependsOn.includes(address));
    if (missing.length > 0) {
      return current.deny(
        "share",
        `${labelOf(use.consumer)} is created without waiting for ${missing.join(", ")} of share ${share.name}: a race at apply (add them to depends_on)`,
        use.consumer.address,
      );
    }
    return current.pass(
      "share",
      `RAM share ${share.name} gives ${use.label} to account ${consumerAccount ?? use.consumer.provider}${accepter === undefined ? "" : ", which accepts it"}, before ${labelOf(use.consumer)} is created`,
      share.address,
    );
  }
  return path.deny(
    "share",
    `no RAM share in this stack names account ${consumerAccount ?? use.consumer.provider} for ${use.label}`,
    shares[0].address,
  );
}

/** A client whose VPC (and its association) is made elsewhere: the caller's account, and what it knows about its organization. */
export interface OutsideConsumer {
  /** The consumer's account. @default - unknown */
  readonly account?: string;
  /** The caller's organization (`aws:PrincipalOrgID`). @default - unknown */
  readonly organizationId?: string;
  /** The caller's organization paths, which show the organizational units its account is in. */
  readonly organizationPaths: readonly string[];
}

/**
 * Whether a share of this stack reaches an account whose side is made
 * elsewhere (its VPC association in its own stack): named by account, by
 * the organization, or by an organizational unit that its organization
 * paths show it is in. What that side must do (accept, associate) is
 * assumed.
 */
export function checkShareWithOutsider(
  path: Path,
  model: NetworkModel,
  use: Omit<SharedUse, "consumer" | "dependsOn">,
  consumer: OutsideConsumer,
): Path | FlowVerdict {
  const ownerAccount = use.ownerAccount ?? model.accountOf(use.ownerProvider);
  if (consumer.account === undefined) return path.assume(`the caller's account may use ${use.label}`);
  if (consumer.account === ownerAccount) return path;
  const shares = model.shares.filter((s) => !s.address.startsWith("external:") && s.resources.some((r) => use.arns.includes(r.value)));
  if (shares.length === 0 && use.ownerAccount !== undefined) {
    // Made elsewhere (known by ARN): its owner's shares are not in this stack either, as for checkShare.
    return path.assume(`account ${ownerAccount} shares ${use.label} with account ${consumer.account} through RAM (its share is not in this stack)`);
  }
  if (shares.length === 0)
    return path.deny(
      "share",
      `${use.label} belongs to account ${ownerAccount ?? use.ownerProvider}, and no RAM share in this stack shares it with account ${consumer.account}`,
      undefined,
    );
  for (const share of shares) {
    for (const principal of share.principals) {
      const membership = membershipOf(principal, consumer);
      if (membership === "no") continue;
      let current = membership === "assumed" ? path.assume(`account ${consumer.account} is in ${principal.value}`) : path;
      if (share.allowExternalPrincipals)
        current = current.assume(
          `account ${consumer.account} accepts share ${share.name} before associating (needed outside the organization, or where RAM sharing with the organization is off)`,
        );
      return current.pass(
        "share",
        `RAM share ${share.name} gives ${use.label} to account ${consumer.account}${membership === "yes" && principal.value !== consumer.account ? ` (in ${principal.value})` : ""}`,
        share.address,
      );
    }
  }
  return path.deny(
    "share",
    `no RAM share in this stack gives ${use.label} to account ${consumer.account}: ${describePrincipals(shares)}${consumer.organizationPaths.length > 0 ? `, and the caller's organization paths are ${consumer.organizationPaths.join(", ")}` : ""}`,
    shares[0].address,
  );
}

/** Is the consumer's account among a share principal: yes, no, or assumed (an OU or organization its paths do not tell). */
function membershipOf(principal: ShareMemberEntry, consumer: OutsideConsumer): "yes" | "no" | "assumed" {
  if (principal.value === consumer.account) return "yes";
  const arn = parseArn(principal.value);
  if (arn?.service !== "organizations") return "no";
  const [kind, organizationId, unit] = arn.resource.split("/");
  const knownOrganization = consumer.organizationId ?? consumer.organizationPaths[0]?.split("/")[0];
  if (knownOrganization !== undefined && knownOrganization !== organizationId) return "no";
  if (kind === "organization") return knownOrganization === undefined ? "assumed" : "yes";
  if (kind !== "ou" || unit === undefined) return "assumed";
  if (consumer.organizationPaths.length === 0) return "assumed";
  return consumer.organizationPaths.some((p) => p.split("/").includes(unit)) ? "yes" : "no";
}

function describePrincipals(shares: readonly ResourceShareEntity[]): string {
  return shares.map((s) => `share ${s.name} names ${s.principals.map((p) => p.value).join(", ") || "nobody"}`).join("; ");
}
