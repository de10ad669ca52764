import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import { Construct } from "constructs";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { testApp } from "../helpers";
import {
  checkAccountId,
  checkEndpointServiceName,
  checkExactlyOne,
  checkIntegerRange,
  checkItemCount,
  checkKnownProps,
  checkLength,
  checkOneOf,
  checkPortRange,
  checkRestrictedCidr,
  checkUnique,
  propsFor,
  closestMatch,
  isBucketName,
  isDnsName,
  isIamPrincipalArn,
  isIamPrincipalArnWithoutPath,
  isIpv4Cidr,
  isIpv6Address,
  isRegion,
  parsePortRange,
  ValidationError,
} from "../../modules/core";

function scope(): Construct {
  return new Construct(Testing.stubVersion(testApp()), "Thing");
}

function errorOf(fn: () => void): ValidationError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error("expected a ValidationError");
}

describe("validators", () => {
  test("fail when a JavaScript caller passes a number whose digits fit the pattern (checkPredicate, as checkAccountId uses it)", () => {
    const error = errorOf(() => checkAccountId(scope(), "accountId", 222222222222 as unknown as string));
    expect(error.received).toBe("222222222222");
    expect(() => checkAccountId(scope(), "accountId", "222222222222")).not.toThrow();
  });

  test("checkKnownProps fails when a prop is not one the construct takes, suggesting the nearest name and listing them all", () => {
    interface ShareProps {
      readonly name: string;
      readonly allowExternalPrincipals?: boolean;
    }
    const known: Record<keyof ShareProps, true> = { name: true, allowExternalPrincipals: true };
    const misspelled = { name: "partner", allowExternalPrincipal: true } as ShareProps;
    const error = errorOf(() => checkKnownProps(scope(), misspelled, known));
    expect(error.prop).toBe("allowExternalPrincipal");
    expect(error.received).toBe("true");
    expect(error.message).toContain("Thing: invalid allowExternalPrincipal");
    expect(error.message).toContain("(did you mean allowExternalPrincipals?): name, allowExternalPrincipals");
    expect(errorOf(() => checkKnownProps(scope(), { name: "x", colour: "red" } as ShareProps, known)).message).not.toContain("did you mean");
    // Known props, props left undefined (a spread of optional values) and no props at all pass.
    expect(() => checkKnownProps(scope(), { name: "x", allowExternalPrincipals: false }, known)).not.toThrow();
    expect(() => checkKnownProps(scope(), { name: "x", extra: undefined } as ShareProps, known)).not.toThrow();
    expect(() => checkKnownProps(scope(), undefined, known)).not.toThrow();
    expect(() => checkKnownProps(scope(), { toString: "x" } as unknown as ShareProps, known)).toThrow(ValidationError);
    // A nested options object is named where it sits.
    const nested = errorOf(() => checkKnownProps(scope(), misspelled, known, "shares[1]"));
    expect(nested.prop).toBe("shares[1].allowExternalPrincipal");
    expect(nested.message).toContain("a prop shares[1] takes (did you mean allowExternalPrincipals?)");
  });

  test("checkKnownProps fails when a provider is given that is no provider (an alias string, an object, null): cdktf would drop it", () => {
    interface Props {
      readonly name: string;
      readonly provider?: AwsProvider;
    }
    const known: Record<keyof Props, true> = { name: true, provider: true };
    for (const provider of ["partner", { alias: "partner" }, null]) {
      const error = errorOf(() => checkKnownProps(scope(), { name: "x", provider } as unknown as Props, known));
      expect(error.prop).toBe("provider");
      expect(error.expected).toMatch(/^an AwsProvider \(/);
    }
    expect(errorOf(() => checkKnownProps(scope(), { provider: "p" } as unknown as Props, known, "partner")).prop).toBe("partner.provider");
    const stack = new TerraformStack(testApp(), "Stack");
    const provider = new AwsProvider(stack, "aws", { region: "us-east-1" });
    expect(() => checkKnownProps(new Construct(stack, "Thing"), { name: "x", provider }, known)).not.toThrow();
    expect(() => checkKnownProps(scope(), { name: "x" }, known)).not.toThrow();
  });

  test("propsFor keeps the props a building block's known list names, so a pattern hands down none of its own", () => {
    const pattern = { name: "orders", vpc: "vpc", services: ["s3"], tags: undefined };
    expect(propsFor(pattern, { name: true, vpc: true, tags: true })).toEqual({ name: "orders", vpc: "vpc", tags: undefined });
    expect(propsFor(pattern, { other: true })).toEqual({});
  });

  test("checkEndpointServiceName fails for a service's ID, an AWS service's name or a name with more after the ID", () => {
    expect(() => checkEndpointServiceName(scope(), "serviceName", "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0")).not.toThrow();
    expect(errorOf(() => checkEndpointServiceName(scope(), "serviceName", "vpce-svc-0123456789abcdef0")).expected).toContain(
      "this is the service's ID",
    );
    for (const name of ["com.amazonaws.us-east-1.s3", "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0.x", ""])
      expect(errorOf(() => checkEndpointServiceName(scope(), "serviceName", name)).prop).toBe("serviceName");
  });

  test("skip unresolved tokens", () => {
    const s = scope();
    const stack = new TerraformStack(Testing.stubVersion(testApp()), "S");
    const port = new TerraformVariable(stack, "port", { type: "number" });
    const cidr = new TerraformVariable(stack, "cidr", { type: "string" });
    expect(() => checkIntegerRange(s, "port", port.numberValue, 1, 10)).not.toThrow();
    expect(() => checkRestrictedCidr(s, "cidr", cidr.stringValue)).not.toThrow();
    expect(() => checkItemCount(s, "subnets", port.listValue as unknown as string[], 2)).not.toThrow();
  });

  test("skip props that were not given", () => {
    const s = scope();
    expect(() => checkIntegerRange(s, "port", undefined, 1, 10)).not.toThrow();
    expect(() => checkLength(s, "name", undefined, 3, 5)).not.toThrow();
  });

  test("fails when an integer is out of range or fractional", () => {
    expect(errorOf(() => checkIntegerRange(scope(), "interval", 301, 5, 300)).message).toBe(
      "Thing: invalid interval: received 301; expected an integer from 5 to 300",
    );
    expect(() => checkIntegerRange(scope(), "interval", 5.5, 5, 300)).toThrow(ValidationError);
  });

  test("fails when a string has the wrong length", () => {
    expect(errorOf(() => checkLength(scope(), "name", "ab", 3, 40)).expected).toBe("3 to 40 characters (got 2)");
  });

  test("fails when a value is not one of the allowed", () => {
    expect(errorOf(() => checkOneOf(scope(), "type", "X" as "A", ["A", "B"])).expected).toBe("one of A, B");
  });

  test("fails when a list has too few or too many items", () => {
    expect(errorOf(() => checkItemCount(scope(), "subnets", ["a"], 2)).expected).toBe("at least 2 item(s) (got 1)");
    expect(errorOf(() => checkItemCount(scope(), "sgs", [1, 2, 3, 4, 5, 6], 0, 5)).expected).toBe("0 to 5 item(s) (got 6)");
  });

  test("fails when a value appears twice", () => {
    expect(errorOf(() => checkUnique(scope(), "ports", [80, 443, 80])).received).toBe("80");
  });

  test("fails unless exactly one of a set of props is given", () => {
    expect(errorOf(() => checkExactlyOne(scope(), { dnsName: "a.example.com", ipAddress: "10.0.0.1" })).received).toBe('"dnsName and ipAddress"');
    expect(errorOf(() => checkExactlyOne(scope(), { dnsName: undefined, ipAddress: undefined })).received).toBe('"none of them"');
    expect(checkExactlyOne(scope(), { dnsName: undefined, ipAddress: "10.0.0.1" })).toBe("ipAddress");
  });

  test("fails when a security-group CIDR is the whole internet or malformed", () => {
    expect(errorOf(() => checkRestrictedCidr(scope(), "cidr", "0.0.0.0/0")).expected).toMatch(/narrower than the whole internet/);
    expect(errorOf(() => checkRestrictedCidr(scope(), "cidr", "::/0")).expected).toMatch(/narrower/);
    expect(errorOf(() => checkRestrictedCidr(scope(), "cidr", "10.0.0.0/33")).expected).toMatch(/CIDR block/);
    expect(() => checkRestrictedCidr(scope(), "cidr", "10.0.0.0/8")).not.toThrow();
  });

  test("fails when a port range is malformed", () => {
    for (const bad of ["0", "70000", "100-50", "80-", "-80", "a"]) {
      expect(errorOf(() => checkPortRange(scope(), "portRanges[0]", bad)).received).toBe(JSON.stringify(bad));
    }
    expect(checkPortRange(scope(), "portRanges[0]", "8000-8100")).toEqual({ from: 8000, to: 8100 });
  });
});

describe("format predicates", () => {
  test("port ranges", () => {
    expect(parsePortRange("5432")).toEqual({ from: 5432, to: 5432 });
    expect(parsePortRange("65535")).toEqual({ from: 65535, to: 65535 });
    expect(parsePortRange("65536")).toBeUndefined();
  });

  test("IPv6 addresses", () => {
    expect(isIpv6Address("2001:db8::10")).toBe(true);
    expect(isIpv6Address("::1")).toBe(true);
    expect(isIpv6Address("::ffff:10.0.0.1")).toBe(true);
    expect(isIpv6Address("2001:db8::10::1")).toBe(false);
    expect(isIpv6Address("2001:db8:0:0:0:0:0:0:1")).toBe(false);
  });

  test("CIDRs", () => {
    expect(isIpv4Cidr("10.0.0.0/16")).toBe(true);
    expect(isIpv4Cidr("10.0.0.256/16")).toBe(false);
  });

  test("DNS names", () => {
    expect(isDnsName("db.internal.example.com")).toBe(true);
    expect(isDnsName("localhost")).toBe(false);
    expect(isDnsName("-bad.example.com")).toBe(false);
    expect(isDnsName("a..example.com")).toBe(false);
  });

  test("S3 bucket names: AWS's naming rules, reserved prefixes and suffixes refused", () => {
    for (const name of ["app-data", "logs.example.com", "a1b", "x".repeat(63)]) expect(isBucketName(name)).toBe(true);
    const refused = [
      ...["ab", "x".repeat(64), "App-Data", "app_data", "-app", "app-", "a..b", "192.168.1.1"],
      ...["xn--app", "sthree-app", "amzn-s3-demo-app", "app-s3alias", "app--ol-s3", "app.mrap", "app--x-s3"],
    ];
    for (const name of refused) expect([name, isBucketName(name)]).toEqual([name, false]);
  });

  test("IAM principal ARNs, with and without paths", () => {
    expect(isIamPrincipalArn("arn:aws:iam::123456789012:role/reader")).toBe(true);
    expect(isIamPrincipalArn("arn:aws:iam::123456789012:role/team/reader")).toBe(true);
    expect(isIamPrincipalArnWithoutPath("arn:aws:iam::123456789012:role/team/reader")).toBe(false);
    expect(isIamPrincipalArn("arn:aws:s3:::bucket")).toBe(false);
  });

  test("closest match suggests near misses only", () => {
    expect(closestMatch("dynamdb", ["s3", "dynamodb", "logs"])).toBe("dynamodb");
    expect(closestMatch("zzzzzzzzzz", ["s3", "dynamodb"])).toBeUndefined();
  });
});

test("regions: only partitions the library can name ARNs for", () => {
  expect(isRegion("us-gov-west-1")).toBe(true);
  expect(isRegion("cn-north-1")).toBe(true);
  expect(isRegion("us-iso-east-1")).toBe(false);
  expect(isRegion("useast1")).toBe(false);
});
