import { TerraformProvider, TerraformStack } from "cdktf";
import { IConstruct } from "constructs";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { isUnresolved, ValidationError } from "../core";

/**
 * The region resources of a construct are created in, when it is a literal
 * at synth: the explicit one, else the literal region of the provider in
 * use (given, else the stack's default AWS provider). Undefined when only
 * Terraform knows it: the checks that need it (ARNs in the stack's region)
 * are then skipped, as for any token.
 * @internal
 */
export function knownRegion(scope: IConstruct, explicit: string | undefined, provider: TerraformProvider | undefined): string | undefined {
  if (explicit !== undefined) return isUnresolved(explicit) ? undefined : explicit;
  const used = provider ?? TerraformStack.of(scope).node.children.find((child): child is AwsProvider => child instanceof AwsProvider && child.alias === undefined);
  const region = used instanceof AwsProvider ? used.region : undefined;
  return region === undefined || isUnresolved(region) ? undefined : region;
}

/**
 * Fails on the first item that means the same as an earlier one (the same
 * target under two names, one account as an ID and as its root ARN),
 * naming both places: `at(i)` is the prop of item `i`, `keyOf` its meaning
 * (undefined when only Terraform knows it), `shown` what the error shows
 * of it (the caller's value).
 * @internal
 */
export function checkNoDuplicate<T>(
  scope: IConstruct,
  items: readonly T[],
  at: (index: number) => string,
  keyOf: (item: T) => string | undefined,
  what: string,
  shown: (item: T) => unknown = (item) => item,
): void {
  const first = new Map<string, number>();
  items.forEach((item, i) => {
    const key = keyOf(item);
    if (key === undefined) return;
    const earlier = first.get(key);
    if (earlier !== undefined) throw new ValidationError(scope, at(i), shown(item), `${what} not already given as ${at(earlier)} (both mean ${key})`);
    first.set(key, i);
  });
}
