import { IConstruct } from "constructs";
import { ValidationError } from "./errors";

/** Shortest reason an opt-out accepts: a sentence, not "ok" or "test". */
const MIN_REASON_LENGTH = 20;

/**
 * The one way to turn off a secure default: a named prop (what is turned
 * off) whose value says why. `OptOut.because("partner outside the
 * organization; it accepts the share")` reads in review as a decision,
 * unlike `true`, and the reason travels with the resource: it is written
 * into the synthesized JSON (`//.opt_outs.<name>`), where the guardrails
 * show it with the finding it explains.
 */
export class OptOut {
  /** An opt-out with its reason (at least 20 characters). */
  public static because(reason: string): OptOut {
    return new OptOut(reason);
  }

  /** True for a value made by {@link OptOut.because}. */
  public static isOptOut(value: unknown): value is OptOut {
    return value instanceof OptOut;
  }

  private constructor(
    /** Why the default is turned off. */
    public readonly reason: string,
  ) {}

  /**
   * The reason, checked: fails unless it is a sentence of at least 20
   * characters. `prop` names the opt-out in the error.
   */
  public validate(scope: IConstruct, prop: string): string {
    const reason = typeof this.reason === "string" ? this.reason.trim() : "";
    if (reason.length < MIN_REASON_LENGTH) {
      throw new ValidationError(
        scope,
        prop,
        this.reason,
        `OptOut.because("<why>") with a reason of at least ${MIN_REASON_LENGTH} characters saying why the default does not fit here`,
      );
    }
    return reason;
  }
}

/**
 * Reads an opt-out prop: undefined when not given; the validated reason for
 * an {@link OptOut}; for the boolean `true` that earlier releases took, a
 * deprecation reason (still honoured, so existing code keeps working).
 * Anything else fails, so `"yes"` or `1` from JavaScript never turns a
 * default off by accident.
 */
export function optOutReason(scope: IConstruct, prop: string, value: OptOut | boolean | undefined): string | undefined {
  if (value === undefined || value === false) return undefined;
  if (value === true) return `${prop}: true (deprecated: pass OptOut.because("<why>"))`;
  if (OptOut.isOptOut(value)) return value.validate(scope, prop);
  throw new ValidationError(scope, prop, value, 'OptOut.because("<why>") to turn this default off, or leave it unset');
}
