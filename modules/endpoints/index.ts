export * from "./aws-service";
export {
  DnsRecordIpType,
  EndpointTimeouts,
  INetworkEndpoint,
  IVpcEndpoint,
  LatticeEndpointDnsProps,
  NetworkEndpointAttributes,
  NetworkEndpointBase,
  NetworkEndpointProps,
} from "./endpoint-base";
export { EndpointOutputSource, EndpointOutputValue, exportEndpointOutputs, IEndpointOutputs } from "./outputs";
export * from "./endpoint-policy";
export * from "./gateway-endpoint";
export * from "./gateway-load-balancer-endpoint";
export * from "./interface-endpoint";
export * from "./ec2-instance-connect-endpoint";
export * from "./resource-endpoint";
export * from "./service-network-endpoint";
export * from "./targets";
export * from "./patterns";
export * from "./endpoint-only-bucket-policy";
export type { EndpointOnlyPolicyProps } from "./endpoint-only-policy";
export * from "./endpoint-only-table-policy";
export * from "./deprecated";
