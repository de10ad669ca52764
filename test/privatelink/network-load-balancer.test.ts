import { ListenerTargets, NetworkLoadBalancer } from "../../modules/privatelink";
import { Peer, Vpc } from "../../modules/vpc";
import { expectValidationError, onlyResource, resourcesOfType, stackWithoutProvider, synthJson } from "../helpers";
import { CERTIFICATE_ARN, nlbOptions, providerVpc } from "./helpers";

const VPC_CIDR = "10.0.0.0/16";

/** Rules of one security group of the load balancer, by the group's construct ID (`SecurityGroup`, `TargetsSecurityGroup`). */
const rulesOf = (stack: Parameters<typeof resourcesOfType>[0], type: string, group: string) =>
  Object.values(resourcesOfType(stack, type)).filter((r) => new RegExp(`aws_security_group\\.Nlb_${group}_\\w+\\.id`).test(String(r.security_group_id)));

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
    expect(ingress).toEqual([expect.objectContaining({ from_port: 443, to_port: 443, ip_protocol: "tcp", cidr_ipv4: VPC_CIDR, description: "Clients to listener 443" })]);
    const egress = Object.values(resourcesOfType(stack, "aws_vpc_security_group_egress_rule"));
    expect(egress).toEqual([expect.objectContaining({ from_port: 8443, to_port: 8443, cidr_ipv4: VPC_CIDR, description: "Traffic and health checks to targets on 8443" })]);
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
      expect(rule).toMatchObject({ ip_protocol: "tcp", referenced_security_group_id: expect.stringMatching(/aws_security_group\.Nlb_SecurityGroup_\w+\.id/) });
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
    expect(listener).toMatchObject({ port: 443, protocol: "TCP", default_action: [{ type: "forward", target_group_arn: expect.stringMatching(/aws_lb_target_group\.Nlb_Targets-443_/) }] });
    expect(listener.certificate_arn).toBeUndefined();
    const attachments = resourcesOfType(stack, "aws_lb_target_group_attachment");
    expect(Object.keys(attachments).sort()).toEqual([expect.stringMatching(/^Nlb_Target-443-api-a_/), expect.stringMatching(/^Nlb_Target-443-api-b_/)]);
    expect(Object.values(attachments).map((a) => a.target_id).sort()).toEqual(["i-0123456789abcdef0", "i-0123456789abcdef1"]);
  });

  test("TLS listeners carry the certificate and the TLS 1.3 policy by default", () => {
    const { stack } = nlbStack({
      listeners: [{ port: 6514, protocol: "TLS", certificateArn: CERTIFICATE_ARN, targets: ListenerTargets.instances({ port: 514, instances: { collector: "i-0123456789abcdef0" } }) }],
    });
    expect(onlyResource(stack, "aws_lb_listener")).toMatchObject({ port: 6514, protocol: "TLS", certificate_arn: CERTIFICATE_ARN, ssl_policy: "ELBSecurityPolicy-TLS13-1-2-2021-06" });
  });

  test("IP targets get one egress rule per address, to the address only", () => {
    const { stack } = nlbStack({
      listeners: [{ port: 5432, targets: ListenerTargets.ipAddresses({ port: 5432, addresses: { primary: "10.0.1.10", replica: "10.0.2.10" } }) }],
    });
    expect(onlyResource(stack, "aws_lb_target_group")).toMatchObject({ target_type: "ip" });
    const egress = Object.values(resourcesOfType(stack, "aws_vpc_security_group_egress_rule")).map((r) => r.cidr_ipv4).sort();
    expect(egress).toEqual(["10.0.1.10/32", "10.0.2.10/32"]);
  });

  test("an internal ALB as target: target type alb over TCP, HTTP health checks, the ALB ARN attached", () => {
    const albArn = "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/app/internal-api/0123456789abcdef";
    const { stack } = nlbStack({ listeners: [{ port: 80, targets: ListenerTargets.applicationLoadBalancer({ loadBalancerArn: albArn, port: 80 }) }] });
    expect(onlyResource(stack, "aws_lb_target_group")).toMatchObject({ target_type: "alb", protocol: "TCP", port: 80, health_check: { protocol: "HTTP", path: "/" } });
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
    const sources = Object.values(resourcesOfType(stack, "aws_vpc_security_group_ingress_rule")).map((r) => r.cidr_ipv4).sort();
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
    const listeners = Array.from({ length: 51 }, (_, i) => ({ port: 1000 + i, targets: ListenerTargets.instances({ port: 1000 + i, instances: { api: "i-0123456789abcdef0" } }) }));
    const nlb = new NetworkLoadBalancer(stack, "Nlb", { vpc, listeners });
    expect(nlb.node.metadata.some((m) => m.type === "@cdktf/warn" && String(m.data).includes("51 listeners"))).toBe(true);
  });

  test("fromAttributes describes an existing NLB for an endpoint service", () => {
    const stack = stackWithoutProvider();
    const arn = "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/net/api/0123456789abcdef";
    const nlb = NetworkLoadBalancer.fromAttributes(stack, "Existing", { loadBalancerArn: arn, listenerPorts: [443], ipAddressType: "dualstack", availabilityZoneIds: ["use1-az1", "use1-az2"] });
    expect(nlb).toMatchObject({ loadBalancerArn: arn, listenerPorts: [443], ipAddressType: "dualstack", availabilityZoneIds: ["use1-az1", "use1-az2"] });
    expect(synthJson(stack).resource).toBeUndefined();
  });

  describe("fails when", () => {
    const instances = ListenerTargets.instances({ port: 8443, instances: { a: "i-0123456789abcdef0" } });

    test.each([0, 65536, 1.5])("a listener port is outside 1-65535 (%p)", (port) => {
      expectValidationError(() => nlbStack({ listeners: [{ port, targets: instances }] }), "listeners[0].port", String(port));
    });

    test("a target port is outside 1-65535", () => {
      const targets = ListenerTargets.instances({ port: 70000, instances: {} });
      expectValidationError(() => nlbStack({ listeners: [{ port: 443, targets }] }), "listeners[0].targets.port", "70000");
    });

    test("two listeners share a port", () => {
      expectValidationError(() => nlbStack({ listeners: [{ port: 443, targets: instances }, { port: 443, targets: instances }] }), "listeners[].port", "443");
    });

    test("there is no listener", () => {
      expectValidationError(() => nlbStack({ listeners: [] }), "listeners", "[]");
    });

    test("a TLS listener has no certificate", () => {
      expectValidationError(() => nlbStack({ listeners: [{ port: 443, protocol: "TLS", targets: instances }] }), "listeners[0].certificateArn", "undefined");
    });

    test("a TCP listener is given a certificate it would ignore", () => {
      expectValidationError(() => nlbStack({ listeners: [{ port: 443, certificateArn: CERTIFICATE_ARN, targets: instances }] }), "listeners[0].protocol", '"TCP"');
    });

    test("the certificate is not a certificate ARN", () => {
      expectValidationError(() => nlbStack({ listeners: [{ port: 443, protocol: "TLS", certificateArn: "my-cert", targets: instances }] }), "listeners[0].certificateArn", '"my-cert"');
    });

    test("the protocol is not one PrivateLink carries", () => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      expectValidationError(() => nlbStack({ listeners: [{ port: 53, protocol: "UDP" as any, targets: instances }] }), "listeners[0].protocol", '"UDP"');
    });

    test("a TLS listener forwards to an ALB", () => {
      const targets = ListenerTargets.applicationLoadBalancer({ loadBalancerArn: "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/app/a/0123456789abcdef", port: 443 });
      expectValidationError(() => nlbStack({ listeners: [{ port: 443, protocol: "TLS", certificateArn: CERTIFICATE_ARN, targets }] }), "listeners[0].protocol", '"TLS"');
    });

    test("an IP target is not an IP address", () => {
      const targets = ListenerTargets.ipAddresses({ port: 443, addresses: { db: "db.internal" } });
      expectValidationError(() => nlbStack({ listeners: [{ port: 443, targets }] }), "listeners[0].targets.addresses[0]", '"db.internal"');
    });

    test("the name is not a valid load balancer name", () => {
      expectValidationError(() => nlbStack({ name: "internal-api" }), "name", '"internal-api"');
    });

    test("an ingress peer is the whole internet", () => {
      expectValidationError(() => nlbStack({ ingressPeers: [Peer.cidr("0.0.0.0/0")] }), "ingressPeers[0]", '"0.0.0.0/0"');
      expectValidationError(() => nlbStack({ clients: [Peer.cidr("0.0.0.0/0")] }), "clients[0]", '"0.0.0.0/0"');
    });

    test("dualstack is asked for on IPv4-only subnets", () => {
      expectValidationError(() => nlbStack({ ipAddressType: "dualstack" }), "subnets[0].ipAddressType", '"ipv4"');
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
      expectValidationError(() => NetworkLoadBalancer.fromAttributes(stack, "Existing", { loadBalancerArn: arn, listenerPorts: [443] }), "loadBalancerArn", arn);
    });

    test("an imported load balancer's zone is an AZ name, not an AZ ID", () => {
      const stack = stackWithoutProvider();
      const arn = "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/net/api/0123456789abcdef";
      expectValidationError(() => NetworkLoadBalancer.fromAttributes(stack, "Existing", { loadBalancerArn: arn, listenerPorts: [443], availabilityZoneIds: ["us-east-1a"] }), "availabilityZoneIds[0]", '"us-east-1a"');
    });

    test("an imported load balancer has no listener port", () => {
      const stack = stackWithoutProvider();
      const arn = "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/net/api/0123456789abcdef";
      expectValidationError(() => NetworkLoadBalancer.fromAttributes(stack, "Existing", { loadBalancerArn: arn, listenerPorts: [] }), "listenerPorts", "[]");
    });
  });
});
