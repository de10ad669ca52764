import { TerraformOutput } from "cdktf";
import { AccessLogDestination, AccessLogs, ServiceNetwork } from "../../modules/lattice";
import { Flows } from "../../modules/flows";
import { SharePrincipal } from "../../modules/ram";
import { ResourceDefinition, SharedDatabase } from "../../modules/resources";
import { OptOut, Port } from "../../modules/core";
import { SecurityGroup } from "../../modules/vpc";
import { exampleStack } from "../example-stack";
import { endpointOutputs, PARTNER_ACCOUNT, PARTNER_SHARE_REASON, requirePartnerEndpoint } from "./shared";
import { EXAMPLE_AZ_IDS, exampleVpc, OWNER_ACCOUNT } from "../example-values";

/**
 * RC-1 / RG-1: an RDS database of the owner account shared privately with a
 * partner account outside the organization, end to end in one stack. The
 * owner (default provider) runs the resource gateway and an ARN resource
 * configuration for the DB instance, and shares it through AWS RAM; the
 * partner (provider alias `partner`) accepts the share and reaches the
 * database through a Resource endpoint in its own VPC that opens only 5432.
 * Both VPCs are placed by AZ ID, so that the endpoint and the gateway share
 * zones in both accounts. The owner's reporting VPC reaches the same
 * configuration through a service network of resource configurations only
 * (no auth policy: AWS applies none to them), whose resource access logs
 * record every connection. The database admits the gateway through a
 * security group made here for it.
 */
export const rc1SharedRds = exampleStack("rc1-shared-rds", ["RC-1", "RG-1", "DEP-5", "DEP-6", "DEP-3"], (stack) => {
  const partner = stack.accountProvider("partner", PARTNER_ACCOUNT);
  const ownerVpc = exampleVpc(stack, "OwnerVpc", "rc1-database", "10.0.0.0/16", { availabilityZones: EXAMPLE_AZ_IDS });
  const reportingVpc = exampleVpc(stack, "ReportingVpc", "rc1-reporting", "10.10.0.0/16");
  const partnerVpc = exampleVpc(stack, "PartnerVpc", "rc1-partner", "10.20.0.0/16", { provider: partner, availabilityZones: EXAMPLE_AZ_IDS });

  const network = new ServiceNetwork(stack, "Network", {
    name: "rc1-data",
    resourceConfigurationsOnly: true,
    // The data platform's existing log group, whose retention and readers the owner account already manages.
    accessLogs: AccessLogs.to(
      AccessLogDestination.logGroup(`arn:aws:logs:us-east-1:${OWNER_ACCOUNT}:log-group:/aws/vendedlogs/vpclattice/data-platform`),
    ),
  });
  network.associateVpc("reporting", { vpc: reportingVpc, ports: [Port.tcp(5432)] });

  const databaseAccess = new SecurityGroup(stack, "DatabaseAccess", {
    vpc: ownerVpc,
    description: "Orders database: connections from the VPC Lattice resource gateway",
  });
  const database = new SharedDatabase(stack, "OrdersDatabase", {
    name: "rc1-orders-db",
    vpc: ownerVpc,
    database: ResourceDefinition.arn(`arn:aws:rds:us-east-1:${OWNER_ACCOUNT}:db:orders`),
    port: 5432,
    databaseSecurityGroup: databaseAccess,
    sharing: { principals: [SharePrincipal.account(PARTNER_ACCOUNT)], allowExternalPrincipals: OptOut.because(PARTNER_SHARE_REASON) },
    partner: { provider: partner, vpc: partnerVpc },
    serviceNetwork: network,
  });
  const endpoint = requirePartnerEndpoint(database.endpoint);

  new TerraformOutput(stack, "resource_configuration_arn", { value: database.resourceConfiguration.resourceConfigurationArn });
  new TerraformOutput(stack, "resource_share_arn", { value: database.share.resourceShareArn });
  new TerraformOutput(stack, "resource_gateway_security_group_id", { value: database.resourceGateway.securityGroup!.securityGroupId });
  new TerraformOutput(stack, "database_security_group_id", {
    value: databaseAccess.securityGroupId,
    description: "Attach this group to the orders DB instance: it admits the resource gateway on 5432",
  });
  endpointOutputs(stack, "partner", endpoint);

  const partnerApp = { vpc: partnerVpc, principal: { arn: `arn:aws:iam::${PARTNER_ACCOUNT}:role/partner-reports` } };
  Flows.of(stack)
    .allow("partner-reaches-orders-db", {
      from: partnerApp,
      to: { target: endpoint, port: 5432 },
      description: "The partner's clients connect to the shared database through their Resource endpoint, once the share is accepted",
    })
    .allow("reporting-reaches-orders-db", {
      from: reportingVpc,
      to: { target: database.resourceConfiguration, port: 5432 },
      description: "The owner's reporting VPC reaches the database through the service network",
    })
    .deny("partner-other-port", {
      from: partnerApp,
      to: { target: endpoint, port: 3306 },
      reason: "on tcp 3306",
      description: "The partner's endpoint opens only the database port",
    })
    .deny("reporting-other-port", {
      from: reportingVpc,
      to: { target: database.resourceConfiguration, port: 22 },
      reason: "on tcp 22",
      description: "The reporting VPC's association admits only 5432",
    })
    .deny("internet-to-orders-db", {
      from: { internet: true },
      to: { target: database.resourceConfiguration, port: 5432 },
      reason: "no public address",
    });
});
