import { TerraformStack, TerraformVariable } from "cdktf";
import { Route } from "@cdktf/provider-aws/lib/route";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { PrivateNetworkingStack } from "../../modules/app";
import { OptOut, Port } from "../../modules/core";
import { AwsService, EndpointPolicy, GatewayEndpoint, InterfaceEndpoint } from "../../modules/endpoints";
import { analyzeFlow, analyzeStackFlow, expectFlow, Flows, NetworkModel, networkModelOf, verifyDeclaredFlows } from "../../modules/flows";
import {
  AuthPolicy,
  LatticeListenerAction,
  LatticeService,
  LatticeTargetGroup,
  LatticeTargetGroupConfig,
  ServiceNetwork,
} from "../../modules/lattice";
import { ResourceShare, SharePrincipal } from "../../modules/ram";
import { ResourceConfiguration, ResourceDefinition, ResourceGateway } from "../../modules/resources";
import { Peer, SecurityGroup, TransitGateway, Vpc } from "../../modules/vpc";
import { catchValidationError, testApp } from "../helpers";

/**
 * Flow proofs over stacks that build on what exists (a VPC, a service
 * network, security groups known by ID only): what this configuration does
 * not hold is an assumption of the verdict, never a denial.
 */

const PARTNER = "333333333333";
const CALLER = "222222222222";
const NETWORK_OWNER = "999999999999";
const OUTSIDE_VPC = "vpc-0badc0de0badc0de";

function existingVpc(scope: TerraformStack): Vpc {
  return Vpc.fromVpcAttributes(scope, "ExistingVpc", {
    vpcId: "vpc-0abc1234def567890",
    cidrBlock: "10.50.0.0/16",
    privateSubnetIds: ["subnet-0aaa1111bbbb22220", "subnet-0aaa1111bbbb22221"],
    availabilityZones: ["eu-west-1a", "eu-west-1b"],
  }) as Vpc;
}

/** An existing database (DNS name, 5432) in an existing VPC, behind a new resource gateway, shared with a partner account. */
function sharedExistingDatabase() {
  const s = new PrivateNetworkingStack(testApp(), "existing-db", { region: "eu-west-1", accountId: "111111111111" });
  const vpc = existingVpc(s);
  const database = SecurityGroup.fromSecurityGroupAttributes(s, "DbSg", { securityGroupId: "sg-0fedcba9876543210", vpcId: vpc.vpcId });
  const gateway = new ResourceGateway(s, "Gateway", { name: "orders-db-gw", vpc });
  const configuration = new ResourceConfiguration(s, "OrdersDb", {
    name: "orders-db",
    resourceGateway: gateway,
    resource: ResourceDefinition.dns("orders.cluster-abcdefghijkl.eu-west-1.rds.amazonaws.com"),
    ports: [Port.tcp(5432)],
    resourceSecurityGroups: [database],
  });
  const share = new ResourceShare(s, "Share", {
    name: "orders-db-partner",
    principals: [SharePrincipal.account(PARTNER)],
    allowExternalPrincipals: OptOut.because("the partner's account is outside our organization"),
  });
  share.addResource("orders-db", configuration.resourceConfigurationArn);
  return { s, configuration };
}

describe("a resource gateway in a VPC made elsewhere (its CIDRs are not in the configuration)", () => {
  test("the partner reaches the database: the gateway's egress range is proven, the resource being inside it is assumed", () => {
    const { s, configuration } = sharedExistingDatabase();
    const verdict = expectFlow(
      s,
      { vpc: OUTSIDE_VPC, principal: { arn: `arn:aws:iam::${PARTNER}:role/reports` } },
      { target: configuration, port: 5432 },
    );
    verdict.toBeAllowed();
    expect(verdict.verdict.hops.map((h) => h.text)).toContain("security group Gateway-SecurityGroup of orders-db-gw lets 5432 out to 10.50.0.0/16");
    expect(verdict.verdict.assumptions).toContainEqual(expect.stringContaining("the resource of orders-db is in 10.50.0.0/16"));
  });

  test("fails when the gateway's security group lets nothing out on the port", () => {
    const { s, configuration } = sharedExistingDatabase();
    const egress = s.node.findAll().filter((c): c is VpcSecurityGroupEgressRule => c instanceof VpcSecurityGroupEgressRule);
    expect(egress.length).toBeGreaterThan(0);
    for (const rule of egress) {
      rule.addOverride("from_port", 3306);
      rule.addOverride("to_port", 3306);
    }
    expectFlow(s, { vpc: OUTSIDE_VPC, principal: { arn: `arn:aws:iam::${PARTNER}:role/reports` } }, { target: configuration, port: 5432 }).toBeDenied(
      "has no egress to an address range on 5432",
    );
  });

  test("a stranger's account is still refused: no share gives it the configuration", () => {
    const { s, configuration } = sharedExistingDatabase();
    expectFlow(s, { vpc: OUTSIDE_VPC, principal: { arn: "arn:aws:iam::555555555555:role/x" } }, { target: configuration, port: 5432 }).toBeDenied(
      "no RAM share in this stack gives",
    );
  });
});

/** A new service, in an existing VPC, associated with a service network another account owns and shares. */
function serviceInSharedNetwork() {
  const s = new PrivateNetworkingStack(testApp(), "shared-network", { region: "eu-west-1", accountId: "111111111111" });
  const vpc = existingVpc(s);
  const network = ServiceNetwork.fromServiceNetworkAttributes(s, "SharedNetwork", {
    serviceNetworkArn: `arn:aws:vpc-lattice:eu-west-1:${NETWORK_OWNER}:servicenetwork/sn-0123456789abcdef0`,
  });
  const tasks = SecurityGroup.fromSecurityGroupAttributes(s, "TaskSg", { securityGroupId: "sg-0123456789abcdef0", vpcId: vpc.vpcId });
  const targets = new LatticeTargetGroup(s, "Orders", {
    name: "orders-ecs",
    config: LatticeTargetGroupConfig.ipAddresses({ vpc, protocol: "HTTP", port: 8080 }),
    targetsRegisteredBy: "Amazon ECS service orders (vpc_lattice_configurations)",
    securityGroups: [tasks],
  });
  const service = new LatticeService(s, "OrdersService", {
    name: "orders",
    authPolicy: new AuthPolicy().allow({ sid: "CallerRole", roles: [`arn:aws:iam::${CALLER}:role/checkout-api`] }),
  });
  service.addListener({ protocol: "HTTP", port: 80, defaultAction: LatticeListenerAction.forward(targets) });
  network.associateService("orders", service);
  return { s, service };
}

describe("a service in a service network another account owns (the network's shares are in its owner's configuration)", () => {
  const from = (role: string) => ({ vpc: "vpc-0c0ffee0c0ffee000", principal: { arn: `arn:aws:iam::${CALLER}:role/${role}` } });

  test("the role the auth policy names reaches the service: the owner's share with the caller's account is assumed", () => {
    const { s, service } = serviceInSharedNetwork();
    const verdict = expectFlow(s, from("checkout-api"), { target: service, port: 80 });
    verdict.toBeAllowed();
    expect(verdict.verdict.assumptions).toContainEqual(
      expect.stringContaining(
        `account ${NETWORK_OWNER} shares service network arn:aws:vpc-lattice:eu-west-1:${NETWORK_OWNER}:servicenetwork/sn-0123456789abcdef0 with account ${CALLER} through RAM`,
      ),
    );
  });

  test("fails when the caller is another role of the same account: the auth policy is evaluated, not skipped", () => {
    const { s, service } = serviceInSharedNetwork();
    expect(analyzeStackFlow(s, from("other"), { target: service, port: 80 }).allowed).toBe(false);
    expectFlow(s, from("other"), { target: service, port: 80 }).toBeDenied("auth policy");
  });
});

describe("security groups made elsewhere (imported by ID, the library adds some rules to them)", () => {
  function endpointForExistingGroups() {
    const s = new PrivateNetworkingStack(testApp(), "existing-groups", { region: "eu-west-1", accountId: "111111111111" });
    const vpc = existingVpc(s);
    const app = SecurityGroup.fromSecurityGroupAttributes(s, "AppSg", { securityGroupId: "sg-0aaaaaaaaaaaaaaa1", vpcId: vpc.vpcId });
    const endpointGroup = SecurityGroup.fromSecurityGroupAttributes(s, "EndpointSg", { securityGroupId: "sg-0bbbbbbbbbbbbbbb1", vpcId: vpc.vpcId });
    const endpoint = new InterfaceEndpoint(s, "Logs", {
      vpc,
      service: AwsService.LOGS,
      policy: EndpointPolicy.allowAll(OptOut.because("the log groups are this account's own")),
      securityGroups: [endpointGroup],
    });
    return { s, vpc, app, endpoint };
  }

  test("the imported group is asked by its own ID (not its VPC's), and its own rules are an assumption, not a denial", () => {
    const { s, vpc, app, endpoint } = endpointForExistingGroups();
    const verdict = expectFlow(s, { vpc, securityGroup: app }, { target: endpoint, port: 443 });
    verdict.toBeAllowed();
    expect(verdict.verdict.assumptions).toContainEqual(
      expect.stringContaining("security group sg-0aaaaaaaaaaaaaaa1 is made elsewhere: its own rules let tcp 443 out to VPC endpoint Logs"),
    );
    // A rule this configuration adds to the endpoint's existing group does not make its other rules unknown to AWS.
    endpoint.connections.allowDefaultPortFrom(Peer.cidr("10.99.0.0/16"), "Clients of the branch network");
    const withRule = expectFlow(s, { vpc, securityGroup: app }, { target: endpoint, port: 443 });
    withRule.toBeAllowed();
    expect(withRule.verdict.assumptions).toContainEqual(expect.stringContaining("are made elsewhere: their own rules admit"));
  });

  test("fails when a rule this configuration adds is not enough and the group is its own: a group made here is judged by its rules", () => {
    const { s, vpc, endpoint } = endpointForExistingGroups();
    const own = new SecurityGroup(s, "OwnClients", { vpc, description: "clients made here, with no egress" });
    expectFlow(s, { vpc, securityGroup: own }, { target: endpoint, port: 443 }).toBeDenied("has no egress");
  });
});

/**
 * A landing zone's VPC, imported: two private subnets described as objects
 * (blocks, AZs and route tables), the application's existing security
 * group, and an interface endpoint this configuration adds to the VPC.
 */
const LEGACY = {
  vpcId: "vpc-0123456789abcdef0",
  cidrBlock: "10.1.0.0/16",
  subnets: [
    { subnetId: "subnet-0123456789abcdef0", cidrBlock: "10.1.1.0/24", availabilityZone: "us-east-1a", routeTableId: "rtb-0123456789abcdef0" },
    { subnetId: "subnet-0123456789abcdef1", cidrBlock: "10.1.2.0/24", availabilityZone: "us-east-1b", routeTableId: "rtb-0123456789abcdef1" },
  ],
} as const;
const LEGACY_APP_GROUP = "sg-0123456789abcdef0";

function legacyStack(
  attributes: Partial<Parameters<typeof Vpc.fromVpcAttributes>[2]> = {},
  endpoint: { readonly allowedPeers?: Peer[]; readonly privateDnsEnabled?: boolean } = {},
) {
  const s = new PrivateNetworkingStack(testApp(), "legacy", { region: "us-east-1", accountId: "111111111111" });
  const vpc = Vpc.fromVpcAttributes(s, "Legacy", {
    vpcId: LEGACY.vpcId,
    cidrBlock: LEGACY.cidrBlock,
    privateSubnets: LEGACY.subnets,
    ...attributes,
  });
  const app = SecurityGroup.fromSecurityGroupAttributes(s, "App", { securityGroupId: LEGACY_APP_GROUP, vpcId: LEGACY.vpcId });
  const logs = new InterfaceEndpoint(s, "Logs", {
    vpc,
    service: AwsService.LOGS,
    policy: EndpointPolicy.allowAll(OptOut.because("the log groups are this account's own")),
    ...endpoint,
  });
  return { s, vpc, app, logs };
}

const texts = (verdict: { readonly hops: readonly { readonly text: string }[] }) => verdict.hops.map((h) => h.text);

describe("brownfield sources: an imported VPC, its subnets and its security groups", () => {
  test("each is a flow source, judged by what the import says: the endpoint's group admits the VPC's CIDR, and what Terraform does not know is assumed", () => {
    const { s, vpc, app, logs } = legacyStack();
    // As constructs, by ID, and as the interfaces building blocks type them (IVpc, ISecurityGroup).
    const asInterfaces = [
      { vpcId: LEGACY.vpcId, cidrBlock: LEGACY.cidrBlock },
      { securityGroupId: LEGACY_APP_GROUP, vpcId: LEGACY.vpcId },
    ];
    for (const from of [vpc, { vpc: vpc.vpcId }, app, { vpc, securityGroup: app }, ...asInterfaces]) {
      const flow = expectFlow(s, from, { target: logs });
      flow.toBeAllowed();
      // Proven, not assumed: the import's block is the source's address range.
      expect(texts(flow.verdict)).toContain(`security group Logs-SecurityGroup of VPC endpoint Logs admits VPC ${LEGACY.vpcId} on tcp 443`);
      expect(flow.verdict.assumptions).toContainEqual(
        `the network ACLs of subnets subnet-0123456789abcdef0, subnet-0123456789abcdef1 of VPC ${LEGACY.vpcId} (made elsewhere) are not in this stack: they are taken to let the flow through both ways (stateless rules, ephemeral ports)`,
      );
      expect(flow.verdict.assumptions).toContainEqual(
        expect.stringContaining(
          "(rtb-0123456789abcdef0, rtb-0123456789abcdef1) are made elsewhere: their local route is taken to deliver to VPC endpoint Logs",
        ),
      );
    }
    // The imported group's own rules are not in this configuration: an assumption, never a silent pass.
    expect(analyzeStackFlow(s, app, { target: logs }).assumptions).toContainEqual(
      expect.stringContaining(`security group ${LEGACY_APP_GROUP} is made elsewhere: its own rules let tcp 443 out to VPC endpoint Logs`),
    );
  });

  test("an imported subnet is a source as the ISubnet the VPC hands out and as its ID, with its own block and AZ", () => {
    const { s, vpc, logs } = legacyStack();
    const [first] = vpc.privateSubnets;
    for (const from of [first, { subnet: first }, { subnet: first.subnetId }, first.subnetId, { vpc, subnet: first.subnetId }]) {
      const verdict = analyzeStackFlow(s, from, { target: logs });
      expect(verdict.allowed).toBe(true);
      expect(verdict.hops[0].text).toBe(`subnet us-east-1a of VPC ${LEGACY.vpcId}`);
      expect(texts(verdict)).toContain(
        `security group Logs-SecurityGroup of VPC endpoint Logs admits subnet us-east-1a of VPC ${LEGACY.vpcId} on tcp 443`,
      );
      expect(verdict.assumptions).toContainEqual(expect.stringContaining("the network ACLs of subnet subnet-0123456789abcdef0 of VPC"));
    }
  });

  test("fails when the endpoint's security group does not admit the imported group's VPC: the import's CIDR is judged, not taken as admitted", () => {
    const { s, vpc, app, logs } = legacyStack({}, { allowedPeers: [Peer.cidr("10.1.1.0/24", { name: "subnet-a" })] });
    expectFlow(s, app, { target: logs }).toBeDenied(
      `security group Logs-SecurityGroup of VPC endpoint Logs has no ingress from 10.1.1.0/24, 10.1.2.0/24 or security group ${LEGACY_APP_GROUP} on tcp 443`,
    );
    // The neighbours: the subnet whose block the rule names is admitted, the other is not; a rule naming the group admits it.
    expectFlow(s, vpc.privateSubnets[0], { target: logs }).toBeAllowed();
    expectFlow(s, vpc.privateSubnets[1], { target: logs }).toBeDenied("has no ingress from 10.1.2.0/24 on tcp 443");
    logs.connections.allowDefaultPortFrom(app, "The application servers");
    const byGroup = expectFlow(s, app, { target: logs });
    byGroup.toBeAllowed();
    expect(texts(byGroup.verdict)).toContain(`security group Logs-SecurityGroup of VPC endpoint Logs admits VPC ${LEGACY.vpcId} on tcp 443`);
  });

  test("fails when the imported VPC's subnets are judged by the VPC's whole block where the import gives no subnet blocks", () => {
    const s = new PrivateNetworkingStack(testApp(), "legacy-ids", { region: "us-east-1", accountId: "111111111111" });
    const vpc = Vpc.fromVpcAttributes(s, "Legacy", {
      vpcId: LEGACY.vpcId,
      cidrBlock: LEGACY.cidrBlock,
      privateSubnetIds: LEGACY.subnets.map((subnet) => subnet.subnetId),
      availabilityZones: ["us-east-1a", "us-east-1b"],
    });
    const logs = new InterfaceEndpoint(s, "Logs", {
      vpc,
      service: AwsService.LOGS,
      policy: EndpointPolicy.allowAll(OptOut.because("the log groups are this account's own")),
      allowedPeers: [Peer.cidr("10.1.1.0/24", { name: "subnet-a" })],
    });
    expectFlow(s, { subnet: vpc.privateSubnets[0].subnetId }, { target: logs }).toBeDenied("has no ingress from 10.1.0.0/16 on tcp 443");
  });
});

describe("brownfield sources: the imported VPC's IPv6 block", () => {
  test("fails when an IPv6 flow starts in an imported VPC the import gives no IPv6 block", () => {
    const { s, vpc, logs } = legacyStack();
    expectFlow(s, { vpc, family: "ipv6" }, { target: logs }).toBeDenied(`VPC ${LEGACY.vpcId} has no IPv6 CIDR block`);
    // The neighbour: an import with an IPv6 block starts the flow (what follows is the endpoint's to judge).
    const dualStack = legacyStack({ ipv6CidrBlock: "2600:1f18:1234:5600::/56" });
    const verdict = analyzeStackFlow(dualStack.s, { vpc: dualStack.vpc, family: "ipv6" }, { target: dualStack.logs });
    expect(verdict.hops[0]).toEqual(expect.objectContaining({ kind: "source", ok: true }));
    expect(verdict.reason ?? "").not.toContain("has no IPv6 CIDR block");
  });
});

describe("brownfield sources in other VPCs: the imported subnets' route tables are made elsewhere", () => {
  function hubAndLegacy(options: { readonly transitGateway?: boolean; readonly routeTables?: boolean } = {}) {
    const s = new PrivateNetworkingStack(testApp(), "hub-legacy", { region: "us-east-1", accountId: "111111111111" });
    const hub = new Vpc(s, "Hub", { name: "hub", cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
    const legacy = Vpc.fromVpcAttributes(s, "Legacy", {
      vpcId: LEGACY.vpcId,
      cidrBlock: LEGACY.cidrBlock,
      privateSubnets: LEGACY.subnets.map((subnet) =>
        options.routeTables === false
          ? { subnetId: subnet.subnetId, cidrBlock: subnet.cidrBlock, availabilityZone: subnet.availabilityZone }
          : subnet,
      ),
    });
    const logs = new InterfaceEndpoint(s, "Logs", {
      vpc: hub,
      service: AwsService.LOGS,
      policy: EndpointPolicy.allowAll(OptOut.because("the log groups are this account's own")),
      privateDnsEnabled: false,
      allowedPeers: [Peer.cidr(LEGACY.cidrBlock, { name: "legacy" })],
    });
    if (options.transitGateway === true) {
      const tgw = new TransitGateway(s, "Tgw", { name: "hub-legacy" });
      tgw.attach("hub", hub);
      tgw.attach("legacy", legacy);
    }
    return { s, legacy, logs };
  }

  test("fails when no route this stack knows leads from the imported subnet to the other VPC", () => {
    const { s, legacy, logs } = hubAndLegacy();
    expectFlow(s, legacy.privateSubnets[0], { target: logs }).toBeDenied(
      "route table rtb-0123456789abcdef0 of subnet-0123456789abcdef0 (us-east-1a) is made elsewhere (only the routes this stack adds to it are known), and this stack adds no route to",
    );
    const withoutTables = hubAndLegacy({ routeTables: false });
    expectFlow(withoutTables.s, { subnet: LEGACY.subnets[0].subnetId }, { target: withoutTables.logs }).toBeDenied(
      "subnet subnet-0123456789abcdef0 (us-east-1a) is made elsewhere and its route table is not given (routeTableIds of Vpc.fromVpcAttributes)",
    );
  });

  test("the imported subnet reaches the hub's endpoint through a transit gateway whose routes this stack adds to the imported route tables", () => {
    const { s, legacy, logs } = hubAndLegacy({ transitGateway: true });
    const flow = expectFlow(s, legacy.privateSubnets[0], { target: logs });
    flow.toBeAllowed();
    expect(texts(flow.verdict).join("\n")).toMatch(/subnet-0123456789abcdef0 \(us-east-1a\) to .* via transit gateway Tgw/);
    expect(texts(flow.verdict)).toContain(
      "security group Logs-SecurityGroup of VPC endpoint Logs admits subnet us-east-1a of VPC vpc-0123456789abcdef0 on tcp 443",
    );
    expect(flow.verdict.assumptions).toContainEqual(
      expect.stringContaining("route table rtb-0123456789abcdef0 of subnet-0123456789abcdef0 (us-east-1a) is made elsewhere: none of its own routes"),
    );
  });
});

describe("brownfield sources: the imported VPC's DNS attributes and private zones", () => {
  test("DNS attributes the import gives are not assumptions; a zone made elsewhere answers the names in it, with records the verdict assumes", () => {
    const unknown = legacyStack();
    expect(analyzeStackFlow(unknown.s, unknown.vpc, "logs.us-east-1.amazonaws.com").assumptions).toContainEqual(
      expect.stringContaining("has enable_dns_support on (its DNS attributes are not in this stack)"),
    );
    const { s, vpc } = legacyStack({ dnsSupportEnabled: true, dnsHostnamesEnabled: true, privateHostedZoneNames: ["partner.example.com"] });
    const logs = expectFlow(s, vpc, "logs.us-east-1.amazonaws.com");
    logs.toBeAllowed();
    expect(logs.verdict.assumptions.filter((a) => a.includes("DNS attributes"))).toEqual([]);
    const partner = expectFlow(s, vpc, { dnsName: "orders.partner.example.com", port: 443 });
    partner.toBeAllowed();
    expect(texts(partner.verdict)).toContain(
      `orders.partner.example.com is in private hosted zone partner.example.com, made elsewhere and associated with VPC ${LEGACY.vpcId}: Route 53 answers it from that zone`,
    );
    expect(partner.verdict.assumptions).toContainEqual(expect.stringContaining("private hosted zone partner.example.com (made elsewhere) answers"));
  });

  test("fails when the name is in no zone of the VPC and its route tables, made elsewhere, have no internet route this stack knows of", () => {
    const { s, vpc } = legacyStack({ privateHostedZoneNames: ["partner.example.com"] });
    expectFlow(s, vpc, "orders.example.org").toBeDenied(
      `VPC ${LEGACY.vpcId} has no route to the internet that this stack knows of (its route tables are made elsewhere`,
    );
  });

  test("fails when the import says the VPC has no DNS support: a zone made elsewhere answers nothing there", () => {
    const { s, vpc } = legacyStack({ dnsSupportEnabled: false, privateHostedZoneNames: ["partner.example.com"] }, { privateDnsEnabled: false });
    expectFlow(s, vpc, "orders.partner.example.com").toBeDenied("has enable_dns_support false");
  });
});

describe("brownfield sources in declared flows: the declaration carries what the import says, so the flows command proves the same", () => {
  test("a declared flow from an imported group holds over the synthesized JSON alone", () => {
    const { s, app, logs } = legacyStack({}, { allowedPeers: [Peer.cidr("10.1.1.0/24", { name: "subnet-a" })] });
    logs.connections.allowDefaultPortFrom(app, "The application servers");
    Flows.of(s)
      .allow("legacy-app-ships-logs", { from: app, to: { target: logs } })
      .deny("legacy-subnet-b-without-the-group", {
        from: { subnet: LEGACY.subnets[1].subnetId },
        to: { target: logs },
        reason: "has no ingress from 10.1.2.0/24",
      });
    const json = JSON.parse(JSON.stringify(s.toTerraform())) as { "//": { flows: { declared: { from: Record<string, unknown> }[] } } };
    expect(json["//"].flows.declared[0].from).toEqual({
      vpc: LEGACY.vpcId,
      securityGroup: LEGACY_APP_GROUP,
      importedVpc: { vpcId: LEGACY.vpcId, cidrBlock: LEGACY.cidrBlock, subnets: LEGACY.subnets },
    });
    // What the flows command does: the model of the JSON, nothing of the constructs.
    const results = verifyDeclaredFlows(NetworkModel.fromJson("legacy", json as never));
    expect(results.map((r) => [r.flow.name, r.holds])).toEqual([
      ["legacy-app-ships-logs", true],
      ["legacy-subnet-b-without-the-group", true],
    ]);
    expect(results[0].verdict.assumptions).toContainEqual(expect.stringContaining("(made elsewhere) are not in this stack"));
  });
});

describe("brownfield sources: refusals", () => {
  test("fails when a subnet ID is neither of the stack nor of a VPC it imports", () => {
    const { s, logs } = legacyStack();
    const error = catchValidationError(() => analyzeStackFlow(s, { subnet: "subnet-0fedcba987654321f" }, { target: logs }));
    expect([error.prop, error.received]).toEqual(["from.subnet", '"subnet-0fedcba987654321f"']);
    expect(error.expected).toContain("or a subnet of a VPC the stack imports (Vpc.fromVpcAttributes)");
    expect(catchValidationError(() => analyzeStackFlow(s, { subnetId: "subnet-0fedcba987654321f" }, { target: logs })).prop).toBe("from.subnet");
  });

  test("fails when an imported subnet's ID is known only at apply: a list variable without a default", () => {
    const s = new PrivateNetworkingStack(testApp(), "legacy-list", { region: "us-east-1", accountId: "111111111111" });
    const list = (name: string, fallback?: string[]) =>
      new TerraformVariable(s, name, { type: "list(string)", ...(fallback === undefined ? {} : { default: fallback }) }).listValue;
    const unknown = Vpc.fromVpcAttributes(s, "Unknown", {
      vpcId: LEGACY.vpcId,
      cidrBlock: LEGACY.cidrBlock,
      privateSubnetIds: list("ids"),
      subnetCount: 1,
    });
    const error = catchValidationError(() => analyzeStackFlow(s, unknown.privateSubnets[0], "logs.us-east-1.amazonaws.com"));
    expect([error.prop, error.received]).toEqual(["from", '"subnet ${element(var.ids, 0)} (an ISubnet)"']);
    // The valid neighbour: a variable with a default, which the JSON evaluates to.
    const known = Vpc.fromVpcAttributes(s, "Known", {
      vpcId: "vpc-0fedcba987654321f",
      cidrBlock: "10.2.0.0/16",
      privateSubnetIds: list("known_ids", ["subnet-0fedcba987654321f"]),
      subnetCount: 1,
    });
    expect(analyzeStackFlow(s, known.privateSubnets[0], "logs.us-east-1.amazonaws.com").hops[0].text).toBe(
      "subnet subnet-0fedcba987654321f of VPC vpc-0fedcba987654321f",
    );
  });

  test("fails when an imported group's VPC is unknown: imported without vpcId, or of a VPC the stack neither creates nor imports", () => {
    const { s, logs } = legacyStack();
    const loose = SecurityGroup.fromSecurityGroupAttributes(s, "Loose", { securityGroupId: "sg-0aaaaaaaaaaaaaaa9" });
    const noVpc = catchValidationError(() => analyzeStackFlow(s, loose, { target: logs }));
    expect([noVpc.prop, noVpc.received]).toEqual(["from", '"security group legacy/Loose (its VPC unknown)"']);
    expect(noVpc.expected).toContain("import it with its vpcId");
    // Its valid neighbour: the VPC named beside it.
    expectFlow(s, { vpc: LEGACY.vpcId, securityGroup: loose }, { target: logs }).toBeAllowed();
    const stranger = SecurityGroup.fromSecurityGroupAttributes(s, "Stranger", {
      securityGroupId: "sg-0bbbbbbbbbbbbbbb9",
      vpcId: "vpc-0fedcba987654321f",
    });
    const unknownVpc = catchValidationError(() => analyzeStackFlow(s, stranger, { target: logs }));
    expect([unknownVpc.prop, unknownVpc.received]).toEqual(["from", '"security group legacy/Stranger of VPC vpc-0fedcba987654321f"']);
    expect(unknownVpc.expected).toContain("VPC vpc-0fedcba987654321f is neither");
  });

  test("fails when the subnet or the group is of another VPC than the one named", () => {
    const { s, vpc, logs } = legacyStack();
    const other = Vpc.fromVpcAttributes(s, "Other", {
      vpcId: "vpc-0fedcba987654321f",
      cidrBlock: "10.2.0.0/16",
      privateSubnetIds: ["subnet-0fedcba987654321f"],
    });
    const otherGroup = SecurityGroup.fromSecurityGroupAttributes(s, "OtherApp", { securityGroupId: "sg-0bbbbbbbbbbbbbbb9", vpcId: other.vpcId });
    const subnet = catchValidationError(() => analyzeStackFlow(s, { vpc, subnet: other.privateSubnets[0] }, { target: logs }));
    expect([subnet.prop, subnet.expected]).toEqual(["from.subnet", expect.stringContaining(`a subnet of VPC ${LEGACY.vpcId}`)]);
    const group = catchValidationError(() => analyzeStackFlow(s, { vpc, securityGroup: otherGroup }, { target: logs }));
    expect([group.prop, group.expected]).toEqual(["from.securityGroup", expect.stringContaining(`a security group of VPC ${LEGACY.vpcId}`)]);
  });

  test("fails when a flow question names a group made elsewhere without its VPC: the error says what is missing", () => {
    const { s, logs } = legacyStack();
    const model = networkModelOf(s);
    const target = `aws_vpc_endpoint.${logs.resource.friendlyUniqueId}`;
    const error = catchValidationError(() => analyzeFlow(model, { securityGroup: "sg-0aaaaaaaaaaaaaaa9" }, { target }));
    expect([error.prop, error.received]).toEqual(["from.securityGroup", '"sg-0aaaaaaaaaaaaaaa9"']);
    expect(error.expected).toContain("its VPC is not named (give from.vpc too");
    expect(error.expected).not.toContain("a vpc, subnet or securityGroup the flow starts in");
  });

  test("fails when a declaration's importedVpc is malformed or names another VPC than the flow's", () => {
    const { s, logs } = legacyStack();
    const model = networkModelOf(s);
    const target = `aws_vpc_endpoint.${logs.resource.friendlyUniqueId}`;
    const importedVpc = {
      vpcId: LEGACY.vpcId,
      cidrBlock: LEGACY.cidrBlock,
      subnets: [{ subnetId: LEGACY.subnets[0].subnetId, cidrBlock: "10.1.1.0/33" }],
    };
    expect(catchValidationError(() => analyzeFlow(model, { vpc: LEGACY.vpcId, importedVpc }, { target })).prop).toBe(
      "from.importedVpc.subnets[0].cidrBlock",
    );
    expect(
      catchValidationError(() =>
        analyzeFlow(model, { vpc: LEGACY.vpcId, importedVpc: { vpcId: LEGACY.vpcId, cidrBlok: "10.1.0.0/16" } as never }, { target }),
      ).expected,
    ).toContain("did you mean cidrBlock?");
    const elsewhere = catchValidationError(() =>
      analyzeFlow(model, { vpc: LEGACY.vpcId, importedVpc: { vpcId: "vpc-0fedcba987654321f", cidrBlock: "10.2.0.0/16" } }, { target }),
    );
    expect([elsewhere.prop, elsewhere.expected]).toEqual(["from.importedVpc.vpcId", expect.stringContaining(`VPC ${LEGACY.vpcId}`)]);
    // The valid neighbour: the description as the construct API writes it.
    expect(analyzeFlow(model, { vpc: LEGACY.vpcId, importedVpc: { vpcId: LEGACY.vpcId, cidrBlock: LEGACY.cidrBlock } }, { target }).allowed).toBe(
      true,
    );
  });
});

describe("subnets of the stack's own VPCs as the ISubnets it hands out", () => {
  test("an ISubnet is asked by its ID, as source and as target", () => {
    const s = new PrivateNetworkingStack(testApp(), "own-subnets", { region: "us-east-1", accountId: "111111111111" });
    const vpc = new Vpc(s, "App", { name: "app", cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
    const logs = new InterfaceEndpoint(s, "Logs", {
      vpc,
      service: AwsService.LOGS,
      policy: EndpointPolicy.allowAll(OptOut.because("the log groups are this account's own")),
    });
    const [subnet] = vpc.privateSubnets;
    expect(analyzeStackFlow(s, subnet, { target: logs })).toEqual(analyzeStackFlow(s, { subnet: subnet.subnetId }, { target: logs }));
    expect(analyzeStackFlow(s, subnet, { target: logs }).hops[0].text).toBe("subnet us-east-1a of VPC App");
    expect(analyzeStackFlow(s, vpc, subnet)).toEqual(analyzeStackFlow(s, vpc, { target: subnet.subnetId }));
  });
});

/**
 * An AWS service by its public name (no interface endpoint for it) from an
 * imported subnet: as for routes out of the VPC, only the routes this stack
 * adds to a route table made elsewhere are known, so a flow none of them
 * carries is denied (nothing proves it), and one they carry assumes the
 * table has no more specific route of its own.
 */
describe("brownfield sources to an AWS service by its public name: the imported route tables' own routes are unknown", () => {
  const STS = "sts.us-east-1.amazonaws.com";
  const S3 = "s3.us-east-1.amazonaws.com";

  function legacyWithGateway() {
    const { s, vpc } = legacyStack();
    // The S3 gateway's route goes to the first subnet's table; this stack adds a default route to a NAT gateway to the second's.
    new GatewayEndpoint(s, "S3", {
      vpc,
      service: AwsService.S3,
      policy: EndpointPolicy.allowAll(OptOut.because("the buckets are this account's own")),
      routeTableIds: [LEGACY.subnets[0].routeTableId],
    });
    new Route(s, "Egress", {
      routeTableId: LEGACY.subnets[1].routeTableId,
      destinationCidrBlock: "0.0.0.0/0",
      natGatewayId: "nat-0123456789abcdef0",
    });
    return { s, vpc };
  }

  test("fails when no route this stack adds to the subnet's route table, made elsewhere, reaches the service: its own routes are unknown, not absent", () => {
    const { s, vpc } = legacyStack();
    const denied = analyzeStackFlow(s, vpc.privateSubnets[0], STS);
    expect(denied.allowed).toBe(false);
    expect(denied.reason).toBe(
      "route table rtb-0123456789abcdef0 of subnet-0123456789abcdef0 (us-east-1a) is made elsewhere (only the routes this stack adds to it are known), and this stack adds no route to com.amazonaws.us-east-1.sts (neither a gateway endpoint route nor a route to an internet or NAT gateway); no interface endpoint with private DNS in the VPC",
    );
    // Not "has no route" nor "no internet route": the table's own routes are made elsewhere.
    expect(denied.reason).not.toMatch(/has no route|, no internet route/);
    expect(denied.hops.at(-1)).toEqual(expect.objectContaining({ kind: "route", ok: false, address: `external:${LEGACY.subnets[0].routeTableId}` }));
  });

  test("fails when the import gives the subnet no route table: no route to the service can be proven, and no main route table is blamed", () => {
    const { s, vpc } = legacyStack({
      privateSubnets: LEGACY.subnets.map(({ subnetId, cidrBlock, availabilityZone }) => ({ subnetId, cidrBlock, availabilityZone })),
    });
    const verdict = analyzeStackFlow(s, vpc.privateSubnets[0], STS);
    expect(verdict.allowed).toBe(false);
    expect(verdict.reason).toBe(
      `subnet subnet-0123456789abcdef0 (us-east-1a) is made elsewhere and its route table is not given (routeTableIds of Vpc.fromVpcAttributes), so no route from subnet us-east-1a of VPC ${LEGACY.vpcId} to com.amazonaws.us-east-1.sts can be proven; no interface endpoint with private DNS in the VPC`,
    );
    expect(verdict.reason).not.toContain("main route table is not in this stack");
  });

  test("fails when the import gives no subnets at all: the VPC's route tables are made elsewhere", () => {
    const s = new PrivateNetworkingStack(testApp(), "legacy-bare", { region: "us-east-1", accountId: "111111111111" });
    const vpc = Vpc.fromVpcAttributes(s, "Legacy", { vpcId: LEGACY.vpcId, cidrBlock: LEGACY.cidrBlock });
    expectFlow(s, vpc, STS).toBeDenied(
      `no route from VPC ${LEGACY.vpcId} to com.amazonaws.us-east-1.sts can be proven: its subnets and their route tables are made elsewhere and not given (Vpc.fromVpcAttributes)`,
    );
  });

  test("the routes this stack adds to the imported tables carry the flow (a gateway endpoint's, a default route), assuming no more specific route of their own", () => {
    const { s, vpc } = legacyWithGateway();
    const [first, second] = vpc.privateSubnets;
    const s3 = expectFlow(s, first, S3);
    s3.toBeAllowed();
    expect(texts(s3.verdict)).toContain("route table rtb-0123456789abcdef0 sends com.amazonaws.us-east-1.s3 to gateway endpoint S3");
    expect(s3.verdict.assumptions).toContain(
      "route table rtb-0123456789abcdef0 of subnet-0123456789abcdef0 (us-east-1a) is made elsewhere: none of its own routes (not in this stack) is more specific for com.amazonaws.us-east-1.s3's addresses than the one this stack adds",
    );
    const sts = expectFlow(s, second, STS);
    sts.toBeAllowed();
    expect(texts(sts.verdict)).toContain(
      "route table rtb-0123456789abcdef1 sends com.amazonaws.us-east-1.sts's public addresses to a NAT gateway: the traffic leaves the AWS private network",
    );
    expect(sts.verdict.assumptions).toContainEqual(
      expect.stringContaining("route table rtb-0123456789abcdef1 of subnet-0123456789abcdef1 (us-east-1b) is made elsewhere: none of its own routes"),
    );
    // Who must not: the first subnet's table gets no default route, so STS is not reached from it.
    expectFlow(s, first, STS).toBeDenied(
      "route table rtb-0123456789abcdef0 of subnet-0123456789abcdef0 (us-east-1a) is made elsewhere (only the routes this stack adds to it are known), and this stack adds no route to com.amazonaws.us-east-1.sts",
    );
  });
});

describe("brownfield sources to S3 through a gateway endpoint: an imported group's egress", () => {
  const S3 = "s3.us-east-1.amazonaws.com";

  function withGateway() {
    const { s, vpc } = legacyStack();
    new GatewayEndpoint(s, "S3", {
      vpc,
      service: AwsService.S3,
      policy: EndpointPolicy.allowAll(OptOut.because("the buckets are this account's own")),
      routeTableIds: [LEGACY.subnets[0].routeTableId],
    });
    return { s, vpc };
  }

  test("an imported group's own egress rules are an assumption, not a denial, when this stack adds none to the service's prefix list", () => {
    const { s, vpc } = withGateway();
    const app = SecurityGroup.fromSecurityGroupAttributes(s, "Reader", { securityGroupId: "sg-0ccccccccccccccc1", vpcId: LEGACY.vpcId });
    const flow = expectFlow(s, { subnet: vpc.privateSubnets[0], securityGroup: app }, S3);
    flow.toBeAllowed();
    expect(flow.verdict.assumptions).toContain(
      "security group sg-0ccccccccccccccc1 is made elsewhere: its own rules let tcp 443 out to com.amazonaws.us-east-1.s3 (only the rules this configuration adds to it are known)",
    );
  });

  test("fails when a group made here lets nothing out to the service's prefix list: its rules are all there is", () => {
    const { s, vpc } = withGateway();
    const own = new SecurityGroup(s, "Own", { vpc, description: "readers" });
    expectFlow(s, { subnet: vpc.privateSubnets[0], securityGroup: own }, S3).toBeDenied(
      "has no egress to com.amazonaws.us-east-1.s3's prefix list on tcp 443",
    );
  });
});

describe("brownfield sources: a subnet or group beside a VPC the stack never names", () => {
  test("fails when a security group is named beside a VPC the stack neither creates nor imports: it would go unjudged", () => {
    const { s, logs } = legacyStack();
    const loose = SecurityGroup.fromSecurityGroupAttributes(s, "Loose", { securityGroupId: "sg-0aaaaaaaaaaaaaaa9" });
    const byConstruct = catchValidationError(() => analyzeStackFlow(s, { vpc: OUTSIDE_VPC, securityGroup: loose }, { target: logs }));
    expect([byConstruct.constructPath, byConstruct.prop, byConstruct.received]).toEqual(["legacy", "from.securityGroup", '"legacy/Loose"']);
    expect(byConstruct.expected).toContain(`VPC ${OUTSIDE_VPC} is neither (this stack never names it)`);
    expect(byConstruct.expected).toContain("import the VPC with Vpc.fromVpcAttributes and the group with its vpcId, or leave from.securityGroup out");
    // A question over the JSON alone (a declaration, the flows command) is refused the same.
    const model = networkModelOf(s);
    const target = `aws_vpc_endpoint.${logs.resource.friendlyUniqueId}`;
    const byId = catchValidationError(() => analyzeFlow(model, { vpc: OUTSIDE_VPC, securityGroup: "sg-0aaaaaaaaaaaaaaa9" }, { target }));
    expect([byId.constructPath, byId.prop, byId.received]).toEqual(["legacy", "from.securityGroup", '"sg-0aaaaaaaaaaaaaaa9"']);
    expect(byId.expected).toContain(`VPC ${OUTSIDE_VPC} is neither`);
    // A group the stack makes, of another VPC: the VPCs differ.
    const groupOfLegacy = model.securityGroups.find((g) => g.vpcId === LEGACY.vpcId && !g.external)!;
    const other = catchValidationError(() => analyzeFlow(model, { vpc: OUTSIDE_VPC, securityGroup: groupOfLegacy.address }, { target }));
    expect([other.prop, other.expected]).toEqual([
      "from.securityGroup",
      `a security group of VPC ${OUTSIDE_VPC} (the VPC named; this group is of VPC ${LEGACY.vpcId})`,
    ]);
    // The valid neighbours: the VPC alone is a source made elsewhere; the group beside the VPC it is of is judged.
    expect(analyzeFlow(model, { vpc: OUTSIDE_VPC }, { target }).hops[0].text).toBe(`VPC ${OUTSIDE_VPC} (made elsewhere)`);
    expectFlow(s, { vpc: LEGACY.vpcId, securityGroup: loose }, { target: logs }).toBeAllowed();
  });

  test("fails when a subnet of the stack is named beside a VPC the stack never names", () => {
    const s = new PrivateNetworkingStack(testApp(), "own-and-outside", { region: "us-east-1", accountId: "111111111111" });
    const vpc = new Vpc(s, "App", { name: "app", cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
    const model = networkModelOf(s);
    const subnet = model.subnets.find((x) => x.vpcId === model.vpcs.find((v) => !v.external)!.id)!;
    const error = catchValidationError(() => analyzeFlow(model, { vpc: OUTSIDE_VPC, subnet: subnet.address }, STS_NAME));
    expect([error.prop, error.received, error.expected]).toEqual([
      "from.subnet",
      JSON.stringify(subnet.address),
      `a subnet of VPC ${OUTSIDE_VPC} (the VPC named; this subnet is of VPC App)`,
    ]);
    // The valid neighbour: the subnet beside its own VPC.
    expect(analyzeStackFlow(s, { vpc, subnet: vpc.privateSubnets[0] }, STS_NAME).hops[0].text).toBe("subnet us-east-1a of VPC App");
  });
});

const STS_NAME = { dnsName: "sts.us-east-1.amazonaws.com", port: 443 };
