import { App, TerraformStack, Testing } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Lb } from "@cdktf/provider-aws/lib/lb";
import { LambdaFunction } from "@cdktf/provider-aws/lib/lambda-function";
import { RamResourceShareAccepter } from "@cdktf/provider-aws/lib/ram-resource-share-accepter";
import { VpcEndpoint } from "@cdktf/provider-aws/lib/vpc-endpoint";
import { VpcEndpointService } from "@cdktf/provider-aws/lib/vpc-endpoint-service";
import { VpclatticeListener } from "@cdktf/provider-aws/lib/vpclattice-listener";
import { VpclatticeResourceConfiguration } from "@cdktf/provider-aws/lib/vpclattice-resource-configuration";
import { VpclatticeResourceGateway } from "@cdktf/provider-aws/lib/vpclattice-resource-gateway";
import { VpclatticeService } from "@cdktf/provider-aws/lib/vpclattice-service";
import { VpclatticeServiceNetwork } from "@cdktf/provider-aws/lib/vpclattice-service-network";
import { VpclatticeServiceNetworkServiceAssociation } from "@cdktf/provider-aws/lib/vpclattice-service-network-service-association";
import { VpclatticeServiceNetworkVpcAssociation } from "@cdktf/provider-aws/lib/vpclattice-service-network-vpc-association";
import { VpclatticeTargetGroup } from "@cdktf/provider-aws/lib/vpclattice-target-group";
import { VpclatticeTargetGroupAttachment } from "@cdktf/provider-aws/lib/vpclattice-target-group-attachment";
import { DiagramNode, StackDiagram, stackDiagram, SynthesizedStack, toMermaid } from "../../modules/diagram";
import { Vpc } from "../../modules/vpc";
import { ResourceShare, SharePrincipal } from "../../modules/ram";
import { catchValidationError, testApp } from "../helpers";

/**
 * A provider account (111111111111) offering a PrivateLink service, a Lattice
 * service network with a Lambda-backed service and a resource configuration
 * behind a resource gateway, shared by RAM with a consumer account managed in
 * the same stack (222222222222) and with a partner outside it (333333333333).
 */
function fixture(): SynthesizedStack {
  const app: App = testApp();
  const stack = new TerraformStack(app, "fixture");
  new AwsProvider(stack, "aws", { region: "us-east-1", allowedAccountIds: ["111111111111"] });
  const consumer = new AwsProvider(stack, "aws-consumer", {
    alias: "consumer",
    region: "us-east-1",
    assumeRole: [{ roleArn: "arn:aws:iam::222222222222:role/NetworkingDeployment" }],
  });

  const providerVpc = new Vpc(stack, "ProviderVpc", { name: "provider", cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a"] });
  const consumerVpc = new Vpc(stack, "ConsumerVpc", {
    name: "consumer",
    cidrBlock: "10.1.0.0/16",
    availabilityZones: ["us-east-1a"],
    provider: consumer,
  });
  const subnetIds = (vpc: Vpc) => vpc.privateSubnets.map((s) => s.subnetId);

  const nlb = new Lb(stack, "Nlb", { loadBalancerType: "network", internal: true, subnets: subnetIds(providerVpc) });
  const endpointService = new VpcEndpointService(stack, "Api", {
    acceptanceRequired: true,
    networkLoadBalancerArns: [nlb.arn],
    allowedPrincipals: ["arn:aws:iam::222222222222:root", "arn:aws:iam::444444444444:root"],
  });
  new VpcEndpoint(stack, "ApiEndpoint", {
    provider: consumer,
    vpcId: consumerVpc.vpcId,
    vpcEndpointType: "Interface",
    serviceName: endpointService.serviceName,
    subnetIds: subnetIds(consumerVpc),
  });
  new VpcEndpoint(stack, "Logs", {
    vpcId: providerVpc.vpcId,
    vpcEndpointType: "Interface",
    serviceName: "com.amazonaws.us-east-1.logs",
    subnetIds: subnetIds(providerVpc),
  });

  const network = new VpclatticeServiceNetwork(stack, "Network", { name: "shared", authType: "AWS_IAM" });
  new VpclatticeServiceNetworkVpcAssociation(stack, "ConsumerAssociation", {
    provider: consumer,
    vpcIdentifier: consumerVpc.vpcId,
    serviceNetworkIdentifier: network.arn,
  });
  const service = new VpclatticeService(stack, "Orders", { name: "orders", authType: "AWS_IAM" });
  new VpclatticeServiceNetworkServiceAssociation(stack, "OrdersInNetwork", {
    serviceNetworkIdentifier: network.id,
    serviceIdentifier: service.id,
  });
  const targetGroup = new VpclatticeTargetGroup(stack, "OrdersFunctions", { name: "orders", type: "LAMBDA" });
  new VpclatticeListener(stack, "OrdersHttps", {
    name: "https",
    serviceIdentifier: service.id,
    protocol: "HTTPS",
    defaultAction: { forward: [{ targetGroups: [{ targetGroupIdentifier: targetGroup.id }] }] },
  });
  const handler = new LambdaFunction(stack, "OrdersHandler", { functionName: "orders", role: "arn:aws:iam::111111111111:role/orders" });
  new VpclatticeTargetGroupAttachment(stack, "OrdersTarget", { targetGroupIdentifier: targetGroup.id, target: { id: handler.arn } });

  const gateway = new VpclatticeResourceGateway(stack, "Gateway", { name: "db", vpcId: providerVpc.vpcId, subnetIds: subnetIds(providerVpc) });
  const database = new VpclatticeResourceConfiguration(stack, "Database", {
    name: "db",
    type: "SINGLE",
    portRanges: ["5432"],
    resourceGatewayIdentifier: gateway.id,
    resourceConfigurationDefinition: [{ ipResource: [{ ipAddress: "10.0.1.25" }] }],
  });
  new VpcEndpoint(stack, "DatabaseEndpoint", {
    provider: consumer,
    vpcId: consumerVpc.vpcId,
    vpcEndpointType: "Resource",
    resourceConfigurationArn: database.arn,
    subnetIds: subnetIds(consumerVpc),
  });

  const share = new ResourceShare(stack, "Share", {
    name: "shared-network",
    principals: [SharePrincipal.account("222222222222"), SharePrincipal.account("333333333333")],
    allowExternalPrincipals: true,
  });
  share.addResource("network", network.arn);
  share.addResource("database", database.arn);
  new RamResourceShareAccepter(stack, "Accept", { provider: consumer, shareArn: share.resourceShareArn });

  return JSON.parse(Testing.synth(stack));
}

function byLabel(diagram: StackDiagram, label: string): DiagramNode {
  const node = diagram.nodes.find((n) => n.label === label);
  if (node === undefined) throw new Error(`no node ${label} in ${diagram.nodes.map((n) => n.label).join(", ")}`);
  return node;
}

/** Edges as "from-label -> to-label (label)", accounts by ID, for readable assertions. */
function edgeList(diagram: StackDiagram): string[] {
  const name = (id: string) => diagram.nodes.find((n) => n.id === id)?.label ?? id;
  return diagram.edges.map((e) => `${name(e.from)} -> ${name(e.to)}${e.label === undefined ? "" : ` (${e.label})`}`).sort();
}

describe("stackDiagram", () => {
  const diagram = stackDiagram(fixture());

  test("one account per provider configuration, with its account ID", () => {
    expect(diagram.accounts).toEqual([
      { id: "account_default", alias: undefined, accountId: "111111111111", label: "default account 111111111111" },
      { id: "account_consumer", alias: "consumer", accountId: "222222222222", label: "consumer account 222222222222" },
    ]);
  });

  test("draws the networking resources and leaves out the glue", () => {
    const kinds = diagram.nodes.map((n) => `${n.kind}:${n.label}`).sort();
    expect(kinds).toEqual(
      [
        "vpc:ProviderVpc",
        "vpc:ConsumerVpc",
        "loadBalancer:Nlb",
        "endpointService:Api",
        "endpoint:ApiEndpoint",
        "endpoint:Logs",
        "endpoint:DatabaseEndpoint",
        "serviceNetwork:Network",
        "service:Orders",
        "targetGroup:OrdersFunctions",
        "workload:OrdersHandler",
        "resourceGateway:Gateway",
        "resourceConfiguration:Database",
        "resourceShare:Share",
        "principal:account 333333333333",
        "principal:account 444444444444",
        "awsService:logs",
      ].sort(),
    );
    expect(diagram.nodes.map((n) => n.address).filter((a) => /aws_(subnet|route_table|vpclattice_listener|ram_principal)/.test(a))).toEqual([]);
  });

  test("places resources in their account and, through subnets, in their VPC", () => {
    const providerVpc = byLabel(diagram, "ProviderVpc").id;
    const consumerVpc = byLabel(diagram, "ConsumerVpc").id;
    expect(byLabel(diagram, "ApiEndpoint")).toMatchObject({ account: "account_consumer", vpc: consumerVpc });
    expect(byLabel(diagram, "DatabaseEndpoint")).toMatchObject({ account: "account_consumer", vpc: consumerVpc });
    expect(byLabel(diagram, "Nlb")).toMatchObject({ account: "account_default", vpc: providerVpc });
    expect(byLabel(diagram, "Gateway")).toMatchObject({ account: "account_default", vpc: providerVpc });
    expect(byLabel(diagram, "Network")).toMatchObject({ account: "account_default", vpc: undefined });
    expect(byLabel(diagram, "account 333333333333").account).toBeUndefined();
  });

  test("edges follow the references, contracted through associations, listeners and attachments", () => {
    expect(edgeList(diagram)).toEqual(
      [
        "ApiEndpoint -> Api (PrivateLink)",
        "Api -> Nlb (forwards)",
        "ConsumerVpc -> Network (associated)",
        "Network -> Orders (service)",
        "Orders -> OrdersFunctions (routes)",
        "OrdersFunctions -> OrdersHandler (target)",
        "DatabaseEndpoint -> Database (resource endpoint)",
        "Database -> Gateway (through)",
        "Share -> Network (shares)",
        "Share -> Database (shares)",
        "Share -> account_consumer (shared with)",
        "Share -> account 333333333333 (shared with)",
        "account_consumer -> Api (allowed)",
        "account 444444444444 -> Api (allowed)",
        "Logs -> logs (PrivateLink)",
      ].sort(),
    );
  });

  test("an accepter in another account makes the share reach that account", () => {
    const stack = fixture();
    // Without the principal association, only the accepter links the share to the consumer.
    delete (stack.resource as Record<string, unknown>).aws_ram_principal_association;
    expect(edgeList(stackDiagram(stack))).toContain("Share -> account_consumer (accepted by)");
  });

  test("a VPC associated with a private zone reaches what the zone's records point at", () => {
    const stack: SynthesizedStack = {
      resource: {
        aws_vpc: {
          Hub: { cidr_block: "10.0.0.0/16" },
          Spoke: { cidr_block: "10.1.0.0/16" },
          Remote: { cidr_block: "10.2.0.0/16" },
          Other: { cidr_block: "10.3.0.0/16" },
        },
        aws_vpc_endpoint: { Kms: { vpc_id: "${aws_vpc.Hub.id}", vpc_endpoint_type: "Interface", service_name: "com.amazonaws.us-east-1.kms" } },
        aws_route53_zone: { KmsZone: { name: "kms.us-east-1.amazonaws.com", vpc: [{ vpc_id: "${aws_vpc.Hub.id}" }] } },
        aws_route53_zone_association: {
          Spoke: { zone_id: "${aws_route53_zone.KmsZone.zone_id}", vpc_id: "${aws_vpc.Spoke.id}" },
          // Another account's VPC: the association goes through the zone owner's authorization.
          Remote: {
            zone_id: "${aws_route53_vpc_association_authorization.Remote.zone_id}",
            vpc_id: "${aws_route53_vpc_association_authorization.Remote.vpc_id}",
          },
        },
        aws_route53_vpc_association_authorization: { Remote: { zone_id: "${aws_route53_zone.KmsZone.zone_id}", vpc_id: "${aws_vpc.Remote.id}" } },
        aws_route53_record: {
          KmsAlias: {
            zone_id: "${aws_route53_zone.KmsZone.zone_id}",
            name: "kms.us-east-1.amazonaws.com",
            type: "A",
            alias: { name: "${aws_vpc_endpoint.Kms.dns_entry[0].dns_name}", zone_id: "${aws_vpc_endpoint.Kms.dns_entry[0].hosted_zone_id}" },
          },
        },
      },
    };
    expect(edgeList(stackDiagram(stack))).toEqual([
      "Hub -> Kms (private DNS)",
      "Kms -> kms (PrivateLink)",
      "Remote -> Kms (private DNS)",
      "Spoke -> Kms (private DNS)",
    ]);
  });

  test("what the stack names by literal (AWS services, imported or partner resources) becomes a node", () => {
    const stack: SynthesizedStack = {
      provider: { aws: [{ region: "us-east-1", allowed_account_ids: ["111111111111"] }] },
      resource: {
        aws_vpc: { App: { cidr_block: "10.0.0.0/16" } },
        aws_vpc_endpoint: {
          S3: { vpc_id: "${aws_vpc.App.id}", vpc_endpoint_type: "Gateway", service_name: "com.amazonaws.us-east-1.s3" },
          Partner: {
            vpc_id: "${aws_vpc.App.id}",
            vpc_endpoint_type: "Interface",
            service_name: "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0",
          },
          FromInput: { vpc_id: "${aws_vpc.App.id}", vpc_endpoint_type: "Interface", service_name: "${var.service_name}" },
          FromInputWithoutDefault: { vpc_id: "${aws_vpc.App.id}", vpc_endpoint_type: "Interface", service_name: "${var.other_service}" },
        },
        aws_vpclattice_service_network_vpc_association: {
          Member: {
            vpc_identifier: "${aws_vpc.App.id}",
            service_network_identifier: "arn:aws:vpc-lattice:us-east-1:111111111111:servicenetwork/sn-0123456789abcdef0",
          },
        },
      },
      variable: {
        service_name: { type: "string", default: "com.amazonaws.vpce.us-east-1.vpce-svc-0fedcba9876543210" },
        other_service: { type: "string" },
      },
    };
    const result = stackDiagram(stack);
    expect(
      result.nodes.filter((n) => n.address.startsWith("external.")).map(({ kind, label, account, details }) => ({ kind, label, account, details })),
    ).toEqual([
      { kind: "awsService", label: "s3", account: undefined, details: [] },
      { kind: "endpointService", label: "vpce-svc-0123456789abcdef0", account: undefined, details: ["not in this stack"] },
      { kind: "endpointService", label: "vpce-svc-0fedcba9876543210", account: undefined, details: ["not in this stack"] },
      { kind: "endpointService", label: "var.other_service", account: undefined, details: ["not in this stack"] },
      { kind: "serviceNetwork", label: "sn-0123456789abcdef0", account: "account_default", details: ["not in this stack"] },
    ]);
    expect(edgeList(result)).toEqual([
      "App -> sn-0123456789abcdef0 (associated)",
      "FromInput -> vpce-svc-0fedcba9876543210 (PrivateLink)",
      "FromInputWithoutDefault -> var.other_service (PrivateLink)",
      "Partner -> vpce-svc-0123456789abcdef0 (PrivateLink)",
      "S3 -> s3 (gateway route)",
    ]);
  });

  test("details carry the facts worth reading", () => {
    expect(byLabel(diagram, "ProviderVpc").details).toEqual(["10.0.0.0/16"]);
    expect(byLabel(diagram, "Logs").details).toEqual(["Interface", "logs"]);
    expect(byLabel(diagram, "Api").details).toEqual(["acceptance required"]);
    expect(byLabel(diagram, "Network").details).toEqual(["shared", "AWS_IAM"]);
    expect(byLabel(diagram, "Database").details).toEqual(["SINGLE", "ports 5432"]);
    expect(byLabel(diagram, "Share").details).toEqual(["shared-network", "external principals allowed"]);
    expect(byLabel(diagram, "Nlb").details).toEqual(["network", "internal"]);
  });

  test("labels come from the construct path when the synthesized file carries metadata", () => {
    const stack: SynthesizedStack = {
      resource: {
        aws_vpc: { Shared_Vpc_1A2B3C4D: { cidr_block: "10.0.0.0/16", "//": { metadata: { path: "es1-api/Shared/Vpc/Resource" } } } },
      },
    };
    expect(stackDiagram(stack).nodes[0]).toMatchObject({ label: "Shared/Vpc", id: "aws_vpc_Shared_Vpc_1A2B3C4D", account: "account_default" });
  });

  test("a stack without provider blocks has one default account", () => {
    expect(stackDiagram({}).accounts).toEqual([{ id: "account_default", label: "default account" }]);
  });

  test("a data source reference is not an edge", () => {
    const stack: SynthesizedStack = {
      resource: {
        aws_vpc: { A: { cidr_block: "10.0.0.0/16" } },
        aws_vpc_endpoint: { E: { vpc_id: "${aws_vpc.A.id}", service_name: "${data.aws_vpc_endpoint_service.s3.service_name}" } },
      },
    };
    const result = stackDiagram(stack);
    expect(result.edges).toEqual([]);
    expect(result.nodes.find((n) => n.kind === "endpoint")?.vpc).toBe("aws_vpc_A");
  });
});

describe("toMermaid", () => {
  const diagram = stackDiagram(fixture());
  const chart = toMermaid(diagram);
  const lines = chart.split("\n").map((l) => l.trim());
  const id = (label: string) => byLabel(diagram, label).id;

  test("a flowchart with one subgraph per account and VPCs nested in them", () => {
    expect(lines[0]).toBe("flowchart LR");
    expect(lines).toContain('subgraph account_default["default account 111111111111"]');
    expect(lines).toContain('subgraph account_consumer["consumer account 222222222222"]');
    const consumer = lines.indexOf('subgraph account_consumer["consumer account 222222222222"]');
    const consumerVpc = lines.findIndex((l) => l.startsWith(`subgraph ${id("ConsumerVpc")}[`));
    const endpoint = lines.findIndex((l) => l.startsWith(`${id("ApiEndpoint")}(`));
    expect(consumer).toBeLessThan(consumerVpc);
    expect(consumerVpc).toBeLessThan(endpoint);
    expect(lines.slice(consumerVpc, endpoint)).not.toContain("end");
  });

  test("an account with nothing in it and no arrow is not drawn (a provider alias whose resources sit in another account's VPC)", () => {
    const stack: SynthesizedStack = {
      provider: { aws: [{ region: "us-east-1" }, { alias: "integration", region: "us-east-1" }, { alias: "partner", region: "us-east-1" }] },
      resource: {
        aws_vpc: { V: { cidr_block: "10.0.0.0/16" } },
        aws_vpc_endpoint: { E: { provider: "aws.integration", vpc_id: "${aws_vpc.V.id}", service_name: "com.amazonaws.us-east-1.s3" } },
        aws_ram_resource_share: { S: { provider: "aws.partner", name: "share" } },
      },
    };
    const drawn = toMermaid(stackDiagram(stack))
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l.startsWith("subgraph account_"));
    expect(drawn.map((l) => l.split("[")[0])).toEqual(["subgraph account_default", "subgraph account_partner"]);
  });

  test("every node is declared with its kind's shape and title", () => {
    expect(lines).toContain(`${id("Network")}{{"<b>Service network</b><br/>Network<br/>shared<br/>AWS_IAM"}}`);
    expect(lines).toContain(`${id("Database")}[("<b>Resource configuration</b><br/>Database<br/>SINGLE<br/>ports 5432")]`);
    expect(lines).toContain(`${id("Api")}[["<b>Endpoint service</b><br/>Api<br/>acceptance required"]]`);
    expect(lines).toContain(`${id("Gateway")}>"<b>Resource gateway</b><br/>Gateway<br/>db"]`);
    expect(lines).toContain(`${id("logs")}[/"<b>AWS service</b><br/>logs"\\]`);
  });

  test("edges inside an account or to an AWS service are thin, edges between accounts thick", () => {
    expect(lines).toContain(`${id("Orders")} -->|"routes"| ${id("OrdersFunctions")}`);
    expect(lines).toContain(`${id("ApiEndpoint")} ==>|"PrivateLink"| ${id("Api")}`);
    expect(lines).toContain(`${id("Share")} ==>|"shared with"| account_consumer`);
    expect(lines).toContain(`${id("Logs")} -->|"PrivateLink"| ${id("logs")}`);
  });

  test("styles every kind present", () => {
    expect(lines).toContain("classDef endpoint fill:#e6f4ea,stroke:#1a7f37");
    expect(
      lines
        .find((l) => l.startsWith("class ") && l.endsWith(" endpoint"))
        ?.split(" ")[1]
        .split(",")
        .sort(),
    ).toEqual([id("ApiEndpoint"), id("Logs"), id("DatabaseEndpoint")].sort());
    expect(lines).toContain(`style ${id("ProviderVpc")} fill:#f4f9ff,stroke:#1f6feb`);
  });

  test("quotes and angle brackets in labels cannot break the chart", () => {
    const stack: SynthesizedStack = { resource: { aws_vpclattice_service: { S: { name: 'a"<b>' } } } };
    expect(toMermaid(stackDiagram(stack))).toContain("a#quot;#lt;b#gt;");
  });

  test("top-to-bottom on request", () => {
    expect(toMermaid(diagram, { direction: "TB" }).split("\n")[0]).toBe("flowchart TB");
  });

  test("matches the reviewed rendering", () => {
    expect(chart).toMatchSnapshot();
  });
});

describe("diagram arguments", () => {
  it("fails when stackDiagram gets the file's text, a plan's JSON, nothing or a malformed block, instead of drawing an empty diagram", () => {
    const plan = { format_version: "1.2", planned_values: { root_module: {} }, configuration: { root_module: {} } };
    const cases: [unknown, string][] = [
      [JSON.stringify(fixture()), "stack"],
      [plan, "stack"],
      [undefined, "stack"],
      [null, "stack"],
      [{ resource: 5 }, "stack.resource"],
      [{ resource: { aws_vpc: { x: null } } }, "stack.resource.aws_vpc.x"],
      [{ "//": { flows: { declared: "x" } } }, "stack.//.flows.declared"],
    ];
    for (const [json, prop] of cases)
      expect(catchValidationError(() => stackDiagram(json as never))).toMatchObject({ constructPath: "diagram", prop });
  });

  it("fails when toMermaid gets no diagram, or a direction Mermaid would reject", () => {
    expect(catchValidationError(() => toMermaid(undefined as never))).toMatchObject({ prop: "diagram" });
    expect(catchValidationError(() => toMermaid(stackDiagram(fixture()), { direction: "sideways" as never }))).toMatchObject({
      prop: "options.direction",
      received: '"sideways"',
    });
  });
});
