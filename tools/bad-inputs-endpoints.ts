import type { BadInput } from "./bad-input-catalog";

/**
 * More bad inputs of VPC endpoints and PrivateLink endpoint services: wrong values found by
 * reviewing the published API as users would (stop 24). Part of the
 * bad-input catalog.
 */
export const ENDPOINT_BAD_INPUTS: readonly BadInput[] = [];
