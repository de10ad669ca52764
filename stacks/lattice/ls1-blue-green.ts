import { TerraformOutput } from "cdktf";
import { LatticeService, LatticeTarget, LatticeTargetGroup, LatticeTargetGroupConfig, TrafficSplit } from "../../modules/lattice";
import { SecurityGroup } from "../../modules/vpc";
import { Port } from "../../modules/core";
import { exampleStack } from "../example-stack";
import { clientVpcCallers, denyOutsiders, organizationRole, serveToClientVpc } from "./service-clients";
import { exampleVpc } from "../example-values";
import { Flows } from "../../modules/flows";

/**
 * LS-1: blue/green deployment of the checkout application. Two EC2 fleets,
 * blue (v1, serving) and green (v2), sit in their own target groups; the
 * service's HTTPS listener shifts 10% of requests to green. Raising
 * `percentToGreen` to 100 completes the switch while blue stays attached
 * (weight 0) for an instant rollback. Both fleets share one security group
 * that admits only VPC Lattice on the target port.
 */
export const ls1BlueGreen = exampleStack("ls1-blue-green", ["LS-1", "DEP-4", "TG-1"], (stack) => {
  const appVpc = exampleVpc(stack, "AppVpc", "ls1-checkout", "10.11.0.0/16");
  const clientVpc = exampleVpc(stack, "ClientVpc", "ls1-clients", "10.10.0.0/16");
  const fleet = new SecurityGroup(stack, "FleetSecurityGroup", {
    vpc: appVpc,
    description: "Checkout fleets (blue and green) reached through VPC Lattice",
  });

  const config = LatticeTargetGroupConfig.instances({
    vpc: appVpc,
    protocol: "HTTP",
    port: 8080,
    healthCheck: { path: "/health", intervalSeconds: 10, healthyThresholdCount: 3, unhealthyThresholdCount: 2 },
  });
  // Both fleets open the one group to VPC Lattice; the rule they share names both.
  const blue = new LatticeTargetGroup(stack, "Blue", {
    name: "checkout-blue",
    config,
    securityGroups: [fleet],
    targets: { "blue-a": LatticeTarget.instance("i-0b1e0000000000a01"), "blue-b": LatticeTarget.instance("i-0b1e0000000000b01") },
  });
  const green = new LatticeTargetGroup(stack, "Green", {
    name: "checkout-green",
    config,
    securityGroups: [fleet],
    targets: { "green-a": LatticeTarget.instance("i-06e00000000000a02"), "green-b": LatticeTarget.instance("i-06e00000000000b02") },
  });

  const checkout = new LatticeService(stack, "Checkout", { name: "checkout", authPolicy: clientVpcCallers(clientVpc) });
  checkout.addListener({ protocol: "HTTPS", defaultAction: TrafficSplit.blueGreen({ blue, green, percentToGreen: 10 }) });

  serveToClientVpc(stack, { name: "ls1-checkout", clientVpc, services: { checkout }, ports: [Port.tcp(443)] });
  new TerraformOutput(stack, "fleet_security_group_id", { value: fleet.securityGroupId, description: "Attach to the blue and green instances" });

  Flows.of(stack).allow("storefront-reaches-checkout", {
    from: { vpc: clientVpc, principal: organizationRole("storefront") },
    to: { dnsName: checkout.dnsName, request: { method: "POST", path: "/cart/checkout" } },
    description: "Signed requests of the organization reach the split; both fleets with weight > 0 admit VPC Lattice on 8080",
  });
  denyOutsiders(stack, { service: checkout, clientVpc, request: { method: "POST", path: "/cart/checkout" }, unassociatedVpc: appVpc });
});
