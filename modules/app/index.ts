export * from "./backend";
export * from "./hcl-output";
export * from "./offline-plan";
export * from "./stack";
