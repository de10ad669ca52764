export * from "./saas-offering";
