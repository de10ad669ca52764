import { TerraformStack, TerraformVariable } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Route } from "@cdktf/provider-aws/lib/route";
import { VpcPeeringConnection } from "@cdktf/provider-aws/lib/vpc-peering-connection";
import { AwsService, CentralizedEndpoints, EndpointPolicy, InterfaceEndpoint, ServiceAccessPresets } from "../../../modules/endpoints";
import { expectFlow } from "../../../modules/flows";
import { Peer, PrivateHostedZone, SecurityGroup, TransitGateway, Vpc } from "../../../modules/vpc";
import { Port } from "../../../modules/core";
import { expectValidationError, Json, resourcesOfType, stackWithProvider, synthJson } from "../../helpers";
import { ORG, testVpc } from "../helpers";

const KEY = "arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab";

describe("CentralizedEndpoints", () => {
  function hubAndSpokes() {
    const stack = stackWithProvider();
    const hub = testVpc(stack, ["us-east-1a", "us-east-1b"], "Hub");
    const orders = new Vpc(stack, "Orders", { name: "orders", cidrBlock: "10.1.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
    const partner = new AwsProvider(stack, "partner", { region: "us-east-1", alias: "partner" });
    const analytics = new Vpc(stack, "Analytics", {
      name: "analytics",
      cidrBlock: "10.2.0.0/16",
      availabilityZones: ["us-east-1a", "us-east-1b"],
      provider: partner,
    });
    const central = new CentralizedEndpoints(stack, "Central", {
      vpc: hub,
      spokes: [
        { name: "orders", vpc: orders },
        { name: "analytics", vpc: analytics },
      ],
      allowedPeers: [Peer.cidr("10.0.0.0/8")],
      services: [
        { service: AwsService.LOGS, policy: EndpointPolicy.organizationOnly(ORG) },
        { service: AwsService.ECR_DKR, policy: EndpointPolicy.organizationOnly(ORG) },
        { service: AwsService.ECR_API, policy: EndpointPolicy.organizationOnly(ORG) },
      ],
    });
    return { stack, central, json: synthJson(stack) };
  }

  test.each(["the hub's allowFrom", "the client's allowTo"])(
    "a spoke's client group admitted through connections (%s) gets its egress to its own VPC's S3 gateway endpoint, the hub's group to the hub's: image layers are proven from both",
    (side) => {
      const stack = stackWithProvider();
      const hub = testVpc(stack, ["us-east-1a", "us-east-1b"], "Hub");
      const orders = new Vpc(stack, "Orders", { name: "orders", cidrBlock: "10.1.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
      const network = new TransitGateway(stack, "Network", { name: "network", securityGroupReferencing: true });
      const hubAttachment = network.attach("hub", hub);
      network.attach("orders", orders, { routeTo: [hubAttachment] });
      const repository = "arn:aws:ecr:us-east-1:111111111111:repository/orders";
      const central = new CentralizedEndpoints(stack, "Central", {
        vpc: hub,
        open: false,
        spokes: [{ name: "orders", vpc: orders }],
        services: ServiceAccessPresets.ecrPull([repository], ["arn:aws:logs:us-east-1:111111111111:log-group:/orders"], { organizationId: ORG }),
      });
      const ordersNodes = new SecurityGroup(stack, "OrdersNodes", { vpc: orders, description: "Orders nodes" });
      const hubNodes = new SecurityGroup(stack, "HubNodes", { vpc: hub, description: "Hub nodes" });
      for (const [nodes, description] of [
        [ordersNodes, "Orders nodes pull images"],
        [hubNodes, "Hub nodes pull images"],
      ] as const) {
        if (side === "the hub's allowFrom") central.connections.allowFrom(nodes, Port.tcp(443), description);
        else nodes.connections.allowTo(central, Port.tcp(443), description);
      }
      const toPrefixLists = (Object.values(resourcesOfType(synthJson(stack), "aws_vpc_security_group_egress_rule")) as Json[])
        .filter((r) => r.prefix_list_id !== undefined)
        .map(
          (r) =>
            `${/aws_security_group\.(\w+?)_[0-9A-F]{8}\.id/.exec(String(r.security_group_id))?.[1]} -> ${/aws_vpc_endpoint\.([\w-]+?)_[0-9A-F]{8}\./.exec(String(r.prefix_list_id))?.[1]}`,
        )
        .sort();
      expect(toPrefixLists).toEqual(["HubNodes -> Central_Endpoints_s3", "OrdersNodes -> Central_Spoke-orders-s3"]);
      const task = { arn: "arn:aws:iam::111111111111:role/orders-task", organizationId: ORG };
      const layers = {
        dnsName: "prod-us-east-1-starport-layer-bucket.s3.us-east-1.amazonaws.com",
        request: { action: "s3:GetObject", resource: "arn:aws:s3:::prod-us-east-1-starport-layer-bucket/layer.tar.gz" },
      };
      expectFlow(stack, { vpc: orders, securityGroup: ordersNodes, principal: task }, layers).toBeAllowed();
      expectFlow(stack, { vpc: hub, securityGroup: hubNodes, principal: task }, layers).toBeAllowed();
      expectFlow(
        stack,
        { vpc: orders, securityGroup: ordersNodes, principal: task },
        {
          dnsName: "111111111111.dkr.ecr.us-east-1.amazonaws.com",
          request: { action: "ecr:BatchGetImage", resource: repository },
        },
      ).toBeAllowed();
    },
  );

  test("dual-stack hub endpoints: AAAA records next to the A records, and the hub's and spokes' IPv6 blocks admitted", () => {
    const stack = stackWithProvider();
    const dualStack = (id: string, cidrBlock: string) =>
      new Vpc(stack, id, { name: id.toLowerCase(), cidrBlock, availabilityZones: ["us-east-1a", "us-east-1b"], dualStack: true });
    const hub = dualStack("Hub", "10.0.0.0/16");
    const orders = dualStack("Orders", "10.1.0.0/16");
    new CentralizedEndpoints(stack, "Central", {
      vpc: hub,
      ipAddressType: "dualstack",
      spokes: [{ name: "orders", vpc: orders }],
      services: [
        { service: AwsService.ECR_DKR, policy: EndpointPolicy.organizationOnly(ORG) },
        { service: AwsService.ECR_API, policy: EndpointPolicy.organizationOnly(ORG) },
        { service: AwsService.KMS, policy: EndpointPolicy.kmsKeys([KEY]), ipAddressType: "ipv4" },
      ],
    });
    const json = synthJson(stack);
    const records = (Object.values(resourcesOfType(json, "aws_route53_record")) as Json[]).map((r) => `${r.type} ${r.name}`).sort();
    expect(records).toEqual([
      "A *.dkr.ecr.us-east-1.amazonaws.com",
      "A api.ecr.us-east-1.amazonaws.com",
      "A dkr.ecr.us-east-1.amazonaws.com",
      "A kms.us-east-1.amazonaws.com",
      "AAAA *.dkr.ecr.us-east-1.amazonaws.com",
      "AAAA api.ecr.us-east-1.amazonaws.com",
      "AAAA dkr.ecr.us-east-1.amazonaws.com",
    ]);
    // The A records keep the construct IDs they had before AAAA records existed, so their addresses stay.
    const recordKeys = Object.keys(resourcesOfType(json, "aws_route53_record")).map((k) => k.replace(/_[0-9A-F]{8}$/, ""));
    expect(recordKeys).toEqual(expect.arrayContaining(["Central_Dns-ecr-api_Alias", "Central_Dns-ecr-api_AliasAAAA", "Central_Dns-kms_Alias"]));
    const rules = Object.values(resourcesOfType(json, "aws_vpc_security_group_ingress_rule")) as Json[];
    expect(rules.map((r) => r.cidr_ipv4 ?? r.cidr_ipv6)).toEqual([
      "10.0.0.0/16",
      "10.1.0.0/16",
      "${aws_vpc.Hub_C5CB2B3F.ipv6_cidr_block}",
      "${aws_vpc.Orders_A9B65338.ipv6_cidr_block}",
    ]);
    expectFlow(stack, { vpc: hub, family: "ipv6" }, { dnsName: "api.ecr.us-east-1.amazonaws.com", port: 443 }).toBeAllowed();
  });

  test("an S3 hub endpoint answers, as its private DNS would, the bucket names and the access point and S3 Control names too: a zone (apex and wildcard) of each, shared with the spokes", () => {
    const stack = stackWithProvider();
    const hub = testVpc(stack, ["us-east-1a", "us-east-1b"], "Hub");
    const orders = new Vpc(stack, "Orders", { name: "orders", cidrBlock: "10.1.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
    const central = new CentralizedEndpoints(stack, "Central", {
      vpc: hub,
      spokes: [{ name: "orders", vpc: orders }],
      allowedPeers: [Peer.cidr("10.0.0.0/8")],
      services: [
        { service: AwsService.S3, policy: EndpointPolicy.s3Buckets(["app-data"]) },
        { service: AwsService.LOGS, policy: EndpointPolicy.organizationOnly(ORG) },
      ],
    });
    const json = synthJson(stack);
    const zones = (Object.values(resourcesOfType(json, "aws_route53_zone")) as Json[]).map((z) => z.name).sort();
    expect(zones).toEqual([
      "logs.us-east-1.amazonaws.com",
      "s3-accesspoint.us-east-1.amazonaws.com",
      "s3-control.us-east-1.amazonaws.com",
      "s3.us-east-1.amazonaws.com",
    ]);
    const records = (Object.values(resourcesOfType(json, "aws_route53_record")) as Json[]).map((r) => `${r.type} ${r.name}`).sort();
    expect(records).toEqual([
      "A *.s3-accesspoint.us-east-1.amazonaws.com",
      "A *.s3-control.us-east-1.amazonaws.com",
      "A *.s3.us-east-1.amazonaws.com",
      "A logs.us-east-1.amazonaws.com",
      "A s3-accesspoint.us-east-1.amazonaws.com",
      "A s3-control.us-east-1.amazonaws.com",
      "A s3.us-east-1.amazonaws.com",
    ]);
    // Every zone is associated with the spoke; the S3 zones keep their own construct IDs (the bucket zone's address is unchanged).
    expect(Object.keys(resourcesOfType(json, "aws_route53_zone_association"))).toHaveLength(4);
    expect(
      Object.keys(resourcesOfType(json, "aws_route53_zone"))
        .map((k) => k.replace(/_[0-9A-F]{8}$/, ""))
        .sort(),
    ).toEqual(["Central_Dns-logs_Zone", "Central_Dns-s3-s3-accesspoint_Zone", "Central_Dns-s3-s3-control_Zone", "Central_Dns-s3_Zone"]);
    expect(Object.keys(central.hostedZones).sort()).toEqual(["logs", "s3"]);
    expect(central.additionalHostedZones.s3.map((z) => z.nameInput)).toEqual([
      "s3-accesspoint.us-east-1.amazonaws.com",
      "s3-control.us-east-1.amazonaws.com",
    ]);
    expect(central.additionalHostedZones.logs).toBeUndefined();
    // Over a peering of the spoke and the hub, a spoke's access point and S3 Control calls reach the hub endpoint, as its bucket calls do.
    const peering = new VpcPeeringConnection(stack, "Pcx", { vpcId: orders.vpcId, peerVpcId: hub.vpcId, autoAccept: true });
    for (const [vpc, cidr] of [
      [orders, "10.0.0.0/16"],
      [hub, "10.1.0.0/16"],
    ] as const)
      vpc.privateSubnets.forEach(
        (subnet, i) =>
          new Route(stack, `${vpc.node.id}To${i}`, {
            routeTableId: subnet.routeTableId!,
            destinationCidrBlock: cidr,
            vpcPeeringConnectionId: peering.id,
          }),
      );
    for (const dnsName of [
      "app-data.s3.us-east-1.amazonaws.com",
      "reports-111111111111.s3-accesspoint.us-east-1.amazonaws.com",
      "111111111111.s3-control.us-east-1.amazonaws.com",
    ])
      expectFlow(stack, { vpc: orders }, { dnsName, port: 443 }).toBeAllowed();
  });

  test("fails when a spoke is associated with another private hosted zone of S3's access point names", () => {
    const stack = stackWithProvider();
    const orders = new Vpc(stack, "Orders", { name: "orders", cidrBlock: "10.1.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
    new CentralizedEndpoints(stack, "Central", {
      vpc: testVpc(stack, ["us-east-1a", "us-east-1b"], "Hub"),
      spokes: [{ name: "orders", vpc: orders }],
      allowedPeers: [Peer.cidr("10.0.0.0/8")],
      services: [{ service: AwsService.S3, policy: EndpointPolicy.s3Buckets(["app-data"]) }],
    });
    new PrivateHostedZone(stack, "AccessPoints", { zoneName: "s3-accesspoint.us-east-1.amazonaws.com", vpc: orders });
    const error = expectValidationError(() => synthJson(stack), "spokes[0].vpc", '"orders"');
    expect(error.expected).toContain("(test/AccessPoints is s3-accesspoint.us-east-1.amazonaws.com)");
  });

  test("the alias records are of the types the hub endpoint's DNS record IP type publishes: no AAAA alias to IPv4 records, no A alias to IPv6 ones", () => {
    const stack = stackWithProvider();
    const dualStack = (id: string, cidrBlock: string) =>
      new Vpc(stack, id, { name: id.toLowerCase(), cidrBlock, availabilityZones: ["us-east-1a", "us-east-1b"], dualStack: true });
    const hub = dualStack("Hub", "10.0.0.0/16");
    new CentralizedEndpoints(stack, "Central", {
      vpc: hub,
      ipAddressType: "dualstack",
      spokes: [{ name: "orders", vpc: dualStack("Orders", "10.1.0.0/16") }],
      services: [
        { service: AwsService.LOGS, policy: EndpointPolicy.organizationOnly(ORG), dnsRecordIpType: "ipv4" },
        { service: AwsService.KMS, policy: EndpointPolicy.kmsKeys([KEY]), dnsRecordIpType: "ipv6" },
        { service: AwsService.SQS, policy: EndpointPolicy.organizationOnly(ORG), dnsRecordIpType: "service-defined" },
      ],
    });
    const json = synthJson(stack);
    const records = (Object.values(resourcesOfType(json, "aws_route53_record")) as Json[]).map((r) => `${r.type} ${r.name}`).sort();
    expect(records).toEqual([
      "A logs.us-east-1.amazonaws.com",
      "A sqs.us-east-1.amazonaws.com",
      "AAAA kms.us-east-1.amazonaws.com",
      "AAAA sqs.us-east-1.amazonaws.com",
    ]);
    // The AAAA-only record keeps the AAAA construct ID, so a record that exists keeps its address whatever the others do.
    expect(Object.keys(resourcesOfType(json, "aws_route53_record")).map((k) => k.replace(/_[0-9A-F]{8}$/, ""))).toEqual(
      expect.arrayContaining(["Central_Dns-kms_AliasAAAA", "Central_Dns-logs_Alias"]),
    );
    expectFlow(stack, { vpc: hub, family: "ipv6" }, { dnsName: "logs.us-east-1.amazonaws.com", port: 443 }).toBeDenied(
      "which has only A records for it: an IPv6 client asks for AAAA records",
    );
    expectFlow(stack, { vpc: hub }, { dnsName: "kms.us-east-1.amazonaws.com", port: 443 }).toBeDenied(
      "which has only AAAA records for it: an IPv4 client asks for A records",
    );
    expectFlow(stack, { vpc: hub, family: "ipv6" }, { dnsName: "kms.us-east-1.amazonaws.com", port: 443 }).toBeAllowed();
    expectFlow(stack, { vpc: hub }, { dnsName: "logs.us-east-1.amazonaws.com", port: 443 }).toBeAllowed();
  });

  test("IPv6-only hub endpoints: AAAA records only (their regional names have no A records)", () => {
    const stack = stackWithProvider();
    const hub = testVpc(stack, ["us-east-1a", "us-east-1b"], "Hub");
    const ipv6Only = ["us-east-1a", "us-east-1b"].map((az, i) => ({
      subnetId: `subnet-0${i}aaaaaaaaaaaaaaa`,
      availabilityZone: az,
      ipAddressType: "ipv6" as const,
    }));
    new CentralizedEndpoints(stack, "Central", {
      vpc: hub,
      subnets: ipv6Only,
      ipAddressType: "ipv6",
      spokes: [
        {
          name: "orders",
          vpc: new Vpc(stack, "Orders", { name: "orders", cidrBlock: "10.1.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] }),
        },
      ],
      allowedPeers: [Peer.cidr("10.0.0.0/8")],
      services: [
        { service: AwsService.ECR_DKR, policy: EndpointPolicy.organizationOnly(ORG) },
        { service: AwsService.ECR_API, policy: EndpointPolicy.organizationOnly(ORG) },
      ],
    });
    const records = (Object.values(resourcesOfType(synthJson(stack), "aws_route53_record")) as Json[]).map((r) => `${r.type} ${r.name}`).sort();
    expect(records).toEqual([
      "AAAA *.dkr.ecr.us-east-1.amazonaws.com",
      "AAAA api.ecr.us-east-1.amazonaws.com",
      "AAAA dkr.ecr.us-east-1.amazonaws.com",
    ]);
  });

  test("IPv4 hub endpoints: A records only", () => {
    const { json } = hubAndSpokes();
    expect(new Set((Object.values(resourcesOfType(json, "aws_route53_record")) as Json[]).map((r) => r.type))).toEqual(new Set(["A"]));
  });

  test("fails when a spoke already answers a hub service by its own endpoint's private DNS (Route 53 refuses the hub's zone there), in either order", () => {
    const stack = stackWithProvider();
    const hub = testVpc(stack, ["us-east-1a", "us-east-1b"], "Hub");
    const orders = new Vpc(stack, "Orders", { name: "orders", cidrBlock: "10.1.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
    const logs = { service: AwsService.LOGS, policy: EndpointPolicy.organizationOnly(ORG) };
    new InterfaceEndpoint(stack, "OwnLogs", { vpc: orders, ...logs });
    const error = expectValidationError(
      () => new CentralizedEndpoints(stack, "Central", { vpc: hub, spokes: [{ name: "orders", vpc: orders }], services: [logs] }),
      "spokes[0].vpc",
      "orders",
    );
    expect(error.expected).toContain("OwnLogs already does");
    // A service the spoke has no endpoint of is fine, and then a later private-DNS endpoint to it in the spoke is refused.
    const kms = { service: AwsService.KMS, policy: EndpointPolicy.kmsKeys([KEY]) };
    new CentralizedEndpoints(stack, "CentralKms", { vpc: hub, spokes: [{ name: "orders", vpc: orders }], services: [kms] });
    const late = expectValidationError(() => new InterfaceEndpoint(stack, "OwnKms", { vpc: orders, ...kms }), "privateDnsEnabled", "true");
    expect(late.expected).toContain("CentralKms (its private hosted zone of com.amazonaws.us-east-1.kms)");
    expect(() => new InterfaceEndpoint(stack, "OwnKmsNoDns", { vpc: orders, ...kms, privateDnsEnabled: false })).not.toThrow();
  });

  test("fails when the hub or a spoke is associated with another private hosted zone of a service's name, made before or after the pattern, or named by an imported VPC (ConflictingDomainExists)", () => {
    const logs = { service: AwsService.LOGS, policy: EndpointPolicy.organizationOnly(ORG) };
    const vpc = (stack: TerraformStack, id: string, cidrBlock: string) =>
      new Vpc(stack, id, { name: id.toLowerCase(), cidrBlock, availabilityZones: ["us-east-1a", "us-east-1b"] });
    const build = (zone: "before" | "after" | "hub" | "unrelated" | "other-name") => {
      const stack = stackWithProvider();
      const hub = testVpc(stack, ["us-east-1a", "us-east-1b"], "Hub");
      const orders = vpc(stack, "Orders", "10.1.0.0/16");
      const zoneOf = (name: string, on: Vpc) => new PrivateHostedZone(stack, "Existing", { zoneName: name, vpc: on });
      if (zone === "before") zoneOf("logs.us-east-1.amazonaws.com", vpc(stack, "Elsewhere", "10.9.0.0/16")).associateVpc("orders", orders);
      new CentralizedEndpoints(stack, "Central", { vpc: hub, spokes: [{ name: "orders", vpc: orders }], services: [logs] });
      if (zone === "after") zoneOf("LOGS.us-east-1.amazonaws.com", orders);
      if (zone === "hub") zoneOf("logs.us-east-1.amazonaws.com", hub);
      if (zone === "unrelated") zoneOf("logs.us-east-1.amazonaws.com", vpc(stack, "Elsewhere", "10.9.0.0/16"));
      if (zone === "other-name") zoneOf("internal.example.com", orders);
      return synthJson(stack);
    };
    const before = expectValidationError(() => build("before"), "spokes[0].vpc", "orders");
    expect(before.expected).toContain("(test/Existing is logs.us-east-1.amazonaws.com)");
    expect(before.expected).toContain("ConflictingDomainExists");
    expectValidationError(() => build("after"), "spokes[0].vpc", "orders");
    expectValidationError(() => build("hub"), "vpc", "the hub");
    // A zone of the name in a VPC outside the pattern, and a zone of another name in a spoke, are no conflict.
    expect(() => build("unrelated")).not.toThrow();
    expect(() => build("other-name")).not.toThrow();
    // A spoke made elsewhere that says it is associated with a zone of the name already (a hub of another configuration).
    const stack = stackWithProvider();
    const spoke = Vpc.fromVpcAttributes(stack, "Spoke", {
      vpcId: "vpc-0bbbbbbbbbbbbbbbb",
      cidrBlock: "10.1.0.0/16",
      privateHostedZoneNames: ["logs.us-east-1.amazonaws.com"],
    });
    new CentralizedEndpoints(stack, "Central", {
      vpc: testVpc(stack, ["us-east-1a", "us-east-1b"], "Hub"),
      spokes: [{ name: "legacy", vpc: spoke }],
      services: [logs],
    });
    const imported = expectValidationError(() => synthJson(stack), "spokes[0].vpc", "legacy");
    expect(imported.expected).toContain("VpcAttributes.privateHostedZoneNames");
  });

  test("fails when a hub service asks for private DNS, which the hub's zone replaces (it was silently turned off)", () => {
    const stack = stackWithProvider();
    const hub = testVpc(stack, ["us-east-1a", "us-east-1b"], "Hub");
    const orders = new Vpc(stack, "Orders", { name: "orders", cidrBlock: "10.1.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
    const logs = { service: AwsService.LOGS, policy: EndpointPolicy.organizationOnly(ORG) };
    expectValidationError(
      () =>
        new CentralizedEndpoints(stack, "Central", {
          vpc: hub,
          spokes: [{ name: "orders", vpc: orders }],
          services: [
            { service: AwsService.S3, endpointType: "Gateway", policy: EndpointPolicy.ecrImageLayers() },
            { ...logs, privateDnsEnabled: true },
          ],
        }),
      "services[1].privateDnsEnabled",
      "true",
    );
    expect(
      () =>
        new CentralizedEndpoints(stack, "Off", {
          vpc: hub,
          spokes: [{ name: "orders", vpc: orders }],
          services: [{ ...logs, privateDnsEnabled: false }],
        }),
    ).not.toThrow();
  });

  test("fails when two hubs resolve one service for the same spoke", () => {
    const stack = stackWithProvider();
    const hub = testVpc(stack, ["us-east-1a", "us-east-1b"], "Hub");
    const other = new Vpc(stack, "OtherHub", { name: "other", cidrBlock: "10.9.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
    const orders = new Vpc(stack, "Orders", { name: "orders", cidrBlock: "10.1.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
    const services = [{ service: AwsService.LOGS, policy: EndpointPolicy.organizationOnly(ORG) }];
    new CentralizedEndpoints(stack, "Central", { vpc: hub, spokes: [{ name: "orders", vpc: orders }], services });
    expectValidationError(
      () => new CentralizedEndpoints(stack, "Second", { vpc: other, spokes: [{ name: "orders", vpc: orders }], services }),
      "spokes[0].vpc",
      "orders",
    );
  });

  test("open: false admits no spoke until connections say which, on the hub endpoints' shared group", () => {
    const stack = stackWithProvider();
    const hub = testVpc(stack, ["us-east-1a", "us-east-1b"], "Hub");
    const orders = new Vpc(stack, "Orders", { name: "orders", cidrBlock: "10.1.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
    const services = [{ service: AwsService.LOGS, policy: EndpointPolicy.organizationOnly(ORG) }];
    const central = new CentralizedEndpoints(stack, "Central", { vpc: hub, spokes: [{ name: "orders", vpc: orders }], open: false, services });
    expect(resourcesOfType(synthJson(stack), "aws_vpc_security_group_ingress_rule")).toEqual({});
    central.connections.allowDefaultPortFrom(Peer.cidr("10.1.0.0/16"), "The orders spoke");
    const rules = Object.values(resourcesOfType(synthJson(stack), "aws_vpc_security_group_ingress_rule")) as Json[];
    expect(rules.map((r) => [r.cidr_ipv4, r.from_port])).toEqual([["10.1.0.0/16", 443]]);
    expect(central.connections).toBe(central.endpoints.connections);
  });

  test("fails when open: false comes with allowedPeers", () => {
    const stack = stackWithProvider();
    const hub = testVpc(stack, ["us-east-1a", "us-east-1b"], "Hub");
    const orders = new Vpc(stack, "Orders", { name: "orders", cidrBlock: "10.1.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
    const services = [{ service: AwsService.LOGS, policy: EndpointPolicy.organizationOnly(ORG) }];
    expectValidationError(
      () =>
        new CentralizedEndpoints(stack, "Central", {
          vpc: hub,
          spokes: [{ name: "orders", vpc: orders }],
          open: false,
          allowedPeers: [Peer.cidr("10.1.0.0/16")],
          services,
        }),
      "open",
      "false",
    );
  });

  test("hub endpoints with private DNS off, behind one group open to the given peers", () => {
    const { json } = hubAndSpokes();
    const endpoints = Object.values(resourcesOfType(json, "aws_vpc_endpoint")) as Json[];
    expect(endpoints).toHaveLength(3);
    expect(endpoints.every((e) => e.private_dns_enabled === false && String(e.vpc_id).includes("aws_vpc.Hub_"))).toBe(true);
    const rules = Object.values(resourcesOfType(json, "aws_vpc_security_group_ingress_rule")) as Json[];
    expect(rules.map((r) => r.cidr_ipv4)).toEqual(["10.0.0.0/8"]);
  });

  test("one private hosted zone per service, named like the service, with alias records to the endpoint's regional DNS entry", () => {
    const { json, central } = hubAndSpokes();
    const zones = Object.values(resourcesOfType(json, "aws_route53_zone")) as Json[];
    expect(zones.map((z) => z.name).sort()).toEqual([
      "api.ecr.us-east-1.amazonaws.com",
      "dkr.ecr.us-east-1.amazonaws.com",
      "logs.us-east-1.amazonaws.com",
    ]);
    expect(zones.every((z) => String(z.vpc[0].vpc_id).includes("aws_vpc.Hub_") && z.lifecycle.ignore_changes.includes("vpc"))).toBe(true);
    const records = Object.values(resourcesOfType(json, "aws_route53_record")) as Json[];
    expect(records.map((r) => r.name).sort()).toEqual([
      "*.dkr.ecr.us-east-1.amazonaws.com",
      "api.ecr.us-east-1.amazonaws.com",
      "dkr.ecr.us-east-1.amazonaws.com",
      "logs.us-east-1.amazonaws.com",
    ]);
    for (const record of records) {
      expect(record.type).toBe("A");
      expect(record.alias.name).toMatch(/^\$\{aws_vpc_endpoint\.Central_Endpoints_.*\.dns_entry\[0\]\.dns_name\}$/);
      expect(record.alias.zone_id).toMatch(/\.dns_entry\[0\]\.hosted_zone_id\}$/);
      expect(record.alias.evaluate_target_health).toBe(true);
    }
    expect(Object.keys(central.hostedZones).sort()).toEqual(["ecr.api", "ecr.dkr", "logs"]);
  });

  test("every zone is associated with every spoke; spokes of other accounts after the hub's authorization, with their provider", () => {
    const { json } = hubAndSpokes();
    const associations = Object.entries(resourcesOfType(json, "aws_route53_zone_association")) as [string, Json][];
    expect(associations).toHaveLength(6);
    const authorizations = Object.values(resourcesOfType(json, "aws_route53_vpc_association_authorization")) as Json[];
    expect(authorizations).toHaveLength(3);
    expect(authorizations.every((a) => a.provider === undefined && String(a.vpc_id).includes("aws_vpc.Analytics_"))).toBe(true);
    const analytics = associations.filter(([key]) => key.includes("Association-analytics"));
    expect(analytics.every(([, a]) => a.provider === "aws.partner" && String(a.zone_id).includes("aws_route53_vpc_association_authorization."))).toBe(
      true,
    );
    const orders = associations.filter(([key]) => key.includes("Association-orders"));
    expect(orders.every(([, a]) => a.provider === undefined && String(a.zone_id).includes("aws_route53_zone."))).toBe(true);
  });

  test("a spoke of the default provider, with a hub of its own provider, is another account's: authorized by the hub, associated by the default provider", () => {
    const stack = stackWithProvider();
    const shared = new AwsProvider(stack, "shared", { region: "us-east-1", alias: "shared" });
    const hub = new Vpc(stack, "Hub", { name: "hub", cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"], provider: shared });
    const orders = new Vpc(stack, "Orders", { name: "orders", cidrBlock: "10.1.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
    new CentralizedEndpoints(stack, "Central", {
      vpc: hub,
      spokes: [{ name: "orders", vpc: orders }],
      services: [{ service: AwsService.KMS, policy: EndpointPolicy.kmsKeys([KEY]) }],
    });
    const json = synthJson(stack);
    expect(Object.values(resourcesOfType(json, "aws_route53_vpc_association_authorization"))).toEqual([
      expect.objectContaining({ provider: "aws.shared", vpc_id: expect.stringContaining("aws_vpc.Orders_") }),
    ]);
    const [association] = Object.values(resourcesOfType(json, "aws_route53_zone_association")) as Json[];
    expect(association.provider).toBeUndefined();
    expect(association.zone_id).toContain("aws_route53_vpc_association_authorization.");
    // The default provider given explicitly to one side and left out on the other is one account: no authorization.
    const same = stackWithProvider();
    const aws = same.node.children.find((c): c is AwsProvider => c instanceof AwsProvider)!;
    new CentralizedEndpoints(same, "Central", {
      vpc: new Vpc(same, "Hub", { name: "hub", cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] }),
      spokes: [
        {
          name: "orders",
          vpc: new Vpc(same, "Orders", { name: "orders", cidrBlock: "10.1.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"], provider: aws }),
        },
      ],
      services: [{ service: AwsService.KMS, policy: EndpointPolicy.kmsKeys([KEY]) }],
    });
    expect(resourcesOfType(synthJson(same), "aws_route53_vpc_association_authorization")).toEqual({});
  });

  test("by default admits the hub's and spokes' literal CIDRs", () => {
    const stack = stackWithProvider();
    const literal = (id: string, cidr: string) =>
      Vpc.fromVpcAttributes(stack, id, {
        vpcId: id === "Hub" ? "vpc-0aaaaaaaaaaaaaaaa" : "vpc-0bbbbbbbbbbbbbbbb",
        cidrBlock: cidr,
        // Subnets of the imported VPC itself (those of a VPC this stack creates would be another VPC's, and are refused).
        privateSubnets: ["a", "b"].map((zone, i) => ({
          subnetId: `subnet-0${id === "Hub" ? "a" : "b"}${i}${"0".repeat(14)}`,
          availabilityZone: `us-east-1${zone}`,
        })),
      });
    new CentralizedEndpoints(stack, "Central", {
      vpc: literal("Hub", "10.0.0.0/16"),
      spokes: [{ name: "a", vpc: literal("A", "10.1.0.0/16") }],
      services: [{ service: AwsService.KMS, policy: EndpointPolicy.kmsKeys([KEY]) }],
    });
    const rules = Object.values(resourcesOfType(synthJson(stack), "aws_vpc_security_group_ingress_rule")) as Json[];
    expect(rules.map((r) => r.cidr_ipv4).sort()).toEqual(["10.0.0.0/16", "10.1.0.0/16"]);
  });

  test("gateway services (free, serving only their own VPC) go into the hub and into every spoke, with the spoke's provider; they get no zone", () => {
    const stack = stackWithProvider();
    const partner = new AwsProvider(stack, "partner", { region: "us-east-1", alias: "partner" });
    const remote = new Vpc(stack, "Remote", {
      name: "remote",
      cidrBlock: "10.2.0.0/16",
      availabilityZones: ["us-east-1a", "us-east-1b"],
      provider: partner,
    });
    const central = new CentralizedEndpoints(stack, "Central", {
      vpc: testVpc(stack, ["us-east-1a", "us-east-1b"], "Hub"),
      spokes: [
        { name: "a", vpc: new Vpc(stack, "A", { name: "a", cidrBlock: "10.1.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] }) },
        { name: "remote", vpc: remote },
      ],
      allowedPeers: [Peer.cidr("10.0.0.0/8")],
      services: ServiceAccessPresets.ecrPull(
        ["arn:aws:ecr:us-east-1:111111111111:repository/api"],
        ["arn:aws:logs:us-east-1:111111111111:log-group:/ecs/api"],
        { organizationId: ORG },
      ),
    });
    const gateways = (Object.entries(resourcesOfType(synthJson(stack), "aws_vpc_endpoint")) as [string, Json][]).filter(
      ([, e]) => e.vpc_endpoint_type === "Gateway",
    );
    expect(
      gateways
        .map(([, e]) =>
          String(e.vpc_id)
            .replace(/_[0-9A-F]+\.id\}$/, "")
            .replace("${aws_vpc.", ""),
        )
        .sort(),
    ).toEqual(["A", "Hub", "Remote"]);
    expect(gateways.find(([key]) => key.startsWith("Central_Spoke-remote-s3_"))![1].provider).toBe("aws.partner");
    expect(gateways.every(([, e]) => String(e.policy).includes("starport-layer-bucket"))).toBe(true);
    expect(Object.keys(central.spokeGatewayEndpoints)).toEqual(["a", "remote"]);
    expect(Object.keys(central.spokeGatewayEndpoints.remote)).toEqual(["s3"]);
    expect(Object.keys(central.hostedZones).sort()).toEqual(["ecr.api", "ecr.dkr", "logs"]);
  });

  test("a spoke in another region gets the gateway service of its own region", () => {
    const stack = stackWithProvider();
    const eu = new AwsProvider(stack, "eu", { region: "eu-west-1", alias: "eu" });
    const spoke = new Vpc(stack, "Spoke", { name: "spoke", cidrBlock: "10.1.0.0/16", availabilityZones: ["eu-west-1a", "eu-west-1b"], provider: eu });
    new CentralizedEndpoints(stack, "Central", {
      vpc: testVpc(stack, ["us-east-1a", "us-east-1b"], "Hub"),
      spokes: [{ name: "app", vpc: spoke }],
      services: ServiceAccessPresets.privateS3(["app-data"]),
    });
    const endpoints = Object.entries(resourcesOfType(synthJson(stack), "aws_vpc_endpoint")) as [string, Json][];
    expect(endpoints.find(([key]) => key.startsWith("Central_Spoke-app-s3_"))![1].service_name).toBe("com.amazonaws.eu-west-1.s3");
  });

  test("a spoke in another region is associated with the hub's zones by its region (vpc_region), which Route 53 looks it up in", () => {
    const stack = stackWithProvider();
    const eu = new AwsProvider(stack, "eu", { region: "eu-west-1", alias: "eu" });
    const spoke = new Vpc(stack, "Spoke", { name: "spoke", cidrBlock: "10.1.0.0/16", availabilityZones: ["eu-west-1a", "eu-west-1b"], provider: eu });
    const home = new Vpc(stack, "Home", { name: "home", cidrBlock: "10.2.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
    new CentralizedEndpoints(stack, "Central", {
      vpc: testVpc(stack, ["us-east-1a", "us-east-1b"], "Hub"),
      spokes: [
        { name: "app", vpc: spoke },
        { name: "home", vpc: home },
      ],
      allowedPeers: [Peer.cidr("10.0.0.0/8")],
      services: [{ service: AwsService.KMS, policy: EndpointPolicy.kmsKeys([KEY]) }],
    });
    const json = synthJson(stack);
    expect(Object.values(resourcesOfType(json, "aws_route53_vpc_association_authorization"))).toEqual([
      expect.objectContaining({ vpc_region: "eu-west-1" }),
    ]);
    const associations = Object.entries(resourcesOfType(json, "aws_route53_zone_association")) as [string, Json][];
    expect(associations).toHaveLength(2);
    // Each association is made by the spoke's own provider (or the hub's, in its region): nothing more to write.
    expect(associations.every(([, a]) => a.vpc_region === undefined)).toBe(true);
  });

  test("spokes whose CIDRs are only known at apply get one rule each, keyed by spoke name", () => {
    const stack = stackWithProvider();
    const imported = (id: string) =>
      Vpc.fromVpcAttributes(stack, id, {
        vpcId: new TerraformVariable(stack, `${id}Id`, { type: "string" }).stringValue,
        cidrBlock: new TerraformVariable(stack, `${id}Cidr`, { type: "string" }).stringValue,
      });
    new CentralizedEndpoints(stack, "Central", {
      vpc: testVpc(stack, ["us-east-1a", "us-east-1b"], "Hub"),
      spokes: [
        { name: "a", vpc: imported("A") },
        { name: "b", vpc: imported("B") },
      ],
      services: ServiceAccessPresets.kms([KEY]),
    });
    const rules = Object.entries(resourcesOfType(synthJson(stack), "aws_vpc_security_group_ingress_rule"));
    expect(rules.map(([, r]) => r.cidr_ipv4)).toEqual(["10.0.0.0/16", "${var.ACidr}", "${var.BCidr}"]);
    expect(rules.map(([name]) => name).filter((n) => /spoke-a|spoke-b/.test(n))).toHaveLength(2);
  });

  test("fails when a spoke's CIDR overlaps the hub's or another spoke's (no route table tells them apart)", () => {
    const stack = stackWithProvider();
    const vpc = (id: string, cidrBlock: string) =>
      new Vpc(stack, id, { name: id.toLowerCase(), cidrBlock, availabilityZones: ["us-east-1a", "us-east-1b"] });
    const hub = vpc("Hub", "10.0.0.0/16");
    const services = ServiceAccessPresets.kms([KEY]);
    const inHub = vpc("InHub", "10.0.128.0/17");
    expectValidationError(
      () => new CentralizedEndpoints(stack, "A", { vpc: hub, spokes: [{ name: "a", vpc: inHub }], services }),
      "spokes[0].vpc",
      "10.0.128.0/17",
    );
    const [b, c] = [vpc("B", "10.1.0.0/16"), vpc("C", "10.1.0.0/20")];
    const error = expectValidationError(
      () =>
        new CentralizedEndpoints(stack, "Bc", {
          vpc: hub,
          spokes: [
            { name: "b", vpc: b },
            { name: "c", vpc: c },
          ],
          services,
        }),
      "spokes[1].vpc",
      "10.1.0.0/20",
    );
    expect(error.expected).toContain("spokes[0]'s 10.1.0.0/16");
  });

  test("fails when there is no spoke, two spokes share a name or a VPC, or the hub is its own spoke", () => {
    const stack = stackWithProvider();
    const hub = testVpc(stack, ["us-east-1a", "us-east-1b"], "Hub");
    const spoke = testVpc(stack, ["us-east-1a", "us-east-1b"], "Spoke");
    const other = testVpc(stack, ["us-east-1a", "us-east-1b"], "Other");
    const services = ServiceAccessPresets.kms([KEY]);
    expectValidationError(() => new CentralizedEndpoints(stack, "None", { vpc: hub, spokes: [], services }), "spokes", "[]");
    const twice = expectValidationError(
      () =>
        new CentralizedEndpoints(stack, "Twice", {
          vpc: hub,
          spokes: [
            { name: "a", vpc: spoke },
            { name: "a", vpc: other },
          ],
          services,
        }),
      "spokes[1]",
      "a",
    );
    expect(twice.expected).toContain("spokes[0]");
    expectValidationError(
      () => new CentralizedEndpoints(stack, "Self", { vpc: hub, spokes: [{ name: "hub", vpc: hub }], services }),
      "spokes[0].vpc",
      "hub",
    );
  });
});
