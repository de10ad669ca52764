export * from "./connection-accepter";
export * from "./endpoint-service";
export * from "./network-load-balancer";
export * from "./principals";
export * from "./patterns";
export * from "./deprecated";
