/**
 * Security guardrails checked at synth time, in the style of cdk-nag: rules
 * (one file per rule under `rules/<id prefix>/`, e.g. `rules/ep/` for PN-EP rules) judge the Terraform JSON a
 * stack synthesizes, packs select rules, and findings are accepted per
 * construct with a written reason.
 *
 * - `applyGuardrails(app)` (after creating the stacks) fails `cdktf synth` on unsuppressed findings;
 *   cdktf runs aspects per stack, so `Aspects.of(app).add(...)` alone would never run.
 * - `checkApp(app)` / `checkStack(stack)` return the findings without synthesizing.
 * - `suppress(construct, "PN-RAM2", "why this is acceptable here")` accepts one rule's findings below a construct.
 * - An opt-out (`OptOut.because("<why>")`) accepts the findings of the rules that guard the default it turns
 *   off (`Rule.optOuts`), with its reason: the decision is written once.
 * - A custom rule is an object implementing {@link Rule}; put it in a {@link RulePack} with the built-in ones.
 *
 * @packageDocumentation
 */
export * from "./engine";
export * from "./model";
export * from "./packs";
export * from "./report";
export * from "./rule";
export * from "./rules";
export * from "./suppressions";
