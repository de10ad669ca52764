import { AddressFamily, isIpv6Address } from "../core";

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
 * The families a gateway's traffic to a resource travels in, and so the
 * source addresses the resource sees: the gateway's own family, and for a
 * DUALSTACK gateway the resource's (IPv4 unless the resource is IPv6-only;
 * both for a dual-stack resource when the VPC's IPv6 block is known).
 */
export function gatewayTrafficFamilies(
  gateway: ResourceIpAddressType,
  resource: ResourceIpAddressType | undefined,
  vpcIpv6Known: boolean,
): readonly AddressFamily[] {
  if (gateway !== "DUALSTACK") return [gateway === "IPV6" ? "ipv6" : "ipv4"];
  if (resource === "IPV6") return ["ipv6"];
  return resource === "DUALSTACK" && vpcIpv6Known ? ["ipv4", "ipv6"] : ["ipv4"];
}

/**
 * A gateway reaches a resource only over an IP family both have (an IPV4
 * gateway cannot reach an IPv6-only DNS name, for example).
 */
export function sharesIpFamily(gateway: ResourceIpAddressType, resource: ResourceIpAddressType): boolean {
  return FAMILIES[gateway].some((family) => FAMILIES[resource].includes(family));
}
