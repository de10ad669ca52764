import { canonicalDnsName } from "../../core/formats";
import { RECORDED_OPT_OUTS } from "../../core/opt-out";
import { cidrContains, hostCidr, isIpAddress } from "../../core/addresses";
import { EndpointEntity, EndpointServiceEntity, LoadBalancerEntity, LoadBalancerListenerEntry, SubnetEntity } from "../model/entities";
import { NetworkModel } from "../model/network-model";
import { FlowVerdict, Path } from "../verdict";
import { FlowContext, labelOf, recordedOptOut, vpcLabel } from "./context";
import { matchesName } from "./dns";
import { admittingRule, reach, rulePermits, targetCidrs, workloadAdmission } from "./network";

/** How the client named the service: the name it dialed, and whether that name is the service's private DNS name (or a consumer zone's record). */
export interface DialedName {
  /** The name. */
  readonly name: string;
  /** True for a name the service's certificate can carry (its private DNS name, a consumer private hosted zone record), false for an endpoint's generated `vpce-…` name. */
  readonly verifiable: boolean;
  /** True when the name resolved through the endpoint's private DNS (the service's private DNS name). */
  readonly privateDns: boolean;
}

/**
 * The provider's terms of a service the stack only knows by name, as the
 * consumer's endpoint records them (`//.flows.endpointService`, written by
 * InterfaceEndpoint from `EndpointService.fromServiceName` options).
 */
export interface ServiceContract {
  readonly ports: readonly number[];
  readonly allowedPrincipalArns?: readonly string[];
  readonly acceptanceRequired?: boolean;
  readonly availabilityZoneIds?: readonly string[];
  readonly tlsPorts: readonly number[];
}

/** The zones one side of a PrivateLink connection is placed in. */
/** Where a provider's side (a load balancer, a resource gateway, a service's published zones) is placed. */
export interface Placement {
  /** For messages. */
  readonly label: string;
  /** What it is, for advice: "the load balancer", "the resource gateway". */
  readonly kind: string;
  /** Its account. */
  readonly account: string;
  /** Per subnet (or per zone the provider publishes): its AZ ID and AZ name, when known. */
  readonly zones: readonly { readonly id?: string; readonly name?: string }[];
}

/**
 * A PrivateLink flow: the consumer's interface endpoint, the endpoint
 * service's allowed principals, acceptance and private DNS, the AZs both
 * sides share, the Network Load Balancer's listener and security group,
 * and its targets. For a service the stack only knows by name, the same
 * questions are answered from the provider's terms recorded on the endpoint.
 */
export function privateLinkFlow(path: Path, context: FlowContext, endpoint: EndpointEntity, dialed: DialedName): FlowVerdict {
  const { model } = context;
  const reached = reach(path.pass("endpoint", `interface endpoint ${labelOf(endpoint)} to ${endpoint.serviceName}`, endpoint.address), context, {
    label: `VPC endpoint ${labelOf(endpoint)}`,
    address: endpoint.address,
    vpcId: endpoint.vpcId,
    subnetIds: endpoint.subnetIds,
    securityGroupIds: endpoint.securityGroupIds,
    port: context.port,
    protocol: context.protocol,
  });
  if (!(reached instanceof Path)) return reached;
  const service = model.endpointServices.find((s) => s.serviceName === endpoint.serviceName);
  if (service === undefined) {
    const contract = contractOf(model, endpoint);
    if (contract !== undefined) return contractFlow(reached, context, endpoint, contract, dialed);
    return reached
      .pass("endpoint-service", `${endpoint.serviceName} is offered by another stack or account`)
      .assume(
        `the provider of ${endpoint.serviceName} allows the principal that creates ${labelOf(endpoint)}, accepts the connection and listens on ${context.port}`,
      )
      .allow();
  }
  let current = reached;
  for (const check of [allowedPrincipal, acceptance, privateDns]) {
    const result = check(current, context, endpoint, service, dialed);
    if (!(result instanceof Path)) return result;
    current = result;
  }
  const balancers = service.networkLoadBalancerArns.map((arn) => model.loadBalancers.find((lb) => lb.arn === arn));
  const balancer = balancers.find((lb): lb is LoadBalancerEntity => lb !== undefined);
  if (balancer === undefined)
    return current.assume(`the load balancers of ${labelOf(service)} (${service.networkLoadBalancerArns.join(", ")}) are not in this stack`).allow();
  return loadBalancerFlow(current, context, endpoint, balancer, dialed);
}

type ServiceCheck = (
  path: Path,
  context: FlowContext,
  endpoint: EndpointEntity,
  service: EndpointServiceEntity,
  dialed: DialedName,
) => Path | FlowVerdict;

const allowedPrincipal: ServiceCheck = (path, { model }, endpoint, service) =>
  creatorAllowed(path, model, endpoint, `endpoint service ${labelOf(service)}`, service.allowedPrincipals, service.address);

/** The principal creating the endpoint (its provider's assumed role, else its account) must be an allowed principal of the service. */
export function creatorAllowed(
  path: Path,
  model: NetworkModel,
  endpoint: EndpointEntity,
  serviceLabel: string,
  allowedPrincipals: readonly string[],
  address: string,
): Path | FlowVerdict {
  const provider = model.accounts.find((a) => a.key === endpoint.provider);
  const account = provider?.accountId;
  const creators = [
    ...(provider?.assumeRoleArn === undefined ? [] : [provider.assumeRoleArn]),
    ...(account === undefined ? [] : [`arn:aws:iam::${account}:root`]),
  ];
  const match = allowedPrincipals.find(
    (p) => p === "*" || creators.some((c) => c.replace(/^arn:aws[a-z-]*:/, "") === p.replace(/^arn:aws[a-z-]*:/, "")),
  );
  const who =
    provider?.assumeRoleArn ??
    (account === undefined ? `the ambient credentials of provider ${endpoint.provider}` : `the ambient credentials of account ${account}`);
  if (match === undefined) {
    const allowed = allowedPrincipals.length === 0 ? "no principal at all" : allowedPrincipals.join(", ");
    return path.deny("endpoint-service", `${serviceLabel} allows ${allowed}, but ${labelOf(endpoint)} is created by ${who}`, address);
  }
  return path.pass(
    "endpoint-service",
    `${serviceLabel} allows ${match === "*" ? "every principal" : match}, which creates ${labelOf(endpoint)}`,
    address,
  );
}

const acceptance: ServiceCheck = (path, _context, endpoint, service) => {
  if (!service.acceptanceRequired) return path.pass("acceptance", `${labelOf(service)} accepts connections without review`, service.address);
  if (service.acceptedEndpointIds.includes(endpoint.id)) return path.pass("acceptance", `the provider accepts ${labelOf(endpoint)}`, service.address);
  const outside = recordedOptOut(service, RECORDED_OPT_OUTS.acceptedOutsideTerraform);
  if (outside !== undefined)
    return path
      .pass("acceptance", `${labelOf(service)} requires acceptance, given outside Terraform (${outside})`, service.address)
      .assume(`the provider accepts ${labelOf(endpoint)} outside Terraform before it carries traffic`);
  return path.deny(
    "acceptance",
    `${labelOf(endpoint)} stays pendingAcceptance: ${labelOf(service)} requires acceptance and nothing in the stack accepts this endpoint (aws_vpc_endpoint_connection_accepter)`,
    service.address,
  );
};

/** A name the client dials must be one a certificate can carry, and the service's private DNS name needs verification. */
const privateDns: ServiceCheck = (path, _context, endpoint, service, dialed) => {
  if (!dialed.privateDns) return path;
  if (service.privateDnsName === undefined)
    return path.deny("private-dns", `${labelOf(service)} has no private DNS name for ${labelOf(endpoint)} to answer`, service.address);
  if (!service.privateDnsVerified) {
    const outside = recordedOptOut(service, RECORDED_OPT_OUTS.privateDnsVerifiedOutsideTerraform);
    if (outside !== undefined)
      return path
        .pass(
          "private-dns",
          `${dialed.name} is the private DNS name of ${labelOf(service)}, verified outside Terraform (${outside})`,
          service.address,
        )
        .assume(`the provider verifies ${service.privateDnsName} outside Terraform before ${labelOf(endpoint)} answers it`);
    return path.deny(
      "private-dns",
      `private DNS name ${service.privateDnsName} of ${labelOf(service)} is never verified (no aws_vpc_endpoint_service_private_dns_verification): AWS keeps private DNS off on ${labelOf(endpoint)}`,
      service.address,
    );
  }
  return path.pass(
    "private-dns",
    `${dialed.name} is the verified private DNS name of ${labelOf(service)}, answered by ${labelOf(endpoint)}`,
    service.address,
  );
};

/** The provider's terms recorded on the endpoint, or undefined when the endpoint records none. */
export function contractOf(model: NetworkModel, endpoint: EndpointEntity): ServiceContract | undefined {
  const raw = endpoint.block?.annotations.endpointService;
  if (raw === undefined || raw === null || typeof raw !== "object") return undefined;
  const terms = model.document.evaluate(raw) as Record<string, unknown>;
  const numbers = (v: unknown): number[] => (Array.isArray(v) ? v.filter((n): n is number => typeof n === "number") : []);
  const strings = (v: unknown): string[] | undefined => (Array.isArray(v) ? v.filter((n): n is string => typeof n === "string") : undefined);
  return {
    ports: numbers(terms.ports),
    allowedPrincipalArns: strings(terms.allowedPrincipalArns),
    acceptanceRequired: typeof terms.acceptanceRequired === "boolean" ? terms.acceptanceRequired : undefined,
    availabilityZoneIds: strings(terms.availabilityZoneIds),
    tlsPorts: numbers(terms.tlsPorts),
  };
}

/** A service of another configuration, judged by the terms its provider published: who may create endpoints, acceptance, zones, ports and TLS. */
function contractFlow(path: Path, context: FlowContext, endpoint: EndpointEntity, contract: ServiceContract, dialed: DialedName): FlowVerdict {
  const { model } = context;
  const service = endpoint.serviceName ?? "the endpoint service";
  const serviceLabel = `endpoint service ${service} (its provider's terms, recorded on ${labelOf(endpoint)})`;
  let current: Path;
  if (contract.allowedPrincipalArns === undefined) {
    current = path
      .pass("endpoint-service", `${service} is offered by another configuration`, endpoint.address)
      .assume(`the provider of ${service} allows the principal that creates ${labelOf(endpoint)}`);
  } else {
    const allowed = creatorAllowed(path, model, endpoint, serviceLabel, contract.allowedPrincipalArns, endpoint.address);
    if (!(allowed instanceof Path)) return allowed;
    current = allowed;
  }
  current =
    contract.acceptanceRequired === false
      ? current.pass("acceptance", `the provider of ${service} accepts connections without review`, endpoint.address)
      : current.assume(
          `the provider of ${service} accepts ${labelOf(endpoint)}${contract.acceptanceRequired === true ? " after reviewing it (an acceptance in its own configuration)" : ""}`,
        );
  if (dialed.privateDns)
    current = current.pass(
      "private-dns",
      `${dialed.name} is the private DNS name the provider of ${service} verified, answered by ${labelOf(endpoint)}`,
      endpoint.address,
    );
  if (contract.availabilityZoneIds !== undefined) {
    const zones = sharedZones(model, endpoint, {
      label: service,
      kind: "the service",
      account: "of the provider",
      zones: contract.availabilityZoneIds.map((id) => ({ id })),
    });
    if (!zones.ok) return current.deny("availability-zone", zones.text, endpoint.address);
    current = current.pass("availability-zone", zones.text, endpoint.address);
  }
  if (!contract.ports.includes(context.port)) {
    return current.deny(
      "listener",
      `${service} listens on ${contract.ports.join(", ") || "nothing"} (as its provider publishes), not on ${context.port}`,
      endpoint.address,
    );
  }
  const tls = contract.tlsPorts.includes(context.port);
  if (tls && !dialed.verifiable)
    return current.deny("tls", tlsFailure(`port ${context.port} of ${service} terminates TLS`, dialed), endpoint.address);
  current = current.pass(
    "listener",
    `${service} listens on ${context.port}${tls ? ` and terminates TLS there (certificate for ${dialed.name})` : ""}, as its provider publishes`,
    endpoint.address,
  );
  return (tls ? assumeCertificateCarries(current, context, endpoint, `port ${context.port} of ${service}`, dialed) : current)
    .assume(`the provider's load balancer behind ${service} admits the traffic of ${labelOf(endpoint)} and its targets admit the load balancer`)
    .allow();
}

/**
 * A name the client dials through a private hosted zone of the consumer's
 * (customDnsName, a hub's zone) may be any name: whether the certificate
 * that terminates TLS carries it is the provider's to say, so the flow
 * takes it as an assumption, unless it is the service's verified private
 * DNS name as this stack knows it.
 */
function assumeCertificateCarries(path: Path, context: FlowContext, endpoint: EndpointEntity, terminator: string, dialed: DialedName): Path {
  if (dialed.privateDns) return path;
  // The hub of a centralized consumer answers the verified name from a zone of its own: still the provider's name.
  const service = context.model.endpointServices.find((s) => s.serviceName === endpoint.serviceName);
  const annotated = context.model.document.block(endpoint.address)?.annotations.privateDnsName;
  const verified = [service?.privateDnsName, typeof annotated === "string" ? annotated : undefined].filter((n): n is string => n !== undefined);
  const name = canonicalDnsName(dialed.name);
  if (verified.some((n) => matchesName(name, canonicalDnsName(n)))) return path;
  return path.assume(
    `the certificate that terminates TLS on ${terminator} carries ${dialed.name}, which the client dials through a private hosted zone of the consumer's, not through the service's verified private DNS (else TLS fails: dial a name the provider's certificate carries)`,
  );
}

function tlsFailure(where: string, dialed: DialedName): string {
  return `${where}: clients dialing ${dialed.name} (a name AWS generates for the endpoint) fail certificate validation; dial the service's verified private DNS name, or a name a consumer private hosted zone points at the endpoint`;
}

function loadBalancerFlow(path: Path, context: FlowContext, endpoint: EndpointEntity, balancer: LoadBalancerEntity, dialed: DialedName): FlowVerdict {
  const { model, source } = context;
  const balancerSubnets = balancer.subnetIds.map((id) => model.subnet(id)).filter((s): s is SubnetEntity => s !== undefined);
  const zones =
    balancerSubnets.length === 0
      ? { ok: true, text: `the subnets of ${labelOf(balancer)} are not in this stack; their AZs are taken to cover those of ${labelOf(endpoint)}` }
      : sharedZones(model, endpoint, {
          label: labelOf(balancer),
          kind: "the load balancer",
          account: model.accountOf(balancer.provider) ?? balancer.provider,
          zones: balancerSubnets.map((s) => ({ id: s.availabilityZoneId, name: s.availabilityZone })),
        });
  if (!zones.ok) return path.deny("availability-zone", zones.text, balancer.address);
  let current = path.pass("availability-zone", zones.text, balancer.address);
  const listener = balancer.listeners.find((l) => l.port === context.port);
  if (listener === undefined)
    return current.deny(
      "listener",
      `load balancer ${labelOf(balancer)} has no listener on ${context.port} (it listens on ${balancer.listeners.map((l) => l.port).join(", ") || "nothing"})`,
      balancer.address,
    );
  const tls = tlsTerminator(model, balancer, listener);
  if (tls !== undefined && !dialed.verifiable) return current.deny("tls", tlsFailure(tls, dialed), listener.address);
  current = current.pass(
    "listener",
    `${listener.protocol} listener ${listener.port} of load balancer ${labelOf(balancer)}${tls !== undefined ? ` (certificate for ${dialed.name})` : ""}`,
    listener.address,
  );
  if (tls !== undefined) current = assumeCertificateCarries(current, context, endpoint, `listener ${listener.port} of ${labelOf(balancer)}`, dialed);
  if (balancer.securityGroupIds.length > 0) {
    if (!balancer.enforceSecurityGroupInboundRulesOnPrivateLinkTraffic) {
      current = current.pass(
        "security-group",
        `${labelOf(balancer)} does not judge PrivateLink traffic by its security group's inbound rules: allowed principals and acceptance do`,
        balancer.address,
      );
    } else {
      // With enforcement on, PrivateLink traffic is judged by the client's own private addresses.
      const groups = balancer.securityGroupIds.map((id) => model.securityGroup(id)).filter((g) => g !== undefined);
      const admitted = groups
        .map((g) => ({ g, rule: admittingRule(g, { ...source, securityGroup: undefined }, { protocol: context.protocol, port: context.port }) }))
        .find((x) => x.rule !== undefined);
      if (admitted === undefined) {
        return current.deny(
          "security-group",
          `security group ${groups[0]?.label ?? balancer.securityGroupIds[0]} of ${labelOf(balancer)} has no ingress from ${source.cidrs.join(", ") || source.label} on ${context.port} (PrivateLink traffic is judged by the client's own addresses)`,
          groups[0]?.address ?? balancer.address,
        );
      }
      current = current.pass(
        "security-group",
        `security group ${admitted.g.label} of ${labelOf(balancer)} admits ${source.cidrs.join(", ")} on ${context.port}`,
        admitted.rule!.source,
      );
    }
  }
  for (const arn of listener.targetGroupArns) {
    const result = targetGroupFlow(current, model, balancer, arn);
    if (!(result instanceof Path)) return result;
    current = result;
  }
  return current.allow();
}

/**
 * Where TLS ends for connections to a listener, in words: the listener
 * itself (TLS), or the Application Load Balancer behind a TCP listener
 * whose health checks use HTTPS (the NLB checks the ALB's own listener on
 * that port, so that listener is HTTPS). Undefined for plain TCP.
 */
function tlsTerminator(model: NetworkModel, balancer: LoadBalancerEntity, listener: LoadBalancerListenerEntry): string | undefined {
  if (listener.protocol === "TLS") return `listener ${listener.port} of ${labelOf(balancer)} terminates TLS`;
  for (const arn of listener.targetGroupArns) {
    const group = model.loadBalancerTargetGroups.find((g) => g.arn === arn);
    if (group?.targetType !== "alb" || group.block === undefined) continue;
    if (model.document.nested(group.block, "health_check")[0]?.protocol === "HTTPS") {
      return `the Application Load Balancer behind TCP listener ${listener.port} of ${labelOf(balancer)} terminates TLS (its health checks use HTTPS)`;
    }
  }
  return undefined;
}

/**
 * Every subnet of the endpoint must be in a zone the provider's load
 * balancer is in: AWS refuses an endpoint subnet in any other zone. Across
 * accounts only AZ IDs can be compared.
 */
export function sharedZones(model: NetworkModel, endpoint: EndpointEntity, provider: Placement): { readonly ok: boolean; readonly text: string } {
  // Cross-region PrivateLink: the endpoint is in the consumer's region, the service's zones are in its own; AWS bridges the two.
  if (endpoint.serviceRegion !== undefined && endpoint.serviceRegion !== model.regionOf(endpoint.provider))
    return {
      ok: true,
      text: `${labelOf(endpoint)} reaches ${provider.label} across regions (service_region ${endpoint.serviceRegion}): zones are not compared`,
    };
  const consumer = (endpoint.subnetIds ?? []).map((id) => model.subnet(id)).filter((s): s is SubnetEntity => s !== undefined);
  if (consumer.length === 0)
    return { ok: true, text: `the subnets of ${labelOf(endpoint)} are not in this stack; their AZs are taken to be offered by ${provider.label}` };
  const consumerAccount = model.accountOf(endpoint.provider) ?? endpoint.provider;
  const sameAccount = consumerAccount === provider.account;
  const consumerSides = consumer.map((s) => ({ id: s.availabilityZoneId, name: s.availabilityZone }));
  // One vocabulary for both sides: AZ IDs where every zone has one, else AZ names within one account.
  const byId = [...consumerSides, ...provider.zones].every((z) => z.id !== undefined);
  const key = (zone: { readonly id?: string; readonly name?: string }): string | undefined => (byId ? zone.id : sameAccount ? zone.name : undefined);
  const consumerZones = consumerSides.map(key);
  const providerZones = provider.zones.map(key);
  if (consumerZones.some((z) => z === undefined) || providerZones.some((z) => z === undefined)) {
    const names = (zones: readonly { readonly id?: string; readonly name?: string }[]): string =>
      zones.map((z) => z.id ?? z.name ?? "unknown").join(", ");
    return {
      ok: false,
      text: sameAccount
        ? `${labelOf(endpoint)} and ${provider.label} are placed one by AZ name and one by AZ ID, which cannot be compared offline: place both by AZ ID`
        : `AZ names (${names(consumerSides)} and ${names(provider.zones)}) map to different zones in accounts ${consumerAccount} and ${provider.account}: place the endpoint's and ${provider.kind}'s subnets by AZ ID (availability_zone_id) so that they can be proven to overlap`,
    };
  }
  const outside = consumer.filter((_s, i) => !providerZones.includes(consumerZones[i]));
  if (outside.length === consumer.length) {
    return {
      ok: false,
      text: `${labelOf(endpoint)} (${consumerZones.join(", ")}) and ${provider.label} (${providerZones.join(", ")}) share no availability zone`,
    };
  }
  if (outside.length > 0) {
    return {
      ok: false,
      text: `${labelOf(endpoint)} has subnets in ${outside.map((s) => key({ id: s.availabilityZoneId, name: s.availabilityZone })).join(", ")}, where ${provider.label} is not (${providerZones.join(", ")}): AWS refuses to create the endpoint in a zone the service is not offered in`,
    };
  }
  return {
    ok: true,
    text: `${labelOf(endpoint)} (${consumerZones.join(", ")}) is in zones ${provider.label} is offered in (${providerZones.join(", ")})`,
  };
}

const BALANCER_PLACEMENT = "the load balancer's subnets";

/**
 * The zone of an IP target's subnet in the target group's VPC, when the
 * load balancer has no subnet there (compared by AZ ID where every side has
 * one, else by AZ name: one VPC, one account); undefined when it has, or
 * when the address is in no subnet of this stack or a zone is unknown.
 */
function zoneWithoutNode(
  model: NetworkModel,
  balancer: LoadBalancerEntity,
  vpcId: string | undefined,
  address: string,
): { readonly zone: string; readonly subnet: string; readonly enabled: readonly string[] } | undefined {
  if (vpcId === undefined || !isIpAddress(address) || address.includes(":")) return undefined;
  const home = model.subnets.find((s) => s.vpcId === vpcId && s.ipv4Cidr !== undefined && cidrContains(s.ipv4Cidr, address));
  const own = balancer.subnetIds.map((id) => model.subnet(id));
  if (home === undefined || own.length === 0 || own.some((s) => s === undefined)) return undefined;
  const placed = own as SubnetEntity[];
  const byId = [home, ...placed].every((s) => s.availabilityZoneId !== undefined);
  const zoneOf = (s: SubnetEntity): string | undefined => (byId ? s.availabilityZoneId : s.availabilityZone);
  const zone = zoneOf(home);
  const enabled = placed.map(zoneOf);
  if (zone === undefined || enabled.some((z) => z === undefined) || enabled.includes(zone)) return undefined;
  return { zone, subnet: home.ipv4Cidr ?? home.id, enabled: enabled as string[] };
}

/** Targets registered, the load balancer's egress to them, and their own security groups. */
function targetGroupFlow(path: Path, model: NetworkModel, balancer: LoadBalancerEntity, arn: string): Path | FlowVerdict {
  const group = model.loadBalancerTargetGroups.find((g) => g.arn === arn);
  if (group === undefined) return path.assume(`target group ${arn} is not in this stack`);
  if (group.targets.length === 0) return path.deny("target", `target group ${labelOf(group)} has no registered targets`, group.address);
  const port = group.port ?? 0;
  const vpcCidrs = model.vpc(group.vpcId ?? "")?.ipv4Cidrs ?? [];
  const groups = balancer.securityGroupIds.map((id) => model.securityGroup(id)).filter((g) => g !== undefined);
  let current = path;
  for (const target of group.targets) {
    const targetPort = target.port ?? port;
    const destination = group.targetType === "ip" && isIpAddress(target.id) ? hostCidr(target.id) : vpcCidrs[0];
    const unusedZone = group.targetType === "ip" ? zoneWithoutNode(model, balancer, group.vpcId, target.id) : undefined;
    if (unusedZone !== undefined)
      return current.deny(
        "target",
        `target ${target.id} of ${labelOf(group)} is in ${unusedZone.zone} (subnet ${unusedZone.subnet}), where ${labelOf(balancer)} has no subnet (${unusedZone.enabled.join(", ")}): AWS sends no traffic to a target in a zone the load balancer is not enabled in (Target.NotInUse), cross-zone load balancing or not`,
        group.address,
      );
    if (groups.length > 0) {
      const out = groups
        .flatMap((g) => g.egress.map((rule) => ({ g, rule })))
        .find(
          ({ rule }) =>
            rulePermits(rule, "tcp", targetPort) &&
            rule.peer.kind === "cidr" &&
            destination !== undefined &&
            cidrContains(rule.peer.cidr, destination),
        );
      if (out === undefined)
        return current.deny(
          "security-group",
          `security group ${groups[0].label} of ${labelOf(balancer)} has no egress to target ${target.id} on ${targetPort} (traffic and health checks)`,
          groups[0].address,
        );
    }
    if (group.targetType === "alb") {
      current = current
        .pass("target", `forwards to Application Load Balancer ${target.id} on ${targetPort}`, group.address)
        .assume(`Application Load Balancer ${target.id} admits ${labelOf(balancer)} on ${targetPort}`);
      continue;
    }
    const caller = {
      label: `load balancer ${labelOf(balancer)}`,
      cidrs: targetCidrs(
        model,
        { label: "", address: "", vpcId: group.vpcId ?? "", subnetIds: balancer.subnetIds, securityGroupIds: [], port: targetPort, protocol: "tcp" },
        "ipv4",
      ),
      securityGroupIds: balancer.securityGroupIds,
    };
    // The load balancer's own groups are attached to the load balancer, never to its targets.
    const candidates = model.securityGroups.filter((g) => g.vpcId === group.vpcId && !balancer.securityGroupIds.includes(g.id)).map((g) => g.id);
    const admitted = workloadAdmission(model, group.vpcId ?? "", candidates, caller, "tcp", targetPort);
    if (admitted === undefined) {
      return current.deny(
        "target",
        `no security group in ${vpcLabel(model.vpc(group.vpcId ?? ""), model)} admits ${caller.label} (its security group, or ${BALANCER_PLACEMENT}) on ${targetPort}: targets of ${labelOf(group)} drop its traffic and health checks`,
        group.address,
      );
    }
    current = current
      .pass(
        "target",
        `target ${target.id} of ${labelOf(group)} on ${targetPort}, admitted by security group ${admitted.group.label}`,
        admitted.rule.source,
      )
      .assume(`security group ${admitted.group.label} is attached to target ${target.id}`);
  }
  return current;
}
