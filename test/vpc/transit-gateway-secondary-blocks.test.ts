import { TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { RouteTableAssociation } from "@cdktf/provider-aws/lib/route-table-association";
import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import { expectFlow } from "../../modules/flows";
import { Peer, SecurityGroup, TransitGateway, Vpc } from "../../modules/vpc";
import { expectValidationError, Json, resourcesOfType, stackWithProvider, synthJson } from "../helpers";

/**
 * Transit gateway attachments of VPCs with secondary IPv4 blocks (an EKS
 * cluster's pods in 100.64.0.0/16): the gateway propagates every block of
 * an attached VPC, so the other VPCs route to each, and blocks of two
 * routed VPCs never overlap.
 */

const AZS = ["us-east-1a", "us-east-1b"];

function network(ordersSecondary: readonly string[] = ["100.64.0.0/16"]) {
  const stack = stackWithProvider();
  new AwsProvider(stack, "member", { region: "us-east-1", alias: "member", allowedAccountIds: ["222222222222"] });
  const vpc = (id: string, cidrBlock: string, secondaryCidrBlocks?: readonly string[]) =>
    new Vpc(stack, id, { name: id.toLowerCase(), cidrBlock, availabilityZones: AZS, secondaryCidrBlocks });
  const hub = vpc("Hub", "10.0.0.0/16");
  const orders = vpc("Orders", "10.1.0.0/16", ordersSecondary);
  const tgw = new TransitGateway(stack, "Network", { name: "core" });
  return { stack, vpc, hub, orders, tgw };
}

/** The `aws_route`s to the gateway by their Terraform address (without the hash), as destination. */
function gatewayRoutes(stack: TerraformStack): Record<string, string> {
  return Object.fromEntries(
    (Object.entries(resourcesOfType(synthJson(stack), "aws_route")) as [string, Json][])
      .filter(([, route]) => route.transit_gateway_id !== undefined)
      .map(([key, route]) => [key.replace(/_[0-9A-F]+$/, ""), String(route.destination_cidr_block)]),
  );
}

/** The pods' subnet in the orders VPC's secondary block, made after its association, routed by the VPC's private route table in us-east-1a. */
function podsSubnet(stack: TerraformStack, orders: Vpc): Subnet {
  const pods = new Subnet(stack, "Pods", {
    vpcId: orders.vpcId,
    cidrBlock: "100.64.0.0/19",
    availabilityZone: "us-east-1a",
    dependsOn: [...orders.cidrBlockAssociations],
  });
  new RouteTableAssociation(stack, "PodsRoutes", { subnetId: pods.id, routeTableId: orders.privateSubnets[0].routeTableId as string });
  return pods;
}

describe("TransitGateway attachments of VPCs with secondary blocks", () => {
  it("routes to every IPv4 block of the other VPC, the primary block's routes at their addresses of before", () => {
    const { stack, hub, orders, tgw } = network();
    tgw.attach("hub", hub);
    tgw.attach("orders", orders);
    expect(gatewayRoutes(stack)).toEqual({
      "Network_Attachment-hub_RouteTo-orders-us-east-1a": "10.1.0.0/16",
      "Network_Attachment-hub_RouteTo-orders-us-east-1a-100-64-0-0-16": "100.64.0.0/16",
      "Network_Attachment-hub_RouteTo-orders-us-east-1b": "10.1.0.0/16",
      "Network_Attachment-hub_RouteTo-orders-us-east-1b-100-64-0-0-16": "100.64.0.0/16",
      "Network_Attachment-orders_RouteTo-hub-us-east-1a": "10.0.0.0/16",
      "Network_Attachment-orders_RouteTo-hub-us-east-1b": "10.0.0.0/16",
    });
  });

  it("flow: the hub's servers answer pods in the other VPC's secondary block through the gateway", () => {
    const { stack, hub, orders, tgw } = network();
    tgw.attach("hub", hub);
    tgw.attach("orders", orders);
    const pods = podsSubnet(stack, orders);
    const api = new SecurityGroup(stack, "Api", { vpc: hub, description: "API" });
    api.addIngressRule({ peer: Peer.cidr("100.64.0.0/16"), port: 443, description: "Orders pods" });
    expectFlow(stack, { subnet: pods }, { target: api, port: 443 }).toBeAllowed();
  });

  it("flow: fails when the hub routes the other VPC's primary block only (the routes before)", () => {
    const { stack, hub, orders, tgw } = network();
    tgw.attach("hub", hub);
    tgw.attach("orders", orders);
    const pods = podsSubnet(stack, orders);
    const api = new SecurityGroup(stack, "Api", { vpc: hub, description: "API" });
    api.addIngressRule({ peer: Peer.cidr("100.64.0.0/16"), port: 443, description: "Orders pods" });
    for (const child of tgw.node.findAll()) if (child.node.id.endsWith("-100-64-0-0-16")) child.node.scope?.node.tryRemoveChild(child.node.id);
    expectFlow(stack, { subnet: pods }, { target: api, port: 443 }).toBeDenied("has no route back to 100.64.0.0/19");
  });

  it("a destination or gateway route outside every block of the VPCs is taken", () => {
    const { stack, hub, orders, tgw } = network();
    tgw.attach("hub", hub, { destinations: ["192.168.0.0/16"] });
    tgw.attach("orders", orders, { destinations: ["100.65.0.0/16"] });
    expect(gatewayRoutes(stack)).toMatchObject({ "Network_Attachment-orders_RouteToCidr-100-65-0-0-16-us-east-1a": "100.65.0.0/16" });
  });

  describe("fails when", () => {
    it("a secondary block overlaps one of another attached VPC", () => {
      const { vpc, hub, orders, tgw } = network();
      tgw.attach("hub", hub);
      tgw.attach("orders", orders);
      const billing = vpc("Billing", "10.3.0.0/16", ["100.64.128.0/17"]);
      const error = expectValidationError(() => tgw.attach("billing", billing), "attach.billing.vpc.secondaryCidrBlocks[0]", "100.64.128.0/17");
      expect(error.constructPath).toBe("test/Network");
      expect(error.expected).toContain("a block that does not overlap 100.64.0.0/16 of attachment orders");
    });

    it("a primary block overlaps another attached VPC's secondary block", () => {
      const { vpc, hub, orders, tgw } = network();
      tgw.attach("hub", hub);
      tgw.attach("orders", orders);
      const pods = vpc("Pods", "100.64.0.0/16");
      const error = expectValidationError(() => tgw.attach("pods", pods), "attach.pods.vpc.cidrBlock", "100.64.0.0/16");
      expect(error.expected).toContain("does not overlap 100.64.0.0/16 of attachment orders");
    });

    it("a destination is inside the VPC's own secondary block (its local route)", () => {
      const { orders, tgw } = network();
      const error = expectValidationError(
        () => tgw.attach("orders", orders, { destinations: ["100.64.32.0/19"] }),
        "attach.orders.destinations[0]",
        "100.64.32.0/19",
      );
      expect(error.expected).toContain("a destination outside the VPC's own block 100.64.0.0/16");
    });

    it("a destination is another attached VPC's secondary block, which its routes take already", () => {
      const { hub, orders, tgw } = network();
      tgw.attach("orders", orders);
      expectValidationError(() => tgw.attach("hub", hub, { destinations: ["100.64.0.0/16"] }), "attach.hub.destinations[0]", "100.64.0.0/16");
    });

    it("a gateway route is inside another attached VPC's secondary block (it would take the block's propagated route)", () => {
      const { hub, orders, tgw } = network();
      tgw.attach("orders", orders);
      const error = expectValidationError(
        () => tgw.attach("hub", hub, { gatewayRoutes: ["100.64.0.0/17"] }),
        "attach.hub.gatewayRoutes[0]",
        "100.64.0.0/17",
      );
      expect(error.expected).toContain("a CIDR outside the block of attachment orders (100.64.0.0/16)");
    });

    it("a secondary block holds an earlier gateway route of another attachment", () => {
      const { hub, orders, tgw } = network();
      tgw.attach("hub", hub, { gatewayRoutes: ["100.64.0.0/17"] });
      expectValidationError(() => tgw.attach("orders", orders), "attach.orders.vpc.secondaryCidrBlocks[0]", "100.64.0.0/16");
    });
  });
});
