import { TerraformOutput } from "cdktf";
import { AccessLogDestination, AccessLogs, AuthPolicy, ServiceNetwork } from "../../modules/lattice";
import { suppress } from "../../modules/guardrails";
import { SharedDatabase } from "../../modules/resources";
import { Port } from "../../modules/core";
import { exampleStack } from "../example-stack";
import { endpointOutputs, PARTNER_ACCOUNT } from "./shared";
import { exampleVpc, OWNER_ACCOUNT } from "../example-values";

/**
 * RC-1 / RG-1: an RDS database of the owner account shared privately with a
 * partner account outside the organization, end to end in one stack. The
 * owner (default provider) runs the resource gateway and an ARN resource
 * configuration for the DB instance, and shares it through AWS RAM; the
 * partner (provider alias `partner`) accepts the share and reaches the
 * database through a Resource endpoint in its own VPC that opens only 5432.
 * The owner's reporting VPC reaches the same configuration through a
 * service network whose resource access logs record every connection.
 */
export const rc1SharedRds = exampleStack("rc1-shared-rds", ["RC-1", "RG-1", "DEP-5", "DEP-6", "DEP-3"], (stack) => {
  const partner = stack.accountProvider("partner", PARTNER_ACCOUNT);
  const ownerVpc = exampleVpc(stack, "OwnerVpc", "rc1-database", "10.0.0.0/16");
  const reportingVpc = exampleVpc(stack, "ReportingVpc", "rc1-reporting", "10.10.0.0/16");
  const partnerVpc = exampleVpc(stack, "PartnerVpc", "rc1-partner", "10.20.0.0/16", { provider: partner });

  const network = new ServiceNetwork(stack, "Network", {
    name: "rc1-data",
    authPolicy: new AuthPolicy().allow({ accounts: [OWNER_ACCOUNT] }),
    // The data platform's existing log group, whose retention and readers the owner account already manages.
    accessLogs: AccessLogs.to(AccessLogDestination.logGroup(`arn:aws:logs:us-east-1:${OWNER_ACCOUNT}:log-group:/aws/vendedlogs/vpclattice/data-platform`)),
  });
  network.associateVpc("reporting", { vpc: reportingVpc, ports: [Port.tcp(5432)] });

  const database = new SharedDatabase(stack, "OrdersDatabase", {
    name: "rc1-orders-db",
    vpc: ownerVpc,
    databaseArn: `arn:aws:rds:us-east-1:${OWNER_ACCOUNT}:db:orders`,
    port: 5432,
    partnerAccountId: PARTNER_ACCOUNT,
    partnerProvider: partner,
    partnerVpc,
    allowExternalPrincipals: true,
    serviceNetwork: network,
  });

  suppress(database.share, "PN-RAM2", "The partner account is outside the organization: RAM shares the database configuration with it only when external principals are allowed, and the partner accepts the share");

  new TerraformOutput(stack, "resource_configuration_arn", { value: database.resourceConfiguration.resourceConfigurationArn });
  new TerraformOutput(stack, "resource_share_arn", { value: database.share.resourceShareArn });
  new TerraformOutput(stack, "resource_gateway_security_group_id", {
    value: database.resourceGateway.securityGroup!.securityGroupId,
    description: "Admit this group on 5432 in the database's security group",
  });
  endpointOutputs(stack, "partner", database.endpoint);
});
