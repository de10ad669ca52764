import { TerraformProvider } from "../../core/cdktf";
import { Construct } from "constructs";
import { Route53Record } from "@cdktf/provider-aws/lib/route53-record";
import { Route53VpcAssociationAuthorization } from "@cdktf/provider-aws/lib/route53-vpc-association-authorization";
import { Route53Zone } from "@cdktf/provider-aws/lib/route53-zone";
import { Route53ZoneAssociation } from "@cdktf/provider-aws/lib/route53-zone-association";
import {
  checkAtSynth,
  checkItemCount,
  checkKnownProps,
  checkList,
  checkObject,
  cidrsOverlap,
  isUnresolved,
  literalRegionOf,
  providerOf,
  requireProps,
  resolveRegion,
  stableId,
  ValidationError,
  propsFor,
} from "../../core";
import { checkInVpc, checkVpcDns, Connections, IConnectable, IVpc, Peer, vpcIpv4CidrBlocks, vpcRegionFor } from "../../vpc";
import { aliasRecordTypes, hasIpv6Addresses, NETWORK_ENDPOINT_PROPS, NetworkEndpointProps } from "../endpoint-base";
import { checkDistinct } from "../endpoint-policy";
import { GatewayEndpoint } from "../gateway-endpoint";
import { claimServiceNamesInVpc, InterfaceEndpoint, rivalPrivateZone } from "../interface-endpoint";
import { PRIVATE_AWS_SERVICE_ACCESS_PROPS, PrivateAwsServiceAccess, ServiceAccess } from "./private-aws-service-access";

/** A VPC that uses the hub's endpoints. */
export interface SpokeVpc {
  /** Stable name of the spoke; keys its Terraform addresses. */
  readonly name: string;
  /** The spoke VPC. When its provider is another account's, the association is authorized by the hub and made by the spoke. */
  readonly vpc: IVpc;
}

export interface CentralizedEndpointsProps extends NetworkEndpointProps {
  /**
   * The services. Interface endpoints are created once, in the hub (`vpc`),
   * with private DNS off (the hub's zones answer their names, so
   * `privateDnsEnabled: true` is refused);
   * gateway endpoints (S3, DynamoDB) serve only their own VPC and cost
   * nothing, so they are created in the hub and in every spoke (ECR image
   * layers come from S3: `ServiceAccessPresets.ecrPull` fits as it is).
   */
  readonly services: readonly ServiceAccess[];
  /** The VPCs that resolve the services to the hub's endpoints. They need a route to the hub and back (a `TransitGateway`, or peering). */
  readonly spokes: readonly SpokeVpc[];
  /**
   * Who may connect to the hub's endpoints. Spokes reach them across the
   * Transit Gateway, so their CIDRs must be here.
   * @default - the hub's and every spoke's IPv4 CIDR; nobody with `open: false` (admit clients through `connections`)
   */
  readonly allowedPeers?: readonly Peer[];
  /**
   * Region of the endpoints, for the service and zone names.
   * @default - the literal region of the provider
   */
  readonly region?: string;
  /**
   * Place each endpoint only in the AZs its service supports.
   * @default false
   */
  readonly onlySupportedAvailabilityZones?: boolean;
}

/**
 * Fails when a spoke's CIDR overlaps the hub's or another spoke's: the hub
 * answers its clients through a route per spoke CIDR, and no route table
 * holds two routes to overlapping ranges apart, so some spoke's clients
 * never get their answers.
 */
function checkRoutableSpokes(scope: Construct, hub: IVpc, spokes: readonly SpokeVpc[]): void {
  // Every IPv4 block of each VPC (secondary ones too: an EKS cluster's pods) is routed, and answered, apart.
  const ranges: { readonly what: string; readonly cidr: string }[] = vpcIpv4CidrBlocks(hub).map((cidr) => ({ what: "the hub's (vpc)", cidr }));
  spokes.forEach((spoke, i) => {
    const own: { readonly what: string; readonly cidr: string }[] = [];
    for (const cidr of spoke.vpc === undefined ? [] : vpcIpv4CidrBlocks(spoke.vpc)) {
      if (cidr === undefined || isUnresolved(cidr)) continue;
      const overlapped = ranges.find((r) => !isUnresolved(r.cidr) && cidrsOverlap(r.cidr, cidr));
      if (overlapped !== undefined) {
        throw new ValidationError(
          scope,
          `spokes[${i}].vpc`,
          cidr,
          `a VPC whose CIDR does not overlap ${overlapped.what} ${overlapped.cidr}: the Transit Gateway or peering to the hub cannot route overlapping ranges apart`,
        );
      }
      own.push({ what: `spokes[${i}]'s`, cidr });
    }
    ranges.push(...own);
  });
}

/**
 * Hub-and-spoke VPC endpoints: one set of interface endpoints in a hub VPC
 * (private DNS off), and per service a Route 53 private hosted zone named
 * like the service's public DNS name (e.g. `logs.us-east-1.amazonaws.com`)
 * with alias records to the endpoint (A, AAAA or both: the types its DNS
 * record IP type publishes), associated with the hub and every spoke, and
 * one zone (apex and wildcard) of each other name the endpoint's private DNS
 * would answer (S3: `s3-accesspoint.<region>.amazonaws.com` for access
 * points, `s3-control.<region>.amazonaws.com` for S3 Control). Spokes pay for no interface endpoints of their own; each gets the
 * (free) gateway endpoints of `services`, which cannot be shared.
 *
 * Creates: what {@link PrivateAwsServiceAccess} creates, plus per service
 * (and per other name of it) aws_route53_zone, aws_route53_record (apex, and wildcard for services
 * with sub-domains), aws_route53_zone_association per spoke, and
 * aws_route53_vpc_association_authorization for spokes of other accounts;
 * per spoke and gateway service an aws_vpc_endpoint (type Gateway).
 */
export class CentralizedEndpoints extends Construct implements IConnectable {
  /** The hub's endpoints and their shared security group. */
  public readonly endpoints: PrivateAwsServiceAccess;
  /** Private hosted zones by service short name. */
  public readonly hostedZones: Readonly<Record<string, Route53Zone>>;
  /** The zones of the other names a service's private DNS answers (S3's access point and S3 Control names), by service short name; none for most services. */
  public readonly additionalHostedZones: Readonly<Record<string, readonly Route53Zone[]>>;
  /** Each spoke's own gateway endpoints, by spoke name, then service short name (`s3`). */
  public readonly spokeGatewayEndpoints: Readonly<Record<string, Readonly<Record<string, GatewayEndpoint>>>>;
  /** The hub endpoints' shared group (see {@link PrivateAwsServiceAccess.connections}): `central.connections.allowDefaultPortFrom(Peer.cidr(spokeCidr), "why")` admits a client to every hub endpoint. */
  public readonly connections: Connections;

  constructor(scope: Construct, id: string, props: CentralizedEndpointsProps) {
    super(scope, id);
    requireProps(this, props, ["vpc", "services", "spokes"]);
    checkKnownProps(this, props, CENTRALIZED_ENDPOINTS_PROPS);
    const spokes = checkList(this, "spokes", props.spokes) ?? [];
    checkItemCount(this, "spokes", spokes, 1);
    spokes.forEach((spoke, i) => {
      checkObject(this, `spokes[${i}]`, spoke);
      requireProps(this, spoke, ["name", "vpc"]);
      if (spoke.vpc === props.vpc)
        throw new ValidationError(
          this,
          `spokes[${i}].vpc`,
          spoke.name,
          "a VPC other than the hub (vpc), which resolves the services to its own endpoints already",
        );
      checkVpcDns(this, `spokes[${i}].vpc`, spoke.name, spoke.vpc, "the hub's private hosted zones");
    });
    checkVpcDns(this, "vpc", props.vpc.vpcId, props.vpc, "the hub's private hosted zones");
    checkDistinct(this, "spokes", spokes, (s) => s.name, "spoke name");
    checkDistinct(this, "spokes", spokes, (s) => (isUnresolved(s.vpc.vpcId) ? undefined : s.vpc.vpcId), "spoke VPC");
    checkRoutableSpokes(this, props.vpc, spokes);
    checkInVpc(this, "subnets", props.subnets, props.vpc);
    if (props.open === false && props.allowedPeers !== undefined) {
      throw new ValidationError(
        this,
        "open",
        false,
        "unset with allowedPeers (which say who is admitted), or drop allowedPeers and admit clients through connections",
      );
    }
    const hubProvider = providerOf(props, props.vpc);
    const region = resolveRegion(this, props.region, hubProvider);
    const interfaces = props.services.filter((access) => access.endpointType !== "Gateway");
    interfaces.forEach((access) => {
      // The hub's zones answer the services' names; the endpoints' own private DNS would conflict with them.
      if (access.privateDnsEnabled === true)
        throw new ValidationError(
          this,
          `services[${props.services.indexOf(access)}].privateDnsEnabled`,
          true,
          "unset or false: the hub's private hosted zone of the service's name resolves it in the hub and the spokes, so the hub endpoint's private DNS stays off",
        );
    });
    const gateways = props.services.filter((access) => access.endpointType === "Gateway");
    this.endpoints = new PrivateAwsServiceAccess(this, "Endpoints", {
      // Only what the block takes: it refuses the hub's own props (spokes).
      ...propsFor(props, PRIVATE_AWS_SERVICE_ACCESS_PROPS),
      region,
      // With open: false nobody is admitted by default, as on every endpoint: the caller says who through connections.
      allowedPeers:
        props.securityGroups === undefined && props.open !== false
          ? (props.allowedPeers ??
            this.hubAndSpokePeers(
              props,
              interfaces.some((a) => hasIpv6Addresses(a.ipAddressType ?? props.ipAddressType)),
            ))
          : undefined,
      services: props.services.map((access) => (access.endpointType === "Gateway" ? access : { ...access, privateDnsEnabled: false })),
    });
    const spokeGateways: Record<string, Record<string, GatewayEndpoint>> = {};
    for (const spoke of props.spokes) {
      spokeGateways[spoke.name] = Object.fromEntries(
        gateways.map((access) => [
          access.service.shortName,
          new GatewayEndpoint(this, `Spoke-${stableId(spoke.name)}-${stableId(access.service.shortName)}`, {
            vpc: spoke.vpc,
            service: access.service,
            policy: access.policy,
            // A spoke's gateway endpoint is in the spoke's region: the hub's only when the spoke's provider names none.
            region: literalRegionOf(this, spoke.vpc.provider) === undefined ? region : undefined,
          }),
        ]),
      );
    }
    this.spokeGatewayEndpoints = spokeGateways;
    // A spoke's client groups admitted to the hub reach S3 (ECR's image layers) through their own VPC's gateway endpoints.
    props.spokes.forEach((spoke) => this.endpoints.serveGatewayEndpointsOf(spoke.vpc, Object.values(spokeGateways[spoke.name])));
    this.connections = this.endpoints.connections;
    const zones: Record<string, Route53Zone> = {};
    const additionalZones: Record<string, Route53Zone[]> = {};
    for (const access of interfaces) {
      const endpoint = this.endpoints.interfaceEndpoints[access.service.shortName];
      const shared = {
        recordTypes: aliasRecordTypes(access.ipAddressType ?? props.ipAddressType, access.dnsRecordIpType ?? props.dnsRecordIpType),
        endpoint,
        hub: props.vpc,
        hubProvider,
        spokes: props.spokes,
      };
      const dns = new ServiceZone(this, `Dns-${stableId(access.service.shortName)}`, {
        ...shared,
        zoneName: access.service.dnsName(this, `services[${props.services.indexOf(access)}].service`, region),
        wildcard: access.service.wildcardDns,
      });
      zones[access.service.shortName] = dns.zone;
      // Names the endpoint's private DNS would answer besides the service's own (S3's access points and S3 Control): without a zone, spokes resolve them publicly.
      const others = access.service.additionalDnsNames(region);
      if (others.length > 0)
        additionalZones[access.service.shortName] = others.map(
          (zoneName) =>
            new ServiceZone(this, `Dns-${stableId(access.service.shortName)}-${stableId(zoneName.split(".")[0])}`, {
              ...shared,
              zoneName,
              wildcard: true,
            }).zone,
        );
    }
    this.hostedZones = zones;
    this.additionalHostedZones = additionalZones;
    // Claimed last, once every other input is checked, as endpoints claim their private DNS.
    for (const access of interfaces) this.claimServiceNames(props, this.endpoints.interfaceEndpoints[access.service.shortName]);
    // Other zones of the services' names, made before or after the pattern (or elsewhere, as an imported VPC says): judged once all are known.
    checkAtSynth(this, () => this.checkNoRivalZones(props, [...Object.values(zones), ...Object.values(additionalZones).flat()]));
  }

  /**
   * Fails when the hub or a spoke is associated with another private hosted
   * zone of a service's name (a PrivateHostedZone of this app, or one an
   * imported VPC names in `privateHostedZoneNames`): Route 53 refuses to
   * associate the hub's zone with it (ConflictingDomainExists), so that
   * VPC would go on resolving the service from the other zone, or publicly.
   */
  private checkNoRivalZones(props: CentralizedEndpointsProps, zones: readonly Route53Zone[]): void {
    const own = new Set(zones);
    const vpcs = [
      { prop: "vpc", value: "the hub", vpc: props.vpc },
      ...props.spokes.map((s, i) => ({ prop: `spokes[${i}].vpc`, value: s.name, vpc: s.vpc })),
    ];
    for (const zone of zones) {
      const name = zone.nameInput;
      if (typeof name !== "string") continue;
      for (const { prop, value, vpc } of vpcs) {
        const rival = rivalPrivateZone(this, vpc, name, (z) => own.has(z));
        if (rival !== undefined)
          throw new ValidationError(
            this,
            prop,
            value,
            `a VPC no other private hosted zone of ${name} is associated with (${rival}): Route 53 refuses a second private zone of one name in a VPC (ConflictingDomainExists), so the hub's zone of the service cannot be associated with it; remove that zone from the VPC, or the VPC from the pattern`,
          );
      }
    }
  }

  /**
   * The hub's zone of a service's name answers it in the hub and in every
   * spoke: Route 53 refuses to associate it with a VPC where an endpoint's
   * private DNS (or another hub's zone) already answers that service
   * (ConflictingDomainExists), and AWS refuses private DNS on an endpoint
   * of a VPC the zone is associated with.
   */
  private claimServiceNames(props: CentralizedEndpointsProps, endpoint: InterfaceEndpoint): void {
    const owner = `${this.node.path} (its private hosted zone of ${endpoint.serviceName})`;
    const vpcs = [
      { prop: "vpc", value: "the hub", vpc: props.vpc },
      ...props.spokes.map((s, i) => ({ prop: `spokes[${i}].vpc`, value: s.name, vpc: s.vpc })),
    ];
    for (const { prop, value, vpc } of vpcs) {
      const first = claimServiceNamesInVpc(this, vpc, endpoint.serviceName, owner);
      if (first !== undefined)
        throw new ValidationError(
          this,
          prop,
          value,
          `a VPC where nothing else answers ${endpoint.serviceName}: ${first} already does by private DNS or its own zone, and Route 53 refuses a second private zone of one name in a VPC (ConflictingDomainExists); drop that endpoint's private DNS, or this VPC from the pattern`,
        );
    }
  }

  /**
   * One peer per distinct CIDR; CIDRs only known at apply are keyed by the
   * VPC's name, so their rules stay distinct. When a hub endpoint has IPv6
   * addresses, the IPv6 blocks of the VPCs that have one too: their
   * clients reach it over IPv6 through the AAAA records.
   */
  private hubAndSpokePeers(props: CentralizedEndpointsProps, ipv6: boolean): Peer[] {
    const vpcs = [{ name: "hub", vpc: props.vpc }, ...props.spokes.map((s) => ({ name: `spoke-${s.name}`, vpc: s.vpc }))];
    const named = [
      // Every IPv4 block of each VPC: clients in a secondary one (an EKS cluster's pods) reach the hub's endpoints too.
      ...vpcs.flatMap(({ name, vpc }) =>
        vpcIpv4CidrBlocks(vpc).map((cidr, i) => ({ name: i === 0 ? name : `${name}-${i}`, cidr, family: "ipv4" as const })),
      ),
      ...(ipv6
        ? vpcs.flatMap(({ name, vpc }) =>
            vpc.ipv6CidrBlock === undefined ? [] : [{ name: `${name}-ipv6`, cidr: vpc.ipv6CidrBlock, family: "ipv6" as const }],
          )
        : []),
    ];
    const literals = new Set<string>();
    return named.flatMap(({ name, cidr, family }) => {
      if (!isUnresolved(cidr)) {
        if (literals.has(cidr)) return [];
        literals.add(cidr);
        return [Peer.cidr(cidr)];
      }
      return [Peer.cidr(cidr, { name, family })];
    });
  }
}

interface ServiceZoneProps {
  readonly zoneName: string;
  readonly wildcard: boolean;
  /** The record types the endpoint's regional name answers (its DNS record IP type's): the alias records' types. */
  readonly recordTypes: readonly ("A" | "AAAA")[];
  readonly endpoint: InterfaceEndpoint;
  readonly hub: IVpc;
  readonly hubProvider?: TerraformProvider;
  readonly spokes: readonly SpokeVpc[];
}

/** One service's private hosted zone: alias records to the hub endpoint, shared with the spokes. */
class ServiceZone extends Construct {
  public readonly zone: Route53Zone;

  constructor(scope: Construct, id: string, props: ServiceZoneProps) {
    super(scope, id);
    this.zone = new Route53Zone(this, "Zone", {
      provider: props.hubProvider,
      name: props.zoneName,
      comment: `Resolves ${props.zoneName} to the hub VPC endpoint`,
      vpc: [{ vpcId: props.hub.vpcId }],
      // Spokes are added by separate associations; without this Terraform would remove them.
      lifecycle: { ignoreChanges: ["vpc"] },
    });
    // The endpoint's first DNS entry is its regional name, valid in every AZ.
    const regional = props.endpoint.dnsEntries.get(0);
    const names = props.wildcard ? { Alias: props.zoneName, WildcardAlias: `*.${props.zoneName}` } : { Alias: props.zoneName };
    // The A records keep their construct IDs (and addresses); AAAA records get their own, so IPv6 clients resolve the endpoint too.
    // Only the types the endpoint publishes: an alias to a name without records of its type would answer nothing.
    for (const [recordId, name] of Object.entries(names)) {
      for (const type of props.recordTypes) {
        new Route53Record(this, type === "A" ? recordId : `${recordId}${type}`, {
          provider: props.hubProvider,
          zoneId: this.zone.zoneId,
          name,
          type,
          alias: { name: regional.dnsName, zoneId: regional.hostedZoneId, evaluateTargetHealth: true },
        });
      }
    }
    for (const spoke of props.spokes) {
      const key = stableId(spoke.name);
      // Another provider is another account (as PrivateHostedZone tells them apart, by alias): a spoke of the default provider too, when the hub has its own.
      const crossAccount = spoke.vpc.provider?.alias !== props.hubProvider?.alias;
      // Route 53 finds a spoke of another region only in the region given (vpc_region), not the caller provider's.
      const authorization = crossAccount
        ? new Route53VpcAssociationAuthorization(this, `Authorization-${key}`, {
            provider: props.hubProvider,
            zoneId: this.zone.zoneId,
            vpcId: spoke.vpc.vpcId,
            vpcRegion: vpcRegionFor(this, spoke.vpc, props.hubProvider),
          })
        : undefined;
      const provider = crossAccount ? spoke.vpc.provider : props.hubProvider;
      new Route53ZoneAssociation(this, `Association-${key}`, {
        provider,
        zoneId: authorization?.zoneId ?? this.zone.zoneId,
        vpcId: authorization?.vpcId ?? spoke.vpc.vpcId,
        vpcRegion: vpcRegionFor(this, spoke.vpc, provider),
      });
    }
  }
}

const CENTRALIZED_ENDPOINTS_PROPS: Record<keyof CentralizedEndpointsProps, true> = {
  ...NETWORK_ENDPOINT_PROPS,
  services: true,
  spokes: true,
  region: true,
  onlySupportedAvailabilityZones: true,
};
