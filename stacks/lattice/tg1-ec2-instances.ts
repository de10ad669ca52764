import { TerraformOutput } from "cdktf";
import { LatticeListenerAction, LatticeService, LatticeTarget, LatticeTargetGroup, LatticeTargetGroupConfig } from "../../modules/lattice";
import { SecurityGroup } from "../../modules/vpc";
import { Port } from "../../modules/core";
import { exampleStack } from "../example-stack";
import { Flows } from "../../modules/flows";
import { clientVpcCallers, denyOutsiders, organizationRole, serveToClientVpc } from "./service-clients";
import { exampleVpc } from "../example-values";

/**
 * TG-1: three EC2 instances of the inventory application, one per AZ pair,
 * load balanced by VPC Lattice. Health checks hit /healthz every 10 seconds
 * and take an instance out after two failures; one instance listens on a
 * different port (8081) during a migration, which its target overrides.
 */
export const tg1Ec2Instances = exampleStack("tg1-ec2-instances", ["TG-1", "DEP-4"], (stack) => {
  const appVpc = exampleVpc(stack, "AppVpc", "tg1-inventory", "10.61.0.0/16");
  const clientVpc = exampleVpc(stack, "ClientVpc", "tg1-clients", "10.60.0.0/16");
  const instances = new SecurityGroup(stack, "InstancesSecurityGroup", {
    vpc: appVpc,
    description: "Inventory instances reached through VPC Lattice",
  });

  const fleet = new LatticeTargetGroup(stack, "Fleet", {
    name: "inventory-instances",
    config: LatticeTargetGroupConfig.instances({
      vpc: appVpc,
      protocol: "HTTP",
      port: 8080,
      healthCheck: {
        path: "/healthz",
        intervalSeconds: 10,
        timeoutSeconds: 5,
        healthyThresholdCount: 3,
        unhealthyThresholdCount: 2,
        matcher: "200-299",
      },
    }),
    // Opened to VPC Lattice on 8080 and on the migrating instance's own 8081.
    securityGroups: [instances],
    targets: {
      "inventory-1": LatticeTarget.instance("i-0a1b2c3d4e5f60711"),
      "inventory-2": LatticeTarget.instance("i-0a1b2c3d4e5f60722"),
      "inventory-3": LatticeTarget.instance("i-0a1b2c3d4e5f60733", 8081),
    },
  });

  const inventory = new LatticeService(stack, "Inventory", { name: "inventory", authPolicy: clientVpcCallers(clientVpc) });
  inventory.addListener({ protocol: "HTTPS", defaultAction: LatticeListenerAction.forward(fleet) });

  serveToClientVpc(stack, { name: "tg1-inventory", clientVpc, services: { inventory }, ports: [Port.tcp(443)] });
  new TerraformOutput(stack, "instances_security_group_id", { value: instances.securityGroupId, description: "Attach to the inventory instances" });

  const request = { method: "GET", path: "/items/sku-7" };
  Flows.of(stack).allow("client-reaches-the-instances", {
    from: { vpc: clientVpc, principal: organizationRole("storefront") },
    to: { dnsName: inventory.dnsName, request },
    description: "Each instance admits VPC Lattice on its port (8080, 8081 for the migrating one), traffic and health checks",
  });
  denyOutsiders(stack, { service: inventory, clientVpc, request, unassociatedVpc: appVpc });
});
