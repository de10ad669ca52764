import { PrivateNetworkingStack } from "../../modules/app";
import { OptOut, Port } from "../../modules/core";
import { expectFlow } from "../../modules/flows";
import { ResourceShare, SharePrincipal } from "../../modules/ram";
import { ResourceConfiguration, ResourceDefinition, ResourceGateway } from "../../modules/resources";
import { SecurityGroup, Vpc } from "../../modules/vpc";
import { expectValidationError, resourcesOfType, stackWithProvider, synthJson, testApp } from "../helpers";

/**
 * A resource gateway in a VPC with a secondary IPv4 block (an EKS
 * cluster's pods in 100.64.0.0/16): resources there are in the VPC, and the
 * defaults that name "the VPC" name that block too.
 */

const PARTNER = "333333333333";

const vpcWithPods = (stack: ReturnType<typeof stackWithProvider>) =>
  new Vpc(stack, "Vpc", {
    name: "owner",
    cidrBlock: "10.0.0.0/16",
    availabilityZones: ["us-east-1a", "us-east-1b"],
    secondaryCidrBlocks: ["100.64.0.0/16"],
  });

type Rule = { cidr_ipv4?: string; from_port?: number };
const rules = (stack: ReturnType<typeof stackWithProvider>, type: string) => Object.values(resourcesOfType(synthJson(stack), type)) as Rule[];

describe("resources in a VPC's secondary block", () => {
  it("an IP resource in a secondary block is in the gateway's VPC", () => {
    const stack = stackWithProvider();
    const gateway = new ResourceGateway(stack, "Gateway", { name: "owner-gateway", vpc: vpcWithPods(stack) });
    new ResourceConfiguration(stack, "Config", {
      name: "pods-api",
      resourceGateway: gateway,
      resource: ResourceDefinition.ipAddress("100.64.1.10"),
      ports: [Port.tcp(8443)],
    });
    expect(rules(stack, "aws_vpc_security_group_egress_rule").map((r) => r.cidr_ipv4)).toEqual(["100.64.1.10/32"]);
  });

  it("fails when an IP resource is in none of the VPC's blocks", () => {
    const stack = stackWithProvider();
    const gateway = new ResourceGateway(stack, "Gateway", { name: "owner-gateway", vpc: vpcWithPods(stack) });
    const error = expectValidationError(
      () =>
        new ResourceConfiguration(stack, "Config", {
          name: "pods-api",
          resourceGateway: gateway,
          resource: ResourceDefinition.ipAddress("100.66.1.10"),
          ports: [Port.tcp(8443)],
        }),
      "resource.ipAddress",
      "100.66.1.10",
    );
    expect(error.expected).toContain("10.0.0.0/16, 100.64.0.0/16");
  });

  it.each([
    ["a DNS resource's gateway egress reaches every IPv4 block of the VPC", undefined],
    ["a reachable range equal to a secondary block gets one rule", ["100.64.0.0/16"]],
  ])("%s", (_title, reachableCidrs) => {
    const stack = stackWithProvider();
    const gateway = new ResourceGateway(stack, "Gateway", { name: "owner-gateway", vpc: vpcWithPods(stack), reachableCidrs });
    new ResourceConfiguration(stack, "Config", {
      name: "pods-api",
      resourceGateway: gateway,
      resource: ResourceDefinition.dns("api.internal.example.com"),
      ports: [Port.tcp(8443)],
    });
    expect(
      rules(stack, "aws_vpc_security_group_egress_rule")
        .map((r) => r.cidr_ipv4)
        .sort(),
    ).toEqual(["10.0.0.0/16", "100.64.0.0/16"]);
  });

  it("a gateway imported without groups is admitted into the resource's groups from every IPv4 block of its VPC", () => {
    const stack = stackWithProvider();
    const vpc = Vpc.fromVpcAttributes(stack, "Existing", {
      vpcId: "vpc-0abc1234def567890",
      cidrBlock: "10.50.0.0/16",
      secondaryCidrBlocks: ["100.64.0.0/16"],
    });
    const gateway = ResourceGateway.fromResourceGatewayAttributes(stack, "Gateway", {
      resourceGatewayArn: "arn:aws:vpc-lattice:us-east-1:111111111111:resourcegateway/rgw-0123456789abcdef0",
      vpc,
    });
    const database = new SecurityGroup(stack, "Db", { vpc, description: "The pods database" });
    new ResourceConfiguration(stack, "Config", {
      name: "pods-db",
      resourceGateway: gateway,
      resource: ResourceDefinition.dns("db.internal.example.com"),
      ports: [Port.tcp(5432)],
      resourceSecurityGroups: [database],
    });
    expect(
      rules(stack, "aws_vpc_security_group_ingress_rule")
        .map((r) => r.cidr_ipv4)
        .sort(),
    ).toEqual(["10.50.0.0/16", "100.64.0.0/16"]);
  });
});

describe("flows to a resource in a secondary block", () => {
  it("a partner reaches an IP resource in the pods' block through the gateway", () => {
    const s = new PrivateNetworkingStack(testApp(), "pods-db", { region: "eu-west-1", accountId: "111111111111" });
    const vpc = Vpc.fromVpcAttributes(s, "Existing", {
      vpcId: "vpc-0abc1234def567890",
      cidrBlock: "10.50.0.0/16",
      secondaryCidrBlocks: ["100.64.0.0/16"],
      privateSubnetIds: ["subnet-0aaa1111bbbb22220", "subnet-0aaa1111bbbb22221"],
      availabilityZones: ["eu-west-1a", "eu-west-1b"],
    });
    const gateway = new ResourceGateway(s, "Gateway", { name: "pods-gw", vpc });
    const configuration = new ResourceConfiguration(s, "PodsApi", {
      name: "pods-api",
      resourceGateway: gateway,
      resource: ResourceDefinition.ipAddress("100.64.1.10"),
      ports: [Port.tcp(8443)],
      resourceSecurityGroups: [SecurityGroup.fromSecurityGroupAttributes(s, "PodsSg", { securityGroupId: "sg-0fedcba9876543210", vpcId: vpc.vpcId })],
    });
    const share = new ResourceShare(s, "Share", {
      name: "pods-api-partner",
      principals: [SharePrincipal.account(PARTNER)],
      allowExternalPrincipals: OptOut.because("the partner's account is outside our organization"),
    });
    share.addResource("pods-api", configuration.resourceConfigurationArn);
    expectFlow(
      s,
      { vpc: "vpc-0badc0de0badc0de", principal: { arn: `arn:aws:iam::${PARTNER}:role/reports` } },
      { target: configuration, port: 8443 },
    ).toBeAllowed();
  });
});
