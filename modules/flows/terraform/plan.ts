import { addressNames, Json, readProviders, SyntheticAttributes, TerraformBlock, TerraformDocument, withoutNulls } from "./document";
import { TfValue, Unknown } from "./expressions";

/**
 * The JSON of `terraform show -json <planfile>` read as a
 * {@link TerraformDocument}, for Terraform written without cdktf
 * (hand-written HCL, terraform-aws-modules), so that the same rules judge it.
 *
 * - Blocks are the resources and data sources of `planned_values`, child
 *   modules included, under Terraform's addresses
 *   (`module.network.aws_vpc.this[0]`).
 * - A block's config holds the arguments its configuration writes
 *   (`configuration`, module calls included), as cdktf's JSON does: the
 *   provider's defaults a plan fills in are not something the author wrote.
 *   Nested blocks are kept as planned, as dynamic blocks have no expressions.
 * - Values come from the plan. A value the plan leaves unknown (an ID, an
 *   ARN) becomes what it depends on, with module inputs and outputs followed
 *   to the blocks: `${aws_vpc_endpoint.kms.id}`, a list of such for several,
 *   `${(known after apply)}` for none. Rules that follow references
 *   (`refersTo`) then work as on cdktf's JSON, and the value stays unknown.
 *   `each.value` follows the `for_each` expression to the instance with the
 *   same key (`for_each = aws_vpc.spoke`, `vpc_id = each.value.id`).
 * - A value the plan knows that is the ID or ARN of a block the argument's
 *   configuration refers to (a plan made after apply: `vpc_id` is
 *   `"vpc-0abc..."`) is written as that reference too, `${aws_vpc.main.id}`,
 *   so that the links between blocks are the same before and after apply;
 *   the reference evaluates to the plan's value. Other known values (a CIDR
 *   read from the VPC) stay as they are.
 * - References to attributes a block's configuration does not write (IDs,
 *   ARNs, data sources' results) evaluate to the plan's values where it
 *   knows them.
 */

/** The parts of `terraform show -json <planfile>` the reader uses. */
interface Plan {
  readonly planned_values?: { readonly root_module?: PlannedModule };
  readonly resource_changes?: readonly { readonly address: string; readonly change?: { readonly after_unknown?: unknown } }[];
  readonly configuration?: { readonly root_module?: ConfiguredModule; readonly provider_config?: Record<string, ConfiguredProvider> };
}

interface PlannedModule {
  readonly address?: string;
  readonly resources?: readonly PlannedResource[];
  readonly child_modules?: readonly PlannedModule[];
}

interface PlannedResource {
  readonly address: string;
  /** The count index or for_each key of an instance. */
  readonly index?: string | number;
  readonly mode: "managed" | "data";
  readonly type: string;
  readonly name: string;
  readonly values?: Json;
}

interface ConfiguredModule {
  readonly resources?: readonly ConfiguredResource[];
  readonly module_calls?: Record<string, ModuleCall>;
  readonly outputs?: Record<string, { readonly expression?: Expression }>;
}

interface ConfiguredResource {
  readonly address: string;
  readonly provider_config_key?: string;
  readonly expressions?: Record<string, ExpressionNode>;
  readonly for_each_expression?: Expression;
}

interface ModuleCall {
  readonly expressions?: Record<string, Expression>;
  readonly module?: ConfiguredModule;
}

interface ConfiguredProvider {
  readonly name: string;
  readonly alias?: string;
  readonly expressions?: Record<string, ExpressionNode>;
}

/** An argument's expression: a constant, or the references it reads. */
interface Expression {
  readonly constant_value?: unknown;
  readonly references?: readonly string[];
}

/** An argument's expression, or a nested block's list of blocks of expressions. */
type ExpressionNode = Expression | readonly { readonly [argument: string]: ExpressionNode }[] | { readonly [argument: string]: ExpressionNode };

/** A module instance of the plan with its configuration: where its references point. */
interface Scope {
  /** `module.network.` (with instance keys) before the addresses of the module's blocks; empty for the root module. */
  readonly prefix: string;
  readonly module: ConfiguredModule;
  /** The call that made the module and the scope it was made in; absent for the root module. */
  readonly call?: { readonly expressions: Record<string, Expression>; readonly parent: Scope };
}

/** What a block's arguments are read with: where references point, and which `each.value` is. */
interface Context {
  readonly scope: Scope;
  /** The planned values of every block, by address: what a known ID is compared with. */
  readonly planned: ReadonlyMap<string, Json>;
  /** The instance's for_each key and the expression's references, for `each.value`. */
  readonly instance?: Instance;
}

/** A for_each instance: its key, the for_each expression's references and the addresses of the plan's blocks. */
interface Instance {
  readonly key: string | number;
  readonly forEach: readonly string[];
  readonly addresses: ReadonlyMap<string, unknown>;
}

/** Attributes whose known value, when an argument's configuration refers to a block, is taken for that reference. */
const IDENTIFYING = ["id", "arn"];

/** Shown for a value that the plan does not know and that depends on no block. */
const KNOWN_AFTER_APPLY = "${(known after apply)}";

/** Roots of references that name neither a block nor a module: `local` values are not in the plan's JSON. */
const NOT_BLOCKS = new Set(["local", "count", "each", "path", "terraform", "self"]);

/** True for JSON that `terraform show -json <planfile>` wrote (not a state, not cdktf's JSON). */
export function isPlanJson(json: Json): boolean {
  return typeof json.format_version === "string" && json.planned_values !== undefined;
}

/**
 * Reads the JSON of `terraform show -json <planfile>`. Throws when the JSON
 * is not a plan's or lacks the configuration (references are read from it).
 */
export function documentFromPlan(name: string, json: Json, synthetic?: SyntheticAttributes): TerraformDocument {
  const plan = json as Plan;
  const rootPlanned = plan.planned_values?.root_module;
  const rootConfigured = plan.configuration?.root_module;
  if (!isPlanJson(json) || rootPlanned === undefined || rootConfigured === undefined) {
    throw new Error(
      `${name}: not the JSON of \`terraform show -json <planfile>\` (it needs planned_values.root_module and configuration.root_module)`,
    );
  }
  const unknownByAddress = new Map((plan.resource_changes ?? []).map((change) => [change.address, change.change?.after_unknown] as const));
  const root: Scope = { prefix: "", module: rootConfigured };
  const resources: { readonly resource: PlannedResource; readonly scope: Scope }[] = [];
  const read = (planned: PlannedModule, scope: Scope): void => {
    for (const resource of planned.resources ?? []) resources.push({ resource, scope });
    for (const child of planned.child_modules ?? []) read(child, scopeOfModule(child.address ?? "", root));
  };
  read(rootPlanned, root);
  const planned = new Map(resources.map(({ resource }) => [resource.address, resource.values ?? {}] as const));
  const blocks = resources.map(({ resource, scope }) => blockOf(resource, { scope, planned }, unknownByAddress.get(resource.address)));
  return new TerraformDocument(
    name,
    { blocks, providers: readProviders(providerBlocks(plan.configuration?.provider_config ?? {})) },
    knownAttributes(planned, synthetic),
  );
}

/**
 * Attributes the configuration does not write, as the plan knows them (after
 * apply: IDs, ARNs; data sources' results), else as `synthetic` (or unknown)
 * gives them.
 */
function knownAttributes(planned: ReadonlyMap<string, Json>, synthetic: SyntheticAttributes | undefined): SyntheticAttributes {
  return (block, steps, document) => {
    let value: unknown = planned.get(block.address);
    for (const step of steps) value = value === null || typeof value !== "object" ? undefined : (value as Record<string | number, unknown>)[step];
    // The plan's values are values, not expressions: a `${` in them (a flow log's log_format) is text.
    if (steps.length > 0 && value !== undefined && value !== null) return value as TfValue;
    return synthetic === undefined ? new Unknown(steps.join(".") || document.stackName) : synthetic(block, steps, document);
  };
}

function blockOf(resource: PlannedResource, context: Omit<Context, "instance">, afterUnknown: unknown): TerraformBlock {
  const { scope } = context;
  const mode = resource.mode === "data" ? "data" : "resource";
  const configured = (scope.module.resources ?? []).find((r) => r.address === `${mode === "data" ? "data." : ""}${resource.type}.${resource.name}`);
  // Providers passed into modules are keyed `module.x:aws`; the configuration name is what follows.
  const provider = (configured?.provider_config_key ?? "aws").split(":").pop() ?? "aws";
  return {
    mode,
    type: resource.type,
    name: resource.name,
    address: resource.address,
    path: resource.address,
    provider: provider.startsWith("aws") ? provider : "aws",
    config: writtenArguments(resource.values ?? {}, afterUnknown, configured?.expressions ?? {}, {
      ...context,
      instance:
        resource.index === undefined || configured?.for_each_expression === undefined
          ? undefined
          : { key: resource.index, forEach: configured.for_each_expression.references ?? [], addresses: context.planned },
    }),
    annotations: {},
    comment: {},
  };
}

/** The scope of a planned module instance (`module.a[0].module.b`), its configuration found by call names. */
function scopeOfModule(address: string, root: Scope): Scope {
  return [...address.matchAll(/module\.([A-Za-z0-9_-]+)(\[(?:"[^"]*"|[^\]]*)\])?/g)].reduce<Scope>((parent, [segment, callName]) => {
    const call = parent.module.module_calls?.[callName];
    return { prefix: `${parent.prefix}${segment}.`, module: call?.module ?? {}, call: { expressions: call?.expressions ?? {}, parent } };
  }, root);
}

function writtenArguments(values: Json, afterUnknown: unknown, expressions: Record<string, ExpressionNode>, context: Context): Json {
  const config: Json = {};
  for (const argument of new Set([...Object.keys(values), ...Object.keys(expressions)])) {
    const planned = values[argument];
    if (expressions[argument] === undefined && !isBlockList(planned)) continue;
    const value = plannedValue(planned, unknownPart(afterUnknown, argument), expressions[argument], context);
    if (value !== undefined) config[argument] = value;
  }
  return withoutNulls(config);
}

/** The planned value with its unknown parts replaced by what they depend on, and known IDs of referenced blocks by their references. */
function plannedValue(planned: unknown, unknown: unknown, expression: ExpressionNode | undefined, context: Context): unknown {
  if (unknown === true) return dependencies(resolve(referencesUnder(expression), context.scope, context.instance));
  if (typeof planned === "string" && expression !== undefined) return knownReference(planned, expression, context) ?? planned;
  if (Array.isArray(planned))
    return planned.map((item, i) => plannedValue(item, unknownPart(unknown, i), expressionOfItem(expression, item), context));
  if (isObject(planned)) {
    const unknownArguments = isObject(unknown) ? Object.keys(unknown).filter((key) => unknown[key] === true) : [];
    return Object.fromEntries(
      [...new Set([...Object.keys(planned), ...unknownArguments])].map((key) => [
        key,
        plannedValue(planned[key], unknownPart(unknown, key), expressionOfArgument(expression, key), context),
      ]),
    );
  }
  return planned;
}

/**
 * `${<block>.id}` (or `.arn`) for a known value that is the ID or ARN of a
 * block the expression refers to (the attribute the reference names, else
 * either); undefined when it is no referenced block's.
 */
function knownReference(value: string, expression: ExpressionNode, context: Context): string | undefined {
  if (value === "") return undefined;
  for (const reference of resolve(referencesUnder(expression), context.scope, context.instance)) {
    const match =
      /^((?:module\.[A-Za-z0-9_-]+(?:\[[^\]]*\])?\.)*(?:data\.)?[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+(?:\[[^\]]*\])?)(?:\.([A-Za-z0-9_-]+))?/.exec(
        reference,
      );
    if (match === null) continue;
    const [, address, attribute] = match;
    const attributes = attribute === undefined ? IDENTIFYING : IDENTIFYING.filter((a) => a === attribute);
    for (const [candidate, values] of context.planned) {
      if (!addressNames(address, candidate)) continue;
      const named = attributes.find((a) => values[a] === value);
      if (named !== undefined) return `\${${candidate}.${named}}`;
    }
  }
  return undefined;
}

function dependencies(references: readonly string[]): unknown {
  if (references.length === 0) return KNOWN_AFTER_APPLY;
  return references.length === 1 ? `\${${references[0]}}` : references.map((reference) => `\${${reference}}`);
}

/**
 * References as addresses of blocks: `var.x` follows the module call's
 * argument, `module.m.out` the module's output, a block's own reference gets
 * the module's prefix, `each.value` the `for_each` expression's blocks (the
 * instance with the same key where they have one). Of `aws_vpc.this[0].id`,
 * `aws_vpc.this[0]` and `aws_vpc.this` (Terraform lists all three) the most
 * specific is kept.
 */
function resolve(references: readonly string[], scope: Scope, instance?: Instance): string[] {
  const resolved = references.flatMap((reference): string[] => {
    const [root, name, ...rest] = reference.split(".");
    if (root === "each" && name === "value" && instance !== undefined) return eachValue(reference.slice("each.value".length), scope, instance);
    if (root === "var") return scope.call === undefined ? [] : resolve(scope.call.expressions[name]?.references ?? [], scope.call.parent);
    if (root === "module") {
      if (rest.length === 0) return [];
      const callName = name.replace(/\[.*$/, "");
      const call = scope.module.module_calls?.[callName];
      const child: Scope = {
        prefix: `${scope.prefix}module.${name}.`,
        module: call?.module ?? {},
        call: { expressions: call?.expressions ?? {}, parent: scope },
      };
      return resolve(call?.module?.outputs?.[rest[0]]?.expression?.references ?? [], child);
    }
    return NOT_BLOCKS.has(root) ? [] : [`${scope.prefix}${reference}`];
  });
  const unique = [...new Set(resolved)];
  return unique.filter((reference) => !unique.some((other) => other.startsWith(`${reference}.`) || other.startsWith(`${reference}[`)));
}

/**
 * What `each.value<rest>` is in an instance: the blocks of the for_each
 * expression, the instance with the same key where one exists
 * (`for_each = aws_vpc.spoke`), else all of them (the expression's map is
 * made from them with other keys, or holds their attributes).
 */
function eachValue(rest: string, scope: Scope, instance: Instance): string[] {
  return resolve(instance.forEach, scope).map((target) => {
    const keyed = `${target}[${JSON.stringify(instance.key)}]`;
    return instance.addresses.has(keyed) ? `${keyed}${rest}` : target;
  });
}

function referencesUnder(expression: ExpressionNode | undefined): string[] {
  if (expression === undefined) return [];
  if (Array.isArray(expression)) return expression.flatMap(referencesUnder);
  if (isLeaf(expression)) return [...((expression as Expression).references ?? [])];
  return Object.values(expression as Record<string, ExpressionNode>).flatMap(referencesUnder);
}

/**
 * The nested block of the configuration that a planned block came from: the
 * only one whose constant arguments agree with it (sets reorder blocks);
 * else all of them, whose references then count for every planned block.
 */
function expressionOfItem(expression: ExpressionNode | undefined, item: unknown): ExpressionNode | undefined {
  if (!Array.isArray(expression)) return expression;
  const agreeing = (expression as readonly Record<string, ExpressionNode>[]).filter(
    (block) =>
      isObject(item) &&
      Object.entries(block).every(
        ([argument, node]) =>
          !isLeaf(node) || !("constant_value" in node) || JSON.stringify((node as Expression).constant_value) === JSON.stringify(item[argument]),
      ),
  );
  return agreeing.length === 1 ? agreeing[0] : expression;
}

/** An argument of a nested block's expression; an argument's own expression stands for all its parts. */
function expressionOfArgument(expression: ExpressionNode | undefined, argument: string): ExpressionNode | undefined {
  if (expression === undefined || Array.isArray(expression) || isLeaf(expression)) return expression;
  return (expression as Record<string, ExpressionNode>)[argument] ?? expression;
}

/** An argument's expression (constant or references) rather than a nested block's arguments. */
function isLeaf(node: ExpressionNode): boolean {
  return !Array.isArray(node) && Object.keys(node).every((key) => key === "constant_value" || key === "references");
}

function unknownPart(unknown: unknown, step: string | number): unknown {
  if (Array.isArray(unknown) && typeof step === "number") return unknown[step];
  return isObject(unknown) && typeof step === "string" ? unknown[step] : undefined;
}

/** A nested block as a plan writes it: a list of objects. */
function isBlockList(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0 && value.every(isObject);
}

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** The root module's AWS provider configurations as Terraform JSON provider blocks (constants only). */
function providerBlocks(configured: Record<string, ConfiguredProvider>): Json[] {
  return Object.entries(configured)
    .filter(([key, provider]) => !key.includes(":") && provider.name === "aws")
    .map(([, provider]) => ({
      ...(constants(provider.expressions ?? {}) as Json),
      ...(provider.alias === undefined ? {} : { alias: provider.alias }),
    }));
}

function constants(node: ExpressionNode): unknown {
  if (Array.isArray(node)) return node.map(constants);
  if (isLeaf(node)) return (node as Expression).constant_value;
  return Object.fromEntries(Object.entries(node as Record<string, ExpressionNode>).map(([key, value]) => [key, constants(value)]));
}
