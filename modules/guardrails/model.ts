import { Json } from "../flows/terraform/document";
import { isTemplate } from "../flows/terraform/expressions";

/**
 * What guardrail rules judge: the project's one reader of Terraform JSON
 * (modules/flows/terraform), under the names the rule API was written
 * with. Rules look at a block's arguments as written (`config`, escape-hatch
 * overrides included), with references rendered as `${aws_x.name.attr}`
 * expressions that `refersTo` and `referencedBlocks` follow, so that
 * cross-resource rules work on cdktf's JSON and on plans alike. The helpers
 * below read those raw argument values.
 */
export { TerraformDocument as StackModel, type TerraformBlock as TfBlock } from "../flows/terraform/document";

/**
 * True when only Terraform knows the value (a reference, function or variable).
 * Rules treat such values as unknown: never as a violation.
 */
export function isUnknown(value: unknown): boolean {
  if (typeof value === "string") return isTemplate(value);
  if (Array.isArray(value)) return value.some(isUnknown);
  return false;
}

/**
 * A bool argument's literal value: Terraform converts the strings "true" and
 * "false" to bools (hand-written Terraform JSON and escape-hatch overrides
 * often write them so). Undefined when absent, unknown or not a bool.
 */
export function literalBool(value: unknown): boolean | undefined {
  if (value === true || value === "true") return true;
  if (value === false || value === "false") return false;
  return undefined;
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
