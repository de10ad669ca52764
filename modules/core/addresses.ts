import ipaddr from "ipaddr.js";

/**
 * IP address and CIDR math on ipaddr.js, the one place the library does it:
 * validators, security-group keys and the flow analysis all use these, so
 * that "is 10.0.1.5 inside 10.0.0.0/16" has one answer everywhere.
 */

/** An IPv4 or IPv6 address family, in AWS's lower-case spelling. */
export type AddressFamily = "ipv4" | "ipv6";

/** A parsed CIDR block. */
export interface Cidr {
  /** ipv4 or ipv6. */
  readonly family: AddressFamily;
  /** The prefix length, 0-32 or 0-128. */
  readonly prefixLength: number;
  /** The first address of the block as an unsigned integer. */
  readonly first: bigint;
  /** The last address of the block as an unsigned integer. */
  readonly last: bigint;
  /** The block as written back in canonical form (`10.0.0.0/16`, `2001:db8::/56`). */
  readonly text: string;
  /** True when the address part had host bits set (`10.0.0.5/16`), which AWS rejects in most arguments. */
  readonly hostBitsSet: boolean;
}

/** How AWS and the IANA registries classify an address: what may be a private resource and what may not. */
export type AddressRange =
  "private" | "public" | "loopback" | "linkLocal" | "unspecified" | "multicast" | "reserved" | "carrierGradeNat" | "uniqueLocal";

const WIDTH: Record<AddressFamily, number> = { ipv4: 32, ipv6: 128 };
const IPV4_DOTTED = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** True for a dotted-quad IPv4 address (`10.0.1.5`), each octet 0-255 without leading zeros. */
export function isIpv4Address(value: string): boolean {
  // ipaddr.js also accepts octal, hex and short forms (`10.1`); AWS takes dotted quads only.
  return IPV4_DOTTED.test(value);
}

/** True for an IPv6 address in full or `::`-compressed form, including an embedded IPv4 tail (`::ffff:10.0.0.1`); no zone index. */
export function isIpv6Address(value: string): boolean {
  return !value.includes("%") && ipaddr.IPv6.isValid(value) && (!value.includes(".") || isIpv4Address(value.slice(value.lastIndexOf(":") + 1)));
}

/** True for an IPv4 or IPv6 address as AWS writes them. */
export function isIpAddress(value: string): boolean {
  return isIpv4Address(value) || isIpv6Address(value);
}

/** The family of a literal address or CIDR; undefined when it is neither. */
export function familyOf(value: string): AddressFamily | undefined {
  const address = value.includes("/") ? value.slice(0, value.lastIndexOf("/")) : value;
  if (isIpv4Address(address)) return "ipv4";
  if (isIpv6Address(address)) return "ipv6";
  return undefined;
}

/** Parses `10.0.0.0/16` or `2001:db8::/56`; undefined for anything else (prefix lengths beyond the family's width included). */
export function parseCidr(value: string): Cidr | undefined {
  const slash = value.lastIndexOf("/");
  if (slash < 0 || !/^\d{1,3}$/.test(value.slice(slash + 1))) return undefined;
  const family = familyOf(value.slice(0, slash));
  const prefixLength = Number(value.slice(slash + 1));
  if (family === undefined || prefixLength > WIDTH[family]) return undefined;
  const address = toBigInt(ipaddr.parse(value.slice(0, slash)));
  const hostBits = BigInt(WIDTH[family] - prefixLength);
  const first = (address >> hostBits) << hostBits;
  const last = first + (1n << hostBits) - 1n;
  return { family, prefixLength, first, last, text: `${fromBigInt(first, family)}/${prefixLength}`, hostBitsSet: address !== first };
}

/** True for an IPv4 CIDR block, prefix length 0-32; host bits are not checked (see isNetworkCidr). */
export function isIpv4Cidr(value: string): boolean {
  return parseCidr(value)?.family === "ipv4";
}

/** True for an IPv6 CIDR block, prefix length 0-128; host bits are not checked (see isNetworkCidr). */
export function isIpv6Cidr(value: string): boolean {
  return parseCidr(value)?.family === "ipv6";
}

/**
 * True for an IPv4 or IPv6 CIDR whose host bits are zero (10.0.0.0/16, not
 * 10.0.0.5/16): the AWS provider rejects the latter in VPC and security-group
 * arguments at validate time, so we reject it at synth.
 */
export function isNetworkCidr(value: string): boolean {
  const cidr = parseCidr(value);
  return cidr !== undefined && !cidr.hostBitsSet;
}

/** True for CIDRs that are the whole address space of their family (`0.0.0.0/0`, `::/0`). */
export function isAnyAddressCidr(value: string): boolean {
  return parseCidr(value)?.prefixLength === 0;
}

/** The block of one address: `/32` for IPv4, `/128` for IPv6. */
export function hostCidr(address: string): string {
  return isIpv6Address(address) ? `${address}/128` : `${address}/32`;
}

/** True when every address of `inner` (a CIDR or an address) is in `outer`; false across families. */
export function cidrContains(outer: string, inner: string): boolean {
  const a = parseCidr(outer);
  const b = parseCidr(inner.includes("/") ? inner : hostCidr(inner));
  return a !== undefined && b !== undefined && a.family === b.family && a.first <= b.first && b.last <= a.last;
}

/** True when two CIDRs share at least one address. */
export function cidrsOverlap(a: string, b: string): boolean {
  const x = parseCidr(a);
  const y = parseCidr(b);
  return x !== undefined && y !== undefined && x.family === y.family && x.first <= y.last && y.first <= x.last;
}

/**
 * Terraform's `cidrsubnet(prefix, newbits, netnum)`: the `netnum`-th block
 * of `newbits` more prefix bits. Undefined when the arguments do not fit.
 */
export function cidrSubnet(prefix: string, newBits: number, netNum: number): string | undefined {
  const cidr = parseCidr(prefix);
  if (cidr === undefined || !Number.isInteger(newBits) || !Number.isInteger(netNum) || newBits < 0 || netNum < 0) return undefined;
  const length = cidr.prefixLength + newBits;
  if (length > WIDTH[cidr.family] || BigInt(netNum) >= 1n << BigInt(newBits)) return undefined;
  const first = cidr.first + (BigInt(netNum) << BigInt(WIDTH[cidr.family] - length));
  return `${fromBigInt(first, cidr.family)}/${length}`;
}

/**
 * True when the blocks together cover every address of `family`, such as
 * `0.0.0.0/1` plus `128.0.0.0/1`: a rule set that opens the internet without
 * ever writing `0.0.0.0/0`.
 */
export function cidrsCoverAddressSpace(cidrs: readonly string[], family: AddressFamily): boolean {
  const blocks = cidrs
    .map(parseCidr)
    .filter((c): c is Cidr => c !== undefined && c.family === family)
    .sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
  let next = 0n;
  for (const block of blocks) {
    if (block.first > next) return false;
    if (block.last + 1n > next) next = block.last + 1n;
  }
  return next === 1n << BigInt(WIDTH[family]);
}

/** The IANA class of a literal address (`10.0.1.5` is private, `169.254.171.1` link-local); undefined when it is not an address. */
export function addressRange(address: string): AddressRange | undefined {
  if (!isIpAddress(address)) return undefined;
  const range = ipaddr.parse(address).range();
  const known: Record<string, AddressRange> = {
    private: "private",
    unicast: "public",
    loopback: "loopback",
    linkLocal: "linkLocal",
    unspecified: "unspecified",
    multicast: "multicast",
    broadcast: "reserved",
    reserved: "reserved",
    carrierGradeNat: "carrierGradeNat",
    uniqueLocal: "uniqueLocal",
    ipv4Mapped: "reserved",
    rfc6145: "reserved",
    rfc6052: "reserved",
    "6to4": "reserved",
    teredo: "reserved",
    benchmarking: "reserved",
    amt: "reserved",
    as112: "reserved",
    as112v6: "reserved",
    deprecated: "reserved",
    orchid2: "reserved",
    droneRemoteIdProtocolEntityTags: "reserved",
  };
  // Global unicast IPv6 (2000::/3) is what AWS gives VPCs: public in routing terms, like IPv4 public space.
  return known[range] ?? "reserved";
}

function toBigInt(address: ipaddr.IPv4 | ipaddr.IPv6): bigint {
  return address.toByteArray().reduce((acc, byte) => (acc << 8n) + BigInt(byte), 0n);
}

function fromBigInt(value: bigint, family: AddressFamily): string {
  const bytes: number[] = [];
  let rest = value;
  for (let i = 0; i < WIDTH[family] / 8; i++) {
    bytes.unshift(Number(rest & 0xffn));
    rest >>= 8n;
  }
  return ipaddr.fromByteArray(bytes).toString();
}
