export * from "./private-aws-service-access";
export * from "./s3-hybrid-access";
export * from "./centralized-endpoints";
