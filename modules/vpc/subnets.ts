import { Fn } from "../core/cdktf";
import { IConstruct } from "constructs";
import {
  checkIntegerRange,
  checkKnownProps,
  checkList,
  checkObject,
  checkOneOf,
  checkPattern,
  checkResourceId,
  checkString,
  checkTags,
  isUnresolved,
  isUnresolvedList,
  requireValue,
  ValidationError,
} from "../core";

const AZ_NAME = /^[a-z]{2}(-[a-z]+)+-\d[a-z]$/;
const AZ_ID = /^[a-z]{2,5}\d-az\d{1,2}$/;

/** IP address families a subnet (or a resource placed in it) supports. */
export type IpAddressType = "ipv4" | "dualstack" | "ipv6";

const IP_ADDRESS_TYPES: readonly IpAddressType[] = ["ipv4", "dualstack", "ipv6"];

/** The tier of the subnets the {@link Vpc} construct creates, and of `privateSubnetIds` of an imported VPC: what `IVpc.privateSubnets` holds. */
export const PRIVATE_TIER = "private";

/** A subnet our constructs can place network interfaces in. */
export interface ISubnet {
  /** Subnet ID (`subnet-...`). */
  readonly subnetId: string;
  /** Lets validators check one-subnet-per-AZ rules. @default - unknown, AZ checks are skipped */
  readonly availabilityZone?: string;
  /**
   * The AZ ID (`use1-az1`): the same physical zone in every account, unlike
   * AZ names, so cross-account placements (an endpoint and the provider's
   * load balancer, a Resource endpoint and a resource gateway) can be
   * proven to share zones.
   * @default - unknown
   */
  readonly availabilityZoneId?: string;
  /**
   * The subnet's IPv4 CIDR block, as known at synth (`Vpc` computes its
   * subnets' blocks), so that addresses in the subnet can be checked
   * against it (a fixed endpoint address, a resource AWS reserves).
   * @default - unknown, those checks are skipped
   */
  readonly cidrBlock?: string;
  /** Route table for gateway endpoints. @default - unknown */
  readonly routeTableId?: string;
  /** @default - unknown, IP family checks are skipped */
  readonly ipAddressType?: IpAddressType;
  /**
   * ID of the subnet's VPC, so that a construct given a VPC and subnets can
   * refuse a subnet of another VPC. Set on the subnets of `Vpc` and
   * `Vpc.fromVpcAttributes`.
   * @default - unknown, the check is skipped
   */
  readonly vpcId?: string;
  /** The tier the subnet belongs to (`private`, or a landing zone's `app`, `data` ...), for {@link SubnetSelection}. @default - none: selections by tier skip it */
  readonly tier?: string;
  /** Tags of the subnet, for {@link SubnetSelection}. @default - none known */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * Which subnets of a VPC a construct goes in: by tier, AZ and tags, all
 * that are given must match. What `vpc.selectSubnets()` returns is what
 * every `subnets` prop takes.
 */
export interface SubnetSelection {
  /** The tier (`private`, or a tier the imported VPC declares). @default - every tier */
  readonly tier?: string;
  /** AZ names or AZ IDs, as the VPC's subnets are placed. @default - every AZ */
  readonly availabilityZones?: readonly string[];
  /** Tags every selected subnet carries, with these values. @default - any tags */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * Subnets of a VPC made elsewhere, of one tier, for `Vpc.fromVpcAttributes`:
 * flat lists, literal or Terraform references that are lists (a list
 * variable, a remote state output, a data source's `ids`), in the same order.
 */
export interface SubnetGroupAttributes {
  /** The tier's name, which selections use (`app`, `data`, `private` ...): letters, digits, `-` and `_`. */
  readonly tier: string;
  /** The subnets' IDs (`subnet-…`). */
  readonly subnetIds: readonly string[];
  /**
   * Their AZ names (or AZ IDs, not mixed), in the order of `subnetIds`. A
   * literal list also gives the number of subnets when `subnetIds` is a
   * reference; AZ names must be of the provider's region.
   * @default - unknown: AZ checks are skipped and selections by AZ fail
   */
  readonly availabilityZones?: readonly string[];
  /**
   * Their route tables, in the order of `subnetIds`; one entry when every
   * subnet uses the same table. A reference is read element by element
   * (Terraform's `element()` wraps around, so a one-table list works too).
   * @default - unknown: gateway endpoints and transit gateway routes need routeTableIds
   */
  readonly routeTableIds?: readonly string[];
  /**
   * How many subnets `subnetIds` holds, when neither it nor
   * `availabilityZones` is a literal list: constructs place one network
   * interface per subnet, and need the number at synth.
   * @default - the length of the literal subnetIds or availabilityZones
   */
  readonly subnetCount?: number;
  /** Tags the subnets carry, for selections by tag. @default - none */
  readonly tags?: Readonly<Record<string, string>>;
  /** @default - unknown, IP family checks are skipped */
  readonly ipAddressType?: IpAddressType;
}

/** True for an AZ ID such as `use1-az1` (the same physical zone in every account), as opposed to an AZ name. */
export function isAvailabilityZoneId(value: string): boolean {
  return AZ_ID.test(value);
}

/** The zone a subnet is in, for one-subnet-per-AZ rules: its AZ ID when known (the same in every account), else its AZ name. */
export function zoneOf(subnet: ISubnet): string | undefined {
  return subnet.availabilityZoneId ?? subnet.availabilityZone;
}

/** The AZ IDs of subnets when every one is known at synth; undefined otherwise (placed by AZ name, or computed by Terraform). */
export function literalZoneIds(subnets: readonly ISubnet[]): string[] | undefined {
  const ids = subnets.map((s) => s.availabilityZoneId);
  return ids.length > 0 && ids.every((id): id is string => id !== undefined && !isUnresolved(id)) ? ids : undefined;
}

const DIRECTIONS: Readonly<Record<string, string>> = {
  east: "e",
  west: "w",
  north: "n",
  south: "s",
  central: "c",
  northeast: "ne",
  northwest: "nw",
  southeast: "se",
  southwest: "sw",
  gov: "g",
};

/** The prefix of a region's AZ IDs (`use1` for us-east-1, `apne1` for ap-northeast-1, `usgw1` for us-gov-west-1); undefined when the region's name does not follow the pattern. */
export function availabilityZoneIdPrefix(region: string): string | undefined {
  const [country, ...rest] = region.split("-");
  const number = rest.pop();
  const words = rest.map((word) => DIRECTIONS[word]);
  return number === undefined || words.length === 0 || words.some((w) => w === undefined) ? undefined : `${country}${words.join("")}${number}`;
}

/** Whether an AZ ID (`use1-az1`) is one of `region`'s; true when the region's name does not tell its AZ IDs' prefix. */
export function isAvailabilityZoneIdOf(zoneId: string, region: string): boolean {
  const prefix = availabilityZoneIdPrefix(region);
  return prefix === undefined || zoneId.replace(/-az\d{1,2}$/, "") === prefix;
}

/**
 * Fails unless `zones` are all AZ names or all AZ IDs and, when `region` is
 * a literal, of that region (`eu-west-1a` has no place in a us-east-1
 * stack). Returns whether they are IDs. References are skipped.
 */
export function checkAvailabilityZones(scope: IConstruct, prop: string, zones: readonly string[], region: string | undefined): boolean {
  const literal = zones.filter((az) => !isUnresolved(az));
  const byId = literal.some((az) => typeof az === "string" && AZ_ID.test(az));
  zones.forEach((az, i) => {
    checkString(scope, `${prop}[${i}]`, az);
    checkPattern(
      scope,
      `${prop}[${i}]`,
      az,
      byId ? AZ_ID : AZ_NAME,
      byId
        ? "an AZ ID such as use1-az1, like the other entries (names and IDs are not mixed)"
        : "an availability zone name such as us-east-1a, or an AZ ID such as use1-az1",
    );
    if (region === undefined || isUnresolved(az)) return;
    const inRegion = byId ? isAvailabilityZoneIdOf(az, region) : az.slice(0, -1) === region;
    if (!inRegion)
      throw new ValidationError(
        scope,
        `${prop}[${i}]`,
        az,
        `an AZ of ${region}, the provider's region (${byId ? `${availabilityZoneIdPrefix(region)}-az1 ...` : `${region}a ...`})`,
      );
  });
  return byId;
}

/**
 * The subnets of `subnets` that `selection` picks, in their order. Fails
 * when the selection is malformed, names an AZ or tier the VPC does not
 * have, filters by AZ subnets whose AZ only Terraform knows, or picks
 * nothing: a construct placed in no subnet would fail at apply.
 */
export function selectFrom(scope: IConstruct, subnets: readonly ISubnet[], selection: SubnetSelection = {}): ISubnet[] {
  const prop = "selectSubnets";
  checkObject(scope, prop, selection);
  checkString(scope, `${prop}.tier`, selection.tier);
  checkList(scope, `${prop}.availabilityZones`, selection.availabilityZones);
  checkTags(scope, `${prop}.tags`, selection.tags);
  const tiers = [...new Set(subnets.map((s) => s.tier).filter((t): t is string => t !== undefined))];
  if (selection.tier !== undefined && !tiers.includes(selection.tier)) {
    throw new ValidationError(
      scope,
      `${prop}.tier`,
      selection.tier,
      tiers.length === 0 ? "a VPC with subnets of known tiers (this one has none)" : `one of the VPC's tiers: ${tiers.join(", ")}`,
    );
  }
  let selected = subnets.filter((s) => selection.tier === undefined || s.tier === selection.tier);
  const zones = selection.availabilityZones;
  if (zones !== undefined) {
    if (isUnresolvedList(zones) || zones.some(isUnresolved))
      throw new ValidationError(scope, `${prop}.availabilityZones`, zones, "literal AZs: a selection happens at synth");
    const unknown = selected.find((s) => zoneOf(s) === undefined || isUnresolved(zoneOf(s)));
    if (unknown !== undefined) {
      throw new ValidationError(
        scope,
        `${prop}.availabilityZones`,
        zones,
        `subnets whose AZs are known at synth (${unknown.subnetId} has none): give the imported VPC's availabilityZones as a literal list`,
      );
    }
    const known = new Set(selected.flatMap((s) => [s.availabilityZone, s.availabilityZoneId]).filter((z): z is string => z !== undefined));
    zones.forEach((az, i) => {
      if (!known.has(az))
        throw new ValidationError(scope, `${prop}.availabilityZones[${i}]`, az, `an AZ the selected subnets are in: ${[...known].join(", ")}`);
    });
    selected = selected.filter((s) => zones.includes(s.availabilityZone ?? "") || zones.includes(s.availabilityZoneId ?? ""));
  }
  const tags = Object.entries(selection.tags ?? {});
  selected = selected.filter((s) => tags.every(([key, value]) => s.tags?.[key] === value));
  if (selected.length === 0) throw new ValidationError(scope, prop, selection, "a selection that matches at least one subnet of the VPC");
  return selected;
}

/**
 * Fails unless `subnets` are subnet objects (what `vpc.subnets` and
 * `selectSubnets()` return), each with `field` known: a subnet ID string,
 * or a list only Terraform knows, names no subnet at synth (no AZ, route
 * table or VPC to check, no ID to place in), and the construct would be
 * made without them. `example` is the selection the error suggests; `use`
 * says what the subnets are for. Returns the list.
 * @internal
 */
export function checkSubnetObjects(
  scope: IConstruct,
  prop: string,
  subnets: readonly ISubnet[] | undefined,
  field: "subnetId" | "routeTableId",
  example: string,
  use: string,
): readonly ISubnet[] {
  const list = checkList(scope, prop, subnets) ?? [];
  if (isUnresolvedList(list))
    throw new ValidationError(
      scope,
      prop,
      list,
      `subnet objects, such as ${example}: a list only Terraform knows names no subnet at synth (import the VPC with its subnetGroups, whose subnets ${use})`,
    );
  list.forEach((subnet, i) => {
    if (typeof subnet !== "object" || subnet === null || Array.isArray(subnet))
      throw new ValidationError(
        scope,
        `${prop}[${i}]`,
        subnet,
        `a subnet object, such as ${example}[0] (not a subnet ID: import the VPC with its subnets)`,
      );
    if (subnet[field] === undefined)
      throw new ValidationError(
        scope,
        `${prop}[${i}].${field}`,
        undefined,
        field === "subnetId"
          ? "the subnet's ID (subnet-…): a subnet object as vpc.selectSubnets() returns it"
          : `a subnet whose route table is known (its tier's routeTableIds in Vpc.fromVpcAttributes): ${use}`,
      );
  });
  return list;
}

/** What a subnet group of an imported VPC takes (checkKnownProps). */
const SUBNET_GROUP_ATTRIBUTES: Record<keyof SubnetGroupAttributes, true> = {
  tier: true,
  subnetIds: true,
  availabilityZones: true,
  routeTableIds: true,
  subnetCount: true,
  tags: true,
  ipAddressType: true,
};

/**
 * The subnets of one tier of an imported VPC, one {@link ISubnet} per
 * subnet: literal lists are read item by item, references with
 * `element(list, i)`, so that constructs place one network interface per
 * subnet whatever the caller had at hand.
 * @internal
 */
export function importSubnetGroup(
  scope: IConstruct,
  propOf: (field: keyof SubnetGroupAttributes | "") => string,
  group: SubnetGroupAttributes,
  vpcId: string,
  region: string | undefined,
): ISubnet[] {
  checkObject(scope, propOf(""), group);
  // A misspelled or unsupported field (a cidrBlock, which groups do not take) would be dropped without a word.
  checkKnownProps(scope, group, SUBNET_GROUP_ATTRIBUTES, propOf(""));
  requireValue(scope, propOf("tier"), group.tier, "the tier's name, such as app or data");
  checkString(scope, propOf("tier"), group.tier);
  checkPattern(scope, propOf("tier"), group.tier, /^[A-Za-z0-9_-]{1,64}$/, "1 to 64 letters, digits, - or _");
  const subnetIds = requireValue(
    scope,
    propOf("subnetIds"),
    checkList(scope, propOf("subnetIds"), group.subnetIds),
    "the subnets' IDs, a list (literal or a reference)",
  );
  const zones = checkList(scope, propOf("availabilityZones"), group.availabilityZones);
  const tables = checkList(scope, propOf("routeTableIds"), group.routeTableIds);
  checkIntegerRange(scope, propOf("subnetCount"), group.subnetCount, 1, 200);
  checkTags(scope, propOf("tags"), group.tags);
  checkOneOf(scope, propOf("ipAddressType"), group.ipAddressType, IP_ADDRESS_TYPES);
  const count = subnetCountOf(scope, propOf, subnetIds, zones, group.subnetCount);
  if (!isUnresolvedList(subnetIds)) subnetIds.forEach((id, i) => checkResourceId(scope, `${propOf("subnetIds")}[${i}]`, id, "subnet"));
  const byId = zones !== undefined && !isUnresolvedList(zones) && checkAvailabilityZones(scope, propOf("availabilityZones"), zones, region);
  if (zones !== undefined && !isUnresolvedList(zones) && zones.length !== count) {
    throw new ValidationError(scope, propOf("availabilityZones"), zones, `one AZ per subnet, in the order of subnetIds (${count} subnets)`);
  }
  if (tables !== undefined && !isUnresolvedList(tables)) {
    if (tables.length !== 1 && tables.length !== count)
      throw new ValidationError(scope, propOf("routeTableIds"), tables, `one route table per subnet (${count}), or one for all`);
    tables.forEach((id, i) => checkResourceId(scope, `${propOf("routeTableIds")}[${i}]`, id, "routeTable"));
  }
  return Array.from({ length: count }, (_, i) => {
    const zone = zones === undefined ? undefined : itemOf(zones, i);
    return {
      subnetId: itemOf(subnetIds, i),
      availabilityZone: byId ? undefined : zone,
      availabilityZoneId: byId ? zone : undefined,
      routeTableId: tables === undefined ? undefined : itemOf(tables, isUnresolvedList(tables) ? i : Math.min(i, tables.length - 1)),
      ipAddressType: group.ipAddressType,
      vpcId,
      tier: group.tier,
      tags: group.tags,
    } satisfies ISubnet;
  });
}

/** The number of subnets of a group: the literal IDs', else the literal AZs', else the declared count. */
function subnetCountOf(
  scope: IConstruct,
  propOf: (field: keyof SubnetGroupAttributes) => string,
  subnetIds: readonly string[],
  zones: readonly string[] | undefined,
  declared: number | undefined,
): number {
  const literal = [subnetIds, zones].find((list): list is readonly string[] => list !== undefined && !isUnresolvedList(list));
  if (literal !== undefined) {
    if (literal.length === 0) throw new ValidationError(scope, propOf("subnetIds"), [], "at least one subnet");
    if (declared !== undefined && declared !== literal.length)
      throw new ValidationError(scope, propOf("subnetCount"), declared, `the number of subnets listed (${literal.length}), or no subnetCount`);
    return literal.length;
  }
  if (declared === undefined) {
    throw new ValidationError(
      scope,
      propOf("subnetCount"),
      undefined,
      "the number of subnets when subnetIds and availabilityZones are both references (constructs place one network interface per subnet, at synth)",
    );
  }
  return declared;
}

/** Item `i` of a literal list, or `element(list, i)` of a reference. */
function itemOf(list: readonly string[], i: number): string {
  return isUnresolvedList(list) ? Fn.element(list, i) : list[i];
}

/**
 * The subnets a construct places itself in when it is given none: the
 * VPC's private subnets. Fails, at `prop`, when the VPC has none (an
 * imported VPC of other tiers only, `app` and `data`), naming the tiers it
 * has and the selection to pass instead. `option` is the prop the caller
 * takes instead (`subnets`, or `subnet` for a single one).
 * @internal
 */
export function defaultSubnetsOf(
  scope: IConstruct,
  prop: string,
  vpc: { readonly privateSubnets?: readonly ISubnet[]; readonly subnets?: readonly ISubnet[] },
  option: "subnets" | "subnet" = "subnets",
): readonly ISubnet[] {
  const privateSubnets = Array.isArray(vpc?.privateSubnets) ? vpc.privateSubnets : [];
  if (privateSubnets.length > 0) return privateSubnets;
  const all: readonly ISubnet[] = Array.isArray(vpc?.subnets) ? vpc.subnets : [];
  const tiers = [...new Set(all.map((s) => s?.tier).filter((t): t is string => typeof t === "string" && !isUnresolved(t)))];
  // A tier named public is the least likely home of private network interfaces: another one is suggested first.
  const suggested = tiers.find((t) => !/public/i.test(t)) ?? tiers[0];
  const pick = `vpc.selectSubnets({ tier: "${suggested}" })${option === "subnet" ? "[0]" : ""}`;
  const expected =
    tiers.length > 0
      ? `${option}: this VPC has no ${PRIVATE_TIER} tier (its tiers: ${tiers.join(", ")}): pass ${option}: ${pick}`
      : all.length > 0
        ? `${option}: this VPC has no ${PRIVATE_TIER} subnets (its ${all.length} subnet(s) have no tier): pass ${option}`
        : `${option}: this VPC lists no subnets (import it with privateSubnetIds or subnetGroups), or pass ${option}`;
  throw new ValidationError(scope, prop, [], expected);
}
