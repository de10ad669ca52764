export * from "./gateway";
export * from "./shared-resource-access";
export * from "./shared-resource-consumer";
export * from "./shared-database";
export * from "./dns-resource-group";
