import { Construct, IConstruct } from "constructs";
import { ValidationError } from "../core/errors";
import { RulePack } from "./packs";
import { Rule, Severity } from "./rule";

/**
 * The guardrails' checks of their own arguments. The engine is called from
 * JavaScript and from hand-written packs, so a wrong argument (a pack given
 * by its name, a typo in a level, a rule without a `check`) must fail at the
 * call with a ValidationError, not turn the check off or fail later with a
 * TypeError deep inside a rule.
 */

/** What errors name as the rejecting "construct" when the bad input is not inside a construct (or is the construct). */
export const GUARDRAILS_API = "guardrails";

const SEVERITIES: readonly Severity[] = ["HIGH", "MEDIUM", "LOW"];

/** A value as errors show it: a construct by its path, since its JSON would be its whole tree. */
export function shown(value: unknown): unknown {
  return Construct.isConstruct(value) ? `construct ${value.node.path || "app"}` : value;
}

/** Fails unless the value is a construct. */
export function checkConstruct(where: string, prop: string, value: unknown, expected: string): IConstruct {
  if (!Construct.isConstruct(value)) throw new ValidationError(where, prop, value, expected);
  return value;
}

/** Fails unless the value is an object (not null, a list or a string). */
export function checkOptions<T extends object>(where: IConstruct | string, prop: string, value: T | undefined, known: readonly string[]): T {
  if (value === undefined) return {} as T;
  if (value === null || typeof value !== "object" || Array.isArray(value))
    throw new ValidationError(where, prop, value, `an object with the options ${known.join(", ")}`);
  for (const key of Object.keys(value))
    if (!known.includes(key)) throw new ValidationError(where, `${prop}.${key}`, key, `one of the options ${known.join(", ")}`);
  return value;
}

/** Fails unless the value is a pack (an object with a name and a list of well-formed rules, whose IDs are unique). */
export function checkPack(where: IConstruct | string, prop: string, pack: unknown): RulePack {
  if (pack === null || typeof pack !== "object" || !Array.isArray((pack as RulePack).rules))
    throw new ValidationError(where, prop, pack, "a RulePack, such as PRIVATE_NETWORKING_PACK (an object with a list of rules), not its name");
  const rules = (pack as RulePack).rules;
  const seen = new Set<string>();
  rules.forEach((rule, i) => {
    checkRule(where, `${prop}.rules[${i}]`, rule);
    if (seen.has(rule.id))
      throw new ValidationError(
        where,
        `${prop}.rules[${i}].id`,
        rule.id,
        "a rule ID no other rule of the pack has: findings and suppressions name rules by ID",
      );
    seen.add(rule.id);
  });
  return pack as RulePack;
}

/** Fails unless the value has what the engine and the reports read of a rule. */
export function checkRule(where: IConstruct | string, prop: string, rule: unknown): Rule {
  if (rule === null || typeof rule !== "object") throw new ValidationError(where, prop, rule, "a Rule object");
  const r = rule as Rule;
  if (typeof r.id !== "string" || r.id.trim() === "") throw new ValidationError(where, `${prop}.id`, r.id, "a non-empty rule ID, such as MY-1");
  if (typeof r.name !== "string") throw new ValidationError(where, `${prop}.name`, r.name, `a name for rule ${r.id}`);
  if (!SEVERITIES.includes(r.severity))
    throw new ValidationError(where, `${prop}.severity`, r.severity, `one of ${SEVERITIES.join(", ")} (rule ${r.id})`);
  if (!Array.isArray(r.resourceTypes) || r.resourceTypes.some((t) => typeof t !== "string"))
    throw new ValidationError(where, `${prop}.resourceTypes`, r.resourceTypes, `a list of Terraform resource types (rule ${r.id})`);
  if (typeof r.check !== "function") throw new ValidationError(where, `${prop}.check`, r.check, `a function (rule ${r.id})`);
  return r;
}
