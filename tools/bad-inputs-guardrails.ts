import type { BadInput } from "./bad-input-catalog";

/**
 * More bad inputs of the guardrails, their CLI, the diagrams and the app's HCL helpers: wrong values found by reviewing the published API
 * as users would (stop 24). Part of the bad-input catalog.
 */
export const GUARDRAIL_BAD_INPUTS: readonly BadInput[] = [];
