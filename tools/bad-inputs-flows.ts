import { analyzeFlow, NetworkModel } from "../modules/flows";
import type { BadInput } from "./bad-input-catalog";

/**
 * More bad inputs of the flow analysis API (declared flows, flow questions): wrong values found by reviewing the published API
 * as users would (stop 24). Part of the bad-input catalog.
 */
export const FLOW_BAD_INPUTS: readonly BadInput[] = [
  {
    module: "flows",
    api: "analyzeFlow",
    cause: "no network model: analyzeFlow(undefined, from, to)",
    fix: "pass the model of the stack: networkModelOf(stack), or NetworkModel.fromJson(name, json) of its synthesized JSON",
    scope: "app",
    path: "flows",
    prop: "model",
    received: "undefined",
    build: () => analyzeFlow(undefined as unknown as NetworkModel, { vpc: "aws_vpc.main" }, { target: "aws_vpc_endpoint.logs" }),
  },
];
