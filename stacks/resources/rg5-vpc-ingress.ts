import { TerraformOutput } from "cdktf";
import { ServiceNetworkEndpoint } from "../../modules/endpoints";
import { Flows } from "../../modules/flows";
import { AccessLogs, ServiceNetwork } from "../../modules/lattice";
import { Port } from "../../modules/core";
import { ResourceConfiguration, ResourceDefinition, ResourceGateway } from "../../modules/resources";
import { SecurityGroup } from "../../modules/vpc";
import { exampleStack } from "../example-stack";
import { publicResourceZone } from "./shared";
import { exampleVpc, OWNER_ACCOUNT } from "../example-values";

const CORE_ZONE = "core.example.com";

/**
 * RG-5: one resource gateway is the single point of contact for every
 * outside access to the resources of the core VPC: an internal API by DNS
 * name (published in a public zone with its private addresses, since the
 * gateway resolves names in public DNS), a legacy Oracle host by IP address
 * and an Aurora cluster by ARN. Its security group lets out only those three
 * ports, and each resource admits only the gateway (security groups made
 * here, to attach to them). Every configuration joins one network of
 * resource configurations only, with resource access logs (DEP-3; no auth
 * policy, which AWS would not apply to them), and a client VPC reaches them
 * all through one ServiceNetwork endpoint (DEP-6) that opens only their ports.
 */
export const rg5VpcIngress = exampleStack("rg5-vpc-ingress", ["RG-5", "DEP-3", "DEP-5", "DEP-6"], (stack) => {
  const coreVpc = exampleVpc(stack, "CoreVpc", "rg5-core", "10.0.0.0/16");
  const clientVpc = exampleVpc(stack, "ClientVpc", "rg5-client", "10.70.0.0/16");

  publicResourceZone(stack, "CoreNames", CORE_ZONE, { api: ["10.0.0.30", "10.0.1.30"] });
  const gateway = new ResourceGateway(stack, "Gateway", { name: "rg5-core-ingress", vpc: coreVpc });
  // Each resource's group admits the gateway on the resource's own port only.
  const access = (name: string, what: string): SecurityGroup => {
    const group = new SecurityGroup(stack, `Access-${name}`, {
      vpc: coreVpc,
      description: `${what}: connections from the VPC Lattice resource gateway`,
    });
    new TerraformOutput(stack, `${name.replace(/-/g, "_")}_security_group_id`, {
      value: group.securityGroupId,
      description: `Attach this group to the ${what}`,
    });
    return group;
  };
  const resources = {
    "internal-api": new ResourceConfiguration(stack, "InternalApi", {
      name: "rg5-internal-api",
      resourceGateway: gateway,
      resource: ResourceDefinition.dns(`api.${CORE_ZONE}`),
      ports: [Port.tcp(443)],
      resourceSecurityGroups: [access("internal-api", "API servers")],
    }),
    "legacy-oracle": new ResourceConfiguration(stack, "LegacyOracle", {
      name: "rg5-legacy-oracle",
      resourceGateway: gateway,
      resource: ResourceDefinition.ipAddress("10.0.0.40"),
      ports: [Port.tcp(1521)],
      resourceSecurityGroups: [access("legacy-oracle", "Oracle host")],
    }),
    "aurora-cluster": new ResourceConfiguration(stack, "AuroraCluster", {
      name: "rg5-aurora",
      resourceGateway: gateway,
      resource: ResourceDefinition.arn(`arn:aws:rds:us-east-1:${OWNER_ACCOUNT}:cluster:core-aurora`, { securityGroupPorts: [Port.tcp(5432)] }),
      resourceSecurityGroups: [access("aurora-cluster", "Aurora cluster")],
    }),
  };

  const network = new ServiceNetwork(stack, "Network", {
    name: "rg5-core-resources",
    resourceConfigurationsOnly: true,
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

  Flows.of(stack)
    .allow("client-reaches-internal-api", {
      from: clientVpc,
      to: { target: resources["internal-api"], port: 443 },
      description: "Through the ServiceNetwork endpoint and the one gateway",
    })
    .allow("client-reaches-legacy-oracle", { from: clientVpc, to: { target: resources["legacy-oracle"], port: 1521 } })
    .allow("client-reaches-aurora", { from: clientVpc, to: { target: resources["aurora-cluster"], port: 5432 } })
    .deny("client-to-oracle-on-api-port", {
      from: clientVpc,
      to: { target: resources["legacy-oracle"], port: 443 },
      reason: "port 443 is not in the port ranges of resource configuration rg5-legacy-oracle",
      description: "Each configuration admits its own port only, though the endpoint opens all three",
    })
    .deny("client-to-core-ssh", { from: clientVpc, to: { target: resources["legacy-oracle"], port: 22 }, reason: "on tcp 22" })
    .deny("core-vpc-without-endpoint", {
      from: coreVpc,
      to: { target: resources["internal-api"], port: 443 },
      reason: "is not associated with a service network that holds it",
      description: "Lattice access needs an endpoint or an association: being next to the resource is not one",
    })
    .deny("internet-to-core-resources", {
      from: { internet: true },
      to: { target: resources["internal-api"], port: 443 },
      reason: "no public address",
    });
});
