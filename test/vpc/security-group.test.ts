import { TerraformStack, Testing } from "cdktf";
import { Vpc, Peer, SecurityGroup } from "../../modules/vpc";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { expectValidationError, testApp } from "../helpers";

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
    group.addIngressRule({ peer: Peer.cidr(vpc.cidrBlock), port: 443, description: "IPv4 clients" });
    group.addIngressRule({ peer: Peer.cidr(vpc.ipv6CidrBlock!, { family: "ipv6" }), port: 443, description: "IPv6 clients" });
    group.addIngressRule({ peer: Peer.cidr(vpc.cidrBlock, { name: "second-vpc" }), port: 443, description: "again, by name" });
    const rules = Object.values(JSON.parse(Testing.synth(stack)).resource.aws_vpc_security_group_ingress_rule) as Record<string, string>[];
    expect(rules.map((r) => Object.keys(r).filter((k) => k.startsWith("cidr_")))).toEqual([["cidr_ipv4"], ["cidr_ipv6"], ["cidr_ipv4"]]);
    expect(rules[0].cidr_ipv4).toBe("10.1.0.0/16");
    expect(rules[1].cidr_ipv6).toMatch(/aws_vpc\..*\.ipv6_cidr_block/);
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
