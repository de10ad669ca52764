import { evaluateString, referencesIn, TfValue, TraversalStep, Unknown } from "./expressions";

/**
 * A synthesized Terraform configuration (cdktf's `cdk.tf.json`) as blocks
 * whose arguments can be evaluated: references follow into other blocks,
 * variables take their defaults, and attributes AWS assigns at apply (IDs,
 * ARNs, DNS names) get stable synthetic values, so that the same reference
 * compares equal wherever it appears (a security-group rule, a policy
 * condition, a route). This is the one reader of synthesized JSON: the flow
 * analysis, the guardrails and the diagrams all build on it.
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
  /** `aws_vpc_endpoint.name` or `data.aws_x.name`: the prefix of every reference to the block. */
  readonly address: string;
  /** Construct path from cdktf's metadata, else `<stack>/<name>`. */
  readonly path: string;
  /** Key of the provider configuration the block uses: `aws` (default) or `aws.<alias>`. */
  readonly provider: string;
  /** The block's arguments as written (snake_case; `//` comments and null arguments removed). */
  readonly config: Readonly<Json>;
  /** What the library recorded about the block for the flow analysis (`//.flows`), such as the security groups of a target group's targets. */
  readonly annotations: Readonly<Json>;
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

/** Blocks of one synthesized stack, with evaluation of their arguments. */
export class TerraformDocument {
  /** Every resource and data block, in the file's order. */
  public readonly blocks: readonly TerraformBlock[];
  /** Every AWS provider configuration; a default one is assumed when the file declares none. */
  public readonly providers: readonly ProviderConfiguration[];
  /** Input variables by name, with their declarations. */
  public readonly variables: Readonly<Record<string, Json>>;
  /** What the stack recorded for the flow analysis (`//.flows` at the top level), such as its declared flows. */
  public readonly annotations: Readonly<Json>;
  private readonly byAddress: ReadonlyMap<string, TerraformBlock>;
  private readonly cache = new Map<string, TfValue>();
  private readonly evaluating = new Set<string>();

  constructor(
    /** Name of the stack. */
    public readonly stackName: string,
    json: Json,
    private readonly synthetic: SyntheticAttributes = (_block, steps, document) => new Unknown(steps.join(".") || document.stackName),
  ) {
    const blocks: TerraformBlock[] = [];
    for (const mode of ["resource", "data"] as const) {
      for (const [type, byName] of Object.entries((json[mode] ?? {}) as Record<string, Json>)) {
        for (const [name, raw] of Object.entries(byName as Record<string, Json>)) {
          const { "//": comment, ...config } = raw;
          const meta = (comment ?? {}) as { metadata?: { path?: string }; flows?: Json };
          const provider = typeof config.provider === "string" ? config.provider.replace(/^\$\{|\}$/g, "") : "aws";
          blocks.push({
            mode,
            type,
            name,
            address: mode === "data" ? `data.${type}.${name}` : `${type}.${name}`,
            path: meta.metadata?.path ?? `${stackName}/${name}`,
            provider: provider.startsWith("aws") ? provider : "aws",
            config: withoutNulls(config),
            annotations: meta.flows ?? {},
          });
        }
      }
    }
    this.blocks = blocks;
    this.byAddress = new Map(blocks.map((b) => [b.address, b]));
    this.variables = (json.variable ?? {}) as Record<string, Json>;
    this.annotations = (((json["//"] ?? {}) as Json).flows ?? {}) as Json;
    this.providers = readProviders(json);
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

  /** Addresses of the blocks an argument refers to (`${aws_vpc.main.id}` -> `aws_vpc.main`), without evaluating it. */
  public referencedBlocks(block: TerraformBlock, argument: string): TerraformBlock[] {
    return referencedAddresses(block.config[argument])
      .map((address) => this.byAddress.get(address))
      .filter((b): b is TerraformBlock => b !== undefined);
  }

  /** Evaluates a raw JSON value in the context of this document. */
  public evaluate(raw: unknown, key = "expression"): TfValue {
    if (typeof raw === "string") return evaluateString(raw, (steps, text) => this.resolveReference(steps, text, key));
    if (Array.isArray(raw)) return raw.map((item, i) => this.evaluate(item, `${key}|${i}`));
    if (raw !== null && typeof raw === "object") {
      return Object.fromEntries(Object.entries(raw).filter(([k]) => k !== "//").map(([k, v]) => [k, this.evaluate(v, `${key}|${k}`)]));
    }
    return (raw ?? null) as TfValue;
  }

  private resolveReference(steps: readonly TraversalStep[], text: string, from: string): TfValue {
    const [root, ...rest] = steps;
    if (root === "var" && typeof rest[0] === "string") {
      const declared = this.variables[rest[0]];
      if (declared !== undefined && "default" in declared) return this.evaluate(declared.default, `var.${rest[0]}`);
      return new Unknown(text);
    }
    const isData = root === "data";
    const [type, name, ...attribute] = (isData ? rest : steps) as TraversalStep[];
    const block = this.byAddress.get(`${isData ? "data." : ""}${String(type)}.${String(name)}`);
    if (block === undefined) return new Unknown(text);
    const key = `${block.address}.${attribute.join(".")}`;
    if (this.evaluating.has(key)) return new Unknown(text);
    this.evaluating.add(key);
    try {
      const argument = attribute.length > 0 && typeof attribute[0] === "string" && !NEVER_ARGUMENTS.has(attribute[0]) ? block.config[attribute[0]] : undefined;
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
  if (Array.isArray(value)) return typeof step === "number" ? ((value as TfValue[])[step] ?? null) : ((value as TfValue[])[0] === undefined ? null : indexValue((value as TfValue[])[0], step));
  if (value !== null && typeof value === "object") return (value as Record<string, TfValue>)[String(step)] ?? null;
  return null;
}

function readProviders(json: Json): ProviderConfiguration[] {
  const blocks = (((json.provider ?? {}) as Json).aws ?? []) as Json[];
  const providers = blocks.map((block): ProviderConfiguration => {
    const alias = typeof block.alias === "string" ? block.alias : undefined;
    const allowed = block.allowed_account_ids;
    const roles = (Array.isArray(block.assume_role) ? block.assume_role : block.assume_role === undefined ? [] : [block.assume_role]) as Json[];
    const assumeRoleArn = typeof roles[0]?.role_arn === "string" && !roles[0].role_arn.includes("${") ? roles[0].role_arn : undefined;
    const fromAllowed = Array.isArray(allowed) && allowed.length === 1 && typeof allowed[0] === "string" && /^\d{12}$/.test(allowed[0]) ? allowed[0] : undefined;
    const fromRole = assumeRoleArn === undefined ? undefined : /^arn:[^:]+:iam::(\d{12}):/.exec(assumeRoleArn)?.[1];
    return {
      key: alias === undefined ? "aws" : `aws.${alias}`,
      alias,
      region: typeof block.region === "string" && !block.region.includes("${") ? block.region : undefined,
      accountId: fromAllowed ?? fromRole,
      assumeRoleArn,
    };
  });
  return providers.some((p) => p.alias === undefined) ? providers : [{ key: "aws" }, ...providers];
}

/** Terraform treats a null argument as absent (cdktf writes nulls for unset inline-block fields). */
function withoutNulls(config: Json): Json {
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (value === null || typeof value !== "object") return value;
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null).map(([k, v]) => [k, strip(v)]));
  };
  return strip(config) as Json;
}

/** Addresses (`aws_x.name`, `data.aws_x.name`) referenced anywhere inside a raw value. */
export function referencedAddresses(value: unknown): string[] {
  if (typeof value === "string") {
    return referencesIn(value).flatMap((steps) => {
      if (steps[0] === "data" && steps.length >= 3) return [`data.${steps[1]}.${steps[2]}`];
      if (steps[0] !== "var" && steps[0] !== "local" && steps.length >= 2) return [`${steps[0]}.${steps[1]}`];
      return [];
    });
  }
  if (Array.isArray(value)) return value.flatMap(referencedAddresses);
  if (value !== null && typeof value === "object") return Object.values(value).flatMap(referencedAddresses);
  return [];
}
