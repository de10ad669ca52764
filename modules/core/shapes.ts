import { IConstruct } from "constructs";
import { ValidationError } from "./errors";
import { isUnresolved } from "./tokens";

/**
 * The shape of a prop as JavaScript callers (and `as any` casts) can get it
 * wrong: a string where a list belongs, `null`, a number for a boolean, a
 * missing nested object. TypeScript checks none of that at run time; these
 * fail with a ValidationError naming the prop, instead of a TypeError deep
 * inside a constructor or a value silently reinterpreted.
 */

/** Fails unless the value is absent or a list (a list token counts). Returns the list, narrowed. */
export function checkList<T>(scope: IConstruct, prop: string, value: readonly T[] | undefined): readonly T[] | undefined {
  if (value === undefined || isUnresolved(value)) return value;
  if (!Array.isArray(value)) throw new ValidationError(scope, prop, value, "a list (JavaScript callers: an array, not a single value)");
  value.forEach((item, i) => {
    if (item === undefined || item === null) throw new ValidationError(scope, `${prop}[${i}]`, item, "a value: lists cannot hold null or undefined");
  });
  return value;
}

/** Fails unless the value is absent or an object (not a list, string or null). */
export function checkObject<T extends object>(scope: IConstruct, prop: string, value: T | undefined): T | undefined {
  if (value === undefined) return value;
  if (value === null || typeof value !== "object" || Array.isArray(value))
    throw new ValidationError(scope, prop, value, "an object with the documented fields");
  return value;
}

/** Fails unless the value is absent or a boolean: `"true"` and `1` are not. */
export function checkBoolean(scope: IConstruct, prop: string, value: boolean | undefined): boolean | undefined {
  if (value === undefined || isUnresolved(value)) return value;
  if (typeof value !== "boolean") throw new ValidationError(scope, prop, value, "true or false");
  return value;
}

/** Fails unless the value is absent or a string. */
export function checkString(scope: IConstruct, prop: string, value: string | undefined): string | undefined {
  if (value === undefined || isUnresolved(value)) return value;
  if (typeof value !== "string") throw new ValidationError(scope, prop, value, "a string");
  return value;
}

/** Fails unless the value is absent or an instance of the factory class the prop documents (`Peer.cidr(...)`, `LatticeTarget.instance(...)`). */
export function checkInstance<T>(
  scope: IConstruct,
  prop: string,
  value: T | undefined,
  isInstance: (candidate: unknown) => candidate is T,
  made: string,
): T | undefined {
  if (value === undefined) return value;
  if (!isInstance(value)) throw new ValidationError(scope, prop, value, `a value made with ${made}`);
  return value;
}
