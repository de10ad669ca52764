import { TerraformStack, TerraformVariable } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { AccessLogs, ServiceNetwork } from "../../../modules/lattice";
import { Vpc, SecurityGroup } from "../../../modules/vpc";
import { OptOut, Port } from "../../../modules/core";
import { SharePrincipal } from "../../../modules/ram";
import { ResourceDefinition, ResourceGateway, SharedDatabase, SharedDatabaseProps } from "../../../modules/resources";
import { expectValidationError, resourcesOfType, stackWithProvider, synthJson } from "../../helpers";
import { ownerVpc } from "../helpers";
import { expectFlow } from "../../../modules/flows";

const RDS_ARN = "arn:aws:rds:us-east-1:111111111111:db:orders";
/** Who admits the gateway into the database's group when the tests give none. */
const INGRESS_ELSEWHERE = OptOut.because("The database team's stack admits the gateway's group on 5432");

function sharedDatabase(extra: Partial<SharedDatabaseProps> = {}): { stack: TerraformStack; db: SharedDatabase } {
  const stack = stackWithProvider();
  const partnerProvider = new AwsProvider(stack, "partner", { alias: "partner", region: "us-east-1" });
  const partnerVpc = new Vpc(stack, "PartnerVpc", {
    name: "partner",
    cidrBlock: "10.1.0.0/16",
    availabilityZones: ["us-east-1a", "us-east-1b"],
    provider: partnerProvider,
  });
  const db = new SharedDatabase(stack, "Orders", {
    name: "orders-db",
    vpc: ownerVpc(stack),
    databaseArn: RDS_ARN,
    port: 5432,
    databaseIngressManagedElsewhere: INGRESS_ELSEWHERE,
    partnerAccountId: "222222222222",
    partnerProvider,
    partnerVpc,
    ...extra,
  });
  return { stack, db };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const only = (json: any, type: string): any => {
  const values = Object.values(json.resource[type] ?? {});
  expect(values).toHaveLength(1);
  return values[0];
};

describe("SharedDatabase", () => {
  test("owner side: gateway, ARN configuration, share to the partner only, inside the organization by default", () => {
    const json = synthJson(sharedDatabase().stack);
    expect(only(json, "aws_vpclattice_resource_gateway")).toMatchObject({ name: "orders-db-gw" });
    expect(only(json, "aws_vpclattice_resource_configuration")).toMatchObject({
      name: "orders-db",
      type: "ARN",
      resource_configuration_definition: [{ arn_resource: [{ arn: RDS_ARN }] }],
    });
    expect(only(json, "aws_ram_resource_share")).toMatchObject({ name: "orders-db", allow_external_principals: false });
    expect(only(json, "aws_ram_principal_association").principal).toBe("222222222222");
    expect(only(json, "aws_ram_resource_association").resource_arn).toMatch(/aws_vpclattice_resource_configuration\.\w+\.arn/);
    expect(json.resource.aws_ram_resource_share_accepter).toBeUndefined();
    const egress = only(json, "aws_vpc_security_group_egress_rule");
    expect(egress).toMatchObject({ from_port: 5432, to_port: 5432 });
  });

  test("partner side: an external partner accepts, then its Resource endpoint opens only the database port", () => {
    const json = synthJson(sharedDatabase({ allowExternalPrincipals: true }).stack);
    const accepter = only(json, "aws_ram_resource_share_accepter");
    expect(accepter.provider).toBe("aws.partner");
    const endpoint = only(json, "aws_vpc_endpoint");
    expect(endpoint).toMatchObject({
      provider: "aws.partner",
      vpc_endpoint_type: "Resource",
      resource_configuration_arn: expect.stringMatching(/aws_vpclattice_resource_configuration\.\w+\.arn/),
      vpc_id: expect.stringMatching(/aws_vpc\.PartnerVpc/),
    });
    // The share names the partner, holds the configuration and is accepted before the endpoint is made: no race at apply.
    expect(endpoint.depends_on).toEqual([
      expect.stringMatching(/^aws_ram_principal_association\./),
      expect.stringMatching(/^aws_ram_resource_association\./),
      expect.stringMatching(/^aws_ram_resource_share_accepter\./),
    ]);
    const ingress = only(json, "aws_vpc_security_group_ingress_rule");
    expect(ingress).toMatchObject({ provider: "aws.partner", from_port: 5432, to_port: 5432, cidr_ipv4: "10.1.0.0/16" });
  });

  test("by DNS name and port, with the database's security group opened to the gateway's group", () => {
    const stack = stackWithProvider();
    const vpc = ownerVpc(stack);
    const databaseSecurityGroup = new SecurityGroup(stack, "DbSg", { vpc, description: "orders database" });
    const partnerProvider = new AwsProvider(stack, "partner", { alias: "partner", region: "us-east-1" });
    const partnerVpc = Vpc.fromVpcAttributes(stack, "PartnerVpc", {
      vpcId: "vpc-0cccccccccccccccc",
      cidrBlock: "10.1.0.0/16",
      privateSubnets: [
        { subnetId: "subnet-0aaaaaaaaaaaaaaaa", availabilityZone: "us-east-1a" },
        { subnetId: "subnet-0bbbbbbbbbbbbbbbb", availabilityZone: "us-east-1b" },
      ],
      provider: partnerProvider,
    });
    new SharedDatabase(stack, "Orders", {
      name: "orders-db",
      vpc,
      databaseDomainName: "orders.cluster-abc123.us-east-1.rds.amazonaws.com",
      port: 3306,
      databaseSecurityGroup,
      partnerAccountId: "222222222222",
      partnerProvider,
      partnerVpc,
    });
    const json = synthJson(stack);
    expect(only(json, "aws_vpclattice_resource_configuration")).toMatchObject({
      type: "SINGLE",
      port_ranges: ["3306"],
      resource_configuration_definition: [{ dns_resource: [{ domain_name: "orders.cluster-abc123.us-east-1.rds.amazonaws.com" }] }],
    });
    const ingress = Object.values(json.resource.aws_vpc_security_group_ingress_rule) as Record<string, unknown>[];
    expect(ingress).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          security_group_id: expect.stringMatching(/aws_security_group\.DbSg/),
          referenced_security_group_id: expect.stringMatching(/aws_security_group\.Orders_Gateway_SecurityGroup/),
          from_port: 3306,
        }),
      ]),
    );
  });

  test("associates the configuration with a service network whose resource access logs are on", () => {
    const stack = stackWithProvider();
    const network = new ServiceNetwork(stack, "Network", {
      name: "owner-network",
      authPolicy: undefined,
      accessLogs: AccessLogs.toNewLogGroup(),
      sharing: undefined,
      allowUnauthenticatedAccess: true,
      authType: "NONE",
    });
    const partnerProvider = new AwsProvider(stack, "partner", { alias: "partner", region: "us-east-1" });
    new SharedDatabase(stack, "Orders", {
      name: "orders-db",
      vpc: ownerVpc(stack),
      databaseArn: RDS_ARN,
      port: 5432,
      databaseIngressManagedElsewhere: INGRESS_ELSEWHERE,
      partnerAccountId: "222222222222",
      partnerProvider,
      partnerVpc: new Vpc(stack, "PartnerVpc", {
        name: "p",
        cidrBlock: "10.1.0.0/16",
        availabilityZones: ["us-east-1a", "us-east-1b"],
        provider: partnerProvider,
      }),
      serviceNetwork: network,
    });
    const json = synthJson(stack);
    expect(only(json, "aws_vpclattice_service_network_resource_association")).toMatchObject({
      service_network_identifier: expect.stringMatching(/aws_vpclattice_service_network\.\w+\.arn/),
      resource_configuration_identifier: expect.stringMatching(/aws_vpclattice_resource_configuration\.\w+\.arn/),
    });
    expect(
      Object.values(json.resource.aws_vpclattice_access_log_subscription).map(
        (s) => (s as { service_network_log_type: string }).service_network_log_type,
      ),
    ).toContain("RESOURCE");
  });

  test("joins a service network shared with other accounts when it opts in; fails at synth without it (AWS refuses the association)", () => {
    const build = (allowAssociationToShareableServiceNetwork?: OptOut) => {
      const stack = stackWithProvider();
      const network = new ServiceNetwork(stack, "Platform", {
        name: "platform",
        resourceConfigurationsOnly: true,
        sharing: { principals: [SharePrincipal.account("333333333333")] },
      });
      const reporting = new Vpc(stack, "Reporting", {
        name: "reporting",
        cidrBlock: "10.10.0.0/16",
        availabilityZones: ["us-east-1a", "us-east-1b"],
      });
      network.associateVpc("reporting", { vpc: reporting, ports: [Port.tcp(5432)] });
      const vpc = ownerVpc(stack);
      const { resourceConfiguration } = new SharedDatabase(stack, "Orders", {
        name: "orders-db",
        vpc,
        databaseSecurityGroup: new SecurityGroup(stack, "Db", { vpc, description: "Orders database" }),
        database: ResourceDefinition.arn(RDS_ARN),
        port: 5432,
        sharing: { principals: [SharePrincipal.account("222222222222")] },
        serviceNetwork: network,
        allowAssociationToShareableServiceNetwork,
      });
      return { stack, reporting, resourceConfiguration };
    };
    expectValidationError(() => build(), "resourceConfiguration", "Orders");
    const allowed = build(OptOut.because("The platform network is shared with every team that reports on orders"));
    expect(only(synthJson(allowed.stack), "aws_vpclattice_resource_configuration").allow_association_to_shareable_service_network).toBe(true);
    expectFlow(allowed.stack, allowed.reporting, { target: allowed.resourceConfiguration, port: 5432 }).toBeAllowed();
  });

  describe("fails when", () => {
    test("both or neither of databaseArn and databaseDomainName are given", () => {
      expectValidationError(
        () => sharedDatabase({ databaseDomainName: "db.example.com" }),
        "database, databaseArn, databaseDomainName",
        "databaseArn and databaseDomainName",
      );
      expectValidationError(() => sharedDatabase({ databaseArn: undefined }), "database, databaseArn, databaseDomainName", "none of them");
    });

    test("the port is out of range", () => {
      expectValidationError(() => sharedDatabase({ port: 70000 }), "port", "70000");
    });

    test("the partner account ID is malformed", () => {
      expectValidationError(() => sharedDatabase({ partnerAccountId: "2222" }), "partnerAccountId", '"2222"');
    });

    test("there is neither a VPC nor a gateway", () => {
      expectValidationError(() => sharedDatabase({ vpc: undefined }), "vpc", "undefined");
    });

    test("the database's security group must admit a given gateway that has no group of its own, and there is no VPC to take the CIDR from", () => {
      const stack = stackWithProvider();
      const vpc = ownerVpc(stack);
      const databaseSecurityGroup = new SecurityGroup(stack, "DbSg", { vpc, description: "orders database" });
      const resourceGateway = ResourceGateway.fromAttributes(stack, "Gateway", {
        resourceGatewayArn: "arn:aws:vpc-lattice:us-east-1:111111111111:resourcegateway/rgw-0123456789abcdef0",
      });
      const partnerProvider = new AwsProvider(stack, "partner", { alias: "partner", region: "us-east-1" });
      expectValidationError(
        () =>
          new SharedDatabase(stack, "Orders", {
            name: "orders-db",
            resourceGateway,
            databaseArn: RDS_ARN,
            port: 5432,
            databaseSecurityGroup,
            partnerAccountId: "222222222222",
            partnerProvider,
            partnerVpc: new Vpc(stack, "PartnerVpc", {
              name: "p",
              cidrBlock: "10.1.0.0/16",
              availabilityZones: ["us-east-1a", "us-east-1b"],
              provider: partnerProvider,
            }),
          }),
        "resourceGateway",
        "rgw-0123456789abcdef0",
      );
    });

    test("an ARN database has neither databaseSecurityGroup nor databaseIngressManagedElsewhere: RDS's groups would drop every connection from the gateway", () => {
      const error = expectValidationError(
        () =>
          sharedDatabase({
            databaseArn: undefined,
            database: ResourceDefinition.arn(RDS_ARN),
            port: 3306,
            databaseIngressManagedElsewhere: undefined,
          }),
        "databaseSecurityGroup",
        "undefined",
      );
      expect(error.expected).toContain("admitting the resource gateway on 3306");
      expect(error.expected).toContain("databaseIngressManagedElsewhere");
      // The deprecated databaseArn is an ARN database too.
      expectValidationError(() => sharedDatabase({ databaseIngressManagedElsewhere: undefined }), "databaseSecurityGroup", "undefined");
      // Valid neighbours: the opt-out saying who admits the gateway (recorded on the configuration), the database's group, or a DNS database (it may have no group).
      const configuration = Object.values(
        (sharedDatabase().stack.toTerraform() as { resource: Record<string, Record<string, { "//": { opt_outs: Record<string, string> } }>> })
          .resource.aws_vpclattice_resource_configuration,
      )[0];
      expect(configuration["//"].opt_outs.database_ingress_managed_elsewhere).toContain("database team's stack");
      const { stack } = sharedDatabase({
        databaseIngressManagedElsewhere: undefined,
        databaseArn: undefined,
        database: ResourceDefinition.dns("orders.example.com"),
      });
      expect(resourcesOfType(stack, "aws_vpclattice_resource_configuration")).not.toEqual({});
      const withGroup = stackWithProvider();
      const vpc = ownerVpc(withGroup);
      const databaseSecurityGroup = SecurityGroup.fromSecurityGroupAttributes(withGroup, "DbGroup", {
        securityGroupId: "sg-0ddddddddddddddd1",
        vpcId: vpc.vpcId,
      });
      expect(
        () =>
          new SharedDatabase(withGroup, "Orders", {
            name: "orders-db",
            vpc,
            database: ResourceDefinition.arn(RDS_ARN),
            port: 5432,
            databaseSecurityGroup,
            sharing: { principals: [SharePrincipal.account("222222222222")] },
          }),
      ).not.toThrow();
    });

    test("databaseIngressManagedElsewhere is not an OptOut with a reason, or comes beside databaseSecurityGroup", () => {
      expectValidationError(() => sharedDatabase({ databaseIngressManagedElsewhere: true as never }), "databaseIngressManagedElsewhere", "true");
      expectValidationError(
        () => sharedDatabase({ databaseIngressManagedElsewhere: OptOut.because("dba") }),
        "databaseIngressManagedElsewhere",
        "dba",
      );
      const stack = stackWithProvider();
      const vpc = ownerVpc(stack);
      const error = expectValidationError(
        () =>
          new SharedDatabase(stack, "Orders", {
            name: "orders-db",
            vpc,
            database: ResourceDefinition.arn(RDS_ARN),
            port: 5432,
            databaseSecurityGroup: new SecurityGroup(stack, "Db", { vpc, description: "Orders database" }),
            databaseIngressManagedElsewhere: INGRESS_ELSEWHERE,
            sharing: { principals: [SharePrincipal.account("222222222222")] },
          }),
        "databaseIngressManagedElsewhere",
        "admits the gateway",
      );
      expect(error.expected).toContain("nothing beside databaseSecurityGroup");
    });

    test("the name leaves no room for the gateway's suffix", () => {
      expectValidationError(() => sharedDatabase({ name: "a".repeat(38) }), "name", "a".repeat(38));
    });

    test("no port is given: 5432 was assumed, and a MySQL database's traffic was dropped by every group opened here", () => {
      // By ARN AWS takes the port from RDS, and the gateway's egress, the database's group and the endpoint must open the same.
      const byArn = expectValidationError(() => sharedDatabase({ port: undefined }), "port", "undefined");
      expect(byArn.expected).toContain("AWS takes it from RDS");
      expect(byArn.expected).toContain("3306 for MySQL");
      // By DNS name (or IP) the port is the only one the configuration offers.
      const byName = expectValidationError(
        () =>
          sharedDatabase({
            databaseArn: undefined,
            database: ResourceDefinition.dns("orders.cluster-abc.us-east-1.rds.amazonaws.com"),
            port: undefined,
          }),
        "port",
        "undefined",
      );
      expect(byName.expected).toContain("the configuration offers only it");
      // A JavaScript caller's null is no port either (it became 5432).
      expectValidationError(() => sharedDatabase({ port: null as never }), "port", "null");
      // The port given is the one opened, for MySQL as for PostgreSQL.
      const json = synthJson(sharedDatabase({ port: 3306 }).stack);
      expect(only(json, "aws_vpc_security_group_egress_rule")).toMatchObject({ from_port: 3306, to_port: 3306 });
    });

    test("the name or the gateway is null (a JavaScript caller): refused, not a TypeError", () => {
      expectValidationError(() => sharedDatabase({ name: null as never }), "name", "null");
      expectValidationError(() => sharedDatabase({ name: 12 as never }), "name", "12");
      expectValidationError(() => sharedDatabase({ vpc: undefined, resourceGateway: null as never }), "resourceGateway", "null");
    });

    test("a provider or the partner's provider is not a provider (a JavaScript caller's alias): cdktf drops it, and the resources land in the default account", () => {
      expectValidationError(() => sharedDatabase({ provider: "owner" as never }), "provider", '"owner"');
      const error = expectValidationError(() => sharedDatabase({ partnerProvider: "partner" as never }), "partnerProvider", '"partner"');
      expect(error.expected).toContain("an AwsProvider (the partner account's)");
    });
  });

  describe("existing resources and the owner's half alone", () => {
    const SHARING = {
      principals: [SharePrincipal.account("222222222222")],
      allowExternalPrincipals: OptOut.because("The partner is outside our organization and accepts the share"),
    };

    test("an existing gateway (its groups), an existing database group and an existing service network, all by importer; no partner provider", () => {
      const stack = stackWithProvider();
      const gatewayGroup = SecurityGroup.fromSecurityGroupAttributes(stack, "GatewayGroup", {
        securityGroupId: "sg-0aaaaaaaaaaaaaaaa",
        vpcId: "vpc-0123456789abcdef0",
      });
      const resourceGateway = ResourceGateway.fromResourceGatewayAttributes(stack, "Gateway", {
        resourceGatewayArn: "arn:aws:vpc-lattice:us-east-1:111111111111:resourcegateway/rgw-0123456789abcdef0",
        securityGroups: [gatewayGroup],
        subnets: [
          { subnetId: "subnet-0123456789abcdef0", availabilityZoneId: "use1-az1" },
          { subnetId: "subnet-0123456789abcdef1", availabilityZoneId: "use1-az2" },
        ],
      });
      const databaseSecurityGroup = SecurityGroup.fromSecurityGroupAttributes(stack, "DbGroup", {
        securityGroupId: "sg-0bbbbbbbbbbbbbbbb",
        vpcId: "vpc-0123456789abcdef0",
      });
      const db = new SharedDatabase(stack, "Orders", {
        name: "orders-db",
        resourceGateway,
        database: ResourceDefinition.arn(RDS_ARN),
        port: 5432,
        databaseSecurityGroup,
        sharing: SHARING,
        serviceNetwork: ServiceNetwork.fromArn(stack, "Data", "arn:aws:vpc-lattice:us-east-1:111111111111:servicenetwork/sn-0123456789abcdef0"),
      });
      const json = synthJson(stack);
      expect(db.endpoint).toBeUndefined();
      expect(json.resource.aws_vpc_endpoint).toBeUndefined();
      expect(json.resource.aws_vpclattice_resource_gateway).toBeUndefined();
      expect(only(json, "aws_vpclattice_resource_configuration")).toMatchObject({
        type: "ARN",
        resource_gateway_identifier: "rgw-0123456789abcdef0",
      });
      // The existing database group admits the existing gateway's group on the port, a rule made here with the group's ID.
      expect(only(json, "aws_vpc_security_group_ingress_rule")).toMatchObject({
        security_group_id: "sg-0bbbbbbbbbbbbbbbb",
        referenced_security_group_id: "sg-0aaaaaaaaaaaaaaaa",
        from_port: 5432,
      });
      expect(only(json, "aws_vpclattice_service_network_resource_association").service_network_identifier).toBe(
        "arn:aws:vpc-lattice:us-east-1:111111111111:servicenetwork/sn-0123456789abcdef0",
      );
      expect(db.contract).toMatchObject({ type: "ARN", ports: [Port.tcp(5432)], gatewayAvailabilityZoneIds: ["use1-az1", "use1-az2"] });
    });

    test("the database group of a gateway made here is admitted by the gateway's group, keyed resource-gateway as before", () => {
      const stack = stackWithProvider();
      const vpc = ownerVpc(stack);
      const databaseSecurityGroup = new SecurityGroup(stack, "DbSg", { vpc, description: "orders database" });
      new SharedDatabase(stack, "Orders", {
        name: "orders-db",
        vpc,
        database: ResourceDefinition.dns("orders.cluster-abc.us-east-1.rds.amazonaws.com"),
        port: 3306,
        databaseSecurityGroup,
        sharing: SHARING,
      });
      const ingress = resourcesOfType(stack, "aws_vpc_security_group_ingress_rule");
      expect(Object.keys(ingress)).toEqual([expect.stringMatching(/^DbSg_Ingress-tcp-3306-sg-resource-gateway_/)]);
    });

    test("fails when the database definition brings its own security-group ports (SharedDatabase opens port)", () => {
      expectValidationError(
        () => sharedDatabase({ databaseArn: undefined, database: ResourceDefinition.arn(RDS_ARN, { securityGroupPorts: [Port.tcp(5432)] }) }),
        "database.securityGroupPorts",
        "5432",
      );
    });

    test("fails when the database is not a ResourceDefinition (a JavaScript caller)", () => {
      expectValidationError(() => sharedDatabase({ databaseArn: undefined, database: RDS_ARN as never }), "database", RDS_ARN);
    });

    test("fails when the database's ARN is not an RDS database of the stack's region", () => {
      expectValidationError(() => sharedDatabase({ databaseArn: "arn:aws:rds:us-west-2:111111111111:db:orders" }), "resource.arn", "us-west-2");
    });
  });
});

describe("SharedDatabase: a port only Terraform knows", () => {
  test("fails at port when it is a reference (the rules opened on it are keyed by it at synth), not inside the configuration; a number passes", () => {
    for (const arn of [true, false]) {
      const stack = stackWithProvider();
      const props = (port: number, on: TerraformStack = stack) => ({
        name: "orders-db",
        vpc: ownerVpc(on),
        database: arn ? ResourceDefinition.arn(RDS_ARN) : ResourceDefinition.dns("orders.cluster-abc123.us-east-1.rds.amazonaws.com"),
        databaseIngressManagedElsewhere: arn ? INGRESS_ELSEWHERE : undefined,
        port,
        sharing: { principals: [SharePrincipal.account("222222222222")] },
      });
      const port = new TerraformVariable(stack, "port", { type: "number" }).numberValue;
      const error = expectValidationError(() => new SharedDatabase(stack, "Orders", props(port)), "port", "<number known at apply>");
      expect(error.message).toContain("/Orders: invalid port");
      expect(error.expected).toMatch(/^a literal port/);
      const other = stackWithProvider();
      expect(() => new SharedDatabase(other, "Orders", props(5432, other))).not.toThrow();
    }
  });
});
