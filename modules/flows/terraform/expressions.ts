import { cidrSubnet } from "../../core/addresses";

/**
 * The part of Terraform's expression language that synthesized cdktf JSON
 * uses inside `${...}`: references (`aws_vpc.main.id`, `var.x`,
 * `dns_entry[0].dns_name`), literals, lists, objects (`{"Key" = value}`, as
 * cdktf writes `jsonencode`), function calls, conditionals and the common
 * operators. No npm library evaluates Terraform expressions offline, so this
 * small recursive-descent reader does it; anything it cannot know at synth
 * (a data source, an attribute AWS assigns) evaluates to {@link Unknown}.
 */

/** A value only Terraform knows at plan or apply, with the expression that computes it. */
export class Unknown {
  constructor(
    /** The expression, as written in the configuration. */
    public readonly expression: string,
  ) {}

  /** The expression as a template, `${...}`, as Terraform JSON writes it. */
  public toString(): string {
    return `\${${this.expression}}`;
  }
}

/** An evaluated Terraform value. */
export type TfValue = string | number | boolean | null | Unknown | readonly TfValue[] | { readonly [key: string]: TfValue };

/** One step of a reference: an attribute name or a list index. */
export type TraversalStep = string | number;

/** How references are given a value: `aws_vpc.main.cidr_block` arrives as `["aws_vpc", "main", "cidr_block"]`. */
export type ReferenceResolver = (traversal: readonly TraversalStep[], text: string) => TfValue;

/** Thrown for text that is not an expression this reader understands; callers treat the value as unknown. */
export class ExpressionSyntaxError extends Error {}

/** True when a string holds a template (`${...}`) that must be evaluated. */
export function isTemplate(value: string): boolean {
  return value.includes("${");
}

/**
 * Evaluates a cdktf JSON string: plain text stays as it is, a template is
 * evaluated with `resolve` for its references. Syntax this reader does not
 * understand yields {@link Unknown} rather than an error, so that a stack
 * using an exotic function is still analysed (its value unknown).
 */
export function evaluateString(text: string, resolve: ReferenceResolver): TfValue {
  if (!isTemplate(text)) return text;
  try {
    const parser = new Parser(text, resolve);
    return parser.template(text.length, false);
  } catch (error) {
    if (error instanceof ExpressionSyntaxError) return new Unknown(text.replace(/^\$\{|\}$/g, ""));
    throw error;
  }
}

/** Every reference (`aws_x.name...`, `var.x`, `data.aws_x.name...`, `aws_x.name[0]...`) in a template, without evaluating it. */
export function referencesIn(text: string): TraversalStep[][] {
  const found: TraversalStep[][] = [];
  if (!isTemplate(text)) return found;
  try {
    new Parser(text, (traversal, source) => {
      found.push([...traversal]);
      return new Unknown(source);
    }).template(text.length, false);
  } catch (error) {
    if (!(error instanceof ExpressionSyntaxError)) throw error;
  }
  return found;
}

/** True when the value, or anything inside it, is unknown. */
export function containsUnknown(value: TfValue): boolean {
  if (value instanceof Unknown) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (value !== null && typeof value === "object") return Object.values(value as Record<string, TfValue>).some(containsUnknown);
  return false;
}

const FUNCTIONS: Record<string, (args: TfValue[], call: string) => TfValue> = {
  jsonencode: ([value], call) => (containsUnknown(value) ? new Unknown(call) : JSON.stringify(value)),
  jsondecode: ([value], call) => (typeof value === "string" ? (JSON.parse(value) as TfValue) : new Unknown(call)),
  cidrsubnet: ([prefix, newBits, netNum], call) =>
    typeof prefix === "string" && typeof newBits === "number" && typeof netNum === "number"
      ? (cidrSubnet(prefix, newBits, netNum) ?? new Unknown(call))
      : new Unknown(call),
  tolist: ([value]) => value,
  toset: ([value], call) => (Array.isArray(value) ? [...new Set(value as TfValue[])] : new Unknown(call)),
  tostring: ([value], call) =>
    value instanceof Unknown ? value : value === null ? null : typeof value === "object" ? new Unknown(call) : String(value),
  tonumber: ([value], call) =>
    typeof value === "number" ? value : typeof value === "string" && value !== "" && !Number.isNaN(Number(value)) ? Number(value) : new Unknown(call),
  lower: ([value], call) => (typeof value === "string" ? value.toLowerCase() : new Unknown(call)),
  upper: ([value], call) => (typeof value === "string" ? value.toUpperCase() : new Unknown(call)),
  join: ([separator, list], call) =>
    typeof separator === "string" && Array.isArray(list) && list.every((v) => typeof v === "string" || typeof v === "number")
      ? (list as (string | number)[]).join(separator)
      : new Unknown(call),
  split: ([separator, value], call) => (typeof separator === "string" && typeof value === "string" ? value.split(separator) : new Unknown(call)),
  element: ([list, index], call) =>
    Array.isArray(list) && typeof index === "number" && list.length > 0 && !(list as TfValue[]).some((v) => v instanceof Unknown)
      ? (list as TfValue[])[index % list.length]
      : new Unknown(call),
  concat: (lists, call) => (lists.every(Array.isArray) ? (lists as TfValue[][]).flat() : new Unknown(call)),
  flatten: ([list], call) => (Array.isArray(list) ? flattenDeep(list as TfValue[]) : new Unknown(call)),
  distinct: ([list], call) =>
    Array.isArray(list) && !(list as TfValue[]).some((v) => v instanceof Unknown) ? [...new Set(list as TfValue[])] : new Unknown(call),
  length: ([value], call) =>
    Array.isArray(value)
      ? value.length
      : typeof value === "string"
        ? value.length
        : value !== null && typeof value === "object" && !(value instanceof Unknown)
          ? Object.keys(value).length
          : new Unknown(call),
  replace: ([value, search, replacement], call) =>
    typeof value === "string" && typeof search === "string" && typeof replacement === "string" && !search.startsWith("/")
      ? value.split(search).join(replacement)
      : new Unknown(call),
  format: ([spec, ...args], call) => {
    if (typeof spec !== "string" || args.some((a) => typeof a === "object" && a !== null)) return new Unknown(call);
    let i = 0;
    return spec.replace(/%[sdv]/g, () => String(args[i++]));
  },
  lookup: ([map, key, fallback], call) =>
    map !== null && typeof map === "object" && !Array.isArray(map) && !(map instanceof Unknown) && typeof key === "string"
      ? ((map as Record<string, TfValue>)[key] ?? fallback ?? new Unknown(call))
      : new Unknown(call),
  merge: (maps, call) =>
    maps.every((m) => m !== null && typeof m === "object" && !Array.isArray(m) && !(m instanceof Unknown))
      ? Object.assign({}, ...(maps as object[]))
      : new Unknown(call),
  coalesce: (values, call) => values.find((v) => v !== null && v !== "" && !(v instanceof Unknown)) ?? new Unknown(call),
};

function flattenDeep(list: readonly TfValue[]): TfValue[] {
  return list.flatMap((v) => (Array.isArray(v) ? flattenDeep(v as TfValue[]) : [v]));
}

const BINARY: Record<string, { readonly precedence: number; readonly apply: (a: TfValue, b: TfValue) => TfValue }> = {
  "||": { precedence: 1, apply: (a, b) => a === true || b === true },
  "&&": { precedence: 2, apply: (a, b) => a === true && b === true },
  "==": { precedence: 3, apply: (a, b) => JSON.stringify(a) === JSON.stringify(b) },
  "!=": { precedence: 3, apply: (a, b) => JSON.stringify(a) !== JSON.stringify(b) },
  "<": { precedence: 4, apply: (a, b) => (a as number) < (b as number) },
  ">": { precedence: 4, apply: (a, b) => (a as number) > (b as number) },
  "<=": { precedence: 4, apply: (a, b) => (a as number) <= (b as number) },
  ">=": { precedence: 4, apply: (a, b) => (a as number) >= (b as number) },
  "+": { precedence: 5, apply: (a, b) => (a as number) + (b as number) },
  "-": { precedence: 5, apply: (a, b) => (a as number) - (b as number) },
  "*": { precedence: 6, apply: (a, b) => (a as number) * (b as number) },
  "/": { precedence: 6, apply: (a, b) => (a as number) / (b as number) },
  "%": { precedence: 6, apply: (a, b) => (a as number) % (b as number) },
};

/** Recursive-descent reader over one cdktf string value. */
class Parser {
  private position = 0;

  constructor(
    private readonly text: string,
    private readonly resolve: ReferenceResolver,
  ) {}

  /** Literal text and `${...}` interpolations up to `end` (or a closing quote inside an expression). */
  public template(end: number, quoted: boolean): TfValue {
    const parts: TfValue[] = [];
    let literal = "";
    while (this.position < end) {
      const char = this.text[this.position];
      if (quoted && char === '"') break;
      if (char === "$" && this.text[this.position + 1] === "{") {
        this.position += 2;
        if (literal !== "") parts.push(literal);
        literal = "";
        const value = this.expression();
        this.skipSpace();
        this.expect("}");
        parts.push(value);
        continue;
      }
      if (quoted && char === "\\") {
        literal += this.escape();
        continue;
      }
      literal += char;
      this.position += 1;
    }
    if (literal !== "") parts.push(literal);
    if (parts.length === 1) return parts[0];
    if (parts.length === 0) return "";
    if (parts.some((p) => p instanceof Unknown || (typeof p === "object" && p !== null))) {
      return new Unknown(parts.map((p) => (p instanceof Unknown ? `\${${p.expression}}` : String(p))).join(""));
    }
    return parts.map(String).join("");
  }

  private escape(): string {
    const next = this.text[this.position + 1];
    this.position += 2;
    const simple: Record<string, string> = { n: "\n", t: "\t", r: "\r", '"': '"', "\\": "\\" };
    if (next in simple) return simple[next];
    if (next === "u") {
      const code = this.text.slice(this.position, this.position + 4);
      this.position += 4;
      return String.fromCharCode(parseInt(code, 16));
    }
    throw new ExpressionSyntaxError(`unknown escape \\${next}`);
  }

  private expression(): TfValue {
    const condition = this.binary(0);
    this.skipSpace();
    if (this.peek() !== "?") return condition;
    this.position += 1;
    const whenTrue = this.expression();
    this.skipSpace();
    this.expect(":");
    const whenFalse = this.expression();
    if (condition instanceof Unknown) return new Unknown("conditional");
    return condition === true ? whenTrue : whenFalse;
  }

  private binary(minimum: number): TfValue {
    let left = this.unary();
    for (;;) {
      this.skipSpace();
      const operator = ["||", "&&", "==", "!=", "<=", ">=", "<", ">", "+", "-", "*", "/", "%"].find((op) => this.text.startsWith(op, this.position));
      if (operator === undefined || BINARY[operator].precedence <= minimum) return left;
      this.position += operator.length;
      const right = this.binary(BINARY[operator].precedence);
      left = left instanceof Unknown || right instanceof Unknown ? new Unknown(operator) : BINARY[operator].apply(left, right);
    }
  }

  private unary(): TfValue {
    this.skipSpace();
    if (this.peek() === "!") {
      this.position += 1;
      const value = this.unary();
      return value instanceof Unknown ? value : !value;
    }
    if (this.peek() === "-" && !/\d/.test(this.text[this.position + 1] ?? "")) {
      this.position += 1;
      const value = this.unary();
      return value instanceof Unknown ? value : -(value as number);
    }
    return this.postfix(this.primary());
  }

  /** Index and attribute access on a computed value (`f(x)[0]`, `(a).b`). */
  private postfix(value: TfValue): TfValue {
    let current = value;
    for (;;) {
      this.skipSpace();
      if (this.peek() === "[") {
        this.position += 1;
        const index = this.expression();
        this.skipSpace();
        this.expect("]");
        current = indexInto(current, index);
      } else if (this.peek() === "." && /[A-Za-z_]/.test(this.text[this.position + 1] ?? "")) {
        this.position += 1;
        current = indexInto(current, this.identifier());
      } else {
        return current;
      }
    }
  }

  private primary(): TfValue {
    this.skipSpace();
    const char = this.peek();
    if (char === '"') {
      this.position += 1;
      const value = this.template(this.text.length, true);
      this.expect('"');
      return value;
    }
    if (char === "[") return this.list();
    if (char === "{") return this.object();
    if (char === "(") {
      this.position += 1;
      const value = this.expression();
      this.skipSpace();
      this.expect(")");
      return value;
    }
    if (char !== undefined && /[\d-]/.test(char)) return this.number();
    if (char !== undefined && /[A-Za-z_]/.test(char)) return this.reference();
    throw new ExpressionSyntaxError(`unexpected ${char ?? "end"} at ${this.position}`);
  }

  private number(): number {
    const match = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.position));
    if (match === null) throw new ExpressionSyntaxError("number expected");
    this.position += match[0].length;
    return Number(match[0]);
  }

  private list(): TfValue[] {
    this.expect("[");
    const items: TfValue[] = [];
    for (;;) {
      this.skipSpace();
      if (this.peek() === "]") break;
      items.push(this.expression());
      this.skipSpace();
      if (this.peek() === ",") this.position += 1;
      else if (this.peek() !== "]") throw new ExpressionSyntaxError("',' or ']' expected");
    }
    this.expect("]");
    return items;
  }

  private object(): Record<string, TfValue> | Unknown {
    this.expect("{");
    const entries: [TfValue, TfValue][] = [];
    for (;;) {
      this.skipSpace();
      if (this.peek() === "}") break;
      const key = this.peek() === '"' ? this.primary() : this.peek() === "(" ? this.primary() : this.identifier();
      this.skipSpace();
      if (this.peek() !== "=" && this.peek() !== ":") throw new ExpressionSyntaxError("'=' expected in object");
      this.position += 1;
      entries.push([key, this.expression()]);
      this.skipSpace();
      if (this.peek() === ",") this.position += 1;
    }
    this.expect("}");
    if (entries.some(([key]) => typeof key !== "string")) return new Unknown("object with a computed key");
    return Object.fromEntries(entries);
  }

  /** A function call or a reference such as `aws_vpc.main.id` or `aws_vpc_endpoint.e.dns_entry[0].dns_name`. */
  private reference(): TfValue {
    const start = this.position;
    const name = this.identifier();
    if (name === "true" || name === "false") return name === "true";
    if (name === "null") return null;
    this.skipSpace();
    if (this.peek() === "(") return this.call(name, start);
    const steps: TraversalStep[] = [name];
    for (;;) {
      if (this.peek() === "." && /[A-Za-z_*]/.test(this.text[this.position + 1] ?? "")) {
        this.position += 1;
        if (this.peek() === "*") throw new ExpressionSyntaxError("splat expressions are not read");
        steps.push(this.identifier());
      } else if (this.peek() === "." && /\d/.test(this.text[this.position + 1] ?? "")) {
        this.position += 1;
        steps.push(this.number());
      } else if (this.peek() === "[") {
        const save = this.position;
        this.position += 1;
        const index = this.expression();
        this.skipSpace();
        if (this.peek() !== "]" || (typeof index !== "number" && typeof index !== "string")) {
          this.position = save;
          break;
        }
        this.position += 1;
        steps.push(index);
      } else {
        break;
      }
    }
    return this.resolve(steps, this.text.slice(start, this.position));
  }

  private call(name: string, start: number): TfValue {
    this.expect("(");
    const args: TfValue[] = [];
    for (;;) {
      this.skipSpace();
      if (this.peek() === ")") break;
      args.push(this.expression());
      this.skipSpace();
      if (this.text.startsWith("...", this.position)) this.position += 3;
      if (this.peek() === ",") this.position += 1;
      else if (this.peek() !== ")") throw new ExpressionSyntaxError("',' or ')' expected");
    }
    this.expect(")");
    const source = this.text.slice(start, this.position);
    const fn = FUNCTIONS[name];
    return fn === undefined ? new Unknown(source) : fn(args, source);
  }

  private identifier(): string {
    const match = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(this.text.slice(this.position));
    if (match === null) throw new ExpressionSyntaxError(`identifier expected at ${this.position}`);
    this.position += match[0].length;
    return match[0];
  }

  private peek(): string | undefined {
    return this.text[this.position];
  }

  private skipSpace(): void {
    while (this.position < this.text.length && /\s/.test(this.text[this.position])) this.position += 1;
  }

  private expect(char: string): void {
    this.skipSpace();
    if (this.text[this.position] !== char) throw new ExpressionSyntaxError(`'${char}' expected at ${this.position}`);
    this.position += 1;
  }
}

function indexInto(value: TfValue, index: TfValue): TfValue {
  if (value instanceof Unknown || index instanceof Unknown) return new Unknown("index");
  if (Array.isArray(value) && typeof index === "number") return (value as TfValue[])[index] ?? null;
  if (value !== null && typeof value === "object" && !Array.isArray(value) && typeof index === "string")
    return (value as Record<string, TfValue>)[index] ?? null;
  return new Unknown("index");
}
