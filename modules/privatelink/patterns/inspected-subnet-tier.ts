import { Construct, IConstruct } from "constructs";
import { RouteTable } from "@cdktf/provider-aws/lib/route-table";
import { RouteTableAssociation } from "@cdktf/provider-aws/lib/route-table-association";
import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import {
  AwsResourceProps,
  checkIpv4Cidr,
  checkKnownProps,
  checkObject,
  cidrContains,
  cidrsOverlap,
  isUnresolved,
  parseCidr,
  providerOf,
  requireProps,
  requireValue,
  stableId,
  ValidationError,
} from "../../core";
import { GatewayLoadBalancerEndpoint, IGatewayLoadBalancerEndpointService } from "../../endpoints";
import { inVpcIpv4Blocks, isAvailabilityZoneId, ISubnet, IVpc, vpcIpv4CidrBlocks, zoneOf } from "../../vpc";
import { EndpointConnectionAccepter } from "../connection-accepter";
import { EndpointService } from "../endpoint-service";

/** A subnet of the VPC whose traffic with the tier is inspected, with its CIDR: a route's destination must be a whole subnet's CIDR. */
export interface InspectedClientSubnet {
  /** The subnet (with its route table and AZ). */
  readonly subnet: ISubnet;
  /**
   * Its IPv4 CIDR, inside the VPC's: the destination of the tier's route
   * back to it. Needed only when the subnet object does not carry its block
   * (an imported subnet given without one); when it does, a CIDR given here
   * must be that block.
   * @default - the subnet's own `cidrBlock` (the subnets of `Vpc`, and of `Vpc.fromVpcAttributes` given their blocks); required when the subnet does not carry one
   */
  readonly cidrBlock?: string;
}

export interface InspectedSubnetTierProps extends AwsResourceProps {
  /** The VPC the tier is added to; its provider is used unless `provider` is given. */
  readonly vpc: IVpc;
  /** Name of the tier (`data`, `cardholder-data`): its subnets' Name tags. */
  readonly name: string;
  /** The inspection service: a Gateway Load Balancer's endpoint service. */
  readonly service: IGatewayLoadBalancerEndpointService;
  /** The tier's subnets by zone (in the VPC's zone vocabulary: AZ IDs or names), each CIDR inside the VPC's. */
  readonly subnetCidrs: Readonly<Record<string, string>>;
  /** The inspection endpoints' own subnets, in the same zones: small ranges (a /28 is plenty), used by nothing else. */
  readonly endpointSubnetCidrs: Readonly<Record<string, string>>;
  /** The VPC's other subnets, by stable name, whose traffic with the tier passes the appliances both ways. */
  readonly clients: Readonly<Record<string, InspectedClientSubnet>>;
}

/**
 * A tier of subnets (databases, cardholder data) added to an existing VPC,
 * whose every packet to and from the VPC's other subnets passes inspection
 * appliances behind a Gateway Load Balancer, both ways through the same
 * endpoint: a GatewayLoadBalancer endpoint per zone in subnets of its own,
 * and, per client subnet and tier subnet, a route each way through the
 * endpoint in the tier subnet's zone (AWS routes more specific than the
 * VPC's local route take a subnet's exact CIDR). The provider accepts the
 * endpoints here when the service is an {@link EndpointService} of this
 * configuration that requires acceptance.
 *
 * Creates: per zone aws_subnet, aws_route_table and
 * aws_route_table_association for the tier and for the endpoints, the
 * resources of `GatewayLoadBalancerEndpoint`, and
 * aws_vpc_endpoint_connection_accepter.
 */
export class InspectedSubnetTier extends Construct {
  /** The tier's subnets, for the workloads it protects. */
  public readonly subnets: readonly ISubnet[];
  /** The inspection endpoints' subnets. */
  public readonly endpointSubnets: readonly ISubnet[];
  /** The endpoints and their routes. */
  public readonly endpoint: GatewayLoadBalancerEndpoint;
  /** The provider's acceptance of each endpoint, by zone, when given here. */
  public readonly acceptances: Readonly<Record<string, EndpointConnectionAccepter>>;

  constructor(scope: Construct, id: string, props: InspectedSubnetTierProps) {
    super(scope, id);
    requireProps(this, props, ["vpc", "name", "service", "subnetCidrs", "endpointSubnetCidrs", "clients"]);
    checkKnownProps(this, props, INSPECTED_SUBNET_TIER_PROPS);
    requireValue(this, "name", typeof props.name === "string" && props.name !== "" ? props.name : undefined, "a tier name such as data");
    const zones = checkZones(this, props);
    const clients = checkClients(this, props, zones);
    const provider = providerOf(props, props.vpc);
    const subnet = (kind: "Tier" | "Endpoints", zone: string, cidrBlock: string, name: string): ISubnet => {
      const byId = isAvailabilityZoneId(zone);
      const resource = new Subnet(this, `${kind}Subnet-${stableId(zone)}`, {
        provider,
        vpcId: props.vpc.vpcId,
        cidrBlock,
        availabilityZone: byId ? undefined : zone,
        availabilityZoneId: byId ? zone : undefined,
        tags: { Name: `${name}-${zone}` },
      });
      const routes = new RouteTable(this, `${kind}Routes-${stableId(zone)}`, { provider, vpcId: props.vpc.vpcId, tags: { Name: `${name}-${zone}` } });
      new RouteTableAssociation(this, `${kind}RoutesAssociation-${stableId(zone)}`, { provider, subnetId: resource.id, routeTableId: routes.id });
      return {
        subnetId: resource.id,
        availabilityZone: byId ? undefined : zone,
        availabilityZoneId: byId ? zone : undefined,
        routeTableId: routes.id,
        ipAddressType: "ipv4",
      };
    };
    this.subnets = zones.map((zone) => subnet("Tier", zone, props.subnetCidrs[zone], props.name));
    this.endpointSubnets = zones.map((zone) => subnet("Endpoints", zone, props.endpointSubnetCidrs[zone], `${props.name}-inspection`));
    this.endpoint = new GatewayLoadBalancerEndpoint(this, "Inspection", {
      provider,
      vpc: props.vpc,
      service: props.service,
      subnets: this.endpointSubnets,
      minAvailabilityZones: 1,
    });

    // Both directions of a flow pass one endpoint: the one in the tier subnet's zone.
    zones.forEach((zone, i) => {
      const tierSubnet = this.subnets[i];
      for (const [name, client] of clients) {
        this.endpoint.routeThrough(`${stableId(name)}-to-${stableId(props.name)}`, {
          subnets: [client.subnet],
          destinations: [props.subnetCidrs[zone]],
          viaZone: zone,
        });
        this.endpoint.routeThrough(`${stableId(props.name)}-to-${stableId(name)}`, { subnets: [tierSubnet], destinations: [client.cidrBlock] });
      }
    });
    const service = props.service instanceof EndpointService && props.service.acceptanceRequired ? props.service : undefined;
    this.acceptances = Object.fromEntries(
      service === undefined
        ? []
        : zones.map((zone) => [
            zone,
            new EndpointConnectionAccepter(this, `Acceptance-${stableId(zone)}`, { service, endpoint: this.endpoint.endpointIn(zone) }),
          ]),
    );
  }
}

/** The tier's zones: the same in both maps, each CIDR an IPv4 network inside the VPC, none overlapping another. */
function checkZones(scope: IConstruct, props: InspectedSubnetTierProps): string[] {
  checkObject(scope, "subnetCidrs", props.subnetCidrs);
  checkObject(scope, "endpointSubnetCidrs", props.endpointSubnetCidrs);
  const zones = Object.keys(props.subnetCidrs);
  if (zones.length === 0)
    throw new ValidationError(scope, "subnetCidrs", props.subnetCidrs, 'at least one zone\'s CIDR, such as { "use1-az1": "10.0.10.0/24" }');
  const endpointZones = Object.keys(props.endpointSubnetCidrs);
  const missing = zones.find((z) => !endpointZones.includes(z)) ?? endpointZones.find((z) => !zones.includes(z));
  if (missing !== undefined)
    throw new ValidationError(
      scope,
      "endpointSubnetCidrs",
      endpointZones,
      `the tier's zones exactly (${zones.join(", ")}): each zone's tier subnet is inspected by the endpoint in that zone`,
    );
  const all: [string, string][] = [
    ...zones.map((z): [string, string] => [`subnetCidrs.${z}`, props.subnetCidrs[z]]),
    ...zones.map((z): [string, string] => [`endpointSubnetCidrs.${z}`, props.endpointSubnetCidrs[z]]),
  ];
  all.forEach(([prop, cidr], i) => {
    checkIpv4Cidr(scope, prop, cidr);
    if (isUnresolved(cidr)) return;
    // AWS creates subnets of /28 or larger (checkIpv4Cidr refused host bits already).
    if (parseCidr(cidr)!.prefixLength > 28) throw new ValidationError(scope, prop, cidr, "a subnet CIDR of /28 or larger, such as 10.0.10.0/24");
    if (isUnresolved(props.vpc.cidrBlock)) return;
    if (!cidrContains(props.vpc.cidrBlock, cidr)) throw new ValidationError(scope, prop, cidr, `a range inside the VPC's ${props.vpc.cidrBlock}`);
    const other = all.slice(0, i).find(([, earlier]) => !isUnresolved(earlier) && cidrsOverlap(earlier, cidr));
    if (other !== undefined) throw new ValidationError(scope, prop, cidr, `a range that does not overlap ${other[0]} (${other[1]})`);
  });
  return zones;
}

/** A client subnet with the CIDR its tier route goes to: the one given, else the subnet's own. */
type ClientWithCidr = InspectedClientSubnet & { readonly cidrBlock: string };

/** The client subnets: in the VPC, with a route table and a zone, and a CIDR (given, or the subnet's own) apart from the tier's. */
function checkClients(scope: IConstruct, props: InspectedSubnetTierProps, zones: readonly string[]): [string, ClientWithCidr][] {
  checkObject(scope, "clients", props.clients);
  const clients = Object.entries(props.clients);
  if (clients.length === 0)
    throw new ValidationError(
      scope,
      "clients",
      props.clients,
      "at least one client subnet: without clients the tier is reachable by nothing but itself",
    );
  return clients.map(([name, given]) => {
    const prop = `clients.${name}`;
    checkObject(scope, prop, given);
    requireProps(scope, given, ["subnet"]);
    checkObject(scope, `${prop}.subnet`, given.subnet);
    const own = given.subnet.cidrBlock;
    // The subnet's own block stands for an omitted CIDR; with neither, the tier's route back has no destination.
    const cidrBlock = requireValue(
      scope,
      `${prop}.cidrBlock`,
      given.cidrBlock ?? own,
      "the client subnet's IPv4 CIDR: its subnet object carries none (an imported subnet: give its cidrBlock here, or import the VPC with each subnet's cidrBlock)",
    );
    const client: ClientWithCidr = { ...given, cidrBlock };
    checkIpv4Cidr(scope, `${prop}.cidrBlock`, client.cidrBlock);
    if (client.subnet.routeTableId === undefined)
      throw new ValidationError(scope, `${prop}.subnet.routeTableId`, undefined, "the client subnet's route table, which gets the route to the tier");
    if (zoneOf(client.subnet) === undefined) throw new ValidationError(scope, `${prop}.subnet.availabilityZone`, undefined, "the client subnet's AZ");
    // A client subnet may lie in any IPv4 block of the VPC (an imported VPC's secondary block, where EKS puts its pods).
    const inVpc = inVpcIpv4Blocks(props.vpc, client.cidrBlock);
    if (inVpc === undefined) return [name, client];
    if (!inVpc)
      throw new ValidationError(
        scope,
        `${prop}.cidrBlock`,
        client.cidrBlock,
        `a subnet of the VPC (${vpcIpv4CidrBlocks(props.vpc).join(", ")}): inspection routes stay inside one VPC`,
      );
    const overlapping = zones.find(
      (z) => cidrsOverlap(props.subnetCidrs[z], client.cidrBlock) || cidrsOverlap(props.endpointSubnetCidrs[z], client.cidrBlock),
    );
    if (overlapping !== undefined)
      throw new ValidationError(
        scope,
        `${prop}.cidrBlock`,
        client.cidrBlock,
        `a CIDR apart from the tier's and the endpoints' subnets in ${overlapping}`,
      );
    // The tier's route back to the client goes to this CIDR: another subnet's would leave the client's replies to the local route, past the appliances.
    if (own !== undefined && !isUnresolved(own) && parseCidr(own)?.text !== parseCidr(client.cidrBlock)?.text)
      throw new ValidationError(
        scope,
        `${prop}.cidrBlock`,
        client.cidrBlock,
        `the CIDR of the client subnet itself (${own}): the tier's route back to the client goes to this CIDR, so the subnet's replies would take the local route past the appliances`,
      );
    return [name, client];
  });
}

const INSPECTED_SUBNET_TIER_PROPS: Record<keyof InspectedSubnetTierProps, true> = {
  vpc: true,
  name: true,
  service: true,
  subnetCidrs: true,
  endpointSubnetCidrs: true,
  clients: true,
  provider: true,
};
