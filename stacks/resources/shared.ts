import { TerraformOutput } from "cdktf";
import { Construct } from "constructs";
import { Route53Record } from "@cdktf/provider-aws/lib/route53-record";
import { Route53Zone } from "@cdktf/provider-aws/lib/route53-zone";
import { stableId } from "../../modules/core";
import { ResourceEndpoint } from "../../modules/endpoints";
import { SECOND_ACCOUNT, THIRD_ACCOUNT } from "../example-values";

/** A partner outside the owner's organization. */
export const PARTNER_ACCOUNT = SECOND_ACCOUNT;
/** Why the RC-1 share allows external principals: recorded on the share. */
export const PARTNER_SHARE_REASON = "The partner account is outside our AWS organization; it accepts the share of the orders database";
/** A trusted account inside the owner's organization. */
export const TRUSTED_ACCOUNT = THIRD_ACCOUNT;

/** The partner's endpoint of a pattern whose partner side this stack makes (it is there whenever `partner` is given). */
export function requirePartnerEndpoint(endpoint: ResourceEndpoint | undefined): ResourceEndpoint {
  if (endpoint === undefined) throw new Error("the pattern was given no partner side");
  return endpoint;
}

/** What a consumer of a Resource endpoint needs: its ID and the DNS names to connect to. */
export function endpointOutputs(scope: Construct, prefix: string, endpoint: ResourceEndpoint): void {
  new TerraformOutput(scope, `${prefix}_endpoint_id`, { value: endpoint.vpcEndpointId });
  new TerraformOutput(scope, `${prefix}_endpoint_dns_entries`, { value: endpoint.resource.dnsEntry, description: "DNS names clients connect to" });
}

/**
 * A public hosted zone whose A records hold private addresses of the owner
 * VPC: a resource gateway resolves DNS resources in public DNS (hashicorp/aws
 * 5.100.0 cannot ask it to resolve in the VPC), and the addresses stay
 * reachable only through the gateway. The parent zone (example.com)
 * delegates the zone outside this stack.
 */
export function publicResourceZone(
  scope: Construct,
  id: string,
  zoneName: string,
  records: Readonly<Record<string, readonly string[]>>,
): Route53Zone {
  const zone = new Route53Zone(scope, id, {
    name: zoneName,
    comment: "Names of resources shared through a VPC Lattice resource gateway; private addresses only",
  });
  for (const [name, addresses] of Object.entries(records)) {
    new Route53Record(zone, `Record-${stableId(name)}`, {
      zoneId: zone.zoneId,
      name: `${name}.${zoneName}`,
      type: "A",
      ttl: 60,
      records: [...addresses],
    });
  }
  new TerraformOutput(scope, `${id.toLowerCase()}_name_servers`, {
    value: zone.nameServers,
    description: `Delegate ${zoneName} to these name servers in its parent zone`,
  });
  return zone;
}
