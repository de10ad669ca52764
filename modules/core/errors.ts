import { Construct, IConstruct } from "constructs";
import { isUnresolved } from "./tokens";

/**
 * The one error type of this library. Every invalid input is reported at synth
 * time with the construct path, the prop, the value received and what was
 * expected, so that the user can fix the stack without reading our code.
 */
export class ValidationError extends Error {
  /** Construct path of the construct that rejected its input (`app` for the app itself, whose path is empty). */
  public readonly constructPath: string;
  /** The prop (or dotted prop path, e.g. `listeners[0].port`) that is wrong. */
  public readonly prop: string;
  /** The value received, rendered for humans. */
  public readonly received: string;
  /** What the prop must be instead. */
  public readonly expected: string;

  constructor(scope: IConstruct | string, prop: string, received: unknown, expected: string) {
    // The app is the one construct whose path is empty: errors on it say "app".
    const constructPath = typeof scope === "string" ? scope : scope.node.path || "app";
    const shown = describeValue(received);
    // An expectation built from a reference (`the zones ${service.name} is offered in`) says what it is, as the value does.
    const wanted = readableTokens(expected);
    super(`${constructPath}: invalid ${prop}: received ${shown}; expected ${wanted}`);
    this.name = "ValidationError";
    this.constructPath = constructPath;
    this.prop = prop;
    this.received = shown;
    this.expected = wanted;
  }
}

/** Renders any value (including undefined and circular objects) for an error message. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "undefined";
  if (typeof value === "string") return shorten(JSON.stringify(readableTokens(value)));
  // A map only Terraform knows (a variable's value) would render as cdktf's "<unresolved-token>" (a list shows its token element).
  if (typeof value === "object" && value !== null && !Array.isArray(value) && isUnresolved(value)) return "<reference known at apply>";
  if (Array.isArray(value) || (typeof value === "object" && value !== null)) {
    try {
      return shorten(readableTokens(JSON.stringify(value, constructsByPath)));
    } catch {
      return Object.prototype.toString.call(value);
    }
  }
  // cdktf encodes a number only Terraform knows as a huge double: as meaningless to a reader as a string token.
  if (typeof value === "number" && isUnresolved(value)) return "<number known at apply>";
  return String(value);
}

/**
 * A construct (a VPC, a security group) given where a list or an object is
 * checked is shown by its construct path: its own fields point back at its
 * tree, which JSON cannot render, and would leave the reader "[object Array]".
 */
function constructsByPath(_key: string, value: unknown): unknown {
  return Construct.isConstruct(value) ? `<${value.node.path || "app"}>` : value;
}

/** cdktf's token placeholders (`${TfToken[TOKEN.12]}`) mean nothing to a reader: say what they are. */
function readableTokens(text: string): string {
  return text.replace(/[$#]\{TfToken\[[^\]]*\]\}/g, "<reference known at apply>");
}

function shorten(text: string): string {
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}
