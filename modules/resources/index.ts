export * from "./ip-families";
export * from "./resource-gateway";
export * from "./resource-definition";
export * from "./resource-configuration";
export * from "./patterns";
export * from "./deprecated";
