import { Fn, TerraformStack, TerraformVariable } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { OptOut, Port, PortRange } from "../../modules/core";
import {
  DnsResourceIpAddressType,
  ResourceConfiguration,
  ResourceConfigurationProps,
  ResourceDefinition,
  ResourceGateway,
  ResourceIpAddressType,
} from "../../modules/resources";
import { Peer, SecurityGroup, Vpc } from "../../modules/vpc";
import { catchValidationError, expectValidationError, Json, resourcesOfType, stackWithProvider, synthJson } from "../helpers";
import { gatewayStack } from "./helpers";

const RDS_ARN = "arn:aws:rds:us-east-1:111111111111:db:orders";
const CONFIG_ID = "rcfg-0123456789abcdef0";
const CONFIG_ARN = `arn:aws:vpc-lattice:us-east-1:111111111111:resourceconfiguration/${CONFIG_ID}`;

const configurations = (stack: TerraformStack): Json[] => Object.values(resourcesOfType(stack, "aws_vpclattice_resource_configuration"));

/** A configuration on a fresh gateway (VPC 10.0.0.0/16), over a valid IP SINGLE. */
function buildWith(props: Partial<ResourceConfigurationProps>, gatewayProps: { reachableCidrs?: string[] } = {}): () => ResourceConfiguration {
  const stack = stackWithProvider();
  const vpc = new Vpc(stack, "Vpc", { name: "owner", cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
  const gateway = new ResourceGateway(stack, "Gateway", { name: "owner-gateway", vpc, ...gatewayProps });
  return () =>
    new ResourceConfiguration(stack, "Config", {
      name: "orders-db",
      resourceGateway: gateway,
      resource: ResourceDefinition.ipAddress("10.0.1.5"),
      ports: [Port.tcp(5432)],
      ...props,
    });
}

describe("ResourceDefinition and the port type", () => {
  test("a DNS resource with ports synthesizes as the earlier props did", () => {
    const { stack, gateway } = gatewayStack();
    const config = new ResourceConfiguration(stack, "Config", {
      name: "internal-app",
      resourceGateway: gateway,
      resource: ResourceDefinition.dns("App.Internal.example.com"),
      ports: [Port.tcp(443), Port.range(8000, 8100)],
    });
    expect(configurations(stack)[0]).toMatchObject({
      type: "SINGLE",
      protocol: "TCP",
      port_ranges: ["443", "8000-8100"],
      resource_configuration_definition: [{ dns_resource: [{ domain_name: "App.Internal.example.com", ip_address_type: "IPV4" }] }],
    });
    expect(config.ports).toEqual([Port.tcp(443), Port.range(8000, 8100)]);
  });

  test("an ARN resource is type ARN, its security-group ports open the gateway's egress", () => {
    const { stack, gateway } = gatewayStack();
    const config = new ResourceConfiguration(stack, "Config", {
      name: "orders-db",
      resourceGateway: gateway,
      resource: ResourceDefinition.arn(RDS_ARN, { securityGroupPorts: [Port.tcp(5432)] }),
    });
    expect(config.type).toBe("ARN");
    expect(configurations(stack)[0]).toMatchObject({ type: "ARN", resource_configuration_definition: [{ arn_resource: [{ arn: RDS_ARN }] }] });
    expect(Object.values(resourcesOfType(stack, "aws_vpc_security_group_egress_rule"))).toEqual([
      expect.objectContaining({ from_port: 5432, cidr_ipv4: "10.0.0.0/16" }),
    ]);
  });

  test("an ARN resource without security-group ports is accepted behind a gateway given an egress rule of the caller's own, or groups of its own", () => {
    const { stack, gateway } = gatewayStack();
    new ResourceConfiguration(stack, "Config", { name: "orders-db", resourceGateway: gateway, resource: ResourceDefinition.arn(RDS_ARN) });
    // Added after the configuration: the check runs at synth.
    gateway.connections.allowTo(Peer.cidr("10.0.0.0/16"), Port.tcp(5432), "Orders database");
    expect(Object.values(resourcesOfType(stack, "aws_vpc_security_group_egress_rule"))).toEqual([expect.objectContaining({ from_port: 5432 })]);

    const own = stackWithProvider();
    const vpc = new Vpc(own, "Vpc", { name: "owner", cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
    const group = SecurityGroup.fromSecurityGroupAttributes(own, "Platform", { securityGroupId: "sg-0123456789abcdef0", vpcId: vpc.vpcId });
    const platform = new ResourceGateway(own, "Gateway", { name: "owner-gateway", vpc, securityGroups: [group] });
    new ResourceConfiguration(own, "Config", { name: "orders-db", resourceGateway: platform, resource: ResourceDefinition.arn(RDS_ARN) });
    expect(() => synthJson(own)).not.toThrow();
  });

  test("accepts port 1 and port 65535, a 40-character name, and IPv6 in the VPC's block behind a DUALSTACK gateway", () => {
    expect(buildWith({ ports: [Port.range(1, 22), Port.tcp(65535)], name: `a${"b".repeat(38)}c` })).not.toThrow();
    const stack = stackWithProvider();
    const vpc = Vpc.fromVpcAttributes(stack, "Vpc", {
      vpcId: "vpc-0123456789abcdef0",
      cidrBlock: "10.0.0.0/16",
      ipv6CidrBlock: "2600:1f18:abcd:1200::/56",
    });
    const gateway = ResourceGateway.fromResourceGatewayAttributes(stack, "Gateway", {
      resourceGatewayArn: "arn:aws:vpc-lattice:us-east-1:111111111111:resourcegateway/rgw-0123456789abcdef0",
      ipAddressType: "DUALSTACK",
      vpc,
    });
    new ResourceConfiguration(stack, "V6", {
      name: "v6-host",
      resourceGateway: gateway,
      resource: ResourceDefinition.ipAddress("2600:1f18:abcd:1200::25"),
      ports: [Port.tcp(443)],
    });
    expect(configurations(stack)[0].resource_configuration_definition).toEqual([{ ip_resource: [{ ip_address: "2600:1f18:abcd:1200::25" }] }]);
  });

  test("names that only look private are public DNS names: internal.example.com, db.local-zone.example.com, an RDS endpoint", () => {
    for (const domainName of ["internal.example.com", "db.local-zone.example.com", "orders.cluster-c9akciq32example.us-east-1.rds.amazonaws.com"])
      expect(buildWith({ resource: ResourceDefinition.dns(domainName) })).not.toThrow();
  });

  test("a DNS resource is IPV4 or IPV6: given no family, IPV6 behind an IPV6 gateway, else IPV4 (behind a DUALSTACK gateway too); a gateway family only Terraform knows chooses there", () => {
    const dnsType = (gatewayType: ResourceIpAddressType | undefined, resourceType?: DnsResourceIpAddressType): unknown => {
      const stack = stackWithProvider();
      const gateway = ResourceGateway.fromResourceGatewayAttributes(stack, "Gateway", {
        resourceGatewayArn: "arn:aws:vpc-lattice:us-east-1:111111111111:resourcegateway/rgw-0123456789abcdef0",
        ipAddressType: gatewayType,
      });
      new ResourceConfiguration(stack, "Config", {
        name: "orders-api",
        resourceGateway: gateway,
        resource: ResourceDefinition.dns("orders.example.com", { ipAddressType: resourceType }),
        ports: [Port.tcp(443)],
      });
      return configurations(stack)[0].resource_configuration_definition;
    };
    const of = (type: string) => [{ dns_resource: [{ domain_name: "orders.example.com", ip_address_type: type }] }];
    expect(dnsType(undefined)).toEqual(of("IPV4"));
    expect(dnsType("IPV4")).toEqual(of("IPV4"));
    expect(dnsType("IPV6")).toEqual(of("IPV6"));
    // AWS does not support DUALSTACK DNS resources: a DUALSTACK gateway's are IPV4 unless declared IPV6.
    expect(dnsType("DUALSTACK")).toEqual(of("IPV4"));
    expect(dnsType("DUALSTACK", "IPV6")).toEqual(of("IPV6"));
    expect(dnsType("DUALSTACK", "IPV4")).toEqual(of("IPV4"));

    const stack = stackWithProvider();
    const family = new TerraformVariable(stack, "GatewayFamily", { type: "string" }).stringValue;
    const gateway = ResourceGateway.fromResourceGatewayAttributes(stack, "Gateway", {
      resourceGatewayArn: "arn:aws:vpc-lattice:us-east-1:111111111111:resourcegateway/rgw-0123456789abcdef0",
      ipAddressType: family as ResourceIpAddressType,
    });
    new ResourceConfiguration(stack, "Config", {
      name: "orders-api",
      resourceGateway: gateway,
      resource: ResourceDefinition.dns("orders.example.com"),
      ports: [Port.tcp(443)],
    });
    expect(configurations(stack)[0].resource_configuration_definition).toEqual(of('${(var.GatewayFamily == "IPV6") ? "IPV6" : "IPV4"}'));
  });

  test("an IP resource in a range the gateway declares reachable (a peered VPC, on premises) is accepted", () => {
    expect(buildWith({ resource: ResourceDefinition.ipAddress("192.168.4.20") }, { reachableCidrs: ["192.168.0.0/16"] })).not.toThrow();
  });

  test("values only Terraform knows are left to it", () => {
    expect(buildWith({ resource: ResourceDefinition.ipAddress(Fn.cidrhost("10.0.1.0/24", 25)) })).not.toThrow();
    expect(
      buildWith({ resource: ResourceDefinition.arn(Fn.join(":", ["arn:aws:rds:us-east-1:111111111111:db", "orders"])), ports: undefined }),
    ).not.toThrow();
  });

  describe("fails when", () => {
    test.each([
      ["8.8.8.8", "is public"],
      ["127.0.0.1", "a loopback address"],
      ["169.254.10.1", "a link-local address"],
      ["0.0.0.0", "the unspecified address"],
      ["224.0.0.5", "a multicast address"],
    ])("the IP resource %p is not a private address (%s)", (ip, why) => {
      expect(expectValidationError(buildWith({ resource: ResourceDefinition.ipAddress(ip) }), "resource.ipAddress", ip).expected).toContain(why);
    });

    test.each([
      ["ip-10-0-1-5.ec2.internal", "internal"],
      ["orders-db.corp.local", "local"],
      ["billing.Home.Arpa.", "home.arpa"],
      ["api.staging.test", "test"],
    ])("a DNS resource is under a domain public DNS never answers: %s", (domainName, domain) => {
      const error = expectValidationError(buildWith({ resource: ResourceDefinition.dns(domainName) }), "resource.domainName", domainName);
      expect(error.expected).toContain(`never answers names under .${domain}`);
    });

    test("a DNS resource is DUALSTACK (a JavaScript caller), behind any gateway: AWS does not support it, CreateResourceConfiguration refused it at apply", () => {
      const dualStack = "DUALSTACK" as never;
      const error = expectValidationError(
        buildWith({ resource: ResourceDefinition.dns("orders.example.com", { ipAddressType: dualStack }) }),
        "resource.ipAddressType",
        '"DUALSTACK"',
      );
      expect(error.expected).toContain("IPV4 or IPV6");
      expect(error.expected).toContain("AWS does not support DUALSTACK for DNS resources");
      expect(error.expected).toContain("a DUALSTACK gateway reaches a DNS resource over the family its name is declared with");

      const stack = stackWithProvider();
      const gateway = ResourceGateway.fromResourceGatewayAttributes(stack, "Gateway", {
        resourceGatewayArn: "arn:aws:vpc-lattice:us-east-1:111111111111:resourcegateway/rgw-0123456789abcdef0",
        ipAddressType: "DUALSTACK",
      });
      const dns = (id: string, ipAddressType: DnsResourceIpAddressType) =>
        new ResourceConfiguration(stack, id, {
          name: id.toLowerCase(),
          resourceGateway: gateway,
          resource: ResourceDefinition.dns("orders.example.com", { ipAddressType }),
          ports: [Port.tcp(443)],
        });
      expectValidationError(() => dns("Dual", dualStack), "resource.ipAddressType", '"DUALSTACK"');
      // The earlier props and a group's children go through the same check.
      expectValidationError(
        () =>
          new ResourceConfiguration(stack, "Earlier", {
            name: "earlier",
            resourceGateway: gateway,
            dnsResource: { domainName: "orders.example.com", ipAddressType: dualStack },
            portRanges: ["443"],
          }),
        "dnsResource.ipAddressType",
        '"DUALSTACK"',
      );
      const group = ResourceConfiguration.group(stack, "Apis", { name: "platform", resourceGateway: gateway });
      expectValidationError(
        () =>
          group.addChild("Billing", {
            name: "platform-billing",
            resource: ResourceDefinition.dns("billing.example.com", { ipAddressType: dualStack }),
            ports: [Port.tcp(443)],
          }),
        "resource.ipAddressType",
        '"DUALSTACK"',
      );
      // Another value is no address type either: the expectation names the two there are.
      expect(expectValidationError(() => dns("Lower", "ipv6" as never), "resource.ipAddressType", '"ipv6"').expected).toBe("one of IPV4, IPV6");
      expect(() => dns("Six", "IPV6")).not.toThrow();
    });

    test("a DNS group member is under such a domain", () => {
      const { stack, gateway } = gatewayStack();
      const group = ResourceConfiguration.group(stack, "Apis", { name: "platform", resourceGateway: gateway });
      expectValidationError(
        () =>
          group.addChild("Billing", { name: "platform-billing", resource: ResourceDefinition.dns("billing.ec2.internal"), ports: [Port.tcp(443)] }),
        "resource.domainName",
        "billing.ec2.internal",
      );
    });

    test("the IP resource is outside the gateway's VPC and every declared range", () => {
      const error = expectValidationError(
        buildWith({ resource: ResourceDefinition.ipAddress("10.9.0.5") }, { reachableCidrs: ["192.168.0.0/16"] }),
        "resource.ipAddress",
        "10.9.0.5",
      );
      expect(error.expected).toContain("10.0.0.0/16");
      expect(error.expected).toContain("192.168.0.0/16");
    });

    test.each([
      ["10.0.0.0", "the network address"],
      ["10.0.0.1", "the VPC router"],
      ["10.0.0.2", "the Amazon DNS resolver"],
      ["10.0.0.3", "kept by AWS for future use"],
      ["10.0.255.255", "the broadcast address"],
    ])("the IP resource %p is an address AWS reserves at an end of the VPC's block (%s): nothing can listen there", (ip, why) => {
      const error = expectValidationError(buildWith({ resource: ResourceDefinition.ipAddress(ip) }), "resource.ipAddress", ip);
      expect(error.expected).toContain(`${ip} is reserved by AWS in VPC 10.0.0.0/16: ${why}`);
    });

    test.each([
      ["10.0.0.255", "10.0.0.0/24", "the broadcast address"],
      ["10.0.1.0", "10.0.1.0/24", "the network address"],
      ["10.0.1.2", "10.0.1.0/24", "the Amazon DNS resolver"],
    ])("the IP resource %p is an address AWS reserves in the VPC's subnet %s (%s)", (ip, subnet, why) => {
      const error = expectValidationError(buildWith({ resource: ResourceDefinition.ipAddress(ip) }), "resource.ipAddress", ip);
      expect(error.expected).toContain(`${ip} is reserved by AWS in subnet ${subnet}: ${why}`);
      expect(buildWith({ resource: ResourceDefinition.ipAddress("10.0.1.4") })).not.toThrow();
    });

    test("only the VPC's own reserved addresses are judged: the next ones, and those of a range declared reachable, are taken", () => {
      for (const ip of ["10.0.0.4", "10.0.255.254", "10.0.1.5"]) expect(buildWith({ resource: ResourceDefinition.ipAddress(ip) })).not.toThrow();
      // A peered VPC's or on-premises network's layout is not known here.
      expect(buildWith({ resource: ResourceDefinition.ipAddress("192.168.0.2") }, { reachableCidrs: ["192.168.0.0/16"] })).not.toThrow();
    });

    test("the ARN is not an RDS database, or is of another region or partition", () => {
      expectValidationError(
        buildWith({ resource: ResourceDefinition.arn("arn:aws:lambda:us-east-1:111111111111:function:orders"), ports: undefined }),
        "resource.arn",
        "function:orders",
      );
      expect(
        expectValidationError(
          buildWith({ resource: ResourceDefinition.arn("arn:aws:rds:eu-west-1:111111111111:db:orders"), ports: undefined }),
          "resource.arn",
          "eu-west-1",
        ).expected,
      ).toContain("in us-east-1");
      expect(
        expectValidationError(
          buildWith({ resource: ResourceDefinition.arn("arn:aws-cn:rds:cn-north-1:111111111111:db:orders"), ports: undefined }),
          "resource.arn",
          "aws-cn",
        ).expected,
      ).toContain("partition aws");
    });

    test("an ARN resource is given an empty list of security-group ports, or ports of its own", () => {
      expectValidationError(
        buildWith({ resource: ResourceDefinition.arn(RDS_ARN, { securityGroupPorts: [] }), ports: undefined }),
        "resource.securityGroupPorts",
        "[]",
      );
      expect(expectValidationError(buildWith({ resource: ResourceDefinition.arn(RDS_ARN) }), "ports", "5432").expected).toContain(
        "securityGroupPorts",
      );
    });

    test("an ARN resource without security-group ports is behind a gateway whose own group lets nothing out: it would never reach the database", () => {
      const { stack, gateway } = gatewayStack();
      new ResourceConfiguration(stack, "Config", { name: "orders-db", resourceGateway: gateway, resource: ResourceDefinition.arn(RDS_ARN) });
      const error = expectValidationError(() => synthJson(stack), "resource.securityGroupPorts", "undefined");
      expect(error.constructPath).toBe("test/Config");
      expect(error.expected).toContain("test/Gateway's security group has no egress rule");
      const legacy = gatewayStack();
      new ResourceConfiguration(legacy.stack, "Config", { name: "orders-db", resourceGateway: legacy.gateway, arnResource: { arn: RDS_ARN } });
      expectValidationError(() => synthJson(legacy.stack), "arnResource.securityGroupPortRanges", "undefined");
      // An egress rule of the caller's own, added after the configuration, is what the gateway needs.
      const ruled = gatewayStack();
      new ResourceConfiguration(ruled.stack, "Config", {
        name: "orders-db",
        resourceGateway: ruled.gateway,
        resource: ResourceDefinition.arn(RDS_ARN),
      });
      ruled.gateway.connections.allowTo(Peer.cidr("10.0.0.0/16"), Port.tcp(5432), "Orders database");
      expect(resourcesOfType(synthJson(ruled.stack), "aws_vpc_security_group_egress_rule")).not.toEqual({});
    });

    test.each<[string, PortRange[], string, string]>([
      ["overlap", [Port.range(8000, 8100), Port.tcp(8050)], "ports[1]", "8050"],
      ["repeat", [Port.tcp(443), Port.tcp(443)], "ports[1]", "443"],
      ["start at 0", [Port.range(0, 22)], "ports[0].from", "0"],
      ["end past 65535", [Port.range(8000, 65536)], "ports[0].to", "65536"],
      ["descend", [Port.range(8100, 8000)], "ports[0].to", "8000"],
    ])("the ports %s", (_why, ports, prop, received) => {
      expectValidationError(buildWith({ ports }), prop, received);
    });

    test("a port is only known to Terraform (rules are keyed by their ports)", () => {
      expect(catchValidationError(buildWith({ ports: [Port.tcp(Fn.tonumber("5432") as unknown as number)] }))).toMatchObject({
        prop: "ports[0].from",
        expected: expect.stringContaining("a literal port"),
      });
    });

    test("both ports and the deprecated portRanges are given", () => {
      expectValidationError(buildWith({ portRanges: ["5432"] }), "ports, portRanges", "ports and portRanges");
    });

    test("a JavaScript caller passes a string for ports, or a plain object for the resource", () => {
      expectValidationError(buildWith({ ports: "5432" as unknown as PortRange[] }), "ports", "5432");
      expectValidationError(buildWith({ resource: { ipAddress: "10.0.1.5" } as unknown as ResourceDefinition }), "resource", "10.0.1.5");
      expectValidationError(buildWith({ ports: [null as unknown as PortRange] }), "ports[0]", "null");
    });

    test("both a resource and a deprecated definition are given", () => {
      expectValidationError(
        buildWith({ dnsResource: { domainName: "a.example.com" } }),
        "resource, dnsResource, ipResource, arnResource",
        "resource and dnsResource",
      );
    });

    test("the same name is used twice for one account", () => {
      const { stack, gateway } = gatewayStack();
      new ResourceConfiguration(stack, "First", {
        name: "orders-db",
        resourceGateway: gateway,
        resource: ResourceDefinition.ipAddress("10.0.1.5"),
        ports: [Port.tcp(5432)],
      });
      const error = expectValidationError(
        () =>
          new ResourceConfiguration(stack, "Second", {
            name: "orders-db",
            resourceGateway: gateway,
            resource: ResourceDefinition.ipAddress("10.0.1.6"),
            ports: [Port.tcp(5432)],
          }),
        "name",
        "orders-db",
      );
      expect(error.expected).toContain("test/First");
    });
  });
});

describe("GROUP and CHILD by factory", () => {
  test("ResourceConfiguration.group and addChild: children beside the group, the group's ports are theirs", () => {
    const { stack, gateway } = gatewayStack();
    const group = ResourceConfiguration.group(stack, "Apis", { name: "partner-apis", resourceGateway: gateway });
    const billing = group.addChild("Billing", {
      name: "partner-billing",
      resource: ResourceDefinition.dns("billing.example.com"),
      ports: [Port.tcp(443)],
    });
    group.addChild("Search", { name: "partner-search", resource: ResourceDefinition.ipAddress("10.0.1.9"), ports: [Port.tcp(9200)] });
    expect(billing.node.path).toBe("test/Billing");
    expect(billing.type).toBe("CHILD");
    const json = synthJson(stack);
    const byName = Object.fromEntries(
      Object.values(json.resource.aws_vpclattice_resource_configuration as Record<string, Json>).map((c) => [c.name, c]),
    );
    expect(byName["partner-apis"]).toMatchObject({ type: "GROUP", protocol: "TCP" });
    expect(byName["partner-billing"]).toMatchObject({
      type: "CHILD",
      port_ranges: ["443"],
      resource_configuration_group_id: expect.stringMatching(/Apis_\w+\.id/),
    });
    expect(group.ports).toEqual([Port.tcp(443), Port.tcp(9200)]);
  });

  describe("fails when", () => {
    test("a child is added to a configuration that is not a GROUP", () => {
      const { stack, gateway } = gatewayStack();
      const single = new ResourceConfiguration(stack, "Single", {
        name: "single",
        resourceGateway: gateway,
        resource: ResourceDefinition.ipAddress("10.0.1.5"),
        ports: [Port.tcp(22)],
      });
      expectValidationError(
        () => single.addChild("Child", { name: "child", resource: ResourceDefinition.ipAddress("10.0.1.6"), ports: [Port.tcp(22)] }),
        "addChild",
        "Child",
      );
    });

    test("two children get the same id: a ValidationError, not the constructs library's error", () => {
      const { stack, gateway } = gatewayStack();
      const group = ResourceConfiguration.group(stack, "Apis", { name: "apis", resourceGateway: gateway });
      group.addChild("Billing", { name: "billing", resource: ResourceDefinition.dns("billing.example.com"), ports: [Port.tcp(443)] });
      expectValidationError(
        () => group.addChild("Billing", { name: "billing-2", resource: ResourceDefinition.dns("billing2.example.com"), ports: [Port.tcp(443)] }),
        "addChild",
        "Billing",
      );
    });

    test("the same resource joins a group twice: a DNS name in another case, an IP address", () => {
      const { stack, gateway } = gatewayStack();
      const group = ResourceConfiguration.group(stack, "Apis", { name: "apis", resourceGateway: gateway });
      group.addChild("Billing", { name: "billing", resource: ResourceDefinition.dns("billing.example.com"), ports: [Port.tcp(443)] });
      group.addChild("Host", { name: "host", resource: ResourceDefinition.ipAddress("10.0.1.9"), ports: [Port.tcp(22)] });
      const dns = expectValidationError(
        () => group.addChild("Billing2", { name: "billing-2", resource: ResourceDefinition.dns("Billing.Example.com."), ports: [Port.tcp(8443)] }),
        "resource",
        "billing.example.com",
      );
      expect(dns.expected).toContain("test/Billing is the same resource");
      expectValidationError(
        () => group.addChild("Host2", { name: "host-2", resource: ResourceDefinition.ipAddress("10.0.1.9"), ports: [Port.tcp(8443)] }),
        "resource",
        "10.0.1.9/32",
      );
    });

    test("a group is given a resource", () => {
      const { stack, gateway } = gatewayStack();
      expectValidationError(
        () =>
          ResourceConfiguration.group(stack, "Apis", {
            name: "apis",
            resourceGateway: gateway,
            resource: ResourceDefinition.dns("a.example.com"),
          } as never),
        "resource",
        /./,
      );
    });
  });
});

describe("sharing, tags and the resource's security groups", () => {
  test("joining shareable service networks takes OptOut.because, recorded on the configuration", () => {
    const { stack, gateway } = gatewayStack();
    new ResourceConfiguration(stack, "Config", {
      name: "shared-app",
      resourceGateway: gateway,
      resource: ResourceDefinition.ipAddress("10.0.1.25"),
      ports: [Port.tcp(443)],
      allowAssociationToShareableServiceNetwork: OptOut.because("The platform's shared network carries this app to every team"),
      tags: { team: "platform" },
    });
    const json = Object.values((stack.toTerraform() as Json).resource.aws_vpclattice_resource_configuration as Record<string, Json>)[0];
    expect(json.allow_association_to_shareable_service_network).toBe(true);
    expect(json["//"].opt_outs.allow_association_to_shareable_service_network).toContain("platform's shared network");
    expect(configurations(stack)[0].tags).toEqual({ team: "platform" });
  });

  test("fails when the opt-out is a string, or a reason too short to say why", () => {
    expectValidationError(
      buildWith({ allowAssociationToShareableServiceNetwork: "true" as unknown as boolean }),
      "allowAssociationToShareableServiceNetwork",
      "true",
    );
    expectValidationError(
      buildWith({ allowAssociationToShareableServiceNetwork: OptOut.because("ok") }),
      "allowAssociationToShareableServiceNetwork",
      "ok",
    );
  });

  test.each([
    [{ "aws:team": "x" }, "tags"],
    [{ team: "x".repeat(257) }, "tags.team"],
    [{ ["k".repeat(129)]: "x" }, "tags"],
  ])("fails when the tags %p break AWS's limits", (tags, prop) => {
    expectValidationError(buildWith({ tags }), prop, /./);
  });

  test("the resource's security groups admit the gateway on its ports, each rule once, keyed as before; connections take more rules", () => {
    const { stack, gateway, vpc } = gatewayStack();
    const servers = new SecurityGroup(stack, "Servers", { vpc, description: "API servers" });
    const existing = SecurityGroup.fromSecurityGroupAttributes(stack, "Existing", { securityGroupId: "sg-0123456789abcdef0", vpcId: vpc.vpcId });
    const a = new ResourceConfiguration(stack, "A", {
      name: "api-a",
      resourceGateway: gateway,
      resource: ResourceDefinition.ipAddress("10.0.1.5"),
      ports: [Port.tcp(443)],
      resourceSecurityGroups: [servers, existing],
    });
    new ResourceConfiguration(stack, "B", {
      name: "api-b",
      resourceGateway: gateway,
      resource: ResourceDefinition.ipAddress("10.0.1.6"),
      ports: [Port.tcp(443), Port.tcp(8443)],
      resourceSecurityGroups: [servers],
    });
    a.connections.allowFrom(
      Peer.securityGroup(SecurityGroup.fromSecurityGroupAttributes(stack, "Bastion", { securityGroupId: "sg-0fedcba9876543210" }), "bastion"),
      Port.tcp(22),
      "Bastion to the API servers",
    );
    const json = synthJson(stack);
    const ingress = json.resource.aws_vpc_security_group_ingress_rule as Record<string, Json>;
    const servers443 = Object.entries(ingress).filter(
      ([address, r]) => address.startsWith("Servers_Ingress-tcp-443-sg-resource-gateway_") && r.from_port === 443,
    );
    expect(servers443).toHaveLength(1);
    expect(servers443[0][1].referenced_security_group_id).toMatch(/aws_security_group\.Gateway_SecurityGroup/);
    expect(
      Object.values(ingress)
        .filter((r) => r.security_group_id === "sg-0123456789abcdef0")
        .map((r) => r.from_port)
        .sort(),
    ).toEqual([22, 443]);
    expect(Object.keys(ingress).filter((k) => k.startsWith("Servers_")).length).toBe(3);
    expect(a.connections.securityGroups).toEqual([servers, existing]);
  });

  test("an imported gateway known by its VPC only is admitted from the blocks of the family its traffic travels in: IPv4, IPv6 for IPV6, the DNS resource's for a DUALSTACK gateway (IPv4 when not given)", () => {
    const admitted = (ipAddressType?: ResourceIpAddressType, resourceType?: DnsResourceIpAddressType) => {
      const stack = stackWithProvider();
      const vpc = Vpc.fromVpcAttributes(stack, "Vpc", {
        vpcId: "vpc-0123456789abcdef0",
        cidrBlock: "10.0.0.0/16",
        ipv6CidrBlock: "2600:1f18:abcd:1200::/56",
      });
      const gateway = ResourceGateway.fromResourceGatewayAttributes(stack, "Gateway", {
        resourceGatewayArn: "arn:aws:vpc-lattice:us-east-1:111111111111:resourcegateway/rgw-0123456789abcdef0",
        vpc,
        ipAddressType,
      });
      const db = SecurityGroup.fromSecurityGroupAttributes(stack, "Db", { securityGroupId: "sg-0bbbbbbbbbbbbbbbb", vpcId: vpc.vpcId });
      new ResourceConfiguration(stack, "Config", {
        name: "orders-db",
        resourceGateway: gateway,
        resource: ResourceDefinition.dns("db.example.com", { ipAddressType: resourceType }),
        ports: [Port.tcp(5432)],
        resourceSecurityGroups: [db],
      });
      return Object.values(resourcesOfType(stack, "aws_vpc_security_group_ingress_rule")).map((r) => r.cidr_ipv4 ?? r.cidr_ipv6);
    };
    expect(admitted()).toEqual(["10.0.0.0/16"]);
    expect(admitted("IPV4")).toEqual(["10.0.0.0/16"]);
    expect(admitted("IPV6")).toEqual(["2600:1f18:abcd:1200::/56"]);
    expect(admitted("IPV6", "IPV6")).toEqual(["2600:1f18:abcd:1200::/56"]);
    // A DUALSTACK gateway reaches an IPv6 resource over IPv6, an IPv4 one (a DNS resource given no family is IPV4) over IPv4, as its egress does.
    expect(admitted("DUALSTACK", "IPV6")).toEqual(["2600:1f18:abcd:1200::/56"]);
    expect(admitted("DUALSTACK", "IPV4")).toEqual(["10.0.0.0/16"]);
    expect(admitted("DUALSTACK")).toEqual(["10.0.0.0/16"]);
  });

  describe("fails when", () => {
    test("a resource security group belongs to another VPC", () => {
      const stack = stackWithProvider();
      const vpc = new Vpc(stack, "Vpc", { name: "owner", cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
      const gateway = ResourceGateway.fromResourceGatewayAttributes(stack, "Gateway", {
        resourceGatewayArn: "arn:aws:vpc-lattice:us-east-1:111111111111:resourcegateway/rgw-0123456789abcdef0",
        vpc: Vpc.fromVpcAttributes(stack, "GatewayVpc", { vpcId: "vpc-0123456789abcdef0", cidrBlock: "10.0.0.0/16" }),
      });
      const other = SecurityGroup.fromSecurityGroupAttributes(stack, "Other", {
        securityGroupId: "sg-0123456789abcdef0",
        vpcId: "vpc-0fedcba9876543210",
      });
      expectValidationError(
        () =>
          new ResourceConfiguration(stack, "Config", {
            name: "orders-db",
            resourceGateway: gateway,
            resource: ResourceDefinition.ipAddress("10.0.1.5"),
            ports: [Port.tcp(5432)],
            resourceSecurityGroups: [other],
          }),
        "resourceSecurityGroups[0].vpcId",
        "vpc-0fedcba9876543210",
      );
      expect(vpc.vpcId).toBeDefined();
    });

    test("a resource security group is only an ID (no rules can be added to it)", () => {
      expectValidationError(
        buildWith({ resourceSecurityGroups: [{ securityGroupId: "sg-0123456789abcdef0" } as never] }),
        "resourceSecurityGroups[0]",
        "sg-0123456789abcdef0",
      );
    });

    test("an ARN resource without security-group ports has resource security groups", () => {
      const { stack, gateway, vpc } = gatewayStack();
      const db = new SecurityGroup(stack, "Db", { vpc, description: "database" });
      expectValidationError(
        () =>
          new ResourceConfiguration(stack, "Config", {
            name: "orders-db",
            resourceGateway: gateway,
            resource: ResourceDefinition.arn(RDS_ARN),
            resourceSecurityGroups: [db],
          }),
        "resourceSecurityGroups",
        "test/Db",
      );
    });

    test("an imported IPV6 gateway known by its VPC only, whose IPv6 block is unknown", () => {
      const stack = stackWithProvider();
      const vpc = Vpc.fromVpcAttributes(stack, "Vpc", { vpcId: "vpc-0123456789abcdef0", cidrBlock: "10.0.0.0/16" });
      const gateway = ResourceGateway.fromResourceGatewayAttributes(stack, "Gateway", {
        resourceGatewayArn: "arn:aws:vpc-lattice:us-east-1:111111111111:resourcegateway/rgw-0123456789abcdef0",
        vpc,
        ipAddressType: "IPV6",
      });
      const db = SecurityGroup.fromSecurityGroupAttributes(stack, "Db", { securityGroupId: "sg-0bbbbbbbbbbbbbbbb", vpcId: vpc.vpcId });
      expectValidationError(
        () =>
          new ResourceConfiguration(stack, "Config", {
            name: "orders-db",
            resourceGateway: gateway,
            resource: ResourceDefinition.dns("db.example.com"),
            ports: [Port.tcp(5432)],
            resourceSecurityGroups: [db],
          }),
        "resourceGateway.vpc.ipv6CidrBlock",
        "undefined",
      );
    });

    test("the gateway's security groups and VPC are both unknown", () => {
      const stack = stackWithProvider();
      const vpc = new Vpc(stack, "Vpc", { name: "owner", cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
      const gateway = ResourceGateway.fromResourceGatewayAttributes(stack, "Gateway", {
        resourceGatewayArn: "arn:aws:vpc-lattice:us-east-1:111111111111:resourcegateway/rgw-0123456789abcdef0",
      });
      const db = new SecurityGroup(stack, "Db", { vpc, description: "database" });
      expectValidationError(
        () =>
          new ResourceConfiguration(stack, "Config", {
            name: "orders-db",
            resourceGateway: gateway,
            resource: ResourceDefinition.dns("db.example.com"),
            ports: [Port.tcp(5432)],
            resourceSecurityGroups: [db],
          }),
        "resourceSecurityGroups",
        "undefined",
      );
    });
  });
});

describe("ResourceConfiguration.fromResourceConfigurationAttributes", () => {
  test("derives the ID from the ARN, takes the owner's ports and zones, and records them for the flow analysis", () => {
    const stack = stackWithProvider();
    const imported = ResourceConfiguration.fromResourceConfigurationAttributes(stack, "Shared", {
      resourceConfigurationArn: CONFIG_ARN,
      ports: [Port.tcp(5432)],
      type: "ARN",
      gatewayAvailabilityZoneIds: ["use1-az1", "use1-az2"],
    });
    expect(imported.resourceConfigurationId).toBe(CONFIG_ID);
    expect(imported.gatewayZones).toEqual([{ availabilityZoneId: "use1-az1" }, { availabilityZoneId: "use1-az2" }]);
    expect((stack.toTerraform() as Json)["//"].flows.importedResourceConfigurations.Shared).toEqual({
      arn: CONFIG_ARN,
      id: CONFIG_ID,
      type: "ARN",
      portRanges: ["5432"],
      gatewayAvailabilityZoneIds: ["use1-az1", "use1-az2"],
    });
  });

  test("an ARN only Terraform knows is taken as it is, its ID derived at apply", () => {
    const stack = stackWithProvider();
    const imported = ResourceConfiguration.fromResourceConfigurationAttributes(stack, "Shared", { resourceConfigurationArn: Fn.lower(CONFIG_ARN) });
    expect(JSON.stringify(stack.toTerraform())).toContain("element(split");
    expect(imported.resourceConfigurationId).toBeDefined();
  });

  describe("fails when", () => {
    test("the ARN is a service network's: RAM would share the whole network", () => {
      const error = expectValidationError(
        () =>
          ResourceConfiguration.fromResourceConfigurationAttributes(stackWithProvider(), "Shared", {
            resourceConfigurationArn: "arn:aws:vpc-lattice:us-east-1:111111111111:servicenetwork/sn-0123456789abcdef0",
          }),
        "resourceConfigurationArn",
        "servicenetwork",
      );
      expect(error.expected).toContain("resource configuration ARN");
    });

    test("the ARN is of another region than the stack's", () => {
      expectValidationError(
        () =>
          ResourceConfiguration.fromResourceConfigurationAttributes(stackWithProvider(), "Shared", {
            resourceConfigurationArn: CONFIG_ARN.replace("us-east-1", "eu-west-1"),
          }),
        "resourceConfigurationArn",
        "eu-west-1",
      );
    });

    test("the ID is of another kind, or not the one the ARN names", () => {
      expect(
        expectValidationError(
          () =>
            ResourceConfiguration.fromResourceConfigurationAttributes(stackWithProvider(), "Shared", {
              resourceConfigurationArn: CONFIG_ARN,
              resourceConfigurationId: "rgw-0123456789abcdef0",
            }),
          "resourceConfigurationId",
          "rgw-",
        ).expected,
      ).toContain("resource gateway ID");
      expectValidationError(
        () =>
          ResourceConfiguration.fromResourceConfigurationAttributes(stackWithProvider(), "Shared", {
            resourceConfigurationArn: CONFIG_ARN,
            resourceConfigurationId: "rcfg-0fedcba9876543210",
          }),
        "resourceConfigurationId",
        "rcfg-0fedcba9876543210",
      );
    });

    test("a gateway zone is an AZ name, or appears twice", () => {
      expectValidationError(
        () =>
          ResourceConfiguration.fromResourceConfigurationAttributes(stackWithProvider(), "Shared", {
            resourceConfigurationArn: CONFIG_ARN,
            gatewayAvailabilityZoneIds: ["us-east-1a"],
          }),
        "gatewayAvailabilityZoneIds[0]",
        "us-east-1a",
      );
      expectValidationError(
        () =>
          ResourceConfiguration.fromResourceConfigurationAttributes(stackWithProvider(), "Shared", {
            resourceConfigurationArn: CONFIG_ARN,
            gatewayAvailabilityZoneIds: ["use1-az1", "use1-az1"],
          }),
        "gatewayAvailabilityZoneIds",
        "use1-az1",
      );
    });

    test("a JavaScript caller gives no ARN", () => {
      expect(
        catchValidationError(() => ResourceConfiguration.fromResourceConfigurationAttributes(stackWithProvider(), "Shared", {} as never)).prop,
      ).toBe("resourceConfigurationArn");
    });
  });

  test("the region is judged against the importing provider's", () => {
    const stack = stackWithProvider();
    const eu = new AwsProvider(stack, "eu", { alias: "eu", region: "eu-west-1" });
    expect(() =>
      ResourceConfiguration.fromResourceConfigurationAttributes(stack, "Shared", {
        resourceConfigurationArn: CONFIG_ARN.replace("us-east-1", "eu-west-1"),
        provider: eu,
      }),
    ).not.toThrow();
  });
});
