import { TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import {
  GatewayLoadBalancerEndpoint,
  GatewayLoadBalancerEndpointProps,
  IGatewayLoadBalancerEndpointService,
  InterfaceEndpoint,
} from "../../modules/endpoints";
import {
  ApplianceTargets,
  EndpointConnectionAccepter,
  EndpointService,
  EndpointServiceLoadBalancer,
  EndpointServicePrincipal,
  GatewayLoadBalancer,
} from "../../modules/privatelink";
import { Vpc } from "../../modules/vpc";
import { expectValidationError, Json, resourcesOfType, stackWithoutProvider, synthJson } from "../helpers";

const INSPECTION: IGatewayLoadBalancerEndpointService = {
  serviceName: "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0",
  serviceType: "GatewayLoadBalancer",
  availabilityZoneIds: ["use1-az1", "use1-az2"],
};

function workloadVpc(stack: TerraformStack, azs = ["use1-az1", "use1-az2"]): Vpc {
  return new Vpc(stack, "Vpc", { name: "workloads", cidrBlock: "10.110.0.0/16", availabilityZones: azs });
}

/** The subnets of the data tier the routes send through inspection: a destination inside the VPC must be a subnet's whole CIDR. */
function dataTier(stack: TerraformStack, vpc: Vpc): void {
  new Subnet(stack, "DataA", { vpcId: vpc.vpcId, cidrBlock: "10.110.10.0/24", availabilityZoneId: "use1-az1" });
  new Subnet(stack, "DataB", { vpcId: vpc.vpcId, cidrBlock: "10.110.11.0/24", availabilityZoneId: "use1-az2" });
}

/** The endpoints in subnets of their own: those of a second VPC's shape, standing in for dedicated endpoint subnets. */
function endpointStack(overrides: Partial<GatewayLoadBalancerEndpointProps> = {}) {
  const stack = stackWithoutProvider();
  const vpc = workloadVpc(stack);
  dataTier(stack, vpc);
  const endpointSubnets = [
    { subnetId: "subnet-0aaaaaaaaaaaaaaaa", availabilityZoneId: "use1-az1", routeTableId: "rtb-0aaaaaaaaaaaaaaaa" },
    { subnetId: "subnet-0bbbbbbbbbbbbbbbb", availabilityZoneId: "use1-az2", routeTableId: "rtb-0bbbbbbbbbbbbbbbb" },
  ];
  const endpoint = new GatewayLoadBalancerEndpoint(stack, "Inspection", { vpc, service: INSPECTION, subnets: endpointSubnets, ...overrides });
  return { stack, vpc, endpoint };
}

describe("GatewayLoadBalancerEndpoint", () => {
  test("one GatewayLoadBalancer endpoint per zone, each in its one subnet, without security groups", () => {
    const { stack, endpoint } = endpointStack();
    const endpoints = resourcesOfType(stack, "aws_vpc_endpoint");
    expect(Object.keys(endpoints).sort()).toEqual([
      expect.stringMatching(/^Inspection_Endpoint-use1-az1_/),
      expect.stringMatching(/^Inspection_Endpoint-use1-az2_/),
    ]);
    for (const resource of Object.values(endpoints) as Json[]) {
      expect(resource).toMatchObject({
        vpc_endpoint_type: "GatewayLoadBalancer",
        service_name: INSPECTION.serviceName,
        subnet_ids: [expect.stringMatching(/^subnet-0/)],
      });
      expect(resource.security_group_ids).toBeUndefined();
    }
    expect(Object.keys(endpoint.endpoints)).toEqual(["use1-az1", "use1-az2"]);
    expect(endpoint.endpointIn("use1-az2").resource).toBe(endpoint.endpoints["use1-az2"]);
    expect(() => endpoint.endpointIn("use1-az4")).toThrow(/a zone with an endpoint \(use1-az1, use1-az2\)/);
  });

  test("routes each subnet's destinations to the endpoint of its zone, or of the zone asked for", () => {
    // Dual-stack endpoints, which carry the IPv6 destination too.
    const { stack, vpc, endpoint } = endpointStack({ ipAddressType: "dualstack" });
    endpoint.routeThrough("to-data", { subnets: vpc.privateSubnets, destinations: ["10.110.10.0/24", "2600:1f18:aaa:bb10::/64"] });
    endpoint.routeThrough("to-data-az2", { subnets: [vpc.privateSubnets[0]], destinations: ["10.110.11.0/24"], viaZone: "use1-az2" });
    const routes = Object.entries(resourcesOfType(stack, "aws_route")) as [string, Json][];
    const view = routes
      .map(([name, r]) => [
        name.replace(/_[0-9A-F]{8}$/, ""),
        r.destination_cidr_block ?? r.destination_ipv6_cidr_block,
        String(r.vpc_endpoint_id).match(/Endpoint-(use1-az\d)/)?.[1],
      ])
      .sort();
    expect(view).toEqual([
      ["Inspection_Route-to-data-az2-use1-az1-10-110-11-0-24", "10.110.11.0/24", "use1-az2"],
      ["Inspection_Route-to-data-use1-az1-10-110-10-0-24", "10.110.10.0/24", "use1-az1"],
      ["Inspection_Route-to-data-use1-az1-2600-1f18-aaa-bb10-64", "2600:1f18:aaa:bb10::/64", "use1-az1"],
      ["Inspection_Route-to-data-use1-az2-10-110-10-0-24", "10.110.10.0/24", "use1-az2"],
      ["Inspection_Route-to-data-use1-az2-2600-1f18-aaa-bb10-64", "2600:1f18:aaa:bb10::/64", "use1-az2"],
    ]);
    for (const [, route] of routes) expect(route.route_table_id).toMatch(/aws_route_table\.Vpc_PrivateRoutes-use1-az\d_\w+\.id/);
  });

  test("a route waits for the acceptance of its endpoint, accepted before or after the route is made (fails when a route may reach a pendingAcceptance endpoint)", () => {
    const { stack, vpc, endpoint } = endpointStack();
    const service = { endpointServiceId: "vpce-svc-0123456789abcdef0", acceptanceRequired: true };
    new EndpointConnectionAccepter(stack, "AcceptAz2", { service, endpoint: endpoint.endpointIn("use1-az2") });
    endpoint.routeThrough("to-data", { subnets: vpc.privateSubnets, destinations: ["10.110.10.0/24"] });
    new EndpointConnectionAccepter(stack, "AcceptAz1", { service, endpoint: endpoint.endpointIn("use1-az1") });
    const waits = Object.fromEntries(
      (Object.entries(resourcesOfType(stack, "aws_route")) as [string, Json][]).map(([name, r]) => [name.replace(/_[0-9A-F]{8}$/, ""), r.depends_on]),
    );
    expect(waits).toEqual({
      "Inspection_Route-to-data-use1-az1-10-110-10-0-24": [expect.stringMatching(/^aws_vpc_endpoint_connection_accepter\.AcceptAz1_\w+$/)],
      "Inspection_Route-to-data-use1-az2-10-110-10-0-24": [expect.stringMatching(/^aws_vpc_endpoint_connection_accepter\.AcceptAz2_\w+$/)],
    });
  });

  test("records the provider's terms of a service known only by name, for the flow analysis", () => {
    const { stack } = endpointStack({
      service: { ...INSPECTION, contract: { allowedPrincipalArns: ["arn:aws:iam::222222222222:root"], acceptanceRequired: true } },
    });
    const endpoint = Object.values(JSON.parse(JSON.stringify(stack.toTerraform())).resource.aws_vpc_endpoint)[0] as Json;
    expect(endpoint["//"].flows.endpointService).toEqual({
      ports: [],
      availabilityZoneIds: ["use1-az1", "use1-az2"],
      allowedPrincipalArns: ["arn:aws:iam::222222222222:root"],
      acceptanceRequired: true,
    });
  });

  describe("fails when", () => {
    test("the service name is not an endpoint service's (an AWS service's, or the service's ID): AWS refuses it at apply", () => {
      const logs = { ...INSPECTION, serviceName: "com.amazonaws.us-east-1.logs" };
      expectValidationError(() => endpointStack({ service: logs }), "service.serviceName", '"com.amazonaws.us-east-1.logs"');
      const id = { ...INSPECTION, serviceName: "vpce-svc-0123456789abcdef0" };
      expectValidationError(() => endpointStack({ service: id }), "service.serviceName", '"vpce-svc-0123456789abcdef0"');
    });

    test("the service is another region's: GatewayLoadBalancer endpoints do not cross regions", () => {
      const stack = stackWithoutProvider();
      new AwsProvider(stack, "aws", { region: "us-east-1" });
      const vpc = workloadVpc(stack);
      const service = { ...INSPECTION, serviceName: "com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0" };
      expectValidationError(
        () => new GatewayLoadBalancerEndpoint(stack, "Inspection", { vpc, service, subnets: vpc.privateSubnets }),
        "service.serviceName",
        '"com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0"',
      );
    });

    test("an IPv6 destination is routed through ipv4 endpoints, which carry no IPv6 traffic", () => {
      const { vpc, endpoint } = endpointStack();
      expectValidationError(
        () => endpoint.routeThrough("to-data", { subnets: vpc.privateSubnets, destinations: ["10.110.10.0/24", "2600:1f18:aaa:bb10::/64"] }),
        'routeThrough("to-data").destinations[1]',
        '"2600:1f18:aaa:bb10::/64"',
      );
    });

    test("the service takes Interface endpoints", () => {
      expectValidationError(() => endpointStack({ service: { ...INSPECTION, serviceType: "Interface" } }), "service", '"Interface"');
    });

    test("a subnet is in a zone the Gateway Load Balancer is not in", () => {
      expectValidationError(
        () => endpointStack({ service: { ...INSPECTION, availabilityZoneIds: ["use1-az1", "use1-az4"] } }),
        "subnets[1]",
        '"use1-az2"',
      );
    });

    test("a dualstack endpoint is given IPv4-only subnets (AWS needs dual-stack subnets for it)", () => {
      const stack = stackWithoutProvider();
      const vpc = workloadVpc(stack);
      const props = { vpc, service: INSPECTION, subnets: vpc.privateSubnets, ipAddressType: "dualstack" as const };
      expectValidationError(() => new GatewayLoadBalancerEndpoint(stack, "Inspection", props), "ipAddressType", '"dualstack"');
      const dualStack = new Vpc(stack, "DualStack", {
        name: "dual",
        cidrBlock: "10.120.0.0/16",
        availabilityZones: ["use1-az1", "use1-az2"],
        dualStack: true,
      });
      new GatewayLoadBalancerEndpoint(stack, "DualStackInspection", { ...props, vpc: dualStack, subnets: dualStack.privateSubnets });
    });

    test("two subnets share a zone", () => {
      const subnets = [
        { subnetId: "subnet-0aaaaaaaaaaaaaaaa", availabilityZoneId: "use1-az1" },
        { subnetId: "subnet-0bbbbbbbbbbbbbbbb", availabilityZoneId: "use1-az1" },
      ];
      expectValidationError(() => endpointStack({ subnets }), "subnets[1]", '"use1-az1"');
    });

    test("a subnet's zone is unknown", () => {
      expectValidationError(
        () => endpointStack({ subnets: [{ subnetId: "subnet-0aaaaaaaaaaaaaaaa" }, { subnetId: "subnet-0bbbbbbbbbbbbbbbb" }] }),
        "subnets[0].availabilityZone",
        "undefined",
      );
    });

    test("one zone only, without saying so", () => {
      expectValidationError(
        () => endpointStack({ subnets: [{ subnetId: "subnet-0aaaaaaaaaaaaaaaa", availabilityZoneId: "use1-az1" }] }),
        "subnets",
        '"subnets in 1 availability zone(s)"',
      );
    });

    test("a route sends an endpoint's own subnet back into inspection", () => {
      const { endpoint } = endpointStack();
      expectValidationError(
        () =>
          endpoint.routeThrough("loop", {
            subnets: [{ subnetId: "subnet-0aaaaaaaaaaaaaaaa", availabilityZoneId: "use1-az1", routeTableId: "rtb-0aaaaaaaaaaaaaaaa" }],
            destinations: ["10.110.10.0/24"],
          }),
        'routeThrough("loop").subnets[0]',
        '"subnet-0aaaaaaaaaaaaaaaa"',
      );
    });

    test("a route destination has host bits set", () => {
      const { vpc, endpoint } = endpointStack();
      expectValidationError(
        () => endpoint.routeThrough("data", { subnets: vpc.privateSubnets, destinations: ["10.110.10.5/24"] }),
        'routeThrough("data").destinations[0]',
        '"10.110.10.5/24"',
      );
    });

    test("a routed subnet is in a zone without an endpoint", () => {
      const stack = stackWithoutProvider();
      const vpc = workloadVpc(stack, ["use1-az1", "use1-az2", "use1-az4"]);
      const endpoint = new GatewayLoadBalancerEndpoint(stack, "Inspection", {
        vpc,
        service: INSPECTION,
        subnets: [
          { subnetId: "subnet-0aaaaaaaaaaaaaaaa", availabilityZoneId: "use1-az1" },
          { subnetId: "subnet-0bbbbbbbbbbbbbbbb", availabilityZoneId: "use1-az2" },
        ],
      });
      expectValidationError(
        () => endpoint.routeThrough("data", { subnets: vpc.privateSubnets, destinations: ["10.110.10.0/24"] }),
        'routeThrough("data").subnets[2]',
        '"use1-az4"',
      );
    });

    test("the same routes are asked for twice under one name", () => {
      const { vpc, endpoint } = endpointStack();
      endpoint.routeThrough("data", { subnets: vpc.privateSubnets, destinations: ["10.110.10.0/24"] });
      expectValidationError(
        () => endpoint.routeThrough("data", { subnets: vpc.privateSubnets, destinations: ["10.110.10.0/24"] }),
        'routeThrough("data").subnets[0]',
        "use1-az1 to 10.110.10.0/24",
      );
    });

    test("the endpoints' subnets or the routed subnets are of another VPC", () => {
      const stack = stackWithoutProvider();
      const vpc = workloadVpc(stack);
      const other = new Vpc(stack, "Other", { name: "other", cidrBlock: "10.120.0.0/16", availabilityZones: ["use1-az1", "use1-az2"] });
      expectValidationError(
        () => new GatewayLoadBalancerEndpoint(stack, "Inspection", { vpc, service: INSPECTION, subnets: other.privateSubnets }),
        "subnets[0]",
        "<reference known at apply>",
      );
      const { endpoint } = endpointStack();
      const elsewhere = [
        {
          subnetId: "subnet-0cccccccccccccccc",
          availabilityZoneId: "use1-az1",
          routeTableId: "rtb-0cccccccccccccccc",
          vpcId: "vpc-0123456789abcdef0",
        },
      ];
      expectValidationError(
        () => endpoint.routeThrough("data", { subnets: elsewhere, destinations: ["0.0.0.0/0"] }),
        'routeThrough("data").subnets[0]',
        "vpc-0123456789abcdef0",
      );
    });

    test("two routes to one destination would go in one route table (a shared table, or one subnet under two names)", () => {
      const { vpc, endpoint } = endpointStack();
      const shared = [
        { subnetId: "subnet-0cccccccccccccccc", availabilityZoneId: "use1-az1", routeTableId: "rtb-0cccccccccccccccc" },
        { subnetId: "subnet-0dddddddddddddddd", availabilityZoneId: "use1-az2", routeTableId: "rtb-0cccccccccccccccc" },
      ];
      expectValidationError(
        () => endpoint.routeThrough("shared", { subnets: shared, destinations: ["0.0.0.0/0"] }),
        'routeThrough("shared").subnets[1]',
        "0.0.0.0/0 in route table rtb-0cccccccccccccccc",
      );
      endpoint.routeThrough("data", { subnets: [vpc.privateSubnets[0]], destinations: ["10.0.0.0/8"] });
      expectValidationError(
        () => endpoint.routeThrough("data-again", { subnets: [vpc.privateSubnets[0]], destinations: ["10.0.0.0/8"] }),
        'routeThrough("data-again").subnets[0]',
        "10.0.0.0/8 in route table",
      );
    });

    test("the VPC is its ID (a JavaScript caller's string): the endpoints would have no VPC", () => {
      const stack = stackWithoutProvider();
      const subnets = workloadVpc(stack).privateSubnets;
      expectValidationError(
        () => new GatewayLoadBalancerEndpoint(stack, "Inspection", { vpc: "vpc-0123456789abcdef0" as unknown as Vpc, service: INSPECTION, subnets }),
        "vpc",
        '"vpc-0123456789abcdef0"',
      );
    });

    test("a routed subnet shares its route table with an endpoint's subnet (an imported VPC whose tiers share tables): inspected traffic would loop", () => {
      const { vpc, endpoint } = endpointStack();
      const sharing = { subnetId: "subnet-0cccccccccccccccc", availabilityZoneId: "use1-az1", routeTableId: "rtb-0aaaaaaaaaaaaaaaa" };
      const error = expectValidationError(
        () => endpoint.routeThrough("shared", { subnets: [sharing], destinations: ["0.0.0.0/0"] }),
        'routeThrough("shared").subnets[0].routeTableId',
        '"rtb-0aaaaaaaaaaaaaaaa"',
      );
      expect(error.expected).toContain("a route table other than the endpoints' subnets' (rtb-0aaaaaaaaaaaaaaaa");
      // A table of its own takes the route.
      endpoint.routeThrough("own", { subnets: [vpc.privateSubnets[0]], destinations: ["0.0.0.0/0"] });
    });

    test("a destination inside a secondary block of the VPC is judged as one inside the primary: a subnet's whole CIDR or nothing", () => {
      const stack = stackWithoutProvider();
      const vpc = new Vpc(stack, "Vpc", {
        name: "workloads",
        cidrBlock: "10.110.0.0/16",
        availabilityZones: ["use1-az1", "use1-az2"],
        secondaryCidrBlocks: ["100.64.0.0/16"],
      });
      new Subnet(stack, "Pods", { vpcId: vpc.vpcId, cidrBlock: "100.64.0.0/19", availabilityZoneId: "use1-az1" });
      const endpoint = new GatewayLoadBalancerEndpoint(stack, "Inspection", {
        vpc,
        service: INSPECTION,
        subnets: [
          { subnetId: "subnet-0aaaaaaaaaaaaaaaa", availabilityZoneId: "use1-az1", routeTableId: "rtb-0aaaaaaaaaaaaaaaa" },
          { subnetId: "subnet-0bbbbbbbbbbbbbbbb", availabilityZoneId: "use1-az2", routeTableId: "rtb-0bbbbbbbbbbbbbbbb" },
        ],
      });
      endpoint.routeThrough("pods", { subnets: vpc.privateSubnets, destinations: ["100.64.0.0/19"] });
      synthJson(stack);
      // Wider than the pods' subnet, inside the secondary block: AWS's local route for the block carries it, not this route.
      endpoint.routeThrough("wide", { subnets: vpc.privateSubnets, destinations: ["100.64.0.0/18"] });
      const error = expectValidationError(() => synthJson(stack), 'routeThrough("wide").destinations[0]', "100.64.0.0/18");
      expect(error.expected).toContain("a destination outside the VPC (10.110.0.0/16, 100.64.0.0/16)");
      // The whole secondary block is the VPC's local route: refused at the call, as the primary block is.
      expectValidationError(
        () => endpoint.routeThrough("block", { subnets: vpc.privateSubnets, destinations: ["100.64.0.0/16"] }),
        'routeThrough("block").destinations[0]',
        "100.64.0.0/16",
      );
    });

    test("a destination inside a VPC of this configuration is no subnet's whole CIDR (wider than one, inside one, or of no subnet)", () => {
      for (const cidr of ["10.110.10.0/23", "10.110.10.128/25", "10.110.20.0/24"]) {
        const { stack, vpc, endpoint } = endpointStack();
        endpoint.routeThrough("inside", { subnets: vpc.privateSubnets, destinations: [cidr] });
        const error = expectValidationError(() => synthJson(stack), 'routeThrough("inside").destinations[0]', cidr);
        expect(error.expected).toContain("10.110.0.0/24, 10.110.1.0/24, 10.110.10.0/24, 10.110.11.0/24");
      }
      // A subnet's whole CIDR (also one made after the route), and destinations outside the VPC, are taken.
      const { stack, vpc, endpoint } = endpointStack();
      endpoint.routeThrough("inside", { subnets: vpc.privateSubnets, destinations: ["10.110.10.0/24", "10.110.12.0/24", "10.0.0.0/8", "0.0.0.0/0"] });
      new Subnet(stack, "Later", { vpcId: vpc.vpcId, cidrBlock: "10.110.12.0/24", availabilityZoneId: "use1-az1" });
      synthJson(stack);
      // An imported VPC's subnets are unknown: its destinations are left to AWS.
      const imported = stackWithoutProvider();
      const existing = Vpc.fromVpcAttributes(imported, "Vpc", {
        vpcId: "vpc-0123456789abcdef0",
        cidrBlock: "10.110.0.0/16",
        privateSubnets: [{ subnetId: "subnet-0cccccccccccccccc", availabilityZoneId: "use1-az1", routeTableId: "rtb-0cccccccccccccccc" }],
      });
      const subnets = [
        {
          subnetId: "subnet-0aaaaaaaaaaaaaaaa",
          availabilityZoneId: "use1-az1",
          routeTableId: "rtb-0aaaaaaaaaaaaaaaa",
          vpcId: "vpc-0123456789abcdef0",
        },
        {
          subnetId: "subnet-0bbbbbbbbbbbbbbbb",
          availabilityZoneId: "use1-az2",
          routeTableId: "rtb-0bbbbbbbbbbbbbbbb",
          vpcId: "vpc-0123456789abcdef0",
        },
      ];
      new GatewayLoadBalancerEndpoint(imported, "Inspection", { vpc: existing, service: INSPECTION, subnets }).routeThrough("inside", {
        subnets: existing.privateSubnets,
        destinations: ["10.110.20.0/24"],
      });
      synthJson(imported);
    });

    test("a destination inside the VPC is no subnet's whole CIDR (the VPC's own CIDR, or smaller than any subnet)", () => {
      const { vpc, endpoint } = endpointStack();
      for (const cidr of ["10.110.0.0/16", "10.110.10.0/29"])
        expectValidationError(
          () => endpoint.routeThrough("inside", { subnets: vpc.privateSubnets, destinations: [cidr] }),
          'routeThrough("inside").destinations[0]',
          cidr,
        );
    });

    test("no destination is given", () => {
      const { vpc, endpoint } = endpointStack();
      expectValidationError(
        () => endpoint.routeThrough("data", { subnets: vpc.privateSubnets, destinations: [] }),
        'routeThrough("data").destinations',
        "[]",
      );
    });
  });
});

describe("GatewayLoadBalancer endpoints to a Gateway Load Balancer's service of this configuration", () => {
  function inspectionService(stack: TerraformStack, props: Partial<ConstructorParameters<typeof EndpointService>[2]> = {}) {
    const vpc = new Vpc(stack, "InspectionVpc", { name: "inspection", cidrBlock: "10.100.0.0/16", availabilityZones: ["use1-az1", "use1-az2"] });
    const firewalls = new GatewayLoadBalancer(stack, "Firewalls", {
      vpc,
      appliances: ApplianceTargets.ipAddresses({ addresses: { "firewall-a": "10.100.0.10" } }),
      healthCheck: { port: 80 },
    });
    return new EndpointService(stack, "Inspection", { loadBalancer: EndpointServiceLoadBalancer.gatewayLoadBalancer(firewalls), ...props });
  }

  test("are accepted by an EndpointConnectionAccepter of each zone's endpoint", () => {
    const stack = stackWithoutProvider();
    const service = inspectionService(stack);
    const vpc = workloadVpc(stack);
    const endpoint = new GatewayLoadBalancerEndpoint(stack, "Endpoints", { vpc, service, subnets: vpc.privateSubnets });
    for (const zone of ["use1-az1", "use1-az2"])
      new EndpointConnectionAccepter(stack, `Accept-${zone}`, { service, endpoint: endpoint.endpointIn(zone) });
    synthJson(stack);
  });

  test("fails when the service requires acceptance and nothing accepts an endpoint (its routes would reach a pendingAcceptance endpoint)", () => {
    const stack = stackWithoutProvider();
    const service = inspectionService(stack);
    const vpc = workloadVpc(stack);
    const endpoint = new GatewayLoadBalancerEndpoint(stack, "Endpoints", { vpc, service, subnets: vpc.privateSubnets });
    new EndpointConnectionAccepter(stack, "Accept-use1-az1", { service, endpoint: endpoint.endpointIn("use1-az1") });
    const error = expectValidationError(() => synthJson(stack), "acceptanceRequired", "true");
    expect(error.constructPath).toBe("test/Inspection");
    expect(error.expected).toContain("an acceptance of test/Endpoints/Endpoint-use1-az2");
    // Without acceptance, nothing waits.
    const open = stackWithoutProvider();
    const openService = inspectionService(open, { acceptanceRequired: false, allowedPrincipals: [EndpointServicePrincipal.account("111111111111")] });
    const openVpc = workloadVpc(open);
    new GatewayLoadBalancerEndpoint(open, "Endpoints", { vpc: openVpc, service: openService, subnets: openVpc.privateSubnets });
    synthJson(open);
  });

  test("fails when the endpoints' account is not among the service's allowed principals (AWS lets only those create endpoints)", () => {
    const stack = stackWithoutProvider();
    const owner = new AwsProvider(stack, "owner", { alias: "owner", region: "us-east-1", allowedAccountIds: ["111111111111"] });
    const workloads = new AwsProvider(stack, "workloads", { alias: "workloads", region: "us-east-1", allowedAccountIds: ["222222222222"] });
    const service = inspectionService(stack, { provider: owner, allowedPrincipals: [EndpointServicePrincipal.account("333333333333")] });
    const vpc = new Vpc(stack, "Vpc", {
      provider: workloads,
      name: "workloads",
      cidrBlock: "10.110.0.0/16",
      availabilityZones: ["use1-az1", "use1-az2"],
    });
    expectValidationError(
      () => new GatewayLoadBalancerEndpoint(stack, "Endpoints", { vpc, service, subnets: vpc.privateSubnets }),
      "service.allowedPrincipals",
      '["333333333333"]',
    );
  });

  test("fails when a subnet's AZ name is none of the Gateway Load Balancer's, in one account", () => {
    const stack = stackWithoutProvider();
    const inspectionVpc = new Vpc(stack, "InspectionVpc", {
      name: "inspection",
      cidrBlock: "10.100.0.0/16",
      availabilityZones: ["us-east-1a", "us-east-1b"],
    });
    const firewalls = new GatewayLoadBalancer(stack, "Firewalls", {
      vpc: inspectionVpc,
      appliances: ApplianceTargets.ipAddresses({ addresses: { "firewall-a": "10.100.0.10" } }),
      healthCheck: { port: 80 },
    });
    const service = new EndpointService(stack, "Inspection", { loadBalancer: EndpointServiceLoadBalancer.gatewayLoadBalancer(firewalls) });
    const vpc = workloadVpc(stack, ["us-east-1a", "us-east-1c"]);
    expectValidationError(
      () => new GatewayLoadBalancerEndpoint(stack, "Endpoints", { vpc, service, subnets: vpc.privateSubnets }),
      "subnets[1]",
      '"us-east-1c"',
    );
    const inZones = new Vpc(stack, "InZones", { name: "in-zones", cidrBlock: "10.120.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
    new GatewayLoadBalancerEndpoint(stack, "InZonesEndpoints", { vpc: inZones, service, subnets: inZones.privateSubnets });
  });
});

describe("an Interface endpoint to a Gateway Load Balancer's service", () => {
  test("is refused, naming the endpoint type that reaches it", () => {
    const stack = stackWithoutProvider();
    const vpc = workloadVpc(stack);
    const gwlb = GatewayLoadBalancer.fromGatewayLoadBalancerAttributes(stack, "Gwlb", {
      loadBalancerArn: "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/gwy/inspection/0123456789abcdef",
    });
    const service = new EndpointService(stack, "Inspection", { loadBalancer: EndpointServiceLoadBalancer.gatewayLoadBalancer(gwlb) });
    // The service's name is known at apply only: the message says what kind of service it is.
    const error = expectValidationError(() => new InterfaceEndpoint(stack, "Wrong", { vpc, service }), "service", "<reference known at apply>");
    expect(error.message).toContain("a Gateway Load Balancer's, which AWS reaches only through a GatewayLoadBalancerEndpoint");
  });
});
