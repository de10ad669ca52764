export * from "./interfaces";
export * from "./access-logs";
export * from "./auth-policy";
export * from "./service-network";
export * from "./patterns/lattice-mesh";
