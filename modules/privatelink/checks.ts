import { IConstruct } from "constructs";
import { checkItemCount, checkUnique, ValidationError } from "../core";
import { checkInVpc, checkIsVpc, checkSubnetObjects, defaultSubnetsOf, ISubnet, IVpc, zoneOf } from "../vpc";

/**
 * Fails on the first item that means the same as an earlier one (the same
 * target under two names, one account as an ID and as its root ARN),
 * naming both places: `at(i)` is the prop of item `i`, `keyOf` its meaning
 * (undefined when only Terraform knows it), `shown` what the error shows
 * of it (the caller's value).
 * @internal
 */
export function checkNoDuplicate<T>(
  scope: IConstruct,
  items: readonly T[],
  at: (index: number) => string,
  keyOf: (item: T) => string | undefined,
  what: string,
  shown: (item: T) => unknown = (item) => item,
): void {
  const first = new Map<string, number>();
  items.forEach((item, i) => {
    const key = keyOf(item);
    if (key === undefined) return;
    const earlier = first.get(key);
    if (earlier !== undefined) throw new ValidationError(scope, at(i), shown(item), `${what} not already given as ${at(earlier)} (both mean ${key})`);
    first.set(key, i);
  });
}

/**
 * The subnets a load balancer goes in: `subnets`, else the VPC's private
 * subnets, of a VPC (not its ID), given one way or the other: an imported
 * VPC without private subnets leaves them to `subnets`.
 * @internal
 */
export function loadBalancerSubnetsOf(scope: IConstruct, props: { readonly vpc: IVpc; readonly subnets?: readonly ISubnet[] }): readonly ISubnet[] {
  checkIsVpc(scope, "vpc", props.vpc);
  // Given subnets are the caller's (subnet objects: an ID string would render as no subnet); else the VPC's private ones, or a refusal that lists the tiers the VPC has.
  if (props.subnets !== undefined)
    return checkSubnetObjects(scope, "subnets", props.subnets, "subnetId", "vpc.selectSubnets()", "load balancers are placed in");
  return defaultSubnetsOf(scope, "vpc.privateSubnets", props.vpc);
}

/**
 * A load balancer's subnets: at least one, one per zone, in its VPC (AWS
 * refuses subnets of another), and dual-stack ones for a dualstack load
 * balancer (AWS gives it no IPv6 addresses in IPv4-only subnets).
 * @internal
 */
export function checkLoadBalancerSubnets(scope: IConstruct, subnets: readonly ISubnet[], vpc: IVpc, ipAddressType: "ipv4" | "dualstack"): void {
  checkItemCount(scope, "subnets", subnets, 1);
  checkUnique(scope, "subnets", subnets, (s) => zoneOf(s));
  checkInVpc(scope, "subnets", subnets, vpc);
  if (ipAddressType !== "dualstack") return;
  subnets.forEach((s, i) => {
    if (s.ipAddressType !== undefined && s.ipAddressType !== "dualstack") {
      throw new ValidationError(scope, `subnets[${i}].ipAddressType`, s.ipAddressType, "dualstack subnets for a dualstack load balancer");
    }
  });
}
