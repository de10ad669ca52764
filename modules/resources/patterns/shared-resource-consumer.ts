import { Construct } from "constructs";
import {
  AwsResourceProps,
  checkArn,
  checkKnownProps,
  checkList,
  checkObject,
  checkPortRanges,
  firstUnopenedPort,
  formatPortRange,
  IResourceConfiguration,
  isUnresolved,
  literalRegionOf,
  parseArn,
  PortRange,
  requireProps,
  requireValue,
  ValidationError,
  checkProvider,
} from "../../core";
import { ResourceEndpoint } from "../../endpoints";
import { IResourceShare, ResourceShareAccepter } from "../../ram";
import { ISubnet, IVpc } from "../../vpc";
import { CONFIGURATION_MADE, createPartnerSide, tagPattern } from "./shared-resource-access";

export interface SharedResourceConsumerProps extends AwsResourceProps {
  /**
   * The configuration shared with this account, imported by ARN with the
   * terms its owner publishes (`SharedResourceAccess.contract`):
   * `ResourceConfiguration.fromResourceConfigurationAttributes(scope, id, { resourceConfigurationArn, ports, gatewayAvailabilityZoneIds })`.
   */
  readonly resourceConfiguration: IResourceConfiguration;
  /**
   * The owner's share to accept, by ARN (`{ resourceShareArn }`): needed
   * outside the owner's organization, or where RAM sharing with the
   * organization is off. The endpoint is created once it is accepted.
   * @default - nothing to accept: inside the organization with RAM sharing enabled
   */
  readonly acceptShare?: IResourceShare;
  /** The VPC whose clients reach the resource. */
  readonly vpc: IVpc;
  /** In at least one of the owner's gateway zones (by AZ ID). @default - the VPC's private subnets */
  readonly subnets?: readonly ISubnet[];
  /** Ports the endpoint's security group opens. @default - the configuration's ports (what the owner publishes) */
  readonly ports?: readonly PortRange[];
  /** Tags of the endpoint and its security group (a share acceptance takes none). @default - none beyond the provider's default tags */
  readonly tags?: { readonly [key: string]: string };
}

const SHARED_RESOURCE_CONSUMER_PROPS: Record<keyof SharedResourceConsumerProps, true> = {
  resourceConfiguration: true,
  acceptShare: true,
  vpc: true,
  subnets: true,
  ports: true,
  tags: true,
  provider: true,
};

/**
 * The partner's half of a shared resource, deployed on its own with the
 * partner account's credentials: accepts the owner's RAM share by ARN, then
 * creates a Resource endpoint to the configuration ARN once the share is
 * accepted. The owner's half is {@link SharedResourceAccess} (or
 * {@link SharedDatabase}) without `partner`; its `contract` says what to
 * import and accept.
 *
 * Creates: {@link ResourceShareAccepter} (with `acceptShare`) and {@link ResourceEndpoint}.
 */
export class SharedResourceConsumer extends Construct {
  /** The acceptance of the owner's share, with `acceptShare`. */
  public readonly accepter?: ResourceShareAccepter;
  /** The endpoint; its `resource.dnsEntry` holds the names clients connect to. */
  public readonly endpoint: ResourceEndpoint;

  constructor(scope: Construct, id: string, props: SharedResourceConsumerProps) {
    super(scope, id);
    requireProps(this, props, ["resourceConfiguration", "vpc"]);
    // Before checkKnownProps, whose own provider check cannot say whose account it must be.
    const provider = checkProvider(this, "provider", props.provider, "the partner account's") ?? props.vpc.provider;
    checkKnownProps(this, props, SHARED_RESOURCE_CONSUMER_PROPS);
    const region = literalRegionOf(this, provider);
    checkObject(this, "resourceConfiguration", props.resourceConfiguration);
    // An object without an ARN (a JavaScript caller's, `{} as any`) would make a Resource endpoint AWS refuses: it names no configuration.
    requireValue(this, "resourceConfiguration.resourceConfigurationArn", props.resourceConfiguration.resourceConfigurationArn, CONFIGURATION_MADE);
    // A service network's ARN here would make RAM and the endpoint reach a whole network, not one resource.
    checkArn(this, "resourceConfiguration.resourceConfigurationArn", props.resourceConfiguration.resourceConfigurationArn, "resourceConfiguration", {
      region,
    });
    const accept = checkObject(this, "acceptShare", props.acceptShare);
    if (accept !== undefined) {
      requireValue(this, "acceptShare.resourceShareArn", accept.resourceShareArn, "the ARN of the owner's RAM share");
      checkArn(this, "acceptShare.resourceShareArn", accept.resourceShareArn, "ramResourceShare", { region });
      checkSameOwner(this, props.resourceConfiguration.resourceConfigurationArn, accept.resourceShareArn);
    }
    checkList(this, "subnets", props.subnets);
    const ports = checkPortRanges(this, "ports", props.ports);
    checkOffered(this, ports, props.resourceConfiguration.ports ?? []);
    ({ accepter: this.accepter, endpoint: this.endpoint } = createPartnerSide(this, {
      resourceConfiguration: props.resourceConfiguration,
      provider,
      vpc: props.vpc,
      subnets: props.subnets,
      ports,
      accept,
      waitFor: [],
    }));
    tagPattern(this, props.tags);
  }
}

/**
 * The endpoint opens only ports the owner publishes (the configuration's
 * `ports`, when known): a port outside them is refused by VPC Lattice, so
 * clients would never get through on it.
 */
function checkOffered(scope: Construct, ports: readonly PortRange[] | undefined, offered: readonly PortRange[]): void {
  if (ports === undefined || offered.length === 0 || offered.some((o) => isUnresolved(o.from) || isUnresolved(o.to))) return;
  ports.forEach((port, index) => {
    // Ranges the owner publishes side by side cover a range across them (8000-8050 and 8051-8100 offer 8000-8100).
    if (firstUnopenedPort(port, offered) === undefined) return;
    throw new ValidationError(
      scope,
      `ports[${index}]`,
      formatPortRange(port),
      `a port the configuration offers (${offered.map(formatPortRange).join(", ")}, as its owner publishes them): VPC Lattice admits no other`,
    );
  });
}

/** RAM shares only what its owner owns: the share to accept is of the account that owns the configuration (both in the owner's contract). */
function checkSameOwner(scope: Construct, configurationArn: string, shareArn: string): void {
  const [configurationOwner, shareOwner] = [configurationArn, shareArn].map((arn) => (isUnresolved(arn) ? undefined : parseArn(arn)?.account));
  if (configurationOwner === undefined || shareOwner === undefined || configurationOwner === shareOwner) return;
  throw new ValidationError(
    scope,
    "acceptShare.resourceShareArn",
    shareArn,
    `a share of the configuration's owner, account ${configurationOwner} (resourceConfiguration.resourceConfigurationArn): this share is of ${shareOwner}, and RAM shares only what its owner owns, so it cannot hold the configuration (take both ARNs from the owner's contract)`,
  );
}
