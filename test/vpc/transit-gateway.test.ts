import { TerraformStack, TerraformVariable } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Route } from "@cdktf/provider-aws/lib/route";
import { OptOut, synthesizedJson } from "../../modules/core";
import { expectFlow } from "../../modules/flows";
import { Peer, SecurityGroup, TransitGateway, Vpc } from "../../modules/vpc";
import { expectValidationError, Json, resourcesOfType, stackWithProvider, synthJson } from "../helpers";

const AZS = ["us-east-1a", "us-east-1b"];

function network() {
  const stack = stackWithProvider();
  const member = new AwsProvider(stack, "member", { region: "us-east-1", alias: "member", allowedAccountIds: ["222222222222"] });
  const vpc = (id: string, cidrBlock: string, provider?: AwsProvider) =>
    new Vpc(stack, id, { name: id.toLowerCase(), cidrBlock, availabilityZones: AZS, provider });
  return {
    stack,
    member,
    hub: vpc("Hub", "10.0.0.0/16"),
    orders: vpc("Orders", "10.1.0.0/16"),
    billing: vpc("Billing", "10.3.0.0/16"),
    analytics: vpc("Analytics", "10.2.0.0/16", member),
  };
}

/** Routes by the VPC of their route table and destination, e.g. `Hub -> 10.1.0.0/16`. */
function routes(stack: TerraformStack): Record<string, Json[]> {
  const byPair: Record<string, Json[]> = {};
  for (const route of Object.values(resourcesOfType(synthJson(stack), "aws_route")) as Json[]) {
    const vpc = /aws_route_table\.([A-Za-z]+)_PrivateRoutes/.exec(String(route.route_table_id))?.[1];
    (byPair[`${vpc} -> ${route.destination_cidr_block}`] ??= []).push(route);
  }
  return byPair;
}

describe("TransitGateway", () => {
  test("a gateway with default route table association and propagation, that accepts no shared attachment by itself", () => {
    const { stack } = network();
    const tgw = new TransitGateway(stack, "Network", { name: "core" });
    const [gateway] = Object.values(resourcesOfType(synthJson(stack), "aws_ec2_transit_gateway")) as Json[];
    expect(gateway).toMatchObject({
      description: "core",
      auto_accept_shared_attachments: "disable",
      default_route_table_association: "enable",
      default_route_table_propagation: "enable",
      dns_support: "enable",
      tags: { Name: "core" },
    });
    expect(tgw.resource.node.id).toBe("Resource");
  });

  test("VPCs of the owner: one attachment each in the private subnets, and routes both ways in every route table, after the attachment", () => {
    const { stack, hub, orders } = network();
    const tgw = new TransitGateway(stack, "Network", { name: "core" });
    tgw.attach("hub", hub);
    tgw.attach("orders", orders);
    const attachments = Object.entries(resourcesOfType(synthJson(stack), "aws_ec2_transit_gateway_vpc_attachment")) as [string, Json][];
    expect(attachments.map(([key]) => key.replace(/_[0-9A-F]+$/, ""))).toEqual(["Network_Attachment-hub", "Network_Attachment-orders"]);
    for (const [, attachment] of attachments) {
      expect(attachment).toMatchObject({
        transit_gateway_default_route_table_association: true,
        transit_gateway_default_route_table_propagation: true,
      });
      expect(attachment.subnet_ids).toHaveLength(2);
      expect(attachment.provider).toBeUndefined();
    }
    const byPair = routes(stack);
    expect(Object.keys(byPair).sort()).toEqual(["Hub -> 10.1.0.0/16", "Orders -> 10.0.0.0/16"]);
    for (const list of Object.values(byPair)) {
      expect(list).toHaveLength(2);
      expect(
        list.every(
          (r) =>
            String(r.transit_gateway_id).includes("aws_ec2_transit_gateway.Network_") &&
            r.depends_on[0].startsWith("aws_ec2_transit_gateway_vpc_attachment."),
        ),
      ).toBe(true);
    }
    expect(tgw.attachedVpcs.map((a) => a.name)).toEqual(["hub", "orders"]);
  });

  test("routeTo: spokes route to the hub only, so they get no routes to each other", () => {
    const { stack, hub, orders, billing } = network();
    const tgw = new TransitGateway(stack, "Network", { name: "core" });
    const toHub = [tgw.attach("hub", hub)];
    tgw.attach("orders", orders, { routeTo: toHub });
    tgw.attach("billing", billing, { routeTo: toHub });
    expect(Object.keys(routes(stack)).sort()).toEqual([
      "Billing -> 10.0.0.0/16",
      "Hub -> 10.1.0.0/16",
      "Hub -> 10.3.0.0/16",
      "Orders -> 10.0.0.0/16",
    ]);
  });

  test("a VPC of another account: the gateway shared with it through RAM, the attachment made with its provider after the share, accepted by the owner", () => {
    const { stack, hub, analytics } = network();
    const tgw = new TransitGateway(stack, "Network", { name: "core" });
    tgw.attach("hub", hub);
    tgw.attach("analytics", analytics, { accountId: "222222222222" });
    const json = synthJson(stack);
    const [share] = Object.values(resourcesOfType(json, "aws_ram_resource_share")) as Json[];
    expect(share).toMatchObject({ name: "core-222222222222", allow_external_principals: false });
    const [principal] = Object.values(resourcesOfType(json, "aws_ram_principal_association")) as Json[];
    expect(principal.principal).toBe("222222222222");
    const [resource] = Object.values(resourcesOfType(json, "aws_ram_resource_association")) as Json[];
    expect(resource.resource_arn).toMatch(/^\$\{aws_ec2_transit_gateway\.Network_.*\.arn\}$/);
    const attachment = (Object.entries(resourcesOfType(json, "aws_ec2_transit_gateway_vpc_attachment")) as [string, Json][]).find(([key]) =>
      key.includes("analytics"),
    )![1];
    expect(attachment.provider).toBe("aws.member");
    // A shared gateway's route table settings are the owner's: set on the accepter, not here.
    expect(attachment.transit_gateway_default_route_table_association).toBeUndefined();
    expect(attachment.depends_on.sort()).toEqual([
      expect.stringMatching(/^aws_ram_principal_association\./),
      expect.stringMatching(/^aws_ram_resource_association\./),
    ]);
    const [accepter] = Object.values(resourcesOfType(json, "aws_ec2_transit_gateway_vpc_attachment_accepter")) as Json[];
    expect(accepter).toMatchObject({ transit_gateway_default_route_table_association: true, transit_gateway_default_route_table_propagation: true });
    expect(accepter.provider).toBeUndefined();
    const analyticsRoutes = routes(stack)["Analytics -> 10.0.0.0/16"];
    expect(
      analyticsRoutes.every((r) => r.provider === "aws.member" && r.depends_on[0].startsWith("aws_ec2_transit_gateway_vpc_attachment_accepter.")),
    ).toBe(true);
    expect(routes(stack)["Hub -> 10.2.0.0/16"].every((r) => r.provider === undefined)).toBe(true);
  });

  test("auto-accepting gateways need no accepter; shares outside the organization are accepted by the member; one share per account", () => {
    const { stack, hub, analytics, member } = network();
    const second = new Vpc(stack, "Reporting", { name: "reporting", cidrBlock: "10.4.0.0/16", availabilityZones: AZS, provider: member });
    const tgw = new TransitGateway(stack, "Network", { name: "core", autoAcceptSharedAttachments: true, allowExternalPrincipals: true });
    tgw.attach("hub", hub);
    tgw.attach("analytics", analytics, { accountId: "222222222222" });
    tgw.attach("reporting", second, { accountId: "222222222222" });
    const json = synthJson(stack);
    expect(resourcesOfType(json, "aws_ec2_transit_gateway_vpc_attachment_accepter")).toEqual({});
    expect(Object.keys(resourcesOfType(json, "aws_ram_resource_share"))).toHaveLength(1);
    const [shareAccepter] = Object.values(resourcesOfType(json, "aws_ram_resource_share_accepter")) as Json[];
    expect(shareAccepter.provider).toBe("aws.member");
    const attachments = (Object.entries(resourcesOfType(json, "aws_ec2_transit_gateway_vpc_attachment")) as [string, Json][]).filter(
      ([key]) => !key.includes("hub"),
    );
    expect(attachments.every(([, a]) => a.depends_on.some((d: string) => d.startsWith("aws_ram_resource_share_accepter.")))).toBe(true);
    expect((Object.values(resourcesOfType(json, "aws_ec2_transit_gateway")) as Json[])[0].auto_accept_shared_attachments).toBe("enable");
  });

  test("fails when a VPC of another provider comes without its account, or with a malformed one", () => {
    const { stack, analytics } = network();
    const tgw = new TransitGateway(stack, "Network", { name: "core" });
    expectValidationError(() => tgw.attach("analytics", analytics), "attach.analytics.accountId", "undefined");
    expectValidationError(() => tgw.attach("analytics", analytics, { accountId: "2222" }), "attach.analytics.accountId", "2222");
  });

  test("fails when accountId is given for a VPC of the gateway's own provider (it was ignored), or is not the account the VPC's provider is pinned to", () => {
    const { stack, hub, analytics } = network();
    const tgw = new TransitGateway(stack, "Network", { name: "core" });
    expectValidationError(() => tgw.attach("hub", hub, { accountId: "222222222222" }), "attach.hub.accountId", "222222222222");
    const pinned = expectValidationError(
      () => tgw.attach("analytics", analytics, { accountId: "333333333333" }),
      "attach.analytics.accountId",
      "333333333333",
    );
    expect(pinned.expected).toContain("(222222222222)");
  });

  test("fails when a prop or an attach option is misspelled: the default would apply without a word", () => {
    const { stack, hub, orders } = network();
    const props = expectValidationError(
      () => new TransitGateway(stack, "Auto", { name: "auto", autoAcceptSharedAttachment: false } as never),
      "autoAcceptSharedAttachment",
      "false",
    );
    expect(props.message).toContain("did you mean autoAcceptSharedAttachments?");
    const tgw = new TransitGateway(stack, "Network", { name: "core" });
    tgw.attach("hub", hub);
    const options = expectValidationError(() => tgw.attach("orders", orders, { accountID: "111111111111" } as never), "accountID", "111111111111");
    expect(options.message).toContain("did you mean accountId?");
  });

  test("fails when a name or a VPC is attached twice, or routeTo names an attachment of another gateway", () => {
    const { stack, hub, orders, billing } = network();
    const tgw = new TransitGateway(stack, "Network", { name: "core" });
    const other = new TransitGateway(stack, "Other", { name: "other" });
    tgw.attach("hub", hub);
    expectValidationError(() => tgw.attach("hub", orders), "attach.hub", "hub");
    expectValidationError(() => tgw.attach("again", hub), "attach.again.vpc", "the VPC of attachment hub");
    const foreign = other.attach("billing", billing);
    expectValidationError(() => tgw.attach("orders", orders, { routeTo: [foreign] }), "attach.orders.routeTo[0]", "billing");
  });

  test("fails when two subnets of the attachment share an AZ, a private subnet has no route table, or the ASN is not private", () => {
    const { stack, hub } = network();
    const tgw = new TransitGateway(stack, "Network", { name: "core" });
    const [a] = hub.privateSubnets;
    expectValidationError(() => tgw.attach("twice", hub, { subnets: [a, a] }), "subnets[1]", "us-east-1a");
    const imported = Vpc.fromVpcAttributes(stack, "Imported", {
      vpcId: "vpc-0123456789abcdef0",
      cidrBlock: "10.9.0.0/16",
      privateSubnets: [{ subnetId: "subnet-0123456789abcdef0", availabilityZone: "us-east-1a" }],
    });
    tgw.attach("hub", hub);
    expectValidationError(() => tgw.attach("imported", imported), "vpc.privateSubnets[0].routeTableId", "undefined");
    expectValidationError(() => new TransitGateway(stack, "Public", { name: "public", amazonSideAsn: 7224 }), "amazonSideAsn", "7224");
  });

  test("amazonSideAsn takes both private ranges, 16-bit and 32-bit; fails just outside either", () => {
    const stack = stackWithProvider();
    for (const asn of [64512, 65534, 4200000000, 4294967294]) new TransitGateway(stack, `Asn${asn}`, { name: `asn-${asn}`, amazonSideAsn: asn });
    const asns = (Object.values(resourcesOfType(synthJson(stack), "aws_ec2_transit_gateway")) as Json[]).map((g) => g.amazon_side_asn as number);
    expect(asns.sort((x, y) => x - y)).toEqual([64512, 65534, 4200000000, 4294967294]);
    for (const asn of [64511, 65535, 4199999999, 4294967295, 4200000000.5])
      expectValidationError(() => new TransitGateway(stack, `Bad${asn}`, { name: "bad", amazonSideAsn: asn }), "amazonSideAsn", String(asn));
  });

  test("opt-outs take OptOut.because and record their reason on the gateway and the share; tags reach every resource beside Name", () => {
    const { stack, hub, analytics } = network();
    const tgw = new TransitGateway(stack, "Network", {
      name: "core",
      autoAcceptSharedAttachments: OptOut.because("member accounts attach through their own pipelines, reviewed there"),
      allowExternalPrincipals: OptOut.because("the analytics partner is outside the organization"),
      tags: { CostCenter: "network" },
    });
    tgw.attach("hub", hub);
    tgw.attach("analytics", analytics, { accountId: "222222222222" });
    const json = JSON.parse(JSON.stringify(synthesizedJson(stack))) as Json;
    const [gateway] = Object.values(resourcesOfType(json, "aws_ec2_transit_gateway")) as Json[];
    expect(gateway).toMatchObject({ auto_accept_shared_attachments: "enable", tags: { CostCenter: "network", Name: "core" } });
    expect(gateway["//"].opt_outs.auto_accept_shared_attachments).toContain("own pipelines");
    const [share] = Object.values(resourcesOfType(json, "aws_ram_resource_share")) as Json[];
    expect(share).toMatchObject({ allow_external_principals: true, tags: { CostCenter: "network" } });
    expect(share["//"].opt_outs.allow_external_principals).toContain("partner");
    expect(
      (Object.values(resourcesOfType(json, "aws_ec2_transit_gateway_vpc_attachment")) as Json[]).every((a) => a.tags.CostCenter === "network"),
    ).toBe(true);
  });

  test("fails when subnets of another VPC are attached, or the same VPC comes twice by ID", () => {
    const { stack, hub, orders } = network();
    const tgw = new TransitGateway(stack, "Network", { name: "core" });
    expectValidationError(() => tgw.attach("hub", hub, { subnets: orders.privateSubnets }), "attach.hub.subnets[0]", "reference known at apply");
    const byId = (id: string) =>
      Vpc.fromVpcAttributes(stack, id, {
        vpcId: "vpc-0123456789abcdef0",
        cidrBlock: "10.9.0.0/16",
        privateSubnets: [{ subnetId: "subnet-0123456789abcdef0", availabilityZone: "us-east-1a", routeTableId: "rtb-0123456789abcdef0" }],
      });
    tgw.attach("imported", byId("Imported"));
    expectValidationError(() => tgw.attach("again", byId("Again")), "attach.again.vpc", "the VPC of attachment imported");
  });

  test("fails when a JavaScript caller passes a string for routeTo, an unknown value for an opt-out, a name too long for the shares, or tags AWS refuses", () => {
    const { stack, hub } = network();
    const tgw = new TransitGateway(stack, "Network", { name: "core" });
    expectValidationError(() => tgw.attach("hub", hub, { routeTo: "spoke" as never }), "attach.hub.routeTo", "spoke");
    expectValidationError(
      () => new TransitGateway(stack, "Maybe", { name: "maybe", autoAcceptSharedAttachments: "yes" as never }),
      "autoAcceptSharedAttachments",
      "yes",
    );
    expectValidationError(() => new TransitGateway(stack, "Long", { name: "n".repeat(243) }), "name", "nnn");
    new TransitGateway(stack, "Longest", { name: "n".repeat(242) });
    expectValidationError(() => new TransitGateway(stack, "Tagged", { name: "tagged", tags: { "aws:team": "network" } }), "tags", "aws:team");
  });

  test("dual-stack VPCs: their attachments carry IPv6 and IPv6 routes go both ways beside the IPv4 ones; an IPv4-only VPC gets neither", () => {
    const stack = stackWithProvider();
    const vpc = (id: string, cidrBlock: string, dualStack: boolean) =>
      new Vpc(stack, id, { name: id.toLowerCase(), cidrBlock, availabilityZones: AZS, dualStack });
    const [hub, orders, legacy] = [vpc("Hub", "10.0.0.0/16", true), vpc("Orders", "10.1.0.0/16", true), vpc("Legacy", "10.4.0.0/16", false)];
    const tgw = new TransitGateway(stack, "Network", { name: "core" });
    const attachments = [tgw.attach("hub", hub), tgw.attach("orders", orders), tgw.attach("legacy", legacy)];
    expect(attachments.map((a) => a.ipv6)).toEqual([true, true, false]);
    const json = synthJson(stack);
    const support = Object.entries(resourcesOfType(json, "aws_ec2_transit_gateway_vpc_attachment") as Record<string, Json>).map(([key, a]) => [
      key.replace(/_[0-9A-F]+$/, ""),
      a.ipv6_support,
    ]);
    expect(support).toEqual([
      ["Network_Attachment-hub", "enable"],
      ["Network_Attachment-legacy", undefined],
      ["Network_Attachment-orders", "enable"],
    ]);
    const ipv6Routes = (Object.values(resourcesOfType(json, "aws_route")) as Json[]).filter((r) => r.destination_ipv6_cidr_block !== undefined);
    // Hub <-> Orders, one per AZ each way; nothing to or from Legacy.
    expect(ipv6Routes).toHaveLength(4);
    const destinations = ipv6Routes.map((r) => /aws_vpc\.([A-Za-z]+)_[0-9A-F]+\.ipv6_cidr_block/.exec(String(r.destination_ipv6_cidr_block))?.[1]);
    expect(destinations.sort()).toEqual(["Hub", "Hub", "Orders", "Orders"]);
    for (const route of ipv6Routes) expect(route.transit_gateway_id).toMatch(/^\$\{aws_ec2_transit_gateway\.Network_[0-9A-F]+\.id\}$/);
    // Legacy keeps its IPv4 routes both ways with Hub and Orders.
    expect(Object.keys(routes(stack)).filter((k) => k.startsWith("Legacy") || k.endsWith("10.4.0.0/16"))).toHaveLength(4);
  });

  test("flow proof: an IPv6 client of a dual-stack spoke reaches the hub through the gateway; fails when an attachment has no ipv6_support", () => {
    const stack = stackWithProvider();
    const vpc = (id: string, cidrBlock: string) => new Vpc(stack, id, { name: id.toLowerCase(), cidrBlock, availabilityZones: AZS, dualStack: true });
    const [hub, orders] = [vpc("Hub", "10.0.0.0/16"), vpc("Orders", "10.1.0.0/16")];
    const tgw = new TransitGateway(stack, "Network", { name: "core" });
    const [hubAttachment] = [tgw.attach("hub", hub), tgw.attach("orders", orders)];
    const api = new SecurityGroup(stack, "Api", { vpc: hub, description: "API" });
    api.addIngressRule({ peer: Peer.cidr(orders.ipv6CidrBlock!), port: 443, description: "Orders over IPv6" });
    expectFlow(stack, { vpc: orders, family: "ipv6" }, { target: api, port: 443 }).toBeAllowed();
    hubAttachment.resource.addOverride("ipv6_support", "disable");
    expectFlow(stack, { vpc: orders, family: "ipv6" }, { target: api, port: 443 }).toBeDenied("has no ipv6_support, so the gateway carries no IPv6");
  });
});

describe("TransitGateway, wrong inputs", () => {
  test("fails when a VPC is given as its ID string (a JavaScript caller)", () => {
    const { stack } = network();
    const gateway = new TransitGateway(stack, "Tgw", { name: "hub" });
    expectValidationError(() => gateway.attach("orders", "vpc-0123456789abcdef0" as never), "attach.orders.vpc", "vpc-0123456789abcdef0");
  });

  test("fails when the attachment leaves out an AZ whose route tables get routes to the gateway; an attachment nothing routes through, or one in every AZ, passes", () => {
    const { stack, hub, orders, billing } = network();
    const gateway = new TransitGateway(stack, "Tgw", { name: "hub" });
    const [a] = hub.privateSubnets;
    // Alone, nothing routes to the gateway yet: the single-AZ attachment is not wrong.
    gateway.attach("hub", hub, { subnets: [a] });
    const error = expectValidationError(() => gateway.attach("orders", orders), "attach.hub.subnets", "us-east-1a");
    expect(error.expected).toContain("a subnet in every AZ whose route tables get a route to the gateway (us-east-1b has none)");
    const other = new TransitGateway(stack, "Other", { name: "other" });
    other.attach("orders", orders);
    expectValidationError(() => other.attach("billing", billing, { subnets: [billing.privateSubnets[1]] }), "attach.billing.subnets", "us-east-1b");
    const third = new TransitGateway(stack, "Third", { name: "third" });
    third.attach("hub", hub, { subnets: [...hub.privateSubnets].reverse() });
    third.attach("billing", billing);
  });

  test("an imported VPC whose AZs are unknown is not judged; one by AZ ID is judged by ID", () => {
    const { stack, hub } = network();
    const gateway = new TransitGateway(stack, "Tgw", { name: "hub" });
    gateway.attach("hub", hub);
    const unknown = Vpc.fromVpcAttributes(stack, "Unknown", {
      vpcId: "vpc-0123456789abcdef0",
      cidrBlock: "10.9.0.0/16",
      privateSubnetIds: ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"],
      routeTableIds: ["rtb-0123456789abcdef0", "rtb-0123456789abcdef1"],
      availabilityZones: ["use1-az1", "use1-az2"],
    });
    gateway.attach("unknown", unknown, { subnets: [{ ...unknown.privateSubnets[0], availabilityZoneId: undefined }] });
    const byId = Vpc.fromVpcAttributes(stack, "ById", {
      vpcId: "vpc-0123456789abcdef2",
      cidrBlock: "10.8.0.0/16",
      privateSubnetIds: ["subnet-0123456789abcdef2", "subnet-0123456789abcdef3"],
      routeTableIds: ["rtb-0123456789abcdef2", "rtb-0123456789abcdef3"],
      availabilityZones: ["use1-az1", "use1-az2"],
    });
    expectValidationError(() => gateway.attach("byid", byId, { subnets: [byId.privateSubnets[1]] }), "attach.byid.subnets", "use1-az2");
  });

  test("fails when the VPC's provider is of another region than the gateway's; a VPC of the gateway's region attaches", () => {
    const stack = stackWithProvider();
    const eu = new AwsProvider(stack, "eu", { region: "eu-west-1", alias: "eu" });
    const east = new AwsProvider(stack, "east", { region: "us-east-1", alias: "east" });
    const gateway = new TransitGateway(stack, "Tgw", { name: "hub" });
    const dublin = new Vpc(stack, "Dublin", {
      name: "dublin",
      cidrBlock: "10.5.0.0/16",
      availabilityZones: ["eu-west-1a", "eu-west-1b"],
      provider: eu,
    });
    const error = expectValidationError(
      () => gateway.attach("dublin", dublin, { accountId: "222222222222" }),
      "attach.dublin.vpc",
      "test/Dublin (provider eu, eu-west-1)",
    );
    expect(error.expected).toContain(
      "a VPC in us-east-1, the gateway's region (a VPC of eu-west-1 attaches to a gateway there, peered with this one)",
    );
    const virginia = new Vpc(stack, "Virginia", { name: "virginia", cidrBlock: "10.6.0.0/16", availabilityZones: AZS, provider: east });
    gateway.attach("virginia", virginia, { accountId: "222222222222" });
    const euGateway = new TransitGateway(stack, "EuTgw", { name: "eu", provider: eu });
    euGateway.attach("dublin", dublin);
  });

  test("fails when two VPCs routed to each other have overlapping blocks; without routes between them they attach", () => {
    const { stack, hub } = network();
    const twin = new Vpc(stack, "Twin", { name: "twin", cidrBlock: "10.0.0.0/16", availabilityZones: AZS });
    const gateway = new TransitGateway(stack, "Tgw", { name: "hub" });
    gateway.attach("hub", hub);
    const error = expectValidationError(() => gateway.attach("twin", twin), "attach.twin.vpc.cidrBlock", "10.0.0.0/16");
    expect(error.expected).toContain("attachment hub");
    gateway.attach("twin", twin, { routeTo: [] });
    expect(Object.keys(routes(stack))).toEqual([]);
  });

  test("isolateSpokes: hubs and spokes get route tables of their own; a spoke reaches the hub, and no other spoke even with a wide route of its own", () => {
    const stack = stackWithProvider();
    const vpc = (id: string, cidrBlock: string) => new Vpc(stack, id, { name: id.toLowerCase(), cidrBlock, availabilityZones: AZS });
    const [hub, orders, billing] = [vpc("Hub", "10.0.0.0/16"), vpc("Orders", "10.1.0.0/16"), vpc("Billing", "10.3.0.0/16")];
    const tgw = new TransitGateway(stack, "Network", { name: "core", isolateSpokes: true });
    const hubAttachment = tgw.attach("hub", hub);
    tgw.attach("orders", orders, { routeTo: [hubAttachment] });
    const billingAttachment = tgw.attach("billing", billing, { routeTo: [hubAttachment] });
    const json = synthJson(stack);
    expect(Object.values(resourcesOfType(json, "aws_ec2_transit_gateway"))[0]).toMatchObject({
      default_route_table_association: "disable",
      default_route_table_propagation: "disable",
    });
    expect(Object.keys(resourcesOfType(json, "aws_ec2_transit_gateway_route_table"))).toHaveLength(2);
    expect(Object.keys(resourcesOfType(json, "aws_ec2_transit_gateway_route_table_association"))).toHaveLength(3);
    // The hub propagates into both tables, each spoke into the hubs' only.
    expect(Object.keys(resourcesOfType(json, "aws_ec2_transit_gateway_route_table_propagation"))).toHaveLength(4);
    for (const attachment of Object.values(resourcesOfType(json, "aws_ec2_transit_gateway_vpc_attachment")) as Json[])
      expect(attachment).toMatchObject({
        transit_gateway_default_route_table_association: false,
        transit_gateway_default_route_table_propagation: false,
      });
    // Flow proof: billing's servers admit orders; orders reaches the hub, and billing only if the gateway had a route.
    const hubServers = new SecurityGroup(stack, "HubServers", { vpc: hub, description: "Hub" });
    hubServers.addIngressRule({ peer: Peer.cidr("10.0.0.0/8"), port: 443, description: "Spokes" });
    const billingServers = new SecurityGroup(stack, "BillingServers", { vpc: billing, description: "Billing" });
    billingServers.addIngressRule({ peer: Peer.cidr("10.1.0.0/16"), port: 443, description: "Orders" });
    expectFlow(stack, { vpc: orders }, { target: hubServers, port: 443 }).toBeAllowed();
    orders.privateSubnets.forEach(
      (subnet, i) =>
        new Route(stack, `Wide${i}`, {
          routeTableId: subnet.routeTableId!,
          destinationCidrBlock: "10.3.0.0/16",
          transitGatewayId: tgw.transitGatewayId,
        }),
    );
    expectFlow(stack, { vpc: orders }, { target: billingServers, port: 443 }).toBeDenied("does not propagate into route table");
    // routeTo names hubs only: a spoke's route to another spoke would never be carried.
    expectValidationError(
      () => tgw.attach("audit", vpc("Audit", "10.4.0.0/16"), { routeTo: [billingAttachment] }),
      "attach.audit.routeTo[0]",
      "billing",
    );
  });
});

/** A landing zone's VPC made elsewhere: tiers app (a route table per AZ), data (one table) and tgw, and no private tier. */
function landingZoneVpc(stack: TerraformStack, provider?: AwsProvider) {
  return Vpc.fromVpcAttributes(stack, "Existing", {
    vpcId: "vpc-0123456789abcdef0",
    cidrBlock: "10.50.0.0/16",
    provider,
    subnetGroups: [
      {
        tier: "tgw",
        subnetIds: ["subnet-0eeeeeeeeeeeeeee1", "subnet-0eeeeeeeeeeeeeee2"],
        availabilityZones: AZS,
        routeTableIds: ["rtb-0eeeeeeeeeeeeeee1"],
      },
      {
        tier: "app",
        subnetIds: ["subnet-0bbbbbbbbbbbbbbb1", "subnet-0bbbbbbbbbbbbbbb2"],
        availabilityZones: AZS,
        routeTableIds: ["rtb-0bbbbbbbbbbbbbbb1", "rtb-0bbbbbbbbbbbbbbb2"],
      },
      {
        tier: "data",
        subnetIds: ["subnet-0ccccccccccccccc1", "subnet-0ccccccccccccccc2"],
        availabilityZones: AZS,
        routeTableIds: ["rtb-0ccccccccccccccc1"],
      },
      { tier: "mgmt", subnetIds: ["subnet-0ddddddddddddddd1"], availabilityZones: ["us-east-1a"] },
    ],
  });
}

/** Routes by address (without the hash) to `destination_cidr_block -> route_table_id`. */
function routesByAddress(stack: TerraformStack): Record<string, string> {
  return Object.fromEntries(
    (Object.entries(resourcesOfType(synthJson(stack), "aws_route")) as [string, Json][]).map(([key, r]) => [
      key.replace(/_[0-9A-F]{8}$/, ""),
      `${r.destination_cidr_block ?? r.destination_ipv6_cidr_block} -> ${r.route_table_id}`,
    ]),
  );
}

describe("TransitGateway, brownfield: routeFrom", () => {
  test("routeFrom: the route tables of the tiers named get the routes, each table once; the tgw tier's table gets none", () => {
    const { stack, hub } = network();
    const existing = landingZoneVpc(stack);
    const tgw = new TransitGateway(stack, "Network", { name: "core" });
    tgw.attach("hub", hub);
    tgw.attach("app", existing, { subnets: existing.selectSubnets({ tier: "tgw" }), routeFrom: [{ tier: "app" }, { tier: "data" }] });
    const routes = routesByAddress(stack);
    const existingRoutes = Object.entries(routes).filter(([key]) => key.startsWith("Network_Attachment-app_"));
    expect(Object.fromEntries(existingRoutes)).toEqual({
      "Network_Attachment-app_RouteTo-hub-app-us-east-1a": "10.0.0.0/16 -> rtb-0bbbbbbbbbbbbbbb1",
      "Network_Attachment-app_RouteTo-hub-app-us-east-1b": "10.0.0.0/16 -> rtb-0bbbbbbbbbbbbbbb2",
      "Network_Attachment-app_RouteTo-hub-data-us-east-1a": "10.0.0.0/16 -> rtb-0ccccccccccccccc1",
    });
    // The hub routes back to the existing VPC as before.
    expect(Object.entries(routes).filter(([, r]) => r.startsWith("10.50.0.0/16"))).toHaveLength(2);
  });

  test('the default is unchanged: routeFrom [{ tier: "private" }] gives the addresses of no routeFrom', () => {
    const addresses = (routeFrom?: readonly { readonly tier: string }[]) => {
      const { stack, hub, orders } = network();
      const tgw = new TransitGateway(stack, "Network", { name: "core" });
      tgw.attach("hub", hub);
      tgw.attach("orders", orders, { routeFrom });
      return routesByAddress(stack);
    };
    const byDefault = addresses();
    expect(Object.keys(byDefault)).toContain("Network_Attachment-orders_RouteTo-hub-us-east-1a");
    expect(addresses([{ tier: "private" }])).toEqual(byDefault);
  });

  test("routeFrom: [] adds no route to this VPC's tables (routes managed elsewhere); the other VPCs still route to it", () => {
    const { stack, hub } = network();
    const existing = landingZoneVpc(stack);
    const tgw = new TransitGateway(stack, "Network", { name: "core" });
    tgw.attach("hub", hub);
    tgw.attach("app", existing, { subnets: existing.selectSubnets({ tier: "tgw" }), routeFrom: [] });
    expect(Object.keys(routesByAddress(stack)).every((key) => key.startsWith("Network_Attachment-hub_"))).toBe(true);
  });

  test("fails when a VPC without private subnets is attached without routeFrom: no route table would route to the gateway", () => {
    const { stack, hub } = network();
    const existing = landingZoneVpc(stack);
    const tgw = new TransitGateway(stack, "Network", { name: "core" });
    tgw.attach("hub", hub);
    const error = expectValidationError(
      () => tgw.attach("app", existing, { subnets: existing.selectSubnets({ tier: "tgw" }) }),
      "attach.app.routeFrom",
      "undefined",
    );
    expect(error.expected).toBe(
      'the tiers whose route tables route to the gateway, e.g. routeFrom: [{ tier: "app" }] (this VPC has no private tier; its tiers: app, data, mgmt, tgw)',
    );
    // Without subnets either, the attachment's subnets are asked for first.
    expectValidationError(() => tgw.attach("app", existing), "attach.app.subnets", "[]");
  });

  test("fails when routeFrom names a tier the VPC does not have, or one whose route tables are unknown", () => {
    const { stack } = network();
    const existing = landingZoneVpc(stack);
    const tgw = new TransitGateway(stack, "Network", { name: "core" });
    const subnets = existing.selectSubnets({ tier: "tgw" });
    const tier = expectValidationError(
      () => tgw.attach("app", existing, { subnets, routeFrom: [{ tier: "private" }] }),
      "attach.app.routeFrom[0].tier",
      "private",
    );
    expect(tier.expected).toContain("app, data, mgmt, tgw");
    const unknown = expectValidationError(
      () => tgw.attach("app", existing, { subnets, routeFrom: [{ tier: "app" }, { tier: "mgmt" }] }),
      "attach.app.routeFrom[1]",
      "subnet-0ddddddddddddddd1",
    );
    expect(unknown.expected).toContain("routeTableIds");
    tgw.attach("app", existing, { subnets, routeFrom: [{ tier: "app" }] });
  });

  test("fails when the attachment leaves out an AZ of the routeFrom subnets; routeFrom of the attached AZ only passes", () => {
    const { stack, hub } = network();
    const existing = landingZoneVpc(stack);
    const tgw = new TransitGateway(stack, "Network", { name: "core" });
    tgw.attach("hub", hub);
    const [oneAz] = existing.selectSubnets({ tier: "tgw", availabilityZones: ["us-east-1a"] });
    const error = expectValidationError(
      () => tgw.attach("app", existing, { subnets: [oneAz], routeFrom: [{ tier: "app" }] }),
      "attach.app.subnets",
      "us-east-1a",
    );
    expect(error.expected).toContain("(us-east-1b has none)");
    const other = new TransitGateway(stack, "Other", { name: "other" });
    other.attach("hub", hub);
    other.attach("app", existing, { subnets: [oneAz], routeFrom: [{ tier: "app", availabilityZones: ["us-east-1a"] }] });
  });
});

describe("appliance mode", () => {
  test("an inspection VPC's attachment enables appliance_mode_support; the others leave AWS's default", () => {
    const { stack, hub, orders } = network();
    const tgw = new TransitGateway(stack, "Tgw", { name: "core" });
    tgw.attach("inspection", hub, { applianceMode: true });
    tgw.attach("orders", orders);
    const attachments = resourcesOfType(synthJson(stack), "aws_ec2_transit_gateway_vpc_attachment") as Record<string, Json>;
    const byName = Object.fromEntries(Object.values(attachments).map((a) => [(a.tags as Json).Name, a.appliance_mode_support]));
    expect(byName).toEqual({ "Tgw-inspection": "enable", "Tgw-orders": undefined });
  });

  test("an existing gateway's attachment takes appliance mode too", () => {
    const { stack, hub } = network();
    TransitGateway.fromTransitGatewayAttributes(stack, "Corp", { transitGatewayId: "tgw-0123456789abcdef0" }).attach("inspection", hub, {
      applianceMode: true,
    });
    expect(Object.values(resourcesOfType(synthJson(stack), "aws_ec2_transit_gateway_vpc_attachment"))).toEqual([
      expect.objectContaining({ appliance_mode_support: "enable" }),
    ]);
  });

  test("fails when applianceMode is not a boolean, and no attachment is made", () => {
    const { stack, hub } = network();
    const tgw = new TransitGateway(stack, "Tgw", { name: "core" });
    expectValidationError(() => tgw.attach("inspection", hub, { applianceMode: "enable" as never }), "attach.inspection.applianceMode", "enable");
    expect(tgw.attachedVpcs).toEqual([]);
    expect(resourcesOfType(synthJson(stack), "aws_ec2_transit_gateway_vpc_attachment")).toEqual({});
  });
});

describe("TransitGateway.fromTransitGatewayAttributes", () => {
  test("an existing gateway: attachments and routes as for a gateway of this configuration, and no gateway, share or route table", () => {
    const { stack, hub, orders } = network();
    const tgw = TransitGateway.fromTransitGatewayAttributes(stack, "Corp", { transitGatewayId: "tgw-0123456789abcdef0", tags: { Team: "net" } });
    tgw.attach("hub", hub);
    tgw.attach("orders", orders);
    const json = synthJson(stack);
    for (const type of [
      "aws_ec2_transit_gateway",
      "aws_ec2_transit_gateway_route_table",
      "aws_ec2_transit_gateway_route_table_association",
      "aws_ram_resource_share",
      "aws_ec2_transit_gateway_vpc_attachment_accepter",
    ])
      expect(resourcesOfType(json, type)).toEqual({});
    const attachments = Object.values(resourcesOfType(json, "aws_ec2_transit_gateway_vpc_attachment")) as Json[];
    expect(attachments).toHaveLength(2);
    for (const attachment of attachments) {
      expect(attachment).toMatchObject({ transit_gateway_id: "tgw-0123456789abcdef0", tags: { Team: "net" } });
      // The gateway's own defaults decide: the attachment says nothing of them.
      expect(attachment.transit_gateway_default_route_table_association).toBeUndefined();
      expect(attachment.transit_gateway_default_route_table_propagation).toBeUndefined();
    }
    expect(Object.keys(routes(stack)).sort()).toEqual(["Hub -> 10.1.0.0/16", "Orders -> 10.0.0.0/16"]);
    expect((Object.values(resourcesOfType(json, "aws_route")) as Json[]).every((r) => r.transit_gateway_id === "tgw-0123456789abcdef0")).toBe(true);
    expect(tgw.attachedVpcs.map((a) => a.name)).toEqual(["hub", "orders"]);
  });

  test("routeTableId: the attachments are associated with that route table and propagate into it, not the default one", () => {
    const { stack, hub } = network();
    const tgw = TransitGateway.fromTransitGatewayAttributes(stack, "Corp", {
      transitGatewayId: "tgw-0123456789abcdef0",
      routeTableId: "tgw-rtb-0123456789abcdef0",
    });
    tgw.attach("hub", hub);
    const json = synthJson(stack);
    const [attachment] = Object.values(resourcesOfType(json, "aws_ec2_transit_gateway_vpc_attachment")) as Json[];
    expect(attachment).toMatchObject({
      transit_gateway_default_route_table_association: false,
      transit_gateway_default_route_table_propagation: false,
    });
    const [association] = Object.values(resourcesOfType(json, "aws_ec2_transit_gateway_route_table_association")) as Json[];
    const [propagation] = Object.values(resourcesOfType(json, "aws_ec2_transit_gateway_route_table_propagation")) as Json[];
    expect(association.transit_gateway_route_table_id).toBe("tgw-rtb-0123456789abcdef0");
    expect(propagation.transit_gateway_route_table_id).toBe("tgw-rtb-0123456789abcdef0");
    expect(resourcesOfType(json, "aws_ec2_transit_gateway_route_table")).toEqual({});
  });

  test("a gateway of another account: the attachment is made with the VPC's provider, and neither shared nor accepted here", () => {
    const { stack, analytics } = network();
    const tgw = TransitGateway.fromTransitGatewayAttributes(stack, "Corp", {
      transitGatewayId: "tgw-0123456789abcdef0",
      ownerAccountId: "999999999999",
    });
    tgw.attach("analytics", analytics);
    const json = synthJson(stack);
    const [attachment] = Object.values(resourcesOfType(json, "aws_ec2_transit_gateway_vpc_attachment")) as Json[];
    expect(attachment.provider).toBe("aws.member");
    expect(attachment.depends_on).toBeUndefined();
    expect(resourcesOfType(json, "aws_ram_resource_share")).toEqual({});
    expect(resourcesOfType(json, "aws_ec2_transit_gateway_vpc_attachment_accepter")).toEqual({});
  });

  test("fails when the gateway ID is malformed or of another kind, the route table ID is malformed, or an attribute is misspelled", () => {
    const stack = stackWithProvider();
    const error = expectValidationError(
      () => TransitGateway.fromTransitGatewayAttributes(stack, "A", { transitGatewayId: "vpc-0123456789abcdef0" }),
      "transitGatewayId",
      "vpc-0123456789abcdef0",
    );
    expect(error.expected).toContain("(this is a VPC ID)");
    expectValidationError(
      () => TransitGateway.fromTransitGatewayAttributes(stack, "B", { transitGatewayId: "tgw-xyz" }),
      "transitGatewayId",
      "tgw-xyz",
    );
    expectValidationError(
      () =>
        TransitGateway.fromTransitGatewayAttributes(stack, "C", { transitGatewayId: "tgw-0123456789abcdef0", routeTableId: "rtb-0123456789abcdef0" }),
      "routeTableId",
      "rtb-0123456789abcdef0",
    );
    expectValidationError(
      () => TransitGateway.fromTransitGatewayAttributes(stack, "D", { transitGatewayId: "tgw-0123456789abcdef0", ownerAccountId: "12345" }),
      "ownerAccountId",
      "12345",
    );
    expectValidationError(
      () => TransitGateway.fromTransitGatewayAttributes(stack, "E", { transitGatewayID: "tgw-0123456789abcdef0" } as never),
      "transitGatewayId",
      "undefined",
    );
    TransitGateway.fromTransitGatewayAttributes(stack, "F", { transitGatewayId: "tgw-0123456789abcdef0", routeTableId: "tgw-rtb-0123456789abcdef0" });
  });

  test("fails when an attachment to an existing gateway asks for a share (accountId), or routeTableId meets another account", () => {
    const { stack, hub, analytics, member } = network();
    const tgw = TransitGateway.fromTransitGatewayAttributes(stack, "Corp", {
      transitGatewayId: "tgw-0123456789abcdef0",
      routeTableId: "tgw-rtb-0123456789abcdef0",
    });
    expectValidationError(() => tgw.attach("analytics", analytics, { accountId: "222222222222" }), "attach.analytics.accountId", "222222222222");
    expectValidationError(() => tgw.attach("analytics", analytics), "attach.analytics.vpc", "test/Analytics (provider member)");
    tgw.attach("hub", hub);
    expectValidationError(
      () =>
        TransitGateway.fromTransitGatewayAttributes(stack, "Theirs", {
          transitGatewayId: "tgw-0123456789abcdef0",
          routeTableId: "tgw-rtb-0123456789abcdef0",
          ownerAccountId: "999999999999",
          provider: member,
        }),
      "routeTableId",
      "tgw-rtb-0123456789abcdef0",
    );
    TransitGateway.fromTransitGatewayAttributes(stack, "Own", {
      transitGatewayId: "tgw-0123456789abcdef0",
      routeTableId: "tgw-rtb-0123456789abcdef0",
      ownerAccountId: "222222222222",
      provider: member,
    }).attach("analytics", analytics);
  });
});

describe("TransitGateway, destinations", () => {
  test("destinations: routes from every routeFrom table to each CIDR, the whole internet too, even with no other attachment", () => {
    const stack = stackWithProvider();
    const existing = landingZoneVpc(stack);
    const tgw = TransitGateway.fromTransitGatewayAttributes(stack, "Corp", { transitGatewayId: "tgw-0123456789abcdef0" });
    tgw.attach("app", existing, {
      subnets: existing.selectSubnets({ tier: "tgw" }),
      routeFrom: [{ tier: "app" }],
      destinations: ["192.168.0.0/16", "0.0.0.0/0", "10.0.0.0/8"],
    });
    expect(routesByAddress(stack)).toEqual({
      "Corp_Attachment-app_RouteToCidr-192-168-0-0-16-app-us-east-1a": "192.168.0.0/16 -> rtb-0bbbbbbbbbbbbbbb1",
      "Corp_Attachment-app_RouteToCidr-192-168-0-0-16-app-us-east-1b": "192.168.0.0/16 -> rtb-0bbbbbbbbbbbbbbb2",
      "Corp_Attachment-app_RouteToCidr-0-0-0-0-0-app-us-east-1a": "0.0.0.0/0 -> rtb-0bbbbbbbbbbbbbbb1",
      "Corp_Attachment-app_RouteToCidr-0-0-0-0-0-app-us-east-1b": "0.0.0.0/0 -> rtb-0bbbbbbbbbbbbbbb2",
      "Corp_Attachment-app_RouteToCidr-10-0-0-0-8-app-us-east-1a": "10.0.0.0/8 -> rtb-0bbbbbbbbbbbbbbb1",
      "Corp_Attachment-app_RouteToCidr-10-0-0-0-8-app-us-east-1b": "10.0.0.0/8 -> rtb-0bbbbbbbbbbbbbbb2",
    });
    const [route] = Object.values(resourcesOfType(synthJson(stack), "aws_route")) as Json[];
    expect(route).toMatchObject({ transit_gateway_id: "tgw-0123456789abcdef0" });
    expect(route.depends_on[0]).toMatch(/^aws_ec2_transit_gateway_vpc_attachment\./);
  });

  test("an IPv6 destination on a dual-stack attachment is an IPv6 route", () => {
    const stack = stackWithProvider();
    const hub = new Vpc(stack, "Hub", { name: "hub", cidrBlock: "10.0.0.0/16", availabilityZones: AZS, dualStack: true });
    new TransitGateway(stack, "Network", { name: "core" }).attach("hub", hub, { destinations: ["::/0"] });
    const ipv6 = (Object.values(resourcesOfType(synthJson(stack), "aws_route")) as Json[]).map((r) => r.destination_ipv6_cidr_block);
    expect(ipv6).toEqual(["::/0", "::/0"]);
  });

  test("fails when a destination is no CIDR, has host bits, is listed twice, or lies inside the VPC's own block; a block around it passes", () => {
    const { stack, hub } = network();
    const tgw = new TransitGateway(stack, "Network", { name: "core" });
    expectValidationError(() => tgw.attach("hub", hub, { destinations: ["on-prem"] }), "attach.hub.destinations[0]", "on-prem");
    expectValidationError(() => tgw.attach("hub", hub, { destinations: ["192.168.0.0/33"] }), "attach.hub.destinations[0]", "192.168.0.0/33");
    expectValidationError(() => tgw.attach("hub", hub, { destinations: ["192.168.1.1/16"] }), "attach.hub.destinations[0]", "192.168.1.1/16");
    expectValidationError(
      () => tgw.attach("hub", hub, { destinations: ["192.168.0.0/16", "192.168.0.0/16"] }),
      "attach.hub.destinations[1]",
      "192.168.0.0/16",
    );
    const inside = expectValidationError(
      () => tgw.attach("hub", hub, { destinations: ["10.0.5.0/24"] }),
      "attach.hub.destinations[0]",
      "10.0.5.0/24",
    );
    expect(inside.expected).toContain("outside the VPC's own block 10.0.0.0/16");
    expectValidationError(() => tgw.attach("hub", hub, { destinations: ["10.0.0.0/16"] }), "attach.hub.destinations[0]", "10.0.0.0/16");
    tgw.attach("hub", hub, { destinations: ["10.0.0.0/8"] });
  });

  test("fails when an IPv6 destination goes to an attachment without IPv6, or destinations come with routeFrom: []", () => {
    const { stack, hub, orders } = network();
    const tgw = new TransitGateway(stack, "Network", { name: "core" });
    expectValidationError(() => tgw.attach("hub", hub, { destinations: ["::/0"] }), "attach.hub.destinations[0]", "::/0");
    expectValidationError(() => tgw.attach("hub", hub, { routeFrom: [], destinations: ["0.0.0.0/0"] }), "attach.hub.destinations", '["0.0.0.0/0"]');
    tgw.attach("hub", hub, { routeFrom: [] });
    tgw.attach("orders", orders, { destinations: ["0.0.0.0/0"] });
  });

  test("fails when a destination is the block of a VPC attached later and routed to: two routes to one destination in a table", () => {
    const { stack, hub, orders } = network();
    const tgw = new TransitGateway(stack, "Network", { name: "core" });
    tgw.attach("hub", hub, { destinations: ["10.1.0.0/16"] });
    const error = expectValidationError(() => tgw.attach("orders", orders), "attach.hub.destinations[0]", "10.1.0.0/16");
    expect(error.expected).toContain("attachment orders");
    tgw.attach("orders", orders, { routeTo: [] });
  });
});

describe("TransitGateway.attach: inputs of JavaScript callers", () => {
  test("fails when routeTo names one attachment twice (the routes to it would be made twice); once passes", () => {
    const { stack, hub, orders, billing } = network();
    const tgw = new TransitGateway(stack, "Network", { name: "core" });
    const hubAttachment = tgw.attach("hub", hub);
    const error = expectValidationError(
      () => tgw.attach("orders", orders, { routeTo: [hubAttachment, hubAttachment] }),
      "attach.orders.routeTo[1]",
      '"hub"',
    );
    expect(error.expected).toMatch(/^each attachment once/);
    expect(() => tgw.attach("billing", billing, { routeTo: [hubAttachment] })).not.toThrow();
  });

  test("fails when subnets are subnet IDs or a list only Terraform knows (the attachment had no subnet IDs), on a made and an imported gateway; subnet objects pass", () => {
    for (const imported of [false, true]) {
      const { stack, hub } = network();
      const tgw = imported
        ? TransitGateway.fromTransitGatewayAttributes(stack, "Corp", { transitGatewayId: "tgw-0123456789abcdef0" })
        : new TransitGateway(stack, "Network", { name: "core" });
      expectValidationError(
        () => tgw.attach("hub", hub, { subnets: ["subnet-0123456789abcdef0"] as never }),
        "attach.hub.subnets[0]",
        '"subnet-0123456789abcdef0"',
      );
      const ids = new TerraformVariable(stack, "ids", { type: "list(string)" }).listValue;
      expect(expectValidationError(() => tgw.attach("hub", hub, { subnets: ids as never }), "attach.hub.subnets", /reference/).expected).toMatch(
        /^subnet objects/,
      );
      expect(() => tgw.attach("hub", hub, { subnets: hub.privateSubnets })).not.toThrow();
    }
  });

  test("fails when a routeFrom selection has a field a selection does not take (tiers for tier); tier passes", () => {
    const { stack, hub, orders } = network();
    const tgw = new TransitGateway(stack, "Network", { name: "core" });
    const error = expectValidationError(
      () => tgw.attach("hub", hub, { routeFrom: [{ tiers: "private" } as never] }),
      "attach.hub.routeFrom[0].tiers",
      '"private"',
    );
    expect(error.expected).toContain("did you mean tier?");
    expect(() => tgw.attach("orders", orders, { routeFrom: [{ tier: "private" }] })).not.toThrow();
  });
});

describe("TransitGateway attach gatewayRoutes: static routes of the gateway to an attachment", () => {
  test("an egress VPC takes 0.0.0.0/0 in the default route table, made by the owner once the attachment is usable", () => {
    const { stack, hub, orders } = network();
    const tgw = new TransitGateway(stack, "Network", { name: "core" });
    const egress = tgw.attach("egress", hub, { gatewayRoutes: ["0.0.0.0/0"] });
    tgw.attach("orders", orders, { destinations: ["0.0.0.0/0"] });
    const json = synthJson(stack);
    const [gatewayAddress] = Object.keys(resourcesOfType(json, "aws_ec2_transit_gateway"));
    const staticRoutes = Object.entries(resourcesOfType(json, "aws_ec2_transit_gateway_route")) as [string, Json][];
    expect(staticRoutes).toHaveLength(1);
    const [address, route] = staticRoutes[0];
    expect(address).toMatch(/^Network_Attachment-egress_GatewayRoute-0-0-0-0-0_[0-9A-F]+$/);
    expect(route).toMatchObject({
      destination_cidr_block: "0.0.0.0/0",
      transit_gateway_route_table_id: `\${aws_ec2_transit_gateway.${gatewayAddress}.association_default_route_table_id}`,
      transit_gateway_attachment_id: `\${${egress.resource.terraformResourceType}.${egress.resource.friendlyUniqueId}.id}`,
      depends_on: [`${egress.resource.terraformResourceType}.${egress.resource.friendlyUniqueId}`],
    });
    // The orders VPC sends the internet to the gateway, which sends it on to the egress VPC.
    expect(Object.keys(routes(stack))).toContain("Orders -> 0.0.0.0/0");
  });

  test("with isolateSpokes the routes go in the spokes' table, on a hub: spokes send everything through it", () => {
    const { stack, hub, orders } = network();
    const tgw = new TransitGateway(stack, "Network", { name: "core", isolateSpokes: true });
    const inspection = tgw.attach("inspection", hub, { gatewayRoutes: ["0.0.0.0/0"], applianceMode: true });
    tgw.attach("orders", orders, { routeTo: [inspection], destinations: ["10.0.0.0/8"] });
    const json = synthJson(stack);
    const spokesTable = Object.keys(resourcesOfType(json, "aws_ec2_transit_gateway_route_table")).find((key) => key.includes("SpokeRoutes"));
    const [route] = Object.values(resourcesOfType(json, "aws_ec2_transit_gateway_route")) as Json[];
    expect(route.transit_gateway_route_table_id).toBe(`\${aws_ec2_transit_gateway_route_table.${spokesTable}.id}`);
    // A spoke's gatewayRoutes would have no table to go in: spokes send to hubs, not the other way round.
    const error = expectValidationError(
      () =>
        tgw.attach("billing", new Vpc(stack, "Billing2", { name: "billing", cidrBlock: "10.9.0.0/16", availabilityZones: AZS }), {
          routeTo: [inspection],
          gatewayRoutes: ["192.168.0.0/16"],
        }),
      "attach.billing.gatewayRoutes",
      "an attachment with routeTo (a spoke)",
    );
    expect(error.expected).toContain("on a hub");
  });

  test("fails when a route lies inside another attached VPC's block in the same table: the static route would take that VPC's traffic", () => {
    const { stack, hub, orders } = network();
    const tgw = new TransitGateway(stack, "Network", { name: "core" });
    tgw.attach("orders", orders);
    for (const cidr of ["10.1.0.0/16", "10.1.4.0/24"]) {
      const error = expectValidationError(() => tgw.attach("hub", hub, { gatewayRoutes: [cidr] }), "attach.hub.gatewayRoutes[0]", cidr);
      expect(error.expected).toContain("attachment orders (10.1.0.0/16)");
    }
    // A summary wider than the VPC's block is fine: the propagated, more specific block still wins.
    expect(() => tgw.attach("hub", hub, { gatewayRoutes: ["10.0.0.0/8"] })).not.toThrow();
  });

  test("fails when a VPC attached later holds a CIDR an earlier attachment takes in the table that will hold its block", () => {
    const { stack, hub, orders } = network();
    const tgw = new TransitGateway(stack, "Network", { name: "core" });
    tgw.attach("hub", hub, { gatewayRoutes: ["10.1.8.0/24"] });
    const error = expectValidationError(() => tgw.attach("orders", orders), "attach.orders.vpc.cidrBlock", "10.1.0.0/16");
    expect(error.expected).toContain("gatewayRoutes of attachment hub sends 10.1.8.0/24");
    // A spoke of isolateSpokes is not in the spokes' table: nothing taken from it.
    const isolated = network();
    const spokes = new TransitGateway(isolated.stack, "Network", { name: "core", isolateSpokes: true });
    const hubAttachment = spokes.attach("hub", isolated.hub, { gatewayRoutes: ["10.1.0.0/16"] });
    expect(() => spokes.attach("orders", isolated.orders, { routeTo: [hubAttachment] })).not.toThrow();
  });

  test("fails when two attachments take one CIDR in one table, a CIDR is listed twice, or is not a CIDR", () => {
    const { stack, hub, orders, billing } = network();
    const tgw = new TransitGateway(stack, "Network", { name: "core" });
    tgw.attach("hub", hub, { gatewayRoutes: ["0.0.0.0/0"] });
    expect(
      expectValidationError(() => tgw.attach("orders", orders, { gatewayRoutes: ["0.0.0.0/0"] }), "attach.orders.gatewayRoutes[0]", "0.0.0.0/0")
        .expected,
    ).toContain("attachment hub takes it");
    expectValidationError(
      () => tgw.attach("orders", orders, { gatewayRoutes: ["192.168.0.0/16", "192.168.0.0/16"] }),
      "attach.orders.gatewayRoutes[1]",
      "192.168.0.0/16",
    );
    expectValidationError(() => tgw.attach("orders", orders, { gatewayRoutes: ["192.168.0.0"] }), "attach.orders.gatewayRoutes[0]", "192.168.0.0");
    expectValidationError(() => tgw.attach("orders", orders, { gatewayRoutes: "0.0.0.0/0" as never }), "attach.orders.gatewayRoutes", "0.0.0.0/0");
    const list = new TerraformVariable(stack, "Routes", { type: "list(string)" }).listValue;
    expectValidationError(() => tgw.attach("orders", orders, { gatewayRoutes: list }), "attach.orders.gatewayRoutes", /known at apply/);
    expect(() => tgw.attach("billing", billing, { gatewayRoutes: ["192.168.0.0/16"] })).not.toThrow();
  });

  test("fails when an IPv6 route goes to an attachment that carries no IPv6", () => {
    const { stack, orders } = network();
    const tgw = new TransitGateway(stack, "Network", { name: "core" });
    const error = expectValidationError(() => tgw.attach("orders", orders, { gatewayRoutes: ["::/0"] }), "attach.orders.gatewayRoutes[0]", "::/0");
    expect(error.expected).toContain("no ipv6_support");
    const dual = new Vpc(stack, "Dual", { name: "dual", cidrBlock: "10.8.0.0/16", availabilityZones: AZS, dualStack: true });
    tgw.attach("dual", dual, { gatewayRoutes: ["::/0"] });
    expect((Object.values(resourcesOfType(synthJson(stack), "aws_ec2_transit_gateway_route")) as Json[])[0].destination_cidr_block).toBe("::/0");
  });

  test("fails on an existing gateway imported without routeTableId; with it, the routes go in that table", () => {
    const { stack, orders, billing } = network();
    const landingZone = TransitGateway.fromTransitGatewayAttributes(stack, "LandingZone", { transitGatewayId: "tgw-0123456789abcdef0" });
    const error = expectValidationError(
      () => landingZone.attach("orders", orders, { gatewayRoutes: ["0.0.0.0/0"] }),
      "attach.orders.gatewayRoutes",
      "an existing gateway imported without routeTableId",
    );
    expect(error.expected).toContain("import the gateway with routeTableId");
    const withTable = TransitGateway.fromTransitGatewayAttributes(stack, "WithTable", {
      transitGatewayId: "tgw-0123456789abcdef1",
      routeTableId: "tgw-rtb-0123456789abcdef0",
    });
    withTable.attach("billing", billing, { gatewayRoutes: ["0.0.0.0/0"] });
    const [route] = Object.values(resourcesOfType(synthJson(stack), "aws_ec2_transit_gateway_route")) as Json[];
    expect(route.transit_gateway_route_table_id).toBe("tgw-rtb-0123456789abcdef0");
  });
});
