import { TerraformOutput } from "cdktf";
import { ServiceNetworkEndpoint } from "../../modules/endpoints";
import { AccessLogs, AuthPolicy, ServiceNetwork } from "../../modules/lattice";
import { ResourceConfiguration, ResourceGateway } from "../../modules/resources";
import { exampleStack } from "../example-stack";
import { exampleVpc, OWNER_ACCOUNT } from "../example-values";

/**
 * RG-5: one resource gateway is the single point of contact for every
 * outside access to the resources of the core VPC: an internal API by DNS
 * name, a legacy Oracle host by IP address and an Aurora cluster by ARN.
 * Its security group lets out only those three ports. Every configuration
 * joins one service network with resource access logs (DEP-3), and a client
 * VPC reaches them all through one ServiceNetwork endpoint (DEP-6) that
 * opens only their ports.
 */
export const rg5VpcIngress = exampleStack("rg5-vpc-ingress", ["RG-5", "DEP-3", "DEP-5", "DEP-6"], (stack) => {
  const coreVpc = exampleVpc(stack, "CoreVpc", "rg5-core", "10.0.0.0/16");
  const clientVpc = exampleVpc(stack, "ClientVpc", "rg5-client", "10.70.0.0/16");

  const gateway = new ResourceGateway(stack, "Gateway", { name: "rg5-core-ingress", vpc: coreVpc });
  const resources = {
    "internal-api": new ResourceConfiguration(stack, "InternalApi", {
      name: "rg5-internal-api",
      resourceGateway: gateway,
      dnsResource: { domainName: "api.core.example.com" },
      portRanges: ["443"],
    }),
    "legacy-oracle": new ResourceConfiguration(stack, "LegacyOracle", {
      name: "rg5-legacy-oracle",
      resourceGateway: gateway,
      ipResource: { ipAddress: "10.0.0.40" },
      portRanges: ["1521"],
    }),
    "aurora-cluster": new ResourceConfiguration(stack, "AuroraCluster", {
      name: "rg5-aurora",
      resourceGateway: gateway,
      arnResource: { arn: `arn:aws:rds:us-east-1:${OWNER_ACCOUNT}:cluster:core-aurora`, securityGroupPortRanges: ["5432"] },
    }),
  };

  const network = new ServiceNetwork(stack, "Network", {
    name: "rg5-core-resources",
    authPolicy: new AuthPolicy().allow({ accounts: [OWNER_ACCOUNT] }),
    accessLogs: AccessLogs.toNewLogGroup(),
  });
  for (const [name, configuration] of Object.entries(resources)) network.associateResourceConfiguration(name, configuration);
  const endpoint = new ServiceNetworkEndpoint(stack, "ClientEndpoint", {
    vpc: clientVpc,
    serviceNetwork: network,
    ports: Object.values(resources).flatMap((r) => r.ports),
  });

  new TerraformOutput(stack, "resource_gateway_id", { value: gateway.resourceGatewayId });
  new TerraformOutput(stack, "resource_gateway_security_group_id", { value: gateway.securityGroup!.securityGroupId });
  new TerraformOutput(stack, "client_endpoint_id", { value: endpoint.vpcEndpointId });
  new TerraformOutput(stack, "client_endpoint_dns_entries", { value: endpoint.resource.dnsEntry });
});
