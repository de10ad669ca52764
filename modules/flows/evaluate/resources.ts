import { addressRange, cidrContains, hostCidr, isIpAddress } from "../../core/addresses";
import { parseArn } from "../../core/arns";
import { canonicalDnsName, isInDnsZone } from "../../core/formats";
import {
  EndpointEntity,
  HostedZoneEntity,
  ResourceConfigurationEntity,
  ResourceGatewayEntity,
  RouteTargetKind,
  SubnetEntity,
} from "../model/entities";
import { NetworkModel } from "../model/network-model";
import { bestOf, FlowVerdict, Path } from "../verdict";
import { FlowContext, labelOf, vpcLabel } from "./context";
import { resolveName } from "./dns";
import { NetworkAccess, enterNetwork, networkAccesses, sharedNetwork } from "./lattice";
import { reach, routeFrom, rulePermits, targetCidrs, workloadAdmission } from "./network";
import { sharedZones } from "./privatelink";
import { checkShare, checkShareWithOutsider } from "./sharing";

/** ARNs that give access to a configuration: its own, and its GROUP's for a CHILD. */
function grantingArns(model: NetworkModel, configuration: ResourceConfigurationEntity): string[] {
  const group = configuration.group === undefined ? undefined : model.resourceConfiguration(configuration.group);
  return [configuration.arn, configuration.id, ...(group === undefined ? [] : [group.arn, group.id])];
}

/** The configurations a GROUP gives access to (its children), or the configuration itself (a GROUP made elsewhere too: its owner publishes the children's ports). */
function servedBy(model: NetworkModel, configuration: ResourceConfigurationEntity): ResourceConfigurationEntity[] {
  if (configuration.configurationType !== "GROUP" || configuration.external) return [configuration];
  return model.resourceConfigurations.filter((c) => c.group === configuration.id || c.group === configuration.arn);
}

/**
 * A connection to a resource behind a resource gateway: a Resource endpoint
 * in the client's VPC, or a service network (association or ServiceNetwork
 * endpoint) that holds the configuration; the configuration's ports; the
 * share across accounts; the gateway's security group and the resource's own.
 */
export function resourceFlow(path: Path, context: FlowContext, configuration: ResourceConfigurationEntity, through?: EndpointEntity): FlowVerdict {
  const { model, source } = context;
  // A GROUP is reached through one of its children: the one listening on the flow's port.
  const members = servedBy(model, configuration);
  const member = members.find((m) => m.portRanges.some((r) => r.from <= context.port && context.port <= r.to)) ?? members[0];
  if (member === undefined) return path.deny("resource", `group ${configuration.name} has no CHILD configuration`, configuration.address);
  const arns = grantingArns(model, member);
  const endpoints = (
    through === undefined ? model.endpoints.filter((e) => e.vpcId === source.vpc?.id && e.endpointType === "Resource") : [through]
  ).filter((e) => arns.includes(e.resourceConfigurationArn ?? ""));
  const holds = (network: { readonly arn: string; readonly id: string }): boolean =>
    model.resourceAssociations.some((a) => model.serviceNetwork(a.serviceNetwork)?.arn === network.arn && arns.includes(a.member));
  const accesses = through === undefined ? networkAccesses(model, source.vpc?.id, holds) : [];
  const candidates = [
    ...endpoints.map((endpoint) => throughEndpoint(path, context, member, endpoint)),
    ...accesses.map((access) => throughNetwork(path, context, member, access)),
  ];
  if (candidates.length === 0 && through === undefined && isMadeElsewhere(model, source.vpc)) candidates.push(fromElsewhere(path, context, member));
  return bestOf(candidates, () =>
    path.deny(
      "resource",
      `${source.label} has no Resource endpoint to ${member.name} and is not associated with a service network that holds it (nor has a ServiceNetwork endpoint to one)`,
      member.address,
    ),
  );
}

function portCheck(path: Path, context: FlowContext, configuration: ResourceConfigurationEntity): Path | FlowVerdict {
  if (configuration.external && configuration.portRanges.length === 0)
    return path.assume(`resource configuration ${configuration.name}, made elsewhere, admits port ${context.port} (its owner publishes no ports)`);
  if (configuration.configurationType === "ARN" && !configuration.external)
    return path.assume(
      `resource ${configuration.name} (${configuration.definition.kind === "arn" ? configuration.definition.arn : "by ARN"}) listens on ${context.port}`,
    );
  const open = configuration.portRanges.some((r) => r.from <= context.port && context.port <= r.to);
  const ranges = configuration.portRanges.map((r) => (r.from === r.to ? `${r.from}` : `${r.from}-${r.to}`)).join(", ");
  if (!open)
    return path.deny(
      "resource",
      `port ${context.port} is not in the port ranges of resource configuration ${configuration.name} (${ranges || "none"})`,
      configuration.address,
    );
  return path.pass("resource", `resource configuration ${configuration.name} admits port ${context.port} (${ranges})`, configuration.address);
}

function throughEndpoint(path: Path, context: FlowContext, configuration: ResourceConfigurationEntity, endpoint: EndpointEntity): FlowVerdict {
  const { model } = context;
  const reached = reach(path.pass("endpoint", `Resource endpoint ${labelOf(endpoint)} to ${configuration.name}`, endpoint.address), context, {
    label: `VPC endpoint ${labelOf(endpoint)}`,
    address: endpoint.address,
    vpcId: endpoint.vpcId,
    subnetIds: endpoint.subnetIds,
    securityGroupIds: endpoint.securityGroupIds,
    port: context.port,
    protocol: context.protocol,
  });
  if (!(reached instanceof Path)) return reached;
  const placed = zonesMeet(reached, model, endpoint, configuration);
  if (!(placed instanceof Path)) return placed;
  const ports = portCheck(placed, context, configuration);
  if (!(ports instanceof Path)) return ports;
  const shared = checkShare(ports, model, { ...sharedConfiguration(model, configuration), consumer: endpoint, dependsOn: endpoint.dependsOn });
  if (!(shared instanceof Path)) return shared;
  return gatewayToResource(shared, context, configuration);
}

function throughNetwork(path: Path, context: FlowContext, configuration: ResourceConfigurationEntity, access: NetworkAccess): FlowVerdict {
  const { model } = context;
  const entered = enterNetwork(path, context, access);
  if (!(entered instanceof Path)) return entered;
  // A ServiceNetwork endpoint meets the resource gateway in a shared AZ, like a Resource endpoint; a VPC association has no AZs.
  const placed = access.kind === "endpoint" ? zonesMeet(entered, model, access.endpoint, configuration) : entered;
  if (!(placed instanceof Path)) return placed;
  const ports = portCheck(placed, context, configuration);
  if (!(ports instanceof Path)) return ports;
  const network = access.network;
  const arns = grantingArns(model, configuration);
  const association = model.resourceAssociations.find((a) => model.serviceNetwork(a.serviceNetwork)?.arn === network.arn && arns.includes(a.member));
  // A configuration shared with the network's account is associated from that account: its association waits for the share.
  const owner = ownerOf(model, configuration);
  const shared =
    association === undefined
      ? ports
      : checkShare(ports, model, { ...sharedConfiguration(model, configuration), consumer: association, dependsOn: association.dependsOn });
  if (!(shared instanceof Path)) return shared;
  // The account that associates must have the network too: its own, or one shared with it (a configuration's owner cannot reach another account's unshared network).
  const joined =
    association === undefined
      ? shared
      : checkShare(shared, model, { ...sharedNetwork(network), consumer: association, dependsOn: association.dependsOn });
  if (!(joined instanceof Path)) return joined;
  let current = joined.pass(
    "auth-policy",
    `a service network auth policy (of ${network.name} or any other) does not apply to resource configurations`,
    network.address,
  );
  const shareable = model.shares.some((s) => s.resources.some((r) => r.value === network.arn));
  if (shareable && !owner.allowAssociationToShareableServiceNetwork) {
    return current.deny(
      "association",
      `service network ${network.name} is shared through RAM, and resource configuration ${owner.name} does not allow association with shareable networks`,
      owner.address,
    );
  }
  current = current.pass("association", `resource configuration ${configuration.name} is in service network ${network.name}`);
  return gatewayToResource(current, context, configuration);
}

/** What a consumer in another account uses: the configuration (or its GROUP) by ARN; one made elsewhere is owned by the account in its ARN. */
function sharedConfiguration(
  model: NetworkModel,
  configuration: ResourceConfigurationEntity,
): { arns: string[]; label: string; ownerProvider: string; ownerAccount?: string } {
  const ownerAccount = configuration.external ? parseArn(configuration.arn)?.account : undefined;
  return {
    arns: grantingArns(model, configuration).filter((a) => a.startsWith("arn:")),
    label: `resource configuration ${configuration.name}`,
    ownerProvider: ownerOf(model, configuration).provider,
    ...(ownerAccount === undefined ? {} : { ownerAccount }),
  };
}

/** A client VPC the stack only names (another account's): its endpoint to the configuration is made in its own stack. */
function isMadeElsewhere(model: NetworkModel, vpc: { readonly id: string; readonly external: boolean } | undefined): boolean {
  return vpc !== undefined && vpc.external && model.vpc(vpc.id) === undefined;
}

/**
 * From a VPC made elsewhere (the partner's, deployed with its own
 * credentials): its Resource endpoint is its owner's to make, in one of the
 * gateway's zones; what this stack decides is the share reaching the
 * caller's account, the configuration's ports, and the gateway's way to the
 * resource.
 */
function fromElsewhere(path: Path, context: FlowContext, configuration: ResourceConfigurationEntity): FlowVerdict {
  const { model, source } = context;
  const gateway = gatewayOf(model, configuration);
  const zones =
    gateway === undefined ? [] : gateway.subnetIds.map((id) => model.subnet(id)?.availabilityZoneId ?? model.subnet(id)?.availabilityZone ?? id);
  const placed = path.assume(
    `${source.label} reaches ${configuration.name} through a Resource endpoint made in its own stack${zones.length > 0 ? `, in one of the gateway's zones (${zones.join(", ")})` : ""}, whose security group opens ${context.port}`,
  );
  const ports = portCheck(placed, context, configuration);
  if (!(ports instanceof Path)) return ports;
  const caller = source.principal;
  const shared = checkShareWithOutsider(ports, model, sharedConfiguration(model, configuration), {
    account: source.account,
    organizationId: caller?.organizationId,
    organizationPaths: caller?.organizationPaths ?? [],
  });
  if (!(shared instanceof Path)) return shared;
  return gatewayToResource(shared, context, configuration);
}

/** The configuration's owner (a CHILD is owned with its group). */
function ownerOf(model: NetworkModel, configuration: ResourceConfigurationEntity): ResourceConfigurationEntity {
  return configuration.group === undefined ? configuration : (model.resourceConfiguration(configuration.group) ?? configuration);
}

/** The gateway a configuration is reached through (a CHILD's is its group's), when it is in this stack. */
function gatewayOf(model: NetworkModel, configuration: ResourceConfigurationEntity): ResourceGatewayEntity | undefined {
  const owner = ownerOf(model, configuration);
  return model.resourceGateways.find((g) => g.id === owner.resourceGateway || g.arn === owner.resourceGateway);
}

/** Every AZ of the endpoint must be one of the resource gateway's; across accounts only AZ IDs prove it. */
function zonesMeet(path: Path, model: NetworkModel, endpoint: EndpointEntity, configuration: ResourceConfigurationEntity): Path | FlowVerdict {
  const gateway = gatewayOf(model, configuration);
  if (gateway === undefined) return publishedZonesMeet(path, model, endpoint, configuration);
  const subnets = gateway.subnetIds.map((id) => model.subnet(id)).filter((subnet) => subnet !== undefined);
  const zones = sharedZones(model, endpoint, {
    label: `resource gateway ${gateway.name}`,
    kind: "the resource gateway",
    account: model.accountOf(gateway.provider) ?? gateway.provider,
    zones: subnets.map((subnet) => ({ id: subnet.availabilityZoneId, name: subnet.availabilityZone })),
  });
  return zones.ok ? path.pass("availability-zone", zones.text, gateway.address) : path.deny("availability-zone", zones.text, gateway.address);
}

/** A configuration made elsewhere: its gateway's zones as its owner publishes them, when it does. */
function publishedZonesMeet(
  path: Path,
  model: NetworkModel,
  endpoint: EndpointEntity,
  configuration: ResourceConfigurationEntity,
): Path | FlowVerdict {
  const published = configuration.gatewayAvailabilityZoneIds;
  if (published === undefined || published.length === 0) return path;
  const zones = sharedZones(model, endpoint, {
    label: `the resource gateway of ${configuration.name} (zones its owner publishes)`,
    kind: "the resource gateway",
    account: parseArn(configuration.arn)?.account ?? "of the owner",
    zones: published.map((id) => ({ id })),
  });
  return zones.ok ? path.pass("availability-zone", zones.text, endpoint.address) : path.deny("availability-zone", zones.text, endpoint.address);
}

/** The gateway (a CHILD's is its group's), its egress to the resource, and the resource admitting the gateway. */
function gatewayToResource(path: Path, context: FlowContext, configuration: ResourceConfigurationEntity): FlowVerdict {
  const { model } = context;
  const owner = ownerOf(model, configuration);
  const gateway = gatewayOf(model, configuration);
  if (gateway === undefined)
    return path
      .assume(
        `${owner.resourceGateway === undefined ? "the resource gateway" : `resource gateway ${owner.resourceGateway}`} of ${owner.name} is made elsewhere and reaches the resource`,
      )
      .allow();
  let current = path.pass("resource-gateway", `resource gateway ${gateway.name} in ${vpcLabel(model.vpc(gateway.vpcId), model)}`, gateway.address);
  const destination = resourceAddresses(current, model, configuration, gateway);
  if ("allowed" in destination) return destination;
  current = destination.path;
  const cidrs = destination.cidrs ?? model.vpc(gateway.vpcId)?.ipv4Cidrs ?? [];
  const groups = gateway.securityGroupIds.map((id) => model.securityGroup(id)).filter((g) => g !== undefined);
  if (groups.length > 0 && cidrs.length === 0) {
    // The resource is somewhere in a VPC made elsewhere, whose CIDRs this configuration does not hold: an egress range on the port is
    // what can be proven, and that the resource is inside it is the assumption.
    const out = groups
      .flatMap((g) => g.egress.map((rule) => ({ g, rule })))
      .find(({ rule }) => rulePermits(rule, "tcp", context.port) && rule.peer.kind === "cidr");
    if (out === undefined || out.rule.peer.kind !== "cidr") {
      return current.deny(
        "security-group",
        `security group ${groups[0].label} of resource gateway ${gateway.name} has no egress to an address range on ${context.port}`,
        groups[0].address,
      );
    }
    current = current
      .pass("security-group", `security group ${out.g.label} of ${gateway.name} lets ${context.port} out to ${out.rule.peer.cidr}`, out.rule.source)
      .assume(
        `the resource of ${configuration.name} is in ${out.rule.peer.cidr} (the CIDRs of ${vpcLabel(model.vpc(gateway.vpcId), model)} are not in this configuration)`,
      );
  } else if (groups.length > 0) {
    const out = groups
      .flatMap((g) => g.egress.map((rule) => ({ g, rule })))
      .find(
        ({ rule }) =>
          rulePermits(rule, "tcp", context.port) &&
          rule.peer.kind === "cidr" &&
          cidrs.length > 0 &&
          cidrs.every((c) => cidrContains(rule.peer.kind === "cidr" ? rule.peer.cidr : "", c)),
      );
    if (out === undefined) {
      return current.deny(
        "security-group",
        `security group ${groups[0].label} of resource gateway ${gateway.name} has no egress to ${cidrs.join(", ") || "the resource"} on ${context.port}`,
        groups[0].address,
      );
    }
    current = current.pass(
      "security-group",
      `security group ${out.g.label} of ${gateway.name} lets ${context.port} out to ${cidrs.join(", ")}`,
      out.rule.source,
    );
  }
  const offVpc = addressOutsideVpc(model, configuration, gateway);
  if (offVpc !== undefined) return toAddressOutsideVpc(current, model, gateway, offVpc, context.port);
  const caller = {
    label: `resource gateway ${gateway.name}`,
    kind: "the resource gateway",
    cidrs: targetCidrs(
      model,
      { label: "", address: "", vpcId: gateway.vpcId, subnetIds: gateway.subnetIds, securityGroupIds: [], port: context.port, protocol: "tcp" },
      "ipv4",
    ),
    securityGroupIds: gateway.securityGroupIds,
  };
  const admitted = workloadAdmission(model, gateway.vpcId, undefined, caller, "tcp", context.port);
  if (admitted === undefined) {
    return current.deny(
      "resource",
      `no security group in ${vpcLabel(model.vpc(gateway.vpcId), model)} admits ${caller.label} (its security group or subnets) on ${context.port}: the resource drops the gateway's connections`,
      gateway.address,
    );
  }
  return current
    .pass("resource", `security group ${admitted.group.label} admits ${caller.label} on ${context.port}`, admitted.rule.source)
    .assume(`security group ${admitted.group.label} is attached to the resource behind ${configuration.name}`)
    .allow();
}

/** Route targets that carry traffic to the internet (or to an AWS service), never to a private network. */
const INTERNET_BOUND: readonly RouteTargetKind[] = ["internetGateway", "natGateway", "egressOnlyInternetGateway", "gatewayEndpoint"];

/** An IP resource outside every known block of the gateway's VPC (on premises, or across a transit gateway); undefined otherwise. */
function addressOutsideVpc(model: NetworkModel, configuration: ResourceConfigurationEntity, gateway: ResourceGatewayEntity): string | undefined {
  if (configuration.definition.kind !== "ip") return undefined;
  const address = configuration.definition.ipAddress;
  const vpc = model.vpc(gateway.vpcId);
  if (vpc === undefined || vpc.external) return undefined;
  const blocks = address.includes(":") ? (vpc.ipv6Synthetic === true ? undefined : vpc.ipv6Cidrs) : vpc.ipv4Cidrs;
  if (blocks === undefined || blocks.length === 0 || blocks.some((b) => cidrContains(b, address))) return undefined;
  return address;
}

/**
 * A resource outside the gateway's VPC has no security group of the stack
 * to admit the gateway: what the stack can prove is the route from the
 * gateway's subnets to it; that the host (on premises, or in another VPC)
 * admits the gateway's addresses is an assumption.
 */
function toAddressOutsideVpc(path: Path, model: NetworkModel, gateway: ResourceGatewayEntity, address: string, port: number): FlowVerdict {
  const subnets = gateway.subnetIds.map((id) => model.subnet(id)).filter((s): s is SubnetEntity => s !== undefined);
  const privateRange = ["private", "uniqueLocal", "carrierGradeNat"].includes(addressRange(address) ?? "");
  let current = path;
  for (const subnet of subnets) {
    const { table, route } = routeFrom(model, subnet, [hostCidr(address)]);
    if (table === undefined) {
      current = current.assume(`the route table of ${labelOf(subnet)} (not in this stack) routes ${address}`);
      continue;
    }
    if (route === undefined || route.kind === "local")
      return current.deny(
        "route",
        `route table ${labelOf(table)} of ${labelOf(subnet)} has no route to ${address}, outside ${vpcLabel(model.vpc(gateway.vpcId), model)}`,
        table.address,
      );
    // A private address leaves through a network link (transit gateway, VPN, peering), never through the internet.
    if (privateRange && INTERNET_BOUND.includes(route.kind))
      return current.deny(
        "route",
        `${labelOf(subnet)} sends ${address}, a private address, to ${route.destination} via ${route.kind}, which never reaches it`,
        route.source,
      );
    current = current.pass("route", `${labelOf(subnet)} routes ${address} to ${route.destination} via ${route.target ?? route.kind}`, route.source);
  }
  return current
    .assume(
      `the host at ${address}, outside ${vpcLabel(model.vpc(gateway.vpcId), model)}, admits resource gateway ${gateway.name}'s addresses on ${port} and routes back to them`,
    )
    .allow();
}

/**
 * Where the gateway sends traffic: an IP resource's address, a DNS
 * resource's public answer (with hashicorp/aws 5.100.0 a gateway resolves
 * names in public DNS: the provider has no `resource_config_dns_resolution`),
 * or, for an ARN resource, somewhere in the gateway's VPC.
 */
function resourceAddresses(
  path: Path,
  model: NetworkModel,
  configuration: ResourceConfigurationEntity,
  gateway: ResourceGatewayEntity,
): FlowVerdict | { path: Path; cidrs?: string[] } {
  const definition = configuration.definition;
  if (definition.kind === "ip")
    return { path: path.pass("resource", `resource ${definition.ipAddress}`, configuration.address), cidrs: [hostCidr(definition.ipAddress)] };
  if (definition.kind !== "dns")
    return { path: path.assume(`the resource of ${configuration.name} is in ${vpcLabel(model.vpc(gateway.vpcId), model)}`) };
  const name = canonicalDnsName(definition.domainName);
  const covering = (isPrivate: boolean): HostedZoneEntity | undefined =>
    model.hostedZones
      .filter((z) => z.private === isPrivate && !z.external && z.name !== undefined && isInDnsZone(name, z.name))
      .sort((a, b) => (b.name ?? "").length - (a.name ?? "").length)[0];
  const hidden = covering(true);
  const published = covering(false);
  // Split-horizon: a public zone of the same name (or a more specific one) answers the gateway's public query.
  if (hidden !== undefined && (published === undefined || (published.name ?? "").length < (hidden.name ?? "").length)) {
    return path.deny(
      "dns",
      `resource gateway ${gateway.name} resolves ${name} in public DNS (hashicorp/aws 5.100.0 has no resource_config_dns_resolution), but ${name} is in private hosted zone ${hidden.name}: use a publicly resolvable name, an IP or an ARN resource`,
      configuration.address,
    );
  }
  const answer = resolveName(model, name, { label: `resource gateway ${gateway.name} (public DNS)` });
  if (answer.answer.kind === "addresses") {
    const addresses = answer.answer.addresses.filter(isIpAddress);
    return { path: path.pass("dns", answer.text, answer.address), cidrs: addresses.map(hostCidr) };
  }
  if (answer.answer.kind === "none") return path.deny("dns", answer.text, answer.address);
  return {
    path: path
      .pass("dns", `resource gateway ${gateway.name} resolves ${name} in public DNS`)
      .assume(`${name} resolves in public DNS to an address in ${vpcLabel(model.vpc(gateway.vpcId), model)}`),
  };
}
