import { isUnknown } from "../model";

/** The parts of an IAM policy statement the guardrails judge. */
export interface StatementView {
  readonly allows: boolean;
  /** `Principal: "*"` or `Principal: {"AWS": "*"}`. */
  readonly anyPrincipal: boolean;
  /** `Action: "*"` or a whole service (`s3:*`). */
  readonly anyAction: boolean;
  readonly anyResource: boolean;
  readonly hasCondition: boolean;
}

/**
 * The statements of a policy document given as a JSON string; undefined when
 * the document is unknown (a Terraform expression) or not JSON, which other
 * layers (our builders, the provider) report.
 */
export function policyStatements(policy: unknown): StatementView[] | undefined {
  if (typeof policy !== "string" || isUnknown(policy)) return undefined;
  let document: { Statement?: unknown };
  try {
    document = JSON.parse(policy) as { Statement?: unknown };
  } catch {
    return undefined;
  }
  const statements = Array.isArray(document.Statement) ? document.Statement : [document.Statement];
  return statements
    .filter((s): s is Record<string, unknown> => s !== null && typeof s === "object")
    .map((s) => ({
      allows: s.Effect === "Allow",
      anyPrincipal: isAnyPrincipal(s.Principal),
      anyAction: asList(s.Action).some((a) => a === "*" || /^[a-z0-9-]+:\*$/.test(String(a))),
      anyResource: s.Resource === undefined || asList(s.Resource).includes("*"),
      hasCondition: s.Condition !== undefined && Object.keys(s.Condition as object).length > 0,
    }));
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
