import { cidrContains, hostCidr, isIpAddress } from "../../core/addresses";
import { EndpointEntity, EndpointServiceEntity, LoadBalancerEntity, ModelEntity, SubnetEntity } from "../model/entities";
import { NetworkModel } from "../model/network-model";
import { FlowVerdict, Path } from "../verdict";
import { FlowContext, labelOf, vpcLabel } from "./context";
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
 * A PrivateLink flow: the consumer's interface endpoint, the endpoint
 * service's allowed principals, acceptance and private DNS, the AZs both
 * sides share, the Network Load Balancer's listener and security group,
 * and its targets.
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
    return reached
      .pass("endpoint-service", `${endpoint.serviceName} is offered by another stack or account`)
      .assume(`the provider of ${endpoint.serviceName} allows the principal that creates ${labelOf(endpoint)}, accepts the connection and listens on ${context.port}`)
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
  if (balancer === undefined) return current.assume(`the load balancers of ${labelOf(service)} (${service.networkLoadBalancerArns.join(", ")}) are not in this stack`).allow();
  return loadBalancerFlow(current, context, endpoint, balancer, dialed);
}

type ServiceCheck = (path: Path, context: FlowContext, endpoint: EndpointEntity, service: EndpointServiceEntity, dialed: DialedName) => Path | FlowVerdict;

/** The principal creating the endpoint (its provider's assumed role, else its account) must be an allowed principal of the service. */
const allowedPrincipal: ServiceCheck = (path, { model }, endpoint, service) => {
  const provider = model.accounts.find((a) => a.key === endpoint.provider);
  const account = provider?.accountId;
  const creators = [...(provider?.assumeRoleArn === undefined ? [] : [provider.assumeRoleArn]), ...(account === undefined ? [] : [`arn:aws:iam::${account}:root`])];
  const match = service.allowedPrincipals.find((p) => p === "*" || creators.some((c) => c.replace(/^arn:aws[a-z-]*:/, "") === p.replace(/^arn:aws[a-z-]*:/, "")));
  const who = provider?.assumeRoleArn ?? (account === undefined ? `the ambient credentials of provider ${endpoint.provider}` : `account ${account}`);
  if (match === undefined) {
    const allowed = service.allowedPrincipals.length === 0 ? "no principal at all" : service.allowedPrincipals.join(", ");
    return path.deny("endpoint-service", `endpoint service ${labelOf(service)} allows ${allowed}, but ${labelOf(endpoint)} is created by ${who}`, service.address);
  }
  return path.pass("endpoint-service", `endpoint service ${labelOf(service)} allows ${match === "*" ? "every principal" : match}, which creates ${labelOf(endpoint)}`, service.address);
};

const acceptance: ServiceCheck = (path, _context, endpoint, service) => {
  if (!service.acceptanceRequired) return path.pass("acceptance", `${labelOf(service)} accepts connections without review`, service.address);
  if (service.acceptedEndpointIds.includes(endpoint.id)) return path.pass("acceptance", `the provider accepts ${labelOf(endpoint)}`, service.address);
  return path.deny("acceptance", `${labelOf(endpoint)} stays pendingAcceptance: ${labelOf(service)} requires acceptance and nothing in the stack accepts this endpoint (aws_vpc_endpoint_connection_accepter)`, service.address);
};

/** A name the client dials must be one a certificate can carry, and the service's private DNS name needs verification. */
const privateDns: ServiceCheck = (path, _context, endpoint, service, dialed) => {
  if (!dialed.privateDns) return path;
  if (service.privateDnsName === undefined) return path.deny("private-dns", `${labelOf(service)} has no private DNS name for ${labelOf(endpoint)} to answer`, service.address);
  if (!service.privateDnsVerified) {
    return path.deny("private-dns", `private DNS name ${service.privateDnsName} of ${labelOf(service)} is never verified (no aws_vpc_endpoint_service_private_dns_verification): AWS keeps private DNS off on ${labelOf(endpoint)}`, service.address);
  }
  return path.pass("private-dns", `${dialed.name} is the verified private DNS name of ${labelOf(service)}, answered by ${labelOf(endpoint)}`, service.address);
};

function loadBalancerFlow(path: Path, context: FlowContext, endpoint: EndpointEntity, balancer: LoadBalancerEntity, dialed: DialedName): FlowVerdict {
  const { model, source } = context;
  const zones = sharedZones(model, endpoint, balancer);
  if (!zones.ok) return path.deny("availability-zone", zones.text, balancer.address);
  let current = path.pass("availability-zone", zones.text, balancer.address);
  const listener = balancer.listeners.find((l) => l.port === context.port);
  if (listener === undefined) return current.deny("listener", `load balancer ${labelOf(balancer)} has no listener on ${context.port} (it listens on ${balancer.listeners.map((l) => l.port).join(", ") || "nothing"})`, balancer.address);
  const tls = listener.protocol === "TLS";
  if (tls && !dialed.verifiable) {
    return current.deny(
      "tls",
      `listener ${listener.port} of ${labelOf(balancer)} terminates TLS: clients dialing ${dialed.name} (a name AWS generates for the endpoint) fail certificate validation; dial the service's verified private DNS name, or a name a consumer private hosted zone points at the endpoint`,
      listener.address,
    );
  }
  current = current.pass("listener", `${listener.protocol} listener ${listener.port} of load balancer ${labelOf(balancer)}${tls ? ` (certificate for ${dialed.name})` : ""}`, listener.address);
  if (balancer.securityGroupIds.length > 0) {
    if (!balancer.enforceSecurityGroupInboundRulesOnPrivateLinkTraffic) {
      current = current.pass("security-group", `${labelOf(balancer)} does not judge PrivateLink traffic by its security group's inbound rules: allowed principals and acceptance do`, balancer.address);
    } else {
      // With enforcement on, PrivateLink traffic is judged by the client's own private addresses.
      const groups = balancer.securityGroupIds.map((id) => model.securityGroup(id)).filter((g) => g !== undefined);
      const admitted = groups.map((g) => ({ g, rule: admittingRule(g, { ...source, securityGroup: undefined }, { protocol: context.protocol, port: context.port }) })).find((x) => x.rule !== undefined);
      if (admitted === undefined) {
        return current.deny("security-group", `security group ${groups[0]?.label ?? balancer.securityGroupIds[0]} of ${labelOf(balancer)} has no ingress from ${source.cidrs.join(", ") || source.label} on ${context.port} (PrivateLink traffic is judged by the client's own addresses)`, groups[0]?.address ?? balancer.address);
      }
      current = current.pass("security-group", `security group ${admitted.g.label} of ${labelOf(balancer)} admits ${source.cidrs.join(", ")} on ${context.port}`, admitted.rule!.source);
    }
  }
  for (const arn of listener.targetGroupArns) {
    const result = targetGroupFlow(current, model, balancer, arn);
    if (!(result instanceof Path)) return result;
    current = result;
  }
  return current.allow();
}

/** The endpoint's AZs must overlap the load balancer's (or the resource gateway's, `providerKind`); across accounts only AZ IDs can be compared. */
export function sharedZones(model: NetworkModel, endpoint: EndpointEntity, balancer: ModelEntity & { readonly subnetIds: readonly string[] }, providerKind = "the load balancer"): { readonly ok: boolean; readonly text: string } {
  const subnetsOf = (ids: readonly string[] | undefined): SubnetEntity[] => (ids ?? []).map((id) => model.subnet(id)).filter((s): s is SubnetEntity => s !== undefined);
  const consumer = subnetsOf(endpoint.subnetIds);
  const provider = subnetsOf(balancer.subnetIds);
  if (consumer.length === 0 || provider.length === 0) return { ok: true, text: `the subnets of ${labelOf(endpoint)} or ${labelOf(balancer)} are not in this stack; their AZs are taken to overlap` };
  const consumerAccount = model.accountOf(endpoint.provider) ?? endpoint.provider;
  const providerAccount = model.accountOf(balancer.provider) ?? balancer.provider;
  const sameAccount = consumerAccount === providerAccount;
  // One vocabulary for both sides: AZ IDs where every subnet has one, else AZ names within one account.
  const byId = [...consumer, ...provider].every((s) => s.availabilityZoneId !== undefined);
  const key = (s: SubnetEntity): string | undefined => (byId ? s.availabilityZoneId : sameAccount ? s.availabilityZone : undefined);
  if (consumer.some((s) => key(s) === undefined) || provider.some((s) => key(s) === undefined)) {
    return {
      ok: false,
      text: sameAccount ? `${labelOf(endpoint)} and ${labelOf(balancer)} are placed one by AZ name and one by AZ ID, which cannot be compared offline: place both by AZ ID` : `AZ names (${consumer.map((s) => s.availabilityZone).join(", ")} and ${provider.map((s) => s.availabilityZone).join(", ")}) map to different zones in accounts ${consumerAccount} and ${providerAccount}: place the endpoint's and ${providerKind}'s subnets by AZ ID (availability_zone_id) so that they can be proven to overlap`,
    };
  }
  const shared = consumer.map(key).filter((z) => provider.map(key).includes(z));
  if (shared.length === 0) return { ok: false, text: `${labelOf(endpoint)} (${consumer.map(key).join(", ")}) and ${labelOf(balancer)} (${provider.map(key).join(", ")}) share no availability zone` };
  return { ok: true, text: `${labelOf(endpoint)} and ${labelOf(balancer)} share availability zones ${shared.join(", ")}` };
}

const BALANCER_PLACEMENT = "the load balancer's subnets";

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
    if (groups.length > 0) {
      const out = groups.flatMap((g) => g.egress.map((rule) => ({ g, rule }))).find(({ rule }) => rulePermits(rule, "tcp", targetPort) && rule.peer.kind === "cidr" && destination !== undefined && cidrContains(rule.peer.cidr, destination));
      if (out === undefined) return current.deny("security-group", `security group ${groups[0].label} of ${labelOf(balancer)} has no egress to target ${target.id} on ${targetPort} (traffic and health checks)`, groups[0].address);
    }
    if (group.targetType === "alb") {
      current = current.pass("target", `forwards to Application Load Balancer ${target.id} on ${targetPort}`, group.address).assume(`Application Load Balancer ${target.id} admits ${labelOf(balancer)} on ${targetPort}`);
      continue;
    }
    const caller = { label: `load balancer ${labelOf(balancer)}`, cidrs: targetCidrs(model, { label: "", address: "", vpcId: group.vpcId ?? "", subnetIds: balancer.subnetIds, securityGroupIds: [], port: targetPort, protocol: "tcp" }, "ipv4"), securityGroupIds: balancer.securityGroupIds };
    const admitted = workloadAdmission(model, group.vpcId ?? "", undefined, caller, "tcp", targetPort);
    if (admitted === undefined) {
      return current.deny(
        "target",
        `no security group in ${vpcLabel(model.vpc(group.vpcId ?? ""), model)} admits ${caller.label} (its security group, or ${BALANCER_PLACEMENT}) on ${targetPort}: targets of ${labelOf(group)} drop its traffic and health checks`,
        group.address,
      );
    }
    current = current
      .pass("target", `target ${target.id} of ${labelOf(group)} on ${targetPort}, admitted by security group ${admitted.group.label}`, admitted.rule.source)
      .assume(`security group ${admitted.group.label} is attached to target ${target.id}`);
  }
  return current;
}
