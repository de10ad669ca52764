import { IConstruct } from "constructs";
import { ValidationError } from "../core";

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
