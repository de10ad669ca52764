import { TerraformStack } from "cdktf";
import { Port } from "../../modules/core";
import { AwsService, EndpointPolicy, InterfaceEndpoint, PrivateAwsServiceAccess } from "../../modules/endpoints";
import { expectFlow } from "../../modules/flows";
import { EndpointService } from "../../modules/privatelink";
import { SecurityGroup } from "../../modules/vpc";
import { expectValidationError, Json, resourcesOfType, stackWithProvider, synthJson } from "../helpers";
import { ORG, testVpc } from "./helpers";

const PARTNER = "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0";

/** An STS endpoint (HTTPS, 443) and a partner's endpoint (8443 and 9443), both admitting nobody until told, and a client group. */
function setup() {
  const stack = stackWithProvider();
  const vpc = testVpc(stack);
  const clients = new SecurityGroup(stack, "Clients", { vpc, description: "Client instances" });
  const sts = new InterfaceEndpoint(stack, "Sts", { vpc, service: AwsService.STS, policy: EndpointPolicy.organizationOnly(ORG), open: false });
  const partner = new InterfaceEndpoint(stack, "Partner", {
    vpc,
    service: EndpointService.fromEndpointServiceAttributes(stack, "PartnerService", { serviceName: PARTNER, ports: [8443, 9443] }),
    privateDnsEnabled: false,
    open: false,
  });
  return { stack, vpc, clients, sts, partner };
}

const rules = (stack: TerraformStack, type: string): Json[] => Object.values(resourcesOfType(synthJson(stack), type)) as Json[];

describe("connections to an interface endpoint on a port it does not serve", () => {
  test("fails when allowFrom opens a port an AWS service's endpoint does not serve (HTTP 80 for HTTPS 443), naming the port it serves", () => {
    const { stack, clients, sts } = setup();
    const error = expectValidationError(
      () => sts.connections.allowFrom(clients, Port.tcp(80), "Clients call STS"),
      "connections.allowFrom.port",
      "tcp 80",
    );
    expect(error.constructPath).toBe("test/Sts");
    expect(error.expected).toBe(
      "a port test/Sts serves: TCP 443 (a rule on another port, or over UDP, opens a port that carries nothing while the one its clients need stays closed)",
    );
    // Nothing half-made: neither the endpoint's ingress nor the client's egress.
    expect(rules(stack, "aws_vpc_security_group_ingress_rule")).toEqual([]);
    expect(rules(stack, "aws_vpc_security_group_egress_rule")).toEqual([]);
  });

  test("fails the same way from the client's side (allowTo the endpoint), over UDP on the served port, and for a range past it", () => {
    const { clients, sts } = setup();
    const toSts = expectValidationError(
      () => clients.connections.allowTo(sts, Port.tcp(8080), "Clients call STS"),
      "connections.allowTo.port",
      "tcp 8080",
    );
    expect(toSts.constructPath).toBe("test/Clients");
    expect(toSts.expected).toContain("a port test/Sts serves: TCP 443");
    expectValidationError(
      () => sts.connections.allowFrom(clients, Port.tcp(443), "DNS?", { protocol: "udp" }),
      "connections.allowFrom.port",
      "udp 443",
    );
    expectValidationError(
      () => sts.connections.allowFrom(clients, Port.range(443, 444), "Clients call STS"),
      "connections.allowFrom.port",
      "tcp 443-444",
    );
  });

  test("fails when a partner's endpoint is opened on a port other than the service's ports, naming them", () => {
    const { clients, partner } = setup();
    const error = expectValidationError(
      () => partner.connections.allowFrom(clients, Port.tcp(443), "Clients call the partner"),
      "connections.allowFrom.port",
      "tcp 443",
    );
    expect(error.expected).toContain("a port test/Partner serves: TCP 8443, 9443");
  });

  test("the served port passes, on both sides: the endpoint's ingress and the client's egress, and the flow holds there and only there", () => {
    const { stack, clients, sts, partner } = setup();
    sts.connections.allowFrom(clients, Port.tcp(443), "Clients call STS");
    clients.connections.allowTo(partner, Port.tcp(9443), "Clients call the partner");
    expect(
      rules(stack, "aws_vpc_security_group_ingress_rule")
        .map((r) => [r.from_port, r.to_port])
        .sort(),
    ).toEqual([
      [443, 443],
      [9443, 9443],
    ]);
    expect(
      rules(stack, "aws_vpc_security_group_egress_rule")
        .map((r) => [r.from_port, r.to_port])
        .sort(),
    ).toEqual([
      [443, 443],
      [9443, 9443],
    ]);
    expectFlow(stack, { securityGroup: clients }, { target: sts, port: 443 }).toBeAllowed();
    expectFlow(stack, { securityGroup: clients }, { target: partner, port: 9443 }).toBeAllowed();
    expectFlow(stack, { securityGroup: clients }, { target: partner, port: 8443 }).toBeDenied();
  });

  test("fails when the shared group of PrivateAwsServiceAccess is opened on a port none of its endpoints serves; their port passes", () => {
    const stack = stackWithProvider();
    const vpc = testVpc(stack);
    const clients = new SecurityGroup(stack, "Clients", { vpc, description: "Client instances" });
    const access = new PrivateAwsServiceAccess(stack, "Access", {
      vpc,
      open: false,
      services: [
        { service: AwsService.STS, policy: EndpointPolicy.organizationOnly(ORG) },
        { service: AwsService.LOGS, policy: EndpointPolicy.organizationOnly(ORG) },
      ],
    });
    const error = expectValidationError(() => access.connections.allowFrom(clients, Port.tcp(80), "x"), "connections.allowFrom.port", "tcp 80");
    expect(error.expected).toContain("a port test/Access serves: TCP 443");
    access.connections.allowDefaultPortFrom(clients, "Clients call STS and ship logs");
    expectFlow(stack, { securityGroup: clients }, { target: access.interfaceEndpoints.logs, port: 443 }).toBeAllowed();
  });

  test("an endpoint given its own security groups still serves only its service's ports; the groups' own connections are not judged", () => {
    const stack = stackWithProvider();
    const vpc = testVpc(stack);
    const clients = new SecurityGroup(stack, "Clients", { vpc, description: "Client instances" });
    const shared = new SecurityGroup(stack, "Shared", { vpc, description: "Endpoints and the proxy" });
    const sts = new InterfaceEndpoint(stack, "Sts", {
      vpc,
      service: AwsService.STS,
      policy: EndpointPolicy.organizationOnly(ORG),
      securityGroups: [shared],
    });
    expectValidationError(() => sts.connections.allowFrom(clients, Port.tcp(80), "x"), "connections.allowFrom.port", "tcp 80");
    sts.connections.allowFrom(clients, Port.tcp(443), "Clients call STS");
    // The group is the caller's: something else on it may serve other ports.
    shared.connections.allowFrom(clients, Port.tcp(3128), "Clients use the proxy");
    expect(
      rules(stack, "aws_vpc_security_group_ingress_rule")
        .map((r) => r.from_port)
        .sort(),
    ).toEqual([3128, 443]);
  });
});
