import { TerraformProvider } from "../core/cdktf";
import { Construct, IConstruct } from "constructs";
import { Route53Zone } from "@cdktf/provider-aws/lib/route53-zone";
import { canonicalDnsName, checkDnsName, checkKnownProps, checkResourceId, checkString, isInDnsZone, isUnresolved, requireProps } from "../core";

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

/** Attributes of a zone made elsewhere, for {@link HostedZone.fromHostedZoneAttributes}. */
export interface HostedZoneAttributes {
  /** Route 53 hosted zone ID (`Z...`). */
  readonly zoneId: string;
  /** The zone's domain, such as `example.com`. */
  readonly zoneName: string;
  /** The provider of the account that owns the zone. @default - the provider of the construct that writes the records */
  readonly provider?: TerraformProvider;
}

/** Route 53 hosted zones made elsewhere. */
export class HostedZone {
  /**
   * A zone made elsewhere (a central DNS account, the console) where this
   * library writes records: its ID and domain are checked (a VPC ID or a
   * URL fails here, not at apply); the domain is kept lower case, without
   * the final dot.
   */
  public static fromHostedZoneAttributes(scope: Construct, id: string, attrs: HostedZoneAttributes): IHostedZone {
    const zone = new Construct(scope, id);
    requireProps(zone, attrs, ["zoneId", "zoneName"]);
    checkKnownProps(zone, attrs, HOSTED_ZONE_ATTRIBUTES);
    checkResourceId(zone, "zoneId", attrs.zoneId, "hostedZone");
    checkString(zone, "zoneName", attrs.zoneName);
    checkDnsName(zone, "zoneName", attrs.zoneName);
    return {
      zoneId: attrs.zoneId,
      zoneName: isUnresolved(attrs.zoneName) ? attrs.zoneName : canonicalDnsName(attrs.zoneName),
      provider: attrs.provider,
    };
  }

  private constructor() {}
}

/** A private hosted zone of the app that answers a name inside its VPCs. */
export interface PrivateZoneMatch {
  /** The zone's domain, lower case. */
  readonly zoneName: string;
  /** Construct path of the zone, for messages. */
  readonly path: string;
}

/**
 * The private hosted zone (an `aws_route53_zone` with VPCs) of the app that
 * answers `domainName` inside its VPCs, unless a public zone of the app
 * covers the name as specifically (split horizon: public resolvers get the
 * public answer). Names and zones only Terraform knows are skipped.
 * @internal
 */
export function privateZoneAnswering(scope: IConstruct, domainName: string): PrivateZoneMatch | undefined {
  if (isUnresolved(domainName)) return undefined;
  const name = canonicalDnsName(domainName);
  let hidden: PrivateZoneMatch | undefined;
  let published = "";
  for (const zone of scope.node.root.node.findAll()) {
    if (!(zone instanceof Route53Zone)) continue;
    const zoneName = zone.nameInput;
    if (zoneName === undefined || isUnresolved(zoneName)) continue;
    const normalized = canonicalDnsName(zoneName);
    if (!isInDnsZone(name, normalized)) continue;
    const vpcs = zone.vpcInput;
    const isPrivate = vpcs !== undefined && (!Array.isArray(vpcs) || vpcs.length > 0);
    if (!isPrivate) published = normalized.length > published.length ? normalized : published;
    else if (hidden === undefined || normalized.length > hidden.zoneName.length) hidden = { zoneName: normalized, path: zone.node.path };
  }
  return hidden !== undefined && published.length < hidden.zoneName.length ? hidden : undefined;
}

const HOSTED_ZONE_ATTRIBUTES: Record<keyof HostedZoneAttributes, true> = { zoneId: true, zoneName: true, provider: true };
