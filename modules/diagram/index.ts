export * from "./model";
export * from "./mermaid";
