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
import { DeclaredFlow, FlowDestinationSpec, FlowPrincipal, FlowRequest, FlowSourceSpec, ImportedSubnetSpec, ImportedVpcSpec } from "./spec";
import { describeVerdict, FlowVerdict } from "./verdict";

/** A construct (a VPC, subnet, security group, endpoint, service ...) or its Terraform address or ID. */
export type FlowRef = IConstruct | string;

/**
 * A subnet as building blocks hand it out (`vpc.privateSubnets[0]`,
 * `vpc.selectSubnets(...)`, an ISubnet): the flow names it by its ID. A
 * subnet of an imported VPC (`Vpc.fromVpcAttributes`) is judged by what the
 * import says of it: its block, AZ and route table.
 */
export interface FlowSubnet {
  /** The subnet's ID (`subnet-…`), literal or as its building block resolves it. */
  readonly subnetId: string;
}

/** A VPC as building blocks type it (`IVpc`, which `Vpc.fromVpcAttributes` returns): the flow names it by its ID. */
export interface FlowVpc {
  /** The VPC's ID (`vpc-…`). */
  readonly vpcId: string;
  /** Its primary IPv4 CIDR. */
  readonly cidrBlock: string;
}

/** A security group as building blocks type it (`ISecurityGroup`): the flow names it by its ID, and its VPC by `vpcId`. */
export interface FlowSecurityGroup {
  /** The group's ID (`sg-…`). */
  readonly securityGroupId: string;
  /** Its VPC's ID. @default - unknown: the flow must name the VPC */
  readonly vpcId?: string;
}

/** What a flow starts in: a construct, its address or ID, or a VPC, subnet or security group as building blocks type them. */
export type FlowOrigin = FlowRef | FlowVpc | FlowSubnet | FlowSecurityGroup;

/** Where a flow starts, with constructs. */
export interface FlowSource {
  /**
   * The client's VPC: one the stack creates or imports (`Vpc.fromVpcAttributes`, judged by what the import
   * says of it), or the ID of a client VPC made elsewhere (another account's stack).
   * @default - the VPC of `subnet` or `securityGroup`
   */
  readonly vpc?: FlowRef | FlowVpc;
  /** The client's subnet: of the stack, or of a VPC it imports (the ISubnet, or its ID). @default - every subnet of the VPC */
  readonly subnet?: FlowRef | FlowSubnet;
  /**
   * The client's security group: its egress rules are evaluated, and ingress rules may reference it. An imported
   * group (`SecurityGroup.fromSecurityGroupAttributes`) of a VPC the stack creates or imports stands for that VPC's
   * subnets; its own rules are an assumption of the verdict.
   * @default - egress assumed open
   */
  readonly securityGroup?: FlowRef | FlowSecurityGroup;
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
  /** The endpoint, service, resource configuration, endpoint service, load balancer or subnet. @default - what dnsName resolves to */
  readonly target?: FlowRef | FlowSubnet;
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
export function analyzeStackFlow(
  stack: TerraformStack,
  from: FlowSource | FlowOrigin,
  to: FlowDestination | FlowRef | FlowSubnet | string,
): FlowVerdict {
  const model = networkModelOf(stack);
  return analyzeFlow(model, sourceSpec(stack, model, from), destinationSpec(stack, model, to));
}

/**
 * Asserts a flow in tests: `expectFlow(stack, { vpc: clientVpc, principal: role }, { dnsName: "orders.internal.example.com" }).toBeAllowed()`.
 * Framework-agnostic: it throws an Error whose message is the verdict hop by hop.
 */
export function expectFlow(
  stack: TerraformStack,
  from: FlowSource | FlowOrigin,
  to: FlowDestination | FlowRef | FlowSubnet | string,
): FlowExpectation {
  const verdict = analyzeStackFlow(stack, from, to);
  const question = `${describeEnd(stack, from)} -> ${describeEnd(stack, to)}`;
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
  readonly from: FlowSource | FlowOrigin;
  /** Where it goes. */
  readonly to: FlowDestination | FlowRef | FlowSubnet | string;
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
  if (isPlainObject(declaration.from) && !isFlowSubnet(declaration.from) && !isIdObject(declaration.from))
    checkKnownProps(stack, declaration.from as FlowSource, SOURCE_PROPS, `flows.${name}.from`);
  if (isPlainObject(declaration.to) && !isFlowSubnet(declaration.to))
    checkKnownProps(stack, declaration.to as FlowDestination, DESTINATION_PROPS, `flows.${name}.to`);
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

/** A subnet as a building block hands it out (an ISubnet): an object with a subnetId, which no other end of a flow has. */
function isFlowSubnet(value: unknown): value is FlowSubnet {
  return isPlainObject(value) && "subnetId" in (value as object);
}

/** A VPC or security group as a building block types it (IVpc, ISecurityGroup) without being a construct: named by its ID. */
function isIdObject(value: unknown): value is FlowVpc | FlowSecurityGroup {
  if (!isPlainObject(value) || isFlowSubnet(value)) return false;
  return "securityGroupId" in (value as object) || ("vpcId" in (value as object) && "cidrBlock" in (value as object));
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
function referenceOf(
  stack: TerraformStack,
  model: NetworkModel,
  part: string,
  ref: FlowRef | FlowVpc | FlowSecurityGroup | undefined,
): string | undefined {
  if (ref === undefined) return undefined;
  if (typeof ref === "string") {
    if (!isUnresolved(ref)) return ref;
    // An ID attribute of a building block (`vpc.privateSubnets[0].subnetId`): what the JSON holds for it.
    const resolved = model.document.evaluate(resolvedValue(stack, ref));
    if (typeof resolved !== "string") throw new ValidationError(stack, part, ref, "an ID or address Terraform knows at synth");
    return resolved;
  }
  if (ref === null || typeof ref !== "object" || !("node" in ref || isIdObject(ref)))
    throw new ValidationError(stack, part, ref, "a construct of this stack, or its Terraform address");
  const construct = "node" in ref ? (ref as IConstruct) : undefined;
  const address = construct === undefined ? undefined : terraformAddressOf(construct);
  if (address !== undefined) return address;
  // Imported building blocks create nothing: they stand for the ID (or ARN) they were given. A group or an
  // endpoint carries its VPC's ID too: its own ID comes first, the one the part asks for before all.
  const asked = ASKED_ID[part.split(".").pop() ?? ""];
  for (const property of [...(asked === undefined ? [] : [asked]), ...IMPORTED_IDS]) {
    const value = (ref as unknown as Record<string, unknown>)[property];
    if (value === undefined) continue;
    const resolved = isUnresolved(value) ? model.document.evaluate(resolvedValue(construct ?? stack, value)) : value;
    if (typeof resolved === "string") return resolved;
  }
  throw new ValidationError(
    stack,
    part,
    construct?.node.path ?? ref,
    "a construct that creates a resource (a VPC, subnet, security group, endpoint, Lattice service, resource configuration ...) or an imported one with an ID",
  );
}

function sourceSpec(stack: TerraformStack, model: NetworkModel, from: FlowSource | FlowOrigin): FlowSourceSpec {
  if (from === undefined || from === null)
    throw new ValidationError(stack, "from", from, "a flow source: a VPC, subnet or security group, or { vpc, principal, ... }");
  if (typeof from !== "string" && typeof from !== "object")
    throw new ValidationError(stack, "from", from, "a flow source: a VPC, subnet or security group, or { vpc, principal, ... }");
  if (isFlowSubnet(from)) return withImportedVpc(stack, model, { subnet: subnetIdOf(stack, model, "from", from) }, "from");
  if (typeof from === "string" || "node" in from || isIdObject(from)) {
    const reference = referenceOf(stack, model, "from", from as FlowRef | FlowVpc | FlowSecurityGroup) as string;
    const kind = model.entity(reference)?.kind ?? (/^subnet-/.test(reference) ? "subnet" : /^sg-/.test(reference) ? "securityGroup" : "vpc");
    if (kind === "subnet") return withImportedVpc(stack, model, { subnet: reference }, "from");
    if (kind === "securityGroup") return withImportedVpc(stack, model, { securityGroup: reference }, "from", from);
    if (kind !== "vpc") throw new ValidationError(stack, "from", reference, `a VPC, subnet or security group (this is a ${kind})`);
    return withImportedVpc(stack, model, { vpc: reference }, "from");
  }
  const source = from as FlowSource;
  checkKnownProps(stack, source, SOURCE_PROPS, "from");
  const subnet =
    source.subnet === undefined
      ? undefined
      : isFlowSubnet(source.subnet)
        ? subnetIdOf(stack, model, "from.subnet", source.subnet)
        : referenceOf(stack, model, "from.subnet", source.subnet);
  const spec: FlowSourceSpec = {
    ...(source.vpc === undefined ? {} : { vpc: referenceOf(stack, model, "from.vpc", source.vpc) }),
    ...(subnet === undefined ? {} : { subnet }),
    ...(source.securityGroup === undefined ? {} : { securityGroup: referenceOf(stack, model, "from.securityGroup", source.securityGroup) }),
    ...(source.cidr === undefined ? {} : { cidr: source.cidr }),
    ...(source.internet === undefined ? {} : { internet: source.internet }),
    ...(source.principal === undefined ? {} : { principal: principalOf(stack, source.principal) }),
    ...(source.family === undefined ? {} : { family: source.family }),
  };
  return withImportedVpc(stack, model, spec, "from.securityGroup", source.securityGroup);
}

/** The ID a subnet object stands for: literal, or what the JSON holds for its reference (`${aws_subnet.X.id}`, a variable). */
function subnetIdOf(stack: TerraformStack, model: NetworkModel, part: string, subnet: FlowSubnet): string {
  const id = subnet.subnetId;
  const resolved = isUnresolved(id) ? model.document.evaluate(resolvedValue(stack, id)) : id;
  if (typeof resolved !== "string" || resolved === "")
    throw new ValidationError(
      stack,
      part,
      `subnet ${String(isUnresolved(id) ? resolvedValue(stack, id) : id)} (an ISubnet)`,
      "a subnet whose ID Terraform knows at synth (a subnet of the stack, or of a VPC it imports with literal subnet IDs or variables with defaults)",
    );
  return resolved;
}

/** What `Vpc.fromVpcAttributes` gave an imported VPC, as its construct exposes it (IVpc, read by shape: flows imports only core). */
interface ImportedVpcConstruct extends IConstruct {
  readonly vpcId: string;
  readonly cidrBlock: string;
  readonly secondaryCidrBlocks?: readonly string[];
  readonly ipv6CidrBlock?: string;
  readonly subnets: readonly {
    readonly subnetId: string;
    readonly cidrBlock?: string;
    readonly availabilityZone?: string;
    readonly availabilityZoneId?: string;
    readonly routeTableId?: string;
  }[];
  readonly provider?: { readonly terraformResourceType: string; readonly alias?: string };
  readonly dnsSupportEnabled?: boolean;
  readonly dnsHostnamesEnabled?: boolean;
  readonly associatedPrivateZoneNames?: readonly string[];
}

/** True for a VPC a stack imports: a VPC building block that creates no resource. */
function isImportedVpc(construct: IConstruct): construct is ImportedVpcConstruct {
  const vpc = construct as Partial<ImportedVpcConstruct> & { readonly selectSubnets?: unknown };
  return (
    typeof vpc.vpcId === "string" &&
    typeof vpc.cidrBlock === "string" &&
    Array.isArray(vpc.subnets) &&
    typeof vpc.selectSubnets === "function" &&
    terraformAddressOf(construct) === undefined
  );
}

/**
 * What the stack's imported VPCs say of themselves, as flow questions carry it
 * (`from.importedVpc`): literal values, references evaluated as the JSON
 * holds them (a variable's default); what only Terraform knows is left out.
 * A VPC whose ID is not known at synth is left out.
 */
function importedVpcsOf(stack: TerraformStack, model: NetworkModel): ImportedVpcSpec[] {
  const known = <T>(scope: IConstruct, value: unknown, is: (v: unknown) => v is T): T | undefined => {
    if (value === undefined) return undefined;
    const evaluated = isUnresolved(value) ? model.document.evaluate(resolvedValue(scope, value)) : value;
    return is(evaluated) ? evaluated : undefined;
  };
  const text = (v: unknown): v is string => typeof v === "string" && v !== "";
  const flag = (v: unknown): v is boolean => typeof v === "boolean";
  const names = (v: unknown): v is string[] => Array.isArray(v) && v.every(text);
  const byId = new Map<string, ImportedVpcSpec>();
  for (const vpc of stack.node.findAll().filter(isImportedVpc)) {
    const vpcId = known(vpc, vpc.vpcId, text);
    if (vpcId === undefined) continue;
    const subnets = vpc.subnets.flatMap((subnet) => {
      const subnetId = known(vpc, subnet.subnetId, text);
      if (subnetId === undefined) return [];
      const fields = {
        cidrBlock: known(vpc, subnet.cidrBlock, text),
        availabilityZone: known(vpc, subnet.availabilityZone, text),
        availabilityZoneId: known(vpc, subnet.availabilityZoneId, text),
        routeTableId: known(vpc, subnet.routeTableId, text),
      };
      return [{ subnetId, ...definedOnly(fields) } as ImportedSubnetSpec];
    });
    const provider = vpc.provider === undefined ? undefined : providerKey(vpc.provider);
    const description: ImportedVpcSpec = {
      vpcId,
      ...definedOnly({
        cidrBlock: known(vpc, vpc.cidrBlock, text),
        secondaryCidrBlocks:
          vpc.secondaryCidrBlocks === undefined || vpc.secondaryCidrBlocks.length === 0 ? undefined : known(vpc, vpc.secondaryCidrBlocks, names),
        ipv6CidrBlock: known(vpc, vpc.ipv6CidrBlock, text),
        provider,
        dnsSupportEnabled: known(vpc, vpc.dnsSupportEnabled, flag),
        dnsHostnamesEnabled: known(vpc, vpc.dnsHostnamesEnabled, flag),
        privateHostedZoneNames: known(vpc, vpc.associatedPrivateZoneNames, names),
      }),
      ...(subnets.length === 0 ? {} : { subnets }),
    };
    // A VPC imported twice (two teams' constructs): its subnets are the union of what each import says.
    const earlier = byId.get(vpcId);
    const merged = [...(earlier?.subnets ?? []), ...subnets.filter((s) => !(earlier?.subnets ?? []).some((e) => e.subnetId === s.subnetId))];
    byId.set(vpcId, earlier === undefined ? description : { ...earlier, ...(merged.length === 0 ? {} : { subnets: merged }) });
  }
  return [...byId.values()];
}

/** The key resources name a provider configuration by (`aws`, `aws.partner`). */
function providerKey(provider: { readonly terraformResourceType: string; readonly alias?: string }): string {
  return provider.alias === undefined ? provider.terraformResourceType : `${provider.terraformResourceType}.${provider.alias}`;
}

/** An object without its undefined fields: the JSON of a declaration holds no nulls. */
function definedOnly<T extends Record<string, unknown>>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * A flow source with what the stack knows of the VPC made elsewhere it
 * starts in, when the stack imports that VPC: the VPC named (by construct,
 * address or ID), the VPC of its subnet (one of the stack's, or of an
 * imported VPC), or the VPC of its security group (the group's own, or the
 * one an imported group was given as vpcId). An imported group stands for
 * its VPC; a group whose VPC the analysis cannot know is refused here.
 */
function withImportedVpc(stack: TerraformStack, model: NetworkModel, spec: FlowSourceSpec, groupPart: string, groupRef?: unknown): FlowSourceSpec {
  if (spec.internet === true) return spec;
  let imports: ImportedVpcSpec[] | undefined;
  const imported = (): ImportedVpcSpec[] => (imports ??= importedVpcsOf(stack, model));
  const idOf = (reference: string): string => {
    const entity = model.entity(reference)?.entity as { readonly id?: unknown } | undefined;
    return typeof entity?.id === "string" ? entity.id : reference;
  };
  const named = spec.vpc === undefined ? undefined : idOf(spec.vpc);
  let subnetVpc: string | undefined;
  if (spec.subnet !== undefined) {
    const subnet = model.subnet(idOf(spec.subnet));
    subnetVpc = subnet?.vpcId ?? imported().find((v) => (v.subnets ?? []).some((s) => s.subnetId === spec.subnet))?.vpcId;
    if (named !== undefined && subnetVpc !== undefined && subnetVpc !== named)
      throw new ValidationError(stack, "from.subnet", spec.subnet, `a subnet of VPC ${named} (the VPC named; this subnet is of VPC ${subnetVpc})`);
  }
  let groupVpc: string | undefined;
  let groupVpcKnownToModel = false;
  if (spec.securityGroup !== undefined) {
    const group = model.securityGroup(idOf(spec.securityGroup));
    groupVpcKnownToModel = group?.vpcId !== undefined;
    const given = (groupRef as { readonly vpcId?: unknown } | undefined)?.vpcId;
    const resolved = given === undefined ? undefined : isUnresolved(given) ? model.document.evaluate(resolvedValue(stack, given)) : given;
    groupVpc = group?.vpcId ?? (typeof resolved === "string" ? resolved : undefined);
    const other = named ?? subnetVpc;
    const label = groupRef !== null && typeof groupRef === "object" && "node" in groupRef ? (groupRef as IConstruct).node.path : spec.securityGroup;
    if (other !== undefined && groupVpc !== undefined && groupVpc !== other)
      throw new ValidationError(stack, groupPart, label, `a security group of VPC ${other} (the flow's VPC; this group is of VPC ${groupVpc})`);
    // A VPC the stack never names: nothing of it is known, so the group would go unjudged (the analysis refuses it too, for declarations).
    if (other !== undefined && model.vpc(other) === undefined && !imported().some((v) => v.vpcId === other))
      throw new ValidationError(
        stack,
        groupPart,
        label,
        `a security group of a VPC the stack creates or imports: VPC ${other} is neither (this stack never names it), so where the group's members are and what its rules let out is unknown (import the VPC with Vpc.fromVpcAttributes and the group with its vpcId, or leave from.securityGroup out)`,
      );
    if (other === undefined && groupVpc === undefined)
      throw new ValidationError(
        stack,
        groupPart,
        `security group ${label} (its VPC unknown)`,
        "a security group whose VPC is known: import it with its vpcId (SecurityGroup.fromSecurityGroupAttributes), or name the VPC too ({ vpc, securityGroup })",
      );
    if (other === undefined && groupVpc !== undefined && model.vpc(groupVpc) === undefined && !imported().some((v) => v.vpcId === groupVpc))
      throw new ValidationError(
        stack,
        groupPart,
        `security group ${label} of VPC ${groupVpc}`,
        `a security group of a VPC the stack creates or imports: VPC ${groupVpc} is neither, so where the group's members are is unknown (import it with Vpc.fromVpcAttributes)`,
      );
  }
  const vpcId = named ?? subnetVpc ?? groupVpc;
  if (vpcId === undefined) return spec;
  const own = model.vpc(vpcId);
  const description = own !== undefined && !own.external ? undefined : imported().find((v) => v.vpcId === vpcId);
  // A group the model knows by ID alone says nothing of its VPC: the flow names it.
  const vpc = spec.vpc === undefined && subnetVpc === undefined && groupVpc !== undefined && !groupVpcKnownToModel ? { vpc: groupVpc } : {};
  return { ...vpc, ...spec, ...(description === undefined ? {} : { importedVpc: description }) };
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

function destinationSpec(stack: TerraformStack, model: NetworkModel, to: FlowDestination | FlowRef | FlowSubnet | string): FlowDestinationSpec {
  if (to === undefined || to === null)
    throw new ValidationError(stack, "to", to, "a flow destination: a construct, a DNS name, or { dnsName, target, port }");
  if (typeof to === "string") {
    if (model.entity(to) !== undefined) return { target: to };
    const { name, port } = dialedNameAndPort(to);
    return { dnsName: name, ...(port === undefined ? {} : { port }) };
  }
  if (typeof to !== "object") throw new ValidationError(stack, "to", to, "a flow destination: a construct, a DNS name, or { dnsName, target, port }");
  if (isFlowSubnet(to)) return { target: subnetIdOf(stack, model, "to", to) };
  if ("node" in to) return { target: referenceOf(stack, model, "to", to as IConstruct) };
  const destination = to as FlowDestination;
  checkKnownProps(stack, destination, DESTINATION_PROPS, "to");
  if (destination.request !== null && typeof destination.request === "object")
    checkKnownProps(stack, destination.request, REQUEST_PROPS, "to.request");
  return {
    ...(destination.dnsName === undefined ? {} : { dnsName: dnsNameOf(stack, model, destination.dnsName) }),
    ...(destination.target === undefined
      ? {}
      : {
          target: isFlowSubnet(destination.target)
            ? subnetIdOf(stack, model, "to.target", destination.target)
            : referenceOf(stack, model, "to.target", destination.target),
        }),
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

function describeEnd(stack: TerraformStack, end: unknown): string {
  if (typeof end === "string") return end;
  if (end !== null && typeof end === "object" && "node" in end) return (end as IConstruct).node.path;
  if (isFlowSubnet(end)) return `subnet ${String(isUnresolved(end.subnetId) ? resolvedValue(stack, end.subnetId) : end.subnetId)}`;
  const parts = Object.entries((end ?? {}) as Record<string, unknown>).map(
    ([k, v]) => `${k}=${describeConstruct(v) === "[object Object]" ? JSON.stringify(v) : describeConstruct(v)}`,
  );
  return `{ ${parts.join(", ")} }`;
}
