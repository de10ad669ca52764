import { cidrContains, isIpAddress } from "../../core/addresses";
import { ValidationError } from "../../core/errors";
import { canonicalDnsName, isDnsName, isPort } from "../../core/formats";
import { EndpointEntity, LatticeServiceEntity, LoadBalancerEntity, VpcEntity } from "../model/entities";
import { NetworkModel } from "../model/network-model";
import { FlowDestinationSpec, FlowSourceSpec, ImportedVpcSpec } from "../spec";
import { FlowVerdict, Path } from "../verdict";
import { awsServiceByPublicName, awsServiceFromOutside, awsServiceThroughInterface } from "./aws-services";
import { FlowContext, internetRouteOf, labelOf, ResolvedSource, vpcLabel } from "./context";
import { awsServiceDnsNames, DnsResolution, resolveName } from "./dns";
import { isLatticeServiceName, latticeServiceFlow, latticeServiceMadeElsewhere } from "./lattice";
import { networkAclAssumptions } from "./network-acls";
import { madeElsewhere, noRouteFrom, reach } from "./network";
import { privateLinkFlow } from "./privatelink";
import { resourceFlow } from "./resources";
import { checkImportedVpc, lookup, questionError, resolveSource } from "./source";

const TARGET_KINDS =
  "an endpoint, Lattice service, resource configuration, endpoint service, load balancer, subnet or security group (its members) of the stack";

/** Answers one flow question over a stack's model: allowed or denied, hop by hop. */
export function analyzeFlow(model: NetworkModel, from: FlowSourceSpec, to: FlowDestinationSpec): FlowVerdict {
  if (!(model instanceof NetworkModel))
    throw new ValidationError("flows", "model", model, "a NetworkModel: NetworkModel.fromJson(name, json) or networkModelOf(stack)");
  if (from === null || typeof from !== "object")
    throw questionError(model, "from", from, "a flow source: { vpc }, { subnet }, { securityGroup }, { vpc, cidr } or { internet: true }");
  if (to === null || typeof to !== "object") throw questionError(model, "to", to, "a flow destination: { dnsName, port } or { target }");
  // What the stack knows of the VPC made elsewhere the flow starts in: the model with it filled in, for this question.
  const imported = from.importedVpc;
  if (imported !== undefined) checkImportedVpc(model, imported);
  const asked = imported === undefined ? model : model.withImportedVpc(imported);
  const source = resolveSource(asked, from);
  if (imported !== undefined && source.vpc?.id !== imported.vpcId)
    throw questionError(
      model,
      "from.importedVpc.vpcId",
      imported.vpcId,
      `the ID of the VPC the flow starts in (${source.vpc === undefined ? "the internet, in no VPC" : vpcLabel(source.vpc, asked)})`,
    );
  const verdict = answer(asked, source, to, imported);
  if (!verdict.allowed) return verdict;
  const unevaluated = [...networkAclAssumptions(asked), ...importedAclAssumptions(source, imported)].filter((a) => !verdict.assumptions.includes(a));
  return unevaluated.length === 0 ? verdict : { ...verdict, assumptions: [...verdict.assumptions, ...unevaluated] };
}

/** The network ACLs of the subnets of a VPC made elsewhere: Terraform does not hold them, so an allowed verdict takes them as letting the flow through. */
function importedAclAssumptions(source: ResolvedSource, imported: ImportedVpcSpec | undefined): string[] {
  if (imported === undefined) return [];
  const subnets = source.subnets.filter((s) => s.address.startsWith("external:"));
  const which =
    subnets.length === 0
      ? `the subnets of VPC ${imported.vpcId}`
      : `subnet${subnets.length > 1 ? "s" : ""} ${subnets.map((s) => labelOf(s)).join(", ")} of VPC ${imported.vpcId}`;
  return [
    `the network ACLs of ${which} (made elsewhere) are not in this stack: they are taken to let the flow through both ways (stateless rules, ephemeral ports)`,
  ];
}

function answer(model: NetworkModel, source: ResolvedSource, to: FlowDestinationSpec, imported: ImportedVpcSpec | undefined): FlowVerdict {
  const port = to.port ?? 443;
  if (!isPort(port)) throw questionError(model, "to.port", to.port, "a port from 1 to 65535");
  if (to.protocol !== undefined && to.protocol !== "tcp" && to.protocol !== "udp")
    throw questionError(model, "to.protocol", to.protocol, "tcp or udp");
  if (to.dnsName !== undefined && (typeof to.dnsName !== "string" || (!isDnsName(to.dnsName) && !isIpAddress(to.dnsName)))) {
    throw questionError(model, "to.dnsName", to.dnsName, "a DNS name such as orders.internal.example.com (or an IP address)");
  }
  if (to.dnsName === undefined && to.target === undefined) throw questionError(model, "to", to, "a dnsName to dial, or a target");
  checkRequest(model, to.request);
  const context: FlowContext = { model, source, destination: to, port, protocol: to.protocol ?? "tcp" };
  if (source.kind === "vpc" && source.family === "ipv6" && source.vpc !== undefined && hasNoIpv6(model, source.vpc, imported))
    return new Path().deny("source", `${source.label} has no IPv6 CIDR block: nothing in it has an IPv6 address to connect from`, source.vpc.address);
  const start = new Path().pass("source", source.label, source.vpc?.address);
  if (source.kind === "internet") return fromInternet(start, context);
  if (to.target !== undefined) return toTarget(start, context, to.target);
  const resolution = resolveName(model, to.dnsName as string, {
    vpcId: source.vpc?.id,
    label: vpcLabel(source.vpc, model),
    inboundResolver: source.kind === "onPremises",
    family: source.family,
  });
  return followAnswer(start, context, resolution, to.dnsName as string);
}

function fromInternet(path: Path, context: FlowContext): FlowVerdict {
  const { model, destination } = context;
  if (destination.target === undefined) {
    const answer = resolveName(model, destination.dnsName as string, { label: "public DNS" });
    if (answer.answer.kind === "awsService") return awsServiceFromOutside(path.pass("dns", answer.text), context);
    if (answer.answer.kind === "loadBalancer" && !answer.answer.loadBalancer.internal)
      return toInternetFacing(path.pass("dns", answer.text), context, answer.answer.loadBalancer);
    return path.deny(
      "internet",
      `${destination.dnsName}: ${answer.private ? "a private name" : answer.text}; nothing in this stack is reachable from the internet under that name (${publicAddressesOf(model)})`,
      answer.address,
    );
  }
  const target = model.entity(destination.target);
  const balancer = model.loadBalancers.find((b) => b.address === destination.target);
  if (balancer !== undefined && !balancer.internal) return toInternetFacing(path, context, balancer);
  const label = target === undefined ? destination.target : labelOf(target.entity as { address: string; path: string; provider: string });
  return path.deny("internet", `${label} has no public address: ${publicAddressesOf(model)}`, destination.target);
}

/** What the internet reaches in the model: internet-facing load balancers, in VPCs with an internet gateway. */
function publicAddressesOf(model: NetworkModel): string {
  const gateway = model.routeTables.some((t) => t.routes.some((r) => r.kind === "internetGateway"));
  return gateway
    ? "the internet reaches only internet-facing load balancers here (public IPs of instances are not modelled)"
    : "no route table of this stack routes to an internet gateway";
}

/** An internet-facing load balancer: public in each of its subnets whose default route goes to an internet gateway. */
function toInternetFacing(path: Path, context: FlowContext, balancer: LoadBalancerEntity): FlowVerdict {
  let current = path;
  for (const subnetId of balancer.subnetIds) {
    const subnet = context.model.subnet(subnetId);
    if (subnet === undefined) {
      current = current.assume(`subnet ${subnetId} of load balancer ${labelOf(balancer)} (made elsewhere) routes to an internet gateway`);
      continue;
    }
    const { table, route } = internetRouteOf(context.model, subnet, ["internetGateway"]);
    if (route === undefined)
      return current.deny(
        "internet",
        `internet-facing load balancer ${labelOf(balancer)} is in subnet ${labelOf(subnet)}, whose ${table === undefined ? "VPC's main route table" : `route table ${labelOf(table)}`} has no default route to an internet gateway`,
        table?.address ?? subnet.address,
      );
    current = current.pass(
      "internet",
      `route table ${labelOf(table!)} of subnet ${labelOf(subnet)} sends the replies of load balancer ${labelOf(balancer)} to an internet gateway`,
      route.source,
    );
  }
  return current.assume("the internet-facing load balancer admits the caller").allow();
}

function toTarget(path: Path, context: FlowContext, target: string): FlowVerdict {
  const { model, source } = context;
  // An ID (a subnet's, as `subnet.subnetId` resolves) stands for the entity that has it.
  const found = typeof target === "string" ? (model.entity(target) ?? model.entityWithId(target)) : undefined;
  if (found === undefined || typeof target !== "string")
    throw questionError(model, "to.target", target, `${TARGET_KINDS}; it is not in stack ${model.stackName}`);
  switch (found.kind) {
    case "endpoint":
      return toEndpoint(
        path,
        context,
        found.entity as EndpointEntity,
        undefined,
        (found.entity as EndpointEntity).dnsNames[0] ?? (found.entity as EndpointEntity).id,
      );
    case "latticeService": {
      const service = found.entity as LatticeServiceEntity;
      const dialed = service.customDomainName ?? service.dnsName;
      return followAnswer(
        path,
        context,
        resolveName(model, dialed, { vpcId: source.vpc?.id, label: vpcLabel(source.vpc, model), family: source.family }),
        dialed,
      );
    }
    case "resourceConfiguration":
      return resourceFlow(path, context, lookup(model, "to.target", target, model.resourceConfigurations, TARGET_KINDS));
    case "endpointService": {
      const service = lookup(model, "to.target", target, model.endpointServices, TARGET_KINDS);
      const consumers = model.endpoints.filter((e) => e.vpcId === source.vpc?.id && e.serviceName === service.serviceName);
      if (consumers.length === 0) return path.deny("endpoint", `${source.label} has no interface endpoint to ${labelOf(service)}`, service.address);
      const dialed = service.privateDnsName ?? consumers[0].dnsNames[0];
      return followAnswer(
        path,
        context,
        resolveName(model, dialed, { vpcId: source.vpc?.id, label: vpcLabel(source.vpc, model), family: source.family }),
        dialed,
      );
    }
    case "loadBalancer": {
      const balancer = lookup(model, "to.target", target, model.loadBalancers, TARGET_KINDS);
      return toAddressesOf(path, context, balancer.address, `load balancer ${labelOf(balancer)}`, balancer.subnetIds, balancer.securityGroupIds);
    }
    case "subnet": {
      const subnet = lookup(model, "to.target", target, model.subnets, TARGET_KINDS);
      return toAddressesOf(path, context, subnet.address, `subnet ${labelOf(subnet)}`, [subnet.id], []);
    }
    case "securityGroup": {
      // The members of a group (the targets it is attached to): anywhere in its VPC, behind its ingress rules.
      const group = lookup(model, "to.target", target, model.securityGroups, TARGET_KINDS);
      return toAddressesOf(
        path,
        context,
        group.address,
        `members of security group ${group.label}`,
        model.subnetsOf(group.vpcId ?? "").map((s) => s.id),
        [group.id],
      );
    }
    default:
      throw questionError(model, "to.target", `${target} (a ${found.kind})`, TARGET_KINDS);
  }
}

function toAddressesOf(
  path: Path,
  context: FlowContext,
  address: string,
  label: string,
  subnetIds: readonly string[],
  securityGroupIds: readonly string[],
  cidrs?: readonly string[],
): FlowVerdict {
  const subnet = context.model.subnet(subnetIds[0] ?? "");
  if (subnet === undefined) return path.deny("route", `${label} has no subnet in this stack`, address);
  const reached = reach(path, context, {
    label,
    address,
    vpcId: subnet.vpcId,
    subnetIds,
    cidrs,
    securityGroupIds,
    port: context.port,
    protocol: context.protocol,
  });
  return reached instanceof Path ? reached.assume(`whatever listens at ${label} accepts the connection`).allow() : reached;
}

/** An endpoint reached by one of its own names (or by a name that resolved to it). */
function toEndpoint(path: Path, context: FlowContext, endpoint: EndpointEntity, resolution: DnsResolution | undefined, dialed: string): FlowVerdict {
  const { model } = context;
  const current =
    resolution === undefined
      ? path.pass("dns", `${dialed} is a DNS name of VPC endpoint ${labelOf(endpoint)}`, endpoint.address)
      : path.pass("dns", resolution.text, resolution.address);
  switch (endpoint.endpointType) {
    case "Gateway":
      return awsServiceByPublicName(current, context, endpoint.serviceName ?? "");
    case "Resource": {
      const configuration = model.resourceConfiguration(endpoint.resourceConfigurationArn ?? "");
      if (configuration === undefined)
        return current
          .assume(`resource configuration ${endpoint.resourceConfigurationArn} (shared from elsewhere) is reachable through ${labelOf(endpoint)}`)
          .allow();
      return resourceFlow(current, context, configuration, endpoint);
    }
    case "ServiceNetwork":
      return current.deny(
        "endpoint",
        `${labelOf(endpoint)} reaches a whole service network: name the service or resource configuration to reach through it`,
        endpoint.address,
      );
    default: {
      const service = endpoint.serviceName ?? "";
      if (awsServiceDnsNames(service).length > 0) return awsServiceThroughInterface(current, context, endpoint);
      const generated = endpoint.dnsNames.includes(canonicalDnsName(dialed));
      return privateLinkFlow(current, context, endpoint, {
        name: dialed,
        verifiable: !generated,
        privateDns: resolution?.private === true && resolution.via === "privateDns",
      });
    }
  }
}

function followAnswer(asked: Path, context: FlowContext, resolution: DnsResolution, dialed: string): FlowVerdict {
  const { model, source } = context;
  const answer = resolution.answer;
  const path = (resolution.assumptions ?? []).reduce((p, assumption) => p.assume(assumption), asked);
  switch (answer.kind) {
    case "endpoint":
      return toEndpoint(path, context, answer.endpoint, resolution, dialed);
    case "latticeService":
      return latticeServiceFlow(path.pass("dns", resolution.text, resolution.address), context, answer.service, canonicalDnsName(dialed));
    case "awsService":
      return awsServiceByPublicName(path.pass("dns", resolution.text), context, answer.serviceName);
    case "resourceAssociation": {
      const member = answer.association.member;
      const configuration = model.resourceConfigurations.find((c) => c.arn === member || c.id === member);
      if (configuration === undefined)
        return path.deny("dns", `${resolution.text}, whose resource configuration ${member} is not in this stack`, resolution.address);
      return resourceFlow(path.pass("dns", resolution.text, resolution.address), context, configuration);
    }
    case "loadBalancer":
      return toAddressesOf(
        path.pass("dns", resolution.text, resolution.address),
        context,
        answer.loadBalancer.address,
        `load balancer ${labelOf(answer.loadBalancer)}`,
        answer.loadBalancer.subnetIds,
        answer.loadBalancer.securityGroupIds,
      );
    case "addresses": {
      const subnet = model.subnets.find((s) =>
        answer.addresses.some((a) => s.ipv4Cidr !== undefined && isIpAddress(a) && cidrContains(s.ipv4Cidr, a)),
      );
      if (subnet === undefined)
        return path
          .pass("dns", resolution.text, resolution.address)
          .assume(`${answer.addresses.join(", ")} is reachable from ${source.label}`)
          .allow();
      // The answered addresses themselves, as host routes: a more specific route covering part of the subnet decides them.
      const hosts = answer.addresses
        .filter((a) => source.family === "ipv4" && isIpAddress(a) && !a.includes(":") && cidrContains(subnet.ipv4Cidr ?? "", a))
        .map((a) => `${a}/32`);
      const toSubnet = (cidrs?: readonly string[]): FlowVerdict =>
        toAddressesOf(
          path.pass("dns", resolution.text, resolution.address),
          context,
          subnet.address,
          `${answer.addresses.join(", ")} in subnet ${labelOf(subnet)}`,
          [subnet.id],
          [],
          cidrs,
        );
      const byHosts = hosts.length > 0 ? toSubnet(hosts) : undefined;
      if (byHosts?.allowed === true) return byHosts;
      // Denied either way: the subnet's own verdict, which names its range.
      const bySubnet = toSubnet();
      return byHosts === undefined || !bySubnet.allowed ? bySubnet : byHosts;
    }
    case "zoneMadeElsewhere":
      return path
        .pass("dns", resolution.text)
        .assume(
          `private hosted zone ${answer.zone.name} (made elsewhere) answers ${canonicalDnsName(dialed)} with an address ${source.label} reaches, where something accepts the connection: its records are not in this stack`,
        )
        .allow();
    case "none":
      return path.deny("dns", resolution.text, resolution.address);
    case "internet":
      if (isLatticeServiceName(canonicalDnsName(dialed)))
        return latticeServiceMadeElsewhere(
          path.pass("dns", `${dialed} is a name VPC Lattice generates for a service made elsewhere`),
          context,
          canonicalDnsName(dialed),
        );
      return toInternet(path, context, resolution, dialed);
  }
}

/** A public name nothing in the stack answers: it is reached when every subnet of the client sends every address to an internet or NAT gateway. */
function toInternet(path: Path, context: FlowContext, resolution: DnsResolution, dialed: string): FlowVerdict {
  const { model, source } = context;
  const routes = source.subnets.map((subnet) => ({ subnet, ...internetRouteOf(model, subnet) }));
  if (routes.length === 0 || routes.every((r) => r.route === undefined)) {
    // Route tables made elsewhere may hold a default route: only the routes this stack adds to them are known.
    const elsewhere = source.vpc?.external === true && (routes.length === 0 || routes.some((r) => r.table === undefined || madeElsewhere(r.table)));
    return path.deny(
      "dns",
      `${resolution.text}; nothing in this stack answers it privately, and ${source.label} has no route to the internet${elsewhere ? " that this stack knows of (its route tables are made elsewhere: only the routes this stack adds to them are known)" : ""}`,
      resolution.address,
    );
  }
  let current = path.pass("dns", resolution.text, resolution.address);
  for (const { subnet, table, route } of routes) {
    if (route === undefined)
      return current.deny(
        "route",
        madeElsewhere(table) || (table === undefined && madeElsewhere(subnet))
          ? `${noRouteFrom(subnet, table, source.label)} to the internet${table === undefined ? " can be proven" : ""}`
          : `${table === undefined ? `subnet ${labelOf(subnet)} has no known route table (no route table association, and its VPC's main route table is not in this stack), so it` : `route table ${labelOf(table)} of subnet ${labelOf(subnet)}`} has no route to the internet`,
        table?.address ?? subnet.address,
      );
    current = current.pass(
      "internet",
      `route table ${labelOf(table!)} sends ${dialed} to ${route.kind === "natGateway" ? "a NAT gateway" : "an internet gateway"}`,
      route.source,
    );
  }
  if (routes.some((r) => r.route?.kind === "natGateway"))
    current = current.assume("the NAT gateway is public and its subnet routes to an internet gateway (not checked)");
  return current.assume(`whatever answers ${dialed} on the internet accepts the connection`).allow();
}

/** The request's fields are matched as text against rules and policies: anything else is refused, not coerced. */
function checkRequest(model: NetworkModel, request: FlowDestinationSpec["request"]): void {
  if (request === undefined) return;
  if (request === null || typeof request !== "object" || Array.isArray(request))
    throw questionError(model, "to.request", request, "a request: { method, path, headers, action, resource }");
  for (const field of ["method", "path", "action", "resource", "resourceOrganizationId"] as const) {
    const value = request[field];
    if (value !== undefined && typeof value !== "string") throw questionError(model, `to.request.${field}`, value, "a string");
  }
  const headers = request.headers;
  if (headers !== undefined && (headers === null || typeof headers !== "object" || Object.values(headers).some((v) => typeof v !== "string")))
    throw questionError(model, "to.request.headers", headers, "header names mapped to string values");
}

/**
 * A VPC known to have no IPv6 block: none on the VPC of the stack (given, generated or from IPAM), or none
 * in the import of a VPC made elsewhere (`ipv6CidrBlock`), and no block associated later.
 */
function hasNoIpv6(model: NetworkModel, vpc: VpcEntity, imported: ImportedVpcSpec | undefined): boolean {
  const doc = model.document;
  const block = vpc.block;
  const associated = (): boolean => doc.resources("aws_vpc_ipv6_cidr_block_association").some((a) => doc.text(a, "vpc_id") === vpc.id);
  if (imported?.vpcId === vpc.id) return imported.ipv6CidrBlock === undefined && !associated();
  if (vpc.external || block === undefined || vpc.ipv6Cidrs.length > 0) return false;
  // The JSON holds null for arguments left out.
  const given = (field: string): boolean => {
    const value = doc.value(block, field);
    return value !== undefined && value !== null && value !== false;
  };
  if (["ipv6_cidr_block", "ipv6_ipam_pool_id", "assign_generated_ipv6_cidr_block"].some(given)) return false;
  return !associated();
}
