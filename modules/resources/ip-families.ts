import { isIpv6Address } from "../core";

/** IP address types of resource gateways and DNS resources, in VPC Lattice's spelling. */
export type ResourceIpAddressType = "IPV4" | "IPV6" | "DUALSTACK";

type IpFamily = "IPv4" | "IPv6";

const FAMILIES: Record<ResourceIpAddressType, readonly IpFamily[]> = {
  IPV4: ["IPv4"],
  IPV6: ["IPv6"],
  DUALSTACK: ["IPv4", "IPv6"],
};

/** Every IP address type, for validation. */
export const RESOURCE_IP_ADDRESS_TYPES = Object.keys(FAMILIES) as ResourceIpAddressType[];

/** The IP address type of a literal IPv4 or IPv6 address. */
export function ipAddressTypeOf(address: string): ResourceIpAddressType {
  return isIpv6Address(address) ? "IPV6" : "IPV4";
}

/**
 * A gateway reaches a resource only over an IP family both have (an IPV4
 * gateway cannot reach an IPv6-only DNS name, for example).
 */
export function sharesIpFamily(gateway: ResourceIpAddressType, resource: ResourceIpAddressType): boolean {
  return FAMILIES[gateway].some((family) => FAMILIES[resource].includes(family));
}
