export * from "./interfaces";
export * from "./access-logs";
export * from "./auth-policy";
export * from "./service-network";
export * from "./patterns/lattice-mesh";
export * from "./names";
export * from "./listener";
export * from "./service";
export * from "./target-group";
/** @deprecated Import VPC_LATTICE_SOURCE_CIDRS from core, the home of AWS facts. */
export { VPC_LATTICE_SOURCE_CIDRS } from "../core";
export * from "./traffic-split";
export * from "./rule-auth-policy";
