import { ITerraformDependable, TerraformProvider } from "../core/cdktf";
import { Construct, IConstruct } from "constructs";
import { Ec2TransitGateway } from "@cdktf/provider-aws/lib/ec2-transit-gateway";
import { Ec2TransitGatewayRouteTable } from "@cdktf/provider-aws/lib/ec2-transit-gateway-route-table";
import {
  AwsResourceProps,
  checkAccountId,
  checkBoolean,
  checkKnownProps,
  checkLength,
  checkList,
  checkObject,
  checkIpv4Cidr,
  checkIpv6Cidr,
  checkPattern,
  checkProvider,
  checkResourceId,
  checkString,
  checkTags,
  cidrContains,
  cidrsOverlap,
  isIpv4Cidr,
  isIpv6Cidr,
  isUnresolved,
  isUnresolvedList,
  literalAccountOf,
  literalRegionOf,
  OptOut,
  optOutReason,
  RECORDED_OPT_OUTS,
  recordOptOut,
  requireProps,
  requireValue,
  stableId,
  ValidationError,
} from "../core";
import { ResourceShare, ResourceShareAccepter, SharePrincipal } from "../ram";
import { checkSubnetObjects, defaultSubnetsOf, ISubnet, PRIVATE_TIER, SubnetSelection } from "./subnets";
import { checkInVpc, checkIsVpc, describeVpc, IVpc, vpcIpv4CidrBlocks } from "./vpc";
import { carriesIpv6, TransitGatewayAttachment, TransitGatewayAttachmentProps } from "./transit-gateway-attachment";

export interface TransitGatewayProps extends AwsResourceProps {
  /** Name tag of the gateway, and name of its RAM shares. */
  readonly name: string;
  /**
   * Private ASN of the AWS side of BGP sessions (VPN, Direct Connect):
   * 64512 to 65534 (16-bit) or 4200000000 to 4294967294 (32-bit).
   * @default 64512 (AWS's default)
   */
  readonly amazonSideAsn?: number;
  /**
   * Accept the attachments of accounts the gateway is shared with without
   * review: `OptOut.because("<why>")` (`true` still works, deprecated). Off,
   * every attachment of another account is accepted by this configuration
   * (an `aws_ec2_transit_gateway_vpc_attachment_accepter`), so that no VPC
   * joins the network unless the owner's code says so.
   * @default - attachments of other accounts are accepted by this configuration
   */
  readonly autoAcceptSharedAttachments?: OptOut | boolean;
  /**
   * Share the gateway with accounts outside the owner's AWS organization:
   * `OptOut.because("<why>")` (`true` still works, deprecated); their
   * attachments then also accept the RAM invitation.
   * @default - accounts of the organization only
   */
  readonly allowExternalPrincipals?: OptOut | boolean;
  /** Tags of every resource the gateway creates; `Name` comes from `name`. @default - Name only */
  readonly tags?: Readonly<Record<string, string>>;
  /**
   * Two routing domains instead of one: attachments with `routeTo` (spokes)
   * are associated with a route table that holds only the routes of the
   * others (hubs), which see everyone. A spoke then reaches no other spoke
   * through the gateway, whatever routes its own VPC adds; `routeTo` may only
   * name hubs. The gateway's default route table is not used.
   * @default false - one route table: every attachment reaches every other through the gateway, and only the VPCs' routes (routeTo) keep spokes apart
   */
  readonly isolateSpokes?: boolean;
  /**
   * Security group referencing across the attached VPCs: an inbound rule of
   * a group in one attached VPC may name a group of another
   * (`security_group_referencing_support` on the gateway and on each
   * attachment). AWS supports it for inbound rules, within one region.
   * @default false - as AWS's default for a gateway: rules name the other VPCs' CIDRs (Peer.cidr)
   */
  readonly securityGroupReferencing?: boolean;
}

/** Options of {@link TransitGatewayBase.attach}. */
export interface TransitGatewayAttachOptions {
  /**
   * Subnets of the attachment's network interfaces, one per availability
   * zone: resources in an AZ without one cannot reach the gateway.
   * @default - the VPC's private subnets
   */
  readonly subnets?: readonly ISubnet[];
  /**
   * The tiers (subnet selections, as `vpc.selectSubnets` takes them) whose
   * route tables get the routes to the gateway: to the other attached VPCs,
   * and to `destinations`. An imported VPC of other tiers than `private`
   * (`app`, `data`, and a `tgw` tier for the attachment) names the tiers its
   * workloads are in: `routeFrom: [{ tier: "app" }, { tier: "data" }]`.
   * Route tables shared by several subnets get one route each. `[]`: no
   * route table of this VPC gets routes (they are managed elsewhere).
   * @default - the route tables of the VPC's private subnets (an error for a VPC without private subnets)
   */
  readonly routeFrom?: readonly SubnetSelection[];
  /**
   * More CIDRs (IPv4 or IPv6) the route tables of `routeFrom` send to the
   * gateway, beside the other attached VPCs' blocks: an on-premises network
   * behind a VPN or Direct Connect attachment of the gateway
   * (`192.168.0.0/16`), or the internet through an egress VPC (`0.0.0.0/0`).
   * The gateway's route table must route them on: a propagating VPN, or
   * the `gatewayRoutes` of the egress or inspection VPC's attachment.
   * Not inside the VPC's own block, whose local route wins.
   * @default - none: only the other attached VPCs' blocks
   */
  readonly destinations?: readonly string[];
  /**
   * The VPCs attached before that this VPC gets routes to, and that get
   * routes back to it. Name only the hub in a hub-and-spoke network, so that
   * spokes get no routes to each other.
   * @default - every VPC attached before
   */
  readonly routeTo?: readonly TransitGatewayAttachment[];
  /**
   * The account that owns the VPC, when its provider is not the gateway's:
   * the gateway is shared with it through AWS RAM. Not for an imported
   * gateway, which its owner shares.
   * @default - the gateway's account (an error for a VPC of another provider)
   */
  readonly accountId?: string;
  /**
   * Appliance mode (`appliance_mode_support`), for a VPC of stateful
   * appliances that inspect traffic between other attached VPCs (a Gateway
   * Load Balancer's, AWS Network Firewall's): the gateway sends both
   * directions of a flow to the attachment's network interface in one
   * availability zone, so that the same appliance sees both; without it, a
   * flow between VPCs in different AZs may return through another AZ's
   * appliance, which drops what it never saw begin.
   * @default false (AWS's default: each direction takes the attachment in its own source's AZ)
   */
  readonly applianceMode?: boolean;
  /**
   * CIDRs (IPv4 or IPv6) the gateway sends to this attachment: static routes
   * (`aws_ec2_transit_gateway_route`) in the gateway route table that holds
   * the other attachments' routes (the default route table; with
   * `isolateSpokes` the spokes' table, on a hub; an imported gateway's
   * `routeTableId`), for what propagation does not put there. An egress VPC
   * takes `0.0.0.0/0`; a centralized inspection VPC, attached as the hub of
   * a gateway with `isolateSpokes` and with `applianceMode`, takes
   * `0.0.0.0/0` so that every spoke's traffic to another spoke passes it
   * both ways (its own table holds the spokes' propagated blocks). The
   * spokes' `destinations` send those CIDRs to the gateway. A route inside
   * the block of another attachment that the same table holds would take
   * that VPC's traffic (a static route beats a propagated one), and fails.
   * @default - none: the table holds the attached VPCs' propagated blocks only
   */
  readonly gatewayRoutes?: readonly string[];
}

/**
 * An existing transit gateway, for {@link TransitGateway.fromTransitGatewayAttributes}.
 */
export interface TransitGatewayAttributes {
  /** The gateway's ID (`tgw-…`). */
  readonly transitGatewayId: string;
  /**
   * The account that owns the gateway, when it is not the attached VPCs'
   * account. The owner shares the gateway with the VPC's account through
   * AWS RAM, outside this configuration; the attachment is made with the
   * VPC's provider, and unless the gateway auto-accepts shared attachments,
   * the owner accepts it outside this configuration too (an
   * `aws_ec2_transit_gateway_vpc_attachment_accepter` in the owner's code,
   * or the console): until then the routes made here carry nothing. The
   * owner's route tables then decide where the attachment is associated and
   * propagates.
   * @default - the account of the VPCs attached
   */
  readonly ownerAccountId?: string;
  /**
   * A route table of the gateway (`tgw-rtb-…`) the attachments are
   * associated with and propagate to, instead of the gateway's default
   * route table: for a gateway with default association off. The gateway's
   * account makes the association, so the VPCs attached must be of the
   * gateway's provider.
   * @default - the gateway's default route table settings decide (association and propagation as the gateway has them)
   */
  readonly routeTableId?: string;
  /**
   * A provider in the gateway's region: the attachments and routes of VPCs
   * without a provider are made with it, and with routeTableId, the
   * association and propagation.
   * @default - the stack's default provider
   */
  readonly provider?: TerraformProvider;
  /** Tags of the attachments, beside Name. @default - Name only */
  readonly tags?: Readonly<Record<string, string>>;
  /**
   * The gateway has `security_group_referencing_support` enabled (where it
   * is managed): rules of attached VPCs may name each other's security
   * groups in inbound rules, as with {@link TransitGatewayProps.securityGroupReferencing},
   * and the attachments made here enable it too. Say so only when the
   * gateway has it: AWS matches no group reference over a gateway without it.
   * @default false
   */
  readonly securityGroupReferencing?: boolean;
}

/**
 * What VPCs attach to: a {@link TransitGateway} of this configuration, or
 * an existing one ({@link TransitGateway.fromTransitGatewayAttributes}).
 * `attach` makes the same attachment, routes and checks for both.
 */
export abstract class TransitGatewayBase extends Construct {
  /** `tgw-…` */
  public abstract readonly transitGatewayId: string;
  /** The gateway's provider. @default - the stack's default provider */
  public abstract readonly provider?: TerraformProvider;
  /** Security group referencing is on across the attached VPCs. */
  public abstract readonly securityGroupReferencing: boolean;
  /** The attachments so far. */
  protected readonly attachments: TransitGatewayAttachment[] = [];
  /** The static routes of gatewayRoutes so far: the gateway route table, the CIDR, the attachment it goes to. */
  private readonly gatewayRouted: { readonly table: GatewayRouteTable; readonly cidr: string; readonly attachment: string }[] = [];

  /** The attachments so far, in the order they were made. */
  public get attachedVpcs(): readonly TransitGatewayAttachment[] {
    return [...this.attachments];
  }

  /**
   * Whether groups of `a` may name groups of `b` through this gateway: it
   * has security group referencing on, and both are attached.
   * @internal
   */
  public joinsForSecurityGroupReferences(a: IVpc, b: IVpc): boolean {
    const attached = (vpc: IVpc) => this.attachments.some((attachment) => attachment.vpc === vpc);
    return this.securityGroupReferencing && attached(a) && attached(b);
  }

  /**
   * Attaches a VPC; `name` keys its Terraform addresses. Adds the routes
   * between it and the VPCs of `routeTo` in both VPCs' route tables (those
   * of `routeFrom`), and to `destinations` in its own.
   */
  public attach(name: string, vpc: IVpc, options: TransitGatewayAttachOptions = {}): TransitGatewayAttachment {
    requireValue(this, "attach.name", name, "a name for the attachment");
    checkString(this, "attach.name", name);
    checkPattern(this, "attach.name", name, /\S/, "a name for the attachment");
    const sameName = this.attachments.find((a) => stableId(a.name) === stableId(name));
    if (sameName !== undefined)
      throw new ValidationError(this, `attach.${name}`, name, `a name not attached before (${sameName.name} has the same Terraform address)`);
    requireValue(this, `attach.${name}.vpc`, vpc, "the VPC to attach");
    checkIsVpc(this, `attach.${name}.vpc`, vpc);
    checkObject(this, `attach.${name}`, options);
    checkKnownProps(this, options, TRANSIT_GATEWAY_ATTACH_OPTIONS);
    const sameVpc = this.attachments.find((a) => a.vpc === vpc || (!isUnresolved(vpc.vpcId) && a.vpc.vpcId === vpc.vpcId));
    if (sameVpc !== undefined)
      throw new ValidationError(
        this,
        `attach.${name}.vpc`,
        `the VPC of attachment ${sameVpc.name}`,
        "a VPC not attached before (one attachment per VPC)",
      );
    const routeTo = checkList(this, `attach.${name}.routeTo`, options.routeTo) ?? [];
    routeTo.forEach((other, i) => {
      if (!this.attachments.includes(other))
        throw new ValidationError(this, `attach.${name}.routeTo[${i}]`, other?.name, "an attachment of this transit gateway made before");
      const first = routeTo.indexOf(other);
      if (first !== i)
        throw new ValidationError(
          this,
          `attach.${name}.routeTo[${i}]`,
          other.name,
          `each attachment once (attach.${name}.routeTo[${first}] is ${other.name} already): the routes to it are made once`,
        );
    });
    const subnets =
      options.subnets === undefined
        ? defaultSubnetsOf(this, `attach.${name}.subnets`, vpc)
        : checkSubnetObjects(this, `attach.${name}.subnets`, options.subnets, "subnetId", 'vpc.selectSubnets({ tier: "tgw" })', "attach");
    checkInVpc(this, `attach.${name}.subnets`, subnets, vpc);
    this.checkSameRegion(`attach.${name}.vpc`, vpc);
    const settings = this.attachmentSettings(name, vpc, options);
    for (const other of options.routeTo ?? this.attachments) checkRoutable(this, `attach.${name}.vpc`, vpc, other);
    const routeFrom = this.routeFromOf(name, vpc, subnets, options.routeFrom);
    const destinations = checkDestinations(this, `attach.${name}.destinations`, vpc, options.destinations, routeFrom);
    const ipv6 = carriesIpv6(vpc, subnets);
    destinations.forEach((destination, i) => {
      if (!ipv6 && !isUnresolved(destination) && isIpv6Cidr(destination))
        throw new ValidationError(
          this,
          `attach.${name}.destinations[${i}]`,
          destination,
          "an IPv4 destination, or an attachment that carries IPv6 (a VPC with an IPv6 block, attached in dual-stack or IPv6-only subnets): this attachment has no ipv6_support, so the gateway carries no IPv6 from it",
        );
    });
    for (const other of options.routeTo ?? this.attachments) {
      checkNotRoutedTwice(this, name, destinations, ipv6 && other.ipv6, other.name, other.vpc);
      checkNotRoutedTwice(this, other.name, other.routedDestinations, ipv6 && other.ipv6, name, vpc);
    }
    const spoke = options.routeTo !== undefined;
    const gatewayRoutes = this.checkGatewayRoutes(name, vpc, ipv6, spoke, options.gatewayRoutes);
    const attachment = new TransitGatewayAttachment(this, `Attachment-${stableId(name)}`, {
      name,
      vpc,
      gateway: this,
      subnets,
      ...settings,
      routeFrom,
      destinations,
      applianceMode: checkBoolean(this, `attach.${name}.applianceMode`, options.applianceMode),
    });
    this.joinRouteTables(attachment, spoke);
    if (gatewayRoutes !== undefined) {
      attachment.addGatewayRoutes(gatewayRoutes.table.id, gatewayRoutes.cidrs);
      for (const cidr of gatewayRoutes.cidrs) this.gatewayRouted.push({ table: gatewayRoutes.table, cidr, attachment: name });
    }
    attachment.addDestinationRoutes();
    for (const other of options.routeTo ?? this.attachments) {
      attachment.addRoutesTo(other);
      other.addRoutesTo(attachment);
    }
    this.attachments.push(attachment);
    return attachment;
  }

  /**
   * The gateway route table that the static routes of an attachment's
   * gatewayRoutes go in, and whether it holds a given attachment's
   * propagated block; fails (at prop) when the gateway has no such table
   * for it.
   * @internal
   */
  protected abstract gatewayRouteTable(prop: string, spoke: boolean): GatewayRouteTable;

  /**
   * An attachment's gatewayRoutes: a literal list of IPv4 or IPv6 CIDRs (IPv6 only on an attachment that carries it),
   * each once, none already routed in the table to another attachment, none inside the block of an attachment
   * the table holds (the static route would take its traffic); and no earlier gateway route inside this VPC's
   * block, in a table that holds its routes. Undefined when there are none.
   */
  private checkGatewayRoutes(
    name: string,
    vpc: IVpc,
    ipv6: boolean,
    spoke: boolean,
    routes: readonly string[] | undefined,
  ): { readonly table: GatewayRouteTable; readonly cidrs: readonly string[] } | undefined {
    const prop = `attach.${name}.gatewayRoutes`;
    const list = checkList(this, prop, routes) ?? [];
    if (isUnresolvedList(list)) throw new ValidationError(this, prop, list, "a literal list of CIDRs: each becomes its own static route at synth");
    const stealing = (table: GatewayRouteTable, cidr: string, blockOf: TransitGatewayAttachment | undefined, block: string | undefined) =>
      blockOf !== undefined && table.holds(blockOf) && block !== undefined && !isUnresolved(block) && cidrContains(block, cidr);
    // The gateway propagates every IPv4 block of an attached VPC (its secondary ones too), and its IPv6 block when it carries IPv6.
    const blocks = (other: TransitGatewayAttachment) => [...vpcIpv4CidrBlocks(other.vpc), ...(other.ipv6 ? [other.vpc.ipv6CidrBlock] : [])];
    // This VPC against the routes earlier attachments sent to the gateway, in a table that will hold its block.
    const ownBlocks = [
      ...blockProps(`attach.${name}.vpc`, vpc),
      ...(ipv6 ? [{ prop: `attach.${name}.vpc.cidrBlock`, block: vpc.ipv6CidrBlock }] : []),
    ];
    for (const earlier of this.gatewayRouted) {
      const own = ownBlocks.find(
        ({ block: b }) => b !== undefined && !isUnresolved(b) && !isUnresolved(earlier.cidr) && cidrContains(b, earlier.cidr),
      );
      if (own !== undefined && earlier.table.holdsNew(spoke))
        throw new ValidationError(
          this,
          own.prop,
          own.block,
          `a block that holds no CIDR the gateway routes to another attachment: gatewayRoutes of attachment ${earlier.attachment} sends ${earlier.cidr} there, in the route table that would hold this VPC's propagated block, and a static route beats a propagated one (give the VPC another block, or narrow ${earlier.attachment}'s gatewayRoutes)`,
        );
    }
    if (list.length === 0) return undefined;
    const table = this.gatewayRouteTable(prop, spoke);
    list.forEach((cidr, i) => {
      const at = `${prop}[${i}]`;
      if (isUnresolved(cidr)) return;
      if (typeof cidr !== "string" || (!isIpv4Cidr(cidr) && !isIpv6Cidr(cidr)))
        throw new ValidationError(this, at, cidr, "an IPv4 or IPv6 CIDR block such as 0.0.0.0/0, 10.0.0.0/8 or ::/0");
      if (isIpv4Cidr(cidr)) checkIpv4Cidr(this, at, cidr);
      else {
        checkIpv6Cidr(this, at, cidr);
        if (!ipv6)
          throw new ValidationError(
            this,
            at,
            cidr,
            "an IPv4 CIDR, or an attachment that carries IPv6 (a VPC with an IPv6 block, attached in dual-stack or IPv6-only subnets): this attachment has no ipv6_support",
          );
      }
      const first = list.indexOf(cidr);
      if (first !== i) throw new ValidationError(this, at, cidr, `a CIDR listed once (${prop}[${first}] is the same)`);
      const taken = this.gatewayRouted.find((r) => r.table === table && r.cidr === cidr);
      if (taken !== undefined)
        throw new ValidationError(
          this,
          at,
          cidr,
          `a CIDR no other attachment takes in the same gateway route table (attachment ${taken.attachment} takes it: a table routes one destination to one attachment)`,
        );
      const victim = this.attachments.find((other) => blocks(other).some((block) => stealing(table, cidr, other, block)));
      if (victim !== undefined)
        throw new ValidationError(
          this,
          at,
          cidr,
          `a CIDR outside the block of attachment ${victim.name} (${blocks(victim).find((block) => stealing(table, cidr, victim, block))}), whose propagated route the same gateway route table holds: a static route beats a propagated one, so the VPC's traffic would go to this attachment instead (for inspection between VPCs, attach this VPC as the hub of a gateway with isolateSpokes and route 0.0.0.0/0)`,
        );
    });
    return { table, cidrs: list };
  }

  /**
   * The gateway's own checks of an attachment (accounts, shares, hubs and
   * spokes), before it is made, and what it is made with.
   * @internal
   */
  protected abstract attachmentSettings(name: string, vpc: IVpc, options: TransitGatewayAttachOptions): AttachmentSettings;

  /**
   * Associates a new attachment with the gateway's route tables, when the
   * gateway has its own (not the default one).
   * @internal
   */
  protected abstract joinRouteTables(attachment: TransitGatewayAttachment, spoke: boolean): void;

  /**
   * The subnets whose route tables get routes to the gateway: the selections
   * of `routeFrom`, each subnet with a route table ID, or the VPC's private
   * subnets. Undefined for the private subnets, whose route tables are
   * checked when routes are added, as they always were.
   */
  private routeFromOf(
    name: string,
    vpc: IVpc,
    subnets: readonly ISubnet[],
    selections: readonly SubnetSelection[] | undefined,
  ): readonly ISubnet[] | undefined {
    const prop = `attach.${name}.routeFrom`;
    checkList(this, prop, selections);
    const tiers = [...new Set(vpc.subnets.map((s) => s.tier).filter((t): t is string => typeof t === "string" && !isUnresolved(t)))].sort();
    if (selections === undefined) {
      if (vpc.privateSubnets.length > 0) return undefined;
      const attached = new Set(subnets.map((s) => s.tier));
      const example = tiers.find((t) => !attached.has(t)) ?? tiers[0] ?? "app";
      throw new ValidationError(
        this,
        prop,
        undefined,
        `the tiers whose route tables route to the gateway, e.g. routeFrom: [{ tier: "${example}" }] (this VPC has no ${PRIVATE_TIER} tier; its tiers: ${tiers.join(", ") || "none"})`,
      );
    }
    const chosen: ISubnet[] = [];
    selections.forEach((selection, i) => {
      checkObject(this, `${prop}[${i}]`, selection);
      checkKnownProps(this, selection, SUBNET_SELECTION, `${prop}[${i}]`);
      if (selection.tier !== undefined && typeof selection.tier === "string" && !isUnresolved(selection.tier) && !tiers.includes(selection.tier))
        throw new ValidationError(
          this,
          `${prop}[${i}].tier`,
          selection.tier,
          `one of the VPC's tiers: ${tiers.join(", ") || "none (it has no tiers)"}`,
        );
      for (const subnet of vpc.selectSubnets(selection)) {
        if (chosen.some((s) => s === subnet || (!isUnresolved(s.subnetId) && s.subnetId === subnet.subnetId))) continue;
        if (subnet.routeTableId === undefined)
          throw new ValidationError(
            this,
            `${prop}[${i}]`,
            subnet.subnetId,
            `subnets whose route tables are known, to route to the gateway: give their tier's routeTableIds (Vpc.fromVpcAttributes)`,
          );
        chosen.push(subnet);
      }
    });
    return chosen;
  }

  /**
   * A transit gateway is regional: a VPC attaches to a gateway of its own
   * region (one of another region attaches to a gateway there, peered with
   * this one). Both regions must be literal to tell.
   */
  private checkSameRegion(prop: string, vpc: IVpc): void {
    const own = literalRegionOf(this, this.provider);
    const theirs = literalRegionOf(this, vpc.provider);
    if (own === undefined || theirs === undefined || own === theirs) return;
    throw new ValidationError(
      this,
      prop,
      `${describeVpc(vpc)} (provider ${vpc.provider?.alias ?? "default"}, ${theirs})`,
      `a VPC in ${own}, the gateway's region (a VPC of ${theirs} attaches to a gateway there, peered with this one)`,
    );
  }
}

/**
 * The gateway route table that an attachment's gatewayRoutes go in.
 * @internal
 */
export interface GatewayRouteTable {
  /** `tgw-rtb-…` */
  readonly id: string;
  /** Whether the table holds the propagated block of an attachment made before. */
  holds(attachment: TransitGatewayAttachment): boolean;
  /** Whether it will hold the propagated block of an attachment being made, a spoke (routeTo) or not. */
  holdsNew(spoke: boolean): boolean;
}

/** A route table that holds every attachment's propagated block: the default one, or an imported gateway's routeTableId. */
function tableOfAll(id: string): GatewayRouteTable {
  return { id, holds: () => true, holdsNew: () => true };
}

/**
 * What a gateway gives its attachments beside the VPC and subnets.
 * @internal
 */
export type AttachmentSettings = Pick<TransitGatewayAttachmentProps, "share" | "autoAccept" | "tags" | "isolated" | "importedGateway">;

/**
 * A transit gateway that joins VPCs, in the owner's account and in others:
 * one attachment per VPC, routes in each attached VPC's route tables to the
 * other VPCs' primary IPv4 CIDRs (both ways), and for VPCs of other accounts the RAM
 * share of the gateway, the attachment made with the VPC's provider and its
 * acceptance by the owner. Attachments are associated with and propagate to
 * the gateway's default route table, so every attached CIDR is routed;
 * isolation between VPCs comes from the routes each VPC gets (`routeTo`).
 *
 * Creates: aws_ec2_transit_gateway; per attachment
 * aws_ec2_transit_gateway_vpc_attachment and aws_route (one per route table
 * and destination VPC or CIDR); per VPC of another account
 * aws_ec2_transit_gateway_vpc_attachment_accepter (unless auto-accepted),
 * aws_ec2_transit_gateway_route per CIDR of `gatewayRoutes`,
 * and per such account aws_ram_resource_share, aws_ram_principal_association,
 * aws_ram_resource_association (and aws_ram_resource_share_accepter with
 * `allowExternalPrincipals`).
 */
export class TransitGateway extends TransitGatewayBase {
  /**
   * An existing transit gateway (a landing zone's, another stack's, another
   * account's), to attach VPCs of this configuration to: `attach` makes the
   * same attachment, routes and checks as for a gateway of this
   * configuration, and creates no gateway, RAM share or route table. A
   * gateway of another account (`ownerAccountId`) is shared with the VPCs'
   * account by its owner, who also accepts the attachments (unless the
   * gateway auto-accepts them), outside this configuration.
   *
   * Creates: per attachment aws_ec2_transit_gateway_vpc_attachment and
   * aws_route (and with `routeTableId`,
   * aws_ec2_transit_gateway_route_table_association and
   * aws_ec2_transit_gateway_route_table_propagation).
   */
  public static fromTransitGatewayAttributes(scope: Construct, id: string, attrs: TransitGatewayAttributes): TransitGatewayBase {
    return new ImportedTransitGateway(scope, id, attrs);
  }

  /** The underlying `aws_ec2_transit_gateway`, as an escape hatch. */
  public readonly resource: Ec2TransitGateway;
  /** `tgw-…` */
  public readonly transitGatewayId: string;
  /** ARN of the gateway (what RAM shares). */
  public readonly transitGatewayArn: string;
  /** The owner's provider. @default - the stack's default provider */
  public readonly provider?: TerraformProvider;
  /** Security group referencing is on across the attached VPCs. */
  public readonly securityGroupReferencing: boolean;
  private readonly props: TransitGatewayProps;
  /** With isolateSpokes: the attachments made with routeTo. */
  private readonly spokes = new Set<TransitGatewayAttachment>();
  private readonly autoAccept: boolean;
  /** Why the gateway may be shared outside the organization; undefined when it may not. */
  private readonly externalPrincipals?: string;
  private readonly tags: Readonly<Record<string, string>>;
  /** What an attachment of each other account waits for: the share of the gateway, and its acceptance where needed. */
  private readonly sharesByAccount = new Map<string, readonly ITerraformDependable[]>();
  /** With isolateSpokes: the hubs' and the spokes' route tables. */
  private readonly routeTables?: { readonly hubs: Ec2TransitGatewayRouteTable; readonly spokes: Ec2TransitGatewayRouteTable };
  /** The table gatewayRoutes go in (the default one, or the spokes'), once asked for. */
  private gatewayRoutesTable?: GatewayRouteTable;

  constructor(scope: Construct, id: string, props: TransitGatewayProps) {
    super(scope, id);
    requireProps(this, props, ["name"]);
    checkKnownProps(this, props, TRANSIT_GATEWAY_PROPS);
    requireValue(this, "name", props.name, "a name for the gateway");
    checkString(this, "name", props.name);
    // The name is the gateway's description (255 characters) and its shares' names (`<name>-<account>`, 255).
    checkLength(this, "name", props.name, 1, 255 - "-111111111111".length);
    checkAmazonSideAsn(this, props.amazonSideAsn);
    const autoAccept = optOutReason(this, "autoAcceptSharedAttachments", props.autoAcceptSharedAttachments);
    const isolate = checkBoolean(this, "isolateSpokes", props.isolateSpokes) ?? false;
    this.securityGroupReferencing = checkBoolean(this, "securityGroupReferencing", props.securityGroupReferencing) ?? false;
    this.externalPrincipals = optOutReason(this, "allowExternalPrincipals", props.allowExternalPrincipals);
    this.tags = checkTags(this, "tags", props.tags) ?? {};
    this.props = props;
    this.autoAccept = autoAccept !== undefined;
    this.provider = props.provider;
    this.resource = new Ec2TransitGateway(this, "Resource", {
      provider: props.provider,
      description: props.name,
      amazonSideAsn: props.amazonSideAsn,
      autoAcceptSharedAttachments: this.autoAccept ? "enable" : "disable",
      defaultRouteTableAssociation: isolate ? "disable" : "enable",
      defaultRouteTablePropagation: isolate ? "disable" : "enable",
      dnsSupport: "enable",
      securityGroupReferencingSupport: this.securityGroupReferencing ? "enable" : undefined,
      tags: { ...this.tags, Name: props.name },
    });
    if (isolate) {
      const table = (id: string, role: string) =>
        new Ec2TransitGatewayRouteTable(this, id, {
          provider: props.provider,
          transitGatewayId: this.resource.id,
          tags: { ...this.tags, Name: `${props.name}-${role}` },
        });
      this.routeTables = { hubs: table("HubRoutes", "hubs"), spokes: table("SpokeRoutes", "spokes") };
    }
    if (autoAccept !== undefined) recordOptOut(this.resource, RECORDED_OPT_OUTS.autoAcceptSharedAttachments, autoAccept);
    this.transitGatewayId = this.resource.id;
    this.transitGatewayArn = this.resource.arn;
  }

  /** @internal */
  protected attachmentSettings(name: string, vpc: IVpc, options: TransitGatewayAttachOptions): AttachmentSettings {
    const crossAccount = vpc.provider !== undefined && vpc.provider !== this.provider;
    if (crossAccount)
      requireValue(
        this,
        `attach.${name}.accountId`,
        options.accountId,
        "the 12-digit account that owns the VPC (its provider is not the gateway's), to share the gateway with it",
      );
    checkAccountId(this, `attach.${name}.accountId`, options.accountId);
    if (!crossAccount && options.accountId !== undefined)
      throw new ValidationError(
        this,
        `attach.${name}.accountId`,
        options.accountId,
        "unset for a VPC of the gateway's own provider: nothing is shared with it (give the VPC its own account's provider to attach it from that account)",
      );
    // With both providers pinned, the account given is the one the VPC's provider works in: the share goes to that account.
    const pinned = crossAccount ? literalAccountOf(this, vpc.provider) : undefined;
    if (pinned !== undefined && options.accountId !== undefined && !isUnresolved(options.accountId) && pinned !== options.accountId)
      throw new ValidationError(this, `attach.${name}.accountId`, options.accountId, `the account the VPC's provider is pinned to (${pinned})`);
    if (this.routeTables !== undefined)
      (options.routeTo ?? []).forEach((other, i) => {
        if (this.spokes.has(other))
          throw new ValidationError(
            this,
            `attach.${name}.routeTo[${i}]`,
            other.name,
            "a hub (an attachment without routeTo): with isolateSpokes, spokes reach hubs only, and no route of theirs reaches another spoke",
          );
      });
    return {
      share:
        crossAccount && vpc.provider !== undefined && options.accountId !== undefined ? this.shareWith(options.accountId, vpc.provider) : undefined,
      autoAccept: this.autoAccept,
      tags: this.tags,
      isolated: this.routeTables !== undefined,
    };
  }

  /** @internal */
  protected gatewayRouteTable(prop: string, spoke: boolean): GatewayRouteTable {
    if (this.routeTables === undefined) return (this.gatewayRoutesTable ??= tableOfAll(this.resource.associationDefaultRouteTableId));
    if (spoke)
      throw new ValidationError(
        this,
        prop,
        "an attachment with routeTo (a spoke)",
        "gatewayRoutes on a hub (an attachment without routeTo): with isolateSpokes they go in the spokes' route table, so that spokes send those CIDRs to the hub (an egress or inspection VPC)",
      );
    // The spokes' table holds the hubs' propagated blocks, never a spoke's.
    return (this.gatewayRoutesTable ??= { id: this.routeTables.spokes.id, holds: (a) => !this.spokes.has(a), holdsNew: (isSpoke) => !isSpoke });
  }

  /** @internal */
  protected joinRouteTables(attachment: TransitGatewayAttachment, spoke: boolean): void {
    if (this.routeTables === undefined) return;
    if (spoke) this.spokes.add(attachment);
    attachment.joinRouteTables(this.routeTables, spoke);
  }

  /** The share of the gateway with one account (made once), and what an attachment of that account must wait for. */
  private shareWith(accountId: string, consumer: TerraformProvider): readonly ITerraformDependable[] {
    const existing = this.sharesByAccount.get(accountId);
    if (existing !== undefined) return existing;
    const share = new ResourceShare(this, `Share-${accountId}`, {
      provider: this.provider,
      name: `${this.props.name}-${accountId}`,
      principals: [SharePrincipal.account(accountId)],
      allowExternalPrincipals: this.props.allowExternalPrincipals,
      tags: this.tags,
    });
    const association = share.addResource("transit-gateway", this.transitGatewayArn);
    // Inside the organization (RAM sharing enabled) the share needs no acceptance; outside it, the account accepts the invitation.
    const accepter =
      this.externalPrincipals !== undefined
        ? [new ResourceShareAccepter(this, `ShareAccepter-${accountId}`, { share, provider: consumer }).resource]
        : [];
    const waits = [association, ...(share.invitationDependencies ?? []), ...accepter];
    this.sharesByAccount.set(accountId, waits);
    return waits;
  }
}

/**
 * An existing transit gateway ({@link TransitGateway.fromTransitGatewayAttributes}):
 * VPCs attach to it as to one of this configuration; nothing of the gateway
 * itself is created.
 */
class ImportedTransitGateway extends TransitGatewayBase {
  public readonly transitGatewayId: string;
  public readonly provider?: TerraformProvider;
  public readonly securityGroupReferencing: boolean;
  /** The account that owns the gateway, when given. */
  public readonly ownerAccountId?: string;
  private readonly routeTableId?: string;
  private readonly tags: Readonly<Record<string, string>>;
  /** The table of routeTableId as the one gatewayRoutes go in, once asked for. */
  private gatewayRoutesTable?: GatewayRouteTable;

  constructor(scope: Construct, id: string, attrs: TransitGatewayAttributes) {
    super(scope, id);
    requireProps(this, attrs, ["transitGatewayId"]);
    checkKnownProps(this, attrs, TRANSIT_GATEWAY_ATTRIBUTES);
    checkString(this, "transitGatewayId", attrs.transitGatewayId);
    checkResourceId(this, "transitGatewayId", attrs.transitGatewayId, "transitGateway");
    checkAccountId(this, "ownerAccountId", attrs.ownerAccountId);
    checkString(this, "routeTableId", attrs.routeTableId);
    checkResourceId(this, "routeTableId", attrs.routeTableId, "transitGatewayRouteTable");
    checkProvider(this, "provider", attrs.provider, "a provider in the gateway's region; leave it out for the stack's default provider");
    this.tags = checkTags(this, "tags", attrs.tags) ?? {};
    this.securityGroupReferencing = checkBoolean(this, "securityGroupReferencing", attrs.securityGroupReferencing) ?? false;
    // The association is made by the gateway's account: with another owner, it is the owner's to make.
    const account = literalAccountOf(this, attrs.provider);
    if (attrs.routeTableId !== undefined && attrs.ownerAccountId !== undefined && account !== undefined && account !== attrs.ownerAccountId)
      throw new ValidationError(
        this,
        "routeTableId",
        attrs.routeTableId,
        `unset for a gateway of another account (${attrs.ownerAccountId}) than the provider's (${account}): only the owner associates attachments with its route tables, after accepting them`,
      );
    this.transitGatewayId = attrs.transitGatewayId;
    this.provider = attrs.provider;
    this.ownerAccountId = attrs.ownerAccountId;
    this.routeTableId = attrs.routeTableId;
  }

  /** @internal */
  protected attachmentSettings(name: string, vpc: IVpc, options: TransitGatewayAttachOptions): AttachmentSettings {
    if (options.accountId !== undefined)
      throw new ValidationError(
        this,
        `attach.${name}.accountId`,
        options.accountId,
        "unset for an existing gateway: this configuration shares nothing; the gateway's owner shares it with the VPC's account through RAM (give ownerAccountId to the import when it is another account)",
      );
    if (this.routeTableId !== undefined && vpc.provider !== undefined && vpc.provider !== this.provider)
      throw new ValidationError(
        this,
        `attach.${name}.vpc`,
        `${describeVpc(vpc)} (provider ${vpc.provider.alias ?? "default"})`,
        "a VPC of the gateway's provider: with routeTableId, this configuration associates the attachment with the gateway's route table, which only the gateway's account can do (import the gateway without routeTableId for VPCs of other accounts, and let the owner associate them)",
      );
    return { autoAccept: false, tags: this.tags, isolated: this.routeTableId !== undefined, importedGateway: true };
  }

  /** @internal */
  protected joinRouteTables(attachment: TransitGatewayAttachment): void {
    if (this.routeTableId !== undefined) attachment.joinRouteTable(this.routeTableId);
  }

  /** @internal */
  protected gatewayRouteTable(prop: string): GatewayRouteTable {
    if (this.routeTableId === undefined)
      throw new ValidationError(
        this,
        prop,
        "an existing gateway imported without routeTableId",
        "the gateway route table to put the static routes in: import the gateway with routeTableId (the table its attachments are associated with), or leave gatewayRoutes to the gateway's owner",
      );
    return (this.gatewayRoutesTable ??= tableOfAll(this.routeTableId));
  }
}

const SUBNET_SELECTION: Record<keyof SubnetSelection, true> = { tier: true, availabilityZones: true, tags: true };

const TRANSIT_GATEWAY_ATTRIBUTES: Record<keyof TransitGatewayAttributes, true> = {
  transitGatewayId: true,
  ownerAccountId: true,
  routeTableId: true,
  provider: true,
  tags: true,
  securityGroupReferencing: true,
};

const TRANSIT_GATEWAY_PROPS: Record<keyof TransitGatewayProps, true> = {
  name: true,
  amazonSideAsn: true,
  autoAcceptSharedAttachments: true,
  allowExternalPrincipals: true,
  tags: true,
  isolateSpokes: true,
  securityGroupReferencing: true,
  provider: true,
};

const TRANSIT_GATEWAY_ATTACH_OPTIONS: Record<keyof TransitGatewayAttachOptions, true> = {
  subnets: true,
  applianceMode: true,
  routeFrom: true,
  destinations: true,
  routeTo: true,
  accountId: true,
  gatewayRoutes: true,
};

/** The private ASNs AWS takes for a transit gateway's Amazon side (CreateTransitGateway AmazonSideAsn): 16-bit and 32-bit. */
const PRIVATE_ASNS = [
  [64512, 65534],
  [4200000000, 4294967294],
] as const;

function checkAmazonSideAsn(scope: IConstruct, asn: number | undefined): void {
  if (asn === undefined || isUnresolved(asn)) return;
  if (Number.isInteger(asn) && PRIVATE_ASNS.some(([min, max]) => asn >= min && asn <= max)) return;
  throw new ValidationError(
    scope,
    "amazonSideAsn",
    asn,
    `a private ASN: an integer from ${PRIVATE_ASNS[0][0]} to ${PRIVATE_ASNS[0][1]} (16-bit) or from ${PRIVATE_ASNS[1][0]} to ${PRIVATE_ASNS[1][1]} (32-bit)`,
  );
}

/** Each IPv4 block of `vpc` with the prop that gives it: `<at>.cidrBlock` for the primary, `<at>.secondaryCidrBlocks[i]` for the others. */
function blockProps(at: string, vpc: IVpc): { readonly prop: string; readonly block: string }[] {
  return vpcIpv4CidrBlocks(vpc).map((block, i) => ({ prop: i === 0 ? `${at}.cidrBlock` : `${at}.secondaryCidrBlocks[${i - 1}]`, block }));
}

/**
 * Two VPCs routed to each other through the gateway need blocks that do
 * not overlap: a route to the other VPC's block would be the VPC's own
 * local route, or more specific than it, which AWS refuses (and traffic to
 * those addresses stays in the VPC anyway).
 */
function checkRoutable(scope: IConstruct, prop: string, vpc: IVpc, other: TransitGatewayAttachment): void {
  // Every IPv4 block of either VPC (secondary ones too) has its local route, and routes to the other's.
  for (const { prop: at, block: own } of blockProps(prop, vpc)) {
    const theirs = vpcIpv4CidrBlocks(other.vpc).find((block) => !isUnresolved(own) && !isUnresolved(block) && cidrsOverlap(own, block));
    if (theirs === undefined) continue;
    throw new ValidationError(
      scope,
      at,
      own,
      `a block that does not overlap ${theirs} of attachment ${other.name}, which it is routed to: the route would be the VPC's own local route (give the VPC another block, or leave the attachment out of routeTo)`,
    );
  }
}

/**
 * The extra destinations of an attachment: IPv4 or IPv6 CIDRs (the whole
 * internet too, since they are routes, not rules), each once, none inside
 * the VPC's own block, where the local route wins (AWS takes no route to a
 * transit gateway more specific than it), and only with route tables to
 * put them in.
 */
function checkDestinations(
  scope: IConstruct,
  prop: string,
  vpc: IVpc,
  destinations: readonly string[] | undefined,
  routeFrom: readonly ISubnet[] | undefined,
): readonly string[] {
  const list = checkList(scope, prop, destinations) ?? [];
  if (isUnresolvedList(list)) throw new ValidationError(scope, prop, list, "a literal list of CIDRs: each becomes its own routes at synth");
  list.forEach((destination, i) => {
    const at = `${prop}[${i}]`;
    if (destination === undefined || isUnresolved(destination)) return;
    if (typeof destination !== "string" || (!isIpv4Cidr(destination) && !isIpv6Cidr(destination)))
      throw new ValidationError(scope, at, destination, "an IPv4 or IPv6 CIDR block such as 192.168.0.0/16, 0.0.0.0/0 or ::/0");
    if (isIpv4Cidr(destination)) checkIpv4Cidr(scope, at, destination);
    else checkIpv6Cidr(scope, at, destination);
    const first = list.indexOf(destination);
    if (first !== i) throw new ValidationError(scope, at, destination, `a destination listed once (${prop}[${first}] is the same)`);
    // A secondary IPv4 block has its local route as the primary one has.
    const own = [...vpcIpv4CidrBlocks(vpc), vpc.ipv6CidrBlock].find(
      (block) => block !== undefined && !isUnresolved(block) && cidrContains(block, destination),
    );
    if (own !== undefined)
      throw new ValidationError(
        scope,
        at,
        destination,
        `a destination outside the VPC's own block ${own}: the VPC's local route covers it, and AWS takes no route to a transit gateway inside it`,
      );
  });
  if (list.length > 0 && routeFrom !== undefined && routeFrom.length === 0)
    throw new ValidationError(
      scope,
      prop,
      list,
      "no destinations with routeFrom: [] (no route table of the VPC gets routes), or the tiers to route them from in routeFrom",
    );
  return list;
}

/**
 * The destinations of attachment `name` are not the block of the VPC it is
 * routed to (`otherName`'s): its route tables would get two routes to one
 * destination, and AWS refuses the second.
 */
function checkNotRoutedTwice(scope: IConstruct, name: string, destinations: readonly string[], ipv6: boolean, otherName: string, other: IVpc): void {
  destinations.forEach((destination, i) => {
    // Each IPv4 block of the other VPC (secondary ones too) is routed to the gateway already.
    if (isUnresolved(destination) || (!vpcIpv4CidrBlocks(other).includes(destination) && !(ipv6 && destination === other.ipv6CidrBlock))) return;
    throw new ValidationError(
      scope,
      `attach.${name}.destinations[${i}]`,
      destination,
      `a destination other than the block of attachment ${otherName}, which this VPC's route tables already route to the gateway (AWS refuses a second route to one destination in a route table)`,
    );
  });
}
