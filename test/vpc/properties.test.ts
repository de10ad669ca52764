import fc from "fast-check";
import { TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { checkTags, OptOut, TAG_LIMITS, ValidationError } from "../../modules/core";
import { Peer, SecurityGroup, Vpc } from "../../modules/vpc";
import { testApp } from "../helpers";

/**
 * Property tests of the VPC area's inputs: tags against AWS's documented
 * limits, and security groups whose CIDR rules only together cover the
 * internet.
 */

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

const stack = (): TerraformStack => {
  const s = new TerraformStack(testApp(), "props");
  new AwsProvider(s, "aws", { region: "us-east-1" });
  return s;
};

describe("tags", () => {
  const key = fc.oneof(
    fc.string({ maxLength: 140 }),
    fc.string({ maxLength: 10 }).map((rest) => `AwS:${rest}`),
    fc.string({ minLength: 120, maxLength: 130 }),
  );
  const value = fc.oneof(fc.string({ maxLength: 20 }), fc.string({ minLength: 250, maxLength: 260 }));

  it("a tag is accepted exactly when AWS accepts it: a key of 1 to 128 characters outside aws: (any case), a value of at most 256", () => {
    fc.assert(
      fc.property(key, value, (k, v) => {
        const valid =
          k.length >= 1 && k.length <= TAG_LIMITS.keyCharacters && !k.toLowerCase().startsWith("aws:") && v.length <= TAG_LIMITS.valueCharacters;
        const error = errorOf(() => checkTags(stack(), "tags", { [k]: v }));
        return valid ? error === undefined : error !== undefined && error.prop.startsWith("tags");
      }),
      { numRuns: 200 },
    );
  });
});

describe("security groups: CIDR rules that only together cover the internet", () => {
  /** The IPv4 space cut into 2^bits CIDRs of prefix length `bits`, in an order the property picks. */
  const split = fc.integer({ min: 1, max: 4 }).chain((bits) =>
    fc.shuffledSubarray(
      Array.from({ length: 2 ** bits }, (_, i) => `${(i << (8 - bits)) & 255}.0.0.0/${bits}`),
      { minLength: 2 ** bits, maxLength: 2 ** bits },
    ),
  );

  const groupWith = (allowInternetWideRules?: OptOut) => {
    const s = stack();
    const vpc = new Vpc(s, "Vpc", { name: "props", cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a"] });
    return new SecurityGroup(s, "Sg", { vpc, description: "Property group", allowInternetWideRules });
  };
  const add = (group: SecurityGroup, cidr: string) => group.addIngressRule({ peer: Peer.cidr(cidr), port: 443, description: `HTTPS from ${cidr}` });

  it("every rule but the one that completes the cover is accepted; that one is refused, naming its CIDR", () => {
    fc.assert(
      fc.property(split, (cidrs) => {
        const group = groupWith();
        cidrs.slice(0, -1).forEach((cidr) => add(group, cidr));
        const error = errorOf(() => add(group, cidrs[cidrs.length - 1]));
        return error?.prop === "ingressRules.peer" && error.received === JSON.stringify(cidrs[cidrs.length - 1]);
      }),
      { numRuns: 25 },
    );
  });

  it("with allowInternetWideRules the whole cover is accepted", () => {
    fc.assert(
      fc.property(split, (cidrs) => {
        const group = groupWith(OptOut.because("a public NLB's targets, reviewed by the network team"));
        return errorOf(() => cidrs.forEach((cidr) => add(group, cidr))) === undefined;
      }),
      { numRuns: 10 },
    );
  });
});
