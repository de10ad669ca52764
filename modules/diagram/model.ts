import { verifyDeclaredFlows } from "../flows/declared";
import { resolveName } from "../flows/evaluate/dns";
import { NetworkModel } from "../flows/model/network-model";
import { Json, referencedAddresses } from "../flows/terraform/document";
import { isPlanJson } from "../flows/terraform/plan";
import { ValidationError } from "../core/errors";
import { canonicalDnsName } from "../core/formats";
import { synthesizedJsonProblem } from "../core/terraform-json-shape";

/**
 * Reads a synthesized stack (the cdk.tf.json object) into a graph of who
 * reaches what, through the flow analysis' reader of the JSON (one reader
 * for diagrams, guardrails and flows). Works on the JSON only, so it also
 * reads stacks synthesized elsewhere.
 *
 * - Accounts are the AWS provider configurations (default and aliases).
 * - Nodes are the resources a network engineer draws (VPCs, endpoints,
 *   endpoint services, Lattice service networks, services, target groups,
 *   resource configurations, resource gateways, RAM shares and the
 *   workloads behind them). Everything else (subnets, security groups,
 *   associations, listeners, policies) is glue.
 * - Edges follow the `${...}` references between resources, contracted
 *   through the glue: a service-network VPC association becomes VPC ->
 *   service network, a listener becomes service -> target group.
 * - References through placement arguments (`vpc_id`, `subnet_ids`, ...)
 *   place a node inside its VPC instead of drawing an edge.
 */

/** What a node is, from its Terraform resource type. */
export type DiagramNodeKind =
  | "vpc"
  | "endpoint"
  | "endpointService"
  | "serviceNetwork"
  | "service"
  | "targetGroup"
  | "resourceConfiguration"
  | "resourceGateway"
  | "resourceShare"
  | "loadBalancer"
  | "workload"
  | "awsService"
  | "principal";

/** An AWS account the stack deploys into: one AWS provider configuration. */
export interface DiagramAccount {
  /** Mermaid-safe ID. */
  readonly id: string;
  /** Provider alias. @default - the default provider */
  readonly alias?: string;
  /** Account ID from `allowed_account_ids` or the assumed role's ARN. @default - unknown (the credentials' account) */
  readonly accountId?: string;
  /** Title of the account's subgraph: alias and account ID. */
  readonly label: string;
}

/** A resource worth drawing, or a principal outside the stack's accounts. */
export interface DiagramNode {
  /** Mermaid-safe ID, unique in the diagram. */
  readonly id: string;
  /** What it is; decides its shape and colour. */
  readonly kind: DiagramNodeKind;
  /** Terraform address (`aws_vpc_endpoint.Consumer_Endpoint_1A2B3C4D`), or the literal for principals outside the stack. */
  readonly address: string;
  /** The construct path without the stack and the trailing `Resource`. */
  readonly label: string;
  /** Facts worth showing (endpoint type, service name, CIDR, ports). */
  readonly details: readonly string[];
  /** ID of the account that owns it. @default - none: a principal outside the stack's accounts */
  readonly account?: string;
  /** ID of the VPC node it is placed in. @default - not placed in a VPC of this stack */
  readonly vpc?: string;
}

/** "`from` reaches (routes to, shares with, allows) `to`", between node or account IDs. */
export interface DiagramEdge {
  /** ID of the node or account the traffic or the grant comes from. */
  readonly from: string;
  /** ID of the node or account it goes to. */
  readonly to: string;
  /** @default - no label */
  readonly label?: string;
}

/** Who reaches what in one stack. */
export interface StackDiagram {
  /** The flows the stack declares, with their verdicts. */
  readonly flows: readonly DiagramFlow[];
  /** One per AWS provider configuration, the default first. */
  readonly accounts: readonly DiagramAccount[];
  /** Resources worth drawing, in the synthesized file's order, then principals. */
  readonly nodes: readonly DiagramNode[];
  /** Contracted references, one per ordered pair of nodes. */
  readonly edges: readonly DiagramEdge[];
}

/** A resource or provider block of a synthesized stack, as Terraform JSON (snake_case arguments). */
export type TerraformBody = Record<string, unknown>;

/** The parts of a cdk.tf.json document the diagram reads. */
export interface SynthesizedStack {
  /** Provider blocks by provider name; only `aws` is read. @default - no provider blocks: one default account */
  readonly provider?: { readonly [provider: string]: readonly TerraformBody[] };
  /** Resource bodies by type and name. @default - no resources */
  readonly resource?: Record<string, Record<string, TerraformBody>>;
  /** Input variables by name; their defaults name what a stack takes as input. @default - no variables */
  readonly variable?: Record<string, TerraformBody>;
  /** Comments, among them the flows the stack declares (`//.flows.declared`). @default - none */
  readonly "//"?: TerraformBody;
}

const NODE_KINDS: Record<string, DiagramNodeKind> = {
  aws_vpc: "vpc",
  aws_vpc_endpoint: "endpoint",
  aws_vpc_endpoint_service: "endpointService",
  aws_vpclattice_service_network: "serviceNetwork",
  aws_vpclattice_service: "service",
  aws_vpclattice_target_group: "targetGroup",
  aws_vpclattice_resource_configuration: "resourceConfiguration",
  aws_vpclattice_resource_gateway: "resourceGateway",
  aws_ram_resource_share: "resourceShare",
  aws_lb: "loadBalancer",
  aws_instance: "workload",
  aws_autoscaling_group: "workload",
  aws_lambda_function: "workload",
  aws_db_instance: "workload",
  aws_rds_cluster: "workload",
  aws_eks_cluster: "workload",
  aws_ecs_service: "workload",
};

/** Arguments that say where a resource lives rather than what it talks to. */
const PLACEMENT_ARGUMENTS = new Set([
  "vpc_id",
  "vpc_identifier",
  "subnet_id",
  "subnet_ids",
  "subnets",
  "security_group_ids",
  "security_groups",
  "vpc_security_group_ids",
  "route_table_ids",
]);

/**
 * Glue resources that connect two nodes, and which of their arguments is the
 * source side (traffic or sharing flows from it to everything else the glue
 * references), with the label of the contracted edge.
 */
const CONNECTORS: Record<string, { readonly sources: readonly string[]; readonly label: string }> = {
  aws_vpclattice_service_network_vpc_association: { sources: ["vpc_identifier"], label: "associated" },
  aws_vpclattice_service_network_service_association: { sources: ["service_network_identifier"], label: "service" },
  aws_vpclattice_service_network_resource_association: { sources: ["service_network_identifier"], label: "resource" },
  aws_vpclattice_listener: { sources: ["service_identifier", "service_arn"], label: "routes" },
  aws_vpclattice_listener_rule: { sources: ["service_identifier", "listener_identifier"], label: "routes" },
  aws_vpclattice_target_group_attachment: { sources: ["target_group_identifier"], label: "target" },
  aws_lb_listener: { sources: ["load_balancer_arn"], label: "forwards" },
  aws_lb_target_group_attachment: { sources: ["target_group_arn"], label: "target" },
  aws_ram_resource_association: { sources: ["resource_share_arn"], label: "shares" },
  aws_ram_principal_association: { sources: ["resource_share_arn"], label: "shared with" },
  // Private DNS: a VPC associated with a private zone reaches what the zone's records point at.
  aws_route53_zone: { sources: ["vpc_id"], label: "private DNS" },
  aws_route53_zone_association: { sources: ["vpc_id"], label: "private DNS" },
  // Cross-account associations reference the authorization rather than the VPC.
  aws_route53_vpc_association_authorization: { sources: ["vpc_id"], label: "private DNS" },
  aws_route53_record: { sources: ["zone_id"], label: "private DNS" },
};

/** Labels of direct references between nodes, by argument. */
const REFERENCE_LABELS: Record<string, string> = {
  service_name: "PrivateLink",
  resource_configuration_arn: "resource endpoint",
  service_network_arn: "service network endpoint",
  resource_gateway_identifier: "through",
  network_load_balancer_arns: "forwards",
  gateway_load_balancer_arns: "forwards",
  resource_configuration_group_id: "member of",
};

/**
 * Arguments holding principals (account IDs, ARNs) by resource type: who may
 * reach an endpoint service (inbound), whom a share goes to (outbound).
 */
const PRINCIPAL_ARGUMENTS: Record<string, { readonly argument: string; readonly inbound: boolean; readonly label: string }> = {
  aws_vpc_endpoint_service: { argument: "allowed_principals", inbound: true, label: "allowed" },
  aws_vpc_endpoint_service_allowed_principal: { argument: "principal_arn", inbound: true, label: "allowed" },
  aws_ram_principal_association: { argument: "principal", inbound: false, label: "shared with" },
};

/**
 * Arguments that name, by literal ARN or service name, something made outside
 * the stack (an AWS service, a partner's endpoint service, a service network
 * imported with `fromArn`): drawn as nodes too, so the edge is not lost.
 */
const EXTERNAL_TARGETS: Record<string, Record<string, DiagramNodeKind>> = {
  aws_vpc_endpoint: { service_name: "endpointService", resource_configuration_arn: "resourceConfiguration", service_network_arn: "serviceNetwork" },
  aws_vpclattice_service_network_vpc_association: { service_network_identifier: "serviceNetwork" },
  aws_vpclattice_service_network_service_association: { service_network_identifier: "serviceNetwork", service_identifier: "service" },
  aws_vpclattice_service_network_resource_association: {
    service_network_identifier: "serviceNetwork",
    resource_configuration_identifier: "resourceConfiguration",
  },
  aws_vpclattice_resource_configuration: { resource_gateway_identifier: "resourceGateway" },
};

interface Reference {
  readonly argument: string;
  readonly target: string;
}

interface ResourceInfo {
  readonly address: string;
  readonly type: string;
  readonly body: TerraformBody;
  readonly path?: string;
  readonly account: string;
  readonly references: readonly Reference[];
}

/** A declared flow of the stack and its verdict, drawn between the nodes it starts and ends at. */
export interface DiagramFlow {
  /** The flow's name. */
  readonly name: string;
  /** Node (or account) ID the flow starts at: the client's VPC. */
  readonly from: string;
  /** Node ID the flow ends at. */
  readonly to: string;
  /** The declared verdict. */
  readonly expect: "allowed" | "denied";
  /** True when the analysis gives the declared verdict. */
  readonly holds: boolean;
}

/** Builds the diagram model of one synthesized stack, read through the flow analysis' document and model. */
export function stackDiagram(stack: SynthesizedStack): StackDiagram {
  checkSynthesizedStack(stack);
  const model = NetworkModel.fromJson(DIAGRAM_STACK, stack as Json);
  const accounts = readAccounts(model);
  const resources = readResources(model, accounts);
  const byAddress = new Map(resources.map((r) => [r.address, r]));
  const nodes = new Map<string, DiagramNode>();
  for (const resource of resources) {
    const kind = NODE_KINDS[resource.type];
    if (kind === undefined) continue;
    nodes.set(resource.address, {
      id: mermaidId(resource.address),
      kind,
      address: resource.address,
      label: labelOf(resource),
      details: detailsOf(resource.type, resource.body),
      account: resource.account,
      vpc: kind === "vpc" ? undefined : vpcOf(resource, byAddress),
    });
  }
  const graph = referenceGraph(model, resources, byAddress, accounts, nodes);
  const edges = contractedEdges(graph, nodes, accounts);
  return { accounts, nodes: [...nodes.values()], edges, flows: declaredFlows(model, nodes) };
}

const DIAGRAM_STACK = "stack";

/**
 * What the diagram's errors name as the rejecting construct: its input is JSON, not a construct.
 * @internal
 */
export const DIAGRAM_API = "diagram";

/**
 * Fails unless the value is cdktf's synthesized JSON as an object: the file's
 * text, a plan's JSON or a malformed block would otherwise draw an empty
 * diagram, or fail with a TypeError.
 */
function checkSynthesizedStack(stack: unknown): asserts stack is Json {
  const expected = "the parsed JSON of a stack's cdk.tf.json (JSON.parse its text)";
  if (typeof stack === "string") throw new ValidationError(DIAGRAM_API, "stack", stack, `${expected}, not the text itself`);
  if (stack === null || typeof stack !== "object" || Array.isArray(stack)) throw new ValidationError(DIAGRAM_API, "stack", stack, expected);
  if (isPlanJson(stack as Json))
    throw new ValidationError(DIAGRAM_API, "stack", "the JSON of terraform show -json", `${expected}: plans are not drawn`);
  const problem = synthesizedJsonProblem(stack as Json);
  if (problem !== undefined) throw new ValidationError(DIAGRAM_API, `stack.${problem.path}`, problem.value, problem.expected);
  const declared = (((stack as Json)["//"] as Json | undefined)?.flows as Json | undefined)?.declared;
  if (declared !== undefined && !Array.isArray(declared))
    throw new ValidationError(DIAGRAM_API, "stack.//.flows.declared", declared, "the list of declared flows Flows.of(stack) records");
}

/** Edges between every resource and what it references, labelled by argument or connector. */
function referenceGraph(
  model: NetworkModel,
  resources: readonly ResourceInfo[],
  byAddress: ReadonlyMap<string, ResourceInfo>,
  accounts: readonly DiagramAccount[],
  nodes: Map<string, DiagramNode>,
): Map<string, { to: string; label?: string }[]> {
  const graph = new Map<string, { to: string; label?: string }[]>();
  const addEdge = (from: string, to: string, label?: string): void => {
    graph.set(from, [...(graph.get(from) ?? []), { to, label }]);
  };
  for (const resource of resources) {
    const connector = CONNECTORS[resource.type];
    const externals = Object.entries(EXTERNAL_TARGETS[resource.type] ?? {}).flatMap(([argument, kind]) =>
      namedValues(resource.body[argument], model).map((named) => ({ argument, target: externalNode(kind, named, accounts, nodes) })),
    );
    for (const reference of [...resource.references.filter((r) => byAddress.has(r.target)), ...externals]) {
      // A connector's source side may be a placement argument (a VPC association's vpc_identifier).
      if (connector?.sources.includes(reference.argument)) addEdge(reference.target, resource.address, connector.label);
      else if (!PLACEMENT_ARGUMENTS.has(reference.argument))
        addEdge(resource.address, reference.target, connector?.label ?? referenceLabel(resource, reference.argument));
    }
    const principals = PRINCIPAL_ARGUMENTS[resource.type];
    for (const principal of principals === undefined ? [] : namedValues(resource.body[principals.argument], model)) {
      const target = principalNode(principal, accounts, nodes);
      if (principals.inbound) addEdge(target, resource.address, principals.label);
      else addEdge(resource.address, target, principals.label);
    }
    // An accepter is the consumer account taking the share: the share reaches that account.
    if (resource.type === "aws_ram_resource_share_accepter") {
      for (const reference of resource.references) addEdge(reference.target, resource.account, "accepted by");
    }
  }
  return graph;
}

/** One edge per ordered pair of drawn nodes, walking depth first through the glue between them. */
function contractedEdges(
  graph: ReadonlyMap<string, readonly { to: string; label?: string }[]>,
  nodes: ReadonlyMap<string, DiagramNode>,
  accounts: readonly DiagramAccount[],
): DiagramEdge[] {
  const shown = (address: string): string | undefined => nodes.get(address)?.id ?? accounts.find((a) => a.id === address)?.id;
  const edges = new Map<string, DiagramEdge>();
  for (const start of [...nodes.keys(), ...accounts.map((a) => a.id)]) {
    const from = shown(start) as string;
    walkGlue(graph, shown, start, undefined, new Set([start]), (to, label) => {
      if (to !== from) edges.set(`${from}->${to}`, { from, to, label });
    });
  }
  return [...edges.values()];
}

/** Follows edges out of `address`; a drawn node ends a branch (reported with the first label seen on the way), glue is walked through. */
function walkGlue(
  graph: ReadonlyMap<string, readonly { to: string; label?: string }[]>,
  shown: (address: string) => string | undefined,
  address: string,
  label: string | undefined,
  visited: Set<string>,
  report: (to: string, label: string | undefined) => void,
): void {
  for (const edge of graph.get(address) ?? []) {
    if (visited.has(edge.to)) continue;
    visited.add(edge.to);
    const to = shown(edge.to);
    if (to === undefined) walkGlue(graph, shown, edge.to, label ?? edge.label, visited, report);
    else report(to, label ?? edge.label);
  }
}

/** The stack's declared flows, proven, between the nodes they start and end at. */
function declaredFlows(model: NetworkModel, nodes: ReadonlyMap<string, DiagramNode>): DiagramFlow[] {
  return verifyDeclaredFlows(model).flatMap(({ flow, holds }) => {
    const start = flow.from.vpc ?? flow.from.subnet ?? flow.from.securityGroup;
    const vpc = start === undefined ? undefined : (model.vpc(start)?.address ?? model.subnet(start)?.vpcId ?? start);
    const from = [...nodes.values()].find((n) => n.address === vpc || (n.kind === "vpc" && model.vpc(vpc ?? "")?.address === n.address));
    // A flow to a name ends where the client's resolver sends it (private DNS of an endpoint, a zone's record), else at
    // the Lattice service whose custom domain it is.
    const sourceVpc = model.vpc(vpc ?? "") ?? model.vpcs.find((v) => v.address === vpc);
    const name = flow.to.dnsName;
    const dialed = name === undefined ? undefined : resolveName(model, name, { vpcId: sourceVpc?.id, label: "the client's VPC" });
    const lattice = name === undefined ? undefined : model.latticeServices.find((s) => s.customDomainName === canonicalDnsName(name));
    const to = [flow.to.target, dialed?.address, lattice?.address]
      .map((address) => (address === undefined ? undefined : nodes.get(address)))
      .find((n) => n !== undefined);
    return from === undefined || to === undefined ? [] : [{ name: flow.name, from: from.id, to: to.id, expect: flow.expect, holds }];
  });
}

function readAccounts(model: NetworkModel): DiagramAccount[] {
  return model.accounts.map((provider): DiagramAccount => {
    const name = provider.alias ?? "default";
    return {
      id: accountKey(provider.alias),
      alias: provider.alias,
      accountId: provider.accountId,
      label: provider.accountId === undefined ? `${name} account` : `${name} account ${provider.accountId}`,
    };
  });
}

function accountKey(alias: string | undefined): string {
  return mermaidId(`account_${alias ?? "default"}`);
}

function readResources(model: NetworkModel, accounts: readonly DiagramAccount[]): ResourceInfo[] {
  return model.document.blocks
    .filter((block) => block.mode === "resource")
    .map((block) => {
      const alias = block.provider === "aws" ? undefined : block.provider.replace(/^aws\./, "");
      const account = accounts.find((a) => a.alias === alias)?.id ?? accountKey(undefined);
      const path = block.path === `${DIAGRAM_STACK}/${block.name}` ? undefined : block.path;
      return {
        address: block.address,
        type: block.type,
        body: block.config as TerraformBody,
        path,
        account,
        references: referencesOf(block.config as TerraformBody),
      };
    });
}

/** Every reference to another resource (not data sources or variables), with the argument (innermost key) it sits in. */
function referencesOf(body: TerraformBody): Reference[] {
  const found: Reference[] = [];
  const visit = (value: unknown, argument: string): void => {
    if (typeof value === "string") {
      for (const address of referencedAddresses(value).filter((a) => !a.startsWith("data."))) found.push({ argument, target: address });
    } else if (Array.isArray(value)) {
      value.forEach((item) => visit(item, argument));
    } else if (value !== null && typeof value === "object") {
      Object.entries(value).forEach(([key, item]) => visit(item, key));
    }
  };
  Object.entries(body)
    .filter(([key]) => !["//", "provider", "depends_on", "lifecycle", "tags", "tags_all"].includes(key))
    .forEach(([key, value]) => visit(value, key));
  return found;
}

/** What an argument names from outside the stack: literals, and input variables (by default value, else by name). */
function namedValues(value: unknown, model: NetworkModel): string[] {
  return (Array.isArray(value) ? value : [value]).flatMap((v): string[] => {
    if (typeof v !== "string") return [];
    const variable = /^\$\{var\.([A-Za-z0-9_-]+)\}$/.exec(v)?.[1];
    if (variable === undefined) return v.includes("${") ? [] : [v];
    const fallback = model.document.variables[variable]?.default;
    return [typeof fallback === "string" ? fallback : `var.${variable}`];
  });
}

function referenceLabel(resource: ResourceInfo, argument: string): string | undefined {
  // Gateway endpoints are routes in route tables, not PrivateLink.
  if (argument === "service_name" && resource.body.vpc_endpoint_type === "Gateway") return "gateway route";
  return REFERENCE_LABELS[argument];
}

/**
 * A node for something named by literal: an AWS service (`com.amazonaws.<region>.<service>`),
 * or a resource made elsewhere, placed in the stack's account that owns its ARN if any.
 */
function externalNode(kind: DiagramNodeKind, literal: string, accounts: readonly DiagramAccount[], nodes: Map<string, DiagramNode>): string {
  const awsService = /^com\.amazonaws\.(?!vpce\.)[a-z0-9-]+\.(.+)$/.exec(literal)?.[1];
  const address = `external.${literal}`;
  if (!nodes.has(address)) {
    const accountId = /^arn:[^:]+:[^:]+:[^:]*:(\d{12}):/.exec(literal)?.[1];
    nodes.set(address, {
      id: mermaidId(`external_${literal}`),
      kind: awsService === undefined ? kind : "awsService",
      address,
      label: awsService ?? (literal.startsWith("var.") ? literal : (literal.split(/[/.]/).pop() ?? literal)),
      details: awsService === undefined ? ["not in this stack"] : [],
      account: accounts.find((a) => a.accountId !== undefined && a.accountId === accountId)?.id,
    });
  }
  return address;
}

/** The account subgraph a principal belongs to, or a principal node outside the stack's accounts. */
function principalNode(principal: string, accounts: readonly DiagramAccount[], nodes: Map<string, DiagramNode>): string {
  const accountId = /^\d{12}$/.test(principal) ? principal : /^arn:[^:]+:iam::(\d{12}):/.exec(principal)?.[1];
  const own = accounts.find((a) => a.accountId !== undefined && a.accountId === accountId);
  if (own !== undefined) return own.id;
  const address = `principal.${principal}`;
  if (!nodes.has(address)) {
    nodes.set(address, {
      id: mermaidId(`principal_${accountId ?? principal}`),
      kind: "principal",
      address,
      label: accountId === undefined ? principal : `account ${accountId}`,
      details: accountId === undefined || principal === accountId ? [] : [principal],
    });
  }
  return address;
}

/** The VPC a node is placed in, following placement arguments through glue (subnets, security groups). */
function vpcOf(resource: ResourceInfo, byAddress: Map<string, ResourceInfo>, seen = new Set<string>()): string | undefined {
  for (const reference of resource.references) {
    if (!PLACEMENT_ARGUMENTS.has(reference.argument) || seen.has(reference.target)) continue;
    seen.add(reference.target);
    const target = byAddress.get(reference.target);
    if (target === undefined) continue;
    if (target.type === "aws_vpc") return mermaidId(target.address);
    if (NODE_KINDS[target.type] === undefined) {
      const found = vpcOf(target, byAddress, seen);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

function labelOf(resource: ResourceInfo): string {
  if (resource.path !== undefined) {
    const segments = resource.path.split("/").slice(1);
    if (segments.length > 1 && segments[segments.length - 1] === "Resource") segments.pop();
    return segments.join("/");
  }
  // Without metadata (Testing.synth), the logical ID is the path joined with "_" plus a hash.
  return resource.address
    .split(".")[1]
    .replace(/_[0-9A-F]{8}$/, "")
    .replace(/_/g, "/");
}

function detailsOf(type: string, body: TerraformBody): string[] {
  const literal = (value: unknown): string | undefined =>
    (typeof value === "string" && !value.includes("${")) || typeof value === "number" ? String(value) : undefined;
  const first = (value: unknown): TerraformBody => (Array.isArray(value) ? ((value[0] as TerraformBody | undefined) ?? {}) : {});
  const facts: (string | undefined)[] = [];
  switch (type) {
    case "aws_vpc":
      facts.push(literal(body.cidr_block));
      break;
    case "aws_vpc_endpoint": {
      const service = literal(body.service_name)?.replace(/^com\.amazonaws\.[a-z0-9-]+\./, "");
      facts.push(literal(body.vpc_endpoint_type), service);
      break;
    }
    case "aws_vpc_endpoint_service":
      facts.push(body.acceptance_required === true ? "acceptance required" : undefined);
      break;
    case "aws_vpclattice_service_network":
    case "aws_vpclattice_service":
      facts.push(literal(body.name), literal(body.auth_type));
      break;
    case "aws_vpclattice_target_group": {
      const config = first(body.config);
      const port = literal(config.port);
      facts.push(literal(body.type), [literal(config.protocol), port].filter(Boolean).join(":") || undefined);
      break;
    }
    case "aws_vpclattice_resource_configuration": {
      const ports = Array.isArray(body.port_ranges) ? body.port_ranges.map(literal).filter(Boolean).join(", ") : undefined;
      facts.push(literal(body.type), ports === "" || ports === undefined ? undefined : `ports ${ports}`);
      break;
    }
    case "aws_ram_resource_share":
      facts.push(literal(body.name), body.allow_external_principals === true ? "external principals allowed" : undefined);
      break;
    case "aws_lb":
      facts.push(literal(body.load_balancer_type), body.internal === true ? "internal" : undefined);
      break;
    default:
      facts.push(literal(body.name));
  }
  return facts.filter((f): f is string => f !== undefined && f !== "");
}

/** Mermaid node IDs: letters, digits and underscores. */
export function mermaidId(value: string): string {
  return value.replace(/[^A-Za-z0-9_]/g, "_");
}
