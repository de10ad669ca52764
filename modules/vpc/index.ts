export * from "./client-peers";
export * from "./connections";
export * from "./hosted-zone";
export * from "./private-hosted-zone";
export * from "./security-group";
export * from "./transit-gateway";
export * from "./vpc";
export * from "./deprecated";
