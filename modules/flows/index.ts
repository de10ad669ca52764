/**
 * Flow proofs: who reaches what, read from the synthesized Terraform of a
 * stack (escape hatches and overrides included) and judged hop by hop
 * (DNS, routes, security groups, endpoints, PrivateLink, VPC Lattice,
 * resource gateways, RAM shares, IAM auth and endpoint policies).
 *
 * @packageDocumentation
 */
export * from "./spec";
export * from "./verdict";
export * from "./flows";
export * from "./declared";
export { analyzeFlow } from "./evaluate/analyze";
export { NetworkModel } from "./model/network-model";
export * from "./model/entities";
export { TerraformDocument, TerraformBlock, TerraformContents, ProviderConfiguration, Json, SyntheticAttributes } from "./terraform/document";
export { TfValue, TraversalStep, Unknown } from "./terraform/expressions";
export { documentFromPlan, isPlanJson } from "./terraform/plan";
