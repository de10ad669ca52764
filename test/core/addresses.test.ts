import fc from "fast-check";
import {
  addressRange,
  cidrContains,
  cidrsCoverAddressSpace,
  cidrsOverlap,
  cidrSubnet,
  familyOf,
  hostCidr,
  isIpv4Address,
  isIpv6Address,
  isNetworkCidr,
  parseCidr,
} from "../../modules/core";

describe("address math", () => {
  test("cidrSubnet computes what Terraform's cidrsubnet() computes", () => {
    expect(cidrSubnet("10.0.0.0/16", 8, 0)).toBe("10.0.0.0/24");
    expect(cidrSubnet("10.0.0.0/16", 8, 1)).toBe("10.0.1.0/24");
    expect(cidrSubnet("10.0.0.0/16", 4, 15)).toBe("10.0.240.0/20");
    expect(cidrSubnet("2001:db8::/56", 8, 1)).toBe("2001:db8:0:1::/64");
    expect(cidrSubnet("10.0.0.0/16", 8, 256)).toBeUndefined();
    expect(cidrSubnet("10.0.0.0/30", 4, 0)).toBeUndefined();
  });

  test("containment and overlap never cross families", () => {
    expect(cidrContains("10.0.0.0/16", "10.0.1.0/24")).toBe(true);
    expect(cidrContains("10.0.0.0/16", "10.0.1.5")).toBe(true);
    expect(cidrContains("10.0.1.0/24", "10.0.0.0/16")).toBe(false);
    expect(cidrContains("::/0", "10.0.0.1")).toBe(false);
    expect(cidrsOverlap("10.0.0.0/16", "10.0.255.0/24")).toBe(true);
    expect(cidrsOverlap("10.0.0.0/16", "10.1.0.0/16")).toBe(false);
  });

  test("fails when a CIDR has host bits set or a prefix longer than its family", () => {
    expect(isNetworkCidr("10.0.0.5/16")).toBe(false);
    expect(parseCidr("10.0.0.0/33")).toBeUndefined();
    expect(parseCidr("2001:db8::/129")).toBeUndefined();
    expect(parseCidr("10.0.0.0")).toBeUndefined();
  });

  test("sets of blocks that together are the internet are seen as such", () => {
    expect(cidrsCoverAddressSpace(["0.0.0.0/1", "128.0.0.0/1"], "ipv4")).toBe(true);
    expect(cidrsCoverAddressSpace(["0.0.0.0/1", "128.0.0.0/2"], "ipv4")).toBe(false);
    expect(cidrsCoverAddressSpace(["::/1", "8000::/1"], "ipv6")).toBe(true);
    expect(cidrsCoverAddressSpace(["10.0.0.0/8"], "ipv4")).toBe(false);
  });

  test("address classes: private, public, link-local, loopback", () => {
    expect(addressRange("10.0.1.5")).toBe("private");
    expect(addressRange("8.8.8.8")).toBe("public");
    expect(addressRange("169.254.171.3")).toBe("linkLocal");
    expect(addressRange("127.0.0.1")).toBe("loopback");
    expect(addressRange("fd00:ec2:80::1")).toBe("uniqueLocal");
    expect(addressRange("not an address")).toBeUndefined();
  });

  test("AWS's spelling of addresses: dotted quads only, no IPv6 zone", () => {
    expect(isIpv4Address("10.1")).toBe(false);
    expect(isIpv4Address("010.0.0.1")).toBe(false);
    expect(isIpv6Address("fe80::1%eth0")).toBe(false);
    expect(isIpv6Address("::ffff:10.0.0.1")).toBe(true);
    expect(familyOf("2001:db8::/56")).toBe("ipv6");
    expect(hostCidr("10.0.0.9")).toBe("10.0.0.9/32");
  });

  test("property: every subnet cidrSubnet returns lies inside its prefix and not inside its neighbour", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 255 }),
        fc.integer({ min: 8, max: 24 }),
        fc.integer({ min: 1, max: 8 }),
        fc.nat(),
        (octet, prefix, newBits, n) => {
          const base = parseCidr(`${octet}.0.0.0/${prefix}`)!.text;
          const netNum = n % 2 ** newBits;
          const subnet = cidrSubnet(base, newBits, netNum)!;
          expect(cidrContains(base, subnet)).toBe(true);
          if (netNum + 1 < 2 ** newBits) expect(cidrsOverlap(subnet, cidrSubnet(base, newBits, netNum + 1)!)).toBe(false);
        },
      ),
    );
  });
});
