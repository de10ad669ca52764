import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import { Vpc, Peer, SecurityGroup } from "../../modules/vpc";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Port } from "../../modules/core";
import { AwsService, EndpointPolicy, InterfaceEndpoint } from "../../modules/endpoints";
import { expectValidationError, resourcesOfType, stackWithProvider, testApp } from "../helpers";

const newStack = (): TerraformStack => new TerraformStack(testApp(), "Stack");

describe("SecurityGroup", () => {
  const setup = (): { stack: TerraformStack; group: SecurityGroup } => {
    const stack = newStack();
    const vpc = Vpc.fromVpcAttributes(stack, "Vpc", { vpcId: "vpc-0123456789abcdef0", cidrBlock: "10.0.0.0/16" });
    return { stack, group: new SecurityGroup(stack, "Group", { vpc, description: "endpoints" }) };
  };

  test("creates one described rule resource per rule, keyed by protocol, ports and peer, and no egress", () => {
    const { stack, group } = setup();
    group.addIngressRule({ peer: Peer.cidr("10.0.0.0/16"), port: 443, description: "HTTPS from the VPC" });
    group.addIngressRule({ peer: Peer.cidr("2600:1f18::/56"), port: 443, description: "HTTPS from the VPC over IPv6" });
    group.addEgressRule({ peer: Peer.prefixList("pl-0123456789abcdef0", "lattice"), port: 8000, toPort: 8100, description: "to targets" });
    const json = JSON.parse(Testing.synth(stack));
    const ingress = Object.entries(json.resource.aws_vpc_security_group_ingress_rule) as [string, Record<string, unknown>][];
    expect(ingress.map(([, r]) => r)).toEqual([
      expect.objectContaining({ cidr_ipv4: "10.0.0.0/16", from_port: 443, to_port: 443, ip_protocol: "tcp", description: "HTTPS from the VPC" }),
      expect.objectContaining({ cidr_ipv6: "2600:1f18::/56", from_port: 443 }),
    ]);
    expect(ingress[0][0]).toMatch(/Ingress-tcp-443-10-0-0-0-16/);
    expect(Object.values(json.resource.aws_vpc_security_group_egress_rule)).toEqual([
      expect.objectContaining({ prefix_list_id: "pl-0123456789abcdef0", from_port: 8000, to_port: 8100 }),
    ]);
    expect(Object.values(json.resource.aws_security_group)[0]).not.toHaveProperty("egress");
  });

  test("fails when a rule opens to the whole internet", () => {
    const { group } = setup();
    expect(() => group.addIngressRule({ peer: Peer.cidr("0.0.0.0/0"), port: 443, description: "everyone" })).toThrow(
      /Group: invalid ingressRules.peer: received "0.0.0.0\/0"; expected a CIDR narrower than the whole internet/,
    );
  });

  test("fails when a rule has no description, a bad port, a reversed range or is added twice", () => {
    const { group } = setup();
    const peer = Peer.cidr("10.0.0.0/16");
    expect(() => group.addIngressRule({ peer, port: 443, description: "" })).toThrow(/ingressRules.description/);
    expect(() => group.addIngressRule({ peer, port: 0, description: "x" })).toThrow(/ingressRules.port: received 0/);
    expect(() => group.addIngressRule({ peer, port: 90, toPort: 80, description: "x" })).toThrow(/ingressRules.toPort: received 80/);
    group.addIngressRule({ peer, port: 443, description: "x" });
    expect(() => group.addIngressRule({ peer, port: 443, description: "again" })).toThrow(/each rule once \(this one is already in Stack\/Group\)/);
  });

  test("a participant of a shared VPC creates its group in the owner's VPC with its own account's provider", () => {
    const stack = newStack();
    new AwsProvider(stack, "aws", { region: "us-east-1", allowedAccountIds: ["111111111111"] });
    const participant = new AwsProvider(stack, "participant", { region: "us-east-1", alias: "participant", allowedAccountIds: ["222222222222"] });
    const vpc = new Vpc(stack, "Vpc", { name: "owner", cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
    const group = new SecurityGroup(stack, "Group", { vpc, description: "Participant app", provider: participant });
    expect(group.resource.provider).toBe(participant);
  });

  test("fails when the VPC is given as its ID string (a JavaScript caller): the group would land in the default VPC", () => {
    const { stack } = setup();
    const error = expectValidationError(
      () => new SecurityGroup(stack, "ById", { vpc: "vpc-0123456789abcdef0" as never, description: "a" }),
      "vpc",
      "vpc-0123456789abcdef0",
    );
    expect(error.expected).toContain("a value made with new Vpc(...) or Vpc.fromVpcAttributes(...)");
  });

  test("fails when a rule's port range carries a protocol (a JavaScript caller): the rule would be TCP, the protocol dropped", () => {
    const { stack, group } = setup();
    const error = expectValidationError(
      () => group.addIngressRule({ peer: Peer.cidr("10.0.0.0/16"), ports: { from: 53, to: 53, protocol: "udp" } as never, description: "dns" }),
      "ingressRules.ports.protocol",
      "udp",
    );
    expect(error.expected).toContain("a prop a port range takes (from, to): give the protocol as the rule's protocol");
    group.addIngressRule({ peer: Peer.cidr("10.0.0.0/16"), ports: { from: 53, to: 53 }, protocol: "udp", description: "dns" });
    expect(Object.values(JSON.parse(Testing.synth(stack)).resource.aws_vpc_security_group_ingress_rule)).toEqual([
      expect.objectContaining({ ip_protocol: "udp", from_port: 53, to_port: 53 }),
    ]);
  });

  test("fails when the name prefix has characters EC2 refuses in group names; every character it takes passes", () => {
    const { stack } = setup();
    const vpc = Vpc.fromVpcAttributes(stack, "Other", { vpcId: "vpc-0123456789abcdef1", cidrBlock: "10.1.0.0/16" });
    const error = expectValidationError(
      () => new SecurityGroup(stack, "Accents", { vpc, description: "a", namePrefix: "héllo wörld" }),
      "namePrefix",
      "héllo wörld",
    );
    expect(error.expected).toContain("letters, digits, spaces and ._-:/()#,@[]+=&;{}!$* only");
    new SecurityGroup(stack, "Punctuation", { vpc, description: "a", namePrefix: "App 1._-:/()#,@[]+=&;{}!$*" });
  });

  test("fails when the group description is missing or has characters EC2 refuses", () => {
    const stack = newStack();
    const vpc = Vpc.fromVpcAttributes(stack, "Vpc", { vpcId: "vpc-0123456789abcdef0", cidrBlock: "10.0.0.0/16" });
    expect(() => new SecurityGroup(stack, "NoDescription", { vpc, description: undefined as unknown as string })).toThrow(/description/);
    expect(() => new SecurityGroup(stack, "Accents", { vpc, description: "accès" })).toThrow(/EC2 refuses other characters/);
  });
});

describe("Peer.cidr, a contradicting family", () => {
  test("fails when a literal CIDR is given the other family", () => {
    const stack = newStack();
    const vpc = Vpc.fromVpcAttributes(stack, "Vpc", { vpcId: "vpc-0123456789abcdef0", cidrBlock: "10.0.0.0/16" });
    const group = new SecurityGroup(stack, "Group", { vpc, description: "endpoints" });
    const rule = (peer: Peer) => () => group.addIngressRule({ peer, port: 443, description: "HTTPS" });
    expectValidationError(rule(Peer.cidr("10.1.0.0/16", { family: "ipv6" })), "ingressRules.peer.family", "ipv6");
    expectValidationError(rule(Peer.cidr("2600:1f18::/56", { family: "ipv4" })), "ingressRules.peer.family", "ipv4");
    rule(Peer.cidr("10.1.0.0/16", { family: "ipv4" }))();
  });
});

describe("Peer.cidr with references", () => {
  test("IPv6 references become cidr_ipv6 rules, and named references get distinct rules", () => {
    const stack = newStack();
    const vpc = new Vpc(stack, "Vpc", { name: "app", cidrBlock: "10.1.0.0/16", availabilityZones: ["us-east-1a"], dualStack: true });
    const group = new SecurityGroup(stack, "Group", { vpc, description: "endpoints" });
    const partner = new TerraformVariable(stack, "partnerCidr", { type: "string" }).stringValue;
    group.addIngressRule({ peer: Peer.cidr(vpc.cidrBlock), port: 443, description: "IPv4 clients" });
    group.addIngressRule({ peer: Peer.cidr(vpc.ipv6CidrBlock!, { family: "ipv6" }), port: 443, description: "IPv6 clients" });
    group.addIngressRule({ peer: Peer.cidr(partner, { name: "second-vpc" }), port: 443, description: "another reference, by name" });
    const rules = Object.values(JSON.parse(Testing.synth(stack)).resource.aws_vpc_security_group_ingress_rule) as Record<string, string>[];
    expect(rules.map((r) => Object.keys(r).filter((k) => k.startsWith("cidr_")))).toEqual([["cidr_ipv4"], ["cidr_ipv6"], ["cidr_ipv4"]]);
    expect(rules[0].cidr_ipv4).toBe("10.1.0.0/16");
    expect(rules[1].cidr_ipv6).toMatch(/aws_vpc\..*\.ipv6_cidr_block/);
    expect(rules[2].cidr_ipv4).toBe("${var.partnerCidr}");
  });

  test("fails when a prop, an attribute or a rule's field is misspelled: the default (no name prefix, tcp) would apply without a word", () => {
    const stack = newStack();
    const vpc = Vpc.fromVpcAttributes(stack, "Vpc", { vpcId: "vpc-0123456789abcdef0", cidrBlock: "10.0.0.0/16" });
    const props = expectValidationError(
      () => new SecurityGroup(stack, "Named", { vpc, description: "app", nameprefix: "app-" } as never),
      "nameprefix",
      "app-",
    );
    expect(props.message).toContain("did you mean namePrefix?");
    const attrs = expectValidationError(
      () =>
        SecurityGroup.fromSecurityGroupAttributes(stack, "Existing", {
          securityGroupId: "sg-0123456789abcdef0",
          vpcID: "vpc-0123456789abcdef0",
        } as never),
      "vpcID",
      "vpc-0123456789abcdef0",
    );
    expect(attrs.message).toContain("did you mean vpcId?");
    const group = new SecurityGroup(stack, "Group", { vpc, description: "dns" });
    const rule = expectValidationError(
      () => group.addIngressRule({ peer: Peer.cidr("10.0.0.0/16"), port: 53, protocl: "udp", description: "DNS" } as never),
      "protocl",
      "udp",
    );
    expect(rule.message).toContain("did you mean protocol?");
  });
});

describe("SecurityGroup, the same rule under two names", () => {
  // AWS keys a rule by its group, protocol, ports and peer: a second one with another Terraform address fails at apply (InvalidPermission.Duplicate).
  const setup = () => {
    const stack = stackWithProvider();
    const vpc = new Vpc(stack, "Vpc", { name: "app", cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
    const group = new SecurityGroup(stack, "Group", { vpc, description: "endpoints" });
    const other = new SecurityGroup(stack, "Other", { vpc, description: "clients" });
    return { stack, vpc, group, other };
  };
  const endpointOf = (stack: TerraformStack, vpc: Vpc) => {
    const endpoint = new InterfaceEndpoint(stack, "Logs", {
      vpc,
      service: AwsService.LOGS,
      policy: EndpointPolicy.organizationOnly("o-a1b2c3d4e5"),
      open: false,
    });
    return { endpoint, endpointGroup: endpoint.securityGroup! };
  };
  const ingressRules = (stack: TerraformStack) => Object.values(resourcesOfType(stack, "aws_vpc_security_group_ingress_rule"));
  const egressRules = (stack: TerraformStack) => Object.values(resourcesOfType(stack, "aws_vpc_security_group_egress_rule"));

  test("fails when one group is named twice as the peer", () => {
    const { group, other } = setup();
    group.addIngressRule({ peer: Peer.securityGroup(other, "a"), ports: Port.tcp(443), description: "clients" });
    const error = expectValidationError(
      () => group.addIngressRule({ peer: Peer.securityGroup(other, "b"), ports: Port.tcp(443), description: "clients, again" }),
      "ingressRules",
      "tcp 443 with sg-b",
    );
    expect(error.constructPath).toBe("test/Group");
    expect(error.expected).toContain(
      "each rule once: test/Group already has Ingress-tcp-443-sg-a for tcp 443 from test/Other, added under another name",
    );
    expect(error.expected).toContain("InvalidPermission.Duplicate");
  });

  test("fails when connections admit a group the endpoint's group already admits directly", () => {
    const { stack, vpc, other } = setup();
    const { endpoint, endpointGroup } = endpointOf(stack, vpc);
    endpointGroup.addIngressRule({ peer: Peer.securityGroup(other, "app"), ports: Port.tcp(443), description: "App to logs" });
    const error = expectValidationError(
      () => endpoint.connections.allowFrom(other, Port.tcp(443), "App ships logs"),
      "connections.allowFrom",
      "tcp 443",
    );
    expect(error.constructPath).toBe("test/Logs");
    expect(error.expected).toContain("each rule once: test/Logs/SecurityGroup already has Ingress-tcp-443-sg-app for tcp 443 from test/Other");
    expect(egressRules(stack)).toEqual([]);
  });

  test("fails when a direct rule repeats one that connections added", () => {
    const { stack, vpc, other } = setup();
    const { endpoint, endpointGroup } = endpointOf(stack, vpc);
    endpoint.connections.allowFrom(other, Port.tcp(443), "App ships logs");
    const error = expectValidationError(
      () => endpointGroup.addIngressRule({ peer: Peer.securityGroup(other, "app"), ports: Port.tcp(443), description: "App to logs" }),
      "ingressRules",
      "tcp 443 with sg-app",
    );
    expect(error.constructPath).toBe("test/Logs/SecurityGroup");
    expect(error.expected).toContain("each rule once: test/Logs/SecurityGroup already has Ingress-tcp-443-sg-Other for tcp 443 from test/Other");
    // The same on the client's side: its own allowTo repeats the egress rule connections wrote for it.
    expectValidationError(() => other.connections.allowTo(endpoint, Port.tcp(443), "App ships logs"), "connections.allowTo", "tcp 443");
  });

  test("fails when one literal CIDR is given twice, with and without a name", () => {
    const { group } = setup();
    group.addIngressRule({ peer: Peer.cidr("10.0.0.0/16"), ports: Port.tcp(443), description: "the VPC" });
    const error = expectValidationError(
      () => group.addIngressRule({ peer: Peer.cidr("10.0.0.0/16", { name: "office" }), ports: Port.tcp(443), description: "the office" }),
      "ingressRules",
      "tcp 443 with office",
    );
    expect(error.constructPath).toBe("test/Group");
    expect(error.expected).toContain("test/Group already has Ingress-tcp-443-10-0-0-0-16 for tcp 443 from 10.0.0.0/16, added under another name");
  });

  test("fails when one IPv6 CIDR is written in two spellings", () => {
    const { group } = setup();
    group.addEgressRule({ peer: Peer.cidr("2001:db8::/56"), ports: Port.tcp(443), description: "partner" });
    const error = expectValidationError(
      () => group.addEgressRule({ peer: Peer.cidr("2001:0DB8:0000::/56"), ports: Port.tcp(443), description: "partner, spelled out" }),
      "egressRules",
      "tcp 443 with 2001-0DB8-0000-56",
    );
    expect(error.constructPath).toBe("test/Group");
    expect(error.expected).toContain("test/Group already has Egress-tcp-443-2001-db8-56 for tcp 443 to 2001:db8::/56");
  });

  test("fails when one prefix list is named twice", () => {
    const { group } = setup();
    group.addEgressRule({ peer: Peer.prefixList("pl-0123456789abcdef0", "s3"), ports: Port.tcp(443), description: "S3" });
    const error = expectValidationError(
      () => group.addEgressRule({ peer: Peer.prefixList("pl-0123456789abcdef0", "buckets"), ports: Port.tcp(443), description: "buckets" }),
      "egressRules",
      "tcp 443 with pl-buckets",
    );
    expect(error.constructPath).toBe("test/Group");
    expect(error.expected).toContain("test/Group already has Egress-tcp-443-pl-s3 for tcp 443 to prefix list pl-0123456789abcdef0");
  });

  test("fails when one reference (a CIDR, a group ID or a prefix list ID known at apply) is named twice", () => {
    const { stack, group } = setup();
    const cidr = new TerraformVariable(stack, "partnerCidr", { type: "string" }).stringValue;
    group.addIngressRule({ peer: Peer.cidr(cidr, { name: "partner" }), ports: Port.tcp(443), description: "partner" });
    const error = expectValidationError(
      () => group.addIngressRule({ peer: Peer.cidr(cidr, { name: "partner-vpc" }), ports: Port.tcp(443), description: "partner VPC" }),
      "ingressRules",
      "tcp 443 with partner-vpc",
    );
    expect(error.constructPath).toBe("test/Group");
    expect(error.expected).toContain("test/Group already has Ingress-tcp-443-partner for tcp 443 from ${var.partnerCidr}, added under another name");
    const groupId = new TerraformVariable(stack, "sharedGroup", { type: "string" }).stringValue;
    const shared = SecurityGroup.fromSecurityGroupAttributes(stack, "Shared", { securityGroupId: groupId });
    group.addIngressRule({ peer: Peer.securityGroup(shared, "shared"), ports: Port.tcp(443), description: "shared" });
    expectValidationError(
      () => group.addIngressRule({ peer: Peer.securityGroup({ securityGroupId: groupId }, "by-id"), ports: Port.tcp(443), description: "again" }),
      "ingressRules",
      "tcp 443 with sg-by-id",
    );
    const list = new TerraformVariable(stack, "prefixList", { type: "string" }).stringValue;
    group.addEgressRule({ peer: Peer.prefixList(list, "a"), ports: Port.tcp(443), description: "list" });
    expectValidationError(
      () => group.addEgressRule({ peer: Peer.prefixList(list, "b"), ports: Port.tcp(443), description: "list again" }),
      "egressRules",
      "tcp 443 with pl-b",
    );
  });

  test("fails when one existing group, imported twice (by two stacks of the app), gets the same rule from each: AWS has one group", () => {
    const app = testApp();
    const imports = ["Network", "Orders"].map((name) => {
      const stack = new TerraformStack(app, name);
      new AwsProvider(stack, "aws", { region: "us-east-1" });
      return SecurityGroup.fromSecurityGroupAttributes(stack, "Shared", { securityGroupId: "sg-0123456789abcdef0", vpcId: "vpc-0123456789abcdef0" });
    });
    imports[0].addIngressRule({ peer: Peer.cidr("10.0.0.0/16"), ports: Port.tcp(443), description: "The VPC" });
    const error = expectValidationError(
      () => imports[1].addIngressRule({ peer: Peer.cidr("10.0.0.0/16", { name: "vpc" }), ports: Port.tcp(443), description: "The VPC again" }),
      "ingressRules",
      "tcp 443 with vpc",
    );
    expect(error.constructPath).toBe("Orders/Shared");
    expect(error.expected).toContain(
      "each rule once: Network/Shared (sg-0123456789abcdef0, the group Orders/Shared imports too) already has Ingress-tcp-443-10-0-0-0-16",
    );
    // Another group, or the same one on another port, takes it.
    imports[1].addIngressRule({ peer: Peer.cidr("10.0.0.0/16"), ports: Port.tcp(8443), description: "Another port" });
  });

  test("accepts overlapping rules that are not the same (ports 443 and 400-500; 10.0.0.0/16 and 10.0.1.0/24)", () => {
    const { stack, group } = setup();
    group.addIngressRule({ peer: Peer.cidr("10.0.0.0/16"), ports: Port.tcp(443), description: "HTTPS" });
    group.addIngressRule({ peer: Peer.cidr("10.0.0.0/16"), ports: Port.range(400, 500), description: "a range around it" });
    group.addIngressRule({ peer: Peer.cidr("10.0.1.0/24"), ports: Port.tcp(443), description: "one subnet" });
    expect(ingressRules(stack)).toHaveLength(3);
  });

  test("accepts the same peer on other ports, another protocol and the other direction", () => {
    const { stack, group, other } = setup();
    for (const name of ["a", "b", "c"]) {
      const peer = Peer.securityGroup(other, name);
      if (name === "a") group.addIngressRule({ peer, ports: Port.tcp(443), description: "HTTPS" });
      if (name === "b") group.addIngressRule({ peer, ports: Port.tcp(8443), description: "another port" });
      if (name === "c") group.addIngressRule({ peer, ports: Port.tcp(443), protocol: "udp", description: "QUIC" });
    }
    group.addEgressRule({ peer: Peer.securityGroup(other, "d"), ports: Port.tcp(443), description: "the other way" });
    expect(ingressRules(stack)).toHaveLength(3);
    expect(egressRules(stack)).toHaveLength(1);
  });

  test("accepts a connections mirror rule the other side already has under another name: it is skipped", () => {
    const { stack, vpc, other } = setup();
    const { endpoint, endpointGroup } = endpointOf(stack, vpc);
    other.addEgressRule({ peer: Peer.securityGroup(endpointGroup, "logs-endpoint"), ports: Port.tcp(443), description: "App to the logs endpoint" });
    endpoint.connections.allowFrom(other, Port.tcp(443), "App ships logs");
    expect(egressRules(stack)).toEqual([expect.objectContaining({ description: "App to the logs endpoint", from_port: 443 })]);
    expect(ingressRules(stack)).toEqual([expect.objectContaining({ description: "App ships logs", from_port: 443 })]);
  });
});
