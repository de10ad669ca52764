import { TerraformOutput } from "cdktf";
import { AuthPolicy, LatticeMesh } from "../../modules/lattice";
import { exampleStack } from "../example-stack";
import { demoService } from "./service-network-demo";
import { exampleVpc, SECOND_ACCOUNT, THIRD_ACCOUNT } from "../example-values";

const FINANCE_ACCOUNT = SECOND_ACCOUNT;
const ANALYTICS_ACCOUNT = THIRD_ACCOUNT;

/**
 * SN-5: the data platform (111111111111) shares two data services with the
 * finance and analytics departments, each in its own account. The network's
 * auth policy is the data-sharing agreement: finance reads reports,
 * analytics reads datasets, from their own VPCs, and no department can
 * change or delete anything through the network.
 */
export const sn5DepartmentDataSharing = exampleStack("sn5-department-data-sharing", ["SN-5"], (stack) => {
  const finance = stack.accountProvider("finance", FINANCE_ACCOUNT);
  const analytics = stack.accountProvider("analytics", ANALYTICS_ACCOUNT);
  const dataVpc = exampleVpc(stack, "DataPlatformVpc", "data-platform", "10.80.0.0/16");
  const financeVpc = exampleVpc(stack, "FinanceVpc", "finance", "10.81.0.0/16", { provider: finance });
  const analyticsVpc = exampleVpc(stack, "AnalyticsVpc", "analytics", "10.82.0.0/16", { provider: analytics });

  const financeReads = { accounts: [FINANCE_ACCOUNT], sourceVpcOwnerAccounts: [FINANCE_ACCOUNT], methods: ["GET" as const, "HEAD" as const], paths: ["/reports/*"] };
  const analyticsReads = { accounts: [ANALYTICS_ACCOUNT], sourceVpcOwnerAccounts: [ANALYTICS_ACCOUNT], methods: ["GET" as const, "HEAD" as const], paths: ["/datasets/*"] };
  const reports = demoService(stack, "Reports", {
    name: "finance-reports",
    vpc: dataVpc,
    targets: { "reports-0": "10.80.0.10", "reports-1": "10.80.1.10" },
    authPolicy: new AuthPolicy().allow({ sid: "FinanceReads", ...financeReads }),
  });
  const datasets = demoService(stack, "Datasets", {
    name: "analytics-datasets",
    vpc: dataVpc,
    targets: { "datasets-0": "10.80.0.20", "datasets-1": "10.80.1.20" },
    authPolicy: new AuthPolicy().allow({ sid: "AnalyticsReads", ...analyticsReads }),
  });

  const mesh = new LatticeMesh(stack, "DataSharing", {
    name: "department-data",
    members: [
      { name: "finance", accountId: FINANCE_ACCOUNT, provider: finance, vpc: financeVpc },
      { name: "analytics", accountId: ANALYTICS_ACCOUNT, provider: analytics, vpc: analyticsVpc },
    ],
    authPolicy: new AuthPolicy()
      .allow({ sid: "FinanceReadsReports", ...financeReads, services: [reports] })
      .allow({ sid: "AnalyticsReadsDatasets", ...analyticsReads, services: [datasets] })
      .deny({ sid: "NoWritesThroughTheNetwork", methods: ["POST", "PUT", "PATCH", "DELETE"] }),
  });
  mesh.serviceNetwork.associateService("finance-reports", reports);
  mesh.serviceNetwork.associateService("analytics-datasets", datasets);

  new TerraformOutput(stack, "service_network_arn", { value: mesh.serviceNetwork.serviceNetworkArn });
  new TerraformOutput(stack, "reports_dns_name", { value: reports.dnsName, description: "Finance reads /reports/*" });
  new TerraformOutput(stack, "datasets_dns_name", { value: datasets.dnsName, description: "Analytics reads /datasets/*" });
});
