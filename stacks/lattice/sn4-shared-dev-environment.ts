import { TerraformOutput } from "cdktf";
import { Flows } from "../../modules/flows";
import { SharePrincipal } from "../../modules/ram";
import { AccessLogs, AuthPolicy, ServiceNetwork } from "../../modules/lattice";
import { SecurityGroup } from "../../modules/vpc";
import { exampleStack } from "../example-stack";
import { demoIpTargets, demoService } from "./service-network-demo";
import { EXAMPLE_ORGANIZATION_ID, exampleVpc, OWNER_ACCOUNT } from "../example-values";

/** The OU that holds every development team's account. */
const DEV_TEAMS_OU = "arn:aws:organizations::111111111111:ou/o-a1b2c3d4e5/ou-ab12-devteams1";
/** Organization paths (`aws:PrincipalOrgPaths`) of the accounts of the teams' OU, of the platform's OU, and of production's. */
const DEV_TEAMS_PATH = `${EXAMPLE_ORGANIZATION_ID}/r-ab12/ou-ab12-devteams1/`;
const PLATFORM_PATH = `${EXAMPLE_ORGANIZATION_ID}/r-ab12/ou-ab12-platform1/`;
const PRODUCTION_PATH = `${EXAMPLE_ORGANIZATION_ID}/r-ab12/ou-ab12-prodapps1/`;
/** A development team's account in the OU, and the VPC it associates in its own stack. */
const TEAM_ACCOUNT = "444444444444";
const TEAM_VPC_ID = "vpc-0d1e2f3a4b5c60718";
/** A production account of the organization, outside the teams' OU, and one of its VPCs. */
const PRODUCTION_ACCOUNT = "555555555555";
const PRODUCTION_VPC_ID = "vpc-0e1f2a3b4c5d60718";

/**
 * SN-4: the platform team runs shared test doubles (a mock payment provider,
 * seeded test data) once, in one service network shared with the OU of the
 * development teams. Every team account in the OU, present and future, sees
 * the network and associates its own VPCs. The auth policies admit the
 * principals of that OU (derived from the share) and the platform account's
 * own CI runners, from the platform VPC: the platform account is not in the
 * teams' OU, so a policy derived from the share alone would lock them out.
 * In the platform VPC only the CI runners reach the network: its
 * association admits their security group, not the whole VPC. Logs are
 * kept 30 days: test traffic.
 */
export const sn4SharedDevEnvironment = exampleStack("sn4-shared-dev-environment", ["SN-4"], (stack) => {
  const platformVpc = exampleVpc(stack, "PlatformVpc", "dev-platform", "10.70.0.0/16");
  const devTeams = SharePrincipal.organizationalUnit(DEV_TEAMS_OU);
  const callers = AuthPolicy.fromSharePrincipals([devTeams]).allow({
    sid: "PlatformCiRunners",
    accounts: [OWNER_ACCOUNT],
    sourceVpcs: [platformVpc],
  });

  const network = new ServiceNetwork(stack, "ServiceNetwork", {
    name: "dev-test-shared",
    authPolicy: callers,
    sharing: { principals: [devTeams] },
    accessLogs: AccessLogs.toNewLogGroup({ retentionInDays: 30 }),
  });
  // The platform team's own CI runners use the network too, and nothing else of the platform VPC does.
  const ciRunners = new SecurityGroup(stack, "CiRunnersSecurityGroup", { vpc: platformVpc, description: "CI runners of the platform team" });
  const platformAssociation = network.associateVpc("dev-platform", { vpc: platformVpc, open: false });
  platformAssociation.connections.allowDefaultPortFrom(ciRunners, "Platform CI runners to the shared test doubles");

  const mockPayments = demoService(stack, "MockPayments", {
    name: "mock-payments",
    targetGroup: demoIpTargets(stack, "MockPayments", { name: "mock-payments", vpc: platformVpc, addresses: { "mock-payments-0": "10.70.0.10" } }),
    authPolicy: callers,
  });
  const testData = demoService(stack, "TestData", {
    name: "test-data",
    targetGroup: demoIpTargets(stack, "TestData", { name: "test-data", vpc: platformVpc, addresses: { "test-data-0": "10.70.1.10" } }),
    authPolicy: callers,
  });
  network.associateService("mock-payments", mockPayments);
  network.associateService("test-data", testData);

  new TerraformOutput(stack, "service_network_arn", {
    value: network.serviceNetworkArn,
    description: "Team accounts associate their VPCs with this ARN",
  });
  new TerraformOutput(stack, "mock_payments_dns_name", { value: mockPayments.dnsName });
  new TerraformOutput(stack, "test_data_dns_name", { value: testData.dnsName });
  new TerraformOutput(stack, "ci_runners_security_group_id", {
    value: ciRunners.securityGroupId,
    description: "Give to the platform's CI runners: the only hosts of the platform VPC that reach the network",
  });

  const ciRunner = {
    arn: `arn:aws:iam::${OWNER_ACCOUNT}:role/ci-runner`,
    organizationId: EXAMPLE_ORGANIZATION_ID,
    organizationPaths: [PLATFORM_PATH],
  };
  const teamTests = {
    arn: `arn:aws:iam::${TEAM_ACCOUNT}:role/integration-tests`,
    organizationId: EXAMPLE_ORGANIZATION_ID,
    organizationPaths: [DEV_TEAMS_PATH],
  };
  const productionApp = {
    arn: `arn:aws:iam::${PRODUCTION_ACCOUNT}:role/checkout`,
    organizationId: EXAMPLE_ORGANIZATION_ID,
    organizationPaths: [PRODUCTION_PATH],
  };
  Flows.of(stack)
    .allow("platform-ci-charges-mock-payments", {
      from: { vpc: platformVpc, securityGroup: ciRunners, principal: ciRunner },
      to: { target: mockPayments, request: { method: "POST", path: "/charges" } },
      description: "The platform team's own CI runners, outside the teams' OU, use the network they run",
    })
    .allow("platform-ci-reads-test-data", {
      from: { vpc: platformVpc, securityGroup: ciRunners, principal: ciRunner },
      to: { target: testData, request: { method: "GET", path: "/fixtures/customers" } },
    })
    .deny("platform-host-outside-the-ci-runners-denied", {
      from: { vpc: platformVpc, principal: ciRunner },
      to: { target: mockPayments, request: { method: "POST", path: "/charges" } },
      reason: "has no ingress from",
      description:
        "The platform association admits the CI runners' security group only: another host of the VPC, even with a CI role, does not get in",
    })
    .allow("dev-team-tests-charge-mock-payments", {
      from: { vpc: TEAM_VPC_ID, principal: teamTests },
      to: { target: mockPayments, request: { method: "POST", path: "/charges" } },
      description: "A team account of the OU, from its own VPC (associated in the team's stack), through the OU share",
    })
    .deny("account-outside-the-ou-not-shared", {
      from: { vpc: PRODUCTION_VPC_ID, principal: productionApp },
      to: { target: mockPayments, request: { method: "POST", path: "/charges" } },
      reason: "no RAM share in this stack gives service network dev-test-shared to account 555555555555",
      description: "A production account of the organization is outside the teams' OU: the network is not shared with it",
    })
    .deny("caller-outside-the-ou-denied-in-platform-vpc", {
      from: { vpc: platformVpc, securityGroup: ciRunners, principal: productionApp },
      to: { target: mockPayments, request: { method: "POST", path: "/charges" } },
      reason: "no Allow statement matches arn:aws:iam::555555555555:role/checkout",
      description: "Credentials of an account outside the OU get nothing, even from the platform VPC",
    })
    .deny("unsigned-request-denied", {
      from: { vpc: platformVpc, securityGroup: ciRunners, principal: { anonymous: true } },
      to: { target: testData },
      reason: "matches anonymous",
    })
    .deny("internet-cannot-reach-test-data", { from: { internet: true }, to: { target: testData }, reason: "no public address" });
});
