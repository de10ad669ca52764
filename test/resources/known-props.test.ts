import { Port } from "../../modules/core";
import { SharePrincipal } from "../../modules/ram";
import {
  DnsResourceGroup,
  ResourceConfiguration,
  ResourceDefinition,
  ResourceGateway,
  SharedDatabase,
  SharedResourceAccess,
  SharedResourceConsumer,
} from "../../modules/resources";
import { expectValidationError, stackWithProvider } from "../helpers";
import { gatewayStack, ownerVpc } from "./helpers";

/**
 * A misspelled optional prop (from JavaScript, `as any`, props built in a
 * variable) was ignored and its default applied: each construct, importer
 * and nested props object of the area now refuses it, naming it and the
 * nearest prop it takes.
 */

const RDS_ARN = "arn:aws:rds:us-east-1:111111111111:db:orders";
const GATEWAY_ARN = "arn:aws:vpc-lattice:us-east-1:111111111111:resourcegateway/rgw-0123456789abcdef0";
const CONFIG_ARN = "arn:aws:vpc-lattice:us-east-1:111111111111:resourceconfiguration/rcfg-0123456789abcdef0";
const partner = { principals: [SharePrincipal.account("222222222222")] };

describe("fails when a prop is misspelled", () => {
  test("ResourceGateway and its importer: ipAdressType would leave the gateway IPV4", () => {
    const stack = stackWithProvider();
    const vpc = ownerVpc(stack);
    const error = expectValidationError(
      () => new ResourceGateway(stack, "Gateway", { name: "owner-gw", vpc, ipAdressType: "DUALSTACK" } as never),
      "ipAdressType",
      "DUALSTACK",
    );
    expect(error.constructPath).toBe("test/Gateway");
    expect(error.message).toContain("did you mean ipAddressType?");
    const imported = expectValidationError(
      () =>
        ResourceGateway.fromResourceGatewayAttributes(stack, "Imported", { resourceGatewayArn: GATEWAY_ARN, securityGroupIds: ["sg-1"] } as never),
      "securityGroupIds",
      "sg-1",
    );
    expect(imported.message).toContain("did you mean securityGroups?");
  });

  test("ResourceConfiguration, its GROUP, its CHILD and its importer", () => {
    const { stack, gateway } = gatewayStack();
    const single = expectValidationError(
      () =>
        new ResourceConfiguration(stack, "Db", {
          name: "orders-db",
          resourceGateway: gateway,
          resource: ResourceDefinition.dns("orders.db.example.com"),
          ports: [Port.tcp(5432)],
          allowAssociationToShareableServiceNetworks: true,
        } as never),
      "allowAssociationToShareableServiceNetworks",
      "true",
    );
    expect(single.constructPath).toBe("test/Db");
    expect(single.message).toContain("did you mean allowAssociationToShareableServiceNetwork?");
    expect(
      expectValidationError(
        () => ResourceConfiguration.group(stack, "Apps", { name: "apps", resourceGateway: gateway, tag: { team: "a" } } as never),
        "tag",
        "team",
      ).message,
    ).toContain("did you mean tags?");
    const group = ResourceConfiguration.group(stack, "Group", { name: "apps", resourceGateway: gateway });
    const child = expectValidationError(
      () =>
        group.addChild("Billing", {
          name: "apps-billing",
          resource: ResourceDefinition.dns("billing.apps.example.com"),
          ports: [Port.tcp(443)],
          resourceSecurityGroup: "sg-1",
        } as never),
      "resourceSecurityGroup",
      "sg-1",
    );
    expect(child.constructPath).toBe("test/Billing");
    expect(child.message).toContain("did you mean resourceSecurityGroups?");
    const imported = expectValidationError(
      () =>
        ResourceConfiguration.fromResourceConfigurationAttributes(stack, "Imported", {
          resourceConfigurationArn: CONFIG_ARN,
          gatewayAvailabilityZoneId: ["use1-az1"],
        } as never),
      "gatewayAvailabilityZoneId",
      "use1-az1",
    );
    expect(imported.message).toContain("did you mean gatewayAvailabilityZoneIds?");
  });

  test("a definition's options and the deprecated definitions, named under the prop they were given as", () => {
    const { stack, gateway } = gatewayStack();
    const dns = expectValidationError(
      () =>
        new ResourceConfiguration(stack, "Dns", {
          name: "orders-db",
          resourceGateway: gateway,
          resource: ResourceDefinition.dns("orders.db.example.com", { ipAdressType: "IPV6" } as never),
          ports: [Port.tcp(5432)],
        }),
      "resource.ipAdressType",
      "IPV6",
    );
    expect(dns.message).toContain("did you mean ipAddressType?");
    expect(
      expectValidationError(
        () =>
          new ResourceConfiguration(stack, "Arn", {
            name: "orders-arn",
            resourceGateway: gateway,
            resource: ResourceDefinition.arn(RDS_ARN, { securityGroupPort: [Port.tcp(5432)] } as never),
          }),
        "resource.securityGroupPort",
        "5432",
      ).message,
    ).toContain("did you mean securityGroupPorts?");
    expect(
      expectValidationError(
        () =>
          new ResourceConfiguration(stack, "Legacy", {
            name: "orders-legacy",
            resourceGateway: gateway,
            dnsResource: { domainName: "orders.db.example.com", ipAddresType: "IPV6" } as never,
            portRanges: ["5432"],
          }),
        "dnsResource.ipAddresType",
        "IPV6",
      ).message,
    ).toContain("did you mean ipAddressType?");
  });

  test("SharedResourceAccess, its sharing and its partner: sharing.allowExternalPrincipal would leave the partner outside unable to accept", () => {
    const { stack, gateway, vpc } = gatewayStack();
    const resourceConfiguration = new ResourceConfiguration(stack, "Host", {
      name: "build-host",
      resourceGateway: gateway,
      resource: ResourceDefinition.ipAddress("10.0.0.50"),
      ports: [Port.tcp(8000)],
    });
    const sharing = expectValidationError(
      () =>
        new SharedResourceAccess(stack, "Access", {
          name: "build-host",
          resourceConfiguration,
          sharing: { ...partner, allowExternalPrincipal: true } as never,
        }),
      "sharing.allowExternalPrincipal",
      "true",
    );
    expect(sharing.constructPath).toBe("test/Access");
    expect(sharing.message).toContain("did you mean allowExternalPrincipals?");
    expect(
      expectValidationError(
        () => new SharedResourceAccess(stack, "Access2", { name: "build-host", resourceConfiguration, sharing: partner, tag: { a: "b" } } as never),
        "tag",
        "a",
      ).message,
    ).toContain("did you mean tags?");
    expect(
      expectValidationError(
        () =>
          new SharedResourceAccess(stack, "Access3", {
            name: "build-host",
            resourceConfiguration,
            sharing: partner,
            partner: { provider: stack.node.findChild("aws"), vpc, subnet: "subnet-1" } as never,
          }),
        "partner.subnet",
        "subnet-1",
      ).message,
    ).toContain("did you mean subnets?");
  });

  test("SharedDatabase: prot would leave the gateway, the database's group and the endpoint on 5432", () => {
    const stack = stackWithProvider();
    const error = expectValidationError(
      () =>
        new SharedDatabase(stack, "Orders", {
          name: "orders-db",
          vpc: ownerVpc(stack),
          database: ResourceDefinition.arn(RDS_ARN),
          sharing: partner,
          prot: 3306,
        } as never),
      "prot",
      "3306",
    );
    expect(error.constructPath).toBe("test/Orders");
    expect(error.message).toContain("did you mean port?");
  });

  test("DnsResourceGroup and its members", () => {
    const stack = stackWithProvider();
    const vpc = ownerVpc(stack);
    const members = { billing: { domainName: "billing.apps.example.com", ports: [Port.tcp(443)] } };
    expect(
      expectValidationError(
        () => new DnsResourceGroup(stack, "Apps", { name: "apps", vpc, members, shareing: partner } as never),
        "shareing",
        "222222222222",
      ).message,
    ).toContain("did you mean sharing?");
    expect(
      expectValidationError(
        () =>
          new DnsResourceGroup(stack, "Apps2", { name: "apps", vpc, members: { billing: { ...members.billing, ipAddresType: "IPV6" } } } as never),
        "members.billing.ipAddresType",
        "IPV6",
      ).message,
    ).toContain("did you mean ipAddressType?");
  });

  test("SharedResourceConsumer: acceptShareArn would leave the share unaccepted and the endpoint failing at apply", () => {
    const stack = stackWithProvider();
    const vpc = ownerVpc(stack);
    const resourceConfiguration = ResourceConfiguration.fromResourceConfigurationAttributes(stack, "Db", {
      resourceConfigurationArn: CONFIG_ARN,
      ports: [Port.tcp(5432)],
    });
    const error = expectValidationError(
      () => new SharedResourceConsumer(stack, "Access", { resourceConfiguration, vpc, acceptShareArn: "arn:aws:ram:x" } as never),
      "acceptShareArn",
      "arn:aws:ram:x",
    );
    expect(error.message).toContain("did you mean acceptShare?");
  });
});
