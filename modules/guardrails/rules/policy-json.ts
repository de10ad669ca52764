import { conditionNarrows } from "../../core/policy";
import { Json } from "../../flows/terraform/document";
import { isUnknown, StackModel, TfBlock } from "../model";

/** The parts of an IAM policy statement the guardrails judge. */
export interface StatementView {
  readonly allows: boolean;
  /** `Principal: "*"` or `Principal: {"AWS": "*"}`, or an Allow to everyone but a `NotPrincipal`. */
  readonly anyPrincipal: boolean;
  /** `Action: "*"` or a whole service (`s3:*`), or every action but a `NotAction`'s. */
  readonly anyAction: boolean;
  readonly anyResource: boolean;
  readonly hasCondition: boolean;
  /** Each key the statement's conditions test, with its operator (`StringEquals`, `ForAnyValue:StringLike`, ...). */
  readonly conditions: readonly ConditionTest[];
}

/** One key of a statement's condition and the operator that tests it. */
export interface ConditionTest {
  readonly operator: string;
  readonly key: string;
}

/**
 * The statements of a block's policy argument as Terraform will send it, read
 * the way the flow analysis reads it (the document's evaluation, so that
 * `jsonencode({...})` escape hatches count as their JSON), or from the
 * `data.aws_iam_policy_document` whose `json` the argument is. Undefined when
 * only Terraform knows the document.
 */
export function policyStatementsOf(model: StackModel, block: TfBlock, argument = "policy"): StatementView[] | undefined {
  const [source] = model.referencedBlocks(block.config[argument]);
  // `json` and `minified_json` render the same statements.
  if (
    source?.type === "aws_iam_policy_document" &&
    [`\${${source.address}.json}`, `\${${source.address}.minified_json}`].includes(String(block.config[argument]))
  )
    return documentStatements(model, source);
  return policyStatements(model.value(block, argument));
}

/**
 * The statements of a policy document given as a JSON string; undefined when
 * the document is unknown (a Terraform expression) or not JSON, which other
 * layers (our builders, the provider) report.
 */
export function policyStatements(policy: unknown, replacedSids: readonly unknown[] = []): StatementView[] | undefined {
  if (typeof policy !== "string" || isUnknown(policy)) return undefined;
  let document: { Statement?: unknown };
  try {
    document = JSON.parse(policy) as { Statement?: unknown };
  } catch {
    return undefined;
  }
  if (document === null || typeof document !== "object") return undefined;
  const statements = Array.isArray(document.Statement) ? document.Statement : [document.Statement];
  return statements
    .filter((s): s is Record<string, unknown> => s !== null && typeof s === "object" && !replacedSids.includes(s.Sid))
    .map((s) => ({
      allows: s.Effect === "Allow",
      anyPrincipal: isAnyPrincipal(s.Principal) || s.NotPrincipal !== undefined,
      anyAction: asList(s.Action).some(isAnyAction) || s.NotAction !== undefined,
      anyResource: s.Resource === undefined || asList(s.Resource).includes("*"),
      hasCondition: conditionNarrows(s.Condition),
      conditions: conditionTests(s.Condition),
    }));
}

/**
 * The statements a `data.aws_iam_policy_document` renders: its own, and those
 * of its source_policy_documents that no statement of its own replaces (by
 * Sid). Undefined when other documents it merges may change them: override
 * documents, or a source document only Terraform knows.
 */
function documentStatements(model: StackModel, source: TfBlock): StatementView[] | undefined {
  if (source.config.override_policy_documents !== undefined || source.config.override_json !== undefined) return undefined;
  const own = model.nested(source, "statement");
  const sources: StatementView[] = [];
  for (const argument of ["source_policy_documents", "source_json"]) {
    if (source.config[argument] === undefined) continue;
    const documents = model.list(source, argument);
    if (documents === undefined) return undefined;
    for (const document of documents) {
      const statements = policyStatements(
        document,
        own.map((s) => s.sid).filter((sid) => typeof sid === "string" && sid !== ""),
      );
      if (statements === undefined) return undefined;
      sources.push(...statements);
    }
  }
  return [...sources, ...own.map((s) => documentStatement(s))];
}

/** One `statement` block of a policy document data source, judged as the JSON statement it renders. */
function documentStatement(s: Record<string, unknown>): StatementView {
  const conditions = asList(s.condition).filter((c): c is Json => c !== null && typeof c === "object");
  const principals = (Array.isArray(s.principals) ? s.principals : s.principals === undefined ? [] : [s.principals]) as Record<string, unknown>[];
  return {
    // The data source's effect defaults to Allow.
    allows: s.effect === undefined || s.effect === null || s.effect === "Allow",
    anyPrincipal:
      principals.some((p) => (p.type === "*" || p.type === "AWS") && asList(p.identifiers).includes("*")) ||
      (s.not_principals !== undefined && s.not_principals !== null),
    anyAction: asList(s.actions).some(isAnyAction) || (s.not_actions !== undefined && s.not_actions !== null),
    anyResource: s.resources === undefined || s.resources === null || asList(s.resources).includes("*"),
    // Each condition block renders as { test: { variable: values } }: a block without values narrows nothing.
    hasCondition: conditions.some((c) => conditionNarrows({ [String(c.test)]: { [String(c.variable)]: asList(c.values) } })),
    conditions: conditions.map((c) => ({ operator: String(c.test), key: String(c.variable) })),
  };
}

/** The keys a JSON `Condition` element tests (`{ operator: { key: values } }`). */
function conditionTests(condition: unknown): ConditionTest[] {
  if (condition === null || typeof condition !== "object") return [];
  return Object.entries(condition as Record<string, unknown>).flatMap(([operator, keys]) =>
    keys === null || typeof keys !== "object" ? [] : Object.keys(keys).map((key) => ({ operator, key })),
  );
}

/** `*` or a whole service (`s3:*`); IAM matches actions case-insensitively, so `LOGS:*` is every logs action too. */
function isAnyAction(action: unknown): boolean {
  return action === "*" || /^[a-z0-9-]+:\*$/i.test(String(action));
}

function isAnyPrincipal(principal: unknown): boolean {
  if (principal === "*") return true;
  if (principal === null || typeof principal !== "object") return false;
  return asList((principal as Record<string, unknown>).AWS).includes("*");
}

function asList(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
