import { TerraformStack } from "cdktf";
import { RecordedOptOut } from "../../modules/core";
import { checkStack, Finding, Rule } from "../../modules/guardrails";
import { stackWithProvider } from "../helpers";

/** A stack with a default provider, built by `build`: the smallest unit a rule can judge. */
export function stackWith(build: (stack: TerraformStack) => void): TerraformStack {
  const stack = stackWithProvider();
  build(stack);
  return stack;
}

export function findingsOf(rule: Rule, build: (stack: TerraformStack) => void): Finding[] {
  return checkStack(stackWith(build), { name: rule.id, description: "one rule", rules: [rule] });
}

export interface RuleCase {
  /** What the case shows, in the test name. */
  readonly name: string;
  readonly build: (stack: TerraformStack) => void;
}

export interface NonCompliantCase extends RuleCase {
  /** Terraform type of the resource the finding must be on. */
  readonly on: string;
  /** A fragment the finding's message must contain. */
  readonly message: string;
  /** The library opt-out recorded on the resource, which accepts the finding with its reason. @default - none: the finding is open */
  readonly acceptedBy?: RecordedOptOut;
}

/**
 * Declares a rule's compliant and non-compliant cases: each compliant case must
 * produce no finding, each non-compliant one exactly the described finding.
 */
export function ruleCases(rule: Rule, cases: { compliant: readonly RuleCase[]; nonCompliant: readonly NonCompliantCase[] }): void {
  describe(`${rule.id} ${rule.name}`, () => {
    it.each(cases.compliant.map((c) => [c.name, c] as const))("passes: %s", (_, c) => {
      expect(findingsOf(rule, c.build)).toEqual([]);
    });
    it.each(cases.nonCompliant.map((c) => [c.name, c] as const))("flags: %s", (_, c) => {
      const findings = findingsOf(rule, c.build);
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({ ruleId: rule.id, severity: rule.severity });
      expect(findings[0].suppression?.optOut).toBe(c.acceptedBy);
      if (c.acceptedBy === undefined) expect(findings[0].suppression).toBeUndefined();
      expect(findings[0].address.startsWith(`${c.on}.`)).toBe(true);
      expect(findings[0].message).toContain(c.message);
    });
  });
}
