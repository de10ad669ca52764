export * from "./engine";
export * from "./model";
export * from "./packs";
export * from "./rule";
export * from "./rules";
export * from "./suppressions";
