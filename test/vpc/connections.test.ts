import { TerraformStack, TerraformVariable } from "cdktf";
import { Port } from "../../modules/core";
import { VpcPeeringConnection } from "@cdktf/provider-aws/lib/vpc-peering-connection";
import { Connections, Peer, SecurityGroup, TransitGateway, Vpc } from "../../modules/vpc";
import { catchValidationError, expectValidationError, stackWithProvider, synthJson, testApp } from "../helpers";

function setup() {
  const stack = new TerraformStack(testApp(), "connections");
  const vpc = new Vpc(stack, "Vpc", { name: "app", cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
  const api = new SecurityGroup(stack, "Api", { vpc, description: "API instances" });
  const clients = new SecurityGroup(stack, "Clients", { vpc, description: "Client instances" });
  return {
    stack,
    vpc,
    api: new Connections(api, { securityGroups: [api], defaultPort: Port.tcp(8443) }),
    clients: new Connections(clients, { securityGroups: [clients] }),
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const rules = (stack: TerraformStack, type: string): any[] => Object.values(synthJson(stack).resource?.[type] ?? {});

describe("Connections", () => {
  test("allowFrom another connectable adds the ingress rule here and the egress rule there, by group reference", () => {
    const { stack, api, clients } = setup();
    api.allowDefaultPortFrom(clients, "Clients call the API");
    const ingress = rules(stack, "aws_vpc_security_group_ingress_rule");
    const egress = rules(stack, "aws_vpc_security_group_egress_rule");
    expect(ingress).toHaveLength(1);
    expect(egress).toHaveLength(1);
    expect(ingress[0]).toMatchObject({ from_port: 8443, to_port: 8443, ip_protocol: "tcp", description: "Clients call the API" });
    expect(ingress[0].referenced_security_group_id).toMatch(/aws_security_group\.Clients/);
    expect(egress[0].security_group_id).toMatch(/aws_security_group\.Clients/);
    expect(egress[0].referenced_security_group_id).toMatch(/aws_security_group\.Api/);
  });

  test("the mirror rule the other side has already (its own egress rule to the range a thing stands for) is kept, not added again; a repeated call still fails on this side", () => {
    const { stack } = setup();
    const gateway = stack.node.findChild("Api") as SecurityGroup;
    const clients = stack.node.findChild("Clients") as SecurityGroup;
    // Like a VPC Lattice association: its group decides who gets in, clients send to the range it stands for.
    const range = new Connections(gateway, { securityGroups: [gateway], defaultPort: Port.tcp(443), peer: Peer.cidr("10.9.0.0/24") });
    clients.addEgressRule({ peer: Peer.cidr("10.9.0.0/24"), port: 443, description: "Clients to the range" });
    range.allowDefaultPortFrom(clients, "Clients in");
    expect(rules(stack, "aws_vpc_security_group_ingress_rule")).toEqual([expect.objectContaining({ from_port: 443, description: "Clients in" })]);
    expect(rules(stack, "aws_vpc_security_group_egress_rule")).toEqual([
      expect.objectContaining({ cidr_ipv4: "10.9.0.0/24", from_port: 443, description: "Clients to the range" }),
    ]);
    expect(catchValidationError(() => range.allowDefaultPortFrom(clients, "Again")).expected).toMatch(
      /each rule once \(this one is already in connections\/Api\)/,
    );
  });

  test("a peer gets a one-sided rule; a rule added twice fails naming it", () => {
    const { api } = setup();
    api.allowFrom(Peer.cidr("10.1.0.0/16"), Port.range(8000, 8100), "Partner range");
    const error = catchValidationError(() => api.allowFrom(Peer.cidr("10.1.0.0/16"), Port.range(8000, 8100), "Again"));
    expect(error.expected).toMatch(/each rule once/);
  });

  test("a group made elsewhere takes rules, created here with its ID", () => {
    const { stack } = setup();
    const existing = SecurityGroup.fromSecurityGroupAttributes(stack, "Database", {
      securityGroupId: "sg-0123456789abcdef0",
      vpcId: "vpc-0123456789abcdef0",
    });
    new Connections(existing, { securityGroups: [existing] }).allowFrom(Peer.vpcLattice(), Port.tcp(5432), "VPC Lattice to the database");
    const ingress = rules(stack, "aws_vpc_security_group_ingress_rule");
    expect(ingress).toEqual([expect.objectContaining({ security_group_id: "sg-0123456789abcdef0", cidr_ipv4: "169.254.171.0/24", from_port: 5432 })]);
  });

  test("fails when a group is only an ID (rules cannot be added), or there is no group, or no default port", () => {
    const { stack, clients } = setup();
    const literal = new Connections(stack, { securityGroups: [{ securityGroupId: "sg-0123456789abcdef0" }] });
    expect(catchValidationError(() => literal.allowFrom(clients, Port.tcp(443), "x")).expected).toMatch(/fromSecurityGroupAttributes/);
    expect(catchValidationError(() => new Connections(stack).allowFrom(clients, Port.tcp(443), "x")).expected).toMatch(/at least one security group/);
    expect(catchValidationError(() => clients.allowDefaultPortFrom(Peer.cidr("10.0.0.0/16"), "x")).prop).toBe("allowDefaultPortFrom");
  });

  test("fails when a port range carries a protocol (a JavaScript caller): the rule would be TCP, the protocol dropped", () => {
    const { stack, api, clients } = setup();
    const dns = { from: 53, to: 53, protocol: "udp" } as never;
    const error = expectValidationError(() => api.allowFrom(clients, dns, "dns"), "connections.allowFrom.port.protocol", "udp");
    expect(error.expected).toContain("a prop a port range takes (from, to): give the protocol as the rule's protocol");
    expectValidationError(() => api.allowTo(Peer.cidr("10.1.0.0/16"), dns, "dns"), "connections.allowTo.port.protocol", "udp");
    api.allowFrom(clients, Port.tcp(53), "dns", { protocol: "udp" });
    expect(rules(stack, "aws_vpc_security_group_ingress_rule")).toEqual([expect.objectContaining({ ip_protocol: "udp", from_port: 53 })]);
  });

  test("fails when JavaScript passes something that is neither a peer nor connectable", () => {
    const { api } = setup();
    expect(catchValidationError(() => api.allowFrom("10.0.0.0/16" as unknown as Peer, Port.tcp(443), "x")).prop).toBe("connections.allowFrom");
  });

  test("fails when an imported group's ID is not a security group ID", () => {
    const { stack } = setup();
    expect(
      catchValidationError(() => SecurityGroup.fromSecurityGroupAttributes(stack, "Bad", { securityGroupId: "vpc-0123456789abcdef0" })).expected,
    ).toMatch(/this is a VPC ID/);
  });
});

describe("Connections across VPCs", () => {
  function twoVpcs() {
    const stack = stackWithProvider();
    const vpc = (id: string, cidrBlock: string) =>
      new Vpc(stack, id, { name: id.toLowerCase(), cidrBlock, availabilityZones: ["us-east-1a", "us-east-1b"] });
    const [a, b] = [vpc("A", "10.0.0.0/16"), vpc("B", "10.1.0.0/16")];
    return {
      stack,
      a,
      b,
      ga: new SecurityGroup(stack, "Ga", { vpc: a, description: "servers" }),
      gb: new SecurityGroup(stack, "Gb", { vpc: b, description: "clients" }),
    };
  }

  test("fails at synth when a rule names a group of another VPC that nothing joins for references; a CIDR of it passes", () => {
    const { stack, ga, gb } = twoVpcs();
    ga.connections.allowFrom(gb, Port.tcp(443), "from b");
    const error = expectValidationError(() => synthJson(stack), "connections.allowFrom.peer", /test\/G[ab]/);
    expect(error.constructPath).toBe("test/Ga");
    expect(error.expected).toContain("or of a VPC joined to it by same-region VPC peering or by a transit gateway with securityGroupReferencing");
    expect(error.expected).toMatch(/name the other VPC's clients by Peer.cidr\("10\.[01]\.0\.0\/16"\)/);
    const fine = twoVpcs();
    fine.ga.connections.allowFrom(Peer.cidr("10.1.0.0/16"), Port.tcp(443), "from b");
    synthJson(fine.stack);
  });

  test("fails when both VPCs are attached to a transit gateway without securityGroupReferencing; passes with it, which the gateway and attachments enable", () => {
    const off = twoVpcs();
    const plain = new TransitGateway(off.stack, "Tgw", { name: "core" });
    plain.attach("a", off.a);
    plain.attach("b", off.b);
    off.ga.connections.allowFrom(off.gb, Port.tcp(443), "from b");
    expectValidationError(() => synthJson(off.stack), "connections.allowFrom.peer", /test\/G[ab]/);

    const on = twoVpcs();
    const tgw = new TransitGateway(on.stack, "Tgw", { name: "core", securityGroupReferencing: true });
    tgw.attach("a", on.a);
    on.ga.connections.allowFrom(on.gb, Port.tcp(443), "from b");
    // Attached after the rule: judged at synth.
    tgw.attach("b", on.b);
    const json = synthJson(on.stack);
    expect(Object.values(json.resource.aws_ec2_transit_gateway)).toEqual([expect.objectContaining({ security_group_referencing_support: "enable" })]);
    expect(
      (Object.values(json.resource.aws_ec2_transit_gateway_vpc_attachment) as Record<string, unknown>[]).map(
        (a) => a.security_group_referencing_support,
      ),
    ).toEqual(["enable", "enable"]);
  });

  test("fails when both VPCs are attached to an existing gateway imported without securityGroupReferencing; passes when the import says the gateway has it, and the attachments enable it", () => {
    const off = twoVpcs();
    const plain = TransitGateway.fromTransitGatewayAttributes(off.stack, "Corp", { transitGatewayId: "tgw-0123456789abcdef0" });
    plain.attach("a", off.a);
    plain.attach("b", off.b);
    off.ga.connections.allowFrom(off.gb, Port.tcp(443), "from b");
    expectValidationError(() => synthJson(off.stack), "connections.allowFrom.peer", /test\/G[ab]/);
    const offJson = synthJson(twoVpcs().stack);
    expect(offJson.resource.aws_ec2_transit_gateway_vpc_attachment).toBeUndefined();

    const on = twoVpcs();
    const corp = TransitGateway.fromTransitGatewayAttributes(on.stack, "Corp", {
      transitGatewayId: "tgw-0123456789abcdef0",
      securityGroupReferencing: true,
    });
    corp.attach("a", on.a);
    corp.attach("b", on.b);
    on.ga.connections.allowFrom(on.gb, Port.tcp(443), "from b");
    const json = synthJson(on.stack);
    expect(json.resource.aws_ec2_transit_gateway).toBeUndefined();
    expect(
      (Object.values(json.resource.aws_ec2_transit_gateway_vpc_attachment) as Record<string, unknown>[]).map(
        (a) => a.security_group_referencing_support,
      ),
    ).toEqual(["enable", "enable"]);
    // AWS matches group references over a gateway in inbound rules only, for an existing gateway too.
    const outbound = twoVpcs();
    const existing = TransitGateway.fromTransitGatewayAttributes(outbound.stack, "Corp", {
      transitGatewayId: "tgw-0123456789abcdef0",
      securityGroupReferencing: true,
    });
    existing.attach("a", outbound.a);
    existing.attach("b", outbound.b);
    outbound.gb.addEgressRule({ peer: Peer.securityGroup(outbound.ga, "servers"), ports: Port.tcp(443), description: "to a" });
    const error = expectValidationError(() => synthJson(outbound.stack), "egressRules.peer", "test/Ga");
    expect(error.expected).toContain("over which AWS supports security group references in inbound rules only");
    expectValidationError(
      () =>
        TransitGateway.fromTransitGatewayAttributes(on.stack, "Maybe", {
          transitGatewayId: "tgw-0123456789abcdef1",
          securityGroupReferencing: "yes" as never,
        }),
      "securityGroupReferencing",
      "yes",
    );
  });

  test("a gateway without securityGroupReferencing leaves the setting to AWS's default; only one of the VPCs attached fails", () => {
    const { stack, a, ga, gb } = twoVpcs();
    const tgw = new TransitGateway(stack, "Tgw", { name: "core", securityGroupReferencing: true });
    tgw.attach("a", a);
    ga.connections.allowFrom(gb, Port.tcp(443), "from b");
    expectValidationError(() => synthJson(stack), "connections.allowFrom.peer", /test\/G[ab]/);
    const plain = twoVpcs();
    new TransitGateway(plain.stack, "Tgw", { name: "core" }).attach("a", plain.a);
    const json = synthJson(plain.stack);
    expect(Object.values(json.resource.aws_ec2_transit_gateway)[0]).not.toHaveProperty("security_group_referencing_support");
    expect(Object.values(json.resource.aws_ec2_transit_gateway_vpc_attachment)[0]).not.toHaveProperty("security_group_referencing_support");
    expectValidationError(
      () => new TransitGateway(plain.stack, "Maybe", { name: "maybe", securityGroupReferencing: "yes" as never }),
      "securityGroupReferencing",
      "yes",
    );
  });

  test("over a transit gateway, the mirror egress names the other VPC's CIDR: AWS takes group references there in inbound rules only", () => {
    const { stack, a, b, ga, gb } = twoVpcs();
    const tgw = new TransitGateway(stack, "Tgw", { name: "core", securityGroupReferencing: true });
    tgw.attach("a", a);
    tgw.attach("b", b);
    const ga2 = new SecurityGroup(stack, "Ga2", { vpc: a, description: "more servers" });
    ga.connections.allowFrom(gb, Port.tcp(443), "from b");
    // A second server group of the same VPC, and the same port: the client's egress to 10.0.0.0/16 is there already.
    ga2.connections.allowFrom(gb, Port.tcp(443), "from b");
    const json = synthJson(stack);
    const ingress = Object.values(json.resource.aws_vpc_security_group_ingress_rule) as Record<string, unknown>[];
    expect(ingress.map((r) => r.referenced_security_group_id).sort()).toEqual([
      expect.stringContaining("aws_security_group.Gb_"),
      expect.stringContaining("aws_security_group.Gb_"),
    ]);
    const egress = Object.entries(json.resource.aws_vpc_security_group_egress_rule) as [string, Record<string, unknown>][];
    expect(egress).toHaveLength(1);
    expect(egress[0][0]).toMatch(/^Gb_Egress-tcp-443-10-0-0-0-16_/);
    expect(egress[0][1]).toMatchObject({ cidr_ipv4: "10.0.0.0/16", from_port: 443, to_port: 443 });
    expect(egress[0][1]).not.toHaveProperty("referenced_security_group_id");

    // allowTo writes the client's own egress the same way.
    const to = twoVpcs();
    const gateway = new TransitGateway(to.stack, "Tgw", { name: "core", securityGroupReferencing: true });
    gateway.attach("a", to.a);
    gateway.attach("b", to.b);
    to.gb.connections.allowTo(to.ga, Port.tcp(443), "to a");
    const out = Object.values(synthJson(to.stack).resource.aws_vpc_security_group_egress_rule) as Record<string, unknown>[];
    expect(out).toEqual([expect.objectContaining({ cidr_ipv4: "10.0.0.0/16" })]);
  });

  test("the CIDR of a VPC known only at apply is named after the VPC; a peering connection of the two VPCs keeps the reference", () => {
    const stack = stackWithProvider();
    const cidr = new TerraformVariable(stack, "cidr", { type: "string" });
    const a = new Vpc(stack, "A", { name: "a", cidrBlock: cidr.stringValue, availabilityZones: ["us-east-1a", "us-east-1b"] });
    const b = new Vpc(stack, "B", { name: "b", cidrBlock: "10.1.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
    const tgw = new TransitGateway(stack, "Tgw", { name: "core", securityGroupReferencing: true });
    tgw.attach("a", a);
    tgw.attach("b", b);
    const ga = new SecurityGroup(stack, "Ga", { vpc: a, description: "servers" });
    const gb = new SecurityGroup(stack, "Gb", { vpc: b, description: "clients" });
    ga.connections.allowFrom(gb, Port.tcp(443), "from b");
    const egress = Object.entries(synthJson(stack).resource.aws_vpc_security_group_egress_rule) as [string, Record<string, unknown>][];
    expect(egress).toEqual([[expect.stringMatching(/^Gb_Egress-tcp-443-vpc-A_/), expect.objectContaining({ cidr_ipv4: "${var.cidr}" })]]);

    const peered = twoVpcs();
    new VpcPeeringConnection(peered.stack, "Peering", { vpcId: peered.b.vpcId, peerVpcId: peered.a.vpcId, autoAccept: true });
    peered.ga.connections.allowFrom(peered.gb, Port.tcp(443), "from b");
    const kept = Object.values(synthJson(peered.stack).resource.aws_vpc_security_group_egress_rule) as Record<string, unknown>[];
    expect(kept).toEqual([expect.objectContaining({ referenced_security_group_id: expect.stringContaining("aws_security_group.Ga_") })]);
  });

  test("fails at synth when an egress rule names a group of a VPC joined only by a transit gateway; an ingress rule, or the VPC's CIDR, passes", () => {
    const joined = () => {
      const vpcs = twoVpcs();
      const tgw = new TransitGateway(vpcs.stack, "Tgw", { name: "core", securityGroupReferencing: true });
      tgw.attach("a", vpcs.a);
      tgw.attach("b", vpcs.b);
      return vpcs;
    };
    const bad = joined();
    bad.gb.addEgressRule({ peer: Peer.securityGroup(bad.ga, "servers"), ports: Port.tcp(443), description: "to a" });
    const error = expectValidationError(() => synthJson(bad.stack), "egressRules.peer", "test/Ga");
    expect(error.expected).toContain("over which AWS supports security group references in inbound rules only");
    expect(error.expected).toContain('Peer.cidr("10.0.0.0/16")');
    const fine = joined();
    fine.ga.addIngressRule({ peer: Peer.securityGroup(fine.gb, "clients"), ports: Port.tcp(443), description: "from b" });
    fine.gb.addEgressRule({ peer: Peer.cidr("10.0.0.0/16"), ports: Port.tcp(443), description: "to a" });
    synthJson(fine.stack);
  });

  test("groups of imported VPCs, or VPCs a peering connection of the app joins, are not judged", () => {
    const stack = stackWithProvider();
    const imported = (id: string, vpcId: string, cidrBlock: string) => Vpc.fromVpcAttributes(stack, id, { vpcId, cidrBlock });
    const ga = new SecurityGroup(stack, "Ga", { vpc: imported("A", "vpc-0a000000000000001", "10.0.0.0/16"), description: "servers" });
    const gb = new SecurityGroup(stack, "Gb", { vpc: imported("B", "vpc-0b000000000000001", "10.1.0.0/16"), description: "clients" });
    ga.connections.allowFrom(gb, Port.tcp(443), "from b");
    synthJson(stack);

    const peered = twoVpcs();
    new VpcPeeringConnection(peered.stack, "Peering", { vpcId: peered.a.vpcId, peerVpcId: peered.b.vpcId, autoAccept: true });
    peered.ga.connections.allowFrom(peered.gb, Port.tcp(443), "from b");
    synthJson(peered.stack);
  });
});
