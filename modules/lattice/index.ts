export * from "./interfaces";
export * from "./access-logs";
export * from "./auth-policy";
