import type { BadInput } from "./bad-input-catalog";

/**
 * More bad inputs of VPCs, subnets and security groups: wrong values found by
 * reviewing the published API as users would (stop 24). Part of the
 * bad-input catalog.
 */
export const VPC_BAD_INPUTS: readonly BadInput[] = [];
