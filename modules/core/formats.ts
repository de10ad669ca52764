/**
 * Pure predicates for the formats AWS networking inputs use. They take plain
 * values (never tokens) and are the single source of truth for the validators
 * and their property tests.
 */

const IPV4_OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
const IPV4_PATTERN = new RegExp(`^${IPV4_OCTET}(\\.${IPV4_OCTET}){3}$`);

/** True for a dotted-quad IPv4 address (`10.0.1.5`), each octet 0-255 without leading zeros. */
export function isIpv4Address(value: string): boolean {
  return IPV4_PATTERN.test(value);
}

/** True for an IPv6 address in full or `::`-compressed form, including an embedded IPv4 tail (`::ffff:10.0.0.1`). */
export function isIpv6Address(value: string): boolean {
  if (value.includes(".")) {
    // An embedded IPv4 tail (::ffff:10.0.0.1) counts as the last two groups.
    const lastColon = value.lastIndexOf(":");
    if (!isIpv4Address(value.slice(lastColon + 1))) return false;
    return isIpv6Groups(`${value.slice(0, lastColon + 1)}0:0`);
  }
  return isIpv6Groups(value);
}

function isIpv6Groups(value: string): boolean {
  const group = /^[0-9a-fA-F]{1,4}$/;
  const halves = value.split("::");
  if (halves.length > 2) return false;
  const parts = (half: string): string[] => (half === "" ? [] : half.split(":"));
  if (halves.length === 1) {
    const groups = parts(value);
    return groups.length === 8 && groups.every((g) => group.test(g));
  }
  const head = parts(halves[0]);
  const tail = parts(halves[1]);
  return head.length + tail.length <= 7 && [...head, ...tail].every((g) => group.test(g));
}

/** True for an IPv4 CIDR block (`10.0.0.0/16`), prefix length 0-32; host bits are not checked (see isNetworkCidr). */
export function isIpv4Cidr(value: string): boolean {
  const match = /^(.+)\/(\d{1,2})$/.exec(value);
  return match !== null && isIpv4Address(match[1]) && Number(match[2]) <= 32;
}

/**
 * True for an IPv6 CIDR block (`2001:db8::/56`), prefix length 0-128; host bits are not checked (see isNetworkCidr).
 */
export function isIpv6Cidr(value: string): boolean {
  const match = /^(.+)\/(\d{1,3})$/.exec(value);
  return match !== null && isIpv6Address(match[1]) && Number(match[2]) <= 128;
}

/**
 * True for an IPv4 or IPv6 CIDR whose host bits are zero (10.0.0.0/16, not
 * 10.0.0.5/16): the AWS provider rejects the latter in VPC and security-group
 * arguments at validate time, so we reject it at synth.
 */
export function isNetworkCidr(value: string): boolean {
  const slash = value.lastIndexOf("/");
  const length = Number(value.slice(slash + 1));
  if (isIpv4Cidr(value)) return hostBitsAreZero(ipv4ToBigInt(value.slice(0, slash)), 32, length);
  if (isIpv6Cidr(value)) return hostBitsAreZero(ipv6ToBigInt(value.slice(0, slash)), 128, length);
  return false;
}

function hostBitsAreZero(address: bigint, width: number, prefixLength: number): boolean {
  const hostBits = BigInt(width - prefixLength);
  return (address & ((1n << hostBits) - 1n)) === 0n;
}

function ipv4ToBigInt(address: string): bigint {
  return address.split(".").reduce((acc, octet) => (acc << 8n) + BigInt(octet), 0n);
}

/** For addresses isIpv6Address accepts: expands `::` and an embedded IPv4 tail. */
function ipv6ToBigInt(address: string): bigint {
  let text = address;
  if (text.includes(".")) {
    const lastColon = text.lastIndexOf(":");
    const v4 = ipv4ToBigInt(text.slice(lastColon + 1));
    text = `${text.slice(0, lastColon + 1)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const [head, tail] = text.includes("::") ? text.split("::") : [text, undefined];
  const headGroups = head === "" ? [] : head.split(":");
  const tailGroups = tail === undefined || tail === "" ? [] : tail.split(":");
  const groups = [...headGroups, ...Array<string>(8 - headGroups.length - tailGroups.length).fill("0"), ...tailGroups];
  return groups.reduce((acc, group) => (acc << 16n) + BigInt(parseInt(group, 16)), 0n);
}

/** True for CIDRs that open a rule to the whole internet. */
export function isAnyAddressCidr(value: string): boolean {
  return /^0\.0\.0\.0\/0$/.test(value) || /^::\/0$/.test(value);
}

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
