import type { BadInput } from "./bad-input-catalog";

/**
 * More bad inputs of the flow analysis API (declared flows, flow questions): wrong values found by reviewing the published API
 * as users would (stop 24). Part of the bad-input catalog.
 */
export const FLOW_BAD_INPUTS: readonly BadInput[] = [];
