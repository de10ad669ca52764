export * from "./security-group";
export * from "./vpc";
