import { TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import {
  ApplianceTargets,
  EndpointService,
  EndpointServiceLoadBalancer,
  EndpointServicePrincipal,
  GatewayLoadBalancer,
  InspectedSubnetTier,
  InspectedSubnetTierProps,
} from "../../../modules/privatelink";
import { expectFlow } from "../../../modules/flows";
import { Vpc } from "../../../modules/vpc";
import { expectValidationError, Json, resourcesOfType, stackWithProvider, synthJson } from "../../helpers";

const vpcSubnetCidrs = (vpc: Vpc) => vpc.privateSubnets.map((s) => s.cidrBlock);

/** The inspection service the tiers send through: a Gateway Load Balancer's endpoint service in a VPC of its own. */
function inspectionService(stack: TerraformStack): EndpointService {
  const inspectionVpc = new Vpc(stack, "InspectionVpc", {
    name: "inspection",
    cidrBlock: "10.100.0.0/16",
    availabilityZones: ["use1-az1", "use1-az2"],
  });
  const firewalls = new GatewayLoadBalancer(stack, "Firewalls", {
    vpc: inspectionVpc,
    appliances: ApplianceTargets.ipAddresses({ addresses: { a: "10.100.0.10" } }),
    healthCheck: { port: 80 },
  });
  return new EndpointService(stack, "Inspection", {
    loadBalancer: EndpointServiceLoadBalancer.gatewayLoadBalancer(firewalls),
    allowedPrincipals: [EndpointServicePrincipal.account("111111111111")],
  });
}

/** An inspection service in the stack, and a workload VPC of two /24 application subnets (10.110.0.0/24 and 10.110.1.0/24). */
function tierStack(overrides: (vpc: Vpc) => Partial<InspectedSubnetTierProps> = () => ({})) {
  const stack = stackWithProvider();
  const service = inspectionService(stack);
  const vpc = new Vpc(stack, "Vpc", { name: "workloads", cidrBlock: "10.110.0.0/16", availabilityZones: ["use1-az1", "use1-az2"] });
  const tier = new InspectedSubnetTier(stack, "Data", {
    vpc,
    name: "data",
    service,
    subnetCidrs: { "use1-az1": "10.110.10.0/24", "use1-az2": "10.110.11.0/24" },
    endpointSubnetCidrs: { "use1-az1": "10.110.255.0/28", "use1-az2": "10.110.255.16/28" },
    clients: {
      "app-az1": { subnet: vpc.privateSubnets[0], cidrBlock: "10.110.0.0/24" },
      "app-az2": { subnet: vpc.privateSubnets[1], cidrBlock: "10.110.1.0/24" },
    },
    ...overrides(vpc),
  });
  return { stack, vpc, tier, service };
}

const routesOf = (stack: TerraformStack) =>
  (Object.values(resourcesOfType(stack, "aws_route")) as Json[])
    .map((r) => [
      String(r.route_table_id)
        .match(/(Vpc_PrivateRoutes|Data_TierRoutes)-(use1-az\d)/)
        ?.slice(1, 3)
        .join(" "),
      r.destination_cidr_block,
      String(r.vpc_endpoint_id).match(/Endpoint-(use1-az\d)/)?.[1],
    ])
    .sort();

describe("InspectedSubnetTier", () => {
  test("adds the tier's subnets and the endpoints' own subnets per zone, each with a route table of its own", () => {
    const { stack, tier } = tierStack();
    const subnets = (Object.values(resourcesOfType(stack, "aws_subnet")) as Json[]).filter(
      (s) => String(s.vpc_id).includes("aws_vpc.Vpc_") && s.tags.Name.startsWith("data"),
    );
    expect(subnets.map((s) => [s.tags.Name, s.cidr_block, s.availability_zone_id]).sort()).toEqual([
      ["data-inspection-use1-az1", "10.110.255.0/28", "use1-az1"],
      ["data-inspection-use1-az2", "10.110.255.16/28", "use1-az2"],
      ["data-use1-az1", "10.110.10.0/24", "use1-az1"],
      ["data-use1-az2", "10.110.11.0/24", "use1-az2"],
    ]);
    expect(tier.subnets.map((s) => s.availabilityZoneId)).toEqual(["use1-az1", "use1-az2"]);
    expect(Object.keys(resourcesOfType(stack, "aws_route_table_association")).filter((k) => k.startsWith("Data_"))).toHaveLength(4);
  });

  test("routes both directions of every client and tier subnet pair through the endpoint in the tier subnet's zone", () => {
    const { stack } = tierStack();
    expect(routesOf(stack)).toEqual([
      ["Data_TierRoutes use1-az1", "10.110.0.0/24", "use1-az1"],
      ["Data_TierRoutes use1-az1", "10.110.1.0/24", "use1-az1"],
      ["Data_TierRoutes use1-az2", "10.110.0.0/24", "use1-az2"],
      ["Data_TierRoutes use1-az2", "10.110.1.0/24", "use1-az2"],
      ["Vpc_PrivateRoutes use1-az1", "10.110.10.0/24", "use1-az1"],
      ["Vpc_PrivateRoutes use1-az1", "10.110.11.0/24", "use1-az2"],
      ["Vpc_PrivateRoutes use1-az2", "10.110.10.0/24", "use1-az1"],
      ["Vpc_PrivateRoutes use1-az2", "10.110.11.0/24", "use1-az2"],
    ]);
  });

  test("accepts its endpoints when the service of this configuration requires acceptance", () => {
    const { stack, tier } = tierStack();
    expect(Object.keys(tier.acceptances)).toEqual(["use1-az1", "use1-az2"]);
    const accepted = (Object.values(resourcesOfType(stack, "aws_vpc_endpoint_connection_accepter")) as Json[]).map(
      (a) => String(a.vpc_endpoint_id).match(/Endpoint-(use1-az\d)/)?.[1],
    );
    expect(accepted.sort()).toEqual(["use1-az1", "use1-az2"]);
  });

  test("takes a client subnet whose CIDR is not known at synth (an imported subnet) with the CIDR given for it", () => {
    const subnet = { subnetId: "subnet-0aaaaaaaaaaaaaaaa", availabilityZoneId: "use1-az1", routeTableId: "rtb-0aaaaaaaaaaaaaaaa" };
    const { stack } = tierStack(() => ({ clients: { app: { subnet, cidrBlock: "10.110.0.0/24" } } }));
    const back = (Object.values(resourcesOfType(stack, "aws_route")) as Json[]).filter((r) => r.destination_cidr_block === "10.110.0.0/24");
    expect(back).toHaveLength(2);
    expect((Object.values(resourcesOfType(stack, "aws_route")) as Json[]).filter((r) => r.route_table_id === "rtb-0aaaaaaaaaaaaaaaa")).toHaveLength(
      2,
    );
  });

  test("a client's CIDR defaults to its subnet's own block: the same JSON as given explicitly, and the flow passes the appliances both ways", () => {
    const explicit = tierStack();
    const omitted = tierStack((vpc) => ({
      clients: { "app-az1": { subnet: vpc.privateSubnets[0] }, "app-az2": { subnet: vpc.privateSubnets[1] } },
    }));
    expect(vpcSubnetCidrs(omitted.vpc)).toEqual(["10.110.0.0/24", "10.110.1.0/24"]);
    expect(synthJson(omitted.stack)).toEqual(synthJson(explicit.stack));
    // The service admits account 111111111111: the endpoints' provider is pinned to it, as an example stack's is.
    (omitted.stack.node.findChild("aws") as AwsProvider).allowedAccountIds = ["111111111111"];
    const flow = expectFlow(omitted.stack, { subnet: omitted.vpc.privateSubnets[1] }, { target: omitted.tier.subnets[0], port: 5432 });
    flow.toBeAllowed();
    expect(flow.verdict.hops.filter((h) => h.kind === "inspection").length).toBeGreaterThan(0);
  });

  test("an imported subnet given with its block needs no CIDR here", () => {
    const subnet = {
      subnetId: "subnet-0aaaaaaaaaaaaaaaa",
      availabilityZoneId: "use1-az1",
      routeTableId: "rtb-0aaaaaaaaaaaaaaaa",
      cidrBlock: "10.110.0.0/24",
    };
    const { stack } = tierStack(() => ({ clients: { app: { subnet } } }));
    const routes = Object.values(resourcesOfType(stack, "aws_route")) as Json[];
    expect(routes.filter((r) => r.destination_cidr_block === "10.110.0.0/24")).toHaveLength(2);
    expect(routes.filter((r) => r.route_table_id === "rtb-0aaaaaaaaaaaaaaaa")).toHaveLength(2);
  });

  describe("fails when", () => {
    test("a client's CIDR is omitted and its subnet carries none (an imported subnet without its block): the tier's route back has no destination", () => {
      const subnet = { subnetId: "subnet-0aaaaaaaaaaaaaaaa", availabilityZoneId: "use1-az1", routeTableId: "rtb-0aaaaaaaaaaaaaaaa" };
      const error = expectValidationError(() => tierStack(() => ({ clients: { app: { subnet } } })), "clients.app.cidrBlock", "undefined");
      expect(error.expected).toContain("the client subnet's IPv4 CIDR: its subnet object carries none");
      // Its neighbour, the same subnet with the CIDR given, is the test "takes a client subnet whose CIDR is not known at synth".
    });

    test("a client's subnet given as its ID (a JavaScript caller)", () => {
      expectValidationError(
        () => tierStack(() => ({ clients: { app: { subnet: "subnet-0aaaaaaaaaaaaaaaa" as never } } })),
        "clients.app.subnet",
        "subnet-0aaaaaaaaaaaaaaaa",
      );
    });

    test("a subnet CIDR is smaller than /28 or has host bits set (AWS creates neither)", () => {
      expectValidationError(
        () => tierStack(() => ({ endpointSubnetCidrs: { "use1-az1": "10.110.255.0/29", "use1-az2": "10.110.255.16/28" } })),
        "endpointSubnetCidrs.use1-az1",
        '"10.110.255.0/29"',
      );
      expectValidationError(
        () => tierStack(() => ({ subnetCidrs: { "use1-az1": "10.110.10.1/24", "use1-az2": "10.110.11.0/24" } })),
        "subnetCidrs.use1-az1",
        '"10.110.10.1/24"',
      );
    });

    test("a tier CIDR is outside the VPC", () => {
      expectValidationError(
        () => tierStack(() => ({ subnetCidrs: { "use1-az1": "10.120.10.0/24", "use1-az2": "10.110.11.0/24" } })),
        "subnetCidrs.use1-az1",
        '"10.120.10.0/24"',
      );
    });

    test("an endpoint subnet overlaps a tier subnet", () => {
      const error = expectValidationError(
        () => tierStack(() => ({ endpointSubnetCidrs: { "use1-az1": "10.110.10.0/28", "use1-az2": "10.110.255.16/28" } })),
        "endpointSubnetCidrs.use1-az1",
        '"10.110.10.0/28"',
      );
      expect(error.expected).toContain("subnetCidrs.use1-az1");
    });

    test("the endpoints' zones are not the tier's", () => {
      expectValidationError(
        () => tierStack(() => ({ endpointSubnetCidrs: { "use1-az1": "10.110.255.0/28" } })),
        "endpointSubnetCidrs",
        '["use1-az1"]',
      );
    });

    test("a client's CIDR overlaps the tier", () => {
      expectValidationError(
        () => tierStack((vpc) => ({ clients: { app: { subnet: vpc.privateSubnets[0], cidrBlock: "10.110.10.0/25" } } })),
        "clients.app.cidrBlock",
        '"10.110.10.0/25"',
      );
    });

    test("a client is in another VPC's range", () => {
      expectValidationError(
        () => tierStack((vpc) => ({ clients: { app: { subnet: vpc.privateSubnets[0], cidrBlock: "10.50.0.0/24" } } })),
        "clients.app.cidrBlock",
        '"10.50.0.0/24"',
      );
    });

    test("a client's CIDR is another subnet's, not its own (its replies would take the local route past the appliances)", () => {
      const error = expectValidationError(
        () =>
          tierStack((vpc) => ({
            clients: {
              "app-az1": { subnet: vpc.privateSubnets[0], cidrBlock: "10.110.1.0/24" },
              "app-az2": { subnet: vpc.privateSubnets[1], cidrBlock: "10.110.0.0/24" },
            },
          })),
        "clients.app-az1.cidrBlock",
        '"10.110.1.0/24"',
      );
      expect(error.expected).toContain("the CIDR of the client subnet itself (10.110.0.0/24)");
    });

    test("there is no client", () => {
      expectValidationError(() => tierStack(() => ({ clients: {} })), "clients", "{}");
    });

    test("a client subnet's route table is unknown", () => {
      expectValidationError(
        () =>
          tierStack(() => ({
            clients: { app: { subnet: { subnetId: "subnet-0aaaaaaaaaaaaaaaa", availabilityZoneId: "use1-az1" }, cidrBlock: "10.110.0.0/24" } },
          })),
        "clients.app.subnet.routeTableId",
        "undefined",
      );
    });
  });
});

describe("InspectedSubnetTier in a VPC with a secondary block", () => {
  /** An imported workload VPC whose app subnets lie in its secondary block (EKS pods in 100.64.0.0/16). */
  function podTier(clientCidr: string) {
    const stack = stackWithProvider();
    const service = inspectionService(stack);
    const vpc = Vpc.fromVpcAttributes(stack, "Vpc", {
      vpcId: "vpc-0123456789abcdef0",
      cidrBlock: "10.110.0.0/16",
      secondaryCidrBlocks: ["100.64.0.0/16"],
      privateSubnets: [
        { subnetId: "subnet-0aaa1111bbbb22220", cidrBlock: "100.64.0.0/19", availabilityZoneId: "use1-az1", routeTableId: "rtb-0aaa1111bbbb22220" },
      ],
    });
    return () =>
      new InspectedSubnetTier(stack, "Data", {
        vpc,
        name: "data",
        service,
        subnetCidrs: { "use1-az1": "10.110.10.0/24", "use1-az2": "10.110.11.0/24" },
        endpointSubnetCidrs: { "use1-az1": "10.110.255.0/28", "use1-az2": "10.110.255.16/28" },
        clients: { pods: { subnet: vpc.privateSubnets[0], cidrBlock: clientCidr } },
      });
  }

  test("a client subnet in the secondary block is a subnet of the VPC: its route to the tier goes through inspection", () => {
    const stack = podTier("100.64.0.0/19")().node.scope as TerraformStack;
    const routes = (Object.values(resourcesOfType(stack, "aws_route")) as Json[]).map((r) => [r.route_table_id, r.destination_cidr_block]);
    expect(routes).toEqual(expect.arrayContaining([["rtb-0aaa1111bbbb22220", "10.110.10.0/24"]]));
    expect(routes.some(([, destination]) => destination === "100.64.0.0/19")).toBe(true);
  });

  test("fails when a client subnet is in none of the VPC's blocks, naming them all", () => {
    const error = expectValidationError(podTier("100.65.0.0/19"), "clients.pods.cidrBlock", "100.65.0.0/19");
    expect(error.expected).toContain("a subnet of the VPC (10.110.0.0/16, 100.64.0.0/16)");
  });
});
