import { describeVerdict, NetworkModel, verifyDeclaredFlows } from "../../modules/flows";
import { ALL_STACKS } from "../../stacks/catalog";
import { exampleStackJson } from "./synth-app";

/**
 * A use case is done when its flows are proven: every example stack declares
 * the allowed flow it exists for and denied flows of who must not get in,
 * and the analysis of its synthesized JSON gives each the declared verdict.
 */
describe.each(ALL_STACKS.map((definition) => definition.name))("%s", (name) => {
  // cdk.tf.json as main.ts writes it, with the declarations Flows.of renders into it.
  const model = NetworkModel.fromJson(name, exampleStackJson(name, "as written"));
  const results = verifyDeclaredFlows(model);

  test("declares at least one allowed flow and one denied flow", () => {
    expect(results.filter((r) => r.flow.expect === "allowed").length).toBeGreaterThan(0);
    expect(results.filter((r) => r.flow.expect === "denied").length).toBeGreaterThan(0);
  });

  // jest refuses an empty table; the test above already fails a stack that declares nothing.
  if (results.length === 0) return;
  test.each(results.map((r) => [r.flow.name, r] as const))("flow %s has its declared verdict", (_flow, result) => {
    const described = `${result.flow.expect}${result.flow.reason === undefined ? "" : ` for "${result.flow.reason}"`}; analysis: ${describeVerdict(result.verdict)}`;
    expect({ holds: result.holds, described }).toEqual({ holds: true, described });
  });
});
