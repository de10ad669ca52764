import { TerraformStack } from "cdktf";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { PrivateNetworkingStack } from "../../modules/app";
import { OptOut, Port } from "../../modules/core";
import { AwsService, EndpointPolicy, InterfaceEndpoint } from "../../modules/endpoints";
import { analyzeStackFlow, expectFlow } from "../../modules/flows";
import {
  AuthPolicy,
  LatticeListenerAction,
  LatticeService,
  LatticeTargetGroup,
  LatticeTargetGroupConfig,
  ServiceNetwork,
} from "../../modules/lattice";
import { ResourceShare, SharePrincipal } from "../../modules/ram";
import { ResourceConfiguration, ResourceDefinition, ResourceGateway } from "../../modules/resources";
import { Peer, SecurityGroup, Vpc } from "../../modules/vpc";
import { testApp } from "../helpers";

/**
 * Flow proofs over stacks that build on what exists (a VPC, a service
 * network, security groups known by ID only): what this configuration does
 * not hold is an assumption of the verdict, never a denial.
 */

const PARTNER = "333333333333";
const CALLER = "222222222222";
const NETWORK_OWNER = "999999999999";
const OUTSIDE_VPC = "vpc-0badc0de0badc0de";

function existingVpc(scope: TerraformStack): Vpc {
  return Vpc.fromVpcAttributes(scope, "ExistingVpc", {
    vpcId: "vpc-0abc1234def567890",
    cidrBlock: "10.50.0.0/16",
    privateSubnetIds: ["subnet-0aaa1111bbbb22220", "subnet-0aaa1111bbbb22221"],
    availabilityZones: ["eu-west-1a", "eu-west-1b"],
  }) as Vpc;
}

/** An existing database (DNS name, 5432) in an existing VPC, behind a new resource gateway, shared with a partner account. */
function sharedExistingDatabase() {
  const s = new PrivateNetworkingStack(testApp(), "existing-db", { region: "eu-west-1", accountId: "111111111111" });
  const vpc = existingVpc(s);
  const database = SecurityGroup.fromSecurityGroupAttributes(s, "DbSg", { securityGroupId: "sg-0fedcba9876543210", vpcId: vpc.vpcId });
  const gateway = new ResourceGateway(s, "Gateway", { name: "orders-db-gw", vpc });
  const configuration = new ResourceConfiguration(s, "OrdersDb", {
    name: "orders-db",
    resourceGateway: gateway,
    resource: ResourceDefinition.dns("orders.cluster-abcdefghijkl.eu-west-1.rds.amazonaws.com"),
    ports: [Port.tcp(5432)],
    resourceSecurityGroups: [database],
  });
  const share = new ResourceShare(s, "Share", {
    name: "orders-db-partner",
    principals: [SharePrincipal.account(PARTNER)],
    allowExternalPrincipals: OptOut.because("the partner's account is outside our organization"),
  });
  share.addResource("orders-db", configuration.resourceConfigurationArn);
  return { s, configuration };
}

describe("a resource gateway in a VPC made elsewhere (its CIDRs are not in the configuration)", () => {
  test("the partner reaches the database: the gateway's egress range is proven, the resource being inside it is assumed", () => {
    const { s, configuration } = sharedExistingDatabase();
    const verdict = expectFlow(
      s,
      { vpc: OUTSIDE_VPC, principal: { arn: `arn:aws:iam::${PARTNER}:role/reports` } },
      { target: configuration, port: 5432 },
    );
    verdict.toBeAllowed();
    expect(verdict.verdict.hops.map((h) => h.text)).toContain("security group Gateway-SecurityGroup of orders-db-gw lets 5432 out to 10.50.0.0/16");
    expect(verdict.verdict.assumptions).toContainEqual(expect.stringContaining("the resource of orders-db is in 10.50.0.0/16"));
  });

  test("fails when the gateway's security group lets nothing out on the port", () => {
    const { s, configuration } = sharedExistingDatabase();
    const egress = s.node.findAll().filter((c): c is VpcSecurityGroupEgressRule => c instanceof VpcSecurityGroupEgressRule);
    expect(egress.length).toBeGreaterThan(0);
    for (const rule of egress) {
      rule.addOverride("from_port", 3306);
      rule.addOverride("to_port", 3306);
    }
    expectFlow(s, { vpc: OUTSIDE_VPC, principal: { arn: `arn:aws:iam::${PARTNER}:role/reports` } }, { target: configuration, port: 5432 }).toBeDenied(
      "has no egress to an address range on 5432",
    );
  });

  test("a stranger's account is still refused: no share gives it the configuration", () => {
    const { s, configuration } = sharedExistingDatabase();
    expectFlow(s, { vpc: OUTSIDE_VPC, principal: { arn: "arn:aws:iam::555555555555:role/x" } }, { target: configuration, port: 5432 }).toBeDenied(
      "no RAM share in this stack gives",
    );
  });
});

/** A new service, in an existing VPC, associated with a service network another account owns and shares. */
function serviceInSharedNetwork() {
  const s = new PrivateNetworkingStack(testApp(), "shared-network", { region: "eu-west-1", accountId: "111111111111" });
  const vpc = existingVpc(s);
  const network = ServiceNetwork.fromServiceNetworkAttributes(s, "SharedNetwork", {
    serviceNetworkArn: `arn:aws:vpc-lattice:eu-west-1:${NETWORK_OWNER}:servicenetwork/sn-0123456789abcdef0`,
  });
  const tasks = SecurityGroup.fromSecurityGroupAttributes(s, "TaskSg", { securityGroupId: "sg-0123456789abcdef0", vpcId: vpc.vpcId });
  const targets = new LatticeTargetGroup(s, "Orders", {
    name: "orders-ecs",
    config: LatticeTargetGroupConfig.ipAddresses({ vpc, protocol: "HTTP", port: 8080 }),
    targetsRegisteredBy: "Amazon ECS service orders (vpc_lattice_configurations)",
    securityGroups: [tasks],
  });
  const service = new LatticeService(s, "OrdersService", {
    name: "orders",
    authPolicy: new AuthPolicy().allow({ sid: "CallerRole", roles: [`arn:aws:iam::${CALLER}:role/checkout-api`] }),
  });
  service.addListener({ protocol: "HTTP", port: 80, defaultAction: LatticeListenerAction.forward(targets) });
  network.associateService("orders", service);
  return { s, service };
}

describe("a service in a service network another account owns (the network's shares are in its owner's configuration)", () => {
  const from = (role: string) => ({ vpc: "vpc-0c0ffee0c0ffee000", principal: { arn: `arn:aws:iam::${CALLER}:role/${role}` } });

  test("the role the auth policy names reaches the service: the owner's share with the caller's account is assumed", () => {
    const { s, service } = serviceInSharedNetwork();
    const verdict = expectFlow(s, from("checkout-api"), { target: service, port: 80 });
    verdict.toBeAllowed();
    expect(verdict.verdict.assumptions).toContainEqual(
      expect.stringContaining(
        `account ${NETWORK_OWNER} shares service network arn:aws:vpc-lattice:eu-west-1:${NETWORK_OWNER}:servicenetwork/sn-0123456789abcdef0 with account ${CALLER} through RAM`,
      ),
    );
  });

  test("fails when the caller is another role of the same account: the auth policy is evaluated, not skipped", () => {
    const { s, service } = serviceInSharedNetwork();
    expect(analyzeStackFlow(s, from("other"), { target: service, port: 80 }).allowed).toBe(false);
    expectFlow(s, from("other"), { target: service, port: 80 }).toBeDenied("auth policy");
  });
});

describe("security groups made elsewhere (imported by ID, the library adds some rules to them)", () => {
  function endpointForExistingGroups() {
    const s = new PrivateNetworkingStack(testApp(), "existing-groups", { region: "eu-west-1", accountId: "111111111111" });
    const vpc = existingVpc(s);
    const app = SecurityGroup.fromSecurityGroupAttributes(s, "AppSg", { securityGroupId: "sg-0aaaaaaaaaaaaaaa1", vpcId: vpc.vpcId });
    const endpointGroup = SecurityGroup.fromSecurityGroupAttributes(s, "EndpointSg", { securityGroupId: "sg-0bbbbbbbbbbbbbbb1", vpcId: vpc.vpcId });
    const endpoint = new InterfaceEndpoint(s, "Logs", {
      vpc,
      service: AwsService.LOGS,
      policy: EndpointPolicy.allowAll(OptOut.because("the log groups are this account's own")),
      securityGroups: [endpointGroup],
    });
    return { s, vpc, app, endpoint };
  }

  test("the imported group is asked by its own ID (not its VPC's), and its own rules are an assumption, not a denial", () => {
    const { s, vpc, app, endpoint } = endpointForExistingGroups();
    const verdict = expectFlow(s, { vpc, securityGroup: app }, { target: endpoint, port: 443 });
    verdict.toBeAllowed();
    expect(verdict.verdict.assumptions).toContainEqual(
      expect.stringContaining("security group sg-0aaaaaaaaaaaaaaa1 is made elsewhere: its own rules let tcp 443 out to VPC endpoint Logs"),
    );
    // A rule this configuration adds to the endpoint's existing group does not make its other rules unknown to AWS.
    endpoint.connections.allowDefaultPortFrom(Peer.cidr("10.99.0.0/16"), "Clients of the branch network");
    const withRule = expectFlow(s, { vpc, securityGroup: app }, { target: endpoint, port: 443 });
    withRule.toBeAllowed();
    expect(withRule.verdict.assumptions).toContainEqual(expect.stringContaining("are made elsewhere: their own rules admit"));
  });

  test("fails when a rule this configuration adds is not enough and the group is its own: a group made here is judged by its rules", () => {
    const { s, vpc, endpoint } = endpointForExistingGroups();
    const own = new SecurityGroup(s, "OwnClients", { vpc, description: "clients made here, with no egress" });
    expectFlow(s, { vpc, securityGroup: own }, { target: endpoint, port: 443 }).toBeDenied("has no egress");
  });
});
