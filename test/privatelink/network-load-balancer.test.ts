import { OptOut, Port } from "../../modules/core";
import { ListenerTargets, NetworkLoadBalancer } from "../../modules/privatelink";
import { Connections, Peer, SecurityGroup, Vpc } from "../../modules/vpc";
import { expectValidationError, onlyResource, resourcesOfType, stackWithoutProvider, stackWithProvider, synthJson } from "../helpers";
import { CERTIFICATE_ARN, nlbOptions, providerVpc } from "./helpers";

const VPC_CIDR = "10.0.0.0/16";

/** Rules of one security group of the load balancer, by the group's construct ID (`SecurityGroup`, `TargetsSecurityGroup`). */
const rulesOf = (stack: Parameters<typeof resourcesOfType>[0], type: string, group: string) =>
  Object.values(resourcesOfType(stack, type)).filter((r) =>
    new RegExp(`aws_security_group\\.Nlb_${group}_\\w+\\.id`).test(String(r.security_group_id)),
  );

function nlbStack(overrides: Parameters<typeof nlbOptions>[1] = {}) {
  const stack = stackWithoutProvider();
  const vpc = providerVpc(stack);
  const nlb = new NetworkLoadBalancer(stack, "Nlb", nlbOptions(vpc, overrides));
  return { stack, vpc, nlb };
}

describe("NetworkLoadBalancer", () => {
  test("is internal, network, cross-zone, deletion-protected, in the private subnets, behind its own security group", () => {
    const { stack } = nlbStack();
    const lb = onlyResource(stack, "aws_lb");
    expect(lb).toMatchObject({
      load_balancer_type: "network",
      internal: true,
      enable_cross_zone_load_balancing: true,
      enable_deletion_protection: true,
      ip_address_type: "ipv4",
      enforce_security_group_inbound_rules_on_private_link_traffic: "on",
      security_groups: [expect.stringMatching(/^\$\{aws_security_group\.Nlb_SecurityGroup_\w+\.id\}$/)],
    });
    expect(lb.subnets).toEqual([expect.stringMatching(/Vpc_Private-us-east-1a_/), expect.stringMatching(/Vpc_Private-us-east-1b_/)]);
    expect(lb.access_logs).toBeUndefined();
    expect(Object.keys(resourcesOfType(stack, "aws_lb"))).toEqual([expect.stringMatching(/^Nlb_[0-9A-F]{8}$/)]);
  });

  test("its security group opens only the listener ports to the VPC, and only the target ports towards the targets, every rule described", () => {
    const { stack } = nlbStack();
    const ingress = rulesOf(stack, "aws_vpc_security_group_ingress_rule", "SecurityGroup");
    expect(ingress).toEqual([
      expect.objectContaining({ from_port: 443, to_port: 443, ip_protocol: "tcp", cidr_ipv4: VPC_CIDR, description: "Clients to listener 443" }),
    ]);
    const egress = Object.values(resourcesOfType(stack, "aws_vpc_security_group_egress_rule"));
    expect(egress).toEqual([
      expect.objectContaining({ from_port: 8443, to_port: 8443, cidr_ipv4: VPC_CIDR, description: "Traffic and health checks to targets on 8443" }),
    ]);
    for (const rule of [...ingress, ...egress]) expect(rule.cidr_ipv4).not.toBe("0.0.0.0/0");
  });

  test("gives the targets a security group that admits the load balancer's group on each target port, and nothing else", () => {
    const { stack, nlb } = nlbStack({
      listeners: [
        { port: 443, targets: ListenerTargets.instances({ port: 8443, instances: { api: "i-0123456789abcdef0" } }) },
        { port: 8443, targets: ListenerTargets.instances({ port: 8443, instances: { api: "i-0123456789abcdef0" } }) },
        { port: 5432, targets: ListenerTargets.ipAddresses({ port: 5432, addresses: { db: "10.0.1.10" } }) },
      ],
    });
    expect(nlb.targetsSecurityGroup.node.path).toBe("test/Nlb/TargetsSecurityGroup");
    const admitted = rulesOf(stack, "aws_vpc_security_group_ingress_rule", "TargetsSecurityGroup");
    expect(admitted.map((r) => [r.from_port, r.to_port])).toEqual([
      [5432, 5432],
      [8443, 8443],
    ]);
    for (const rule of admitted) {
      expect(rule).toMatchObject({
        ip_protocol: "tcp",
        referenced_security_group_id: expect.stringMatching(/aws_security_group\.Nlb_SecurityGroup_\w+\.id/),
      });
      expect(rule.description).toMatch(/^Traffic and health checks from the load balancer on \d+$/);
    }
    expect(rulesOf(stack, "aws_vpc_security_group_egress_rule", "TargetsSecurityGroup")).toEqual([]);
  });

  test("knows the AZ IDs it is offered in when its subnets are placed by AZ ID, and not when placed by name", () => {
    const byName = nlbStack().nlb;
    expect(byName.availabilityZoneIds).toBeUndefined();
    const stack = stackWithoutProvider();
    const vpc = new Vpc(stack, "Vpc", { name: "ids", cidrBlock: VPC_CIDR, availabilityZones: ["use1-az1", "use1-az4"] });
    expect(new NetworkLoadBalancer(stack, "Nlb", nlbOptions(vpc)).availabilityZoneIds).toEqual(["use1-az1", "use1-az4"]);
  });

  test("forwards each listener to its own TCP target group, with an attachment per named instance", () => {
    const { stack } = nlbStack();
    const group = onlyResource(stack, "aws_lb_target_group");
    expect(group).toMatchObject({ target_type: "instance", protocol: "TCP", port: 8443, health_check: { enabled: true, protocol: "TCP" } });
    const listener = onlyResource(stack, "aws_lb_listener");
    expect(listener).toMatchObject({
      port: 443,
      protocol: "TCP",
      default_action: [{ type: "forward", target_group_arn: expect.stringMatching(/aws_lb_target_group\.Nlb_Targets-443_/) }],
    });
    expect(listener.certificate_arn).toBeUndefined();
    const attachments = resourcesOfType(stack, "aws_lb_target_group_attachment");
    expect(Object.keys(attachments).sort()).toEqual([
      expect.stringMatching(/^Nlb_Target-443-api-a_/),
      expect.stringMatching(/^Nlb_Target-443-api-b_/),
    ]);
    expect(
      Object.values(attachments)
        .map((a) => a.target_id)
        .sort(),
    ).toEqual(["i-0123456789abcdef0", "i-0123456789abcdef1"]);
  });

  test("TLS listeners carry the certificate and the TLS 1.3 policy by default", () => {
    const { stack } = nlbStack({
      listeners: [
        {
          port: 6514,
          protocol: "TLS",
          certificateArn: CERTIFICATE_ARN,
          targets: ListenerTargets.instances({ port: 514, instances: { collector: "i-0123456789abcdef0" } }),
        },
      ],
    });
    expect(onlyResource(stack, "aws_lb_listener")).toMatchObject({
      port: 6514,
      protocol: "TLS",
      certificate_arn: CERTIFICATE_ARN,
      ssl_policy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
    });
  });

  test("IP targets get one egress rule per address, to the address only", () => {
    const { stack } = nlbStack({
      listeners: [{ port: 5432, targets: ListenerTargets.ipAddresses({ port: 5432, addresses: { primary: "10.0.1.10", replica: "10.0.2.10" } }) }],
    });
    expect(onlyResource(stack, "aws_lb_target_group")).toMatchObject({ target_type: "ip" });
    const egress = Object.values(resourcesOfType(stack, "aws_vpc_security_group_egress_rule"))
      .map((r) => r.cidr_ipv4)
      .sort();
    expect(egress).toEqual(["10.0.1.10/32", "10.0.2.10/32"]);
  });

  test("an internal ALB as target: target type alb over TCP, HTTP health checks, the ALB ARN attached", () => {
    const albArn = "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/app/internal-api/0123456789abcdef";
    const { stack } = nlbStack({
      listeners: [{ port: 80, targets: ListenerTargets.applicationLoadBalancer({ loadBalancerArn: albArn, port: 80 }) }],
    });
    expect(onlyResource(stack, "aws_lb_target_group")).toMatchObject({
      target_type: "alb",
      protocol: "TCP",
      port: 80,
      health_check: { protocol: "HTTP", path: "/" },
    });
    expect(onlyResource(stack, "aws_lb_target_group_attachment")).toMatchObject({ target_id: albArn, port: 80 });
  });

  test("given peers replace the VPC CIDR; PrivateLink enforcement, deletion protection and access logs are configurable", () => {
    const { stack } = nlbStack({
      ingressPeers: [Peer.cidr("10.20.0.0/16"), Peer.cidr("10.30.0.0/16")],
      enforceSecurityGroupInboundRulesOnPrivateLinkTraffic: false,
      enableDeletionProtection: false,
      accessLogs: { bucket: "nlb-logs-111111111111", prefix: "api" },
      name: "api-nlb",
    });
    expect(onlyResource(stack, "aws_lb")).toMatchObject({
      name: "api-nlb",
      enforce_security_group_inbound_rules_on_private_link_traffic: "off",
      enable_deletion_protection: false,
      access_logs: { enabled: true, bucket: "nlb-logs-111111111111", prefix: "api" },
    });
    const sources = Object.values(resourcesOfType(stack, "aws_vpc_security_group_ingress_rule"))
      .map((r) => r.cidr_ipv4)
      .sort();
    expect(sources).toEqual(["10.20.0.0/16", "10.30.0.0/16"]);
  });

  test("dualstack needs dual-stack subnets, gets them from a dual-stack VPC, and admits the VPC's IPv6 clients too", () => {
    const stack = stackWithoutProvider();
    const vpc = providerVpc(stack, "Vpc", true);
    const nlb = new NetworkLoadBalancer(stack, "Nlb", { ...nlbOptions(vpc), ipAddressType: "dualstack" });
    expect(nlb.ipAddressType).toBe("dualstack");
    expect(onlyResource(stack, "aws_lb").ip_address_type).toBe("dualstack");
    const ingress = rulesOf(stack, "aws_vpc_security_group_ingress_rule", "SecurityGroup");
    expect(ingress).toEqual([
      expect.objectContaining({ from_port: 443, cidr_ipv4: VPC_CIDR }),
      expect.objectContaining({ from_port: 443, cidr_ipv6: expect.stringMatching(/^\$\{aws_vpc\.Vpc_\w+\.ipv6_cidr_block\}$/) }),
    ]);
  });

  test("warns above the listener quota", () => {
    const stack = stackWithoutProvider();
    const vpc = providerVpc(stack);
    const listeners = Array.from({ length: 51 }, (_, i) => ({
      port: 1000 + i,
      targets: ListenerTargets.instances({ port: 1000 + i, instances: { api: "i-0123456789abcdef0" } }),
    }));
    const nlb = new NetworkLoadBalancer(stack, "Nlb", { vpc, listeners });
    expect(nlb.node.metadata.some((m) => m.type === "@cdktf/warn" && String(m.data).includes("51 listeners"))).toBe(true);
  });

  test("fromAttributes describes an existing NLB for an endpoint service", () => {
    const stack = stackWithoutProvider();
    const arn = "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/net/api/0123456789abcdef";
    const nlb = NetworkLoadBalancer.fromAttributes(stack, "Existing", {
      loadBalancerArn: arn,
      listenerPorts: [443],
      ipAddressType: "dualstack",
      availabilityZoneIds: ["use1-az1", "use1-az2"],
    });
    expect(nlb).toMatchObject({
      loadBalancerArn: arn,
      listenerPorts: [443],
      ipAddressType: "dualstack",
      availabilityZoneIds: ["use1-az1", "use1-az2"],
    });
    expect(synthJson(stack).resource).toBeUndefined();
  });

  test("TLS to the targets, PROXY protocol v2 and the health check the caller describes", () => {
    const { stack } = nlbStack({
      listeners: [
        {
          port: 443,
          protocol: "TLS",
          certificateArn: CERTIFICATE_ARN,
          sslPolicy: "ELBSecurityPolicy-TLS13-1-3-2021-06",
          targets: ListenerTargets.ipAddresses({
            port: 8443,
            protocol: "TLS",
            proxyProtocolV2: true,
            addresses: { app: "10.0.1.10" },
            healthCheck: {
              protocol: "HTTPS",
              port: 9443,
              path: "/ready",
              intervalSeconds: 10,
              timeoutSeconds: 6,
              healthyThreshold: 3,
              unhealthyThreshold: 2,
              successCodes: "200-299",
            },
          }),
        },
      ],
    });
    expect(onlyResource(stack, "aws_lb_listener")).toMatchObject({ protocol: "TLS", ssl_policy: "ELBSecurityPolicy-TLS13-1-3-2021-06" });
    expect(onlyResource(stack, "aws_lb_target_group")).toMatchObject({
      protocol: "TLS",
      proxy_protocol_v2: true,
      health_check: {
        enabled: true,
        protocol: "HTTPS",
        port: "9443",
        path: "/ready",
        interval: 10,
        timeout: 6,
        healthy_threshold: 3,
        unhealthy_threshold: 2,
        matcher: "200-299",
      },
    });
    // The health-check port is a port the load balancer reaches the targets on too: egress and the targets' ingress open it.
    expect(
      rulesOf(stack, "aws_vpc_security_group_egress_rule", "SecurityGroup")
        .map((r) => [r.from_port, r.cidr_ipv4])
        .sort(),
    ).toEqual([
      [8443, "10.0.1.10/32"],
      [9443, "10.0.1.10/32"],
    ]);
    expect(rulesOf(stack, "aws_vpc_security_group_ingress_rule", "TargetsSecurityGroup").map((r) => r.from_port)).toEqual([8443, 9443]);
  });

  test("an IP target at the first address AWS leaves to a subnet (.4) is registered", () => {
    const targets = ListenerTargets.ipAddresses({ port: 8443, addresses: { first: "10.0.0.4", last: "10.0.1.254" } });
    const { stack } = nlbStack({ listeners: [{ port: 443, targets }] });
    const ids = Object.values(resourcesOfType(stack, "aws_lb_target_group_attachment")).map((a) => a.target_id);
    expect(ids).toEqual(["10.0.0.4", "10.0.1.254"]);
  });

  test("IP targets outside the VPC, in ranges the caller declares, are registered in every zone", () => {
    const { stack } = nlbStack({
      listeners: [
        {
          port: 5432,
          targets: ListenerTargets.ipAddresses({
            port: 5432,
            addresses: { local: "10.0.1.10", onPremises: "192.168.10.5", peered: "100.64.3.4" },
            outsideVpcRanges: ["192.168.0.0/16", "100.64.0.0/16"],
          }),
        },
      ],
    });
    const attachments = Object.values(resourcesOfType(stack, "aws_lb_target_group_attachment"));
    expect(attachments.map((a) => [a.target_id, a.availability_zone]).sort()).toEqual([
      ["10.0.1.10", undefined],
      ["100.64.3.4", "all"],
      ["192.168.10.5", "all"],
    ]);
  });

  test("IPv6 targets get an IPv6 target group, on a dual-stack load balancer only (fails when the load balancer is ipv4 or the VPC has no IPv6)", () => {
    const stack = stackWithoutProvider();
    const vpc = Vpc.fromVpcAttributes(stack, "Vpc", {
      vpcId: "vpc-0123456789abcdef0",
      cidrBlock: VPC_CIDR,
      ipv6CidrBlock: "2600:1f18:aaa:bb00::/56",
      privateSubnets: [{ subnetId: "subnet-0aaaaaaaaaaaaaaaa", availabilityZone: "us-east-1a" }],
    });
    const listeners = [{ port: 443, targets: ListenerTargets.ipAddresses({ port: 443, addresses: { app: "2600:1f18:aaa:bb00::10" } }) }];
    new NetworkLoadBalancer(stack, "Nlb", { vpc, ipAddressType: "dualstack", listeners });
    expect(onlyResource(stack, "aws_lb_target_group").ip_address_type).toBe("ipv6");
    expectValidationError(
      () => new NetworkLoadBalancer(stack, "Ipv4Nlb", { vpc, listeners }),
      "listeners[0].targets.addresses",
      "2600:1f18:aaa:bb00::10",
    );
    const ipv4Only = providerVpc(stack, "Ipv4Vpc");
    expectValidationError(
      () => new NetworkLoadBalancer(stack, "NoIpv6", { vpc: ipv4Only, listeners }),
      "listeners[0].targets.addresses.app",
      '"2600:1f18:aaa:bb00::10"',
    );
  });

  test("targets an Auto Scaling group registers leave the group empty, with the reason recorded", () => {
    const stack = stackWithoutProvider();
    const vpc = providerVpc(stack);
    const nlb = new NetworkLoadBalancer(stack, "Nlb", {
      vpc,
      listeners: [
        {
          port: 443,
          targets: ListenerTargets.registeredElsewhere({
            port: 8443,
            targetType: "instance",
            registeredBy: OptOut.because("the Auto Scaling group api-asg registers its instances"),
          }),
        },
      ],
    });
    expect(resourcesOfType(stack, "aws_lb_target_group_attachment")).toEqual({});
    expect(nlb.listenerPorts).toEqual([443]);
    const group = Object.values(JSON.parse(JSON.stringify(stack.toTerraform())).resource.aws_lb_target_group)[0] as Record<
      string,
      Record<string, unknown>
    >;
    expect(group["//"].opt_outs).toEqual({ registeredBy: "the Auto Scaling group api-asg registers its instances" });
  });

  test("clients with connections are admitted by group, and get the egress to the load balancer; more clients later through connections", () => {
    const stack = stackWithoutProvider();
    const vpc = providerVpc(stack);
    const callers = new SecurityGroup(stack, "Callers", { vpc, description: "API callers" });
    const nlb = new NetworkLoadBalancer(stack, "Nlb", nlbOptions(vpc, { clients: [new Connections(callers, { securityGroups: [callers] })] }));
    nlb.connections.allowFrom(Peer.cidr("10.99.0.0/16"), Port.tcp(443), "Partner clients to listener 443");
    const ingress = rulesOf(stack, "aws_vpc_security_group_ingress_rule", "SecurityGroup");
    expect(ingress.map((r) => [r.referenced_security_group_id ?? r.cidr_ipv4, r.description]).sort((a, b) => a[1].localeCompare(b[1]))).toEqual([
      [expect.stringMatching(/aws_security_group\.Callers_/), "Clients to listener 443"],
      ["10.99.0.0/16", "Partner clients to listener 443"],
    ]);
    const egress = Object.values(resourcesOfType(stack, "aws_vpc_security_group_egress_rule")).filter((r) =>
      String(r.security_group_id).includes("Callers"),
    );
    expect(egress).toEqual([
      expect.objectContaining({ from_port: 443, referenced_security_group_id: expect.stringMatching(/aws_security_group\.Nlb_SecurityGroup_/) }),
    ]);
    expect(nlb.connections.defaultPort).toEqual(Port.tcp(443));
    expect(nlb.targetsConnections.securityGroups).toEqual([nlb.targetsSecurityGroup]);
  });

  test("an imported load balancer's name is read from its ARN", () => {
    const stack = stackWithoutProvider();
    const arn = "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/net/orders-api/0123456789abcdef";
    expect(
      NetworkLoadBalancer.fromNetworkLoadBalancerAttributes(stack, "Existing", { loadBalancerArn: arn, listenerPorts: [443] }).loadBalancerName,
    ).toBe("orders-api");
  });

  describe("fails when", () => {
    const instances = ListenerTargets.instances({ port: 8443, instances: { a: "i-0123456789abcdef0" } });

    test("a health-check port is no port number (a JavaScript caller's string), refused at the listener that gives it", () => {
      const targets = ListenerTargets.instances({
        port: 8443,
        instances: { a: "i-0123456789abcdef0" },
        healthCheck: { port: "80" as unknown as number },
      });
      expectValidationError(() => nlbStack({ listeners: [{ port: 443, targets }] }), "listeners[0].targets.healthCheck.port", '"80"');
      const valid = ListenerTargets.instances({ port: 8443, instances: { a: "i-0123456789abcdef0" }, healthCheck: { port: 80 } });
      nlbStack({ listeners: [{ port: 443, targets: valid }] });
    });

    test("the VPC is an ID, or has no private subnets and no subnets are given: never a TypeError", () => {
      const stack = stackWithoutProvider();
      const listeners = [{ port: 443, targets: instances }];
      expectValidationError(
        () => new NetworkLoadBalancer(stack, "ById", { vpc: "vpc-0123456789abcdef0" as unknown as Vpc, listeners }),
        "vpc",
        '"vpc-0123456789abcdef0"',
      );
      const bare = { vpcId: "vpc-0123456789abcdef0", cidrBlock: VPC_CIDR } as unknown as Vpc;
      expectValidationError(() => new NetworkLoadBalancer(stack, "NoSubnets", { vpc: bare, listeners }), "vpc.privateSubnets", "[]");
      const imported = Vpc.fromVpcAttributes(stack, "Imported", { vpcId: "vpc-0123456789abcdef0", cidrBlock: VPC_CIDR });
      const none = expectValidationError(
        () => new NetworkLoadBalancer(stack, "OnImported", { vpc: imported, listeners }),
        "vpc.privateSubnets",
        "[]",
      );
      expect(none.expected).toContain("this VPC lists no subnets");
    });

    test.each([0, 65536, 1.5])("a listener port is outside 1-65535 (%p)", (port) => {
      expectValidationError(() => nlbStack({ listeners: [{ port, targets: instances }] }), "listeners[0].port", String(port));
    });

    test("a target port is outside 1-65535", () => {
      const targets = ListenerTargets.instances({ port: 70000, instances: {} });
      expectValidationError(() => nlbStack({ listeners: [{ port: 443, targets }] }), "listeners[0].targets.port", "70000");
    });

    test("two listeners share a port", () => {
      expectValidationError(
        () =>
          nlbStack({
            listeners: [
              { port: 443, targets: instances },
              { port: 443, targets: instances },
            ],
          }),
        "listeners[].port",
        "443",
      );
    });

    test("there is no listener", () => {
      expectValidationError(() => nlbStack({ listeners: [] }), "listeners", "[]");
    });

    test("a TLS listener has no certificate", () => {
      expectValidationError(
        () => nlbStack({ listeners: [{ port: 443, protocol: "TLS", targets: instances }] }),
        "listeners[0].certificateArn",
        "undefined",
      );
    });

    test("a TCP listener is given a certificate it would ignore", () => {
      expectValidationError(
        () => nlbStack({ listeners: [{ port: 443, certificateArn: CERTIFICATE_ARN, targets: instances }] }),
        "listeners[0].protocol",
        '"TCP"',
      );
    });

    test("the certificate is not a certificate ARN", () => {
      expectValidationError(
        () => nlbStack({ listeners: [{ port: 443, protocol: "TLS", certificateArn: "my-cert", targets: instances }] }),
        "listeners[0].certificateArn",
        '"my-cert"',
      );
    });

    test("the protocol is not one PrivateLink carries", () => {
      expectValidationError(
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        () => nlbStack({ listeners: [{ port: 53, protocol: "UDP" as any, targets: instances }] }),
        "listeners[0].protocol",
        '"UDP"',
      );
    });

    test("a TLS listener forwards to an ALB", () => {
      const targets = ListenerTargets.applicationLoadBalancer({
        loadBalancerArn: "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/app/a/0123456789abcdef",
        port: 443,
      });
      expectValidationError(
        () => nlbStack({ listeners: [{ port: 443, protocol: "TLS", certificateArn: CERTIFICATE_ARN, targets }] }),
        "listeners[0].protocol",
        '"TLS"',
      );
    });

    test("an IP target is not an IP address", () => {
      const targets = ListenerTargets.ipAddresses({ port: 443, addresses: { db: "db.internal" } });
      expectValidationError(() => nlbStack({ listeners: [{ port: 443, targets }] }), "listeners[0].targets.addresses.db", '"db.internal"');
    });

    test("the name is not a valid load balancer name", () => {
      expectValidationError(() => nlbStack({ name: "internal-api" }), "name", '"internal-api"');
    });

    test("an ingress peer is the whole internet", () => {
      expectValidationError(() => nlbStack({ ingressPeers: [Peer.cidr("0.0.0.0/0")] }), "ingressPeers[0]", '"0.0.0.0/0"');
      expectValidationError(() => nlbStack({ clients: [Peer.cidr("0.0.0.0/0")] }), "clients[0]", '"0.0.0.0/0"');
    });

    test.each([
      "ELBSecurityPolicy-2016-08",
      "ELBSecurityPolicy-TLS13-1-0-2021-06",
      "ELBSecurityPolicy-TLS-1-1-2017-01",
      "ELBSecurityPolicy-FS-2018-06",
    ])("a TLS policy accepts TLS below 1.2 (%p)", (sslPolicy) => {
      const error = expectValidationError(
        () => nlbStack({ listeners: [{ port: 443, protocol: "TLS", certificateArn: CERTIFICATE_ARN, sslPolicy, targets: instances }] }),
        "listeners[0].sslPolicy",
        sslPolicy,
      );
      expect(error.expected).toMatch(/lowest TLS version is 1\.2/);
    });

    test("a TLS policy name is unknown", () => {
      expectValidationError(
        () =>
          nlbStack({
            listeners: [{ port: 443, protocol: "TLS", certificateArn: CERTIFICATE_ARN, sslPolicy: "ELBSecurityPolicy-Strong", targets: instances }],
          }),
        "listeners[0].sslPolicy",
        '"ELBSecurityPolicy-Strong"',
      );
    });

    test.each([
      ["another region", "arn:aws:acm:eu-west-1:111111111111:certificate/0f6a3a4c-1111-2222-3333-444455556666"],
      ["another partition", "arn:aws-cn:acm:us-east-1:111111111111:certificate/0f6a3a4c-1111-2222-3333-444455556666"],
      ["no certificate at all", "arn:aws:acm:us-east-1:111111111111:certificate-authority/0f6a3a4c-1111-2222-3333-444455556666"],
    ])("the certificate is in %s than the load balancer (a stack in us-east-1)", (_what, certificateArn) => {
      const build = () => {
        const stack = stackWithProvider();
        new NetworkLoadBalancer(
          stack,
          "Nlb",
          nlbOptions(providerVpc(stack), { listeners: [{ port: 443, protocol: "TLS", certificateArn, targets: instances }] }),
        );
      };
      expectValidationError(build, "listeners[0].certificateArn", certificateArn);
    });

    test("TLS to the targets behind a TCP listener", () => {
      const targets = ListenerTargets.instances({ port: 8443, protocol: "TLS", instances: { a: "i-0123456789abcdef0" } });
      expectValidationError(() => nlbStack({ listeners: [{ port: 443, targets }] }), "listeners[0].targets.protocol", '"TLS"');
    });

    test("PROXY protocol v2 towards an Application Load Balancer", () => {
      const targets = ListenerTargets.applicationLoadBalancer({
        loadBalancerArn: "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/app/a/0123456789abcdef",
        port: 443,
      });
      (targets.options as { proxyProtocolV2?: boolean }).proxyProtocolV2 = true;
      expectValidationError(() => nlbStack({ listeners: [{ port: 443, targets }] }), "listeners[0].targets.proxyProtocolV2", "true");
    });

    test("an Application Load Balancer target is health-checked over TCP (AWS checks ALB targets over HTTP or HTTPS only)", () => {
      const loadBalancerArn = "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/app/a/0123456789abcdef";
      const listen = (targets: ListenerTargets) => () => nlbStack({ listeners: [{ port: 443, targets }] });
      const tcp = ListenerTargets.applicationLoadBalancer({ loadBalancerArn, port: 443, healthCheck: { protocol: "TCP" } });
      expectValidationError(listen(tcp), "listeners[0].targets.healthCheck.protocol", '"TCP"');
      const deprecated = ListenerTargets.applicationLoadBalancer({ loadBalancerArn, port: 443, healthCheckProtocol: "TCP" as "HTTP" });
      expectValidationError(listen(deprecated), "listeners[0].targets.healthCheck.protocol", '"TCP"');
    });

    test("an Application Load Balancer target has a deprecated health check prop beside healthCheck, which would ignore it", () => {
      const loadBalancerArn = "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/app/a/0123456789abcdef";
      const targets = ListenerTargets.applicationLoadBalancer({ loadBalancerArn, port: 443, healthCheckPath: "/old", healthCheck: { path: "/new" } });
      expectValidationError(() => nlbStack({ listeners: [{ port: 443, targets }] }), "listeners[0].targets.healthCheckPath", '"/old"');
    });

    test("an Application Load Balancer target is another kind of load balancer", () => {
      const arn = "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/net/a/0123456789abcdef";
      expectValidationError(
        () => nlbStack({ listeners: [{ port: 443, targets: ListenerTargets.applicationLoadBalancer({ loadBalancerArn: arn, port: 443 }) }] }),
        "listeners[0].targets.loadBalancerArn",
        arn,
      );
    });

    test.each([
      ["a public address", "8.8.8.8"],
      ["loopback", "127.0.0.1"],
      ["link-local", "169.254.169.254"],
      ["outside the VPC without a declared range", "10.1.0.5"],
    ])("an IP target is %s", (_what, address) => {
      const targets = ListenerTargets.ipAddresses({ port: 443, addresses: { app: address } });
      expectValidationError(() => nlbStack({ listeners: [{ port: 443, targets }] }), "listeners[0].targets.addresses.app", address);
    });

    test.each([
      ["the VPC's network address", "10.0.0.0", "VPC 10.0.0.0/16: the network address"],
      ["the Amazon DNS resolver", "10.0.0.2", "VPC 10.0.0.0/16: the Amazon DNS resolver"],
      ["reserved by AWS in its subnet", "10.0.1.3", "subnet 10.0.1.0/24"],
      ["its subnet's broadcast address", "10.0.1.255", "subnet 10.0.1.0/24"],
    ])("an IP target is %s (AWS refuses to register it, and nothing listens there)", (_what, address, where) => {
      const targets = ListenerTargets.ipAddresses({ port: 443, addresses: { app: address } });
      const error = expectValidationError(
        () => nlbStack({ listeners: [{ port: 443, targets }] }),
        "listeners[0].targets.addresses.app",
        `"${address}"`,
      );
      expect(error.expected).toContain(`is reserved by AWS in ${where}`);
    });

    test("an IP target is in a subnet of a zone the load balancer has no subnet in (AWS leaves it unused, cross-zone or not); a target of its zones is registered", () => {
      const stack = stackWithoutProvider();
      const vpc = new Vpc(stack, "Vpc", { name: "vpc", cidrBlock: VPC_CIDR, availabilityZones: ["use1-az1", "use1-az2", "use1-az3"] });
      const placed = { vpc, subnets: vpc.privateSubnets.slice(0, 2) };
      const stray = ListenerTargets.ipAddresses({ port: 8443, addresses: { a: "10.0.0.10", c: "10.0.2.10" } });
      const error = expectValidationError(
        () => new NetworkLoadBalancer(stack, "Nlb", { ...placed, listeners: [{ port: 443, targets: stray }] }),
        "listeners[0].targets.addresses.c",
        '"10.0.2.10"',
      );
      expect(error.expected).toContain("it is in subnet 10.0.2.0/24 of use1-az3, where the load balancer has no node");
      expect(error.expected).toContain("(use1-az1, use1-az2)");
      // The same targets behind a load balancer in every zone, and targets of its own zones behind the two-zone one.
      new NetworkLoadBalancer(stack, "Everywhere", { vpc, listeners: [{ port: 443, targets: stray }] });
      const own = ListenerTargets.ipAddresses({ port: 8443, addresses: { a: "10.0.0.10", b: "10.0.1.10" } });
      new NetworkLoadBalancer(stack, "TwoZones", { ...placed, listeners: [{ port: 443, targets: own }] });
      expect(Object.keys(resourcesOfType(stack, "aws_lb_target_group_attachment"))).toHaveLength(4);
    });

    test("an IP target of a zone named like none of the load balancer's subnets, by AZ name; addresses outside every known subnet are not judged", () => {
      const stack = stackWithoutProvider();
      const vpc = Vpc.fromVpcAttributes(stack, "Vpc", {
        vpcId: "vpc-0123456789abcdef0",
        cidrBlock: VPC_CIDR,
        privateSubnets: [
          { subnetId: "subnet-0aaaaaaaaaaaaaaa1", availabilityZone: "us-east-1a", cidrBlock: "10.0.0.0/24" },
          { subnetId: "subnet-0aaaaaaaaaaaaaaa2", availabilityZone: "us-east-1b", cidrBlock: "10.0.1.0/24" },
          { subnetId: "subnet-0aaaaaaaaaaaaaaa3", availabilityZone: "us-east-1c", cidrBlock: "10.0.2.0/24" },
        ],
      });
      const subnets = vpc.privateSubnets.slice(0, 2);
      expectValidationError(
        () =>
          new NetworkLoadBalancer(stack, "Nlb", {
            vpc,
            subnets,
            listeners: [{ port: 443, targets: ListenerTargets.ipAddresses({ port: 8443, addresses: { c: "10.0.2.10" } }) }],
          }),
        "listeners[0].targets.addresses.c",
        '"10.0.2.10"',
      );
      // 10.0.9.10 is in the VPC but in no subnet this configuration knows: its zone is unknown.
      new NetworkLoadBalancer(stack, "Unknown", {
        vpc,
        subnets,
        listeners: [{ port: 443, targets: ListenerTargets.ipAddresses({ port: 8443, addresses: { x: "10.0.9.10" } }) }],
      });
      expect(Object.keys(resourcesOfType(stack, "aws_lb_target_group_attachment"))).toHaveLength(1);
    });

    test.each([
      ["TLS targets (re-encrypted) are checked over plain HTTP on their traffic port", "TLS", "HTTP", "HTTPS or TCP: the targets speak TLS on 8443"],
      [
        "TCP targets behind a TLS listener (decrypted) are checked over HTTPS on their traffic port",
        "TCP",
        "HTTPS",
        "HTTP or TCP: the TLS listener decrypts",
      ],
    ] as const)("%s: every target reports unhealthy while it serves", (_what, protocol, checkProtocol, expected) => {
      const targets = ListenerTargets.ipAddresses({
        port: 8443,
        protocol,
        healthCheck: { protocol: checkProtocol, path: "/healthz" },
        addresses: { app: "10.0.0.10" },
      });
      const error = expectValidationError(
        () => nlbStack({ listeners: [{ port: 443, protocol: "TLS", certificateArn: CERTIFICATE_ARN, targets }] }),
        "listeners[0].targets.healthCheck.protocol",
        `"${checkProtocol}"`,
      );
      expect(error.expected).toContain(expected);
    });

    test("a health check that speaks the targets' protocol, or goes to a port of its own, or is behind a TCP listener (TLS passed through), passes", () => {
      const tls = { port: 443, protocol: "TLS" as const, certificateArn: CERTIFICATE_ARN };
      const stack = stackWithoutProvider();
      const vpc = providerVpc(stack);
      const target = (protocol: "TCP" | "TLS", healthCheck: object) =>
        ListenerTargets.ipAddresses({ port: 8443, protocol, healthCheck, addresses: { app: "10.0.0.10" } });
      new NetworkLoadBalancer(stack, "Https", nlbOptions(vpc, { listeners: [{ ...tls, targets: target("TLS", { protocol: "HTTPS" }) }] }));
      new NetworkLoadBalancer(stack, "Http", nlbOptions(vpc, { listeners: [{ ...tls, targets: target("TCP", { protocol: "HTTP" }) }] }));
      new NetworkLoadBalancer(
        stack,
        "OwnPort",
        nlbOptions(vpc, { listeners: [{ ...tls, targets: target("TLS", { protocol: "HTTP", port: 8080 }) }] }),
      );
      new NetworkLoadBalancer(stack, "Passthrough", nlbOptions(vpc, { listeners: [{ port: 443, targets: target("TCP", { protocol: "HTTPS" }) }] }));
      expect(
        Object.values(resourcesOfType(stack, "aws_lb_target_group"))
          .map((g) => g.health_check.protocol)
          .sort(),
      ).toEqual(["HTTP", "HTTP", "HTTPS", "HTTPS"]);
    });

    test("its subnets are subnet IDs (the load balancer rendered without subnets), where subnet objects are placed", () => {
      const ids = ["subnet-0aaaaaaaaaaaaaaa1", "subnet-0aaaaaaaaaaaaaaa2"] as unknown as Vpc["privateSubnets"];
      const error = expectValidationError(() => nlbStack({ subnets: ids }), "subnets[0]", '"subnet-0aaaaaaaaaaaaaaa1"');
      expect(error.expected).toContain("a subnet object, such as vpc.selectSubnets()[0] (not a subnet ID");
      const stack = stackWithoutProvider();
      const vpc = providerVpc(stack);
      new NetworkLoadBalancer(stack, "Nlb", nlbOptions(vpc, { subnets: vpc.selectSubnets() }));
      expect(onlyResource(stack, "aws_lb").subnets).toEqual([
        expect.stringMatching(/Vpc_Private-us-east-1a_/),
        expect.stringMatching(/Vpc_Private-us-east-1b_/),
      ]);
    });

    test("a declared outside range is public space", () => {
      const targets = ListenerTargets.ipAddresses({ port: 443, addresses: { app: "10.0.1.5" }, outsideVpcRanges: ["203.0.113.0/24"] });
      expectValidationError(() => nlbStack({ listeners: [{ port: 443, targets }] }), "listeners[0].targets.outsideVpcRanges[0]", '"203.0.113.0/24"');
    });

    test("one target group mixes IPv4 and IPv6 targets", () => {
      const stack = stackWithoutProvider();
      const vpc = Vpc.fromVpcAttributes(stack, "Vpc", {
        vpcId: "vpc-0123456789abcdef0",
        cidrBlock: VPC_CIDR,
        ipv6CidrBlock: "2600:1f18:aaa:bb00::/56",
        privateSubnets: [{ subnetId: "subnet-0aaaaaaaaaaaaaaaa" }],
      });
      const targets = ListenerTargets.ipAddresses({ port: 443, addresses: { v4: "10.0.1.5", v6: "2600:1f18:aaa:bb00::10" } });
      expectValidationError(
        () => new NetworkLoadBalancer(stack, "Nlb", { vpc, listeners: [{ port: 443, targets }] }),
        "listeners[0].targets.addresses",
        "v6",
      );
    });

    test("the same target is registered under two names", () => {
      const targets = ListenerTargets.instances({ port: 8443, instances: { "api-a": "i-0123456789abcdef0", "api-primary": "i-0123456789abcdef0" } });
      const error = expectValidationError(
        () => nlbStack({ listeners: [{ port: 443, targets }] }),
        "listeners[0].targets.instances.api-primary",
        "i-0123456789abcdef0",
      );
      expect(error.expected).toContain("listeners[0].targets.instances.api-a");
    });

    test("the same IP address is written two ways", () => {
      const stack = stackWithoutProvider();
      const vpc = Vpc.fromVpcAttributes(stack, "Vpc", {
        vpcId: "vpc-0123456789abcdef0",
        cidrBlock: VPC_CIDR,
        ipv6CidrBlock: "2600:1f18:aaa:bb00::/56",
        privateSubnets: [{ subnetId: "subnet-0aaaaaaaaaaaaaaaa" }],
      });
      const targets = ListenerTargets.ipAddresses({ port: 443, addresses: { a: "2600:1f18:aaa:bb00::10", b: "2600:1f18:aaa:bb00:0:0:0:10" } });
      expectValidationError(
        () => new NetworkLoadBalancer(stack, "Nlb", { vpc, listeners: [{ port: 443, targets }] }),
        "listeners[0].targets.addresses.b",
        "2600:1f18:aaa:bb00:0:0:0:10",
      );
    });

    test("an instance target is not an instance ID", () => {
      const targets = ListenerTargets.instances({ port: 8443, instances: { api: "10.0.1.10" } });
      expectValidationError(() => nlbStack({ listeners: [{ port: 443, targets }] }), "listeners[0].targets.instances.api", '"10.0.1.10"');
    });

    test("a listener has no target", () => {
      expectValidationError(
        () => nlbStack({ listeners: [{ port: 443, targets: ListenerTargets.instances({ port: 8443, instances: {} }) }] }),
        "listeners[0].targets.instances",
        "{}",
      );
    });

    test("targets are not made by ListenerTargets (a JavaScript caller)", () => {
      expectValidationError(
        () => nlbStack({ listeners: [{ port: 443, targets: { port: 8443 } as never }] }),
        "listeners[0].targets",
        '{"port":8443}',
      );
    });

    test("instances are a single ID rather than names to IDs (a JavaScript caller)", () => {
      const targets = ListenerTargets.instances({ port: 8443, instances: "i-0123456789abcdef0" as never });
      expectValidationError(() => nlbStack({ listeners: [{ port: 443, targets }] }), "listeners[0].targets.instances", '"i-0123456789abcdef0"');
    });

    test("listeners are one object rather than a list (a JavaScript caller)", () => {
      expectValidationError(() => nlbStack({ listeners: { port: 443, targets: instances } as never }), "listeners", /port/);
    });

    test.each([
      [{ intervalSeconds: 4 }, "intervalSeconds", "4"],
      [{ timeoutSeconds: 30, intervalSeconds: 10 }, "timeoutSeconds", "30"],
      [{ healthyThreshold: 11 }, "healthyThreshold", "11"],
      [{ path: "/ready" }, "protocol", '"TCP"'],
      [{ protocol: "HTTP" as const, path: "ready" }, "path", '"ready"'],
      [{ protocol: "HTTP" as const, successCodes: "OK" }, "successCodes", '"OK"'],
      [{ protocol: "UDP" as never }, "protocol", '"UDP"'],
    ])("a health check is out of range (%p)", (healthCheck, field, received) => {
      const targets = ListenerTargets.instances({ port: 8443, instances: { a: "i-0123456789abcdef0" }, healthCheck });
      expectValidationError(() => nlbStack({ listeners: [{ port: 443, targets }] }), `listeners[0].targets.healthCheck.${field}`, received);
    });

    test("a client list is empty (nobody could reach the listeners)", () => {
      expectValidationError(() => nlbStack({ clients: [] }), "clients", "[]");
    });

    test("clients and the deprecated ingressPeers are both given", () => {
      expectValidationError(
        () => nlbStack({ clients: [Peer.cidr("10.1.0.0/16")], ingressPeers: [Peer.cidr("10.2.0.0/16")] }),
        "clients",
        '"clients and ingressPeers"',
      );
    });

    test("a client is neither a peer nor something with connections", () => {
      expectValidationError(() => nlbStack({ clients: ["10.1.0.0/16" as never] }), "clients[0]", '"10.1.0.0/16"');
    });

    test("the access-log bucket is given by ARN", () => {
      expectValidationError(() => nlbStack({ accessLogs: { bucket: "arn:aws:s3:::nlb-logs" } }), "accessLogs.bucket", '"arn:aws:s3:::nlb-logs"');
    });

    test("the access-log bucket's name is one S3 refuses (a reserved prefix or suffix, an IP address)", () => {
      for (const bucket of ["xn--nlb-logs", "nlb-logs-s3alias", "10.0.0.1"]) {
        const error = expectValidationError(() => nlbStack({ accessLogs: { bucket } }), "accessLogs.bucket", JSON.stringify(bucket));
        expect(error.expected).toContain("reserved prefix");
      }
    });

    test("deletion protection is a string (a JavaScript caller)", () => {
      expectValidationError(() => nlbStack({ enableDeletionProtection: "false" as never }), "enableDeletionProtection", '"false"');
    });

    test("dualstack is asked for on IPv4-only subnets", () => {
      expectValidationError(() => nlbStack({ ipAddressType: "dualstack" }), "subnets[0].ipAddressType", '"ipv4"');
    });

    test("a subnet is another VPC's (AWS refuses it)", () => {
      const stack = stackWithoutProvider();
      const vpc = providerVpc(stack);
      const other = providerVpc(stack, "Other");
      expectValidationError(
        () => new NetworkLoadBalancer(stack, "Nlb", nlbOptions(vpc, { subnets: other.privateSubnets })),
        "subnets[0]",
        "<reference known at apply>",
      );
    });

    test("two subnets share an availability zone", () => {
      const stack = stackWithoutProvider();
      const vpc = providerVpc(stack);
      const subnets = [vpc.privateSubnets[0], vpc.privateSubnets[0]];
      expectValidationError(() => new NetworkLoadBalancer(stack, "Nlb", { ...nlbOptions(vpc), subnets }), "subnets", '"us-east-1a"');
    });

    test("an imported load balancer ARN is not a Network Load Balancer's", () => {
      const stack = stackWithoutProvider();
      const arn = "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/gwy/inspect/0123456789abcdef";
      expectValidationError(
        () => NetworkLoadBalancer.fromAttributes(stack, "Existing", { loadBalancerArn: arn, listenerPorts: [443] }),
        "loadBalancerArn",
        arn,
      );
    });

    test("an imported load balancer's zone is an AZ name, not an AZ ID", () => {
      const stack = stackWithoutProvider();
      const arn = "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/net/api/0123456789abcdef";
      expectValidationError(
        () =>
          NetworkLoadBalancer.fromAttributes(stack, "Existing", { loadBalancerArn: arn, listenerPorts: [443], availabilityZoneIds: ["us-east-1a"] }),
        "availabilityZoneIds[0]",
        '"us-east-1a"',
      );
    });

    test("an imported load balancer has no listener port", () => {
      const stack = stackWithoutProvider();
      const arn = "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/net/api/0123456789abcdef";
      expectValidationError(
        () => NetworkLoadBalancer.fromAttributes(stack, "Existing", { loadBalancerArn: arn, listenerPorts: [] }),
        "listenerPorts",
        "[]",
      );
    });
  });
});
