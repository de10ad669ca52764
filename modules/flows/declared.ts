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
  return declaredFlowsOf(model).map((flow) => verifyDeclaredFlow(model, flow));
}

/** The flows a synthesized stack declares (its `//.flows.declared`). */
export function declaredFlowsOf(model: NetworkModel): DeclaredFlow[] {
  return (model.document.annotations.declared ?? []) as DeclaredFlow[];
}

/** Proves one declared flow: a ValidationError for a flow that cannot be asked leaves the others to be proven. */
export function verifyDeclaredFlow(model: NetworkModel, flow: DeclaredFlow): DeclaredFlowResult {
  const verdict = analyzeFlow(model, flow.from, flow.to);
  const expected =
    flow.expect === "allowed" ? verdict.allowed : !verdict.allowed && (flow.reason === undefined || (verdict.reason ?? "").includes(flow.reason));
  return { flow, verdict, holds: expected };
}
