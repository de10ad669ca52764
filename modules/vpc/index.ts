export * from "./client-peers";
export * from "./hosted-zone";
export * from "./private-hosted-zone";
export * from "./security-group";
export * from "./vpc";
export * from "./deprecated";
