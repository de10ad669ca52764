import { Port, PortRange } from "../../modules/core";
import { ServiceNetworkEndpoint } from "../../modules/endpoints";
import { ServiceNetwork } from "../../modules/lattice";
import { ResourceConfiguration } from "../../modules/resources";
import { gatewayStack } from "../resources/helpers";
import { ResourceShare, SharePrincipal } from "../../modules/ram";
import { expectValidationError, onlyResource, stackWithProvider, synthJson } from "../helpers";
import { ingressPortRanges, testVpc } from "./helpers";

const NETWORK_ARN = "arn:aws:vpc-lattice:us-east-1:111111111111:servicenetwork/sn-0123456789abcdef0";

describe("ServiceNetworkEndpoint", () => {
  test("a ServiceNetwork endpoint to the network, HTTPS only by default", () => {
    const stack = stackWithProvider();
    new ServiceNetworkEndpoint(stack, "Mesh", { vpc: testVpc(stack), serviceNetwork: { serviceNetworkArn: NETWORK_ARN } });
    const json = synthJson(stack);
    expect(onlyResource(json, "aws_vpc_endpoint")).toMatchObject({
      vpc_endpoint_type: "ServiceNetwork",
      service_network_arn: NETWORK_ARN,
      private_dns_enabled: false,
    });
    expect(ingressPortRanges(json)).toEqual([[443, 443]]);
  });

  test("fails when its own group misses a port of a resource configuration in the network (its clients would be dropped), as a VPC association does", () => {
    const build = (ports?: PortRange[]) => {
      const { stack, gateway } = gatewayStack();
      const network = new ServiceNetwork(stack, "Data", { name: "data", resourceConfigurationsOnly: true });
      const database = new ResourceConfiguration(stack, "Db", {
        name: "orders-db",
        resourceGateway: gateway,
        ipResource: { ipAddress: "10.0.0.50" },
        ports: [Port.tcp(5432)],
      });
      network.associateResourceConfiguration("db", database);
      new ServiceNetworkEndpoint(stack, "Analytics", {
        vpc: testVpc(stack, undefined, "AnalyticsVpc", "10.50.0.0/16"),
        serviceNetwork: network,
        ports,
      });
      return () => synthJson(stack);
    };
    const error = expectValidationError(build(), "ports", "443 (the default)");
    expect(error.expected).toContain("ports that include 5432: resource configuration");
    expect(error.expected).toContain("the endpoint's security group would drop its clients");
    expect(build([Port.tcp(5432)])).not.toThrow();
  });

  test("ports and private DNS as asked", () => {
    const stack = stackWithProvider();
    new ServiceNetworkEndpoint(stack, "Mesh", {
      vpc: testVpc(stack),
      serviceNetwork: { serviceNetworkArn: NETWORK_ARN },
      ports: [
        { from: 80, to: 80 },
        { from: 443, to: 443 },
      ],
      privateDnsEnabled: true,
    });
    const json = synthJson(stack);
    expect(onlyResource(json, "aws_vpc_endpoint").private_dns_enabled).toBe(true);
    expect(ingressPortRanges(json).sort((a, b) => a[0] - b[0])).toEqual([
      [80, 80],
      [443, 443],
    ]);
  });

  test("waits for what it is given, such as the share of a network from another account", () => {
    const stack = stackWithProvider();
    const share = new ResourceShare(stack, "Share", { name: "mesh", principals: [SharePrincipal.account("222222222222")] });
    const association = share.addResource("network", NETWORK_ARN);
    new ServiceNetworkEndpoint(stack, "Mesh", {
      vpc: testVpc(stack),
      serviceNetwork: { serviceNetworkArn: NETWORK_ARN },
      dependsOn: share.consumerDependencies(association),
    });
    expect(onlyResource(synthJson(stack), "aws_vpc_endpoint").depends_on).toEqual([
      expect.stringMatching(/^aws_ram_principal_association\.Share_Principal-account-222222222222_/),
      expect.stringMatching(/^aws_ram_resource_association\.Share_Resource-network_/),
    ]);
  });

  test("fails when the DNS record type does not fit the endpoint's IP address type", () => {
    const stack = stackWithProvider();
    expectValidationError(
      () =>
        new ServiceNetworkEndpoint(stack, "Mesh", {
          vpc: testVpc(stack),
          serviceNetwork: { serviceNetworkArn: NETWORK_ARN },
          dnsRecordIpType: "dualstack",
        }),
      "dnsRecordIpType",
      "dualstack",
    );
  });

  test("fails when a port range is missing or private DNS is not a boolean (JavaScript callers)", () => {
    const build = (extra: object) => () => {
      const stack = stackWithProvider();
      return new ServiceNetworkEndpoint(stack, "Mesh", { vpc: testVpc(stack), serviceNetwork: { serviceNetworkArn: NETWORK_ARN }, ...extra });
    };
    expectValidationError(build({ ports: [undefined] }), "ports[0]", "undefined");
    expectValidationError(build({ privateDnsEnabled: "no" }), "privateDnsEnabled", "no");
  });
});
