/**
 * cdktf-aws-private-networking: CDK for Terraform constructs for AWS VPC
 * private networking. Each area is also published as a subpath
 * (`cdktf-aws-private-networking/endpoints`, ...) so that a consumer can load
 * one area alone.
 *
 * Every area imports provider classes by deep path only, so importing this
 * entry point never loads the `@cdktf/provider-aws` barrel.
 *
 * @packageDocumentation
 */
export * from "./core";
export * from "./vpc";
export * from "./ram";
export * from "./endpoints";
export * from "./privatelink";
export * from "./lattice";
export * from "./resources";
export * from "./flows";
export * from "./guardrails";
export * from "./diagram";
export * from "./app";
