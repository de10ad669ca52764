import { TerraformOutput } from "cdktf";
import { SharePrincipal } from "../../modules/ram";
import { AccessLogs, AuthPolicy, ServiceNetwork } from "../../modules/lattice";
import { exampleStack } from "../example-stack";
import { demoIpTargets, demoService } from "./service-network-demo";
import { exampleVpc } from "../example-values";

/** The OU that holds every development team's account. */
const DEV_TEAMS_OU = "arn:aws:organizations::111111111111:ou/o-a1b2c3d4e5/ou-ab12-devteams1";

/**
 * SN-4: the platform team runs shared test doubles (a mock payment provider,
 * seeded test data) once, in one service network shared with the OU of the
 * development teams. Every team account in the OU, present and future, sees
 * the network and associates its own VPCs; the auth policy is derived from
 * the share (principals of that OU). Logs are kept 30 days: test traffic.
 */
export const sn4SharedDevEnvironment = exampleStack("sn4-shared-dev-environment", ["SN-4"], (stack) => {
  const platformVpc = exampleVpc(stack, "PlatformVpc", "dev-platform", "10.70.0.0/16");
  const devTeams = SharePrincipal.organizationalUnit(DEV_TEAMS_OU);
  const teamCallers = AuthPolicy.fromSharePrincipals([devTeams]);

  const network = new ServiceNetwork(stack, "ServiceNetwork", {
    name: "dev-test-shared",
    sharing: { principals: [devTeams] },
    accessLogs: AccessLogs.toNewLogGroup({ retentionInDays: 30 }),
  });
  // The platform team's own CI runners use the network too.
  network.associateVpc("dev-platform", { vpc: platformVpc });

  const mockPayments = demoService(stack, "MockPayments", {
    name: "mock-payments",
    targetGroup: demoIpTargets(stack, "MockPayments", { name: "mock-payments", vpc: platformVpc, addresses: { "mock-payments-0": "10.70.0.10" } }),
    authPolicy: teamCallers,
  });
  const testData = demoService(stack, "TestData", {
    name: "test-data",
    targetGroup: demoIpTargets(stack, "TestData", { name: "test-data", vpc: platformVpc, addresses: { "test-data-0": "10.70.1.10" } }),
    authPolicy: teamCallers,
  });
  network.associateService("mock-payments", mockPayments);
  network.associateService("test-data", testData);

  new TerraformOutput(stack, "service_network_arn", { value: network.serviceNetworkArn, description: "Team accounts associate their VPCs with this ARN" });
  new TerraformOutput(stack, "mock_payments_dns_name", { value: mockPayments.dnsName });
  new TerraformOutput(stack, "test_data_dns_name", { value: testData.dnsName });
});
