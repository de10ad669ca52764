import { TerraformOutput } from "cdktf";
import { Flows } from "../../modules/flows";
import { AuthPolicy, LatticeMesh, latticeInvokePolicy } from "../../modules/lattice";
import { exampleStack } from "../example-stack";
import { demoIpTargets, demoService } from "./service-network-demo";
import { EXAMPLE_ORGANIZATION_ID, exampleVpc, SECOND_ACCOUNT, THIRD_ACCOUNT } from "../example-values";

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

  const financeReads = {
    accounts: [FINANCE_ACCOUNT],
    sourceVpcOwnerAccounts: [FINANCE_ACCOUNT],
    methods: ["GET" as const, "HEAD" as const],
    paths: ["/reports/*"],
  };
  const analyticsReads = {
    accounts: [ANALYTICS_ACCOUNT],
    sourceVpcOwnerAccounts: [ANALYTICS_ACCOUNT],
    methods: ["GET" as const, "HEAD" as const],
    paths: ["/datasets/*"],
  };
  const reports = demoService(stack, "Reports", {
    name: "finance-reports",
    targetGroup: demoIpTargets(stack, "Reports", {
      name: "finance-reports",
      vpc: dataVpc,
      addresses: { "reports-0": "10.80.0.10", "reports-1": "10.80.1.10" },
    }),
    authPolicy: new AuthPolicy().allow({ sid: "FinanceReads", ...financeReads }),
  });
  const datasets = demoService(stack, "Datasets", {
    name: "analytics-datasets",
    targetGroup: demoIpTargets(stack, "Datasets", {
      name: "analytics-datasets",
      vpc: dataVpc,
      addresses: { "datasets-0": "10.80.0.20", "datasets-1": "10.80.1.20" },
    }),
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
  // The departments call from their own accounts: their roles need identity policies besides the auth policies.
  new TerraformOutput(stack, "finance_caller_policy", {
    value: latticeInvokePolicy(stack, [reports]),
    description: "Attach to finance's calling roles",
  });
  new TerraformOutput(stack, "analytics_caller_policy", {
    value: latticeInvokePolicy(stack, [datasets]),
    description: "Attach to analytics' calling roles",
  });

  const financeAnalyst = { arn: `arn:aws:iam::${FINANCE_ACCOUNT}:role/finance-analyst`, organizationId: EXAMPLE_ORGANIZATION_ID };
  const analyticsJob = { arn: `arn:aws:iam::${ANALYTICS_ACCOUNT}:role/analytics-job`, organizationId: EXAMPLE_ORGANIZATION_ID };
  Flows.of(stack)
    .allow("finance-reads-reports", {
      from: { vpc: financeVpc, principal: financeAnalyst },
      to: { target: reports, request: { method: "GET", path: "/reports/2024-q4" } },
      description: "Finance reads reports from its own VPC, through the shared network",
    })
    .allow("analytics-reads-datasets", {
      from: { vpc: analyticsVpc, principal: analyticsJob },
      to: { target: datasets, request: { method: "GET", path: "/datasets/clickstream" } },
      description: "Analytics reads datasets from its own VPC",
    })
    .deny("finance-cannot-change-reports", {
      from: { vpc: financeVpc, principal: financeAnalyst },
      to: { target: reports, request: { method: "DELETE", path: "/reports/2024-q4" } },
      reason: "NoWritesThroughTheNetwork",
      description: "No department changes or deletes anything through the network",
    })
    .deny("finance-cannot-read-datasets", {
      from: { vpc: financeVpc, principal: financeAnalyst },
      to: { target: datasets, request: { method: "GET", path: "/datasets/clickstream" } },
      reason: "auth policy of service network department-data",
      description: "Each department reads only what the agreement gives it",
    })
    .deny("analytics-cannot-read-reports", {
      from: { vpc: analyticsVpc, principal: analyticsJob },
      to: { target: reports, request: { method: "GET", path: "/reports/2024-q4" } },
      reason: "auth policy of service network department-data",
    })
    .deny("finance-reads-outside-reports-denied", {
      from: { vpc: financeVpc, principal: financeAnalyst },
      to: { target: reports, request: { method: "GET", path: "/admin/users" } },
      reason: "vpc-lattice-svcs:RequestPath",
      description: "Finance reads /reports/* and nothing else of the service",
    })
    .deny("unsigned-request-denied", {
      from: { vpc: financeVpc, principal: { anonymous: true } },
      to: { target: reports, request: { path: "/reports/2024-q4" } },
      reason: "matches anonymous",
    })
    .deny("data-platform-vpc-is-not-a-client", {
      from: { vpc: dataVpc, principal: financeAnalyst },
      to: { target: reports },
      reason: "neither associated with a service network",
      description: "The data platform's VPC only hosts the targets",
    });
});
