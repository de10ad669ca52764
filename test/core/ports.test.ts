import { formatPortRange, parsePortRange, Port } from "../../modules/core";

describe("Port", () => {
  it("builds single ports and ranges as one PortRange shape", () => {
    expect(Port.tcp(443)).toEqual({ from: 443, to: 443 });
    expect(Port.range(8000, 8100)).toEqual({ from: 8000, to: 8100 });
    expect(parsePortRange("8000-8100")).toEqual(Port.range(8000, 8100));
  });

  it("formats a single port without a dash and a range with one", () => {
    expect(formatPortRange(Port.tcp(443))).toBe("443");
    expect(formatPortRange(Port.range(8000, 8100))).toBe("8000-8100");
  });
});
