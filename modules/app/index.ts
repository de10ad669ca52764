export * from "./backend";
export * from "./hcl-output";
export * from "./stack";
