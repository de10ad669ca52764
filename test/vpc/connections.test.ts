import { TerraformStack } from "cdktf";
import { Port } from "../../modules/core";
import { Connections, Peer, SecurityGroup, Vpc } from "../../modules/vpc";
import { catchValidationError, expectValidationError, synthJson, testApp } from "../helpers";

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
