export * from "./inspected-subnet-tier";
export * from "./saas-consumer-endpoint";
export * from "./saas-offering";
