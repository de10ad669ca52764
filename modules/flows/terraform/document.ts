import { evaluateString, referencesIn, TfValue, TraversalStep, Unknown } from "./expressions";

/**
 * A synthesized Terraform configuration (cdktf's `cdk.tf.json`) as blocks
 * whose arguments can be evaluated: references follow into other blocks,
 * variables take their defaults, and attributes AWS assigns at apply (IDs,
 * ARNs, DNS names) get stable synthetic values, so that the same reference
 * compares equal wherever it appears (a security-group rule, a policy
 * condition, a route). This is the one reader of synthesized JSON: the flow
 * analysis, the guardrails and the diagrams all build on it. It reads
 * cdktf's JSON ({@link TerraformDocument.fromJson}) and, through plan.ts,
 * the JSON of `terraform show -json <planfile>` for Terraform written
 * without cdktf.
 */

/** A JSON object of the synthesized configuration. */
export type Json = Record<string, unknown>;

/** One `resource` or `data` block. */
export interface TerraformBlock {
  /** `resource` or `data`. */
  readonly mode: "resource" | "data";
  /** Terraform type, e.g. `aws_vpc_endpoint`. */
  readonly type: string;
  /** Terraform name (the construct's logical ID). */
  readonly name: string;
  /**
   * `aws_vpc_endpoint.name` or `data.aws_x.name`: the prefix of every
   * reference to the block. Read from a plan, blocks in modules and
   * count/for_each instances have Terraform's full addresses
   * (`module.network.aws_vpc.this[0]`).
   */
  readonly address: string;
  /** Construct path from cdktf's metadata, else `<stack>/<name>`; the address for a block read from a plan. */
  readonly path: string;
  /** Key of the provider configuration the block uses: `aws` (default) or `aws.<alias>`. */
  readonly provider: string;
  /** The block's arguments as written (snake_case; `//` comments and null arguments removed). */
  readonly config: Readonly<Json>;
  /** What the library recorded about the block for the flow analysis (`//.flows`), such as the security groups of a target group's targets. */
  readonly annotations: Readonly<Json>;
  /** The block's `//` comment as written: cdktf's metadata and what the library's areas recorded there (`flows`, `guardrails_suppressions`). */
  readonly comment: Readonly<Json>;
}

/** What a document is made of, whichever JSON it was read from. */
export interface TerraformContents {
  /** Every resource and data block, in the file's order. */
  readonly blocks: readonly TerraformBlock[];
  /** The AWS provider configurations the configuration declares; a default one is added when none is. */
  readonly providers: readonly ProviderConfiguration[];
  /** Input variables by name, with their declarations (a `default` is the value references get). @default - none */
  readonly variables?: Readonly<Record<string, Json>>;
  /** What the stack recorded for the flow analysis (`//.flows` at the top level). @default - nothing */
  readonly annotations?: Readonly<Json>;
}

/** An AWS provider configuration: one account and region the stack deploys into. */
export interface ProviderConfiguration {
  /** `aws` for the default configuration, `aws.<alias>` otherwise: what a block's `provider` argument names. */
  readonly key: string;
  /** The alias. @default - the default configuration */
  readonly alias?: string;
  /** The literal region. @default - unknown */
  readonly region?: string;
  /** The account, from `allowed_account_ids` or the assumed role's ARN. @default - unknown (the credentials' account) */
  readonly accountId?: string;
  /** The role the configuration assumes. @default - none: ambient credentials */
  readonly assumeRoleArn?: string;
}

/** Computes the value of an attribute that AWS assigns (IDs, ARNs, DNS names) for a block. */
export type SyntheticAttributes = (block: TerraformBlock, steps: readonly TraversalStep[], document: TerraformDocument) => TfValue;

const NEVER_ARGUMENTS = new Set(["//", "provider", "depends_on", "lifecycle", "count", "for_each", "provisioner", "connection"]);

/** Blocks of one stack's configuration, with evaluation of their arguments. */
export class TerraformDocument {
  /** Reads a synthesized stack (cdktf's `cdk.tf.json` as an object). */
  public static fromJson(stackName: string, json: Json, synthetic?: SyntheticAttributes): TerraformDocument {
    return new TerraformDocument(stackName, readSynthesizedJson(stackName, json), synthetic);
  }

  /** Every resource and data block, in the file's order. */
  public readonly blocks: readonly TerraformBlock[];
  /** Every AWS provider configuration; a default one is assumed when the configuration declares none. */
  public readonly providers: readonly ProviderConfiguration[];
  /** Input variables by name, with their declarations. */
  public readonly variables: Readonly<Record<string, Json>>;
  /** What the stack recorded for the flow analysis (`//.flows` at the top level), such as its declared flows. */
  public readonly annotations: Readonly<Json>;
  private readonly byAddress: ReadonlyMap<string, TerraformBlock>;
  private readonly cache = new Map<string, TfValue>();
  private readonly evaluating = new Set<string>();

  constructor(
    /** Name of the stack (or of the configuration a plan was made from). */
    public readonly stackName: string,
    contents: TerraformContents,
    private readonly synthetic: SyntheticAttributes = (_block, steps, document) => new Unknown(steps.join(".") || document.stackName),
  ) {
    this.blocks = contents.blocks;
    this.byAddress = new Map(contents.blocks.map((b) => [b.address, b]));
    this.variables = contents.variables ?? {};
    this.annotations = contents.annotations ?? {};
    this.providers = contents.providers.some((p) => p.alias === undefined) ? contents.providers : [{ key: "aws" }, ...contents.providers];
  }

  /** Every resource (not data source) of the given types, in the file's order. */
  public resources(...types: string[]): TerraformBlock[] {
    return this.blocks.filter((b) => b.mode === "resource" && types.includes(b.type));
  }

  /** Every data source of the given types. */
  public dataSources(...types: string[]): TerraformBlock[] {
    return this.blocks.filter((b) => b.mode === "data" && types.includes(b.type));
  }

  /** The block at an address (`aws_vpc.main`, `data.aws_x.y`). */
  public block(address: string): TerraformBlock | undefined {
    return this.byAddress.get(address);
  }

  /** The provider configuration a block uses. */
  public providerOf(block: TerraformBlock): ProviderConfiguration {
    return this.providers.find((p) => p.key === block.provider) ?? { key: block.provider };
  }

  /** One argument of a block, evaluated: `value(vpc, "cidr_block")`, `value(endpoint, "dns_options", 0, "dns_record_ip_type")`. */
  public value(block: TerraformBlock, ...path: readonly (string | number)[]): TfValue {
    const key = `${block.address}|${path.join("|")}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    let raw: unknown = block.config;
    for (const step of path) {
      if (raw === undefined || raw === null) break;
      raw = Array.isArray(raw) && typeof step === "string" ? undefined : (raw as Record<string | number, unknown>)[step];
    }
    const value = raw === undefined ? null : this.evaluate(raw, key);
    this.cache.set(key, value);
    return value;
  }

  /** A literal string argument, or undefined when it is absent or only known at apply. */
  public text(block: TerraformBlock, ...path: readonly (string | number)[]): string | undefined {
    const value = this.value(block, ...path);
    return typeof value === "string" ? value : undefined;
  }

  /** A list argument's items (a single value counts as a list of one; absent is empty); undefined when the list itself is unknown. */
  public list(block: TerraformBlock, ...path: readonly (string | number)[]): TfValue[] | undefined {
    const value = this.value(block, ...path);
    if (value === null) return [];
    if (value instanceof Unknown) return undefined;
    return Array.isArray(value) ? [...(value as TfValue[])] : [value];
  }

  /** Nested blocks of an argument (cdktf writes one as an object, several as a list), evaluated. */
  public nested(block: TerraformBlock, ...path: readonly (string | number)[]): Record<string, TfValue>[] {
    const value = this.value(block, ...path);
    const items = Array.isArray(value) ? (value as TfValue[]) : value === null ? [] : [value];
    return items.filter((v): v is Record<string, TfValue> => v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof Unknown));
  }

  /** The blocks a raw value (an argument as written) refers to: `${aws_lb.alb.arn}` -> the `aws_lb.alb` block; without evaluating it. */
  public referencedBlocks(value: unknown): TerraformBlock[] {
    return [...new Set(this.referencedTargets(value).flatMap((target) => this.blocksNamed(target.address)))];
  }

  /** True when a raw value (an argument as written) refers to the block, any attribute of it. */
  public refersTo(value: unknown, block: TerraformBlock): boolean {
    return this.referencedTargets(value).some((target) => addressNames(target.address, block.address));
  }

  /** Evaluates a raw JSON value in the context of this document. */
  public evaluate(raw: unknown, key = "expression"): TfValue {
    if (typeof raw === "string") return evaluateString(raw, (steps, text) => this.resolveReference(steps, text, key));
    if (Array.isArray(raw)) return raw.map((item, i) => this.evaluate(item, `${key}|${i}`));
    if (raw !== null && typeof raw === "object") {
      return Object.fromEntries(
        Object.entries(raw)
          .filter(([k]) => k !== "//")
          .map(([k, v]) => [k, this.evaluate(v, `${key}|${k}`)]),
      );
    }
    return (raw ?? null) as TfValue;
  }

  /** What a raw value's references name, for_each instances included. */
  private referencedTargets(value: unknown): ReferenceTarget[] {
    return referenceTraversals(value).flatMap((steps) => {
      const target = referenceTarget(steps);
      return target === undefined ? [] : [this.withInstanceKey(target)];
    });
  }

  /**
   * The expression reader gives `aws_x.y["key"].id` and `aws_x.y.key.id`
   * alike; where a for_each instance `aws_x.y["key"]` exists (read from a
   * plan), the step is its key rather than an attribute.
   */
  private withInstanceKey(target: ReferenceTarget): ReferenceTarget {
    const [key, ...attribute] = target.attribute;
    const keyed = typeof key === "string" ? `${target.address}[${JSON.stringify(key)}]` : undefined;
    return keyed !== undefined && this.byAddress.has(keyed) ? { address: keyed, attribute } : target;
  }

  /** The block at an address, or every count/for_each instance of a resource named without a key. */
  private blocksNamed(address: string): TerraformBlock[] {
    const exact = this.byAddress.get(address);
    return exact !== undefined ? [exact] : this.blocks.filter((b) => addressNames(address, b.address));
  }

  private resolveReference(steps: readonly TraversalStep[], text: string, from: string): TfValue {
    const [root, variable] = steps;
    if (root === "var" && typeof variable === "string") {
      const declared = this.variables[variable];
      if (declared !== undefined && "default" in declared) return this.evaluate(declared.default, `var.${variable}`);
      return new Unknown(text);
    }
    const found = referenceTarget(steps);
    const target = found === undefined ? undefined : this.withInstanceKey(found);
    const named = target === undefined ? [] : this.blocksNamed(target.address);
    // Several instances (a reference to a counted resource without its key) have no single value.
    if (target === undefined || named.length !== 1) return new Unknown(text);
    const [block] = named;
    const attribute = target.attribute;
    const key = `${block.address}.${attribute.join(".")}`;
    if (this.evaluating.has(key)) return new Unknown(text);
    this.evaluating.add(key);
    try {
      const argument =
        attribute.length > 0 && typeof attribute[0] === "string" && !NEVER_ARGUMENTS.has(attribute[0]) ? block.config[attribute[0]] : undefined;
      if (argument !== undefined && block.mode === "resource") {
        const value = this.value(block, attribute[0] as string);
        return attribute.slice(1).reduce<TfValue>((current, step) => indexValue(current, step), value);
      }
      return this.synthetic(block, attribute, this) ?? new Unknown(`${from}:${text}`);
    } finally {
      this.evaluating.delete(key);
    }
  }
}

function indexValue(value: TfValue, step: TraversalStep): TfValue {
  if (value instanceof Unknown) return value;
  if (Array.isArray(value))
    return typeof step === "number"
      ? ((value as TfValue[])[step] ?? null)
      : (value as TfValue[])[0] === undefined
        ? null
        : indexValue((value as TfValue[])[0], step);
  if (value !== null && typeof value === "object") return (value as Record<string, TfValue>)[String(step)] ?? null;
  return null;
}

/** The blocks, providers, variables and notes of cdktf's synthesized JSON. */
function readSynthesizedJson(stackName: string, json: Json): TerraformContents {
  const blocks: TerraformBlock[] = [];
  for (const mode of ["resource", "data"] as const) {
    for (const [type, byName] of Object.entries((json[mode] ?? {}) as Record<string, Json>)) {
      for (const [name, raw] of Object.entries(byName as Record<string, Json>)) {
        const { "//": rawComment, ...config } = raw;
        const comment = (rawComment ?? {}) as Json & { metadata?: { path?: string }; flows?: Json };
        const provider = typeof config.provider === "string" ? config.provider.replace(/^\$\{|\}$/g, "") : "aws";
        blocks.push({
          mode,
          type,
          name,
          address: mode === "data" ? `data.${type}.${name}` : `${type}.${name}`,
          path: comment.metadata?.path ?? `${stackName}/${name}`,
          provider: provider.startsWith("aws") ? provider : "aws",
          config: withoutNulls(config),
          annotations: comment.flows ?? {},
          comment,
        });
      }
    }
  }
  return {
    blocks,
    providers: readProviders(((json.provider ?? {}) as Json).aws),
    variables: (json.variable ?? {}) as Record<string, Json>,
    annotations: (((json["//"] ?? {}) as Json).flows ?? {}) as Json,
  };
}

/** AWS provider configurations from provider blocks as Terraform JSON writes them (`provider.aws`: one object or a list). */
export function readProviders(providerBlocks: unknown): ProviderConfiguration[] {
  const blocks = (Array.isArray(providerBlocks) ? providerBlocks : providerBlocks === undefined ? [] : [providerBlocks]) as Json[];
  return blocks.map((block): ProviderConfiguration => {
    const alias = typeof block.alias === "string" ? block.alias : undefined;
    const allowed = block.allowed_account_ids;
    const roles = (Array.isArray(block.assume_role) ? block.assume_role : block.assume_role === undefined ? [] : [block.assume_role]) as Json[];
    const assumeRoleArn = typeof roles[0]?.role_arn === "string" && !roles[0].role_arn.includes("${") ? roles[0].role_arn : undefined;
    const fromAllowed =
      Array.isArray(allowed) && allowed.length === 1 && typeof allowed[0] === "string" && /^\d{12}$/.test(allowed[0]) ? allowed[0] : undefined;
    const fromRole = assumeRoleArn === undefined ? undefined : /^arn:[^:]+:iam::(\d{12}):/.exec(assumeRoleArn)?.[1];
    return {
      key: alias === undefined ? "aws" : `aws.${alias}`,
      alias,
      region: typeof block.region === "string" && !block.region.includes("${") ? block.region : undefined,
      accountId: fromAllowed ?? fromRole,
      assumeRoleArn,
    };
  });
}

/** Terraform treats a null argument as absent (cdktf writes nulls for unset inline-block fields; plans write them for every unset argument). */
export function withoutNulls(config: Json): Json {
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (value === null || typeof value !== "object") return value;
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== null)
        .map(([k, v]) => [k, strip(v)]),
    );
  };
  return strip(config) as Json;
}

/** Addresses (`aws_x.name`, `data.aws_x.name`, `module.m.aws_x.name[0]`) referenced anywhere inside a raw value. */
export function referencedAddresses(value: unknown): string[] {
  return referenceTraversals(value).flatMap((steps) => referenceTarget(steps)?.address ?? []);
}

/** Every reference anywhere inside a raw value (strings, lists, objects), as traversal steps. */
function referenceTraversals(value: unknown): TraversalStep[][] {
  if (typeof value === "string") return referencesIn(value);
  if (Array.isArray(value)) return value.flatMap(referenceTraversals);
  if (value !== null && typeof value === "object") return Object.values(value).flatMap(referenceTraversals);
  return [];
}

/** A block a reference names, and the attribute steps after it. */
export interface ReferenceTarget {
  /** The block's address, with the instance key the reference gives. */
  readonly address: string;
  /** Steps after the block: `["id"]`, `["dns_entry", 0, "dns_name"]`. */
  readonly attribute: readonly TraversalStep[];
}

/** Roots of references that name no block. */
const NOT_BLOCKS = new Set(["var", "local", "count", "each", "path", "terraform", "self", "module"]);

/**
 * The block a reference names and the attribute steps after it:
 * `module.net.aws_vpc.this[0].id` -> `module.net.aws_vpc.this[0]` and
 * `["id"]`. Undefined for references to variables, locals, module outputs
 * and the like. A string instance key (`for_each`) reads as an attribute,
 * as the expression reader gives both as names; the document tells them
 * apart by the instances it has.
 */
export function referenceTarget(steps: readonly TraversalStep[]): ReferenceTarget | undefined {
  let i = 0;
  let prefix = "";
  while (steps[i] === "module" && typeof steps[i + 1] === "string") {
    prefix += `module.${steps[i + 1]}`;
    i += 2;
    if (typeof steps[i] === "number") prefix += `[${steps[i++]}]`;
    prefix += ".";
  }
  if (steps[i] === "data") {
    prefix += "data.";
    i += 1;
  }
  const [type, name] = [steps[i], steps[i + 1]];
  if (typeof type !== "string" || typeof name !== "string" || (prefix === "" && NOT_BLOCKS.has(type))) return undefined;
  i += 2;
  const key = typeof steps[i] === "number" ? `[${steps[i++]}]` : "";
  return { address: `${prefix}${type}.${name}${key}`, attribute: steps.slice(i) };
}

/**
 * True when a reference's address names the block at `address`: the same
 * address, or the same resource where one side leaves an instance key out
 * (`aws_subnet.private` names every `aws_subnet.private[n]`; cdktf writes a
 * counted resource once, so `aws_subnet.private[0]` names that block).
 */
export function addressNames(reference: string, address: string): boolean {
  if (reference === address) return true;
  if (!reference.includes("[") && !address.includes("[")) return false;
  const wanted = addressSegments(reference);
  const actual = addressSegments(address);
  return (
    wanted.length === actual.length &&
    wanted.every(
      (segment, i) => segment.name === actual[i].name && (segment.key === undefined || actual[i].key === undefined || segment.key === actual[i].key),
    )
  );
}

function addressSegments(address: string): { readonly name: string; readonly key?: string }[] {
  return [...address.matchAll(/([A-Za-z0-9_-]+)(\[(?:"[^"]*"|[^\]]*)\])?/g)].map((m) => ({ name: m[1], key: m[2] }));
}
