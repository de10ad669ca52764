import { ISubnet, Vpc, SecurityGroup } from "../../modules/vpc";
import { ResourceGateway } from "../../modules/resources";
import { expectValidationError, resourcesOfType, stackWithProvider, synthJson } from "../helpers";
import { gatewayStack, ownerVpc } from "./helpers";

const VPC_CIDR = "10.0.0.0/16";

const subnet = (id: string, availabilityZone?: string, ipAddressType?: ISubnet["ipAddressType"]): ISubnet => ({ subnetId: id, availabilityZone, ipAddressType });

describe("ResourceGateway", () => {
  test("spans the VPC's private subnets with its own security group, IPV4 by default", () => {
    const { stack } = gatewayStack();
    const json = synthJson(stack);
    const gateway = Object.values(json.resource.aws_vpclattice_resource_gateway)[0] as Record<string, unknown>;
    expect(gateway).toMatchObject({ name: "owner-gateway", ip_address_type: "IPV4", vpc_id: expect.stringMatching(/^\$\{aws_vpc\.Vpc_\w+\.id\}$/) });
    expect(gateway.subnet_ids).toEqual([expect.stringMatching(/aws_subnet\.Vpc_Private-us-east-1a_/), expect.stringMatching(/aws_subnet\.Vpc_Private-us-east-1b_/)]);
    expect(gateway.security_group_ids).toEqual([expect.stringMatching(/^\$\{aws_security_group\.Gateway_SecurityGroup_\w+\.id\}$/)]);
    expect(Object.keys(json.resource.aws_vpclattice_resource_gateway)).toEqual([expect.stringMatching(/^Gateway_[0-9A-F]{8}$/)]); // "Resource" keeps the address short
  });

  test("its security group has no rule until resource ports are allowed, then egress only to them, each once", () => {
    const { stack, gateway } = gatewayStack();
    expect(resourcesOfType(stack, "aws_vpc_security_group_egress_rule")).toEqual({});
    gateway.allowResourcePorts([{ from: 5432, to: 5432 }]);
    gateway.allowResourcePorts([{ from: 5432, to: 5432 }, { from: 8000, to: 8100 }]);
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

  test("given security groups replace the default one and keep their own rules", () => {
    const stack = stackWithProvider();
    const vpc = ownerVpc(stack);
    const own = new SecurityGroup(stack, "Own", { vpc, description: "mine" });
    const gateway = new ResourceGateway(stack, "Gateway", { name: "owner-gateway", vpc, securityGroups: [own] });
    gateway.allowResourcePorts([{ from: 443, to: 443 }]);
    expect(gateway.securityGroup).toBeUndefined();
    expect(Object.keys(resourcesOfType(stack, "aws_security_group"))).toHaveLength(1);
    expect(resourcesOfType(stack, "aws_vpc_security_group_egress_rule")).toEqual({});
    expect(Object.values(resourcesOfType(stack, "aws_vpclattice_resource_gateway"))[0].security_group_ids).toEqual([expect.stringMatching(/^\$\{aws_security_group\.Own_\w+\.id\}$/)]);
  });

  test("an IPV6 gateway in IPv6-only subnets sends its egress to the VPC's IPv6 block", () => {
    const stack = stackWithProvider();
    const vpc = Vpc.fromVpcAttributes(stack, "Vpc", { vpcId: "vpc-0123456789abcdef0", cidrBlock: "10.0.0.0/16", ipv6CidrBlock: "2600:1f18:abcd:1200::/56" });
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

  test("fails when an IPV6 gateway's default group would need a rule to an IPv6 block only Terraform knows", () => {
    const stack = stackWithProvider();
    const vpc = ownerVpc(stack, { dualStack: true });
    const subnets = [subnet("subnet-a", "us-east-1a", "ipv6"), subnet("subnet-b", "us-east-1b", "ipv6")];
    const gateway = new ResourceGateway(stack, "Gateway", { name: "v6-gateway", vpc, ipAddressType: "IPV6", subnets });
    gateway.allowResourcePorts([{ from: 443, to: 443 }], "2600:1f18:abcd:1200::10/128");
    expectValidationError(() => gateway.allowResourcePorts([{ from: 443, to: 443 }]), "securityGroups", "undefined");
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
    test("it has one subnet", () => {
      const stack = stackWithProvider();
      const vpc = ownerVpc(stack);
      expectValidationError(() => new ResourceGateway(stack, "Gateway", { name: "gw1", vpc, subnets: [vpc.privateSubnets[0]] }), "subnets", "subnet");
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
      const error = expectValidationError(() => new ResourceGateway(stack, "Gateway", { name: "gw1", vpc, securityGroups }), "securityGroups", "sg-f");
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
      expectValidationError(() => new ResourceGateway(stack, "Gateway", { name: "gw1", vpc: ownerVpc(stack), subnets, ipAddressType: "IPV6" }), "vpc.ipv6CidrBlock", "undefined");
    });

    test("it has no VPC", () => {
      // @ts-expect-error: JavaScript callers are not type-checked
      expectValidationError(() => new ResourceGateway(stackWithProvider(), "Gateway", { name: "gw1" }), "vpc", "undefined");
    });

    test("an imported gateway's ipAddressType is unknown", () => {
      expectValidationError(
        // @ts-expect-error: JavaScript callers are not type-checked
        () => ResourceGateway.fromAttributes(stackWithProvider(), "Imported", { resourceGatewayId: "rgw-1", resourceGatewayArn: "arn:aws:vpc-lattice:us-east-1:111111111111:resourcegateway/rgw-1", ipAddressType: "V4" }),
        "ipAddressType",
        '"V4"',
      );
    });

    test("its ipAddressType is unknown", () => {
      const stack = stackWithProvider();
      // @ts-expect-error: JavaScript callers are not type-checked
      expectValidationError(() => new ResourceGateway(stack, "Gateway", { name: "gw1", vpc: ownerVpc(stack), ipAddressType: "IPV5" }), "ipAddressType", "IPV5");
    });
  });
});
