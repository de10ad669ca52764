import { TerraformStack } from "cdktf";
import { IConstruct } from "constructs";

/**
 * A read-only view of one stack's synthesized Terraform JSON. Rules judge
 * exactly what Terraform will receive (escape-hatch overrides included), with
 * references already rendered as `${aws_x.name.attr}` expressions, so that
 * cross-resource rules can follow them.
 */

/** One `resource` or `data` block of the synthesized stack. */
export interface TfBlock {
  /** `resource` or `data`. */
  readonly mode: "resource" | "data";
  /** Terraform type, e.g. `aws_vpc_endpoint`. */
  readonly type: string;
  /** Terraform name (the construct's friendly unique id). */
  readonly name: string;
  /** `aws_vpc_endpoint.name` or `data.aws_x.name`, the prefix of every reference to the block. */
  readonly address: string;
  /** Construct path, for messages and suppressions. */
  readonly path: string;
  /** The construct that synthesized the block. @default - unknown (a model read from JSON files) */
  readonly construct?: IConstruct;
  /** The block's arguments as Terraform receives them (snake_case, `//` metadata and null arguments removed). */
  readonly config: Readonly<Record<string, unknown>>;
}

/** A JSON object as cdktf synthesizes it. */
export type Json = Record<string, unknown>;

/** The blocks of one synthesized stack, with lookups that follow references between them. */
export class StackModel {
  /** Reads the stack as it would be synthesized right now. */
  public static of(stack: TerraformStack): StackModel {
    const byPath = new Map(stack.node.findAll().map((c) => [c.node.path, c] as const));
    return new StackModel(stack.node.id, stack.toTerraform() as Json, byPath);
  }

  /** Every resource and data block of the stack. */
  public readonly blocks: readonly TfBlock[];
  private readonly byAddress: ReadonlyMap<string, TfBlock>;

  constructor(
    /** Name of the stack, reported with every finding. */
    public readonly stackName: string,
    json: Json,
    constructsByPath: ReadonlyMap<string, IConstruct> = new Map(),
  ) {
    const blocks: TfBlock[] = [];
    for (const mode of ["resource", "data"] as const) {
      for (const [type, byName] of Object.entries((json[mode] ?? {}) as Record<string, Json>)) {
        for (const [name, raw] of Object.entries(byName as Record<string, Json>)) {
          const { "//": comment, ...config } = raw;
          const path = ((comment as { metadata?: { path?: string } } | undefined)?.metadata?.path ?? `${stackName}/${name}`) as string;
          const address = mode === "data" ? `data.${type}.${name}` : `${type}.${name}`;
          blocks.push({ mode, type, name, address, path, construct: constructsByPath.get(path), config: withoutNulls(config) });
        }
      }
    }
    this.blocks = blocks;
    this.byAddress = new Map(blocks.map((b) => [b.address, b]));
  }

  /** Every resource (not data source) of the given types. */
  public resources(...types: string[]): TfBlock[] {
    return this.blocks.filter((b) => b.mode === "resource" && types.includes(b.type));
  }

  /** Every data source of the given types. */
  public dataSources(...types: string[]): TfBlock[] {
    return this.blocks.filter((b) => b.mode === "data" && types.includes(b.type));
  }

  /** The blocks a value refers to, e.g. `${aws_lb.alb.arn}` -> the `aws_lb.alb` block. */
  public referencedBlocks(value: unknown): TfBlock[] {
    return referencedAddresses(value)
      .map((address) => this.byAddress.get(address))
      .filter((b): b is TfBlock => b !== undefined);
  }

  /** True when `value` refers to `block` (any attribute of it). */
  public refersTo(value: unknown, block: TfBlock): boolean {
    return referencedAddresses(value).includes(block.address);
  }
}

/** Terraform treats a null argument as absent; so do the rules (cdktf writes nulls for unset inline-block fields). */
function withoutNulls(config: Json): Json {
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (value === null || typeof value !== "object") return value;
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null).map(([k, v]) => [k, strip(v)]));
  };
  return strip(config) as Json;
}

const REFERENCE = /\b((?:data\.)?aws_[a-z0-9_]+\.[A-Za-z0-9_-]+)\.[a-z0-9_]+/g;

/** Addresses of the blocks referenced anywhere inside a value (strings, lists, objects). */
export function referencedAddresses(value: unknown): string[] {
  if (typeof value === "string") {
    if (!value.includes("${")) return [];
    return [...value.matchAll(REFERENCE)].map((m) => m[1]);
  }
  if (Array.isArray(value)) return value.flatMap(referencedAddresses);
  if (value !== null && typeof value === "object") return Object.values(value).flatMap(referencedAddresses);
  return [];
}

/**
 * True when only Terraform knows the value (a reference, function or variable).
 * Rules treat such values as unknown: never as a violation.
 */
export function isUnknown(value: unknown): boolean {
  if (typeof value === "string") return value.includes("${");
  if (Array.isArray(value)) return value.some(isUnknown);
  return false;
}

/** A nested block as a list: cdktf renders single blocks as objects and repeated ones as arrays. */
export function blockList(value: unknown): Record<string, unknown>[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).filter((v): v is Json => v !== null && typeof v === "object");
}

/** True when a list argument is missing or empty: AWS then applies its default (often the VPC's default security group). */
export function isAbsentOrEmpty(value: unknown): boolean {
  return value === undefined || (Array.isArray(value) && value.length === 0);
}

/** A list argument's literal items; undefined when Terraform computes the list itself. */
export function literalList(value: unknown): unknown[] | undefined {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return isUnknown(value) ? undefined : [value];
  return value;
}
