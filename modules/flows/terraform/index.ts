export * from "./document";
export * from "./expressions";
export { awsSyntheticAttributes, syntheticArn, syntheticId, UNKNOWN_ACCOUNT } from "./synthetic";
