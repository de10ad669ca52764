import { TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Port, PortRange } from "../../modules/core";
import { ServiceNetworkEndpoint } from "../../modules/endpoints";
import { ServiceNetwork } from "../../modules/lattice";
import { ResourceConfiguration } from "../../modules/resources";
import { gatewayStack } from "../resources/helpers";
import { ResourceShare, SharePrincipal } from "../../modules/ram";
import { Vpc } from "../../modules/vpc";
import { expectValidationError, onlyResource, resourcesOfType, stackWithProvider, synthJson, testApp } from "../helpers";
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

  describe("to a network this app shares through RAM", () => {
    /** A network of account 111111111111 shared with 222222222222, and an endpoint made with `account`'s provider (the owner's by default). */
    const build = (account?: string, dependsOnShare = false) => {
      const stack = new TerraformStack(testApp(), "test");
      new AwsProvider(stack, "aws", { region: "us-east-1", allowedAccountIds: ["111111111111"] });
      const provider =
        account === undefined
          ? undefined
          : new AwsProvider(stack, "consumer", { region: "us-east-1", alias: "consumer", allowedAccountIds: account === "" ? undefined : [account] });
      const network = new ServiceNetwork(stack, "Sn", { name: "mesh", sharing: { principals: [SharePrincipal.account("222222222222")] } });
      const vpc = new Vpc(stack, "ConsumerVpc", {
        name: "consumer",
        cidrBlock: "10.9.0.0/16",
        availabilityZones: ["us-east-1a", "us-east-1b"],
        provider,
      });
      new ServiceNetworkEndpoint(stack, "Ep", { vpc, serviceNetwork: network, dependsOn: dependsOnShare ? network.shareDependencies : undefined });
      return stack;
    };
    const waits = (stack: TerraformStack) => onlyResource(synthJson(stack), "aws_vpc_endpoint").depends_on;
    const SHARE = [
      expect.stringMatching(/^aws_ram_principal_association\.Sn_Share_Principal-account-222222222222_/),
      expect.stringMatching(/^aws_ram_resource_association\.Sn_Share_Resource-service-network_/),
    ];

    test("made in an account the share names (or one its provider does not pin), it waits for the share by itself, once", () => {
      expect(waits(build("222222222222"))).toEqual(SHARE);
      expect(waits(build(""))).toEqual(SHARE);
      // Given the share's dependencies too: each once.
      expect(waits(build("222222222222", true))).toEqual(SHARE);
    });

    test("made with the network owner's provider or account, it waits for nothing", () => {
      expect(waits(build())).toBeUndefined();
      expect(waits(build("111111111111"))).toBeUndefined();
    });

    test("fails when made in an account the share leaves out (RAM never gives it the network, and AWS refuses the endpoint)", () => {
      const error = expectValidationError(() => synthJson(build("333333333333")), "provider", "333333333333");
      expect(error.constructPath).toBe("test/Ep");
      expect(error.expected).toContain("the network test/Sn is shared with (sharing.principals: 222222222222)");
      expect(error.expected).toContain("RAM gives account 333333333333 nothing to connect to");
      expect(() => synthJson(build("222222222222"))).not.toThrow();
    });

    test("an organization or OU share may hold any account: the endpoint waits for it, unrefused", () => {
      const stack = new TerraformStack(testApp(), "test");
      new AwsProvider(stack, "aws", { region: "us-east-1", allowedAccountIds: ["111111111111"] });
      const consumer = new AwsProvider(stack, "consumer", { region: "us-east-1", alias: "consumer", allowedAccountIds: ["333333333333"] });
      const network = new ServiceNetwork(stack, "Sn", {
        name: "mesh",
        sharing: { principals: [SharePrincipal.organization("arn:aws:organizations::111111111111:organization/o-a1b2c3d4e5")] },
      });
      const vpc = new Vpc(stack, "ConsumerVpc", {
        name: "consumer",
        cidrBlock: "10.9.0.0/16",
        availabilityZones: ["us-east-1a", "us-east-1b"],
        provider: consumer,
      });
      new ServiceNetworkEndpoint(stack, "Ep", { vpc, serviceNetwork: network });
      expect(onlyResource(synthJson(stack), "aws_vpc_endpoint").depends_on).toHaveLength(2);
      expect(Object.keys(resourcesOfType(stack, "aws_ram_principal_association"))).toHaveLength(1);
    });
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
