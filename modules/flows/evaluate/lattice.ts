import { cidrContains, isIpAddress } from "../../core/addresses";
import { parseArn } from "../../core/arns";
import { KEYS_ABSENT_FROM_LATTICE_REQUESTS, VPC_LATTICE_SOURCE_CIDRS } from "../../core/aws-facts";
import {
  EndpointEntity,
  LatticeActionEntry,
  LatticeListenerEntry,
  LatticeRuleMatch,
  LatticeServiceEntity,
  LatticeTargetGroupEntity,
  ServiceNetworkEntity,
  ServiceNetworkVpcAssociationEntity,
  VpcEntity,
} from "../model/entities";
import { NetworkModel } from "../model/network-model";
import { bestOf, FlowVerdict, Path } from "../verdict";
import { FlowContext, labelOf, vpcLabel } from "./context";
import { reach, workloadAdmission } from "./network";
import { callerOf, evaluateFor } from "./policies";
import { checkShare, checkShareWithOutsider } from "./sharing";

/** How a client's VPC reaches a service network: its VPC association, or a ServiceNetwork endpoint. */
export type NetworkAccess =
  | { readonly kind: "association"; readonly network: ServiceNetworkEntity; readonly association: ServiceNetworkVpcAssociationEntity }
  | { readonly kind: "endpoint"; readonly network: ServiceNetworkEntity; readonly endpoint: EndpointEntity };

/** The ways the source VPC reaches networks that hold a member (a service or a resource configuration). */
export function networkAccesses(model: NetworkModel, vpcId: string | undefined, holds: (network: ServiceNetworkEntity) => boolean): NetworkAccess[] {
  const accesses: NetworkAccess[] = [];
  for (const association of model.vpcAssociations.filter((a) => a.vpcId === vpcId)) {
    const network = model.serviceNetwork(association.serviceNetwork);
    if (network !== undefined && holds(network)) accesses.push({ kind: "association", network, association });
  }
  for (const endpoint of model.endpoints.filter((e) => e.vpcId === vpcId && e.endpointType === "ServiceNetwork")) {
    const network = model.serviceNetwork(endpoint.serviceNetworkArn ?? "");
    if (network !== undefined && holds(network)) accesses.push({ kind: "endpoint", network, endpoint });
  }
  return accesses;
}

/** Into the network: the association's security groups (or the endpoint's), and the share across accounts. */
export function enterNetwork(path: Path, context: FlowContext, access: NetworkAccess): Path | FlowVerdict {
  const { model, source } = context;
  const network = access.network;
  let current = path;
  if (access.kind === "association") {
    const association = access.association;
    current = current.pass("association", `${source.label} is associated with service network ${network.name}`, association.address);
    if (association.securityGroupIds.length > 0) {
      const reached = reach(current, context, {
        label: `the service network association ${labelOf(association)}`,
        address: association.address,
        vpcId: association.vpcId,
        subnetIds: source.subnets.map((s) => s.id),
        cidrs: [source.family === "ipv4" ? VPC_LATTICE_SOURCE_CIDRS.ipv4 : VPC_LATTICE_SOURCE_CIDRS.ipv6],
        securityGroupIds: association.securityGroupIds,
        reachableByGroupReference: false,
        port: context.port,
        protocol: context.protocol,
      });
      if (!(reached instanceof Path)) return reached;
      current = reached;
    }
    return checkShare(current, model, { ...sharedNetwork(network), consumer: association, dependsOn: association.dependsOn });
  }
  const endpoint = access.endpoint;
  const reached = reach(
    current.pass("endpoint", `ServiceNetwork endpoint ${labelOf(endpoint)} to service network ${network.name}`, endpoint.address),
    context,
    {
      label: `VPC endpoint ${labelOf(endpoint)}`,
      address: endpoint.address,
      vpcId: endpoint.vpcId,
      subnetIds: endpoint.subnetIds,
      securityGroupIds: endpoint.securityGroupIds,
      port: context.port,
      protocol: context.protocol,
    },
  );
  if (!(reached instanceof Path)) return reached;
  return checkShare(reached, model, { ...sharedNetwork(network), consumer: endpoint, dependsOn: endpoint.dependsOn });
}

/** What a consumer of a network uses; a network made elsewhere is owned by the account in its ARN. */
export function sharedNetwork(network: ServiceNetworkEntity): { arns: string[]; label: string; ownerProvider: string; ownerAccount?: string } {
  const ownerAccount = network.external ? parseArn(network.arn)?.account : undefined;
  return {
    arns: [network.arn],
    label: `service network ${network.name}`,
    ownerProvider: network.provider,
    ...(ownerAccount === undefined ? {} : { ownerAccount }),
  };
}

/** A client VPC the stack only names: another account's, associated with a network in its own stack. */
function isMadeElsewhere(model: NetworkModel, vpc: VpcEntity | undefined): vpc is VpcEntity {
  return vpc !== undefined && vpc.external && model.vpc(vpc.id) === undefined;
}

/** Into a network of this stack from a VPC made elsewhere: the share must reach the caller's account; the association is its owner's. */
function enterFromElsewhere(path: Path, context: FlowContext, network: ServiceNetworkEntity): Path | FlowVerdict {
  const { model, source } = context;
  const caller = callerOf(context);
  const associated = path.assume(
    `${source.label} is associated with service network ${network.name} in its owner's stack, and the association's security groups admit the client on ${context.port}`,
  );
  return checkShareWithOutsider(associated, model, sharedNetwork(network), {
    account: source.account,
    organizationId: caller.organizationId,
    organizationPaths: caller.organizationPaths,
  });
}

/** True when the service is associated with the network. */
function holdsService(model: NetworkModel, network: ServiceNetworkEntity, service: LatticeServiceEntity): boolean {
  return model.serviceAssociations.some(
    (a) => model.serviceNetwork(a.serviceNetwork) === network && (a.member === service.arn || a.member === service.id),
  );
}

/**
 * A call to a VPC Lattice service: a way into a service network that holds
 * it, the network's and the service's auth policies, the listener and the
 * rule that matches the request, and the targets behind it.
 */
export function latticeServiceFlow(path: Path, context: FlowContext, service: LatticeServiceEntity, dialed: string): FlowVerdict {
  const { model, source } = context;
  const accesses = networkAccesses(model, source.vpc?.id, (n) => holdsService(model, n, service));
  const candidates = accesses.map((access) => {
    const entered = enterNetwork(path, context, access);
    if (!(entered instanceof Path)) return entered;
    return serviceBehindNetwork(entered, context, access.network, service, dialed);
  });
  if (accesses.length === 0 && isMadeElsewhere(model, source.vpc)) {
    for (const network of model.serviceNetworks.filter((n) => holdsService(model, n, service))) {
      const entered = enterFromElsewhere(path, context, network);
      candidates.push(entered instanceof Path ? serviceBehindNetwork(entered, context, network, service, dialed) : entered);
    }
  }
  return bestOf(candidates, () =>
    path.deny(
      "service-network",
      `${source.label} is neither associated with a service network that holds service ${service.name} nor has a ServiceNetwork endpoint to one`,
      service.address,
    ),
  );
}

/** A name VPC Lattice generates for a service: `<name>-<id>.<id>.vpc-lattice-svcs.<region>.on.aws`. */
export function isLatticeServiceName(name: string): boolean {
  return /^[a-z0-9-]+\.[0-9a-z]+\.vpc-lattice-svcs\.[a-z0-9-]+\.on\.aws$/.test(name);
}

/**
 * A call to a Lattice service this stack does not hold, by its generated
 * name: a consumer's stack sees its way into the network (association or
 * endpoint, share acceptance), and what the owner's side must grant is
 * assumed.
 */
export function latticeServiceMadeElsewhere(path: Path, context: FlowContext, dialed: string): FlowVerdict {
  const { model, source } = context;
  const request = context.destination.request ?? {};
  const caller = callerOf(context);
  const who = caller.anonymous ? "unsigned requests" : caller.arn;
  const candidates = networkAccesses(model, source.vpc?.id, () => true).map((access) => {
    const entered = enterNetwork(path, context, access);
    if (!(entered instanceof Path)) return entered;
    return entered
      .assume(`service network ${access.network.name} holds the service ${dialed}, listening on ${context.port}, with healthy targets`)
      .assume(
        `the auth policies of service network ${access.network.name} and of the service allow ${who} to ${(request.method ?? "GET").toUpperCase()} ${request.path ?? "/"} (granted on the owner's side)`,
      )
      .allow();
  });
  return bestOf(candidates, () =>
    path.deny(
      "service-network",
      `${source.label} is neither associated with a service network nor has a ServiceNetwork endpoint to one: nothing carries its requests to ${dialed}`,
      source.vpc?.address,
    ),
  );
}

function serviceBehindNetwork(
  path: Path,
  context: FlowContext,
  network: ServiceNetworkEntity,
  service: LatticeServiceEntity,
  dialed: string,
): FlowVerdict {
  const listener = service.listeners.find((l) => l.port === context.port);
  if (listener === undefined)
    return path.deny(
      "listener",
      `service ${service.name} has no listener on ${context.port} (it listens on ${service.listeners.map((l) => l.port).join(", ") || "nothing"})`,
      service.address,
    );
  const passthrough = listener.protocol === "TLS_PASSTHROUGH";
  if (passthrough && dialed !== service.customDomainName) {
    return path.deny(
      "tls",
      `listener ${listener.name} of ${service.name} passes TLS through and routes on the SNI of its custom domain ${service.customDomainName ?? "(none)"}: clients must dial that name, not ${dialed}`,
      listener.address,
    );
  }
  const request = context.destination.request ?? {};
  const requestPath = request.path ?? "/";
  const method = (request.method ?? "GET").toUpperCase();
  // Auth policies name a request to a service as <service ARN>/<path>, a request to /rates as service/svc-.../rates
  // (VPC Lattice User Guide, auth-policies, "Resource format for auth policies").
  const resource = `${service.arn}${requestPath.startsWith("/") ? requestPath : `/${requestPath}`}`;
  const lattice: Record<string, string | readonly string[]> = {
    "vpc-lattice-svcs:SourceVpc": context.source.vpc?.id ?? "",
    "vpc-lattice-svcs:ServiceNetworkArn": network.arn,
    "vpc-lattice-svcs:ServiceArn": service.arn,
    // The destination port of the request: a condition key of Invoke and Connect alike.
    "vpc-lattice-svcs:Port": String(listener.port),
    ...(context.source.account === undefined ? {} : { "vpc-lattice-svcs:SourceVpcOwnerAccount": context.source.account }),
    ...(passthrough ? {} : { "vpc-lattice-svcs:RequestMethod": method, "vpc-lattice-svcs:RequestPath": requestPath }),
    ...Object.fromEntries(Object.entries(request.headers ?? {}).map(([k, v]) => [`vpc-lattice-svcs:RequestHeader/${k.toLowerCase()}`, v])),
  };
  // A TLS_PASSTHROUGH listener never sees the request, so nothing is signed: the policies judge an anonymous caller.
  const callerContext = passthrough
    ? { ...context, source: { ...context.source, principal: { ...callerOf(context), arn: "anonymous", anonymous: true } } }
    : context;
  let current = path;
  for (const [kind, owner] of [
    ["service network", network],
    ["service", service],
  ] as const) {
    const gate = authGate(current, callerContext, kind, owner.name, owner.authType, owner.authPolicy, resource, lattice, owner.address);
    if (!(gate instanceof Path)) return gate;
    current = gate;
  }
  current = callerIdentityPolicy(current, callerContext, service, [network.authType, service.authType]);
  return listenerFlow(current, context, service, listener, { method, path: requestPath, headers: request.headers ?? {} });
}

/**
 * Across accounts IAM needs both sides: the auth policy admits the caller,
 * and the caller's own identity policy must allow vpc-lattice-svcs:Invoke
 * on the service (latticeInvokePolicy renders it). The stack cannot see the
 * caller's account's policies, so a signed cross-account caller passes with
 * that assumption.
 */
function callerIdentityPolicy(path: Path, context: FlowContext, service: LatticeServiceEntity, authTypes: readonly string[]): Path {
  const caller = callerOf(context);
  if (caller.anonymous || !authTypes.includes("AWS_IAM")) return path;
  const callerAccount = parseArn(caller.arn)?.account ?? context.source.account;
  const serviceAccount = parseArn(service.arn)?.account ?? context.model.accountOf(service.provider);
  if (callerAccount === undefined || serviceAccount === undefined || callerAccount === serviceAccount) return path;
  return path.assume(
    `the identity policy of ${caller.arn} in account ${callerAccount} allows vpc-lattice-svcs:Invoke on service ${service.name} (account ${serviceAccount}): across accounts the auth policy alone does not let it in`,
  );
}

function authGate(
  path: Path,
  context: FlowContext,
  kind: string,
  name: string,
  authType: string,
  policy: string | undefined,
  resource: string,
  keys: Record<string, string | readonly string[]>,
  address: string,
): Path | FlowVerdict {
  if (authType === "NONE") return path.pass("auth-policy", `${kind} ${name} authenticates nobody (auth type NONE)`, address);
  if (authType === "unknown") return path.assume(`the auth policy of ${kind} ${name} (made elsewhere) allows the caller`);
  if (policy === undefined)
    return path.deny("auth-policy", `${kind} ${name} has auth type AWS_IAM and no auth policy: VPC Lattice denies every request`, address);
  const verdict = evaluateFor(context, policy, `auth policy of ${kind} ${name}`, "vpc-lattice-svcs:Invoke", resource, keys);
  if (verdict.decision !== "Allowed") return path.deny("auth-policy", `${verdict.explanation}${absentKeyHint(verdict.missedConditionKeys)}`, address);
  return path.pass("auth-policy", verdict.explanation, address);
}

/** Why an Allow on a key VPC Lattice never provides matched nothing, and what to write instead; empty for any other miss. */
function absentKeyHint(missed: readonly string[] = []): string {
  const hints = missed.flatMap((key) => {
    const instead = KEYS_ABSENT_FROM_LATTICE_REQUESTS[key.toLowerCase()];
    return instead === undefined ? [] : [`${key} is not in a VPC Lattice request (AWS adds it only through a VPC endpoint): use ${instead}`];
  });
  return hints.length === 0 ? "" : `; ${hints.join("; ")}`;
}

interface MatchedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
}

function matches(match: LatticeRuleMatch, request: MatchedRequest): boolean {
  if (match.method !== undefined && match.method.toUpperCase() !== request.method) return false;
  if (match.path !== undefined) {
    const same = (a: string, b: string): boolean => (match.path!.caseSensitive ? a === b : a.toLowerCase() === b.toLowerCase());
    const starts = (a: string, b: string): boolean => (match.path!.caseSensitive ? a.startsWith(b) : a.toLowerCase().startsWith(b.toLowerCase()));
    if (match.path.exact !== undefined && !same(request.path, match.path.exact)) return false;
    if (match.path.prefix !== undefined && !starts(request.path, match.path.prefix)) return false;
  }
  const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), v]));
  return match.headers.every((h) => {
    const value = headers[h.name];
    if (value === undefined) return false;
    const [actual, wanted] = h.caseSensitive
      ? [value, h.exact ?? h.prefix ?? h.contains ?? ""]
      : [value.toLowerCase(), (h.exact ?? h.prefix ?? h.contains ?? "").toLowerCase()];
    if (h.exact !== undefined) return actual === wanted;
    if (h.prefix !== undefined) return actual.startsWith(wanted);
    return actual.includes(wanted);
  });
}

function listenerFlow(
  path: Path,
  context: FlowContext,
  service: LatticeServiceEntity,
  listener: LatticeListenerEntry,
  request: MatchedRequest,
): FlowVerdict {
  const rule = listener.protocol === "TLS_PASSTHROUGH" ? undefined : listener.rules.find((r) => matches(r.match, request));
  const action: LatticeActionEntry = rule?.action ?? listener.defaultAction;
  const by =
    rule === undefined
      ? `the default action of listener ${listener.name}`
      : `rule ${rule.name} (priority ${rule.priority}) of listener ${listener.name}`;
  if (action.kind === "fixedResponse")
    return path.deny(
      "listener",
      `${by} answers ${request.method} ${request.path} with a fixed ${action.statusCode} response: no target serves it`,
      rule?.address ?? listener.address,
    );
  let current = path.pass(
    "listener",
    `${by} of service ${service.name} forwards ${listener.protocol === "TLS_PASSTHROUGH" ? "the TLS stream" : `${request.method} ${request.path}`}`,
    rule?.address ?? listener.address,
  );
  const live = action.targetGroups.filter((t) => t.weight > 0);
  if (live.length === 0) return current.deny("listener", `${by} forwards with weight 0 to every target group`, rule?.address ?? listener.address);
  for (const weighted of live) {
    const group = context.model.latticeTargetGroups.find((g) => g.id === weighted.id || g.arn === weighted.id);
    if (group === undefined) {
      const range = context.source.family === "ipv6" ? VPC_LATTICE_SOURCE_CIDRS.ipv6 : VPC_LATTICE_SOURCE_CIDRS.ipv4;
      current = current.assume(
        `target group ${weighted.id} (made elsewhere) has healthy targets, whose security groups admit VPC Lattice (${range})`,
      );
      continue;
    }
    const result = targetGroupFlow(current, context.model, group);
    if (!(result instanceof Path)) return result;
    current = result;
  }
  return current.allow();
}

/**
 * The targets of a Lattice target group, reachable from VPC Lattice's source ranges (traffic and health checks).
 * VPC Lattice proxies: it connects to the targets in the target group's address family, whatever the client's.
 */
export function targetGroupFlow(path: Path, model: NetworkModel, group: LatticeTargetGroupEntity): Path | FlowVerdict {
  if (group.targetType === "LAMBDA") return lambdaTargets(path, model, group);
  const range = group.ipAddressType === "IPV6" ? VPC_LATTICE_SOURCE_CIDRS.ipv6 : VPC_LATTICE_SOURCE_CIDRS.ipv4;
  if (group.targets.length === 0) {
    if (group.registeredBy === undefined) return path.deny("target", `target group ${group.name} has no registered targets`, group.address);
    // Whoever registers them, the targets still have to let VPC Lattice in.
    const registered = path
      .pass("target", `targets of ${group.name} are registered by ${group.registeredBy}`, group.address)
      .assume(`${group.registeredBy} registers healthy targets in ${group.name}`);
    return admitsLattice(
      registered,
      model,
      group,
      range,
      `the targets ${group.registeredBy} registers in ${group.name}`,
      group.port ?? 443,
      group.address,
    );
  }
  const vpc = model.vpc(group.vpcId ?? "");
  let current = path;
  for (const target of group.targets) {
    const port = target.port ?? group.port ?? 443;
    if (group.targetType === "IP" && isIpAddress(target.id) && vpc !== undefined && !vpc.external) {
      // A literal IPv6 address cannot be compared with the stand-in of an Amazon-provided block: that it is inside is assumed.
      const unknownBlock = target.id.includes(":") && vpc.ipv6Synthetic === true;
      const cidrs = [...vpc.ipv4Cidrs, ...vpc.ipv6Cidrs];
      if (unknownBlock)
        current = current.assume(
          `target ${target.id} of ${group.name} is in the Amazon-provided IPv6 block of ${vpcLabel(vpc, model)}, known at apply`,
        );
      else if (cidrs.length > 0 && !cidrs.some((c) => cidrContains(c, target.id))) {
        return current.deny(
          "target",
          `target ${target.id} of ${group.name} is outside ${vpcLabel(vpc, model)} (${cidrs.join(", ")})`,
          target.address,
        );
      }
    }
    const admitted = admitsLattice(
      current,
      model,
      group,
      range,
      group.targetType === "ALB" ? `Application Load Balancer ${target.id}` : `target ${target.id} of ${group.name}`,
      port,
      target.address,
    );
    if (!(admitted instanceof Path)) return admitted;
    current = admitted;
  }
  return current;
}

/**
 * VPC Lattice's range admitted to the targets on their port and the health-check port: by the
 * targets' declared security groups, else by some group of their VPC (assumed attached to them).
 * An ALB's groups are only known when declared.
 */
function admitsLattice(
  path: Path,
  model: NetworkModel,
  group: LatticeTargetGroupEntity,
  range: string,
  targets: string,
  port: number,
  address: string,
): Path | FlowVerdict {
  if (group.targetType === "ALB" && group.targetSecurityGroupIds === undefined) {
    return path
      .pass("target", `target group ${group.name} forwards to ${targets} on ${port}`, address)
      .assume(`the security group of ${targets} admits VPC Lattice (${range}) on ${port}`);
  }
  const vpc = model.vpc(group.vpcId ?? "");
  // ALBs are not health-checked by VPC Lattice.
  // Health checks go to their own port unless they are off: then the traffic port alone must be open.
  const ports = group.targetType === "ALB" || !group.healthChecked ? [port] : [...new Set([port, group.healthCheckPort ?? port])];
  let current = path;
  for (const checkedPort of ports) {
    const admitted = workloadAdmission(
      model,
      group.vpcId ?? "",
      group.targetSecurityGroupIds,
      { label: `VPC Lattice (${range})`, cidrs: [range], securityGroupIds: [] },
      "tcp",
      checkedPort,
    );
    if (admitted === undefined) {
      const where =
        group.targetSecurityGroupIds === undefined
          ? `no security group in ${vpcLabel(vpc, model)}`
          : `none of the security groups of the targets of ${group.name}`;
      return current.deny(
        "target",
        `${where} admits VPC Lattice (${range}) on ${checkedPort}: health checks and traffic to ${targets} fail`,
        group.address,
      );
    }
    current = current.pass(
      "target",
      `security group ${admitted.group.label} admits VPC Lattice on ${checkedPort} to ${targets}`,
      admitted.rule.source,
    );
    if (!admitted.declared) current = current.assume(`security group ${admitted.group.label} is attached to the targets of ${group.name}`);
    // A declared group is one the caller says the ALB wears: the ALB itself (an ARN) is not in this configuration to show it.
    else if (group.targetType === "ALB") current = current.assume(`security group ${admitted.group.label} is attached to ${targets}`);
  }
  return current;
}

function lambdaTargets(path: Path, model: NetworkModel, group: LatticeTargetGroupEntity): Path | FlowVerdict {
  if (group.targets.length === 0) return path.deny("target", `Lambda target group ${group.name} has no function registered`, group.address);
  let current = path;
  for (const target of group.targets) {
    const [, name, qualifier] = /^(.*:function:[^:]+)(?::(.+))?$/.exec(target.id) ?? [undefined, target.id, undefined];
    const permission = model.lambdaPermissions.find(
      (p) =>
        p.principal === "vpc-lattice.amazonaws.com" &&
        (p.action === "lambda:InvokeFunction" || p.action === "lambda:*") &&
        (p.functionName === target.id || (p.functionName === name && (p.qualifier ?? undefined) === qualifier)) &&
        (p.sourceArn === undefined || p.sourceArn === group.arn),
    );
    if (permission === undefined)
      return current.deny(
        "lambda",
        `function ${target.id} grants vpc-lattice.amazonaws.com no lambda:InvokeFunction for target group ${group.name}`,
        target.address,
      );
    current = current.pass("lambda", `VPC Lattice may invoke ${target.id} for ${group.name}`, permission.address);
  }
  return current;
}
