import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { OptOut, Port } from "../../modules/core";
import { ResourceEndpoint, ResourceEndpointProps } from "../../modules/endpoints";
import { TerraformStack } from "cdktf";
import { DnsResourceGroup, ResourceConfiguration, ResourceGateway, SharedResourceAccess } from "../../modules/resources";
import { ResourceShare, ResourceShareAccepter, SharePrincipal } from "../../modules/ram";
import { Vpc } from "../../modules/vpc";
import { expectValidationError, onlyResource, resourcesOfType, stackWithProvider, synthJson, testApp } from "../helpers";
import { gatewayStack } from "../resources/helpers";
import { ingressPortRanges, NO_PRIVATE_TIER, testVpc, tieredVpc } from "./helpers";

const CONFIG_ARN = "arn:aws:vpc-lattice:us-east-1:111111111111:resourceconfiguration/rcfg-0123456789abcdef0";

describe("ResourceEndpoint", () => {
  test("a Resource endpoint to the configuration, its group opening only the configuration's port ranges, private DNS off", () => {
    const stack = stackWithProvider();
    const endpoint = new ResourceEndpoint(stack, "Db", {
      vpc: testVpc(stack),
      resourceConfiguration: {
        resourceConfigurationArn: CONFIG_ARN,
        ports: [
          { from: 5432, to: 5432 },
          { from: 8000, to: 8100 },
        ],
      },
    });
    const json = synthJson(stack);
    const resource = onlyResource(json, "aws_vpc_endpoint");
    expect(resource).toMatchObject({ vpc_endpoint_type: "Resource", resource_configuration_arn: CONFIG_ARN, private_dns_enabled: false });
    expect(resource.service_name).toBeUndefined();
    expect(resource.subnet_ids).toHaveLength(2);
    expect(ingressPortRanges(json)).toEqual([
      [5432, 5432],
      [8000, 8100],
    ]);
    expect(endpoint.resource.node.id).toBe("Resource");
  });

  test("explicit ports cover configurations that do not publish theirs (ARN resources)", () => {
    const stack = stackWithProvider();
    new ResourceEndpoint(stack, "Rds", {
      vpc: testVpc(stack),
      resourceConfiguration: { resourceConfigurationArn: CONFIG_ARN, ports: [] },
      ports: [{ from: 3306, to: 3306 }],
    });
    expect(ingressPortRanges(synthJson(stack))).toEqual([[3306, 3306]]);
  });

  test("fails when the subnets default to the VPC's private tier and an imported VPC has app and data tiers only, naming its tiers", () => {
    const stack = stackWithProvider();
    const vpc = tieredVpc(stack);
    const resourceConfiguration = { resourceConfigurationArn: CONFIG_ARN, ports: [{ from: 5432, to: 5432 }] };
    const error = expectValidationError(() => new ResourceEndpoint(stack, "Db", { vpc, resourceConfiguration }), "vpc.privateSubnets", "[]");
    expect(error.expected).toBe(NO_PRIVATE_TIER);
    new ResourceEndpoint(stack, "Db2", { vpc, subnets: vpc.selectSubnets({ tier: "app" }), resourceConfiguration });
    expect(onlyResource(synthJson(stack), "aws_vpc_endpoint").subnet_ids).toEqual(["subnet-0bbbbbbbbbbbbbbb1", "subnet-0bbbbbbbbbbbbbbb2"]);
  });

  test("fails when no port is known and no security group is given", () => {
    const stack = stackWithProvider();
    expectValidationError(
      () => new ResourceEndpoint(stack, "Rds", { vpc: testVpc(stack), resourceConfiguration: { resourceConfigurationArn: CONFIG_ARN, ports: [] } }),
      "ports",
      "[]",
    );
  });

  test("fails when the configuration is a CHILD: AWS reaches a child only through its GROUP", () => {
    const stack = stackWithProvider();
    const child = { resourceConfigurationArn: CONFIG_ARN, type: "CHILD" as const, ports: [{ from: 5432, to: 5432 }] };
    expectValidationError(
      () => new ResourceEndpoint(stack, "Db", { vpc: testVpc(stack), resourceConfiguration: child }),
      "resourceConfiguration.type",
      "CHILD",
    );
  });

  test("fails when two subnets share an availability zone, like every endpoint", () => {
    const stack = stackWithProvider();
    const subnets = [
      { subnetId: "subnet-0aaaaaaaaaaaaaaaa", availabilityZone: "us-east-1a" },
      { subnetId: "subnet-0bbbbbbbbbbbbbbbb", availabilityZone: "us-east-1a" },
    ];
    expectValidationError(
      () =>
        new ResourceEndpoint(stack, "Db", {
          vpc: testVpc(stack),
          subnets,
          resourceConfiguration: { resourceConfigurationArn: CONFIG_ARN, ports: [{ from: 5432, to: 5432 }] },
        }),
      "subnets",
      "us-east-1a",
    );
  });
});

function endpointTo(extra: Partial<ResourceEndpointProps> = {}) {
  const { stack, gateway } = gatewayStack();
  const resourceConfiguration = new ResourceConfiguration(stack, "Range", {
    name: "worker-api",
    resourceGateway: gateway,
    ipResource: { ipAddress: "10.0.0.50" },
    portRanges: ["8000-8100", "9443"],
  });
  const vpc = new Vpc(stack, "ClientVpc", { name: "client", cidrBlock: "10.9.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
  return { stack, build: () => new ResourceEndpoint(stack, "Endpoint", { vpc, resourceConfiguration, ...extra }) };
}

describe("a Resource endpoint to a ResourceConfiguration", () => {
  test("targets the configuration's ARN and opens only its port ranges", () => {
    const { stack, build } = endpointTo();
    build();
    expect(Object.values(resourcesOfType(stack, "aws_vpc_endpoint"))).toEqual([
      expect.objectContaining({
        vpc_endpoint_type: "Resource",
        resource_configuration_arn: expect.stringMatching(/aws_vpclattice_resource_configuration\.Range_\w+\.arn/),
      }),
    ]);
    expect(Object.values(resourcesOfType(stack, "aws_vpc_security_group_ingress_rule")).map((r) => [r.from_port, r.to_port])).toEqual([
      [8000, 8100],
      [9443, 9443],
    ]);
  });

  test("fails when a port range is missing or private DNS is not a boolean (JavaScript callers)", () => {
    expectValidationError(endpointTo({ ports: [undefined as never] }).build, "ports[0]", "undefined");
    expectValidationError(endpointTo({ ports: [{ from: 443 } as never] }).build, "ports[0].to", "undefined");
    expectValidationError(endpointTo({ privateDnsEnabled: "yes" as never }).build, "privateDnsEnabled", "yes");
  });

  test("fails when ports open a port the configuration does not offer (80 for 443): VPC Lattice carries none other, and the offered ports stay closed", () => {
    const error = expectValidationError(endpointTo({ ports: [Port.tcp(80)] }).build, "ports[0]", "80");
    expect(error.expected).toContain("a port the resource configuration offers (8000-8100, 9443)");
    // A range reaching past the offered ones is refused at its first port outside them.
    expectValidationError(endpointTo({ ports: [Port.range(9000, 9443)] }).build, "ports[0]", "9000-9443");
    // A subset of the offered ports is fine: the group opens only those.
    const { stack, build } = endpointTo({ ports: [Port.range(8000, 8010), Port.tcp(9443)] });
    build();
    expect(ingressPortRanges(synthJson(stack))).toEqual([
      [8000, 8010],
      [9443, 9443],
    ]);
    // A configuration that publishes no ports (an ARN resource without security-group ports) takes any.
    const arn = stackWithProvider();
    new ResourceEndpoint(arn, "Rds", {
      vpc: testVpc(arn),
      resourceConfiguration: { resourceConfigurationArn: CONFIG_ARN, ports: [] },
      ports: [Port.tcp(3306)],
    });
    expect(ingressPortRanges(synthJson(arn))).toEqual([[3306, 3306]]);
  });

  test("fails when the configuration, known by a reference, is of another region than the endpoint's provider: a Resource endpoint reaches its own region's only", () => {
    const { stack, gateway } = gatewayStack();
    const resourceConfiguration = new ResourceConfiguration(stack, "Range", {
      name: "worker-api",
      resourceGateway: gateway,
      ipResource: { ipAddress: "10.0.0.50" },
      portRanges: ["9443"],
    });
    const west = new AwsProvider(stack, "west", { region: "us-west-2", alias: "west" });
    const far = new Vpc(stack, "FarVpc", { name: "far", cidrBlock: "10.9.0.0/16", availabilityZones: ["us-west-2a", "us-west-2b"], provider: west });
    const error = expectValidationError(
      () => new ResourceEndpoint(stack, "Far", { vpc: far, resourceConfiguration, provider: west }),
      "resourceConfiguration",
      "test/Range",
    );
    expect(error.expected).toContain("a resource configuration of us-west-2, the endpoint's region (this one is in us-east-1)");
    const near = new Vpc(stack, "NearVpc", { name: "near", cidrBlock: "10.8.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
    new ResourceEndpoint(stack, "Near", { vpc: near, resourceConfiguration });
    expect(Object.keys(resourcesOfType(stack, "aws_vpc_endpoint"))).toHaveLength(1);
  });

  test("fails when two port ranges overlap (one is a typo, or says the same twice), as resource configurations' ports do", () => {
    const error = expectValidationError(endpointTo({ ports: [Port.range(8000, 8100), Port.tcp(8080)] }).build, "ports[1]", "8080");
    expect(error.expected).toContain("ports[0] is 8000-8100");
  });

  test("fails when it is also given a service name", () => {
    const { build } = endpointTo({ serviceName: "com.amazonaws.us-east-1.s3" } as Partial<ResourceEndpointProps>);
    expectValidationError(build, "serviceName", '"com.amazonaws.us-east-1.s3"');
  });
});

describe("a Resource endpoint shares an availability zone with the resource gateway (AWS needs one)", () => {
  function placed(gatewayZones: string[], endpointZones: string[], options: { otherAccount?: boolean } = {}) {
    const stack = stackWithProvider();
    const consumer = options.otherAccount === true ? new AwsProvider(stack, "consumer", { alias: "consumer", region: "us-east-1" }) : undefined;
    const owner = new Vpc(stack, "OwnerVpc", { name: "owner", cidrBlock: "10.0.0.0/16", availabilityZones: gatewayZones });
    const gateway = new ResourceGateway(stack, "Gateway", { name: "owner-gateway", vpc: owner });
    const resourceConfiguration = new ResourceConfiguration(stack, "Host", {
      name: "host",
      resourceGateway: gateway,
      ipResource: { ipAddress: "10.0.0.50" },
      portRanges: ["9100"],
    });
    const vpc = new Vpc(stack, "ClientVpc", { name: "client", cidrBlock: "10.9.0.0/16", availabilityZones: endpointZones, provider: consumer });
    return { build: () => new ResourceEndpoint(stack, "Endpoint", { vpc, resourceConfiguration }) };
  }
  const warnings = (endpoint: ResourceEndpoint) => endpoint.node.metadata.filter((m) => m.type === "@cdktf/warn").map((m) => String(m.data));

  test("passes zones in common, by AZ ID across accounts and by AZ name in one account, without a warning", () => {
    expect(warnings(placed(["use1-az1", "use1-az2"], ["use1-az2", "use1-az4"], { otherAccount: true }).build())).toEqual([]);
    expect(warnings(placed(["us-east-1a", "us-east-1b"], ["us-east-1b", "us-east-1c"]).build())).toEqual([]);
  });

  test("fails when its AZ IDs and the gateway's do not overlap", () => {
    const error = expectValidationError(
      placed(["use1-az1", "use1-az2"], ["use1-az4", "use1-az6"], { otherAccount: true }).build,
      "vpc.privateSubnets",
      '["use1-az4","use1-az6"]',
    );
    expect(error.expected).toContain("resource gateway (use1-az1, use1-az2)");
  });

  test("fails when its AZ names and the gateway's do not overlap in one account", () => {
    expectValidationError(
      placed(["us-east-1a", "us-east-1b"], ["us-east-1c", "us-east-1d"]).build,
      "vpc.privateSubnets",
      '["us-east-1c","us-east-1d"]',
    );
  });

  test("warns when another account's endpoint and the gateway are placed by AZ name: the names may be other zones there", () => {
    expect(warnings(placed(["us-east-1a", "us-east-1b"], ["us-east-1a", "us-east-1b"], { otherAccount: true }).build())).toEqual([
      expect.stringContaining("Place both VPCs by AZ ID"),
    ]);
  });

  describe("to a configuration this app shares through RAM", () => {
    const ZONES = ["use1-az1", "use1-az2"];
    /** A stack whose default provider is account 111111111111's, and a provider of each other account asked for. */
    const accounts = (...others: string[]) => {
      const stack = new TerraformStack(testApp(), "test");
      new AwsProvider(stack, "aws", { region: "us-east-1", allowedAccountIds: ["111111111111"] });
      const providers = Object.fromEntries(
        others.map((account) => [
          account,
          new AwsProvider(stack, `p${account}`, { region: "us-east-1", alias: `p${account}`, allowedAccountIds: [account] }),
        ]),
      );
      return { stack, providers };
    };
    const endpointIn = (stack: TerraformStack, id: string, provider: AwsProvider | undefined, resourceConfiguration: ResourceConfiguration) =>
      new ResourceEndpoint(stack, id, {
        vpc: new Vpc(stack, `${id}Vpc`, { name: id.toLowerCase(), cidrBlock: "10.9.0.0/16", availabilityZones: ZONES, provider }),
        resourceConfiguration,
      });
    /** The depends_on of endpoint `id` (synthesized twice: the second synth adds nothing). */
    const waits = (stack: TerraformStack, id: string) => {
      synthJson(stack);
      const endpoints = Object.entries(resourcesOfType(synthJson(stack), "aws_vpc_endpoint") as Record<string, { depends_on?: string[] }>);
      return endpoints.find(([address]) => address.startsWith(`${id}_`))?.[1].depends_on;
    };
    const dnsGroup = (stack: TerraformStack) =>
      new DnsResourceGroup(stack, "Apps", {
        name: "apps",
        vpc: new Vpc(stack, "OwnerVpc", { name: "owner", cidrBlock: "10.0.0.0/16", availabilityZones: ZONES }),
        members: { billing: { domainName: "billing.apps.example.com", ports: [Port.tcp(443)] } },
        sharing: { principals: [SharePrincipal.account("222222222222")] },
      });

    test("of a DnsResourceGroup: one made in an account the share names waits for it by itself; one of the owner's waits for nothing", () => {
      const { stack, providers } = accounts("222222222222");
      const apps = dnsGroup(stack);
      endpointIn(stack, "Member", providers["222222222222"], apps.group);
      endpointIn(stack, "Own", undefined, apps.group);
      expect(waits(stack, "Member")).toEqual([
        expect.stringMatching(/^aws_ram_principal_association\.Apps_Share_Principal-account-222222222222_/),
        expect.stringMatching(/^aws_ram_resource_association\.Apps_Share_Resource-group_/),
      ]);
      expect(waits(stack, "Own")).toBeUndefined();
    });

    test("fails when made in an account the share leaves out (RAM never gives it the configuration, and AWS refuses the endpoint)", () => {
      const build = (account: string) => () => {
        const { stack, providers } = accounts(account);
        endpointIn(stack, "Stranger", providers[account], dnsGroup(stack).group);
        return synthJson(stack);
      };
      const error = expectValidationError(build("333333333333"), "provider", "333333333333");
      expect(error.constructPath).toBe("test/Stranger");
      expect(error.expected).toContain("the resource configuration test/Apps/Group is shared with (sharing.principals of test/Apps: 222222222222)");
      expect(error.expected).toContain("RAM gives account 333333333333 nothing to connect to");
      expect(build("222222222222")).not.toThrow();
    });

    describe("shared the plain way, new ResourceShare(...) and addResource", () => {
      const configuration = (stack: TerraformStack) =>
        new ResourceConfiguration(stack, "Db", {
          name: "orders-db",
          resourceGateway: new ResourceGateway(stack, "Gateway", {
            name: "owner-gateway",
            vpc: new Vpc(stack, "OwnerVpc", { name: "owner", cidrBlock: "10.0.0.0/16", availabilityZones: ZONES }),
          }),
          ipResource: { ipAddress: "10.0.0.50" },
          ports: [Port.tcp(5432)],
        });
      const plainShare = (stack: TerraformStack, database: ResourceConfiguration, props: { allowExternalPrincipals?: OptOut } = {}) => {
        const share = new ResourceShare(stack, "Share", { name: "orders-db", principals: [SharePrincipal.account("222222222222")], ...props });
        share.addResource("db", database.resourceConfigurationArn);
        return share;
      };

      test("one made in an account the share names waits for the share's associations, even when shared after it; one of the owner's waits for nothing", () => {
        const { stack, providers } = accounts("222222222222");
        const database = configuration(stack);
        endpointIn(stack, "Member", providers["222222222222"], database);
        endpointIn(stack, "Own", undefined, database);
        plainShare(stack, database);
        expect(waits(stack, "Member")).toEqual([
          expect.stringMatching(/^aws_ram_principal_association\.Share_Principal-account-222222222222_/),
          expect.stringMatching(/^aws_ram_resource_association\.Share_Resource-db_/),
        ]);
        expect(waits(stack, "Own")).toBeUndefined();
      });

      test("outside the organization, it waits for the acceptance of its account too", () => {
        const { stack, providers } = accounts("222222222222");
        const database = configuration(stack);
        const share = plainShare(stack, database, { allowExternalPrincipals: OptOut.because("the partner is outside the organization") });
        new ResourceShareAccepter(stack, "Accept", { share, provider: providers["222222222222"] });
        endpointIn(stack, "Member", providers["222222222222"], database);
        expect(waits(stack, "Member")).toEqual([
          expect.stringMatching(/^aws_ram_principal_association\.Share_Principal-account-222222222222_/),
          expect.stringMatching(/^aws_ram_resource_association\.Share_Resource-db_/),
          expect.stringMatching(/^aws_ram_resource_share_accepter\.Accept_/),
        ]);
      });

      test("fails when made in an account the share leaves out (RAM never gives it the configuration, and AWS refuses the endpoint)", () => {
        const build = (account: string) => () => {
          const { stack, providers } = accounts(account);
          const database = configuration(stack);
          plainShare(stack, database);
          endpointIn(stack, "Stranger", providers[account], database);
          return synthJson(stack);
        };
        const error = expectValidationError(build("333333333333"), "provider", "333333333333");
        expect(error.constructPath).toBe("test/Stranger");
        expect(error.expected).toContain("the resource configuration test/Db is shared with (principals of test/Share: 222222222222)");
        expect(error.expected).toContain("RAM gives account 333333333333 nothing to connect to");
        expect(build("222222222222")).not.toThrow();
      });

      test("a share in another stack than the endpoint adds no depends_on across stacks (the reference orders the stacks)", () => {
        const app = testApp();
        const owner = new TerraformStack(app, "owner");
        new AwsProvider(owner, "aws", { region: "us-east-1", allowedAccountIds: ["111111111111"] });
        const database = configuration(owner);
        plainShare(owner, database);
        const consumer = new TerraformStack(app, "consumer");
        new AwsProvider(consumer, "aws", { region: "us-east-1", allowedAccountIds: ["222222222222"] });
        endpointIn(consumer, "Member", undefined, database);
        expect(waits(consumer, "Member")).toBeUndefined();
      });
    });

    test("shared by SharedResourceAccess after the endpoint is made, or by two shares: it waits for the share that names its account", () => {
      const { stack, providers } = accounts("222222222222", "444444444444");
      const gateway = new ResourceGateway(stack, "Gateway", {
        name: "owner-gateway",
        vpc: new Vpc(stack, "OwnerVpc", { name: "owner", cidrBlock: "10.0.0.0/16", availabilityZones: ZONES }),
      });
      const database = new ResourceConfiguration(stack, "Db", {
        name: "orders-db",
        resourceGateway: gateway,
        ipResource: { ipAddress: "10.0.0.50" },
        ports: [Port.tcp(5432)],
      });
      endpointIn(stack, "Second", providers["444444444444"], database);
      new SharedResourceAccess(stack, "First", {
        name: "first",
        resourceConfiguration: database,
        sharing: { principals: [SharePrincipal.account("222222222222")] },
      });
      new SharedResourceAccess(stack, "Other", {
        name: "other",
        resourceConfiguration: database,
        sharing: { principals: [SharePrincipal.account("444444444444")] },
      });
      expect(waits(stack, "Second")).toEqual([
        expect.stringMatching(/^aws_ram_principal_association\.Other_Share_Principal-account-444444444444_/),
        expect.stringMatching(/^aws_ram_resource_association\.Other_Share_Resource-resource-configuration_/),
      ]);
    });
  });
});
