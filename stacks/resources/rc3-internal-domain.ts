import { TerraformOutput } from "cdktf";
import { Flows } from "../../modules/flows";
import { AccessLogs, ServiceNetwork } from "../../modules/lattice";
import { ResourceConfiguration, ResourceDefinition, ResourceGateway } from "../../modules/resources";
import { Port } from "../../modules/core";
import { SecurityGroup } from "../../modules/vpc";
import { exampleStack } from "../example-stack";
import { publicResourceZone } from "./shared";
import { exampleVpc } from "../example-values";

const APP_ZONE = "apps.example.com";
const APP_NAME = `portal.${APP_ZONE}`;

/**
 * RC-3 / RG-2: an internal application known by its domain name
 * (portal.apps.example.com on 443) reached by client VPCs through a service
 * network. The resource gateway resolves the name in public DNS, so it is
 * published in a public zone holding the application's private addresses;
 * a private-zone name would not resolve. The DNS resource configuration is
 * associated with a network of resource configurations only (DEP-3; no auth
 * policy, which AWS would not apply to it), each client VPC is associated
 * with it too (DEP-6, service network path), and the network's resource
 * access logs record every connection. The application servers admit only
 * the gateway (a security group made here, to attach to them).
 */
export const rc3InternalDomain = exampleStack("rc3-internal-domain", ["RC-3", "RG-2", "DEP-3", "DEP-5", "DEP-6"], (stack) => {
  const appVpc = exampleVpc(stack, "AppVpc", "rc3-app", "10.0.0.0/16");
  publicResourceZone(stack, "AppNames", APP_ZONE, { portal: ["10.0.0.80", "10.0.1.80"] });
  const gateway = new ResourceGateway(stack, "Gateway", { name: "rc3-app-ingress", vpc: appVpc });
  const appServers = new SecurityGroup(stack, "AppServers", {
    vpc: appVpc,
    description: "Portal servers: HTTPS from the VPC Lattice resource gateway",
  });
  const app = new ResourceConfiguration(stack, "InternalApp", {
    name: "rc3-internal-app",
    resourceGateway: gateway,
    resource: ResourceDefinition.dns(APP_NAME),
    ports: [Port.tcp(443)],
    resourceSecurityGroups: [appServers],
  });

  const network = new ServiceNetwork(stack, "Network", {
    name: "rc3-internal",
    resourceConfigurationsOnly: true,
    accessLogs: AccessLogs.toNewLogGroup(),
  });
  const appInNetwork = network.associateResourceConfiguration("internal-app", app);
  const clients = Object.fromEntries(
    (
      [
        ["web", "10.40.0.0/16"],
        ["batch", "10.41.0.0/16"],
      ] as const
    ).map(([name, cidr]) => {
      const vpc = exampleVpc(stack, `ClientVpc-${name}`, `rc3-${name}`, cidr);
      network.associateVpc(name, { vpc, ports: [Port.tcp(443)] });
      return [name, vpc];
    }),
  );

  new TerraformOutput(stack, "service_network_arn", { value: network.serviceNetworkArn });
  new TerraformOutput(stack, "resource_configuration_arn", { value: app.resourceConfigurationArn });
  new TerraformOutput(stack, "internal_app_dns_name", {
    value: appInNetwork.dnsName,
    description: `What clients of the associated VPCs dial for ${APP_NAME} (the association's generated name; a custom domain with private DNS needs aws 6.x, see docs/PROVIDER-6.md)`,
  });
  new TerraformOutput(stack, "app_servers_security_group_id", {
    value: appServers.securityGroupId,
    description: `Attach this group to the servers behind ${APP_NAME}`,
  });

  Flows.of(stack)
    .allow("web-reaches-portal", {
      from: clients.web,
      to: { target: app, port: 443 },
      description: `The web VPC reaches ${APP_NAME} through its service network association`,
    })
    .allow("batch-reaches-portal", { from: clients.batch, to: { target: app, port: 443 } })
    .deny("web-to-portal-http", {
      from: clients.web,
      to: { target: app, port: 80 },
      reason: "on tcp 80",
      description: "The association admits HTTPS only",
    })
    .deny("unassociated-vpc-to-portal", {
      from: appVpc,
      to: { target: app, port: 443 },
      reason: "is not associated with a service network that holds it",
      description: "Only VPCs associated with the network (or with an endpoint to it) reach the configuration",
    })
    .deny("internet-to-portal", { from: { internet: true }, to: { target: app, port: 443 }, reason: "no public address" });
});
