import { IConstruct } from "constructs";
import { checkItemCount, checkPredicate, checkUnique, cidrContains, familyOf, isUnresolved, ValidationError } from "../core";
import { isAvailabilityZoneId, ISubnet, IVpc } from "../vpc";

/** A list of AZ IDs a provider publishes (at least one, unique, each shaped like `use1-az1`); tokens pass. */
export function checkZoneIds(scope: IConstruct, prop: string, ids: readonly string[] | undefined): void {
  checkItemCount(scope, prop, ids, 1);
  checkUnique(scope, prop, ids);
  ids?.forEach((id, i) =>
    checkPredicate(scope, `${prop}[${i}]`, id, isAvailabilityZoneId, "an AZ ID such as use1-az1 (AZ names map to other zones in other accounts)"),
  );
}

/**
 * An IP target in a subnet of the VPC is in that subnet's zone, and AWS
 * sends traffic only to targets in zones the load balancer is enabled in
 * (a node there), cross-zone load balancing or not: a target elsewhere is
 * registered, but stays unused (`Target.NotInUse`) and carries nothing.
 * Judged when the target's subnet and every load balancer subnet say their
 * zone in the same vocabulary (AZ IDs, else AZ names: one VPC, one account).
 */
export function checkTargetZone(scope: IConstruct, prop: string, address: string, vpc: IVpc, subnets: readonly ISubnet[]): void {
  if (typeof address !== "string" || isUnresolved(address) || familyOf(address) !== "ipv4") return;
  const zoneOf = (subnet: ISubnet, byId: boolean): string | undefined => {
    const zone = byId ? subnet.availabilityZoneId : subnet.availabilityZone;
    return zone === undefined || isUnresolved(zone) ? undefined : zone;
  };
  const vpcSubnets = Array.isArray(vpc.subnets) ? vpc.subnets : [];
  const home = vpcSubnets.find((s) => s.cidrBlock !== undefined && !isUnresolved(s.cidrBlock) && cidrContains(s.cidrBlock, address));
  if (home === undefined) return;
  const byId = zoneOf(home, true) !== undefined && subnets.every((s) => zoneOf(s, true) !== undefined);
  const zone = zoneOf(home, byId);
  const enabled = subnets.map((s) => zoneOf(s, byId));
  if (zone === undefined || enabled.some((z) => z === undefined) || enabled.includes(zone)) return;
  throw new ValidationError(
    scope,
    prop,
    address,
    `an address in a zone of the load balancer's subnets (${enabled.join(", ")}): it is in subnet ${home.cidrBlock} of ${zone}, where the load balancer has no node, and AWS sends no traffic to a target in a zone the load balancer is not enabled in (Target.NotInUse), cross-zone load balancing or not; add a subnet of ${zone} to the load balancer's subnets, or move the target`,
  );
}
