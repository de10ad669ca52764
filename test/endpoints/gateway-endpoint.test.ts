import { AwsService, EndpointPolicy, GatewayEndpoint } from "../../modules/endpoints";
import { PolicyPrincipal, PolicyStatement, Port } from "../../modules/core";
import { expectFlow } from "../../modules/flows";
import { Peer, SecurityGroup, Vpc } from "../../modules/vpc";
import { expectValidationError, onlyResource, resourcesOfType, stackWithProvider, synthJson } from "../helpers";
import { NO_PRIVATE_TIER, ORG, testVpc, tieredVpc } from "./helpers";

const policy = EndpointPolicy.s3Buckets(["example-bucket"], { organizationId: ORG });

describe("GatewayEndpoint", () => {
  test("an explicit Gateway type with the route tables of the VPC's private subnets and the policy", () => {
    const stack = stackWithProvider();
    const endpoint = new GatewayEndpoint(stack, "S3", { vpc: testVpc(stack), service: AwsService.S3, policy });
    const json = onlyResource(synthJson(stack), "aws_vpc_endpoint");
    expect(json).toMatchObject({ vpc_endpoint_type: "Gateway", service_name: "com.amazonaws.us-east-1.s3" });
    expect(json.route_table_ids).toEqual([
      expect.stringMatching(/aws_route_table\.Vpc_PrivateRoutes-us-east-1a_/),
      expect.stringMatching(/PrivateRoutes-us-east-1b_/),
    ]);
    expect(
      JSON.parse(json.policy)
        .Statement.map((s: { Resource: unknown }) => s.Resource)
        .slice(0, 2),
    ).toEqual(["arn:aws:s3:::example-bucket", "arn:aws:s3:::example-bucket/*"]);
    expect(json.subnet_ids).toBeUndefined();
    expect(json.security_group_ids).toBeUndefined();
    expect(endpoint.resource.node.id).toBe("Resource");
  });

  test("given route tables are used as they are; subnets sharing a route table list it once", () => {
    const stack = stackWithProvider();
    const vpc = testVpc(stack);
    new GatewayEndpoint(stack, "Given", {
      vpc,
      service: AwsService.DYNAMODB,
      policy: EndpointPolicy.dynamoDbTables(["arn:aws:dynamodb:us-east-1:111111111111:table/orders"]),
      routeTableIds: ["rtb-0123456789abcdef0"],
    });
    const shared = [
      { subnetId: "subnet-0aaaaaaaaaaaaaaaa", routeTableId: "rtb-0aaaaaaaaaaaaaaaa" },
      { subnetId: "subnet-0bbbbbbbbbbbbbbbb", routeTableId: "rtb-0aaaaaaaaaaaaaaaa" },
    ];
    new GatewayEndpoint(stack, "Shared", { vpc, service: AwsService.S3, policy, subnets: shared });
    const endpoints = Object.entries(synthJson(stack).resource.aws_vpc_endpoint) as [string, { route_table_ids: string[]; service_name: string }][];
    expect(endpoints.find(([k]) => k.startsWith("Given_"))![1]).toMatchObject({
      route_table_ids: ["rtb-0123456789abcdef0"],
      service_name: "com.amazonaws.us-east-1.dynamodb",
    });
    expect(endpoints.find(([k]) => k.startsWith("Shared_"))![1].route_table_ids).toEqual(["rtb-0aaaaaaaaaaaaaaaa"]);
  });

  test("fails when the service has no gateway endpoint", () => {
    const stack = stackWithProvider();
    const error = expectValidationError(
      () => new GatewayEndpoint(stack, "Logs", { vpc: testVpc(stack), service: AwsService.LOGS, policy }),
      "service",
      "logs",
    );
    expect(error.expected).toContain("s3, dynamodb or s3express");
  });

  test("fails when both routeTableIds and subnets are given: the subnets' route tables would get no route", () => {
    const stack = stackWithProvider();
    const vpc = testVpc(stack);
    const error = expectValidationError(
      () =>
        new GatewayEndpoint(stack, "Both", {
          vpc,
          service: AwsService.S3,
          policy,
          routeTableIds: ["rtb-0123456789abcdef0"],
          subnets: vpc.privateSubnets,
        }),
      "subnets",
      "subnets with routeTableIds",
    );
    expect(error.expected).toContain("not both");
  });

  test("fails when no route table is known", () => {
    const stack = stackWithProvider();
    const vpc = testVpc(stack);
    expectValidationError(() => new GatewayEndpoint(stack, "A", { vpc, service: AwsService.S3, policy, routeTableIds: [] }), "routeTableIds", "[]");
    expectValidationError(
      () => new GatewayEndpoint(stack, "B", { vpc, service: AwsService.S3, policy, subnets: [{ subnetId: "subnet-0aaaaaaaaaaaaaaaa" }] }),
      "subnets[0].routeTableId",
      "undefined",
    );
    const bare = Vpc.fromVpcAttributes(stack, "Bare", { vpcId: "vpc-0123456789abcdef0", cidrBlock: "10.1.0.0/16" });
    expectValidationError(() => new GatewayEndpoint(stack, "C", { vpc: bare, service: AwsService.S3, policy }), "vpc.privateSubnets", "[]");
  });

  test("fails when the route tables default to the VPC's private tier and an imported VPC has app and data tiers only, naming its tiers", () => {
    const stack = stackWithProvider();
    const vpc = tieredVpc(stack);
    const error = expectValidationError(() => new GatewayEndpoint(stack, "S3", { vpc, service: AwsService.S3, policy }), "vpc.privateSubnets", "[]");
    expect(error.expected).toBe(NO_PRIVATE_TIER);
    const endpoint = new GatewayEndpoint(stack, "S3Data", { vpc, subnets: vpc.selectSubnets({ tier: "data" }), service: AwsService.S3, policy });
    expect(endpoint.resource.routeTableIdsInput).toEqual(["rtb-0ccccccccccccccc1", "rtb-0ccccccccccccccc2"]);
  });

  test("fails when the policy statement lacks a principal or the policy is too long", () => {
    const stack = stackWithProvider();
    const vpc = testVpc(stack);
    const long = EndpointPolicy.s3Buckets(Array.from({ length: 400 }, (_, i) => `example-bucket-with-a-long-name-${i}`));
    expectValidationError(
      () => new GatewayEndpoint(stack, "Long", { vpc, service: AwsService.S3, policy: long }),
      "policy",
      /a policy of \d+ characters/,
    );
  });

  test("a client's group opens egress to the service's prefix list through the endpoint's connections; the endpoint gets no rule", () => {
    const stack = stackWithProvider();
    const vpc = testVpc(stack);
    const endpoint = new GatewayEndpoint(stack, "S3", { vpc, service: AwsService.S3, policy });
    const app = new SecurityGroup(stack, "App", { vpc, description: "App servers" });
    app.connections.allowDefaultPortTo(endpoint, "App to S3 over HTTPS");
    endpoint.connections.allowFrom(app, Port.tcp(80), "App to S3 over HTTP");
    const json = synthJson(stack);
    const egress = Object.values(resourcesOfType(json, "aws_vpc_security_group_egress_rule")) as { prefix_list_id: string; from_port: number }[];
    const prefixList = expect.stringMatching(/^\$\{aws_vpc_endpoint\.S3_\w+\.prefix_list_id\}$/);
    expect(egress.map((r) => [r.prefix_list_id, r.from_port])).toEqual([
      [prefixList, 443],
      [prefixList, 80],
    ]);
    expect(resourcesOfType(json, "aws_vpc_security_group_ingress_rule")).toEqual({});
  });

  test("fails when a rule through a gateway endpoint's connections has no security group to go on", () => {
    const stack = stackWithProvider();
    const endpoint = new GatewayEndpoint(stack, "S3", { vpc: testVpc(stack), service: AwsService.S3, policy });
    expectValidationError(
      () => endpoint.connections.allowTo(Peer.cidr("10.0.0.0/16"), Port.tcp(443), "nowhere"),
      "connections.allowTo",
      "10.0.0.0/16",
    );
    const other = new SecurityGroup(stack, "Other", { vpc: testVpc(stack, undefined, "Vpc2"), description: "Other" });
    expectValidationError(() => endpoint.connections.addSecurityGroup(other), "connections.addSecurityGroup", "1");
  });

  test("fails when the region prop contradicts the provider's literal region (the endpoint is created in the provider's)", () => {
    const stack = stackWithProvider();
    expectValidationError(
      () => new GatewayEndpoint(stack, "S3", { vpc: testVpc(stack), service: AwsService.S3, policy, region: "eu-west-1" }),
      "region",
      "eu-west-1",
    );
  });

  test("fails when a second gateway endpoint to the service routes a route table the first routes already", () => {
    const stack = stackWithProvider();
    const vpc = testVpc(stack);
    new GatewayEndpoint(stack, "S3", { vpc, service: AwsService.S3, policy });
    expectValidationError(
      () => new GatewayEndpoint(stack, "MoreS3", { vpc, service: AwsService.S3, policy }),
      "vpc.privateSubnets",
      "a route table of the VPC",
    );
    new GatewayEndpoint(stack, "Given", { vpc, service: AwsService.S3, policy, routeTableIds: ["rtb-0123456789abcdef0"] });
    expectValidationError(
      () => new GatewayEndpoint(stack, "GivenAgain", { vpc, service: AwsService.S3, policy, routeTableIds: ["rtb-0123456789abcdef0"] }),
      "routeTableIds",
      "rtb-0123456789abcdef0",
    );
    const tables = EndpointPolicy.dynamoDbTables(["arn:aws:dynamodb:us-east-1:111111111111:table/orders"]);
    expect(() => new GatewayEndpoint(stack, "Tables", { vpc, service: AwsService.DYNAMODB, policy: tables })).not.toThrow();
  });

  test("a policy's principals are conditions on Principal * (AWS matches an account there to its root user only): the account's roles pass, others not", () => {
    const stack = stackWithProvider();
    const vpc = testVpc(stack);
    const ROLE = "arn:aws:iam::111111111111:role/app";
    new GatewayEndpoint(stack, "S3", {
      vpc,
      service: AwsService.S3,
      policy: EndpointPolicy.s3Buckets(["a-bucket"], { principals: [PolicyPrincipal.arn(ROLE), PolicyPrincipal.account("222222222222")] }),
    });
    const statements = JSON.parse(onlyResource(synthJson(stack), "aws_vpc_endpoint").policy).Statement as { Principal: unknown }[];
    expect(statements.every((s) => s.Principal === "*")).toBe(true);
    const put = { dnsName: "a-bucket.s3.us-east-1.amazonaws.com", request: { action: "s3:PutObject", resource: "arn:aws:s3:::a-bucket/k" } };
    expectFlow(stack, { vpc, principal: ROLE }, put).toBeAllowed();
    expectFlow(stack, { vpc, principal: "arn:aws:iam::222222222222:role/any-role" }, put).toBeAllowed();
    expectFlow(stack, { vpc, principal: "arn:aws:iam::111111111111:role/other" }, put).toBeDenied("aws:PrincipalArn");
    expectFlow(stack, { vpc, principal: "arn:aws:iam::333333333333:role/any-role" }, put).toBeDenied("aws:PrincipalAccount");
  });

  test("fails when a fromStatements policy names an account principal (it would admit the account's root user only)", () => {
    const stack = stackWithProvider();
    expectValidationError(
      () =>
        new GatewayEndpoint(stack, "S3", {
          vpc: testVpc(stack),
          service: AwsService.S3,
          policy: EndpointPolicy.fromStatements(
            new PolicyStatement({ actions: ["s3:GetObject"], principals: [PolicyPrincipal.account("111111111111")] }),
          ),
        }),
      "policy.statements[0].principals[0]",
      "111111111111",
    );
  });

  test("imports an existing gateway endpoint", () => {
    const stack = stackWithProvider();
    const imported = GatewayEndpoint.fromAttributes(stack, "Existing", { vpcEndpointId: "vpce-0123456789abcdef0", service: AwsService.S3 });
    expect(imported.vpcEndpointId).toBe("vpce-0123456789abcdef0");
  });
});
