import { TerraformProvider } from "../core/cdktf";
import { Construct } from "constructs";
import {
  checkAccountId,
  checkPattern,
  checkRegion,
  isUnresolved,
  parseArn,
  partitionOfRegion,
  ValidationError,
} from "../core";
import { idOfArn } from "./names";
import { ServiceNetworkBase } from "./service-network-base";

/** Options for ServiceNetwork.fromArn. */
export interface ServiceNetworkImportOptions {
  /**
   * The account that uses the imported network (its associations default to their own providers).
   * @default - the stack's default provider
   */
  readonly provider?: TerraformProvider;
}

/** Identifies a service network made elsewhere for ServiceNetwork.fromId. */
export interface ServiceNetworkIdAttributes extends ServiceNetworkImportOptions {
  /** `sn-` followed by 17 characters. */
  readonly serviceNetworkId: string;
  /** Account that owns the network, to build its ARN (other accounts can only name it by ARN). */
  readonly accountId: string;
  /** Region of the network, such as us-east-1; also decides the ARN's partition. */
  readonly region: string;
}

interface ServiceNetworkIdentifiers {
  readonly serviceNetworkId: string;
  readonly serviceNetworkArn: string;
}

/** A service network made elsewhere: what ServiceNetwork.fromArn and fromId return. */
export class ImportedServiceNetwork extends ServiceNetworkBase {
  public readonly serviceNetworkId: string;
  public readonly serviceNetworkArn: string;
  public readonly provider?: TerraformProvider;

  /** `identify` validates the attributes against this construct, so errors name the import. */
  constructor(scope: Construct, id: string, provider: TerraformProvider | undefined, identify: (self: Construct) => ServiceNetworkIdentifiers) {
    super(scope, id);
    this.provider = provider;
    ({ serviceNetworkId: this.serviceNetworkId, serviceNetworkArn: this.serviceNetworkArn } = identify(this));
  }
}

/** The ID and ARN of a network named by ARN, checked against `scope`. */
export function identifiersOfArn(scope: Construct, serviceNetworkArn: string): ServiceNetworkIdentifiers {
  if (isUnresolved(serviceNetworkArn)) return { serviceNetworkId: idOfArn(serviceNetworkArn), serviceNetworkArn };
  const arn = parseArn(serviceNetworkArn);
  const match = /^servicenetwork\/(sn-[0-9a-z]{17})$/.exec(arn?.resource ?? "");
  if (arn?.service !== "vpc-lattice" || match === null) {
    throw new ValidationError(scope, "serviceNetworkArn", serviceNetworkArn, "a service network ARN such as arn:aws:vpc-lattice:us-east-1:111111111111:servicenetwork/sn-0123456789abcdef0");
  }
  return { serviceNetworkId: match[1], serviceNetworkArn };
}

/** The ID and ARN of a network named by ID, account and region, checked against `scope`. */
export function identifiersOfId(scope: Construct, attrs: ServiceNetworkIdAttributes): ServiceNetworkIdentifiers {
  checkPattern(scope, "serviceNetworkId", attrs.serviceNetworkId, /^sn-[0-9a-z]{17}$/, "a service network ID such as sn-0123456789abcdef0");
  checkAccountId(scope, "accountId", attrs.accountId);
  checkRegion(scope, "region", attrs.region);
  const partition = isUnresolved(attrs.region) ? "aws" : partitionOfRegion(attrs.region);
  return {
    serviceNetworkId: attrs.serviceNetworkId,
    serviceNetworkArn: `arn:${partition}:vpc-lattice:${attrs.region}:${attrs.accountId}:servicenetwork/${attrs.serviceNetworkId}`,
  };
}
