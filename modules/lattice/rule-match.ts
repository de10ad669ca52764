import { Construct } from "constructs";
import { VpclatticeListenerRuleMatchHttpMatch } from "@cdktf/provider-aws/lib/vpclattice-listener-rule";
import {
  checkBoolean,
  checkInstance,
  checkItemCount,
  checkKnownProps,
  checkLength,
  checkList,
  checkObject,
  checkOneOf,
  checkPattern,
  checkString,
  isUnresolved,
  requireValue,
  ValidationError,
} from "../core";
import { LATTICE_HTTP_METHODS, LatticeHttpMethod } from "./auth-policy";

/** A condition on the request path. */
export class PathMatch {
  /** The path and everything below it: `/api` matches `/api` and `/api/orders`. */
  public static prefix(path: string, options: { readonly caseSensitive?: boolean } = {}): PathMatch {
    return new PathMatch("prefix", path, options.caseSensitive ?? false);
  }

  /** Exactly this path. */
  public static exact(path: string, options: { readonly caseSensitive?: boolean } = {}): PathMatch {
    return new PathMatch("exact", path, options.caseSensitive ?? false);
  }

  private constructor(
    /** Whether `path` is matched as a prefix or exactly (`match.http_match.path_match.match.prefix`/`exact`). */
    public readonly kind: "prefix" | "exact",
    /** The path to match, starting with `/`, 1-200 characters. */
    public readonly path: string,
    /** Whether the match is case-sensitive (`case_sensitive`); false unless asked for. */
    public readonly caseSensitive: boolean,
  ) {}

  /** @internal */
  public validate(scope: Construct, prop: string): void {
    requireValue(scope, prop, this.path, "a path starting with / such as /api/orders");
    checkString(scope, prop, this.path);
    checkLength(scope, prop, this.path, 1, 200);
    checkPattern(scope, prop, this.path, /^\//, "a path starting with / such as /api/orders");
    checkPattern(scope, prop, this.path, /^\/[a-zA-Z0-9@:%_+.~#?&/=-]*$/, "a path of letters, digits and @:%_+.~#?&/=- only");
    checkBoolean(scope, `${prop}.caseSensitive`, this.caseSensitive);
  }
}

/** A condition on one request header. */
export class HeaderMatch {
  /** Header `name` equals `value`; case-insensitive unless `options.caseSensitive`. */
  public static exact(name: string, value: string, options: { readonly caseSensitive?: boolean } = {}): HeaderMatch {
    return new HeaderMatch(name, "exact", value, options.caseSensitive ?? false);
  }

  /** Header `name` starts with `value`; case-insensitive unless `options.caseSensitive`. */
  public static prefix(name: string, value: string, options: { readonly caseSensitive?: boolean } = {}): HeaderMatch {
    return new HeaderMatch(name, "prefix", value, options.caseSensitive ?? false);
  }

  /** Header `name` contains `value`; case-insensitive unless `options.caseSensitive`. */
  public static contains(name: string, value: string, options: { readonly caseSensitive?: boolean } = {}): HeaderMatch {
    return new HeaderMatch(name, "contains", value, options.caseSensitive ?? false);
  }

  private constructor(
    /** The header name, 1-40 characters. */
    public readonly name: string,
    /** How `value` is compared with the header's value. */
    public readonly kind: "exact" | "prefix" | "contains",
    /** The value to compare with, 1-128 characters. */
    public readonly value: string,
    /** Whether the comparison is case-sensitive (`case_sensitive`); false unless asked for. */
    public readonly caseSensitive: boolean,
  ) {}

  /** @internal */
  public validate(scope: Construct, prop: string): void {
    requireValue(scope, `${prop}.name`, this.name, "an HTTP header name such as x-canary");
    checkString(scope, `${prop}.name`, this.name);
    checkLength(scope, `${prop}.name`, this.name, 1, 40);
    checkPattern(scope, `${prop}.name`, this.name, /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, "an HTTP header name (letters, digits and !#$%&'*+.^_`|~-)");
    requireValue(scope, `${prop}.value`, this.value, "the value to compare the header with");
    checkString(scope, `${prop}.value`, this.value);
    checkLength(scope, `${prop}.value`, this.value, 1, 128);
    checkBoolean(scope, `${prop}.caseSensitive`, this.caseSensitive);
  }
}

/** The conditions of a rule; every given condition must hold. */
export interface RuleMatch {
  /** @default - any path */
  readonly path?: PathMatch;
  /** Up to 5 header conditions. @default - no header condition */
  readonly headers?: readonly HeaderMatch[];
  /** @default - any method */
  readonly method?: LatticeHttpMethod;
}

const RULE_MATCH: Record<keyof RuleMatch, true> = { path: true, headers: true, method: true };

/** Fails on a rule without conditions or with malformed ones. @internal */
export function checkMatch(scope: Construct, prop: string, match: RuleMatch): void {
  checkObject(scope, prop, match);
  // A misspelled condition (header for headers) would be dropped: the rule would match more requests.
  checkKnownProps(scope, match, RULE_MATCH, prop);
  if (match.path === undefined && (match.headers ?? []).length === 0 && match.method === undefined) {
    throw new ValidationError(scope, prop, match, "at least one of path, headers or method (a rule without conditions is the default action)");
  }
  checkInstance(scope, `${prop}.path`, match.path, (v): v is PathMatch => v instanceof PathMatch, "PathMatch.prefix or PathMatch.exact");
  match.path?.validate(scope, `${prop}.path`);
  const headers = checkList(scope, `${prop}.headers`, match.headers);
  checkItemCount(scope, `${prop}.headers`, headers, 0, 5);
  headers?.forEach((h, i) => {
    checkInstance(scope, `${prop}.headers[${i}]`, h, (v): v is HeaderMatch => v instanceof HeaderMatch, "HeaderMatch.exact, prefix or contains");
    h.validate(scope, `${prop}.headers[${i}]`);
    const first = headers.findIndex((other) => other.name.toLowerCase() === h.name.toLowerCase());
    if (first !== i)
      throw new ValidationError(
        scope,
        `${prop}.headers[${i}]`,
        h.name,
        `each header once (headers[${first}] matches ${headers[first].name} already; header names are case-insensitive)`,
      );
  });
  checkString(scope, `${prop}.method`, match.method);
  checkOneOf(scope, `${prop}.method`, match.method, LATTICE_HTTP_METHODS);
}

/**
 * What a match selects, whatever its spelling: header names and values that
 * are matched case-insensitively in lower case, headers in any order. Two
 * rules with the same key match the same requests. @internal
 */
export function matchKey(match: RuleMatch): string {
  const folded = (value: string, caseSensitive: boolean) => (caseSensitive ? value : value.toLowerCase());
  const path = match.path === undefined ? undefined : [match.path.kind, folded(match.path.path, match.path.caseSensitive), match.path.caseSensitive];
  const headers = (match.headers ?? [])
    .map((h) => [h.name.toLowerCase(), h.kind, folded(h.value, h.caseSensitive), h.caseSensitive])
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return JSON.stringify({ path, headers, method: match.method });
}

/**
 * True when every request `later` matches, `earlier` matches too, clearly:
 * `earlier` has no header condition, no method or the same one, and no
 * path, or a path that covers `later`'s (an exact path the same exact path;
 * a prefix one that `later`'s path starts with at a `/`, in the same case
 * unless the prefix is case-insensitive). A rule evaluated after such a
 * rule is never reached. @internal
 */
export function coversMatch(earlier: RuleMatch, later: RuleMatch): boolean {
  if ((earlier.headers ?? []).length > 0) return false;
  if (earlier.method !== undefined && earlier.method !== later.method) return false;
  const outer = earlier.path;
  if (outer === undefined) return true;
  const inner = later.path;
  if (inner === undefined || isUnresolved(outer.path) || isUnresolved(inner.path)) return false;
  // A case-sensitive earlier rule misses what a case-insensitive later one matches in another case.
  if (outer.caseSensitive && !inner.caseSensitive) return false;
  const fold = (path: string) => (outer.caseSensitive ? path : path.toLowerCase());
  const [prefix, path] = [fold(outer.path), fold(inner.path)];
  if (outer.kind === "exact") return inner.kind === "exact" && path === prefix;
  // At a `/` only: whether `/api` also matches `/apis` is not something to rely on.
  return path === prefix || (path.startsWith(prefix) && (prefix.endsWith("/") || path[prefix.length] === "/"));
}

/** The rule's `match.http_match` block. @internal */
export function renderMatch(match: RuleMatch): VpclatticeListenerRuleMatchHttpMatch {
  const { path, headers, method } = match;
  return {
    method,
    pathMatch: path === undefined ? undefined : { caseSensitive: path.caseSensitive, match: { [path.kind]: path.path } },
    headerMatches:
      headers === undefined || headers.length === 0
        ? undefined
        : headers.map((h) => ({ name: h.name, caseSensitive: h.caseSensitive, match: { [h.kind]: h.value } })),
  };
}

/** The conditions in words, for errors. @internal */
export function describeMatch(match: RuleMatch): string {
  const parts = [
    match.path === undefined ? undefined : `path ${match.path.kind} ${match.path.path}`,
    ...(match.headers ?? []).map((h) => `header ${h.name}`),
    match.method === undefined ? undefined : `method ${match.method}`,
  ];
  return `a rule matching ${parts.filter((p) => p !== undefined).join(", ") || "nothing"}`;
}
