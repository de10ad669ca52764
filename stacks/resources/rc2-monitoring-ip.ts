import { TerraformOutput } from "cdktf";
import { ResourceEndpoint } from "../../modules/endpoints";
import { Flows } from "../../modules/flows";
import { Port } from "../../modules/core";
import { ResourceConfiguration, ResourceDefinition, ResourceGateway } from "../../modules/resources";
import { SecurityGroup } from "../../modules/vpc";
import { exampleStack } from "../example-stack";
import { endpointOutputs } from "./shared";
import { exampleVpc } from "../example-values";

/** The monitored host's address in the application VPC (second private subnet). */
const HOST_IP = "10.0.1.25";
const NODE_EXPORTER_PORT = 9100;

/**
 * RC-2 / RG-3: a monitoring tool in its own VPC scrapes one internal IP
 * address (a Prometheus node exporter on 9100) in the application VPC, and
 * nothing else: the resource gateway's security group lets traffic out only
 * to that address and port, the host admits only the gateway on 9100 (a
 * security group made here, to attach to the host), and the monitoring
 * VPC's Resource endpoint opens only 9100.
 */
export const rc2MonitoringIp = exampleStack("rc2-monitoring-ip", ["RC-2", "RG-3", "DEP-5", "DEP-6"], (stack) => {
  const appVpc = exampleVpc(stack, "AppVpc", "rc2-app", "10.0.0.0/16");
  const monitoringVpc = exampleVpc(stack, "MonitoringVpc", "rc2-monitoring", "10.30.0.0/16");

  const gateway = new ResourceGateway(stack, "Gateway", { name: "rc2-app-ingress", vpc: appVpc });
  const hostAccess = new SecurityGroup(stack, "HostAccess", {
    vpc: appVpc,
    description: "Monitored host: node exporter scrapes from the VPC Lattice resource gateway",
  });
  // The host's group admits the gateway on the exporter's port: the configuration opens it through the group's connections.
  const host = new ResourceConfiguration(stack, "MonitoredHost", {
    name: "rc2-node-exporter",
    resourceGateway: gateway,
    resource: ResourceDefinition.ipAddress(HOST_IP),
    ports: [Port.tcp(NODE_EXPORTER_PORT)],
    resourceSecurityGroups: [hostAccess],
  });
  const endpoint = new ResourceEndpoint(stack, "MonitoringEndpoint", { vpc: monitoringVpc, resourceConfiguration: host });

  new TerraformOutput(stack, "resource_configuration_arn", { value: host.resourceConfigurationArn });
  new TerraformOutput(stack, "host_security_group_id", {
    value: hostAccess.securityGroupId,
    description: `Attach this group to the host at ${HOST_IP}`,
  });
  endpointOutputs(stack, "monitoring", endpoint);

  Flows.of(stack)
    .allow("monitoring-scrapes-node-exporter", {
      from: monitoringVpc,
      to: { target: endpoint, port: NODE_EXPORTER_PORT },
      description: "The monitoring tool scrapes the host's node exporter through its Resource endpoint",
    })
    .deny("monitoring-to-host-ssh", {
      from: monitoringVpc,
      to: { target: endpoint, port: 22 },
      reason: "on tcp 22",
      description: "Only the exporter's port: the endpoint opens nothing else",
    })
    .deny("internet-to-node-exporter", {
      from: { internet: true },
      to: { target: host, port: NODE_EXPORTER_PORT },
      reason: "no public address",
    });
});
