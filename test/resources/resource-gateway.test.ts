import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { ISubnet, Peer, Vpc, SecurityGroup } from "../../modules/vpc";
import { Port } from "../../modules/core";
import { TerraformStack, TerraformVariable } from "cdktf";
import { DnsResourceIpAddressType, ResourceConfiguration, ResourceDefinition, ResourceGateway } from "../../modules/resources";
import { expectValidationError, resourcesOfType, stackWithProvider, synthJson, testApp } from "../helpers";
import { gatewayStack, ownerVpc } from "./helpers";

const VPC_CIDR = "10.0.0.0/16";

const subnet = (id: string, availabilityZone?: string, ipAddressType?: ISubnet["ipAddressType"], availabilityZoneId?: string): ISubnet => ({
  subnetId: id,
  availabilityZone,
  ipAddressType,
  availabilityZoneId,
});
const GATEWAY_ARN = "arn:aws:vpc-lattice:us-east-1:111111111111:resourcegateway/rgw-0123456789abcdef0";

describe("ResourceGateway", () => {
  test("spans the VPC's private subnets with its own security group, IPV4 by default", () => {
    const { stack } = gatewayStack();
    const json = synthJson(stack);
    const gateway = Object.values(json.resource.aws_vpclattice_resource_gateway)[0] as Record<string, unknown>;
    expect(gateway).toMatchObject({ name: "owner-gateway", ip_address_type: "IPV4", vpc_id: expect.stringMatching(/^\$\{aws_vpc\.Vpc_\w+\.id\}$/) });
    expect(gateway.subnet_ids).toEqual([
      expect.stringMatching(/aws_subnet\.Vpc_Private-us-east-1a_/),
      expect.stringMatching(/aws_subnet\.Vpc_Private-us-east-1b_/),
    ]);
    expect(gateway.security_group_ids).toEqual([expect.stringMatching(/^\$\{aws_security_group\.Gateway_SecurityGroup_\w+\.id\}$/)]);
    expect(Object.keys(json.resource.aws_vpclattice_resource_gateway)).toEqual([expect.stringMatching(/^Gateway_[0-9A-F]{8}$/)]); // "Resource" keeps the address short
  });

  test("its security group has no rule until resource ports are allowed, then egress only to them, each once", () => {
    const { stack, gateway } = gatewayStack();
    expect(resourcesOfType(stack, "aws_vpc_security_group_egress_rule")).toEqual({});
    gateway.allowResourcePorts([{ from: 5432, to: 5432 }]);
    gateway.allowResourcePorts([
      { from: 5432, to: 5432 },
      { from: 8000, to: 8100 },
    ]);
    gateway.allowResourcePorts([{ from: 9100, to: 9100 }], "10.0.1.25/32");
    const rules = Object.values(resourcesOfType(stack, "aws_vpc_security_group_egress_rule"));
    expect(rules).toHaveLength(3);
    expect(rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ from_port: 5432, to_port: 5432, ip_protocol: "tcp", cidr_ipv4: VPC_CIDR }),
        expect.objectContaining({ from_port: 8000, to_port: 8100, cidr_ipv4: VPC_CIDR }),
        expect.objectContaining({ from_port: 9100, to_port: 9100, cidr_ipv4: "10.0.1.25/32" }),
      ]),
    );
    for (const rule of rules) {
      expect(rule.description).toMatch(/^Resource gateway owner-gateway to the resources behind it on tcp /);
      expect(rule.cidr_ipv4).not.toBe("0.0.0.0/0");
    }
    expect(resourcesOfType(stack, "aws_vpc_security_group_ingress_rule")).toEqual({});
  });

  test("given security groups replace the default one; those this library manages take the configurations' egress, groups given by ID are left alone", () => {
    const stack = stackWithProvider();
    const vpc = ownerVpc(stack);
    const own = new SecurityGroup(stack, "Own", { vpc, description: "mine" });
    const existing = SecurityGroup.fromSecurityGroupAttributes(stack, "Existing", { securityGroupId: "sg-0123456789abcdef0", vpcId: vpc.vpcId });
    const gateway = new ResourceGateway(stack, "Gateway", {
      name: "owner-gateway",
      vpc,
      securityGroups: [own, existing, { securityGroupId: "sg-0fedcba9876543210" }],
    });
    new ResourceConfiguration(stack, "Db", {
      name: "orders-db",
      resourceGateway: gateway,
      resource: ResourceDefinition.ipAddress("10.0.1.5"),
      ports: [Port.tcp(5432)],
    });
    expect(gateway.securityGroup).toBeUndefined();
    expect(gateway.connections.securityGroups).toHaveLength(3);
    expect(Object.keys(resourcesOfType(stack, "aws_security_group"))).toHaveLength(1);
    const egress = Object.values(resourcesOfType(stack, "aws_vpc_security_group_egress_rule"));
    expect(egress.map((r) => r.security_group_id).sort()).toEqual([expect.stringMatching(/aws_security_group\.Own_/), "sg-0123456789abcdef0"].sort());
    expect(egress.every((r) => r.cidr_ipv4 === "10.0.1.5/32" && r.from_port === 5432)).toBe(true);
    expect(Object.values(resourcesOfType(stack, "aws_vpclattice_resource_gateway"))[0].security_group_ids).toEqual([
      expect.stringMatching(/^\$\{aws_security_group\.Own_\w+\.id\}$/),
      "sg-0123456789abcdef0",
      "sg-0fedcba9876543210",
    ]);
  });

  test("an IPV6 gateway in IPv6-only subnets sends its egress to the VPC's IPv6 block", () => {
    const stack = stackWithProvider();
    const vpc = Vpc.fromVpcAttributes(stack, "Vpc", {
      vpcId: "vpc-0123456789abcdef0",
      cidrBlock: "10.0.0.0/16",
      ipv6CidrBlock: "2600:1f18:abcd:1200::/56",
    });
    const gateway = new ResourceGateway(stack, "Gateway", {
      name: "v6-gateway",
      vpc,
      ipAddressType: "IPV6",
      subnets: [subnet("subnet-a", "us-east-1a", "ipv6"), subnet("subnet-b", "us-east-1b", "ipv6")],
    });
    gateway.allowResourcePorts([{ from: 443, to: 443 }]);
    const rule = Object.values(resourcesOfType(stack, "aws_vpc_security_group_egress_rule"))[0];
    expect(rule).toMatchObject({ cidr_ipv6: "2600:1f18:abcd:1200::/56", from_port: 443 });
  });

  test("an IPV6 gateway sends its egress to an IPv6 block only Terraform knows as IPv6", () => {
    const stack = stackWithProvider();
    const vpc = ownerVpc(stack, { dualStack: true });
    const subnets = [subnet("subnet-a", "us-east-1a", "ipv6"), subnet("subnet-b", "us-east-1b", "ipv6")];
    const gateway = new ResourceGateway(stack, "Gateway", { name: "v6-gateway", vpc, ipAddressType: "IPV6", subnets });
    gateway.allowResourcePorts([{ from: 443, to: 443 }]);
    const rule = Object.values(resourcesOfType(stack, "aws_vpc_security_group_egress_rule"))[0];
    expect(rule).toMatchObject({ cidr_ipv6: expect.stringMatching(/^\$\{aws_vpc\.Vpc_\w+\.ipv6_cidr_block\}$/), from_port: 443 });
    expect(rule.cidr_ipv4).toBeUndefined();
  });

  describe("egress to DNS and ARN resources", () => {
    const dnsOn = (gateway: ResourceGateway, ipAddressType?: DnsResourceIpAddressType) =>
      new ResourceConfiguration(gateway, "Db", {
        name: "orders-db",
        resourceGateway: gateway,
        resource: ResourceDefinition.dns("orders.example.com", { ipAddressType }),
        ports: [Port.tcp(5432)],
      });
    const destinations = (stack: ReturnType<typeof stackWithProvider>) =>
      Object.values(resourcesOfType(stack, "aws_vpc_security_group_egress_rule")).map((r) => r.cidr_ipv4 ?? r.cidr_ipv6);
    const dnsTypes = (stack: ReturnType<typeof stackWithProvider>) =>
      Object.values(resourcesOfType(stack, "aws_vpclattice_resource_configuration")).map(
        (c) => (c.resource_configuration_definition as { dns_resource: { ip_address_type: string }[] }[])[0].dns_resource[0].ip_address_type,
      );

    test("reaches the VPC and each of its reachableCidrs of the resource's family, where the name may resolve; an IP resource only its address", () => {
      const stack = stackWithProvider();
      const gateway = new ResourceGateway(stack, "Gateway", {
        name: "gw1",
        vpc: ownerVpc(stack),
        reachableCidrs: ["192.168.0.0/16", "fd00:1::/64"],
      });
      dnsOn(gateway);
      new ResourceConfiguration(stack, "Rds", {
        name: "orders-rds",
        resourceGateway: gateway,
        resource: ResourceDefinition.arn("arn:aws:rds:us-east-1:111111111111:db:orders", { securityGroupPorts: [Port.tcp(3306)] }),
      });
      new ResourceConfiguration(stack, "Host", {
        name: "orders-host",
        resourceGateway: gateway,
        resource: ResourceDefinition.ipAddress("192.168.4.20"),
        ports: [Port.tcp(9100)],
      });
      const rules = Object.values(resourcesOfType(stack, "aws_vpc_security_group_egress_rule")).map((r) => `${r.from_port} ${r.cidr_ipv4}`);
      expect(rules.sort()).toEqual(["3306 10.0.0.0/16", "3306 192.168.0.0/16", "5432 10.0.0.0/16", "5432 192.168.0.0/16", "9100 192.168.4.20/32"]);
    });

    test("a DUALSTACK gateway reaches an IPv6 DNS resource over IPv6 only, and one given no family over IPv4 only (it is IPV4)", () => {
      const stack = stackWithProvider();
      const vpc = Vpc.fromVpcAttributes(stack, "Vpc", {
        vpcId: "vpc-0123456789abcdef0",
        cidrBlock: VPC_CIDR,
        ipv6CidrBlock: "2600:1f18:abcd:1200::/56",
      });
      const subnets = [subnet("subnet-a", "us-east-1a", "dualstack"), subnet("subnet-b", "us-east-1b", "dualstack")];
      const v6 = new ResourceGateway(stack, "V6", { name: "gw1", vpc, ipAddressType: "DUALSTACK", subnets, reachableCidrs: ["fd00:1::/64"] });
      dnsOn(v6, "IPV6");
      expect(destinations(stack).sort()).toEqual(["2600:1f18:abcd:1200::/56", "fd00:1::/64"]);
      expect(dnsTypes(stack)).toEqual(["IPV6"]);

      // Before, a DUALSTACK gateway made its DNS resources DUALSTACK, which CreateResourceConfiguration refuses.
      const dual = stackWithProvider();
      const dualVpc = ownerVpc(dual, { dualStack: true });
      dnsOn(new ResourceGateway(dual, "Gw", { name: "gw2", vpc: dualVpc, ipAddressType: "DUALSTACK", reachableCidrs: ["fd00:1::/64"] }));
      expect(destinations(dual)).toEqual([VPC_CIDR]);
      expect(dnsTypes(dual)).toEqual(["IPV4"]);
    });

    test("fails when a DUALSTACK gateway reaches a DNS resource over IPv6 in a VPC with no IPv6 block", () => {
      const stack = stackWithProvider();
      const vpc = Vpc.fromVpcAttributes(stack, "Vpc", { vpcId: "vpc-0123456789abcdef0", cidrBlock: VPC_CIDR });
      const subnets = [subnet("subnet-a", "us-east-1a"), subnet("subnet-b", "us-east-1b")];
      const gateway = new ResourceGateway(stack, "Gateway", { name: "gw1", vpc, ipAddressType: "DUALSTACK", subnets });
      expectValidationError(() => dnsOn(gateway, "IPV6"), "vpc.ipv6CidrBlock", "undefined");
    });

    test("a reachable range only Terraform knows (a variable) gets its rule, of the gateway's family", () => {
      const stack = stackWithProvider();
      const cidr = new TerraformVariable(stack, "OnPremises", { type: "string" }).stringValue;
      const gateway = new ResourceGateway(stack, "Gateway", { name: "gw1", vpc: ownerVpc(stack), reachableCidrs: [cidr] });
      dnsOn(gateway);
      expect(destinations(stack)).toEqual([VPC_CIDR, "${var.OnPremises}"]);
    });

    test("fails when a DNS resource is DUALSTACK (a JavaScript caller), which AWS does not support; given no family behind a DUALSTACK gateway it is IPV4, reached over IPv4 alone", () => {
      const dualStackGateway = (stack: TerraformStack) => {
        const vpc = Vpc.fromVpcAttributes(stack, "Vpc", { vpcId: "vpc-0123456789abcdef0", cidrBlock: VPC_CIDR });
        const subnets = [subnet("subnet-a", "us-east-1a"), subnet("subnet-b", "us-east-1b")];
        return new ResourceGateway(stack, "Gateway", { name: "gw1", vpc, ipAddressType: "DUALSTACK", subnets });
      };
      const bad = stackWithProvider();
      const error = expectValidationError(() => dnsOn(dualStackGateway(bad), "DUALSTACK" as never), "resource.ipAddressType", '"DUALSTACK"');
      expect(error.expected).toMatch(/^IPV4 or IPV6.*AWS does not support DUALSTACK for DNS resources/);
      const stack = stackWithProvider();
      dnsOn(dualStackGateway(stack));
      expect(destinations(stack)).toEqual([VPC_CIDR]);
      expect(dnsTypes(stack)).toEqual(["IPV4"]);
    });
  });

  test("an imported gateway keeps its identifiers and leaves its security groups alone", () => {
    const stack = stackWithProvider();
    const gateway = ResourceGateway.fromAttributes(stack, "Imported", {
      resourceGatewayId: "rgw-0123456789abcdef0",
      resourceGatewayArn: "arn:aws:vpc-lattice:us-east-1:111111111111:resourcegateway/rgw-0123456789abcdef0",
      ipAddressType: "IPV4",
    });
    gateway.allowResourcePorts([{ from: 443, to: 443 }]);
    expect(gateway.resourceGatewayId).toBe("rgw-0123456789abcdef0");
    expect(synthJson(stack).resource).toBeUndefined();
  });

  describe("fails when", () => {
    test("its subnets default to the VPC's private tier and an imported VPC has app and data tiers only, naming its tiers", () => {
      const stack = stackWithProvider();
      const vpc = Vpc.fromVpcAttributes(stack, "Existing", {
        vpcId: "vpc-0123456789abcdef0",
        cidrBlock: "10.50.0.0/16",
        subnetGroups: [
          { tier: "app", subnetIds: ["subnet-0bbbbbbbbbbbbbbb1", "subnet-0bbbbbbbbbbbbbbb2"], availabilityZones: ["us-east-1a", "us-east-1b"] },
          { tier: "data", subnetIds: ["subnet-0ccccccccccccccc1", "subnet-0ccccccccccccccc2"], availabilityZones: ["us-east-1a", "us-east-1b"] },
        ],
      });
      const error = expectValidationError(() => new ResourceGateway(stack, "Gateway", { name: "gw1", vpc }), "subnets", "[]");
      expect(error.expected).toBe('subnets: this VPC has no private tier (its tiers: app, data): pass subnets: vpc.selectSubnets({ tier: "app" })');
      const gateway = new ResourceGateway(stack, "Data", { name: "gw2", vpc, subnets: vpc.selectSubnets({ tier: "data" }) });
      expect(gateway.subnets.map((s) => s.subnetId)).toEqual(["subnet-0ccccccccccccccc1", "subnet-0ccccccccccccccc2"]);
    });

    test("its subnets are subnet IDs (the gateway rendered without subnets), where subnet objects are placed", () => {
      const stack = stackWithProvider();
      const vpc = ownerVpc(stack);
      const ids = ["subnet-0aaaaaaaaaaaaaaa1", "subnet-0aaaaaaaaaaaaaaa2"] as unknown as ISubnet[];
      const error = expectValidationError(
        () => new ResourceGateway(stack, "Gateway", { name: "gw1", vpc, subnets: ids }),
        "subnets[0]",
        '"subnet-0aaaaaaaaaaaaaaa1"',
      );
      expect(error.expected).toContain("a subnet object, such as vpc.selectSubnets()[0] (not a subnet ID");
      const gateway = new ResourceGateway(stack, "Placed", { name: "gw2", vpc, subnets: vpc.selectSubnets() });
      expect(gateway.subnets.map((s) => s.subnetId)).toEqual(vpc.privateSubnets.map((s) => s.subnetId));
    });

    test("it has one subnet", () => {
      const stack = stackWithProvider();
      const vpc = ownerVpc(stack);
      expectValidationError(() => new ResourceGateway(stack, "Gateway", { name: "gw1", vpc, subnets: [vpc.privateSubnets[0]] }), "subnets", "subnet");
    });

    test("its subnets are of another VPC, made here or imported", () => {
      const stack = stackWithProvider();
      const vpc = ownerVpc(stack);
      const other = new Vpc(stack, "Other", { name: "other", cidrBlock: "10.1.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
      expectValidationError(() => new ResourceGateway(stack, "Gateway", { name: "gw1", vpc, subnets: other.privateSubnets }), "subnets[0]", /./);
      const imported = Vpc.fromVpcAttributes(stack, "Imported", { vpcId: "vpc-0123456789abcdef0", cidrBlock: "10.2.0.0/16" });
      const subnets = [
        { subnetId: "subnet-0123456789abcdef0", availabilityZone: "us-east-1a", vpcId: "vpc-0fedcba9876543210" },
        { subnetId: "subnet-0123456789abcdef1", availabilityZone: "us-east-1b", vpcId: "vpc-0fedcba9876543210" },
      ];
      expectValidationError(
        () => new ResourceGateway(stack, "Gateway2", { name: "gw2", vpc: imported, subnets }),
        "subnets[0]",
        "vpc-0fedcba9876543210",
      );
      expectValidationError(
        () => ResourceGateway.fromResourceGatewayAttributes(stack, "Gateway3", { resourceGatewayArn: GATEWAY_ARN, vpc: imported, subnets }),
        "subnets[0]",
        "vpc-0fedcba9876543210",
      );
    });

    test("its provider is of another account than its VPC's owner: AWS creates no resource gateway in shared subnets", () => {
      const stack = new TerraformStack(testApp(), "test");
      const owner = new AwsProvider(stack, "aws", { region: "us-east-1", allowedAccountIds: ["111111111111"] });
      const participant = new AwsProvider(stack, "participant", { region: "us-east-1", alias: "participant", allowedAccountIds: ["222222222222"] });
      const vpc = ownerVpc(stack);
      const error = expectValidationError(
        () => new ResourceGateway(stack, "Gateway", { name: "gw1", vpc, provider: participant }),
        "provider",
        "participant (account 222222222222)",
      );
      expect(error.expected).toContain("a provider of account 111111111111, the owner of VPC test/Vpc");
      // The owner's own provider, given or not, makes it.
      new ResourceGateway(stack, "Owned", { name: "gw2", vpc, provider: owner });
      new ResourceGateway(stack, "Defaulted", { name: "gw3", vpc });
      expect(Object.keys(resourcesOfType(stack, "aws_vpclattice_resource_gateway"))).toHaveLength(2);
    });

    test("its name is another gateway's of the same account; another account's provider may reuse it, and a configuration's name is no gateway's", () => {
      const { stack, vpc } = gatewayStack();
      const error = expectValidationError(() => new ResourceGateway(stack, "Second", { name: "owner-gateway", vpc }), "name", "owner-gateway");
      expect(error.expected).toContain("(test/Gateway already creates a resource gateway named");
      const partner = new AwsProvider(stack, "partner", { region: "us-east-1", alias: "partner" });
      const partnerVpc = new Vpc(stack, "PartnerVpc", {
        name: "p",
        cidrBlock: "10.1.0.0/16",
        availabilityZones: ["us-east-1a", "us-east-1b"],
        provider: partner,
      });
      expect(() => new ResourceGateway(stack, "Partner", { name: "owner-gateway", vpc: partnerVpc })).not.toThrow();
      expect(() => new ResourceGateway(stack, "Config", { name: "orders-db", vpc })).not.toThrow();
      expect(
        () =>
          new ResourceConfiguration(stack, "OrdersDb", {
            name: "owner-gateway",
            resourceGateway: new ResourceGateway(stack, "Third", { name: "third-gateway", vpc }),
            resource: ResourceDefinition.ipAddress("10.0.1.5"),
            ports: [Port.tcp(5432)],
          }),
      ).not.toThrow();
    });

    test("two subnets are in the same availability zone", () => {
      const stack = stackWithProvider();
      const vpc = ownerVpc(stack);
      const subnets = [subnet("subnet-a", "us-east-1a"), subnet("subnet-b", "us-east-1a")];
      expectValidationError(() => new ResourceGateway(stack, "Gateway", { name: "gw1", vpc, subnets }), "subnets.availabilityZone", '"us-east-1a"');
    });

    test("it has more than 5 security groups", () => {
      const stack = stackWithProvider();
      const vpc = ownerVpc(stack);
      const securityGroups = ["a", "b", "c", "d", "e", "f"].map((n) => ({ securityGroupId: `sg-${n}` }));
      const error = expectValidationError(
        () => new ResourceGateway(stack, "Gateway", { name: "gw1", vpc, securityGroups }),
        "securityGroups",
        "sg-f",
      );
      expect(error.expected).toContain("1 to 5");
    });

    test.each([["ab"], ["a".repeat(41)]])("its name %p is outside 3-40 characters", (name) => {
      const stack = stackWithProvider();
      expectValidationError(() => new ResourceGateway(stack, "Gateway", { name, vpc: ownerVpc(stack) }), "name", name);
    });

    test.each([["Upper"], ["rgw-reserved"], ["-edge"], ["double--hyphen"], ["under_score"]])("its name %p breaks the naming rules", (name) => {
      const stack = stackWithProvider();
      expectValidationError(() => new ResourceGateway(stack, "Gateway", { name, vpc: ownerVpc(stack) }), "name", name);
    });

    test("it is IPV6 in IPv4-only subnets", () => {
      const stack = stackWithProvider();
      const vpc = ownerVpc(stack, { dualStack: true });
      const subnets = [subnet("subnet-a", "us-east-1a", "ipv4"), subnet("subnet-b", "us-east-1b", "ipv4")];
      const error = expectValidationError(
        () => new ResourceGateway(stack, "Gateway", { name: "gw1", vpc, subnets, ipAddressType: "IPV6" }),
        "subnets[0].ipAddressType",
        '"ipv4"',
      );
      expect(error.expected).toContain("ipv6 subnets");
    });

    test("it is DUALSTACK in the IPv4-only subnets of a Vpc", () => {
      const stack = stackWithProvider();
      expectValidationError(
        () => new ResourceGateway(stack, "Gateway", { name: "gw1", vpc: ownerVpc(stack), ipAddressType: "DUALSTACK" }),
        "subnets[0].ipAddressType",
        '"ipv4"',
      );
    });

    test("it is IPV6 in a VPC without an IPv6 block", () => {
      const stack = stackWithProvider();
      const subnets = [subnet("subnet-a", "us-east-1a", "ipv6"), subnet("subnet-b", "us-east-1b", "ipv6")];
      expectValidationError(
        () => new ResourceGateway(stack, "Gateway", { name: "gw1", vpc: ownerVpc(stack), subnets, ipAddressType: "IPV6" }),
        "vpc.ipv6CidrBlock",
        "undefined",
      );
    });

    test("it has no VPC", () => {
      // @ts-expect-error: JavaScript callers are not type-checked
      expectValidationError(() => new ResourceGateway(stackWithProvider(), "Gateway", { name: "gw1" }), "vpc", "undefined");
    });

    test("an imported gateway's ipAddressType is unknown", () => {
      expectValidationError(
        () =>
          ResourceGateway.fromAttributes(stackWithProvider(), "Imported", {
            resourceGatewayArn: "arn:aws:vpc-lattice:us-east-1:111111111111:resourcegateway/rgw-0123456789abcdef0",
            // @ts-expect-error: JavaScript callers are not type-checked
            ipAddressType: "V4",
          }),
        "ipAddressType",
        '"V4"',
      );
    });

    test("its ipAddressType is unknown", () => {
      const stack = stackWithProvider();
      expectValidationError(
        // @ts-expect-error: JavaScript callers are not type-checked
        () => new ResourceGateway(stack, "Gateway", { name: "gw1", vpc: ownerVpc(stack), ipAddressType: "IPV5" }),
        "ipAddressType",
        "IPV5",
      );
    });
  });

  describe("connections", () => {
    test("take rules of your own on the gateway's group, beside the configurations' egress", () => {
      const { stack, gateway } = gatewayStack();
      gateway.connections.allowTo(Peer.cidr("192.168.0.0/16"), Port.tcp(443), "Resource gateway to the on-premises API");
      expect(Object.values(resourcesOfType(stack, "aws_vpc_security_group_egress_rule"))).toEqual([
        expect.objectContaining({
          cidr_ipv4: "192.168.0.0/16",
          from_port: 443,
          description: "Resource gateway to the on-premises API",
          security_group_id: expect.stringMatching(/Gateway_SecurityGroup/),
        }),
      ]);
    });

    test("an imported gateway's groups imported with fromSecurityGroupAttributes take rules, with their provider; configurations add none on their own", () => {
      const stack = stackWithProvider();
      const group = SecurityGroup.fromSecurityGroupAttributes(stack, "GatewayGroup", {
        securityGroupId: "sg-0123456789abcdef0",
        vpcId: "vpc-0123456789abcdef0",
      });
      const gateway = ResourceGateway.fromResourceGatewayAttributes(stack, "Imported", { resourceGatewayArn: GATEWAY_ARN, securityGroups: [group] });
      new ResourceConfiguration(stack, "Db", {
        name: "orders-db",
        resourceGateway: gateway,
        resource: ResourceDefinition.dns("db.example.com"),
        ports: [Port.tcp(5432)],
      });
      expect(resourcesOfType(stack, "aws_vpc_security_group_egress_rule")).toEqual({});
      gateway.connections.allowTo(Peer.cidr("10.0.0.0/16"), Port.tcp(5432), "Resource gateway to the database");
      expect(Object.values(resourcesOfType(stack, "aws_vpc_security_group_egress_rule"))).toEqual([
        expect.objectContaining({ security_group_id: "sg-0123456789abcdef0", from_port: 5432 }),
      ]);
    });
  });

  describe("fromResourceGatewayAttributes", () => {
    test("derives the ID from the ARN and keeps what it is told", () => {
      const stack = stackWithProvider();
      const gateway = ResourceGateway.fromResourceGatewayAttributes(stack, "Imported", {
        resourceGatewayArn: GATEWAY_ARN,
        subnets: [subnet("subnet-a", undefined, undefined, "use1-az1")],
      });
      expect(gateway.resourceGatewayId).toBe("rgw-0123456789abcdef0");
      expect(gateway.subnets).toHaveLength(1);
    });

    test("takes the ID alone (brownfield: the console shows rgw-…), the ARN built from the provider's account and region", () => {
      const stack = stackWithProvider();
      const pinned = new AwsProvider(stack, "pinned", { alias: "pinned", region: "eu-west-1", allowedAccountIds: ["111111111111"] });
      const gateway = ResourceGateway.fromResourceGatewayAttributes(stack, "Imported", {
        resourceGatewayId: "rgw-0123456789abcdef0",
        provider: pinned,
      });
      expect(gateway.resourceGatewayArn).toBe("arn:aws:vpc-lattice:eu-west-1:111111111111:resourcegateway/rgw-0123456789abcdef0");
      expect(gateway.resourceGatewayId).toBe("rgw-0123456789abcdef0");
      // A configuration of the gateway names it by ID.
      new ResourceConfiguration(stack, "Host", {
        name: "build-host",
        resourceGateway: gateway,
        resource: ResourceDefinition.ipAddress("10.0.1.5"),
        ports: [Port.tcp(22)],
        provider: pinned,
      });
      expect(Object.values(resourcesOfType(stack, "aws_vpclattice_resource_configuration"))[0].resource_gateway_identifier).toBe(
        "rgw-0123456789abcdef0",
      );
    });

    test("fails when given neither ARN nor ID, an ID of another kind, or an ID alone with a provider whose account is not pinned", () => {
      const stack = stackWithProvider();
      expectValidationError(() => ResourceGateway.fromResourceGatewayAttributes(stack, "A", {}), "resourceGatewayArn", "undefined");
      const pinned = new AwsProvider(stack, "pinned", { alias: "pinned", region: "us-east-1", allowedAccountIds: ["111111111111"] });
      expectValidationError(
        () => ResourceGateway.fromResourceGatewayAttributes(stack, "B", { resourceGatewayId: "rcfg-0123456789abcdef0", provider: pinned }),
        "resourceGatewayId",
        "rcfg-0123456789abcdef0",
      );
      const error = expectValidationError(
        () => ResourceGateway.fromResourceGatewayAttributes(stack, "C", { resourceGatewayId: "rgw-0123456789abcdef0" }),
        "resourceGatewayArn",
        "undefined",
      );
      expect(error.expected).toContain("provider default gives no single literal account");
    });

    test("fails when the ARN is not a resource gateway's, is of another region, or the ID does not match it", () => {
      const stack = stackWithProvider();
      expectValidationError(
        () =>
          ResourceGateway.fromResourceGatewayAttributes(stack, "A", {
            resourceGatewayArn: "arn:aws:vpc-lattice:us-east-1:111111111111:resourceconfiguration/rcfg-0123456789abcdef0",
          }),
        "resourceGatewayArn",
        "resourceconfiguration",
      );
      expectValidationError(
        () => ResourceGateway.fromResourceGatewayAttributes(stack, "B", { resourceGatewayArn: GATEWAY_ARN.replace("us-east-1", "us-west-2") }),
        "resourceGatewayArn",
        "us-west-2",
      );
      expectValidationError(
        () =>
          ResourceGateway.fromResourceGatewayAttributes(stack, "C", { resourceGatewayArn: GATEWAY_ARN, resourceGatewayId: "rgw-0fedcba9876543210" }),
        "resourceGatewayId",
        "rgw-0fedcba9876543210",
      );
      expectValidationError(
        () =>
          ResourceGateway.fromResourceGatewayAttributes(stack, "D", { resourceGatewayArn: GATEWAY_ARN, resourceGatewayId: "sn-0123456789abcdef0" }),
        "resourceGatewayId",
        "sn-",
      );
    });

    test("fails when a subnet's AZ ID is an AZ name, or a group is of another VPC than the one given", () => {
      const stack = stackWithProvider();
      expectValidationError(
        () =>
          ResourceGateway.fromResourceGatewayAttributes(stack, "A", {
            resourceGatewayArn: GATEWAY_ARN,
            subnets: [subnet("subnet-a", undefined, undefined, "us-east-1a")],
          }),
        "subnets[0].availabilityZoneId",
        "us-east-1a",
      );
      const vpc = Vpc.fromVpcAttributes(stack, "Vpc", { vpcId: "vpc-0123456789abcdef0", cidrBlock: "10.0.0.0/16" });
      expectValidationError(
        () =>
          ResourceGateway.fromResourceGatewayAttributes(stack, "B", {
            resourceGatewayArn: GATEWAY_ARN,
            vpc,
            securityGroups: [{ securityGroupId: "sg-0123456789abcdef0", vpcId: "vpc-0fedcba9876543210" }],
          }),
        "securityGroups[0].vpcId",
        "vpc-0fedcba9876543210",
      );
    });
  });

  describe("reachableCidrs", () => {
    test("declare ranges IP resources may be in besides the VPC", () => {
      const stack = stackWithProvider();
      const gateway = new ResourceGateway(stack, "Gateway", {
        name: "gw1",
        vpc: ownerVpc(stack),
        reachableCidrs: ["10.20.0.0/16", "172.16.0.0/12", "fd00:1::/64"],
      });
      expect(gateway.reachableCidrs).toHaveLength(3);
    });

    test.each([
      [["0.0.0.0/0"], "reachableCidrs[0]"],
      [["8.8.0.0/16"], "reachableCidrs[0]"],
      [["10.20.0.0/16", "10.20.4.0/24"], "reachableCidrs[1]"],
      [["::/1", "8000::/1"], "reachableCidrs"],
      [["10.20.0.5/16"], "reachableCidrs[0]"],
    ])("fail when they are %p", (reachableCidrs, prop) => {
      const stack = stackWithProvider();
      expectValidationError(() => new ResourceGateway(stack, "Gateway", { name: "gw1", vpc: ownerVpc(stack), reachableCidrs }), prop, /./);
    });
  });

  test("tags the gateway, its security group and the group's rules", () => {
    const stack = stackWithProvider();
    const gateway = new ResourceGateway(stack, "Gateway", { name: "gw1", vpc: ownerVpc(stack), tags: { team: "data" } });
    gateway.connections.allowTo(Peer.cidr("10.0.0.0/16"), Port.tcp(5432), "to the database");
    expect(Object.values(resourcesOfType(stack, "aws_vpclattice_resource_gateway"))[0].tags).toEqual({ team: "data" });
    expect(Object.values(resourcesOfType(stack, "aws_security_group"))[0].tags).toMatchObject({ team: "data" });
    expect(Object.values(resourcesOfType(stack, "aws_vpc_security_group_egress_rule"))[0].tags).toEqual({ team: "data" });
    expectValidationError(
      () => new ResourceGateway(stack, "Bad", { name: "gw2", vpc: ownerVpc(stackWithProvider()), tags: { "AWS:x": "y" } }),
      "tags",
      "AWS:x",
    );
  });

  test("fails when a given security group is of another VPC, or given twice", () => {
    const stack = stackWithProvider();
    const vpc = Vpc.fromVpcAttributes(stack, "Vpc", {
      vpcId: "vpc-0123456789abcdef0",
      cidrBlock: "10.0.0.0/16",
      privateSubnets: [subnet("subnet-0123456789abcdef0", "us-east-1a"), subnet("subnet-0123456789abcdef1", "us-east-1b")],
    });
    expectValidationError(
      () =>
        new ResourceGateway(stack, "A", {
          name: "gw1",
          vpc,
          securityGroups: [{ securityGroupId: "sg-0123456789abcdef0", vpcId: "vpc-0fedcba9876543210" }],
        }),
      "securityGroups[0].vpcId",
      "vpc-0fedcba9876543210",
    );
    expectValidationError(
      () =>
        new ResourceGateway(stack, "B", {
          name: "gw2",
          vpc,
          securityGroups: [{ securityGroupId: "sg-0123456789abcdef0" }, { securityGroupId: "sg-0123456789abcdef0" }],
        }),
      "securityGroups",
      "sg-0123456789abcdef0",
    );
  });

  test("fails when a given security group is made in another VPC of this configuration (both IDs references): AWS refuses the gateway at apply", () => {
    const stack = stackWithProvider();
    const vpc = ownerVpc(stack);
    const other = new Vpc(stack, "Other", { name: "other", cidrBlock: "10.9.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
    const foreign = new SecurityGroup(stack, "Foreign", { vpc: other, description: "Of another VPC" });
    const error = expectValidationError(
      () => new ResourceGateway(stack, "A", { name: "gw1", vpc, securityGroups: [foreign] }),
      "securityGroups[0].vpcId",
      "the VPC of test/Foreign",
    );
    expect(error.expected).toContain("a security group of the gateway's VPC (test/Vpc)");
    // A group made in the gateway's own VPC, and an imported one whose VPC only Terraform knows, are taken.
    const own = new SecurityGroup(stack, "Own", { vpc, description: "Of the gateway VPC" });
    const unknown = SecurityGroup.fromSecurityGroupAttributes(stack, "Unknown", {
      securityGroupId: "sg-0123456789abcdef0",
      vpcId: new TerraformVariable(stack, "vpc_id", { type: "string" }).stringValue,
    });
    new ResourceGateway(stack, "B", { name: "gw2", vpc, securityGroups: [own, unknown] });
    expect(Object.values(resourcesOfType(stack, "aws_vpclattice_resource_gateway"))[0].security_group_ids).toHaveLength(2);
  });
});
