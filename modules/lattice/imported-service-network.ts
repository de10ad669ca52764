import { TerraformProvider } from "../core/cdktf";
import { Construct } from "constructs";
import {
  checkAccountId,
  checkArn,
  checkBoolean,
  checkKnownProps,
  checkRegion,
  checkResourceId,
  isUnresolved,
  literalRegionOf,
  partitionOfRegion,
  requireProps,
  requireValue,
  ValidationError,
} from "../core";
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
};

/** A service network made elsewhere: what ServiceNetwork.fromServiceNetworkAttributes returns. */
export class ImportedServiceNetwork extends ServiceNetworkBase {
  public readonly serviceNetworkId: string;
  public readonly serviceNetworkArn: string;
  public readonly provider?: TerraformProvider;
  public readonly resourceConfigurationsOnly?: boolean;

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
      return;
    }
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
    this.serviceNetworkId = networkId;
    this.serviceNetworkArn = `arn:${partition}:vpc-lattice:${region}:${accountId}:servicenetwork/${networkId}`;
  }
}
