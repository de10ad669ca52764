export * from "./aws-service";
export { DnsRecordIpType, IVpcEndpoint, NetworkEndpointBase, NetworkEndpointProps } from "./endpoint-base";
export * from "./endpoint-policy";
export * from "./gateway-endpoint";
export * from "./interface-endpoint";
export * from "./lattice-endpoints";
export * from "./targets";
export * from "./patterns";
export * from "./endpoint-only-bucket-policy";
