import { TerraformOutput } from "cdktf";
import { LatticeListenerAction, LatticeService, LatticeTarget, LatticeTargetGroup, LatticeTargetGroupConfig } from "../../modules/lattice";
import { SecurityGroup } from "../../modules/vpc";
import { Port } from "../../modules/core";
import { exampleStack } from "../example-stack";
import { Flows } from "../../modules/flows";
import { clientVpcCallers, denyOutsiders, organizationRole, serveToClientVpc } from "./service-clients";
import { exampleVpc } from "../example-values";

/**
 * TG-2: a pricing backend known by its IP addresses (containers with their
 * own ENIs, appliances): an IP target group over HTTPS with HTTP/2 to the
 * targets, health-checked over HTTPS with HTTP/1.1 on a dedicated port.
 */
export const tg2IpAddresses = exampleStack("tg2-ip-addresses", ["TG-2", "DEP-4"], (stack) => {
  const appVpc = exampleVpc(stack, "AppVpc", "tg2-pricing", "10.71.0.0/16");
  const clientVpc = exampleVpc(stack, "ClientVpc", "tg2-clients", "10.70.0.0/16");
  const backends = new SecurityGroup(stack, "BackendsSecurityGroup", { vpc: appVpc, description: "Pricing backends reached through VPC Lattice" });

  const pricing = new LatticeTargetGroup(stack, "Pricing", {
    name: "pricing-backends",
    config: LatticeTargetGroupConfig.ipAddresses({
      vpc: appVpc,
      protocol: "HTTPS",
      port: 8443,
      protocolVersion: "HTTP2",
      ipAddressType: "IPV4",
      healthCheck: { protocol: "HTTPS", protocolVersion: "HTTP1", port: 9443, path: "/status", intervalSeconds: 15 },
    }),
    securityGroups: [backends],
    targets: {
      "pricing-1": LatticeTarget.ipAddress("10.71.0.40"),
      "pricing-2": LatticeTarget.ipAddress("10.71.1.40"),
      "pricing-3": LatticeTarget.ipAddress("10.71.1.41"),
    },
  });

  const service = new LatticeService(stack, "PricingService", { name: "pricing", authPolicy: clientVpcCallers(clientVpc) });
  service.addListener({ protocol: "HTTPS", defaultAction: LatticeListenerAction.forward(pricing) });

  serveToClientVpc(stack, { name: "tg2-pricing", clientVpc, services: { pricing: service }, ports: [Port.tcp(443)] });
  new TerraformOutput(stack, "backends_security_group_id", {
    value: backends.securityGroupId,
    description: "Attach to the pricing backends (traffic port 8443, health checks 9443)",
  });

  const request = { method: "GET", path: "/prices/sku-7" };
  Flows.of(stack).allow("client-reaches-the-pricing-ips", {
    from: { vpc: clientVpc, principal: organizationRole("storefront") },
    to: { dnsName: service.dnsName, request },
    description: "The IP targets admit VPC Lattice on 8443 (traffic) and 9443 (health checks)",
  });
  denyOutsiders(stack, { service, clientVpc, request, unassociatedVpc: appVpc });
});
