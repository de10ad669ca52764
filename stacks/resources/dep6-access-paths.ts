import { TerraformOutput } from "cdktf";
import { ResourceEndpoint, ServiceNetworkEndpoint } from "../../modules/endpoints";
import { AccessLogs, AuthPolicy, ServiceNetwork } from "../../modules/lattice";
import { ResourceConfiguration, ResourceGateway } from "../../modules/resources";
import { exampleStack } from "../example-stack";
import { endpointOutputs } from "./shared";
import { exampleVpc, OWNER_ACCOUNT } from "../example-values";

/**
 * DEP-6 side by side: one resource configuration (a reporting database by
 * DNS name on 5432, bound to its resource gateway: DEP-5) reached the three
 * ways clients can: a Resource endpoint straight to the configuration, a
 * ServiceNetwork endpoint, and a VPC associated with the service network the
 * configuration belongs to (DEP-3). Every consumer security group opens 5432
 * only.
 */
export const dep6AccessPaths = exampleStack("dep6-access-paths", ["DEP-6", "DEP-5", "DEP-3"], (stack) => {
  const dataVpc = exampleVpc(stack, "DataVpc", "dep6-data", "10.0.0.0/16");
  const gateway = new ResourceGateway(stack, "Gateway", { name: "dep6-data-ingress", vpc: dataVpc });
  const database = new ResourceConfiguration(stack, "ReportingDb", {
    name: "dep6-reporting-db",
    resourceGateway: gateway,
    dnsResource: { domainName: "reporting.data.example.com" },
    portRanges: ["5432"],
  });

  const direct = new ResourceEndpoint(stack, "DirectEndpoint", {
    vpc: exampleVpc(stack, "DirectVpc", "dep6-direct", "10.80.0.0/16"),
    resourceConfiguration: database,
  });

  const network = new ServiceNetwork(stack, "Network", {
    name: "dep6-data",
    authPolicy: new AuthPolicy().allow({ accounts: [OWNER_ACCOUNT] }),
    accessLogs: AccessLogs.toNewLogGroup(),
  });
  network.associateResourceConfiguration("reporting-db", database);
  const viaEndpoint = new ServiceNetworkEndpoint(stack, "NetworkEndpoint", {
    vpc: exampleVpc(stack, "NetworkEndpointVpc", "dep6-sn-endpoint", "10.81.0.0/16"),
    serviceNetwork: network,
    ports: database.ports,
  });
  network.associateVpc("associated", { vpc: exampleVpc(stack, "AssociatedVpc", "dep6-associated", "10.82.0.0/16"), ports: database.ports });

  endpointOutputs(stack, "direct", direct);
  new TerraformOutput(stack, "service_network_endpoint_id", { value: viaEndpoint.vpcEndpointId });
  new TerraformOutput(stack, "service_network_arn", { value: network.serviceNetworkArn });
});
