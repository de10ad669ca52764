import { IConstruct } from "constructs";
import { AddressFamily, checkOneOf, isIpv6Address, ValidationError } from "../core";

/** IP address types of resource gateways, in VPC Lattice's spelling. */
export type ResourceIpAddressType = "IPV4" | "IPV6" | "DUALSTACK";

/**
 * IP address types of DNS resources, in VPC Lattice's spelling: the family
 * the name resolves to. AWS does not support DUALSTACK for a DNS resource
 * (CreateResourceConfiguration refuses it); a DUALSTACK gateway reaches a
 * DNS resource over the family its name is declared with.
 */
export type DnsResourceIpAddressType = "IPV4" | "IPV6";

const DNS_RESOURCE_IP_ADDRESS_TYPES: readonly DnsResourceIpAddressType[] = ["IPV4", "IPV6"];

type IpFamily = "IPv4" | "IPv6";

const FAMILIES: Record<ResourceIpAddressType, readonly IpFamily[]> = {
  IPV4: ["IPv4"],
  IPV6: ["IPv6"],
  DUALSTACK: ["IPv4", "IPv6"],
};

/** Every IP address type of a resource gateway, for validation. */
export const RESOURCE_IP_ADDRESS_TYPES = Object.keys(FAMILIES) as ResourceIpAddressType[];

/**
 * Fails unless a DNS resource's `ipAddressType` is IPV4 or IPV6 (or unset):
 * CreateResourceConfiguration refuses DUALSTACK, which only a JavaScript
 * caller can give.
 * @internal
 */
export function checkDnsResourceIpAddressType(scope: IConstruct, prop: string, value: DnsResourceIpAddressType | undefined): void {
  if ((value as string) === "DUALSTACK") {
    throw new ValidationError(
      scope,
      prop,
      value,
      "IPV4 or IPV6, the family the name resolves to: AWS does not support DUALSTACK for DNS resources (a DUALSTACK gateway reaches a DNS resource over the family its name is declared with; leave ipAddressType out for IPV4)",
    );
  }
  checkOneOf(scope, prop, value, DNS_RESOURCE_IP_ADDRESS_TYPES);
}

/** The IP address type of a literal IPv4 or IPv6 address. */
export function ipAddressTypeOf(address: string): ResourceIpAddressType {
  return isIpv6Address(address) ? "IPV6" : "IPV4";
}

/**
 * The families a gateway's traffic to a resource travels in, and so the
 * source addresses the resource sees: the gateway's own family, and for a
 * DUALSTACK gateway the resource's (IPv6 for an IPv6 resource, else IPv4:
 * an IPv4 DNS resource, an ARN resource).
 */
export function gatewayTrafficFamilies(gateway: ResourceIpAddressType, resource: DnsResourceIpAddressType | undefined): readonly AddressFamily[] {
  if (gateway !== "DUALSTACK") return [gateway === "IPV6" ? "ipv6" : "ipv4"];
  return [resource === "IPV6" ? "ipv6" : "ipv4"];
}

/**
 * A gateway reaches a resource only over an IP family both have (an IPV4
 * gateway cannot reach an IPv6-only DNS name, for example).
 */
export function sharesIpFamily(gateway: ResourceIpAddressType, resource: ResourceIpAddressType): boolean {
  return FAMILIES[gateway].some((family) => FAMILIES[resource].includes(family));
}
