import { ITerraformDependable, TerraformProvider } from "../../core/cdktf";
import { Construct } from "constructs";
import {
  checkAccountId,
  checkKnownProps,
  checkList,
  checkNotChildConfiguration,
  checkObject,
  checkString,
  checkTags,
  IResourceConfiguration,
  isUnresolved,
  optOutReason,
  PortRange,
  requireValue,
  ResourceConfigurationType,
  Tags,
  ValidationError,
  checkProvider,
} from "../../core";
import { ResourceEndpoint } from "../../endpoints";
import { IResourceShare, ResourceShare, ResourceShareAccepter, ResourceSharing, SharePrincipal } from "../../ram";
import { ISubnet, IVpc } from "../../vpc";
import { gateBehindShare } from "../../lattice/share-gate";

/** The partner's side, when one Terraform configuration manages both accounts: the partner's VPC and provider. */
export interface PartnerEndpointProps {
  /** The partner account's provider, which accepts the share (outside the organization) and creates the endpoint. */
  readonly provider: TerraformProvider;
  /** The partner VPC whose clients reach the resource. */
  readonly vpc: IVpc;
  /** @default - the partner VPC's private subnets */
  readonly subnets?: readonly ISubnet[];
}

/** Who a resource is shared with, and where the partner's clients are when this configuration manages the partner's side too. */
export interface PartnerAccessProps {
  /**
   * The principals the resource is shared with through AWS RAM:
   * `{ principals: [SharePrincipal.account("222222222222")] }`, and for a
   * partner outside the organization `allowExternalPrincipals:
   * OptOut.because("<why>")` (the partner then accepts the share).
   * @default - none; required unless the deprecated partnerAccountId is given
   */
  readonly sharing?: ResourceSharing;
  /**
   * The partner's side in this same configuration (its provider and VPC):
   * the acceptance and the Resource endpoint are created here too. Leave it
   * out when the partner deploys its half with its own credentials
   * ({@link SharedResourceConsumer}, fed with `contract`).
   * @default - the owner's half only
   */
  readonly partner?: PartnerEndpointProps;
  /** @deprecated Use `sharing: { principals: [SharePrincipal.account(id)] }`. @default - none */
  readonly partnerAccountId?: string;
  /** @deprecated Use `partner.provider`. @default - none */
  readonly partnerProvider?: TerraformProvider;
  /** @deprecated Use `partner.vpc`. @default - none */
  readonly partnerVpc?: IVpc;
  /** @deprecated Use `partner.subnets`. @default - the partner VPC's private subnets */
  readonly partnerSubnets?: readonly ISubnet[];
  /** @deprecated Use `sharing.allowExternalPrincipals: OptOut.because("<why>")`. @default false */
  readonly allowExternalPrincipals?: boolean;
}

export interface SharedResourceAccessProps extends PartnerAccessProps {
  /** The share's name in both accounts' RAM consoles. */
  readonly name: string;
  /** The configuration to share, made in the owner account. */
  readonly resourceConfiguration: IResourceConfiguration;
  /** Tags of everything created here, in both accounts. @default - none beyond the providers' default tags */
  readonly tags?: { readonly [key: string]: string };
}

/**
 * What the owner publishes (as outputs) for the partner's half: what the
 * partner imports with `ResourceConfiguration.fromResourceConfigurationAttributes`
 * and the share it accepts.
 */
export interface SharedResourceContract {
  /** The configuration's ARN: what the partner's endpoint reaches. */
  readonly resourceConfigurationArn: string;
  /** The RAM share the partner accepts (outside the organization). */
  readonly resourceShareArn: string;
  /** The ports the partner's endpoint opens. */
  readonly ports: readonly PortRange[];
  /** @default - unknown */
  readonly type?: ResourceConfigurationType;
  /** The AZ IDs of the gateway, where the partner's endpoint subnets must be (one at least). @default - unknown: the gateway is not placed by AZ ID */
  readonly gatewayAvailabilityZoneIds?: readonly string[];
}

/** The sharing and the partner's side, from the props of this release or the deprecated ones. @internal */
export interface NormalizedPartnerAccess {
  readonly sharing: ResourceSharing;
  readonly external: boolean;
  /** @default - none: the owner's half only */
  readonly partner?: PartnerEndpointProps;
}

/** The keys of {@link PartnerAccessProps}, for the props constants of the patterns that take them. @internal */
export const PARTNER_ACCESS_PROPS: Record<keyof PartnerAccessProps, true> = {
  sharing: true,
  partner: true,
  partnerAccountId: true,
  partnerProvider: true,
  partnerVpc: true,
  partnerSubnets: true,
  allowExternalPrincipals: true,
};

const SHARED_RESOURCE_ACCESS_PROPS: Record<keyof SharedResourceAccessProps, true> = {
  ...PARTNER_ACCESS_PROPS,
  name: true,
  resourceConfiguration: true,
  tags: true,
};

// Passed on to a ResourceShare by spread: an unknown key would fail there, under the share's path.
const SHARING_PROPS: Record<keyof ResourceSharing, true> = { principals: true, allowExternalPrincipals: true, name: true };
const PARTNER_PROPS: Record<keyof PartnerEndpointProps, true> = { provider: true, vpc: true, subnets: true };

/** What a configuration prop must be, for the errors of one given without its ARN. @internal */
export const CONFIGURATION_MADE =
  "a value made with new ResourceConfiguration(...) or ResourceConfiguration.fromResourceConfigurationAttributes(...): the share and the endpoint reference its ARN";

const LEGACY = ["partnerAccountId", "partnerProvider", "partnerVpc", "partnerSubnets", "allowExternalPrincipals"] as const;

/** Reads `sharing` and `partner`, or the deprecated partner props, checked against `scope`. @internal */
export function normalizePartnerAccess(scope: Construct, props: PartnerAccessProps): NormalizedPartnerAccess {
  const legacy = LEGACY.filter((name) => props[name] !== undefined);
  if (legacy.length > 0 && (props.sharing !== undefined || props.partner !== undefined)) {
    throw new ValidationError(
      scope,
      legacy[0],
      props[legacy[0]],
      `unset beside sharing and partner (${legacy.join(", ")} are deprecated: use sharing and partner)`,
    );
  }
  if (props.sharing === undefined && props.partnerAccountId !== undefined) {
    checkAccountId(scope, "partnerAccountId", props.partnerAccountId);
    const partner = {
      provider: requireValue(
        scope,
        "partnerProvider",
        checkProvider(scope, "partnerProvider", props.partnerProvider, "the partner account's"),
        "the partner account's AWS provider",
      ),
      vpc: requireValue(scope, "partnerVpc", props.partnerVpc, "the partner VPC whose clients reach the resource"),
      subnets: checkList(scope, "partnerSubnets", props.partnerSubnets),
    };
    const sharing: ResourceSharing = {
      principals: [SharePrincipal.account(props.partnerAccountId)],
      allowExternalPrincipals: props.allowExternalPrincipals,
    };
    return { sharing, external: optOutReason(scope, "allowExternalPrincipals", props.allowExternalPrincipals) !== undefined, partner };
  }
  const sharing = requireValue(
    scope,
    "sharing",
    checkObject(scope, "sharing", props.sharing),
    "who the resource is shared with: { principals: [SharePrincipal.account(...)] }",
  );
  checkKnownProps(scope, sharing, SHARING_PROPS, "sharing");
  // Null is no name: it would become the pattern's name unseen.
  checkString(scope, "sharing.name", sharing.name);
  const principals = requireValue(
    scope,
    "sharing.principals",
    checkList(scope, "sharing.principals", sharing.principals),
    "the accounts, OUs or organization to share with",
  );
  if (principals.length === 0) throw new ValidationError(scope, "sharing.principals", [], "at least one account, OU or organization to share with");
  principals.forEach((principal, index) => {
    if (!(principal instanceof SharePrincipal))
      throw new ValidationError(
        scope,
        `sharing.principals[${index}]`,
        principal,
        "a value made with SharePrincipal.account, .organizationalUnit or .organization",
      );
    principal.validate(scope, `sharing.principals[${index}]`);
  });
  const external = optOutReason(scope, "sharing.allowExternalPrincipals", sharing.allowExternalPrincipals) !== undefined;
  const partner = checkObject(scope, "partner", props.partner);
  if (partner !== undefined) {
    requireValue(scope, "partner.provider", partner.provider, "the partner account's AWS provider");
    // Before checkKnownProps, whose own provider check cannot say whose account it must be.
    checkProvider(scope, "partner.provider", partner.provider, "the partner account's");
    checkKnownProps(scope, partner, PARTNER_PROPS, "partner");
    checkList(scope, "partner.subnets", partner.subnets);
    requireValue(scope, "partner.vpc", partner.vpc, "the partner VPC whose clients reach the resource");
  }
  return { sharing, external, partner };
}

/** What the partner's side is made of: the acceptance (outside the organization) and the endpoint. @internal */
export interface PartnerSide {
  /** @default - none: the share needs no acceptance */
  readonly accepter?: ResourceShareAccepter;
  readonly endpoint: ResourceEndpoint;
}

/** Options of {@link createPartnerSide}. @internal */
export interface PartnerSideOptions {
  readonly resourceConfiguration: IResourceConfiguration;
  /** @default - the VPC's provider */
  readonly provider?: TerraformProvider;
  readonly vpc: IVpc;
  /** @default - the VPC's private subnets */
  readonly subnets?: readonly ISubnet[];
  /** @default - the configuration's ports */
  readonly ports?: readonly PortRange[];
  /** The share to accept. @default - none: inside the organization */
  readonly accept?: IResourceShare;
  /** What the endpoint waits for besides the acceptance (the share's associations, when the share is in this stack). */
  readonly waitFor: readonly ITerraformDependable[];
}

/**
 * The partner's half, with the IDs both patterns give it (`Accepter`,
 * `Endpoint`): the acceptance, then the Resource endpoint, created only once
 * the share is accepted (otherwise its creation races the share).
 * @internal
 */
export function createPartnerSide(scope: Construct, options: PartnerSideOptions): PartnerSide {
  const provider = options.provider ?? options.vpc.provider;
  const accepter =
    options.accept === undefined
      ? undefined
      : new ResourceShareAccepter(scope, "Accepter", {
          share: options.accept,
          provider: requireValue(
            scope,
            "provider",
            provider,
            "the partner account's AWS provider, which accepts the share (give it even when it is the stack's default)",
          ),
        });
  const endpoint = new ResourceEndpoint(scope, "Endpoint", {
    provider,
    vpc: options.vpc,
    subnets: options.subnets,
    ports: options.ports,
    resourceConfiguration: options.resourceConfiguration,
    dependsOn: [...options.waitFor, ...(accepter === undefined ? [] : [accepter.resource])],
  });
  return { accepter, endpoint };
}

/** Applies the tags of a pattern to everything it creates. @internal */
export function tagPattern(scope: Construct, tags: { readonly [key: string]: string } | undefined): void {
  for (const [key, value] of Object.entries(checkTags(scope, "tags", tags) ?? {})) Tags.of(scope).add(key, value);
}

/** Names a configuration in errors: its path, or its ARN when it is not a construct. @internal */
export function describeConfiguration(configuration: IResourceConfiguration): string {
  if (Construct.isConstruct(configuration)) return configuration.node.path;
  return isUnresolved(configuration.resourceConfigurationArn) ? "given" : configuration.resourceConfigurationArn;
}

/** What the owner hands to the partner. @internal */
export function contractOf(configuration: IResourceConfiguration, share: ResourceShare): SharedResourceContract {
  const zoneIds = (configuration.gatewayZones ?? []).flatMap((zone) =>
    zone.availabilityZoneId === undefined || isUnresolved(zone.availabilityZoneId) ? [] : [zone.availabilityZoneId],
  );
  const placedById = zoneIds.length > 0 && zoneIds.length === configuration.gatewayZones?.length;
  return {
    resourceConfigurationArn: configuration.resourceConfigurationArn,
    resourceShareArn: share.resourceShareArn,
    ports: configuration.ports ?? [],
    type: configuration.type,
    gatewayAvailabilityZoneIds: placedById ? zoneIds : undefined,
  };
}

/**
 * Shares a resource configuration through AWS RAM and, when this
 * configuration manages the partner's account too (`partner`), gives a
 * partner VPC a Resource endpoint to it (direct access across accounts): the
 * partner's acceptance when it is outside the organization, and the
 * endpoint, created only once the share names the partner, holds the
 * configuration and is accepted (otherwise its creation races the share).
 * Without `partner`, only the owner's half is made, deployable with the
 * owner's credentials alone; hand `contract` to the partner, whose
 * {@link SharedResourceConsumer} makes the other half with theirs.
 *
 * Creates: {@link ResourceShare}, and with `partner`
 * {@link ResourceShareAccepter} (external partners) and {@link ResourceEndpoint}.
 */
export class SharedResourceAccess extends Construct {
  /** The RAM share of the configuration with the partner. */
  public readonly share: ResourceShare;
  /** The partner's acceptance, for external partners whose side is made here. */
  public readonly accepter?: ResourceShareAccepter;
  /** The partner's endpoint, when its side is made here; its `resource.dnsEntry` holds the names clients connect to. */
  public readonly endpoint?: ResourceEndpoint;
  /** What the partner needs for its half: output these. */
  public readonly contract: SharedResourceContract;

  constructor(scope: Construct, id: string, props: SharedResourceAccessProps) {
    super(scope, id);
    checkKnownProps(this, props, SHARED_RESOURCE_ACCESS_PROPS);
    const access = normalizePartnerAccess(this, props);
    ({
      share: this.share,
      accepter: this.accepter,
      endpoint: this.endpoint,
    } = shareWithPartner(this, props.name, props.resourceConfiguration, access));
    this.contract = contractOf(props.resourceConfiguration, this.share);
    tagPattern(this, props.tags);
  }
}

/**
 * The share (id `Share`) of `configuration`, and the partner's side when it
 * is made here: what SharedResourceAccess and SharedDatabase share. `owner`
 * is the pattern whose `sharing` names the principals (for errors).
 * @internal
 */
export function shareWithPartner(
  scope: Construct,
  name: string,
  configuration: IResourceConfiguration,
  access: NormalizedPartnerAccess,
  owner: Construct = scope,
): { share: ResourceShare } & Partial<PartnerSide> {
  requireValue(scope, "resourceConfiguration", configuration, "the resource configuration to share");
  checkObject(scope, "resourceConfiguration", configuration);
  requireValue(scope, "resourceConfiguration.resourceConfigurationArn", configuration.resourceConfigurationArn, CONFIGURATION_MADE);
  checkNotChildConfiguration(scope, "resourceConfiguration", configuration, "shares");
  const share = new ResourceShare(scope, "Share", { ...access.sharing, provider: configuration.provider, name: access.sharing.name ?? name });
  const shared = share.addResource("resource-configuration", configuration.resourceConfigurationArn);
  // Resource endpoints and associations made in other accounts wait for the share; an account it leaves out fails.
  const waitFor = gateBehindShare(
    configuration,
    `the resource configuration ${describeConfiguration(configuration)}`,
    share,
    shared,
    `sharing.principals of ${owner.node.path}`,
  );
  if (access.partner === undefined) return { share };
  const side = createPartnerSide(scope, {
    resourceConfiguration: configuration,
    provider: access.partner.provider,
    vpc: access.partner.vpc,
    subnets: access.partner.subnets,
    accept: access.external ? share : undefined,
    waitFor,
  });
  return { share, ...side };
}
