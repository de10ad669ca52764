export * from "./resource-share";
