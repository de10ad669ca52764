import { ITerraformDependable, TerraformProvider } from "../core/cdktf";
import { Construct } from "constructs";
import {
  checkAccountId,
  checkArn,
  checkBoolean,
  checkKnownProps,
  checkRegion,
  checkResourceId,
  isUnresolved,
  literalAccountOf,
  literalRegionOf,
  parseArn,
  partitionOfRegion,
  requireProps,
  requireValue,
  ValidationError,
} from "../core";
import { gateConsumersBehindShare } from "../endpoints/targets";
import { ResourceShare, ResourceShareAccepter } from "../ram";
import { idOfArn } from "./names";
import { ServiceNetworkBase } from "./service-network-base";

/** Describes a service network made elsewhere (another stack, or another account that shares it), for {@link ServiceNetwork.fromServiceNetworkAttributes}. */
export interface ServiceNetworkAttributes {
  /**
   * The network's ARN, what an account it is shared with names it by. A
   * literal ARN must name a service network (not a resource configuration or
   * service), in the region and partition of `provider`: VPC Lattice
   * associates within one region.
   * @default - built from serviceNetworkId, accountId and region
   */
  readonly serviceNetworkArn?: string;
  /** `sn-` followed by 17 characters, instead of the ARN. @default - the ID in serviceNetworkArn */
  readonly serviceNetworkId?: string;
  /** The account that owns the network, with serviceNetworkId (other accounts can only name it by ARN). @default - from serviceNetworkArn */
  readonly accountId?: string;
  /** Region of the network, with serviceNetworkId; also decides the ARN's partition. @default - the provider's region */
  readonly region?: string;
  /**
   * The account that uses the imported network: its associations default to this provider.
   * @default - the stack's default provider
   */
  readonly provider?: TerraformProvider;
  /**
   * True when the network holds resource configurations only (made with
   * `resourceConfigurationsOnly`): services are then refused, as for a network made here.
   * @default - unknown: services are not refused
   */
  readonly resourceConfigurationsOnly?: boolean;
  /**
   * The ARN of the RAM share that gives this account the network
   * (`arn:aws:ram:<region>:<owner>:resource-share/<id>`), when its
   * invitation must be accepted: a share from outside the organization, or
   * inside one without RAM organization sharing enabled. The import then
   * creates a ResourceShareAccepter with `provider` (required then: the
   * account that accepts is the one that uses the network), and every
   * association and ServiceNetwork endpoint made with the imported network
   * waits for the acceptance; they fail at apply until it is accepted.
   * The share must be of the network's owner and region.
   * @default - no acceptance here (shared within the organization with RAM organization sharing on, or accepted elsewhere)
   */
  readonly resourceShareArn?: string;
}

/** @deprecated Use ServiceNetworkAttributes with ServiceNetwork.fromServiceNetworkAttributes. */
export interface ServiceNetworkImportOptions {
  /**
   * The account that uses the imported network (its associations default to their own providers).
   * @default - the stack's default provider
   */
  readonly provider?: TerraformProvider;
}

/** @deprecated Use ServiceNetworkAttributes (`serviceNetworkId`, `accountId`, `region`) with ServiceNetwork.fromServiceNetworkAttributes. */
export interface ServiceNetworkIdAttributes extends ServiceNetworkImportOptions {
  /** `sn-` followed by 17 characters. */
  readonly serviceNetworkId: string;
  /** Account that owns the network, to build its ARN (other accounts can only name it by ARN). */
  readonly accountId: string;
  /** Region of the network, such as us-east-1; also decides the ARN's partition. */
  readonly region: string;
}

const SERVICE_NETWORK_ATTRIBUTES: Record<keyof ServiceNetworkAttributes, true> = {
  serviceNetworkArn: true,
  serviceNetworkId: true,
  accountId: true,
  region: true,
  provider: true,
  resourceConfigurationsOnly: true,
  resourceShareArn: true,
};

/** A service network made elsewhere: what ServiceNetwork.fromServiceNetworkAttributes returns. */
export class ImportedServiceNetwork extends ServiceNetworkBase {
  public readonly serviceNetworkId: string;
  public readonly serviceNetworkArn: string;
  public readonly provider?: TerraformProvider;
  /** As the attributes say (`resourceConfigurationsOnly`). @default - unknown */
  public readonly resourceConfigurationsOnly?: boolean;
  /** The acceptance of the share's invitation, with `resourceShareArn`. */
  public readonly shareAccepter?: ResourceShareAccepter;
  /** What must exist before this account uses the network: the acceptance, with `resourceShareArn`; consumers wait for it by themselves. */
  public readonly shareDependencies: readonly ITerraformDependable[] = [];

  constructor(scope: Construct, id: string, attrs: ServiceNetworkAttributes) {
    super(scope, id);
    requireProps(this, attrs, []);
    checkKnownProps(this, attrs, SERVICE_NETWORK_ATTRIBUTES);
    this.provider = attrs.provider;
    this.resourceConfigurationsOnly = checkBoolean(this, "resourceConfigurationsOnly", attrs.resourceConfigurationsOnly);
    const home = literalRegionOf(this, attrs.provider);
    if (attrs.serviceNetworkArn !== undefined) {
      if (attrs.serviceNetworkId !== undefined || attrs.accountId !== undefined || attrs.region !== undefined) {
        throw new ValidationError(
          this,
          "serviceNetworkId, accountId, region",
          "beside serviceNetworkArn",
          "nothing beside serviceNetworkArn: the ARN names the network, its account and its region",
        );
      }
      checkArn(this, "serviceNetworkArn", attrs.serviceNetworkArn, "serviceNetwork", { region: home });
      this.serviceNetworkArn = attrs.serviceNetworkArn;
      this.serviceNetworkId = idOfArn(attrs.serviceNetworkArn);
    } else {
      [this.serviceNetworkId, this.serviceNetworkArn] = this.idAndArnOf(attrs, home);
    }
    if (attrs.resourceShareArn !== undefined) {
      this.shareAccepter = this.acceptShare(attrs.resourceShareArn, attrs.provider, home);
      this.shareDependencies = [this.shareAccepter.resource];
      // Every association and ServiceNetwork endpoint to the network, however made, waits for the acceptance.
      gateConsumersBehindShare(this, this, () => this.shareDependencies);
    }
  }

  /** The network's ID and ARN from serviceNetworkId, accountId and region. */
  private idAndArnOf(attrs: ServiceNetworkAttributes, home: string | undefined): [string, string] {
    const networkId = requireValue(
      this,
      "serviceNetworkArn",
      attrs.serviceNetworkId,
      "the network's ARN, or its serviceNetworkId with accountId (and region)",
    );
    checkResourceId(this, "serviceNetworkId", networkId, "serviceNetwork");
    const accountId = requireValue(this, "accountId", attrs.accountId, "the account that owns the network, to build its ARN");
    checkAccountId(this, "accountId", accountId);
    checkRegion(this, "region", attrs.region);
    const region = requireValue(this, "region", attrs.region ?? home, "the network's region (the provider has no literal one)");
    if (home !== undefined && !isUnresolved(region) && region !== home) {
      throw new ValidationError(
        this,
        "region",
        region,
        `${home}, the region of the provider that uses the network (VPC Lattice associates within one region)`,
      );
    }
    const partition = isUnresolved(region) ? "aws" : partitionOfRegion(region);
    return [networkId, `arn:${partition}:vpc-lattice:${region}:${accountId}:servicenetwork/${networkId}`];
  }

  /**
   * The acceptance of the share's invitation by the provider's account. The
   * share must be a RAM share of the network's owner (only the owner of a
   * resource shares it) in the network's region (shares are regional).
   */
  private acceptShare(arn: string, provider: TerraformProvider | undefined, home: string | undefined): ResourceShareAccepter {
    checkArn(this, "resourceShareArn", arn, "ramResourceShare", { region: home });
    const accepting = requireValue(
      this,
      "provider",
      provider,
      "the provider of the account the network is shared with, with resourceShareArn: that account accepts the share's invitation (an account accepts only for itself)",
    );
    const share = isUnresolved(arn) ? undefined : parseArn(arn);
    const network = isUnresolved(this.serviceNetworkArn) ? undefined : parseArn(this.serviceNetworkArn);
    if (share !== undefined && network !== undefined && !isUnresolved(network.account) && !isUnresolved(network.region)) {
      if (share.account !== network.account)
        throw new ValidationError(
          this,
          "resourceShareArn",
          arn,
          `the ARN of a share of account ${network.account}, which owns the network: only a resource's owner shares it through RAM (this share is of ${share.account})`,
        );
      if (share.region !== network.region)
        throw new ValidationError(
          this,
          "resourceShareArn",
          arn,
          `the ARN of a share in ${network.region}, the network's region: RAM shares are regional (this one is in ${share.region})`,
        );
    }
    const accepter = literalAccountOf(this, accepting);
    if (share !== undefined && accepter !== undefined && !isUnresolved(share.account) && share.account === accepter)
      throw new ValidationError(
        this,
        "resourceShareArn",
        arn,
        `unset for a network of the provider's own account (${accepter}): an account accepts only shares of another account, and uses its own network without one (or a provider of the account the network is shared with)`,
      );
    const imported = ResourceShare.fromResourceShareAttributes(this, "Share", { resourceShareArn: arn, provider: accepting });
    return new ResourceShareAccepter(this, "ShareAccepter", { share: imported, provider: accepting });
  }
}
