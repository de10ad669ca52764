import { Aspects, IAspect, TerraformResource, TerraformStack } from "../core/cdktf";
import { IConstruct } from "constructs";
import { closestMatch } from "../core/formats";
import { givesReason, RecordedOptOut } from "../core/opt-out";
import { ValidationError } from "../core/errors";
import { checkConstruct, GUARDRAILS_API, shown } from "./arguments";
import { TfBlock } from "./model";
import { Rule } from "./rule";
import { ALL_RULES } from "./rules";

/** Metadata type under which suppressions are stored on the construct. */
const SUPPRESSION_METADATA = "pn-guardrails:suppression";
/** Key of the suppressions (rule ID -> reason) in each resource's `//` comment of the synthesized JSON. */
const SUPPRESSION_COMMENT = "guardrails_suppressions";
/** Key of the constructs they were declared on (rule ID -> construct path), next to them. */
const DECLARED_ON_COMMENT = "guardrails_suppressions_declared_on";
const MIN_REASON_LENGTH = 10;

/** A finding accepted on purpose, as declared with {@link suppress}. */
export interface Suppression {
  /** The rule whose findings are accepted. */
  readonly ruleId: string;
  /** Why, as written by the author of the suppression. */
  readonly reason: string;
  /** Path of the construct the suppression was declared on (for an opt-out: the resource it is recorded on). */
  readonly declaredOn: string;
  /** The opt-out whose recorded reason accepts the finding (see `Rule.optOuts`). @default - a suppression declared with {@link suppress} */
  readonly optOut?: RecordedOptOut;
}

/**
 * Accepts the findings of one rule on a construct and everything below it,
 * with a written reason. The suppression is shown by the check and recorded
 * in the synthesized JSON of every resource it covers, under
 * `"//": { "guardrails_suppressions": { "<rule id>": "<reason>" } }` (and the
 * construct it was declared on under `guardrails_suppressions_declared_on`),
 * so that checks of the JSON files honour it.
 *
 * A rule ID given as a string must be a built-in rule's (a typo would
 * otherwise suppress nothing, silently); pass a custom rule as the object.
 */
export function suppress(construct: IConstruct, rule: string | Rule, reason: string): void {
  checkConstruct(GUARDRAILS_API, "construct", construct, "the construct whose findings are accepted (a stack or a construct inside one)");
  // cdktf runs aspects per stack, never on the App (or a construct outside every stack): the suppression would be
  // honoured by checkApp but never reach the JSON, and the check of the files would then fail.
  if (!construct.node.scopes.some((scope) => TerraformStack.isStack(scope)))
    throw new ValidationError(construct, "construct", shown(construct), "a stack or a construct inside one: suppress on each stack, not on the App");
  const ids = ALL_RULES.map((r) => r.id);
  if (typeof rule !== "string" && (rule === null || typeof rule !== "object" || typeof rule.id !== "string" || rule.id.trim() === ""))
    throw new ValidationError(construct, "ruleId", rule, "a built-in rule's ID (such as PN-EP2) or a custom Rule object with its id");
  const ruleId = typeof rule === "string" ? rule : rule.id;
  if (typeof rule === "string" && !ids.includes(ruleId)) {
    const suggestion = closestMatch(ruleId, ids);
    throw new ValidationError(
      construct,
      "ruleId",
      ruleId,
      `a guardrail rule ID${suggestion === undefined ? " such as PN-EP2" : ` (did you mean ${suggestion}?)`}`,
    );
  }
  if (typeof reason !== "string" || reason.trim().length < MIN_REASON_LENGTH) {
    throw new ValidationError(
      construct,
      "reason",
      reason,
      `a reason of at least ${MIN_REASON_LENGTH} characters saying why the finding is acceptable here`,
    );
  }
  construct.node.addMetadata(SUPPRESSION_METADATA, { ruleId, reason: reason.trim() });
  Aspects.of(construct).add(new SuppressionComment(ruleId, reason.trim(), construct.node.path));
}

/** The suppression of a rule that applies to a construct: its own, or the nearest ancestor's. */
export function suppressionFor(construct: IConstruct | undefined, ruleId: string): Suppression | undefined {
  for (const scope of [...(construct?.node.scopes ?? [])].reverse()) {
    const entry = scope.node.metadata.find((m) => m.type === SUPPRESSION_METADATA && (m.data as { ruleId: string }).ruleId === ruleId);
    if (entry !== undefined) return { ...(entry.data as { ruleId: string; reason: string }), declaredOn: scope.node.path };
  }
  return undefined;
}

/** The suppression of a rule recorded in a block's `//` comment of synthesized JSON, for checks of JSON files. */
export function recordedSuppression(block: TfBlock, ruleId: string): Suppression | undefined {
  const reason = (block.comment[SUPPRESSION_COMMENT] as Record<string, unknown> | undefined)?.[ruleId];
  const declaredOn = (block.comment[DECLARED_ON_COMMENT] as Record<string, unknown> | undefined)?.[ruleId];
  // JSON synthesized before declaring constructs were recorded knows only where the suppression applies.
  return typeof reason === "string" ? { ruleId, reason, declaredOn: typeof declaredOn === "string" ? declaredOn : block.path } : undefined;
}

/**
 * The first of a rule's opt-outs recorded on the block (`//.opt_outs.<name>`)
 * with a reason, as the suppression it amounts to. A deprecated bare flag
 * (recorded as "no reason given") accepts nothing: the finding stays open.
 */
export function optOutSuppression(block: TfBlock, rule: Rule): Suppression | undefined {
  const recorded = (block.comment.opt_outs ?? {}) as Record<string, unknown>;
  for (const optOut of rule.optOuts ?? []) {
    const reason = recorded[optOut];
    if (typeof reason === "string" && givesReason(reason)) return { ruleId: rule.id, reason, declaredOn: block.path, optOut };
  }
  return undefined;
}

/** How a suppression reads in reports and annotations: where it was declared, or which opt-out of the resource accepted the finding. */
export function describeSuppression(suppression: Suppression): string {
  return suppression.optOut === undefined
    ? `suppressed on ${suppression.declaredOn}: ${suppression.reason}`
    : `accepted by the opt-out ${suppression.optOut} recorded on the resource: ${suppression.reason}`;
}

/** Writes the suppression into the `//` comment of every resource it covers, at synth time (when all children exist). */
class SuppressionComment implements IAspect {
  constructor(
    private readonly ruleId: string,
    private readonly reason: string,
    private readonly declaredOn: string,
  ) {}

  public visit(node: IConstruct): void {
    if (!TerraformResource.isTerraformResource(node)) return;
    node.addOverride(`//.${SUPPRESSION_COMMENT}.${this.ruleId}`, this.reason);
    node.addOverride(`//.${DECLARED_ON_COMMENT}.${this.ruleId}`, this.declaredOn);
  }
}
