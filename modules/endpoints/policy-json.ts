import { Fn } from "cdktf";
import { isUnresolved } from "../core";

/**
 * A rendered policy ready for a resource attribute. Literal JSON stays a
 * string; JSON that embeds references (endpoint IDs, ARNs of resources
 * created here) goes through `jsonencode()`, because cdktf's HCL output
 * does not escape the quotes of a string that contains references.
 */
export function policyAttribute(json: string): string;
export function policyAttribute(json: string | undefined): string | undefined;
export function policyAttribute(json: string | undefined): string | undefined {
  return json !== undefined && isUnresolved(json) ? Fn.jsonencode(JSON.parse(json)) : json;
}
