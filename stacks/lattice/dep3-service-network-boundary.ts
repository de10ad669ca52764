import { TerraformOutput } from "cdktf";
import { ServiceNetworkEndpoint } from "../../modules/endpoints";
import { AuthPolicy, ServiceNetwork } from "../../modules/lattice";
import { ResourceConfiguration, ResourceGateway } from "../../modules/resources";
import { Port } from "../../modules/core";
import { exampleStack } from "../example-stack";
import { demoIpTargets, demoService } from "./service-network-demo";
import { exampleVpc, OWNER_ACCOUNT } from "../example-values";

/**
 * DEP-3: the service network is the boundary of what clients reach. It
 * holds a Lattice service and a resource configuration (a database behind a
 * resource gateway); the client VPC reaches both through its association.
 * The reporting VPC is already associated with another network, and a VPC
 * can only have one association, so it reaches this network through a
 * ServiceNetwork VPC endpoint instead.
 */
export const dep3ServiceNetworkBoundary = exampleStack("dep3-service-network-boundary", ["DEP-3"], (stack) => {
  const clientVpc = exampleVpc(stack, "ClientVpc", "clients", "10.90.0.0/16");
  const reportingVpc = exampleVpc(stack, "ReportingVpc", "reporting", "10.91.0.0/16");
  const backendVpc = exampleVpc(stack, "BackendVpc", "backend", "10.92.0.0/16");
  const callers = new AuthPolicy().allow({ sid: "ClientAndReportingVpcs", sourceVpcs: [clientVpc, reportingVpc], sourceVpcOwnerAccounts: [OWNER_ACCOUNT] });

  const network = new ServiceNetwork(stack, "ServiceNetwork", { name: "application-boundary", authPolicy: callers });
  const api = demoService(stack, "Api", {
    name: "backend-api",
    targetGroup: demoIpTargets(stack, "Api", { name: "backend-api", vpc: backendVpc, addresses: { "api-0": "10.92.0.10", "api-1": "10.92.1.10" } }),
    authPolicy: callers,
  });
  network.associateService("backend-api", api);

  const gateway = new ResourceGateway(stack, "DatabaseGateway", { name: "backend-db-gateway", vpc: backendVpc });
  const database = new ResourceConfiguration(stack, "Database", {
    name: "backend-db",
    resourceGateway: gateway,
    dnsResource: { domainName: "db.backend.example.com" },
    portRanges: ["5432"],
  });
  network.associateResourceConfiguration("backend-db", database);

  // Clients reach the service on 443 and the database on 5432.
  network.associateVpc("clients", { vpc: clientVpc, ports: [Port.tcp(443), Port.tcp(5432)] });

  const reportingNetwork = new ServiceNetwork(stack, "ReportingServiceNetwork", {
    name: "reporting",
    authPolicy: new AuthPolicy().allow({ sid: "ReportingVpc", sourceVpcs: [reportingVpc], sourceVpcOwnerAccounts: [OWNER_ACCOUNT] }),
  });
  reportingNetwork.associateVpc("reporting", { vpc: reportingVpc });
  const endpoint = new ServiceNetworkEndpoint(stack, "BoundaryEndpoint", {
    vpc: reportingVpc,
    serviceNetwork: network,
    ports: [Port.tcp(443), Port.tcp(5432)],
  });

  new TerraformOutput(stack, "service_network_arn", { value: network.serviceNetworkArn });
  new TerraformOutput(stack, "api_dns_name", { value: api.dnsName });
  new TerraformOutput(stack, "reporting_endpoint_id", { value: endpoint.vpcEndpointId, description: "The reporting VPC's way into the network" });
});
