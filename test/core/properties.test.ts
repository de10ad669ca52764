import { isIPv4, isIPv6 } from "net";
import fc from "fast-check";
import { TerraformStack, Token } from "cdktf";
import { Construct } from "constructs";
import {
  checkIntegerRange,
  checkIpv4Cidr,
  checkPortRange,
  checkRestrictedCidr,
  closestMatch,
  describeValue,
  isAccountId,
  isAccountRootArn,
  isAnyAddressCidr,
  canonicalDnsName,
  isDnsName,
  isInDnsZone,
  isIamPrincipalArn,
  isIpv4Address,
  isIpv4Cidr,
  isIpv6Address,
  isIpv6Cidr,
  isNetworkCidr,
  isPort,
  parseArn,
  parsePortRange,
  PolicyDocument,
  PolicyPrincipal,
  PolicyStatement,
  ValidationError,
} from "../../modules/core";
import { checkLatticeName, ILatticeTargetGroup, LatticeService, LatticeListener, LatticeListenerAction, PathMatch } from "../../modules/lattice";
import { testApp } from "../helpers";

/**
 * Property tests of the validators: oracles (Node's own IP parser), round
 * trips (format then parse), and the contract every validator shares (a
 * ValidationError naming prop and value for bad literals, silence for tokens).
 */

const scope = (): Construct => new TerraformStack(testApp(), "props");

/** Runs `fn` and returns the ValidationError it throws, or undefined. */
function errorOf(fn: () => void): ValidationError | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
}

const octet = fc.integer({ min: 0, max: 255 });
const ipv4 = fc.tuple(octet, octet, octet, octet).map((o) => o.join("."));
const noisyAddress = fc.oneof(fc.ipV4(), fc.ipV4Extended(), fc.ipV6(), fc.string({ maxLength: 20 }), fc.stringMatching(/^[0-9a-f:.]{1,40}$/));

describe("IP addresses and CIDRs", () => {
  it("isIpv4Address agrees with Node's parser on any string", () => {
    fc.assert(fc.property(noisyAddress, (value) => isIpv4Address(value) === isIPv4(value)));
  });

  it("isIpv6Address agrees with Node's parser (without zone IDs, which AWS never takes)", () => {
    fc.assert(
      fc.property(
        noisyAddress.filter((v) => !v.includes("%")),
        (value) => isIpv6Address(value) === isIPv6(value),
      ),
    );
  });

  it("an IPv4 CIDR is an address and a prefix length of at most 32", () => {
    fc.assert(fc.property(ipv4, fc.integer({ min: 0, max: 99 }), (address, length) => isIpv4Cidr(`${address}/${length}`) === length <= 32));
  });

  it("an IPv6 CIDR is an address and a prefix length of at most 128", () => {
    fc.assert(fc.property(fc.ipV6(), fc.integer({ min: 0, max: 999 }), (address, length) => isIpv6Cidr(`${address}/${length}`) === length <= 128));
  });

  /** A CIDR built from 32 or 128 random bits, its host bits cleared or with one of them set: an oracle independent of the parser. */
  const cidrFromBits = (family: 4 | 6, hostBitSet: boolean) => {
    const width = family === 4 ? 32 : 128;
    return fc
      .tuple(fc.array(fc.boolean(), { minLength: width, maxLength: width }), fc.integer({ min: 0, max: width }), fc.nat())
      .filter(([, length]) => !hostBitSet || length < width)
      .map(([bits, length, pick]) => {
        const network = bits.map((b, i) => (i < length ? b : false));
        if (hostBitSet) network[length + (pick % (width - length))] = true;
        const groupSize = family === 4 ? 8 : 16;
        const groups = Array.from({ length: width / groupSize }, (_, g) =>
          parseInt(
            network
              .slice(g * groupSize, (g + 1) * groupSize)
              .map(Number)
              .join(""),
            2,
          ),
        );
        return `${family === 4 ? groups.join(".") : groups.map((g) => g.toString(16)).join(":")}/${length}`;
      });
  };

  it("checkRestrictedCidr accepts every network CIDR but the two any-address ones", () => {
    fc.assert(
      fc.property(fc.oneof(cidrFromBits(4, false), cidrFromBits(6, false)), (value) => {
        const error = errorOf(() => checkRestrictedCidr(scope(), "peer", value));
        return isAnyAddressCidr(value) ? error?.received === JSON.stringify(value) : error === undefined;
      }),
    );
    expect(isAnyAddressCidr("0.0.0.0/0") && isAnyAddressCidr("::/0")).toBe(true);
  });

  it("checkRestrictedCidr fails when a JavaScript caller gives a number or an object, not a TypeError", () => {
    for (const value of [10, { cidr: "10.0.0.0/16" }, ["10.0.0.0/16"]]) {
      const error = errorOf(() => checkRestrictedCidr(scope(), "peer", value as unknown as string));
      expect(error?.expected).toBe("an IPv4 or IPv6 CIDR block such as 10.0.0.0/16");
    }
  });

  it("checkRestrictedCidr and checkIpv4Cidr reject host bits (AWS fails 10.0.0.5/16 at validate), naming prop and value", () => {
    fc.assert(
      fc.property(fc.oneof(cidrFromBits(4, true), cidrFromBits(6, true)), (value) => {
        const error = errorOf(() => checkRestrictedCidr(scope(), "peer", value));
        return error?.prop === "peer" && error.received === JSON.stringify(value) && error.expected.includes("host bits zero");
      }),
    );
    fc.assert(fc.property(cidrFromBits(4, true), (value) => errorOf(() => checkIpv4Cidr(scope(), "cidrBlock", value))?.prop === "cidrBlock"));
    expect(isNetworkCidr("::ffff:10.0.0.0/104") && !isNetworkCidr("::ffff:10.0.0.1/104") && isNetworkCidr("2001:db8::/32")).toBe(true);
  });

  it("an IPv6 CIDR gets the same verdict written with :: for its longest run of zero groups", () => {
    const compress = (cidr: string): string => {
      const [address, length] = cidr.split("/");
      const runs = [...address.matchAll(/(?:^|:)(0(?::0)+)(?=:|$)/g)].sort((x, y) => y[1].length - x[1].length);
      if (runs.length === 0) return cidr;
      const [run] = runs;
      const start = run.index! + (run[0].startsWith(":") ? 1 : 0);
      return `${address.slice(0, start)}:${address.slice(start + run[1].length)}/${length}`.replace(/^:(?!:)/, "::").replace(/:::/, "::");
    };
    fc.assert(
      fc.property(fc.oneof(cidrFromBits(6, false), cidrFromBits(6, true)), (cidr) => {
        const compressed = compress(cidr);
        return isIpv6Cidr(compressed) && isNetworkCidr(compressed) === isNetworkCidr(cidr);
      }),
    );
  });
});

describe("ports, port ranges, weights and priorities", () => {
  it("isPort is exactly the integers 1 to 65535", () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -10, max: 70000 }), fc.double()), (n) => isPort(n) === (Number.isInteger(n) && n >= 1 && n <= 65535)),
    );
  });

  it("parsePortRange round-trips every ascending range and rejects the others", () => {
    const port = fc.integer({ min: 0, max: 99999 });
    fc.assert(
      fc.property(port, port, (from, to) => {
        const parsed = parsePortRange(`${from}-${to}`);
        const valid = isPort(from) && isPort(to) && from <= to;
        return valid ? parsed?.from === from && parsed.to === to : parsed === undefined;
      }),
    );
    fc.assert(fc.property(fc.integer({ min: 1, max: 65535 }), (p) => parsePortRange(String(p))?.to === p));
  });

  it("checkPortRange names the prop and the value of every bad range", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (value) => {
        const error = errorOf(() => checkPortRange(scope(), "portRanges[0]", value));
        return parsePortRange(value) === undefined
          ? error?.prop === "portRanges[0]" && error.received === JSON.stringify(value)
          : error === undefined;
      }),
    );
  });

  it("checkIntegerRange accepts exactly the integers of the range, and any token", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: -1000, max: 1000 }),
        fc.oneof(fc.integer({ min: -2000, max: 2000 }), fc.double()),
        (a, b, value) => {
          const [min, max] = a <= b ? [a, b] : [b, a];
          const error = errorOf(() => checkIntegerRange(scope(), "weight", value, min, max));
          const valid = Number.isInteger(value) && value >= min && value <= max;
          return valid ? error === undefined : error?.expected === `an integer from ${min} to ${max}`;
        },
      ),
    );
    expect(errorOf(() => checkIntegerRange(scope(), "weight", Token.asNumber("${var.weight}"), 0, 1))).toBeUndefined();
  });

  it("Lattice weights: 0 to 999 each, at least one above 0", () => {
    const group = (i: number): ILatticeTargetGroup => ({
      targetGroupId: `tg-${i}`,
      targetGroupArn: `arn:aws:vpc-lattice:us-east-1:111111111111:targetgroup/tg-${i}`,
      type: "IP",
      protocol: "HTTP",
    });
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 1005 }), { minLength: 1, maxLength: 10 }), (weights) => {
        const action = LatticeListenerAction.weightedForward(weights.map((weight, i) => ({ targetGroup: group(i), weight })));
        const error = errorOf(() => action.validate(scope(), "defaultAction", "HTTP"));
        const valid = weights.every((w) => w >= 0 && w <= 999) && weights.some((w) => w > 0);
        return valid ? error === undefined : error !== undefined && error.prop.startsWith("defaultAction.targetGroups");
      }),
    );
  });

  it("Lattice rule priorities: integers 1 to 100, each once per listener", () => {
    const listener = (): LatticeListener => {
      const stack = scope();
      const service = LatticeService.fromArn(stack, "Service", "arn:aws:vpc-lattice:us-east-1:111111111111:service/svc-0123456789abcdef0");
      return new LatticeListener(stack, "Listener", { service, protocol: "HTTP", defaultAction: LatticeListenerAction.fixedResponse(404) });
    };
    const rule = (name: string, priority: number) => ({
      name,
      priority,
      match: { path: PathMatch.prefix(`/${name}`) },
      action: LatticeListenerAction.fixedResponse(403),
    });
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -10, max: 200 }), fc.double({ noNaN: true })), fc.integer({ min: 1, max: 100 }), (priority, taken) => {
        const target = listener();
        target.addRule(rule("first", taken));
        const error = errorOf(() => target.addRule(rule("second", priority)));
        const valid = Number.isInteger(priority) && priority >= 1 && priority <= 100 && priority !== taken;
        return valid ? error === undefined : error?.prop === "rules.second.priority" && error.received === String(priority);
      }),
    );
  });
});

describe("names", () => {
  const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,20}[a-z0-9])?$/);

  it("isDnsName accepts every well-formed name of two or more labels (last one not numeric)", () => {
    const name = fc
      .tuple(fc.array(label, { minLength: 1, maxLength: 4 }), fc.stringMatching(/^[a-z]{2,10}$/))
      .map(([labels, tld]) => [...labels, tld].join("."));
    fc.assert(fc.property(name, (value) => isDnsName(value) && isDnsName(`${value}.`)));
  });

  it("isDnsName rejects labels with a leading or trailing hyphen, empty labels and single labels", () => {
    fc.assert(
      fc.property(label, (l) => !isDnsName(`-${l}.example.com`) && !isDnsName(`${l}-.example.com`) && !isDnsName(`${l}..com`) && !isDnsName(l)),
    );
  });

  it("isDnsName counts 253 characters without an absolute name's final dot", () => {
    const longest = `${"a".repeat(63)}.${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(61)}`;
    expect(longest).toHaveLength(253);
    expect(isDnsName(`${longest}.`)).toBe(true);
    expect(isDnsName(`x${longest}`)).toBe(false);
    expect(isDnsName(".")).toBe(false);
  });

  it("canonicalDnsName: one form for names that DNS treats as equal (case, final dot), and no other change", () => {
    const name = fc
      .tuple(
        fc.array(fc.stringMatching(/^[a-zA-Z0-9]([a-zA-Z0-9-]{0,10}[a-zA-Z0-9])?$/), { minLength: 1, maxLength: 3 }),
        fc.stringMatching(/^[a-zA-Z]{2,6}$/),
      )
      .map(([labels, tld]) => [...labels, tld].join("."));
    fc.assert(
      fc.property(name, (value) => {
        const canonical = canonicalDnsName(value);
        return (
          canonical === value.toLowerCase() && canonicalDnsName(`${value.toUpperCase()}.`) === canonical && canonicalDnsName(canonical) === canonical
        );
      }),
    );
  });

  it("isInDnsZone: the zone itself and names below it, whatever their case or final dot; not a name that only ends in the same letters", () => {
    expect(isInDnsZone("example.com", "example.com")).toBe(true);
    expect(isInDnsZone("API.Example.com.", "example.COM")).toBe(true);
    expect(isInDnsZone("db.internal.example.com", "example.com.")).toBe(true);
    expect(isInDnsZone("badexample.com", "example.com")).toBe(false);
    expect(isInDnsZone("example.com", "api.example.com")).toBe(false);
  });

  it("Lattice names: lowercase letters, digits and single inner hyphens, within the length limits", () => {
    const limits = { min: 3, max: 40, reservedPrefix: "svc-" };
    fc.assert(
      fc.property(fc.stringMatching(/^[a-zA-Z0-9-]{0,45}$/), (value) => {
        const error = errorOf(() => checkLatticeName(scope(), "name", value, limits));
        const valid = value.length >= 3 && value.length <= 40 && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(value) && !value.startsWith("svc-");
        return valid ? error === undefined : error?.prop === "name" && error.received === JSON.stringify(value);
      }),
    );
  });

  it("closestMatch finds every candidate itself, whatever the case of the input or the candidates", () => {
    const candidates = fc.uniqueArray(fc.stringMatching(/^[A-Za-z_]{3,12}$/), { minLength: 1, maxLength: 8, selector: (c) => c.toLowerCase() });
    fc.assert(
      fc.property(candidates, fc.nat(), (list, i) => {
        const candidate = list[i % list.length];
        return closestMatch(candidate, list) === candidate && closestMatch(candidate.toUpperCase(), list) === candidate;
      }),
    );
  });
});

describe("ARNs, accounts and principals", () => {
  const account = fc.stringMatching(/^\d{12}$/);
  const pathPart = fc.stringMatching(/^[\w+=,.@-]{1,20}$/);

  it("parseArn round-trips partition, service, region, account and resource", () => {
    const parts = fc.record({
      partition: fc.constantFrom("aws", "aws-cn", "aws-us-gov"),
      service: fc.stringMatching(/^[a-z0-9-]{1,20}$/),
      region: fc.constantFrom("", "us-east-1", "eu-west-3", "cn-north-1"),
      account: fc.oneof(account, fc.constant("")),
      resource: fc.stringMatching(/^[\w/:.-]{1,40}$/),
    });
    fc.assert(
      fc.property(
        parts,
        (p) => JSON.stringify(parseArn(`arn:${p.partition}:${p.service}:${p.region}:${p.account}:${p.resource}`)) === JSON.stringify(p),
      ),
    );
  });

  it("isAccountId is exactly twelve digits", () => {
    fc.assert(fc.property(fc.stringMatching(/^\d{0,14}$/), (v) => isAccountId(v) === (v.length === 12)));
    // A number of twelve digits is no account ID string: a policy would render it as a JSON number.
    expect(isAccountId(111111111111 as unknown as string)).toBe(false);
  });

  it("role and user ARNs, with or without a path, are principals; a region makes them invalid", () => {
    fc.assert(
      fc.property(account, fc.constantFrom("role", "user"), fc.array(pathPart, { maxLength: 3 }), pathPart, (acct, kind, path, name) => {
        const arn = `arn:aws:iam::${acct}:${[kind, ...path, name].join("/")}`;
        return isIamPrincipalArn(arn) && !isIamPrincipalArn(arn.replace("iam::", "iam:us-east-1:")) && !isAccountRootArn(arn);
      }),
    );
  });

  it("PolicyPrincipal.account and .arn throw a ValidationError exactly for malformed literals", () => {
    fc.assert(
      fc.property(fc.oneof(account, fc.string({ maxLength: 14 })), (value) => {
        const statement = new PolicyStatement({ actions: ["vpc-lattice-svcs:Invoke"], principals: [PolicyPrincipal.account(value)] });
        const error = errorOf(() => new PolicyDocument([statement]).render(scope(), "authPolicy", { requirePrincipal: true }));
        return isAccountId(value)
          ? error === undefined
          : error?.prop === "authPolicy.statements[0].principals[0]" && error.received === JSON.stringify(value);
      }),
    );
  });

  it('Principal "*" renders only with a condition when unconditional anyone is forbidden', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.constantFrom<"Allow" | "Deny">("Allow", "Deny"), (withCondition, effect) => {
        const statement = new PolicyStatement({
          effect,
          actions: ["vpc-lattice-svcs:Invoke"],
          principals: [PolicyPrincipal.anyone()],
          conditions: withCondition ? { StringEquals: { "aws:PrincipalOrgID": "o-abcdefghij" } } : undefined,
        });
        const error = errorOf(() =>
          new PolicyDocument([statement]).render(scope(), "authPolicy", { requirePrincipal: true, forbidUnconditionalAnyone: true }),
        );
        return (error === undefined) === (withCondition || effect === "Deny");
      }),
    );
  });
});

describe("error rendering", () => {
  it("describeValue never throws and ValidationError always names path, prop, value and expectation", () => {
    fc.assert(
      fc.property(fc.anything(), fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (value, prop, expected) => {
        const error = new ValidationError("app/stack/Thing", prop, value, expected);
        return (
          error.message === `app/stack/Thing: invalid ${prop}: received ${describeValue(value)}; expected ${expected}` &&
          error.received === describeValue(value)
        );
      }),
    );
  });
});
