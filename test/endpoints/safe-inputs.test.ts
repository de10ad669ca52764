import fc from "fast-check";
import { TerraformStack, TerraformVariable } from "cdktf";
import { isBucketName, OptOut, PolicyPrincipal, PolicyStatement, Port, ValidationError } from "../../modules/core";
import {
  AwsService,
  AwsServiceName,
  EndpointOnlyBucketPolicy,
  EndpointPolicy,
  GatewayEndpoint,
  IInterfaceEndpointService,
  InterfaceEndpoint,
  PrivateAwsServiceAccess,
  ResourceEndpoint,
  S3HybridAccess,
  ServiceAccessPresets,
  ServiceNetworkEndpoint,
} from "../../modules/endpoints";
import { Peer, SecurityGroup, Vpc } from "../../modules/vpc";
import { expectValidationError, Json, onlyResource, stackWithProvider, synthJson, testApp } from "../helpers";
import { ORG, testVpc } from "./helpers";

const scope = (): TerraformStack => new TerraformStack(testApp(), "test");
const render = (policy: EndpointPolicy, region = "us-east-1"): Json[] =>
  JSON.parse(policy.render(scope(), "policy", region) as string).Statement as Json[];
const resources = (statement: Json): string[] => (Array.isArray(statement.Resource) ? statement.Resource : [statement.Resource]);
const KEY = "arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const TABLE = "arn:aws:dynamodb:us-east-1:111111111111:table/orders";
const PARTNER: IInterfaceEndpointService = {
  serviceName: "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0",
  ports: [443],
  isAwsService: false,
  privateDnsSupported: false,
};

describe("EndpointPolicy presets check what they are given", () => {
  test("s3Buckets takes bucket names and bucket ARNs alike, never doubling the prefix", () => {
    const [list, objects] = render(EndpointPolicy.s3Buckets(["a-bucket", "arn:aws:s3:::b-bucket"]));
    expect(resources(list)).toEqual(["arn:aws:s3:::a-bucket", "arn:aws:s3:::b-bucket"]);
    expect(resources(objects)).toEqual(["arn:aws:s3:::a-bucket/*", "arn:aws:s3:::b-bucket/*"]);
  });

  test("fails when a bucket is an object ARN, another partition's ARN, not a bucket name, the same bucket twice, or there is none", () => {
    const fails = (buckets: string[], prop: string, received: string, region = "us-east-1") =>
      expectValidationError(() => EndpointPolicy.s3Buckets(buckets).render(scope(), "policy", region), prop, received);
    fails(["arn:aws:s3:::a-bucket/key"], "policy.bucketNames[0]", "a-bucket/key");
    fails(["arn:aws-cn:s3:::a-bucket"], "policy.bucketNames[0]", "aws-cn");
    fails(["A_Bucket"], "policy.bucketNames[0]", "A_Bucket");
    fails(["192.168.1.1"], "policy.bucketNames[0]", "192.168.1.1");
    expect(fails(["a-bucket", "arn:aws:s3:::a-bucket"], "policy.bucketNames[1]", "arn:aws:s3:::a-bucket").expected).toContain(
      "policy.bucketNames[0]",
    );
    fails([], "policy.bucketNames", "[]");
    expectValidationError(
      () => EndpointPolicy.s3Buckets("a-bucket" as never).render(scope(), "policy", "us-east-1"),
      "policy.bucketNames",
      "a-bucket",
    );
  });

  test("fails when a table, log group, key or repository ARN is of another kind, region or partition", () => {
    const fails = (policy: EndpointPolicy, prop: string, received: string) =>
      expectValidationError(() => policy.render(scope(), "policy", "us-east-1"), prop, received);
    fails(EndpointPolicy.dynamoDbTables(["arn:aws:dynamodb:eu-west-1:111111111111:table/orders"]), "policy.tableArns[0]", "eu-west-1");
    fails(EndpointPolicy.dynamoDbTables([`${TABLE}/index/by-customer`]), "policy.tableArns[0]", "index");
    fails(EndpointPolicy.dynamoDbTables(["orders"]), "policy.tableArns[0]", "orders");
    fails(EndpointPolicy.dynamoDbTables([TABLE, TABLE]), "policy.tableArns[1]", "orders");
    fails(EndpointPolicy.dynamoDbTables([]), "policy.tableArns", "[]");
    fails(EndpointPolicy.logGroups([KEY]), "policy.logGroupArns[0]", "kms");
    fails(EndpointPolicy.kmsKeys(["arn:aws:kms:us-east-1:111111111111:alias/app"]), "policy.keyArns[0]", "alias/app");
    fails(
      EndpointPolicy.kmsKeys(["arn:aws-us-gov:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab"]),
      "policy.keyArns[0]",
      "aws-us-gov",
    );
    fails(EndpointPolicy.ecrPull(["arn:aws:ecr:us-west-2:111111111111:repository/api"]), "policy.repositoryArns[0]", "us-west-2");
    fails(EndpointPolicy.readOnly("sqs:"), "policy.iamPrefix", "sqs:");
    fails(EndpointPolicy.readOnly("sqs", { resources: [] }), "policy.resources", "[]");
    fails(EndpointPolicy.kmsKeys([KEY], { principals: [] }), "policy.principals", "[]");
  });

  test("log group ARNs as the console shows them (ending in :*) do not double the wildcard", () => {
    const [statement] = render(EndpointPolicy.logGroups(["arn:aws:logs:us-east-1:111111111111:log-group:/app:*"]));
    expect(resources(statement)).toEqual([
      "arn:aws:logs:us-east-1:111111111111:log-group:/app",
      "arn:aws:logs:us-east-1:111111111111:log-group:/app:log-stream:*",
    ]);
  });

  test("fails when custom statements repeat a Sid, naming both", () => {
    const statement = (sid: string) =>
      new PolicyStatement({ sid, actions: ["sts:AssumeRole"], principals: [PolicyPrincipal.account("111111111111")] });
    const error = expectValidationError(
      () => EndpointPolicy.fromStatements(statement("A"), statement("B"), statement("A")).render(scope(), "policy", "us-east-1"),
      "policy.statements[2]",
      "A",
    );
    expect(error.expected).toContain("policy.statements[0]");
    expectValidationError(
      () => EndpointPolicy.fromStatements({ actions: ["*"] } as never).render(scope(), "policy", "us-east-1"),
      "policy.statements[0]",
      "actions",
    );
  });
});

describe("EndpointPolicy.allowAll says why", () => {
  const endpoint = (policy: EndpointPolicy) => {
    const stack = stackWithProvider();
    const logs = new InterfaceEndpoint(stack, "Logs", { vpc: testVpc(stack), service: AwsService.LOGS, policy });
    // Testing.synth drops the `//` notes; the stack's own JSON keeps them.
    return { logs, json: onlyResource(JSON.parse(JSON.stringify(stack.toTerraform())) as Json, "aws_vpc_endpoint") };
  };

  test("its reason is recorded on the endpoint, and AWS's default stays (no policy attribute)", () => {
    const { json } = endpoint(EndpointPolicy.allowAll(OptOut.because("Sandbox VPC without data, torn down nightly")));
    expect(json.policy).toBeUndefined();
    expect(json["//"].opt_outs.allow_all_endpoint_policy).toBe("Sandbox VPC without data, torn down nightly");
  });

  test("the deprecated call without a reason still works, with a warning", () => {
    const { logs, json } = endpoint(EndpointPolicy.allowAll());
    expect(json["//"].opt_outs.allow_all_endpoint_policy).toContain("deprecated");
    expect(logs.node.metadata.filter((m) => m.type === "@cdktf/warn").map((m) => String(m.data))).toEqual([
      expect.stringContaining("OptOut.because"),
    ]);
  });

  test("fails when the reason is not a sentence, or not an OptOut", () => {
    expectValidationError(() => endpoint(EndpointPolicy.allowAll(OptOut.because("test"))), "policy", "test");
    expectValidationError(() => endpoint(EndpointPolicy.allowAll("yes" as never)), "policy", "yes");
  });
});

describe("endpoints refuse what AWS would refuse, at synth", () => {
  let built = 0;
  const logs = (stack: TerraformStack, props: Partial<ConstructorParameters<typeof InterfaceEndpoint>[2]> = {}) =>
    new InterfaceEndpoint(stack, `Logs${built++}`, {
      vpc: props.vpc ?? (stack.node.tryFindChild("Vpc") as Vpc | undefined) ?? testVpc(stack),
      service: AwsService.LOGS,
      policy: EndpointPolicy.organizationOnly(ORG),
      ...props,
    });

  test("fails when subnets, security groups or the gateway endpoint belong to another VPC", () => {
    const stack = stackWithProvider();
    const mine = testVpc(stack);
    const other = new Vpc(stack, "Other", { name: "other", cidrBlock: "10.9.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
    expectValidationError(
      () => logs(stack, { vpc: mine, subnets: other.privateSubnets.map((s) => ({ ...s, vpcId: other.vpcId })) }),
      "subnets[0]",
      "reference",
    );
    expectValidationError(
      () => logs(stack, { vpc: mine, securityGroups: [new SecurityGroup(stack, "Theirs", { vpc: other, description: "x" })] }),
      "securityGroups[0]",
      "test/Theirs (in another VPC)",
    );
    expectValidationError(
      () => logs(stack, { vpc: mine, securityGroups: [{ securityGroupId: "sg-0123456789abcdef0", vpcId: "vpc-0123456789abcdef0" }] }),
      "securityGroups[0]",
      "vpc-0123456789abcdef0",
    );
    const gateway = new GatewayEndpoint(stack, "S3", { vpc: other, service: AwsService.S3, policy: EndpointPolicy.s3Buckets(["a-bucket"]) });
    expectValidationError(
      () =>
        new InterfaceEndpoint(stack, "S3Interface", {
          vpc: mine,
          service: AwsService.S3,
          policy: EndpointPolicy.s3Buckets(["a-bucket"]),
          privateDnsEnabled: true,
          gatewayEndpoint: gateway,
        }),
      "gatewayEndpoint[0]",
      "test/S3 (in another VPC)",
    );
  });

  test("fails when subnets are subnet IDs or a list only Terraform knows (the endpoint rendered subnet_ids [] or null), where subnet objects are placed", () => {
    const stack = stackWithProvider();
    const vpc = testVpc(stack);
    const ids = ["subnet-0aaaaaaaaaaaaaaa1", "subnet-0aaaaaaaaaaaaaaa2"] as unknown as Vpc["privateSubnets"];
    const error = expectValidationError(() => logs(stack, { vpc, subnets: ids }), "subnets[0]", '"subnet-0aaaaaaaaaaaaaaa1"');
    expect(error.expected).toContain("a subnet object, such as vpc.selectSubnets()[0] (not a subnet ID");
    const list = new TerraformVariable(stack, "endpoint_subnets", { type: "list(string)" }).listValue as unknown as Vpc["privateSubnets"];
    expectValidationError(() => logs(stack, { vpc, subnets: list }), "subnets", "");
    const network = { serviceNetworkArn: "arn:aws:vpc-lattice:us-east-1:111111111111:servicenetwork/sn-0123456789abcdef0" };
    expectValidationError(
      () => new ServiceNetworkEndpoint(stack, "ToNetwork", { vpc, serviceNetwork: network, subnets: ids }),
      "subnets[0]",
      '"subnet-0aaaaaaaaaaaaaaa1"',
    );
    const placed = logs(stack, { vpc, subnets: vpc.selectSubnets() });
    expect(synthJson(stack).resource.aws_vpc_endpoint[stack.getLogicalId(placed.resource)].subnet_ids).toEqual([
      expect.stringMatching(/aws_subnet\.Vpc_Private-us-east-1a_/),
      expect.stringMatching(/aws_subnet\.Vpc_Private-us-east-1b_/),
    ]);
  });

  test("fails when a gateway endpoint is given to a service other than S3, or is DynamoDB's", () => {
    const stack = stackWithProvider();
    const vpc = testVpc(stack);
    const dynamodb = GatewayEndpoint.fromGatewayEndpointAttributes(stack, "Dynamo", {
      vpcEndpointId: "vpce-0123456789abcdef0",
      service: AwsService.DYNAMODB,
    });
    expectValidationError(() => logs(stack, { vpc, gatewayEndpoint: dynamodb }), "gatewayEndpoint", "vpce-0123456789abcdef0");
    expectValidationError(
      () =>
        new InterfaceEndpoint(stack, "S3", {
          vpc,
          service: AwsService.S3,
          policy: EndpointPolicy.s3Buckets(["a-bucket"]),
          gatewayEndpoint: dynamodb,
        }),
      "gatewayEndpoint",
      "dynamodb",
    );
  });

  test("fails when the endpoint service is a Gateway Load Balancer's, or an object without the documented fields", () => {
    const stack = stackWithProvider();
    const vpc = testVpc(stack);
    const error = expectValidationError(
      () => new InterfaceEndpoint(stack, "Inspection", { vpc, service: { ...PARTNER, serviceType: "GatewayLoadBalancer" } }),
      "service",
      "vpce-svc",
    );
    expect(error.expected).toContain("GatewayLoadBalancerEndpoint");
    expectValidationError(
      () => new InterfaceEndpoint(stack, "Typo", { vpc, service: { ...PARTNER, serviceType: "Gateway" as never } }),
      "service.serviceType",
      "Gateway",
    );
    expectValidationError(() => new InterfaceEndpoint(stack, "NoPorts", { vpc, service: { ...PARTNER, ports: [] } }), "service.ports", "[]");
    expectValidationError(() => new InterfaceEndpoint(stack, "String", { vpc, service: "logs" as never }), "service", "logs");
    expectValidationError(
      () => new InterfaceEndpoint(stack, "Half", { vpc, service: { serviceName: PARTNER.serviceName } as never }),
      "ports",
      "undefined",
    );
  });

  test("fails when the policy is not an EndpointPolicy, or a custom service is another region's", () => {
    const stack = stackWithProvider();
    const vpc = testVpc(stack);
    expectValidationError(
      () => new InterfaceEndpoint(stack, "Raw", { vpc, service: AwsService.LOGS, policy: '{"Statement":[]}' as never }),
      "policy",
      "Statement",
    );
    expectValidationError(
      () =>
        new InterfaceEndpoint(stack, "Far", {
          vpc,
          service: AwsService.custom("com.amazonaws.eu-west-1.bedrock-runtime"),
          policy: EndpointPolicy.organizationOnly(ORG),
        }),
      "service",
      "eu-west-1",
    );
    // With serviceRegion, the name is of that region.
    new InterfaceEndpoint(stack, "Cross", {
      vpc,
      service: AwsService.custom("com.amazonaws.eu-west-1.bedrock-runtime"),
      serviceRegion: "eu-west-1",
      policy: EndpointPolicy.organizationOnly(ORG),
    });
  });

  test("fails when peers are an empty list, together cover the internet, come with open: false, or open is not a boolean", () => {
    const stack = stackWithProvider();
    expectValidationError(() => logs(stack, { allowedPeers: [] }), "allowedPeers", "[]");
    expectValidationError(() => logs(stack, { allowedPeers: [Peer.cidr("0.0.0.0/1"), Peer.cidr("128.0.0.0/1")] }), "allowedPeers", "128.0.0.0/1");
    expectValidationError(() => logs(stack, { allowedPeers: [Peer.cidr("10.0.0.0/8")], open: false }), "open", "false");
    expectValidationError(() => logs(stack, { open: "no" as never }), "open", "no");
    expectValidationError(() => logs(stack, { allowedPeers: ["10.0.0.0/8"] as never }), "allowedPeers[0]", "10.0.0.0/8");
  });

  test("fails when fixed addresses are outside the VPC, of a subnet not the endpoint's, twice for one subnet, or of a family the endpoint does not use", () => {
    const stack = stackWithProvider();
    const vpc = testVpc(stack);
    const [a, b] = vpc.privateSubnets;
    expectValidationError(
      () => logs(stack, { vpc, subnetAddresses: [{ subnet: a, ipv4: "192.168.0.10" }] }),
      "subnetAddresses[0].ipv4",
      "192.168.0.10",
    );
    expectValidationError(
      () => logs(stack, { vpc, subnetAddresses: [{ subnet: { subnetId: "subnet-0123456789abcdef0" }, ipv4: "10.0.0.10" }] }),
      "subnetAddresses[0].subnet",
      "subnet-0123456789abcdef0",
    );
    expectValidationError(
      () =>
        logs(stack, {
          vpc,
          subnetAddresses: [
            { subnet: b, ipv4: "10.0.1.10" },
            { subnet: b, ipv4: "10.0.1.11" },
          ],
        }),
      "subnetAddresses[1].subnet",
      "reference",
    );
    expectValidationError(
      () => logs(stack, { vpc, subnetAddresses: [{ subnet: a, ipv6: "2001:db8::10" }] }),
      "subnetAddresses[0].ipv6",
      "2001:db8::10",
    );
    expectValidationError(() => logs(stack, { vpc, subnetAddresses: [{ subnet: a, ipv4: "10.0.0.300" }] }), "subnetAddresses[0].ipv4", "10.0.0.300");
    expectValidationError(() => logs(stack, { vpc, subnetAddresses: [] }), "subnetAddresses", "[]");
    expectValidationError(() => logs(stack, { vpc, subnetAddresses: [{ subnet: a }] }), "subnetAddresses[0]", "reference");
  });

  test("fails when more than 16 security groups are given (AWS puts no more on a network interface, whatever the quota)", () => {
    const stack = stackWithProvider();
    const vpc = testVpc(stack);
    const groups = Array.from({ length: 17 }, (_, i) => new SecurityGroup(stack, `Group${i}`, { vpc, description: "Endpoint clients" }));
    expectValidationError(() => logs(stack, { vpc, securityGroups: groups }), "securityGroups", "17 security groups");
    expect(() => logs(stack, { vpc, securityGroups: groups.slice(0, 16) })).not.toThrow();
  });

  test("fails when fixed addresses are of a subnet of the VPC the endpoint is not placed in (AWS refuses a subnet_configuration outside subnet_ids)", () => {
    const stack = stackWithProvider();
    const vpc = testVpc(stack);
    const [a, b] = vpc.privateSubnets;
    expectValidationError(
      () => logs(stack, { vpc, subnets: [a], minAvailabilityZones: 1, subnetAddresses: [{ subnet: b, ipv4: "10.0.1.10" }] }),
      "subnetAddresses[0].subnet",
      "<reference known at apply>",
    );
  });

  test("fails when tags use the aws: prefix or are too long, or a timeout is not a duration or not an operation", () => {
    const stack = stackWithProvider();
    expectValidationError(() => logs(stack, { tags: { "aws:team": "x" } }), "tags", "aws:team");
    expectValidationError(() => logs(stack, { tags: { team: "x".repeat(257) } }), "tags.team", "xxx");
    expectValidationError(() => logs(stack, { timeouts: { create: "soon" } }), "timeouts.create", "soon");
    expectValidationError(() => logs(stack, { timeouts: { read: "10m" } as never }), "timeouts.read", "10m");
  });

  test("accepts what AWS accepts: a 128-character tag key, IPv6 fixed addresses on dual-stack endpoints, durations such as 1h30m", () => {
    const stack = stackWithProvider();
    const vpc = new Vpc(stack, "Dual", { name: "dual", cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"], dualStack: true });
    logs(stack, {
      vpc,
      tags: { ["k".repeat(128)]: "v".repeat(256) },
      timeouts: { create: "1h30m" },
      ipAddressType: "dualstack",
      subnetAddresses: [{ subnet: vpc.privateSubnets[0], ipv4: "10.0.0.10" }],
    });
    expect(onlyResource(synthJson(stack), "aws_vpc_endpoint").timeouts).toEqual({ create: "1h30m" });
  });

  test("fails when a gateway endpoint's route tables repeat or are not route table IDs, or an imported one is malformed", () => {
    const stack = stackWithProvider();
    const vpc = testVpc(stack);
    const policy = EndpointPolicy.s3Buckets(["a-bucket"]);
    expectValidationError(
      () =>
        new GatewayEndpoint(stack, "Twice", {
          vpc,
          service: AwsService.S3,
          policy,
          routeTableIds: ["rtb-0123456789abcdef0", "rtb-0123456789abcdef0"],
        }),
      "routeTableIds[1]",
      "rtb-",
    );
    expectValidationError(
      () => new GatewayEndpoint(stack, "Subnet", { vpc, service: AwsService.S3, policy, routeTableIds: ["subnet-0123456789abcdef0"] }),
      "routeTableIds[0]",
      "subnet-",
    );
    expectValidationError(
      () => GatewayEndpoint.fromGatewayEndpointAttributes(stack, "Bad", { vpcEndpointId: "vpce-123", service: AwsService.S3 }),
      "vpcEndpointId",
      "vpce-123",
    );
    expectValidationError(
      () => GatewayEndpoint.fromGatewayEndpointAttributes(stack, "Logs", { vpcEndpointId: "vpce-0123456789abcdef0", service: AwsService.LOGS }),
      "service",
      "logs",
    );
    expectValidationError(
      () => GatewayEndpoint.fromAttributes(stack, "Old", { vpcEndpointId: "vpce-0123456789abcdef0", service: "s3" as never }),
      "service",
      "s3",
    );
  });

  test("fails when a Resource or ServiceNetwork endpoint is given an ARN of another kind or another region than its own", () => {
    const stack = stackWithProvider();
    const vpc = testVpc(stack);
    const configuration = (resourceConfigurationArn: string) => ({ resourceConfiguration: { resourceConfigurationArn, ports: [Port.tcp(5432)] } });
    expectValidationError(
      () =>
        new ResourceEndpoint(stack, "Far", {
          vpc,
          ...configuration("arn:aws:vpc-lattice:eu-west-1:111111111111:resourceconfiguration/rcfg-0123456789abcdef0"),
        }),
      "resourceConfiguration.resourceConfigurationArn",
      "eu-west-1",
    );
    expectValidationError(
      () =>
        new ResourceEndpoint(stack, "Kind", {
          vpc,
          ...configuration("arn:aws:vpc-lattice:us-east-1:111111111111:servicenetwork/sn-0123456789abcdef0"),
        }),
      "resourceConfiguration.resourceConfigurationArn",
      "servicenetwork",
    );
    expectValidationError(() => new ResourceEndpoint(stack, "Null", { vpc, resourceConfiguration: null as never }), "resourceConfiguration", "null");
    expectValidationError(
      () =>
        new ServiceNetworkEndpoint(stack, "FarMesh", {
          vpc,
          serviceNetwork: { serviceNetworkArn: "arn:aws:vpc-lattice:eu-west-1:111111111111:servicenetwork/sn-0123456789abcdef0" },
        }),
      "serviceNetwork.serviceNetworkArn",
      "eu-west-1",
    );
    expectValidationError(
      () => new ServiceNetworkEndpoint(stack, "Name", { vpc, serviceNetwork: { serviceNetworkArn: "sn-0123456789abcdef0" } }),
      "serviceNetwork.serviceNetworkArn",
      "sn-0123456789abcdef0",
    );
    // References are skipped: a network given as a variable is known only at apply.
    new ServiceNetworkEndpoint(stack, "Reference", {
      vpc,
      serviceNetwork: { serviceNetworkArn: new TerraformVariable(stack, "network_arn", { type: "string" }).stringValue },
    });
  });

  test("fails when a service network endpoint opens no port, or an S3 hybrid access no on-premises range", () => {
    const stack = stackWithProvider();
    const vpc = testVpc(stack);
    expectValidationError(
      () =>
        new ServiceNetworkEndpoint(stack, "Mesh", {
          vpc,
          serviceNetwork: { serviceNetworkArn: "arn:aws:vpc-lattice:us-east-1:111111111111:servicenetwork/sn-0123456789abcdef0" },
          ports: [],
        }),
      "ports",
      "[]",
    );
    expectValidationError(
      () => new S3HybridAccess(stack, "Hybrid", { vpc, policy: EndpointPolicy.s3Buckets(["a-bucket"]), onPremisesPeers: [] }),
      "onPremisesPeers",
      "[]",
    );
  });

  test("fails when a service access has an unknown endpoint type, or a gateway one an interface-only field", () => {
    const stack = stackWithProvider();
    const vpc = testVpc(stack);
    const [s3] = ServiceAccessPresets.privateS3(["a-bucket"]);
    expectValidationError(
      () => new PrivateAwsServiceAccess(stack, "Lower", { vpc, services: [{ ...s3, endpointType: "gateway" as never }] }),
      "services[0].endpointType",
      "gateway",
    );
    expectValidationError(
      () => new PrivateAwsServiceAccess(stack, "Dns", { vpc, services: [{ ...s3, privateDnsEnabled: true }] }),
      "services[0].privateDnsEnabled",
      "true",
    );
    expectValidationError(
      () =>
        new PrivateAwsServiceAccess(stack, "Name", { vpc, services: [{ service: "logs", policy: EndpointPolicy.organizationOnly(ORG) } as never] }),
      "services[0].service",
      "logs",
    );
    expectValidationError(() => new PrivateAwsServiceAccess(stack, "One", { vpc, services: s3 as never }), "services", "s3");
  });

  test("fails when the bucket policy is given a bucket ARN for its name, a role of another partition, or one endpoint twice", () => {
    const stack = stackWithProvider();
    const endpoints = [{ vpcEndpointId: "vpce-0123456789abcdef0" }];
    const roles = ["arn:aws:iam::111111111111:role/deployer"];
    const error = expectValidationError(
      () => new EndpointOnlyBucketPolicy(stack, "Arn", { bucketName: "arn:aws:s3:::a-bucket", endpoints, deploymentRoleArns: roles }),
      "bucketName",
      "arn:aws:s3:::a-bucket",
    );
    expect(error.expected).toContain("(a-bucket)");
    expectValidationError(
      () =>
        new EndpointOnlyBucketPolicy(stack, "Cn", {
          bucketName: "a-bucket",
          endpoints,
          deploymentRoleArns: ["arn:aws-cn:iam::111111111111:role/deployer"],
        }),
      "deploymentRoleArns[0]",
      "aws-cn",
    );
    expectValidationError(
      () =>
        new EndpointOnlyBucketPolicy(stack, "Twice", { bucketName: "a-bucket", endpoints: [...endpoints, ...endpoints], deploymentRoleArns: roles }),
      "endpoints[1]",
      "vpce-",
    );
  });
});

describe("safe-input properties", () => {
  // Names S3 allows: the pattern also yields reserved ones (xn--0a), which checkBucketName rightly refuses.
  const bucketName = fc.stringMatching(/^[a-z0-9][a-z0-9-]{1,20}[a-z0-9]$/).filter(isBucketName);

  test("s3Buckets renders the same resources for a bucket's name and its ARN, each with one ARN prefix", () => {
    fc.assert(
      fc.property(bucketName, fc.constantFrom("us-east-1", "cn-north-1", "us-gov-west-1"), (bucket, region) => {
        const partition = region.startsWith("cn-") ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
        const byName = render(EndpointPolicy.s3Buckets([bucket], { awsManagedBuckets: false }), region);
        const byArn = render(EndpointPolicy.s3Buckets([`arn:${partition}:s3:::${bucket}`], { awsManagedBuckets: false }), region);
        expect(byArn).toEqual(byName);
        for (const resource of byName.flatMap(resources)) expect(resource.split("arn:").length).toBe(2);
      }),
      { numRuns: 50 },
    );
  });

  test("every catalog service's name in any region is a name custom() accepts back in that region, and in no other", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...(AwsService.knownNames as AwsServiceName[])),
        fc.constantFrom("us-east-1", "eu-central-1", "cn-north-1", "cn-northwest-1", "us-gov-west-1"),
        (name, region) => {
          const service = AwsService.of(name);
          if (!service.hasInterfaceEndpoint) return;
          const full = service.serviceName(scope(), "service", region);
          expect(AwsService.custom(full).serviceName(scope(), "service", region)).toBe(full);
          if (full.includes(`.${region}.`))
            expect(() => AwsService.custom(full).serviceName(scope(), "service", "ap-southeast-2")).toThrow(ValidationError);
        },
      ),
      { numRuns: 200 },
    );
  });

  test("peers that together cover the whole IPv4 space are refused, however they are split", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), (bits) => {
        const count = 2 ** bits;
        const cidrs = Array.from({ length: count }, (_, i) => `${Math.floor((256 / count) * i)}.0.0.0/${bits}`);
        const stack = stackWithProvider();
        const build = () =>
          new InterfaceEndpoint(stack, "Logs", {
            vpc: testVpc(stack),
            service: AwsService.LOGS,
            policy: EndpointPolicy.organizationOnly(ORG),
            allowedPeers: cidrs.map((c) => Peer.cidr(c)),
          });
        expect(build).toThrow(ValidationError);
      }),
      { numRuns: 8 },
    );
  });
});
