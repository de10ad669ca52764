import { OptOut, Port } from "../../../modules/core";
import { DnsResourceGroup, ResourceGateway } from "../../../modules/resources";
import { SharePrincipal } from "../../../modules/ram";
import { SecurityGroup, Vpc } from "../../../modules/vpc";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { expectValidationError, stackWithoutProvider, stackWithProvider, synthJson } from "../../helpers";
import { ownerVpc } from "../helpers";

const members = {
  billing: { domainName: "billing.apps.example.com", portRanges: ["443"] },
  catalog: { domainName: "catalog.apps.example.com", portRanges: ["443"] },
  search: { domainName: "search.apps.example.com", portRanges: ["9200"] },
};

describe("DnsResourceGroup", () => {
  test("one GROUP and one CHILD per member, keyed by member name, the group's ports are the members'", () => {
    const stack = stackWithProvider();
    const group = new DnsResourceGroup(stack, "Apps", { name: "apps", vpc: ownerVpc(stack), members });
    const json = synthJson(stack);
    const configs = json.resource.aws_vpclattice_resource_configuration as Record<string, Record<string, unknown>>;
    const byName = Object.fromEntries(Object.entries(configs).map(([address, c]) => [c.name, { address, ...c }]));
    expect(Object.keys(byName).sort()).toEqual(["apps", "apps-billing", "apps-catalog", "apps-search"]);
    expect(byName.apps).toMatchObject({ type: "GROUP", resource_gateway_identifier: expect.stringMatching(/aws_vpclattice_resource_gateway/) });
    expect(byName["apps-search"]).toMatchObject({
      type: "CHILD",
      address: expect.stringMatching(/^Apps_Member-search_/),
      port_ranges: ["9200"],
      resource_configuration_definition: [{ dns_resource: [{ domain_name: "search.apps.example.com", ip_address_type: "IPV4" }] }],
    });
    expect(group.group.ports).toEqual([
      { from: 443, to: 443 },
      { from: 9200, to: 9200 },
    ]);
    expect(json.resource.aws_ram_resource_share).toBeUndefined();
    expect(group.shareDependencies).toEqual([]);
  });

  test("shares the group (and so every member) when asked, on a gateway it is given", () => {
    const stack = stackWithProvider();
    const resourceGateway = new ResourceGateway(stack, "SharedGateway", { name: "vpc-ingress", vpc: ownerVpc(stack) });
    const apps = new DnsResourceGroup(stack, "Apps", {
      name: "apps",
      resourceGateway,
      members,
      sharing: { principals: [SharePrincipal.account("333333333333")] },
    });
    const json = synthJson(stack);
    expect(Object.keys(json.resource.aws_vpclattice_resource_gateway)).toHaveLength(1);
    const association = Object.values(json.resource.aws_ram_resource_association) as Record<string, string>[];
    expect(association).toHaveLength(1);
    expect(association[0].resource_arn).toMatch(/aws_vpclattice_resource_configuration\.Apps_Group_\w+\.arn/);
    // A consumer's endpoint waits for both associations of the share.
    expect(apps.shareDependencies.map((d) => (d as unknown as { terraformResourceType: string }).terraformResourceType)).toEqual([
      "aws_ram_principal_association",
      "aws_ram_resource_association",
    ]);
  });

  test("fails when a given gateway is contradicted: subnets for it, another VPC, another account's provider (all were ignored before)", () => {
    const stack = stackWithoutProvider();
    new AwsProvider(stack, "aws", { region: "us-east-1", allowedAccountIds: ["111111111111"] });
    const partner = new AwsProvider(stack, "partner", { region: "us-east-1", alias: "partner", allowedAccountIds: ["222222222222"] });
    const vpc = ownerVpc(stack);
    const resourceGateway = new ResourceGateway(stack, "SharedGateway", { name: "vpc-ingress", vpc });
    const other = new Vpc(stack, "Other", { name: "other", cidrBlock: "10.1.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
    const build = (id: string, extra: object) => () =>
      new DnsResourceGroup(stack, id, { name: id.toLowerCase(), resourceGateway, members, ...extra });
    expectValidationError(build("Subnets", { subnets: vpc.privateSubnets }), "subnets", "subnet");
    expect(expectValidationError(build("OtherVpc", { vpc: other }), "vpc", /./).expected).toContain("the VPC of resourceGateway");
    expectValidationError(build("Partner", { provider: partner }), "provider", "partner (account 222222222222)");
    expect(build("SameVpc", { vpc })).not.toThrow();
  });

  test("fails when it has no member", () => {
    const stack = stackWithProvider();
    expectValidationError(() => new DnsResourceGroup(stack, "Apps", { name: "apps", vpc: ownerVpc(stack), members: {} }), "members", "[]");
  });

  test("fails when a member's DNS name or ports are invalid", () => {
    const stack = stackWithProvider();
    expectValidationError(
      () =>
        new DnsResourceGroup(stack, "Apps", {
          name: "apps",
          vpc: ownerVpc(stack),
          members: { bad: { domainName: "bad_name", portRanges: ["443"] } },
        }),
      "members.bad.domainName",
      "bad_name",
    );
    const stack2 = stackWithProvider();
    expectValidationError(
      () =>
        new DnsResourceGroup(stack2, "Apps", {
          name: "apps",
          vpc: ownerVpc(stack2),
          members: { bad: { domainName: "ok.example.com", portRanges: ["80-"] } },
        }),
      "members.bad.portRanges[0]",
      "80-",
    );
  });

  test("members with ports, shared with an opt-out, and the servers' group admitting the gateway on every member's ports once", () => {
    const stack = stackWithProvider();
    const vpc = ownerVpc(stack);
    const servers = new SecurityGroup(stack, "Servers", { vpc, description: "API servers" });
    new DnsResourceGroup(stack, "Apps", {
      name: "apps",
      vpc,
      members: {
        billing: { domainName: "billing.apps.example.com", ports: [Port.tcp(443)] },
        catalog: { domainName: "catalog.apps.example.com", ports: [Port.tcp(443)] },
        search: { domainName: "search.apps.example.com", ports: [Port.tcp(9200)] },
      },
      resourceSecurityGroups: [servers],
      sharing: {
        principals: [SharePrincipal.account("222222222222")],
        allowExternalPrincipals: OptOut.because("The partner is outside our organization and accepts the share"),
      },
      tags: { app: "apps" },
    });
    const json = synthJson(stack);
    expect(
      Object.values(json.resource.aws_vpc_security_group_ingress_rule)
        .map((r) => (r as { from_port: number }).from_port)
        .sort(),
    ).toEqual([443, 9200]);
    expect(Object.values(json.resource.aws_ram_resource_share)[0]).toMatchObject({ allow_external_principals: true });
    expect(
      Object.values(json.resource.aws_vpclattice_resource_configuration).every((c) => (c as { tags: Record<string, string> }).tags.app === "apps"),
    ).toBe(true);
  });

  test("behind a DUALSTACK gateway a member is IPV4 unless declared IPV6, and the gateway reaches each over its family alone", () => {
    const stack = stackWithProvider();
    const resourceGateway = new ResourceGateway(stack, "Gateway", {
      name: "apps-gw",
      vpc: ownerVpc(stack, { dualStack: true }),
      ipAddressType: "DUALSTACK",
    });
    new DnsResourceGroup(stack, "Apps", {
      name: "apps",
      resourceGateway,
      members: {
        billing: { domainName: "billing.apps.example.com", ipAddressType: "IPV6", ports: [Port.tcp(443)] },
        catalog: { domainName: "catalog.apps.example.com", ports: [Port.tcp(8443)] },
      },
    });
    const json = synthJson(stack);
    const configs = Object.values(json.resource.aws_vpclattice_resource_configuration) as {
      name: string;
      resource_configuration_definition?: { dns_resource: { ip_address_type: string }[] }[];
    }[];
    const types = Object.fromEntries(
      configs.filter((c) => c.name !== "apps").map((c) => [c.name, c.resource_configuration_definition?.[0].dns_resource[0].ip_address_type]),
    );
    expect(types).toEqual({ "apps-billing": "IPV6", "apps-catalog": "IPV4" });
    const egress = Object.values(json.resource.aws_vpc_security_group_egress_rule) as { from_port: number; cidr_ipv4?: string; cidr_ipv6?: string }[];
    expect(egress.map((r) => `${r.from_port} ${r.cidr_ipv4 === undefined ? "ipv6" : "ipv4"}`).sort()).toEqual(["443 ipv6", "8443 ipv4"]);
  });

  describe("fails when", () => {
    const build = (props: Partial<ConstructorParameters<typeof DnsResourceGroup>[2]>) => () => {
      const stack = stackWithProvider();
      return new DnsResourceGroup(stack, "Apps", { name: "apps", vpc: ownerVpc(stack), members, ...props });
    };

    test("two members are the same name in another case", () => {
      const error = expectValidationError(
        build({
          members: { a: { domainName: "api.example.com", ports: [Port.tcp(443)] }, b: { domainName: "API.Example.com.", ports: [Port.tcp(8443)] } },
        }),
        "members.b.domainName",
        "API.Example.com.",
      );
      expect(error.expected).toContain("members.a");
    });

    test("a member name cannot name a CHILD, or makes its name too long", () => {
      expectValidationError(
        build({ members: { Billing_API: { domainName: "billing.example.com", ports: [Port.tcp(443)] } } }),
        "members.Billing_API",
        "Billing_API",
      );
      expectValidationError(
        build({ name: "a".repeat(30), members: { "long-member-name": { domainName: "billing.example.com", ports: [Port.tcp(443)] } } }),
        "members.long-member-name",
        "long-member-name",
      );
    });

    test("a member has both ports and portRanges, no ports, or overlapping ones", () => {
      expectValidationError(
        build({ members: { a: { domainName: "a.example.com", ports: [Port.tcp(443)], portRanges: ["443"] } } }),
        "members.a.ports, members.a.portRanges",
        "ports and portRanges",
      );
      expectValidationError(build({ members: { a: { domainName: "a.example.com" } } }), "members.a.ports", "undefined");
      expectValidationError(
        build({ members: { a: { domainName: "a.example.com", ports: [Port.range(8000, 8100), Port.tcp(8080)] } } }),
        "members.a.ports[1]",
        "8080",
      );
    });

    test("members is not an object (a JavaScript caller)", () => {
      expectValidationError(build({ members: ["billing"] as never }), "members", "billing");
    });

    test("the name leaves no room for the gateway's suffix", () => {
      expectValidationError(build({ name: "a".repeat(38) }), "name", "a".repeat(38));
    });

    test("a member is DUALSTACK (a JavaScript caller), which AWS does not support for a DNS resource: refused at apply before", () => {
      const error = expectValidationError(
        build({ members: { a: { domainName: "a.example.com", ipAddressType: "DUALSTACK" as never, ports: [Port.tcp(443)] } } }),
        "members.a.ipAddressType",
        '"DUALSTACK"',
      );
      expect(error.constructPath).toBe("test/Apps");
      expect(error.expected).toContain("AWS does not support DUALSTACK for DNS resources");
      expect(build({ members: { a: { domainName: "a.example.com", ipAddressType: "IPV4", ports: [Port.tcp(443)] } } })).not.toThrow();
    });

    test("a prop is null or not of its type (a JavaScript caller): refused, never a TypeError nor the default in its place", () => {
      expectValidationError(build({ name: null as never }), "name", "null");
      expectValidationError(
        build({ members: { a: { domainName: "a.example.com", ipAddressType: null as never, ports: [Port.tcp(443)] } } }),
        "members.a.ipAddressType",
        "null",
      );
      expectValidationError(build({ resourceGateway: null as never }), "resourceGateway", "null");
      expectValidationError(build({ provider: "owner" as never }), "provider", '"owner"');
      expectValidationError(
        build({ sharing: { principals: [SharePrincipal.account("333333333333")], name: null as never } }),
        "sharing.name",
        "null",
      );
      build({ members: { a: { domainName: "a.example.com", ipAddressType: "IPV4", ports: [Port.tcp(443)] } } })();
    });
  });
});
