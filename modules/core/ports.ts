import { isPort } from "./formats";

/**
 * An inclusive TCP port range, as in a security-group rule's `from_port`/`to_port`:
 * the one port type of this library (a single port is a range of one).
 */
export interface PortRange {
  /** First port of the range, 1-65535. */
  readonly from: number;
  /** Last port of the range (inclusive), 1-65535, not below `from`; equal to `from` for a single port. */
  readonly to: number;
}

/** Builds port ranges: `Port.tcp(443)`, `Port.range(8000, 8100)`. */
export class Port {
  /** One TCP port. */
  public static tcp(port: number): PortRange {
    return { from: port, to: port };
  }

  /** The TCP ports `from` to `to`, inclusive. */
  public static range(from: number, to: number): PortRange {
    return { from, to };
  }

  private constructor() {}
}

/** Parses `"5432"` or `"8000-8100"`; undefined for anything else. */
export function parsePortRange(value: string): PortRange | undefined {
  const match = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(value);
  if (match === null) return undefined;
  const from = Number(match[1]);
  const to = match[2] === undefined ? from : Number(match[2]);
  return isPort(from) && isPort(to) && from <= to ? Port.range(from, to) : undefined;
}

/** `"443"` for a single port, `"8000-8100"` for a range: how rule descriptions and keys name ports. */
export function formatPortRange(range: PortRange): string {
  return range.from === range.to ? `${range.from}` : `${range.from}-${range.to}`;
}
