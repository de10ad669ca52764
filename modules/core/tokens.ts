import { Token } from "./cdktf";

/**
 * True when the value is (or contains) a Terraform reference that is only known
 * at plan or apply time. Validators skip such values: they can only judge
 * literals, and Terraform checks the rest.
 */
export function isUnresolved(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (Array.isArray(value)) return Token.isUnresolved(value) || value.some(isUnresolved);
  return Token.isUnresolved(value);
}

/**
 * True for a list whose length only Terraform knows: a list reference (a
 * list variable, a remote state output, a data source's `ids`). A literal
 * list whose items are references is not one: its length is known.
 */
export function isUnresolvedList(values: readonly unknown[]): boolean {
  return Token.isUnresolved(values);
}
