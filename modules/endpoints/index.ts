export * from "./aws-service";
export * from "./endpoint-base";
export * from "./endpoint-policy";
export * from "./gateway-endpoint";
export * from "./interface-endpoint";
export * from "./lattice-endpoints";
export * from "./region";
export * from "./targets";
