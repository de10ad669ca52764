import { TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Route } from "@cdktf/provider-aws/lib/route";
import { RouteTable } from "@cdktf/provider-aws/lib/route-table";
import { RouteTableAssociation } from "@cdktf/provider-aws/lib/route-table-association";
import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import { GatewayLoadBalancerEndpoint } from "../../modules/endpoints";
import { analyzeFlow, expectFlow, NetworkModel } from "../../modules/flows";
import {
  ApplianceTargets,
  EndpointConnectionAccepter,
  EndpointService,
  EndpointServiceLoadBalancer,
  EndpointServicePrincipal,
  GatewayLoadBalancer,
  InspectedSubnetTier,
} from "../../modules/privatelink";
import { ISubnet, TransitGateway, Vpc } from "../../modules/vpc";
import { Json, testApp } from "../helpers";

const SECURITY = "111111111111";
const WORKLOADS = "222222222222";
const ZONES = ["use1-az1", "use1-az2"];

interface InspectionOptions {
  /** Accounts the inspection service allows. @default the workload account */
  readonly allowed?: readonly string[];
  /** The Gateway Load Balancer's zones. @default both */
  readonly balancerZones?: readonly string[];
}

/** The security account's inspection service and the workload account's VPC, as dep2-gwlb-inspection builds them. */
function inspection(options: InspectionOptions = {}) {
  const stack = new TerraformStack(testApp(), "inspection");
  new AwsProvider(stack, "aws", { region: "us-east-1", allowedAccountIds: [SECURITY] });
  const workloads = new AwsProvider(stack, "workloads", {
    alias: "workloads",
    region: "us-east-1",
    allowedAccountIds: [WORKLOADS],
    assumeRole: [{ roleArn: `arn:aws:iam::${WORKLOADS}:role/NetworkingDeployment` }],
  });
  const inspectionVpc = new Vpc(stack, "InspectionVpc", { name: "inspection", cidrBlock: "10.100.0.0/16", availabilityZones: ZONES });
  const balancerSubnets = inspectionVpc.privateSubnets.filter((s) => (options.balancerZones ?? ZONES).includes(s.availabilityZoneId ?? ""));
  const firewalls = new GatewayLoadBalancer(stack, "Firewalls", {
    vpc: inspectionVpc,
    subnets: balancerSubnets,
    // An appliance in a zone the load balancer is not in gets no flows, and is refused: one appliance per zone of the load balancer.
    appliances: ApplianceTargets.ipAddresses({
      addresses: Object.fromEntries(
        [
          ["a", "10.100.0.10", "use1-az1"],
          ["b", "10.100.1.10", "use1-az2"],
        ]
          .filter(([, , zone]) => (options.balancerZones ?? ZONES).includes(zone))
          .map(([name, address]) => [name, address]),
      ),
    }),
    healthCheck: { protocol: "HTTP", port: 80, path: "/healthz" },
  });
  const service = new EndpointService(stack, "Inspection", {
    loadBalancer: EndpointServiceLoadBalancer.gatewayLoadBalancer(firewalls),
    allowedPrincipals: (options.allowed ?? [WORKLOADS]).map((a) => EndpointServicePrincipal.account(a)),
  });
  const vpc = new Vpc(stack, "WorkloadVpc", { provider: workloads, name: "workloads", cidrBlock: "10.110.0.0/16", availabilityZones: ZONES });
  return { stack, workloads, inspectionVpc, firewalls, service, vpc };
}

/** A subnet with a route table of its own, made raw: the tests build routings the patterns never would. */
function rawSubnet(stack: TerraformStack, vpc: Vpc, name: string, zone: string, cidrBlock: string): ISubnet & { readonly resource: Subnet } {
  const provider = vpc.provider;
  const resource = new Subnet(stack, `${name}Subnet`, { provider, vpcId: vpc.vpcId, cidrBlock, availabilityZoneId: zone });
  const table = new RouteTable(stack, `${name}Routes`, { provider, vpcId: vpc.vpcId });
  new RouteTableAssociation(stack, `${name}Association`, { provider, subnetId: resource.id, routeTableId: table.id });
  return { resource, subnetId: resource.id, availabilityZoneId: zone, routeTableId: table.id };
}

/** The example's tier: app subnets of the VPC as clients, the tier's subnets behind inspection both ways. */
function tier(options: InspectionOptions = {}) {
  const built = inspection(options);
  const data = new InspectedSubnetTier(built.stack, "Data", {
    vpc: built.vpc,
    name: "data",
    service: built.service,
    subnetCidrs: { "use1-az1": "10.110.10.0/24", "use1-az2": "10.110.11.0/24" },
    endpointSubnetCidrs: { "use1-az1": "10.110.255.0/28", "use1-az2": "10.110.255.16/28" },
    clients: {
      "app-az1": { subnet: built.vpc.privateSubnets[0], cidrBlock: "10.110.0.0/24" },
      "app-az2": { subnet: built.vpc.privateSubnets[1], cidrBlock: "10.110.1.0/24" },
    },
  });
  return { ...built, data };
}

/** The stack's JSON with the notes the analysis reads, to edit before a model is made of it. */
const notesOf = (stack: TerraformStack): Json => JSON.parse(JSON.stringify(stack.toTerraform())) as Json;

/** The flow from one subnet to another on 5432, over edited JSON; subnets named by a part of their address. */
function ask(json: Json, fromSubnet: string, toSubnet: string) {
  const model = NetworkModel.fromJson("inspection", json);
  const address = (part: string) =>
    Object.keys(json.resource.aws_subnet)
      .map((k) => `aws_subnet.${k}`)
      .find((a) => a.includes(part)) as string;
  return analyzeFlow(model, { subnet: address(fromSubnet) }, { target: address(toSubnet), port: 5432 });
}

describe("flows through a Gateway Load Balancer endpoint", () => {
  test("traffic routed to the endpoint passes the appliances and reaches the tier, replies through the same endpoint", () => {
    const { stack, vpc, data } = tier();
    const flow = expectFlow(stack, { subnet: vpc.privateSubnets[0].subnetId }, { target: data.subnets[0].subnetId, port: 5432 });
    flow.toBeAllowed();
    const texts = flow.verdict.hops.map((h) => `${h.kind}: ${h.text}`);
    expect(texts).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^inspection: GatewayLoadBalancer endpoint Data\/Inspection\/Endpoint-use1-az1 sends the traffic to endpoint service Inspection/,
        ),
        expect.stringMatching(/^acceptance: the provider accepts Data\/Inspection\/Endpoint-use1-az1/),
        expect.stringMatching(/^target: appliances of Firewalls\/Appliances admit GENEVE \(UDP 6081\)/),
        expect.stringMatching(/^target: appliances of Firewalls\/Appliances admit health checks/),
        expect.stringMatching(/^route: WorkloadVpc\/Private-use1-az1 to Data\/TierSubnet-use1-az1 and back through GatewayLoadBalancer endpoint/),
      ]),
    );
  });

  test("from another zone, both directions take the tier zone's endpoint", () => {
    const { stack, vpc, data } = tier();
    const flow = expectFlow(stack, { subnet: vpc.privateSubnets[1].subnetId }, { target: data.subnets[0].subnetId, port: 5432 });
    flow.toBeAllowed();
    expect(flow.verdict.hops.filter((h) => h.kind === "route").map((h) => h.text)).toEqual([
      expect.stringContaining("and back through GatewayLoadBalancer endpoint Data/Inspection/Endpoint-use1-az1"),
    ]);
  });

  test("fails when a subnet has no inspection route but the tier's replies to it pass the appliances", () => {
    const { stack, vpc, service } = inspection();
    const data = rawSubnet(stack, vpc, "Data", "use1-az1", "10.110.10.0/24");
    const endpoints = [
      rawSubnet(stack, vpc, "EndpointsA", "use1-az1", "10.110.255.0/28"),
      rawSubnet(stack, vpc, "EndpointsB", "use1-az2", "10.110.255.16/28"),
    ];
    const endpoint = new GatewayLoadBalancerEndpoint(stack, "Endpoints", { vpc, service, subnets: endpoints });
    for (const zone of ZONES) new EndpointConnectionAccepter(stack, `Accept-${zone}`, { service, endpoint: endpoint.endpointIn(zone) });
    endpoint.routeThrough("data-to-app", { subnets: [data], destinations: ["10.110.0.0/24"] });
    expectFlow(stack, { subnet: vpc.privateSubnets[0].subnetId }, { target: data.subnetId, port: 5432 }).toBeDenied("asymmetric inspection");
  });

  test("fails when the two directions take endpoints of different zones", () => {
    const { stack, vpc, service } = inspection();
    const data = rawSubnet(stack, vpc, "Data", "use1-az2", "10.110.11.0/24");
    const endpoints = [
      rawSubnet(stack, vpc, "EndpointsA", "use1-az1", "10.110.255.0/28"),
      rawSubnet(stack, vpc, "EndpointsB", "use1-az2", "10.110.255.16/28"),
    ];
    const endpoint = new GatewayLoadBalancerEndpoint(stack, "Endpoints", { vpc, service, subnets: endpoints });
    for (const zone of ZONES) new EndpointConnectionAccepter(stack, `Accept-${zone}`, { service, endpoint: endpoint.endpointIn(zone) });
    endpoint.routeThrough("app-to-data", { subnets: [vpc.privateSubnets[0]], destinations: ["10.110.11.0/24"] });
    endpoint.routeThrough("data-to-app", { subnets: [data], destinations: ["10.110.0.0/24"] });
    expectFlow(stack, { subnet: vpc.privateSubnets[0].subnetId }, { target: data.subnetId, port: 5432 }).toBeDenied(
      /request passes GatewayLoadBalancer endpoint Endpoints\/Endpoint-use1-az1, the replies pass GatewayLoadBalancer endpoint Endpoints\/Endpoint-use1-az2/,
    );
  });

  test("fails when nothing accepts the endpoint: routed traffic is dropped", () => {
    const { stack, vpc, service } = inspection();
    const data = rawSubnet(stack, vpc, "Data", "use1-az1", "10.110.10.0/24");
    const endpoints = [
      rawSubnet(stack, vpc, "EndpointsA", "use1-az1", "10.110.255.0/28"),
      rawSubnet(stack, vpc, "EndpointsB", "use1-az2", "10.110.255.16/28"),
    ];
    const endpoint = new GatewayLoadBalancerEndpoint(stack, "Endpoints", { vpc, service, subnets: endpoints });
    endpoint.routeThrough("app-to-data", { subnets: [vpc.privateSubnets[0]], destinations: ["10.110.10.0/24"] });
    endpoint.routeThrough("data-to-app", { subnets: [data], destinations: ["10.110.0.0/24"] });
    expectFlow(stack, { subnet: vpc.privateSubnets[0].subnetId }, { target: data.subnetId, port: 5432 }).toBeDenied("stays pendingAcceptance");
  });

  test("fails when the workload account is not allowed to connect", () => {
    // The endpoint refuses it at synth when both accounts are literal; the analysis says the same of a configuration written otherwise.
    expect(() => tier({ allowed: ["333333333333"] })).toThrow(/invalid service\.allowedPrincipals/);
    const json = notesOf(tier().stack);
    for (const service of Object.values(json.resource.aws_vpc_endpoint_service) as Json[])
      service.allowed_principals = ["arn:aws:iam::333333333333:root"];
    expect(ask(json, "WorkloadVpc_Private-use1-az1", "Data_TierSubnet-use1-az1").reason).toContain(
      "allows arn:aws:iam::333333333333:root, but Data/Inspection/Endpoint-use1-az1 is created by",
    );
  });

  test("fails when the endpoint is in a zone the Gateway Load Balancer is not in", () => {
    // The endpoint refuses such a subnet at synth when the zones are literal; the analysis says the same of a configuration written otherwise.
    expect(() => tier({ balancerZones: ["use1-az1"] })).toThrow(/a subnet in a zone the Gateway Load Balancer is in \(use1-az1\)/);
    const { stack } = tier();
    const json = notesOf(stack);
    const balancer = Object.values(json.resource.aws_lb)[0] as Json;
    balancer.subnets = [balancer.subnets[0]];
    expect(ask(json, "WorkloadVpc_Private-use1-az2", "Data_TierSubnet-use1-az2").reason).toMatch(/share no availability zone/);
  });

  test("fails when the appliances do not admit GENEVE, or have no registered appliance", () => {
    const { stack, vpc, data } = tier();
    const question = (json: Json) => ask(json, "WorkloadVpc_Private-use1-az1", "Data_TierSubnet-use1-az1");
    expect(question(notesOf(stack)).allowed).toBe(true);
    const withoutGeneve = notesOf(stack);
    for (const name of Object.keys(withoutGeneve.resource.aws_vpc_security_group_ingress_rule))
      if (name.includes("udp-6081")) delete withoutGeneve.resource.aws_vpc_security_group_ingress_rule[name];
    expect(question(withoutGeneve).reason).toMatch(/no security group in the appliances' VPC admits GENEVE \(UDP 6081\)/);
    const withoutAppliances = notesOf(stack);
    delete withoutAppliances.resource.aws_lb_target_group_attachment;
    expect(question(withoutAppliances).reason).toMatch(/has no registered appliances/);
    expect(vpc.privateSubnets).toHaveLength(2);
    expect(data.subnets).toHaveLength(2);
  });

  test("judges Terraform written otherwise: no listener, a target group of another protocol, a service of Network Load Balancers, load balancers or target groups made elsewhere", () => {
    const { stack } = tier();
    const edited = (edit: (json: Json) => void) => {
      const json = notesOf(stack);
      edit(json);
      return ask(json, "WorkloadVpc_Private-use1-az1", "Data_TierSubnet-use1-az1");
    };
    expect(edited((json) => delete json.resource.aws_lb_listener).reason).toMatch(/has no listener: it forwards nothing/);
    expect(edited((json) => ((Object.values(json.resource.aws_lb_target_group)[0] as Json).protocol = "TCP")).reason).toMatch(
      /speaks TCP: a Gateway Load Balancer forwards GENEVE only/,
    );
    const service = (json: Json) => Object.values(json.resource.aws_vpc_endpoint_service)[0] as Json;
    expect(
      edited((json) => {
        service(json).network_load_balancer_arns = service(json).gateway_load_balancer_arns;
        delete service(json).gateway_load_balancer_arns;
      }).reason,
    ).toMatch(/fronts no Gateway Load Balancer/);
    const elsewhere = edited(
      (json) =>
        (service(json).gateway_load_balancer_arns = [
          "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/gwy/elsewhere/0123456789abcdef",
        ]),
    );
    expect(elsewhere.allowed).toBe(true);
    expect(elsewhere.assumptions).toEqual(
      expect.arrayContaining([expect.stringMatching(/are not in this stack: their appliances are taken to inspect/)]),
    );
    const groupElsewhere = edited((json) => {
      (Object.values(json.resource.aws_lb_listener)[0] as Json).default_action[0].target_group_arn =
        "arn:aws:elasticloadbalancing:us-east-1:111111111111:targetgroup/elsewhere/0123456789abcdef";
    });
    expect(groupElsewhere.assumptions).toEqual(expect.arrayContaining([expect.stringMatching(/holds healthy appliances/)]));
    const registered = edited((json) => {
      delete json.resource.aws_lb_target_group_attachment;
      (Object.values(json.resource.aws_lb_target_group)[0] as Json)["//"].opt_outs = { registeredBy: "the vendor's Auto Scaling group" };
    });
    expect(registered.allowed).toBe(true);
    expect(registered.assumptions).toEqual(
      expect.arrayContaining([expect.stringContaining("registered in Firewalls/Appliances elsewhere (the vendor's Auto Scaling group)")]),
    );
  });

  test("a service of another configuration is judged by the terms recorded on the endpoint", () => {
    const make = (allowed: string) => {
      const { stack, vpc, workloads } = inspection();
      const service = EndpointService.fromEndpointServiceAttributes(stack, "Remote", {
        serviceName: "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0",
        serviceType: "GatewayLoadBalancer",
        allowedPrincipals: [EndpointServicePrincipal.account(allowed)],
        acceptanceRequired: true,
        availabilityZoneIds: ZONES,
      });
      const data = rawSubnet(stack, vpc, "Data", "use1-az1", "10.110.10.0/24");
      const endpoint = new GatewayLoadBalancerEndpoint(stack, "Endpoints", {
        provider: workloads,
        vpc,
        service,
        subnets: [
          rawSubnet(stack, vpc, "EndpointsA", "use1-az1", "10.110.255.0/28"),
          rawSubnet(stack, vpc, "EndpointsB", "use1-az2", "10.110.255.16/28"),
        ],
      });
      endpoint.routeThrough("app-to-data", { subnets: [vpc.privateSubnets[0]], destinations: ["10.110.10.0/24"] });
      endpoint.routeThrough("data-to-app", { subnets: [data], destinations: ["10.110.0.0/24"] });
      return expectFlow(stack, { subnet: vpc.privateSubnets[0].subnetId }, { target: data.subnetId, port: 5432 });
    };
    const allowed = make(WORKLOADS);
    allowed.toBeAllowed();
    expect(allowed.verdict.assumptions).toEqual(
      expect.arrayContaining([expect.stringMatching(/accepts Endpoints\/Endpoint-use1-az1, and its appliances inspect the traffic and return it/)]),
    );
    make("333333333333").toBeDenied("its provider's terms");
  });

  test("fails when the endpoint's own subnet sends the inspected traffic elsewhere", () => {
    const { stack, vpc, service } = inspection();
    const data = rawSubnet(stack, vpc, "Data", "use1-az1", "10.110.10.0/24");
    const endpoints = [
      rawSubnet(stack, vpc, "EndpointsA", "use1-az1", "10.110.255.0/28"),
      rawSubnet(stack, vpc, "EndpointsB", "use1-az2", "10.110.255.16/28"),
    ];
    const endpoint = new GatewayLoadBalancerEndpoint(stack, "Endpoints", { vpc, service, subnets: endpoints });
    for (const zone of ZONES) new EndpointConnectionAccepter(stack, `Accept-${zone}`, { service, endpoint: endpoint.endpointIn(zone) });
    endpoint.routeThrough("app-to-data", { subnets: [vpc.privateSubnets[0]], destinations: ["10.110.10.0/24"] });
    endpoint.routeThrough("data-to-app", { subnets: [data], destinations: ["10.110.0.0/24"] });
    new Route(stack, "Detour", {
      provider: vpc.provider,
      routeTableId: endpoints[0].routeTableId ?? "",
      destinationCidrBlock: "10.110.10.0/24",
      vpcPeeringConnectionId: "pcx-0123456789abcdef0",
    });
    expectFlow(stack, { subnet: vpc.privateSubnets[0].subnetId }, { target: data.subnetId, port: 5432 }).toBeDenied(
      "instead of delivering it in the VPC",
    );
  });

  test("another VPC, with no route to the tier, is denied; so is the internet", () => {
    const { stack, inspectionVpc, data } = tier();
    expectFlow(stack, inspectionVpc, { target: data.subnets[0].subnetId, port: 5432 }).toBeDenied("has no route to 10.110.10.0/24");
    expectFlow(stack, { internet: true }, { target: data.subnets[0].subnetId, port: 5432 }).toBeDenied("no public address");
  });

  describe("to another VPC over a transit gateway", () => {
    /** The workload VPC's app subnets route the shared VPC through inspection; the endpoints' subnets route it on to the gateway. */
    function acrossVpcs(attachInOwnSubnets: boolean) {
      const built = inspection();
      const { stack, vpc, service, workloads } = built;
      const shared = new Vpc(stack, "SharedVpc", { provider: workloads, name: "shared", cidrBlock: "10.120.0.0/16", availabilityZones: ZONES });
      const endpointSubnets = [
        rawSubnet(stack, vpc, "EndpointsA", "use1-az1", "10.110.255.0/28"),
        rawSubnet(stack, vpc, "EndpointsB", "use1-az2", "10.110.255.16/28"),
      ];
      const attachmentSubnets = [
        rawSubnet(stack, vpc, "AttachA", "use1-az1", "10.110.254.0/28"),
        rawSubnet(stack, vpc, "AttachB", "use1-az2", "10.110.254.16/28"),
      ];
      const endpoint = new GatewayLoadBalancerEndpoint(stack, "Endpoints", { vpc, service, subnets: endpointSubnets });
      for (const zone of ZONES) new EndpointConnectionAccepter(stack, `Accept-${zone}`, { service, endpoint: endpoint.endpointIn(zone) });
      const tgw = new TransitGateway(stack, "Tgw", { provider: workloads, name: "core" });
      const own = tgw.attach("workloads", vpc, { subnets: attachInOwnSubnets ? attachmentSubnets : vpc.privateSubnets, routeTo: [] });
      tgw.attach("shared", shared, { routeTo: [] });
      // The shared VPC routes back over the gateway; the workload VPC sends the shared VPC through inspection, then on.
      tgw.attachedVpcs[1].addRoutesTo(own);
      endpoint.routeThrough("app-to-shared", { subnets: [vpc.privateSubnets[0]], destinations: ["10.120.0.0/16"] });
      endpointSubnets.forEach(
        (subnet, i) =>
          new Route(stack, `EndpointsToShared${i}`, {
            provider: workloads,
            routeTableId: subnet.routeTableId ?? "",
            destinationCidrBlock: "10.120.0.0/16",
            transitGatewayId: tgw.transitGatewayId,
          }),
      );
      if (attachInOwnSubnets)
        endpoint.routeThrough("replies-to-app", { subnets: attachmentSubnets, destinations: ["10.110.0.0/24"], viaZone: "use1-az1" });
      return { ...built, shared };
    }

    test("the request passes inspection and the gateway, the replies enter through the attachment's subnets and the same endpoint", () => {
      const { stack, vpc, shared } = acrossVpcs(true);
      const flow = expectFlow(stack, { subnet: vpc.privateSubnets[0].subnetId }, { target: shared.privateSubnets[0].subnetId, port: 443 });
      flow.toBeAllowed();
      expect(flow.verdict.hops.map((h) => h.text)).toEqual(
        expect.arrayContaining([
          expect.stringContaining("through GatewayLoadBalancer endpoint Endpoints/Endpoint-use1-az1"),
          expect.stringMatching(/via transit gateway Tgw/),
        ]),
      );
    });

    test("fails when the replies enter by the local route, past the appliances", () => {
      const { stack, vpc, shared } = acrossVpcs(false);
      expectFlow(stack, { subnet: vpc.privateSubnets[0].subnetId }, { target: shared.privateSubnets[0].subnetId, port: 443 }).toBeDenied(
        "by the local route, not back through Endpoints/Endpoint-use1-az1",
      );
    });
  });
});
