import { distance as levenshtein } from "fastest-levenshtein";

/**
 * Pure predicates for the formats AWS networking inputs use. They take plain
 * values (never tokens) and are the single source of truth for the validators
 * and their property tests. Address and CIDR predicates live in addresses.ts.
 */

/**
 * RFC 1123 host name as AWS accepts it for DNS names: labels of 1-63 letters,
 * digits and hyphens, no hyphen at either end of a label, at least two labels,
 * 253 characters at most, a final label that is not all digits.
 */
export function isDnsName(value: string): boolean {
  // An absolute name's final dot is not part of its 253 characters.
  const bare = value.replace(/\.$/, "");
  if (bare.length === 0 || bare.length > 253) return false;
  const labels = bare.split(".");
  if (labels.length < 2) return false;
  const label = /^[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$/;
  return labels.every((l) => label.test(l)) && !/^\d+$/.test(labels[labels.length - 1]);
}

/**
 * A DNS name as DNS compares it: lower case (names are case-insensitive) and
 * without the final dot of an absolute name (`Example.com.` is `example.com`).
 * The one form in which the modules compare, key and look up names.
 */
export function canonicalDnsName(name: string): string {
  return name.toLowerCase().replace(/\.$/, "");
}

/** True when `name` is `zone` or a name below it, compared in {@link canonicalDnsName} form. */
export function isInDnsZone(name: string, zone: string): boolean {
  const [child, parent] = [canonicalDnsName(name), canonicalDnsName(zone)];
  return child === parent || child.endsWith(`.${parent}`);
}

/** A DNS name that may start with one wildcard label, as `*.example.com`. */
export function isWildcardDnsName(value: string): boolean {
  return value.startsWith("*.") ? isDnsName(value.slice(2)) : isDnsName(value);
}

const BUCKET_NAME_RESERVED_PREFIX = /^(xn--|sthree-|amzn-s3-demo-)/;
const BUCKET_NAME_RESERVED_SUFFIX = /(-s3alias|--ol-s3|\.mrap|--x-s3)$/;

/** What {@link isBucketName} accepts, for validation messages. */
export const BUCKET_NAME_RULES =
  "3-63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit; not an IP address, no reserved prefix such as xn-- or suffix such as -s3alias";

/**
 * An S3 general purpose bucket name as AWS allows one: 3 to 63 lowercase
 * letters, digits, dots and hyphens, beginning and ending with a letter or
 * digit, no two dots in a row, not an IP address, and none of the prefixes
 * and suffixes S3 reserves (xn--, sthree-, amzn-s3-demo-; -s3alias, --ol-s3,
 * .mrap, --x-s3), which bucket creation refuses.
 */
export function isBucketName(value: string): boolean {
  return (
    /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(value) &&
    !value.includes("..") &&
    !/^\d+\.\d+\.\d+\.\d+$/.test(value) &&
    !BUCKET_NAME_RESERVED_PREFIX.test(value) &&
    !BUCKET_NAME_RESERVED_SUFFIX.test(value)
  );
}

/** True for a 12-digit AWS account ID. */
export function isAccountId(value: string): boolean {
  // A JavaScript caller's number passes the pattern by its digits, and would render as a JSON number in policies.
  return typeof value === "string" && /^\d{12}$/.test(value);
}

/**
 * True for an AWS Organizations ID (`o-` followed by 10-32 lower-case letters or digits), as used in `aws:PrincipalOrgID`.
 */
export function isOrganizationId(value: string): boolean {
  return /^o-[a-z0-9]{10,32}$/.test(value);
}

/**
 * True for a region code such as `eu-west-1` or `us-gov-west-1` (shape only: the region is not checked against a list).
 * Only the partitions this library names resources for (aws, aws-cn, aws-us-gov): ISO regions would get wrong ARNs.
 */
export function isRegion(value: string): boolean {
  return /^(us|eu|ap|sa|ca|me|af|il|mx|cn|us-gov)-[a-z]+-\d$/.test(value);
}

/** The AWS partitions this library builds ARNs and service names for. */
export type Partition = "aws" | "aws-cn" | "aws-us-gov";

/** The partition a region belongs to: `aws-cn` for `cn-*`, `aws-us-gov` for `us-gov-*`, `aws` otherwise. */
export function partitionOfRegion(region: string): Partition {
  if (region.startsWith("cn-")) return "aws-cn";
  if (region.startsWith("us-gov-")) return "aws-us-gov";
  return "aws";
}

/** True for an integer TCP/UDP port number, 1-65535. */
export function isPort(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= 65535;
}

/** The candidate nearest to `value`, ignoring case on both sides (candidates such as AWS_IAM are upper case). */
export function closestMatch(value: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = levenshtein(value.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(value.length / 2)) ? best : undefined;
}
