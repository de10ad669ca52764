import { OptOut } from "../../modules/core";
import { ApplianceTargets, GatewayLoadBalancer, GatewayLoadBalancerProps } from "../../modules/privatelink";
import { Vpc } from "../../modules/vpc";
import { expectValidationError, Json, onlyResource, resourcesOfType, stackWithoutProvider } from "../helpers";

const GWLB_ARN = "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/gwy/inspection/0123456789abcdef";

function gwlbStack(overrides: Partial<GatewayLoadBalancerProps> = {}) {
  const stack = stackWithoutProvider();
  const vpc = new Vpc(stack, "Vpc", { name: "inspection", cidrBlock: "10.100.0.0/16", availabilityZones: ["use1-az1", "use1-az2"] });
  const gwlb = new GatewayLoadBalancer(stack, "Gwlb", {
    vpc,
    appliances: ApplianceTargets.ipAddresses({ addresses: { "firewall-a": "10.100.0.10", "firewall-b": "10.100.1.10" } }),
    healthCheck: { protocol: "HTTP", port: 80, path: "/healthz" },
    ...overrides,
  });
  return { stack, vpc, gwlb };
}

describe("GatewayLoadBalancer", () => {
  test("is a gateway load balancer across zones, deletion-protected, forwarding to a GENEVE target group on 6081 with the appliances' health check", () => {
    const { stack, gwlb } = gwlbStack();
    expect(onlyResource(stack, "aws_lb")).toMatchObject({
      load_balancer_type: "gateway",
      enable_cross_zone_load_balancing: true,
      enable_deletion_protection: true,
      ip_address_type: "ipv4",
    });
    expect(onlyResource(stack, "aws_lb").security_groups).toBeUndefined();
    expect(onlyResource(stack, "aws_lb_target_group")).toMatchObject({
      protocol: "GENEVE",
      port: 6081,
      target_type: "ip",
      health_check: { enabled: true, protocol: "HTTP", port: "80", path: "/healthz" },
    });
    const listener = onlyResource(stack, "aws_lb_listener");
    expect(listener).toMatchObject({
      default_action: [{ type: "forward", target_group_arn: expect.stringMatching(/aws_lb_target_group\.Gwlb_Appliances_/) }],
    });
    expect(listener.port).toBeUndefined();
    expect(listener.protocol).toBeUndefined();
    const attachments = resourcesOfType(stack, "aws_lb_target_group_attachment");
    expect(Object.keys(attachments).sort()).toEqual([
      expect.stringMatching(/^Gwlb_Appliance-firewall-a_/),
      expect.stringMatching(/^Gwlb_Appliance-firewall-b_/),
    ]);
    expect(gwlb.availabilityZoneIds).toEqual(["use1-az1", "use1-az2"]);
  });

  test("the appliances' security group admits GENEVE and the health checks from the load balancer's VPC, nothing else", () => {
    const { stack, gwlb } = gwlbStack();
    const rules = (Object.values(resourcesOfType(stack, "aws_vpc_security_group_ingress_rule")) as Json[])
      .map((r) => [r.ip_protocol, r.from_port, r.cidr_ipv4])
      .sort();
    expect(rules).toEqual([
      ["tcp", 80, "10.100.0.0/16"],
      ["udp", 6081, "10.100.0.0/16"],
    ]);
    expect(resourcesOfType(stack, "aws_vpc_security_group_egress_rule")).toEqual({});
    expect(gwlb.appliancesConnections.securityGroups).toEqual([gwlb.appliancesSecurityGroup]);
  });

  test("appliances an Auto Scaling group registers leave the target group empty, the reason recorded", () => {
    const { stack } = gwlbStack({
      appliances: ApplianceTargets.registeredElsewhere({
        targetType: "instance",
        registeredBy: OptOut.because("the firewall vendor's Auto Scaling group registers its instances"),
      }),
    });
    expect(resourcesOfType(stack, "aws_lb_target_group_attachment")).toEqual({});
    const group = Object.values(JSON.parse(JSON.stringify(stack.toTerraform())).resource.aws_lb_target_group)[0] as Json;
    expect(group["//"].opt_outs.registeredBy).toContain("Auto Scaling group");
    expect(group.target_type).toBe("instance");
  });

  test("fromGatewayLoadBalancerAttributes reads the name from the ARN", () => {
    const gwlb = GatewayLoadBalancer.fromGatewayLoadBalancerAttributes(stackWithoutProvider(), "Existing", {
      loadBalancerArn: GWLB_ARN,
      availabilityZoneIds: ["use1-az1"],
    });
    expect(gwlb).toMatchObject({ loadBalancerArn: GWLB_ARN, loadBalancerName: "inspection", availabilityZoneIds: ["use1-az1"] });
  });

  describe("fails when", () => {
    test("the VPC is an ID, or has no private subnets and no subnets are given: never a TypeError", () => {
      const stack = stackWithoutProvider();
      const props = { appliances: ApplianceTargets.ipAddresses({ addresses: { "firewall-a": "10.100.0.10" } }), healthCheck: { port: 80 } };
      expectValidationError(
        () => new GatewayLoadBalancer(stack, "ById", { ...props, vpc: "vpc-0123456789abcdef0" as unknown as Vpc }),
        "vpc",
        '"vpc-0123456789abcdef0"',
      );
      const bare = { vpcId: "vpc-0123456789abcdef0", cidrBlock: "10.100.0.0/16" } as unknown as Vpc;
      expectValidationError(() => new GatewayLoadBalancer(stack, "NoSubnets", { ...props, vpc: bare }), "vpc.privateSubnets", "[]");
    });

    test("dualstack is asked for on IPv4-only subnets (AWS gives the load balancer no IPv6 addresses there)", () => {
      expectValidationError(() => gwlbStack({ ipAddressType: "dualstack" }), "subnets[0].ipAddressType", '"ipv4"');
    });

    test("a subnet is another VPC's (AWS refuses it)", () => {
      const stack = stackWithoutProvider();
      const vpc = new Vpc(stack, "Vpc", { name: "inspection", cidrBlock: "10.100.0.0/16", availabilityZones: ["use1-az1", "use1-az2"] });
      const other = new Vpc(stack, "Other", { name: "other", cidrBlock: "10.101.0.0/16", availabilityZones: ["use1-az1", "use1-az2"] });
      expectValidationError(
        () =>
          new GatewayLoadBalancer(stack, "Gwlb", {
            vpc,
            subnets: other.privateSubnets,
            appliances: ApplianceTargets.ipAddresses({ addresses: { "firewall-a": "10.100.0.10" } }),
            healthCheck: { port: 80 },
          }),
        "subnets[0]",
        "<reference known at apply>",
      );
    });

    test("the health check has no port of its own (GENEVE's 6081 answers none)", () => {
      expectValidationError(() => gwlbStack({ healthCheck: { protocol: "TCP" } }), "healthCheck.port", "undefined");
      expectValidationError(() => gwlbStack({ healthCheck: { protocol: "TCP", port: 6081 } }), "healthCheck.port", "6081");
    });

    test("an appliance address is one AWS reserves in the VPC or a subnet (nothing can hold it), where .4 is registered", () => {
      for (const address of ["10.100.0.0", "10.100.0.1", "10.100.0.3", "10.100.1.255"]) {
        const error = expectValidationError(
          () => gwlbStack({ appliances: ApplianceTargets.ipAddresses({ addresses: { fw: address } }) }),
          "appliances.addresses.fw",
          `"${address}"`,
        );
        expect(error.expected).toContain(`${address} is reserved by AWS in`);
      }
      const { stack } = gwlbStack({ appliances: ApplianceTargets.ipAddresses({ addresses: { fw: "10.100.0.4" } }) });
      expect(Object.values(resourcesOfType(stack, "aws_lb_target_group_attachment")).map((a) => a.target_id)).toEqual(["10.100.0.4"]);
    });

    test("an appliance address is outside the load balancer's VPC", () => {
      expectValidationError(
        () => gwlbStack({ appliances: ApplianceTargets.ipAddresses({ addresses: { fw: "10.200.0.10" } }) }),
        "appliances.addresses.fw",
        '"10.200.0.10"',
      );
    });

    test("an appliance address is in a zone where the load balancer has no subnet (AWS sends it no flows, cross-zone or not); one of its zones is registered", () => {
      const stack = stackWithoutProvider();
      const vpc = new Vpc(stack, "Vpc", { name: "inspection", cidrBlock: "10.100.0.0/16", availabilityZones: ["use1-az1", "use1-az2", "use1-az3"] });
      const gwlb = (id: string, address: string) =>
        new GatewayLoadBalancer(stack, id, {
          vpc,
          subnets: vpc.privateSubnets.slice(0, 2),
          appliances: ApplianceTargets.ipAddresses({ addresses: { fw: address } }),
          healthCheck: { port: 80 },
        });
      const error = expectValidationError(() => gwlb("Gwlb", "10.100.2.10"), "appliances.addresses.fw", '"10.100.2.10"');
      expect(error.expected).toContain("it is in subnet 10.100.2.0/24 of use1-az3, where the load balancer has no node");
      gwlb("Valid", "10.100.1.10");
      expect(onlyResource(stack, "aws_lb_target_group_attachment").target_id).toBe("10.100.1.10");
    });

    test("an appliance address is IPv6 (GENEVE runs over IPv4)", () => {
      expectValidationError(
        () => gwlbStack({ appliances: ApplianceTargets.ipAddresses({ addresses: { fw: "2001:db8::10" } }) }),
        "appliances.addresses.fw",
        '"2001:db8::10"',
      );
    });

    test("the same appliance is registered under two names", () => {
      const error = expectValidationError(
        () => gwlbStack({ appliances: ApplianceTargets.instances({ instances: { a: "i-0123456789abcdef0", b: "i-0123456789abcdef0" } }) }),
        "appliances.instances.b",
        '"i-0123456789abcdef0"',
      );
      expect(error.expected).toContain("appliances.instances.a");
    });

    test("an appliance instance is not an instance ID", () => {
      expectValidationError(
        () => gwlbStack({ appliances: ApplianceTargets.instances({ instances: { a: "fw-1" } }) }),
        "appliances.instances.a",
        '"fw-1"',
      );
    });

    test("there is no appliance", () => {
      expectValidationError(() => gwlbStack({ appliances: ApplianceTargets.ipAddresses({ addresses: {} }) }), "appliances.addresses", "{}");
    });

    test("the appliances are not made by ApplianceTargets (a JavaScript caller)", () => {
      expectValidationError(() => gwlbStack({ appliances: { addresses: { a: "10.100.0.10" } } as never }), "appliances", /10\.100\.0\.10/);
    });

    test("two subnets share a zone", () => {
      const build = () => {
        const stack = stackWithoutProvider();
        const vpc = new Vpc(stack, "Vpc", { name: "i", cidrBlock: "10.100.0.0/16", availabilityZones: ["use1-az1", "use1-az2"] });
        new GatewayLoadBalancer(stack, "Gwlb", {
          vpc,
          subnets: [vpc.privateSubnets[0], vpc.privateSubnets[0]],
          appliances: ApplianceTargets.ipAddresses({ addresses: { a: "10.100.0.10" } }),
          healthCheck: { port: 80 },
        });
      };
      expectValidationError(build, "subnets", '"use1-az1"');
    });

    test("an imported load balancer ARN is a Network Load Balancer's", () => {
      const arn = "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/net/api/0123456789abcdef";
      expectValidationError(
        () => GatewayLoadBalancer.fromGatewayLoadBalancerAttributes(stackWithoutProvider(), "Existing", { loadBalancerArn: arn }),
        "loadBalancerArn",
        arn,
      );
    });
  });
});
