import { Fn, TerraformStack, TerraformVariable, Testing } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Route53Zone } from "@cdktf/provider-aws/lib/route53-zone";
import { Port, PortRange } from "../../modules/core";
import { ResourceConfiguration, ResourceConfigurationProps, ResourceDefinition, ResourceGateway } from "../../modules/resources";
import { Vpc } from "../../modules/vpc";
import { expectValidationError, resourcesOfType, stackWithoutProvider, stackWithProvider } from "../helpers";
import { gatewayStack } from "./helpers";

const RDS_ARN = "arn:aws:rds:us-east-1:111111111111:db:orders";
const GATEWAY_ID = "rgw-0123456789abcdef0";
const GATEWAY_ARN = `arn:aws:vpc-lattice:us-east-1:111111111111:resourcegateway/${GATEWAY_ID}`;
const CONFIG_ID = "rcfg-0123456789abcdef0";
const CONFIG_ARN = `arn:aws:vpc-lattice:us-east-1:111111111111:resourceconfiguration/${CONFIG_ID}`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function configurations(stack: TerraformStack): any[] {
  return Object.values(resourcesOfType(stack, "aws_vpclattice_resource_configuration"));
}

/** Builds a configuration on a fresh gateway with the given props over a valid DNS SINGLE. */
function buildWith(props: Partial<ResourceConfigurationProps>): () => ResourceConfiguration {
  const { stack, gateway } = gatewayStack();
  return () =>
    new ResourceConfiguration(stack, "Config", {
      name: "orders-db",
      resourceGateway: gateway,
      dnsResource: { domainName: "orders.db.example.com" },
      portRanges: ["5432"],
      ...props,
    });
}

function groupStack() {
  const { stack, gateway } = gatewayStack();
  const group = new ResourceConfiguration(stack, "Group", { name: "partner-apis", type: "GROUP", resourceGateway: gateway });
  return { stack, gateway, group };
}

describe("ResourceConfiguration", () => {
  test("a SINGLE DNS resource: TCP, its ports, bound to the gateway, not shareable through service networks by default", () => {
    const { stack, gateway } = gatewayStack();
    const config = new ResourceConfiguration(stack, "Config", {
      name: "internal-app",
      resourceGateway: gateway,
      dnsResource: { domainName: "app.internal.example.com" },
      portRanges: ["443", "8000-8100"],
    });
    expect(configurations(stack)[0]).toEqual({
      name: "internal-app",
      type: "SINGLE",
      protocol: "TCP",
      port_ranges: ["443", "8000-8100"],
      resource_gateway_identifier: expect.stringMatching(/^\$\{aws_vpclattice_resource_gateway\.Gateway_\w+\.id\}$/),
      allow_association_to_shareable_service_network: false,
      resource_configuration_definition: [{ dns_resource: [{ domain_name: "app.internal.example.com", ip_address_type: "IPV4" }] }],
    });
    expect(config.ports).toEqual([
      { from: 443, to: 443 },
      { from: 8000, to: 8100 },
    ]);
    const egress = Object.values(resourcesOfType(stack, "aws_vpc_security_group_egress_rule"));
    expect(egress.map((r) => [r.from_port, r.to_port])).toEqual([
      [443, 443],
      [8000, 8100],
    ]);
    expect(egress.every((r) => r.cidr_ipv4 === "10.0.0.0/16")).toBe(true);
  });

  test("a SINGLE IP resource opens the gateway's egress to that address only", () => {
    const { stack, gateway } = gatewayStack();
    new ResourceConfiguration(stack, "Config", {
      name: "monitored-host",
      resourceGateway: gateway,
      ipResource: { ipAddress: "10.0.1.25" },
      portRanges: ["9100"],
    });
    expect(configurations(stack)[0].resource_configuration_definition).toEqual([{ ip_resource: [{ ip_address: "10.0.1.25" }] }]);
    expect(Object.values(resourcesOfType(stack, "aws_vpc_security_group_egress_rule"))).toEqual([
      expect.objectContaining({ cidr_ipv4: "10.0.1.25/32", from_port: 9100, to_port: 9100 }),
    ]);
  });

  test("an IP address only Terraform knows sends the gateway's egress to the VPC, and skips the literal checks", () => {
    const { stack, gateway } = gatewayStack();
    const ipAddress = Fn.cidrhost("10.0.1.0/24", 25);
    new ResourceConfiguration(stack, "Config", { name: "computed-host", resourceGateway: gateway, ipResource: { ipAddress }, portRanges: ["22"] });
    expect(configurations(stack)[0].resource_configuration_definition).toEqual([{ ip_resource: [{ ip_address: '${cidrhost("10.0.1.0/24", 25)}' }] }]);
    expect(Object.values(resourcesOfType(stack, "aws_vpc_security_group_egress_rule"))).toEqual([
      expect.objectContaining({ cidr_ipv4: "10.0.0.0/16", from_port: 22 }),
    ]);
  });

  test("an ARN resource (RDS): type ARN, no ports nor protocol sent, security-group ports used for the gateway and endpoints", () => {
    const { stack, gateway } = gatewayStack();
    const config = new ResourceConfiguration(stack, "Config", {
      name: "orders-db",
      resourceGateway: gateway,
      arnResource: { arn: RDS_ARN, securityGroupPortRanges: ["5432"] },
    });
    const json = configurations(stack)[0];
    expect(json).toMatchObject({ type: "ARN", resource_configuration_definition: [{ arn_resource: [{ arn: RDS_ARN }] }] });
    expect(json.port_ranges).toBeUndefined();
    expect(json.protocol).toBeUndefined();
    expect(config.ports).toEqual([{ from: 5432, to: 5432 }]);
    expect(Object.values(resourcesOfType(stack, "aws_vpc_security_group_egress_rule"))).toHaveLength(1);
  });

  test("a GROUP with CHILD configurations: children point at the group only, the group's ports are its children's", () => {
    const { stack, group } = groupStack();
    for (const [name, domainName, port] of [
      ["billing", "billing.partner.example.com", "443"],
      ["catalog", "catalog.partner.example.com", "443"],
      ["search", "search.partner.example.com", "9200"],
    ]) {
      new ResourceConfiguration(stack, `Child-${name}`, { name, resourceConfigurationGroup: group, dnsResource: { domainName }, portRanges: [port] });
    }
    const all = configurations(stack);
    const groupJson = all.find((c) => c.type === "GROUP");
    const children = all.filter((c) => c.type === "CHILD");
    expect(groupJson).toMatchObject({ name: "partner-apis", type: "GROUP", protocol: "TCP", allow_association_to_shareable_service_network: false });
    expect(groupJson.resource_configuration_definition).toBeUndefined();
    expect(groupJson.port_ranges).toBeUndefined();
    expect(children).toHaveLength(3);
    for (const child of children) {
      expect(child).toMatchObject({
        type: "CHILD",
        resource_configuration_group_id: expect.stringMatching(/aws_vpclattice_resource_configuration\.Group_\w+\.id/),
      });
      expect(child.resource_gateway_identifier).toBeUndefined();
      expect(child.protocol).toBeUndefined();
      expect(child.allow_association_to_shareable_service_network).toBeUndefined();
    }
    expect(group.ports).toEqual([
      { from: 443, to: 443 },
      { from: 9200, to: 9200 },
    ]);
    expect(Object.values(resourcesOfType(stack, "aws_vpc_security_group_egress_rule")).map((r) => r.from_port)).toEqual([443, 9200]);
  });

  test("warns when a GROUP has more CHILD configurations than the default quota of 60", () => {
    const { stack, group } = groupStack();
    const addChildren = (from: number, to: number): void => {
      for (let i = from; i <= to; i++) {
        new ResourceConfiguration(stack, `Child-${i}`, {
          name: `child-${i}`,
          resourceConfigurationGroup: group,
          ipResource: { ipAddress: `10.0.10.${i + 10}` },
          portRanges: ["443"],
        });
      }
    };
    const warnings = () => group.node.metadata.filter((m) => m.type === "@cdktf/warn");
    addChildren(1, 60);
    expect(warnings()).toHaveLength(0);
    addChildren(61, 62);
    expect(warnings()).toEqual([expect.objectContaining({ data: expect.stringContaining("More than 60 CHILD configurations") })]);
  });

  test("shareable service networks only when asked", () => {
    const { stack, gateway } = gatewayStack();
    new ResourceConfiguration(stack, "Config", {
      name: "shared-app",
      resourceGateway: gateway,
      ipResource: { ipAddress: "10.0.1.25" },
      portRanges: ["443"],
      allowAssociationToShareableServiceNetwork: true,
    });
    expect(configurations(stack)[0].allow_association_to_shareable_service_network).toBe(true);
  });

  test("DNS resources take an IPV6 gateway's IP address type by default, and are IPV4 behind a DUALSTACK one (AWS does not support DUALSTACK DNS resources)", () => {
    const typeBehind = (ipAddressType: "IPV6" | "DUALSTACK") => {
      const stack = stackWithProvider();
      const gateway = ResourceGateway.fromAttributes(stack, "Gateway", {
        resourceGatewayId: GATEWAY_ID,
        resourceGatewayArn: GATEWAY_ARN,
        ipAddressType,
      });
      new ResourceConfiguration(stack, "Config", {
        name: "app",
        resourceGateway: gateway,
        dnsResource: { domainName: "app.example.com" },
        portRanges: ["443"],
      });
      expect(configurations(stack)[0]).toMatchObject({ resource_gateway_identifier: GATEWAY_ID });
      return configurations(stack)[0].resource_configuration_definition;
    };
    expect(typeBehind("IPV6")).toEqual([{ dns_resource: [{ domain_name: "app.example.com", ip_address_type: "IPV6" }] }]);
    expect(typeBehind("DUALSTACK")).toEqual([{ dns_resource: [{ domain_name: "app.example.com", ip_address_type: "IPV4" }] }]);
  });

  test("fails when a DNS resource is DUALSTACK (a JavaScript caller): CreateResourceConfiguration refused it at apply", () => {
    const stack = stackWithProvider();
    const gateway = ResourceGateway.fromAttributes(stack, "Gateway", {
      resourceGatewayId: GATEWAY_ID,
      resourceGatewayArn: GATEWAY_ARN,
      ipAddressType: "DUALSTACK",
    });
    const error = expectValidationError(
      () =>
        new ResourceConfiguration(stack, "Config", {
          name: "app",
          resourceGateway: gateway,
          dnsResource: { domainName: "app.example.com", ipAddressType: "DUALSTACK" as never },
          portRanges: ["443"],
        }),
      "dnsResource.ipAddressType",
      '"DUALSTACK"',
    );
    expect(error.expected).toContain("AWS does not support DUALSTACK for DNS resources");
  });

  test("an imported configuration is an endpoint target with its ports", () => {
    const stack = stackWithProvider();
    const config = ResourceConfiguration.fromAttributes(stack, "Shared", {
      resourceConfigurationId: CONFIG_ID,
      resourceConfigurationArn: CONFIG_ARN,
      portRanges: ["5432"],
    });
    expect(config.ports).toEqual([{ from: 5432, to: 5432 }]);
    expectValidationError(
      () => ResourceConfiguration.fromAttributes(stack, "Bad", { resourceConfigurationArn: CONFIG_ARN, portRanges: ["0"] }),
      "portRanges[0]",
      '"0"',
    );
  });

  describe("fails when", () => {
    test("its provider deploys to another account than its gateway's", () => {
      const stack = stackWithoutProvider();
      new AwsProvider(stack, "aws", { region: "us-east-1", allowedAccountIds: ["111111111111"] });
      const partner = new AwsProvider(stack, "partner", { region: "us-east-1", alias: "partner", allowedAccountIds: ["222222222222"] });
      const vpc = new Vpc(stack, "Vpc", { name: "owner", cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
      const resourceGateway = new ResourceGateway(stack, "Gateway", { name: "owner-gateway", vpc });
      const build = () =>
        new ResourceConfiguration(stack, "Config", {
          name: "orders-db",
          resourceGateway,
          provider: partner,
          resource: ResourceDefinition.dns("orders.example.com"),
          ports: [Port.tcp(5432)],
        });
      expect(expectValidationError(build, "provider", "222222222222").message).toContain("test/Gateway (111111111111");
    });

    test("a SINGLE has more than one of DNS, IP and ARN", () => {
      expectValidationError(
        buildWith({ ipResource: { ipAddress: "10.0.1.25" } }),
        "resource, dnsResource, ipResource, arnResource",
        "dnsResource and ipResource",
      );
    });

    test("a SINGLE has none of DNS, IP and ARN", () => {
      expectValidationError(buildWith({ dnsResource: undefined }), "resource, dnsResource, ipResource, arnResource", "none of them");
    });

    test("type SINGLE is given an ARN resource", () => {
      expectValidationError(
        buildWith({ type: "SINGLE", dnsResource: undefined, portRanges: undefined, arnResource: { arn: RDS_ARN } }),
        "type",
        '"SINGLE"',
      );
    });

    test("a DNS resource has no port ranges", () => {
      expectValidationError(buildWith({ portRanges: undefined }), "ports", "undefined");
      expectValidationError(buildWith({ portRanges: [] }), "portRanges", "[]");
    });

    test("an IP resource has no port ranges", () => {
      expectValidationError(
        buildWith({ dnsResource: undefined, ipResource: { ipAddress: "10.0.1.25" }, portRanges: undefined }),
        "ports",
        "undefined",
      );
    });

    test("an ARN resource has port ranges", () => {
      expectValidationError(buildWith({ dnsResource: undefined, arnResource: { arn: RDS_ARN }, portRanges: ["5432"] }), "portRanges", '["5432"]');
    });

    test("an ARN resource has a protocol", () => {
      expectValidationError(
        buildWith({ dnsResource: undefined, arnResource: { arn: RDS_ARN }, portRanges: undefined, protocol: "TCP" }),
        "protocol",
        '"TCP"',
      );
    });

    test("an ARN resource's ARN is malformed", () => {
      expectValidationError(
        buildWith({ dnsResource: undefined, arnResource: { arn: "db-orders" }, portRanges: undefined }),
        "arnResource.arn",
        '"db-orders"',
      );
    });

    test.each([["0"], ["70000"], ["100-50"], ["80-"], ["http"]])("the port range %p is invalid", (range) => {
      expectValidationError(buildWith({ portRanges: ["443", range] }), "portRanges[1]", JSON.stringify(range));
    });

    test("a port range appears twice", () => {
      expectValidationError(buildWith({ portRanges: ["443", "443"] }), "portRanges[1]", '"443"');
    });

    test("a security-group port range of an ARN resource is invalid", () => {
      expectValidationError(
        buildWith({ dnsResource: undefined, portRanges: undefined, arnResource: { arn: RDS_ARN, securityGroupPortRanges: ["5432-"] } }),
        "arnResource.securityGroupPortRanges[0]",
        '"5432-"',
      );
    });

    test("a CHILD has no group", () => {
      expectValidationError(buildWith({ type: "CHILD", resourceGateway: undefined }), "resourceConfigurationGroup", "undefined");
    });

    test("a CHILD's group is not a GROUP", () => {
      const { stack, gateway } = gatewayStack();
      const single = new ResourceConfiguration(stack, "Single", {
        name: "single",
        resourceGateway: gateway,
        ipResource: { ipAddress: "10.0.1.25" },
        portRanges: ["22"],
      });
      expectValidationError(
        () =>
          new ResourceConfiguration(stack, "Child", {
            name: "child",
            resourceConfigurationGroup: single,
            dnsResource: { domainName: "a.example.com" },
            portRanges: ["443"],
          }),
        "resourceConfigurationGroup.type",
        '"SINGLE"',
      );
    });

    test("a CHILD is also given a gateway or a protocol", () => {
      const { stack, gateway, group } = groupStack();
      const child = { name: "child", resourceConfigurationGroup: group, dnsResource: { domainName: "a.example.com" }, portRanges: ["443"] };
      expectValidationError(
        () => new ResourceConfiguration(stack, "Child1", { ...child, resourceGateway: gateway }),
        "resourceGateway",
        "test/Gateway",
      );
      expectValidationError(() => new ResourceConfiguration(stack, "Child2", { ...child, protocol: "TCP" }), "protocol", '"TCP"');
      expectValidationError(
        () => new ResourceConfiguration(stack, "Child3", { ...child, allowAssociationToShareableServiceNetwork: true }),
        "allowAssociationToShareableServiceNetwork",
        "true",
      );
    });

    test("a CHILD's resource is an ARN: a group holds no ARN resources", () => {
      const { group } = groupStack();
      const error = expectValidationError(
        () => group.addChild("Rds", { name: "orders-rds", resource: ResourceDefinition.arn(RDS_ARN), ports: [Port.tcp(5432)] }),
        "resource.arn",
        RDS_ARN,
      );
      expect(error.expected).toContain("a group holds no ARN resources");
    });

    test("its ports are a list only Terraform knows, naming the configuration, not the gateway", () => {
      const { stack, gateway } = gatewayStack();
      const ports = new TerraformVariable(stack, "ports", { type: "list(any)" }).listValue as unknown as PortRange[];
      const build = (id: string, props: Partial<ResourceConfigurationProps>) => () =>
        new ResourceConfiguration(stack, id, {
          name: id.toLowerCase(),
          resourceGateway: gateway,
          resource: ResourceDefinition.dns("a.example.com"),
          ...props,
        });
      const error = expectValidationError(build("Config", { ports }), "ports", /reference known at apply/);
      expect(error.message).toMatch(/^test\/Config: .*expected a literal list of port ranges/);
      expectValidationError(build("Legacy", { portRanges: ports as unknown as string[] }), "portRanges", /reference known at apply/);
    });

    test("a CHILD's imported group has no known gateway", () => {
      const stack = stackWithProvider();
      const group = ResourceConfiguration.fromAttributes(stack, "Group", { resourceConfigurationArn: CONFIG_ARN, type: "GROUP" });
      expectValidationError(
        () =>
          new ResourceConfiguration(stack, "Child", {
            name: "child",
            resourceConfigurationGroup: group,
            dnsResource: { domainName: "a.example.com" },
            portRanges: ["443"],
          }),
        "resourceConfigurationGroup.resourceGateway",
        "undefined",
      );
    });

    test("an imported configuration's type is unknown", () => {
      expectValidationError(
        // @ts-expect-error: JavaScript callers are not type-checked
        () => ResourceConfiguration.fromAttributes(stackWithProvider(), "Bad", { resourceConfigurationArn: CONFIG_ARN, type: "SOLO" }),
        "type",
        '"SOLO"',
      );
    });

    test("a DNS resource's ipAddressType is unknown", () => {
      // @ts-expect-error: JavaScript callers are not type-checked
      expectValidationError(buildWith({ dnsResource: { domainName: "a.example.com", ipAddressType: "V6" } }), "dnsResource.ipAddressType", '"V6"');
    });

    test("a non-CHILD names a group", () => {
      const { stack, gateway, group } = groupStack();
      expectValidationError(
        () =>
          new ResourceConfiguration(stack, "Single", {
            name: "single",
            type: "SINGLE",
            resourceGateway: gateway,
            resourceConfigurationGroup: group,
            ipResource: { ipAddress: "10.0.1.25" },
            portRanges: ["22"],
          }),
        "resourceConfigurationGroup",
        "test/Group",
      );
    });

    test("a GROUP has a resource definition", () => {
      expectValidationError(buildWith({ type: "GROUP", portRanges: undefined }), "dnsResource", "orders.db.example.com");
    });

    test("a GROUP has port ranges", () => {
      expectValidationError(buildWith({ type: "GROUP", dnsResource: undefined, portRanges: ["443"] }), "portRanges", '["443"]');
    });

    test.each([["10.0.1.256"], ["10.0.1"], ["2001:db8:::1"]])("the IP address %p is invalid", (ipAddress) => {
      expectValidationError(buildWith({ dnsResource: undefined, ipResource: { ipAddress } }), "ipResource.ipAddress", ipAddress);
    });

    test.each([["localhost"], ["bad_name.example.com"], ["-a.example.com"], ["example.123"]])("the DNS name %p is invalid", (domainName) => {
      expectValidationError(buildWith({ dnsResource: { domainName } }), "dnsResource.domainName", domainName);
    });

    test("an IPv6 address sits behind an IPV4 gateway", () => {
      expectValidationError(buildWith({ dnsResource: undefined, ipResource: { ipAddress: "2001:db8::10" } }), "ipResource.ipAddress", "2001:db8::10");
    });

    test("an IPv6-only DNS name sits behind an IPV4 gateway", () => {
      expectValidationError(
        buildWith({ dnsResource: { domainName: "v6.example.com", ipAddressType: "IPV6" } }),
        "dnsResource.ipAddressType",
        '"IPV6"',
      );
    });

    test("it has no gateway", () => {
      expectValidationError(buildWith({ resourceGateway: undefined }), "resourceGateway", "undefined");
      expectValidationError(
        buildWith({ type: "GROUP", resourceGateway: undefined, dnsResource: undefined, portRanges: undefined }),
        "resourceGateway",
        "undefined",
      );
    });

    test.each([["ab"], ["a".repeat(41)], ["rcfg-reserved"], ["Orders"], ["orders-"]])("its name %p breaks the naming rules", (name) => {
      expectValidationError(buildWith({ name }), "name", name);
    });

    test("its type or protocol is unknown", () => {
      // @ts-expect-error: JavaScript callers are not type-checked
      expectValidationError(buildWith({ type: "MULTI" }), "type", '"MULTI"');
      // @ts-expect-error: JavaScript callers are not type-checked
      expectValidationError(buildWith({ protocol: "UDP" }), "protocol", '"UDP"');
    });
  });
  describe("a DNS resource must resolve in public DNS (the gateway resolves it publicly with hashicorp/aws 5.100.0)", () => {
    const privateZone = (stack: TerraformStack, name: string, vpcId: string) => new Route53Zone(stack, `Zone-${name}`, { name, vpc: [{ vpcId }] });

    test("fails when a private hosted zone of the app answers the name", () => {
      const { stack, gateway, vpc } = gatewayStack();
      privateZone(stack, "db.example.com", vpc.vpcId);
      const error = expectValidationError(
        () =>
          new ResourceConfiguration(stack, "Config", {
            name: "orders-db",
            resourceGateway: gateway,
            dnsResource: { domainName: "orders.db.example.com" },
            portRanges: ["5432"],
          }),
        "dnsResource.domainName",
        '"orders.db.example.com"',
      );
      expect(error.expected).toContain("private hosted zone db.example.com");
    });

    test("fails at synth when the private zone is made after the configuration", () => {
      const { stack, gateway, vpc } = gatewayStack();
      new ResourceConfiguration(stack, "Config", {
        name: "orders-db",
        resourceGateway: gateway,
        dnsResource: { domainName: "Orders.DB.example.com." },
        portRanges: ["5432"],
      });
      privateZone(stack, "db.example.com", vpc.vpcId);
      // The ValidationError itself, however the stack is synthesized (not cdktf's wrapped validation message).
      const error = expectValidationError(() => Testing.synth(stack), "dnsResource.domainName", '"Orders.DB.example.com."');
      expect(error.expected).toMatch(/^a name public DNS resolves/);
    });

    test("passes a name of a public zone, a split-horizon name whose public zone is as specific, and names only Terraform knows", () => {
      const { stack, gateway, vpc } = gatewayStack();
      new Route53Zone(stack, "Public", { name: "apps.example.com" });
      privateZone(stack, "example.com", vpc.vpcId);
      privateZone(stack, "apps.example.com", vpc.vpcId);
      new ResourceConfiguration(stack, "Split", {
        name: "portal",
        resourceGateway: gateway,
        dnsResource: { domainName: "portal.apps.example.com" },
        portRanges: ["443"],
      });
      new ResourceConfiguration(stack, "Rds", {
        name: "orders-db",
        resourceGateway: gateway,
        dnsResource: { domainName: "orders.c9akciq32.us-east-1.rds.amazonaws.com" },
        portRanges: ["5432"],
      });
      new ResourceConfiguration(stack, "Token", {
        name: "token-db",
        resourceGateway: gateway,
        dnsResource: { domainName: Fn.lower("ORDERS.EXAMPLE.COM") },
        portRanges: ["5432"],
      });
      expect(() => Testing.synth(stack, true)).not.toThrow();
    });
  });
});
