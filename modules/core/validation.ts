import { IConstruct } from "constructs";
import { TerraformProvider } from "./cdktf";
import { ValidationError } from "./errors";
import { isAnyAddressCidr, isIpv4Address, isIpv4Cidr, isIpv6Address, isIpv6Cidr, isNetworkCidr } from "./addresses";
import { CLOUDWATCH_LOG_RETENTION_DAYS } from "./aws-facts";
import { closestMatch, isAccountId, isDnsName, isPort, isRegion } from "./formats";
import { parsePortRange, PortRange } from "./ports";
import { isUnresolved, isUnresolvedList } from "./tokens";

/**
 * Validators used by every construct's constructor. Each one returns quietly
 * for undefined (the prop was not given) and for unresolved tokens (only
 * Terraform knows the value), and throws {@link ValidationError} otherwise.
 */

export function requireValue<T>(scope: IConstruct, prop: string, value: T | undefined, expected: string): T {
  if (value === undefined || value === null) throw new ValidationError(scope, prop, value, expected);
  return value;
}

/**
 * Required props are present: TypeScript guarantees it, JavaScript callers
 * (and `as any` casts) do not, and a missing prop must fail here rather than
 * as a TypeError deep inside a constructor.
 */
export function requireProps<P extends object>(scope: IConstruct, props: P | undefined, names: readonly (keyof P & string)[]): void {
  if (props === undefined || props === null || typeof props !== "object") {
    throw new ValidationError(scope, "props", props, `a props object with ${names.join(", ")}`);
  }
  for (const name of names) {
    const value = props[name];
    if (value === undefined || value === null) throw new ValidationError(scope, name, value, "a value: this prop is required");
  }
}

/**
 * Every prop given is one the construct takes. TypeScript refuses an unknown
 * key in an object literal; JavaScript callers, `as any` and props built in
 * a variable are not checked, and a misspelled optional prop
 * (`allowExternalPrincipal` for `allowExternalPrincipals`) would be ignored
 * without a word: the default applies and the mistake shows at apply, or
 * never. `known` names every prop of the interface; typed as
 * `Record<keyof Props, true>` the compiler keeps it complete. Call it in the
 * constructor of the class whose props these are (not in a base class, whose
 * subclasses add props).
 */
export function checkKnownProps<P extends object>(
  scope: IConstruct,
  props: P | undefined,
  known: Readonly<Record<keyof P & string, true>>,
  /** Where a nested options object sits (`services[0]`), prefixed to the prop named. @default - the props themselves */
  at?: string,
): void {
  if (props === undefined || props === null || typeof props !== "object") return;
  // The one prop (nearly) every construct takes: checked here, where every constructor already looks at its props.
  if (Object.hasOwn(known, "provider")) {
    const provider = (props as { provider?: TerraformProvider }).provider;
    checkProvider(scope, at === undefined ? "provider" : `${at}.provider`, provider);
  }
  const names = Object.keys(known);
  for (const key of Object.keys(props)) {
    if (Object.hasOwn(known, key) || (props as Record<string, unknown>)[key] === undefined) continue;
    const suggestion = closestMatch(key, names);
    throw new ValidationError(
      scope,
      at === undefined ? key : `${at}.${key}`,
      (props as Record<string, unknown>)[key],
      `a prop ${at === undefined ? "this construct" : at} takes${suggestion === undefined ? "" : ` (did you mean ${suggestion}?)`}: ${names.join(", ")}`,
    );
  }
}

/**
 * Fails unless a `provider` given is a Terraform provider (an AwsProvider):
 * cdktf drops a string or a plain object (`provider: "partner"`, a
 * JavaScript caller's alias) without a word, and the resources are then
 * made with the stack's default provider, in the wrong account or region.
 * `whose` says whose account it must be (`the partner account's`).
 * {@link checkKnownProps} runs it for every construct whose props have a
 * provider. Returns the provider.
 */
export function checkProvider(
  scope: IConstruct,
  prop: string,
  provider: TerraformProvider | undefined,
  whose = "the account and region to make the resources in; leave it out for the stack's default provider",
): TerraformProvider | undefined {
  if (provider === undefined || TerraformProvider.isTerraformProvider(provider)) return provider;
  throw new ValidationError(scope, prop, provider, `an AwsProvider (${whose})`);
}

/**
 * The props of `props` that a building block takes (`known`, its
 * checkKnownProps list): a pattern passes a block only those, since the
 * block refuses the pattern's own props.
 * @internal
 */
export function propsFor<P extends object, K extends string>(props: P, known: Readonly<Record<K, true>>): Pick<P, Extract<keyof P, K>> {
  return Object.fromEntries(Object.entries(props).filter(([key]) => Object.hasOwn(known, key))) as Pick<P, Extract<keyof P, K>>;
}

/** Fails unless `value` is an integer from `min` to `max` inclusive. */
export function checkIntegerRange(scope: IConstruct, prop: string, value: number | undefined, min: number, max: number): void {
  if (value === undefined || isUnresolved(value)) return;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ValidationError(scope, prop, value, `an integer from ${min} to ${max}`);
  }
}

/** Fails unless `value` is an integer port, 1-65535. */
export function checkPort(scope: IConstruct, prop: string, value: number | undefined): void {
  if (value === undefined || isUnresolved(value)) return;
  if (!isPort(value)) throw new ValidationError(scope, prop, value, "a port from 1 to 65535");
}

/** Fails unless the string is `min` to `max` characters long, as AWS name and description limits require. */
export function checkLength(scope: IConstruct, prop: string, value: string | undefined, min: number, max: number): void {
  if (value === undefined || isUnresolved(value)) return;
  if (value.length < min || value.length > max) {
    throw new ValidationError(scope, prop, value, `${min} to ${max} characters (got ${value.length})`);
  }
}

/** Fails unless the string matches `pattern`; `expected` says what was wanted in the error. */
export function checkPattern(scope: IConstruct, prop: string, value: string | undefined, pattern: RegExp, expected: string): void {
  if (value === undefined || isUnresolved(value)) return;
  if (!pattern.test(value)) throw new ValidationError(scope, prop, value, expected);
}

/** Fails unless `predicate` accepts the string; `expected` says what was wanted in the error. */
export function checkPredicate(
  scope: IConstruct,
  prop: string,
  value: string | undefined,
  predicate: (v: string) => boolean,
  expected: string,
): void {
  if (value === undefined || isUnresolved(value)) return;
  // A JavaScript caller's number would pass a pattern test by its digits (222222222222 as an account ID).
  if (typeof value !== "string" || !predicate(value)) throw new ValidationError(scope, prop, value, expected);
}

/** Fails unless the value is one of `allowed` (the AWS enum values of the argument). */
export function checkOneOf<T extends string>(scope: IConstruct, prop: string, value: T | undefined, allowed: readonly T[]): void {
  if (value === undefined || isUnresolved(value)) return;
  if (!allowed.includes(value)) throw new ValidationError(scope, prop, value, `one of ${allowed.join(", ")}`);
}

/** Fails unless the list has `min` to `max` items; lists whose length only Terraform knows are skipped. */
export function checkItemCount(
  scope: IConstruct,
  prop: string,
  values: readonly unknown[] | undefined,
  min: number,
  max: number = Number.POSITIVE_INFINITY,
): void {
  if (values === undefined || isUnresolvedList(values)) return;
  if (values.length < min || values.length > max) {
    const range = max === Number.POSITIVE_INFINITY ? `at least ${min}` : min === max ? `exactly ${min}` : `${min} to ${max}`;
    throw new ValidationError(scope, prop, values, `${range} item(s) (got ${values.length})`);
  }
}

/** Fails on the first literal value that appears twice. */
export function checkUnique<T>(scope: IConstruct, prop: string, values: readonly T[] | undefined, keyOf: (v: T) => unknown = (v) => v): void {
  if (values === undefined || isUnresolvedList(values)) return;
  const seen = new Set<unknown>();
  for (const value of values) {
    const key = keyOf(value);
    if (isUnresolved(key)) continue;
    if (seen.has(key)) throw new ValidationError(scope, prop, key, "unique values (this one appears more than once)");
    seen.add(key);
  }
}

/** Exactly one of the named props must be given. */
export function checkExactlyOne(scope: IConstruct, props: Record<string, unknown>): string {
  const given = Object.entries(props).filter(([, v]) => v !== undefined);
  const names = Object.keys(props).join(", ");
  if (given.length !== 1) {
    const received = given.length === 0 ? "none of them" : given.map(([k]) => k).join(" and ");
    throw new ValidationError(scope, names, received, `exactly one of ${names}`);
  }
  return given[0][0];
}

/** Fails unless the value is a retention period CloudWatch Logs accepts (365, not 360). */
export function checkLogRetentionDays(scope: IConstruct, prop: string, value: number | undefined): void {
  if (value === undefined || isUnresolved(value)) return;
  if (!CLOUDWATCH_LOG_RETENTION_DAYS.includes(value))
    throw new ValidationError(scope, prop, value, `a retention CloudWatch Logs accepts: one of ${CLOUDWATCH_LOG_RETENTION_DAYS.join(", ")} days`);
}

/** Fails unless the value is an IPv4 address such as 10.0.1.25. */
export function checkIpv4Address(scope: IConstruct, prop: string, value: string | undefined): void {
  checkPredicate(scope, prop, value, isIpv4Address, "an IPv4 address such as 10.0.1.25");
}

/** Fails unless the value is an IPv4 or IPv6 address. */
export function checkIpAddress(scope: IConstruct, prop: string, value: string | undefined): void {
  checkPredicate(scope, prop, value, (v) => isIpv4Address(v) || isIpv6Address(v), "an IPv4 or IPv6 address such as 10.0.1.25 or 2001:db8::10");
}

/** A CIDR for a security-group rule: valid IPv4 or IPv6, and never the whole internet. */
export function checkRestrictedCidr(scope: IConstruct, prop: string, value: string | undefined): void {
  if (value === undefined || isUnresolved(value)) return;
  // A JavaScript caller's number or object would fail inside the parser as a TypeError.
  if (typeof value !== "string" || (!isIpv4Cidr(value) && !isIpv6Cidr(value))) {
    throw new ValidationError(scope, prop, value, "an IPv4 or IPv6 CIDR block such as 10.0.0.0/16");
  }
  checkNetworkCidr(scope, prop, value);
  if (isAnyAddressCidr(value)) {
    throw new ValidationError(scope, prop, value, "a CIDR narrower than the whole internet (use the VPC CIDR or a security group)");
  }
}

/** Fails unless the value is an IPv4 CIDR block with the host bits zero (10.0.0.0/16, not 10.0.0.5/16). */
export function checkIpv4Cidr(scope: IConstruct, prop: string, value: string | undefined): void {
  checkPredicate(scope, prop, value, isIpv4Cidr, "an IPv4 CIDR block such as 10.0.0.0/16");
  if (value !== undefined && !isUnresolved(value)) checkNetworkCidr(scope, prop, value);
}

/** Fails unless the value is an IPv6 CIDR block with the host bits zero (2001:db8::/56). */
export function checkIpv6Cidr(scope: IConstruct, prop: string, value: string | undefined): void {
  checkPredicate(scope, prop, value, isIpv6Cidr, "an IPv6 CIDR block such as 2600:1f18:abcd:1200::/56");
  if (value !== undefined && !isUnresolved(value)) checkNetworkCidr(scope, prop, value);
}

/** The provider fails `terraform validate` on CIDRs with host bits set; say so at synth, where the construct path is known. */
function checkNetworkCidr(scope: IConstruct, prop: string, value: string): void {
  if (!isNetworkCidr(value)) {
    throw new ValidationError(scope, prop, value, "a network address with the host bits zero (10.0.0.0/16, not 10.0.0.5/16), as AWS requires");
  }
}

/** Fails unless the value is a fully qualified DNS name such as api.example.com (no wildcard). */
export function checkDnsName(scope: IConstruct, prop: string, value: string | undefined): void {
  checkPredicate(scope, prop, value, isDnsName, "a fully qualified DNS name such as api.example.com");
}

/** Fails unless the value is a 12-digit AWS account ID. */
export function checkAccountId(scope: IConstruct, prop: string, value: string | undefined): void {
  checkPredicate(scope, prop, value, isAccountId, "a 12-digit AWS account ID");
}

/** Fails unless the value looks like an AWS region code such as us-east-1. */
export function checkRegion(scope: IConstruct, prop: string, value: string | undefined): void {
  checkPredicate(scope, prop, value, isRegion, "an AWS region name such as us-east-1");
}

/** Parses a port range string (`"5432"`, `"8000-8100"`), failing with the usual error. */
export function checkPortRange(scope: IConstruct, prop: string, value: string): PortRange | undefined {
  if (isUnresolved(value)) return undefined;
  const range = parsePortRange(value);
  if (range === undefined) {
    throw new ValidationError(scope, prop, value, 'a port ("5432") or an ascending range ("8000-8100") of ports from 1 to 65535');
  }
  return range;
}
