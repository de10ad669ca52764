export * from "./pack";
export * from "./private-networking";
export * from "./scanner-parity";
