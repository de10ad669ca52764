import { Fn, Token } from "../core/cdktf";
import { IConstruct } from "constructs";
import { checkLength, checkPattern, checkString, isUnresolved } from "../core";

/**
 * Every VPC Lattice resource name follows one rule: lowercase letters, digits
 * and hyphens, no hyphen first, last or twice in a row, and not starting with
 * the prefix AWS uses for the resource's generated IDs (`svc-`, `tg-`, ...),
 * so that a name can never be mistaken for an ID in `*Identifier` fields.
 */
export function checkLatticeName(
  scope: IConstruct,
  prop: string,
  value: string | undefined,
  limits: { readonly min: number; readonly max: number; readonly reservedPrefix: string },
): void {
  // First: a JavaScript caller's number passes the length and pattern checks, then breaks the tags and IDs made of the name.
  checkString(scope, prop, value);
  checkLength(scope, prop, value, limits.min, limits.max);
  checkPattern(
    scope,
    prop,
    value,
    /^(?![-])(?!.*[-]$)(?!.*[-]{2})[a-z0-9-]+$/,
    "lowercase letters, digits and single hyphens, not starting or ending with a hyphen",
  );
  checkPattern(
    scope,
    prop,
    value,
    new RegExp(`^(?!${limits.reservedPrefix})`),
    `a name that does not start with "${limits.reservedPrefix}" (AWS reserves it for IDs)`,
  );
}

/**
 * The ID inside a VPC Lattice ARN (`...:service/svc-0123...` -> `svc-0123...`),
 * for importers that are given an ARN: the ID is what Terraform addresses and
 * diffs show, and it is known at synth for literal ARNs.
 */
export function idOfArn(arn: string): string {
  return isUnresolved(arn) ? Token.asString(Fn.element(Fn.split("/", arn), 1)) : arn.split("/")[1];
}
