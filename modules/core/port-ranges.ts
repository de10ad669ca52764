import { IConstruct } from "constructs";
import { ValidationError } from "./errors";
import { formatPortRange, PortRange } from "./ports";
import { isUnresolved } from "./tokens";
import { checkList, checkObject } from "./shapes";
import { checkKnownProps, checkPort, checkPortRange } from "./validation";

const PORT_RANGE_KEYS: Record<keyof PortRange, true> = { from: true, to: true };

/**
 * Lists of TCP ports (resource configurations, Resource and ServiceNetwork endpoints), in core's one port type
 * (`Port.tcp(5432)`, `Port.range(8000, 8100)`): each range checked as
 * JavaScript callers can get it wrong, and no two ranges overlapping, since
 * the same ports listed twice say the same thing twice and usually mean a
 * typo in one of them.
 */

/** Fails unless `ranges` is absent or a list of port ranges of ports 1-65535, ascending, none overlapping another. Returns the list, narrowed. */
export function checkPortRanges(scope: IConstruct, prop: string, ranges: readonly PortRange[] | undefined): readonly PortRange[] | undefined {
  checkLiteralList(scope, prop, ranges, "[Port.tcp(5432), Port.range(8000, 8100)]");
  checkList(scope, prop, ranges);
  if (ranges === undefined) return ranges;
  ranges.forEach((range, index) => {
    checkObject(scope, `${prop}[${index}]`, range);
    // TCP only: a protocol (or any other key) would be ignored, and UDP traffic silently left out.
    checkKnownProps(scope, range, PORT_RANGE_KEYS, `${prop}[${index}]`);
    for (const end of ["from", "to"] as const) {
      if (range[end] === undefined || range[end] === null)
        throw new ValidationError(
          scope,
          `${prop}[${index}].${end}`,
          range[end],
          "a port from 1 to 65535 (a range such as Port.tcp(5432) or Port.range(8000, 8100))",
        );
      // Security-group rules are keyed by their ports: a port only Terraform knows would give every rule the same address.
      if (isUnresolved(range[end]))
        throw new ValidationError(
          scope,
          `${prop}[${index}].${end}`,
          range[end],
          "a literal port: the gateway's and endpoints' security-group rules are keyed by their ports",
        );
      checkPort(scope, `${prop}[${index}].${end}`, range[end]);
    }
    if (range.to < range.from) throw new ValidationError(scope, `${prop}[${index}].to`, range.to, `a port not below from (${range.from})`);
  });
  checkNoOverlap(scope, prop, ranges);
  return ranges;
}

/** Parses the port strings earlier releases took (`"5432"`, `"8000-8100"`), failing like {@link checkPortRanges}; strings only Terraform knows are left to it. */
export function parsePortRangeStrings(scope: IConstruct, prop: string, ranges: readonly string[]): readonly PortRange[] {
  checkLiteralList(scope, prop, ranges, '["5432", "8000-8100"]');
  checkList(scope, prop, ranges);
  const parsed = ranges.flatMap((range, index) => {
    const port = checkPortRange(scope, `${prop}[${index}]`, range);
    return port === undefined ? [] : [port];
  });
  checkNoOverlap(scope, prop, parsed);
  return parsed;
}

/** The port strings the provider takes (`port_ranges`). */
export function portRangeStrings(ranges: readonly PortRange[]): string[] {
  return ranges.map(formatPortRange);
}

/** A list only Terraform knows cannot be split into the rules it needs, which are keyed by their ports. */
function checkLiteralList(scope: IConstruct, prop: string, ranges: readonly unknown[] | undefined, example: string): void {
  if (ranges === undefined || !isUnresolved(ranges)) return;
  throw new ValidationError(
    scope,
    prop,
    ranges,
    `a literal list of port ranges such as ${example}: the gateway's and endpoints' security-group rules are keyed by their ports`,
  );
}

function checkNoOverlap(scope: IConstruct, prop: string, ranges: readonly PortRange[]): void {
  ranges.forEach((range, index) => {
    const earlier = ranges.findIndex((other, j) => j < index && other.from <= range.to && range.from <= other.to);
    if (earlier < 0) return;
    const other = ranges[earlier];
    const same = other.from === range.from && other.to === range.to;
    throw new ValidationError(
      scope,
      `${prop}[${index}]`,
      formatPortRange(range),
      same
        ? `each range once (${prop}[${earlier}] is the same range)`
        : `ranges that do not overlap (${prop}[${earlier}] is ${formatPortRange(other)}): merge them into one range`,
    );
  });
}

/** The first port of `range` that none of `opened` covers (together they may: 8000-8050 and 8051-8100 cover 8000-8100); undefined when covered or not literal. */
export function firstUnopenedPort(range: PortRange, opened: readonly PortRange[]): number | undefined {
  if (isUnresolved(range.from) || isUnresolved(range.to)) return undefined;
  let port = range.from;
  while (port <= range.to) {
    const covering = opened.find((p) => !isUnresolved(p.from) && !isUnresolved(p.to) && p.from <= port && port <= p.to);
    if (covering === undefined) return port;
    port = covering.to + 1;
  }
  return undefined;
}
