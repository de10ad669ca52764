import { dependable, ITerraformDependable, TerraformProvider } from "../core/cdktf";
import { Construct, IConstruct } from "constructs";
import { Route } from "@cdktf/provider-aws/lib/route";
import { VpcEndpoint } from "@cdktf/provider-aws/lib/vpc-endpoint";
import {
  annotateForFlows,
  AppRegistry,
  AwsResourceProps,
  checkAtSynth,
  checkEndpointServiceName,
  checkIntegerRange,
  checkKnownProps,
  checkList,
  checkObject,
  checkOneOf,
  cidrContains,
  familyOf,
  isNetworkCidr,
  isUnresolved,
  literalRegionOf,
  nameFromPath,
  parseCidr,
  regionOfEndpointServiceName,
  requireProps,
  requireValue,
  resolvedValue,
  stableId,
  ValidationError,
} from "../core";
import { checkInVpc, checkIsVpc, ISubnet, IVpc, vpcIpv4CidrBlocks, vpcOwnerProviderOf, zoneOf } from "../vpc";
import { checkSubnetsFitIpAddressType, IVpcEndpoint, literalSubnetCidrsOf } from "./endpoint-base";
import { EndpointConsumer, EndpointServiceContract } from "./targets";

/** Where each inspection route of the app is, by route table and destination: AWS takes one route per table and destination. */
const inspectionRoutes = new AppRegistry<string, string>();

/** A Gateway Load Balancer's endpoint service, as its consumers' GatewayLoadBalancer endpoints need it. */
export interface IGatewayLoadBalancerEndpointService {
  /** `com.amazonaws.vpce.<region>.vpce-svc-…`. */
  readonly serviceName: string;
  /** Must be `GatewayLoadBalancer`: an Interface service takes InterfaceEndpoint. @default "Interface" */
  readonly serviceType?: "Interface" | "GatewayLoadBalancer";
  /** AZ IDs (`use1-az1`) the Gateway Load Balancer is in; each endpoint's subnet must be in one. @default - unknown: placement is not checked at synth */
  readonly availabilityZoneIds?: readonly string[];
  /** The provider's published terms, for a service of another configuration. @default - none: a service of this configuration, which the flow analysis reads itself */
  readonly contract?: EndpointServiceContract;
  /**
   * Called with each endpoint's `aws_vpc_endpoint` of this configuration: a
   * service that requires acceptance refuses one nothing here accepts.
   * @default - nothing to do (a service known only by name)
   * @internal
   */
  readonly addConsumer?: (endpoint: IConstruct, vpc: IVpc) => void;
  /**
   * Called before the endpoints are created: a service of this configuration refuses what AWS would refuse of them.
   * @default - nothing to check
   * @internal
   */
  readonly checkConsumer?: (endpoint: IConstruct, consumer: EndpointConsumer) => void;
}

export interface GatewayLoadBalancerEndpointProps extends AwsResourceProps {
  /** The VPC whose traffic is inspected; its provider is used unless `provider` is given. */
  readonly vpc: IVpc;
  /** A Gateway Load Balancer's endpoint service (`EndpointService` with `EndpointServiceLoadBalancer.gatewayLoadBalancer`, or imported with serviceType GatewayLoadBalancer). */
  readonly service: IGatewayLoadBalancerEndpointService;
  /**
   * One subnet per availability zone, each getting one endpoint (AWS takes
   * exactly one subnet per GatewayLoadBalancer endpoint). Give the
   * endpoints subnets of their own: a subnet's route table decides where
   * inspected traffic goes next, so a workload sharing it would be routed
   * back into inspection in a loop. Each subnet's AZ must be known: it keys
   * the endpoint's address.
   */
  readonly subnets: readonly ISubnet[];
  /** Fewest availability zones the endpoints must cover. Set 1 for test environments. @default 2 */
  readonly minAvailabilityZones?: number;
  /** @default - AWS's default, ipv4 */
  readonly ipAddressType?: "ipv4" | "dualstack";
}

/** Which subnets route which destinations through inspection. */
export interface InspectionRouteOptions {
  /** Subnets whose route tables send `destinations` to an endpoint: each to the one in its own zone, unless `viaZone` is given. */
  readonly subnets: readonly ISubnet[];
  /**
   * CIDRs routed through inspection: another subnet's whole CIDR (AWS takes
   * routes more specific than the VPC's local route only for a subnet's
   * exact CIDR), a peered or on-premises network, or a default route.
   */
  readonly destinations: readonly string[];
  /**
   * Route through the endpoint in this zone instead of each subnet's own:
   * both directions of a flow must pass the same endpoint, or a stateful
   * appliance sees only half of it. For a flow between two zones, route both
   * sides through one of them.
   * @default - each subnet's own zone
   */
  readonly viaZone?: string;
}

/**
 * GatewayLoadBalancer VPC endpoints to an inspection service, one per
 * availability zone, and the routes that send traffic through them: a
 * subnet's route to a destination goes to the endpoint of its zone, the
 * appliances behind the Gateway Load Balancer inspect it, and the endpoint
 * hands it on by its own subnet's route table. Route both directions of a
 * flow through one endpoint (`routeThrough` for each side), so that
 * stateful appliances see the whole connection.
 *
 * Creates: aws_vpc_endpoint (type GatewayLoadBalancer, one per subnet),
 * aws_route (`routeThrough`).
 */
export class GatewayLoadBalancerEndpoint extends Construct {
  /** The endpoints by zone (the subnets' AZ ID, else AZ name). */
  public readonly endpoints: Readonly<Record<string, VpcEndpoint>>;
  /** The service name the endpoints connect to. */
  public readonly serviceName: string;
  /** The VPC the endpoints are in. */
  public readonly vpc: IVpc;
  /** The provider the endpoints and routes use. */
  public readonly provider?: TerraformProvider;
  private readonly subnetIds: readonly string[];
  /** The route tables of the endpoints' subnets, which carry inspected traffic onward. */
  private readonly subnetRouteTableIds: readonly (string | undefined)[];
  /** Destinations inside the VPC's CIDR, more specific than its local route, by the prop that gave them: each must be a subnet's whole CIDR. */
  private readonly insideDestinations: { readonly prop: string; readonly cidr: string }[] = [];
  private readonly ipAddressType: "ipv4" | "dualstack";
  /** Per zone, the routes to its endpoint and the acceptances of that endpoint they wait for. */
  private readonly routesTo: Record<string, { routes: Route[]; acceptances: ITerraformDependable[] }> = {};

  constructor(scope: Construct, id: string, props: GatewayLoadBalancerEndpointProps) {
    super(scope, id);
    requireProps(this, props, ["vpc", "service", "subnets"]);
    checkKnownProps(this, props, GATEWAY_LOAD_BALANCER_ENDPOINT_PROPS);
    checkIsVpc(this, "vpc", props.vpc);
    checkObject(this, "service", props.service);
    if (props.service.serviceType !== "GatewayLoadBalancer") {
      throw new ValidationError(
        this,
        "service",
        props.service.serviceType ?? "Interface",
        `a Gateway Load Balancer's endpoint service (serviceType GatewayLoadBalancer): ${props.service.serviceName} takes Interface endpoints (InterfaceEndpoint)`,
      );
    }
    checkEndpointServiceName(this, "service.serviceName", props.service.serviceName);
    this.provider = vpcOwnerProviderOf(this, props, props.vpc, "VPC endpoints");
    // Cross-region PrivateLink serves interface endpoints only: a GatewayLoadBalancer endpoint reaches services of its own region.
    const home = regionOfEndpointServiceName(props.service.serviceName);
    const region = literalRegionOf(this, this.provider);
    if (home !== undefined && region !== undefined && home !== region) {
      throw new ValidationError(
        this,
        "service.serviceName",
        props.service.serviceName,
        `an endpoint service of ${region}, the endpoints' region: AWS connects GatewayLoadBalancer endpoints to services of their own region only`,
      );
    }
    checkOneOf(this, "ipAddressType", props.ipAddressType, ["ipv4", "dualstack"]);
    const subnets = checkList(this, "subnets", props.subnets) ?? [];
    checkInVpc(this, "subnets", subnets, props.vpc);
    checkSubnetsFitIpAddressType(this, props.ipAddressType, subnets);
    const zones = subnets.map((subnet, i) => {
      const zone = zoneOf(subnet);
      if (zone === undefined || isUnresolved(zone)) {
        throw new ValidationError(
          this,
          `subnets[${i}].availabilityZone`,
          zone,
          "the subnet's AZ ID or name, known at synth: each zone has one endpoint, keyed by it",
        );
      }
      return zone;
    });
    zones.forEach((zone, i) => {
      if (zones.indexOf(zone) !== i)
        throw new ValidationError(
          this,
          `subnets[${i}]`,
          zone,
          `one subnet per availability zone (subnets[${zones.indexOf(zone)}] is in ${zone} already): AWS allows one GatewayLoadBalancer endpoint per zone and service`,
        );
    });
    const minAzs = props.minAvailabilityZones ?? 2;
    checkIntegerRange(this, "minAvailabilityZones", minAzs, 1, 16);
    if (zones.length < minAzs) {
      throw new ValidationError(
        this,
        "subnets",
        `subnets in ${zones.length} availability zone(s)`,
        `subnets in at least ${minAzs} availability zones, one endpoint each (set minAvailabilityZones: 1 to accept a single-AZ inspection path)`,
      );
    }
    const offered = props.service.availabilityZoneIds;
    subnets.forEach((subnet, i) => {
      const id = subnet.availabilityZoneId;
      if (offered !== undefined && !isUnresolved(offered) && id !== undefined && !isUnresolved(id) && !offered.includes(id)) {
        throw new ValidationError(
          this,
          `subnets[${i}]`,
          id,
          `a subnet in a zone the Gateway Load Balancer is in (${offered.join(", ")}): AWS refuses an endpoint in another zone`,
        );
      }
    });

    props.service.checkConsumer?.(this, { provider: this.provider, subnets, subnetProp: (i) => `subnets[${i}]` });

    this.vpc = props.vpc;
    this.ipAddressType = props.ipAddressType ?? "ipv4";
    this.serviceName = props.service.serviceName;
    this.subnetIds = subnets.map((s) => s.subnetId);
    this.subnetRouteTableIds = subnets.map((s) => s.routeTableId);
    this.endpoints = Object.fromEntries(
      subnets.map((subnet, i) => {
        const endpoint = new VpcEndpoint(this, `Endpoint-${stableId(zones[i])}`, {
          provider: this.provider,
          vpcId: props.vpc.vpcId,
          vpcEndpointType: "GatewayLoadBalancer",
          serviceName: props.service.serviceName,
          subnetIds: [subnet.subnetId],
          ipAddressType: props.ipAddressType,
          tags: { Name: `${nameFromPath(this)}-${zones[i]}` },
        });
        // A service known only by name: its terms go where the flow analysis of this configuration reads them.
        if (props.service.contract !== undefined)
          annotateForFlows(endpoint, "endpointService", { ports: [], availabilityZoneIds: offered, ...props.service.contract });
        return [zones[i], endpoint];
      }),
    );
    // A service of this configuration that requires acceptance refuses an endpoint nothing accepts: routes to it would never carry traffic.
    for (const endpoint of Object.values(this.endpoints)) props.service.addConsumer?.(endpoint, props.vpc);
    checkAtSynth(this, () => this.checkDestinationsAreSubnets());
  }

  /**
   * The endpoint in a zone, for acceptances and routes made elsewhere. An
   * EndpointConnectionAccepter given it makes this zone's `routeThrough`
   * routes wait for the acceptance.
   */
  public endpointIn(zone: string): IVpcEndpoint & {
    /** The endpoint's `aws_vpc_endpoint`, as an escape hatch. */
    readonly resource: VpcEndpoint;
  } {
    const endpoint = this.endpoints[zone];
    if (endpoint === undefined)
      throw new ValidationError(this, "endpointIn", zone, `a zone with an endpoint (${Object.keys(this.endpoints).join(", ")})`);
    return { vpcEndpointId: endpoint.id, resource: endpoint, whenAccepted: (acceptance) => this.routesWaitFor(zone, acceptance) };
  }

  /**
   * Sends `destinations` from each of `subnets` through inspection: an
   * `aws_route` in the subnet's route table to the endpoint of its zone (or
   * of `viaZone`). `name` keys the routes' addresses, with the zone and the
   * destination.
   */
  public routeThrough(name: string, options: InspectionRouteOptions): void {
    requireValue(this, "routeThrough.name", typeof name === "string" && name !== "" ? name : undefined, "a stable name for these routes");
    const prop = `routeThrough(${JSON.stringify(name)})`;
    requireProps(this, options, ["subnets", "destinations"]);
    checkKnownProps(this, options, INSPECTION_ROUTE_OPTIONS);
    const subnets = checkList(this, `${prop}.subnets`, options.subnets) ?? [];
    const destinations = checkList(this, `${prop}.destinations`, options.destinations) ?? [];
    if (subnets.length === 0) throw new ValidationError(this, `${prop}.subnets`, [], "at least one subnet whose traffic is inspected");
    if (destinations.length === 0)
      throw new ValidationError(this, `${prop}.destinations`, [], "at least one destination CIDR to route through inspection");
    checkInVpc(this, `${prop}.subnets`, subnets, this.vpc);
    destinations.forEach((cidr, i) => {
      if (checkDestination(this, `${prop}.destinations[${i}]`, cidr, this.vpc))
        this.insideDestinations.push({ prop: `${prop}.destinations[${i}]`, cidr });
      if (this.ipAddressType !== "dualstack" && !isUnresolved(cidr) && familyOf(cidr) === "ipv6")
        throw new ValidationError(
          this,
          `${prop}.destinations[${i}]`,
          cidr,
          'an IPv4 destination: the endpoints are ipv4 and carry no IPv6 traffic (ipAddressType: "dualstack" in dual-stack subnets for IPv6)',
        );
    });
    if (options.viaZone !== undefined && this.endpoints[options.viaZone] === undefined) {
      throw new ValidationError(this, `${prop}.viaZone`, options.viaZone, `a zone with an endpoint (${Object.keys(this.endpoints).join(", ")})`);
    }
    subnets.forEach((subnet, i) => {
      const at = `${prop}.subnets[${i}]`;
      if (this.subnetIds.includes(subnet.subnetId)) {
        throw new ValidationError(
          this,
          at,
          subnet.subnetId,
          "a subnet other than the endpoints' own: their route tables carry inspected traffic onward, and a route back to an endpoint loops",
        );
      }
      const zone = zoneOf(subnet);
      if (subnet.routeTableId === undefined)
        throw new ValidationError(this, `${at}.routeTableId`, undefined, "the subnet's route table, which gets the route");
      const shared = this.subnetRouteTableIds.findIndex((id) => id !== undefined && this.sameRouteTable(id, subnet.routeTableId!));
      if (shared !== -1)
        throw new ValidationError(
          this,
          `${at}.routeTableId`,
          subnet.routeTableId,
          `a route table other than the endpoints' subnets' (${subnet.routeTableId} is that of the endpoint subnet ${this.subnetIds[shared]}, and carries inspected traffic onward: a route in it back to an endpoint loops)`,
        );
      if (zone === undefined || isUnresolved(zone))
        throw new ValidationError(this, `${at}.availabilityZone`, zone, "the subnet's AZ, known at synth: it picks the endpoint of its zone");
      const via = options.viaZone ?? zone;
      const endpoint = this.endpoints[via];
      if (endpoint === undefined)
        throw new ValidationError(this, at, zone, `a subnet in a zone with an endpoint (${Object.keys(this.endpoints).join(", ")}), or viaZone`);
      for (const cidr of destinations) {
        const id = `Route-${stableId(name)}-${stableId(zone)}-${stableId(cidr)}`;
        if (this.node.tryFindChild(id) !== undefined)
          throw new ValidationError(
            this,
            at,
            `${zone} to ${cidr}`,
            `one route per zone and destination under ${JSON.stringify(name)} (call routeThrough again with another name for another subnet of ${zone})`,
          );
        // Subnets sharing a route table (or one subnet given twice) would put two routes to one destination in it.
        const first = inspectionRoutes.claim(this, `${subnet.routeTableId}|${cidr}`, `${this.node.path} ${at}`);
        if (first !== undefined)
          throw new ValidationError(
            this,
            at,
            `${cidr} in route table ${subnet.routeTableId}`,
            `a subnet whose route table has no route to ${cidr} through inspection yet (${first} added it): AWS takes one route per table and destination`,
          );
        const ipv6 = !isUnresolved(cidr) && familyOf(cidr) === "ipv6";
        const to = this.routesToZone(via);
        const route = new Route(this, id, {
          provider: this.provider,
          routeTableId: subnet.routeTableId,
          destinationCidrBlock: ipv6 ? undefined : cidr,
          destinationIpv6CidrBlock: ipv6 ? cidr : undefined,
          vpcEndpointId: endpoint.id,
          dependsOn: to.acceptances.length > 0 ? [...to.acceptances] : undefined,
        });
        to.routes.push(route);
      }
    });
  }

  /** Whether two route table IDs name one table at synth: equal literals, or references to one `aws_route_table`. */
  private sameRouteTable(a: string, b: string): boolean {
    if (a === b) return true;
    if (!isUnresolved(a) || !isUnresolved(b)) return false;
    const resolved = resolvedValue(this, a);
    return typeof resolved === "string" && resolved === resolvedValue(this, b);
  }

  /**
   * Inside the VPC, AWS takes a route more specific than the local one only
   * for a subnet's whole CIDR. When this configuration creates the VPC and
   * every subnet of it has a CIDR known at synth, a destination that is no
   * subnet's CIDR is refused: no other configuration can have made that
   * subnet before this one's routes are created with the VPC.
   */
  private checkDestinationsAreSubnets(): void {
    if (this.insideDestinations.length === 0) return;
    const cidrs = literalSubnetCidrsOf(this, this.vpc);
    if (cidrs === undefined) return;
    for (const { prop, cidr } of this.insideDestinations) {
      if (familyOf(cidr) !== "ipv4" || cidrs.includes(cidr)) continue;
      const shown = cidrs.length > 6 ? `${cidrs.slice(0, 6).join(", ")}, ...` : cidrs.join(", ");
      throw new ValidationError(
        this,
        prop,
        cidr,
        `a destination outside the VPC (${vpcIpv4CidrBlocks(this.vpc).join(", ")}), or one of its subnets' whole CIDRs (${shown}): AWS takes a route more specific than the VPC's local route only for a subnet's exact CIDR, and no subnet of the VPC has ${cidr}`,
      );
    }
  }

  /** Routes to the endpoint in `zone`, made and to come, wait for `acceptance`: AWS refuses a route to an endpoint still pendingAcceptance. */
  private routesWaitFor(zone: string, acceptance: ITerraformDependable): void {
    const to = this.routesToZone(zone);
    to.acceptances.push(acceptance);
    for (const route of to.routes) route.dependsOn = [...(route.dependsOn ?? []), dependable(acceptance)];
  }

  private routesToZone(zone: string): { routes: Route[]; acceptances: ITerraformDependable[] } {
    return (this.routesTo[zone] ??= { routes: [], acceptances: [] });
  }
}

/** The smallest subnet AWS allows, IPv4 and IPv6: a destination inside the VPC more specific than this is no subnet's CIDR. */
const SMALLEST_SUBNET = { ipv4: 28, ipv6: 64 };

/**
 * A route destination: a network CIDR of either family (a default route
 * included: it is where traffic goes, not who gets in). Inside the VPC,
 * AWS takes a route more specific than the local one only for a subnet's
 * exact CIDR: never the VPC's own CIDR (the local route), nor a block
 * smaller than any subnet.
 */
function checkDestination(scope: IConstruct, prop: string, cidr: string, vpc: IVpc): boolean {
  if (isUnresolved(cidr)) return false;
  if (typeof cidr !== "string" || !isNetworkCidr(cidr))
    throw new ValidationError(scope, prop, cidr, "a network CIDR such as 10.0.10.0/24 (host bits zero), or 0.0.0.0/0 for every destination");
  const destination = parseCidr(cidr)!;
  for (const block of [...vpcIpv4CidrBlocks(vpc), vpc.ipv6CidrBlock]) {
    if (block === undefined || isUnresolved(block) || !cidrContains(block, cidr)) continue;
    const vpcBlock = parseCidr(block)!;
    if (destination.prefixLength === vpcBlock.prefixLength || destination.prefixLength > SMALLEST_SUBNET[destination.family])
      throw new ValidationError(
        scope,
        prop,
        cidr,
        `a destination outside the VPC (${block}), or one of its subnets' whole CIDRs: AWS routes inside the VPC by its local route, and takes a more specific route only for a subnet's exact CIDR`,
      );
    return true;
  }
  return false;
}

const GATEWAY_LOAD_BALANCER_ENDPOINT_PROPS: Record<keyof GatewayLoadBalancerEndpointProps, true> = {
  vpc: true,
  service: true,
  subnets: true,
  minAvailabilityZones: true,
  ipAddressType: true,
  provider: true,
};

const INSPECTION_ROUTE_OPTIONS: Record<keyof InspectionRouteOptions, true> = { subnets: true, destinations: true, viaZone: true };
