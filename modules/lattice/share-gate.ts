import { ITerraformDependable, TerraformProvider } from "../core/cdktf";
import { Construct, IConstruct } from "constructs";
import { RamResourceAssociation } from "@cdktf/provider-aws/lib/ram-resource-association";
import { AppRegistry, isAccountId, isUnresolved, literalAccountOf, resolvedValue, stackOf, ValidationError } from "../core";
import { gateConsumersBehindShare } from "../endpoints/targets";
import { ResourceShare, shareAcceptersOf, sharedResourcesOf } from "../ram";

/** One RAM share of a target: the share, what consumers wait for, and the prop that lists its principals (for errors). */
interface TargetShare {
  readonly share: ResourceShare;
  readonly association: RamResourceAssociation;
  readonly dependencies: readonly ITerraformDependable[];
  readonly principalsProp: string;
}

/** A target's gate: how errors name it, its ARN (to find plain shares of it), the shares the library's sharing paths registered. */
interface TargetGate {
  describe: string;
  readonly arn: () => string | undefined;
  readonly shares: TargetShare[];
}

/** The gate of each target that may be shared (a configuration may be in several shares), per app. */
const targetGates = new AppRegistry<object, TargetGate>();

/**
 * Registers the gate of `target` (a service network, a service, a resource
 * configuration, made here or imported) when it is made: every consumer
 * of the target then passes {@link admitThroughShares} for the shares of
 * it, those registered with {@link gateBehindShare} and the plain ones (a
 * `ResourceShare.addResource` of the target's ARN), found when the
 * consumer asks. `describe` names the target in errors; `arn` gives its ARN.
 * @internal
 */
export function gateShareTarget(target: IConstruct, describe: string, arn: () => string): void {
  gateOf(target, target, describe, arn);
}

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
  const gate = gateOf(share, target, describe, () => association.resourceArnInput);
  gate.describe = describe;
  gate.shares.push({ share, association, dependencies, principalsProp });
  return dependencies;
}

/** The gate of `target` in the app of `scope`, registered (and its consumers gated) the first time. */
function gateOf(scope: IConstruct, target: object, describe: string, arn: () => string | undefined): TargetGate {
  const gates = targetGates.of(scope);
  const known = gates.get(target);
  if (known !== undefined) return known;
  const gate: TargetGate = { describe, arn, shares: [] };
  gates.set(target, gate);
  gateConsumersBehindShare(scope, target, (consumer, provider, use) =>
    admitThroughShares(gate.describe, [...gate.shares, ...plainSharesOf(scope, target, gate, provider)], consumer, provider, use),
  );
  return gate;
}

/**
 * The shares of `target` made the plain way, `new ResourceShare(...)` and
 * `addResource(name, arn)`, that no sharing path registered: each resource
 * association of a ResourceShare in the app whose ARN is the target's (the
 * same token or literal, or the same resolved expression in the target's
 * stack). A consumer made with `provider` waits for the share's principal
 * and resource associations and for the share's accepters of its account.
 */
function plainSharesOf(scope: IConstruct, target: object, gate: TargetGate, provider: TerraformProvider | undefined): TargetShare[] {
  const shared = sharedResourcesOf(scope);
  const arn = shared.length === 0 ? undefined : gate.arn();
  if (typeof arn !== "string") return [];
  const registered = new Set(gate.shares.map((s) => s.association));
  const stack = Construct.isConstruct(target) ? stackOf(target) : undefined;
  const resolved = stack !== undefined && isUnresolved(arn) ? resolvedValue(stack, arn) : undefined;
  return shared.flatMap(({ share, association }) => {
    if (registered.has(association)) return [];
    const given = association.resourceArnInput;
    const same = given === arn || (resolved !== undefined && stackOf(association) === stack && resolvedValue(association, given) === resolved);
    if (!same) return [];
    const accepters = shareAcceptersOf(scope).filter(
      (a) => a.resource.shareArnInput === share.resourceShareArn && sameAccount(a, a.resource.provider, provider),
    );
    return [
      {
        share,
        association,
        dependencies: [...share.consumerDependencies(association), ...accepters.map((a) => a.resource)],
        principalsProp: `principals of ${share.node.path}`,
      },
    ];
  });
}

/** Whether `one` (a provider of `scope`) and `other` are the same provider or pin the same account. */
function sameAccount(scope: IConstruct, one: TerraformProvider | undefined, other: TerraformProvider | undefined): boolean {
  if (one === other) return true;
  const account = literalAccountOf(scope, one);
  return account !== undefined && account === literalAccountOf(scope, other);
}

/**
 * A consumer made in another account than the target's owner can only
 * exist once a share has given that account the target: one made with
 * another provider waits for the principal and resource associations of the
 * shares that may hold its account, unless both providers pin the same
 * account; an account every share leaves out (their principals all
 * accounts, by ID) fails, as AWS would refuse it at apply. A target no
 * share gives away gates nothing.
 */
function admitThroughShares(
  describe: string,
  shares: readonly TargetShare[],
  consumer: IConstruct,
  provider: TerraformProvider | undefined,
  use: string,
): readonly ITerraformDependable[] {
  if (shares.length === 0) return [];
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
