import { ITerraformDependable } from "../core/cdktf";
import { Construct } from "constructs";
import { Ec2TransitGatewayRoute } from "@cdktf/provider-aws/lib/ec2-transit-gateway-route";
import { Ec2TransitGatewayRouteTable } from "@cdktf/provider-aws/lib/ec2-transit-gateway-route-table";
import { Ec2TransitGatewayRouteTableAssociation } from "@cdktf/provider-aws/lib/ec2-transit-gateway-route-table-association";
import { Ec2TransitGatewayRouteTablePropagation } from "@cdktf/provider-aws/lib/ec2-transit-gateway-route-table-propagation";
import { Ec2TransitGatewayVpcAttachment } from "@cdktf/provider-aws/lib/ec2-transit-gateway-vpc-attachment";
import { Ec2TransitGatewayVpcAttachmentAccepter } from "@cdktf/provider-aws/lib/ec2-transit-gateway-vpc-attachment-accepter";
import { Route } from "@cdktf/provider-aws/lib/route";
import { checkItemCount, checkKnownProps, isIpv6Cidr, isUnresolved, stableId, ValidationError } from "../core";
import { ISubnet, PRIVATE_TIER, zoneOf } from "./subnets";
import { IVpc, vpcIpv4CidrBlocks } from "./vpc";
import type { TransitGatewayBase } from "./transit-gateway";

/** What {@link TransitGatewayBase.attach} gives a {@link TransitGatewayAttachment}. */
export interface TransitGatewayAttachmentProps {
  /** The attachment's name, which keys its routes' addresses in the other VPCs. */
  readonly name: string;
  /** The attached VPC. */
  readonly vpc: IVpc;
  /** The gateway. */
  readonly gateway: TransitGatewayBase;
  /** Subnets of the attachment's network interfaces, at most one per AZ. */
  readonly subnets: readonly ISubnet[];
  /** For a VPC of another account: what its attachment waits for (the share of the gateway). @default - none: the owner's VPC */
  readonly share?: readonly ITerraformDependable[];
  /** The gateway accepts shared attachments by itself. */
  readonly autoAccept: boolean;
  /** Tags of the attachment and its accepter, beside Name. @default - Name only */
  readonly tags?: Readonly<Record<string, string>>;
  /** The gateway has its own route tables (isolateSpokes, or an imported gateway's routeTableId): the attachment joins them, not the default one. @default false */
  readonly isolated?: boolean;
  /** The gateway is an existing one (fromTransitGatewayAttributes): its default route table settings apply unless isolated. @default false */
  readonly importedGateway?: boolean;
  /** The subnets whose route tables get the routes to the gateway, each with its route table ID. @default - the VPC's private subnets */
  readonly routeFrom?: readonly ISubnet[];
  /** More CIDRs (IPv4 or IPv6) the route tables of routeFrom send to the gateway. @default - none */
  readonly destinations?: readonly string[];
  /** Appliance mode: both directions of a flow through one AZ's network interface of the attachment. @default false */
  readonly applianceMode?: boolean;
}

/**
 * One VPC's attachment to a transit gateway (made by
 * `TransitGateway.attach`, or `attach` of an imported gateway), with the
 * routes of the VPC's route tables to the other attached VPCs and to its
 * destinations.
 */
export class TransitGatewayAttachment extends Construct {
  /** The underlying `aws_ec2_transit_gateway_vpc_attachment`, as an escape hatch. */
  public readonly resource: Ec2TransitGatewayVpcAttachment;
  /** `tgw-attach-…` */
  public readonly transitGatewayAttachmentId: string;
  /** The name the attachment was made with. */
  public readonly name: string;
  /** The attached VPC. */
  public readonly vpc: IVpc;
  /**
   * The attachment carries IPv6: the VPC has an IPv6 block and every
   * attachment subnet has IPv6 addresses (dual-stack or IPv6-only), so it is
   * made with ipv6_support and IPv6 routes go to the other IPv6 VPCs.
   */
  public readonly ipv6: boolean;
  /** The owner's acceptance of an attachment of another account. @default - none (the owner's VPC, or auto-accepted) */
  public readonly accepter?: Ec2TransitGatewayVpcAttachmentAccepter;
  private readonly gateway: TransitGatewayBase;
  /** The subnets of the attachment's network interfaces. */
  private readonly subnets: readonly ISubnet[];
  /** The subnets whose route tables get routes; undefined: the VPC's private subnets. */
  private readonly routeFrom?: readonly ISubnet[];
  /** More CIDRs the VPC routes to the gateway. */
  private readonly destinations: readonly string[];
  /** The attachment is usable once this exists: routes to the gateway wait for it. */
  private readonly ready: ITerraformDependable;

  /**
   * The CIDRs beside the other VPCs' blocks this VPC routes to the gateway.
   * @internal
   */
  public get routedDestinations(): readonly string[] {
    return this.destinations;
  }

  constructor(scope: Construct, id: string, props: TransitGatewayAttachmentProps) {
    super(scope, id);
    checkKnownProps(this, props, TRANSIT_GATEWAY_ATTACHMENT_PROPS);
    checkItemCount(this, "subnets", props.subnets, 1);
    const zones = new Set<string>();
    props.subnets.forEach((subnet, i) => {
      const zone = zoneOf(subnet);
      if (zone === undefined) return;
      if (zones.has(zone))
        throw new ValidationError(
          this,
          `subnets[${i}]`,
          zone,
          "one subnet per availability zone (a transit gateway attachment takes at most one in each)",
        );
      zones.add(zone);
    });
    this.name = props.name;
    this.vpc = props.vpc;
    this.gateway = props.gateway;
    this.subnets = props.subnets;
    this.routeFrom = props.routeFrom;
    this.destinations = props.destinations ?? [];
    this.ipv6 = carriesIpv6(props.vpc, props.subnets);
    const ownerAccount = props.share === undefined;
    // An existing gateway's defaults are its own: the attachment says nothing of them unless it joins a route table of the gateway.
    const defaultRouteTable = props.importedGateway ? (props.isolated ? false : undefined) : ownerAccount ? !props.isolated : undefined;
    this.resource = new Ec2TransitGatewayVpcAttachment(this, "Resource", {
      // The attachment is made by the VPC's account; the owner's default route table settings do not apply to shared gateways.
      provider: props.vpc.provider ?? props.gateway.provider,
      transitGatewayId: props.gateway.transitGatewayId,
      vpcId: props.vpc.vpcId,
      subnetIds: props.subnets.map((s) => s.subnetId),
      dnsSupport: "enable",
      ipv6Support: this.ipv6 ? "enable" : undefined,
      securityGroupReferencingSupport: props.gateway.securityGroupReferencing ? "enable" : undefined,
      applianceModeSupport: props.applianceMode === true ? "enable" : undefined,
      transitGatewayDefaultRouteTableAssociation: defaultRouteTable,
      transitGatewayDefaultRouteTablePropagation: defaultRouteTable,
      dependsOn: props.share === undefined ? undefined : [...props.share],
      tags: { ...props.tags, Name: `${props.gateway.node.id}-${props.name}` },
    });
    this.transitGatewayAttachmentId = this.resource.id;
    if (!ownerAccount && !props.autoAccept) {
      this.accepter = new Ec2TransitGatewayVpcAttachmentAccepter(this, "Accepter", {
        provider: props.gateway.provider,
        transitGatewayAttachmentId: this.transitGatewayAttachmentId,
        transitGatewayDefaultRouteTableAssociation: !props.isolated,
        transitGatewayDefaultRouteTablePropagation: !props.isolated,
        tags: { ...props.tags, Name: `${props.gateway.node.id}-${props.name}` },
      });
    }
    this.ready = this.accepter ?? this.resource;
  }

  /**
   * Every AZ of the subnets whose route tables get the routes to the gateway
   * (routeFrom, else the private subnets) has a subnet of the attachment:
   * AWS forwards traffic to the gateway only from AZs where it has an
   * attachment subnet, so resources of another AZ would follow the route
   * and reach nothing. Checked when AZs are literal (by name, or by ID, on
   * both sides).
   */
  private checkEveryRoutedZoneAttached(): void {
    const literal = (zone: string | undefined): zone is string => zone !== undefined && !isUnresolved(zone);
    const names = this.subnets.map((s) => s.availabilityZone);
    const ids = this.subnets.map((s) => s.availabilityZoneId);
    for (const subnet of this.routeFrom ?? this.vpc.privateSubnets) {
      if (subnet.routeTableId === undefined) continue;
      const byName = literal(subnet.availabilityZone) && names.every(literal);
      const byId = literal(subnet.availabilityZoneId) && ids.every(literal);
      if (!byName && !byId) continue;
      if ((byName && names.includes(subnet.availabilityZone)) || (byId && ids.includes(subnet.availabilityZoneId))) continue;
      const zone = byId ? subnet.availabilityZoneId : subnet.availabilityZone;
      throw new ValidationError(
        this.gateway,
        `attach.${this.name}.subnets`,
        this.subnets.map((s) => zoneOf(s)),
        `a subnet in every AZ whose route tables get a route to the gateway (${zone} has none): AWS forwards traffic to the gateway only from AZs with an attachment subnet`,
      );
    }
  }

  /**
   * With isolateSpokes: a hub is associated with the hubs' table and
   * propagates into both, a spoke is associated with the spokes' table and
   * propagates into the hubs' only, so spokes learn no route to each other.
   * @internal
   */
  public joinRouteTables(tables: { readonly hubs: Ec2TransitGatewayRouteTable; readonly spokes: Ec2TransitGatewayRouteTable }, spoke: boolean): void {
    // The owner manages the gateway's tables, after its acceptance of an attachment of another account.
    const common = { provider: this.gateway.provider, transitGatewayAttachmentId: this.transitGatewayAttachmentId, dependsOn: [this.ready] };
    new Ec2TransitGatewayRouteTableAssociation(this, "RouteTableAssociation", {
      ...common,
      transitGatewayRouteTableId: (spoke ? tables.spokes : tables.hubs).id,
    });
    new Ec2TransitGatewayRouteTablePropagation(this, "PropagationToHubs", { ...common, transitGatewayRouteTableId: tables.hubs.id });
    if (!spoke) new Ec2TransitGatewayRouteTablePropagation(this, "PropagationToSpokes", { ...common, transitGatewayRouteTableId: tables.spokes.id });
  }

  /**
   * An imported gateway's routeTableId: the attachment is associated with it
   * and propagates into it.
   * @internal
   */
  public joinRouteTable(routeTableId: string): void {
    const common = { provider: this.gateway.provider, transitGatewayAttachmentId: this.transitGatewayAttachmentId, dependsOn: [this.ready] };
    new Ec2TransitGatewayRouteTableAssociation(this, "RouteTableAssociation", { ...common, transitGatewayRouteTableId: routeTableId });
    new Ec2TransitGatewayRouteTablePropagation(this, "Propagation", { ...common, transitGatewayRouteTableId: routeTableId });
  }

  /**
   * The route tables that get routes to the gateway, once each, keyed for
   * their routes' addresses: by AZ for the private subnets (as always), by
   * tier and AZ for the other tiers of routeFrom.
   */
  private routedTables(): Map<string, string> {
    const tables = new Map<string, string>();
    const add = (base: string, routeTableId: string) => {
      if ([...tables.values()].includes(routeTableId)) return;
      let key = base;
      for (let n = 2; tables.has(key); n++) key = `${base}-${n}`;
      tables.set(key, routeTableId);
    };
    if (this.routeFrom === undefined) {
      this.vpc.privateSubnets.forEach((subnet, i) => {
        if (subnet.routeTableId === undefined) {
          throw new ValidationError(
            this,
            `vpc.privateSubnets[${i}].routeTableId`,
            undefined,
            "a route table ID on every private subnet, to route to the transit gateway",
          );
        }
        const zone = zoneOf(subnet);
        if (zone === undefined)
          throw new ValidationError(
            this,
            `vpc.privateSubnets[${i}].availabilityZone`,
            undefined,
            "the subnet's AZ (or AZ ID), which keys its route's Terraform address",
          );
        add(zone, subnet.routeTableId);
      });
      return tables;
    }
    const counts = new Map<string, number>();
    for (const subnet of this.routeFrom) {
      const tier = subnet.tier ?? PRIVATE_TIER;
      const index = counts.get(tier) ?? 0;
      counts.set(tier, index + 1);
      const zone = zoneOf(subnet);
      const place = zone === undefined || isUnresolved(zone) ? String(index) : zone;
      if (subnet.routeTableId !== undefined) add(tier === PRIVATE_TIER ? place : `${tier}-${place}`, subnet.routeTableId);
    }
    return tables;
  }

  /**
   * Routes from every route table of routeFrom (else of the VPC's private
   * subnets) to each IPv4 block of the other VPC (its primary and secondary
   * blocks: the gateway propagates them all) and to its IPv6 block, when both
   * attachments carry IPv6, through the gateway.
   */
  public addRoutesTo(other: TransitGatewayAttachment): void {
    this.checkEveryRoutedZoneAttached();
    const tables = this.routedTables();
    for (const [zone, routeTableId] of tables) {
      const route = {
        provider: this.vpc.provider ?? this.gateway.provider,
        routeTableId,
        transitGatewayId: this.gateway.transitGatewayId,
        dependsOn: [this.ready],
      };
      new Route(this, `RouteTo-${stableId(other.name)}-${stableId(zone)}`, { ...route, destinationCidrBlock: other.vpc.cidrBlock });
      // The primary block's routes keep their IDs (and addresses); each secondary block gets a route beside them.
      for (const block of vpcIpv4CidrBlocks(other.vpc).slice(1))
        new Route(this, `RouteTo-${stableId(other.name)}-${stableId(zone)}-${stableId(block)}`, { ...route, destinationCidrBlock: block });
      // The IPv4 routes keep their IDs (and addresses); dual-stack VPCs get their IPv6 route beside them.
      if (this.ipv6 && other.ipv6)
        new Route(this, `RouteTo-${stableId(other.name)}-${stableId(zone)}-ipv6`, { ...route, destinationIpv6CidrBlock: other.vpc.ipv6CidrBlock });
    }
  }

  /**
   * Static routes of the gateway route table `routeTableId` to this
   * attachment, one per CIDR (gatewayRoutes), made by the gateway's owner
   * once the attachment is usable.
   * @internal
   */
  public addGatewayRoutes(routeTableId: string, cidrs: readonly string[]): void {
    for (const cidr of cidrs)
      new Ec2TransitGatewayRoute(this, `GatewayRoute-${stableId(cidr)}`, {
        provider: this.gateway.provider,
        transitGatewayRouteTableId: routeTableId,
        destinationCidrBlock: cidr,
        transitGatewayAttachmentId: this.transitGatewayAttachmentId,
        dependsOn: [this.ready],
      });
  }

  /**
   * Routes from every route table of routeFrom to each of the destinations.
   * @internal
   */
  public addDestinationRoutes(): void {
    if (this.destinations.length === 0) return;
    this.checkEveryRoutedZoneAttached();
    for (const [zone, routeTableId] of this.routedTables())
      for (const destination of this.destinations) {
        const family =
          !isUnresolved(destination) && isIpv6Cidr(destination) ? { destinationIpv6CidrBlock: destination } : { destinationCidrBlock: destination };
        new Route(this, `RouteToCidr-${stableId(destination)}-${stableId(zone)}`, {
          provider: this.vpc.provider ?? this.gateway.provider,
          routeTableId,
          transitGatewayId: this.gateway.transitGatewayId,
          dependsOn: [this.ready],
          ...family,
        });
      }
  }
}

const TRANSIT_GATEWAY_ATTACHMENT_PROPS: Record<keyof TransitGatewayAttachmentProps, true> = {
  name: true,
  vpc: true,
  gateway: true,
  subnets: true,
  share: true,
  isolated: true,
  autoAccept: true,
  tags: true,
  importedGateway: true,
  routeFrom: true,
  destinations: true,
  applianceMode: true,
};

/**
 * The attachment carries IPv6: the VPC has an IPv6 block and every
 * attachment subnet has IPv6 addresses (dual-stack or IPv6-only). The
 * gateway judges an attachment's IPv6 destinations by it before making it.
 * @internal
 */
export function carriesIpv6(vpc: IVpc, subnets: readonly ISubnet[]): boolean {
  return vpc.ipv6CidrBlock !== undefined && subnets.every((s) => s.ipAddressType === "dualstack" || s.ipAddressType === "ipv6");
}
