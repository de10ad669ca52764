import { TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Ec2TransitGatewayRouteTable } from "@cdktf/provider-aws/lib/ec2-transit-gateway-route-table";
import { Ec2TransitGatewayRouteTablePropagation } from "@cdktf/provider-aws/lib/ec2-transit-gateway-route-table-propagation";
import { Route } from "@cdktf/provider-aws/lib/route";
import { RouteTable } from "@cdktf/provider-aws/lib/route-table";
import { RouteTableAssociation } from "@cdktf/provider-aws/lib/route-table-association";
import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import { OptOut } from "../../modules/core";
import { AwsService, CentralizedEndpoints, EndpointPolicy, GatewayLoadBalancerEndpoint } from "../../modules/endpoints";
import { expectFlow } from "../../modules/flows";
import {
  ApplianceTargets,
  EndpointConnectionAccepter,
  EndpointService,
  EndpointServiceLoadBalancer,
  EndpointServicePrincipal,
  GatewayLoadBalancer,
} from "../../modules/privatelink";
import { ISubnet, TransitGateway, Vpc } from "../../modules/vpc";
import { testApp } from "../helpers";

const SECURITY = "111111111111";
const NETWORK = "222222222222";
const ZONES = ["use1-az1", "use1-az2"];
/** The hub's private subnets, where its servers (endpoints, shared services) are. */
const HUB_SERVERS = ["10.110.0.0/24", "10.110.1.0/24"];
const SPOKE = "10.120.0.0/16";

interface HubOptions {
  /** How the hub's servers reply to the spoke: through the endpoint of their zone, of one zone, or straight to the gateway. @default "own-zone" */
  readonly replies?: "own-zone" | "use1-az1" | "direct";
  /** Whether the attachment subnets' route tables send the spoke's traffic through inspection. @default true */
  readonly inspectArrivals?: boolean;
  /** appliance_mode_support on the hub's attachment. @default false (AWS's default) */
  readonly applianceMode?: boolean;
}

/** A subnet with a route table of its own, made raw: the hub's attachment and endpoint subnets. */
function rawSubnet(stack: TerraformStack, vpc: Vpc, name: string, zone: string, cidrBlock: string): ISubnet & { readonly resource: Subnet } {
  const provider = vpc.provider;
  const resource = new Subnet(stack, `${name}Subnet`, { provider, vpcId: vpc.vpcId, cidrBlock, availabilityZoneId: zone });
  const table = new RouteTable(stack, `${name}Routes`, { provider, vpcId: vpc.vpcId });
  new RouteTableAssociation(stack, `${name}Association`, { provider, subnetId: resource.id, routeTableId: table.id });
  return { resource, subnetId: resource.id, availabilityZoneId: zone, routeTableId: table.id };
}

/**
 * Hub and spoke over a transit gateway: the security account's Gateway
 * Load Balancer service, the network account's hub VPC with the
 * attachment's own subnets, GatewayLoadBalancer endpoints in subnets of
 * their own and servers in its private subnets, and a spoke VPC whose
 * private subnets route the hub over the gateway. AWS delivers what
 * arrives over the gateway into the attachment's subnets: their route
 * tables send it through inspection; the endpoints' subnets deliver it
 * locally and send the replies back to the gateway.
 */
function hub(options: HubOptions = {}) {
  const stack = new TerraformStack(testApp(), "hub");
  new AwsProvider(stack, "aws", { region: "us-east-1", allowedAccountIds: [SECURITY] });
  const network = new AwsProvider(stack, "network", {
    alias: "network",
    region: "us-east-1",
    allowedAccountIds: [NETWORK],
    assumeRole: [{ roleArn: `arn:aws:iam::${NETWORK}:role/NetworkingDeployment` }],
  });
  const appliances = new Vpc(stack, "ApplianceVpc", { name: "appliances", cidrBlock: "10.100.0.0/16", availabilityZones: ZONES });
  const firewalls = new GatewayLoadBalancer(stack, "Firewalls", {
    vpc: appliances,
    subnets: appliances.privateSubnets,
    appliances: ApplianceTargets.ipAddresses({ addresses: { a: "10.100.0.10", b: "10.100.1.10" } }),
    healthCheck: { protocol: "HTTP", port: 80, path: "/healthz" },
  });
  const service = new EndpointService(stack, "Inspection", {
    loadBalancer: EndpointServiceLoadBalancer.gatewayLoadBalancer(firewalls),
    allowedPrincipals: [EndpointServicePrincipal.account(NETWORK)],
  });
  const hubVpc = new Vpc(stack, "HubVpc", { provider: network, name: "hub", cidrBlock: "10.110.0.0/16", availabilityZones: ZONES });
  const spoke = new Vpc(stack, "SpokeVpc", { provider: network, name: "spoke", cidrBlock: SPOKE, availabilityZones: ZONES });
  const attachmentSubnets = [
    rawSubnet(stack, hubVpc, "AttachA", "use1-az1", "10.110.254.0/28"),
    rawSubnet(stack, hubVpc, "AttachB", "use1-az2", "10.110.254.16/28"),
  ];
  const endpointSubnets = [
    rawSubnet(stack, hubVpc, "EndpointsA", "use1-az1", "10.110.255.0/28"),
    rawSubnet(stack, hubVpc, "EndpointsB", "use1-az2", "10.110.255.16/28"),
  ];
  const endpoint = new GatewayLoadBalancerEndpoint(stack, "Endpoints", { vpc: hubVpc, service, subnets: endpointSubnets });
  for (const zone of ZONES) new EndpointConnectionAccepter(stack, `Accept-${zone}`, { service, endpoint: endpoint.endpointIn(zone) });
  const tgw = new TransitGateway(stack, "Tgw", { provider: network, name: "core" });
  const hubAttachment = tgw.attach("hub", hubVpc, { subnets: attachmentSubnets, routeTo: [], applianceMode: options.applianceMode });
  const spokeAttachment = tgw.attach("spoke", spoke, { routeTo: [] });
  spokeAttachment.addRoutesTo(hubAttachment);
  if (options.inspectArrivals !== false) endpoint.routeThrough("arrivals", { subnets: attachmentSubnets, destinations: HUB_SERVERS });
  endpointSubnets.forEach(
    (subnet, i) =>
      new Route(stack, `EndpointsToSpoke${i}`, {
        provider: network,
        routeTableId: subnet.routeTableId ?? "",
        destinationCidrBlock: SPOKE,
        transitGatewayId: tgw.transitGatewayId,
      }),
  );
  const replies = options.replies ?? "own-zone";
  if (replies === "direct")
    hubVpc.privateSubnets.forEach(
      (subnet, i) =>
        new Route(stack, `ServersToSpoke${i}`, {
          provider: network,
          routeTableId: subnet.routeTableId ?? "",
          destinationCidrBlock: SPOKE,
          transitGatewayId: tgw.transitGatewayId,
        }),
    );
  else
    endpoint.routeThrough("replies", {
      subnets: hubVpc.privateSubnets,
      destinations: [SPOKE],
      ...(replies === "own-zone" ? {} : { viaZone: replies }),
    });
  return { stack, hubVpc, spoke, attachmentSubnets, network };
}

/** From a spoke subnet to a hub server subnet, on 443. */
const flow = (built: ReturnType<typeof hub>, from: number, to: number) =>
  expectFlow(built.stack, { subnet: built.spoke.privateSubnets[from].subnetId }, { target: built.hubVpc.privateSubnets[to].subnetId, port: 443 });

describe("traffic arriving over a transit gateway is routed by the attachment subnets' route table", () => {
  test("spoke to hub in one zone: the request is inspected where it enters the hub, the replies pass the same endpoint", () => {
    const checked = flow(hub(), 0, 0);
    checked.toBeAllowed();
    const texts = checked.verdict.hops.map((h) => `${h.kind}: ${h.text}`);
    expect(texts).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^inspection: GatewayLoadBalancer endpoint Endpoints\/Endpoint-use1-az1 sends the traffic to endpoint service Inspection/,
        ),
        expect.stringMatching(
          /^route: traffic from SpokeVpc\/Private-use1-az1 enters VPC HubVpc \(account 222222222222\) over transit gateway attachment Tgw\/Attachment-hub in AttachASubnet, whose route table sends 10\.110\.0\.0\/24 through GatewayLoadBalancer endpoint Endpoints\/Endpoint-use1-az1, then the local route delivers it$/,
        ),
        expect.stringMatching(/^route: the replies from HubVpc\/Private-use1-az1.* pass GatewayLoadBalancer endpoint Endpoints\/Endpoint-use1-az1$/),
      ]),
    );
    expect(checked.verdict.assumptions).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /attachment Tgw\/Attachment-hub has no appliance_mode_support \(AWS's default is disable\): the transit gateway keeps the zone the traffic entered it in/,
        ),
      ]),
    );
  });

  test("fails when the hub's servers reply straight to the gateway, past the firewalls that inspected the request", () => {
    flow(hub({ replies: "direct" }), 0, 0).toBeDenied(
      /asymmetric inspection between SpokeVpc\/Private-use1-az1.* and HubVpc\/Private-use1-az1.*: the request enters .* in AttachASubnet.*, whose route table sends it through GatewayLoadBalancer endpoint Endpoints\/Endpoint-use1-az1, the replies from HubVpc\/Private-use1-az1.* take aws_route\.ServersToSpoke0 to .*, past the appliances; a stateful appliance .* drops the half of a connection it never saw: route HubVpc\/Private-use1-az1.*'s replies to 10\.120\.0\.0\/24 through Endpoints\/Endpoint-use1-az1/,
    );
  });

  test("fails when only the replies are inspected: the request enters by the local route", () => {
    flow(hub({ inspectArrivals: false }), 0, 0).toBeDenied(
      /the request enters .* in AttachASubnet.*, whose route table delivers it by the local route, past the appliances, the replies from HubVpc\/Private-use1-az1.* pass GatewayLoadBalancer endpoint Endpoints\/Endpoint-use1-az1/,
    );
  });

  test("fails when the attachment subnet's route table sends what arrives elsewhere than into the VPC", () => {
    const built = hub({ inspectArrivals: false, replies: "direct" });
    new Route(built.stack, "Detour", {
      provider: built.network,
      routeTableId: built.attachmentSubnets[0].routeTableId ?? "",
      destinationCidrBlock: HUB_SERVERS[0],
      vpcPeeringConnectionId: "pcx-0123456789abcdef0",
    });
    flow(built, 0, 0).toBeDenied(
      /traffic from SpokeVpc\/Private-use1-az1 enters VPC HubVpc .* in AttachASubnet, whose route table .* sends 10\.110\.0\.0\/24 to pcx-0123456789abcdef0 \(aws_route\.Detour\) instead of delivering it in the VPC/,
    );
    // The other zone's attachment subnet, where a client of that zone enters, delivers locally.
    flow(built, 1, 0).toBeAllowed();
  });

  test("fails, saying why, when the attachment subnet sends what arrives to an endpoint the analysis does not follow (AWS Network Firewall's)", () => {
    const built = hub({ inspectArrivals: false, replies: "direct" });
    new Route(built.stack, "Firewall", {
      provider: built.network,
      routeTableId: built.attachmentSubnets[0].routeTableId ?? "",
      destinationCidrBlock: HUB_SERVERS[0],
      vpcEndpointId: "vpce-0123456789abcdef0",
    });
    flow(built, 0, 0).toBeDenied(
      /sends 10\.110\.0\.0\/24 to vpce-0123456789abcdef0 \(aws_route\.Firewall\) instead of delivering it in the VPC: a next hop the analysis does not follow .* so the flow cannot be proven/,
    );
  });

  test("a direct route both ways, no inspection anywhere, is allowed as before", () => {
    flow(hub({ inspectArrivals: false, replies: "direct" }), 0, 0).toBeAllowed();
  });

  test("fails across zones: the request enters in the client's zone and its endpoint, the replies take the server zone's", () => {
    const built = hub();
    flow(built, 1, 0).toBeDenied(
      /in AttachBSubnet.*, whose route table sends it through GatewayLoadBalancer endpoint Endpoints\/Endpoint-use1-az2, the replies from HubVpc\/Private-use1-az1.* pass GatewayLoadBalancer endpoint Endpoints\/Endpoint-use1-az1 .*appliance_mode_support on the attachment does not help here/,
    );
    // Replies of both zones through the first zone's endpoint: a client of that zone is inspected both ways, from either server.
    const pinned = hub({ replies: "use1-az1" });
    flow(pinned, 0, 1).toBeAllowed();
    flow(pinned, 1, 1).toBeDenied("asymmetric inspection");
  });

  test("fails with appliance mode on the hub's attachment: the gateway may deliver in either zone, whose endpoint the replies do not take", () => {
    flow(hub({ applianceMode: true }), 0, 0).toBeDenied(
      /in AttachBSubnet.*, whose route table sends it through GatewayLoadBalancer endpoint Endpoints\/Endpoint-use1-az2, .*with appliance_mode_support the gateway may pick any of the attachment's subnets/,
    );
  });
});

interface CentralOptions {
  /** appliance_mode_support on the inspection VPC's attachment. @default true */
  readonly applianceMode?: boolean;
  /** Whether the spokes' gateway route table sends spoke B back through the inspection VPC too. @default true */
  readonly returnThroughInspection?: boolean;
}

/**
 * Centralized inspection between spokes, as AWS's reference design builds
 * it: the spokes' gateway route table sends everything to the inspection
 * VPC's attachment; there the attachment subnets' route tables send it
 * through the GatewayLoadBalancer endpoint of their zone, whose subnets
 * send it back to the gateway; the inspection attachment's own gateway
 * route table holds the spokes' propagated routes: TransitGateway with
 * isolateSpokes, the inspection VPC its hub with gatewayRoutes 0.0.0.0/0.
 */
function central(options: CentralOptions = {}) {
  const stack = new TerraformStack(testApp(), "central");
  new AwsProvider(stack, "aws", { region: "us-east-1", allowedAccountIds: [NETWORK] });
  const appliances = new Vpc(stack, "ApplianceVpc", { name: "appliances", cidrBlock: "10.100.0.0/16", availabilityZones: ZONES });
  const firewalls = new GatewayLoadBalancer(stack, "Firewalls", {
    vpc: appliances,
    subnets: appliances.privateSubnets,
    appliances: ApplianceTargets.ipAddresses({ addresses: { a: "10.100.0.10", b: "10.100.1.10" } }),
    healthCheck: { protocol: "HTTP", port: 80, path: "/healthz" },
  });
  const service = new EndpointService(stack, "Inspection", {
    loadBalancer: EndpointServiceLoadBalancer.gatewayLoadBalancer(firewalls),
    allowedPrincipals: [EndpointServicePrincipal.account(NETWORK)],
  });
  const inspectionVpc = new Vpc(stack, "InspectionVpc", { name: "inspection", cidrBlock: "10.110.0.0/16", availabilityZones: ZONES });
  const spokeA = new Vpc(stack, "SpokeA", { name: "spoke-a", cidrBlock: "10.1.0.0/16", availabilityZones: ZONES });
  const spokeB = new Vpc(stack, "SpokeB", { name: "spoke-b", cidrBlock: "10.2.0.0/16", availabilityZones: ZONES });
  const attachmentSubnets = [
    rawSubnet(stack, inspectionVpc, "AttachA", "use1-az1", "10.110.254.0/28"),
    rawSubnet(stack, inspectionVpc, "AttachB", "use1-az2", "10.110.254.16/28"),
  ];
  const endpointSubnets = [
    rawSubnet(stack, inspectionVpc, "EndpointsA", "use1-az1", "10.110.255.0/28"),
    rawSubnet(stack, inspectionVpc, "EndpointsB", "use1-az2", "10.110.255.16/28"),
  ];
  const endpoint = new GatewayLoadBalancerEndpoint(stack, "Endpoints", { vpc: inspectionVpc, service, subnets: endpointSubnets });
  for (const zone of ZONES) new EndpointConnectionAccepter(stack, `Accept-${zone}`, { service, endpoint: endpoint.endpointIn(zone) });
  // The inspection VPC is the hub: its attachment's table holds the spokes' propagated blocks, and the spokes' table sends everything to it.
  const tgw = new TransitGateway(stack, "Tgw", { name: "core", isolateSpokes: true });
  const inspection = tgw.attach("inspection", inspectionVpc, {
    subnets: attachmentSubnets,
    routeFrom: [],
    applianceMode: options.applianceMode !== false,
    gatewayRoutes: ["0.0.0.0/0"],
  });
  for (const [name, vpc] of [
    ["a", spokeA],
    ["b", spokeB],
  ] as const) {
    const attachment = tgw.attach(name, vpc, { routeTo: [inspection], destinations: ["10.0.0.0/8"] });
    // The return skipping inspection: spoke A's propagated block in the spokes' table too, which beats the default route to inspection.
    if (name === "a" && options.returnThroughInspection === false)
      new Ec2TransitGatewayRouteTablePropagation(stack, `Propagate-${name}-to-spokes`, {
        transitGatewayAttachmentId: attachment.transitGatewayAttachmentId,
        transitGatewayRouteTableId: (tgw.node.findChild("SpokeRoutes") as Ec2TransitGatewayRouteTable).id,
      });
  }
  endpoint.routeThrough("arrivals", { subnets: attachmentSubnets, destinations: ["0.0.0.0/0"] });
  endpointSubnets.forEach(
    (subnet, i) =>
      new Route(stack, `EndpointsToGateway${i}`, {
        routeTableId: subnet.routeTableId!,
        destinationCidrBlock: "0.0.0.0/0",
        transitGatewayId: tgw.transitGatewayId,
      }),
  );
  return { stack, spokeA, spokeB };
}

/** From spoke A's subnet to spoke B's, on 443. */
const between = (built: ReturnType<typeof central>, from: number, to: number) =>
  expectFlow(built.stack, { subnet: built.spokeA.privateSubnets[from].subnetId }, { target: built.spokeB.privateSubnets[to].subnetId, port: 443 });

describe("spoke to spoke through an inspection VPC", () => {
  test("both directions pass the inspection VPC and the same endpoint, across zones, with appliance mode", () => {
    const checked = between(central(), 0, 1);
    checked.toBeAllowed();
    const texts = checked.verdict.hops.map((h) => `${h.kind}: ${h.text}`);
    expect(texts).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^inspection: GatewayLoadBalancer endpoint Endpoints\/Endpoint-use1-az1 sends the traffic to endpoint service Inspection/,
        ),
        expect.stringMatching(
          /^inspection: GatewayLoadBalancer endpoint Endpoints\/Endpoint-use1-az2 sends the traffic to endpoint service Inspection/,
        ),
        expect.stringMatching(
          /^route: route table .* of transit gateway Tgw sends 0\.0\.0\.0\/0 to attachment Tgw\/Attachment-inspection of VPC InspectionVpc \(aws_ec2_transit_gateway_route\.Tgw_Attachment-inspection_GatewayRoute-0-0-0-0-0_[0-9A-F]+\): the traffic enters VPC InspectionVpc in AttachASubnet, whose route table sends 10\.2\.1\.0\/24 through GatewayLoadBalancer endpoint Endpoints\/Endpoint-use1-az1, whose subnet sends it back to the gateway$/,
        ),
        expect.stringMatching(
          /^route: SpokeA\/Private-use1-az1 to 10\.2\.1\.0\/24 via transit gateway Tgw \(static route 0\.0\.0\.0\/0 in route table .*\) through VPC InspectionVpc, then transit gateway Tgw/,
        ),
      ]),
    );
    expect(checked.verdict.assumptions).toEqual(
      expect.arrayContaining([
        expect.stringContaining(
          "attachment Tgw/Attachment-inspection enables appliance_mode_support: the transit gateway sends a flow into its VPC through one of its subnets",
        ),
      ]),
    );
  });

  test("fails across zones without appliance mode: each direction enters the inspection VPC in its own zone and passes that zone's appliance", () => {
    const built = central({ applianceMode: false });
    between(built, 0, 1).toBeDenied(
      /asymmetric inspection between SpokeA\/Private-use1-az1 and SpokeB\/Private-use1-az2: in the VPC of attachment Tgw\/Attachment-inspection, the request enters in AttachASubnet and passes GatewayLoadBalancer endpoint Endpoints\/Endpoint-use1-az1, the replies enter in AttachBSubnet and pass GatewayLoadBalancer endpoint Endpoints\/Endpoint-use1-az2; a stateful appliance .* enable appliance_mode_support on attachment Tgw\/Attachment-inspection, the inspection VPC's/,
    );
    // Within one zone both directions enter by that zone's subnet: AWS's zone affinity, said among the assumptions.
    const sameZone = between(built, 0, 0);
    sameZone.toBeAllowed();
    expect(sameZone.verdict.assumptions).toEqual(
      expect.arrayContaining([
        expect.stringContaining(
          "attachment Tgw/Attachment-inspection has no appliance_mode_support (AWS's default is disable): the transit gateway keeps the zone",
        ),
      ]),
    );
  });

  test("fails when the replies skip the inspection VPC: the spokes' table routes spoke A directly", () => {
    between(central({ returnThroughInspection: false }), 0, 0).toBeDenied(
      /asymmetric inspection between SpokeA\/Private-use1-az1 and SpokeB\/Private-use1-az1: the request passes the VPC of attachment Tgw\/Attachment-inspection \(enters in AttachASubnet and passes GatewayLoadBalancer endpoint Endpoints\/Endpoint-use1-az1\), the replies do not/,
    );
  });
});

describe("a spoke calls an AWS service through the hub's interface endpoint, past the hub's inspection", () => {
  /** CentralizedEndpoints in the hub; the hub's attachment subnets send the endpoints' subnets through inspection; the replies pass the first zone's endpoint, or go straight to the gateway. */
  function centralized(replies: "use1-az1" | "direct") {
    const stack = new TerraformStack(testApp(), "centralized");
    new AwsProvider(stack, "aws", { region: "us-east-1", allowedAccountIds: [NETWORK] });
    const appliances = new Vpc(stack, "ApplianceVpc", { name: "appliances", cidrBlock: "10.100.0.0/16", availabilityZones: ZONES });
    const firewalls = new GatewayLoadBalancer(stack, "Firewalls", {
      vpc: appliances,
      subnets: appliances.privateSubnets,
      appliances: ApplianceTargets.ipAddresses({ addresses: { a: "10.100.0.10", b: "10.100.1.10" } }),
      healthCheck: { protocol: "HTTP", port: 80, path: "/healthz" },
    });
    const service = new EndpointService(stack, "Inspection", {
      loadBalancer: EndpointServiceLoadBalancer.gatewayLoadBalancer(firewalls),
      allowedPrincipals: [EndpointServicePrincipal.account(NETWORK)],
    });
    const hubVpc = new Vpc(stack, "HubVpc", { name: "hub", cidrBlock: "10.110.0.0/16", availabilityZones: ZONES });
    const spoke = new Vpc(stack, "SpokeVpc", { name: "spoke", cidrBlock: SPOKE, availabilityZones: ZONES });
    const attachmentSubnets = [
      rawSubnet(stack, hubVpc, "AttachA", "use1-az1", "10.110.254.0/28"),
      rawSubnet(stack, hubVpc, "AttachB", "use1-az2", "10.110.254.16/28"),
    ];
    const endpointSubnets = [
      rawSubnet(stack, hubVpc, "EndpointsA", "use1-az1", "10.110.255.0/28"),
      rawSubnet(stack, hubVpc, "EndpointsB", "use1-az2", "10.110.255.16/28"),
    ];
    const inspection = new GatewayLoadBalancerEndpoint(stack, "Endpoints", { vpc: hubVpc, service, subnets: endpointSubnets });
    for (const zone of ZONES) new EndpointConnectionAccepter(stack, `Accept-${zone}`, { service, endpoint: inspection.endpointIn(zone) });
    const tgw = new TransitGateway(stack, "Tgw", { name: "core" });
    // The hub's own route tables get no route to the gateway from the library: the replies' routes are the test's.
    const hubAttachment = tgw.attach("hub", hubVpc, { subnets: attachmentSubnets, routeFrom: [] });
    tgw.attach("spoke", spoke, { routeTo: [hubAttachment] });
    new CentralizedEndpoints(stack, "Central", {
      vpc: hubVpc,
      spokes: [{ name: "spoke", vpc: spoke }],
      services: [{ service: AwsService.LOGS, policy: EndpointPolicy.allowAll(OptOut.because("a test of routing, not of policies")) }],
    });
    inspection.routeThrough("arrivals", { subnets: attachmentSubnets, destinations: HUB_SERVERS });
    endpointSubnets.forEach(
      (subnet, i) =>
        new Route(stack, `EndpointsToSpoke${i}`, {
          routeTableId: subnet.routeTableId ?? "",
          destinationCidrBlock: SPOKE,
          transitGatewayId: tgw.transitGatewayId,
        }),
    );
    if (replies === "direct")
      hubVpc.privateSubnets.forEach(
        (subnet, i) =>
          new Route(stack, `ServersToSpoke${i}`, {
            routeTableId: subnet.routeTableId ?? "",
            destinationCidrBlock: SPOKE,
            transitGatewayId: tgw.transitGatewayId,
          }),
      );
    else inspection.routeThrough("replies", { subnets: hubVpc.privateSubnets, destinations: [SPOKE], viaZone: replies });
    return expectFlow(
      stack,
      { subnet: spoke.privateSubnets[0].subnetId },
      { dnsName: "logs.us-east-1.amazonaws.com", request: { action: "logs:PutLogEvents" } },
    );
  }

  test("the request is inspected where it enters the hub, the replies of both of the endpoint's zones pass the same endpoint", () => {
    const checked = centralized("use1-az1");
    checked.toBeAllowed();
    expect(checked.verdict.hops.map((h) => h.text)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /in AttachASubnet, whose route table sends 10\.110\.1\.0\/24 through GatewayLoadBalancer endpoint Endpoints\/Endpoint-use1-az1/,
        ),
        expect.stringMatching(/^the replies from HubVpc\/Private-use1-az2.* pass GatewayLoadBalancer endpoint Endpoints\/Endpoint-use1-az1$/),
      ]),
    );
  });

  test("fails when the endpoint's subnets reply straight to the gateway", () => {
    centralized("direct").toBeDenied(/asymmetric inspection between SpokeVpc\/Private-use1-az1.* take aws_route\.ServersToSpoke0/);
  });
});
