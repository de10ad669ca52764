import { TerraformOutput } from "cdktf";
import { Flows } from "../../modules/flows";
import { ServiceNetworkEndpoint } from "../../modules/endpoints";
import { AuthPolicy, ServiceNetwork } from "../../modules/lattice";
import { ResourceConfiguration, ResourceGateway } from "../../modules/resources";
import { Port } from "../../modules/core";
import { Peer, SecurityGroup } from "../../modules/vpc";
import { exampleStack } from "../example-stack";
import { demoIpTargets, demoService } from "./service-network-demo";
import { EXAMPLE_ORGANIZATION_ID, exampleVpc, OWNER_ACCOUNT } from "../example-values";

/** The PostgreSQL server's fixed private address, in the backend VPC's first subnet. */
const DATABASE_IP = "10.92.0.50";
const POSTGRES_PORT = 5432;

/**
 * DEP-3: the service network is the boundary of what clients reach. It
 * holds a Lattice service and a resource configuration (a PostgreSQL server
 * behind a resource gateway, by its fixed private address: with
 * hashicorp/aws 5.100.0 a gateway resolves a DNS resource in public DNS, so
 * a private name such as db.backend.example.com would not resolve); the
 * client VPC reaches both through its association. The database admits
 * the gateway's security group only.
 * The reporting VPC is already associated with another network, and a VPC
 * can only have one association, so it reaches this network through a
 * ServiceNetwork VPC endpoint instead.
 */
export const dep3ServiceNetworkBoundary = exampleStack("dep3-service-network-boundary", ["DEP-3"], (stack) => {
  const clientVpc = exampleVpc(stack, "ClientVpc", "clients", "10.90.0.0/16");
  const reportingVpc = exampleVpc(stack, "ReportingVpc", "reporting", "10.91.0.0/16");
  const backendVpc = exampleVpc(stack, "BackendVpc", "backend", "10.92.0.0/16");
  const callers = new AuthPolicy().allow({
    sid: "ClientAndReportingVpcs",
    sourceVpcs: [clientVpc, reportingVpc],
    sourceVpcOwnerAccounts: [OWNER_ACCOUNT],
  });

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
    ipResource: { ipAddress: DATABASE_IP },
    portRanges: [String(POSTGRES_PORT)],
  });
  const databaseGroup = new SecurityGroup(stack, "DatabaseSecurityGroup", {
    vpc: backendVpc,
    description: "Backend PostgreSQL server: reached through the resource gateway only",
  });
  // The gateway made its own group (it was given none): the database admits that group, not the gateway's subnets.
  databaseGroup.addIngressRule({
    peer: Peer.securityGroup(gateway.securityGroup!, "resource-gateway"),
    port: POSTGRES_PORT,
    description: "Resource gateway backend-db-gateway to PostgreSQL",
  });
  network.associateResourceConfiguration("backend-db", database);

  // Clients reach the service on 443 and the database on 5432.
  network.associateVpc("clients", { vpc: clientVpc, ports: [Port.tcp(443), Port.tcp(POSTGRES_PORT)] });

  const reportingNetwork = new ServiceNetwork(stack, "ReportingServiceNetwork", {
    name: "reporting",
    authPolicy: new AuthPolicy().allow({ sid: "ReportingVpc", sourceVpcs: [reportingVpc], sourceVpcOwnerAccounts: [OWNER_ACCOUNT] }),
  });
  reportingNetwork.associateVpc("reporting", { vpc: reportingVpc });
  const endpoint = new ServiceNetworkEndpoint(stack, "BoundaryEndpoint", {
    vpc: reportingVpc,
    serviceNetwork: network,
    ports: [Port.tcp(443), Port.tcp(POSTGRES_PORT)],
  });

  new TerraformOutput(stack, "service_network_arn", { value: network.serviceNetworkArn });
  new TerraformOutput(stack, "api_dns_name", { value: api.dnsName });
  new TerraformOutput(stack, "reporting_endpoint_id", { value: endpoint.vpcEndpointId, description: "The reporting VPC's way into the network" });
  new TerraformOutput(stack, "database_security_group_id", { value: databaseGroup.securityGroupId, description: "Attach to the PostgreSQL server" });

  const app = { arn: `arn:aws:iam::${OWNER_ACCOUNT}:role/client-app`, organizationId: EXAMPLE_ORGANIZATION_ID };
  const reports = { arn: `arn:aws:iam::${OWNER_ACCOUNT}:role/reporting`, organizationId: EXAMPLE_ORGANIZATION_ID };
  Flows.of(stack)
    .allow("clients-call-backend-api", {
      from: { vpc: clientVpc, principal: app },
      to: { target: api, request: { method: "GET", path: "/orders" } },
      description: "The client VPC reaches the service through its association",
    })
    .allow("clients-reach-backend-db", {
      from: { vpc: clientVpc, principal: app },
      to: { target: database, port: POSTGRES_PORT },
      description: "...and the database through the same association",
    })
    .allow("reporting-calls-backend-api-through-endpoint", {
      from: { vpc: reportingVpc, principal: reports },
      to: { target: api, request: { method: "GET", path: "/orders" } },
      description: "The reporting VPC, associated with another network, reaches this one through its ServiceNetwork endpoint",
    })
    .allow("reporting-reaches-backend-db-through-endpoint", {
      from: { vpc: reportingVpc, principal: reports },
      to: { target: database, port: POSTGRES_PORT },
    })
    .deny("backend-vpc-is-outside-the-boundary", {
      from: { vpc: backendVpc, principal: app },
      to: { target: api },
      reason: "neither associated with a service network",
      description: "What is not associated with the network (nor has an endpoint to it) reaches nothing in it",
    })
    .deny("clients-reach-only-the-database-port", {
      from: { vpc: clientVpc, principal: app },
      to: { target: database, port: 22 },
      reason: "has no ingress from 10.90.0.0/24, 10.90.1.0/24 on tcp 22",
      description: "The association opens 443 and 5432 only, and the configuration only 5432",
    })
    .deny("unsigned-request-to-api-denied", {
      from: { vpc: clientVpc, principal: { anonymous: true } },
      to: { target: api },
      reason: "matches anonymous",
    })
    .deny("internet-cannot-reach-backend-api", { from: { internet: true }, to: { target: api }, reason: "no public address" });
});
