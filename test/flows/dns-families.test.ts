import { TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Route53Record } from "@cdktf/provider-aws/lib/route53-record";
import { analyzeStackFlow, expectFlow } from "../../modules/flows";
import { PrivateHostedZone, Vpc } from "../../modules/vpc";
import { testApp } from "../helpers";

/**
 * A client asks its resolver for the records of its address family: A for
 * IPv4, AAAA for IPv6. A name with records of the other family only does
 * not resolve for it, whatever the routes and security groups allow.
 */

function stackWithRecords(types: readonly ("A" | "AAAA")[]) {
  const s = new TerraformStack(testApp(), "families");
  new AwsProvider(s, "aws", { region: "us-east-1" });
  const vpc = new Vpc(s, "Clients", { name: "clients", cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a"], dualStack: true });
  const zone = new PrivateHostedZone(s, "Zone", { zoneName: "internal.example.com", vpc });
  const values = { A: ["10.0.0.10"], AAAA: ["2600:1f18:1234:5600::10"] } as const;
  for (const type of types)
    new Route53Record(s, `Api${type}`, { zoneId: zone.zoneId, name: "api.internal.example.com", type, ttl: 60, records: [...values[type]] });
  return { s, vpc };
}

describe("DNS answers by address family", () => {
  test("fails when an IPv6 client dials a name that has only an A record", () => {
    const { s, vpc } = stackWithRecords(["A"]);
    expectFlow(s, { vpc, family: "ipv6" }, { dnsName: "api.internal.example.com" }).toBeDenied(
      "which has only A records for it: an IPv6 client asks for AAAA records",
    );
  });

  test("fails when an IPv4 client dials a name that has only an AAAA record", () => {
    const { s, vpc } = stackWithRecords(["AAAA"]);
    expectFlow(s, { vpc }, { dnsName: "api.internal.example.com" }).toBeDenied(
      "which has only AAAA records for it: an IPv4 client asks for A records",
    );
  });

  test("each family resolves to its own record when both exist", () => {
    const { s, vpc } = stackWithRecords(["A", "AAAA"]);
    const hops = (family: "ipv4" | "ipv6") =>
      analyzeStackFlow(s, { vpc, family }, { dnsName: "api.internal.example.com" })
        .hops.map((h) => h.text)
        .find((text) => text.startsWith("api.internal.example.com resolves"));
    expect(hops("ipv4")).toContain("to 10.0.0.10");
    expect(hops("ipv6")).toContain("to 2600:1f18:1234:5600::10");
  });
});
