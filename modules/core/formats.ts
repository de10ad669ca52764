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
  if (value.length === 0 || value.length > 253) return false;
  const labels = value.replace(/\.$/, "").split(".");
  if (labels.length < 2) return false;
  const label = /^[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$/;
  return labels.every((l) => label.test(l)) && !/^\d+$/.test(labels[labels.length - 1]);
}

/** A DNS name that may start with one wildcard label, as `*.example.com`. */
export function isWildcardDnsName(value: string): boolean {
  return value.startsWith("*.") ? isDnsName(value.slice(2)) : isDnsName(value);
}

/** True for a 12-digit AWS account ID. */
export function isAccountId(value: string): boolean {
  return /^\d{12}$/.test(value);
}

/**
 * True for an AWS Organizations ID (`o-` followed by 10-32 lower-case letters or digits), as used in `aws:PrincipalOrgID`.
 */
export function isOrganizationId(value: string): boolean {
  return /^o-[a-z0-9]{10,32}$/.test(value);
}

/**
 * True for an AWS Organizations OU ARN (`arn:aws:organizations::<account>:ou/o-.../ou-...`), a valid RAM share principal.
 */
export function isOrganizationalUnitArn(value: string): boolean {
  return /^arn:aws[a-z-]*:organizations::\d{12}:ou\/o-[a-z0-9]{10,32}\/ou-[a-z0-9]{4,32}-[a-z0-9]{8,32}$/.test(value);
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

/** The five fields of an ARN `arn:partition:service:region:account:resource`. */
export interface ParsedArn {
  /** `aws`, `aws-cn` or `aws-us-gov`. */
  readonly partition: string;
  /** Service namespace, such as `vpc-lattice`, `ec2` or `iam`. */
  readonly service: string;
  /** Region code; empty for global services such as IAM. */
  readonly region: string;
  /** 12-digit account ID, `aws` for AWS-owned resources, or empty. */
  readonly account: string;
  /** Everything after the account field, such as `servicenetwork/sn-0123456789abcdef0` or `role/app`. */
  readonly resource: string;
}

/** Splits an ARN in the aws, aws-cn or aws-us-gov partition into its fields; undefined when it is not such an ARN. */
export function parseArn(value: string): ParsedArn | undefined {
  const match = /^arn:(aws|aws-cn|aws-us-gov):([a-z0-9-]+):([a-z0-9-]*):(\d{12}|aws|):(.+)$/.exec(value);
  if (match === null) return undefined;
  return { partition: match[1], service: match[2], region: match[3], account: match[4], resource: match[5] };
}

/** An IAM role or user ARN, with or without a path. */
export function isIamPrincipalArn(value: string): boolean {
  const arn = parseArn(value);
  return (
    arn !== undefined &&
    arn.service === "iam" &&
    arn.region === "" &&
    isAccountId(arn.account) &&
    /^(role|user)(\/[\w+=,.@-]+)*\/[\w+=,.@-]{1,128}$/.test(arn.resource)
  );
}

/** An IAM role or user ARN whose name follows the type directly (no path). */
export function isIamPrincipalArnWithoutPath(value: string): boolean {
  return isIamPrincipalArn(value) && /^(role|user)\/[\w+=,.@-]{1,128}$/.test(parseArn(value)!.resource);
}

/** The account root ARN `arn:aws:iam::123456789012:root`. */
export function isAccountRootArn(value: string): boolean {
  const arn = parseArn(value);
  return arn !== undefined && arn.service === "iam" && isAccountId(arn.account) && arn.resource === "root";
}

/** True for an integer TCP/UDP port number, 1-65535. */
export function isPort(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= 65535;
}

/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/** The candidate nearest to `value`, ignoring case on both sides (candidates such as AWS_IAM are upper case). */
export function closestMatch(value: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = editDistance(value.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(value.length / 2)) ? best : undefined;
}
