import { TerraformOutput } from "cdktf";
import { Flows } from "../../modules/flows";
import { ServiceNetwork } from "../../modules/lattice";
import { SharePrincipal } from "../../modules/ram";
import { ResourceConfiguration, ResourceDefinition, SharedDatabase, SharedResourceConsumer } from "../../modules/resources";
import { formatPortRange, OptOut, Port } from "../../modules/core";
import { SecurityGroup } from "../../modules/vpc";
import { exampleStack } from "../example-stack";
import { endpointOutputs, PARTNER_ACCOUNT, PARTNER_SHARE_REASON } from "./shared";
import { EXAMPLE_AZ_IDS, exampleVpc, OWNER_ACCOUNT, THIRD_ACCOUNT } from "../example-values";

/**
 * The contract between the two halves, which the owner publishes (its
 * outputs) and the partner's stack imports: the configuration's ARN, its
 * type and port, the zones of its gateway (by AZ ID) and the share to accept.
 * The partner has no access to the owner's state; the values travel out of band.
 */
const ORDERS_DB = {
  resourceConfigurationArn: `arn:aws:vpc-lattice:us-east-1:${OWNER_ACCOUNT}:resourceconfiguration/rcfg-0a1b2c3d4e5f67890`,
  resourceShareArn: `arn:aws:ram:us-east-1:${OWNER_ACCOUNT}:resource-share/3c9e2a4b-5d6f-4a7b-8c9d-0e1f2a3b4c5d`,
  type: "ARN",
  ports: [Port.tcp(5432)],
  gatewayAvailabilityZoneIds: EXAMPLE_AZ_IDS,
} as const;
/** The partner's client VPC, as the owner knows it: by ID, in the partner's own stack. */
const PARTNER_VPC_ID = "vpc-0f1e2d3c4b5a60719";
/** The partner's reporting role. */
const PARTNER_APP = { arn: `arn:aws:iam::${PARTNER_ACCOUNT}:role/partner-reports` };
/** The orders DB instance's security group, made by the database team's stack in the owner VPC: this stack only adds the gateway's admission to it. */
const ORDERS_DB_GROUP_ID = "sg-0a1b2c3d4e5f60718";
/** The data platform's service network, made by the platform team's stack: the owner's VPCs reach shared data through it. */
const DATA_PLATFORM_NETWORK = `arn:aws:vpc-lattice:us-east-1:${OWNER_ACCOUNT}:servicenetwork/sn-0b1c2d3e4f5a67890`;

/**
 * RC-1 / RG-1 split in two stacks, as when the partner runs its own
 * pipeline: each half deploys with its own account's credentials. Owner: the
 * resource gateway in the database VPC (placed by AZ ID), the ARN
 * configuration of the orders DB instance, its share with the partner (outside
 * the organization, so the partner accepts), the database team's existing
 * security group opened to the gateway on 5432, and the configuration in the
 * data platform's existing service network. No partner provider: the
 * outputs are what the partner needs.
 */
export const rc1SharedRdsOwner = exampleStack("rc1-shared-rds-owner", ["RC-1", "RG-1"], (stack) => {
  const ownerVpc = exampleVpc(stack, "OwnerVpc", "rc1-database", "10.0.0.0/16", { availabilityZones: EXAMPLE_AZ_IDS });
  const database = new SharedDatabase(stack, "OrdersDatabase", {
    name: "rc1-orders-db",
    vpc: ownerVpc,
    database: ResourceDefinition.arn(`arn:aws:rds:us-east-1:${OWNER_ACCOUNT}:db:orders`),
    port: 5432,
    databaseSecurityGroup: SecurityGroup.fromSecurityGroupAttributes(stack, "OrdersDbGroup", {
      securityGroupId: ORDERS_DB_GROUP_ID,
      vpcId: ownerVpc.vpcId,
    }),
    sharing: { principals: [SharePrincipal.account(PARTNER_ACCOUNT)], allowExternalPrincipals: OptOut.because(PARTNER_SHARE_REASON) },
    serviceNetwork: ServiceNetwork.fromArn(stack, "DataPlatform", DATA_PLATFORM_NETWORK),
    tags: { "data-classification": "confidential" },
  });

  const { contract } = database;
  new TerraformOutput(stack, "resource_configuration_arn", {
    value: contract.resourceConfigurationArn,
    description: "Give to the partner: the configuration its endpoint reaches",
  });
  new TerraformOutput(stack, "resource_share_arn", { value: contract.resourceShareArn, description: "Give to the partner: the share it accepts" });
  new TerraformOutput(stack, "resource_configuration_type", { value: contract.type });
  new TerraformOutput(stack, "resource_configuration_ports", {
    value: contract.ports.map(formatPortRange),
    description: "The ports the partner's endpoint opens",
  });
  new TerraformOutput(stack, "gateway_availability_zone_ids", {
    value: contract.gatewayAvailabilityZoneIds,
    description: "The zones (by AZ ID) the partner's endpoint subnets must include",
  });

  // The owner sees the share, the gateway and the database's group; the partner's VPC only by ID.
  const partner = { vpc: PARTNER_VPC_ID, principal: PARTNER_APP };
  Flows.of(stack)
    .allow("partner-reaches-orders-db", {
      from: partner,
      to: { target: database.resourceConfiguration, port: 5432 },
      description:
        "The partner, outside the organization, reaches the database from its own VPC once it has accepted the share and made its endpoint",
    })
    .deny("partner-other-port", {
      from: partner,
      to: { target: database.resourceConfiguration, port: 3306 },
      reason: "has no egress",
      description: "The gateway lets out only the database port",
    })
    .deny("account-not-shared-with", {
      from: { vpc: "vpc-0c1d2e3f4a5b60719", principal: { arn: `arn:aws:iam::${THIRD_ACCOUNT}:role/scraper` } },
      to: { target: database.resourceConfiguration, port: 5432 },
      reason: `no RAM share in this stack gives resource configuration rc1-orders-db to account ${THIRD_ACCOUNT}`,
      description: "Only the partner account is given the database",
    })
    .deny("internet-to-orders-db", {
      from: { internet: true },
      to: { target: database.resourceConfiguration, port: 5432 },
      reason: "no public address",
    });
});

/**
 * RC-1 / RG-1 split, partner half (its default provider is the partner
 * account): the orders database known only by the contract the owner
 * publishes, imported by ARN with its port and its gateway's zones; the
 * share accepted by ARN, then a Resource endpoint in the partner VPC (placed
 * by AZ ID in the gateway's zones) that opens only 5432, created once the
 * share is accepted.
 */
export const rc1SharedRdsPartner = exampleStack(
  "rc1-shared-rds-partner",
  ["RC-1", "RG-1"],
  (stack) => {
    const vpc = exampleVpc(stack, "PartnerVpc", "rc1-partner", "10.20.0.0/16", { availabilityZones: EXAMPLE_AZ_IDS });
    const ordersDb = ResourceConfiguration.fromResourceConfigurationAttributes(stack, "OrdersDb", {
      resourceConfigurationArn: ORDERS_DB.resourceConfigurationArn,
      type: ORDERS_DB.type,
      ports: ORDERS_DB.ports,
      gatewayAvailabilityZoneIds: ORDERS_DB.gatewayAvailabilityZoneIds,
    });
    const access = new SharedResourceConsumer(stack, "OrdersDbAccess", {
      resourceConfiguration: ordersDb,
      acceptShare: { resourceShareArn: ORDERS_DB.resourceShareArn },
      vpc,
      provider: stack.provider,
    });
    endpointOutputs(stack, "orders_db", access.endpoint);

    // The partner proves its half against the owner's published terms: port, zones, and the acceptance before the endpoint.
    const reports = { vpc, principal: PARTNER_APP };
    Flows.of(stack)
      .allow("partner-reaches-orders-db", {
        from: reports,
        to: { target: access.endpoint, port: 5432 },
        description: "Through the Resource endpoint, in the gateway's zones, once the share is accepted; the owner's side admits the rest",
      })
      .deny("partner-other-port", {
        from: reports,
        to: { target: access.endpoint, port: 3306 },
        reason: "on tcp 3306",
        description: "The endpoint opens only the port the owner publishes",
      })
      .deny("internet-to-orders-db", { from: { internet: true }, to: { target: access.endpoint, port: 5432 }, reason: "no public address" });
  },
  { accountId: PARTNER_ACCOUNT },
);
