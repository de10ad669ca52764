import { cidrContains, cidrsOverlap, parseCidr } from "../../core/addresses";
import {
  EndpointEntity,
  ManagedPrefixListEntity,
  RouteEntry,
  RouteTableEntity,
  SecurityGroupEntity,
  SecurityGroupRuleEntry,
  SubnetEntity,
  TransitGatewayAttachmentEntity,
  TransitGatewayEntity,
} from "../model/entities";
import { NetworkModel } from "../model/network-model";
import { FlowHop, FlowHopKind, FlowVerdict, Path } from "../verdict";
import { FlowContext, labelOf, ResolvedSource, vpcLabel } from "./context";
import { inspectionEndpointOf, inspectOnce, inspectThrough, subnetOfEndpoint } from "./inspection";
import { checkShare } from "./sharing";

/** A network presence traffic is sent to: the interfaces of an endpoint, a load balancer, a gateway, a target. */
export interface NetworkTarget {
  /** For messages: `VPC endpoint Consumer/Endpoint`. */
  readonly label: string;
  /** The block it is decided by. */
  readonly address: string;
  /** Its VPC. */
  readonly vpcId: string;
  /** Its subnets. @default - unknown: the VPC's ranges are used */
  readonly subnetIds?: readonly string[];
  /** Exact addresses, when known (an IP target): CIDRs. @default - the subnets' ranges */
  readonly cidrs?: readonly string[];
  /** Its security groups, whose ingress must admit the client. Empty: no security group to pass (a gateway endpoint). */
  readonly securityGroupIds: readonly string[];
  /**
   * Whether the client's egress rules may name it by its security groups. Not
   * for a VPC Lattice association: its groups are on no network interface the
   * client sends to (packets go to VPC Lattice's link-local range), so a rule
   * that references them matches nothing.
   * @default true
   */
  readonly reachableByGroupReference?: boolean;
  /** Destination port. */
  readonly port: number;
  /** tcp or udp. */
  readonly protocol: "tcp" | "udp";
}

/** The address ranges of a target in the flow's family, from the most exact knowledge the model has. */
export function targetCidrs(model: NetworkModel, target: NetworkTarget, family: "ipv4" | "ipv6"): string[] {
  if (target.cidrs !== undefined && target.cidrs.length > 0) return [...target.cidrs];
  const subnets = (target.subnetIds ?? []).map((id) => model.subnet(id));
  const fromSubnets = subnets.map((s) => (family === "ipv4" ? s?.ipv4Cidr : s?.ipv6Cidr));
  if (fromSubnets.length > 0 && fromSubnets.every((c) => c !== undefined)) return fromSubnets as string[];
  const vpc = model.vpc(target.vpcId);
  return [...((family === "ipv4" ? vpc?.ipv4Cidrs : vpc?.ipv6Cidrs) ?? [])];
}

/**
 * Can the client's packets reach the target and come back: routes both
 * ways (local, transit gateway, peering), the client's egress and the
 * target's ingress security-group rules. Returns the extended path, or the
 * verdict at the first broken hop.
 */
export function reach(path: Path, context: FlowContext, target: NetworkTarget): Path | FlowVerdict {
  const { model, source } = context;
  const destinations = targetCidrs(model, target, source.family);
  const routed = route(path, model, source, target, destinations);
  if (!(routed instanceof Path)) return routed;
  const egress = checkEgress(routed, source, target, destinations, overTransitGateway(model, source, target, destinations));
  if (!(egress instanceof Path)) return egress;
  return checkIngress(egress, model, source, target, groupReferencesBlocked(model, source, target, destinations));
}

/**
 * Why the target's ingress rules cannot name the client's security group
 * over the link its packets take: over a transit gateway AWS matches such a
 * reference only when the gateway and both VPCs' attachments enable
 * security_group_referencing_support (off by default on a gateway, on by
 * default on an attachment); over an inter-Region peering never. Undefined
 * when references may match.
 */
function groupReferencesBlocked(
  model: NetworkModel,
  source: ResolvedSource,
  target: NetworkTarget,
  destinations: readonly string[],
): string | undefined {
  if (source.vpc === undefined || source.vpc.id === target.vpcId || destinations.length === 0) return undefined;
  for (const subnet of source.subnets) {
    const route = routeFrom(model, subnet, destinations).route;
    if (route?.kind === "peering") {
      const peering = model.peeringConnections.find((p) => p.id === route.target);
      if (peering?.regions !== undefined)
        return `peering connection ${labelOf(peering)} joins VPCs of different Regions (${peering.regions.join(" and ")}), and AWS matches no security group of the peer VPC across an inter-Region peering (name the client's CIDR instead)`;
      continue;
    }
    if (route?.kind !== "transitGateway") continue;
    const tgw = model.transitGateways.find((t) => t.id === route.target);
    if (tgw === undefined) continue;
    if (!tgw.securityGroupReferencing)
      return `transit gateway ${labelOf(tgw)} does not enable security_group_referencing_support (AWS's default is disable), so a rule naming a security group of another VPC matches nothing over it`;
    for (const vpcId of [source.vpc.id, target.vpcId]) {
      const attachment = model.transitGatewayAttachments.find((a) => a.transitGatewayId === tgw.id && a.vpcId === vpcId);
      if (attachment !== undefined && !attachment.securityGroupReferencing)
        return `attachment ${labelOf(attachment)} to transit gateway ${labelOf(tgw)} sets security_group_referencing_support to disable, so a rule naming a security group of another VPC matches nothing over it`;
    }
  }
  return undefined;
}

function route(path: Path, model: NetworkModel, source: ResolvedSource, target: NetworkTarget, destinations: readonly string[]): Path | FlowVerdict {
  const targetVpc = model.vpc(target.vpcId);
  if (source.kind === "onPremises") {
    if (source.vpc?.id !== target.vpcId)
      return path.deny(
        "route",
        `${source.label} cannot reach ${target.label} in ${vpcLabel(targetVpc, model)}: it enters another VPC`,
        target.address,
      );
    return path
      .pass("route", `${source.label} to ${target.label}`, target.address)
      .assume(`${source.cidrs.join(", ")} is routed to ${vpcLabel(targetVpc, model)} over Direct Connect or VPN, and back`);
  }
  if (source.vpc?.id === target.vpcId) return withinVpc(path, model, source, target, destinations);
  if (source.subnets.length === 0) {
    return path
      .pass("route", `${source.label} to ${vpcLabel(targetVpc, model)}`)
      .assume(`${source.label} routes to ${destinations.join(", ") || vpcLabel(targetVpc, model)} (its route tables are not in this stack)`);
  }
  if (destinations.length === 0)
    return path.deny(
      "route",
      `the addresses of ${target.label} in ${vpcLabel(targetVpc, model)} are unknown, so no route to them can be proven`,
      target.address,
    );
  let current = path;
  const from: LinkEnd = { vpcId: source.vpc?.id, label: source.label };
  const to: LinkEnd = { vpcId: target.vpcId, label: vpcLabel(targetVpc, model) };
  const inspected = new Map<SubnetEntity, EndpointEntity>();
  const arrivals: Arrival[] = [];
  const passedThere = new Map<SubnetEntity, readonly PassThrough[]>();
  for (const subnet of source.subnets) {
    let outbound = routeFrom(model, subnet, destinations);
    let origin = subnet;
    if (outbound.route === undefined) {
      return current.deny(
        "route",
        `${noRouteFrom(subnet, outbound.table, source.label)} to ${destinations.join(", ")} (${vpcLabel(targetVpc, model)})${outbound.table === undefined ? " can be proven" : ""}`,
        outbound.table?.address ?? subnet.address,
      );
    }
    const split = splitBroken(model, outbound, subnet, from, to, target.label);
    if (split !== undefined) return current.deny(split.kind, split.text, split.address);
    if (madeElsewhere(outbound.table))
      current = current.assume(
        `route table ${labelOf(outbound.table!)} of ${subnetName(subnet)} is made elsewhere: none of its own routes (not in this stack) is more specific for ${destinations.join(", ")} than the one this stack adds`,
      );
    const inspection = inspectionEndpointOf(model, outbound.route);
    if (inspection !== undefined) {
      const through = inspectThrough(current, model, inspection);
      if (!(through instanceof Path)) return through;
      current = through.pass(
        "route",
        `${subnetName(subnet)} to ${destinations.join(", ")} through GatewayLoadBalancer endpoint ${labelOf(inspection)}`,
        outbound.route.source,
      );
      // After inspection the endpoint hands the traffic on by its own subnet's route table.
      const onward = subnetOfEndpoint(model, inspection);
      outbound = onward === undefined ? {} : routeFrom(model, onward, destinations);
      origin = onward ?? subnet;
      if (outbound.route === undefined || outbound.route.kind === "local") {
        return current.deny(
          "route",
          `after inspection, ${outbound.table === undefined ? `the subnet of ${labelOf(inspection)}` : `route table ${labelOf(outbound.table)}`} has no route to ${destinations.join(", ")} (${vpcLabel(targetVpc, model)})`,
          outbound.table?.address ?? inspection.address,
        );
      }
      inspected.set(subnet, inspection);
    }
    const hop = transit(model, outbound.route, from, to, destinations, origin);
    if (!hop.ok) return current.deny(hop.kind ?? "route", hop.text, hop.address ?? outbound.route.source);
    for (const step of hop.steps) if (!current.hops.some((h) => h.text === step.text)) current = current.pass(step.kind, step.text, step.address);
    current = current.pass("route", `${subnetName(subnet)} to ${destinations.join(", ")} via ${hop.text}`, outbound.route.source);
    for (const assumption of hop.assumptions) current = current.assume(assumption);
    passedThere.set(subnet, hop.through ?? []);
    if (hop.receiver !== undefined)
      for (const zone of new Set(hop.origins ?? [origin])) {
        const arrived = arriveOverTransitGateway(current, model, subnet, zone, hop.receiver, target, destinations);
        if (!("path" in arrived)) return arrived;
        current = arrived.path;
        arrivals.push(...arrived.arrivals);
      }
  }
  // The way back: the target's subnets need a route to the client's addresses, over a link that carries it.
  const targetSubnets = (target.subnetIds ?? []).map((id) => model.subnet(id)).filter((s): s is SubnetEntity => s !== undefined);
  const passedBack = new Map<SubnetEntity, readonly PassThrough[]>();
  const asymmetric = inspectedBothWays(model, source, targetSubnets, arrivals);
  if (asymmetric !== undefined) return current.deny("inspection", asymmetric.text, asymmetric.address);
  if (targetSubnets.length === 0)
    for (const arrival of arrivals)
      if (arrival.endpoint !== undefined)
        current = current.assume(
          `the subnets of ${target.label} are unknown: their replies to ${source.label} are taken to pass GatewayLoadBalancer endpoint ${labelOf(arrival.endpoint)} too, as the request does`,
        );
  for (const subnet of targetSubnets) {
    const back = routeFrom(model, subnet, source.cidrs);
    if (back.route === undefined || back.route.kind === "local") {
      return current.deny(
        "route",
        `${back.table === undefined ? `subnet ${subnetName(subnet)}` : `route table ${labelOf(back.table)}`} of ${vpcLabel(targetVpc, model)} has no route back to ${source.cidrs.join(", ")} (${source.label})`,
        back.table?.address ?? subnet.address,
      );
    }
    const splitBack = splitBroken(model, back, subnet, to, from, source.label);
    if (splitBack !== undefined) return current.deny(splitBack.kind, `on the way back: ${splitBack.text}`, splitBack.address);
    // Replies the target's subnet sends to a GatewayLoadBalancer endpoint pass the appliances, then leave by the endpoint's subnet.
    let backRoute = back.route;
    let origin = subnet;
    const reply = inspectionEndpointOf(model, back.route);
    if (reply !== undefined) {
      const through = inspectOnce(current, model, reply);
      if (!(through instanceof Path)) return through;
      current = through;
      const onward = subnetOfEndpoint(model, reply);
      const after = onward === undefined ? {} : routeFrom(model, onward, source.cidrs);
      if (after.route === undefined || after.route.kind === "local")
        return current.deny(
          "route",
          `after inspecting the replies, ${after.table === undefined ? `the subnet of ${labelOf(reply)}` : `route table ${labelOf(after.table)}`} has no route back to ${source.cidrs.join(", ")} (${source.label})`,
          after.table?.address ?? reply.address,
        );
      current = current.pass(
        "route",
        `the replies from ${subnetName(subnet)} to ${source.cidrs.join(", ")} pass GatewayLoadBalancer endpoint ${labelOf(reply)}`,
        back.route.source,
      );
      backRoute = after.route;
      origin = onward ?? subnet;
    }
    const hop = transit(model, backRoute, to, from, source.cidrs, origin);
    if (!hop.ok) return current.deny(hop.kind ?? "route", `on the way back from ${subnetName(subnet)}: ${hop.text}`, hop.address ?? backRoute.source);
    // The VPCs the replies pass on the way (an inspection VPC) are hops of the path; the links' other steps were proven on the way there.
    if ((hop.through ?? []).length > 0)
      for (const step of hop.steps) if (!current.hops.some((h) => h.text === step.text)) current = current.pass(step.kind, step.text, step.address);
    for (const assumption of hop.assumptions) current = current.assume(assumption);
    passedBack.set(subnet, hop.through ?? []);
  }
  if (targetSubnets.length > 0) current = current.pass("route", `return route from ${vpcLabel(targetVpc, model)} to ${source.cidrs.join(", ")}`);
  const oneSided = passedBothWays(passedThere, passedBack);
  if (oneSided !== undefined) return current.deny("inspection", oneSided.text, oneSided.address);
  for (const [subnet, endpoint] of inspected) {
    const replies = repliesInto(model, source, subnet, endpoint);
    if (replies !== undefined) return current.deny("inspection", replies.text, replies.address);
  }
  return current;
}

/** How a request enters the target's VPC over a transit gateway, for one client subnet, one attachment subnet and one target subnet. */
interface Arrival {
  /** The client's subnet. */
  readonly from: SubnetEntity;
  /** The attachment's subnet the gateway delivers into: its route table routes the request on. */
  readonly entry: SubnetEntity;
  /** The target's subnet. @default - unknown (the target's addresses only) */
  readonly to?: SubnetEntity;
  /** The GatewayLoadBalancer endpoint the entry subnet's route table sends the request to. @default - none: the local route delivers it */
  readonly endpoint?: EndpointEntity;
  /** The attachment. */
  readonly attachment: TransitGatewayAttachmentEntity;
}

/** True when two subnets are in one Availability Zone: by zone ID, else by name within one account (names map to other zones in other accounts). */
function sameZone(model: NetworkModel, a: SubnetEntity, b: SubnetEntity): boolean | undefined {
  if (a.availabilityZoneId !== undefined && b.availabilityZoneId !== undefined) return a.availabilityZoneId === b.availabilityZoneId;
  if (a.availabilityZone === undefined || b.availabilityZone === undefined) return undefined;
  const account = (s: SubnetEntity) => model.accountOf(s.provider) ?? s.provider;
  return account(a) === account(b) ? a.availabilityZone === b.availabilityZone : undefined;
}

/**
 * The attachment's subnets a request from the client's subnet may enter
 * by, and why. With appliance_mode_support the gateway picks one of them
 * by a flow hash for the flow's life (so any of them); without it (AWS's
 * default) it keeps the zone the request entered the gateway in, the
 * client subnet's, where the attachment has a subnet, and else picks one
 * of them. Where the choice is AWS's, every candidate is judged.
 */
function entrySubnets(
  model: NetworkModel,
  from: SubnetEntity,
  attachment: TransitGatewayAttachmentEntity,
): { readonly subnets: readonly SubnetEntity[]; readonly choice: string } {
  const all = attachment.subnetIds.map((id) => model.subnet(id)).filter((s): s is SubnetEntity => s !== undefined);
  const names = all.map(subnetName).join(", ");
  if (attachment.applianceMode)
    return {
      subnets: all,
      choice: `attachment ${labelOf(attachment)} enables appliance_mode_support: the transit gateway sends a flow into its VPC through one of its subnets (${names}), chosen by a flow hash, so each is judged`,
    };
  const zone = from.availabilityZoneId ?? from.availabilityZone ?? "its zone";
  const same = all.filter((s) => sameZone(model, s, from) === true);
  if (same.length > 0)
    return {
      subnets: same,
      choice: `attachment ${labelOf(attachment)} has no appliance_mode_support (AWS's default is disable): the transit gateway keeps the zone the traffic entered it in, so traffic from ${subnetName(from)} enters by ${same.map(subnetName).join(", ")} (${zone}), and traffic from another zone by that zone's subnet`,
    };
  return {
    subnets: all,
    choice: `attachment ${labelOf(attachment)} has no subnet in ${zone}, the zone of ${subnetName(from)}: AWS picks one of its subnets (${names}), so each is judged`,
  };
}

/**
 * A request that arrives in the target's VPC over a transit gateway enters
 * through the attachment's network interfaces, in its subnets: the route
 * table of the entry subnet routes it on. The local route delivers it; a
 * route to a GatewayLoadBalancer endpoint (an inspection VPC's) passes the
 * appliances, and the endpoint's own subnet must then deliver it locally.
 * Returns the extended path and the arrivals, whose inspection the replies
 * must match, or the verdict at the broken hop.
 */
function arriveOverTransitGateway(
  path: Path,
  model: NetworkModel,
  from: SubnetEntity,
  zone: SubnetEntity,
  attachment: TransitGatewayAttachmentEntity,
  target: NetworkTarget,
  destinations: readonly string[],
): { readonly path: Path; readonly arrivals: readonly Arrival[] } | FlowVerdict {
  const entries = entrySubnets(model, zone, attachment);
  const vpc = vpcLabel(model.vpc(attachment.vpcId), model);
  const targetSubnets = (target.subnetIds ?? []).map((id) => model.subnet(id)).filter((s): s is SubnetEntity => s !== undefined);
  const family = destinations.some((d) => d.includes(":")) ? "ipv6" : "ipv4";
  const groups: (readonly [SubnetEntity | undefined, readonly string[]])[] =
    targetSubnets.length === 0
      ? [[undefined, destinations]]
      : targetSubnets.map((to) => {
          const toCidr = family === "ipv4" ? to.ipv4Cidr : to.ipv6Cidr;
          const wanted = destinations.filter((d) => toCidr !== undefined && cidrContains(toCidr, d));
          return [to, wanted.length > 0 ? wanted : toCidr === undefined ? destinations : [toCidr]] as const;
        });
  let current = path;
  const arrivals: Arrival[] = [];
  for (const entry of entries.subnets) {
    for (const [to, there] of groups) {
      const arrival = routeFrom(model, entry, there);
      // A route table this stack does not show: its routes are unknown, as they were before arrivals were judged.
      if (arrival.route === undefined) continue;
      if (madeElsewhere(arrival.table))
        current = current.assume(
          `route table ${labelOf(arrival.table!)} of ${subnetName(entry)} (where transit gateway attachment ${labelOf(attachment)} delivers) is made elsewhere: none of its own routes sends ${there.join(", ")} anywhere but the local route`,
        );
      if (arrival.route.kind === "local") {
        arrivals.push({ from, entry, to, attachment });
        continue;
      }
      const endpoint = inspectionEndpointOf(model, arrival.route);
      const entering = `traffic from ${subnetName(from)} enters ${vpc} over transit gateway attachment ${labelOf(attachment)} in ${subnetName(entry)}`;
      if (endpoint === undefined)
        return current.deny(
          "route",
          `${entering}, whose route table ${arrival.table === undefined ? "" : `${labelOf(arrival.table)} `}sends ${there.join(", ")} to ${arrival.route.target ?? arrival.route.kind} (${arrival.route.source}) instead of delivering it in the VPC` +
            (arrival.route.kind === "vpcEndpoint" || arrival.route.kind === "networkInterface"
              ? `: a next hop the analysis does not follow (only GatewayLoadBalancer endpoints of this stack are: an AWS Network Firewall endpoint or an appliance's network interface is not modelled), so the flow cannot be proven`
              : ""),
          arrival.route.source,
        );
      const through = inspectOnce(current, model, endpoint);
      if (!(through instanceof Path)) return through;
      current = through;
      const onward = subnetOfEndpoint(model, endpoint);
      const after = onward === undefined ? undefined : routeFrom(model, onward, there).route;
      if (after?.kind !== "local")
        return current.deny(
          "route",
          `${entering} and passes GatewayLoadBalancer endpoint ${labelOf(endpoint)}; after inspection, the endpoint's subnet sends ${there.join(", ")} to ${after?.target ?? "nowhere"} instead of delivering it in the VPC`,
          after?.source ?? endpoint.address,
        );
      current = current
        .pass(
          "route",
          `${entering}, whose route table sends ${there.join(", ")} through GatewayLoadBalancer endpoint ${labelOf(endpoint)}, then the local route delivers it`,
          arrival.route.source,
        )
        .assume(entries.choice);
      arrivals.push({ from, entry, to, endpoint, attachment });
    }
  }
  return { path: current, arrivals };
}

/**
 * Whether both directions pass the same inspection: for each pair of a
 * client subnet and a target subnet, the GatewayLoadBalancer endpoint the
 * request passes where it enters the target's VPC (none: the local route)
 * must be the one the target subnet's route back to the client sends the
 * replies to. A stateful appliance drops the half of a connection it never
 * saw. Undefined when they match; else why not.
 */
function inspectedBothWays(
  model: NetworkModel,
  source: ResolvedSource,
  targetSubnets: readonly SubnetEntity[],
  arrivals: readonly Arrival[],
): { readonly text: string; readonly address: string } | undefined {
  const appliance = "a stateful appliance (AWS Network Firewall, a Gateway Load Balancer appliance) drops the half of a connection it never saw";
  const client = vpcLabel(source.vpc, model);
  for (const to of targetSubnets) {
    const vpc = vpcLabel(model.vpc(to.vpcId), model);
    for (const from of source.subnets) {
      const cidr = source.family === "ipv4" ? from.ipv4Cidr : from.ipv6Cidr;
      if (cidr === undefined) continue;
      const back = routeFrom(model, to, [cidr]);
      const reply = inspectionEndpointOf(model, back.route);
      const replies =
        reply === undefined
          ? `the replies from ${subnetName(to)} take ${back.route?.source ?? "its route"} to ${back.route?.target ?? back.route?.kind ?? "the client"}, past the appliances`
          : `the replies from ${subnetName(to)} pass GatewayLoadBalancer endpoint ${labelOf(reply)} (${back.route?.source})`;
      const entered = arrivals.filter((a) => a.from === from && (a.to === undefined || a.to === to));
      if (entered.length === 0) {
        if (reply === undefined) continue;
        return {
          text: `asymmetric inspection between ${subnetName(from)} of ${client} and ${subnetName(to)} of ${vpc}: ${replies}, but the request reaches ${vpc} past it (no transit gateway attachment subnet of this stack sends it there); ${appliance} (route the request through ${labelOf(reply)} too, or the replies past it)`,
          address: back.route?.source ?? to.address,
        };
      }
      for (const arrival of entered) {
        if (arrival.endpoint?.id === reply?.id) continue;
        const request =
          arrival.endpoint === undefined
            ? `the request enters ${vpc} over transit gateway attachment ${labelOf(arrival.attachment)} in ${subnetName(arrival.entry)}, whose route table delivers it by the local route, past the appliances`
            : `the request enters ${vpc} over transit gateway attachment ${labelOf(arrival.attachment)} in ${subnetName(arrival.entry)}, whose route table sends it through GatewayLoadBalancer endpoint ${labelOf(arrival.endpoint)}`;
        const fix =
          arrival.endpoint === undefined
            ? `route what ${subnetName(arrival.entry)} receives for ${subnetName(to)} through ${labelOf(reply!)} too (the attachment subnet's route table decides where traffic arriving over the gateway goes), or the replies past it`
            : `route ${subnetName(to)}'s replies to ${cidr} through ${labelOf(arrival.endpoint)}, the endpoint of the zone the request enters by` +
              (arrival.attachment.applianceMode
                ? ` (with appliance_mode_support the gateway may pick any of the attachment's subnets, so every one of them must send ${subnetName(to)}'s traffic to the endpoint its replies take)`
                : ` (appliance_mode_support on the attachment does not help here: it picks the subnet traffic enters the VPC by, and these replies leave from the VPC's own subnet, never entering by the attachment)`);
        return {
          text: `asymmetric inspection between ${subnetName(from)} of ${client} and ${subnetName(to)} of ${vpc}: ${request}, ${replies}; ${appliance}: ${fix}`,
          address: (arrival.endpoint === undefined ? back.route?.source : arrival.endpoint.address) ?? to.address,
        };
      }
    }
  }
  return undefined;
}

/**
 * Whether the replies pass the VPCs the request passed between transit
 * gateway hops (an inspection VPC), through the same endpoint: for each
 * pair of a client subnet and a target subnet and each such VPC, both
 * directions must pass it, and by the same GatewayLoadBalancer endpoint.
 * With appliance_mode_support the gateway sends both directions of a flow
 * into one of the attachment's subnets, so the endpoints are compared per
 * subnet; without it each direction enters in the zone it came from, so the
 * request's and the replies' entries must lead to one endpoint. Undefined
 * when they match; else why not.
 */
function passedBothWays(
  there: ReadonlyMap<SubnetEntity, readonly PassThrough[]>,
  back: ReadonlyMap<SubnetEntity, readonly PassThrough[]>,
): { readonly text: string; readonly address: string } | undefined {
  const appliance = "a stateful appliance (AWS Network Firewall, a Gateway Load Balancer appliance) drops the half of a connection it never saw";
  const passing = (p: PassThrough, plural: boolean) =>
    `${plural ? "enter" : "enters"} in ${subnetName(p.entry)} and ${p.endpoint === undefined ? `${plural ? "go" : "goes"} straight back to the gateway, past the appliances` : `${plural ? "pass" : "passes"} GatewayLoadBalancer endpoint ${labelOf(p.endpoint)}`}`;
  for (const [from, forward] of there) {
    for (const [to, replies] of back) {
      const attachments = [...new Set([...forward, ...replies].map((p) => p.attachment))];
      for (const attachment of attachments) {
        const f = forward.filter((p) => p.attachment === attachment);
        const r = replies.filter((p) => p.attachment === attachment);
        const name = `attachment ${labelOf(attachment)}`;
        const between = `asymmetric inspection between ${subnetName(from)} and ${subnetName(to)}`;
        if (f.length === 0 || r.length === 0) {
          const passed = f.length === 0 ? r[0] : f[0];
          return {
            text: `${between}: ${f.length === 0 ? "the replies pass" : "the request passes"} the VPC of ${name} (${passing(passed, f.length === 0)}), ${f.length === 0 ? "the request does" : "the replies do"} not: the transit gateway routes ${f.length === 0 ? "it" : "them"} straight to the other VPC; ${appliance} (route both directions through that VPC: the most specific route for ${f.length === 0 ? `${subnetName(to)}'s addresses in the gateway route table of ${subnetName(from)}'s` : `${subnetName(from)}'s addresses in the gateway route table of ${subnetName(to)}'s`} attachment must lead to ${name})`,
            address: attachment.address,
          };
        }
        const pairs = attachment.applianceMode
          ? f.flatMap((x) => r.filter((y) => y.entry === x.entry).map((y) => [x, y] as const))
          : f.flatMap((x) => r.map((y) => [x, y] as const));
        for (const [x, y] of pairs) {
          if (x.endpoint?.id === y.endpoint?.id) continue;
          const fix = attachment.applianceMode
            ? `send both directions through one endpoint in the route table of ${subnetName(x.entry)}`
            : `enable appliance_mode_support on ${name}, the inspection VPC's (TransitGatewayAttachOptions.applianceMode), so that the transit gateway sends both directions of a flow into one zone's subnet and the same appliance; without it each direction enters in the zone it came from`;
          return {
            text: `${between}: in the VPC of ${name}, the request ${passing(x, false)}, the replies ${passing(y, true)}; ${appliance}: ${fix}`,
            address: attachment.address,
          };
        }
      }
    }
  }
  return undefined;
}

/**
 * Traffic between subnets of one VPC takes its local route, unless a
 * subnet's route table sends the other subnet's CIDR to a
 * GatewayLoadBalancer endpoint: then it passes the appliances, and the
 * replies must come back through the same endpoint (a stateful appliance
 * drops the half of a connection it never saw). Judged per pair of
 * subnets; traffic inside one subnet is never routed.
 */
function withinVpc(
  path: Path,
  model: NetworkModel,
  source: ResolvedSource,
  target: NetworkTarget,
  destinations: readonly string[],
): Path | FlowVerdict {
  const vpc = model.vpc(target.vpcId);
  const local = (): Path => {
    const passed = path.pass("route", `local route within ${vpcLabel(vpc, model)}`, target.address);
    // A VPC made elsewhere: its route tables are not in this stack, and a more specific route of theirs (to an appliance) would win.
    if (vpc?.external !== true) return passed;
    const tables = [...new Set(source.subnets.map((s) => s.routeTableId).filter((t): t is string => t !== undefined))];
    const one = tables.length === 1 || source.subnets.length === 1;
    return passed.assume(
      `the route table${one ? "" : "s"} of ${source.label}${tables.length === 0 ? "" : ` (${tables.join(", ")})`} ${one ? "is" : "are"} made elsewhere: ${one ? "its" : "their"} local route is taken to deliver to ${target.label} (a more specific route of ${one ? "its" : "their"} own, not in this stack, would win)`,
    );
  };
  const targetSubnets = (target.subnetIds ?? []).map((id) => model.subnet(id)).filter((s): s is SubnetEntity => s !== undefined);
  if (source.subnets.length === 0 || targetSubnets.length === 0) return local();
  let current = path;
  let routed = false;
  for (const from of source.subnets) {
    const fromCidr = source.family === "ipv4" ? from.ipv4Cidr : from.ipv6Cidr;
    for (const to of targetSubnets) {
      if (from.id === to.id || fromCidr === undefined) continue;
      const toCidr = source.family === "ipv4" ? to.ipv4Cidr : to.ipv6Cidr;
      const wanted = destinations.filter((d) => toCidr !== undefined && cidrContains(toCidr, d));
      const there = wanted.length > 0 ? wanted : toCidr === undefined ? [...destinations] : [toCidr];
      const outbound = routeFrom(model, from, there);
      const back = routeFrom(model, to, [fromCidr]);
      const forward = inspectionEndpointOf(model, outbound.route);
      const reply = inspectionEndpointOf(model, back.route);
      if (forward === undefined && reply === undefined) continue;
      routed = true;
      if (forward?.id !== reply?.id) {
        const request = forward === undefined ? "takes the local route" : `passes GatewayLoadBalancer endpoint ${labelOf(forward)}`;
        const replies = reply === undefined ? "take the local route" : `pass GatewayLoadBalancer endpoint ${labelOf(reply)}`;
        return current.deny(
          "inspection",
          `asymmetric inspection between ${subnetName(from)} and ${subnetName(to)}: the request ${request}, the replies ${replies}; a stateful appliance drops the half of a connection it never saw (route both directions through one endpoint)`,
          (forward === undefined ? back.route?.source : outbound.route?.source) ?? to.address,
        );
      }
      const endpoint = forward as EndpointEntity;
      const through = inspectOnce(current, model, endpoint);
      if (!(through instanceof Path)) return through;
      current = through;
      const onward = subnetOfEndpoint(model, endpoint);
      const after = onward === undefined ? undefined : routeFrom(model, onward, there).route;
      if (after?.kind !== "local") {
        return current.deny(
          "route",
          `after inspection, the subnet of ${labelOf(endpoint)} sends ${there.join(", ")} to ${after?.target ?? "nowhere"} instead of delivering it in the VPC`,
          endpoint.address,
        );
      }
      current = current.pass(
        "route",
        `${subnetName(from)} to ${subnetName(to)} and back through GatewayLoadBalancer endpoint ${labelOf(endpoint)}`,
        outbound.route?.source,
      );
    }
  }
  return routed ? current : local();
}

/**
 * Where the replies to an inspected request enter the client's VPC: from a
 * transit gateway, by the route table of its attachment's subnets, which
 * must send them back through the same endpoint; from a peering connection,
 * by the local route, past the appliances. Undefined when they pass the
 * endpoint again; else why not.
 */
function repliesInto(
  model: NetworkModel,
  source: ResolvedSource,
  subnet: SubnetEntity,
  endpoint: EndpointEntity,
): { readonly text: string; readonly address: string } | undefined {
  const cidr = source.family === "ipv4" ? subnet.ipv4Cidr : subnet.ipv6Cidr;
  const attachments = model.transitGatewayAttachments.filter((a) => a.vpcId === subnet.vpcId);
  const entries = attachments
    .flatMap((a) => a.subnetIds)
    .map((id) => model.subnet(id))
    .filter((s): s is SubnetEntity => s !== undefined);
  if (cidr === undefined) return undefined;
  if (entries.length === 0) {
    return {
      text: `the replies to ${subnetName(subnet)} enter its VPC by the local route, past GatewayLoadBalancer endpoint ${labelOf(endpoint)} that inspected the request: a stateful appliance drops the half of a connection it never saw`,
      address: endpoint.address,
    };
  }
  for (const entry of entries) {
    const reply = inspectionEndpointOf(model, routeFrom(model, entry, [cidr]).route);
    if (reply?.id !== endpoint.id) {
      return {
        text: `the replies to ${subnetName(subnet)} enter its VPC in ${subnetName(entry)} (transit gateway attachment), whose route table sends ${cidr} ${reply === undefined ? "by the local route" : `to GatewayLoadBalancer endpoint ${labelOf(reply)}`}, not back through ${labelOf(endpoint)}: a stateful appliance drops the half of a connection it never saw`,
        address: entry.address,
      };
    }
  }
  return undefined;
}

/** True for what the model knows only from an importer or a reference (`external:` addresses): a subnet or route table made elsewhere. */
export function madeElsewhere(entity: { readonly address: string } | undefined): boolean {
  return entity !== undefined && entity.address.startsWith("external:");
}

/**
 * Why a subnet's route table proves no route (the words before the
 * destination): it has none, it is made elsewhere and this stack adds none to
 * it, or the subnet's table is unknown.
 */
export function noRouteFrom(subnet: SubnetEntity, table: RouteTableEntity | undefined, label: string): string {
  if (table !== undefined && madeElsewhere(table))
    return `route table ${labelOf(table)} of ${subnetName(subnet)} is made elsewhere (only the routes this stack adds to it are known), and this stack adds no route`;
  if (table !== undefined) return `route table ${labelOf(table)} of ${label} has no route`;
  if (madeElsewhere(subnet))
    return `subnet ${subnetName(subnet)} is made elsewhere and its route table is not given (routeTableIds of Vpc.fromVpcAttributes), so no route from ${label}`;
  return `subnet ${subnetName(subnet)} has no known route table (no route table association, and its VPC's main route table is not in this stack), so no route from ${label}`;
}

/** A subnet for messages: its label, with its AZ when known. */
export function subnetName(subnet: SubnetEntity): string {
  return subnet.availabilityZone === undefined ? labelOf(subnet) : `${labelOf(subnet)} (${subnet.availabilityZone})`;
}

/** Part of the destinations that a subnet's table sends by another next hop than `route`'s: AWS picks the longest prefix per address. */
export interface SplitRoute {
  /** The addresses sent elsewhere: a destination, or the part of one a more specific route covers. */
  readonly destination: string;
  /** The route they take. */
  readonly route: RouteEntry;
}

/**
 * The most specific route of a subnet's table covering every destination
 * range, else (no one route covers them all) the route of the first, when
 * each has one. AWS routes each address by the longest prefix that matches
 * it, so a destination (or part of one: a more specific route inside it)
 * that another next hop carries is `split`, for the path to judge too.
 */
export function routeFrom(
  model: NetworkModel,
  subnet: SubnetEntity,
  destinations: readonly string[],
): { table?: RouteTableEntity; route?: RouteEntry; split?: SplitRoute } {
  const table = subnet.routeTableId === undefined ? undefined : model.routeTable(subnet.routeTableId);
  if (table === undefined) return {};
  const prefix = (cidr: string): number => parseCidr(cidr)?.prefixLength ?? 0;
  const mostSpecific = (routes: readonly RouteEntry[]): RouteEntry | undefined =>
    [...routes].sort((a, b) => prefix(b.destination) - prefix(a.destination))[0];
  const routes = table.routes.filter((r) => parseCidr(r.destination) !== undefined);
  const covering = routes.filter((r) => destinations.every((d) => cidrContains(r.destination, d)));
  const each = destinations.map((d) => mostSpecific(routes.filter((r) => cidrContains(r.destination, d))));
  const best = mostSpecific(covering) ?? (each.length > 0 && each.every((r) => r !== undefined) ? each[0] : undefined);
  if (best === undefined) return { table };
  const elsewhere = (r: RouteEntry | undefined): r is RouteEntry => r !== undefined && (r.kind !== best.kind || r.target !== best.target);
  for (const [i, d] of destinations.entries()) {
    if (elsewhere(each[i])) return { table, route: best, split: { destination: d, route: each[i]! } };
    const inner = mostSpecific(routes.filter((r) => prefix(r.destination) > prefix(d) && cidrContains(d, r.destination) && elsewhere(r)));
    if (inner !== undefined) return { table, route: best, split: { destination: inner.destination, route: inner } };
  }
  return { table, route: best };
}

/**
 * Why the addresses a subnet's table sends by another next hop than the
 * route judged (a more specific route to part of the target's range) do not
 * reach the other VPC; undefined when there are none or that hop carries
 * them too.
 */
function splitBroken(
  model: NetworkModel,
  routed: { readonly table?: RouteTableEntity; readonly route?: RouteEntry; readonly split?: SplitRoute },
  subnet: SubnetEntity,
  from: LinkEnd,
  to: LinkEnd,
  toLabel: string,
): { readonly kind: FlowHopKind; readonly text: string; readonly address: string } | undefined {
  const { table, route, split } = routed;
  if (split === undefined || table === undefined || route === undefined) return undefined;
  const link = transit(model, split.route, from, to, [split.destination], subnet);
  if (link.ok) return undefined;
  const hop = (r: RouteEntry): string => (r.kind === "local" ? "the local route" : `${r.target ?? r.kind}`);
  return {
    kind: link.kind ?? "route",
    text: `route table ${labelOf(table)} of ${subnetName(subnet)} sends ${split.destination} (addresses of ${toLabel}) to ${hop(split.route)} by its route ${split.route.destination}, not to ${hop(route)} by ${route.destination} (AWS routes each address by the longest prefix that matches it): ${link.text}`,
    address: link.address ?? split.route.source,
  };
}

/** One side of a link between VPCs. */
interface LinkEnd {
  /** The VPC. @default - unknown */
  readonly vpcId?: string;
  /** For messages. */
  readonly label: string;
}

/** What a route's next hop does with the traffic: carries it to the other VPC (with the steps proven on the way), or not, and why. */
interface Link {
  readonly ok: boolean;
  /** The link in words (ok), or why it does not carry the traffic. */
  readonly text: string;
  /** The kind of a broken link's hop. @default "route" */
  readonly kind?: FlowHopKind;
  /** The block a broken link is decided by. @default - the route */
  readonly address?: string;
  /** Hops proven on the way (a RAM share of the gateway). */
  readonly steps: readonly FlowHop[];
  readonly assumptions: readonly string[];
  /** The transit gateway attachment the traffic enters the other VPC by; its subnets' route tables route it there. @default - none (a peering, or an attachment not in this stack) */
  readonly receiver?: TransitGatewayAttachmentEntity;
  /** The VPCs the traffic passes on the way, entering over the gateway and sent back to it (an inspection VPC). @default - none */
  readonly through?: readonly PassThrough[];
  /** The subnets whose zones the traffic last entered the gateway from (the zone it keeps into the receiver without appliance mode). @default - the subnet the traffic left from */
  readonly origins?: readonly SubnetEntity[];
}

/** One VPC traffic passes between two transit gateway hops: the attachment it enters by, the subnet, and the inspection its route table sends it to. */
interface PassThrough {
  /** The attachment of the VPC passed. */
  readonly attachment: TransitGatewayAttachmentEntity;
  /** The attachment's subnet the traffic enters by. */
  readonly entry: SubnetEntity;
  /** The GatewayLoadBalancer endpoint the entry subnet's route table sends it to. @default - none: straight back to the gateway */
  readonly endpoint?: EndpointEntity;
}

function linkOk(text: string, steps: readonly FlowHop[] = [], assumptions: readonly string[] = []): Link {
  return { ok: true, text, steps, assumptions };
}

function linkBroken(text: string, kind?: FlowHopKind, address?: string): Link {
  return { ok: false, text, kind, address, steps: [], assumptions: [] };
}

/** Describes the link a route of `from` uses towards `to`, or says in words why it does not lead there. */
function transit(model: NetworkModel, route: RouteEntry, from: LinkEnd, to: LinkEnd, destinations: readonly string[], origin?: SubnetEntity): Link {
  if (route.kind === "transitGateway") return throughTransitGateway(model, route, from, to, destinations, origin);
  if (route.kind === "peering") {
    const peering = model.peeringConnections.find((p) => p.id === route.target);
    if (peering === undefined)
      return linkOk(
        `peering connection ${route.target}`,
        [],
        [`peering connection ${route.target} (not in this stack) joins ${from.label} and ${to.label}`],
      );
    const joins = [peering.vpcId, peering.peerVpcId];
    if (!joins.includes(from.vpcId ?? "") || !joins.includes(to.vpcId ?? ""))
      return linkBroken(`peering connection ${labelOf(peering)} does not connect ${from.label} with ${to.label}`);
    if (!peering.accepted)
      return linkBroken(
        `peering connection ${labelOf(peering)} is never accepted (${peering.autoAcceptIgnored ?? "no auto_accept, no accepter"})`,
        "route",
        peering.address,
      );
    return linkOk(`peering connection ${labelOf(peering)}`);
  }
  if (route.kind === "local") return linkBroken(`${route.destination} is local to ${from.label}, not ${to.label}: the VPCs' CIDRs overlap`);
  return linkBroken(`route ${route.destination} goes to ${route.target ?? route.kind}, which does not lead to ${to.label}`);
}

/**
 * A transit gateway carries traffic between two of its attachments when
 * both exist and are usable (an attachment of another account needs the
 * gateway shared with that account and, unless the gateway auto-accepts,
 * the owner's acceptance), the sender's attachment is associated with the
 * default route table and the receiver's propagates its CIDRs into it.
 * A static route to the attachment of a third VPC (an inspection VPC)
 * carries the traffic there: see {@link passThrough}.
 */
function throughTransitGateway(
  model: NetworkModel,
  route: RouteEntry,
  from: LinkEnd,
  to: LinkEnd,
  destinations: readonly string[],
  origin?: SubnetEntity,
  depth = 0,
): Link {
  const tgw = model.transitGateways.find((t) => t.id === route.target);
  if (tgw === undefined)
    return linkOk(
      `transit gateway ${route.target}`,
      [],
      [`transit gateway ${route.target} (not in this stack) routes ${destinations.join(", ")} from ${from.label} to ${to.label}`],
    );
  const attached = (vpcId: string | undefined) => model.transitGatewayAttachments.find((a) => a.transitGatewayId === tgw.id && a.vpcId === vpcId);
  const sender = attached(from.vpcId);
  const receiver = attached(to.vpcId);
  if (sender === undefined)
    return linkBroken(`route ${route.destination} goes to transit gateway ${labelOf(tgw)}, but ${from.label} has no attachment to it`);
  if (receiver === undefined)
    return linkBroken(`transit gateway ${labelOf(tgw)} has no attachment of ${to.label}, so nothing routes ${destinations.join(", ")} on`);
  const withoutIpv6 = destinations.some((d) => d.includes(":")) ? [sender, receiver].find((a) => !a.ipv6Support) : undefined;
  if (withoutIpv6 !== undefined)
    return linkBroken(
      `attachment ${labelOf(withoutIpv6)} to transit gateway ${labelOf(tgw)} has no ipv6_support, so the gateway carries no IPv6 to or from ${withoutIpv6 === sender ? from.label : to.label}`,
      "route",
      withoutIpv6.address,
    );
  const steps: FlowHop[] = [];
  const assumptions: string[] = [];
  const settings = new Map<TransitGatewayAttachmentEntity, { readonly association: boolean; readonly propagation: boolean }>();
  for (const [attachment, end] of [
    [sender, from],
    [receiver, to],
  ] as const) {
    const ownerAccount = model.accountOf(tgw.provider);
    const attacherAccount = model.accountOf(attachment.provider);
    if (attachment.provider === tgw.provider || (ownerAccount !== undefined && ownerAccount === attacherAccount)) {
      settings.set(attachment, { association: attachment.defaultAssociation, propagation: attachment.defaultPropagation });
      continue;
    }
    const dependsOn = ((attachment.block?.config.depends_on ?? []) as string[]).map((d) => d.replace(/^\$\{|\}$/g, ""));
    const shared = checkShare(new Path(), model, {
      arns: [tgw.arn, tgw.id],
      label: `transit gateway ${labelOf(tgw)}`,
      ownerProvider: tgw.provider,
      consumer: attachment,
      dependsOn,
    });
    if (!(shared instanceof Path)) {
      const broken = shared.hops[shared.hops.length - 1];
      return linkBroken(`the attachment of ${end.label}: ${broken.text}`, broken.kind, broken.address);
    }
    steps.push(...shared.hops);
    assumptions.push(...shared.assumptions);
    if (attachment.accepter === undefined && !tgw.autoAcceptSharedAttachments) {
      return linkBroken(
        `attachment ${labelOf(attachment)} of account ${attacherAccount ?? attachment.provider} is never accepted: transit gateway ${labelOf(tgw)} does not auto-accept shared attachments and no aws_ec2_transit_gateway_vpc_attachment_accepter accepts it`,
        "acceptance",
        attachment.address,
      );
    }
    steps.push({
      kind: "acceptance",
      ok: true,
      text:
        attachment.accepter === undefined
          ? `transit gateway ${labelOf(tgw)} auto-accepts attachment ${labelOf(attachment)} of account ${attacherAccount ?? attachment.provider}`
          : `the owner of transit gateway ${labelOf(tgw)} accepts attachment ${labelOf(attachment)} of account ${attacherAccount ?? attachment.provider}`,
      address: attachment.accepter?.address ?? tgw.address,
    });
    // The default route table settings of a shared gateway's attachment are the owner's: the accepter's, else the gateway's defaults.
    settings.set(
      attachment,
      attachment.accepter === undefined
        ? { association: true, propagation: true }
        : { association: attachment.accepter.defaultAssociation, propagation: attachment.accepter.defaultPropagation },
    );
  }
  // The sender's gateway route table: one of its own (isolated routing domains), else the default one when it is associated with it.
  const ownTable = sender.associatedRouteTable;
  const inDefault = tgw.defaultRouteTableAssociation && settings.get(sender)?.association === true;
  const tableIds = ownTable !== undefined ? [ownTable] : inDefault ? tgw.defaultRouteTableRefs : [];
  const propagated =
    ownTable !== undefined
      ? receiver.propagatesTo.includes(ownTable)
      : inDefault && tgw.defaultRouteTablePropagation && settings.get(receiver)?.propagation === true;
  const tableLabel = ownTable === undefined ? "the default route table" : `route table ${ownTable}`;
  // Longest prefix wins; for the same prefix a static route beats a propagated one.
  const statics = model.transitGatewayRoutes.filter(
    (r) => tableIds.includes(r.routeTable) && parseCidr(r.destination) !== undefined && destinations.every((d) => cidrContains(r.destination, d)),
  );
  const best = statics.sort((a, b) => (parseCidr(b.destination)?.prefixLength ?? 0) - (parseCidr(a.destination)?.prefixLength ?? 0))[0];
  const receiverVpc = model.vpc(receiver.vpcId);
  const propagatedPrefix = propagated
    ? Math.max(
        -1,
        ...[...(receiverVpc?.ipv4Cidrs ?? []), ...(receiverVpc?.ipv6Cidrs ?? [])]
          .filter((c) => destinations.every((d) => cidrContains(c, d)))
          .map((c) => parseCidr(c)?.prefixLength ?? -1),
      )
    : undefined;
  const staticWins = best !== undefined && (propagatedPrefix === undefined || (parseCidr(best.destination)?.prefixLength ?? 0) >= propagatedPrefix);
  // Longest prefix per address: a static route more specific than the one that wins for the whole range (a blackhole for one
  // subnet, another attachment for part of one) decides the addresses it covers, and they are judged by it.
  const winner = staticWins ? (parseCidr(best.destination)?.prefixLength ?? 0) : propagated ? (propagatedPrefix ?? -1) : undefined;
  if (winner !== undefined) {
    for (const d of destinations) {
      const parts = model.transitGatewayRoutes.filter(
        (r) =>
          tableIds.includes(r.routeTable) &&
          (parseCidr(r.destination)?.prefixLength ?? -1) > winner &&
          cidrsOverlap(r.destination, d) &&
          !(staticWins && !best.blackhole && !r.blackhole && r.attachmentId === best.attachmentId),
      );
      for (const part of parts) {
        const link = throughTransitGateway(model, route, from, to, [cidrContains(part.destination, d) ? d : part.destination], origin, depth);
        if (!link.ok) return link;
      }
    }
  }
  if (staticWins) {
    if (best.blackhole)
      return linkBroken(
        `${tableLabel} of transit gateway ${labelOf(tgw)} has a blackhole route for ${best.destination} (${best.address}): the gateway drops ${destinations.join(", ")}`,
        "route",
        best.address,
      );
    const next = model.transitGatewayAttachments.find((a) => a.id === best.attachmentId);
    if (next === undefined)
      return linkOk(`transit gateway ${labelOf(tgw)} (static route ${best.destination})`, steps, [
        ...assumptions,
        `attachment ${best.attachmentId ?? "unknown"} (not in this stack), where ${best.address} sends ${best.destination}, leads to ${to.label}`,
      ]);
    if (next.id !== receiver.id) {
      const elsewhere = `${tableLabel} of transit gateway ${labelOf(tgw)} sends ${best.destination} to attachment ${labelOf(next)} by static route ${best.address}, not to ${to.label}'s`;
      if (next.id === sender.id || origin === undefined || depth >= 3 || model.vpc(next.vpcId) === undefined)
        return linkBroken(elsewhere, "route", best.address);
      const via = passThrough(
        model,
        { tgw, table: tableLabel, route: best.address, destination: best.destination, elsewhere },
        next,
        to,
        destinations,
        origin,
        depth,
      );
      if (!via.ok) return via;
      return { ...via, steps: [...steps, ...via.steps], assumptions: [...assumptions, ...via.assumptions] };
    }
    return { ...linkOk(`transit gateway ${labelOf(tgw)} (static route ${best.destination} in ${tableLabel})`, steps, assumptions), receiver };
  }
  if (ownTable !== undefined) {
    if (!propagated)
      return linkBroken(
        `the attachment of ${to.label} does not propagate into route table ${ownTable} of transit gateway ${labelOf(tgw)}, which ${from.label}'s attachment is associated with: the gateway has no route to ${destinations.join(", ")}`,
        "route",
        sender.address,
      );
    return { ...linkOk(`transit gateway ${labelOf(tgw)} (route table ${ownTable})`, steps, assumptions), receiver };
  }
  if (!propagated) {
    return linkBroken(`transit gateway ${labelOf(tgw)} does not propagate ${to.label}'s routes into the route table of ${from.label}'s attachment`);
  }
  return { ...linkOk(`transit gateway ${labelOf(tgw)}`, steps, assumptions), receiver };
}

/**
 * Traffic a transit gateway's static route sends to the attachment of a
 * VPC that is neither end (an inspection VPC) enters that VPC in the
 * attachment's subnet (the zone it came from, or by a flow hash with
 * appliance_mode_support), whose route table sends it through a
 * GatewayLoadBalancer endpoint (the appliances inspect it, then the
 * endpoint's subnet routes it on) or straight back to the gateway, which
 * routes it on by the route table of that VPC's attachment. Every subnet it
 * may enter by must carry it.
 */
function passThrough(
  model: NetworkModel,
  by: {
    readonly tgw: TransitGatewayEntity;
    readonly table: string;
    readonly route: string;
    readonly destination: string;
    readonly elsewhere: string;
  },
  next: TransitGatewayAttachmentEntity,
  to: LinkEnd,
  destinations: readonly string[],
  origin: SubnetEntity,
  depth: number,
): Link {
  const hub: LinkEnd = { vpcId: next.vpcId, label: vpcLabel(model.vpc(next.vpcId), model) };
  const sent = `${by.table} of transit gateway ${labelOf(by.tgw)} sends ${by.destination} to attachment ${labelOf(next)} of ${hub.label} (${by.route})`;
  const entries = entrySubnets(model, origin, next);
  if (entries.subnets.length === 0)
    return linkBroken(`${by.elsewhere} (its subnets are not in this stack: where the traffic goes from there is unknown)`, "route", by.route);
  const steps: FlowHop[] = [];
  const assumptions: string[] = [entries.choice];
  const through: PassThrough[] = [];
  const origins: SubnetEntity[] = [];
  let onwardText = "";
  let receiver: TransitGatewayAttachmentEntity | undefined;
  for (const entry of entries.subnets) {
    const arrival = routeFrom(model, entry, destinations);
    const entering = `${sent}: the traffic enters ${hub.label} in ${subnetName(entry)}`;
    if (arrival.route === undefined)
      return linkBroken(
        `${by.elsewhere}; there the traffic enters ${hub.label} in ${subnetName(entry)}, whose route table has no route to ${destinations.join(", ")}`,
        "route",
        by.route,
      );
    const endpoint = inspectionEndpointOf(model, arrival.route);
    let onward: RouteEntry | undefined = arrival.route;
    let leaves = entry;
    if (endpoint !== undefined) {
      const inspected = inspectThrough(new Path(), model, endpoint);
      if (!(inspected instanceof Path)) {
        const broken = inspected.hops[inspected.hops.length - 1];
        return linkBroken(`in ${hub.label}: ${broken.text}`, broken.kind, broken.address);
      }
      for (const hop of inspected.hops) if (!steps.some((h) => h.text === hop.text)) steps.push(hop);
      assumptions.push(...inspected.assumptions);
      const endpointSubnet = subnetOfEndpoint(model, endpoint);
      onward = endpointSubnet === undefined ? undefined : routeFrom(model, endpointSubnet, destinations).route;
      leaves = endpointSubnet ?? entry;
    }
    const via = endpoint === undefined ? "" : ` and GatewayLoadBalancer endpoint ${labelOf(endpoint)}`;
    if (onward?.kind !== "transitGateway")
      return linkBroken(
        `${endpoint === undefined ? `${by.elsewhere}; there the traffic enters ${hub.label} in ${subnetName(entry)}` : entering}${via}, ${endpoint === undefined ? "whose route table" : "after which the endpoint's subnet"} sends ${destinations.join(", ")} ${onward === undefined ? "nowhere" : `to ${onward.target ?? onward.kind} (${onward.source})`}, not back to a transit gateway towards ${to.label}`,
        "route",
        onward?.source ?? arrival.route.source,
      );
    const carried = throughTransitGateway(model, onward, hub, to, destinations, leaves, depth + 1);
    if (!carried.ok) return { ...carried, text: `after ${hub.label}: ${carried.text}` };
    steps.push({
      kind: "route",
      ok: true,
      text: `${entering}, whose route table sends ${destinations.join(", ")} ${endpoint === undefined ? "back to the gateway" : `through GatewayLoadBalancer endpoint ${labelOf(endpoint)}, whose subnet sends it back to the gateway`}`,
      address: arrival.route.source,
    });
    for (const hop of carried.steps) if (!steps.some((h) => h.text === hop.text)) steps.push(hop);
    assumptions.push(...carried.assumptions);
    through.push({ attachment: next, entry, endpoint }, ...(carried.through ?? []));
    origins.push(...(carried.origins ?? [leaves]));
    onwardText ||= carried.text;
    receiver ??= carried.receiver;
  }
  return {
    ok: true,
    text: `transit gateway ${labelOf(by.tgw)} (static route ${by.destination} in ${by.table}) through ${hub.label}, then ${onwardText}`,
    steps,
    assumptions: [...new Set(assumptions)],
    receiver,
    through,
    origins,
  };
}

/** True when a rule lets this protocol and port through. */
export function rulePermits(rule: SecurityGroupRuleEntry, protocol: string, port: number): boolean {
  const ruleProtocol = rule.protocol === "6" ? "tcp" : rule.protocol === "17" ? "udp" : rule.protocol;
  return (ruleProtocol === "-1" || ruleProtocol === protocol) && rule.ports.from <= port && port <= rule.ports.to;
}

/**
 * True when the client's packets leave its VPC for the target's by a
 * transit gateway (the first route of one of its subnets): AWS supports
 * security group references over a transit gateway in inbound rules only,
 * so an egress rule naming the target's group matches nothing there.
 */
function overTransitGateway(model: NetworkModel, source: ResolvedSource, target: NetworkTarget, destinations: readonly string[]): boolean {
  if (source.vpc === undefined || source.vpc.id === target.vpcId || destinations.length === 0) return false;
  return source.subnets.some((subnet) => routeFrom(model, subnet, destinations).route?.kind === "transitGateway");
}

function checkEgress(
  path: Path,
  source: ResolvedSource,
  target: NetworkTarget,
  destinations: readonly string[],
  overTgw: boolean,
): Path | FlowVerdict {
  const group = source.securityGroup;
  if (group === undefined)
    return path.assume(
      `${source.label}: the client's security group lets it out to ${target.label} on ${target.protocol} ${target.port} (give from.securityGroup to check it)`,
    );
  // `self` (an egress rule with self = true) names the client's own group as the destination.
  const names = (rule: SecurityGroupRuleEntry) =>
    rule.peer.kind === "securityGroup" &&
    target.reachableByGroupReference !== false &&
    target.securityGroupIds.includes(rule.peer.securityGroupId === "self" ? group.id : rule.peer.securityGroupId);
  const allowed =
    group.egress.find(
      (rule) =>
        rulePermits(rule, target.protocol, target.port) &&
        ((rule.peer.kind === "cidr" &&
          destinations.length > 0 &&
          destinations.every((d) => cidrContains(rule.peer.kind === "cidr" ? rule.peer.cidr : "", d))) ||
          (!overTgw && names(rule))),
    ) ?? coveringRules(group.egress, destinations, target.protocol, target.port);
  if (allowed === undefined && group.external)
    return path.assume(
      `security group ${group.label} is made elsewhere: its own rules let ${target.protocol} ${target.port} out to ${target.label} (only the rules this configuration adds to it are known)`,
    );
  if (allowed === undefined) {
    const byReference = overTgw ? group.egress.find((rule) => rulePermits(rule, target.protocol, target.port) && names(rule)) : undefined;
    return path.deny(
      "security-group",
      `security group ${group.label} has no egress to ${destinations.join(", ") || target.label} on ${target.protocol} ${target.port}` +
        (byReference === undefined
          ? ""
          : ` (its rule ${byReference.source} names the target's security group, which AWS does not match over a transit gateway: outbound references are not supported there, name the target VPC's CIDR instead)`),
      byReference?.source ?? group.address,
    );
  }
  return path.pass("security-group", `security group ${group.label} lets ${target.protocol} ${target.port} out to ${target.label}`, allowed.source);
}

function checkIngress(
  path: Path,
  model: NetworkModel,
  source: ResolvedSource,
  target: NetworkTarget,
  referencesBlocked?: string,
): Path | FlowVerdict {
  if (target.securityGroupIds.length === 0) return path;
  const groups = target.securityGroupIds.map((id) => model.securityGroup(id));
  const known = groups.filter((g): g is SecurityGroupEntity => g !== undefined);
  if (known.length === 0) {
    return path.assume(
      `the security groups of ${target.label} (${target.securityGroupIds.join(", ")}) admit ${source.label} on ${target.protocol} ${target.port}: they are not in this stack`,
    );
  }
  for (const group of known) {
    const rule = admittingRule(group, source, target, referencesBlocked === undefined);
    if (rule !== undefined)
      return path.pass(
        "security-group",
        `security group ${group.label} of ${target.label} admits ${source.label} on ${target.protocol} ${target.port}`,
        rule.source,
      );
  }
  if (source.cidrs.length === 0 && source.securityGroup === undefined) {
    return path.assume(`${source.label}'s addresses are unknown; the security groups of ${target.label} are taken to admit it`);
  }
  // Groups made elsewhere may hold rules of their own that admit the client: only those this configuration adds are known.
  if (known.every((g) => g.external) && known.length === groups.length)
    return path.assume(
      `the security groups of ${target.label} (${known.map((g) => g.label).join(", ")}) are made elsewhere: their own rules admit ${source.label} on ${target.protocol} ${target.port} (only the rules this configuration adds to them are known)`,
    );
  const group = known[0];
  const from =
    source.securityGroup === undefined
      ? source.cidrs.join(", ")
      : `${source.cidrs.join(", ") || source.label} or security group ${source.securityGroup.label}`;
  const byReference =
    referencesBlocked === undefined
      ? undefined
      : known.map((g) => admittingRule(g, source, target)).find((r): r is SecurityGroupRuleEntry => r !== undefined);
  const unknownList = byReference === undefined ? unknownPrefixListRule(model, known, target) : undefined;
  return path.deny(
    "security-group",
    `security group ${group.label} of ${target.label} has no ingress from ${from} on ${target.protocol} ${target.port}` +
      (byReference === undefined ? "" : ` (its rule ${byReference.source} names the client's security group, but ${referencesBlocked})`) +
      (unknownList === undefined
        ? ""
        : ` (rule ${unknownList.rule.source} names prefix list ${labelOf(unknownList.list)}, whose entries are known only at apply: give them literally to prove the flow)`),
    byReference?.source ?? unknownList?.rule.source ?? group.address,
  );
}

/** A rule of the groups that opens the port to a managed prefix list of this stack whose entries are unknown. */
function unknownPrefixListRule(
  model: NetworkModel,
  groups: readonly SecurityGroupEntity[],
  target: NetworkTarget,
): { readonly rule: SecurityGroupRuleEntry; readonly list: ManagedPrefixListEntity } | undefined {
  for (const rule of groups.flatMap((g) => g.ingress)) {
    if (rule.peer.kind !== "prefixList" || !rulePermits(rule, target.protocol, target.port)) continue;
    const id = rule.peer.prefixListId;
    const list = model.managedPrefixLists.find((l) => l.id === id && l.cidrs === undefined);
    if (list !== undefined) return { rule, list };
  }
  return undefined;
}

/**
 * The ingress rule that admits the client: by a CIDR covering all its
 * addresses, or by its security group (unless `groupReferences` is false:
 * over a transit gateway without security group referencing support).
 */
export function admittingRule(
  group: SecurityGroupEntity,
  source: ResolvedSource,
  target: { readonly protocol: string; readonly port: number },
  groupReferences = true,
): SecurityGroupRuleEntry | undefined {
  const single = group.ingress.find((rule) => {
    if (!rulePermits(rule, target.protocol, target.port)) return false;
    if (rule.peer.kind === "cidr") {
      const cidr = rule.peer.cidr;
      return source.cidrs.length > 0 && source.cidrs.every((c) => cidrContains(cidr, c));
    }
    if (rule.peer.kind === "securityGroup")
      return (
        groupReferences &&
        source.securityGroup !== undefined &&
        (rule.peer.securityGroupId === source.securityGroup.id || (rule.peer.securityGroupId === "self" && group.id === source.securityGroup.id))
      );
    return false;
  });
  return single ?? coveringRules(group.ingress, source.cidrs, target.protocol, target.port);
}

/**
 * The first of the CIDR rules that together admit every one of several
 * ranges (a VPC's subnets, an endpoint's subnets), each range by a rule of
 * its own: AWS admits a packet when any rule of the group matches it, so a
 * rule per client subnet admits every client as one rule for all does.
 * Undefined unless each range is covered whole by one rule (a range split
 * over several rules is not proven) or there is only one range (the
 * single-rule check has judged it).
 */
function coveringRules(
  rules: readonly SecurityGroupRuleEntry[],
  cidrs: readonly string[],
  protocol: string,
  port: number,
): SecurityGroupRuleEntry | undefined {
  if (cidrs.length < 2) return undefined;
  const each = cidrs.map((c) => rules.find((r) => rulePermits(r, protocol, port) && r.peer.kind === "cidr" && cidrContains(r.peer.cidr, c)));
  return each.every((r) => r !== undefined) ? each[0] : undefined;
}

/** Who sends to a workload the stack does not create (targets, resources): addresses, or a security group. */
export interface WorkloadCaller {
  /** For messages: `VPC Lattice (169.254.171.0/24)`. */
  readonly label: string;
  /** The caller's addresses. */
  readonly cidrs: readonly string[];
  /** The caller's security groups, which ingress rules may reference. */
  readonly securityGroupIds: readonly string[];
}

/**
 * Whether the workloads behind a target or resource admit their caller: the
 * security groups the stack declares for them, else any group of their VPC
 * that admits the caller (the one the stack made for them, whose attachment
 * the analysis takes as given). Undefined when none does.
 */
export function workloadAdmission(
  model: NetworkModel,
  vpcId: string,
  declared: readonly string[] | undefined,
  caller: WorkloadCaller,
  protocol: string,
  port: number,
): { readonly group: SecurityGroupEntity; readonly rule: SecurityGroupRuleEntry; readonly declared: boolean } | undefined {
  // A group made elsewhere (imported by ID, its VPC unknown) that admits the caller's group by reference is in the caller's VPC: references do not cross VPCs.
  const candidates =
    declared !== undefined
      ? declared.map((id) => model.securityGroup(id)).filter((g): g is SecurityGroupEntity => g !== undefined)
      : model.securityGroups.filter((g) => g.vpcId === vpcId || (g.external && g.vpcId === undefined));
  for (const group of candidates) {
    // A declared group (the workload's own) admits by CIDR wherever it is; a guessed external one only by reference.
    const byCidr = declared !== undefined || !group.external || group.vpcId !== undefined;
    const rule =
      group.ingress.find(
        (r) =>
          rulePermits(r, protocol, port) &&
          ((byCidr &&
            r.peer.kind === "cidr" &&
            caller.cidrs.length > 0 &&
            caller.cidrs.every((c) => cidrContains(r.peer.kind === "cidr" ? r.peer.cidr : "", c))) ||
            (r.peer.kind === "securityGroup" && caller.securityGroupIds.includes(r.peer.securityGroupId))),
      ) ?? (byCidr ? coveringRules(group.ingress, caller.cidrs, protocol, port) : undefined);
    if (rule !== undefined) return { group, rule, declared: declared !== undefined };
  }
  return undefined;
}
