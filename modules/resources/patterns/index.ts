export * from "./gateway";
export * from "./shared-database";
export * from "./dns-resource-group";
