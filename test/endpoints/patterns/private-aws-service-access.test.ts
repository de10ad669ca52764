import { TerraformVariable } from "cdktf";
import { AwsService, EndpointPolicy, PrivateAwsServiceAccess, ServiceAccessPresets } from "../../../modules/endpoints";
import { expectFlow } from "../../../modules/flows";
import { Peer, Vpc } from "../../../modules/vpc";
import { expectValidationError, Json, onlyResource, resourcesOfType, stackWithProvider, synthJson } from "../../helpers";
import { ORG, testVpc, tieredVpc } from "../helpers";

const REPO = "arn:aws:ecr:us-east-1:111111111111:repository/api";
const LOG_GROUP = "arn:aws:logs:us-east-1:111111111111:log-group:/ecs/api";
const KEY = "arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab";

const endpointsByService = (json: Json): Record<string, Json> =>
  Object.fromEntries(
    (Object.values(resourcesOfType(json, "aws_vpc_endpoint")) as Json[]).map((e) => [`${e.vpc_endpoint_type}:${e.service_name}`, e]),
  );

describe("PrivateAwsServiceAccess", () => {
  test("EP-4 preset: ecr.api, ecr.dkr and logs interface endpoints behind one shared group, plus the S3 gateway for image layers", () => {
    const stack = stackWithProvider();
    const access = new PrivateAwsServiceAccess(stack, "Ecr", {
      vpc: testVpc(stack),
      services: ServiceAccessPresets.ecrPull([REPO], [LOG_GROUP], { organizationId: ORG }),
    });
    const json = synthJson(stack);
    const endpoints = endpointsByService(json);
    expect(Object.keys(endpoints).sort()).toEqual([
      "Gateway:com.amazonaws.us-east-1.s3",
      "Interface:com.amazonaws.us-east-1.ecr.api",
      "Interface:com.amazonaws.us-east-1.ecr.dkr",
      "Interface:com.amazonaws.us-east-1.logs",
    ]);
    const group = onlyResource(json, "aws_security_group");
    // Stable: AWS replaces a group whose description changes, so adding a service must not change it.
    expect(group.description).toBe("Interface VPC endpoints to AWS services; each rule names its services");
    const interfaces = Object.values(endpoints).filter((e) => e.vpc_endpoint_type === "Interface");
    expect(new Set(interfaces.map((e) => JSON.stringify(e.security_group_ids))).size).toBe(1);
    expect(interfaces.every((e) => e.private_dns_enabled === true && e.policy !== undefined)).toBe(true);
    const rules = Object.values(resourcesOfType(json, "aws_vpc_security_group_ingress_rule")) as Json[];
    expect(rules).toHaveLength(1);
    expect(rules[0]).toMatchObject({
      from_port: 443,
      to_port: 443,
      cidr_ipv4: "10.0.0.0/16",
      description: "Clients to AWS services (ecr.api, ecr.dkr, logs) through the VPC endpoint, TCP 443",
    });
    expect(JSON.parse(endpoints["Gateway:com.amazonaws.us-east-1.s3"].policy).Statement[0].Resource).toBe(
      "arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*",
    );
    expect(Object.keys(access.interfaceEndpoints).sort()).toEqual(["ecr.api", "ecr.dkr", "logs"]);
    expect(Object.keys(access.gatewayEndpoints)).toEqual(["s3"]);
  });

  test("endpoints are keyed by service name, so adding one never renames another", () => {
    const stack = stackWithProvider();
    new PrivateAwsServiceAccess(stack, "Access", {
      vpc: testVpc(stack),
      services: [...ServiceAccessPresets.kms([KEY]), ...ServiceAccessPresets.cloudWatchLogs([LOG_GROUP])],
    });
    const keys = Object.keys(resourcesOfType(synthJson(stack), "aws_vpc_endpoint"));
    expect(keys.map((k) => k.replace(/_[0-9A-F]+$/, "")).sort()).toEqual(["Access_kms", "Access_logs"]);
  });

  test("EP-1, EP-2, EP-3 and EP-5 presets", () => {
    const stack = stackWithProvider();
    new PrivateAwsServiceAccess(stack, "All", {
      vpc: testVpc(stack),
      services: [
        ...ServiceAccessPresets.privateS3(["a-bucket"]),
        ...ServiceAccessPresets.dynamoDb(["arn:aws:dynamodb:us-east-1:111111111111:table/orders"]),
        ...ServiceAccessPresets.cloudWatchLogs([LOG_GROUP]),
        ...ServiceAccessPresets.kms([KEY]),
      ],
    });
    expect(Object.keys(endpointsByService(synthJson(stack))).sort()).toEqual([
      "Gateway:com.amazonaws.us-east-1.dynamodb",
      "Gateway:com.amazonaws.us-east-1.s3",
      "Interface:com.amazonaws.us-east-1.kms",
      "Interface:com.amazonaws.us-east-1.logs",
    ]);
  });

  test("gateway-only sets create no security group", () => {
    const stack = stackWithProvider();
    const access = new PrivateAwsServiceAccess(stack, "S3", { vpc: testVpc(stack), services: ServiceAccessPresets.privateS3(["a-bucket"]) });
    expect(access.securityGroup).toBeUndefined();
    expect(resourcesOfType(synthJson(stack), "aws_security_group")).toEqual({});
  });

  test("fails when the same service appears twice in one VPC", () => {
    const stack = stackWithProvider();
    const error = expectValidationError(
      () =>
        new PrivateAwsServiceAccess(stack, "Twice", {
          vpc: testVpc(stack),
          services: [...ServiceAccessPresets.ecrPull([REPO], [LOG_GROUP]), ...ServiceAccessPresets.privateS3(["a-bucket"])],
        }),
      "services[4]",
      "s3",
    );
    expect(error.expected).toContain("S3HybridAccess");
    expect(error.expected).toContain("services[2]");
  });

  test("fails when one service comes twice under two names: its short name and its full name", () => {
    const stack = stackWithProvider();
    const error = expectValidationError(
      () =>
        new PrivateAwsServiceAccess(stack, "Twice", {
          vpc: testVpc(stack),
          services: [
            ...ServiceAccessPresets.kms([KEY]),
            { service: AwsService.custom("com.amazonaws.us-east-1.kms"), policy: EndpointPolicy.kmsKeys([KEY]) },
          ],
        }),
      "services[1]",
      "kms",
    );
    expect(error.expected).toContain("services[0]");
  });

  test("adding a service keeps the shared group (its description does not change); its rule's description, which changes in place, names the services", () => {
    const groupOf = (services: Parameters<typeof ServiceAccessPresets.kms>[0]) => {
      const stack = stackWithProvider();
      new PrivateAwsServiceAccess(stack, "Access", {
        vpc: testVpc(stack),
        services: [...ServiceAccessPresets.kms(services), ...(services.length > 1 ? ServiceAccessPresets.cloudWatchLogs([LOG_GROUP]) : [])],
      });
      const json = synthJson(stack);
      return { group: onlyResource(json, "aws_security_group"), rule: onlyResource(json, "aws_vpc_security_group_ingress_rule") };
    };
    const before = groupOf([KEY]);
    const after = groupOf([KEY, "arn:aws:kms:us-east-1:111111111111:key/00000000-0000-0000-0000-000000000000"]);
    expect(after.group).toEqual(before.group);
    expect(before.rule.description).toBe("Clients to AWS services (kms) through the VPC endpoint, TCP 443");
    expect(after.rule.description).toBe("Clients to AWS services (kms, logs) through the VPC endpoint, TCP 443");
  });

  test("fails when ecr.dkr comes without ecr.api, which every pull needs for its token and manifest", () => {
    const stack = stackWithProvider();
    const [, dkr, s3] = ServiceAccessPresets.ecrPull([REPO], [LOG_GROUP]);
    const error = expectValidationError(
      () => new PrivateAwsServiceAccess(stack, "Dkr", { vpc: testVpc(stack), services: [dkr, s3] }),
      "services",
      "ecr.dkr without ecr.api",
    );
    expect(error.expected).toContain("ServiceAccessPresets.ecrPull");
  });

  test("warns when ecr.dkr comes without an S3 gateway endpoint for the image layers", () => {
    const stack = stackWithProvider();
    const [api, dkr] = ServiceAccessPresets.ecrPull([REPO], [LOG_GROUP]);
    const access = new PrivateAwsServiceAccess(stack, "Ecr", { vpc: testVpc(stack), services: [api, dkr] });
    const warnings = access.node.metadata.filter((m) => m.type === "@cdktf/warn").map((m) => String(m.data));
    expect(warnings).toEqual([expect.stringContaining("starport-layer-bucket")]);
  });

  describe("the S3 gateway endpoint of ecr.dkr's image layers, in a VPC of several tiers", () => {
    const warningsOf = (access: PrivateAwsServiceAccess) => access.node.metadata.filter((m) => m.type === "@cdktf/warn").map((m) => String(m.data));
    const s3RouteTables = (stack: Parameters<typeof synthJson>[0]) =>
      endpointsByService(synthJson(stack))["Gateway:com.amazonaws.us-east-1.s3"].route_table_ids;

    test("warns when the default leaves out route tables of the VPC that ecr.dkr's private DNS answers (another tier), naming them", () => {
      const stack = stackWithProvider();
      const vpc = tieredVpc(stack);
      const access = new PrivateAwsServiceAccess(stack, "Ecr", {
        vpc,
        subnets: vpc.selectSubnets({ tier: "app" }),
        services: ServiceAccessPresets.ecrPull([REPO], [LOG_GROUP], { organizationId: ORG }),
      });
      // The default is kept: the gateway's policy (image layers only) would apply to every S3 request of the tables it gets.
      expect(s3RouteTables(stack)).toEqual(["rtb-0bbbbbbbbbbbbbbb1"]);
      expect(warningsOf(access)).toEqual([expect.stringContaining("rtb-0ccccccccccccccc1, rtb-0ccccccccccccccc2 (tier data) get no route to S3")]);
      expect(warningsOf(access)[0]).toContain("gatewaySubnets");
    });

    test("gatewaySubnets routes the tables of the subnets given (every tier), without a warning; a service's own subnets still win", () => {
      const stack = stackWithProvider();
      const vpc = tieredVpc(stack);
      const access = new PrivateAwsServiceAccess(stack, "Ecr", {
        vpc,
        subnets: vpc.selectSubnets({ tier: "app" }),
        gatewaySubnets: vpc.subnets,
        services: ServiceAccessPresets.ecrPull([REPO], [LOG_GROUP], { organizationId: ORG }),
      });
      expect(s3RouteTables(stack)).toEqual(["rtb-0bbbbbbbbbbbbbbb1", "rtb-0ccccccccccccccc1", "rtb-0ccccccccccccccc2"]);
      expect(warningsOf(access)).toEqual([]);
      const own = stackWithProvider();
      const ownVpc = tieredVpc(own);
      new PrivateAwsServiceAccess(own, "Ecr", {
        vpc: ownVpc,
        subnets: ownVpc.selectSubnets({ tier: "app" }),
        gatewaySubnets: ownVpc.subnets,
        services: [
          ...ServiceAccessPresets.ecrPull([REPO], [LOG_GROUP]).filter((a) => a.endpointType !== "Gateway"),
          { ...ServiceAccessPresets.ecrPull([REPO], [LOG_GROUP])[2], subnets: ownVpc.selectSubnets({ tier: "data" }) },
        ],
      });
      expect(s3RouteTables(own)).toEqual(["rtb-0ccccccccccccccc1", "rtb-0ccccccccccccccc2"]);
    });

    test("a Vpc's private subnets are all its subnets: the default routes every table, without a warning (the example stacks' JSON is unchanged)", () => {
      const stack = stackWithProvider();
      const access = new PrivateAwsServiceAccess(stack, "Ecr", {
        vpc: testVpc(stack),
        services: ServiceAccessPresets.ecrPull([REPO], [LOG_GROUP], { organizationId: ORG }),
      });
      expect(s3RouteTables(stack)).toHaveLength(2);
      expect(warningsOf(access)).toEqual([]);
    });

    test("no warning without ecr.dkr, or with its private DNS off (nothing answers the other tiers' names)", () => {
      for (const privateDnsEnabled of [undefined, false]) {
        const stack = stackWithProvider();
        const vpc = tieredVpc(stack);
        const [api, dkr, s3] = ServiceAccessPresets.ecrPull([REPO], [LOG_GROUP]);
        const services =
          privateDnsEnabled === false
            ? [{ ...api, privateDnsEnabled }, { ...dkr, privateDnsEnabled }, s3]
            : ServiceAccessPresets.privateS3(["example-bucket"]);
        const access = new PrivateAwsServiceAccess(stack, "Ecr", { vpc, subnets: vpc.selectSubnets({ tier: "app" }), services });
        expect(warningsOf(access)).toEqual([]);
      }
    });

    test("fails when gatewaySubnets are subnet IDs, a list only Terraform knows, empty, or of subnets without route tables (at gatewaySubnets, not inside the endpoint); subnet objects with route tables pass", () => {
      const build = (gatewaySubnets: (vpc: ReturnType<typeof tieredVpc>, stack: ReturnType<typeof stackWithProvider>) => unknown) => () => {
        const stack = stackWithProvider();
        const vpc = tieredVpc(stack);
        return new PrivateAwsServiceAccess(stack, "S3", {
          vpc,
          subnets: vpc.selectSubnets({ tier: "app" }),
          gatewaySubnets: gatewaySubnets(vpc, stack) as never,
          services: ServiceAccessPresets.privateS3(["example-bucket"]),
        });
      };
      expectValidationError(
        build(() => ["subnet-0bbbbbbbbbbbbbbb1"]),
        "gatewaySubnets[0]",
        '"subnet-0bbbbbbbbbbbbbbb1"',
      );
      expectValidationError(
        build(() => []),
        "gatewaySubnets",
        "[]",
      );
      expectValidationError(
        build((_, stack) => new TerraformVariable(stack, "ids", { type: "list(string)" }).listValue),
        "gatewaySubnets",
        /reference/,
      );
      expectValidationError(
        build(() => [{ subnetId: "subnet-0aaaaaaaaaaaaaaa1" }]),
        "gatewaySubnets[0].routeTableId",
        "undefined",
      );
      expect(build((vpc) => vpc.subnets)).not.toThrow();
    });

    test("fails when gatewaySubnets are given without a gateway service, whose routes they would get", () => {
      const stack = stackWithProvider();
      const vpc = tieredVpc(stack);
      const error = expectValidationError(
        () =>
          new PrivateAwsServiceAccess(stack, "Logs", {
            vpc,
            subnets: vpc.selectSubnets({ tier: "app" }),
            gatewaySubnets: vpc.subnets,
            services: ServiceAccessPresets.cloudWatchLogs([LOG_GROUP]),
          }),
        "gatewaySubnets",
        "subnet-0bbbbbbbbbbbbbbb1",
      );
      expect(error.expected).toMatch(/^unset: no service here has a Gateway endpoint/);
    });
  });

  test("a dual-stack endpoint behind the shared group is reached over IPv6 too: the group admits the VPC's IPv6 block, as a lone endpoint's does", () => {
    const stack = stackWithProvider();
    const vpc = new Vpc(stack, "Vpc", { name: "vpc", cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"], dualStack: true });
    const access = new PrivateAwsServiceAccess(stack, "Access", {
      vpc,
      services: [{ ...ServiceAccessPresets.cloudWatchLogs([LOG_GROUP])[0], ipAddressType: "dualstack" }, ...ServiceAccessPresets.kms([KEY])],
    });
    const rules = Object.values(resourcesOfType(synthJson(stack), "aws_vpc_security_group_ingress_rule")) as Json[];
    expect(rules.map((r) => [r.cidr_ipv4, r.cidr_ipv6])).toEqual([
      ["10.0.0.0/16", undefined],
      [undefined, expect.stringContaining("ipv6_cidr_block")],
    ]);
    expectFlow(stack, { vpc, family: "ipv6" }, { target: access.interfaceEndpoints.logs, port: 443 }).toBeAllowed();
    expectFlow(stack, { vpc }, { target: access.interfaceEndpoints.kms, port: 443 }).toBeAllowed();
  });

  test("IPv4-only endpoints keep an IPv4-only shared group", () => {
    const stack = stackWithProvider();
    const vpc = new Vpc(stack, "Vpc", { name: "vpc", cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"], dualStack: true });
    new PrivateAwsServiceAccess(stack, "Access", { vpc, services: ServiceAccessPresets.kms([KEY]) });
    const rules = Object.values(resourcesOfType(synthJson(stack), "aws_vpc_security_group_ingress_rule")) as Json[];
    expect(rules.map((r) => [r.cidr_ipv4, r.cidr_ipv6])).toEqual([["10.0.0.0/16", undefined]]);
  });

  test("fails when no service is given", () => {
    const stack = stackWithProvider();
    expectValidationError(() => new PrivateAwsServiceAccess(stack, "None", { vpc: testVpc(stack), services: [] }), "services", "[]");
  });

  test("fails when the shared group would open 0.0.0.0/0", () => {
    const stack = stackWithProvider();
    expectValidationError(
      () =>
        new PrivateAwsServiceAccess(stack, "Open", {
          vpc: testVpc(stack),
          services: ServiceAccessPresets.kms([KEY]),
          allowedPeers: [Peer.cidr("0.0.0.0/0")],
        }),
      "allowedPeers[0]",
      "0.0.0.0/0",
    );
  });
});
