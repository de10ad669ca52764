import type { BadInput } from "./bad-input-catalog";

/**
 * More bad inputs of VPC Lattice service networks, services, listeners, target groups and auth policies: wrong values found by
 * reviewing the published API as users would (stop 24). Part of the
 * bad-input catalog.
 */
export const LATTICE_BAD_INPUTS: readonly BadInput[] = [];
