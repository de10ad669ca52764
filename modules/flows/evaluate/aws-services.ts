import { isAnyAddressCidr, parseCidr } from "../../core/addresses";
import { parseArn } from "../../core/arns";
import { EndpointEntity } from "../model/entities";
import { FlowVerdict, Path } from "../verdict";
import { FlowContext, internetRouteOf, labelOf, vpcLabel } from "./context";
import { madeElsewhere, noRouteFrom, reach, rulePermits, subnetName } from "./network";
import { asGatewayEndpointPolicy, callerOf, evaluateFor, GatewayEndpointReading } from "./policies";

/** An AWS service reached through an interface endpoint (in the client's VPC, or a hub's through a private hosted zone). */
export function awsServiceThroughInterface(path: Path, context: FlowContext, endpoint: EndpointEntity): FlowVerdict {
  const service = endpoint.serviceName ?? "an AWS service";
  let current = path.pass(
    "endpoint",
    `interface endpoint ${labelOf(endpoint)} to ${service} in ${vpcLabel(context.model.vpc(endpoint.vpcId), context.model)}`,
    endpoint.address,
  );
  if (endpoint.subnetIds === undefined)
    current = current.assume(`${labelOf(endpoint)} is placed in the subnets whose AZs ${service} supports (chosen at plan time)`);
  const reached = reach(current, context, {
    label: `VPC endpoint ${labelOf(endpoint)}`,
    address: endpoint.address,
    vpcId: endpoint.vpcId,
    subnetIds: endpoint.subnetIds,
    securityGroupIds: endpoint.securityGroupIds,
    port: context.port,
    protocol: context.protocol,
  });
  if (!(reached instanceof Path)) return reached;
  return servicePolicies(reached, context, endpoint);
}

/**
 * An AWS service reached by its public name: through a gateway endpoint in
 * the route tables of the client's subnets (S3, DynamoDB), else over the
 * internet if the VPC has a way there. Of a route table made elsewhere (an
 * imported subnet's) only the routes this stack adds are known: as for
 * routes out of the VPC, a route none of them proves is denied, and one they
 * prove assumes the table has no more specific route of its own.
 */
export function awsServiceByPublicName(path: Path, context: FlowContext, serviceName: string): FlowVerdict {
  const { model, source } = context;
  const gateways = model.endpoints.filter((e) => e.endpointType === "Gateway" && e.serviceName === serviceName && e.vpcId === source.vpc?.id);
  if (source.subnets.length === 0) {
    const gateway = gateways[0];
    if (gateway === undefined)
      return path.deny(
        "route",
        source.vpc?.external === true
          ? `no route from ${source.label} to ${serviceName} can be proven: its subnets and their route tables are made elsewhere and not given (Vpc.fromVpcAttributes), and this stack has no gateway endpoint to ${serviceName} in it`
          : `${source.label} has no gateway endpoint to ${serviceName}, and its route tables are not in this stack`,
      );
    return servicePolicies(
      path
        .pass(
          "endpoint",
          `gateway endpoint ${labelOf(gateway)} routes ${serviceName} for route tables ${gateway.routeTableIds.join(", ")}`,
          gateway.address,
        )
        .assume(`the client's subnets use route tables ${gateway.routeTableIds.join(", ")}`),
      context,
      gateway,
    );
  }
  let current = path;
  let used: EndpointEntity | undefined;
  for (const subnet of source.subnets) {
    const table = subnet.routeTableId === undefined ? undefined : model.routeTable(subnet.routeTableId);
    // A table made elsewhere may hold a more specific route of its own for the service's addresses.
    const ownRoutesUnknown = (): void => {
      if (madeElsewhere(table))
        current = current.assume(
          `route table ${labelOf(table!)} of ${subnetName(subnet)} is made elsewhere: none of its own routes (not in this stack) is more specific for ${serviceName}'s addresses than the one this stack adds`,
        );
    };
    const prefixRoute = table?.routes.find((r) => r.kind === "gatewayEndpoint" && r.destination === `pl:${serviceName}`);
    if (prefixRoute !== undefined) {
      used = gateways.find((g) => g.id === prefixRoute.target) ?? used;
      current = current.pass(
        "route",
        `route table ${labelOf(table!)} sends ${serviceName} to gateway endpoint ${used === undefined ? prefixRoute.target : labelOf(used)}`,
        prefixRoute.source,
      );
      ownRoutesUnknown();
      continue;
    }
    const internet = internetRouteOf(model, subnet).route;
    if (internet !== undefined) {
      current = current.pass(
        "internet",
        `route table ${labelOf(table!)} sends ${serviceName}'s public addresses to ${internet.kind === "natGateway" ? "a NAT gateway" : "an internet gateway"}: the traffic leaves the AWS private network`,
        internet.source,
      );
      ownRoutesUnknown();
      continue;
    }
    const unapplied =
      source.vpc?.dnsHostnames === false
        ? model.endpoints.find(
            (e) => e.vpcId === source.vpc?.id && e.endpointType === "Interface" && e.privateDnsEnabled && e.serviceName === serviceName,
          )
        : undefined;
    const interfaces =
      unapplied === undefined
        ? "no interface endpoint with private DNS in the VPC"
        : `the private DNS of interface endpoint ${labelOf(unapplied)} does not apply (the VPC has enable_dns_hostnames false: turn it on)`;
    // A table made elsewhere (or an imported subnet whose table is not given): its own routes are unknown, not absent.
    if (madeElsewhere(table) || (table === undefined && madeElsewhere(subnet)))
      return current.deny(
        "route",
        `${noRouteFrom(subnet, table, source.label)} to ${serviceName}${table === undefined ? " can be proven" : " (neither a gateway endpoint route nor a route to an internet or NAT gateway)"}; ${interfaces}`,
        table?.address ?? subnet.address,
      );
    return current.deny(
      "route",
      `${table === undefined ? `subnet ${labelOf(subnet)} has no known route table (no route table association, and its VPC's main route table is not in this stack), so ${source.label}` : `route table ${labelOf(table)} of ${source.label}`} has no route to ${serviceName}: no gateway endpoint in it, ${interfaces}, no internet route`,
      table?.address ?? subnet.address,
    );
  }
  const group = source.securityGroup;
  if (group !== undefined) {
    // A gateway endpoint's own prefix list must be this service's; a managed prefix list of this stack is a customer's, never
    // an AWS service's; a literal pl- ID may be the service's (AWS's list of it in this Region), which the verdict then assumes.
    const ownList = (id: string): boolean => context.model.managedPrefixLists.some((l) => l.id === id);
    const rule = group.egress.find(
      (r) =>
        rulePermits(r, context.protocol, context.port) &&
        ((r.peer.kind === "prefixList" &&
          (r.peer.prefixListId.startsWith("pl:") ? r.peer.prefixListId === `pl:${serviceName}` : !ownList(r.peer.prefixListId))) ||
          (r.peer.kind === "cidr" && isAnyAddressCidr(r.peer.cidr))),
    );
    if (rule?.peer.kind === "prefixList" && !rule.peer.prefixListId.startsWith("pl:"))
      current = current.assume(
        `prefix list ${rule.peer.prefixListId} of ${rule.source} is ${serviceName}'s (the list AWS keeps of the service's addresses in this Region)`,
      );
    // A group made elsewhere has rules of its own this stack does not hold: an assumption, as for interface endpoints (network.ts).
    if (rule === undefined && group.external)
      current = current.assume(
        `security group ${group.label} is made elsewhere: its own rules let ${context.protocol} ${context.port} out to ${serviceName} (only the rules this configuration adds to it are known)`,
      );
    else if (rule === undefined)
      return current.deny(
        "security-group",
        `security group ${group.label} has no egress to ${serviceName}'s prefix list on ${context.protocol} ${context.port}`,
        group.address,
      );
    else current = current.pass("security-group", `security group ${group.label} lets ${context.port} out to ${serviceName}`, rule.source);
  }
  return used === undefined ? current.allow() : servicePolicies(current, context, used);
}

/**
 * The endpoint policy, then the resource's own policy (an S3 bucket's, a
 * DynamoDB table's). A gateway
 * endpoint's policy is read as AWS reads it there: an account in a
 * Principal element is its root user only (asGatewayEndpointPolicy).
 */
function servicePolicies(path: Path, context: FlowContext, endpoint: EndpointEntity): FlowVerdict {
  const request = context.destination.request;
  if (request?.action === undefined) {
    return path.assume(`the endpoint policy of ${labelOf(endpoint)} is not evaluated: the flow names no request action`).allow();
  }
  const resource = request.resource ?? "*";
  const action = request.action;
  const own = resourcePolicyOf(context, resource);
  const base = { "aws:SourceVpce": endpoint.id, "aws:SourceVpc": endpoint.vpcId, ...resourceKeys(context, resource) };
  // Every address the client may send from, as aws:VpcSourceIp, where a policy reads it: the request passes only if it passes from each.
  const keySets = vpcSourceIps(context, [endpoint.policy, own?.policy]).map((ip) => (ip === undefined ? base : { ...base, "aws:VpcSourceIp": ip }));
  const decide = (policy: string, name: string) =>
    keySets.map((keys) => evaluateFor(context, policy, name, action, resource, keys)).find((v) => v.decision !== "Allowed") ??
    evaluateFor(context, policy, name, action, resource, keySets[0]);
  let current = path;
  if (endpoint.policy === undefined) {
    current = current.pass("endpoint-policy", `${labelOf(endpoint)} has no endpoint policy: AWS's default allows every request`, endpoint.address);
  } else {
    const name = `endpoint policy of ${labelOf(endpoint)}`;
    const gateway = endpoint.endpointType === "Gateway" ? asGatewayEndpointPolicy(endpoint.policy, callerOf(context)) : undefined;
    const verdict = decide(gateway?.policy ?? endpoint.policy, name);
    const allowed = verdict.decision === "Allowed";
    // Say why where the root-user-only reading decides: the same document would decide otherwise on an interface endpoint.
    const rootOnly =
      gateway !== undefined && gateway.rootOnly.length > 0 && (decide(endpoint.policy, name).decision === "Allowed") !== allowed
        ? rootUserOnly(gateway, callerOf(context).arn, allowed)
        : "";
    const text = `${verdict.explanation} for ${request.action} on ${resource}${rootOnly}`;
    if (!allowed) return current.deny("endpoint-policy", text, endpoint.address);
    current = current.pass("endpoint-policy", text, endpoint.address);
  }
  if (own === undefined) return current.allow();
  const verdict = decide(own.policy, own.name);
  if (verdict.decision === "ExplicitlyDenied")
    return current.deny(own.kind, `${verdict.explanation} for ${request.action} on ${resource}`, own.address);
  return current.pass(own.kind, `${own.name} does not deny ${request.action} through ${labelOf(endpoint)}`, own.address).allow();
}

/** What a request's resource is, when its service has resource policies the model reads: an S3 bucket, or a DynamoDB table (or one of its indexes). */
function resourceOf(resource: string): { readonly kind: "bucket-policy" | "table-policy"; readonly key: string; readonly label: string } | undefined {
  const bucket = /^arn:aws[a-z-]*:s3:::([^/]+)/.exec(resource)?.[1];
  if (bucket !== undefined) return { kind: "bucket-policy", key: bucket, label: `S3 bucket ${bucket}` };
  // A table's policy covers its indexes (…:table/orders/index/by-customer).
  const table = /^arn:aws[a-z-]*:dynamodb:[^:]*:\d{12}:table\/([^/]+)/.exec(resource)?.[1];
  return table === undefined ? undefined : { kind: "table-policy", key: table, label: `DynamoDB table ${table}` };
}

/** The resource's own policy, which a request meets after the endpoint's: a bucket policy, or a DynamoDB table's resource policy. */
function resourcePolicyOf(
  context: FlowContext,
  resource: string,
): { readonly kind: "bucket-policy" | "table-policy"; readonly name: string; readonly address: string; readonly policy: string } | undefined {
  const target = resourceOf(resource);
  if (target === undefined) return undefined;
  const found = (target.kind === "bucket-policy" ? context.model.bucketPolicies : context.model.tablePolicies).get(target.key);
  if (found === undefined) return undefined;
  const name = target.kind === "bucket-policy" ? `bucket policy of ${target.key}` : `resource policy of ${target.label}`;
  return { kind: target.kind, name, ...found };
}

/**
 * The values of `aws:VpcSourceIp`, the client's private address that AWS
 * puts on every request through a VPC endpoint: when one of the policies
 * reads the key, the first and the last address of each of the client's
 * ranges (its subnets, or the given one), so that a condition on a range
 * holds for the whole client or the flow is denied; otherwise one
 * evaluation without it (`undefined`). Without known ranges the key is
 * absent, as for a client the model cannot place.
 */
function vpcSourceIps(context: FlowContext, policies: readonly (string | undefined)[]): readonly (string | undefined)[] {
  if (!policies.some((policy) => policy !== undefined && /vpcsourceip/i.test(policy))) return [undefined];
  const ends = context.source.cidrs.flatMap((cidr) => {
    const parsed = parseCidr(cidr);
    return parsed === undefined ? [] : [...new Set([parsed.first, parsed.last])].map((n) => addressText(n, parsed.family));
  });
  return ends.length === 0 ? [undefined] : [...new Set(ends)];
}

/** An address from its integer: dotted quad, or eight groups of hex (a form IAM's IpAddress operator reads). */
function addressText(value: bigint, family: "ipv4" | "ipv6"): string {
  const [groups, bits, base, separator] = family === "ipv4" ? [4, 8n, 10, "."] : [8, 16n, 16, ":"];
  const mask = (1n << bits) - 1n;
  return Array.from({ length: groups }, (_, i) => ((value >> (bits * BigInt(groups - 1 - i))) & mask).toString(base)).join(separator);
}

/** Why a gateway endpoint policy decides otherwise than the same document would on an interface endpoint. */
function rootUserOnly(reading: GatewayEndpointReading, caller: string, allowed: boolean): string {
  const accounts = [...new Set(reading.rootOnly.map((p) => p.account))].join(", ");
  const statements = [...new Set(reading.rootOnly.map((p) => p.statement))].join(", ");
  const plural = reading.rootOnly.length > 1;
  return (
    `: on a gateway endpoint AWS matches account ${accounts} in the ${reading.rootOnly.every((p) => p.notPrincipal) ? "NotPrincipal" : "Principal"} element of statement${plural ? "s" : ""} ${statements} to its root user only, not to ${caller}` +
    (allowed
      ? ""
      : ` (admit the account's roles and users by a condition on Principal "*": aws:PrincipalAccount for the account, aws:PrincipalArn for a role or user)`)
  );
}

/** `aws:ResourceOrgID` of the request's resource, when the flow says it or the resource is in the caller's (known) account. */
function resourceKeys(context: FlowContext, resource: string): Record<string, string> {
  const request = context.destination.request;
  const caller = context.source.principal;
  const account = parseArn(resource)?.account;
  const organization =
    request?.resourceOrganizationId ??
    (caller !== undefined && account !== undefined && account !== "" && account === caller.account ? caller.organizationId : undefined);
  return organization === undefined ? {} : { "aws:ResourceOrgID": organization };
}

/**
 * A request to an AWS service from outside every VPC (a pipeline, the
 * console): only the resource's own policy decides (an S3 bucket's, a
 * DynamoDB table's).
 */
export function awsServiceFromOutside(path: Path, context: FlowContext): FlowVerdict {
  const request = context.destination.request;
  if (request?.action === undefined || request.resource === undefined)
    return path.pass("internet", "the request reaches the service's public endpoint").allow();
  const current = path.pass(
    "internet",
    `the request reaches ${resourceOf(request.resource)?.label ?? "the service"} over its public endpoint, through no VPC endpoint`,
  );
  const own = resourcePolicyOf(context, request.resource);
  if (own === undefined) return current.allow();
  const verdict = evaluateFor(context, own.policy, own.name, request.action, request.resource, resourceKeys(context, request.resource));
  if (verdict.decision === "ExplicitlyDenied")
    return current.deny(own.kind, `${verdict.explanation} for ${request.action} on ${request.resource}`, own.address);
  return current.pass(own.kind, `${own.name} does not deny ${request.action}`, own.address).allow();
}
