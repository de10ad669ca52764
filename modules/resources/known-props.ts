import { IConstruct } from "constructs";
import { checkKnownProps, ValidationError } from "../core";

/**
 * {@link checkKnownProps} for an object given inside the props (`sharing`,
 * `partner`, `members.<name>`, a definition's options): the error names the
 * prop by its path from the construct's props (`sharing.allowExternalPrincipal`),
 * not by its bare key, which the construct's own props may hold too.
 * @internal
 */
export function checkKnownNestedProps<P extends object>(
  scope: IConstruct,
  prop: string,
  value: P | undefined,
  known: Readonly<Record<keyof P & string, true>>,
): void {
  try {
    checkKnownProps(scope, value, known);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    throw new ValidationError(scope, `${prop}.${error.prop}`, (value as Record<string, unknown>)[error.prop], error.expected);
  }
}
