import { Aspects, IAspect, TerraformResource } from "cdktf";
import { IConstruct } from "constructs";
import { closestMatch } from "../core/formats";
import { ValidationError } from "../core/errors";
import { Rule } from "./rule";
import { ALL_RULES } from "./rules";

/** Metadata type under which suppressions are stored on the construct. */
const SUPPRESSION_METADATA = "pn-guardrails:suppression";
/** Key of the suppressions in each resource's `//` comment of the synthesized JSON. */
const SUPPRESSION_COMMENT = "guardrails_suppressions";
const MIN_REASON_LENGTH = 10;

/** A finding accepted on purpose, as declared with {@link suppress}. */
export interface Suppression {
  /** The rule whose findings are accepted. */
  readonly ruleId: string;
  /** Why, as written by the author of the suppression. */
  readonly reason: string;
  /** Path of the construct the suppression was declared on. */
  readonly declaredOn: string;
}

/**
 * Accepts the findings of one rule on a construct and everything below it,
 * with a written reason. The suppression is shown by the check and recorded
 * in the synthesized JSON of every resource it covers, under
 * `"//": { "guardrails_suppressions": { "<rule id>": "<reason>" } }`.
 *
 * A rule ID given as a string must be a built-in rule's (a typo would
 * otherwise suppress nothing, silently); pass a custom rule as the object.
 */
export function suppress(construct: IConstruct, rule: string | Rule, reason: string): void {
  const ids = ALL_RULES.map((r) => r.id);
  const ruleId = typeof rule === "string" ? rule : rule.id;
  if (typeof rule === "string" && !ids.includes(ruleId)) {
    const suggestion = closestMatch(ruleId, ids);
    throw new ValidationError(construct, "ruleId", ruleId, `a guardrail rule ID${suggestion === undefined ? " such as PN-EP2" : ` (did you mean ${suggestion}?)`}`);
  }
  if (typeof reason !== "string" || reason.trim().length < MIN_REASON_LENGTH) {
    throw new ValidationError(construct, "reason", reason, `a reason of at least ${MIN_REASON_LENGTH} characters saying why the finding is acceptable here`);
  }
  construct.node.addMetadata(SUPPRESSION_METADATA, { ruleId, reason: reason.trim() });
  Aspects.of(construct).add(new SuppressionComment(ruleId, reason.trim()));
}

/** The suppression of a rule that applies to a construct: its own, or the nearest ancestor's. */
export function suppressionFor(construct: IConstruct | undefined, ruleId: string): Suppression | undefined {
  for (const scope of [...(construct?.node.scopes ?? [])].reverse()) {
    const entry = scope.node.metadata.find((m) => m.type === SUPPRESSION_METADATA && (m.data as { ruleId: string }).ruleId === ruleId);
    if (entry !== undefined) return { ...(entry.data as { ruleId: string; reason: string }), declaredOn: scope.node.path };
  }
  return undefined;
}

/** Writes the suppression into the `//` comment of every resource it covers, at synth time (when all children exist). */
class SuppressionComment implements IAspect {
  constructor(
    private readonly ruleId: string,
    private readonly reason: string,
  ) {}

  public visit(node: IConstruct): void {
    if (TerraformResource.isTerraformResource(node)) node.addOverride(`//.${SUPPRESSION_COMMENT}.${this.ruleId}`, this.reason);
  }
}
