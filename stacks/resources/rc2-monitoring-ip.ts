import { TerraformOutput } from "cdktf";
import { ResourceEndpoint } from "../../modules/endpoints";
import { ResourceConfiguration, ResourceGateway } from "../../modules/resources";
import { exampleStack } from "../example-stack";
import { endpointOutputs } from "./shared";
import { exampleVpc } from "../example-values";

/** The monitored host's address in the application VPC (second private subnet). */
const HOST_IP = "10.0.1.25";

/**
 * RC-2 / RG-3: a monitoring tool in its own VPC scrapes one internal IP
 * address (a Prometheus node exporter on 9100) in the application VPC, and
 * nothing else: the resource gateway's security group lets traffic out only
 * to that address and port, and the monitoring VPC's Resource endpoint opens
 * only 9100.
 */
export const rc2MonitoringIp = exampleStack("rc2-monitoring-ip", ["RC-2", "RG-3", "DEP-5", "DEP-6"], (stack) => {
  const appVpc = exampleVpc(stack, "AppVpc", "rc2-app", "10.0.0.0/16");
  const monitoringVpc = exampleVpc(stack, "MonitoringVpc", "rc2-monitoring", "10.30.0.0/16");

  const gateway = new ResourceGateway(stack, "Gateway", { name: "rc2-app-ingress", vpc: appVpc });
  const host = new ResourceConfiguration(stack, "MonitoredHost", {
    name: "rc2-node-exporter",
    resourceGateway: gateway,
    ipResource: { ipAddress: HOST_IP },
    portRanges: ["9100"],
  });
  const endpoint = new ResourceEndpoint(stack, "MonitoringEndpoint", { vpc: monitoringVpc, resourceConfiguration: host });

  new TerraformOutput(stack, "resource_configuration_arn", { value: host.resourceConfigurationArn });
  endpointOutputs(stack, "monitoring", endpoint);
});
