import { TerraformOutput } from "cdktf";
import { ResourceEndpoint, ServiceNetworkEndpoint } from "../../modules/endpoints";
import { Flows } from "../../modules/flows";
import { AccessLogs, ServiceNetwork } from "../../modules/lattice";
import { Port } from "../../modules/core";
import { ResourceConfiguration, ResourceDefinition, ResourceGateway } from "../../modules/resources";
import { SecurityGroup } from "../../modules/vpc";
import { exampleStack } from "../example-stack";
import { endpointOutputs } from "./shared";
import { exampleVpc } from "../example-values";

/** The reporting database's Aurora cluster endpoint: RDS publishes it in public DNS with the cluster's private addresses. */
const REPORTING_DB = "reporting.cluster-c9akciq32example.us-east-1.rds.amazonaws.com";

/**
 * DEP-6 side by side: one resource configuration (a reporting database by
 * DNS name on 5432, bound to its resource gateway: DEP-5) reached the three
 * ways clients can: a Resource endpoint straight to the configuration, a
 * ServiceNetwork endpoint, and a VPC associated with the service network the
 * configuration belongs to (DEP-3; resource configurations only, so no auth
 * policy, which AWS would not apply). The name is the database's RDS
 * endpoint, which public DNS resolves as the gateway needs. Every consumer
 * security group opens 5432 only, and the database admits only the gateway
 * (a security group made here, to attach to it).
 */
export const dep6AccessPaths = exampleStack("dep6-access-paths", ["DEP-6", "DEP-5", "DEP-3"], (stack) => {
  const dataVpc = exampleVpc(stack, "DataVpc", "dep6-data", "10.0.0.0/16");
  const gateway = new ResourceGateway(stack, "Gateway", { name: "dep6-data-ingress", vpc: dataVpc });
  const databaseAccess = new SecurityGroup(stack, "DatabaseAccess", {
    vpc: dataVpc,
    description: "Reporting database: connections from the VPC Lattice resource gateway",
  });
  const database = new ResourceConfiguration(stack, "ReportingDb", {
    name: "dep6-reporting-db",
    resourceGateway: gateway,
    resource: ResourceDefinition.dns(REPORTING_DB),
    ports: [Port.tcp(5432)],
    resourceSecurityGroups: [databaseAccess],
  });

  const directVpc = exampleVpc(stack, "DirectVpc", "dep6-direct", "10.80.0.0/16");
  const direct = new ResourceEndpoint(stack, "DirectEndpoint", { vpc: directVpc, resourceConfiguration: database });

  const network = new ServiceNetwork(stack, "Network", {
    name: "dep6-data",
    resourceConfigurationsOnly: true,
    accessLogs: AccessLogs.toNewLogGroup(),
  });
  network.associateResourceConfiguration("reporting-db", database);
  const endpointVpc = exampleVpc(stack, "NetworkEndpointVpc", "dep6-sn-endpoint", "10.81.0.0/16");
  const viaEndpoint = new ServiceNetworkEndpoint(stack, "NetworkEndpoint", { vpc: endpointVpc, serviceNetwork: network, ports: database.ports });
  const associatedVpc = exampleVpc(stack, "AssociatedVpc", "dep6-associated", "10.82.0.0/16");
  network.associateVpc("associated", { vpc: associatedVpc, ports: database.ports });

  endpointOutputs(stack, "direct", direct);
  new TerraformOutput(stack, "service_network_endpoint_id", { value: viaEndpoint.vpcEndpointId });
  new TerraformOutput(stack, "service_network_arn", { value: network.serviceNetworkArn });
  new TerraformOutput(stack, "database_security_group_id", {
    value: databaseAccess.securityGroupId,
    description: "Attach this group to the reporting cluster",
  });

  Flows.of(stack)
    .allow("direct-endpoint-reaches-reporting-db", {
      from: directVpc,
      to: { target: direct, port: 5432 },
      description: "A Resource endpoint straight to the configuration",
    })
    .allow("network-endpoint-reaches-reporting-db", {
      from: endpointVpc,
      to: { target: database, port: 5432 },
      description: "A ServiceNetwork endpoint to the network that holds it",
    })
    .allow("associated-vpc-reaches-reporting-db", {
      from: associatedVpc,
      to: { target: database, port: 5432 },
      description: "A VPC associated with the network that holds it",
    })
    .deny("direct-endpoint-other-port", { from: directVpc, to: { target: direct, port: 3306 }, reason: "on tcp 3306" })
    .deny("associated-vpc-other-port", {
      from: associatedVpc,
      to: { target: database, port: 443 },
      reason: "on tcp 443",
      description: "The association admits the database port only",
    })
    .deny("data-vpc-without-a-path", {
      from: dataVpc,
      to: { target: database, port: 5432 },
      reason: "is not associated with a service network that holds it",
      description: "None of the three paths: no Lattice access",
    })
    .deny("internet-to-reporting-db", { from: { internet: true }, to: { target: database, port: 5432 }, reason: "no public address" });
});
