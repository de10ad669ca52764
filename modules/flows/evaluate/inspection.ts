import { RECORDED_OPT_OUTS } from "../../core/opt-out";
import { EndpointEntity, LoadBalancerEntity, RouteEntry, SubnetEntity } from "../model/entities";
import { NetworkModel } from "../model/network-model";
import { FlowVerdict, Path } from "../verdict";
import { labelOf, recordedOptOut } from "./context";
import { workloadAdmission } from "./network";
import { contractOf, creatorAllowed, sharedZones } from "./privatelink";

/** The port a Gateway Load Balancer sends GENEVE-encapsulated traffic to its appliances on. */
const GENEVE_PORT = 6081;

/** The GatewayLoadBalancer endpoint a route sends traffic to; undefined for every other next hop. */
export function inspectionEndpointOf(model: NetworkModel, route: RouteEntry | undefined): EndpointEntity | undefined {
  if (route?.kind !== "vpcEndpoint") return undefined;
  const endpoint = model.endpoints.find((e) => e.id === route.target);
  return endpoint?.endpointType === "GatewayLoadBalancer" ? endpoint : undefined;
}

/** The subnet of a GatewayLoadBalancer endpoint (AWS gives each exactly one): its route table carries the traffic on after inspection. */
export function subnetOfEndpoint(model: NetworkModel, endpoint: EndpointEntity): SubnetEntity | undefined {
  return model.subnet(endpoint.subnetIds?.[0] ?? "");
}

/** The path through an inspection endpoint, unless it passed that endpoint's appliances already (a flow that re-enters the same inspection). */
export function inspectOnce(path: Path, model: NetworkModel, endpoint: EndpointEntity): Path | FlowVerdict {
  return path.hops.some((h) => h.address === endpoint.address && h.kind === "inspection") ? path : inspectThrough(path, model, endpoint);
}

/**
 * Traffic routed to a GatewayLoadBalancer endpoint passes the appliances
 * behind the endpoint service and comes back out of the endpoint when the
 * appliance side is healthy: the endpoint may connect (an allowed
 * principal creates it, the provider accepts it), it is in a zone of the
 * Gateway Load Balancer, the load balancer has a listener and a GENEVE
 * target group with appliances registered, and the appliances' security
 * groups admit GENEVE (UDP 6081) and the health checks from the load
 * balancer's subnets. A service of another configuration is judged by the
 * terms recorded on the endpoint, and its appliances are taken as given.
 */
export function inspectThrough(path: Path, model: NetworkModel, endpoint: EndpointEntity): Path | FlowVerdict {
  const label = `GatewayLoadBalancer endpoint ${labelOf(endpoint)}`;
  const service = model.endpointServices.find((s) => s.serviceName === endpoint.serviceName);
  if (service === undefined) {
    const contract = contractOf(model, endpoint);
    let current = path.pass(
      "inspection",
      `${label} sends the traffic to ${endpoint.serviceName}, offered by another configuration`,
      endpoint.address,
    );
    if (contract?.allowedPrincipalArns !== undefined) {
      const allowed = creatorAllowed(
        current,
        model,
        endpoint,
        `endpoint service ${endpoint.serviceName} (its provider's terms)`,
        contract.allowedPrincipalArns,
        endpoint.address,
      );
      if (!(allowed instanceof Path)) return allowed;
      current = allowed;
    }
    if (contract?.availabilityZoneIds !== undefined) {
      const zones = sharedZones(model, endpoint, {
        label: endpoint.serviceName ?? "the service",
        kind: "the service",
        account: "of the provider",
        zones: contract.availabilityZoneIds.map((id) => ({ id })),
      });
      if (!zones.ok) return current.deny("availability-zone", zones.text, endpoint.address);
      current = current.pass("availability-zone", zones.text, endpoint.address);
    }
    return current.assume(
      `the provider of ${endpoint.serviceName} accepts ${labelOf(endpoint)}, and its appliances inspect the traffic and return it`,
    );
  }
  let current = path.pass("inspection", `${label} sends the traffic to endpoint service ${labelOf(service)} for inspection`, endpoint.address);
  if (service.gatewayLoadBalancerArns.length === 0) {
    return current.deny(
      "endpoint-service",
      `endpoint service ${labelOf(service)} fronts no Gateway Load Balancer: a GatewayLoadBalancer endpoint cannot connect to it`,
      service.address,
    );
  }
  const allowed = creatorAllowed(current, model, endpoint, `endpoint service ${labelOf(service)}`, service.allowedPrincipals, service.address);
  if (!(allowed instanceof Path)) return allowed;
  current = allowed;
  if (service.acceptanceRequired && !service.acceptedEndpointIds.includes(endpoint.id)) {
    return current.deny(
      "acceptance",
      `${labelOf(endpoint)} stays pendingAcceptance: ${labelOf(service)} requires acceptance and nothing in the stack accepts this endpoint, so routed traffic is dropped`,
      service.address,
    );
  }
  current = current.pass(
    "acceptance",
    service.acceptanceRequired ? `the provider accepts ${labelOf(endpoint)}` : `${labelOf(service)} accepts connections without review`,
    service.address,
  );
  const balancer = service.gatewayLoadBalancerArns
    .map((arn) => model.loadBalancers.find((lb) => lb.arn === arn))
    .find((lb): lb is LoadBalancerEntity => lb !== undefined);
  if (balancer === undefined)
    return current.assume(
      `the Gateway Load Balancers of ${labelOf(service)} (${service.gatewayLoadBalancerArns.join(", ")}) are not in this stack: their appliances are taken to inspect and return the traffic`,
    );
  return appliancesHealthy(current, model, endpoint, balancer);
}

/** The Gateway Load Balancer's side: zone, listener, GENEVE target group, registered appliances that admit GENEVE and the health checks. */
function appliancesHealthy(path: Path, model: NetworkModel, endpoint: EndpointEntity, balancer: LoadBalancerEntity): Path | FlowVerdict {
  const subnets = balancer.subnetIds.map((id) => model.subnet(id)).filter((s): s is SubnetEntity => s !== undefined);
  const zones = sharedZones(model, endpoint, {
    label: labelOf(balancer),
    kind: "the load balancer",
    account: model.accountOf(balancer.provider) ?? balancer.provider,
    zones: subnets.map((s) => ({ id: s.availabilityZoneId, name: s.availabilityZone })),
  });
  if (!zones.ok) return path.deny("availability-zone", zones.text, balancer.address);
  let current = path.pass("availability-zone", zones.text, balancer.address);
  const listener = balancer.listeners[0];
  if (listener === undefined)
    return current.deny(
      "listener",
      `Gateway Load Balancer ${labelOf(balancer)} has no listener: it forwards nothing to its appliances`,
      balancer.address,
    );
  const callers = {
    label: `Gateway Load Balancer ${labelOf(balancer)}`,
    cidrs: subnets.map((s) => s.ipv4Cidr).filter((c): c is string => c !== undefined),
    securityGroupIds: [],
  };
  for (const arn of listener.targetGroupArns) {
    const group = model.loadBalancerTargetGroups.find((g) => g.arn === arn);
    if (group === undefined) {
      current = current.assume(`target group ${arn} (not in this stack) holds healthy appliances`);
      continue;
    }
    if (group.protocol !== undefined && group.protocol !== "GENEVE") {
      return current.deny(
        "target",
        `target group ${labelOf(group)} speaks ${group.protocol}: a Gateway Load Balancer forwards GENEVE only`,
        group.address,
      );
    }
    const registeredBy = recordedOptOut(group, RECORDED_OPT_OUTS.targetsRegisteredElsewhere);
    if (group.targets.length === 0) {
      if (registeredBy === undefined)
        return current.deny(
          "target",
          `target group ${labelOf(group)} has no registered appliances: the Gateway Load Balancer drops what the endpoints send`,
          group.address,
        );
      current = current.assume(`appliances are registered in ${labelOf(group)} elsewhere (${registeredBy})`);
    }
    for (const [protocol, port, what] of [
      ["udp", GENEVE_PORT, "GENEVE (UDP 6081)"],
      ["tcp", group.healthCheckPort ?? GENEVE_PORT, "health checks"],
    ] as const) {
      const admitted = workloadAdmission(model, group.vpcId ?? "", undefined, callers, protocol, port);
      if (admitted === undefined) {
        return current.deny(
          "target",
          `no security group in the appliances' VPC admits ${what} from ${callers.label} (${callers.cidrs.join(", ") || "its subnets"}): the appliances of ${labelOf(group)} are ${protocol === "udp" ? "unreachable" : "never healthy"}`,
          group.address,
        );
      }
      current = current
        .pass(
          "target",
          `appliances of ${labelOf(group)} admit ${what} from ${callers.label}, in security group ${admitted.group.label}`,
          admitted.rule.source,
        )
        .assume(`security group ${admitted.group.label} is attached to the appliances`);
    }
  }
  return current
    .pass("inspection", `the appliances behind ${labelOf(balancer)} inspect the traffic and return it to ${labelOf(endpoint)}`, balancer.address)
    .assume(`the appliances' own policy lets this traffic through`);
}
