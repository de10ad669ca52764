import { TerraformStack } from "../core/cdktf";
import { IConstruct } from "constructs";
import { ValidationError } from "../core/errors";
import { isIpAddress } from "../core/addresses";
import { isAccountId, isDnsName, isPort } from "../core/formats";
import { isUnresolved } from "../core/tokens";
import { checkKnownProps } from "../core/validation";
import { isStack, recordInStack, resolvedValue, synthesizedJson, terraformAddressOf } from "../core/terraform";
import { analyzeFlow } from "./evaluate/analyze";
import { NetworkModel } from "./model/network-model";
import { Json } from "./terraform/document";
import { DeclaredFlow, FlowDestinationSpec, FlowPrincipal, FlowRequest, FlowSourceSpec } from "./spec";
import { describeVerdict, FlowVerdict } from "./verdict";

/** A construct (a VPC, subnet, security group, endpoint, service ...) or its Terraform address or ID. */
export type FlowRef = IConstruct | string;

/** Where a flow starts, with constructs. */
export interface FlowSource {
  /** The client's VPC, or the ID of a client VPC made elsewhere (another account's stack). @default - the VPC of `subnet` or `securityGroup` */
  readonly vpc?: FlowRef;
  /** The client's subnet. @default - every subnet of the VPC */
  readonly subnet?: FlowRef;
  /** The client's security group: its egress rules are evaluated, and ingress rules may reference it. @default - egress assumed open */
  readonly securityGroup?: FlowRef;
  /** A network outside AWS whose traffic enters `vpc` (on premises, over Direct Connect or VPN). @default - none */
  readonly cidr?: string;
  /** The public internet. @default false */
  readonly internet?: boolean;
  /** The caller: a role ARN, an account ID, or the full description. @default - an unknown caller outside every organization */
  readonly principal?: string | FlowPrincipal;
  /** @default "ipv4" */
  readonly family?: "ipv4" | "ipv6";
}

/** Where a flow goes, with constructs. */
export interface FlowDestination {
  /** The name the client dials, a generated one (`service.dnsName`) too. @default - the target's own name */
  readonly dnsName?: string;
  /** The endpoint, service, resource configuration, endpoint service or load balancer. @default - what dnsName resolves to */
  readonly target?: FlowRef;
  /** @default 443 */
  readonly port?: number;
  /** @default "tcp" */
  readonly protocol?: "tcp" | "udp";
  /** The request: method, path and headers for Lattice, action and resource for AWS services. @default - GET /, no AWS action */
  readonly request?: FlowRequest;
}

/** What `expectFlow` returns: assertions that throw with the hop-by-hop verdict when they do not hold. */
export interface FlowExpectation {
  /** The verdict itself. */
  readonly verdict: FlowVerdict;
  /** Passes when the flow succeeds; throws with the broken hop otherwise. */
  toBeAllowed(): void;
  /** Passes when the flow is denied (and, if given, for a reason containing `reason` or matching it). */
  toBeDenied(reason?: string | RegExp): void;
}

/** The model of a stack's latest synth, with that synth's JSON text: the fingerprint it is fresh by. */
const models = new WeakMap<TerraformStack, { readonly text: string; readonly model: NetworkModel }>();

/** The model each synth of a stack that declares flows rendered its declarations with (see Flows.of). */
const renderedModels = new WeakMap<Json, NetworkModel>();

/**
 * The network model of a stack as it would be synthesized now. The stack is
 * synthesized on every call, and the model kept while that synth's JSON is the
 * same: an override or a property set after the last analysis is seen.
 */
export function networkModelOf(stack: TerraformStack): NetworkModel {
  if (!isStack(stack)) throw new ValidationError("flows", "stack", describeConstruct(stack), "a TerraformStack");
  const json = synthesizedJson(stack) as Json;
  return renderedModels.get(json) ?? modelOfSynth(stack, json);
}

/** The model of a synth of a stack: the one kept for it when the JSON is the same, else a new one. */
function modelOfSynth(stack: TerraformStack, json: Json): NetworkModel {
  // The whole synth is the fingerprint: the number of constructs does not change with addOverride or a property set later.
  const text = JSON.stringify(json);
  const cached = models.get(stack);
  if (cached !== undefined && cached.text === text) return cached.model;
  const model = NetworkModel.fromJson(stack.node.id, json);
  models.set(stack, { text, model });
  return model;
}

/** Answers a flow question about a stack: who reaches what, hop by hop. */
export function analyzeStackFlow(stack: TerraformStack, from: FlowSource | FlowRef, to: FlowDestination | FlowRef | string): FlowVerdict {
  const model = networkModelOf(stack);
  return analyzeFlow(model, sourceSpec(stack, model, from), destinationSpec(stack, model, to));
}

/**
 * Asserts a flow in tests: `expectFlow(stack, { vpc: clientVpc, principal: role }, { dnsName: "orders.internal.example.com" }).toBeAllowed()`.
 * Framework-agnostic: it throws an Error whose message is the verdict hop by hop.
 */
export function expectFlow(stack: TerraformStack, from: FlowSource | FlowRef, to: FlowDestination | FlowRef | string): FlowExpectation {
  const verdict = analyzeStackFlow(stack, from, to);
  const question = `${describeEnd(from)} -> ${describeEnd(to)}`;
  return {
    verdict,
    toBeAllowed: () => {
      if (!verdict.allowed) throw new Error(`expected flow ${question} to be allowed, but it is ${describeVerdict(verdict)}`);
    },
    toBeDenied: (reason?: string | RegExp) => {
      if (reason !== undefined && typeof reason !== "string" && !(reason instanceof RegExp))
        throw new ValidationError(stack, "toBeDenied.reason", reason, "a fragment of the reason (a string) or a RegExp it matches");
      if (verdict.allowed) throw new Error(`expected flow ${question} to be denied, but it is ${describeVerdict(verdict)}`);
      const text = verdict.reason ?? "";
      if (reason !== undefined && !(typeof reason === "string" ? text.includes(reason) : reason.test(text))) {
        throw new Error(`expected flow ${question} to be denied for ${String(reason)}, but it is ${describeVerdict(verdict)}`);
      }
    },
  };
}

/** A flow a stack declares: the use case's allowed flow, or a denied one of who must not get in. */
export interface FlowDeclaration {
  /** Where it starts. */
  readonly from: FlowSource | FlowRef;
  /** Where it goes. */
  readonly to: FlowDestination | FlowRef | string;
  /** Why it matters, shown by the flows command and in the diagram. @default - none */
  readonly description?: string;
}

/** Options of a denied declaration. */
export interface DeniedFlowDeclaration extends FlowDeclaration {
  /** A fragment the reason must contain (a hop kind's words, a group's name). @default - any reason */
  readonly reason?: string;
}

const declarations = new WeakMap<TerraformStack, Flows>();

/**
 * The flows a stack declares. They are written into the synthesized JSON
 * (`//.flows.declared`, a comment Terraform ignores), so that the flows
 * command (`cdktf-pn-flows`, the package's bin) re-proves them over `cdktf.out`, the diagrams draw them, and a
 * test proves every one with {@link verifyDeclaredFlows}.
 */
export class Flows {
  /** The declarations of a stack. */
  public static of(stack: TerraformStack): Flows {
    if (!isStack(stack)) throw new ValidationError("flows", "stack", describeConstruct(stack), "a TerraformStack");
    const existing = declarations.get(stack);
    if (existing !== undefined) return existing;
    const flows = new Flows(stack);
    declarations.set(stack, flows);
    // The declarations need the model of the stack's JSON, which they are part of: the synth leaves an
    // empty list in their place, and they are rendered into it from the model of that synth. One synth, not
    // a second one inside the first.
    recordInStack(stack, "declared", () => []);
    const synthesize = stack.toTerraform.bind(stack);
    stack.toTerraform = () => flows.renderInto(synthesize() as Json);
    return flows;
  }

  private readonly entries: { readonly name: string; readonly expect: "allowed" | "denied"; readonly declaration: DeniedFlowDeclaration }[] = [];

  private constructor(private readonly stack: TerraformStack) {}

  /** Declares a flow the use case exists for; `name` is unique in the stack. */
  public allow(name: string, declaration: FlowDeclaration): this {
    return this.add(name, "allowed", declaration);
  }

  /** Declares a flow that must not get through (another account, VPC, port, principal). */
  public deny(name: string, declaration: DeniedFlowDeclaration): this {
    return this.add(name, "denied", declaration);
  }

  /** The declarations with constructs turned into addresses, as they are written into the JSON. */
  public declared(): DeclaredFlow[] {
    return (networkModelOf(this.stack).document.annotations.declared ?? []) as DeclaredFlow[];
  }

  /**
   * Writes the declarations into a synth of the stack, in the place its
   * `//.flows.declared` holds. The model they are rendered with reads that
   * comment from the JSON itself, so it sees them too: it is the model
   * networkModelOf gives for that synth.
   */
  private renderInto(json: Json): Json {
    // Fingerprinted while the declarations are still the empty list the synth leaves.
    const model = modelOfSynth(this.stack, json);
    const declared = this.render(model);
    ((json["//"] as Json).flows as Json).declared = declared;
    // A model kept from an earlier synth reads the comment of that synth's JSON: it gets the same declarations.
    (model.document.annotations as Json).declared = declared;
    renderedModels.set(json, model);
    return json;
  }

  private render(model: NetworkModel): DeclaredFlow[] {
    return this.entries.map(({ name, expect, declaration }) => ({
      name,
      expect,
      from: sourceSpec(this.stack, model, declaration.from),
      to: destinationSpec(this.stack, model, declaration.to),
      ...(declaration.reason === undefined ? {} : { reason: declaration.reason }),
      ...(declaration.description === undefined ? {} : { description: declaration.description }),
    }));
  }

  private add(name: string, expect: "allowed" | "denied", declaration: DeniedFlowDeclaration): this {
    if (typeof name !== "string" || !/^[a-z0-9][a-z0-9-]{0,62}$/.test(name)) {
      throw new ValidationError(
        this.stack,
        "flows.name",
        name,
        "a short name of lower-case letters, digits and hyphens, such as clients-reach-orders",
      );
    }
    if (this.entries.some((e) => e.name === name))
      throw new ValidationError(this.stack, `flows.${name}`, name, "a flow name not declared before in this stack");
    if (declaration === undefined || declaration === null || declaration.from === undefined || declaration.to === undefined) {
      throw new ValidationError(this.stack, `flows.${name}`, declaration, "a declaration with from and to");
    }
    checkKnownProps<FlowDeclaration>(this.stack, declaration, expect === "denied" ? DENIED_DECLARATION_PROPS : DECLARATION_PROPS, `flows.${name}`);
    checkDeclaration(this.stack, name, declaration);
    this.entries.push({ name, expect, declaration });
    return this;
  }
}

/**
 * What a declaration can be refused for when it is made, so that the flows
 * command never meets a flow it cannot prove: a construct of another stack
 * (a flow is proven over one stack's JSON), a port outside 1-65535, a name
 * that is no DNS name. Addresses given as strings are looked up at synth.
 */
function checkDeclaration(stack: TerraformStack, name: string, declaration: DeniedFlowDeclaration): void {
  // A misspelled key (`securityGroups`) would be dropped: the flow proven would be another than the one declared.
  if (isPlainObject(declaration.from)) checkKnownProps(stack, declaration.from as FlowSource, SOURCE_PROPS, `flows.${name}.from`);
  if (isPlainObject(declaration.to)) checkKnownProps(stack, declaration.to as FlowDestination, DESTINATION_PROPS, `flows.${name}.to`);
  const constructs: [string, unknown][] = [
    ["from", declaration.from],
    ["to", declaration.to],
  ];
  if (isPlainObject(declaration.from))
    for (const part of ["vpc", "subnet", "securityGroup"] as const) constructs.push([`from.${part}`, (declaration.from as FlowSource)[part]]);
  if (isPlainObject(declaration.to)) constructs.push(["to.target", (declaration.to as FlowDestination).target]);
  for (const [part, ref] of constructs) {
    if (ref === null || typeof ref !== "object" || !("node" in ref)) continue;
    const owner = TerraformStack.of(ref as IConstruct);
    if (owner !== stack)
      throw new ValidationError(
        stack,
        `flows.${name}.${part}`,
        (ref as IConstruct).node.path,
        `a construct of stack ${stack.node.id}: a flow is proven over the JSON of the stack that declares it (declare it in stack ${owner.node.id}, or name the other stack's VPC by its ID)`,
      );
  }
  const to = declaration.to;
  const dialed = typeof to === "string" ? dialedNameAndPort(to) : undefined;
  const port = dialed?.port ?? (isPlainObject(to) ? (to as FlowDestination).port : undefined);
  if (port !== undefined && (typeof port !== "number" || !isPort(port)))
    throw new ValidationError(stack, `flows.${name}.to.port`, port, "a port from 1 to 65535");
  const dnsName = dialed?.name ?? (isPlainObject(to) ? (to as FlowDestination).dnsName : undefined);
  if (dnsName !== undefined && !isDialable(dnsName))
    throw new ValidationError(
      stack,
      `flows.${name}.${typeof to === "string" ? "to" : "to.dnsName"}`,
      dnsName,
      "a DNS name such as orders.internal.example.com (or an IP address, or the Terraform address of a target of the stack)",
    );
}

// A key a declaration does not take (`reson`, a reason on an allowed flow) would be dropped without a word.
const DECLARATION_PROPS: Record<keyof FlowDeclaration, true> = { from: true, to: true, description: true };
const DENIED_DECLARATION_PROPS: Record<keyof DeniedFlowDeclaration, true> = { ...DECLARATION_PROPS, reason: true };
const PRINCIPAL_PROPS: Record<keyof FlowPrincipal, true> = {
  arn: true,
  account: true,
  organizationId: true,
  organizationPaths: true,
  anonymous: true,
};
const REQUEST_PROPS: Record<keyof FlowRequest, true> = {
  method: true,
  path: true,
  headers: true,
  action: true,
  resource: true,
  resourceOrganizationId: true,
};
const SOURCE_PROPS: Record<keyof FlowSource, true> = {
  vpc: true,
  subnet: true,
  securityGroup: true,
  cidr: true,
  internet: true,
  principal: true,
  family: true,
};
const DESTINATION_PROPS: Record<keyof FlowDestination, true> = { dnsName: true, target: true, port: true, protocol: true, request: true };

function isPlainObject(value: unknown): boolean {
  return value !== null && typeof value === "object" && !("node" in value);
}

/** A name a flow can dial: a DNS name, an IP address, a generated name (known at synth), or, for a string `to`, a Terraform address. */
function isDialable(name: unknown): boolean {
  if (typeof name !== "string") return false;
  if (isUnresolved(name) || isIpAddress(name) || isDnsName(name)) return true;
  return /^(data\.)?aws_[a-z0-9_]+\.[A-Za-z0-9_-]+$/.test(name);
}

/** The ID properties an imported building block stands for, its own before its VPC's. */
const IMPORTED_IDS = [
  "securityGroupId",
  "subnetId",
  "vpcEndpointId",
  "resourceConfigurationArn",
  "serviceNetworkArn",
  "serviceArn",
  "targetGroupArn",
  "vpcId",
] as const;

/** The ID a part of a flow question names (`from.securityGroup`: the group's own, never its VPC's). */
const ASKED_ID: Readonly<Record<string, (typeof IMPORTED_IDS)[number]>> = { vpc: "vpcId", subnet: "subnetId", securityGroup: "securityGroupId" };

/** The address or ID a reference stands for in the synthesized JSON. */
function referenceOf(stack: TerraformStack, model: NetworkModel, part: string, ref: FlowRef | undefined): string | undefined {
  if (ref === undefined) return undefined;
  if (typeof ref === "string") {
    if (!isUnresolved(ref)) return ref;
    // An ID attribute of a building block (`vpc.privateSubnets[0].subnetId`): what the JSON holds for it.
    const resolved = model.document.evaluate(resolvedValue(stack, ref));
    if (typeof resolved !== "string") throw new ValidationError(stack, part, ref, "an ID or address Terraform knows at synth");
    return resolved;
  }
  if (ref === null || typeof ref !== "object" || !("node" in ref))
    throw new ValidationError(stack, part, ref, "a construct of this stack, or its Terraform address");
  const address = terraformAddressOf(ref);
  if (address !== undefined) return address;
  // Imported building blocks create nothing: they stand for the ID (or ARN) they were given. A group or an
  // endpoint carries its VPC's ID too: its own ID comes first, the one the part asks for before all.
  const asked = ASKED_ID[part.split(".").pop() ?? ""];
  for (const property of [...(asked === undefined ? [] : [asked]), ...IMPORTED_IDS]) {
    const value = (ref as unknown as Record<string, unknown>)[property];
    if (value === undefined) continue;
    const resolved = isUnresolved(value) ? model.document.evaluate(resolvedValue(ref, value)) : value;
    if (typeof resolved === "string") return resolved;
  }
  throw new ValidationError(
    stack,
    part,
    ref.node.path,
    "a construct that creates a resource (a VPC, subnet, security group, endpoint, Lattice service, resource configuration ...) or an imported one with an ID",
  );
}

function sourceSpec(stack: TerraformStack, model: NetworkModel, from: FlowSource | FlowRef): FlowSourceSpec {
  if (from === undefined || from === null)
    throw new ValidationError(stack, "from", from, "a flow source: a VPC, subnet or security group, or { vpc, principal, ... }");
  if (typeof from !== "string" && typeof from !== "object")
    throw new ValidationError(stack, "from", from, "a flow source: a VPC, subnet or security group, or { vpc, principal, ... }");
  notAnISubnet(stack, "from", from, "{ subnet: subnet.subnetId }");
  if (typeof from === "string" || "node" in from) {
    const reference = referenceOf(stack, model, "from", from as FlowRef) as string;
    const kind = model.entity(reference)?.kind ?? (/^subnet-/.test(reference) ? "subnet" : /^sg-/.test(reference) ? "securityGroup" : "vpc");
    if (kind === "subnet") return { subnet: reference };
    if (kind === "securityGroup") return { securityGroup: reference };
    if (kind !== "vpc") throw new ValidationError(stack, "from", reference, `a VPC, subnet or security group (this is a ${kind})`);
    return { vpc: reference };
  }
  const source = from as FlowSource;
  checkKnownProps(stack, source, SOURCE_PROPS, "from");
  return {
    ...(source.vpc === undefined ? {} : { vpc: referenceOf(stack, model, "from.vpc", source.vpc) }),
    ...(source.subnet === undefined ? {} : { subnet: referenceOf(stack, model, "from.subnet", source.subnet) }),
    ...(source.securityGroup === undefined ? {} : { securityGroup: referenceOf(stack, model, "from.securityGroup", source.securityGroup) }),
    ...(source.cidr === undefined ? {} : { cidr: source.cidr }),
    ...(source.internet === undefined ? {} : { internet: source.internet }),
    ...(source.principal === undefined ? {} : { principal: principalOf(stack, source.principal) }),
    ...(source.family === undefined ? {} : { family: source.family }),
  };
}

/** A subnet of a building block (`vpc.privateSubnets[0]`) is no construct: it is named by its ID. */
function notAnISubnet(stack: TerraformStack, part: string, end: unknown, instead: string): void {
  if (end === null || typeof end !== "object" || "node" in end) return;
  const subnetId = (end as { readonly subnetId?: unknown }).subnetId;
  if (subnetId === undefined) return;
  const id = isUnresolved(subnetId) ? resolvedValue(stack, subnetId) : subnetId;
  throw new ValidationError(
    stack,
    part,
    `subnet ${String(id)} (an ISubnet)`,
    `a construct, an address or ID, or an object of the flow's props: for a subnet, ${instead}`,
  );
}

function principalOf(stack: TerraformStack, principal: string | FlowPrincipal): FlowPrincipal {
  if (principal === null || (typeof principal !== "string" && typeof principal !== "object"))
    throw new ValidationError(
      stack,
      "from.principal",
      principal,
      "a role or user ARN, a 12-digit account ID, or { arn, organizationId, organizationPaths, anonymous }",
    );
  if (typeof principal !== "string") {
    checkKnownProps(stack, principal, PRINCIPAL_PROPS, "from.principal");
    return principal;
  }
  if (isAccountId(principal)) return { account: principal };
  if (principal.startsWith("arn:")) return { arn: principal };
  throw new ValidationError(
    stack,
    "from.principal",
    principal,
    "a role or user ARN, a 12-digit account ID, or { arn, organizationId, organizationPaths, anonymous }",
  );
}

/** A dialed string as a name with an optional port (`orders.example.com:8443`); an IP address is never split: an IPv6 address's colons are its own. */
function dialedNameAndPort(to: string): { readonly name: string; readonly port?: number } {
  const match = isIpAddress(to) ? null : /^(.+?)(?::(\d+))?$/.exec(to);
  return match?.[2] === undefined ? { name: to } : { name: match[1], port: Number(match[2]) };
}

function destinationSpec(stack: TerraformStack, model: NetworkModel, to: FlowDestination | FlowRef | string): FlowDestinationSpec {
  if (to === undefined || to === null)
    throw new ValidationError(stack, "to", to, "a flow destination: a construct, a DNS name, or { dnsName, target, port }");
  if (typeof to === "string") {
    if (model.entity(to) !== undefined) return { target: to };
    const { name, port } = dialedNameAndPort(to);
    return { dnsName: name, ...(port === undefined ? {} : { port }) };
  }
  if (typeof to !== "object") throw new ValidationError(stack, "to", to, "a flow destination: a construct, a DNS name, or { dnsName, target, port }");
  notAnISubnet(stack, "to", to, "{ target: subnet.subnetId }");
  if ("node" in to) return { target: referenceOf(stack, model, "to", to as IConstruct) };
  const destination = to as FlowDestination;
  checkKnownProps(stack, destination, DESTINATION_PROPS, "to");
  if (destination.request !== null && typeof destination.request === "object")
    checkKnownProps(stack, destination.request, REQUEST_PROPS, "to.request");
  return {
    ...(destination.dnsName === undefined ? {} : { dnsName: dnsNameOf(stack, model, destination.dnsName) }),
    ...(destination.target === undefined ? {} : { target: referenceOf(stack, model, "to.target", destination.target) }),
    ...(destination.port === undefined ? {} : { port: destination.port }),
    ...(destination.protocol === undefined ? {} : { protocol: destination.protocol }),
    ...(destination.request === undefined ? {} : { request: destination.request }),
  };
}

/** A name to dial; a generated one (`service.dnsName`, known at apply) is the stable value the model gives it. */
function dnsNameOf(stack: TerraformStack, model: NetworkModel, dnsName: string): string {
  if (!isUnresolved(dnsName)) return dnsName;
  const resolved = model.document.evaluate(resolvedValue(stack, dnsName));
  if (typeof resolved !== "string")
    throw new ValidationError(
      stack,
      "to.dnsName",
      dnsName,
      "a DNS name, or a generated one (an attribute such as service.dnsName) Terraform knows at synth",
    );
  return resolved;
}

function describeConstruct(value: unknown): string {
  return value !== null && typeof value === "object" && "node" in value ? (value as IConstruct).node.path : String(value);
}

function describeEnd(end: unknown): string {
  if (typeof end === "string") return end;
  if (end !== null && typeof end === "object" && "node" in end) return (end as IConstruct).node.path;
  const parts = Object.entries((end ?? {}) as Record<string, unknown>).map(
    ([k, v]) => `${k}=${describeConstruct(v) === "[object Object]" ? JSON.stringify(v) : describeConstruct(v)}`,
  );
  return `{ ${parts.join(", ")} }`;
}
