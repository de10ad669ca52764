import { ITerraformDependable, TerraformProvider } from "../core/cdktf";
import { IConstruct } from "constructs";
import { RamResourceAssociation } from "@cdktf/provider-aws/lib/ram-resource-association";
import { AppRegistry, isAccountId, literalAccountOf, ValidationError } from "../core";
import { gateConsumersBehindShare } from "../endpoints/targets";
import { ResourceShare } from "../ram";

/** One RAM share of a target: the share, what consumers wait for, and the prop that lists its principals (for errors). */
interface TargetShare {
  readonly share: ResourceShare;
  readonly dependencies: readonly ITerraformDependable[];
  readonly principalsProp: string;
}

/** The shares of each target this app shares (a configuration may be in several), per app. */
const targetShares = new AppRegistry<object, TargetShare[]>();

/**
 * Records that `share` gives `target` (a service network, a resource
 * configuration) to its principals through `association`, and gates every
 * consumer of the target (service network associations, ServiceNetwork and
 * Resource endpoints) behind the target's shares: see {@link admitThroughShares}.
 * `describe` names the target in errors ("the network test/Network");
 * `principalsProp` is the prop that lists the share's principals. Returns
 * what consumers in other accounts wait for.
 * @internal
 */
export function gateBehindShare(
  target: object,
  describe: string,
  share: ResourceShare,
  association: RamResourceAssociation,
  principalsProp: string,
): readonly ITerraformDependable[] {
  const dependencies = share.consumerDependencies(association);
  const shares = targetShares.of(share).get(target);
  if (shares !== undefined) {
    shares.push({ share, dependencies, principalsProp });
  } else {
    const first = [{ share, dependencies, principalsProp }];
    targetShares.of(share).set(target, first);
    gateConsumersBehindShare(share, target, (consumer, provider, use) => admitThroughShares(describe, first, consumer, provider, use));
  }
  return dependencies;
}

/**
 * A consumer made in another account than the target's owner can only
 * exist once a share has given that account the target: one made with
 * another provider waits for the principal and resource associations of the
 * shares that may hold its account, unless both providers pin the same
 * account; an account every share leaves out (their principals all
 * accounts, by ID) fails, as AWS would refuse it at apply.
 */
function admitThroughShares(
  describe: string,
  shares: readonly TargetShare[],
  consumer: IConstruct,
  provider: TerraformProvider | undefined,
  use: string,
): readonly ITerraformDependable[] {
  const member = literalAccountOf(consumer, provider);
  for (const { share } of shares) {
    if (provider === share.provider) return [];
    const owner = literalAccountOf(share, share.provider);
    if (owner !== undefined && owner === member) return [];
  }
  const accountsOf = (s: TargetShare) => s.share.principals.map((p) => p.value);
  const holding = shares.filter((s) => member === undefined || !accountsOf(s).every(isAccountId) || accountsOf(s).includes(member));
  if (holding.length === 0)
    throw new ValidationError(
      consumer,
      "provider",
      member,
      `a provider of an account ${describe} is shared with (${shares.map((s) => `${s.principalsProp}: ${accountsOf(s).join(", ")}`).join("; ")}), or that account added to ${shares.map((s) => s.principalsProp).join(" or ")}: RAM gives account ${member} nothing to ${use}`,
    );
  return [...new Set(holding.flatMap((s) => s.dependencies))];
}
