import { Annotations, TerraformProvider, TerraformStack } from "../core/cdktf";
import { IConstruct } from "constructs";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import {
  addressRange,
  AppCounter,
  AppRegistry,
  cidrContains,
  checkTags,
  isUnresolved,
  literalAccountOf,
  literalRegionOf,
  resolvedValue,
  ValidationError,
  checkProvider,
} from "../core";
import { awsReservedAddressIn, IVpc, reservedAddressExpectation, vpcIpv4CidrBlocks } from "../vpc";

/**
 * Checks that compare one construct's input with another's at synth: which
 * VPC a security group or target belongs to, which account a name or a
 * quota counts in. Internal to the lattice area.
 */

/**
 * What identifies a VPC at synth: its literal ID, or the address of the
 * `aws_vpc` created in this app that the reference names (a reference
 * resolves without side effects). Undefined when only Terraform can tell
 * (a variable, a data source).
 */
function vpcIdentity(scope: IConstruct, vpcId: string): string | undefined {
  if (!isUnresolved(vpcId)) return vpcId;
  const resolved = resolvedValue(scope, vpcId);
  const match = typeof resolved === "string" ? /^\$\{(aws_vpc\.[\w-]+)\.id\}$/.exec(resolved) : null;
  return match === null ? undefined : match[1];
}

/**
 * Fails when `vpcId` (of a security group, say) is known to be another VPC
 * than `vpc`: two literal IDs that differ, or references to two different
 * `aws_vpc` resources. Anything only Terraform knows passes.
 */
export function checkInVpc(scope: IConstruct, prop: string, vpcId: string | undefined, vpc: IVpc, what: string): void {
  if (vpcId === undefined) return;
  const mine = vpcIdentity(scope, vpcId);
  const theirs = vpcIdentity(scope, vpc.vpcId);
  if (mine === undefined || theirs === undefined || mine === theirs) return;
  const shown = (identity: string, id: string) => (isUnresolved(id) ? identity : id);
  throw new ValidationError(scope, prop, shown(mine, vpcId), `${what} of ${shown(theirs, vpc.vpcId)}, the VPC it is used with`);
}

/** What a VPC's IP targets may be: inside its CIDRs, or inside ranges the caller declares as routed from it. */
export interface AddressMembership {
  /** The VPC the targets are registered in. */
  readonly vpc: IVpc;
  /** CIDRs outside the VPC's own blocks (its primary and secondary ones) that its targets may come from (peered VPCs, on-premises). */
  readonly peeredCidrs: readonly string[];
}

const NEVER_A_TARGET = new Set(["loopback", "linkLocal", "unspecified", "multicast", "reserved"]);

/**
 * Fails on an IP target that VPC Lattice cannot reach: loopback,
 * link-local, multicast or reserved addresses always; a public IPv4
 * address unless a declared range holds it; and, when the VPC's CIDRs are
 * literal, any address outside them and the declared ranges.
 */
export function checkTargetAddress(scope: IConstruct, prop: string, address: string, membership: AddressMembership): void {
  if (isUnresolved(address)) return;
  const range = addressRange(address);
  if (range === undefined) return;
  const { vpc, peeredCidrs } = membership;
  const declared = peeredCidrs.filter((c) => !isUnresolved(c));
  if (NEVER_A_TARGET.has(range)) {
    throw new ValidationError(scope, prop, address, `an address of the target group's VPC (this one is ${range}: VPC Lattice never routes to it)`);
  }
  if (declared.some((cidr) => cidrContains(cidr, address))) return;
  // The VPC's secondary IPv4 blocks (an EKS cluster's pods) are its own as its primary one is.
  const own = [...vpcIpv4CidrBlocks(vpc), vpc.ipv6CidrBlock].filter((c): c is string => c !== undefined);
  if (own.some((cidr) => !isUnresolved(cidr) && cidrContains(cidr, address))) {
    const reserved = awsReservedAddressIn(vpc, address);
    if (reserved !== undefined) throw new ValidationError(scope, prop, address, reservedAddressExpectation(address, reserved));
    return;
  }
  const ownKnown = own.length > 0 && own.every((c) => !isUnresolved(c)) && peeredCidrs.every((c) => !isUnresolved(c));
  const family = address.includes(":") ? "ipv6" : "ipv4";
  if (ownKnown || (family === "ipv4" && range === "public")) {
    const inside = [...own.filter((c) => !isUnresolved(c)), ...declared];
    const where = inside.length === 0 ? "the VPC" : inside.join(", ");
    throw new ValidationError(
      scope,
      prop,
      address,
      `an address inside ${where} (the target group's VPC, or a range given in peeredCidrs)${range === "public" && family === "ipv4" ? ": VPC Lattice does not route to public addresses" : ""}`,
    );
  }
}

/**
 * The account a construct's resources land in, as far as synth can tell:
 * its provider, else the stack's default one (also when that one is passed
 * explicitly: it is the same account and region).
 */
function accountKey(scope: IConstruct, provider: TerraformProvider | undefined): string {
  // A JavaScript caller's null or alias string would fail below as a TypeError, or be dropped by cdktf (the default account).
  checkProvider(scope, "provider", provider);
  const stack = TerraformStack.of(scope);
  const isDefault =
    provider === undefined || (provider instanceof AwsProvider && provider.alias === undefined && TerraformStack.of(provider) === stack);
  return isDefault ? `${stack.node.path} (default provider)` : provider.node.path;
}

/** Paths of named resources by kind, account and name, per app. */
const namesInAccount = new AppRegistry<string, string>();

/**
 * Fails when another construct of the app already created a `kind` named
 * `name` with the same provider (one account and region): VPC Lattice names
 * are unique there, and the second create would fail at apply.
 */
export function claimName(scope: IConstruct, prop: string, kind: string, name: string, provider: TerraformProvider | undefined): void {
  if (isUnresolved(name)) return;
  const names = namesInAccount.of(scope);
  const key = `${kind}|${accountKey(scope, provider)}|${name}`;
  const existing = names.get(key);
  if (existing !== undefined) {
    throw new ValidationError(
      scope,
      prop,
      name,
      `a ${kind} name unused in this account and region (${existing} already creates a ${kind} named ${name})`,
    );
  }
  names.set(key, scope.node.path);
}

const resourcesInAccount = new AppCounter<string>();

/** Warns once when a stack creates more `kind`s with one provider than the default quota allows. */
export function countInAccount(scope: IConstruct, kind: string, provider: TerraformProvider | undefined, quota: number, quotaName: string): void {
  if (resourcesInAccount.increment(scope, `${kind}|${accountKey(scope, provider)}`) === quota + 1) {
    Annotations.of(scope).addWarning(
      `More than ${quota} ${kind}s with one provider: above the default VPC Lattice quota "${quotaName}"; request an increase before deploying.`,
    );
  }
}

/** Where a provider creates resources, as far as its configuration says at synth: what ARNs used with it are checked against. */
export interface ProviderPlacement {
  /** The provider's literal region. @default - unknown */
  readonly region?: string;
  /** The one account the provider allows. @default - unknown */
  readonly accountId?: string;
}

/** The literal region and account of the provider in use (the given one, else the stack's default). */
export function placementOf(scope: IConstruct, provider: TerraformProvider | undefined): ProviderPlacement {
  return { region: literalRegionOf(scope, provider), accountId: literalAccountOf(scope, provider) };
}

/** Tags of a resource: a Name tag, then the caller's `tags` (checked), which may replace it. */
export function tagsWithName(
  scope: IConstruct,
  name: string,
  tags: Readonly<Record<string, string>> | undefined,
  prop = "tags",
): { [key: string]: string } {
  return { Name: name, ...checkTags(scope, prop, tags) };
}

/**
 * Fails on a principal given twice, however it is written (the same account
 * as a member and in `sharedWith`, say): RAM associates each principal once.
 */
export function checkUniquePrincipals(scope: IConstruct, prop: string, principals: readonly { readonly value: string }[]): void {
  const seen = new Map<string, number>();
  principals.forEach((principal, i) => {
    if (isUnresolved(principal.value)) return;
    const key = principal.value.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined)
      throw new ValidationError(scope, `${prop}[${i}]`, principal.value, `each principal once (${prop}[${first}] is the same principal)`);
    seen.set(key, i);
  });
}
