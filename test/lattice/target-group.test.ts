import { TerraformStack, TerraformVariable } from "cdktf";
import { Vpc, SecurityGroup } from "../../modules/vpc";
import {
  LatticeTarget,
  LatticeTargetGroup,
  LatticeTargetGroupConfig,
  LatticeTargetGroupHealthCheck,
  LatticeTargetGroupProps,
} from "../../modules/lattice";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { expectValidationError, stackWithProvider, synthJson, testApp } from "../helpers";

const FUNCTION_ARN = "arn:aws:lambda:us-east-1:111111111111:function:orders:live";
const ALB_ARN = "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/app/internal-api/0123456789abcdef";

function withVpc(): { stack: TerraformStack; vpc: ReturnType<typeof Vpc.fromVpcAttributes> } {
  const stack = stackWithProvider();
  return { stack, vpc: Vpc.fromVpcAttributes(stack, "Vpc", { vpcId: "vpc-0123456789abcdef0", cidrBlock: "10.0.0.0/16" }) };
}

function ipGroup(overrides: Partial<LatticeTargetGroupProps> = {}): LatticeTargetGroup {
  const { stack, vpc } = withVpc();
  return new LatticeTargetGroup(stack, "Group", { name: "orders", type: "IP", vpc, protocol: "HTTP", ...overrides });
}

/** The notes for the flow analysis on the stack's one target group (`//.flows`, which Testing.synth leaves out). */
function flowNotesOf(stack: TerraformStack): Record<string, unknown> {
  const groups = Object.values(
    (stack.toTerraform() as { resource: Record<string, Record<string, { "//": { flows?: Record<string, unknown> } }>> }).resource
      .aws_vpclattice_target_group,
  );
  expect(groups).toHaveLength(1);
  return groups[0]["//"].flows ?? {};
}

describe("LatticeTargetGroup", () => {
  test("INSTANCE: port from the protocol, HTTP1, health check rendered, targets keyed by stable names", () => {
    const { stack, vpc } = withVpc();
    const group = new LatticeTargetGroup(stack, "Web", {
      name: "web-fleet",
      type: "INSTANCE",
      vpc,
      protocol: "HTTPS",
      healthCheck: {
        protocol: "HTTPS",
        path: "/health",
        intervalSeconds: 10,
        timeoutSeconds: 5,
        healthyThresholdCount: 3,
        unhealthyThresholdCount: 2,
        matcher: "200-299",
      },
      targets: { "web-a": LatticeTarget.instance("i-0123456789abcdef0"), "web-b": LatticeTarget.instance("i-0123456789abcdef1", 8443) },
    });
    expect(group.type).toBe("INSTANCE");
    expect(group.protocol).toBe("HTTPS");
    expect(group.protocolVersion).toBe("HTTP1");
    const json = synthJson(stack);
    const tg = Object.values(json.resource.aws_vpclattice_target_group)[0] as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(tg).toMatchObject({ name: "web-fleet", type: "INSTANCE" });
    expect(tg.config).toMatchObject({ vpc_identifier: "vpc-0123456789abcdef0", protocol: "HTTPS", port: 443, protocol_version: "HTTP1" });
    expect(tg.config.health_check).toMatchObject({
      enabled: true,
      path: "/health",
      health_check_interval_seconds: 10,
      health_check_timeout_seconds: 5,
      healthy_threshold_count: 3,
      unhealthy_threshold_count: 2,
      matcher: { value: "200-299" },
    });
    const attachments = json.resource.aws_vpclattice_target_group_attachment;
    expect(Object.keys(attachments).sort()).toEqual([expect.stringContaining("Target-web-a"), expect.stringContaining("Target-web-b")]);
    const ports = Object.values(attachments).map((a) => (a as { target: { id: string; port?: number } }).target);
    expect(ports).toEqual([{ id: "i-0123456789abcdef0" }, { id: "i-0123456789abcdef1", port: 8443 }]);
    expect(json.resource.aws_lambda_permission).toBeUndefined();
  });

  test("GRPC: an enabled health check is sent with its protocol version (HTTP1 by default), which AWS requires for GRPC groups", () => {
    const { stack, vpc } = withVpc();
    const grpc = (name: string, healthCheck: LatticeTargetGroupProps["healthCheck"]) =>
      new LatticeTargetGroup(stack, name, {
        name,
        config: LatticeTargetGroupConfig.ipAddresses({ vpc, protocol: "HTTPS", protocolVersion: "GRPC", healthCheck }),
      });
    grpc("checked", { protocol: "HTTPS", path: "/health" });
    grpc("checked-http2", { protocol: "HTTPS", path: "/health", protocolVersion: "HTTP2" });
    grpc("unchecked", { enabled: false });
    const checks = Object.fromEntries(
      Object.values(synthJson(stack).resource.aws_vpclattice_target_group).map((g) => {
        const group = g as { name: string; config: { health_check: { protocol_version?: string } } };
        return [group.name, group.config.health_check.protocol_version];
      }),
    );
    expect(checks).toEqual({ checked: "HTTP1", "checked-http2": "HTTP2", unchecked: undefined });
  });

  test("IP: EKS pods are IP targets, IPv4 by default", () => {
    const group = ipGroup({ targets: { "pod-a": LatticeTarget.eksPod("10.0.1.17", 8080) } });
    const json = synthJson(group.node.scope as TerraformStack);
    const tg = Object.values(json.resource.aws_vpclattice_target_group)[0] as { config: Record<string, unknown> };
    expect(tg.config).toMatchObject({ ip_address_type: "IPV4", port: 80, protocol: "HTTP" });
    expect(Object.values(json.resource.aws_vpclattice_target_group_attachment)[0]).toMatchObject({ target: { id: "10.0.1.17", port: 8080 } });
  });

  test("LAMBDA: event structure version set explicitly, no port, invoke permission scoped to the group", () => {
    const stack = stackWithProvider();
    const group = new LatticeTargetGroup(stack, "Fn", {
      name: "orders-fn",
      type: "LAMBDA",
      targets: { orders: LatticeTarget.lambdaFunction(FUNCTION_ARN) },
    });
    expect(group.protocol).toBeUndefined();
    const json = synthJson(stack);
    const tg = Object.values(json.resource.aws_vpclattice_target_group)[0] as { config: Record<string, unknown> };
    expect(tg.config).toEqual({ lambda_event_structure_version: "V2" });
    const permission = Object.values(json.resource.aws_lambda_permission)[0] as Record<string, unknown>;
    expect(permission).toMatchObject({
      action: "lambda:InvokeFunction",
      principal: "vpc-lattice.amazonaws.com",
      function_name: "arn:aws:lambda:us-east-1:111111111111:function:orders",
      qualifier: "live",
      statement_id_prefix: "vpc-lattice-",
    });
    expect(String(permission.source_arn)).toMatch(/^\$\{aws_vpclattice_target_group\.[A-Za-z0-9_]+\.arn\}$/);
    const [attachmentName, attachment] = Object.entries(json.resource.aws_vpclattice_target_group_attachment)[0] as [string, Record<string, unknown>];
    expect(attachmentName).toContain("Target-orders");
    expect(attachment.target).toEqual({ id: FUNCTION_ARN });
    expect(attachment.depends_on).toEqual([expect.stringMatching(/^aws_lambda_permission\./)]);
  });

  test("LAMBDA: an alias ARN only Terraform knows is split into function_name and qualifier by Terraform (a qualified function_name is replaced on every plan)", () => {
    const stack = stackWithProvider();
    const aliasArn = new TerraformVariable(stack, "alias_arn", { type: "string" }).stringValue;
    new LatticeTargetGroup(stack, "Fn", {
      name: "orders-fn",
      config: LatticeTargetGroupConfig.lambda(),
      targets: { orders: LatticeTarget.lambdaFunction(aliasArn) },
    });
    const json = synthJson(stack);
    const permission = Object.values(json.resource.aws_lambda_permission)[0] as Record<string, unknown>;
    expect(permission.function_name).toBe('${replace(var.alias_arn, "/^(.*:function:[^:]+):.+$/", "$1")}');
    expect(permission.qualifier).toBe('${(length(split(":", var.alias_arn)) > 7) ? element(split(":", var.alias_arn), 7) : null}');
    // The target itself stays the ARN as given: VPC Lattice invokes the alias.
    expect((Object.values(json.resource.aws_vpclattice_target_group_attachment)[0] as { target: unknown }).target).toEqual({
      id: "${var.alias_arn}",
    });
  });

  test("ALB: internal load balancer as the one target, no health check", () => {
    const { stack, vpc } = withVpc();
    new LatticeTargetGroup(stack, "Alb", {
      name: "internal-alb",
      type: "ALB",
      vpc,
      protocol: "HTTP",
      port: 8080,
      targets: { alb: LatticeTarget.applicationLoadBalancer(ALB_ARN) },
    });
    const json = synthJson(stack);
    expect(Object.values(json.resource.aws_vpclattice_target_group)[0]).toMatchObject({ type: "ALB", config: { port: 8080, protocol: "HTTP" } });
    expect(Object.values(json.resource.aws_vpclattice_target_group_attachment)[0]).toMatchObject({ target: { id: ALB_ARN } });
  });

  test("allowLatticeTraffic opens the targets' group to the VPC Lattice link-local range on every traffic and health-check port, once per port", () => {
    const { stack, vpc } = withVpc();
    const group = new SecurityGroup(stack, "Targets", { vpc, description: "targets" });
    const blue = new LatticeTargetGroup(stack, "Blue", { name: "blue", type: "IP", vpc, protocol: "HTTP", port: 8080, healthCheck: { port: 9090 } });
    const green = new LatticeTargetGroup(stack, "Green", {
      name: "green",
      type: "IP",
      vpc,
      protocol: "HTTP",
      port: 8080,
      targets: { odd: LatticeTarget.ipAddress("10.0.0.9", 8081) },
    });
    const dualStack = Vpc.fromVpcAttributes(stack, "DualStack", {
      vpcId: "vpc-0123456789abcdef0",
      cidrBlock: "10.0.0.0/16",
      ipv6CidrBlock: "2600:1f18:1234:5600::/56",
    });
    const v6 = new LatticeTargetGroup(stack, "V6", {
      name: "ipv6-pods",
      type: "IP",
      vpc: dualStack,
      protocol: "HTTP",
      port: 8080,
      ipAddressType: "IPV6",
    });
    LatticeTargetGroup.allowLatticeTraffic(group, blue, green, v6);
    const rules = Object.values(synthJson(stack).resource.aws_vpc_security_group_ingress_rule) as Record<string, unknown>[];
    const summary = rules.map((r) => `${r.cidr_ipv4 ?? r.cidr_ipv6} ${r.from_port}: ${r.description}`).sort();
    // Each rule names the target groups it serves.
    expect(summary).toEqual([
      "169.254.171.0/24 8080: VPC Lattice to the targets of Blue, Green",
      "169.254.171.0/24 8081: VPC Lattice to the targets of Green",
      "169.254.171.0/24 9090: VPC Lattice to the targets of Blue",
      "fd00:ec2:80::/64 8080: VPC Lattice to the targets of V6",
    ]);
  });

  test("allowLatticeTraffic declares the group it opens as the targets' security group, once, next to declared ones", () => {
    const { stack, vpc } = withVpc();
    const tasks = new SecurityGroup(stack, "Tasks", { vpc, description: "tasks" });
    const agents = new SecurityGroup(stack, "Agents", { vpc, description: "sidecar agents" });
    const group = new LatticeTargetGroup(stack, "Group", {
      name: "orders",
      type: "IP",
      vpc,
      protocol: "HTTP",
      port: 8080,
      targetSecurityGroups: [agents, tasks],
    });
    LatticeTargetGroup.allowLatticeTraffic(tasks, group);
    expect(flowNotesOf(stack).targetSecurityGroupIds).toEqual([
      expect.stringMatching(/^\$\{aws_security_group\.Agents_\w+\.id\}$/),
      expect.stringMatching(/^\$\{aws_security_group\.Tasks_\w+\.id\}$/),
    ]);
  });

  test("securityGroups open the targets' groups like allowLatticeTraffic did, with the same rule addresses; connections.addSecurityGroup and later targets open more", () => {
    const ruleAddresses = (build: (stack: TerraformStack, vpc: ReturnType<typeof Vpc.fromVpcAttributes>, group: SecurityGroup) => void) => {
      const { stack, vpc } = withVpc();
      build(stack, vpc, new SecurityGroup(stack, "Targets", { vpc, description: "targets" }));
      return Object.keys(synthJson(stack).resource.aws_vpc_security_group_ingress_rule).sort();
    };
    const deprecated = ruleAddresses((stack, vpc, group) => {
      const blue = new LatticeTargetGroup(stack, "Blue", {
        name: "blue",
        type: "IP",
        vpc,
        protocol: "HTTP",
        port: 8080,
        healthCheck: { port: 9090 },
      });
      LatticeTargetGroup.allowLatticeTraffic(group, blue);
    });
    const current = ruleAddresses((stack, vpc, group) => {
      new LatticeTargetGroup(stack, "Blue", {
        name: "blue",
        config: LatticeTargetGroupConfig.ipAddresses({ vpc, protocol: "HTTP", port: 8080, healthCheck: { port: 9090 } }),
        securityGroups: [group],
      });
    });
    expect(current).toEqual(deprecated);
    expect(current).toHaveLength(2);

    const { stack, vpc } = withVpc();
    const agents = SecurityGroup.fromSecurityGroupAttributes(stack, "Agents", {
      securityGroupId: "sg-0123456789abcdef0",
      vpcId: "vpc-0123456789abcdef0",
    });
    const group = new LatticeTargetGroup(stack, "Group", {
      name: "orders",
      config: LatticeTargetGroupConfig.ipAddresses({ vpc, protocol: "HTTP", port: 8080 }),
    });
    group.connections.addSecurityGroup(agents);
    group.addTarget("odd", LatticeTarget.ipAddress("10.0.0.9", 8081));
    const rules = Object.values(synthJson(stack).resource.aws_vpc_security_group_ingress_rule) as Record<string, unknown>[];
    // The imported group takes the rules; the later target's own port is opened too.
    expect(rules.map((r) => `${r.security_group_id} ${r.from_port}`).sort()).toEqual(["sg-0123456789abcdef0 8080", "sg-0123456789abcdef0 8081"]);
    expect(flowNotesOf(stack).targetSecurityGroupIds).toEqual(["sg-0123456789abcdef0"]);
  });

  test("targetsRegisteredBy: Terraform owns the group without attachments, and records the registrar for the flow analysis", () => {
    const { stack, vpc } = withVpc();
    new LatticeTargetGroup(stack, "Tasks", {
      name: "orders-tasks",
      type: "IP",
      vpc,
      protocol: "HTTP",
      port: 8080,
      targetsRegisteredBy: "the ECS service orders-api",
    });
    expect(synthJson(stack).resource.aws_vpclattice_target_group_attachment).toBeUndefined();
    expect(flowNotesOf(stack)).toEqual({ registeredBy: "the ECS service orders-api" });
  });

  test("imports a target group by ARN", () => {
    const group = LatticeTargetGroup.fromAttributes(stackWithProvider(), "Imported", {
      targetGroupArn: "arn:aws:vpc-lattice:us-east-1:111111111111:targetgroup/tg-0123456789abcdef0",
      type: "IP",
      protocol: "HTTPS",
      protocolVersion: "HTTP2",
    });
    expect(group.targetGroupId).toBe("tg-0123456789abcdef0");
    expect(group.protocolVersion).toBe("HTTP2");
  });

  describe("fails when", () => {
    test("the name breaks the AWS pattern or length", () => {
      expectValidationError(() => ipGroup({ name: "tg" }), "name", '"tg"');
      expectValidationError(() => ipGroup({ name: "x".repeat(129) }), "name", "x".repeat(129));
      expectValidationError(() => ipGroup({ name: "Orders" }), "name", '"Orders"');
      expectValidationError(() => ipGroup({ name: "orders--api" }), "name", '"orders--api"');
      expectValidationError(() => ipGroup({ name: "-orders" }), "name", '"-orders"');
      expectValidationError(() => ipGroup({ name: "tg-orders" }), "name", '"tg-orders"');
    });

    test.each([
      ["an ALB group has protocol TCP", { type: "ALB", protocol: "TCP" }, "protocol", '"TCP"'],
      ["a TCP group has a protocolVersion", { type: "IP", protocol: "TCP", protocolVersion: "HTTP2" }, "protocolVersion", '"HTTP2"'],
      ["a LAMBDA group has a protocolVersion", { type: "LAMBDA", protocolVersion: "HTTP1" }, "protocolVersion", '"HTTP1"'],
    ] as const)("an imported group is described as AWS never makes one: %s", (_case, attrs, prop, received) => {
      const stack = stackWithProvider();
      const targetGroupArn = "arn:aws:vpc-lattice:us-east-1:111111111111:targetgroup/tg-0123456789abcdef0";
      expectValidationError(
        () => LatticeTargetGroup.fromLatticeTargetGroupAttributes(stack, "Imported", { targetGroupArn, ...attrs }),
        prop,
        received,
      );
    });

    test("a health-check value is out of range", () => {
      expectValidationError(() => ipGroup({ healthCheck: { intervalSeconds: 4 } }), "healthCheck.intervalSeconds", "4");
      expectValidationError(() => ipGroup({ healthCheck: { intervalSeconds: 301 } }), "healthCheck.intervalSeconds", "301");
      expectValidationError(() => ipGroup({ healthCheck: { timeoutSeconds: 0 } }), "healthCheck.timeoutSeconds", "0");
      expectValidationError(() => ipGroup({ healthCheck: { timeoutSeconds: 121 } }), "healthCheck.timeoutSeconds", "121");
      expectValidationError(() => ipGroup({ healthCheck: { healthyThresholdCount: 1 } }), "healthCheck.healthyThresholdCount", "1");
      expectValidationError(() => ipGroup({ healthCheck: { unhealthyThresholdCount: 11 } }), "healthCheck.unhealthyThresholdCount", "11");
      expectValidationError(() => ipGroup({ healthCheck: { port: 70000 } }), "healthCheck.port", "70000");
      expectValidationError(() => ipGroup({ healthCheck: { path: "health" } }), "healthCheck.path", '"health"');
      expectValidationError(() => ipGroup({ healthCheck: { matcher: "OK" } }), "healthCheck.matcher", '"OK"');
    });

    test.each(["600", "099", "299-200", "200,204-700"])("a health-check matcher %s matches no HTTP response", (matcher) => {
      expectValidationError(() => ipGroup({ healthCheck: { matcher } }), "healthCheck.matcher", JSON.stringify(matcher));
    });

    test("a TCP group checks health without protocol and version", () => {
      expectValidationError(() => ipGroup({ protocol: "TCP", healthCheck: { path: "/health" } }), "healthCheck", "/health");
    });

    test("fails when an HTTPS group is health-checked on its traffic port without a protocol (AWS would check TLS targets over plain HTTP)", () => {
      const https = (healthCheck: LatticeTargetGroupHealthCheck, port?: number) => () => {
        const { stack, vpc } = withVpc();
        return new LatticeTargetGroup(stack, "G", {
          name: "orders",
          config: LatticeTargetGroupConfig.ipAddresses({ vpc, protocol: "HTTPS", port, healthCheck }),
        });
      };
      const error = expectValidationError(https({ path: "/health" }), "healthCheck.protocol", "undefined");
      expect(error.expected).toContain("plain HTTP");
      expectValidationError(https({ path: "/health", port: 8443 }, 8443), "healthCheck.protocol", "undefined");
      // Told so, or checked over HTTP on a port of its own, or not checked at all: nothing to refuse.
      expect(https({ protocol: "HTTPS", path: "/health" })).not.toThrow();
      expect(https({ path: "/health", port: 8080 }, 8443)).not.toThrow();
      expect(https({ enabled: false })).not.toThrow();
    });

    test.each([
      ["HTTP", "HTTPS", 80],
      ["HTTPS", "HTTP", 443],
    ] as const)(
      "fails when an %s group is health-checked over %s on its traffic port (every check fails: no target is ever healthy)",
      (protocol, checked, defaultPort) => {
        const group = (healthCheck: LatticeTargetGroupHealthCheck, port?: number) => () => {
          const { stack, vpc } = withVpc();
          return new LatticeTargetGroup(stack, "G", {
            name: "orders",
            config: LatticeTargetGroupConfig.ipAddresses({ vpc, protocol, port, healthCheck }),
          });
        };
        const error = expectValidationError(group({ protocol: checked, path: "/health" }), "healthCheck.protocol", `"${checked}"`);
        expect(error.expected).toContain("a health-check port of its own");
        expectValidationError(group({ protocol: checked, port: defaultPort }), "healthCheck.protocol", `"${checked}"`);
        expectValidationError(group({ protocol: checked, port: 8443 }, 8443), "healthCheck.protocol", `"${checked}"`);
        // The group's own protocol, another port (which may speak the other protocol), or no check: nothing to refuse.
        expect(group({ protocol, path: "/health" })).not.toThrow();
        expect(group({ protocol: checked, port: 9443 }, 8443)).not.toThrow();
        expect(group({ protocol: checked, enabled: false })).not.toThrow();
      },
    );

    test("a LAMBDA group is given a port, VPC, protocol or health check", () => {
      const stack = stackWithProvider();
      expectValidationError(() => new LatticeTargetGroup(stack, "A", { name: "fn-a", type: "LAMBDA", port: 443 }), "port", "443");
      expectValidationError(() => new LatticeTargetGroup(stack, "B", { name: "fn-b", type: "LAMBDA", protocol: "HTTPS" }), "protocol", '"HTTPS"');
      expectValidationError(
        () => new LatticeTargetGroup(stack, "C", { name: "fn-c", type: "LAMBDA", healthCheck: { path: "/" } }),
        "healthCheck",
        "/",
      );
    });

    test("a LAMBDA group gets a second function", () => {
      const stack = stackWithProvider();
      const group = new LatticeTargetGroup(stack, "Fn", {
        name: "orders-fn",
        type: "LAMBDA",
        targets: { one: LatticeTarget.lambdaFunction(FUNCTION_ARN) },
      });
      expectValidationError(
        () => group.addTarget("two", LatticeTarget.lambdaFunction(FUNCTION_ARN.replace("orders", "other"))),
        "targets.two",
        "function:other",
      );
    });

    test("an ALB group gets a second load balancer, or one of another account", () => {
      const { stack, vpc } = withVpc();
      const group = new LatticeTargetGroup(stack, "Alb", {
        name: "orders-alb",
        config: LatticeTargetGroupConfig.applicationLoadBalancer({ vpc, protocol: "HTTP" }),
        targets: { one: LatticeTarget.applicationLoadBalancer(ALB_ARN) },
      });
      expectValidationError(
        () => group.addTarget("two", LatticeTarget.applicationLoadBalancer(ALB_ARN.replace("internal-api", "other"))),
        "targets.two",
        "app/other",
      );
      const owned = new TerraformStack(testApp(), "owned");
      new AwsProvider(owned, "aws", { region: "us-east-1", allowedAccountIds: ["111111111111"] });
      const otherAccount = ALB_ARN.replace("111111111111", "222222222222");
      expectValidationError(
        () =>
          new LatticeTargetGroup(owned, "Alb", {
            name: "orders-alb",
            config: LatticeTargetGroupConfig.applicationLoadBalancer({
              vpc: Vpc.fromVpcAttributes(owned, "Vpc", { vpcId: "vpc-0123456789abcdef0", cidrBlock: "10.0.0.0/16" }),
              protocol: "HTTP",
            }),
            targets: { one: LatticeTarget.applicationLoadBalancer(otherAccount) },
          }),
        "targets.one.id",
        "222222222222",
      );
    });

    test("a target, its ID or a config factory's options are undefined (JavaScript callers)", () => {
      const { stack, vpc } = withVpc();
      const instances = new LatticeTargetGroup(stack, "Web", { name: "web", config: LatticeTargetGroupConfig.instances({ vpc, protocol: "HTTP" }) });
      expectValidationError(() => instances.addTarget("a", LatticeTarget.instance(undefined as never)), "targets.a.id", "undefined");
      expectValidationError(() => instances.addTarget("b", undefined as never), "targets.b", "undefined");
      const alb = new LatticeTargetGroup(stack, "Alb", {
        name: "alb",
        config: LatticeTargetGroupConfig.applicationLoadBalancer({ vpc, protocol: "HTTP" }),
      });
      expectValidationError(() => alb.addTarget("a", LatticeTarget.applicationLoadBalancer(undefined as never)), "targets.a.id", "undefined");
      const fn = new LatticeTargetGroup(stack, "Fn", { name: "fn-group", config: LatticeTargetGroupConfig.lambda() });
      expectValidationError(() => fn.addTarget("a", LatticeTarget.lambdaFunction(undefined as never)), "targets.a.id", "undefined");
      for (const config of [
        LatticeTargetGroupConfig.ipAddresses(undefined as never),
        LatticeTargetGroupConfig.instances(undefined as never),
        LatticeTargetGroupConfig.applicationLoadBalancer(undefined as never),
      ]) {
        expectValidationError(() => new LatticeTargetGroup(stackWithProvider(), "Group", { name: "orders", config }), "config", "undefined");
      }
    });

    test("a network group lacks its VPC or protocol, or mixes options that do not apply", () => {
      const { stack, vpc } = withVpc();
      expectValidationError(() => new LatticeTargetGroup(stack, "A", { name: "no-vpc", type: "IP", protocol: "HTTP" }), "vpc", "undefined");
      expectValidationError(() => new LatticeTargetGroup(stack, "B", { name: "no-proto", type: "INSTANCE", vpc }), "protocol", "undefined");
      expectValidationError(() => ipGroup({ port: 0 }), "port", "0");
      expectValidationError(() => ipGroup({ protocol: "TCP", protocolVersion: "HTTP2" }), "protocolVersion", '"HTTP2"');
      expectValidationError(
        () => new LatticeTargetGroup(stack, "C", { name: "inst", type: "INSTANCE", vpc, protocol: "HTTP", ipAddressType: "IPV6" }),
        "ipAddressType",
        '"IPV6"',
      );
      expectValidationError(
        () => new LatticeTargetGroup(stack, "D", { name: "alb", type: "ALB", vpc, protocol: "HTTP", healthCheck: { path: "/" } }),
        "healthCheck",
        "/",
      );
      expectValidationError(() => new LatticeTargetGroup(stack, "E", { name: "alb-tcp", type: "ALB", vpc, protocol: "TCP" }), "protocol", '"TCP"');
    });

    test("a target does not fit the group", () => {
      expectValidationError(() => ipGroup({ targets: { web: LatticeTarget.instance("i-0123456789abcdef0") } }), "targets.web", "INSTANCE");
      expectValidationError(() => ipGroup({ targets: { bad: LatticeTarget.ipAddress("10.0.300.1") } }), "targets.bad.id", '"10.0.300.1"');
      const { stack, vpc: ipv4Only } = withVpc();
      const dualStack = Vpc.fromVpcAttributes(stack, "DualStack", {
        vpcId: "vpc-0123456789abcdef1",
        cidrBlock: "10.1.0.0/16",
        ipv6CidrBlock: "2600:1f18:1234:5600::/56",
      });
      expectValidationError(
        () => ipGroup({ vpc: dualStack, ipAddressType: "IPV6", targets: { v4: LatticeTarget.ipAddress("10.0.0.1") } }),
        "targets.v4.id",
        '"10.0.0.1"',
      );
      expectValidationError(
        () => new LatticeTargetGroup(stack, "V6", { name: "ipv6-pods", type: "IP", vpc: ipv4Only, protocol: "HTTP", ipAddressType: "IPV6" }),
        "ipAddressType",
        '"IPV6"',
      );
      expectValidationError(() => ipGroup({ targets: { p: LatticeTarget.ipAddress("10.0.0.1", 0) } }), "targets.p.port", "0");
      expectValidationError(
        () => new LatticeTargetGroup(stack, "Fn", { name: "orders-fn", type: "LAMBDA", targets: { f: LatticeTarget.lambdaFunction("orders") } }),
        "targets.f.id",
        '"orders"',
      );
    });

    test("an enumerated value is not one AWS knows", () => {
      const { stack } = withVpc();
      expectValidationError(() => new LatticeTargetGroup(stack, "A", { name: "bad-type", type: "LAMBDA_V2" as never }), "type", '"LAMBDA_V2"');
      expectValidationError(
        () => new LatticeTargetGroup(stack, "B", { name: "bad-events", type: "LAMBDA", lambdaEventStructureVersion: "V3" as never }),
        "lambdaEventStructureVersion",
        '"V3"',
      );
      expectValidationError(() => ipGroup({ protocol: "UDP" as never }), "protocol", '"UDP"');
      expectValidationError(() => ipGroup({ protocolVersion: "HTTP3" as never }), "protocolVersion", '"HTTP3"');
      expectValidationError(() => ipGroup({ ipAddressType: "DUALSTACK" as never }), "ipAddressType", '"DUALSTACK"');
      expectValidationError(() => ipGroup({ healthCheck: { protocol: "TCP" as never } }), "healthCheck.protocol", '"TCP"');
      expectValidationError(() => ipGroup({ healthCheck: { protocolVersion: "GRPC" as never } }), "healthCheck.protocolVersion", '"GRPC"');
      expectValidationError(
        () =>
          LatticeTargetGroup.fromAttributes(stack, "Imported", {
            targetGroupArn: "arn:aws:vpc-lattice:us-east-1:111111111111:targetgroup/tg-0123456789abcdef0",
            type: "IP",
            protocol: "SCTP" as never,
          }),
        "protocol",
        '"SCTP"',
      );
    });

    test("a LAMBDA group is given a VPC, protocol version or address family", () => {
      const { stack, vpc } = withVpc();
      expectValidationError(() => new LatticeTargetGroup(stack, "A", { name: "fn-a", type: "LAMBDA", vpc }), "vpc", "a VPC");
      expectValidationError(
        () => new LatticeTargetGroup(stack, "B", { name: "fn-b", type: "LAMBDA", protocolVersion: "HTTP2" }),
        "protocolVersion",
        '"HTTP2"',
      );
      expectValidationError(
        () => new LatticeTargetGroup(stack, "C", { name: "fn-c", type: "LAMBDA", ipAddressType: "IPV4" }),
        "ipAddressType",
        '"IPV4"',
      );
    });

    test("an instance ID or load balancer ARN is malformed", () => {
      expectValidationError(() => ipGroup({ type: "INSTANCE", targets: { web: LatticeTarget.instance("web-1") } }), "targets.web.id", '"web-1"');
      const { stack, vpc } = withVpc();
      expectValidationError(
        () =>
          new LatticeTargetGroup(stack, "Alb", {
            name: "alb",
            type: "ALB",
            vpc,
            protocol: "HTTPS",
            targets: { nlb: LatticeTarget.applicationLoadBalancer(ALB_ARN.replace("/app/", "/net/")) },
          }),
        "targets.nlb.id",
        "loadbalancer/net/",
      );
    });

    test("an IP target is an address AWS reserves: at an end of the VPC's block, or in a subnet whose block is known", () => {
      const atVpcEnd = expectValidationError(() => ipGroup({ targets: { dns: LatticeTarget.ipAddress("10.0.0.2") } }), "targets.dns.id", "10.0.0.2");
      expect(atVpcEnd.expected).toContain("reserved by AWS in VPC 10.0.0.0/16: the Amazon DNS resolver");
      const stack = stackWithProvider();
      const vpc = new Vpc(stack, "App", { name: "app", cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
      const group = (address: string) => () =>
        new LatticeTargetGroup(stack, `Group-${address}`, {
          name: `orders-${address.replaceAll(".", "-")}`,
          type: "IP",
          vpc,
          protocol: "HTTP",
          targets: { pod: LatticeTarget.ipAddress(address) },
        });
      expect(expectValidationError(group("10.0.1.255"), "targets.pod.id", "10.0.1.255").expected).toContain("in subnet 10.0.1.0/24");
      expect(group("10.0.1.20")).not.toThrow();
    });

    test("two targets share a name", () => {
      const group = ipGroup({ targets: { pod: LatticeTarget.ipAddress("10.0.0.10") } });
      expectValidationError(() => group.addTarget("pod", LatticeTarget.ipAddress("10.0.0.11")), "targets", '"pod"');
    });

    test("VPC Lattice traffic is opened for a LAMBDA group", () => {
      const { stack, vpc } = withVpc();
      const fn = new LatticeTargetGroup(stack, "Fn", { name: "orders-fn", type: "LAMBDA" });
      expectValidationError(
        () => LatticeTargetGroup.allowLatticeTraffic(new SecurityGroup(stack, "Sg", { vpc, description: "x" }), fn),
        "allowLatticeTraffic",
        "LAMBDA",
      );
    });

    test("a group whose targets someone else registers is given targets, or names no registrar", () => {
      const group = ipGroup({ targetsRegisteredBy: "the ECS service orders-api" });
      expectValidationError(() => group.addTarget("task", LatticeTarget.ipAddress("10.0.0.7")), "targets.task", "10.0.0.7");
      expectValidationError(
        () => ipGroup({ targetsRegisteredBy: "the ECS service orders-api", targets: { task: LatticeTarget.ipAddress("10.0.0.7") } }),
        "targets.task",
        "10.0.0.7",
      );
      expectValidationError(() => ipGroup({ targetsRegisteredBy: " " }), "targetsRegisteredBy", '" "');
      expectValidationError(
        () => new LatticeTargetGroup(stackWithProvider(), "Fn", { name: "orders-fn", type: "LAMBDA", targetsRegisteredBy: "a pipeline" }),
        "targetsRegisteredBy",
        '"a pipeline"',
      );
    });

    test("a LAMBDA group is given security groups of its targets", () => {
      const { stack, vpc } = withVpc();
      const group = new SecurityGroup(stack, "Sg", { vpc, description: "x" });
      expectValidationError(
        () => new LatticeTargetGroup(stack, "Fn", { name: "orders-fn", type: "LAMBDA", targetSecurityGroups: [group] }),
        "targetSecurityGroups",
        "a security group",
      );
    });

    test("an imported ARN is not a target group ARN", () => {
      expectValidationError(
        () =>
          LatticeTargetGroup.fromAttributes(stackWithProvider(), "Bad", {
            targetGroupArn: "arn:aws:vpc-lattice:us-east-1:111111111111:service/svc-0123456789abcdef0",
            type: "IP",
          }),
        "targetGroupArn",
        "service/svc-",
      );
    });
  });
});

describe("the target group's region", () => {
  const vpcOf = (stack: TerraformStack, provider?: AwsProvider) =>
    new Vpc(stack, "Vpc", { name: "app", cidrBlock: "10.1.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"], provider });

  test("fails when the group's provider is of another region than its VPC (AWS looks the VPC up in the group's region)", () => {
    const stack = stackWithProvider();
    const west = new AwsProvider(stack, "west", { region: "us-west-2", alias: "west" });
    const error = expectValidationError(
      () =>
        new LatticeTargetGroup(stack, "Orders", {
          name: "orders",
          provider: west,
          config: LatticeTargetGroupConfig.ipAddresses({ vpc: vpcOf(stack), protocol: "HTTP", port: 8080 }),
        }),
      "provider",
      "west (us-west-2)",
    );
    expect(error.expected).toContain("a provider of us-east-1, the region of VPC test/Vpc");
    expect(Object.keys(synthJson(stack).resource ?? {})).not.toContain("aws_vpclattice_target_group");
  });

  test("a group in its VPC's region, or of an imported VPC without a provider, is made with the provider given", () => {
    const stack = stackWithProvider();
    const east = new AwsProvider(stack, "east", { region: "us-east-1", alias: "east" });
    const west = new AwsProvider(stack, "west", { region: "us-west-2", alias: "west" });
    new LatticeTargetGroup(stack, "Orders", {
      name: "orders",
      provider: east,
      config: LatticeTargetGroupConfig.ipAddresses({ vpc: vpcOf(stack), protocol: "HTTP", port: 8080 }),
    });
    const imported = Vpc.fromVpcAttributes(stack, "Imported", { vpcId: "vpc-0123456789abcdef0", cidrBlock: "10.9.0.0/16" });
    new LatticeTargetGroup(stack, "Reports", {
      name: "reports",
      provider: west,
      config: LatticeTargetGroupConfig.ipAddresses({ vpc: imported, protocol: "HTTP", port: 8080 }),
    });
    const groups = Object.values(synthJson(stack).resource.aws_vpclattice_target_group) as { name: string; provider: string }[];
    expect(groups.map((g) => [g.name, g.provider])).toEqual([
      ["orders", "aws.east"],
      ["reports", "aws.west"],
    ]);
  });
});

describe("misspelled props", () => {
  test("fails when a prop of LatticeTargetGroup is misspelled: securityGroup would leave the targets' groups closed to VPC Lattice", () => {
    const { stack, vpc } = withVpc();
    const props = { name: "orders", config: LatticeTargetGroupConfig.ipAddresses({ vpc, protocol: "HTTP" }), securityGroup: [] };
    const error = expectValidationError(() => new LatticeTargetGroup(stack, "Group", props as LatticeTargetGroupProps), "securityGroup", "[]");
    expect(error.constructPath).toBe("test/Group");
    expect(error.message).toContain("did you mean securityGroups?");
  });

  test("fails when an option of a config factory is misspelled", () => {
    const { stack, vpc } = withVpc();
    const healthcheck = { vpc, protocol: "HTTP", healthcheck: { path: "/health" } } as Parameters<typeof LatticeTargetGroupConfig.ipAddresses>[0];
    const make = (config: LatticeTargetGroupConfig, id = "Group") => new LatticeTargetGroup(stack, id, { name: id.toLowerCase(), config });
    const error = expectValidationError(() => make(LatticeTargetGroupConfig.ipAddresses(healthcheck)), "healthcheck", "/health");
    expect(error.message).toContain("did you mean healthCheck?");
    const lambda = { eventStructure: "V1" } as Parameters<typeof LatticeTargetGroupConfig.lambda>[0];
    expect(expectValidationError(() => make(LatticeTargetGroupConfig.lambda(lambda), "Lambda"), "eventStructure", "V1").message).toContain(
      "did you mean eventStructureVersion?",
    );
  });

  test("fails when a health-check field is misspelled: the check would run every 30 seconds instead", () => {
    const healthCheck = { intervalSecond: 10 } as LatticeTargetGroupHealthCheck;
    const error = expectValidationError(() => ipGroup({ healthCheck }), "healthCheck.intervalSecond", "10");
    expect(error.message).toContain("did you mean intervalSeconds?");
  });

  test("fails when an attribute of an imported target group is misspelled", () => {
    const attrs = {
      targetGroupArn: "arn:aws:vpc-lattice:us-east-1:111111111111:targetgroup/tg-0123456789abcdef0",
      type: "IP",
      protocolversion: "HTTP2",
    } as Parameters<typeof LatticeTargetGroup.fromLatticeTargetGroupAttributes>[2];
    const error = expectValidationError(
      () => LatticeTargetGroup.fromLatticeTargetGroupAttributes(stackWithProvider(), "Imported", attrs),
      "protocolversion",
      "HTTP2",
    );
    expect(error.message).toContain("did you mean protocolVersion?");
  });
});
