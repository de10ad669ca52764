import { TerraformOutput } from "cdktf";
import { AccessLogs, AuthPolicy, ServiceNetwork } from "../../modules/lattice";
import { ResourceConfiguration, ResourceGateway } from "../../modules/resources";
import { Port } from "../../modules/core";
import { exampleStack } from "../example-stack";
import { exampleVpc, OWNER_ACCOUNT } from "../example-values";

/**
 * RC-3 / RG-2: an internal application endpoint known by its domain name
 * (app.internal.example.com on 443, resolved in the application VPC) reached
 * by client VPCs through a service network: the DNS resource configuration
 * is associated with the network (DEP-3), each client VPC is associated with
 * it too (DEP-6, service network path), and the network's resource access
 * logs record every connection.
 */
export const rc3InternalDomain = exampleStack("rc3-internal-domain", ["RC-3", "RG-2", "DEP-3", "DEP-5", "DEP-6"], (stack) => {
  const appVpc = exampleVpc(stack, "AppVpc", "rc3-app", "10.0.0.0/16");
  const gateway = new ResourceGateway(stack, "Gateway", { name: "rc3-app-ingress", vpc: appVpc });
  const app = new ResourceConfiguration(stack, "InternalApp", {
    name: "rc3-internal-app",
    resourceGateway: gateway,
    dnsResource: { domainName: "app.internal.example.com" },
    portRanges: ["443"],
  });

  const network = new ServiceNetwork(stack, "Network", {
    name: "rc3-internal",
    authPolicy: new AuthPolicy().allow({ accounts: [OWNER_ACCOUNT] }),
    accessLogs: AccessLogs.toNewLogGroup(),
  });
  network.associateResourceConfiguration("internal-app", app);
  for (const [name, cidr] of [["web", "10.40.0.0/16"], ["batch", "10.41.0.0/16"]]) {
    network.associateVpc(name, { vpc: exampleVpc(stack, `ClientVpc-${name}`, `rc3-${name}`, cidr), ports: [Port.tcp(443)] });
  }

  new TerraformOutput(stack, "service_network_arn", { value: network.serviceNetworkArn });
  new TerraformOutput(stack, "resource_configuration_arn", { value: app.resourceConfigurationArn });
});
