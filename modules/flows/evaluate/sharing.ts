import { ModelEntity } from "../model/entities";
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
  const ownerAccount = model.accountOf(use.ownerProvider);
  if (use.consumer.provider === use.ownerProvider || (consumerAccount !== undefined && consumerAccount === ownerAccount)) return path;
  const shares = model.shares.filter((s) => s.resources.some((r) => use.arns.includes(r.value)) || (s.address.startsWith("external:") && s.accepters.some((a) => a.provider === use.consumer.provider)));
  if (shares.length === 0) return path.deny("share", `${use.label} belongs to account ${ownerAccount ?? use.ownerProvider}, and no RAM share in this stack shares it with account ${consumerAccount ?? use.consumer.provider}`, use.consumer.address);
  for (const share of shares) {
    if (share.address.startsWith("external:")) {
      const accepter = share.accepters.find((a) => a.provider === use.consumer.provider);
      if (accepter !== undefined && !use.dependsOn.includes(accepter.address)) {
        return path.deny("share", `${labelOf(use.consumer)} is created without waiting for the acceptance ${labelOf({ ...accepter, path: accepter.address })} of share ${share.arn}: a race at apply`, use.consumer.address);
      }
      return path.pass("share", `share ${share.arn}, made in another stack, is accepted here before ${labelOf(use.consumer)}`, accepter?.address).assume(`share ${share.arn} shares ${use.label} with account ${consumerAccount ?? use.consumer.provider}`);
    }
    const principal = share.principals.find((p) => p.value === consumerAccount || p.value.startsWith("arn:"));
    if (principal === undefined) continue;
    const resource = share.resources.find((r) => use.arns.includes(r.value));
    let current = path;
    if (principal.value !== consumerAccount) current = current.assume(`account ${consumerAccount ?? use.consumer.provider} is in ${principal.value}`);
    const accepter = share.accepters.find((a) => a.provider === use.consumer.provider);
    if (share.allowExternalPrincipals && accepter === undefined && principal.value === consumerAccount) {
      current = current.assume(`account ${consumerAccount} is inside the owner's organization with RAM sharing enabled (share ${share.name} allows external principals and nobody accepts it)`);
    }
    const needed = [principal.address, ...(resource === undefined ? [] : [resource.address]), ...(accepter === undefined ? [] : [accepter.address])];
    const missing = needed.filter((address) => !use.dependsOn.includes(address));
    if (missing.length > 0) {
      return current.deny("share", `${labelOf(use.consumer)} is created without waiting for ${missing.join(", ")} of share ${share.name}: a race at apply (add them to depends_on)`, use.consumer.address);
    }
    return current.pass("share", `RAM share ${share.name} gives ${use.label} to account ${consumerAccount ?? use.consumer.provider}${accepter === undefined ? "" : ", which accepts it"}, before ${labelOf(use.consumer)} is created`, share.address);
  }
  return path.deny("share", `no RAM share in this stack names account ${consumerAccount ?? use.consumer.provider} for ${use.label}`, shares[0].address);
}
