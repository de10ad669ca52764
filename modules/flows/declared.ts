import { analyzeFlow } from "./evaluate/analyze";
import { NetworkModel } from "./model/network-model";
import { DeclaredFlow } from "./spec";
import { FlowVerdict } from "./verdict";

/** The result of proving one declared flow. */
export interface DeclaredFlowResult {
  /** The declaration. */
  readonly flow: DeclaredFlow;
  /** The verdict over the synthesized JSON. */
  readonly verdict: FlowVerdict;
  /** True when the verdict is the declared one (and a denied flow's reason contains the declared fragment). */
  readonly holds: boolean;
}

/** Proves every flow a synthesized stack declares. */
export function verifyDeclaredFlows(model: NetworkModel): DeclaredFlowResult[] {
  const declared = (model.document.annotations.declared ?? []) as DeclaredFlow[];
  return declared.map((flow) => {
    const verdict = analyzeFlow(model, flow.from, flow.to);
    const expected =
      flow.expect === "allowed" ? verdict.allowed : !verdict.allowed && (flow.reason === undefined || (verdict.reason ?? "").includes(flow.reason));
    return { flow, verdict, holds: expected };
  });
}
