import { TerraformProvider } from "cdktf";

/**
 * A Route 53 hosted zone (public or private) made elsewhere, where this
 * library writes records: the alias records of a Lattice service's custom
 * domain name, the ownership TXT record of an endpoint service's private DNS
 * name.
 */
export interface IHostedZone {
  /** Route 53 hosted zone ID (`Z...`). */
  readonly zoneId: string;
  /** The zone's domain, such as `example.com`: names written to the zone must be inside it. */
  readonly zoneName: string;
  /**
   * The provider of the account that owns the zone (often a central DNS account).
   * @default - the provider of the construct that writes the records
   */
  readonly provider?: TerraformProvider;
}
