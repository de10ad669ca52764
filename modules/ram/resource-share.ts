import { Annotations, ITerraformDependable, TerraformProvider, TerraformResource } from "../core/cdktf";
import { Construct, IConstruct } from "constructs";
import { RamPrincipalAssociation } from "@cdktf/provider-aws/lib/ram-principal-association";
import { RamResourceAssociation } from "@cdktf/provider-aws/lib/ram-resource-association";
import { RamResourceShare } from "@cdktf/provider-aws/lib/ram-resource-share";
import { RamResourceShareAccepter } from "@cdktf/provider-aws/lib/ram-resource-share-accepter";
import { VpclatticeResourceConfiguration } from "@cdktf/provider-aws/lib/vpclattice-resource-configuration";
import {
  AppRegistry,
  AwsResourceProps,
  checkArn,
  checkAtSynth,
  checkInstance,
  checkKnownProps,
  checkLength,
  checkList,
  checkNotChildConfiguration,
  checkPattern,
  checkString,
  checkTags,
  isAccountId,
  isUnresolved,
  literalAccountOf,
  literalRegionOf,
  OptOut,
  optOutReason,
  parseArn,
  RAM_SHAREABLE_KINDS,
  RECORDED_OPT_OUTS,
  recordOptOut,
  requireProps,
  requireValue,
  resolvedValue,
  stableId,
  stackOf,
  ValidationError,
} from "../core";

/** Who a share is granted to. */
export class SharePrincipal {
  /** One AWS account, by 12-digit ID. */
  public static account(accountId: string): SharePrincipal {
    return new SharePrincipal(accountId, `account-${accountId}`, (scope, prop) => {
      if (!isUnresolved(accountId) && (typeof accountId !== "string" || !isAccountId(accountId)))
        throw new ValidationError(scope, prop, accountId, "a 12-digit AWS account ID");
    });
  }

  /** An organizational unit, by ARN. */
  public static organizationalUnit(ouArn: string): SharePrincipal {
    return new SharePrincipal(ouArn, `ou-${String(ouArn).split("/").pop()}`, (scope, prop, region) => {
      checkArn(scope, prop, requireValue(scope, prop, ouArn, "an OU ARN"), "organizationalUnit", { region });
    });
  }

  /** A whole organization, by ARN. */
  public static organization(organizationArn: string): SharePrincipal {
    return new SharePrincipal(organizationArn, `org-${String(organizationArn).split("/").pop()}`, (scope, prop, region) => {
      checkArn(scope, prop, requireValue(scope, prop, organizationArn, "an organization ARN"), "organization", { region });
    });
  }

  /** True for a value made by one of the factories. */
  public static isSharePrincipal(value: unknown): value is SharePrincipal {
    return value instanceof SharePrincipal;
  }

  private constructor(
    /** The RAM `principal` value: an account ID, OU ARN or organization ARN. */
    public readonly value: string,
    /** Stable part of the association's construct ID. */
    public readonly key: string,
    private readonly check: (scope: IConstruct, prop: string, region: string | undefined) => void,
  ) {}

  /**
   * Fails for a malformed principal, or an OU or organization of another
   * partition than `region`'s (the share's region, when known).
   * @internal
   */
  public validate(scope: IConstruct, prop: string, region?: string): void {
    this.check(scope, prop, region);
  }
}

/** A share that consumer accounts accept. */
export interface IResourceShare {
  /** ARN of the RAM resource share (`aws_ram_resource_share.arn`). */
  readonly resourceShareArn: string;
  /** What must exist before an invitation can be accepted. @default - nothing */
  readonly invitationDependencies?: readonly ITerraformDependable[];
}

/**
 * Who a resource is shared with through AWS RAM: the one sharing value of
 * every area (service networks, resource configurations, DNS groups,
 * meshes, transit gateways).
 */
export interface ResourceSharing {
  /** Accounts, OUs or the organization the share is granted to. */
  readonly principals: readonly SharePrincipal[];
  /**
   * Share with principals outside your AWS organization (they must accept
   * the share). Off by default so that a typo in an account ID cannot share
   * with a stranger: turn it on with `OptOut.because("<why>")` (the reason
   * is recorded with the share; `true` still works, deprecated).
   * @default - principals of the organization only
   */
  readonly allowExternalPrincipals?: OptOut | boolean;
  /** The share's name in the RAM console of both accounts. @default - the shared resource's name */
  readonly name?: string;
}

export interface ResourceShareProps extends AwsResourceProps, ResourceSharing {
  /** Share name as shown in the RAM console of both accounts. */
  readonly name: string;
  /** Tags of the share; `Name` comes from `name`. @default - Name only */
  readonly tags?: Readonly<Record<string, string>>;
}

/** Attributes of a share made elsewhere, for {@link ResourceShare.fromResourceShareAttributes}. */
export interface ResourceShareAttributes {
  /** The share's ARN (`arn:aws:ram:<region>:<account>:resource-share/<uuid>`), as the owner's RAM console or outputs show it. */
  readonly resourceShareArn: string;
  /** The provider the share lives with, whose region the ARN must name. @default - the stack's default provider */
  readonly provider?: TerraformProvider;
}

/**
 * An AWS RAM resource share with its principal associations. Resources are
 * added with {@link ResourceShare.addResource}, keyed by a stable name.
 *
 * Creates: aws_ram_resource_share, aws_ram_principal_association,
 * aws_ram_resource_association.
 */
export class ResourceShare extends Construct implements IResourceShare {
  /**
   * A share made elsewhere (another stack, another account's
   * configuration), for a {@link ResourceShareAccepter}: its ARN is checked
   * (a RAM share, of the provider's region).
   */
  public static fromResourceShareAttributes(scope: Construct, id: string, attrs: ResourceShareAttributes): IResourceShare {
    return new ImportedResourceShare(scope, id, attrs);
  }

  /** The underlying `aws_ram_resource_share`, as an escape hatch. */
  public readonly resource: RamResourceShare;
  /** ARN of the RAM resource share (`aws_ram_resource_share.arn`). */
  public readonly resourceShareArn: string;
  /** Whether principals outside the owner's AWS organization may be granted the share (`allow_external_principals`). */
  public readonly allowExternalPrincipals: boolean;
  /** The accounts, OUs or organization the share is granted to, one `aws_ram_principal_association` each. */
  public readonly principals: readonly SharePrincipal[];
  public readonly invitationDependencies: readonly ITerraformDependable[];
  /** The provider of the account that owns the share. @default - the stack's default provider */
  public readonly provider?: TerraformProvider;

  /** The names and ARNs shared so far: each once. */
  private readonly shared = { names: new Map<string, string>(), arns: new Map<string, string>() };

  constructor(scope: Construct, id: string, props: ResourceShareProps) {
    super(scope, id);
    requireProps(this, props, ["name", "principals"]);
    checkKnownProps(this, props, RESOURCE_SHARE_PROPS);
    requireValue(this, "name", props.name, "a share name");
    checkString(this, "name", props.name);
    checkLength(this, "name", props.name, 1, 255);
    const principals = checkList(this, "principals", props.principals) ?? [];
    if (principals.length === 0) {
      throw new ValidationError(this, "principals", [], "at least one account, OU or organization to share with");
    }
    const region = literalRegionOf(this, props.provider);
    const owner = literalAccountOf(this, props.provider);
    const seen = new Map<string, number>();
    principals.forEach((p, i) => {
      checkInstance(this, `principals[${i}]`, p, SharePrincipal.isSharePrincipal, "SharePrincipal.account, .organizationalUnit or .organization");
      p.validate(this, `principals[${i}]`, region);
      const first = seen.get(stableId(p.key));
      if (first !== undefined) throw new ValidationError(this, `principals[${i}]`, p.value, `each principal once (principals[${first}] is the same)`);
      seen.set(stableId(p.key), i);
    });
    // The owner has what it shares already: a share granted to it alone reaches nobody (a mesh's owner member among others is fine).
    if (owner !== undefined && principals.every((p) => p.value === owner)) {
      throw new ValidationError(
        this,
        "principals",
        principals.map((p) => p.value),
        `an account, OU or organization besides the share's owner (${owner}, its provider's account): the owner already has what it shares, so the share would reach nobody`,
      );
    }
    const tags = checkTags(this, "tags", props.tags) ?? {};
    if ("Name" in tags) throw new ValidationError(this, "tags.Name", tags.Name, "no Name tag: the share's Name is its `name`");
    this.provider = props.provider;
    const external = optOutReason(this, "allowExternalPrincipals", props.allowExternalPrincipals);
    this.allowExternalPrincipals = external !== undefined;
    this.principals = principals;
    this.resource = new RamResourceShare(this, "Resource", {
      provider: props.provider,
      name: props.name,
      allowExternalPrincipals: this.allowExternalPrincipals,
      tags: { ...tags, Name: props.name },
    });
    if (external !== undefined) recordOptOut(this.resource, RECORDED_OPT_OUTS.externalPrincipals, external);
    this.resourceShareArn = this.resource.arn;
    checkAtSynth(this, () => this.warnIfSharingNothing());
    this.invitationDependencies = principals.map(
      (principal) =>
        new RamPrincipalAssociation(this, `Principal-${stableId(principal.key)}`, {
          provider: props.provider,
          resourceShareArn: this.resourceShareArn,
          principal: principal.value,
        }),
    );
  }

  /**
   * What a consumer's block (an endpoint, an association) must wait for
   * before it uses a resource of the share: the principal associations and
   * the resource's association. A consumer outside the organization waits
   * for its acceptance too.
   */
  public consumerDependencies(resource: RamResourceAssociation): ITerraformDependable[] {
    return [...this.invitationDependencies, resource];
  }

  /**
   * Shares one more resource; `name` keys its Terraform address. Returns the
   * association, which consumers of the resource wait for with
   * {@link ResourceShare.consumerDependencies}.
   */
  public addResource(name: string, resourceArn: string): RamResourceAssociation {
    requireValue(this, "addResource.name", name, "a name for the shared resource, which keys its Terraform address");
    checkString(this, "addResource.name", name);
    checkPattern(this, "addResource.name", name, /\S/, "a name for the shared resource, which keys its Terraform address");
    const prop = `resources.${name}`;
    const key = stableId(name);
    const sameName = this.shared.names.get(key);
    if (sameName !== undefined)
      throw new ValidationError(this, prop, name, `a name no other resource of the share has (${sameName} has the same Terraform address)`);
    requireValue(this, prop, resourceArn, "the ARN of a resource RAM shares");
    checkArn(this, prop, resourceArn, RAM_SHAREABLE_KINDS, { region: literalRegionOf(this, this.provider) });
    this.checkOwnResource(prop, resourceArn);
    const sameArn = isUnresolved(resourceArn) ? undefined : this.shared.arns.get(resourceArn);
    if (sameArn !== undefined) throw new ValidationError(this, prop, resourceArn, `a resource not shared yet (resources.${sameArn} is the same)`);
    this.shared.names.set(key, name);
    if (!isUnresolved(resourceArn)) this.shared.arns.set(resourceArn, name);
    const association = new RamResourceAssociation(this, `Resource-${key}`, {
      provider: this.provider,
      resourceShareArn: this.resourceShareArn,
      resourceArn,
    });
    sharedResources.of(this).set(association, this);
    return association;
  }

  /**
   * A share no resource is associated with shares nothing: warned at synth,
   * unless a resource association of the app (made with the provider's
   * resource, `aws_ram_resource_association`) names the share. Not refused:
   * another configuration may associate resources with it by its ARN.
   */
  private warnIfSharingNothing(): void {
    if (this.shared.names.size > 0) return;
    const own = stackOf(this);
    const arn = resolvedValue(this, this.resourceShareArn);
    const named = this.node.root.node
      .findAll()
      .some(
        (c) =>
          c instanceof RamResourceAssociation &&
          (c.resourceShareArnInput === this.resourceShareArn || (stackOf(c) === own && resolvedValue(this, c.resourceShareArnInput) === arn)),
      );
    if (named) return;
    Annotations.of(this).addWarning(
      "no resource is shared: add one with share.addResource(name, arn), or the share reaches its principals empty (unless another configuration associates resources with it)",
    );
  }

  /**
   * RAM shares only what the share's account owns: an ARN of another
   * account (literal, or a resource of this stack made with another
   * account's provider) fails at apply. A CHILD resource configuration is
   * shared only through its GROUP: AWS refuses it on its own.
   */
  private checkOwnResource(prop: string, resourceArn: string): void {
    const resource = isUnresolved(resourceArn) ? resourceOfArn(this, resourceArn) : undefined;
    if (resource !== undefined && !SHAREABLE_RESOURCE_TYPES.includes(resource.terraformResourceType)) {
      // A literal ARN of another kind fails checkArn; a reference to the resource's arn carried no kind until now.
      throw new ValidationError(
        this,
        prop,
        pathOf(resource),
        `the ARN of a resource RAM shares (a service network, a service, a resource configuration, a transit gateway or a prefix list): ${resource.terraformResourceType} is not one, and RAM refuses the association at apply (share the resource configurations it carries instead)`,
      );
    }
    if (resource instanceof VpclatticeResourceConfiguration) checkNotChildConfiguration(this, prop, { type: resource.typeInput }, "shares");
    // RAM is regional: a share holds resources of its own region only.
    const shareRegion = literalRegionOf(this, this.provider);
    const resourceRegion = resource === undefined ? undefined : literalRegionOf(this, resource.provider);
    if (shareRegion !== undefined && resourceRegion !== undefined && shareRegion !== resourceRegion) {
      throw new ValidationError(
        this,
        prop,
        pathOf(resource!),
        `a resource of the share's region (${shareRegion}; this one is in ${resourceRegion}): RAM shares are regional, so the association fails at apply (share it from a provider of ${resourceRegion})`,
      );
    }
    const shareAccount = literalAccountOf(this, this.provider);
    const account =
      resource !== undefined ? literalAccountOf(this, resource.provider) : isUnresolved(resourceArn) ? undefined : resourceArn.split(":")[4];
    if (shareAccount === undefined || account === undefined || account === shareAccount) return;
    throw new ValidationError(
      this,
      prop,
      resource === undefined ? resourceArn : pathOf(resource),
      `a resource of the share's account (${shareAccount}; this one is of ${account}): RAM shares only what its owner owns (share it from the provider of its account)`,
    );
  }
}

/** The Terraform types of the resources RAM_SHAREABLE_KINDS names, for a share given a reference to a resource's `arn`. */
const SHAREABLE_RESOURCE_TYPES: readonly string[] = [
  "aws_vpclattice_service_network",
  "aws_vpclattice_service",
  "aws_vpclattice_resource_configuration",
  "aws_ec2_transit_gateway",
  "aws_ec2_managed_prefix_list",
];

const RESOURCE_SHARE_PROPS: Record<keyof ResourceShareProps, true> = {
  name: true,
  principals: true,
  allowExternalPrincipals: true,
  tags: true,
  provider: true,
};

const RESOURCE_SHARE_ATTRIBUTES: Record<keyof ResourceShareAttributes, true> = {
  resourceShareArn: true,
  provider: true,
};

/** The resource of the stack whose `arn` a reference is (`${aws_x.Name_1234.arn}`); undefined for anything else. */
function resourceOfArn(scope: IConstruct, arn: string): TerraformResource | undefined {
  const resolved = resolvedValue(scope, arn);
  const match = typeof resolved === "string" ? /^\$\{([\w-]+)\.([\w-]+)\.arn\}$/.exec(resolved) : null;
  if (match === null) return undefined;
  return stackOf(scope)
    .node.findAll()
    .find(
      (c): c is TerraformResource =>
        TerraformResource.isTerraformResource(c) && c.terraformResourceType === match[1] && c.friendlyUniqueId === match[2],
    );
}

/** How errors name a resource of the stack: the building block it is the `Resource` of, else itself. */
function pathOf(resource: TerraformResource): string {
  const scope = resource.node.scope;
  return resource.node.id === "Resource" && scope !== undefined ? scope.node.path : resource.node.path;
}

class ImportedResourceShare extends Construct implements IResourceShare {
  public readonly resourceShareArn: string;
  /** The provider given with the ARN, whose region the share is of; undefined when none was given. */
  public readonly provider?: TerraformProvider;

  constructor(scope: Construct, id: string, attrs: ResourceShareAttributes) {
    super(scope, id);
    requireProps(this, attrs, ["resourceShareArn"]);
    checkKnownProps(this, attrs, RESOURCE_SHARE_ATTRIBUTES);
    checkArn(this, "resourceShareArn", attrs.resourceShareArn, "ramResourceShare", { region: literalRegionOf(this, attrs.provider) });
    this.resourceShareArn = attrs.resourceShareArn;
    this.provider = attrs.provider;
  }
}

/** The accepters so far, by share and account (or provider): the first accepter's path. */
const invitations = new AppRegistry<string, string>();

/** Each resource association `ResourceShare.addResource` made, with its share, per app (in the order shared). */
const sharedResources = new AppRegistry<RamResourceAssociation, ResourceShare>();
/** Each `ResourceShareAccepter`, with the share it accepts, per app. */
const shareAccepters = new AppRegistry<ResourceShareAccepter, IResourceShare>();

/**
 * The resources shared with `ResourceShare.addResource` in the app of
 * `scope`, each with its share: what a consumer of a shared target waits
 * for, found without walking the construct tree.
 * @internal
 */
export function sharedResourcesOf(scope: IConstruct): readonly { readonly share: ResourceShare; readonly association: RamResourceAssociation }[] {
  return [...sharedResources.of(scope)].map(([association, share]) => ({ share, association }));
}

/** The `ResourceShareAccepter`s of the app of `scope`. @internal */
export function shareAcceptersOf(scope: IConstruct): readonly ResourceShareAccepter[] {
  return [...shareAccepters.of(scope).keys()];
}

/** Props for ResourceShareAccepter. */
export interface ResourceShareAccepterProps {
  /** The share whose invitation to accept; the accepter waits for its principal associations. */
  readonly share: IResourceShare;
  /** The consumer account's provider. */
  readonly provider: TerraformProvider;
}

function isResourceShare(value: unknown): value is IResourceShare {
  const candidate = value as Partial<IResourceShare> | null;
  return typeof candidate === "object" && candidate !== null && typeof candidate.resourceShareArn === "string";
}

const RESOURCE_SHARE_ACCEPTER_PROPS: Record<keyof ResourceShareAccepterProps, true> = {
  share: true,
  provider: true,
};

/**
 * The consumer side of a share sent to an account outside the owner's
 * organization (or inside one without RAM organization sharing enabled):
 * accepts the invitation. Shares inside an organization with sharing
 * enabled need no acceptance; don't create this for them. One accepter per
 * share and account, with a provider of the share's region (invitations are
 * regional, and accepted once).
 *
 * Creates: aws_ram_resource_share_accepter.
 */
export class ResourceShareAccepter extends Construct {
  /** The underlying `aws_ram_resource_share_accepter`, as an escape hatch. */
  public readonly resource: RamResourceShareAccepter;

  constructor(scope: Construct, id: string, props: ResourceShareAccepterProps) {
    super(scope, id);
    requireProps(this, props, ["share", "provider"]);
    checkKnownProps(this, props, RESOURCE_SHARE_ACCEPTER_PROPS);
    // A JavaScript caller's bare share ARN has no resourceShareArn, which checkArn would pass as absent.
    checkInstance(
      this,
      "share",
      props.share,
      isResourceShare,
      "new ResourceShare(...), ResourceShare.fromResourceShareAttributes(...) or a pattern's share",
    );
    checkArn(this, "share.resourceShareArn", props.share.resourceShareArn, "ramResourceShare", { region: literalRegionOf(this, props.provider) });
    this.checkRegion(props.share, props.provider);
    if (props.share instanceof ResourceShare) this.checkInvited(props.share, props.provider);
    else this.checkOthersShare(props.share.resourceShareArn, props.provider);
    this.claimInvitation(props.share, props.provider);
    this.resource = new RamResourceShareAccepter(this, "Resource", {
      provider: props.provider,
      shareArn: props.share.resourceShareArn,
      dependsOn: props.share.invitationDependencies ? [...props.share.invitationDependencies] : undefined,
    });
    shareAccepters.of(this).set(this, props.share);
  }

  /**
   * RAM shares and their invitations are regional: the accepter finds the
   * invitation only in the share's region ("No pending RAM Resource Share
   * invitation found" elsewhere). Judged when both regions are literals: a
   * share of this stack (its provider's region), or an imported one given
   * with its provider; a literal ARN is judged by its own region already.
   */
  private checkRegion(share: IResourceShare, provider: TerraformProvider): void {
    const owner = share instanceof ResourceShare || share instanceof ImportedResourceShare ? share : undefined;
    if (owner === undefined || (owner instanceof ImportedResourceShare && owner.provider === undefined)) return;
    const region = literalRegionOf(owner, owner.provider);
    const own = literalRegionOf(this, provider);
    if (region === undefined || own === undefined || region === own) return;
    throw new ValidationError(
      this,
      "provider",
      `${provider.alias ?? "default"} (region ${own})`,
      `a provider in ${region}, the region of the share ${owner.node.path} (RAM shares and their invitations are regional)`,
    );
  }

  /**
   * An account accepts a share's invitation once: a second accepter of the
   * same account (its provider's literal account, or the same provider)
   * finds no pending invitation and fails at apply.
   */
  private claimInvitation(share: IResourceShare, provider: TerraformProvider): void {
    const account = literalAccountOf(this, provider);
    const shareKey = !isUnresolved(share.resourceShareArn)
      ? share.resourceShareArn
      : Construct.isConstruct(share)
        ? `construct:${share.node.path}`
        : share.resourceShareArn;
    const who = account !== undefined ? `account ${account}` : `provider ${provider.node.path}`;
    const first = invitations.claim(this, `${shareKey}|${who}`, this.node.path);
    if (first === undefined) return;
    throw new ValidationError(
      this,
      "share",
      Construct.isConstruct(share) ? share.node.path : share.resourceShareArn,
      `a share no other accepter ${account !== undefined ? `in account ${account}` : `with provider ${provider.alias ?? "default"}`} accepts (${first} does): the account's invitation is accepted once, and the second accepter finds none pending`,
    );
  }

  /** A share made elsewhere, known by ARN: the account in its ARN owns it and has no invitation to accept. */
  private checkOthersShare(arn: string, provider: TerraformProvider): void {
    const account = literalAccountOf(this, provider);
    const owner = isUnresolved(arn) ? undefined : parseArn(arn)?.account;
    if (account === undefined || owner !== account) return;
    throw new ValidationError(
      this,
      "share.resourceShareArn",
      arn,
      `the ARN of a share another account owns: this one is of ${account}, the account of provider ${provider.alias ?? "default"}, and the owner has no invitation to accept (give the owner's share ARN, or no accepter for a share of your own)`,
    );
  }

  /**
   * Only an account the share invites accepts it: not the owner's, nor one
   * its account principals (all literal) leave out. OUs and organizations
   * get no invitation: RAM shares with them only with organization sharing
   * enabled, which gives their accounts the share without one.
   */
  private checkInvited(share: ResourceShare, provider: TerraformProvider): void {
    const account = literalAccountOf(this, provider);
    if (account === undefined) return;
    const received = `${provider.alias ?? "default"} (account ${account})`;
    if (account === literalAccountOf(this, share.provider)) {
      throw new ValidationError(
        this,
        "provider",
        received,
        `the provider of an account the share ${share.node.path} is granted to: the owner's account has no invitation to accept`,
      );
    }
    const invited = share.principals.filter((p) => p.key.startsWith("account-")).map((p) => p.value);
    if (invited.some(isUnresolved) || invited.includes(account)) return;
    throw new ValidationError(
      this,
      "provider",
      received,
      invited.length === 0
        ? `no accepter: the share ${share.node.path} is granted to OUs or organizations only, whose accounts get it without an invitation`
        : `the provider of an account the share ${share.node.path} is granted to (${invited.join(", ")}): only they get an invitation`,
    );
  }
}
